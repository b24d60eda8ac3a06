from decimal import Decimal

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import budget_in_yuan, in_money_unit, is_cost, money_unit, plain, text

# A row named like this is the total itself, not a part to be added to the others.
_TOTAL_WORDS = ("总成本", "总额", "总投资", "合计", "总计", "总费用", "总支出")


def _total_costs(project):
    """Cost rows stated as a total amount (≤10万元), not per unit: (indicator, number, unit, in 元)."""
    for indicator in project.indicators:
        constraint = indicator.constraint
        unit = money_unit(constraint.unit)
        if is_cost(indicator) and unit is not None and not unit.per and constraint.number is not None:
            yield indicator, constraint.number, unit, constraint.number * unit.scale


class CostExceedsBudget(Rule):
    code = "PF305"
    slug = "cost-exceeds-budget"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("成本指标超过项目预算", "A cost indicator exceeds the project budget")
    messages = {
        "default": Text("成本指标“{name}”为 {value}，超过项目预算数 {budget}",
                        "Cost indicator {name!r} is {value}, more than the project budget of {budget}"),
        "sum": Text("各项总成本指标合计 {calculation} = {total}，超过项目预算数 {budget}（预算数见{related}）；"
                    "请核对各项成本或金额单位",
                    "The total-cost indicators add up to {calculation} = {total}, more than the project budget of "
                    "{budget} ({related}); check the costs or their unit"),
    }
    doc = RuleDoc(
        what=Text("以金额表示总成本的成本指标（如 ≤300万元）大于项目的预算数；或几项总成本指标加起来大于预算数"
                  "（其中有一项名为“总成本”“合计”等、本身就是总数时不相加）。按单位成本计的指标（元/人）不在此检查。",
                  "A cost indicator stated as a total amount (≤300万元) is larger than the project's budget, or "
                  "several such indicators add up to more than the budget (not added when one of them is itself "
                  "the total: 总成本, 合计 …). Per-unit costs (元/人) are not checked here."),
        why=Text("项目的成本不可能超过为它安排的全部资金；超出说明金额单位或数字填错。",
                 "A project cannot cost more than all the money it has; the unit or the figure is wrong."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“相应匹配”（与预算确定的投资额或资金量相匹配）；实务：地方申报表填报说明（成本指标为单位成本或总成本）",
    )

    def check(self, document, context):
        for project in document.projects:
            budget = budget_in_yuan(project)
            if budget is None:
                continue
            rows = list(_total_costs(project))
            single = False
            for indicator, number, unit, amount in rows:
                if amount > budget:
                    single = True
                    yield self.hit(indicator.at("value"), name=text(indicator.name),
                                   value=f"{plain(number)} {unit.name}", budget=in_money_unit(budget, project))
            if single or len(rows) < 2 or any(word in text(i.name) for i, *_ in rows for word in _TOTAL_WORDS):
                continue
            summed = sum((amount for *_, amount in rows), Decimal(0))
            if summed > budget:
                yield self.hit(rows[0][0].at("value"), "sum", related=project.budget.at("total"),
                               calculation=" + ".join(f"{plain(n)} {u.name}" for _, n, u, _ in rows),
                               total=in_money_unit(summed, project), budget=in_money_unit(budget, project))
