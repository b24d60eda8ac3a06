from decimal import Decimal

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import plain


class BudgetSourcesSum(Rule):
    code = "PF301"
    slug = "budget-sources-mismatch"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("预算数不等于财政资金与其他资金之和", "The budget total is not fiscal plus other funds")
    messages = {
        "default": Text("预算数 {total} {unit} ≠ 财政资金 {fiscal} + 其他资金 {other} = {sum} {unit}（相差 {diff} {unit}）",
                        "Budget total {total} {unit} ≠ fiscal {fiscal} + other {other} = {sum} {unit} "
                        "(a difference of {diff} {unit})"),
    }
    doc = RuleDoc(
        what=Text("项目的预算数与“财政资金 + 其他资金”不相等（空白的其他资金按 0 计）。",
                  "A project's budget total differs from fiscal + other funds (a blank 其他资金 counts as 0)."),
        why=Text("资金来源之和必须等于预算总额，这是审核的第一道算术关口；对不上说明数字有误。",
                 "The sources must add up to the total: the first arithmetic a reviewer checks."),
        source="实务：地方申报表填报说明（资金全部为财政资金时，年度资金总额等于财政拨款；资金来源之和等于预算总额）",
    )

    def check(self, document, context):
        for project in document.projects:
            budget = project.budget
            if budget is None or budget.total is None or budget.fiscal is None:
                continue
            other = budget.other if budget.other is not None else Decimal(0)
            total = budget.fiscal + other
            if total != budget.total:
                yield self.hit(budget.at("total"), total=plain(budget.total), fiscal=plain(budget.fiscal),
                               other=plain(other), sum=plain(total), diff=plain(abs(budget.total - total)),
                               unit=project.money_unit)
