from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level1_of, standard_name
from perflint.analysis.reading import table_owners, text
from perflint.analysis.structure import lexicon
from perflint.values.units import lookup


def _counts_outputs(indicator) -> bool:
    constraint = indicator.constraint
    if constraint.unit is None:
        # A bare number may well be a count whose unit was left out: that is unit-missing's concern.
        return constraint.kind in ("quantity", "range")
    found = lookup(constraint.unit)
    if found is not None and found.dimension == "time-duration" and found.per == ():
        # 免费开放天数 300天, 演出场次…: a number of days served is counted output, not a duration target.
        return text(indicator.name).endswith(("天数", "日数", "工作日数"))
    return found is not None and found.dimension in lexicon()["output_dimensions"]


class OutputQuantityMissing(Rule):
    code = "PF106"
    slug = "output-quantity-missing"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("产出指标中没有以数量计的数量指标", "No quantity indicator counts the outputs")
    messages = {
        "default": Text("项目“{project}”的产出指标中没有数量指标；请增加至少一项写明产出数量和计量单位的数量指标"
                        "（如 印制宣传品 ≥2000份、培训 ≥500人次）",
                        "Project {project!r} has output indicators but no quantity indicator (数量指标); add at least "
                        "one that states how many outputs, with a unit (e.g. ≥2000份, ≥500人次)"),
        "no_count": Text("项目“{project}”的数量指标都没有以个、人、份、亩等计量的产出数量（如“{name}”为“{value}”）；"
                         "数量指标应写明提供多少产品或服务，比率请放到质量指标或效益指标",
                         "None of project {project!r}'s quantity indicators counts outputs in 个, 人, 份, 亩 … "
                         "({name!r} is {value!r}); a quantity indicator states how many products or services are "
                         "delivered — rates belong under quality or effect indicators"),
    }
    doc = RuleDoc(
        what=Text("项目有产出指标，但没有一项数量指标的指标值带有计数或实物计量单位（个、人、份、亩、公里、吨 …）；"
                  "百分比、金额和时间不算。项目完全没有产出指标时由 level1-missing 报告。",
                  "The project has output indicators but no quantity indicator whose value carries a count or "
                  "physical unit (个, 人, 份, 亩, 公里, 吨 …); percentages, money and time do not count. A project "
                  "with no output indicators at all is reported by level1-missing."),
        why=Text("数量指标反映计划提供的产品和服务的数量，是判断预算规模与工作量是否匹配的基础；只有完成率、使用率，"
                 "无法看出资金换来了多少产出。",
                 "Quantity indicators state how much is delivered; they are what the budget is weighed against. "
                 "Completion or usage rates alone do not show how much the money buys."),
        source="实务：地方申报表填报说明（数量指标反映预期提供的公共产品和服务的数量）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“相应匹配”：与计划期内的任务数或计划数相对应",
    )

    def check(self, document, context):
        for project in table_owners(document):
            outputs = [i for i in project.indicators if level1_of(i) == "产出指标"]
            if not outputs:
                continue
            quantity = [i for i in outputs if standard_name(i.level2, first_level=False) == "数量指标"]
            if any(_counts_outputs(i) for i in quantity):
                continue
            if quantity:
                first = next((i for i in quantity if text(i.value)), quantity[0])
                yield self.hit(first.at("value"), "no_count", project=project.name, name=text(first.label),
                               value=text(first.value))
            else:
                yield self.hit(project.at("indicators"), project=project.name)
