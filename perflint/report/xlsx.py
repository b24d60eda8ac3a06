"""`--format xlsx`: an Excel workbook a finance bureau can filter, sort and send back.

Three sheets: per department (documents, unreadable documents, errors, warnings, info, mean and lowest
score, worst first), per document (its score, for ranking submissions; a document that could not be
read has none) and every finding. openpyxl's write-only mode streams
the rows to temporary files, so memory does not grow with the number of documents; only the
per-department tallies are kept, and that sheet is filled in last.
"""

from __future__ import annotations

import shutil
import tempfile

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from wcwidth import wcswidth

from perflint.findings import Severity
from perflint.report.base import DocumentResult, Reporter
from perflint.report.escape import printable
from perflint.report.labels import LOW_SCORE, SEVERITY_LABEL
from perflint.report.summary import NO_SCORE, UNKNOWN_DEPARTMENT, mean_score, worst_first

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# Sheet title and (header, column width) per language; widths in Excel's character units, where a
# Chinese character counts two.
SHEETS = {
    "departments": {
        "zh": ("部门汇总", (("部门", 30), ("文件数", 9), ("无法读取", 10), ("错误", 8), ("警告", 8), ("提示", 8),
                            ("平均得分", 10), ("最低得分", 10))),
        "en": ("Departments", (("department", 30), ("documents", 11), ("unreadable", 12), ("errors", 9),
                               ("warnings", 10), ("info", 8), ("mean score", 12), ("lowest score", 13))),
    },
    "documents": {
        "zh": ("文件得分", (("文件", 44), ("部门", 24), ("年度", 7), ("项目数", 8), ("指标数", 8),
                            ("得分", 7), ("错误", 7), ("警告", 7), ("提示", 7))),
        "en": ("Documents", (("file", 44), ("department", 24), ("year", 7), ("projects", 9),
                             ("indicators", 11), ("score", 8), ("errors", 8), ("warnings", 10), ("info", 7))),
    },
    "findings": {
        "zh": ("问题清单", (("文件", 36), ("部门", 20), ("位置", 12), ("行", 6), ("代码", 8), ("规则", 28),
                            ("审核维度", 9), ("级别", 7), ("问题", 80), ("字段", 34))),
        "en": ("Findings", (("file", 36), ("department", 20), ("place", 12), ("line", 6), ("code", 8),
                            ("rule", 28), ("dimension", 15), ("severity", 9), ("message", 80), ("pointer", 34))),
    },
}
_MESSAGE_COLUMN = 8  # the findings sheet's 问题 / message column, 0-based
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
_WARNING_FILL = PatternFill("solid", fgColor="FFE699")
_WRAP = Alignment(wrap_text=True, vertical="top")
# The height of one line of text at the default 11 pt font, in points. A wrapped message's row is made
# as tall as its lines: spreadsheet programs do not grow a row for wrapped text on their own when
# printing or exporting to PDF, so the text would overlap the next row.
_LINE_HEIGHT = 15


def wrapped_height(text: str, width: float) -> float:
    """The height in points of a cell of `width` characters (Excel's unit: a Chinese character takes two)
    holding `text`, wrapped."""
    lines = 0
    for paragraph in text.split("\n"):
        columns = sum(max(0, wcswidth(char)) for char in paragraph)
        lines += max(1, -(-columns // int(width - 1)))  # ceiling, a column's margin kept
    return lines * _LINE_HEIGHT


@dataclass
class _Tally:
    documents: int = 0
    unreadable: int = 0
    severities: Counter = field(default_factory=Counter)
    score_sum: int = 0  # of the documents that could be read
    scored: int = 0
    lowest: Optional[int] = None


def _text_cell(sheet, text: str) -> WriteOnlyCell:
    """A cell that holds the text as text: never a formula, even when it begins with = (a document's text
    must not run in the reviewer's spreadsheet), and with the control characters the file format forbids
    written as visible escapes."""
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub(lambda match: printable(match.group()), text))
    cell.data_type = "s"
    return cell


class XlsxReporter(Reporter):
    binary = True

    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        self.workbook = Workbook(write_only=True)
        self.sheets = {kind: self._sheet(kind) for kind in SHEETS}
        self.rows = Counter()
        self.tallies: dict[str, _Tally] = defaultdict(_Tally)
        self.severity = SEVERITY_LABEL[context.lang]

    def _sheet(self, kind: str):
        """A sheet with its widths, frozen header, print setup and header row; widths and panes must precede
        rows. Printed (or exported to PDF), each sheet is landscape A4, as wide as one page, with the
        header row repeated on every page."""
        title, columns = SHEETS[kind][self.context.lang]
        sheet = self.workbook.create_sheet(title)
        for i, (_, width) in enumerate(columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet.print_title_rows = "1:1"
        sheet.print_options.gridLines = True
        header = []
        for name, _ in columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
            header.append(cell)
        sheet.append(header)
        return sheet

    def _append(self, kind: str, row) -> None:
        sheet = self.sheets[kind]
        sheet.append([_text_cell(sheet, value) if isinstance(value, str) else value for value in row])
        self.rows[kind] += 1

    def document(self, result: DocumentResult) -> None:
        lang = self.context.lang
        department = result.department or UNKNOWN_DEPARTMENT[lang]
        counts = result.counts()
        score = NO_SCORE[lang] if result.score is None else result.score
        self._append("documents", [result.path, department, result.year, result.projects, result.indicators,
                                   score, *(counts[s] for s in _ORDER)])
        tally = self.tallies[department]
        tally.documents += 1
        tally.severities.update(counts)
        if result.readable:
            tally.score_sum += result.score
            tally.scored += 1
            tally.lowest = result.score if tally.lowest is None else min(tally.lowest, result.score)
        else:
            tally.unreadable += 1
        sheet = self.sheets["findings"]
        width = SHEETS["findings"][lang][1][_MESSAGE_COLUMN][1]
        for f in result.findings:
            rule = self.context.rules.get(f.code)
            dimension = "" if rule is None else (rule.category.english if lang == "en" else rule.category.value)
            message = _text_cell(sheet, f.message)
            message.alignment = _WRAP
            row = self.rows["findings"] + 2  # after the header
            height = wrapped_height(f.message, width)
            if height > _LINE_HEIGHT:
                sheet.row_dimensions[row].height = height
            self._append("findings", [f.path, department, f.place, f.span[0], f.code, f.rule, dimension,
                                      self.severity[f.severity], message, f.pointer])
            # Written as it was appended: its height need not be kept (memory stays flat).
            sheet.row_dimensions.pop(row, None)

    def close(self) -> None:
        no_score = NO_SCORE[self.context.lang]
        rows = []
        for name, tally in self.tallies.items():
            mean = mean_score(tally.score_sum, tally.scored)
            rows.append((worst_first(mean), name, tally, mean))
        for _, name, tally, mean in sorted(rows, key=lambda row: row[:2]):
            cell = WriteOnlyCell(self.sheets["departments"], value=no_score if mean is None else Decimal(mean))
            cell.number_format = "0.0"
            self._append("departments", [name, tally.documents, tally.unreadable,
                                         *(tally.severities[s] for s in _ORDER), cell,
                                         no_score if tally.lowest is None else tally.lowest])
        for kind, sheet in self.sheets.items():
            columns = SHEETS[kind][self.context.lang][1]
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{self.rows[kind] + 1}"
        self._highlight()
        # The workbook is assembled in a seekable file of its own and then copied out: a pipe or a full disk
        # then fails as one clean write, not inside the zip writer (which also needs to seek).
        with tempfile.SpooledTemporaryFile(max_size=16 << 20) as whole:
            self.workbook.save(whole)
            whole.seek(0)
            shutil.copyfileobj(whole, self.out)

    def _highlight(self) -> None:
        """Errors and warnings coloured in the findings, low scores in the other sheets."""
        low = CellIsRule(operator="lessThan", formula=[str(LOW_SCORE)], fill=_ERROR_FILL)
        unreadable = CellIsRule(operator="equal", formula=[f'"{NO_SCORE[self.context.lang]}"'], fill=_ERROR_FILL)
        rules = {
            "findings": [("H", CellIsRule(operator="equal", formula=[f'"{self.severity[s]}"'], fill=fill))
                         for s, fill in ((Severity.ERROR, _ERROR_FILL), (Severity.WARNING, _WARNING_FILL))],
            "documents": [("F", low), ("F", unreadable)],
            "departments": [("G", low), ("H", low), ("G", unreadable)],
        }
        for kind, pairs in rules.items():
            if self.rows[kind]:  # an empty range would make Excel repair the file
                for column, rule in pairs:
                    self.sheets[kind].conditional_formatting.add(f"{column}2:{column}{self.rows[kind] + 1}", rule)
