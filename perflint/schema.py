"""`perflint schema`: a JSON Schema of the document format for YAML language servers.

Each field is offered under its English name and each Chinese label, so completion works in either
language, with a Chinese description, examples, and the values the forms use (perflint/schema_fields.yaml).

The schema accepts exactly what the YAML loader reads without an error (tests/test_schema_and_template.py
checks both ways): scalars are read as written, so numbers may also be written as text, but only as
numbers (`20万元` is an error in both); a year is a whole number, also when quoted; the Chinese and
English spelling of one field may not both appear; the department and the year are required.
"""

from __future__ import annotations

import typing
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from perflint import __version__
from perflint.load.model import DOCUMENT_REQUIRED, Document, Node, aliases, shape

# What the loader's number parsing (pydantic) accepts as text. A number: an optional sign, digits (full-width
# too), a fraction, an exponent, spaces around; underscores are dropped wherever they are inside. A whole number
# (the year): ASCII digits with single underscores between them, perhaps followed by .0; spaces around.
# Written without \d, which JSON Schema's regular expressions (ECMA-262) and Python's read differently.
_DIGITS = "[0-9０-９](_*[0-9０-９])*"
_NUMBER = f"[+-]?_*({_DIGITS}_*(\\._*({_DIGITS})?)?|\\._*{_DIGITS})_*([eE]_*[+-]?_*{_DIGITS}_*)?"
_DECIMAL = f"^\\s*_*{_NUMBER}_*\\s*$"
_INTEGER = "^\\s*[+-]?[0-9](_?[0-9])*(\\.0+)?\\s*$"
_PERCENT = f"^\\s*_*{_NUMBER}_*\\s*[%％]*\\s*$"  # a spending plan's share: 25%, 25 or 25 %

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": ["string", "number", "boolean"]},  # read as written, whatever YAML would make of it
    int: {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _INTEGER}]},
    Decimal: {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _DECIMAL}]},
}
_LIST_OR_ONE = {"goals", "midterm_goals"}  # a single string is accepted where a list is expected
_NONE_IS_DEFAULT = {"money_unit"}  # null reads as the default (万元)


@lru_cache(maxsize=1)
def field_docs() -> dict[str, dict[str, dict[str, Any]]]:
    """Model name → field → description, examples, suggested values (schema_fields.yaml)."""
    return yaml.safe_load((Path(__file__).parent / "schema_fields.yaml").read_text(encoding="utf-8"))


def _level_names() -> dict[str, list[str]]:
    """The 一级指标 and 二级指标 names of both frameworks, in the order the forms list them."""
    from perflint.analysis.hierarchy import framework

    first: dict[str, None] = {}
    second: dict[str, None] = {}
    for name in ("2015", "2021"):
        for level1, levels2 in framework(name).items():
            first[level1] = None
            second.update(dict.fromkeys(levels2))
    return {"level1": list(first), "level2": list(second)}


def _schema_of(annotation: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    kind, item = shape(annotation)
    if kind is list:
        return {"type": "array", "items": _schema_of(item, definitions)}
    if kind is dict:  # the spending plan: checkpoint → cumulative share, its % optional
        values = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _PERCENT}]} \
            if shape(item)[0] is Decimal else _schema_of(item, definitions)
        return {"type": "object", "additionalProperties": {"anyOf": [values, {"type": "null"}]}}
    if isinstance(kind, type) and issubclass(kind, Node):
        _define(kind, definitions)
        schema = {"$ref": f"#/$defs/{kind.__name__}"}
    else:
        schema = dict(_SCALARS.get(kind, {}))
    return {"anyOf": [schema, {"type": "null"}]} if type(None) in typing.get_args(annotation) else schema


def _field_schema(model: type[BaseModel], name: str, definitions: dict[str, Any]) -> dict[str, Any]:
    info = model.model_fields[name]
    annotation = info.annotation
    if model is Document and name in DOCUMENT_REQUIRED:
        annotation = shape(annotation)[0]  # optional in the model, but a document must have it
    schema = _schema_of(annotation, definitions)
    if name in _LIST_OR_ONE:
        schema = {"anyOf": [schema, {"type": "string"}]}
    if name in _NONE_IS_DEFAULT:
        schema = {"anyOf": [schema, {"type": "null"}]}
    doc = field_docs()[model.__name__][name]
    suggest = _level_names().get(name) if model.__name__ == "Indicator" else None
    suggest = suggest or doc.get("suggest")
    if suggest:
        # Offered for completion, not enforced: other spellings are read, and reported as findings.
        schema = {"anyOf": [{"enum": suggest}, schema]}
    schema["description"] = doc["description"]
    if "examples" in doc:
        schema["examples"] = doc["examples"]
    return schema


def _define(model: type[BaseModel], definitions: dict[str, Any]) -> None:
    if model.__name__ in definitions:
        return
    definitions[model.__name__] = {}  # placed first: recursion stops here
    properties: dict[str, Any] = {}
    constraints = []
    for name, info in model.model_fields.items():
        schema = _field_schema(model, name, definitions)
        labels = aliases(model, name)
        for label in labels:
            properties[label] = {"title": " / ".join(labels), **schema}
        if info.is_required() or (model is Document and name in DOCUMENT_REQUIRED):
            constraints.append({"anyOf": [{"required": [label]} for label in labels]})
        if len(labels) > 1:  # one field, one spelling: 部门 and department together are a duplicate
            constraints.append({"not": {"anyOf": [{"required": [a, b]} for i, a in enumerate(labels)
                                                  for b in labels[i + 1:]]}})
    definition: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if constraints:
        definition["allOf"] = constraints
    definitions[model.__name__] = definition


def document_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    _define(Document, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"perflint {__version__}: 部门预算绩效文本 / budget performance document",
        "description": "perflint 文档格式（docs/format.md）：英文或中文字段名均可。",
        "$ref": "#/$defs/Document",
        "$defs": definitions,
    }
