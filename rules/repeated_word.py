import re
from functools import lru_cache

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.commitments import lexicon
from perflint.analysis.reading import indicators, strings, text

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Longest repeated unit looked for: 社区矫正社区矫正.
_LONGEST = 4
# Characters of context shown on each side of the repeat, within its clause.
_CONTEXT = 12
# A Latin full stop between two Chinese characters of a name (重.要设备): a slip, not a decimal point.
_STRAY = re.compile(r"(?<=[\u4e00-\u9fff])(\.)(?=[\u4e00-\u9fff])")
# What a 计算符号 / 指标性质 column holds, typed onto the end of a name (提升工作效率定性).
_COLUMN_WORDS = ("定性", "定量")
_PUNCTUATION = re.compile(r"[，。；、：！？,;:!?\s“”《》（）()]")


@lru_cache(maxsize=1)
def _words():
    words = lexicon()["repeated_words"]
    return frozenset(words["doubled_chars"]), tuple(words["allowed"]), tuple(words["counting_prefixes"])


def _allowed(value: str, start: int, end: int, allowed: tuple[str, ...]) -> bool:
    """Whether an allowed text (的的确确, 一对一对接 …) covers the repeat at value[start:end]."""
    for word in allowed:
        # Only an occurrence starting between end - len(word) and start can cover it (find's bounds
        # hold the whole occurrence, hence start + len(word)).
        lo, hi = max(0, end - len(word)), start + len(word)
        first = value.find(word, lo, hi)
        while first != -1:
            if first + len(word) >= end:
                return True
            first = value.find(word, first + 1, hi)
    return False


# Any run of one to four Chinese characters written twice: most texts have none, so the careful
# scan below runs only on those that do.
_ANY_DOUBLE = re.compile(r"([\u4e00-\u9fff]{1,4})\1")


def repeats(value: str):
    """(start, word) of each word written twice in a row by mistake: 意见意见 → (i, 意见)."""
    if not _ANY_DOUBLE.search(value):
        return
    doubled, allowed, counting = _words()
    for run in _CJK_RUN.finditer(value):
        chars, base, i = run.group(), run.start(), 0
        while i < len(chars) - 1:
            for size in range(min(_LONGEST, (len(chars) - i) // 2), 0, -1):
                word = chars[i:i + size]
                if chars[i + size:i + 2 * size] != word:
                    continue
                if size == 1 and word not in doubled:
                    continue
                if word.startswith(counting) or _allowed(value, base + i, base + i + 2 * size, allowed):
                    continue
                yield base + i, word
                i += 2 * size - 1
                break
            i += 1


class RepeatedWord(Rule):
    code = "PF520"
    slug = "repeated-word"
    category = Category.FORMAT
    severity = Severity.WARNING
    summary = Text("文字重复（如“意见意见”）", "A word is written twice in a row (意见意见)")
    messages = {
        "default": Text("“{context}”中“{word}”连写了两次，疑为笔误；请删去一个“{word}”",
                        "{word!r} is written twice in a row in {context!r}, apparently by mistake; delete one"),
        "stray": Text("指标名称“{name}”中夹着“{mark}”，疑为笔误；请删去", "The indicator name {name!r} has a stray "
                      "{mark!r} inside a word, apparently by mistake; delete it"),
        "column_word": Text("指标名称“{name}”末尾的“{word}”是计算符号栏的内容，误填进了名称；请删去",
                            "The indicator name {name!r} ends in {word!r}, which belongs in the comparator column; "
                            "delete it from the name"),
    }
    doc = RuleDoc(
        what=Text("文本中同一个词（2 至 4 个字）紧接着重复出现，如“提出…的意见意见”；以及“的的”“和和”之类"
                  "虚词的重复。正常的叠词（常常、人人、天天、一一、个个、一个一个、研究研究、一对一对接 …）"
                  "不报告，实词单字的重叠（职工工资、司法所所长）也不检查。指标名称中夹在两个汉字之间的英文句点（重.要设备），"
                  "以及名称末尾误填的“定性”“定量”（计算符号栏的内容）也一并报告。",
                  "A word of 2 to 4 characters written twice in a row (提出…的意见意见), or a doubled function "
                  "character (的的, 和和). Legitimate reduplication (常常, 人人, 天天, 一一, 个个, 一个一个, 研究研究, "
                  "一对一对接 …) is not reported, and doubled content characters (职工工资, 司法所所长) are not checked. "
                  "A Latin full stop between two Chinese characters of an indicator name (重.要设备) and 定性 or 定量 "
                  "typed onto the end of a name (the comparator column's content) are reported too."),
        why=Text("公开的预算绩效文本是政府信息，文字错漏影响严肃性，也说明文本没有经过认真审核。",
                 "The published performance text is public information: slips undermine it and show the text was "
                 "not carefully reviewed."),
        source="中共中央办公厅 国务院办公厅《党政机关公文处理工作条例》（中办发〔2012〕14号）公文审核重点（四）：文字、数字、计量单位和标点符号等用法规范",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            stray = _STRAY.search(name)
            if stray:
                yield self.hit(indicator.at("name"), "stray", name=name, mark=stray.group(1))
            word = next((w for w in _COLUMN_WORDS if name.endswith(w) and len(name) > len(w) + 1), None)
            if word:
                yield self.hit(indicator.at("name"), "column_word", name=name, word=word)
        for pointer, value in strings(document):
            for start, word in repeats(value):
                end = start + 2 * len(word)
                left = max(0, start - _CONTEXT)
                left = max([left] + [m.end() for m in _PUNCTUATION.finditer(value, left, start)])
                right = next((m.start() for m in _PUNCTUATION.finditer(value, end, end + _CONTEXT)), end + _CONTEXT)
                shown = value[left:right].strip()
                yield self.hit(pointer, word=word, context=shown)
