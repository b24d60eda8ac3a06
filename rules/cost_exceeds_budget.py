from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.rules._shared import budget_in_yuan, in_money_unit, is_cost, money_unit, plain, text


class CostExceedsBudget(Rule):
    code = "PF305"
    slug = "cost-exceeds-budget"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("成本指标超过项目预算", "A cost indicator exceeds the project budget")
    messages = {
        "default": Text("成本指标“{name}”为 {value}，超过项目预算数 {budget}",
                        "Cost indicator {name!r} is {value}, more than the project budget of {budget}"),
    }
    doc = RuleDoc(
        what=Text("以金额表示总成本的成本指标（如 ≤300万元）大于项目的预算数。",
                  "A cost indicator stated as a total amount (≤300万元) is larger than the project's budget."),
        why=Text("项目的成本不可能超过为它安排的全部资金；超出说明金额单位或数字填错。",
                 "A project cannot cost more than all the money it has; the unit or the figure is wrong."),
        source="财预〔2015〕88号“相应匹配”；成本指标为单位成本或总成本（绩效目标申报表填报说明）",
    )

    def check(self, document, context):
        for project in document.projects:
            budget = budget_in_yuan(project)
            if budget is None:
                continue
            for indicator in project.indicators:
                constraint = indicator.constraint
                unit = money_unit(constraint.unit)
                if not is_cost(indicator) or unit is None or unit.per or constraint.number is None:
                    continue
                amount = constraint.number * unit.scale
                if amount > budget:
                    yield self.hit(indicator.at("value"), name=text(indicator.name),
                                   value=f"{plain(constraint.number)} {unit.name}",
                                   budget=in_money_unit(budget, project))
