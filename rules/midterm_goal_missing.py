import re
from typing import Optional

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text

# 2026年1月, 2026.01, 2026-01, or a bare year (2026-2028年): the month must not swallow the next year.
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*(?:年|[.\-/])?\s*(?:(\d{1,2})(?!\d)\s*月?)?")
_LENGTH = re.compile(r"(?:项目期|实施期)?\s*([0-9]{1,2}|[一二两三四五六七八九十]+)\s*(个月|年)期?")
_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if token.startswith("十"):
        return 10 + _NUMERALS[token[1]]
    if token.endswith("十"):
        return _NUMERALS[token[0]] * 10
    return _NUMERALS[token[0]] * 10 + _NUMERALS[token[-1]] if len(token) == 3 else _NUMERALS[token]


def period_months(period: str) -> Optional[int]:
    """How many months a 项目期 spans: 3年 → 36, 2026年1月—2028年12月 → 36, 2026年 → 12; None if unreadable."""
    period = period.strip()
    length = _LENGTH.fullmatch(period)
    if length:
        months = _number(length.group(1))
        return months * 12 if length.group(2) == "年" else months
    points = [(int(y), int(m) if m and 1 <= int(m) <= 12 else None) for y, m in _YEAR_MONTH.findall(period)]
    if not points:
        return None
    (start_year, start_month), (end_year, end_month) = points[0], points[-1]
    return (end_year - start_year) * 12 + (end_month or 12) - (start_month or 1) + 1


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
        what=Text("项目期（实施期）超过一年（如“3年”“2026年1月—2028年12月”），却没有中期绩效目标，或没有中期绩效指标。",
                  "The project period is longer than one year (3年, 2026年1月—2028年12月) but the midterm goal or "
                  "the midterm indicators are missing."),
        why=Text("跨年度项目的绩效目标分为中期（实施期）目标和年度目标，各自细化为指标；只有年度目标，"
                 "就无法看出整个实施期要达到什么，也无法判断年度目标是否是中期目标的合理分解。",
                 "A multi-year project sets a midterm (whole-period) goal and an annual goal, each with its own "
                 "indicators; with only the annual part nobody can see what the whole period is to achieve, or "
                 "whether this year's share is a sensible slice of it."),
        source="财预〔2015〕88号（绩效目标分为中长期目标和年度目标）；项目支出绩效目标申报表（长期目标、年度目标栏）",
    )

    def check(self, document, context):
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
