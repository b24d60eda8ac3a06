"""The zip check of Office files, the PDF reader and the decoding of text files: behaviours a user sees
that no other test pinned down — each limit of the zip check on both sides of its boundary and its
message in both languages, the members the check leaves to zipfile (encrypted, a broken local header, a
cut-off or corrupt stream), the bound of each of a PDF's stream filters, the limits on laying out a page
at their boundaries, a page tree that breaks off, what is left out past a document's limits in English,
how the exception behind a wrapped one is found, the spaces a PDF's text loses and keeps, when a line
goes on the paragraph before it, files that cannot be read at all, and what decoding a text file's bytes
gives (the encoding detected, where the first bad byte is, which bytes make a file binary)."""

import base64
import io
import random
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from perflint.check import active_rules
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import load_bytes, pdf_reader
from perflint.load.archive import (MAX_MARKUP, MAX_MEMBER_SIZE, MAX_MEMBERS, MAX_RATIO, MAX_TOTAL_SIZE, ArchiveLimit,
                                   check_office_zip, size_text)
from perflint.load.decode import decode
from perflint.load.pdf_text import clean, join_wrapped

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import attack_batch as attacks  # noqa: E402  (builders of hand-made PDFs)

RULES = active_rules(Settings())

# -- zips written by hand ---------------------------------------------------------------------------------


def _member(name: str, data: bytes, declared: int = None, method: int = zipfile.ZIP_DEFLATED, flags: int = 0x800,
            cut: int = 0, signature: bytes = b"PK\x03\x04") -> dict:
    """A member of `data`, deflated (raw, as a zip holds it) or stored; `declared` replaces its true size,
    `cut` bytes are taken off the end of what is stored, `signature` opens its local header."""
    if method == zipfile.ZIP_DEFLATED:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        stored = compressor.compress(data) + compressor.flush()
    else:
        stored = data
    stored = stored[:len(stored) - cut]
    return {"name": name.encode("utf-8"), "stored": stored, "crc": zlib.crc32(data), "method": method, "flags": flags,
            "size": len(data) if declared is None else declared, "signature": signature}


def _zip(*members: dict) -> bytes:
    local, central = bytearray(), bytearray()
    for m in members:
        offset = len(local)
        local += m["signature"] + struct.pack("<HHHHHIIIHH", 20, m["flags"], m["method"], 0, 0x21, m["crc"],
                                              len(m["stored"]), m["size"], len(m["name"]), 0) + m["name"] + m["stored"]
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, m["flags"], m["method"], 0, 0x21, m["crc"],
                               len(m["stored"]), m["size"], len(m["name"]), 0, 0, 0, 0, 0, offset) + m["name"]
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0)
    return bytes(local + central + end)


def _noise(size: int, seed: int = 0) -> bytes:
    """Bytes deflate cannot shrink: a member that compresses to about its own size."""
    return random.Random(seed).randbytes(size)


def _refusal(data: bytes, parsed_whole=lambda name: True) -> ArchiveLimit:
    with pytest.raises(ArchiveLimit) as refused:
        check_office_zip(data, parsed_whole)
    return refused.value


def _compressed_size(member: dict) -> int:
    return len(member["stored"])


# -- sizes as a user reads them -----------------------------------------------------------------------------

@pytest.mark.parametrize("size, text", [(900, "900 B"), (1023, "1023 B"), (1024, "1 KiB"), (1536, "1.5 KiB"),
                                        (32 << 20, "32 MiB"), ((32 << 20) + 1, "32 MiB"), (int(1.1 * (1 << 30)), "1.1 GiB")])
def test_sizes_are_written_in_binary_units_with_at_most_one_decimal(size, text):
    assert size_text(size) == text


# -- the limits of the zip check, on both sides -----------------------------------------------------------

def test_a_member_at_the_compression_ratio_limit_passes_and_one_byte_more_is_refused():
    noise = _noise(6000)
    compressed = _compressed_size(_member("word/document.xml", noise))
    at_limit = MAX_RATIO * compressed
    check_office_zip(_zip(_member("word/document.xml", noise, declared=at_limit)))
    refused = _refusal(_zip(_member("word/document.xml", noise, declared=at_limit + 1)))
    kib, mib = size_text(compressed), size_text(at_limit + 1)
    assert kib.endswith(" KiB") and mib.endswith(" MiB")
    assert refused.reason.zh == (f"压缩包成员 word/document.xml 由 {kib} 解压为 {mib}，压缩比 200:1，超过上限 200:1"
                                 f"（疑似压缩炸弹）")
    assert refused.reason.en == (f"archive member word/document.xml inflates from {kib} to {mib}, a ratio of 200:1, "
                                 f"more than the limit of 200:1 (a zip bomb?)")
    assert str(refused) == refused.reason.en


def test_a_member_below_the_ratio_grace_size_is_not_refused_for_its_ratio():
    # A megabyte of one repeated byte compresses about a thousand to one: small members cost nothing.
    check_office_zip(_zip(_member("word/document.xml", b"x" * (1 << 20))))


def test_a_member_declaring_the_largest_size_passes_and_one_byte_more_is_refused():
    noise = _noise(200_000, seed=1)
    check_office_zip(_zip(_member("word/document.xml", noise, declared=MAX_MEMBER_SIZE)))
    refused = _refusal(_zip(_member("word/document.xml", noise, declared=MAX_MEMBER_SIZE + 1)))
    assert refused.reason.zh == "压缩包成员 word/document.xml 解压后 32 MiB，超过上限 32 MiB"
    assert refused.reason.en == "archive member word/document.xml inflates to 32 MiB, more than the limit of 32 MiB"


def test_members_declaring_the_largest_total_pass_and_one_byte_more_is_refused():
    def members(last: int) -> list:
        return [_member("a.xml", _noise(200_000, 2), declared=MAX_MEMBER_SIZE),
                _member("b.xml", _noise(200_000, 3), declared=MAX_MEMBER_SIZE - 10),
                _member("c.xml", b"<c/>", declared=last)]

    check_office_zip(_zip(*members(10)))
    assert MAX_TOTAL_SIZE == 2 * MAX_MEMBER_SIZE
    refused = _refusal(_zip(*members(11)))
    assert refused.reason.zh == "压缩包各成员解压后共 64 MiB，超过上限 64 MiB"
    assert refused.reason.en == "the archive's members inflate to 64 MiB in all, more than the limit of 64 MiB"


def test_a_zip_of_as_many_members_as_allowed_passes_and_one_more_is_refused():
    members = [_member(f"m{n}.xml", b"<m/>") for n in range(MAX_MEMBERS)]
    check_office_zip(_zip(*members))
    refused = _refusal(_zip(*members, _member("last.xml", b"<m/>")))
    assert refused.reason.zh == "压缩包有 1001 个成员，超过上限 1000 个"
    assert refused.reason.en == "the archive has 1001 members, more than the limit of 1000"


def test_tags_up_to_the_limit_pass_and_one_more_is_refused_naming_the_member():
    # Stored (not deflated) members are read as they are, a piece at a time, and their tags counted too.
    first = _member("word/document.xml", b"<" * (MAX_MARKUP - 10), method=zipfile.ZIP_STORED)
    check_office_zip(_zip(first, _member("word/styles.xml", b"<" * 10)))
    refused = _refusal(_zip(first, _member("word/styles.xml", b"<" * 11)))
    assert refused.reason.zh == "压缩包中整体解析的 XML 标签超过上限 1500000 个（数到成员 word/styles.xml 时）"
    assert refused.reason.en == ("the XML parsed whole has more tags than the limit of 1500000 (counting up to member "
                                 "word/styles.xml)")


def test_tags_of_members_not_parsed_whole_are_not_counted():
    data = _zip(_member("xl/sharedStrings.xml", b"<" * (MAX_MARKUP + 1), method=zipfile.ZIP_STORED),
                _member("xl/workbook.xml", b"<w/>"))
    check_office_zip(data, lambda name: name != "xl/sharedStrings.xml")
    assert "xl/sharedStrings.xml" in _refusal(data).reason.en


def test_a_stored_member_is_read_only_up_to_its_declared_size():
    # The bytes stored past the declared size are not the member's: their tags are not counted.
    stored = _member("word/document.xml", b"<" * (MAX_MARKUP + 5), method=zipfile.ZIP_STORED, declared=MAX_MARKUP)
    check_office_zip(_zip(stored))


def test_a_member_compressed_as_office_files_never_are_is_refused_naming_the_method():
    refused = _refusal(_zip(_member("word/document.xml", b"<w/>", method=zipfile.ZIP_BZIP2)))
    assert refused.reason.zh == "压缩包成员 word/document.xml 使用了 Office 文件不用的压缩方式（12 号）"
    assert refused.reason.en == ("archive member word/document.xml uses a compression method Office files do not use "
                                 "(number 12)")


def test_a_member_that_inflates_past_its_declared_size_is_refused_in_both_languages():
    refused = _refusal(_zip(_member("word/document.xml", b"<w:p/>" * 50_000, declared=1000)))
    assert refused.reason.zh == "压缩包成员 word/document.xml 实际解压后超过其声明的 1000 B（文件已损坏或被篡改）"
    assert refused.reason.en == ("archive member word/document.xml inflates to more than the 1000 B it declares "
                                 "(a damaged or tampered file)")


def test_a_member_inflating_to_exactly_its_declared_size_passes():
    check_office_zip(_zip(_member("word/document.xml", _noise(300_000, 4) + b"<w:p/>" * 50_000)))


# -- what the check leaves to zipfile ------------------------------------------------------------------------

def test_an_encrypted_member_is_not_inflated_by_the_check():
    # Were it inflated, its lie about its size would show; zipfile refuses it before inflating anything.
    check_office_zip(_zip(_member("word/document.xml", b"<w:p/>" * 50_000, declared=1000, flags=0x801)))


def test_a_member_whose_local_header_is_broken_is_left_to_zipfile():
    broken = _member("word/document.xml", b"<w:p/>" * 50_000, declared=1000, signature=b"PK\x00\x00")
    check_office_zip(_zip(broken))
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(_zip(broken))).read("word/document.xml")


def test_a_member_cut_short_ends_the_check_without_a_refusal():
    # The deflated stream stops before its end: inflating it ends where the stored bytes do.
    check_office_zip(_zip(_member("word/document.xml", _noise(200_000, 5), cut=1000)))
    check_office_zip(_zip(_member("word/document.xml", b"<w:p/>" * 50_000, cut=20)))


def test_a_member_of_corrupt_deflate_data_ends_the_check_without_a_refusal():
    corrupt = _member("word/document.xml", b"<w:p/>" * 50_000)
    corrupt["stored"] = b"\xff" * 64  # a deflate block of the reserved type
    check_office_zip(_zip(corrupt))


def test_a_word_file_whose_member_is_broken_is_reported_unreadable_without_a_limit():
    broken = _zip(_member("word/document.xml", b"<w:p/>" * 50_000, declared=1000, signature=b"PK\x00\x00"))
    (finding,) = lint(load_bytes(broken, "broken.docx"), RULES)
    assert finding.code == "PF001" and "上限" not in finding.message and "压缩包成员" not in finding.message


# -- the PDF's stream filters -------------------------------------------------------------------------------

@pytest.fixture
def small_streams(monkeypatch):
    """Streams may decode to 1000 bytes each, and the document's to 10,000 in all."""
    monkeypatch.setattr(pdf_reader, "MAX_STREAM", 1000)
    monkeypatch.setattr(pdf_reader, "MAX_DECODED", 10_000)
    return pdf_reader._Filters()


def _over_the_stream_limit(call) -> None:
    with pytest.raises(pdf_reader._TooMuch) as over:
        call()
    assert over.value.total is False and str(over.value) == "A decoded stream: 1000 B each"
    assert over.value.reason.zh == "数据流解压后超过上限（每个 1000 B）"
    assert over.value.reason.en == "A decoded stream goes past the limit (1000 B each)"


def test_a_deflated_stream_of_exactly_the_limit_decodes_and_one_byte_more_is_refused(small_streams):
    assert small_streams.decompress(zlib.compress(b"a" * 1000)) == b"a" * 1000
    _over_the_stream_limit(lambda: small_streams.decompress(zlib.compress(b"a" * 1001)))
    assert small_streams.decoded == 1000


def test_a_deflated_stream_cut_short_is_a_zlib_error(small_streams):
    with pytest.raises(zlib.error):
        small_streams.decompress(zlib.compress(b"a" * 500)[:-6])


def test_a_stream_with_a_wrong_checksum_decodes_to_what_precedes_the_fault(small_streams):
    good = zlib.compress(b"BT (x) Tj ET " * 20)
    assert small_streams.decompress_corrupted(good[:-1] + bytes([good[-1] ^ 1])) == b"BT (x) Tj ET " * 20
    cut = small_streams.decompress_corrupted(good[:-6])  # a stream cut short: what inflated before its end
    assert cut and (b"BT (x) Tj ET " * 20).startswith(cut)
    broken = bytearray(good)
    broken[2] ^= 0xFF
    with pytest.raises(zlib.error):
        small_streams.decompress_corrupted(bytes(broken))


def test_a_corrupted_stream_is_bounded_like_any_other(small_streams):
    good = zlib.compress(b"a" * 1001)
    _over_the_stream_limit(lambda: small_streams.decompress_corrupted(good[:-1] + bytes([good[-1] ^ 1])))
    long = zlib.compress(_noise(70_000, 6))  # more than a piece of 64 KiB
    with pytest.raises(pdf_reader._TooMuch):
        small_streams.decompress_corrupted(long[:-1] + bytes([long[-1] ^ 1]))


def test_run_length_and_ascii85_streams_are_refused_by_what_they_could_decode_to(small_streams):
    # Run length: two bytes can stand for 128; ASCII85: one z stands for four zero bytes.
    assert small_streams.rldecode(b"\x81\x00" * 7 + b"\x80") == b"\x00" * 7 * 128
    _over_the_stream_limit(lambda: small_streams.rldecode(b"\x01ab\x80" + b"\x80" * 12))
    assert small_streams.ascii85decode(b"z" * 250) == b"\x00" * 1000
    _over_the_stream_limit(lambda: small_streams.ascii85decode(b"z" * 251))


def test_an_lzw_stream_is_counted_as_it_decodes(small_streams):
    # 9-bit codes: clear (256), `a` (97), then 258, 259, … each one `a` longer than the one before (2 to 44
    # of them: 990 in all with the first), `a` `singles` times more, and the end (257).
    def lzw(singles: int) -> bytes:
        codes = [256, 97, *range(258, 258 + 43), *[97] * singles, 257]
        bits = "".join(format(code, "09b") for code in codes)
        bits += "0" * (-len(bits) % 8)
        return int(bits, 2).to_bytes(len(bits) // 8, "big")

    assert small_streams.lzwdecode(lzw(10)) == b"a" * 1000
    _over_the_stream_limit(lambda: small_streams.lzwdecode(lzw(11)))


def test_a_fax_image_is_refused_by_the_rows_its_bytes_could_make(small_streams, monkeypatch):
    import pdfminer.ccitt

    monkeypatch.setattr(pdfminer.ccitt, "ccittfaxdecode", lambda data, params: b"\x00" * len(data))
    # A row of 8 pixels is a byte and can take a single bit: 125 bytes can make 1000 rows of a byte each.
    assert small_streams.ccittfaxdecode(b"\x01" * 125, {"Columns": 8, "K": -1}) == b"\x00" * 125
    _over_the_stream_limit(lambda: small_streams.ccittfaxdecode(b"\x01" * 126, {"Columns": 8, "K": -1}))
    # A row of 1728 pixels (the default) is 216 bytes; a width that is not a number is refused.
    _over_the_stream_limit(lambda: small_streams.ccittfaxdecode(b"\x00", {"K": -1}))
    _over_the_stream_limit(lambda: small_streams.ccittfaxdecode(b"\x00", None))
    _over_the_stream_limit(lambda: small_streams.ccittfaxdecode(b"\x00", {"Columns": "many"}))


def test_streams_past_the_documents_total_are_refused_as_a_total(small_streams):
    for _ in range(10):
        small_streams.decompress(zlib.compress(b"a" * 1000))
    with pytest.raises(pdf_reader._TooMuch) as over:
        small_streams.decompress(zlib.compress(b"a"))
    assert over.value.total is True
    assert over.value.reason.zh == "PDF 中的数据流解压后超过上限（合计 9.8 KiB）"
    assert over.value.reason.en == "The PDF's decoded data goes past the limit (9.8 KiB in all)"


def test_the_filters_are_installed_only_while_a_pdf_is_read():
    from pdfminer import pdftypes

    before = pdftypes.zlib, pdftypes.rldecode, pdftypes.ascii85decode
    filters = pdf_reader._Filters()
    with filters.installed():
        assert pdftypes.zlib is filters and pdftypes.rldecode == filters.rldecode
        assert pdftypes.lzwdecode == filters.lzwdecode and pdftypes.ccittfaxdecode == filters.ccittfaxdecode
        assert pdftypes.ascii85decode == filters.ascii85decode
        assert pdftypes.decompress_corrupted == filters.decompress_corrupted
    assert (pdftypes.zlib, pdftypes.rldecode, pdftypes.ascii85decode) == before


def test_a_page_in_ascii85_past_the_stream_limit_is_left_out_in_both_languages(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_STREAM", 1000)
    content = b"BT /F1 10 Tf 50 800 Td (x) Tj ET"
    encoded = base64.a85encode(content + b" " * 300) + b"~>"
    data = attacks.raw_pdf([attacks.text_page("first"), (encoded, b"/Filter /ASCII85Decode")])
    zh = [f for f in lint(load_bytes(data, "a85.pdf"), RULES, "zh") if f.label == "第2页"]
    en = [f for f in lint(load_bytes(data, "a85.pdf"), RULES, "en") if f.label == "第2页"]
    assert [f.message for f in zh] == ["第2页的数据流解压后超过上限（每个 1000 B），这一页未被读取"]
    assert [f.message for f in en] == ["A decoded stream of page 2 goes past the limit (1000 B each); not read: the page"]


# -- the limits on laying out a page ------------------------------------------------------------------------

def _skipped(data: bytes, lang: str = "zh") -> list:
    return [(f.label, f.message) for f in lint(load_bytes(data, "p.pdf"), RULES, lang)
            if f.code == "PF020" and f.label == "第1页"]


def test_a_page_of_as_many_characters_as_allowed_is_read_and_one_more_is_left_out(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_OBJECTS", 10)
    assert _skipped(attacks.raw_pdf([attacks.text_page("abcdefghij")])) == []
    assert _skipped(attacks.raw_pdf([attacks.text_page("abcdefghijk")])) == [
        ("第1页", "第1页的内容超过上限（10 个字符和图形），这一页未被读取")]
    # Shapes and images count as well as characters.
    shapes = b"BT /F1 10 Tf 50 800 Td (abcdefghi) Tj ET 0 0 m 10 10 l S 20 20 m 30 30 l S"
    assert _skipped(attacks.raw_pdf([(shapes, False)]), "en") == [
        ("第1页", "The content of page 1 goes past the limit (10 characters and shapes); not read: the page")]


def test_a_page_of_as_many_drawing_instructions_as_allowed_is_read_and_one_byte_more_is_left_out(monkeypatch):
    content = b"BT /F1 10 Tf 50 800 Td (abc) Tj ET"
    monkeypatch.setattr(pdf_reader, "MAX_PAGE_CONTENT", len(content))
    assert _skipped(attacks.raw_pdf([(content, False)])) == []
    assert _skipped(attacks.raw_pdf([(content + b" ", False)])) == [
        ("第1页", f"第1页的内容超过上限（{len(content)} B 的绘制指令），这一页未被读取")]


def test_as_many_saved_graphics_states_as_allowed_are_read_and_one_more_is_left_out(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_SAVED_STATES", 3)
    text = b"BT /F1 10 Tf 50 800 Td (abc) Tj ET"
    assert _skipped(attacks.raw_pdf([(b"q q q " + text, False)])) == []
    assert _skipped(attacks.raw_pdf([(b"q q q q " + text, False)]), "en") == [
        ("第1页", "The content of page 1 goes past the limit (3 saved graphics states); not read: the page")]


def test_a_page_tree_that_breaks_off_is_reported_at_the_page_that_cannot_be_found():
    data = attacks.raw_pdf([attacks.text_page("first page")])
    # The second kid is a number, not a page: pdfminer raises looking it up, and no later page can be found.
    data = data.replace(b"[5 0 R] /Count 1", b"[5 0 R 99]      ")
    loaded = load_bytes(data, "tree.pdf")
    (zh,) = [f for f in lint(loaded, RULES, "zh") if f.label == "第2页"]
    (en,) = [f for f in lint(loaded, RULES, "en") if f.label == "第2页"]
    assert (zh.code, zh.line, zh.message) == ("PF020", 2, "第2页的内容无法解析，未被读取")
    assert en.message == "Page 2 cannot be parsed and was not read"
    assert any("first page" in f.message for f in lint(loaded, RULES, "zh") if f.label == "第1页 第1段")


# -- the exception behind a wrapped one ---------------------------------------------------------------------

class _Wrapper(Exception):
    pass


def test_the_limit_behind_an_exception_is_found_through_its_arguments_its_cause_or_its_context():
    limit = pdf_reader._TooMuch(total=False)
    assert pdf_reader._cause(limit, pdf_reader._TooMuch) is limit
    assert pdf_reader._cause(_Wrapper("pdfminer", limit), pdf_reader._TooMuch) is limit
    caused = _Wrapper("pdfminer")
    caused.__cause__ = limit
    assert pdf_reader._cause(caused, pdf_reader._TooMuch) is limit
    assert pdf_reader._cause(_Wrapper("no limit", ValueError()), pdf_reader._TooMuch) is None


def test_the_limit_is_looked_for_through_ten_wrappings_and_no_further():
    def wrapped(depth: int) -> BaseException:
        exc: BaseException = pdf_reader._Crowded(pdf_reader.Text("一", "one"))
        for _ in range(depth):
            exc = _Wrapper(exc)
        return exc

    assert pdf_reader._cause(wrapped(9), pdf_reader._Crowded) is not None
    assert pdf_reader._cause(wrapped(10), pdf_reader._Crowded) is None


def test_a_cycle_of_wrapped_exceptions_ends_the_search():
    first, second = _Wrapper(), _Wrapper()
    first.__context__, second.__context__ = second, first
    assert pdf_reader._cause(first, pdf_reader._TooMuch) is None


# -- decoding a text file's bytes ---------------------------------------------------------------------------

def _problem(data: bytes) -> tuple:
    text, (problem,) = decode(data)
    where = problem.location
    return text, problem.rule, (where.line, where.column), problem.args


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read_without_a_finding(encoding):
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    assert decode(bom + "部门：溧平县司法局\n".encode(encoding)) == ("部门：溧平县司法局\n", [])


def test_a_byte_order_mark_before_bytes_that_are_not_utf16_is_a_binary_file():
    assert _problem(b"\xff\xfe\x00\xd8") == (None, "binary-file", (1, 1), {})


def test_a_zero_byte_in_the_first_8_kib_makes_a_binary_file_and_one_later_does_not():
    assert _problem(b"a" * 8191 + b"\x00")[:3] == (None, "binary-file", (1, 1))
    assert decode(b"a" * 8192 + b"\x00") == ("a" * 8192 + "\x00", [])


def test_a_utf8_byte_order_mark_is_dropped():
    assert decode(b"\xef\xbb\xbf" + "年度".encode("utf-8")) == ("年度", [])


def test_gbk_text_is_decoded_with_a_finding_naming_the_encoding():
    text, rule, where, args = _problem("部门：溧平县司法局\t\r\n年度：2026\n".encode("gbk"))
    assert (text, rule, where, args) == ("部门：溧平县司法局\t\r\n年度：2026\n", "legacy-encoding", (1, 1),
                                         {"encoding": "GB18030/GBK"})


def test_gbk_bytes_that_decode_to_control_characters_are_undecodable_not_guessed():
    assert _problem("部门".encode("gbk") + b"\x01") == (None, "undecodable-file", (1, 1), {"byte": "0xB2", "offset": 0})


def test_an_undecodable_byte_is_reported_at_its_line_and_column_with_its_value():
    assert _problem(b"a\nbc\xff") == (None, "undecodable-file", (2, 3), {"byte": "0xFF", "offset": 4})


def test_utf8_chinese_before_gbk_bytes_is_a_mixed_file_reported_at_the_first_bad_byte():
    data = "部门：溧平\n标题：".encode("utf-8") + "法规".encode("gbk")
    assert _problem(data) == (None, "undecodable-file", (2, 4), {"byte": "0xB7", "offset": 25})


# -- what is left out past a limit on the whole document, in English ---------------------------------------

def test_past_the_last_page_read_the_rest_is_reported_in_english(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 3)
    loaded = load_bytes(attacks.many_pages_pdf(5), "pages.pdf")
    (limit,) = [f for f in lint(loaded, RULES, "en") if f.label == "第4页"]
    assert (limit.code, limit.line) == ("PF020", 4)
    assert limit.message == "The PDF goes past the limit (3 pages); not read: the content from page 4 on"


def test_past_what_a_document_may_decode_the_rest_is_reported_in_english(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_DECODED", 3000)
    monkeypatch.setattr(pdf_reader, "MAX_STREAM", 2000)
    # Pages of a thousand bytes each (a comment, drawing nothing): the third goes past the 3000 bytes.
    content = zlib.compress(b"BT /F1 10 Tf 50 800 Td (x) Tj ET\n%" + b"x" * 1000)
    loaded = load_bytes(attacks.raw_pdf([(content, True)] * 4), "decoded.pdf")
    (limit,) = [f for f in lint(loaded, RULES, "en") if f.label == "第3页"]
    assert limit.message == ("The PDF's decoded data goes past the limit (2.9 KiB in all); not read: the content "
                             "from page 3 on")


# -- the text of a PDF ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("extracted, written", [
    ("2026 年", "2026年"),                       # a space next to a Chinese character is the extractor's
    ("≥ 2000 份", "≥ 2000份"),                   # …but not one between a sign and a number
    ("普法宣传品 制作数量", "普法宣传品制作数量"),
    ("完成率 ， 达到", "完成率，达到"),             # full-width punctuation is wide too
    ("GB/T 30600", "GB/T 30600"),                # spaces between Latin words and numbers stay
    ("出差8人 目标2:完成", "出差8人 目标2:完成"),     # a space before an item's mark stays
    ("完成 （2）调研", "完成 （2）调研"),
    ("任务 2.核查", "任务 2.核查"),
    ("达到 $\\geq 80\\%$ 以上", "达到≥80%以上"),   # inline math is read as the value it writes
    (" a \t\u00a0\u3000 b ", "a b"),             # runs of any white space are one space, none at the ends
])
def test_a_pdfs_text_loses_the_extractors_spaces_and_keeps_the_written_ones(extracted, written):
    assert clean(extracted) == written


def test_two_wrapped_pieces_of_a_cell_are_joined_as_written():
    assert join_wrapped("普法宣传品", "制作数量") == "普法宣传品制作数量"
    assert join_wrapped("GB/T", "30600") == "GB/T 30600"
    assert join_wrapped("", "制作数量") == "制作数量" and join_wrapped("普法", "") == "普法"


def _line(x0: float, x1: float, top: float, text: str = "正文") -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": top + 10, "text": text}


def test_a_line_goes_on_the_one_before_only_when_that_runs_to_the_edge_and_this_follows_close_below():
    # Lines 10 high; the text's right edge at 500: a line ending within four heights of it runs to the edge.
    line = _line(50, 460, 100)
    assert pdf_reader._goes_on(line, _line(55, 300, 120), 500)           # at every bound
    assert not pdf_reader._goes_on(_line(50, 459.5, 100), _line(55, 300, 120), 500)   # ends short of the edge
    assert not pdf_reader._goes_on(line, _line(55, 300, 120.5), 500)     # more than a line's height below
    assert not pdf_reader._goes_on(line, _line(55.5, 300, 120), 500)     # indented by more than half a height
    assert not pdf_reader._goes_on(line, None, 500)


@pytest.mark.parametrize("opening", ["1. 完成", "（2）完成", "三、完成", "目标2：完成", "绩效指标：完成"])
def test_a_line_that_opens_an_item_or_a_labelled_paragraph_starts_a_paragraph(opening):
    assert not pdf_reader._goes_on(_line(50, 460, 100), _line(50, 300, 120, opening), 500)
    assert pdf_reader._goes_on(_line(50, 460, 100), _line(50, 300, 120, "完成，" + opening), 500)


# -- files that cannot be read at all -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["old.doc", "旧版.wps"])
def test_an_old_word_file_is_unreadable_with_a_finding_that_names_the_fix(name):
    loaded = load_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, name)
    assert loaded.document is None and loaded.has_lines is False
    (zh,) = lint(loaded, RULES, "zh")
    (en,) = lint(loaded, RULES, "en")
    assert (zh.code, zh.line, zh.column, zh.label) == ("PF001", 1, 1, None)
    assert zh.message == ("无法读取文件：这是旧版 Word/WPS 格式（.doc/.wps），perflint 不直接读取；请在 Word 或 WPS 中"
                          "“另存为” .docx 后再检查")
    assert en.message == ("Cannot read the file: this is the old Word/WPS format (.doc/.wps), which perflint does not "
                          "read; save it as .docx in Word or WPS and check that")


def test_a_file_named_pdf_that_is_not_one_is_unreadable_in_both_languages():
    loaded = load_bytes(b"%PDF-1.4 garbage", "x.pdf")
    assert loaded.document is None and loaded.has_lines is False
    (zh,) = lint(loaded, RULES, "zh")
    (en,) = lint(loaded, RULES, "en")
    assert (zh.code, zh.line, zh.column, zh.message) == ("PF001", 1, 1, "无法读取文件：不是有效的 PDF 文件，或文件已加密")
    assert en.message == "Cannot read the file: not a valid PDF file, or an encrypted one"
