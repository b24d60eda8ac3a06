from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level2_of
from perflint.analysis.indicator_terms import is_percent, states_time_limit
from perflint.analysis.reading import indicators, text


class TimelinessWithoutDate(Rule):
    code = "PF223"
    slug = "timeliness-without-date"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("时效指标没有给出时限", "A timeliness indicator gives no time limit")
    messages = {
        "default": Text("时效指标“{name}”的指标值“{value}”没有给出时限，无法判断是否按时完成；请写明完成时限"
                        "（如“2026年11月30日前”）或办理时长（如“收到申请后≤5个工作日”），或在指标描述、指标解释中写明时限",
                        "Timeliness indicator {name!r} has target {value!r} but no time limit, so nobody can tell "
                        "whether it was met on time; give a deadline (2026年11月30日前) or a turnaround time "
                        "(≤5个工作日 after the application), or state the limit in the description or the note"),
    }
    doc = RuleDoc(
        what=Text("时效指标的指标值既不是日期或期限，也不是时长（个工作日、天、小时）或周期（按月、按季度），而是一个比率"
                  "（如 按时完成率 100%）、“是”或等级词，且名称、指标值、指标描述和指标解释中都没有写明时限。",
                  "A timeliness row whose target is neither a date or deadline, nor a duration (个工作日, 天, 小时), "
                  "nor a schedule (按月, 按季度), but a rate (按时完成率 100%), 是 or a grade, with no time limit "
                  "in its name, value, description or note."),
        why=Text("时效指标反映产出的及时程度，考核的是“在什么时限内完成”；只写“及时率 100%”而不说明时限，评价时无法判断"
                 "是否及时，等于没有时效目标。",
                 "A timeliness indicator says by when the outputs are delivered; 及时率 100% without saying what "
                 "counts as on time cannot be assessed and sets no timeliness target at all."),
        source="《项目绩效目标申报表》填报说明（时效指标反映完成的及时程度和效率）；财预〔2015〕88号 绩效目标“细化量化”",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            if level2_of(indicator) != "时效指标":
                continue
            if not (is_percent(constraint) or constraint.kind in ("boolean", "graded")):
                continue
            if states_time_limit(indicator.name, indicator.value, indicator.description, indicator.note):
                continue
            yield self.hit(indicator.at("value"), name=text(indicator.name) or indicator.label,
                           value=constraint.input)
