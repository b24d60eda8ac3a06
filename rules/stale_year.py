import re
from functools import lru_cache

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.commitments import lexicon
from perflint.analysis.reading import text

# A year written as 2025年 / 2025年度, not inside a document number's brackets and not the second
# year of a span (2024-2026年).
_YEAR = re.compile(r"(?<![〔\[［【(（\d\-—~～至])(?P<year>(?:19|20)\d{2})(?=\s*年)")
_YEAR_WORD = re.compile(r"\s*年度?")
# Titles of cited documents may name any year: 《溧平县2025年…办法》.
_TITLE = re.compile(r"《[^》]*》")
# 2024年至2026年: the first year of a span.
_SPAN = ("至", "到", "-", "—", "~", "～")
# How far after 2025年 a word may show that the earlier year itself is meant (2025年度项目自评).
_WINDOW = re.compile(r"[^，。；、：,;:!?！？\n]{0,8}")


@lru_cache(maxsize=1)
def _context_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = lexicon()["stale_year"]
    return tuple(words["before"]), tuple(words["after"])


def _other_years(value: str, year: int):
    """Years other than the budget year where the current year is meant: not a baseline (较2025年),
    a horizon (到2028年), a span (2024年至2026年) or the earlier year's own figures (2025年实际,
    2025年度部门决算)."""
    before_words, after_words = _context_words()
    value = _TITLE.sub(lambda m: "※" * len(m.group()), value)
    for match in _YEAR.finditer(value):
        if int(match["year"]) == year:
            continue
        before = value[max(0, match.start() - 2):match.start()]
        rest = _YEAR_WORD.match(value, match.end()).end()
        window = _WINDOW.match(value, rest).group()
        if not (before.endswith(before_words) or window.lstrip().startswith(_SPAN)
                or any(word in window for word in after_words)):
            yield match["year"]


class StaleYear(Rule):
    code = "PF308"
    slug = "stale-year"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("本年度文本中写的是另一个年份（疑为沿用旧文本）", "This year's text names another year (a stale copy?)")
    messages = {
        "default": Text("{field}中出现“{found}年”，而预算年度为 {year} 年；疑为沿用往年文本",
                        "The {field} names {found}, but the budget year is {year}: copied from an earlier year?"),
    }
    doc = RuleDoc(
        what=Text("部门整体绩效目标（总体目标、分项目标、工作保障措施）或本年度预算项目的名称、资金用途、年度目标、"
                  "指标名称和描述中，在指当年的地方出现了预算年度以外的年份。文号和书名号中的年份、对比基线"
                  "（较2025年）、期限（到2028年）、年份区间、上年的实际数和决算、自评（2025年实际、2025年度决算），"
                  "以及中期目标和项目期不检查。",
                  "The department's overall goal, sub-targets and measures, or a project's name, uses, annual goals "
                  "or an indicator's name or description, name another year where the current one is meant. Years "
                  "in document numbers and titles, baselines (较2025年), horizons (到2028年), spans of years, the "
                  "earlier year's own figures (2025年实际, 2025年度决算, 自评), midterm goals and the period are not "
                  "checked."),
        why=Text("照搬上年的文本是常见问题：年份没改，说明目标和指标很可能也没有按本年度重新测算。",
                 "Copying last year's text is common: if the year was not updated, the targets probably were not "
                 "re-estimated either."),
        source="实务：审核惯例（沿用上年文本、年份未改的退回修改）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：年度绩效目标是预算资金在一个预算年度内预期达到的产出和效果",
    )

    _FIELDS = {
        "overall/goal": Text("总体绩效目标", "overall goal"),
        "targets": Text("分项绩效目标", "sub-target"),
        "measures": Text("工作保障措施", "work measure"),
        "name": Text("项目名称", "project name"),
        "uses": Text("资金用途", "fund uses"),
        "goals": Text("年度绩效目标", "annual goal"),
        "indicators/name": Text("三级指标名称", "indicator name"),
        "indicators/description": Text("指标描述", "indicator description"),
    }

    def _overall_fields(self, overall):
        yield "overall/goal", overall.at("goal"), overall.goal
        for target in overall.targets:
            for field in ("title", "goal", "indicators"):
                yield "targets", target.at(field), getattr(target, field)
        for measure in overall.measures:
            for field in ("title", "text"):
                yield "measures", measure.at(field), getattr(measure, field)

    def _project_fields(self, project):
        yield "name", project.at("name"), project.name
        yield "uses", project.at("uses"), project.uses
        for index, goal in enumerate(project.goals):
            yield "goals", f"{project.at('goals')}/{index}", goal
        for indicator in project.indicators:
            yield "indicators/name", indicator.at("name"), indicator.name
            yield "indicators/description", indicator.at("description"), indicator.description

    def _fields(self, document):
        if document.overall is not None:
            yield from self._overall_fields(document.overall)
        for project in document.projects:
            yield from self._project_fields(project)

    def check(self, document, context):
        if document.year is None:
            return
        for field, pointer, value in self._fields(document):
            for found in dict.fromkeys(_other_years(text(value), document.year)):
                yield self.hit(pointer, field=self._FIELDS[field], found=found, year=document.year)
