from decimal import Decimal

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.location import join_pointer
from perflint.analysis.spending import year_end

FULL = Decimal(100)


class SpendingPlanNotFull(Rule):
    code = "PF302"
    slug = "spending-plan-not-full"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("资金支出计划到 12月底 未达到 100%", "The spending plan does not reach 100% at 12月底")
    messages = {
        "default": Text("资金支出计划“{label}”为 {value}%，应为 100%（全年预算应在年内支出完毕）",
                        "The spending plan has {value}% at {label}; it must be 100% (the annual budget is spent "
                        "within the year)"),
        "blank": Text("资金支出计划“{label}”为空，应为 100%", "The spending plan's {label} is blank; it must be 100%"),
    }
    doc = RuleDoc(
        what=Text("资金支出计划的 12月底 累计支出比例不是 100%。",
                  "The cumulative share spent at 12月底 in the spending plan is not 100%."),
        why=Text("年度预算应在当年执行完毕，12月底 的累计支出应与全年预算一致，否则计划本身就预示着结转或虚列。",
                 "The annual budget is spent within the year: the year-end cumulative figure must equal the budget, "
                 "or the plan itself foretells carry-over."),
        source="实务：地方项目支出绩效目标申报表的“资金支出计划”栏（12月底 的累计支出按全年预算的 100% 填报）；《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）："
               "对绩效目标实现程度和预算执行进度实行“双监控”（只要求监控执行进度，未规定支出计划的格式和节点）",
    )

    def check(self, document, context):
        for project in document.projects:
            plan = project.spending_plan or {}
            label = year_end(plan)
            if label is None:
                continue
            value = plan[label]
            pointer = join_pointer(project.at("spending_plan"), label)
            if value is None:
                yield self.hit(pointer, "blank", label=label)
            elif value != FULL:
                yield self.hit(pointer, label=label, value=value)
