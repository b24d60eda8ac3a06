"""Why a 指标值 could not be read, in words a budget officer can act on (Chinese and English)."""

from __future__ import annotations

from perflint.values.constraint import Constraint

# key: (reason, Chinese, English). Each message names the problem and the fix.
_MESSAGES = {
    "empty": (
        "empty",
        "指标值为空，请填写可考核的目标值，如“≥95%”“≥2000份”。",
        "The indicator value is empty; fill in a measurable target such as ≥95% or ≥2000份.",
    ),
    "placeholder": (
        "placeholder",
        "指标值“{text}”是未替换的模板占位符，请改为具体数值，如“≥95%”。",
        "“{text}” is an unreplaced template placeholder; write the actual target, e.g. ≥95%.",
    ),
    "choice": (
        "placeholder",
        "指标值“{text}”是模板中的备选项，请只保留实际目标（如“是”）。",
        "“{text}” lists the template's options; keep only the actual target (e.g. 是).",
    ),
    "missing-number": (
        "placeholder",
        "指标值“{text}”缺少数字，请在比较符和单位之间填写目标数值，如“≥95%”。",
        "“{text}” has no number; write the target number between the comparator and the unit, e.g. ≥95%.",
    ),
    "missing-number-garbled": (
        "placeholder",
        "指标值“{text}”缺少数字，且比较符“》”是乱码（应为“≥”），请改为如“≥95%”的形式。",
        "“{text}” has no number and its comparator “》” is garbled (meant ≥); write e.g. ≥95%.",
    ),
    "multiple": (
        "multiple",
        "一个指标值中写了多个目标（“{first}”和“{second}”），请拆分为两个三级指标，每个只填一个值。",
        "One cell holds several targets (“{first}” and “{second}”); split them into two indicators with one value each.",
    ),
    "deferred": (
        "deferred",
        "指标值“{text}”留待以后确定，申报时无法考核，请填写预期达到的具体目标值。",
        "“{text}” defers the target to later, so it cannot be assessed; state the expected value now.",
    ),
    "not-applicable": (
        "not-applicable",
        "指标值“{text}”表示不适用或未确定；该指标确不适用时请删除，否则请填写具体目标值。",
        "“{text}” says not applicable or undetermined; delete the indicator if it does not apply, otherwise give a target.",
    ),
    "reference": (
        "reference",
        "指标值“{text}”指向其他材料，请在表中直接填写目标值，附件只作说明。",
        "“{text}” points to another document; write the target in the table itself.",
    ),
    "comparator-after": (
        "syntax",
        "比较符应写在数字前，如“{fix}”，而不是“{text}”。",
        "The comparator must precede the number: write {fix}, not {text}.",
    ),
    "garbled": (
        "syntax",
        "指标值“{text}”中的“》”是乱码，应为“≥”，请改正，如“{fix}”。",
        "“》” in “{text}” is a garbled comparator meaning ≥; correct it, e.g. {fix}.",
    ),
    "mixed-numerals": (
        "syntax",
        "指标值“{text}”中“{part}”混用了中文数字和阿拉伯数字（“二”可能是“=”的识别错误），请只用阿拉伯数字，如“=100%”。",
        "“{part}” in “{text}” mixes Chinese and Arabic numerals (二 may be a misread =); use Arabic digits only, e.g. =100%.",
    ),
    "numeral": (
        "syntax",
        "中文数字“{part}”写法有误，请改用阿拉伯数字。",
        "The Chinese numeral “{part}” is malformed; use Arabic digits.",
    ),
    "unit": (
        "syntax",
        "单位“{unit}”无法识别{hint_zh}，请使用规范单位，如“%”“人次”“万元”。",
        "The unit “{unit}” is not recognised{hint_en}; use a standard unit such as %, 人次 or 万元.",
    ),
    "range-units": (
        "syntax",
        "区间两端的单位不一致（“{low}”与“{high}”），请统一为同一单位，如“90%-95%”。",
        "The two ends of the range have different units ({low} and {high}); use one unit, e.g. 90%-95%.",
    ),
    "conflict": (
        "syntax",
        "“{first}”与“{second}”方向相反，无法同时成立，请只保留一个比较方式。",
        "“{first}” and “{second}” point in opposite directions; keep only one.",
    ),
    "impossible": (
        "syntax",
        "“{first}”与“{second}”不可能同时成立（下限大于上限），请检查两个数值。",
        "“{first}” and “{second}” cannot both hold (the lower bound exceeds the upper); check the numbers.",
    ),
    "date": (
        "syntax",
        "日期“{date}”不存在，请检查月份和日期，如“2026年12月31日前”。",
        "The date “{date}” does not exist; check the month and day, e.g. 2026年12月31日前.",
    ),
    "too-long": (
        "syntax",
        "指标值过长（{length}字），请只填写目标值本身，说明文字放在“指标解释”中。",
        "The value is {length} characters long; keep only the target and move explanations to the indicator note.",
    ),
    "unreadable": (
        "syntax",
        "无法识别指标值“{text}”，请写成“比较符+数字+单位”（如“≥95%”“≤10万元”“2026年12月31日前”）或使用规范的等级词。",
        "Cannot read “{text}”; write comparator + number + unit (e.g. ≥95%, ≤10万元, 2026年12月31日前) or a defined grade.",
    ),
}

_QUOTE_LIMIT = 30


def _quote(text: str) -> str:
    """The cell as shown inside a message: trimmed, and shortened when long."""
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_LIMIT else text[:_QUOTE_LIMIT] + "…"


def unparseable(raw: str, key: str, **fields: str) -> Constraint:
    reason, zh, en = _MESSAGES[key]
    fields.setdefault("text", _quote(raw))
    return Constraint(input=raw, kind="unparseable", reason=reason, message=zh.format(**fields),
                      message_en=en.format(**fields))
