from decimal import Decimal

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, is_change_name, is_rate_name, text

HUNDRED = Decimal(100)


class RateOutOfRange(Rule):
    code = "PF202"
    slug = "rate-out-of-range"
    category = Category.APPROPRIATENESS
    severity = Severity.ERROR
    summary = Text("比率类指标的百分比超出 0–100%", "A rate's percentage lies outside 0–100%")
    messages = {
        "default": Text("“{name}”是比率，指标值“{value}”超出 0–100% 的范围",
                        "{name!r} is a rate; its target {value!r} lies outside 0–100%"),
    }
    doc = RuleDoc(
        what=Text("名称为“…率”“…比例”的指标，指标值大于 100%、小于 0，或写成“>100%”。",
                  "An indicator named as a rate (…率, …比例) has a target above 100%, below 0, or written >100%."),
        why=Text("完成率、覆盖率等比率不可能超过 100%；这类数值多是录入或转换错误（如“292%”实为“≥92%”）。",
                 "A completion or coverage rate cannot exceed 100%; such values are typing or conversion errors "
                 "(292% for ≥92%)."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“合理可行”；实务：审核惯例（比率不超过 100%；公开绩效目标表中多见“292%”之类的录入、转换错误）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            constraint = indicator.constraint
            if constraint.unit != "%" or not is_rate_name(name) or is_change_name(name):
                continue
            numbers = [n for n in (constraint.number, constraint.low, constraint.high) if n is not None]
            beyond = any(n > HUNDRED or n < 0 for n in numbers)
            if beyond or (constraint.op == ">" and constraint.number is not None and constraint.number >= HUNDRED):
                yield self.hit(indicator.at("value"), name=name, value=constraint.input)
