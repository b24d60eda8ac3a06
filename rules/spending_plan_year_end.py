from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.spending import year_end


class SpendingPlanYearEnd(Rule):
    code = "PF101"
    slug = "spending-plan-no-year-end"
    category = Category.COMPLETENESS
    severity = Severity.ERROR
    summary = Text("资金支出计划缺少 12月底 节点", "The spending plan has no 12月底 (year-end) checkpoint")
    messages = {
        "default": Text("资金支出计划缺少“12月底”节点（现有：{points}），无法与全年预算核对",
                        "The spending plan has no 12月底 checkpoint (it has: {points}), so it cannot be reconciled "
                        "with the annual budget"),
    }
    doc = RuleDoc(
        what=Text("资金支出计划列出了 3月底、6月底 等节点，却没有年末的 12月底 节点。",
                  "The spending plan lists checkpoints such as 3月底 and 6月底 but not the year-end 12月底."),
        why=Text("12月底 是累计支出与全年预算核对的节点，也是预算执行“双监控”的依据；缺了它，计划无法说明资金能否在年内用完。",
                 "12月底 is where cumulative spending must reconcile with the budget and what execution monitoring "
                 "checks against; without it the plan cannot show the money is spent within the year."),
        source="实务：地方项目支出绩效目标申报表的“资金支出计划”栏（3月底、6月底、9月底、12月底 的累计支出；各地模板不一，全国没有统一的支出计划栏）；"
               "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：对绩效目标实现程度和预算执行进度实行“双监控”（只要求监控执行进度，未规定支出计划的格式和节点）",
    )

    def check(self, document, context):
        for project in document.projects:
            plan = project.spending_plan
            if plan and year_end(plan) is None:
                yield self.hit(project.at("spending_plan"), points="、".join(plan))
