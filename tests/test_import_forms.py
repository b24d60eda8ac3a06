"""One document, every form it comes in: written out as a PDF, an .xls and a .docx (tests/forms.py),
each imported gives the findings of its YAML (codes and pointers) and the same model."""

import re
from pathlib import Path

import pytest

from forms import build_docx, build_pdf, build_xls
from perflint.check import active_rules
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import load_bytes, load_path

FIXTURES = Path(__file__).parent.parent / "fixtures"
RULES = active_rules(Settings())
BUILDERS = {".pdf": build_pdf, ".xls": build_xls, ".docx": build_docx}


def findings(loaded):
    return sorted((f.code, f.pointer) for f in lint(loaded, RULES))


def _without_spaces(value):
    """A PDF's text loses the spaces between Chinese characters (see pdf_text.py): compared without them."""
    if isinstance(value, dict):
        return {k: _without_spaces(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_spaces(v) for v in value]
    return re.sub(r"\s+", "", value) if isinstance(value, str) else value


@pytest.mark.parametrize("suffix", BUILDERS)
@pytest.mark.parametrize("name", ["seed.yaml", "clean-2015.yaml", "clean-2021.yaml"])
def test_every_form_of_a_document_has_the_findings_of_its_yaml(name, suffix):
    original = load_path(str(FIXTURES / name))
    imported = load_bytes(BUILDERS[suffix](original.document), f"doc{suffix}")
    assert imported.problems == []
    assert findings(imported) == findings(original)
    assert _without_spaces(imported.document.model_dump()) == _without_spaces(original.document.model_dump())
    assert not imported.has_lines and all(f.label for f in lint(imported, RULES))
