"""Value readings that the case table (value_cases.yaml) cannot express: non-string cells and the
never-raises contract of parse_value."""

from __future__ import annotations

from decimal import Decimal

import perflint.values.classify
from perflint.values import parse_value


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
