from decimal import Decimal

from perflint.analysis.reading import plain
from perflint.engine.round_rule import YearsRule
from perflint.engine.rule import Category, Option, RuleDoc, Text
from perflint.findings import Severity


class UnitCostChanged(YearsRule):
    code = "PF243"
    slug = "unit-cost-changed"
    category = Category.APPROPRIATENESS
    severity = Severity.INFO
    summary = Text("单位成本比上年变动过大", "A unit cost changed sharply from last year's")
    options = {
        "change": Option(Decimal("0.5"), Text("单位成本增减超过上年的多少（0.5 即 50%）时提示",
                                              "The change on last year's unit cost from which to report (0.5 is 50%)")),
    }
    messages = {
        "default": Text("成本指标“{name}”由上年的“{last_value}”（{last_place}）变为“{value}”，{direction} {share}%；"
                        "请说明成本标准或测算口径的变化",
                        "Cost indicator {name!r} went from last year's {last_value!r} ({last_place}) to {value!r}, "
                        "{direction} {share}%; explain what changed in the cost standard or the costing"),
    }
    doc = RuleDoc(
        what=Text("perflint compare 中，本年度项目与上年度同一项目的同名单位成本指标（每单位多少元，计量单位按单位表换算后比较）"
                  "增减超过上年的 50%（可配置）。",
                  "In perflint compare, a unit cost indicator (money per unit, units converted through the unit "
                  "table) of this year's project differs from the same indicator of last year's project by more "
                  "than 50% (configurable)."),
        why=Text("同一项目的单位成本年度间应当稳定；大幅变动多是标准调整、口径变化或金额单位写错，审核时应要求说明测算依据。",
                 "A project's unit cost should be stable from year to year; a sharp change is mostly a new standard, "
                 "another way of counting, or a wrong money unit, and reviewers ask for the costing."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效标准：历史标准；实务：审核惯例（成本指标与上年对比）",
    )

    def check_pair(self, pair, context):
        limit = context.options["change"]
        for this, last in pair.rows():
            now, before = this.get("cost_per"), last.get("cost_per")
            if not now or not before or now[0] != before[0] or Decimal(before[1]) <= 0:
                continue
            change = Decimal(now[1]) / Decimal(before[1]) - 1
            if abs(change) > limit:
                yield self.hit(this["at"], name=this["name"], value=this["value"], last_value=last["value"],
                               last_place=pair.last_place(last["at"]),
                               direction=Text("增加", "up") if change > 0 else Text("减少", "down"),
                               share=plain((abs(change) * 100).quantize(Decimal("0.1"))))
