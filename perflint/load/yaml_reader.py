"""Read the YAML form of a document into the model, keeping every field's position.

PyYAML's C parser composes the node tree (marks included); this module walks it against the
model's schema, so that keys are translated to their English names, scalars keep the text as
written (`20.00`, `2024-12-31`, `yes`), and aliases, duplicate and unknown keys become problems
instead of being resolved or dropped silently.
"""

from __future__ import annotations

import difflib
from typing import Any, Optional

import yaml
from pydantic import BaseModel, ValidationError

from perflint.load.decode import decode
from perflint.load.document import LoadedDocument
from perflint.load.model import DOCUMENT_REQUIRED, Document, Node, aliases, field_names, field_type, shape
from perflint.load.problems import Problem
from perflint.location import Location, SourceMap, join_pointer

_NULL_TAG = "tag:yaml.org,2002:null"
_TEXT_TAG = "tag:yaml.org,2002:str"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Tags a plain scalar as null or text, nothing else: the walker keeps every value as written, so
    YAML 1.1's implicit typing (a regular-expression match per scalar for ints, floats, dates,
    booleans) would be work thrown away."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _NULL_TAG if implicit[0] and value in _NULLS else _TEXT_TAG
        return super().resolve(kind, value, implicit)

MAX_ATTEMPTS = 8


def _location(node: yaml.Node) -> Location:
    start, end = node.start_mark, node.end_mark
    return Location(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


def _mark_location(mark: Any) -> Location:
    return Location.point(mark.line + 1, mark.column + 1)


class _Aliases:
    """English name and Chinese labels of each model's fields → the field."""

    _cache: dict[type, dict[str, str]] = {}

    @classmethod
    def of(cls, model: type[BaseModel]) -> dict[str, str]:
        table = cls._cache.get(model)
        if table is None:
            table = {label: name for name in model.model_fields for label in aliases(model, name)}
            cls._cache[model] = table
        return table


class _Walker:
    def __init__(self) -> None:
        self.source = SourceMap()
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def walk(self, node: yaml.Node, expected: Any, pointer: str) -> Any:
        if not self._first_visit(node, pointer):
            return None
        kind, item = shape(expected)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL_TAG:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                child_pointer = join_pointer(pointer, i)
                self.source.add(child_pointer, _location(child))
                items.append(self.walk(child, item, child_pointer))
            return items
        if isinstance(kind, type) and issubclass(kind, Node):
            return self._walk_model(node, kind, pointer)
        return self._walk_mapping(node, item, pointer)

    def _first_visit(self, node: yaml.Node, pointer: str, at: Optional[Location] = None) -> bool:
        """False for a node met before: an alias, reported where it is used (its key, when it has one),
        or at `at` where the field is not read (and so has no place of its own)."""
        if id(node) in self._seen:
            self.problems.append(Problem("yaml-alias", pointer, at or self.source.key(pointer),
                                         {"line": node.start_mark.line + 1}))
            return False
        self._seen.add(id(node))
        return True

    def _refuse_aliases(self, node: yaml.Node, pointer: str, at: Location) -> None:
        """Aliases are refused even under keys that are not read, so no alias expands anywhere; they are
        reported at the unread key they are under."""
        if not self._first_visit(node, pointer, at):
            return
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                self._refuse_aliases(child, pointer, at)
        elif isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                self._refuse_aliases(key_node, pointer, at)
                self._refuse_aliases(value_node, pointer, at)

    def _key_text(self, key_node: yaml.Node, pointer: str) -> Optional[str]:
        if isinstance(key_node, yaml.ScalarNode):
            return key_node.value
        self.problems.append(Problem("wrong-type", pointer, _location(key_node), message="text-key"))
        return None

    def _entries(self, node: yaml.MappingNode, pointer: str, names: Optional[dict[str, str]]):
        """Yield (name, key node, value node), reporting unknown and duplicate keys."""
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            text = self._key_text(key_node, pointer)
            if text is None:
                continue
            name = text if names is None else names.get(text)
            if name is None:
                close = difflib.get_close_matches(text, list(names), n=1, cutoff=0.5)
                self.problems.append(
                    Problem("unknown-key", location=_location(key_node), pointer=join_pointer(pointer, text),
                            args={"key": text, "hint": close[0] if close else ""},
                            message="suggest" if close else "default")
                )
                self._refuse_aliases(value_node, join_pointer(pointer, text), _location(key_node))
                continue
            if name in first:
                self.problems.append(
                    Problem("duplicate-key", location=_location(key_node), pointer=join_pointer(pointer, name),
                            args={"key": text, "line": first[name].start_mark.line + 1})
                )
                continue
            first[name] = key_node
            yield name, key_node, value_node

    def _walk_model(self, node: yaml.Node, model: type[Node], pointer: str) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.walk_untyped(node)
        out = {}
        for name, key_node, value_node in self._entries(node, pointer, _Aliases.of(model)):
            child = join_pointer(pointer, name)
            self.source.add(child, _location(value_node), _location(key_node))
            out[name] = self.walk(value_node, field_type(model, name), child)
        return out

    def _walk_mapping(self, node: yaml.MappingNode, item: Any, pointer: str) -> Any:
        out = {}
        for name, key_node, value_node in self._entries(node, pointer, None):
            child = join_pointer(pointer, name)
            self.source.add(child, _location(value_node), _location(key_node))
            out[name] = self.walk(value_node, item, child)
        return out

    def walk_untyped(self, node: yaml.Node) -> Any:
        """A value of the wrong shape, kept as plain data so validation can say what is wrong."""
        if isinstance(node, yaml.ScalarNode):
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return ["" for _ in node.value]
        return {}


def _pointer_of(loc: tuple) -> str:
    pointer = ""
    for part in loc:
        pointer = join_pointer(pointer, part)
    return pointer


def _expected_name(error_type: str) -> str:
    for prefix, name in (("int", "integer"), ("decimal", "number"), ("string", "text"), ("list", "list"),
                         ("dict", "mapping"), ("model", "mapping"), ("float", "number"), ("value_error", "range")):
        if error_type.startswith(prefix):
            return name
    return "other"


def _drop(raw: Any, loc: tuple) -> bool:
    """Remove the value at `loc` so the rest of the document can still be checked."""
    parent = raw
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return False
    try:
        del parent[loc[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    return True


def validate(raw: Any, problems: list[Problem]) -> Optional[Document]:
    """Validate, reporting each error once; drop what is invalid and try again."""
    reported: set[str] = set()
    if not raw:  # nothing known was read: a document that lacks everything is no document
        problems.extend(Problem("missing-field", f"/{name}", args={"field": name}) for name in DOCUMENT_REQUIRED)
        return None
    for _ in range(MAX_ATTEMPTS):
        try:
            document = Document.model_validate(raw)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        else:
            # Required by the format but optional in the model, so that the rest is still checked.
            for name in DOCUMENT_REQUIRED:
                if getattr(document, name) is None and f"/{name}" not in reported:
                    problems.append(Problem("missing-field", f"/{name}", args={"field": name}))
            return document
        progressed = False
        for error in errors:
            loc = tuple(p for p in error["loc"] if not isinstance(p, str) or not p.startswith("function-"))
            pointer = _pointer_of(loc)
            if error["type"] == "missing":
                if pointer not in reported:  # not when its invalid value was just dropped
                    problems.append(Problem("missing-field", pointer, args={"field": str(loc[-1])}))
                loc = loc[:-1]  # a record without its required field cannot be checked
            else:
                reported.add(pointer)
                problems.append(Problem("wrong-type", pointer, message=_expected_name(error["type"]), args={
                    "field": str(loc[-1]) if loc else "", "got": str(error.get("input", ""))[:40]}))
            progressed = _drop(raw, loc) or progressed
        if not progressed:
            return None
    return None


def assign_pointers(node: Any, pointer: str) -> None:
    if isinstance(node, Node):
        node.place_at(pointer)
        values = node.__dict__
        for name in field_names(type(node)):
            assign_pointers(values[name], f"{pointer}/{name}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            assign_pointers(item, f"{pointer}/{i}")


def read_yaml(data: bytes, path: str) -> LoadedDocument:
    text, problems = decode(data)
    if text is None:
        return LoadedDocument(path, None, SourceMap(), [], problems)
    loaded = read_yaml_text(text, path)
    loaded.problems[:0] = problems  # how the text was decoded comes first
    loaded.text = text
    return loaded


def read_yaml_text(text: str, path: str) -> LoadedDocument:
    lines = text.splitlines()
    walker = _Walker()

    def unread(problem: Problem) -> LoadedDocument:
        walker.problems.append(problem)
        return LoadedDocument(path, None, walker.source, lines, walker.problems)

    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _mark_location(mark) if mark is not None else Location.point(1, 1)
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        return unread(Problem("yaml-syntax", location=where, args={"detail": detail}))
    except (yaml.YAMLError, RecursionError) as exc:
        return unread(Problem("yaml-syntax", location=Location.point(1, 1), args={"detail": str(exc)}))
    if root is None:
        return unread(Problem("empty-document", location=Location.point(1, 1)))
    walker.source.add("", _location(root))
    try:
        raw = walker.walk(root, Document, "")
    except RecursionError:
        return unread(Problem("yaml-syntax", location=_location(root), args={"detail": "nesting too deep"}))
    if not isinstance(raw, dict):
        return unread(Problem("wrong-type", "", message="mapping", args={"field": "/", "got": ""}))
    document = validate(raw, walker.problems)
    if document is not None:
        assign_pointers(document, "")
    return LoadedDocument(path, document, walker.source, lines, walker.problems)
