from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.indicator_terms import cost_without_money, is_percent, is_side_cost
from perflint.analysis.reading import indicators, is_cost, money_unit

_EXAMPLES = "“≤200元/剂”“≤2.27万元/人”“≤10万元”"


class CostNotMoney(Rule):
    code = "PF220"
    slug = "cost-not-money"
    category = Category.APPROPRIATENESS
    severity = Severity.ERROR
    summary = Text("成本指标的指标值不是金额", "A cost indicator's target is not an amount of money")
    messages = {
        "default": Text("成本指标“{name}”的指标值“{value}”不是金额，反映不了成本；请填写单位成本或总成本，如" + _EXAMPLES,
                        "Cost indicator {name!r} has target {value!r}, which is no amount of money and says nothing "
                        "about cost; give a unit or total cost, e.g. ≤200元/剂, ≤2.27万元/人, ≤10万元"),
        "percent": Text("成本指标“{name}”的指标值“{value}”是百分比，不是金额；成本指标应填写单位成本或总成本，如" + _EXAMPLES,
                        "Cost indicator {name!r} has target {value!r}, a percentage, not an amount of money; a cost "
                        "indicator gives a unit or total cost, e.g. ≤200元/剂, ≤2.27万元/人, ≤10万元"),
        "zero": Text("成本指标“{name}”的指标值“{value}”是零，不是可考核的成本；金额小于一个计量单位时请改用元填列",
                     "Cost indicator {name!r} has target {value!r}, which is zero and sets no cost target; when the "
                     "amount is smaller than the unit, write it in 元"),
        "unit": Text("成本指标“{name}”的指标值“{value}”以“{unit}”计量，不是金额；请改为单位成本或总成本，如" + _EXAMPLES
                     + "，数量放到数量指标下",
                     "Cost indicator {name!r} has target {value!r}, measured in {unit!r}, not in money; give a unit "
                     "or total cost (e.g. ≤200元/剂, ≤2.27万元/人, ≤10万元) and move the quantity to 数量指标"),
    }
    doc = RuleDoc(
        what=Text("经济成本指标（2021 年体系一级“成本指标”下，或 2015 年体系产出指标下的二级“成本指标”）的指标值没有金额单位："
                  "百分比、件数、“是”、日期、一句话或“不超预算”“有效控制”之类的说法；或者金额为零（按万元取整后的 0万元）。"
                  "社会成本、生态环境成本另见 PF229。",
                  "An economic cost row (under the first level 成本指标 of the 2021 framework, or the second level "
                  "成本指标 under 产出指标 of the 2015 one) whose target carries no money unit: a percentage, a count, "
                  "是, a date, a sentence or a phrase such as 不超预算 or 有效控制; or an amount of zero (0万元 after "
                  "rounding to 万元). Social and ecological costs: see PF229."),
        why=Text("成本指标反映提供产品和服务的单位成本与总成本，是判断资金与目标是否匹配的依据；填成执行率、合规率或工作要求，"
                 "成本控制要求就落了空，审核时会被退回。",
                 "A cost indicator states the unit and total cost of the outputs, the basis for judging whether the "
                 "money matches the targets; an execution rate, a compliance rate or a work requirement in its place "
                 "leaves the cost-control requirement empty, and reviewers send it back."),
        source="财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）：绩效目标包括相应的成本控制要求，成本指标含经济成本指标；实务："
               "地方申报表填报说明（成本指标为单位成本和总成本）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            args = {"name": indicator.label, "value": constraint.input}
            if is_cost(indicator) and constraint.number == 0 and money_unit(constraint.unit):
                yield self.hit(indicator.at("value"), "zero", **args)
                continue
            if not cost_without_money(indicator) or is_side_cost(indicator):
                continue
            if is_percent(constraint):
                yield self.hit(indicator.at("value"), "percent", **args)
            elif constraint.kind == "quantity":
                yield self.hit(indicator.at("value"), "unit", unit=constraint.unit, **args)
            else:
                yield self.hit(indicator.at("value"), **args)
