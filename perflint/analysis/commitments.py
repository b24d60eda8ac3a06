"""What the consistency rules share: quantitative commitments read from prose, the comparison of
metric phrases, bounds in normalised units, and their lexicon (consistency_lexicon.yaml).

A commitment is a metric phrase and a constraint: 调解成功率达到96%以上 → (调解成功率, ≥96%). The
value part is read by the value parser (perflint.values.parse_value), the unit by the unit table,
so prose and indicator cells are read alike. Chinese has no word boundaries, so metric phrases are
compared as characters: containment, then overlap of two-character pieces (bigrams), after a
synonym table has rewritten 比例 as 率, 人数 as 人 …
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Optional

from perflint.text import Text
from perflint.load.model import Indicator, Project, Target
from perflint.analysis.data import load_data
from perflint.analysis.reading import is_change_name, plain, text
from perflint.values import Constraint, parse_value
from perflint.values.units import lookup, split_known_prefix

# Two metric phrases at least this alike name the same thing.
MATCH = Decimal("0.5")
# One phrase contained in the other (调解成功率 in 人民调解成功率).
CONTAINED = Decimal("0.9")
# The distinctive part of a rate contained in the other rate's (矫正率 in 已核查矫正对象比例).
CORE_CONTAINED = Decimal("0.8")

_NUMERIC_KINDS = ("quantity", "percent", "range")
# Stands where a date, a document number or a title was removed: a metric never runs across it.
_BREAK = "\x00"
_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?")
_MASKED = re.compile(
    r"《[^》]*》"  # titles of cited documents: 《溧平县2026年…方案》
    r"|[〔\[［【(（﹝]\s*(?:19|20)\d{2}\s*[〕\]］】)）﹞]\s*\d+\s*号"  # document numbers
    # standards: GB/T 30600-2022. Only from the start of a Latin word, and a short one: a long run of
    # letters must not be retried from every letter in it (quadratic time).
    r"|(?<![A-Za-z])[A-Za-z]{1,12}(?:/[A-Za-z]{1,12})?\s*[\d.]+(?:\s*[-—]\s*\d+)?"
    r"|(?:19|20)\d{2}\s*年度?(?:\s*\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号])?)?[底末初]?"  # 2026年11月30日
    r"|\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号])?[底末初中]?"  # 11月30日, 12月底
    r"|(?<=月)\s*\d{1,2}\s*[日号]"  # 每月5日
)
_CLAUSE = re.compile(r"[，；;。！!？?\n]|(?<![0-9]),|,(?![0-9])")
# Arithmetic in prose (12000亩×50公斤/亩=600吨) is a calculation, not a commitment.
_CALCULATION = re.compile(r"[×÷*＊]")
# Where a metric written after its number ends: 8所学校屋面防水维修和6所学校学生厕所改造.
_CONNECTOR = re.compile(r"以及|[和及与并、]")
# Where the thing counted after a number ends: a joining word, or a per-item norm (各配备1名).
_SUFFIX_END = re.compile(r"以及|[和及与并、各每]")
_ENUMERATED = re.compile(r"[^、\s]{2,}、[^、\s]{2,}")  # two or more named items before the number
# A closing bracket ends a metric phrase when its opening one is inside it: 村（社区）.
_CLOSES = {"）": "（", ")": "(", "】": "【", "”": "“"}
_RANGE = re.compile(r"\s*[-~～—至到]\s*")
_NOT_BEFORE = re.compile(r"[A-Za-z/\-.第+=]\s*$")
_NOT_AFTER = re.compile(r"^\s*[号〕\]］】)）﹞]")


def lexicon() -> dict:
    return load_data("consistency_lexicon.yaml")


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, ...]]:
    lex = lexicon()
    return {name: _longest_first(lex[name]) for name in ("value_leads", "value_tails", "metric_leads", "metric_tails")}


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# --- Bounds -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bounds:
    """A target as an interval in base units: 1.2万亩 and 12000亩 both give 亩, 12000, 12000.
    `None` is an open end; two bounds compare only when their `unit` is the same."""

    unit: str
    low: Optional[Decimal]
    high: Optional[Decimal]
    dimension: str = ""  # count, length, money …: 公里 and 米 share it though the unit table cannot convert them

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    def numbers(self) -> set[Decimal]:
        return {n for n in (self.low, self.high) if n is not None}

    def show(self) -> str:
        """The interval as a reader writes it, in base units: ≥12000亩, 90%–95%, =100%."""
        unit = self.unit
        if self.low is not None and self.high is not None:
            if self.low == self.high:
                return f"={plain(self.low)}{unit}"
            return f"{plain(self.low)}{unit}–{plain(self.high)}{unit}"
        if self.low is not None:
            return f"≥{plain(self.low)}{unit}"
        return f"≤{plain(self.high)}{unit}"


def bounds(constraint: Constraint, metric: str = "") -> Optional[Bounds]:
    """The constraint as an interval in base units, or None when it is not a number with a unit."""
    if constraint.kind not in _NUMERIC_KINDS or not constraint.unit:
        return None
    unit = lookup(constraint.unit)
    if unit is None:
        return None
    key = unit.base + (f"/{'·'.join(unit.per)}" if unit.per else "")
    if constraint.kind == "range":
        if constraint.low is None or constraint.high is None:
            return None
        return Bounds(key, constraint.low * unit.scale, constraint.high * unit.scale, unit.dimension)
    if constraint.number is None or constraint.op is None:
        return None
    number = constraint.number * unit.scale
    low = number if constraint.op in (">=", ">", "=", "~") else None
    high = number if constraint.op in ("<=", "<", "=", "~") else None
    # A share cannot pass 100%: 矫正率达到100% promises exactly 100%.
    if key == "%" and low == 100 and high is None and not is_change_name(metric):
        high = low
    return Bounds(key, low, high, unit.dimension)


def conflict(parent: Bounds, child: Bounds) -> Optional[str]:
    """How a child target fails the commitment it refines: "weaker" (it allows less), "opposite"
    (it bounds the other side only), "differs" (two fixed values disagree), or None when it holds.
    Strict and non-strict comparators are not told apart (>96% and ≥96% agree)."""
    if parent.unit != child.unit:
        return None
    if parent.low is not None and parent.low == parent.high:
        target = parent.low
        if child.low is not None and child.high is not None:
            return None if child.low == child.high == target else "differs"
        if child.low is not None:
            return "weaker" if child.low < target else None
        return "weaker" if child.high is not None and child.high > target else None
    if parent.low is not None:
        if child.low is None:
            return "opposite"
        if child.low < parent.low:
            return "weaker"
    if parent.high is not None:
        if child.high is None:
            return "opposite"
        if child.high > parent.high:
            return "weaker"
    return None


# --- Commitments in prose -------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """A quantitative promise: a metric phrase and its bounds, where it stands and how it reads."""

    pointer: str
    metric: str  # the thing promised: 调解成功率
    shown: str  # as written: 调解成功率达到96%以上, or 调解成功率 ≥96% for a table row
    bounds: Bounds
    aliases: tuple[str, ...] = ()  # other phrases naming the same thing (an indicator's description)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.metric, *self.aliases)


@dataclass(frozen=True)
class Commitment:
    metric: str
    text: str  # metric and value as written
    value: str
    constraint: Constraint


def _mask(prose: str) -> str:
    return _MASKED.sub(_BREAK, prose)


def _ending(before: str, words: tuple[str, ...]) -> str:
    trimmed = before.rstrip()
    return next((w for w in words if trimmed.endswith(w)), "")


def _starting(after: str, words: tuple[str, ...]) -> str:
    return next((w for w in words if after.startswith(w)), "")


def _value_span(clause: str, number: re.Match) -> Optional[tuple[int, int]]:
    """Where the value around a number starts and ends: lead word, number(s), unit, tail word."""
    words = _words()
    lead = _ending(clause[:number.start()], words["value_leads"])
    start = clause[:number.start()].rstrip().rfind(lead) if lead else number.start()
    if _NOT_BEFORE.search(clause[:start]) or _NOT_AFTER.match(clause[number.end():]):
        return None
    pos = number.end()
    unit, rest = split_known_prefix(clause[pos:].lstrip())
    if unit is not None:
        pos = len(clause) - len(rest)
    second = _RANGE.match(clause, pos)
    if second:
        follow = _NUMBER.match(clause, second.end())
        if follow:
            pos = follow.end()
            unit, rest = split_known_prefix(clause[pos:].lstrip())
            if unit is not None:
                pos = len(clause) - len(rest)
    if unit is None:
        return None
    pos += len(_starting(clause[pos:], words["value_tails"]))
    return start, pos


def _opening(piece: str) -> int:
    """Where the words of a piece begin, after punctuation and a joining 和/及/、."""
    start = 0
    while start < len(piece) and (not (is_cjk(piece[start]) or piece[start].isalnum())
                                  or _CONNECTOR.match(piece, start)):
        start += 1
    return start


def _metric_in(piece: str) -> Optional[tuple[int, int]]:
    """The metric phrase inside a piece of text (start, end), without leading verbs and trailing
    link words; None when nothing of two characters or more is left."""
    words = _words()
    start, end = _opening(piece), len(piece)
    while start < end and not (is_cjk(piece[end - 1]) or piece[end - 1].isalnum()
                               or _CLOSES.get(piece[end - 1], "\n") in piece[start:end]):
        end -= 1
    changed = True
    while changed:
        changed = False
        lead = _starting(piece[start:end], words["metric_leads"])
        # 新建及改造灌排渠道: a verb joined to the next one is part of the phrase.
        if lead and end - start - len(lead) >= 2 and not _CONNECTOR.match(piece, start + len(lead)):
            start += len(lead)
            changed = True
        tail = next((w for w in words["metric_tails"] if piece[start:end].endswith(w)), "")
        if tail and end - start - len(tail) >= 2:
            end -= len(tail)
            changed = True
    phrase = piece[start:end]
    if sum(is_cjk(ch) for ch in phrase) < 2 or phrase in words["metric_leads"] or phrase in words["metric_tails"]:
        return None
    return start, end


def _in_clause(clause: str) -> list[Commitment]:
    if _CALCULATION.search(clause):
        return []
    spans: list[tuple[int, int, Constraint]] = []
    for number in _NUMBER.finditer(clause):
        if spans and number.start() < spans[-1][1]:
            continue
        span = _value_span(clause, number)
        if span is None:
            continue
        constraint = parse_value(clause[span[0]:span[1]])
        if constraint.kind in _NUMERIC_KINDS and constraint.unit:
            spans.append((*span, constraint))
    found = []
    floor = 0
    for index, (start, end, constraint) in enumerate(spans):
        following = spans[index + 1][0] if index + 1 < len(spans) else len(clause)
        before_start = max(floor, clause.rfind(_BREAK, 0, start) + 1)
        before = clause[before_start:start]
        head = _metric_in(before)
        after = clause[end:following].split(_BREAK)[0]
        cut = _SUFFIX_END.search(after)
        piece = after[:cut.start()] if cut else after
        # 15个乡镇, 8所学校: a noun right after the unit is the thing counted.
        tail = _metric_in(piece) if piece[:1] and is_cjk(piece[0]) else None
        if tail is not None and _ENUMERATED.search(before):
            # 东马场林场、东岳山林场…7个林场: the number sums up the places listed, it promises nothing.
            floor = end
            continue
        if tail is not None:
            metric = (before[head[0]:head[1]] if head else "") + piece[tail[0]:tail[1]]
            shown = clause[before_start + _opening(before):end + tail[1]]
            # After 和/、 the next number starts afresh; 各/每 begin a norm that stays with it.
            floor = end + (cut.end() if cut and _CONNECTOR.fullmatch(cut.group()) else len(piece))
        elif head is not None:
            metric = before[head[0]:head[1]]
            shown = clause[before_start + _opening(before):end]
            floor = end
        else:
            floor = end
            continue
        found.append(Commitment(metric, shown.strip(), clause[start:end].strip(), constraint))
    return found


def extract(prose: Optional[str]) -> list[Commitment]:
    """The quantitative commitments of a text, in order: (metric, constraint) with the text as written.

    >>> [(c.metric, c.constraint.op, str(c.constraint.number)) for c in extract("调解成功率达到96%以上")]
    [('调解成功率', '>=', '96')]
    """
    return list(_extract(text(prose)))


# Several rules read the same prose of the same document: extract it once.
@lru_cache(maxsize=2048)
def _extract(prose: str) -> tuple[Commitment, ...]:
    return tuple(c for clause in _CLAUSE.split(_mask(prose)) for c in _in_clause(clause))


def prose_claims(pointer: str, prose: Optional[str]) -> list[Claim]:
    return list(_prose_claims(pointer, text(prose)))


@lru_cache(maxsize=2048)
def _prose_claims(pointer: str, prose: str) -> tuple[Claim, ...]:
    claims = []
    for commitment in _extract(prose):
        found = bounds(commitment.constraint, commitment.metric)
        if found is not None:
            claims.append(Claim(pointer, commitment.metric, commitment.text, found))
    return tuple(claims)


def indicator_claim(indicator: Indicator) -> Optional[Claim]:
    name = text(indicator.name)
    found = bounds(indicator.constraint, name)
    if not name or found is None:
        return None
    description = text(indicator.description)
    return Claim(indicator.at("value"), name, f"{name} {text(indicator.value)}", found,
                 (description,) if description and description != name else ())


def goal_claims(project: Project, field: str = "goals") -> list[Claim]:
    """The commitments of a project's annual (`goals`) or midterm (`midterm_goals`) goal texts."""
    return [claim for index, goal in enumerate(getattr(project, field))
            for claim in prose_claims(f"{project.at(field)}/{index}", goal)]


# Where a claim stands, for messages.
OVERALL = Text("总体绩效目标", "overall goal")
_TARGET_FIELDS = {"goal": ("绩效目标", "goal"), "indicators": ("绩效指标", "indicators")}
_PROJECT_FIELDS = {"goals": ("绩效目标", "goal"), "midterm_goals": ("中期绩效目标", "midterm goal"),
                   "indicators": ("绩效指标", "indicator"), "midterm_indicators": ("中期绩效指标", "midterm indicator")}


def target_place(target: Target, field: str) -> Text:
    title = text(target.title)
    zh, en = _TARGET_FIELDS[field]
    return Text(f"分项绩效目标“{title}”的{zh}", f"{en} of sub-target {title!r}")


def project_place(project: Project, field: str) -> Text:
    zh, en = _PROJECT_FIELDS[field]
    return Text(f"项目“{project.name}”的{zh}", f"{en} of project {project.name!r}")


# --- Comparing metric phrases ----------------------------------------------------------------------

@lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[str, str], ...]:
    table = lexicon()["metric_synonyms"]
    return tuple((word, table[word] or "") for word in _longest_first(table))


@lru_cache(maxsize=1)
def generic_bigrams() -> frozenset[str]:
    """Two-character pieces that say nothing about what is measured: 工作, 合格, 格率 …"""
    lex = lexicon()
    pieces = set(lex["generic_terms"])
    for core in lex["generic_cores"]:
        pieces |= bigrams(core + "率", generic=True) | bigrams(core + "度", generic=True)
    return frozenset(pieces)


def bigrams(phrase: str, generic: bool = False) -> set[str]:
    """The two-character pieces of the CJK runs of a phrase, without the generic ones unless asked."""
    pieces = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", phrase):
        pieces |= {run[i:i + 2] for i in range(len(run) - 1)}
    return pieces if generic else pieces - generic_bigrams()


@lru_cache(maxsize=2048)
def metric_key(phrase: str) -> str:
    """A metric phrase reduced for comparison: CJK and alphanumerics only, synonyms rewritten."""
    key = "".join(ch for ch in phrase if is_cjk(ch) or ch.isalnum())
    for word, replacement in _synonyms():
        key = key.replace(word, replacement)
    return key.rstrip("的")


def _core(key: str) -> str:
    return key[:-1] if key.endswith(("率", "度")) else key


def _specific(core: str) -> bool:
    return len(core) >= 2 and core not in lexicon()["generic_cores"]


@lru_cache(maxsize=2048)
def similarity(a: str, b: str) -> Decimal:
    """How surely two metric phrases name the same thing, 0–1.

    1 when equal after the synonym table; 0.9 when one contains the other and what it contains is
    specific (调解成功率 in 人民调解成功率, but not 合格率 in 培训考核合格率); 0.8 when both are rates
    and the distinctive part of one is in the other (矫正 of 矫正率 in 已核查矫正对象数量比例); 0 for
    two rates whose last two characters before 率 differ (培训率, 通过率); otherwise the Dice
    coefficient of their non-generic bigrams.
    """
    ka, kb = metric_key(a), metric_key(b)
    if not ka or not kb:
        return Decimal(0)
    if ka == kb:
        return Decimal(1)
    short, long = sorted((ka, kb), key=len)
    if short in long and _specific(_core(short)):
        return CONTAINED
    if short != _core(short) and long != _core(long) and _core(short) in _core(long) and _specific(_core(short)):
        return CORE_CONTAINED
    # Two rates of one subject measure different things when what they count differs:
    # 执法人员培训率 and 执法人员考核通过率.
    if short != _core(short) and long != _core(long) and short[-3:-1] != long[-3:-1]:
        return Decimal(0)
    # Two measures of one subject are different things when what follows the shared subject has
    # nothing in common: 普法宣传品台账建立份数 and 普法宣传品制作数量.
    shared = len(os.path.commonprefix((ka, kb)))
    if shared >= 2 and not bigrams(ka[shared:], generic=True) & bigrams(kb[shared:], generic=True):
        return Decimal(0)
    pa, pb = bigrams(ka), bigrams(kb)
    if not pa or not pb:
        return Decimal(0)
    return (Decimal(2 * len(pa & pb)) / Decimal(len(pa) + len(pb))).quantize(Decimal("0.01"))


def is_norm(claim: Claim) -> bool:
    """A per-item norm (每期学员不少于25人) or the funding itself (安排资金180万元), not an output."""
    lex = lexicon()
    return (any(marker in claim.metric for marker in lex["per_item_markers"])
            or (claim.bounds.dimension == "money" and any(word in claim.metric for word in lex["funding_words"])))


def claim_similarity(a: Claim, b: Claim) -> Decimal:
    return max(similarity(x, y) for x in a.names for y in b.names)


def best_match(claim: Claim, candidates: Iterable[Claim], minimum: Decimal = MATCH) -> Optional[Claim]:
    """The candidate in the same unit whose metric is most like the claim's, if alike enough."""
    scored = [(claim_similarity(claim, other), index, other) for index, other in enumerate(candidates)
              if other.bounds.unit == claim.bounds.unit]
    scored = [s for s in scored if s[0] >= minimum]
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], -s[1]))[2]


# --- Content terms (fund uses) ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _use_patterns() -> tuple[re.Pattern, re.Pattern, tuple[re.Pattern, ...]]:
    table = lexicon()
    # A slash between two uses (办公费/差旅费), not inside a unit (1000元/人, 30%/年).
    separators = re.compile("[" + re.escape(table["use_separators"]) + r"]|(?<![\d元%])[/／](?!\d)")
    return separators, re.compile(r"[（(][^（）()]*[）)]"), tuple(map(re.compile, table["use_not_uses"]))


def split_uses(uses: Optional[str]) -> list[str]:
    """The items of a 资金用途 text: 普法宣传业务费，人民调解办案补贴 → two uses. Bracketed remarks,
    costing clauses (培训标准1000元/人), terms (培训期限3天) and fragments of one character are no uses."""
    separators, remark, not_uses = _use_patterns()
    leads = _longest_first(lexicon()["use_leads"])
    found = []
    for item in separators.split(remark.sub("", text(uses))):
        item = item.strip()
        if sum(_is_han(ch) for ch in item) < 2 or any(p.search(item) for p in not_uses):
            continue
        lead = _starting(item, leads)
        while lead and len(item) - len(lead) >= 2:
            item = item[len(lead):]
            lead = _starting(item, leads)
        if item:
            found.append(item)
    return found


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def shares_content(phrase: str, other: str) -> bool:
    """Whether two texts share a two-character piece that is not a generic word."""
    return bool(bigrams(phrase) & bigrams(other))
