"""Character normalisation of one 指标值 cell before the vocabulary and the grammar see it.

An explicit table rather than NFKC: NFKC turns ㎡ into "m2" and ² into "2" (a digit the grammar
would read as a number) and leaves ≧ ≦ ═ ⩾ untouched. Conversion debris from PDF, Word, web and
LaTeX exports (tags, entities, \\geq, quotes, footnote marks, line breaks) is removed here too.
"""

from __future__ import annotations

import html
import re


def _char_table() -> dict[int, object]:
    table: dict[int, object] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
    singles = {
        "≧⩾≮": "≥",
        "≦⩽≯": "≤",
        "═﹦": "=",
        "﹥": ">",
        "﹤": "<",
        "≒≃≅": "≈",
        "〜∼": "~",
        "—–―‐‑‒−﹣": "-",
        "•・‧∙⋅": "·",
        "﹪": "%",
        "∶": ":",
        "\t\n\r\v\f\u00a0\u3000\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\x85": " ",
    }
    for chars, target in singles.items():
        for ch in chars:
            table[ord(ch)] = target
    dropped = "“”‘’\"'「」『』\uff02\uff07\u200b\u200c\u200d\u2060\ufeff\x7f"
    dropped += "".join(chr(cp) for cp in range(0x20) if chr(cp) not in "\t\n\r\v\f")
    for ch in dropped:
        table[ord(ch)] = None
    return table


_CHARS = _char_table()

_SUP = re.compile(r"<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>")

_LATEX = re.compile(
    r"\\(?:mathbf|textbf|text|mathrm|mathit|mathbb|operatorname|boldsymbol|mbox|rm|bf|left|right)(?![A-Za-z])"
    r"|\\(geqslant|geqq|geq|ge|leqslant|leqq|leq|le|gt|lt|sim|approx|pm|times|cdot|circ)(?![A-Za-z])"
    r"|\\([%(){}\[\]])"
    r"|(\\(?:quad|qquad|[,;! ]))"
    r"|[${}]"
)
_LATEX_WORDS = {
    "geqslant": "≥", "geqq": "≥", "geq": "≥", "ge": "≥", "leqslant": "≤", "leqq": "≤", "leq": "≤", "le": "≤",
    "gt": ">", "lt": "<", "sim": "~", "approx": "≈", "pm": "±", "times": "×", "cdot": "·", "circ": "°",
}
# Escaped delimiters \( \) \[ \] wrap math; an escaped % or brace is the character itself.
_LATEX_ESCAPES = {"%": "%", "{": "", "}": "", "(": "", ")": "", "[": "", "]": ""}

# Thousands groups only (2,000 / 2 000 / 2，000): "9 5" from PDF letter-spacing is a different case.
_THOUSANDS = re.compile(r"(?<![\d.])\d{1,3}(?:[ ,]\d{3})+(?![\d])")
# Every digit on its own: a letter-spaced number from a PDF (≥ 9 5 %).
_SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?: \d)+(?![\d.])")
# A space survives only between two digits, where it separates two numbers.
_SPACES = re.compile(r"(?<!\d) +| +(?!\d)")

_DIGRAPHS = re.compile(r">=|=>|≥=|=≥|≥≥|<=|=<|≤=|=≤|≤≤|==|/每|\+/-|\+-|百分比|\^2|\^3|(?<=[\u4e00-\u9fff]):|^:")
_DIGRAPH_MAP = {
    ">=": "≥", "=>": "≥", "≥=": "≥", "=≥": "≥", "≥≥": "≥", "<=": "≤", "=<": "≤", "≤=": "≤", "=≤": "≤",
    "≤≤": "≤", "==": "=", "/每": "/",
    "+/-": "±", "+-": "±", "百分比": "%", "^2": "²", "^3": "³",
    ":": "",  # after a word (达:98%, 满意度:≥95%); 1:1 keeps its colon
}
# m2, km3 and the capitalised M2, KM3 (kept as written by the reader, for the unit rules).
_SQUARE_METRE = re.compile(r"(?<![A-Za-z])([kK]?[mM])([23])(?!\d)")
# 7x24, 7*24 between two digits: the times sign of a service window (7×24小时), not a placeholder.
_TIMES = re.compile(r"(?<=\d)[xX*](?=\d)")
_DASH_RUN = re.compile(r"(?<=[\d年月日])-{2,}(?=\d)")  # 2020年1月--2020年11月, 1--3
# Footnote marks after a value (≥95%*, ≥95%[1]) and trailing punctuation (。；).
_TAIL = re.compile(r"(?:[。;,、.!?]|(?<=[\w%‰)])(?:\[\d{1,2}\]|\*{1,3}))+$")


def _latex(match: re.Match) -> str:
    word, escaped, spacing = match.groups()
    if word:
        return _LATEX_WORDS[word]
    if escaped:
        return _LATEX_ESCAPES[escaped]
    return " " if spacing else ""


def normalize(text: str) -> str:
    """The canonical spelling of a cell; "" for a blank one."""
    if "<" in text and ">" in text:
        text = _SUP.sub(lambda m: {"2": "²", "3": "³"}.get(m.group(1), ""), text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\\" in text or "$" in text:
        text = _LATEX.sub(_latex, text)
    text = text.translate(_CHARS)
    if " " in text:
        text = _THOUSANDS.sub(lambda m: re.sub("[ ,]", "", m.group(0)), text)
        text = _SPACED_DIGITS.sub(lambda m: m.group(0).replace(" ", ""), text)
        text = _SPACES.sub("", text)
    elif "," in text:
        text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
    text = _DIGRAPHS.sub(lambda m: _DIGRAPH_MAP[m.group(0)], text)
    if "x" in text or "X" in text or "*" in text:
        text = _TIMES.sub("×", text)
    if "m" in text or "M" in text:
        text = _SQUARE_METRE.sub(lambda m: m.group(1) + ("²" if m.group(2) == "2" else "³"), text)
    if "--" in text:
        text = _DASH_RUN.sub("-", text)
    return _TAIL.sub("", text)
