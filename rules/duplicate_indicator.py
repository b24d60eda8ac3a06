from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text


def _normal(name: str) -> str:
    return "".join(name.split())


class DuplicateIndicator(Rule):
    code = "PF307"
    slug = "duplicate-indicator"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("同一项目中三级指标重复", "The same indicator appears twice in a project")
    messages = {
        "default": Text("三级指标“{name}”与{related}重复", "Indicator {name!r} repeats the one on {related}"),
    }
    doc = RuleDoc(
        what=Text("同一项目的同一组指标（年度或中期）中，两个三级指标名称相同（忽略空格）。",
                  "Two third-level indicators of one project's set (annual or midterm) have the same name "
                  "(spaces ignored)."),
        why=Text("每个指标应衡量不同的方面；重复的指标要么是复制遗留，要么目标值互相矛盾。",
                 "Each indicator measures something distinct; a repeat is a copy left over, or two targets "
                 "contradicting each other."),
        source="实务：审核惯例（同一组指标不重复设置，重复多为复制遗留）",
    )

    def check(self, document, context):
        for project in document.projects:
            for rows in (project.indicators, project.midterm_indicators):
                first = {}
                for indicator in rows:
                    name = _normal(text(indicator.name))
                    if not name:
                        continue
                    if name in first:
                        yield self.hit(indicator.at("name"), related=first[name].at("name"), name=text(indicator.name))
                    else:
                        first[name] = indicator
