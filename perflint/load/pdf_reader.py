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

What reading costs is bounded, and what a limit leaves out is reported. pdfminer inflates a stream
whole, with no bound (a 1.5 MB file whose page inflates to 1 GiB of drawing did not finish in 120 s),
and lays a page out object by object (a 2.5 KB file of one page of two million characters took 74 s
and 4.4 GB): so its stream filters run bounded here (_Filters), a page is laid out by an interpreter
that stops at MAX_PAGE_OBJECTS and MAX_PAGE_CONTENT, and at most MAX_PAGES pages are read, each freed
once read (20,000 pages took 600 MB when kept).
"""

from __future__ import annotations

import io
import itertools
import re
import zlib
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from perflint.load.archive import size_text
from perflint.load.blocks import Block, Cell, Paragraph, Row
from perflint.load.document import LoadedDocument
from perflint.load.outline import read_blocks
from perflint.load.pdf_text import clean, join_wrapped
from perflint.load.problems import Problem
from perflint.location import START, Location, SourceMap
from perflint.text import Text

# A department's performance document runs to a few dozen pages, a long one to about a hundred. A page of
# tables takes about a tenth of a second to read (0.14 s measured on a busy 2-core machine: its tables are
# found from their ruling lines), so 300 pages fit in the minute a document is given by default.
MAX_PAGES = 300
# A dense real page has about 3,000 characters and a few hundred ruling lines; each laid-out object
# costs about a kilobyte (pdfminer's and pdfplumber's), so 20,000 keep a page near 20 MB.
MAX_PAGE_OBJECTS = 20_000
# The drawing instructions a page runs, its own and those of the forms it draws (each time it draws
# one: a form drawn a thousand times runs a thousand times). A page of tables has some tens of KB (10 KB
# as fpdf2 writes one); each instruction can leave an object behind (a path segment, a saved graphics
# state), so this bounds them too.
MAX_PAGE_CONTENT = 2 << 20
# Graphics states saved and not yet restored (q without Q): real pages nest a handful.
MAX_SAVED_STATES = 256
# One stream decoded: embedded fonts are the largest streams (a full Chinese font is about 20 MB).
MAX_STREAM = 32 << 20
# All streams decoded: pdfminer keeps them for the whole document. A real one decodes to a few MB.
MAX_DECODED = 128 << 20

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

    filters = _Filters()
    with filters.installed():
        try:
            pdf = pdfplumber.open(io.BytesIO(data))
            pages = _pages(pdf)
            first = next(pages, None)
        except Exception as exc:  # not a PDF, truncated, encrypted: pdfminer raises any of them
            limit = _cause(exc, _TooMuch)
            return _unreadable(path, limit.reason if limit else NOT_PDF)
        reader = _Reader()
        # Not pdf.close(): it lists every page again (pdfplumber's cached list is flushed first), and each page
        # read is closed as soon as it is read.
        blocks = list(reader.blocks(itertools.chain([first] if first else [], pages)))
    if reader.stopped is not None:
        page, what, limit = reader.stopped
        reader.problems.append(Problem("import-skipped", location=reader.page_start(page), message="limit", args={
            "what": what, "limit": limit, "rest": Text(f"第{page}页起的内容", f"the content from page {page} on")}))
    if not reader.text_pages and reader.scanned_pages:
        return _unreadable(path, SCANNED)
    for page in reader.scanned_pages:
        reader.problems.append(Problem("import-skipped", location=reader.page_start(page), message="scanned-page",
                                       args={"page": page}))
    return read_blocks(blocks, path, [], problems=reader.problems, has_lines=False)


def _pages(pdf) -> Iterator[Any]:
    """The pages as pdfplumber makes them, one at a time, up to MAX_PAGES and one more: pdfplumber's own
    list makes every page of the document first (20,000 pages took 14 s)."""
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    top = 0
    for number, page in enumerate(PDFPage.create_pages(pdf.doc), 1):
        page = Page(pdf, page, page_number=number, initial_doctop=top)
        top += page.height
        yield page
        if number > MAX_PAGES:
            return


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
        self.stopped: Optional[tuple[int, Text, Text]] = None  # (the first page not read, what and which limit)

    def page_start(self, page: int) -> Location:
        return Location.point(self.starts.get(page, self.ordinal) + 1, 1, f"第{page}页")

    def _place(self, column: int, label: str) -> Location:
        self.ordinal += 1
        return Location.point(self.ordinal, column, label)

    def blocks(self, pages: Iterator[Any]) -> Iterator[Block]:
        for number in itertools.count(1):
            self.starts[number] = self.ordinal
            try:
                page = next(pages, None)
            except Exception as exc:  # the page tree breaks off: no later page can be found
                self._failed(number, exc)
                return
            if page is None:
                return
            if number > MAX_PAGES:
                self.stopped = (number, Text("PDF 文件", "The PDF"), Text(f"{MAX_PAGES} 页", f"{MAX_PAGES} pages"))
                return
            try:
                _lay_out(page)
                items = self._items(page)
                scanned = items is None and bool(page.images)
            except Exception as exc:  # a page whose content pdfminer cannot parse: the other pages are still read
                if self._failed(number, exc):
                    return
                continue
            finally:
                page.close()  # what pdfplumber keeps of the page (its layout, its objects) is not needed again
            if items is None:
                if scanned:
                    self.scanned_pages.append(number)
                continue
            self.text_pages += 1
            yield from self._page(number, items)

    def _failed(self, number: int, exc: Exception) -> bool:
        """Report the page that could not be read; True when no later page can be read either."""
        limit = _cause(exc, _TooMuch) or _cause(exc, _Crowded)
        if isinstance(limit, _TooMuch) and limit.total:
            self.stopped = (number, limit.what, limit.limit)
            return True
        where = self.page_start(number)
        if limit is not None:
            self.problems.append(Problem("import-skipped", location=where, message="limit", args={
                "what": Text(f"第{number}页的{limit.what.zh}", f"{limit.what.en} of page {number}"),
                "limit": limit.limit, "rest": Text("这一页", "the page")}))
        else:
            self.problems.append(Problem("import-skipped", location=where, message="page", args={"page": number}))
        return False

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


class _TooMuch(Exception):
    """A stream decodes to more than MAX_STREAM, or the document's streams (`total`) to more than MAX_DECODED."""

    def __init__(self, total: bool) -> None:
        self.total = total
        if total:
            self.what, self.limit = Text("PDF 中的数据流解压后", "The PDF's decoded data"), Text(
                f"合计 {size_text(MAX_DECODED)}", f"{size_text(MAX_DECODED)} in all")
        else:
            self.what, self.limit = Text("数据流解压后", "A decoded stream"), Text(
                f"每个 {size_text(MAX_STREAM)}", f"{size_text(MAX_STREAM)} each")
        super().__init__(f"{self.what.en}: {self.limit.en}")
        self.reason = Text(f"{self.what.zh}超过上限（{self.limit.zh}）", f"{self.what.en} goes past the limit "
                                                                        f"({self.limit.en})")


class _Crowded(Exception):
    """A page goes past one of the limits on laying it out."""

    def __init__(self, limit: Text) -> None:
        super().__init__(limit.en)
        self.what, self.limit = Text("内容", "The content"), limit


def _cause(exc: BaseException, kind: type) -> Optional[Any]:
    """The exception of `kind` behind `exc`: pdfplumber wraps what pdfminer raises (in its arguments)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, kind):
            return exc
        wrapped = next((a for a in getattr(exc, "args", ()) if isinstance(a, BaseException)), None)
        exc, seen = exc.__cause__ or exc.__context__ or wrapped, seen + 1
    return None


class _Filters:
    """pdfminer's stream filters, bounded: a stream decodes to at most MAX_STREAM bytes and the streams of
    a document to MAX_DECODED in all. Installed under the names pdfminer's decoder looks them up by, for
    as long as one PDF is read (perflint reads one document at a time in a process)."""

    error = zlib.error  # pdftypes catches zlib.error by this name

    def __init__(self) -> None:
        self.decoded = 0

    @contextmanager
    def installed(self):
        from pdfminer import pdftypes

        names = ("zlib", "decompress_corrupted", "lzwdecode", "rldecode", "ccittfaxdecode", "ascii85decode")
        saved = {name: getattr(pdftypes, name) for name in names}
        for name in names:
            setattr(pdftypes, name, self if name == "zlib" else getattr(self, name))
        try:
            yield self
        finally:
            for name, value in saved.items():
                setattr(pdftypes, name, value)

    def _room(self) -> int:
        return min(MAX_STREAM, MAX_DECODED - self.decoded)

    def _over(self) -> _TooMuch:
        return _TooMuch(total=MAX_DECODED - self.decoded < MAX_STREAM)

    def _keep(self, data: bytes) -> bytes:
        if len(data) > self._room():
            raise self._over()
        self.decoded += len(data)
        return data

    def _inflate(self, inflater, data: bytes, out: list) -> None:
        """Feed `data`, at most one byte past the room left coming out: that byte means the stream is too
        large, and short of it all of `data` was taken in (zlib keeps input back only when the output is
        full)."""
        size = sum(map(len, out))
        piece = inflater.decompress(data, self._room() - size + 1)
        if size + len(piece) > self._room():
            raise self._over()
        out.append(piece)

    def decompress(self, data: bytes) -> bytes:
        """zlib.decompress: the whole stream, or zlib.error when it is corrupt or cut short."""
        inflater, out = zlib.decompressobj(), []
        self._inflate(inflater, data, out)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")
        return self._keep(b"".join(out))

    def decompress_corrupted(self, data: bytes) -> bytes:
        """pdfminer's fallback for a stream zlib refuses (a wrong checksum, mostly): what inflates before the
        fault. pdfminer's own feeds one byte at a time and appends to a bytes object, quadratic in the
        output; here a piece at a time, and only the piece at fault a byte at a time."""
        inflater, out = zlib.decompressobj(), []
        for at in range(0, len(data), 1 << 16):
            piece = data[at:at + (1 << 16)]
            before, kept = inflater.copy(), len(out)
            try:
                self._inflate(inflater, piece, out)
            except zlib.error:
                inflater, out = before, out[:kept]
                for offset in range(len(piece)):
                    try:
                        self._inflate(inflater, piece[offset:offset + 1], out)
                    except zlib.error:
                        if at + offset < len(data) - 3:  # as pdfminer: a fault before the checksum is an error
                            raise
                        return self._keep(b"".join(out))
            if inflater.eof:
                break
        return self._keep(b"".join(out))

    def lzwdecode(self, data: bytes) -> bytes:
        from pdfminer.lzw import LZWDecoder

        out, size = [], 0
        for piece in LZWDecoder(io.BytesIO(data)).run():  # LZW expands a code to up to 4 KB: counted as it goes
            size += len(piece)
            if size > self._room():
                raise self._over()
            out.append(piece)
        return self._keep(b"".join(out))

    def rldecode(self, data: bytes) -> bytes:
        from pdfminer.runlength import rldecode

        if len(data) * 64 > self._room():  # two bytes can stand for 128
            raise self._over()
        return self._keep(rldecode(data))

    def ascii85decode(self, data: bytes) -> bytes:
        from pdfminer.ascii85 import ascii85decode

        if len(data) * 4 > self._room():  # z stands for four zero bytes
            raise self._over()
        return self._keep(ascii85decode(data))

    def ccittfaxdecode(self, data: bytes, params: Any) -> bytes:
        from pdfminer.ccitt import ccittfaxdecode

        # A fax image: a row of `Columns` pixels can take a single bit.
        columns = params.get("Columns", 1728) if isinstance(params, dict) else 1728
        if not isinstance(columns, int) or (columns + 7) // 8 * len(data) * 8 > self._room():
            raise self._over()
        return self._keep(ccittfaxdecode(data, params))


def _lay_out(page) -> None:
    """Lay the page out as pdfplumber does (its `layout`), within MAX_PAGE_OBJECTS, MAX_PAGE_CONTENT and
    MAX_SAVED_STATES; _Crowded past one of them."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import stream_value
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class Device(PDFPageAggregatorWithMarkedContent):
        objects = content = 0

        def count(self) -> None:
            self.objects += 1
            if self.objects > MAX_PAGE_OBJECTS:
                raise _Crowded(Text(f"{MAX_PAGE_OBJECTS} 个字符和图形", f"{MAX_PAGE_OBJECTS} characters and shapes"))

        def render_char(self, *args, **kwargs):
            self.count()
            return super().render_char(*args, **kwargs)

        def paint_path(self, *args, **kwargs):
            self.count()
            return super().paint_path(*args, **kwargs)

        def render_image(self, *args, **kwargs):
            self.count()
            return super().render_image(*args, **kwargs)

    class Interpreter(PDFPageInterpreter):
        def execute(self, streams) -> None:
            for stream in streams:
                try:
                    self.device.content += len(stream_value(stream).get_data())
                except (TypeError, AttributeError):
                    continue  # not a stream: pdfminer passes it by
                if self.device.content > MAX_PAGE_CONTENT:
                    raise _Crowded(Text(f"{size_text(MAX_PAGE_CONTENT)} 的绘制指令",
                                        f"{size_text(MAX_PAGE_CONTENT)} of drawing instructions"))
            super().execute(streams)

        def do_q(self) -> None:
            if len(self.gstack) >= MAX_SAVED_STATES:
                raise _Crowded(Text(f"{MAX_SAVED_STATES} 层保存的图形状态", f"{MAX_SAVED_STATES} saved graphics states"))
            super().do_q()

    device = Device(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    Interpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()  # where pdfplumber keeps the layout it would make
