"""The closed word lists (grammar/vocabulary.yaml): values that are words, not numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, Optional

from perflint.values.constraint import Constraint
from perflint.values.data import load_yaml
from perflint.values.messages import unparseable

_DIGIT = re.compile(r"\d")
# A cited title: one unit of a compliance phrase however long (符合《XX市城市道路养护管理办法》要求).
_TITLE = re.compile(r"《[^《》]*》")
_CJK_TAIL = r"(?P<tail>[\u4e00-\u9fff]{0,6})"


@dataclass(frozen=True)
class _Vocabulary:
    words: dict[str, tuple[str, Any]]  # word → (what it is, detail)
    graded: re.Pattern
    placeholder: re.Pattern
    markers: tuple[tuple[str, str], ...]  # (substring, reason), longest first
    vague_stems: re.Pattern
    relative: dict[str, Any]
    threshold: re.Pattern  # (lead) grade (post) (noun): 良好及以上, 达到优秀
    grade_ops: dict[str, str]  # lead or post word → op
    absent: re.Pattern  # 无安全事故发生, 未造成环境污染
    immediate: re.Pattern  # 实时, 即时办理
    same_day: re.Pattern  # 当日, 当天办结
    same_day_periods: dict[str, str]


def alternation(words) -> str:
    """A regular expression matching any of `words`, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def vocabulary() -> _Vocabulary:
    data = load_yaml("vocabulary.yaml")
    words: dict[str, tuple[str, Any]] = {}

    def add(word: str, what: tuple[str, Any]) -> None:
        if word in words:
            raise ValueError(f"vocabulary.yaml: {word!r} is listed twice")
        words[word] = what

    for word in data["graded"]:
        add(word, ("graded", None))
    for word in data["vague"]:
        add(word, ("vague", None))
    for word in data["boolean_true"]:
        add(word, ("boolean", True))
    for word in data["boolean_false"]:
        add(word, ("boolean", False))
    for word, number in data["percent_words"].items():
        add(word, ("percent", Decimal(str(number))))
    for reason, listed in data["unparseable"].items():
        for word in listed:
            add(word, (reason, None))
    for word in data["template_choices"]:
        add(word, ("choice", None))
    markers = tuple(sorted(((m, reason) for reason, listed in data["unparseable_markers"].items() for m in listed),
                           key=lambda pair: -len(pair[0])))
    leads, posts = data["grade_leads"], data["grade_posts"]
    threshold = (rf"(?P<lead>{alternation(leads)})?(?P<grade>.+?)(?P<post>{alternation(posts)})?"
                 rf"(?P<noun>{alternation(data['grade_nouns'])})?")
    return _Vocabulary(
        words=words,
        graded=re.compile("|".join(f"(?:{p})" for p in data["graded_patterns"])),
        placeholder=re.compile("|".join(f"(?:{p})" for p in data["placeholder_patterns"])),
        markers=markers,
        vague_stems=re.compile(alternation(data["vague_stems"])),
        relative=data["relative"],
        threshold=re.compile(threshold),
        grade_ops={**leads, **posts},
        absent=re.compile("|".join(f"(?:{p})" for p in data["boolean_false_patterns"])),
        immediate=re.compile(rf"(?:{alternation(data['immediate'])}){_CJK_TAIL}"),
        same_day=re.compile(rf"(?P<word>{alternation(data['same_day'])})内?{_CJK_TAIL}"),
        same_day_periods=dict(data["same_day"]),
    )


def _is_grade(vocab: _Vocabulary, text: str) -> bool:
    if "《" in text:
        text = _TITLE.sub("《》", text)
    found = vocab.words.get(text)
    return found[0] == "graded" if found is not None else vocab.graded.fullmatch(text) is not None


def read_word(raw: str, text: str) -> Optional[Constraint]:
    """The reading of a value that is one vocabulary word (or matches a graded pattern)."""
    vocab = vocabulary()
    found = vocab.words.get(text)
    if found is None:
        return Constraint(input=raw, kind="graded", grade=text) if _is_grade(vocab, text) else None
    what, detail = found
    if what in ("graded", "vague"):
        return Constraint(input=raw, kind=what, grade=text if what == "graded" else None)
    if what == "boolean":
        return Constraint(input=raw, kind="boolean", op="=", value=detail)
    if what == "percent":
        return Constraint(input=raw, kind="percent", op="=", number=detail, unit="%", implicit_op=True)
    return unparseable(raw, what)


def read_phrase(raw: str, text: str) -> Optional[Constraint]:
    """The reading of a short phrase the grammar rejected: a grade threshold (良好及以上), the absence
    of an event (未发生环境污染), a turnaround word (实时, 当日办结); None when it is none of these."""
    if _DIGIT.search(text):
        return None
    vocab = vocabulary()
    if vocab.absent.fullmatch(text):
        return Constraint(input=raw, kind="boolean", op="=", value=False)
    found = vocab.immediate.fullmatch(text)
    if found:
        return Constraint(input=raw, kind="quantity", op="=", number=Decimal(0), remark=text)
    found = vocab.same_day.fullmatch(text)
    if found:
        return Constraint(input=raw, kind="deadline", op="<=", period=vocab.same_day_periods[found["word"]],
                          remark=found["tail"] or None)
    found = vocab.threshold.fullmatch(text)
    if found and (found["lead"] or found["post"] or found["noun"]) and _is_grade(vocab, found["grade"]):
        ops = {vocab.grade_ops[w] for w in (found["lead"], found["post"]) if w}
        if len(ops) <= 1 or ops == {">=", ">"}:
            op = ">" if ">" in ops else ops.pop() if ops else None
            return Constraint(input=raw, kind="graded", op=op, grade=found["grade"])
        return unparseable(raw, "conflict", first=found["lead"], second=found["post"])  # ≥良好以下
    return None


def has_placeholder(text: str) -> bool:
    """Template residue inside a value: xx, ≥**, ≥X%, ……"""
    return vocabulary().placeholder.search(text) is not None


def marker_reason(text: str) -> Optional[str]:
    """deferred / not-applicable / reference when the text says so somewhere (详见附件3)."""
    for marker, reason in vocabulary().markers:
        if marker in text:
            return reason
    return None


def is_vague_prose(text: str) -> bool:
    """Digit-free prose built on a degree or direction word (司法行政服务得到改善)."""
    return _DIGIT.search(text) is None and vocabulary().vague_stems.search(text) is not None
