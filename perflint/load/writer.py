"""The YAML form of a document, for `perflint import`: English or Chinese keys, fields in the
model's order, block style, and values quoted only where YAML needs it, so that reading the file
back gives the same model (amounts keep their decimals: 20.00 stays 20.00).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from perflint.load.model import Document, Node, aliases

_WIDTH = 1 << 16  # prose stays on one line: Chinese has no spaces to fold at anyway


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """List items indented under their key, as people write them."""
        super().increase_indent(flow, False)


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    return dumper.represent_scalar(f"tag:yaml.org,2002:{'float' if '.' in text else 'int'}", text)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Several paragraphs as a literal block, one per line, as they were written."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _text)


def to_yaml(document: Document, lang: str) -> str:
    return yaml.dump(_plain(document, lang), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=_WIDTH, indent=2)


def _key(model: type, name: str, lang: str) -> str:
    """The English name, or the first Chinese label (the one on the official form)."""
    names = aliases(model, name)
    return names[1] if lang == "zh" and len(names) > 1 else name


def _plain(value: Any, lang: str) -> Any:
    if isinstance(value, Node):
        model = type(value)
        out = {}
        present = value.model_fields_set - value.missing
        for name in model.model_fields:
            # A field the source has is written even when empty (`basis: ''`): it says the form has the
            # column, which rules tell apart from a column the form lacks.
            if name not in present:
                continue
            item = getattr(value, name)
            if name == "spending_plan" and item is not None:  # 3月底: 30% reads as the form prints it
                item = {k: None if v is None else f"{format(v, 'f')}%" for k, v in item.items()}
            out[_key(model, name, lang)] = _plain(item, lang)
        return out
    if isinstance(value, list):
        return [_plain(item, lang) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item, lang) for key, item in value.items()}
    return value
