from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import table_owners, text
from perflint.analysis.structure import compact

# How many names the message quotes; the count covers the rest.
_QUOTED = 4


class NameEqualsDescription(Rule):
    code = "PF320"
    slug = "name-equals-description"
    category = Category.RELEVANCE
    severity = Severity.INFO
    summary = Text("绩效指标描述只是重复三级指标名称", "The indicator description merely repeats its name")
    messages = {
        "default": Text("项目“{project}”有 {count} 项指标的绩效指标描述与三级指标名称完全相同（{names}）；"
                        "描述应写明统计什么、怎样计算（如 宣传品制作完成率 = 已制作份数 ÷ 计划份数 × 100%），"
                        "以便自评时按同一口径取数",
                        "In project {project!r}, {count} indicators have a description identical to their name "
                        "({names}); a description should say what is counted and how it is computed (e.g. completed "
                        "copies ÷ planned copies × 100%) so that self-evaluation measures it the same way"),
    }
    doc = RuleDoc(
        what=Text("三级指标的“绩效指标描述”或“指标解释”与“三级指标”名称相同（忽略空格和标点）。每个项目报告一次，"
                  "位置是第一处相同的描述，消息中列出全部相同的指标及其数量。",
                  "An indicator's description (绩效指标描述) or note (指标解释) is the same text as its "
                  "third-level name (ignoring spaces and punctuation). Reported once per project, at the first such description, with the "
                  "count and names of all of them."),
        why=Text("描述栏用来界定指标的统计口径、计算方法和数据来源；照抄名称等于没有填写，自评和评价时对同一指标可能按不同口径取数。",
                 "The description defines what is counted, how it is computed and where the data come from; a "
                 "copy of the name defines nothing, and the same indicator may later be measured in different ways."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“指向明确”“细化量化”；实务：地方项目支出绩效目标申报表的“指标解释（指标描述）”栏（界定统计口径）",
    )

    def check(self, document, context):
        for project in table_owners(document):
            # Forms without a description column explain the indicator in its note (指标解释).
            same = [(i, field) for i in (*project.indicators, *project.midterm_indicators)
                    for field in ("description", "note")
                    if compact(i.name) and compact(i.name) == compact(getattr(i, field))]
            if same:
                quoted = [text(i.name) for i, _ in same[:_QUOTED]]
                more = len(same) > _QUOTED
                names = Text("、".join(f"“{n}”" for n in quoted) + ("等" if more else ""),
                             ", ".join(repr(n) for n in quoted) + (", …" if more else ""))
                first, field = same[0]
                yield self.hit(first.at(field), project=project.name, count=len(same), names=names)
