"""Reading the data files shipped in perflint.grammar (units, vocabulary, the value grammar)."""

from __future__ import annotations

from importlib.resources import files
from typing import Any


def read_text(name: str) -> str:
    return files("perflint.grammar").joinpath(name).read_text(encoding="utf-8")


def load_yaml(name: str) -> Any:
    import yaml  # only when a table is first needed: import time matters for the CLI

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(read_text(name), Loader=loader)
