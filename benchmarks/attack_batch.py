"""A batch mixing hostile files with ordinary documents: does `perflint check` finish, with one result per
file and bounded memory? (issue 14, point 3)

Usage: python benchmarks/attack_batch.py [--normal 50] [--keep DIR]

Builds a folder of:
  - the attack files of the audit, at the audit's sizes: a .docx whose document.xml inflates to 1.1 GiB,
    one whose document.xml declares 1.6 KiB and inflates to 1.1 GiB, a workbook of a million empty-ish
    rows, one with a 1.1 GiB XML comment, one with three comments of 9 MiB (under every limit; expat
    parses each in time quadratic in its size), one of 100,000 zip members, one whose merged range
    covers the whole sheet below its content, an .xls of 65,536 rows with a cell in column IV, and PDFs
    of one page of two million characters, of 20,000 pages and of one page that inflates to 1 GiB;
  - the adversarial YAML documents of tests/test_time_and_size.py: 20,000 indicators, and a goal of
    16,000 Latin letters;
  - --normal ordinary documents written by benchmarks/generate.py (every one with some defect, so that
    every file of the batch has at least one finding);
then runs `perflint check FOLDER --jobs 2 --format json` in a fresh process and prints the wall time,
how many files have a result against how many there are, what each attack file got, and the peak
memory of the largest process of the run (RUSAGE_CHILDREN ru_maxrss: the parent or one of its
workers) next to a bound.

The bound, 500 MB a process: a reviewer's laptop with 4 GB runs the parent and two workers in 1.5 GB,
leaving the rest to the system and the reviewer's other programs; an ordinary document takes under
100 MB, so 500 MB is what the limits on reading leave room for. It prints figures; it asserts nothing.

The builders below are also used by tests/test_office_limits.py, at sizes that keep each test fast.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

HERE = Path(__file__).resolve().parent
MEMORY_BOUND_MB = 500
GIB = 1 << 30

# -- zips written by hand -------------------------------------------------------------------------------


def _deflate(chunks: Iterable[bytes], level: int, wbits: int = -15) -> tuple[bytes, int, int]:
    """(compressed, crc, size) of the chunks, deflated a chunk at a time: raw deflate as a zip holds it,
    or a zlib stream (wbits=15) as a PDF does."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, wbits)
    out, crc, size = [], 0, 0
    for chunk in chunks:
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        out.append(compressor.compress(chunk))
    out.append(compressor.flush())
    return b"".join(out), crc, size


def raw_zip(members: Iterable[tuple[str, Iterable[bytes], Optional[int]]], level: int = 9) -> bytes:
    """A zip of (name, content in chunks, declared size or None for the true one). Written by hand, so that
    a member can declare a size it does not have, and a huge member costs no memory to write."""
    local, central, count = io.BytesIO(), io.BytesIO(), 0
    for name, chunks, declared in members:
        data, crc, size = _deflate(chunks, level)
        size = size if declared is None else declared
        encoded, offset = name.encode("utf-8"), local.tell()
        local.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), size,
                                len(encoded), 0) + encoded + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, len(data),
                                  size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        count += 1
    count = min(count, 0xFFFF)  # a 16-bit field; readers go by the size of the directory
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, central.tell(), local.tell(), 0)
    return local.getvalue() + central.getvalue() + end


def _template(kind: str) -> dict[str, bytes]:
    """The parts of a small valid .docx or .xlsx, as python-docx and openpyxl write them."""
    out = io.BytesIO()
    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph("溧平县司法局")
        document.add_paragraph("2026年部门预算绩效文本")
        document.save(out)
    else:
        import openpyxl

        book = openpyxl.Workbook()
        book.active.title = "项目"
        for row in (["部门", "溧平县司法局"], ["年度", 2026], ["项目名称", "2026年法律援助"]):
            book.active.append(row)
        book.save(out)
    with zipfile.ZipFile(out) as archive:
        return {info.filename: archive.read(info.filename) for info in archive.infolist()}


def repeated(head: bytes, unit: bytes, size: int, tail: bytes) -> Iterator[bytes]:
    """head, then `unit` repeated over `size` bytes, then tail, a megabyte at a time."""
    yield head
    block = unit * max(1, (1 << 20) // len(unit))
    while size > 0:
        piece = block[:size]
        size -= len(piece)
        yield piece
    yield tail


def office(kind: str, replace: Optional[dict] = None, declared: Optional[dict] = None,
           extra: Iterable = (), level: int = 9) -> bytes:
    """The template with some parts replaced (name → chunks), some sizes declared falsely, members added."""
    replace, declared = replace or {}, declared or {}
    members = [(name, replace.get(name, [data]), declared.get(name)) for name, data in _template(kind).items()]
    return raw_zip([*members, *extra], level)


def _body(unit: bytes, size: int) -> Iterator[bytes]:
    head, _, _ = _template("docx")["word/document.xml"].partition(b"<w:body>")
    return repeated(head + b"<w:body>", unit, size, b"<w:sectPr/></w:body></w:document>")


PARAGRAPH = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"


def inflating_docx(size: int, level: int = 9) -> bytes:
    """A .docx whose document.xml inflates to `size` bytes of paragraphs, and says so."""
    return office("docx", {"word/document.xml": _body(PARAGRAPH, size)}, level=level)


def lying_docx(size: int, level: int = 9) -> bytes:
    """A .docx whose document.xml declares the size of a normal one and inflates to `size` bytes."""
    honest = len(_template("docx")["word/document.xml"])
    return office("docx", {"word/document.xml": _body(PARAGRAPH, size)}, {"word/document.xml": honest}, level=level)


def paragraphs_docx(count: int) -> bytes:
    """A .docx of `count` numbered paragraphs."""
    head, _, _ = _template("docx")["word/document.xml"].partition(b"<w:body>")
    paragraphs = (b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % n for n in range(count))
    return office("docx", {"word/document.xml": [head + b"<w:body>", *paragraphs,
                                                 b"<w:sectPr/></w:body></w:document>"]})


SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
# A department, a year and a project without indicators: enough to read, and to have findings.
FIRST_ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>部门</t></is></c><c r="B1" t="inlineStr"><is><t>溧平县司法局'
              '</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>年度</t></is></c><c r="B2"><v>2026</v></c>'
              '</row><row r="3"><c r="A3" t="inlineStr"><is><t>项目名称</t></is></c><c r="B3" t="inlineStr"><is><t>'
              '2026年法律援助</t></is></c></row>').encode("utf-8")


def workbook(sheet: Iterable[bytes], level: int = 9) -> bytes:
    """The template workbook with its sheet replaced."""
    return office("xlsx", {"xl/worksheets/sheet1.xml": sheet}, level=level)


def empty_rows_xlsx(rows: int, claimed: int = 0, last: bytes = b"", level: int = 9) -> bytes:
    """Three rows of content, then `rows` rows holding a cell with a style and nothing else; the sheet's
    <dimension> claims `claimed` rows (default: as many as there are); `last` is XML put after them."""
    def sheet() -> Iterator[bytes]:
        yield SHEET_HEAD + b'<dimension ref="A1:Z%d"/><sheetData>' % (claimed or rows + 3) + FIRST_ROWS
        batch = []
        for r in range(4, rows + 4):
            batch.append(b'<row r="%d" spans="1:26" ht="15" customHeight="1"><c r="A%d" s="0"/></row>' % (r, r))
            if len(batch) == 10_000:
                yield b"".join(batch)
                batch = []
        yield b"".join(batch) + last + b"</sheetData></worksheet>"
    return workbook(sheet(), level)


def comment_xlsx(size: int, level: int = 9, unit: bytes = b"x", count: int = 1) -> bytes:
    """A workbook whose sheet holds `count` XML comments of `size` bytes (`unit` repeated) before its rows."""
    def sheet() -> Iterator[bytes]:
        yield SHEET_HEAD
        for _ in range(count):
            yield from repeated(b"<!--", unit, size, b"-->")
        yield b"<sheetData>" + FIRST_ROWS + b"</sheetData></worksheet>"
    return workbook(sheet(), level)


def varied(size: int = 16 << 10) -> bytes:
    """Letters that repeat only every `size` bytes: a comment of them compresses about 100:1, under the
    limit on the ratio, where one of a single letter compresses 1,000:1."""
    import random

    generator = random.Random(14)
    return bytes(generator.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(size))


def many_members_xlsx(count: int) -> bytes:
    """The template workbook with `count` empty members added."""
    return office("xlsx", extra=((f"xl/p{n}", [b""], None) for n in range(count)))


def merged_everything_xlsx() -> bytes:
    """A workbook whose one merged range covers every cell a sheet can have below its rows of content
    (A4:XFD1048576): openpyxl makes an object for each cell a range covers."""
    return workbook([SHEET_HEAD + b"<sheetData>" + FIRST_ROWS + b'</sheetData><mergeCells count="1">'
                     b'<mergeCell ref="A4:XFD1048576"/></mergeCells></worksheet>'])


def tall_xls(rows: int = 65536, far: bool = True) -> bytes:
    """An .xls of `rows` rows, each a formatted number in column A, and (`far`) a cell in column IV, the 256th."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("项目")
    style = xlwt.easyxf(num_format_str="0.00")
    sheet.write(0, 0, "部门")
    sheet.write(0, 1, "溧平县司法局")
    if far:
        sheet.write(0, 255, "远处")
    for r in range(1, rows):
        sheet.write(r, 0, r, style)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# -- PDFs written by hand ---------------------------------------------------------------------------------


def raw_pdf(pages: Iterable[tuple[bytes, Union[bool, bytes]]]) -> bytes:
    """A PDF of pages given as (content stream, filter), in the standard Helvetica font. The filter is
    True for a deflated stream, False for a plain one, or the stream dictionary's own entries (a
    /Filter with its /DecodeParms, say) given as they are."""
    objects: list[Optional[bytes]] = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
                                      b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for content, stream_filter in pages:
        entries = (stream_filter if isinstance(stream_filter, bytes)
                   else b"/Filter /FlateDecode" if stream_filter else b"")
        objects.append(b"<< /Length %d %s >>\nstream\n" % (len(content), entries) + content + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
                       b" /Contents %d 0 R >>" % len(objects))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    table = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table))
    return out.getvalue()


def text_page(text: str) -> tuple[bytes, bool]:
    return b"BT /F1 10 Tf 50 800 Td (" + text.encode("latin-1") + b") Tj ET", False


def dense_page_pdf(chars: int, level: int = 9) -> bytes:
    """One page of `chars` characters."""
    data, _, _ = _deflate(repeated(b"BT /F1 1 Tf 10 10 Td (", b"x", chars, b") Tj ET"), level, 15)
    return raw_pdf([(data, True)])


def many_pages_pdf(count: int) -> bytes:
    return raw_pdf([text_page(f"page {n}") for n in range(count)])


def inflating_pdf(size: int, level: int = 9) -> bytes:
    """One page whose content stream inflates to `size` bytes of path instructions."""
    data, _, _ = _deflate(repeated(b"BT /F1 10 Tf 50 800 Td (x) Tj ET\n", b"0 0 m\n", size, b""), level, 15)
    return raw_pdf([(data, True)])


# -- the batch ----------------------------------------------------------------------------------------------

ATTACKS = {
    "docx-inflates-1.1GiB.docx": lambda: inflating_docx(int(1.1 * GIB)),
    "docx-lies-about-its-size.docx": lambda: lying_docx(int(1.1 * GIB)),
    "xlsx-million-empty-rows.xlsx": lambda: empty_rows_xlsx(1_000_000),
    "xlsx-comment-1.1GiB.xlsx": lambda: comment_xlsx(int(1.1 * GIB)),
    "xlsx-3-comments-of-9MiB.xlsx": lambda: comment_xlsx(9 << 20, level=6, unit=varied(), count=3),
    "xlsx-100000-members.xlsx": lambda: many_members_xlsx(100_000),
    "xlsx-merged-everything.xlsx": merged_everything_xlsx,
    "xls-65536-rows-to-column-IV.xls": tall_xls,
    "pdf-page-of-2-million-chars.pdf": lambda: dense_page_pdf(2_000_000),
    "pdf-20000-pages.pdf": lambda: many_pages_pdf(20_000),
    "pdf-page-inflates-1GiB.pdf": lambda: inflating_pdf(GIB),
}

# Runs a command and reports its wall time and the largest max RSS of it and its descendants
# (RUSAGE_CHILDREN of this fresh process sees only that command's tree).
_MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    rss //= 1024
print(json.dumps({"wall": wall, "rss_kb": rss, "rc": done.returncode, "stdout": done.stdout.decode(),
                  "stderr": done.stderr.decode(errors="replace")[-500:]}))
"""


def adversarial_yaml() -> dict[str, bytes]:
    """The adversarial documents of tests/test_time_and_size.py."""
    sys.path.insert(0, str(HERE))
    from scaling import document

    text = "a" * 16_000
    runs = (f"department: 溧平县司法局\nyear: 2026\noverall:\n  goal: '{text}调解成功率达到96%以上'\nprojects:\n"
            f"  - name: '{text}'\n    uses: '{text}'\n    goals: ['{text}']\n    indicators:\n"
            f"      - {{level1: 产出指标, level2: 数量指标, name: '{text}', value: '{text}', basis: '{text}'}}\n")
    return {"yaml-20000-indicators.yaml": document(20_000, 40), "yaml-16000-latin-letters.yaml": runs.encode()}


def build(folder: Path, normal: int) -> list[str]:
    """Write the batch; the names of the attack files, in the order written."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(folder / "normal"), "--count", str(normal),
                    "--seed", "14", "--defect-share", "1"], check=True, stdout=subprocess.DEVNULL)
    (folder / "normal" / "manifest.jsonl").unlink(missing_ok=True)
    names = []
    for name, make in [*ATTACKS.items(), *((n, (lambda d=d: d)) for n, d in adversarial_yaml().items())]:
        started = time.perf_counter()
        data = make()
        (folder / name).write_bytes(data)
        names.append(name)
        print(f"  built {name}: {len(data) / 1e6:.2f} MB on disk ({time.perf_counter() - started:.1f} s)")
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--normal", type=int, default=50, help="ordinary documents in the batch (default 50)")
    parser.add_argument("--keep", type=Path, help="write the batch here and keep it (default: a temporary directory)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary) / "batch"
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        attacks = build(folder, args.normal)
        files = sorted(str(p) for p in folder.rglob("*") if p.is_file())
        command = [sys.executable, "-m", "perflint", "check", str(folder), "--jobs", "2", "--format", "json"]
        out = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True)
        run = json.loads(out.stdout)
        findings = json.loads(run["stdout"] or "[]")
        by_path: dict[str, list[dict]] = {}
        for finding in findings:
            by_path.setdefault(finding["path"], []).append(finding)
        print(f"\nperflint check {folder.name}/ --jobs 2 --format json  (exit status {run['rc']})")
        print(f"  wall time: {run['wall']:.1f} s")
        print(f"  files with a result: {len(by_path)} of {len(files)}"
              + ("" if len(by_path) == len(files) else f"  (none for: {sorted(set(files) - set(by_path))})"))
        lost = [f for f in findings if f["code"] in ("PF000", "PF016", "PF017")]
        print(f"  crashed rules, time budgets exceeded, workers lost (PF000/PF016/PF017): {len(lost)}")
        peak = run["rss_kb"] / 1024
        print(f"  peak RSS of the largest process: {peak:.0f} MB (bound {MEMORY_BOUND_MB} MB: "
              f"{'within' if peak <= MEMORY_BOUND_MB else 'OVER'})")
        print("\n  what each attack file got (the finding of a limit, where there is one, else the first):")
        for name in attacks:
            got = by_path.get(str(folder / name), [])
            limits = [f for f in got if f["code"] == "PF001" or (f["code"] == "PF020" and "上限" in f["message"])]
            shown = (limits or got or [None])[0]
            summary = f"{shown['code']} {shown['message'][:110]}" if shown else "(nothing)"
            print(f"    {name}: {len(got)} finding(s); {summary}")
        if run["stderr"].strip():
            print(f"\n  standard error: {run['stderr'].strip()}")
    print(f"\nload average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
