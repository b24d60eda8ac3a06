"""`--format xlsx`: an Excel workbook a finance bureau can filter, sort and send back.

Three sheets: per department (documents, errors, warnings, info, mean and lowest score), per
document (its score, for ranking submissions) and every finding. openpyxl's write-only mode streams
the rows to temporary files, so memory does not grow with the number of documents; only the
per-department tallies are kept, and that sheet is filled in last.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from perflint.findings import Severity
from perflint.report.base import DocumentResult, Reporter
from perflint.report.labels import LOW_SCORE, SEVERITY_LABEL
from perflint.report.summary import UNKNOWN_DEPARTMENT

_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# Sheet title and (header, column width) per language; widths in Excel's character units, where a
# Chinese character counts two.
SHEETS = {
    "departments": {
        "zh": ("部门汇总", (("部门", 30), ("文件数", 9), ("错误", 8), ("警告", 8), ("提示", 8),
                            ("平均得分", 10), ("最低得分", 10))),
        "en": ("Departments", (("department", 30), ("documents", 11), ("errors", 9), ("warnings", 10),
                               ("info", 8), ("mean score", 12), ("lowest score", 13))),
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
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
_WARNING_FILL = PatternFill("solid", fgColor="FFE699")
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass
class _Tally:
    documents: int = 0
    severities: Counter = field(default_factory=Counter)
    score_sum: int = 0
    lowest: int = 100


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
        """A sheet with its widths, frozen header and header row; widths and panes must precede rows."""
        title, columns = SHEETS[kind][self.context.lang]
        sheet = self.workbook.create_sheet(title)
        for i, (_, width) in enumerate(columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        header = []
        for name, _ in columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
            header.append(cell)
        sheet.append(header)
        return sheet

    def _append(self, kind: str, row) -> None:
        self.sheets[kind].append(row)
        self.rows[kind] += 1

    def document(self, result: DocumentResult) -> None:
        lang = self.context.lang
        department = result.department or UNKNOWN_DEPARTMENT[lang]
        counts = result.counts()
        self._append("documents", [result.path, department, result.year, result.projects, result.indicators,
                                   result.score, *(counts[s] for s in _ORDER)])
        tally = self.tallies[department]
        tally.documents += 1
        tally.severities.update(counts)
        tally.score_sum += result.score
        tally.lowest = min(tally.lowest, result.score)
        sheet = self.sheets["findings"]
        for f in result.findings:
            rule = self.context.rules.get(f.code)
            dimension = "" if rule is None else (rule.category.english if lang == "en" else rule.category.value)
            message = WriteOnlyCell(sheet, value=f.message)
            message.alignment = _WRAP
            self._append("findings", [f.path, department, f.place, f.span[0], f.code, f.rule, dimension,
                                      self.severity[f.severity], message, f.pointer])

    def close(self) -> None:
        for name, tally in sorted(self.tallies.items()):
            mean = WriteOnlyCell(self.sheets["departments"], value=round(tally.score_sum / tally.documents, 1))
            mean.number_format = "0.0"
            self._append("departments", [name, tally.documents, *(tally.severities[s] for s in _ORDER), mean,
                                         tally.lowest])
        for kind, sheet in self.sheets.items():
            columns = SHEETS[kind][self.context.lang][1]
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{self.rows[kind] + 1}"
        self._highlight()
        self.workbook.save(self.out)

    def _highlight(self) -> None:
        """Errors and warnings coloured in the findings, low scores in the other sheets."""
        low = CellIsRule(operator="lessThan", formula=[str(LOW_SCORE)], fill=_ERROR_FILL)
        rules = {
            "findings": [("H", CellIsRule(operator="equal", formula=[f'"{self.severity[s]}"'], fill=fill))
                         for s, fill in ((Severity.ERROR, _ERROR_FILL), (Severity.WARNING, _WARNING_FILL))],
            "documents": [("F", low)],
            "departments": [("F", low), ("G", low)],
        }
        for kind, pairs in rules.items():
            if self.rows[kind]:  # an empty range would make Excel repair the file
                for column, rule in pairs:
                    self.sheets[kind].conditional_formatting.add(f"{column}2:{column}{self.rows[kind] + 1}", rule)
