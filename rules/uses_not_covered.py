from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.commitments import shares_content, split_uses
from perflint.analysis.reading import text


def _delivers(indicator) -> bool:
    """产出 rows (with the 2015 成本 second level under them) and the 2021 成本 first level: what the
    money buys and what it costs. Effects and satisfaction do not show that a use was paid for."""
    level1 = text(indicator.level1)
    return level1.startswith("产出") or level1.startswith("成本")


def _quoted(items) -> Text:
    return Text("".join(f"“{item}”" for item in items), ", ".join(repr(item) for item in items))


class UsesNotCovered(Rule):
    code = "PF332"
    slug = "uses-not-covered"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("资金用途没有对应的产出指标", "A fund use has no output indicator")
    messages = {
        "default": Text("资金用途中的{uncovered}没有对应的产出指标：资金列了 {count} 项用途，产出指标只衡量了{covered}；"
                        "请为每项用途设置至少一项产出指标（如办理件数、服务人次、完成率）",
                        "The fund uses {uncovered} have no output indicator: the money is listed for {count} uses "
                        "and the output indicators measure only {covered}; give each use at least one output "
                        "indicator (cases handled, people served, completion rate)"),
        "none": Text("资金用途中的{uncovered}没有对应的产出指标：资金列了 {count} 项用途，没有一项有产出指标衡量；"
                     "请为每项用途设置至少一项产出指标（如办理件数、服务人次、完成率）",
                     "The fund uses {uncovered} have no output indicator: the money is listed for {count} uses and "
                     "no output indicator measures any of them; give each use at least one output indicator"),
    }
    doc = RuleDoc(
        what=Text("把资金用途按“，、；”拆成各项，逐项查找产出指标（含成本指标）的名称或描述中是否有与之相同的"
                  "内容词（两个字以上，且不是“工作”“服务”“经费”之类的泛用词）；报告没有任何产出指标对应的用途。"
                  "括号里的说明、测算口径（培训标准1000元/人）、期限（培训期限3天）、项目类别（业务类项目）不是用途；"
                  "只有一项且就是项目名称本身的用途不报告。",
                  "Splits the fund uses at ，、； and looks, for each use, for an output (or cost) indicator whose "
                  "name or description shares a content word with it (two characters or more, not a generic word "
                  "such as 工作, 服务, 经费); reports the uses no output indicator covers. Bracketed remarks, "
                  "costing clauses (培训标准1000元/人), terms (培训期限3天) and project categories (业务类项目) are "
                  "not uses; a single use that is the project's own name is not reported."),
        why=Text("绩效指标应与项目支出高度关联：资金安排了几项用途，就应有指标说明每项用途产出了什么；"
                 "只衡量其中一项，其余资金的绩效就无从考核。",
                 "Indicators must be closely tied to what the money is spent on: every use the money is listed "
                 "for needs an indicator of what it produces, or the rest of the money goes unassessed."),
        source="财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）：指标设置“高度关联”（与预算支出内容紧密相关）；"
               "财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标审核“相关性”",
    )

    def check(self, document, context):
        for project in document.projects:
            uses = split_uses(project.uses)
            rows = [f"{text(i.name)} {text(i.description)}" for i in project.indicators if _delivers(i)]
            if not uses or not project.indicators:
                continue
            if len(uses) == 1 and shares_content(uses[0], text(project.name)):
                continue  # the project's own name again (…项目县级配套经费): no breakdown to cover
            covered = [use for use in uses if any(shares_content(use, row) for row in rows)]
            uncovered = [use for use in uses if use not in covered]
            if not uncovered:
                continue
            args = dict(uncovered=_quoted(uncovered), count=len(uses))
            if covered:
                yield self.hit(project.at("uses"), covered=_quoted(covered), **args)
            else:
                yield self.hit(project.at("uses"), "none", **args)
