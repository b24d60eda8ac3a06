from decimal import Decimal

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.location import join_pointer
from perflint.analysis.period import runs_over_a_year
from perflint.analysis.spending import year_end

FULL = Decimal(100)


class SpendingPlanNotFull(Rule):
    code = "PF302"
    slug = "spending-plan-not-full"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("资金支出计划到 12月底 未达到 100%", "The spending plan does not reach 100% at 12月底")
    messages = {
        "default": Text("资金支出计划“{label}”为 {value}%，未达到 100%；年度预算原则上在年内支出，如有资金需结转到下年，"
                        "请说明结转的金额和原因",
                        "The spending plan has {value}% at {label}, short of 100%; an annual budget is in principle "
                        "spent within the year — if money is carried over to next year, state how much and why"),
        "carryover": Text("项目跨年度实施，资金支出计划“{label}”为 {value}%；请说明结转到下年的资金和原因，"
                          "并与中期目标的进度相对应",
                          "The project runs over a year and its spending plan has {value}% at {label}; state the money "
                          "carried over to next year and why, matching the midterm progress"),
        "blank": Text("资金支出计划“{label}”为空，应为 100%", "The spending plan's {label} is blank; it must be 100%"),
    }
    doc = RuleDoc(
        what=Text("资金支出计划的 12月底 累计支出比例低于 100%（或空着）；跨年度项目另用一条消息，请其说明结转。"
                  "超过 100% 的计划是按金额填的，由 spending-plan-in-amounts 报告。",
                  "The cumulative share spent at 12月底 in the spending plan is below 100% (or blank); a project "
                  "running over a year gets its own message asking to explain the carry-over. Plans above 100% are "
                  "in amounts and reported by spending-plan-in-amounts."),
        why=Text("年度预算原则上在当年执行完毕；12月底 不到 100% 意味着计划结转，结转是允许的（跨年度项目尤其常见），"
                 "但应说明金额和原因，审核才能判断资金安排是否合理。",
                 "An annual budget is in principle spent within the year; less than 100% at 12月底 plans a "
                 "carry-over, which is lawful (common for projects running over a year) but must be explained "
                 "— how much and why — for a reviewer to judge the allocation."),
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
            elif value < FULL:  # above 100 the plan is in amounts: spending-plan-in-amounts says so
                yield self.hit(pointer, "carryover" if runs_over_a_year(project) else "default", label=label,
                               value=value)
