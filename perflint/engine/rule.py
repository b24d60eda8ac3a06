"""What a rule is: metadata, documentation, messages, options and a check, in one class.

A rule module in rules/ (or a plugin) subclasses `Rule`; the engine finds it, configures it and
turns the `Hit`s its `check` yields into findings with positions and messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from perflint.findings import Severity
from perflint.text import Text

if TYPE_CHECKING:
    from perflint.engine.context import Context
    from perflint.load.model import Document


class Category(str, Enum):
    """The four review dimensions of 财预〔2015〕88号, plus formatting."""

    COMPLETENESS = "完整性"
    RELEVANCE = "相关性"
    APPROPRIATENESS = "适当性"
    FEASIBILITY = "可行性"
    FORMAT = "格式"

    @property
    def english(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Option:
    default: Any
    help: Text


@dataclass(frozen=True)
class RuleDoc:
    """A rule's documentation. Its failing and passing examples are its own test cases
    (`<module>.cases.yaml`); `bad`/`good` describe them only where no YAML can (an unreadable file)."""

    what: Text  # what it checks
    why: Text  # why it matters
    source: str  # the official document (or practice) it rests on
    bad: str = ""
    good: str = ""


@dataclass(frozen=True)
class Edit:
    """A safe fix: in the value at `pointer`, the text `old` as written becomes `new`."""

    pointer: str
    old: str
    new: str


@dataclass(frozen=True)
class Hit:
    """One occurrence found by a rule: where (a JSON Pointer) and what to say."""

    pointer: str
    message: str = "default"
    args: dict[str, Any] = field(default_factory=dict)
    related: str = ""  # another place the finding refers to: `{related}` in the message names it (第 N 行)
    fix: tuple[Edit, ...] = ()


class Rule:
    code: ClassVar[str]
    slug: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    summary: ClassVar[Text]
    messages: ClassVar[dict[str, Text]]
    doc: ClassVar[RuleDoc]
    options: ClassVar[dict[str, Option]] = {}
    # Rules reported by the loaders rather than by a check (unreadable input) cannot be deselected:
    # a document that could not be read must never pass silently.
    always_on: ClassVar[bool] = False
    # The rule offers fixes that cannot change meaning (`perflint check --fix`): never numbers or wording.
    fixable: ClassVar[bool] = False
    # Off unless selected by its code or slug: a house-style check most reviewers do not ask for, which
    # ALL, a category or a code prefix does not switch on.
    opt_in: ClassVar[bool] = False

    def check(self, document: "Document", context: "Context") -> Iterable[Hit]:
        return iter(())

    @staticmethod
    def hit(pointer: str, message: str = "default", related: str = "", fix: tuple[Edit, ...] = (),
            **args: Any) -> Hit:
        return Hit(pointer, message, args, related, fix)

    @classmethod
    def checked(cls, hits: Iterable[Any]) -> list:
        """The hits of a check, each naming one of the rule's messages: another name is the rule's bug,
        raised here (where the caller reports a crashing rule) rather than shown with some other message."""
        hits = list(hits)
        unknown = next((hit.message for hit in hits if hit.message not in cls.messages), None)
        if unknown is not None:
            raise LookupError(f"{cls.code} has no message {unknown!r}")
        return hits

    @classmethod
    def message_text(cls, message: str, lang: str, args: dict[str, Any]) -> str:
        return cls.messages[message].format(lang, args)

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        return {name: opt.default for name, opt in cls.options.items()}


def iter_rule_classes(namespace: dict[str, Any], include_submodules: bool = False) -> Iterator[type[Rule]]:
    """The concrete rules defined in a module's namespace (not those it merely imports), or with
    `include_submodules` also those it imports from its own submodules (a plugin package's
    `from .titles import TitleRequired`)."""
    module = namespace.get("__name__")
    for value in namespace.values():
        if not (isinstance(value, type) and issubclass(value, Rule) and value is not Rule and "code" in vars(value)):
            continue
        if value.__module__ == module or (include_submodules and value.__module__.startswith(f"{module}.")):
            yield value
