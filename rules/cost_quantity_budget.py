from bisect import bisect_left
from decimal import Decimal

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import budget_in_yuan, in_money_unit, is_cost, money_unit, percent, plain, text
from perflint.values.units import lookup


# A cost per month or per year of a one-year budget: how many of them the year holds.
_PERIODS = {"月": 12, "年": 1}


def _unit_costs(project):
    """Cost rows priced per one thing: (indicator, number, unit, the thing, periods in the year) for 元/人,
    万元/亩 …, and 元/人·月 (per person and month: twelve months in the budget)."""
    for indicator in project.indicators:
        constraint = indicator.constraint
        unit = money_unit(constraint.unit)
        if not (is_cost(indicator) and constraint.kind == "quantity" and unit):
            continue
        counted = [p for p in unit.per if p not in _PERIODS]
        periods = [p for p in unit.per if p in _PERIODS]
        if len(counted) == 1 and len(periods) <= 1:
            yield indicator, constraint.number, unit, counted[0], _PERIODS[periods[0]] if periods else 1


class _Quantities:
    """A project's output counts by the unit they are measured in (人, also 万人), sorted by amount, so
    that the one closest to a wanted amount is found by bisection: linear in the document overall."""

    def __init__(self, project):
        by_base: dict[str, list] = {}
        for indicator in project.indicators:
            constraint = indicator.constraint
            unit = lookup(constraint.unit) if constraint.unit else None
            if (constraint.kind == "quantity" and unit is not None and not unit.per
                    and text(indicator.level1).startswith("产出") and not is_cost(indicator)):
                by_base.setdefault(unit.base, []).append((constraint.number * unit.scale, indicator, unit))
        self._by_base = {base: sorted(rows, key=lambda row: row[0]) for base, rows in by_base.items()}
        self._amounts = {base: [row[0] for row in rows] for base, rows in self._by_base.items()}

    def closest(self, per: str, wanted: Decimal):
        """(amount, row, unit) of the count in `per` nearest to `wanted`, or None."""
        amounts = self._amounts.get(per)
        if not amounts:
            return None
        at = bisect_left(amounts, wanted)
        near = [i for i in (at - 1, at) if 0 <= i < len(amounts)]
        return self._by_base[per][min(near, key=lambda i: abs(amounts[i] - wanted))]


def _parts_add_up(quantities: _Quantities, costs, budget: Decimal, tolerance: Decimal) -> bool:
    """Several unit costs of the same thing are parts of one price (补贴 1130元/人·月 and 提标补差 143元/人·月):
    whether their sum times a quantity gives the budget."""
    pers = {(per, periods) for *_, per, periods in costs}
    if len(costs) < 2 or len(pers) != 1:
        return False
    (per, periods), = pers
    price = sum((number * unit.scale for _, number, unit, *_ in costs), Decimal(0)) * periods
    found = quantities.closest(per, budget / price) if price else None
    return found is not None and abs(found[0] * price - budget) <= budget * tolerance


class CostQuantityBudget(Rule):
    code = "PF304"
    slug = "cost-quantity-budget-mismatch"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("数量 × 单位成本与预算数不符", "Quantity × unit cost contradicts the budget")
    options = {
        "tolerance": Option(Decimal("0.05"), Text("允许的相对偏差（0.05 即 5%）",
                                                  "Allowed relative difference (0.05 is 5%)")),
    }
    messages = {
        "default": Text("{quantity_name} {quantity} × {cost_name} {cost} = {product}，与预算数 {budget}相差 {diff}"
                        "（{share}%，数量见{related}）",
                        "{quantity_name} {quantity} × {cost_name} {cost} = {product}, which differs from the budget "
                        "{budget} by {diff} ({share}%; the quantity is on {related})"),
        "periodic": Text("{quantity_name} {quantity} × {cost_name} {cost} × {periods} 个月 = {product}，与预算数 {budget}"
                         "相差 {diff}（{share}%，数量见{related}）",
                         "{quantity_name} {quantity} × {cost_name} {cost} × {periods} months = {product}, which "
                         "differs from the budget {budget} by {diff} ({share}%; the quantity is on {related})"),
    }
    doc = RuleDoc(
        what=Text("数量指标（如 ≥52人）乘以按同一计量单位计价的成本指标（如 ≤2.27万元/人；按月计价的如 1130元/人·月 再乘 12 个月），"
                  "与项目预算数的偏差超过容差。同一对象有几项单位成本（补贴和提标补差）且合计与预算相符时视为一个价格的组成部分。",
                  "A quantity indicator (≥52人) times a cost indicator priced per the same unit (≤2.27万元/人; a "
                  "monthly price such as 1130元/人·月 times twelve months) differs from the project budget by more "
                  "than the tolerance. Several unit costs of the same thing are taken as parts of one price when "
                  "their sum fits the budget."),
        why=Text("绩效目标应与预算资金相匹配：数量和单位成本若与预算对不上，要么目标定低了，要么资金测算有误。",
                 "Targets must match the money: if quantity × unit cost does not give the budget, either the "
                 "targets are set too low or the budget was costed wrongly."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“相应匹配”（与预算确定的投资额或资金量相匹配）、绩效目标审核“适当性”",
    )

    def check(self, document, context):
        tolerance = context.options["tolerance"]
        for project in document.projects:
            budget = budget_in_yuan(project)
            if not budget:
                continue
            costs = list(_unit_costs(project))
            if not costs:
                continue
            quantities = _Quantities(project)
            if _parts_add_up(quantities, costs, budget, tolerance):
                continue
            for cost, cost_number, cost_unit, per, periods in costs:
                price = cost_number * cost_unit.scale * periods
                found = quantities.closest(per, budget / price) if price else None
                if found is None:
                    continue
                amount, quantity, q_unit = found
                product = amount * price
                diff = abs(product - budget)
                q_number = amount / q_unit.scale
                if diff > budget * tolerance:
                    yield self.hit(
                        cost.at("value"), "periodic" if periods > 1 else "default", related=quantity.at("value"),
                        periods=periods,
                        quantity_name=text(quantity.name), quantity=f"{plain(q_number)} {q_unit.name}",
                        cost_name=text(cost.name), cost=f"{plain(cost_number)} {cost_unit.name}",
                        product=in_money_unit(product, project), budget=in_money_unit(budget, project),
                        diff=in_money_unit(diff, project), share=percent(diff, budget),
                    )
