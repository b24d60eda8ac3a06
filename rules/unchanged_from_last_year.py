from collections import Counter

from perflint.analysis.digest import normalised

from perflint.engine.round_rule import YearsRule
from perflint.engine.rule import Category, Option, RuleDoc, Text
from perflint.findings import Severity


def _table(project: dict) -> Counter:
    """The rows' names and targets, years aside (a deadline moved to this year is no update of the target)."""
    return Counter((row["key"], normalised(row["value"])) for row in project["rows"])


class UnchangedFromLastYear(YearsRule):
    code = "PF343"
    slug = "unchanged-from-last-year"
    category = Category.RELEVANCE
    severity = Severity.INFO
    summary = Text("绩效目标或指标表与上年完全相同", "A goal or indicator table is the same as last year's")
    options = {
        "min_chars": Option(10, Text("目标至少多少字（不计空格和标点）才比较", "The fewest characters (without spaces and "
                                     "punctuation) of a goal to compare")),
        "min_rows": Option(3, Text("指标表至少几行才比较", "The fewest rows of an indicator table to compare")),
    }
    messages = {
        "default": Text("项目“{project}”的年度绩效目标与上年完全相同（上年见 {last_place}，不计年份）；"
                        "请按本年度的任务和预算更新目标",
                        "The annual goal of project {project!r} is the same as last year's ({last_place}; years "
                        "aside); update it to this year's tasks and budget"),
        "table": Text("项目“{project}”的 {rows} 个指标及其目标值与上年逐一相同（上年见 {last_place}）；"
                      "请按本年度的任务和预算更新指标值",
                      "The {rows} indicators of project {project!r} and their targets are those of last year one by "
                      "one ({last_place}); update the targets to this year's tasks and budget"),
        "overall": Text("部门总体绩效目标与上年完全相同（上年见 {last_place}，不计年份）；请按本年度的任务更新",
                        "The department's overall goal is the same as last year's ({last_place}; years aside); "
                        "update it to this year's tasks"),
    }
    doc = RuleDoc(
        what=Text("perflint compare 中，本年度项目的年度绩效目标（不计空格、标点和年份）与上年度同一项目的相同，或整张指标表"
                  "（至少 3 行）的指标名称和指标值与上年逐一相同（时限只改了年份的也算相同）；部门总体绩效目标与上年相同的也提示。",
                  "In perflint compare, this year's annual goal of a project is the same as last year's (ignoring "
                  "spaces, punctuation and years), or the whole indicator table (3 rows or more) has last year's names "
                  "and targets one by one (a deadline with only its year changed counts as the same); the department's "
                  "overall goal the same as last year's is reported too."),
        why=Text("年度目标应反映本年度的任务和预算；与上年一字不差，多是沿用旧文本没有更新。延续性工作目标相同也可能合理，"
                 "所以只作提示。",
                 "An annual goal reflects this year's tasks and budget; one identical to last year's was mostly "
                 "carried over without being updated. Steady work may rightly keep its targets, hence only a hint."),
        source="实务：审核惯例（沿用上年文本未更新）",
    )

    def check_pair(self, pair, context):
        options = context.options
        this, last = pair.this, pair.last
        goal, last_goal = this["goal"], last["goal"]
        if goal and last_goal and goal["key"] == last_goal["key"] and goal["len"] >= options["min_chars"]:
            yield self.hit(goal["at"], project=this["name"], last_place=pair.last_place(last_goal["at"]))
        if len(this["rows"]) >= options["min_rows"] and _table(this) == _table(last):
            yield self.hit(this["table"], "table", project=this["name"], rows=len(this["rows"]),
                           last_place=pair.last_place(last["table"]))

    def check_overall(self, pair, context):
        this, last = pair.this_doc["overall"], pair.last_doc.get("overall")
        if last and this["key"] == last["key"] and this["len"] >= context.options["min_chars"]:
            yield self.hit(this["at"], "overall", last_place=pair.last_place(last["at"]))
