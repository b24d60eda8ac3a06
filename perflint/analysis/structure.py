"""What the structure rules (goals, bases, level names, document numbers) share: the lexicon
(structure_lexicon.yaml), text comparison, the reading of a basis and of a 发文字号."""

from __future__ import annotations

import re
from datetime import date
import unicodedata
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterator, Literal, NamedTuple, Optional

from perflint.analysis.data import load_data
from perflint.analysis.hierarchy import simplified


def lexicon() -> dict:
    return load_data("structure_lexicon.yaml")


@lru_cache(maxsize=2048)
def compact(text: Optional[str]) -> str:
    """The text without whitespace and punctuation: 普法宣传品制作数量。 and 普法宣传品 制作数量 compare equal."""
    return "".join(ch for ch in (text or "") if unicodedata.category(ch)[0] not in "PZC")


def similarity(a: str, b: str) -> Decimal:
    """How alike two texts are, 0–1, compared without whitespace and punctuation."""
    a, b = compact(a), compact(b)
    if not a or not b:
        return Decimal(0)
    # autojunk would ignore frequent characters in long Chinese texts and understate the likeness.
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return Decimal(str(round(ratio, 3)))


def joined(goals: list[str]) -> str:
    return "".join(goal.strip() for goal in goals)


# --- 指标值确定依据 -------------------------------------------------------------------------

_BASIS_PARTS = re.compile(r"[、，,；;/／\s：:]+|以及|和|及|与|或")


class _BasisWords(NamedTuple):
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    generic: frozenset[str]
    method: frozenset[str]


@lru_cache(maxsize=1)
def _basis_words() -> _BasisWords:
    basis = lexicon()["basis"]
    return _BasisWords(tuple(basis["prefixes"]), tuple(basis["suffixes"]),
                       frozenset(map(compact, basis["generic"])), frozenset(map(compact, basis["method"])))


def _basis_kind(word: str, words: _BasisWords) -> Optional[str]:
    """generic / method for one part of a basis, with or without an opening (根据) and an ending (确定)."""
    core = next((word[len(pre):] for pre in words.prefixes if word.startswith(pre) and word != pre), word)
    # Whole words first: 据实结算 and 上级要求 are entries, not 据 + 实结算 or 上级 + 要求.
    for candidate in (word, core, *(core[:-len(suf)] for suf in words.suffixes if core.endswith(suf) and core != suf)):
        if candidate in words.method:
            return "method"
        if candidate in words.generic:
            return "generic"
    return None


def untraceable_basis(basis: Optional[str]) -> Optional[Literal["generic", "method"]]:
    """Why a basis names nothing a reviewer could look up: only generic words ("generic"), or only a
    survey method ("method"); None when it names a plan, a standard, a document or a figure, or is empty."""
    words = _basis_words()
    kinds = set()
    for part in _BASIS_PARTS.split((basis or "").strip()):
        word = compact(part)
        if not word:
            continue
        kind = _basis_kind(word, words)
        if kind is None:
            return None
        kinds.add(kind)
    if not kinds:
        return None
    return "generic" if "generic" in kinds else "method"


# --- 发文字号 (GB/T 9704-2012 7.2.5) ----------------------------------------------------------

_OPEN, _CLOSE = re.escape("〔[［【(（﹝〖"), re.escape("〕]］】)）﹞〗")
# Words that introduce or join citations: they end the sentence before an issuer's abbreviation.
_CITING_WORDS = ("依据", "根据", "按照", "依照", "参照", "详见", "见", "按", "的", "和", "及", "与")
_CITING = r"(?:依据|根据|按照|依照|参照|详见|见)?"
# An issuer's abbreviation is short (财预, 溧政办, 国办发); a longer run is the sentence around it.
_ORG = r"(?P<org>[\u4e00-\u9fff]{1,6}?)"
_FUSED_ORG = r"(?P<org>[\u4e00-\u9fff]{2,6}?)"  # with no bracket, one character is too weak a sign
_SHORT_YEAR = re.compile(
    _CITING + _ORG + rf"[{_OPEN}]\s*(?P<year>\d{{2}})\s*[{_CLOSE}]\s*第?\s*(?P<num>\d+)\s*号")
_FUSED = re.compile(_CITING + _FUSED_ORG + r"(?P<year>(?:19|20)\d{2})(?P<num>\d{1,4})号")
_FULL_YEAR = re.compile(
    _CITING + _ORG + rf"[{_OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{_CLOSE}]\s*(?P<di>第)?\s*(?P<num>\d+)\s*号")


class Docno(NamedTuple):
    found: str  # as written, from the issuer's abbreviation to 号
    fixed: str  # the GB/T 9704 form
    problem: str  # "short-year", "fused", "di", "zero-padded", "di-zero-padded"


def _docno(text: str, match: re.Match, year: int, problem: str) -> Docno:
    """The number as written and as it should be, without the words before the issuer (救助标准依据邯财社… → 邯财社…)."""
    org = match["org"]
    ends = (org.rfind(word) + len(word) for word in _CITING_WORDS if word in org)
    cut = max((end for end in ends if end < len(org)), default=0)
    org = org[cut:]
    return Docno(text[match.start("org") + cut:match.end()], f"{org}〔{year}〕{int(match['num'])}号", problem)


def mentions_docno(text: str) -> bool:
    """Whether a text may hold a 发文字号: every one ends in 号 (號 in traditional characters), so most
    texts need no regular expression."""
    return "号" in text or "號" in text


def year_problems(text: str, budget_year: Optional[int]) -> Iterator[Docno]:
    """Document numbers whose year is not written in full: 〔24〕, or glued to the serial (邯财社2018126号).
    Matched on the simplified text (邯財社2018126號), quoted as written. Years after the budget year's
    next (this year's next when the document states none) are serial numbers, not years."""
    latest = (budget_year or date.today().year) + 1
    plain = simplified(text)
    for match in _SHORT_YEAR.finditer(plain):
        short = int(match["year"])
        year = 2000 + short if 2000 + short <= latest else 1900 + short
        yield _docno(text, match, year, "short-year")
    not_issuer = tuple(lexicon()["not_issuer_endings"])
    for match in _FUSED.finditer(plain):
        year = int(match["year"])
        if match["org"].endswith(not_issuer) or not 1949 < year <= latest or int(match["num"]) == 0:
            continue
        yield _docno(text, match, year, "fused")


def serial_problems(text: str) -> Iterator[Docno]:
    """Document numbers with 第 before the serial or a zero-padded serial (〔2024〕第28号, 〔2024〕028号)."""
    for match in _FULL_YEAR.finditer(simplified(text)):
        num = match["num"]
        padded = len(num) > 1 and num.startswith("0")
        problem = "-".join(name for name, found in (("di", match["di"]), ("zero-padded", padded)) if found)
        if problem and int(num):
            yield _docno(text, match, int(match["year"]), problem)
