"""How a single 指标值 is written: what the value-writing rules (group A) read, kept here once.

The word lists live in value_lexicon.yaml. Several rules must agree on one reading so that a cell
is reported once: the template-residue, value-is-sentence and unit-nonstandard readings decide what
value-unparseable leaves to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from perflint.text import Text
from perflint.load.model import Indicator
from perflint.analysis.data import load_data
from perflint.analysis.reading import bare_name, is_rate_name, plain, text
from perflint.values.constraint import Constraint
from perflint.values.units import lookup

HUNDRED = Decimal(100)
_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "~": "约"}

_CJK = re.compile(r"[\u4e00-\u9fff]")
# A cited title (《…管理办法》) is a name, not prose of the value itself.
_TITLE = re.compile(r"《[^《》]*》")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
# A number, with an optional scale word, right before a unit: 50M, 1.5万M, 5 平米.
_NUMBER_BEFORE = r"\d\s*(?:十万|百万|千万|万|千|亿)?\s*"
# Prose in a sentence-like value: a phrase of at least this many Chinese characters that contains
# a verb of instruction (严格按照…发放) …
_SENTENCE_MIN_CHARS = 6
# … or, in a value that does not parse at all, this many Chinese characters whatever they say.
_SENTENCE_LONG_CHARS = 12
# Longer cells are shortened when quoted in a message.
_QUOTE_LIMIT = 30


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _UnitAlias:
    written: str
    standard: str
    pattern: re.Pattern


@dataclass(frozen=True)
class _Lexicon:
    residue_anywhere: tuple[re.Pattern, ...]
    residue_whole: tuple[re.Pattern, ...]
    instructions: tuple[re.Pattern, ...]
    sentence_verbs: re.Pattern
    percent_names: tuple[str, ...]
    unit_hints: tuple[tuple[str, tuple[str, ...]], ...]  # longest ending first
    operators: dict[str, str]
    operator_pattern: re.Pattern
    redundant: tuple[re.Pattern, ...]
    unit_aliases: tuple[_UnitAlias, ...]


def _unit_alias(entry: dict) -> _UnitAlias:
    written = entry["written"]
    before = f"(?:{_NUMBER_BEFORE}|/)" if entry.get("after_slash") else _NUMBER_BEFORE
    # A Latin spelling ends where the letters and digits end (M, not the M of MB); a Chinese one
    # where it stops being part of a longer word (平方 of 平方米, 方 of 方面).
    after = "(?![A-Za-z0-9²³])" if _LATIN.search(written) else ""
    if entry.get("not_before"):
        after += f"(?!{_alternation(entry['not_before'])})"
    pattern = re.compile(f"{before}(?P<unit>{re.escape(written)}){after}")
    return _UnitAlias(written, entry["standard"], pattern)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_data("value_lexicon.yaml")
    residue = data["residue"]
    hints = {ending: (units,) if isinstance(units, str) else tuple(units)
             for ending, units in data["unit_hints"].items()}
    # lead, number and unit, the trailing word, and perhaps a verb: 不超过10万元以内, ≤30分钟以内响应.
    redundant = tuple(
        re.compile(rf"^\s*(?P<lead>{_alternation(d['leads'])})\s*[-+]?\d[\d.,]*\s*[^\d\s]*?\s*"
                   rf"(?P<post>{_alternation(d['posts'])})[\u4e00-\u9fff]*$")
        for d in data["redundant_comparators"].values())
    for alias in data["unit_aliases"]:
        if lookup(alias["standard"]) is None:
            raise ValueError(f"value_lexicon.yaml: {alias['standard']!r} is not in the unit table")
    return _Lexicon(
        residue_anywhere=tuple(re.compile(p) for p in (*residue["anywhere"], *residue["instructions"])),
        residue_whole=tuple(re.compile(p) for p in residue["whole_cell"]),
        instructions=tuple(re.compile(p) for p in residue["instructions"]),
        sentence_verbs=re.compile(_alternation(data["sentence_verbs"])),
        percent_names=tuple(data["percent_names"]),
        unit_hints=tuple(sorted(hints.items(), key=lambda kv: -len(kv[0]))),
        operators=dict(data["operator_symbols"]),
        operator_pattern=re.compile(_alternation(data["operator_symbols"])),
        redundant=redundant,
        unit_aliases=tuple(_unit_alias(entry)
                           for entry in sorted(data["unit_aliases"], key=lambda e: -len(e["written"]))),
    )


# --- the document's tables -------------------------------------------------------------------

# --- names -----------------------------------------------------------------------------------

def bare_fraction(indicator: Indicator) -> bool:
    """A rate's target written as a fraction without its sign (1, 0.95): 100% and 95% meant."""
    constraint = indicator.constraint
    return (constraint.kind == "quantity" and not constraint.unit and not text(indicator.unit)
            and constraint.number is not None and 0 < constraint.number <= 1 and is_percent_name(indicator.name))


def is_percent_name(name: Optional[str]) -> bool:
    """A name under which a percentage makes sense: a rate, a share, a degree, a change."""
    bare = bare_name(name)
    return is_rate_name(bare) or any(word in bare for word in lexicon().percent_names)




def unit_hint(name: Optional[str]) -> tuple[str, ...]:
    """The units a name suggests for a bare number: 成活率 → %, 培训人数 → 人."""
    bare = bare_name(name)
    for ending, units in lexicon().unit_hints:
        if bare.endswith(ending):
            return units
    return ()


# --- values ----------------------------------------------------------------------------------

def show(constraint: Constraint) -> str:
    """A numeric target in the standard form: ≥20场, =100%."""
    return f"{_SYMBOLS[constraint.op]}{plain(constraint.number)}{constraint.unit or ''}"


def is_full_percent(constraint: Constraint) -> bool:
    """Exactly 100% as the target (100%, =100%, ≥100%)."""
    return (constraint.kind == "percent" and constraint.unit == "%" and constraint.number == HUNDRED
            and constraint.op in ("=", ">="))


def residue(cell: Optional[str], whole_cell: bool) -> Optional[str]:
    """The template residue in a cell (★, ≥**, XX, (必填), 请填写 …), or None.

    `whole_cell` also checks for cells that are nothing but a dash, slash or dots.
    """
    cell = text(cell)
    if not cell:
        return None
    vocab = lexicon()
    if whole_cell and any(p.fullmatch(cell) for p in vocab.residue_whole):
        return cell
    for pattern in vocab.residue_anywhere:
        match = pattern.search(cell)
        if match:
            return match.group(0)
    return None


def instruction(cell: Optional[str]) -> Optional[str]:
    """A template's instruction left in any text (请填写, 请根据实际情况填写, FILL IN …), or None."""
    for pattern in lexicon().instructions:
        match = pattern.search(text(cell))
        if match:
            return match.group(0)
    return None


def _cjk_count(phrase: str) -> int:
    return len(_CJK.findall(_TITLE.sub("", phrase)))


def _is_prose(phrase: str, long_enough: bool) -> bool:
    count = _cjk_count(phrase)
    if long_enough and count >= _SENTENCE_LONG_CHARS:
        return True
    return count >= _SENTENCE_MIN_CHARS and lexicon().sentence_verbs.search(phrase) is not None


def sentence_prose(indicator: Indicator) -> Optional[str]:
    """The prose that makes a 指标值 a sentence rather than a target, or None.

    A value the parser cannot read is a sentence when it is long or holds a verb phrase
    (严格按照800元/人的标准足额发放到户); a readable number is one when a verb phrase was stripped
    around it (全年开展普法宣传活动不少于20场). Vague prose (有效提升) and grades are other rules'.
    """
    constraint = indicator.constraint
    if constraint.kind == "unparseable":
        if constraint.reason == "syntax" and _is_prose(constraint.input, long_enough=True):
            return text(constraint.input)
        return None
    if constraint.kind in ("quantity", "percent") and constraint.remark:
        remark = constraint.remark.replace("；", "")
        if _is_prose(remark, long_enough=False):
            return remark
    return None


def operator_fixes(cell: Optional[str]) -> list[tuple[str, str]]:
    """Non-standard comparator or percent signs in a cell and their standard forms: (>=, ≥)."""
    operators = lexicon().operators
    found: list[tuple[str, str]] = []
    for match in lexicon().operator_pattern.finditer(text(cell)):
        pair = (match.group(0), operators[match.group(0)])
        if pair not in found:
            found.append(pair)
    return found


def with_standard_operators(cell: str) -> str:
    operators = lexicon().operators
    return lexicon().operator_pattern.sub(lambda m: operators[m.group(0)], cell)


def redundant_comparator(cell: Optional[str]) -> Optional[tuple[str, str]]:
    """(lead, trailing word) when a comparator is said twice: ≥95%以上 → (≥, 以上)."""
    cell = with_standard_operators(text(cell))
    for pattern in lexicon().redundant:
        match = pattern.match(cell)
        if match:
            return match.group("lead"), match.group("post")
    return None


@lru_cache(maxsize=2048)
def _unit_matches(cell: str, standalone: bool) -> tuple[tuple[int, int, _UnitAlias], ...]:
    """Where non-standard unit spellings stand in a cell, longest spelling first (M2 before M)."""
    probe = f"1{cell}" if standalone else cell
    shift = 1 if standalone else 0
    spans: list[tuple[int, int, _UnitAlias]] = []
    for alias in lexicon().unit_aliases:
        for match in alias.pattern.finditer(probe):
            start, end = match.span("unit")
            if not any(s < end and start < e for s, e, _ in spans):
                spans.append((start - shift, end - shift, alias))
    return tuple(sorted(spans, key=lambda span: span[0]))


def unit_fixes(cell: Optional[str], standalone: bool = False) -> list[tuple[str, str]]:
    """Non-standard unit spellings in a cell and their standard units: (M, 米), (平米, 平方米).

    `standalone`: the cell is a 计量单位 column, whose unit follows no number.
    """
    found: list[tuple[str, str]] = []
    for _, _, alias in _unit_matches(text(cell), standalone):
        if (alias.written, alias.standard) not in found:
            found.append((alias.written, alias.standard))
    return found


def with_standard_units(cell: str, standalone: bool = False) -> str:
    for start, end, alias in reversed(_unit_matches(cell, standalone)):
        cell = cell[:start] + alias.standard + cell[end:]
    return cell


def unreadable_only_for_units(indicator: Indicator) -> bool:
    """The value is unreadable only because of a unit spelling that unit-nonstandard explains (≥50M)."""
    if indicator.constraint.kind != "unparseable":
        return False
    value, unit = text(indicator.value), text(indicator.unit)
    if not unit_fixes(value) and not unit_fixes(unit, standalone=True):
        return False
    # Read the corrected row as the model reads any row (op + value + unit).
    fixed = Indicator(op=indicator.op, value=with_standard_units(value),
                      unit=with_standard_units(unit, standalone=True) or None)
    return fixed.constraint.kind != "unparseable"


def quote(cell: Optional[str]) -> str:
    """A cell as shown inside a message: one line, shortened when long."""
    cell = " ".join(text(cell).split())
    return cell if len(cell) <= _QUOTE_LIMIT else cell[:_QUOTE_LIMIT] + "…"


def listing(items) -> Text:
    """Several written forms in a message: “≧”、“％” in Chinese, ≧, ％ in English."""
    items = list(items)
    return Text("、".join(f"“{item}”" for item in items), ", ".join(items))


def has_digit(cell: Optional[str]) -> bool:
    return _DIGIT.search(text(cell)) is not None
