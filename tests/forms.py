"""A document written out as the forms really come in, for the import tests.

One layout, several forms: `write_text_document` lays a document out as the published text does
(cover paragraphs, then each project's 项目支出绩效目标表 with merged cells), and a Word writer or a PDF
writer renders it; `write_workbook` lays it out as the budget system's export (one sheet per project,
one row per 三级指标, merged ranges), and an .xlsx or an .xls writer renders that. The PDF is a real one:
ruled tables drawn cell by cell, Chinese text in an embedded font, tables that go on over the next page.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Optional

from perflint.load.model import Document, Indicator, Project

NUMERALS = "一二三四五六七八九十"
CHINESE_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # fonts-wqy-microhei (.ci/run installs it)


def amount(value) -> str:
    return "" if value is None else format(value, "f")


def indicator_columns(project: Project) -> list[tuple[str, str]]:
    """(header, field) of the indicator table: the optional columns only when some row uses them."""
    columns = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "name"), ("绩效指标描述", "description"),
               ("指标值", "value"), ("指标值确定依据", "basis")]
    rows = project.indicators
    if any(i.op or i.unit for i in rows):
        columns += [("计算符号", "op"), ("计量单位", "unit")]
    if any(i.note for i in rows):
        columns.append(("指标解释", "note"))
    return columns


def runs(rows: list[Indicator], key) -> list[tuple[int, int]]:
    """(first, last) indexes of the runs of rows sharing a merged level cell."""
    found, start = [], 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or key(rows[i]) != key(rows[start]):
            found.append((start, i - 1))
            start = i
    return found


def pairs_of(project: Project, *names: str) -> list[tuple[str, str]]:
    labels = {"code": "项目编码", "name": "项目名称", "unit": "预算单位", "money_unit": "金额单位",
              "competent_department": "主管部门", "implementing_unit": "实施单位", "attribute": "项目属性",
              "period": "项目期"}
    return [(labels[n], getattr(project, n)) for n in names if getattr(project, n)]


def pair_spans(count: int, width: int) -> list[int]:
    """Label | value pairs across a row of `width` columns: each label one column, its value the rest of its half."""
    half = width // count
    spans = [s for _ in range(count) for s in (1, half - 1)]
    spans[-1] = width - sum(spans[:-1])
    return spans


# -- the published layout: paragraphs and tables ---------------------------------------------------

def write_text_document(document: Document, writer) -> None:
    """The document as published: cover, 部门整体绩效目标 in paragraphs, one table per project."""
    add = writer.paragraph
    assert document.title and document.title.startswith(document.department)
    add(document.department)
    add(document.title[len(document.department):])
    if document.status:
        add(f"（{document.status}）")
    add(f"{document.prepared_by}编制")
    add(f"{document.reviewed_by}审核")
    overall = document.overall
    add("第一部分 部门整体绩效目标")
    add("一、总体绩效目标")
    add(overall.goal)
    add("二、分项绩效目标")
    for number, target in zip(NUMERALS, overall.targets):
        add(f"（{number}）{target.title}")
        add(f"绩效目标：{target.goal}")
        add(f"绩效指标：{target.indicators}")
    add("三、工作保障措施")
    for number, measure in zip(NUMERALS, overall.measures):
        add(f"（{number}）{measure.title}")
        add(measure.text)
    add("第二部分 预算项目绩效目标")
    for number, project in enumerate(document.projects, 1):
        add(f"{number}. {project.name}绩效目标表")
        add(f"单位：{project.money_unit}")
        _project_table(writer, project)


def _project_table(writer, project: Project) -> None:
    columns = indicator_columns(project)
    table = writer.table(max(7, len(columns)))
    table.pairs(pairs_of(project, "code", "name"))
    table.pairs(pairs_of(project, "unit"))
    table.pairs(pairs_of(project, "competent_department", "implementing_unit"))
    table.pairs(pairs_of(project, "attribute", "period"))
    budget = project.budget
    first = table.row(["预算规模及资金用途", "预算数", amount(budget.total), "其中：财政资金", amount(budget.fiscal),
                       "其他资金", amount(budget.other)])
    table.row(["", project.uses], [1, table.width - 1])
    table.merge_down(0, first, first + 1, "预算规模及资金用途")
    plan = project.spending_plan
    first = table.row(["资金支出计划（%）", *plan])
    table.row(["", *(f"{v}%" for v in plan.values())])
    table.merge_down(0, first, first + 1, "资金支出计划（%）")
    table.row(["绩效目标", "\n".join(project.goals)], [1, table.width - 1])
    header = table.row([h for h, _ in columns])
    rows = project.indicators
    for indicator in rows:
        table.row([getattr(indicator, f) or "" for _, f in columns])
    for first, last in runs(rows, lambda i: i.level1):
        table.merge_down(0, header + 1 + first, header + 1 + last, rows[first].level1)
    for first, last in runs(rows, lambda i: (i.level1, i.level2)):
        table.merge_down(1, header + 1 + first, header + 1 + last, rows[first].level2)
    if project.breakdown:
        table.row(["测算明细"], [table.width])
        table.row(["内容", "数量", "单价", "金额", "测算依据"])
        for item in project.breakdown:
            table.row([item.item, amount(item.quantity), amount(item.unit_price), amount(item.amount), item.basis])


def default_spans(values: list, width: int, spans: Optional[list[int]]) -> list[int]:
    """How many grid columns each value covers: one each, the last taking the rest."""
    return spans or [1] * (len(values) - 1) + [width - len(values) + 1]


class WordWriter:
    def __init__(self) -> None:
        import docx

        self.word = docx.Document()

    def paragraph(self, text: str) -> None:
        self.word.add_paragraph(text)

    def table(self, width: int) -> "WordTable":
        return WordTable(self.word, width)

    def output(self) -> bytes:
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()


class WordTable:
    def __init__(self, word, width: int) -> None:
        self.table = word.add_table(rows=0, cols=width)
        self.width = width

    def row(self, values: list[str], spans: Optional[list[int]] = None) -> int:
        cells = self.table.add_row().cells
        column = 0
        for value, width in zip(values, default_spans(values, self.width, spans)):
            cell = cells[column].merge(cells[column + width - 1]) if width > 1 else cells[column]
            lines = value.split("\n") if value else [""]
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
            column += width
        return len(self.table.rows) - 1

    def merge_down(self, column: int, first: int, last: int, text: str) -> None:
        if last > first:
            cell = self.table.cell(first, column).merge(self.table.cell(last, column))
            cell.text = text

    def pairs(self, pairs: list[tuple[str, str]]) -> None:
        if pairs:
            self.row([v for pair in pairs for v in pair], pair_spans(len(pairs), self.width))


def build_docx(document: Document) -> bytes:
    writer = WordWriter()
    write_text_document(document, writer)
    return writer.output()


# -- PDF ---------------------------------------------------------------------------------------------

_WIDE = ("\u3000", "\u9fff", "\uff00", "\uffef", "\u2018", "\u201f")


def _wide(char: str) -> bool:
    return any(low <= char <= high for low, high in zip(_WIDE[::2], _WIDE[1::2]))


class PdfWriter:
    """A4 pages, 15 mm margins; text typeset as a word processor does Chinese: a line may break before or
    after a Chinese character or at a space, never inside a run of Latin letters or digits."""

    LINE = 4.6  # mm
    PAD = 1.2

    def __init__(self, size: float = 9) -> None:
        from fpdf import FPDF

        if not CHINESE_FONT.exists():
            raise RuntimeError(f"{CHINESE_FONT} is missing: install fonts-wqy-microhei (.ci/run does)")
        self.pdf = FPDF(format="A4", unit="mm")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(15, 15, 15)
        self.pdf.add_font("wqy", fname=str(CHINESE_FONT))
        self.pdf.set_font("wqy", size=size)
        self.pdf.add_page()
        self.y = 15.0
        self.bottom = self.pdf.h - 15
        self.pending: Optional[PdfTable] = None

    @property
    def text_width(self) -> float:
        return self.pdf.w - 30

    def wrap(self, text: str, width: float, indent: float = 0) -> list[str]:
        """The text's lines, each paragraph's first `indent` narrower."""
        lines: list[str] = []
        for paragraph in (text or "").split("\n"):
            tokens, token = [], ""
            for char in paragraph:  # a token: one Chinese character, a space, or a run of anything else
                if _wide(char) or char == " ":
                    tokens += [token, char] if token else [char]
                    token = ""
                else:
                    token += char
            tokens += [token] if token else []
            line, room = "", width - indent
            for token in tokens:
                if line and self.pdf.get_string_width(line + token) > room:
                    room = width
                    lines.append(line.rstrip())
                    line = token.lstrip()
                else:
                    line += token
            lines.append(line.rstrip())
        return lines

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.y = 15.0

    def paragraph(self, text: str) -> None:
        """Each line of the text a paragraph, its first line indented by two characters (首行缩进)."""
        self._flush()
        indent = self.pdf.get_string_width("中文")
        for part in (text or "").split("\n"):
            lines = self.wrap(part, self.text_width, indent)
            for n, line in enumerate(lines):
                if self.y + self.LINE > self.bottom:
                    self._new_page()
                self.pdf.text(15 + (indent if n == 0 else 0), self.y + self.LINE - 1.2, line)
                self.y += self.LINE
        self.y += 1.5

    def table(self, width: int) -> "PdfTable":
        self._flush()
        self.pending = PdfTable(self, width)
        return self.pending

    def _flush(self) -> None:
        if self.pending is not None:
            self.pending.draw()
            self.pending = None
            self.y += 3

    def scanned_page(self) -> None:
        """A page that is only an image, as a scanner makes it."""
        self._flush()
        scanned_page(self.pdf)

    def output(self) -> bytes:
        self._flush()
        return bytes(self.pdf.output())


def scanned_page(pdf) -> None:
    from PIL import Image

    pdf.add_page()
    pdf.image(Image.new("L", (200, 280), 255), x=10, y=10, w=190)


class PdfTable:
    """Rows and merges collected, then drawn: each cell a rectangle (a merged one spans its columns and rows),
    its text inside; a row that does not fit goes to the next page, where the table goes on."""

    def __init__(self, writer: PdfWriter, width: int) -> None:
        self.writer = writer
        self.width = width
        self.rows: list[list[tuple[int, int, str]]] = []  # per row: (column, span, text)
        self.down: dict[tuple[int, int], int] = {}  # (first row, column) → last row of a merged range
        self.breaks: set[int] = set()  # rows that start a new page whether or not they would fit

    def row(self, values: list[str], spans: Optional[list[int]] = None) -> int:
        cells, column = [], 0
        for value, span in zip(values, default_spans(values, self.width, spans)):
            cells.append((column, span, value or ""))
            column += span
        self.rows.append(cells)
        return len(self.rows) - 1

    def merge_down(self, column: int, first: int, last: int, text: str) -> None:
        if last > first:
            self.down[(first, column)] = last
            self.rows[first] = [(c, s, text if c == column else t) for c, s, t in self.rows[first]]

    def pairs(self, pairs: list[tuple[str, str]]) -> None:
        if pairs:
            self.row([v for pair in pairs for v in pair], pair_spans(len(pairs), self.width))

    def break_page(self) -> None:
        """The next row goes on the next page."""
        self.breaks.add(len(self.rows))

    def draw(self) -> None:
        writer, pdf = self.writer, self.writer.pdf
        unit = writer.text_width / self.width
        covered = {(r, column) for (first, column), last in self.down.items() for r in range(first + 1, last + 1)}
        origins = [(r, column, span, writer.wrap(text, span * unit - 2 * writer.PAD))
                   for r, cells in enumerate(self.rows) for column, span, text in cells if (r, column) not in covered]
        heights = [writer.LINE + 2 * writer.PAD] * len(self.rows)
        for r, column, _, lines in origins:
            if (r, column) not in self.down:
                heights[r] = max(heights[r], len(lines) * writer.LINE + 2 * writer.PAD)
        # A merged range of a few rows (a header block) is kept on one page, as a typesetter keeps it; a longer
        # one (a 一级指标 down many rows) may be cut by the page break.
        together = {r: last for (r, _), last in self.down.items() if last - r < 3}
        pages, tops, page, y = [], [], 0, writer.y
        for r, height in enumerate(heights):
            block = sum(heights[r: together.get(r, r) + 1])
            if y + block > writer.bottom or r in self.breaks:
                page, y = page + 1, 15.0
            pages.append(page)
            tops.append(y)
            y += height
        drawings: dict[int, list] = {}
        for r, column, span, lines in origins:
            rows = range(r, self.down.get((r, column), r) + 1)
            for n, on_page in enumerate(sorted({pages[i] for i in rows})):
                segment = [i for i in rows if pages[i] == on_page]
                drawings.setdefault(on_page, []).append(
                    (15 + column * unit, tops[segment[0]], span * unit, sum(heights[i] for i in segment),
                     lines if n == 0 else []))
        for on_page in range(page + 1):
            if on_page:
                writer._new_page()
            for x, top, width, height, lines in drawings.get(on_page, []):
                pdf.rect(x, top, width, height)
                for n, line in enumerate(lines):
                    pdf.text(x + writer.PAD, top + writer.PAD + (n + 1) * writer.LINE - 1.2, line)
        writer.y = y


def build_pdf(document: Document) -> bytes:
    writer = PdfWriter()
    write_text_document(document, writer)
    return writer.output()


# -- the budget system's export: workbooks -------------------------------------------------------------

def number(value):
    """A Decimal as the number a spreadsheet stores: whole numbers as int."""
    return None if value is None else (int(value) if value == value.to_integral_value() and value.as_tuple().exponent
                                       >= 0 else float(value))


def write_workbook(document: Document, book) -> None:
    """The budget system's export: a sheet for the department, one per project."""
    sheet = book.sheet("部门整体绩效目标", 4)
    for label, value in (("部门", document.department), ("年度", document.year), ("标题", document.title),
                         ("状态", document.status), ("编制单位", document.prepared_by),
                         ("审核单位", document.reviewed_by)):
        if value is not None:
            sheet.row([label, value])
    overall = document.overall
    sheet.row(["总体绩效目标", overall.goal])
    sheet.row(["分项绩效目标"], [4])
    sheet.row(["名称", "绩效目标", "绩效指标"])
    for target in overall.targets:
        sheet.row([target.title, target.goal, target.indicators])
    sheet.row(["工作保障措施"], [4])
    sheet.row(["名称", "内容"])
    for measure in overall.measures:
        sheet.row([measure.title, measure.text])
    for index, project in enumerate(document.projects, 1):
        _project_sheet(book.sheet(f"项目{index}", 9), project, document.year)


def _project_sheet(sheet, project: Project, year: int) -> None:
    sheet.row([f"项目支出绩效目标表（{year}年度）"], [sheet.width])
    for pairs in (pairs_of(project, "name", "code"), pairs_of(project, "unit", "money_unit"),
                  pairs_of(project, "competent_department", "implementing_unit"),
                  pairs_of(project, "attribute", "period")):
        if pairs:
            sheet.row([v for pair in pairs for v in pair], pair_spans(len(pairs), sheet.width))
    budget = project.budget
    sheet.row(["项目资金（万元）", "预算数", number(budget.total), "财政资金", number(budget.fiscal), "其他资金",
               number(budget.other)], formats={2: "0.00", 4: "0.00", 6: "0.00"})
    sheet.row(["资金用途", project.uses])
    # Percentages as the budget system stores them: the fraction, shown as a percentage.
    plan = [v for label, value in project.spending_plan.items()
            for v in (label, None if value is None else float(value / 100))]
    sheet.row(["资金支出计划", *plan], formats={i: "0%" for i in range(2, len(plan) + 1, 2)})
    first = last = None
    for goal in project.goals:
        last = sheet.row(["年度绩效目标" if first is None else "", goal])
        first = last if first is None else first
    sheet.merge_down(1, first, last)
    columns = indicator_columns(project)
    header = sheet.row([h for h, _ in columns] + [""] * (sheet.width - len(columns)), [1] * sheet.width)
    rows = project.indicators
    for indicator in rows:
        sheet.row([getattr(indicator, f) or "" for _, f in columns])
    for first, last in runs(rows, lambda i: i.level1):
        sheet.merge_down(1, header + 1 + first, header + 1 + last)
    for first, last in runs(rows, lambda i: (i.level1, i.level2)):
        sheet.merge_down(2, header + 1 + first, header + 1 + last)
    if project.breakdown:
        sheet.row(["测算明细"], [sheet.width])
        sheet.row(["内容", "数量", "单价", "金额", "测算依据"])
        for item in project.breakdown:
            sheet.row([item.item, number(item.quantity), number(item.unit_price), number(item.amount), item.basis],
                      formats={3: "0.00"})


class XlsxBook:
    def __init__(self) -> None:
        import openpyxl

        self.book = openpyxl.Workbook()
        self.first = True

    def sheet(self, title: str, width: int) -> "XlsxSheet":
        sheet = self.book.active if self.first else self.book.create_sheet(title)
        sheet.title, self.first = title, False
        return XlsxSheet(sheet, width)

    def output(self) -> bytes:
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


class XlsxSheet:
    def __init__(self, sheet, width: int) -> None:
        self.sheet = sheet
        self.width = width
        self.rows = 0

    def row(self, values: list, spans: Optional[list[int]] = None, formats: Optional[dict[int, str]] = None) -> int:
        """One row (1-based number returned); a value spanning several columns is a merged range."""
        self.rows += 1
        number_, column = self.rows, 1
        for index, (value, width) in enumerate(zip(values, default_spans(values, self.width, spans))):
            cell = self.sheet.cell(number_, column, value if value != "" else None)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text such as =100%, as the budget system stores it; not a formula
            if formats and index in formats:
                cell.number_format = formats[index]
            if width > 1:
                self.sheet.merge_cells(start_row=number_, start_column=column, end_row=number_,
                                       end_column=column + width - 1)
            column += width
        return number_

    def merge_down(self, column: int, first: int, last: int) -> None:
        if last > first:
            self.sheet.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)


class XlsBook:
    """The old binary workbook (.xls, BIFF8), as many bureaus still exchange it."""

    def __init__(self) -> None:
        import xlwt

        self.xlwt = xlwt
        self.book = xlwt.Workbook(encoding="utf-8")
        self.sheets: list[XlsSheet] = []

    def sheet(self, title: str, width: int) -> "XlsSheet":
        self.sheets.append(XlsSheet(self.xlwt, self.book.add_sheet(title), width))
        return self.sheets[-1]

    def output(self) -> bytes:
        for sheet in self.sheets:
            sheet.write()
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


class XlsSheet:
    """Cells and merged ranges collected, then written: xlwt writes a merged range at once, and never a
    cell twice. As in Excel, a merged range keeps the value of its top-left cell only."""

    def __init__(self, xlwt, sheet, width: int) -> None:
        self.xlwt = xlwt
        self.sheet = sheet
        self.width = width
        self.rows = 0
        self.cells: dict[tuple[int, int], tuple[object, Optional[str]]] = {}  # 0-based (row, column) → value, format
        self.merged: list[tuple[int, int, int, int]] = []  # 0-based first row, last row, first column, last column

    def row(self, values: list, spans: Optional[list[int]] = None, formats: Optional[dict[int, str]] = None) -> int:
        self.rows += 1
        r, column = self.rows - 1, 0
        for index, (value, width) in enumerate(zip(values, default_spans(values, self.width, spans))):
            self.cells[(r, column)] = (None if value == "" else value, (formats or {}).get(index))
            if width > 1:
                self.merged.append((r, r, column, column + width - 1))
            column += width
        return self.rows

    def merge_down(self, column: int, first: int, last: int) -> None:
        """Rows first..last of a column (1-based, as row() numbers them) as one merged range."""
        if last > first:
            self.merged.append((first - 1, last - 1, column - 1, column - 1))

    def write(self) -> None:
        def style(number_format):
            return self.xlwt.easyxf(num_format_str=number_format) if number_format else self.xlwt.Style.default_style

        inside = {(r, c) for r1, r2, c1, c2 in self.merged for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)}
        for r1, r2, c1, c2 in self.merged:
            value, number_format = self.cells.get((r1, c1), (None, None))
            self.sheet.write_merge(r1, r2, c1, c2, value, style(number_format))
        for (r, c), (value, number_format) in self.cells.items():
            if (r, c) not in inside and value is not None:
                self.sheet.write(r, c, value, style(number_format))


def build_xlsx(document: Document) -> bytes:
    book = XlsxBook()
    write_workbook(document, book)
    return book.output()


def build_xls(document: Document) -> bytes:
    book = XlsBook()
    write_workbook(document, book)
    return book.output()
