from perflint.analysis.reading import budget_in_yuan, in_money_unit, is_cost, money_unit, text
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity

# Within this share of the budget an amount is the budget again (rounding, 万元 to two decimals).
_SAME = 100


def _amount_in_yuan(indicator, project):
    """The row's amount in 元: with its money unit, or a bare number taken in the document's 金额单位."""
    constraint = indicator.constraint
    if constraint.number is None:
        return None
    unit = money_unit(constraint.unit) if constraint.unit else money_unit(project.money_unit)
    if unit is None or unit.per:
        return None
    return constraint.number * unit.scale


class CostRepeatsBudget(Rule):
    code = "PF335"
    slug = "cost-repeats-budget"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("成本指标只是重复预算总额", "The cost indicator only repeats the budget total")
    messages = {
        "default": Text("项目“{project}”的成本指标只有“{name}”（{value}），就是预算数 {budget}，没有反映单位成本或成本构成；"
                        "请按产出写明单位成本（如 每户物业服务成本 ≤X元/户·年）或主要成本项目",
                        "The only cost indicator of project {project!r} is {name!r} ({value}), the budget of {budget} "
                        "again; it shows neither unit costs nor what the money is made of — give the unit cost per "
                        "output (≤X元/户·年) or the main cost items"),
    }
    doc = RuleDoc(
        what=Text("项目的成本指标只有一个总额，且等于预算数（单位换算后，相差不到 1%），没有单位成本，也没有分项成本"
                  "（如 项目总成本 ≤1125万元，预算数 1125 万元）。没有写单位的数字按文档的金额单位理解。",
                  "A project's only cost figure is a total equal to its budget (within 1%, units converted), with no "
                  "unit cost and no cost items (项目总成本 ≤1125万元 on a budget of 1,125万元). A bare number is read "
                  "in the document's money unit."),
        why=Text("成本指标反映提供产出的单位成本或总成本的构成，用来判断资金与产出是否匹配；把预算总额再写一遍，"
                 "等于没有成本目标，也无法发现单价偏高。",
                 "Cost indicators show what each output costs or what the total is made of, so that money and "
                 "outputs can be matched; restating the budget sets no cost target and hides an excessive unit cost."),
        source="财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）：成本指标（含经济成本指标）；实务：审核惯例（成本指标只写预算总额的，视为没有设定成本指标）",
    )

    def check(self, document, context):
        for project in document.projects:
            budget = budget_in_yuan(project)
            costs = [i for i in project.indicators if is_cost(i)]
            if not budget or not costs:
                continue
            amounts = [(i, _amount_in_yuan(i, project)) for i in costs]
            if any(amount is None for _, amount in amounts):
                continue  # a unit cost, a rate or a text: some other cost target is there
            if all(abs(amount - budget) * _SAME <= budget for _, amount in amounts):
                first = amounts[0][0]
                yield self.hit(first.at("value"), project=project.name, name=text(first.name),
                               value=text(first.value), budget=in_money_unit(budget, project))
