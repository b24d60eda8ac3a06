"""A sentence in both of perflint's languages: every message a user reads is one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Text:
    """A sentence in Chinese and English; `{name}` fields are filled from a hit's arguments."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def format(self, lang: str, args: dict[str, Any]) -> str:
        localized = {k: v.get(lang) if isinstance(v, Text) else v for k, v in args.items()}
        return self.get(lang).format(**localized)
