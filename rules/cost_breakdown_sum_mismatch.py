from decimal import Decimal

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import money_unit, plain, text


def _scale(project) -> Decimal:
    """元 per unit of the project's 金额单位, in which amounts and unit prices are written."""
    unit = money_unit(project.money_unit)
    return unit.scale if unit is not None else Decimal(1)


def _money(amount: Decimal, project) -> str:
    return f"{plain(amount)} {project.money_unit}"


class CostBreakdownSumMismatch(Rule):
    code = "PF333"
    slug = "cost-breakdown-sum-mismatch"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("测算明细与预算数或单价 × 数量对不上", "The cost breakdown does not add up")
    options = {
        "tolerance": Option(Decimal("100"), Text("允许的差额，单位为元（默认 100 元，即 0.01 万元的舍入误差）",
                                                 "Allowed difference in 元 (default 100 元, i.e. rounding to 0.01 万元)")),
    }
    messages = {
        "default": Text("测算明细合计 {calculation} = {total}，与预算数 {budget}相差 {diff}（预算数见{related}）；"
                        "请核对各项金额或预算数",
                        "The cost breakdown adds up to {calculation} = {total}, {diff} off the budget of {budget} "
                        "({related}); check the amounts or the budget"),
        "line": Text("测算明细“{item}”：数量 {quantity} × 单价 {price} = {product}，与所列金额 {amount}相差 {diff}；"
                     "请核对数量、单价或金额",
                     "Cost line {item!r}: quantity {quantity} × unit price {price} = {product}, {diff} off its amount "
                     "of {amount}; check the quantity, the price or the amount"),
    }
    doc = RuleDoc(
        what=Text("测算明细（成本构成）各项金额之和不等于项目预算数，或某一行的数量 × 单价不等于该行金额"
                  "（金额、单价按项目的金额单位，差额超过容差时报告）。",
                  "The amounts of the cost breakdown do not add up to the project budget, or a line's quantity × "
                  "unit price is not its amount (amounts and prices in the project's money unit; differences above "
                  "the tolerance are reported)."),
        why=Text("测算明细是预算数的依据：合计与预算数不符，或单价乘数量与金额不符，说明测算有误或预算数没有依据。",
                 "The breakdown is what the budget rests on: if it does not add up, either the costing is wrong "
                 "or the budget figure has no basis."),
        source="实务：地方项目支出绩效目标申报表的“测算明细（成本构成）”栏（用途、金额、数量、单价、测算依据）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）"
               "绩效目标设定要求“相应匹配”（与预算确定的资金量相匹配）",
    )

    def check(self, document, context):
        tolerance = context.options["tolerance"]
        for project in document.projects:
            scale = _scale(project)
            amounts = []
            for line in project.breakdown:
                product = None
                if line.quantity is not None and line.unit_price is not None:
                    product = line.quantity * line.unit_price
                    if line.amount is not None and abs(product - line.amount) * scale > tolerance:
                        yield self.hit(line.at("amount"), "line", item=text(line.item), quantity=plain(line.quantity),
                                       price=_money(line.unit_price, project), product=_money(product, project),
                                       amount=_money(line.amount, project),
                                       diff=_money(abs(product - line.amount), project))
                amounts.append(line.amount if line.amount is not None else product)
            total = project.budget_total
            if not amounts or None in amounts or total is None:
                continue
            summed = sum(amounts, Decimal(0))
            if abs(summed - total) * scale > tolerance:
                yield self.hit(project.at("breakdown"), related=project.budget.at("total"),
                               calculation=" + ".join(plain(a) for a in amounts), total=_money(summed, project),
                               budget=_money(total, project), diff=_money(abs(summed - total), project))
