from decimal import Decimal

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import budget_in_yuan, in_money_unit, is_cost, money_unit, percent, plain, text
from perflint.values.units import lookup


def _unit_costs(project):
    """Cost rows priced per one thing: (indicator, number, unit) for 元/人, 万元/亩 …"""
    for indicator in project.indicators:
        constraint = indicator.constraint
        unit = money_unit(constraint.unit)
        if is_cost(indicator) and constraint.kind == "quantity" and unit and len(unit.per) == 1:
            yield indicator, constraint.number, unit


def _quantities(project, per):
    """Output counts measured in the unit a cost is priced per (人 for 元/人, also 万人)."""
    for indicator in project.indicators:
        constraint = indicator.constraint
        unit = lookup(constraint.unit) if constraint.unit else None
        if (constraint.kind == "quantity" and unit is not None and not unit.per and unit.base == per
                and text(indicator.level1).startswith("产出") and not is_cost(indicator)):
            yield indicator, constraint.number, unit


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
    }
    doc = RuleDoc(
        what=Text("数量指标（如 ≥52人）乘以按同一计量单位计价的成本指标（如 ≤2.27万元/人），与项目预算数的偏差超过容差。",
                  "A quantity indicator (≥52人) times a cost indicator priced per the same unit (≤2.27万元/人) "
                  "differs from the project budget by more than the tolerance."),
        why=Text("绩效目标应与预算资金相匹配：数量和单位成本若与预算对不上，要么目标定低了，要么资金测算有误。",
                 "Targets must match the money: if quantity × unit cost does not give the budget, either the "
                 "targets are set too low or the budget was costed wrongly."),
        source="财预〔2015〕88号“相应匹配”与适当性审核（绩效目标与预算资金相匹配）",
    )

    def check(self, document, context):
        tolerance = context.options["tolerance"]
        for project in document.projects:
            budget = budget_in_yuan(project)
            if not budget:
                continue
            for cost, cost_number, cost_unit in _unit_costs(project):
                pairs = []
                for quantity, q_number, q_unit in _quantities(project, cost_unit.per[0]):
                    product = q_number * q_unit.scale * cost_number * cost_unit.scale
                    pairs.append((abs(product - budget), product, quantity, q_number, q_unit))
                if not pairs:
                    continue
                diff, product, quantity, q_number, q_unit = min(pairs, key=lambda p: p[0])
                if diff > budget * tolerance:
                    yield self.hit(
                        cost.at("value"), related=quantity.at("value"),
                        quantity_name=text(quantity.name), quantity=f"{plain(q_number)} {q_unit.name}",
                        cost_name=text(cost.name), cost=f"{plain(cost_number)} {cost_unit.name}",
                        product=in_money_unit(product, project), budget=in_money_unit(budget, project),
                        diff=in_money_unit(diff, project), share=percent(diff, budget),
                    )
