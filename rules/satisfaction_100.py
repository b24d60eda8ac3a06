from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, is_satisfaction_name, text
from perflint.analysis.value_text import is_full_percent


class Satisfaction100(Rule):
    code = "PF211"
    slug = "satisfaction-100"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("满意度目标为 100%", "A satisfaction target of 100%")
    messages = {
        "default": Text("满意度指标“{name}”的目标“{value}”要求每一位受访者都满意，抽样调查几乎不可能达到，也无法据此区分好坏；"
                        "请参照上年调查结果设定（如 ≥90%），并在指标解释中写明调查方式",
                        "Satisfaction target {value!r} of {name!r} requires every respondent to be satisfied, which a "
                        "survey practically never shows; set it from last year's survey (e.g. ≥90%) and describe "
                        "the survey in the note"),
    }
    doc = RuleDoc(
        what=Text("满意度指标（名称含“满意”）的目标为 100%、=100% 或 ≥100%。",
                  "A satisfaction indicator (its name contains 满意) has the target 100%, =100% or ≥100%."),
        why=Text("满意度来自问卷抽样，100% 不是现实的计划值，也无法通过抽样证实；这样的目标通常是照填上限，没有测算。",
                 "Satisfaction comes from a sample survey; 100% is not a realistic plan and cannot be verified by "
                 "sampling. Such targets are usually the ceiling filled in without thought."),
        source="实务：审核惯例（满意度目标按以往调查结果设定，不填 100%）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“合理可行”",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if is_full_percent(indicator.constraint) and is_satisfaction_name(indicator.name):
                yield self.hit(indicator.at("value"), name=text(indicator.name), value=text(indicator.value))
