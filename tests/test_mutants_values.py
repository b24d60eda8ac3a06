"""Value readings that the case table (value_cases.yaml) cannot express: non-string cells and the
never-raises contract of parse_value."""

from __future__ import annotations

from decimal import Decimal

import pytest

import perflint.values.classify
from perflint.values import parse_value
from perflint.values.units import bracketed_unit


def test_a_number_cell_is_read_as_its_text():
    # Spreadsheet cells arrive as int/float; they are read as the text they show.
    reading = parse_value(2000)
    assert reading.input == "2000"
    assert (reading.kind, reading.op, reading.number, reading.implicit_op) == ("quantity", "=", Decimal("2000"), True)


def test_an_internal_error_reads_as_unreadable(monkeypatch):
    def broken(raw):
        raise RuntimeError("boom")

    monkeypatch.setattr(perflint.values.classify, "classify", broken)
    text = "≥95%（内部错误探针）"  # not memoised by any other test
    reading = parse_value(text)
    assert (reading.input, reading.kind, reading.reason) == (text, "unparseable", "syntax")
    assert f"无法识别指标值“{text}”" in reading.message
    assert reading.message_en.startswith(f"Cannot read “{text}”")


# One input per message of messages.py: the English text with its arguments filled in (the Chinese
# text is pinned by `says` in value_cases.yaml).
ENGLISH = {
    "": "The indicator value is empty; fill in a measurable target such as ≥95% or ≥2000份.",
    "/": "“/” is an unreplaced template placeholder; write the actual target, e.g. ≥95%.",
    "是/否": "“是/否” lists the template's options; keep only the actual target (e.g. 是).",
    "≥%": "“≥%” has no number; write the target number between the comparator and the unit, e.g. ≥95%.",
    "》 %": "“》 %” has no number and its comparator “》” is garbled (meant ≥); write e.g. ≥95%.",
    "≥95% ≥30场": "One cell holds several targets (“≥95%” and “≥30场”); split them into two indicators with one "
                  "value each.",
    "待定": "“待定” defers the target to later, so it cannot be assessed; state the expected value now.",
    "不适用": "“不适用” says not applicable or undetermined; delete the indicator if it does not apply, otherwise "
           "give a target.",
    "详见附件": "“详见附件” points to another document; write the target in the table itself.",
    "95%≥": "The comparator must precede the number: write ≥95%, not 95%≥.",
    "》100份": "“》” in “》100份” is a garbled comparator meaning ≥; correct it, e.g. ≥100份.",
    "二100百分比": "“二100” in “二100百分比” mixes Chinese and Arabic numerals (二 may be a misread =); use Arabic "
              "digits only, e.g. =100%.",
    "十十人": "The Chinese numeral “十十” is malformed; use Arabic digits.",
    "≥3Km%": "The unit “Km%” is not recognised (did you mean 公里?); use a standard unit such as %, 人次 or 万元.",
    "≥5℃": "The unit “℃” is not recognised; use a standard unit such as %, 人次 or 万元.",
    "90%-95万元": "The two ends of the range have different units (% and 万元); use one unit, e.g. 90%-95%.",
    "≥95%以下": "“≥” and “以下” point in opposite directions; keep only one.",
    "≥95%且≤90%": "“≥95%” and “≤90%” cannot both hold (the lower bound exceeds the upper); check the numbers.",
    "2月30日前": "The date “2月30日” does not exist; check the month and day, e.g. 2026年12月31日前.",
    "x" * 201: "The value is 201 characters long; keep only the target and move explanations to the indicator note.",
    "一站式服务": "Cannot read “一站式服务”; write comparator + number + unit (e.g. ≥95%, ≤10万元, 2026年12月31日前) or "
             "a defined grade.",
}


@pytest.mark.parametrize("text", list(ENGLISH), ids=lambda text: text[:12])
def test_the_english_message_names_the_problem_and_its_fix(text):
    assert parse_value(text).message_en == ENGLISH[text]


def test_a_unit_without_a_likely_meaning_gets_no_did_you_mean():
    reading = parse_value("≥5℃")
    assert reading.message == "单位“℃”无法识别，请使用规范单位，如“%”“人次”“万元”。"


def test_a_cell_too_long_to_read_says_its_length():
    reading = parse_value("x" * 201)
    assert (reading.kind, reading.reason) == ("unparseable", "syntax")
    assert "指标值过长（201字）" in reading.message
    assert "过长" not in parse_value("说" * 200).message  # 200 characters are still read


def test_a_message_quotes_the_cell_with_its_spaces_collapsed_and_at_most_thirty_characters():
    thirty = "详见附件" + "说明" * 13
    assert f"指标值“{thirty}”指向其他材料" in parse_value(thirty).message
    assert f"指标值“{thirty}…”指向其他材料" in parse_value(thirty + "y").message
    assert "“详见 附件 3”" in parse_value(" 详见\t附件   3 ").message_en


@pytest.mark.parametrize("name, unit", [
    ("培训人数（人）", "人"), ("面积(亩)", "亩"), ("满意度（%）", "%"), ("面积（平米）", "平方米"),
    ("  培训人次 （ 人次 ）  ", "人次"), ("名称（说明）", None), ("资金(万元)说明", None), ("覆盖率", None), (None, None),
])
def test_the_unit_in_brackets_after_an_indicator_name_is_read_by_its_canonical_name(name, unit):
    assert bracketed_unit(name) == unit
