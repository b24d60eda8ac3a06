"""`perflint schema`: a JSON Schema of the document format for YAML language servers.

Each field is offered under its English name and each Chinese label, so completion works in
either language; numbers may be written plainly or as text (amounts are read as written).
"""

from __future__ import annotations

import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from perflint import __version__
from perflint.load.model import DOCUMENT_REQUIRED, Document, Node, aliases, shape

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": ["string", "number", "boolean"]},  # read as written, whatever YAML would make of it
    int: {"type": "integer"},
    Decimal: {"type": ["number", "string"]},
}
_LIST_OR_ONE = {"goals", "midterm_goals"}


def _schema_of(annotation: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    kind, item = shape(annotation)
    if kind is list:
        return {"type": "array", "items": _schema_of(item, definitions)}
    if kind is dict:
        return {"type": "object", "additionalProperties": {"anyOf": [_schema_of(item, definitions),
                                                                      {"type": "null"}]}}
    if isinstance(kind, type) and issubclass(kind, Node):
        _define(kind, definitions)
        schema = {"$ref": f"#/$defs/{kind.__name__}"}
    else:
        schema = dict(_SCALARS.get(kind, {}))
    return {"anyOf": [schema, {"type": "null"}]} if type(None) in typing.get_args(annotation) else schema


def _define(model: type[BaseModel], definitions: dict[str, Any]) -> None:
    if model.__name__ in definitions:
        return
    definitions[model.__name__] = {}  # placed first: recursion stops here
    properties: dict[str, Any] = {}
    required = []
    for name, info in model.model_fields.items():
        schema = _schema_of(info.annotation, definitions)
        if name in _LIST_OR_ONE:
            schema = {"anyOf": [schema, {"type": "string"}]}
        labels = aliases(model, name)
        for label in labels:
            properties[label] = {**schema, "title": " / ".join(labels)}
        if info.is_required() or (model is Document and name in DOCUMENT_REQUIRED):
            required.append({"anyOf": [{"required": [label]} for label in labels]})
    definition: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        definition["allOf"] = required
    definitions[model.__name__] = definition


def document_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    _define(Document, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"perflint {__version__}: 部门预算绩效文本 / budget performance document",
        "$ref": "#/$defs/Document",
        "$defs": definitions,
    }
