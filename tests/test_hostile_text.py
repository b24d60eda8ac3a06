"""Reports cannot be turned against their reader (issue 14, points 13 and 14): control characters and line
breaks from a document reach no terminal raw, and no spreadsheet reads a document's text as a formula."""

import csv
import io
import json

import openpyxl
import pytest
from click.testing import CliRunner

from perflint.cli import main
from perflint.report.escape import printable, spreadsheet_text

HOSTILE = """\
department: "=1+2\\e[2K\\a溧平县司法局"
year: 2026
projects:
  - name: "@SUM(A1)\\r\\n./forged.yaml:1:1: PF000 [info] 一切正常"
    goals: ["\\e]0;pwned\\a提高群众满意度\\u202e"]
    indicators:
      - {level1: 产出指标, level2: 数量指标, level3: "+cmd|' /C calc'!A0", value: "-2+3"}
"""


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "=HYPERLINK(1)\x1b[31m.yaml"
    path.write_text(HOSTILE, "utf-8")
    return path


def test_printable_writes_every_control_as_a_visible_escape():
    assert printable("a\x1b[2Kb\x07\r\n\t\x9b\u202e\x7f") == "a\\x1b[2Kb\\x07\\r\\n\\t\\x9b\\u202e\\x7f"
    assert printable("溧平县 20% ≥95") == "溧平县 20% ≥95"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_the_text_and_github_reports_hold_no_control_character(hostile, fmt):
    result = run("check", hostile, "--no-cache", "--format", fmt, "--color", "never")
    assert result.exit_code == 1
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7f <= ord(c) <= 0x9f or c == "\u202e" for c in result.output)
    lines = result.output.splitlines()
    assert not any(line.startswith("./forged.yaml") for line in lines)  # the newline forged no finding
    if fmt == "text":
        assert "\\r\\n./forged.yaml:1:1: PF000" in result.output and "\\x1b[31m" in result.output


def test_the_source_excerpt_escapes_what_it_quotes_and_keeps_its_carets_under_the_span():
    from perflint.findings import Finding, Severity
    from perflint.report.text import source_excerpt

    line = "    value: \x1b[2K有效提升"
    finding = Finding("a.yaml", 1, 12, 1, 21, "PF201", "vague-target", Severity.WARNING, "m", "/x")
    _, shown, carets = source_excerpt(finding, line)
    assert "\x1b" not in shown and "\\x1b[2K有效提升" in shown
    assert carets.index("^") == shown.index("\\x1b") and carets.count("^") == len("\\x1b[2K") + 8


def test_csv_cells_that_would_be_formulas_are_quoted(hostile):
    result = run("check", hostile, "--no-cache", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.output.lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'=1+2\x1b[2K\x07溧平县司法局" in cells


def test_spreadsheet_text_quotes_only_what_a_spreadsheet_would_run():
    assert [spreadsheet_text(t) for t in ("=1", "+1", "-1", "@A", "\t=1", "溧平", "1=1")] == \
        ["'=1", "'+1", "'-1", "'@A", "'\t=1", "溧平", "1=1"]


def test_the_workbook_holds_no_formula_and_keeps_every_finding(hostile, tmp_path):
    target = tmp_path / "report.xlsx"
    result = run("check", hostile, "--no-cache", "--format", "xlsx", "-o", target)
    assert result.exit_code == 1
    expected = len(json.loads(run("check", hostile, "--no-cache", "--format", "json").output))
    workbook = openpyxl.load_workbook(target)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    assert any(str(cell.value).startswith("=1+2\\x1b[2K\\x07") for cell in cells)
    assert workbook.worksheets[2].max_row == expected + 1  # every finding, under the header
