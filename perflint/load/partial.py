"""An imported document that lacks a required field is still a document.

A published table often names no department or year anywhere, or a project table lost its name to a
page break. An importer keeps everything it read: each missing field is reported (PF009); the
document's department or year reads as None (the rules that need it pass the document by, every other
rule runs), and a project without a name keeps an empty one so that its rows are still checked.
"""

from __future__ import annotations

from typing import Any, Optional

from perflint.load.model import Document
from perflint.load.problems import Problem
from perflint.load.yaml_reader import validate


def _absent(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_partial(raw: dict, problems: list[Problem]) -> Optional[Document]:
    unnamed = []
    for index, project in enumerate(raw.get("projects", [])):
        if _absent(project.get("name")):
            problems.append(Problem("missing-field", f"/projects/{index}/name", args={"field": "name"}))
            project["name"] = ""
            unnamed.append(index)
    document = validate({k: v for k, v in raw.items() if not (k in ("department", "year") and _absent(v))},
                        problems)
    if document is None:
        return None
    for index in unnamed:
        if index < len(document.projects):
            # The empty name stays readable: messages quote it, and no rule judges a name by its absence.
            document.projects[index].mark_missing(frozenset({"name"}))
    return document
