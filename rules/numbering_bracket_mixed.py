import re

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity

# A section number in brackets: （一） (一) （1） (1). Inside a text only Chinese numerals count,
# since (2024) or (1) there may well be something else.
_LEADING = re.compile(r"^\s*(?P<mark>(?P<open>[（(])\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*(?P<close>[）)]))")
_INLINE = re.compile(r"(?P<mark>(?P<open>[（(])\s*[一二三四五六七八九十]+\s*(?P<close>[）)]))")

FULL = Text("全角", "full-width")
HALF = Text("半角", "half-width")


def _width(match: re.Match):
    """FULL, HALF, or None for a number whose two brackets differ: （一)."""
    full = (match["open"] == "（", match["close"] == "）")
    if all(full):
        return FULL
    return HALF if not any(full) else None


def _lists(document):
    """(JSON Pointer, text) of each list whose items may be numbered (一)(二)…"""
    overall = document.overall
    if overall is not None:
        for field in ("title", "goal", "indicators"):
            yield [(t.at(field), getattr(t, field)) for t in overall.targets]
        for field in ("title", "text"):
            yield [(m.at(field), getattr(m, field)) for m in overall.measures]
    for project in document.projects:
        for field in ("goals", "midterm_goals"):
            yield [(f"{project.at(field)}/{i}", goal) for i, goal in enumerate(getattr(project, field))]


class NumberingBracketMixed(Rule):
    code = "PF521"
    slug = "numbering-bracket-mixed"
    category = Category.FORMAT
    severity = Severity.INFO
    summary = Text("同一列表的序号混用全角和半角括号", "Section numbers of one list mix full- and half-width brackets")
    messages = {
        "default": Text("序号“{mark}”用的是{width}括号，而同一列表的“{first}”（见{related}）用的是{other}括号；"
                        "同一层次的序号应写法一致，公文中写作全角“（一）”",
                        "Section number {mark!r} uses {width} brackets, but {first!r} in the same list ("
                        "{related}) uses {other} ones; numbers of one level are written alike, full-width （一） "
                        "in official documents"),
        "pair": Text("序号“{mark}”的左右括号一个全角一个半角；请写作“{fixed}”",
                     "Section number {mark!r} has one full-width and one half-width bracket; write {fixed!r}"),
        "inline": Text("这段文字中的序号“{first}”和“{mark}”分别用了{other}和{width}括号；同一层次的序号应写法一致，"
                       "公文中写作全角“（一）”",
                       "This text numbers its parts with {first!r} ({other}) and {mark!r} ({width}); numbers of one "
                       "level are written alike, full-width （一） in official documents"),
    }
    doc = RuleDoc(
        what=Text("分项绩效目标、工作保障措施、项目绩效目标等列表中，以“（一）”“(二)”开头的各项，序号括号有的全角"
                  "有的半角；一段文字内部的“（一）…(二)…”同样检查；一个序号左右括号宽度不同也报告。",
                  "In the lists of sub-targets, measures and project goals, items starting with a bracketed number "
                  "(（一）, (二)) mix full- and half-width brackets; numbers inside one text (（一）…(二)…) are "
                  "checked alike, and a number whose two brackets differ in width is reported."),
        why=Text("公文结构层次序数依次用“一、”“（一）”“1.”“（1）”，同一层次应写法一致；混用说明文本由不同来源"
                 "拼接而未统一校对。",
                 "Official documents number their levels 一、 （一） 1. （1）, each level alike; mixed brackets show "
                 "a text pasted together from several sources without a final proofreading."),
        source="国家标准 GB/T 9704-2012《党政机关公文格式》正文的结构层次序数（依次用“一、”“（一）”“1.”“（1）”）",
    )

    def check(self, document, context):
        for items in _lists(document):
            first = None
            for pointer, value in items:
                match = _LEADING.match(value or "")
                if match is None:
                    continue
                width = _width(match)
                if width is None:
                    yield self.hit(pointer, "pair", mark=match["mark"], fixed=f"（{match['mark'][1:-1].strip()}）")
                elif first is None:
                    first = (pointer, match["mark"], width)
                elif width is not first[2]:
                    yield self.hit(pointer, related=first[0], mark=match["mark"], width=width, first=first[1],
                                   other=first[2])
            for pointer, value in items:
                yield from self._inline(pointer, value or "")

    def _inline(self, pointer, value):
        first = None
        for match in _INLINE.finditer(value):
            width = _width(match)
            if width is None:
                continue
            if first is None:
                first = (match["mark"], width)
            elif width is not first[1]:
                yield self.hit(pointer, "inline", mark=match["mark"], width=width, first=first[0], other=first[1])
                return
