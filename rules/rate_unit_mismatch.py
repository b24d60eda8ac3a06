from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import PERCENT_UNITS, indicators, is_change_name, is_rate_name, plain, text
from perflint.analysis.value_text import bare_fraction


class RateUnitMismatch(Rule):
    code = "PF203"
    slug = "rate-unit-mismatch"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("比率类指标的计量单位不是百分比", "A rate is measured in a unit that is not a percentage")
    messages = {
        "default": Text("“{name}”是比率，指标值“{value}”的单位却是“{unit}”；比率应以 % 表示，或将指标改为数量",
                        "{name!r} is a rate but its target {value!r} is in {unit!r}; state a rate in %, or "
                        "rename it as a count"),
        "fraction": Text("“{name}”是比率，指标值“{value}”却是不带 % 的小数；若指全部达到，请写作“{percent}”",
                         "{name!r} is a rate but its target {value!r} is a bare fraction; if it means all of it, "
                         "write {percent!r}"),
    }
    doc = RuleDoc(
        what=Text("名称为“…率”“…比例”的指标，指标值的单位是件、人、个等数量单位。",
                  "An indicator named as a rate (…率, …比例) has a target in a counting unit such as 件, 人 or 个."),
        why=Text("名称和单位互相矛盾，评价时无法确定按比率还是按数量考核。",
                 "Name and unit contradict each other: nobody can tell whether to assess a rate or a count."),
        source="实务：地方申报表填报说明（定量指标要说明计算公式）；实务：预算管理一体化系统绩效模块的保存校验（定量指标计量单位必填）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            constraint = indicator.constraint
            if not is_rate_name(name) or is_change_name(name) or not constraint.is_numeric:
                continue
            if constraint.unit and constraint.unit not in PERCENT_UNITS:
                yield self.hit(indicator.at("value"), name=name, value=constraint.input, unit=constraint.unit)
            elif bare_fraction(indicator):
                yield self.hit(indicator.at("value"), "fraction", name=name, value=constraint.input,
                               percent=f"{plain(constraint.number * 100)}%")
