from decimal import Decimal

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.location import join_pointer
from perflint.analysis.reading import percent, plain
from perflint.analysis.spending import checkpoints

FULL = Decimal(100)


class SpendingPlanInAmounts(Rule):
    code = "PF334"
    slug = "spending-plan-in-amounts"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("资金支出计划填的是金额而不是百分比，或与预算数对不上",
                   "The spending plan is written in amounts, or does not fit the budget")
    messages = {
        "default": Text("资金支出计划填的是金额而不是累计支出百分比（{reason}）；按预算数 {budget}换算应为：{converted}",
                        "The spending plan is written in amounts, not cumulative percentages ({reason}); against the "
                        "budget of {budget} it reads: {converted}"),
        "amount_total": Text("资金支出计划按金额填报，“{label}”累计 {value}，与预算数 {budget}不符",
                             "The spending plan in amounts reaches {value} at {label}, not the budget of {budget}"),
        "over": Text("资金支出计划“{label}”为 {value}：作为累计支出百分比超过 100%，作为金额又超过预算数 {budget}；"
                     "请按累计支出百分比填写（如 3月底 25%、6月底 50%、9月底 75%、12月底 100%）",
                     "The spending plan has {value} at {label}: over 100% as a cumulative percentage, and over the "
                     "budget of {budget} as an amount; write cumulative percentages (3月底 25%, … 12月底 100%)"),
    }
    options = {
        "expected": Option("percent", Text("本地模板的支出计划按累计百分比（percent）还是按金额（amount）填报",
                                           "Whether the local template's plan gives cumulative percentages "
                                           "(percent) or amounts (amount)")),
    }
    doc = RuleDoc(
        what=Text("资金支出计划应填累计支出百分比（选项 expected = \"amount\" 时应填累计金额，只检查 12月底 是否等于预算数）。报告两种情况：计划中的数超过 100% 而不超过预算数，或 12月底 "
                  "的数恰好等于预算数（不是 100），即填成了金额；计划中的数既超过 100% 又超过预算数。"
                  "消息给出按预算数换算的百分比。",
                  "A spending plan gives cumulative percentages spent (with the option expected = \"amount\", "
                  "cumulative amounts, and only a year-end amount other than the budget is reported). Reported: values over 100 that do not exceed "
                  "the budget, or a year-end value equal to the budget (not 100) — amounts, not percentages; and "
                  "values over both 100% and the budget. The message converts the amounts to percentages."),
        why=Text("支出进度按累计百分比监控，填成金额的计划既无法与 3月底、6月底 等进度要求比较，也容易与预算数"
                 "对不上；超过预算数的计划无法执行。",
                 "Spending is monitored as a cumulative percentage: a plan in amounts cannot be checked against "
                 "the quarterly thresholds and easily drifts from the budget; a plan above the budget cannot be "
                 "carried out."),
        source="实务：地方项目支出绩效目标申报表的“资金支出计划”栏（多数模板按累计支出比例填报，也有模板按金额填报，"
               "由选项 expected 指定）",
    )

    def check(self, document, context):
        for project in document.projects:
            total = project.budget_total
            points = checkpoints(project.spending_plan or {})
            if not points or total is None or total <= 0:
                continue
            budget = f"{plain(total)} {project.money_unit}"
            if context.options["expected"] == "amount":
                month, label, last = points[-1]
                if month == 12 and last != total:
                    yield self.hit(join_pointer(project.at("spending_plan"), label), "amount_total", label=label,
                                   value=plain(last), budget=budget)
                continue
            over = [(label, value) for _, label, value in points if value > FULL and value > total]
            if over:
                label, value = over[0]
                yield self.hit(join_pointer(project.at("spending_plan"), label), "over", label=label,
                               value=plain(value), budget=budget)
                continue
            month, label, last = points[-1]
            if any(value > FULL for _, _, value in points):
                top_label, top = max(((lb, v) for _, lb, v in points), key=lambda p: p[1])
                reason = Text(f"“{top_label}”为 {plain(top)}，超过 100%", f"{top_label} is {plain(top)}, over 100%")
            elif month == 12 and last == total and total != FULL:
                reason = Text(f"“{label}”为 {plain(last)}，正好是预算数", f"{label} is {plain(last)}, the budget itself")
            else:
                continue
            steps = [f"{lb} {plain(v)} ÷ {plain(total)} = {percent(v, total)}%" for _, lb, v in points]
            converted = Text("、".join(steps), ", ".join(steps))
            yield self.hit(project.at("spending_plan"), reason=reason, budget=budget, converted=converted)
