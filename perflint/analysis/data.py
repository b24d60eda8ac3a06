"""The word lists and tables the analysis reads, kept as YAML data beside it and read once."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml


def load_data(name: str) -> Any:
    """A YAML data file of the analysis package, e.g. "hierarchy.yaml"."""
    return load_package_data("perflint.analysis", name)


@lru_cache(maxsize=None)
def load_package_data(package: str, name: str) -> Any:
    """A YAML data file shipped in one of perflint's packages, read once."""
    return yaml.load(files(package).joinpath(name).read_text("utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
