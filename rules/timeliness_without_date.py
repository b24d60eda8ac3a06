from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level2_of
from perflint.analysis.indicator_terms import is_percent, mentions_time, states_time_limit
from perflint.analysis.reading import indicators, text


class TimelinessWithoutDate(Rule):
    code = "PF223"
    slug = "timeliness-without-date"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("时效指标没有任何时间要求", "A timeliness indicator says nothing about time")
    messages = {
        "default": Text("时效指标“{name}”（{value}）没有任何时间要求，名称、指标值和说明都不涉及时限、期限或进度，"
                        "无法考核是否及时；请写明完成时限（如“2026年11月30日前”）或办理时长（如“≤5个工作日”）",
                        "Timeliness indicator {name!r} ({value}) says nothing about time — neither its name, target "
                        "nor notes mention a deadline, a period or a schedule — so timeliness cannot be assessed; "
                        "give a deadline (2026年11月30日前) or a turnaround time (≤5个工作日)"),
    }
    doc = RuleDoc(
        what=Text("时效指标的名称、指标值、指标描述和指标解释都不涉及时间：没有日期、期限、时长、周期，也没有“及时”“按时”"
                  "“进度”等时间用语（如 项目按计划完成率 100%、工作完成率 100%）。写了“及时率”“按时完成率”的比率，"
                  "虽未写明时限，也由审核人员按项目计划判断，不在此列。",
                  "A timeliness row whose name, target, description and note say nothing about time: no date, "
                  "deadline, duration or schedule, and no word of time such as 及时, 按时 or 进度 (项目按计划完成率 "
                  "100%, 工作完成率 100%). Rates named 及时率 or 按时完成率 are left to the reviewer's reading of "
                  "the project plan even when they state no limit."),
        why=Text("时效指标反映产出的及时程度；一行不涉及时间的“时效指标”只是换了位置的完成率，等于没有时效目标。"
                 "在真实文本中，审核人员接受“补贴发放及时率 ≥95%”一类写法，却会退回不涉及时间的时效指标。",
                 "A timeliness indicator says how promptly the outputs come; a row that says nothing about time is a "
                 "completion rate in the wrong place and sets no timeliness target. On real tables reviewers accept "
                 "补贴发放及时率 ≥95% but send back timeliness rows that do not concern time."),
        source="实务：地方申报表填报说明（时效指标反映完成的及时程度和效率）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“细化量化”",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            if level2_of(indicator) != "时效指标":
                continue
            if not (is_percent(constraint) or constraint.kind in ("boolean", "graded")):
                continue
            texts = (indicator.name, indicator.value, indicator.description, indicator.note)
            if states_time_limit(*texts) or mentions_time(*texts):
                continue
            yield self.hit(indicator.at("value"), name=text(indicator.name) or indicator.label,
                           value=constraint.input)
