from perflint.analysis.period import period_months
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text

class MidtermGoalMissing(Rule):
    code = "PF109"
    slug = "midterm-goal-missing"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("跨年度项目缺少中期绩效目标或中期绩效指标", "A multi-year project lacks a midterm goal or midterm indicators")
    messages = {
        "default": Text("项目期为“{period}”，超过一年，但没有中期（实施期）绩效目标和中期绩效指标；"
                        "请写明整个实施期的总目标，并细化为中期绩效指标",
                        "The project period {period!r} is longer than a year but there is no midterm goal and no "
                        "midterm indicators; state the goal of the whole period and refine it into midterm indicators"),
        "no_goal": Text("项目期为“{period}”，超过一年，有中期绩效指标但没有中期（实施期）绩效目标；请写明整个实施期的总目标",
                        "The project period {period!r} is longer than a year; it has midterm indicators but no "
                        "midterm goal: state the goal of the whole period"),
        "no_indicators": Text("项目期为“{period}”，超过一年，有中期绩效目标但没有中期绩效指标；请把中期目标细化为可考核的指标",
                              "The project period {period!r} is longer than a year; it has a midterm goal but no "
                              "midterm indicators: refine the goal into measurable indicators"),
    }
    doc = RuleDoc(
        what=Text("项目期（实施期）超过一年（如“3年”“2026年1月—2028年12月”），却没有中期绩效目标，或没有中期绩效指标。"
                  "表格整体没有中期目标栏时由 form-field-absent 说明一次（配置 required-fields 含 midterm_goals 时逐项报告）。",
                  "The project period is longer than one year (3年, 2026年1月—2028年12月) but the midterm goal or "
                  "the midterm indicators are missing. A form with no midterm part at all is said once by "
                  "form-field-absent (each project is reported when required-fields names midterm_goals)."),
        why=Text("跨年度项目的绩效目标分为中期（实施期）目标和年度目标，各自细化为指标；只有年度目标，"
                 "就无法看出整个实施期要达到什么，也无法判断年度目标是否是中期目标的合理分解。",
                 "A multi-year project sets a midterm (whole-period) goal and an annual goal, each with its own "
                 "indicators; with only the annual part nobody can see what the whole period is to achieve, or "
                 "whether this year's share is a sensible slice of it."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效目标按时效性分为中长期绩效目标和年度绩效目标；实务：地方项目支出绩效目标申报表的长期（中期）目标栏和年度目标栏",
    )

    def check(self, document, context):
        if not context.facts.asks_for("midterm_goals"):
            return
        for project in document.projects:
            months = period_months(text(project.period))
            if months is None or months <= 12:
                continue
            has_goal = any(text(goal) for goal in project.midterm_goals)
            has_indicators = bool(project.midterm_indicators)
            if has_goal and has_indicators:
                continue
            key = "no_indicators" if has_goal else "no_goal" if has_indicators else "default"
            yield self.hit(project.at("period"), key, period=text(project.period))
