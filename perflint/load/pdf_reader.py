"""Read a PDF that has a text layer (.pdf) into the model: its tables, from their ruling lines, and
the text around them, in reading order.

pdfplumber finds each table's cells from the lines drawn on the page. A merged cell covers several
grid places and has its text in the first of them, the others blank, as in printed text. A table
that goes on over the next page is read on: nothing marks the page break, so its rows continue the
same table, a header repeated at the top of the page is read as the header again, and the first row
of the page may carry on the row the page break cut (it is joined when it only continues the cells of
the row above). Text outside the tables is read a paragraph at a time: lines that run to the right
edge go on in the next line. A wrapped line inside a cell is joined to the one before, unless it opens
a numbered item (1. …, （2）…).

A PDF has no lines a finding could point at: findings give `第3页 表1 第4行 第2列` or `第3页 第2段`.
A page that holds an image and no text is a scanned page, which has nothing to read without OCR.
"""

from __future__ import annotations

import io
import re
from typing import Any, Iterator, Optional

from perflint.load.blocks import Block, Cell, Paragraph, Row
from perflint.load.document import LoadedDocument
from perflint.load.outline import read_blocks
from perflint.load.pdf_text import clean, join_wrapped
from perflint.load.problems import Problem
from perflint.location import START, Location, SourceMap
from perflint.text import Text

NOT_PDF = Text("不是有效的 PDF 文件，或文件已加密", "not a valid PDF file, or an encrypted one")
SCANNED = Text("这是扫描版 PDF（只有图像，没有文字层），perflint 无法读取其中的文字；请提供文字版 PDF（由 Word/WPS 导出），"
               "或先做文字识别（OCR）", "this is a scanned PDF (images only, no text layer), whose text perflint cannot "
               "read; use a text PDF (exported from Word or WPS), or run OCR on it first")
# A line of a cell or a paragraph that opens an item of its own: 1. …, （2）…, 三、…, 目标2：…
_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(]\s*[\d一二三四五六七八九十]{1,2}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、"
                   r"|目标\s*\d{1,2}\s*[:：])")
# A paragraph that opens with its label: 绩效目标：…, 绩效指标：…
_LABELLED = re.compile(r"^\s*[^\s：:，,。；;]{2,8}\s*[：:]")
# A page number printed at the foot or head of a page: 3, - 3 -, 第3页, 第 3 页 共 5 页, 3/5.
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–\s]*$")


def read_pdf(data: bytes, path: str) -> LoadedDocument:
    import pdfplumber  # imported here so that checking YAML never loads it

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception:  # not a PDF, truncated, encrypted: pdfminer raises any of them
        return _unreadable(path, NOT_PDF)
    with pdf:
        reader = _Reader()
        blocks = list(reader.blocks(pages))
    if not reader.text_pages and reader.scanned_pages:
        return _unreadable(path, SCANNED)
    for page in reader.scanned_pages:
        reader.problems.append(Problem("import-skipped", location=reader.page_start(page), message="scanned-page",
                                       args={"page": page}))
    return read_blocks(blocks, path, [], problems=reader.problems, has_lines=False)


def _unreadable(path: str, reason: Text) -> LoadedDocument:
    return LoadedDocument(path, None, SourceMap(), [], [Problem("unreadable-file", location=START,
                                                                args={"reason": reason})], has_lines=False)


def cell_text(text: Optional[str]) -> str:
    """A cell's lines as one text: a line the page wrapped goes on the one before; an item starts a line."""
    lines = [clean(line) for line in (text or "").splitlines()]
    joined = ""
    for line in (line for line in lines if line):
        joined = f"{joined}\n{line}" if joined and _ITEM.match(line) else join_wrapped(joined, line)
    return joined


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.ordinal = 0  # every paragraph and cell, in reading order
        self.text_pages = 0
        self.scanned_pages: list[int] = []
        self.starts: dict[int, int] = {}  # page → the ordinal before its first block
        self.table_before = False  # the last thing read was a table's row: a table on the next page may go on

    def page_start(self, page: int) -> Location:
        return Location.point(self.starts.get(page, 0) + 1, 1, f"第{page}页")

    def _place(self, column: int, label: str) -> Location:
        self.ordinal += 1
        return Location.point(self.ordinal, column, label)

    def blocks(self, pages) -> Iterator[Block]:
        for number, page in enumerate(pages, 1):
            self.starts[number] = self.ordinal
            try:
                items = self._items(page)
            except Exception:  # a page whose content pdfminer cannot parse: the other pages are still read
                self.problems.append(Problem("import-skipped", location=self.page_start(number), message="page",
                                             args={"page": number}))
                continue
            if items is None:
                if page.images:
                    self.scanned_pages.append(number)
                continue
            self.text_pages += 1
            yield from self._page(number, items)

    @staticmethod
    def _items(page) -> Optional[list[tuple[float, str, Any]]]:
        """The page's tables and text lines, top to bottom; None when it has no text."""
        page = page.dedupe_chars()
        if not page.chars:
            return None
        tables = page.find_tables()
        boxes = [t.bbox for t in tables]

        def outside(obj: dict) -> bool:
            if obj.get("object_type") != "char":
                return True
            x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
            return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

        lines = page.filter(outside).extract_text_lines(return_chars=False)
        items = [(t.bbox[1], "table", t) for t in tables] + [(line["top"], "line", line) for line in lines]
        return sorted(items, key=lambda item: item[0])

    def _page(self, number: int, items: list[tuple[float, str, Any]]) -> Iterator[Block]:
        # The text's right edge: where the longest line or the widest table ends.
        right = max((item["x1"] if kind == "line" else item.bbox[2] for _, kind, item in items), default=0.0)
        paragraphs = tables = 0
        paragraph: list[dict] = []
        first = True
        for _, kind, item in items + [(0.0, "end", None)]:
            if paragraph and (kind != "line" or not _goes_on(paragraph[-1], item, right)):
                paragraphs += 1
                text = cell_text("\n".join(line["text"] for line in paragraph))
                yield Paragraph(Cell(text, self._place(1, f"第{number}页 第{paragraphs}段")))
                paragraph = []
            if kind == "line":
                if clean(item["text"]) and not _PAGE_NUMBER.match(item["text"]):
                    paragraph.append(item)
                    first, self.table_before = False, False
            elif kind == "table":
                tables += 1
                yield from self._table(item, number, tables, continued=first and self.table_before)
                first = False

    def _table(self, table, page: int, number: int, continued: bool) -> Iterator[Block]:
        name = f"第{page}页 表{number}"
        rows = []
        for r, values in enumerate(table.extract(), 1):
            cells = tuple(Cell(cell_text(value), self._place(c, f"{name} 第{r}行 第{c}列"))
                          for c, value in enumerate(values, 1))
            rows.append(Row(cells, after_page_break=continued and r == 1))
        if not any(row.filled() for row in rows):
            self.problems.append(Problem("import-empty-table", location=Location.point(self.ordinal, 1, name),
                                         args={"table": name}))
            return
        self.table_before = True
        yield from rows


def _goes_on(line: dict, following: Optional[dict], right: float) -> bool:
    """The next line carries on this one's paragraph: this one runs to the right edge (short of it by a word
    that did not fit), the next follows close below, is not indented and opens neither an item of its own
    nor a labelled paragraph (绩效指标：…)."""
    if following is None:
        return False
    height = line["bottom"] - line["top"]
    return (line["x1"] >= right - 4 * height and following["top"] - line["bottom"] <= height
            and following["x0"] <= line["x0"] + height / 2 and not _ITEM.match(following["text"])
            and not _LABELLED.match(following["text"]))
