"""Rules that need more than one document: across a submission round, and across two years.

A round rule (`RoundRule`) runs when `perflint check` covers more than one document; a years rule
(`YearsRule`) runs in `perflint compare LAST_YEAR THIS_YEAR`. Neither reads documents: each document's
compact facts (perflint/analysis/digest.py) are computed once, in the worker that checks it, and carried
in its result (so a cached result serves them too); these rules work on those facts alone, so a round of
ten thousand documents is never held in memory. Like any rule they have a code, a slug, documentation,
messages, options and test cases (with several documents), and are selected, ignored and configured the
same way; their per-document `check` finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from perflint.engine.rule import Rule

if TYPE_CHECKING:
    from perflint.engine.context import Context
    from perflint.round import RoundView
    from perflint.compare import OverallPair, ProjectPair


@dataclass(frozen=True)
class RoundHit:
    """A finding of a round rule: in which document of the round (its number there), where, what to say."""

    document: int
    pointer: str
    message: str = "default"
    args: dict[str, Any] = field(default_factory=dict)


class RoundRule(Rule):
    """A rule over all the documents of a round (one `perflint check` of more than one document)."""

    def check_round(self, round: "RoundView", context: "Context") -> Iterable[RoundHit]:
        raise NotImplementedError

    @staticmethod
    def round_hit(document: int, pointer: str, message: str = "default", **args: Any) -> RoundHit:
        return RoundHit(document, pointer, message, args)


class YearsRule(Rule):
    """A rule over a project of this year's round and the same project in last year's (`perflint compare`)."""

    def check_pair(self, pair: "ProjectPair", context: "Context") -> Iterable:
        """Hits (`self.hit(pointer, …)`) pointing into this year's document."""
        raise NotImplementedError

    def check_overall(self, pair: "OverallPair", context: "Context") -> Iterable:
        """Hits about the department as a whole (its overall goal); none by default."""
        return ()


def across_documents(rule: Rule) -> bool:
    """Whether a rule looks at several documents, so that checking one document alone never runs it."""
    return isinstance(rule, (RoundRule, YearsRule))


def with_facts(result, loaded, rules):
    """The result with the document's facts when a rule across documents is to run (they cost a little
    time and room for every document, so they are left out otherwise)."""
    if loaded.document is None or not any(across_documents(a.rule) for a in rules.active):
        return result
    from dataclasses import replace

    from perflint.analysis.digest import document_facts, encode

    return replace(result, facts=encode(document_facts(loaded)))


def deferred_names(rules) -> frozenset[str]:
    """The codes and slugs (lower-cased) of the active rules across documents."""
    return frozenset(n for a in rules.active if across_documents(a.rule) for n in (a.rule.code.lower(), a.rule.slug))
