"""Open the zip of an Office file (.xlsx, .docx) only when inflating it stays within bounds.

An Office file is a zip of XML parts, and its size on disk says little about what reading it costs: a
1.2 MB .docx inflated to 1.1 GiB and took 18 GB of memory in python-docx, whose zip reader inflates
every part whole. So, before any library inflates anything, the zip's directory is checked: how many
members, how large each says it inflates, at what compression ratio, and in all.

The sizes a zip declares are not trusted on their own: a member can declare 1,000 bytes and inflate to a
gigabyte, and `zipfile.read` inflates the whole member before it compares (a member declaring 1,000
bytes peaked at 220 MB for 150 KB compressed). Every member is therefore inflated once here, a piece at
a time, and counted: one that goes past its declared size is refused, and once none does, the
libraries' own reads are bounded by the declared sizes checked above. The same pass counts the markup
(`<`) of the parts a library parses into a tree in memory, which costs about a hundred bytes a tag
however small the tag is.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from decimal import Decimal
from typing import Callable, Iterator

from perflint.load.draft import excerpt
from perflint.text import Text

# A budget workbook or Word document has a few dozen members (its parts, their relations, a few
# images); a workbook of 300 sheets has about a thousand. Beyond that the zip is not an Office file
# anyone filled in, and merely listing it costs time (100,000 members took 13 s to open).
MAX_MEMBERS = 1000
# The largest part of a big real document is a few MB of XML (the document.xml of a 3,000-row target
# table written by python-docx is 2 MB; Word's own XML is more verbose, perhaps five times that).
# 32 MiB is generous for that and bounds what one part costs to inflate and parse.
MAX_MEMBER_SIZE = 32 << 20
# The libraries hold every part in memory at once (python-docx reads them all), so the sum is bounded
# too: twice the largest part allowed, while a real document's parts add up to a few MB.
MAX_TOTAL_SIZE = 64 << 20
# Deflate reaches about 1,030:1 at most; a zip bomb is made of members near that. Real XML parts
# compress 10:1 to 50:1 (46:1 for the largest measured). Small members compress arbitrarily well and
# cost nothing, so the ratio is checked only above RATIO_GRACE, as Apache POI does for its own check.
MAX_RATIO = 200
RATIO_GRACE = 1 << 20
# Tags in the parts parsed whole: each becomes a tree node of about 110 bytes (16 MiB of <w:p/> took
# 330 MB in python-docx). A Word table row of eight cells is about 240 tags, so a document of 3,000
# such rows has about 720,000; twice that keeps a parsed tree near 200 MB in the worst case.
MAX_MARKUP = 1_500_000

_PIECE = 1 << 16
_LOCAL_HEADER = struct.Struct("<4s22xHH")


class ArchiveLimit(Exception):
    """The zip goes past a limit; `reason` says which, in both languages."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.en)
        self.reason = reason


def size_text(size: int) -> str:
    """1.1 GiB, 32 MiB, 512 KiB, 900 B: binary units, as file managers show sizes."""
    for shift, unit in ((30, "GiB"), (20, "MiB"), (10, "KiB")):
        if size >= 1 << shift:
            amount = (Decimal(size) / (1 << shift)).quantize(Decimal("0.1"))
            return f"{amount.normalize():f} {unit}" if amount == amount.to_integral_value() else f"{amount:f} {unit}"
    return f"{size} B"


def check_office_zip(data: bytes, parsed_whole: Callable[[str], bool] = lambda name: True) -> None:
    """Return when the zip's members are within the limits; `parsed_whole` says which members a library
    will parse into a tree (their markup is counted). Raises ArchiveLimit, or zipfile's own errors for
    what is not a zip."""
    # Every entry of the zip's directory opens with this signature (zipfile refuses one that does not), so
    # counting it bounds the members before zipfile spends seconds listing 100,000 of them.
    entries = data.count(b"PK\x01\x02")
    if entries > MAX_MEMBERS:
        raise ArchiveLimit(Text(f"压缩包有 {entries} 个成员，超过上限 {MAX_MEMBERS} 个",
                                f"the archive has {entries} members, more than the limit of {MAX_MEMBERS}"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    total = 0
    for info in members:
        _check_declared(info)
        total += info.file_size
    if total > MAX_TOTAL_SIZE:
        raise ArchiveLimit(Text(f"压缩包各成员解压后共 {size_text(total)}，超过上限 {size_text(MAX_TOTAL_SIZE)}",
                                f"the archive's members inflate to {size_text(total)} in all, more than the limit "
                                f"of {size_text(MAX_TOTAL_SIZE)}"))
    view = memoryview(data)
    markup = 0
    for info in members:
        counted = parsed_whole(info.filename)
        for piece in _inflate(view, info):
            if counted:
                markup += piece.count(b"<")
        if markup > MAX_MARKUP:
            raise ArchiveLimit(Text(f"压缩包中整体解析的 XML 标签超过上限 {MAX_MARKUP} 个（数到成员 {_name(info)} 时）",
                                    f"the XML parsed whole has more tags than the limit of {MAX_MARKUP} (counting up "
                                    f"to member {_name(info)})"))


def _name(info: zipfile.ZipInfo) -> str:
    return excerpt(info.filename)


def _check_declared(info: zipfile.ZipInfo) -> None:
    name, size = _name(info), info.file_size
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        # Office writes only these two; zipfile would inflate the others (bzip2, LZMA) without a bound.
        raise ArchiveLimit(Text(f"压缩包成员 {name} 使用了 Office 文件不用的压缩方式（{info.compress_type} 号）",
                                f"archive member {name} uses a compression method Office files do not use "
                                f"(number {info.compress_type})"))
    if size > MAX_MEMBER_SIZE:
        raise ArchiveLimit(Text(f"压缩包成员 {name} 解压后 {size_text(size)}，超过上限 {size_text(MAX_MEMBER_SIZE)}",
                                f"archive member {name} inflates to {size_text(size)}, more than the limit of "
                                f"{size_text(MAX_MEMBER_SIZE)}"))
    if size > RATIO_GRACE and size > MAX_RATIO * max(info.compress_size, 1):
        ratio = size // max(info.compress_size, 1)
        raise ArchiveLimit(Text(f"压缩包成员 {name} 由 {size_text(info.compress_size)} 解压为 {size_text(size)}，"
                                f"压缩比 {ratio}:1，超过上限 {MAX_RATIO}:1（疑似压缩炸弹）",
                                f"archive member {name} inflates from {size_text(info.compress_size)} to "
                                f"{size_text(size)}, a ratio of {ratio}:1, more than the limit of {MAX_RATIO}:1 "
                                f"(a zip bomb?)"))


def _inflate(view: memoryview, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member inflated a piece at a time; ArchiveLimit as soon as it goes past its declared size.
    What cannot be inflated (encrypted, corrupt) ends the pieces: the library reading it fails too."""
    if info.flag_bits & 0x1:
        return  # encrypted: zipfile refuses it before inflating anything
    header = bytes(view[info.header_offset:info.header_offset + _LOCAL_HEADER.size])
    if len(header) < _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        return
    name_length, extra_length = _LOCAL_HEADER.unpack(header)[1:]
    start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    compressed = view[start:start + info.compress_size]
    left = info.file_size
    if info.compress_type == zipfile.ZIP_STORED:
        for at in range(0, min(len(compressed), left), _PIECE):
            yield bytes(compressed[at:min(at + _PIECE, left)])
        return
    inflater = zlib.decompressobj(-15)
    pieces = (compressed[at:at + _PIECE] for at in range(0, len(compressed), _PIECE))
    pending, read_all = b"", False
    while True:
        if not pending and not read_all:
            pending = next(pieces, b"")
            read_all = not pending
        try:
            # At most _PIECE bytes out per call, whatever the input holds: the bound a bomb needs.
            piece = inflater.decompress(pending, _PIECE)
        except zlib.error:
            return
        pending = inflater.unconsumed_tail
        left -= len(piece)
        if left < 0:
            raise ArchiveLimit(Text(f"压缩包成员 {_name(info)} 实际解压后超过其声明的 {size_text(info.file_size)}"
                                    f"（文件已损坏或被篡改）",
                                    f"archive member {_name(info)} inflates to more than the "
                                    f"{size_text(info.file_size)} it declares (a damaged or tampered file)"))
        if piece:
            yield piece
        if inflater.eof or (read_all and not piece and not pending):
            return
