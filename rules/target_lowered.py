from decimal import Decimal

from perflint.analysis.digest import amount
from perflint.analysis.reading import plain
from perflint.engine.round_rule import YearsRule
from perflint.engine.rule import Category, RuleDoc, Text
from perflint.findings import Severity

_WAN = Decimal(10000)


def wan(yuan: Decimal) -> str:
    """An amount in 元 as 万元 with two decimals, the unit budgets are mostly stated in."""
    return plain((yuan / _WAN).quantize(Decimal("0.01")))


class TargetLowered(YearsRule):
    code = "PF242"
    slug = "target-lowered"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("预算增加或持平，指标目标却比上年调低", "A target lowered from last year's while the budget rose or "
                   "stayed")
    messages = {
        "default": Text("指标“{name}”的目标由上年的“{last_value}”（{last_place}）调低为“{value}”，而项目预算{change}"
                        "（{last_budget} 万元 → {budget} 万元）；请说明调低的原因，或按预算相应设定目标",
                        "The target of {name!r} is lowered from last year's {last_value!r} ({last_place}) to "
                        "{value!r} while the project's budget {change} ({last_budget} 万元 → {budget} 万元); explain "
                        "why, or set the target the budget pays for"),
    }
    doc = RuleDoc(
        what=Text("perflint compare 把本年度项目与上年度同一项目（先按项目编码，再按同部门的项目名称）对照：预算数增加或持平，"
                  "而同名指标的数量或比率目标比上年低（≥、> 的目标数值变小；≤、< 的上限变大；= 按指标方向），计量单位按单位表换算后比较。"
                  "成本指标由 unit-cost-changed 比较。",
                  "perflint compare sets this year's project beside last year's (matched by project code, then by "
                  "name within the department): the budget rose or stayed, and an indicator of the same name has a "
                  "lower count or rate target than last year (a smaller number for ≥ and >, a larger limit for ≤ "
                  "and <, = by the indicator's direction), units converted through the unit table. Cost indicators "
                  "are unit-cost-changed's."),
        why=Text("绩效目标应与预算确定的资金量相匹配：钱不减而目标降低，意味着同样的钱办更少的事，审核时应要求说明理由。",
                 "Targets must match the money budgeted: the same money or more for less output means lower value "
                 "for money, and reviewers ask why."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“相应匹配”：与预算确定的资金量相匹配",
    )

    def check_pair(self, pair, context):
        this_budget, last_budget = pair.this["budget"], pair.last["budget"]
        if this_budget is None or last_budget is None:
            return
        this_budget, last_budget = Decimal(this_budget), Decimal(last_budget)
        if this_budget < last_budget:
            return
        change = Text("持平", "stayed the same") if this_budget == last_budget else Text("增加", "rose")
        for this, last in pair.rows():
            if this.get("cost") or last.get("cost") or this["dir"] != last["dir"]:
                continue
            now, before = amount(this["c"]), amount(last["c"])
            if now is None or before is None or now[1] != before[1]:
                continue
            if (now[0] < before[0]) if this["dir"] > 0 else (now[0] > before[0]):
                yield self.hit(this["at"], name=this["name"], value=this["value"], last_value=last["value"],
                               last_place=pair.last_place(last["at"]), change=change, budget=wan(this_budget),
                               last_budget=wan(last_budget))
