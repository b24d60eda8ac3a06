import re

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.rules._shared import text

# A year written as 2025年 / 2025年度, not inside a document number's brackets, not a baseline
# (较2025年, 比2025年, 2025年实际 …) and not part of a span (2024-2026年).
_YEAR = re.compile(r"(?<![〔\[［【(（\d\-—~～至])(?P<year>(?:19|20)\d{2})(?=\s*年)(?!\s*年(?:度)?(?:实际|水平|基数|同期))")
_BASELINE_BEFORE = ("较", "比", "与", "同", "对比", "相比")


def _other_years(value: str, year: int):
    for match in _YEAR.finditer(value):
        before = value[max(0, match.start() - 2):match.start()]
        if int(match["year"]) != year and not before.endswith(_BASELINE_BEFORE):
            yield match["year"]


class StaleYear(Rule):
    code = "PF308"
    slug = "stale-year"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("项目内容写的是另一个年份（疑为沿用旧文本）", "A project names another year (a stale copy?)")
    messages = {
        "default": Text("{field}中出现“{found}年”，而预算年度为 {year} 年；疑为沿用往年文本",
                        "The {field_en} names {found}, but the budget year is {year}: copied from an earlier year?"),
    }
    doc = RuleDoc(
        what=Text("本年度预算项目的名称、资金用途、年度目标或指标名称、描述中出现了预算年度以外的年份。"
                  "文号中的年份、对比基线（较2025年）、中期目标和项目期不检查。",
                  "A project of this year's budget names another year in its name, uses, annual goals or an "
                  "indicator's name or description. Years in document numbers, baselines (较2025年), midterm "
                  "goals and the period are not checked."),
        why=Text("照搬上年的项目文本是常见问题：年份没改，说明目标和指标很可能也没有按本年度重新测算。",
                 "Copying last year's text is common: if the year was not updated, the targets probably were not "
                 "re-estimated either."),
        source="年度目标为当年预计实现的产出和效果（绩效目标填报说明）",
    )

    _FIELDS = {
        "name": ("项目名称", "project name"),
        "uses": ("资金用途", "fund uses"),
        "goals": ("年度绩效目标", "annual goal"),
        "indicators/name": ("三级指标名称", "indicator name"),
        "indicators/description": ("指标描述", "indicator description"),
    }

    def _fields(self, project):
        yield "name", project.at("name"), project.name
        yield "uses", project.at("uses"), project.uses
        for index, goal in enumerate(project.goals):
            yield "goals", f"{project.at('goals')}/{index}", goal
        for indicator in project.indicators:
            yield "indicators/name", indicator.at("name"), indicator.name
            yield "indicators/description", indicator.at("description"), indicator.description

    def check(self, document, context):
        for project in document.projects:
            for field, pointer, value in self._fields(project):
                for found in dict.fromkeys(_other_years(text(value), document.year)):
                    zh, en = self._FIELDS[field]
                    yield self.hit(pointer, field=zh, field_en=en, found=found, year=document.year)
