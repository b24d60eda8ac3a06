from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level2_of
from perflint.analysis.indicator_terms import is_side_cost, side_cost_without_cost
from perflint.analysis.reading import indicators

_SOCIAL = Text("社会成本", "social cost")
_ECOLOGICAL = Text("生态环境成本", "ecological cost")


class SideCostNotACost(Rule):
    code = "PF229"
    slug = "side-cost-not-a-cost"
    category = Category.APPROPRIATENESS
    severity = Severity.INFO
    summary = Text("社会成本或生态环境成本指标没有反映成本", "A social or ecological cost row states no cost")
    messages = {
        "default": Text("{level2}“{name}”的指标值“{value}”反映不了项目带来的{cost}；请写明负面影响的量（如 占用耕地 ≤5亩、"
                        "影响通行时间 ≤30天），确无影响的写“无”并在指标解释中说明",
                        "{level2} row {name!r} has target {value!r}, which states no {cost} of the project; give "
                        "the size of the side effect (e.g. 占用耕地 ≤5亩, 影响通行时间 ≤30天), or write 无 and "
                        "explain it in the note"),
    }
    doc = RuleDoc(
        what=Text("2021 年体系的社会成本指标、生态环境成本指标填的是要达到的比率（如 100%）、“是”、等级词、日期或一句话，"
                  "而不是项目带来的负面影响。以实物量计的影响、上限（≤1%）和“无”“未造成”之类不报告。",
                  "A 社会成本 or 生态环境成本 row (2021 framework) holds a rate to reach (100%), 是, a grade, a date "
                  "or a sentence rather than a side effect of the project. Effects in physical units, ceilings (≤1%) "
                  "and 无 are not reported."),
        why=Text("社会成本、生态环境成本用于反映项目对社会和生态环境可能造成的负面影响，可以定性，但应当说清影响是什么、有多大；"
                 "填成工作完成率说明这一栏被当作普通产出指标填写了。",
                 "Social and ecological costs record the harm a project may do to society or the environment; they "
                 "may be qualitative but must say what the harm is and how large. A completion rate there shows the "
                 "slot was filled like an ordinary output."),
        source="财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）：成本指标包括经济成本、社会成本、生态环境成本指标",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if not (is_side_cost(indicator) and side_cost_without_cost(indicator)):
                continue
            level2 = level2_of(indicator)
            cost = _SOCIAL if "社会" in level2 else _ECOLOGICAL
            yield self.hit(indicator.at("value"), level2=level2, cost=cost, name=indicator.label,
                           value=indicator.constraint.input)
