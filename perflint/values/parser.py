"""The value grammar's parser: LALR, contextual lexer, inline transformer, built once per process.

Lark is imported on the first parse, not when perflint.values is imported: `import lark` costs
40–60 ms, which every CLI start would pay. The analysed grammar is cached in the user's cache
directory (the parser then loads in ~5 ms instead of ~100 ms); when that directory cannot be
written the parser is simply built without a cache.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Optional

from perflint.values.data import read_text
from perflint.values.reader import Reader, ReadError

_GRAMMAR = "value.lark"
_parser: Any = None
_syntax_errors: Any = None  # lark.exceptions.UnexpectedInput, once lark is imported


def cache_file() -> Optional[Path]:
    """$PERFLINT_CACHE_DIR, else $XDG_CACHE_HOME/perflint, else ~/.cache/perflint; None if unusable."""
    configured = os.environ.get("PERFLINT_CACHE_DIR")
    if configured:
        directory = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        directory = (Path(xdg) if xdg else Path.home() / ".cache") / "perflint"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home directory to expand
        return None
    if not os.access(directory, os.W_OK):
        return None
    # Lark keys the cache on the grammar, its own version and Python's; one file per Python
    # version keeps two interpreters from overwriting each other's cache on every start.
    return directory / f"value-grammar-py{sys.version_info[0]}{sys.version_info[1]}.lark-cache"


def build(cache: Optional[Path] = None) -> Any:
    """A new Lark parser for the value grammar, using `cache` when given."""
    import lark.lexer
    from lark import Lark

    options = dict(parser="lalr", lexer="contextual", transformer=Reader(), maybe_placeholders=True)
    grammar = read_text(_GRAMMAR)
    # Whenever interegular is importable, Lark checks every pair of regex terminals for overlaps
    # on each build without a cache: 15 s for this grammar's CJK alphabet. That check belongs in
    # the test suite (strict=True, tests/test_values.py), not in a lint run.
    checking = getattr(lark.lexer, "has_interegular", False)
    lark.lexer.has_interegular = False
    try:
        if cache is not None:
            try:
                return Lark(grammar, cache=str(cache), **options)
            except Exception:  # noqa: BLE001 — a broken cache file must never stop a lint run
                pass
        return Lark(grammar, **options)
    finally:
        lark.lexer.has_interegular = checking


def read(text: str) -> dict:
    """Constraint fields (without `input`) for a normalised value; ReadError when it does not parse."""
    global _parser, _syntax_errors
    if _parser is None:
        from lark.exceptions import UnexpectedInput

        _parser, _syntax_errors = build(cache_file()), UnexpectedInput
    try:
        return _parser.parse(text)
    except _syntax_errors as error:
        raise ReadError("unreadable", pos=_position(error, text)) from None


def _position(error: Any, text: str) -> int:
    token = getattr(error, "token", None)
    if token is not None:
        return len(text) if token.type == "$END" else token.start_pos
    pos = getattr(error, "pos_in_stream", None)
    return len(text) if pos is None else pos
