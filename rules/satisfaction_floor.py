from decimal import Decimal

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, is_satisfaction_name, plain, text


class SatisfactionFloor(Rule):
    code = "PF204"
    slug = "satisfaction-too-low"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("满意度目标低于下限", "A satisfaction target is below the floor")
    options = {
        "floor": Option(Decimal(80), Text("满意度目标的下限（%），本地政策可调整",
                                          "The lowest acceptable satisfaction target (%), a local policy setting")),
    }
    messages = {
        "default": Text("满意度指标“{name}”的目标 {value} 低于 {floor}%，目标定得过低",
                        "Satisfaction target {value} of {name!r} is below {floor}%: set too low"),
    }
    doc = RuleDoc(
        what=Text("满意度类指标（名称含“满意”或位于满意度指标下）的百分比目标低于配置的下限（默认 80%）。",
                  "A satisfaction indicator's percentage target is below the configured floor (80% by default)."),
        why=Text("绩效目标不应定得过低；过低的满意度目标失去约束意义。官方没有统一下限，因此可按本地政策配置。",
                 "Targets must not be set too low; a low satisfaction target constrains nothing. There is no "
                 "official floor, so it is configurable to local policy."),
        source="实务：审核惯例（满意度目标定得过低的退回修改；下限是本地政策参数，默认 80%，没有全国统一的规定）",
    )

    def check(self, document, context):
        floor = context.options["floor"]
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            if constraint.unit != "%" or not is_satisfaction_name(indicator.name):
                continue
            target = constraint.low if constraint.kind == "range" else constraint.number
            if target is not None and target < floor:
                yield self.hit(indicator.at("value"), name=text(indicator.name), value=constraint.input,
                               floor=plain(floor))
