from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import plain


class SpendingPlanMissing(Rule):
    code = "PF110"
    slug = "spending-plan-missing"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("有预算的项目没有资金支出计划", "A project with a budget has no spending plan")
    messages = {
        "default": Text("项目“{project}”预算 {budget}，但没有资金支出计划；请按 3月底、6月底、9月底（或10月底）、"
                        "12月底 填写累计支出比例（如 3月底 25%、6月底 50%、9月底 75%、12月底 100%）",
                        "Project {project!r} has a budget of {budget} but no spending plan; give the cumulative share "
                        "spent by 3月底, 6月底, 9月底 (or 10月底) and 12月底 (e.g. 25%, 50%, 75%, 100%)"),
    }
    doc = RuleDoc(
        what=Text("表格有资金支出计划一栏（或配置的模板要求它），项目填了预算数，却完全没有资金支出计划（各节点都为空）。"
                  "表格整体没有这一栏时由 form-field-absent 说明一次。"
                  "计划存在但缺少 12月底 节点时由 spending-plan-no-year-end 报告。",
                  "The form has a spending plan (or the configured template requires one) and a project with a "
                  "budget has none at all (every checkpoint blank). A form with no spending plan at all is said "
                  "once by form-field-absent. "
                  "A plan without its 12月底 checkpoint is reported by spending-plan-no-year-end."),
        why=Text("预算执行实行绩效目标和执行进度“双监控”；没有支出计划，执行中无法判断进度是否正常，"
                 "也无法看出资金能否在年内支出。",
                 "Budget execution is monitored against both the targets and the spending progress; without a "
                 "plan there is nothing to judge progress against, nor any sign that the money will be spent "
                 "within the year."),
        source="实务：地方项目支出绩效目标申报表的“资金支出计划”栏（有此栏时应填写各节点的累计支出）；《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）："
               "对绩效目标实现程度和预算执行进度实行“双监控”（只要求监控执行进度，未规定支出计划的格式和节点）",
    )

    def check(self, document, context):
        if not context.facts.asks_for("spending_plan"):
            return
        for project in document.projects:
            total = project.budget_total
            if total is None or total <= 0:
                continue
            plan = project.spending_plan or {}
            if all(value is None for value in plan.values()):
                budget = f"{plain(total)} {project.money_unit}"
                yield self.hit(project.at("spending_plan"), project=project.name, budget=budget)
