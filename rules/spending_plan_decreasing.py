from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.location import join_pointer
from perflint.analysis.spending import checkpoints


class SpendingPlanDecreasing(Rule):
    code = "PF303"
    slug = "spending-plan-decreasing"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("资金支出计划的累计比例前后递减", "The spending plan's cumulative share decreases")
    messages = {
        "default": Text("资金支出计划“{label}”为 {value}%，低于前一节点“{previous}”的 {previous_value}%；累计支出比例不应减少",
                        "The spending plan has {value}% at {label}, less than {previous_value}% at {previous}; "
                        "a cumulative share cannot decrease"),
    }
    doc = RuleDoc(
        what=Text("资金支出计划是累计比例，后一节点低于前一节点。",
                  "The spending plan is cumulative, yet a later checkpoint is lower than an earlier one."),
        why=Text("累计支出不会减少；递减说明填成了分期比例或填错了数字，执行监控将无从对照。",
                 "Cumulative spending never goes down: the plan was filled per period or wrongly, and execution "
                 "monitoring has nothing to compare against."),
        source="实务：地方项目支出绩效目标申报表的“资金支出计划”栏（按累计支出填报，各节点不减）；《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）："
               "对绩效目标实现程度和预算执行进度实行“双监控”（只要求监控执行进度，未规定支出计划的格式和节点）",
    )

    def check(self, document, context):
        for project in document.projects:
            points = checkpoints(project.spending_plan or {})
            for (_, previous, previous_value), (_, label, value) in zip(points, points[1:]):
                if value < previous_value:
                    yield self.hit(join_pointer(project.at("spending_plan"), label), label=label, value=value,
                                   previous=previous, previous_value=previous_value)
