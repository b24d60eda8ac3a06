"""An imported document that lacks a required field is still a document.

A published table often names no department or year anywhere, or a project table lost its name to a
page break. The YAML reader refuses such a file (a person can add the field); an importer keeps
everything it read: each missing field is reported (PF009), the document's own department or year
reads as MissingField (the rules that need it cannot run; every other rule does), and a project without a name keeps an empty one so that its rows are still checked.
"""

from __future__ import annotations

from typing import Any, Optional

from perflint.load.model import Document
from perflint.load.problems import Problem
from perflint.load.yaml_reader import validate

# Stand-ins that let the model validate; never read by a rule (the field is removed or marked missing).
_STAND_IN = {"department": "", "year": 0}


def _absent(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_partial(raw: dict, problems: list[Problem]) -> Optional[Document]:
    missing = frozenset(name for name in _STAND_IN if _absent(raw.get(name)))
    for name in sorted(missing):
        problems.append(Problem("missing-field", f"/{name}", args={"field": name}))
    if not raw:
        return None  # nothing was placed: not a document that lacks a field, but not a document
    unnamed = []
    for index, project in enumerate(raw.get("projects", [])):
        if _absent(project.get("name")):
            problems.append(Problem("missing-field", f"/projects/{index}/name", args={"field": "name"}))
            project["name"] = ""
            unnamed.append(index)
    document = validate({**raw, **{name: _STAND_IN[name] for name in missing}}, problems)
    if document is None:
        return None
    document.mark_missing(missing)
    for index in unnamed:
        if index < len(document.projects):
            # The empty name stays readable: messages quote it, and no rule judges a name by its absence.
            document.projects[index].mark_missing(frozenset({"name"}))
    return document
