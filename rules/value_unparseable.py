from datetime import date, timedelta
from typing import Optional

from perflint.analysis.hierarchy import level2_of
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.value_text import residue, sentence_prose, unreadable_only_for_units

# Placeholders are template-residue's and empty cells value-empty's (PF103).
_REASONS = ("syntax", "multiple", "deferred", "reference", "not-applicable")
_NOT_APPLICABLE = "不适用"
# Day numbers a spreadsheet shows when a date cell loses its format: 36526 is 2000-01-01, 54789 2049-12-31.
_SERIALS = range(36526, 54790)
_SPREADSHEET_EPOCH = date(1899, 12, 30)


def _spreadsheet_date(indicator) -> Optional[date]:
    """The date behind a bare day number in a timeliness row (44,561 → 2021-12-31), or None."""
    constraint = indicator.constraint
    if (level2_of(indicator) != "时效指标" or constraint.kind != "quantity" or constraint.unit
            or constraint.number is None or constraint.number != constraint.number.to_integral_value()
            or int(constraint.number) not in _SERIALS):
        return None
    return _SPREADSHEET_EPOCH + timedelta(days=int(constraint.number))  # a row named 本项目不适用此指标: the template's slot kept instead of deleted


class ValueUnparseable(Rule):
    code = "PF206"
    slug = "value-unparseable"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("指标值无法识别为可考核的目标", "The target value cannot be read as a measurable target")
    messages = {
        "default": Text("指标“{name}”：{detail}", "Indicator {name!r}: {detail_en}"),
        "excel_date": Text("时效指标“{name}”的指标值“{value}”像是表格软件的日期序号（即 {date}），不是可读的时限；"
                           "请写成日期，如“{date}前”",
                           "Timeliness indicator {name!r} has target {value!r}, which looks like a spreadsheet date "
                           "serial ({date}), not a readable deadline; write the date, e.g. {date}前"),
        "not_applicable": Text("“{name}”一行说明该指标不适用，却仍填了指标值“{value}”；不适用的指标应删除整行",
                               "The row {name!r} says the indicator does not apply, yet gives the target {value!r}; "
                               "delete rows that do not apply"),
    }
    doc = RuleDoc(
        what=Text("指标值既不是“比较符+数字+单位”、日期或等级，也不是可识别的定性表述：写法有误（单位无法识别、比较方向矛盾、"
                  "日期不存在）、一格填了多个目标、留待以后确定（待定、据实结算）、写“不适用”，或只写“见附件”；"
                  "名称写着“本项目不适用此指标”的行没有删除；时效指标的日期变成了表格软件的日期序号（44561）。"
                  "提示说明具体问题和改法。",
                  "The value is neither comparator + number + unit, a date nor a grade: it is malformed (an unknown "
                  "unit, opposite comparators, a date that does not exist), holds several targets, defers the target "
                  "(待定, 据实结算), says 不适用, or only points elsewhere (见附件); a row named 本项目不适用此指标 "
                  "was kept; or a timeliness date became a spreadsheet day number (44561). The message says what "
                  "is wrong and how to write it."),
        why=Text("绩效目标应细化量化。读不出目标值的指标在运行监控和自评时无法判断是否完成。",
                 "Targets must be specific and quantified; a value nobody can read cannot be checked at monitoring "
                 "or self-evaluation."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“细化量化”：尽量定量表述；实务：地方申报表填报说明（目标值能量化的用数值表述）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if _NOT_APPLICABLE in text(indicator.name):
                yield self.hit(indicator.at("value"), "not_applicable", name=text(indicator.name),
                               value=text(indicator.value))
                continue
            constraint = indicator.constraint
            date = _spreadsheet_date(indicator)
            if date is not None:
                yield self.hit(indicator.at("value"), "excel_date", name=text(indicator.label),
                               value=text(indicator.value), date=f"{date.year}年{date.month}月{date.day}日")
                continue
            if constraint.kind != "unparseable" or constraint.reason not in _REASONS:
                continue
            # Cells that template-residue, value-is-sentence or unit-nonstandard explain better.
            if (residue(indicator.value, whole_cell=True) or sentence_prose(indicator)
                    or unreadable_only_for_units(indicator)):
                continue
            yield self.hit(indicator.at("value"), name=text(indicator.label), detail=constraint.message,
                           detail_en=constraint.message_en)
