from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.commitments import (MATCH, OVERALL, claim_similarity, goal_claims, indicator_claim, is_norm,
                                         metric_key, project_place, prose_claims, shares_content, target_place)
from perflint.analysis.reading import budget_in_yuan


def _measures(claim, other) -> bool:
    """Whether `other` measures what `claim` promises, in a unit of the same kind: a like-named
    metric (18公里 ↔ 农村公路养护里程 ≥18000米); the same number, unless a percentage (开设田间实训班
    20期 ↔ 实训班期数 ≥20期, 人均89元 ↔ =89元/人); or, in the same unit, a specific name containing a
    bare generic one (覆盖率达到100% ↔ 村居法律顾问覆盖率 100%)."""
    if other.bounds.dimension != claim.bounds.dimension:
        return False
    if claim_similarity(claim, other) >= MATCH:
        return True
    if not claim.bounds.is_percent and claim.bounds.numbers() & other.bounds.numbers():
        return True
    # In the same unit, a name sharing a content word measures the promise (2个防洪水利设施水毁修复 ↔
    # 开展修复工程 1个), if with another number: goal-indicator-contradiction weighs the numbers.
    return other.bounds.unit == claim.bounds.unit and any(
        metric_key(claim.metric) in metric_key(name) or shares_content(claim.metric, name) for name in other.names)


def _indicator_claims(indicators):
    return [claim for claim in map(indicator_claim, indicators) if claim is not None]


def _scopes(document):
    """(goal claims, the claims that may measure them, place, where those are) for each level.
    Sub-targets are carried out through the projects, so the projects' indicators count for them."""
    projects = [claim for project in document.projects
                for claim in goal_claims(project) + _indicator_claims(project.indicators)]
    overall = document.overall
    if overall is not None:
        below = list(projects)
        for target in overall.targets:
            goal = prose_claims(target.at("goal"), target.goal)
            indicators = prose_claims(target.at("indicators"), target.indicators)
            below += goal + indicators
            yield goal, indicators + projects, target_place(target, "goal"), \
                Text("该分项目标的绩效指标和各项目", "the sub-target's indicators and the projects")
        if below:
            yield prose_claims(overall.at("goal"), overall.goal), below, OVERALL, \
                Text("分项绩效目标和各项目", "the sub-targets and the projects")
    for project in document.projects:
        budget = budget_in_yuan(project)
        for goals_field, indicators_field in (("goals", "indicators"), ("midterm_goals", "midterm_indicators")):
            indicators = getattr(project, indicators_field)
            # The budget itself, restated in the goal, is measured by the budget line.
            goals = [c for c in goal_claims(project, goals_field)
                     if not (c.bounds.unit == "元" and budget in c.bounds.numbers())]
            if indicators:
                yield goals, _indicator_claims(indicators), project_place(project, goals_field), \
                    Text("本项目的绩效指标", "the project's indicators")


class GoalNumberNotInIndicators(Rule):
    code = "PF331"
    slug = "goal-number-not-in-indicators"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("目标中的量化承诺没有指标衡量", "A number promised in a goal is measured by no indicator")
    messages = {
        "default": Text("{place}中的“{commitment}”没有对应的绩效指标：{scope}中没有以“{unit}”计量的指标；"
                        "请增设衡量它的指标（如“{metric} {bound}”），或从目标中删去",
                        "The {place} promises {commitment!r}, but nothing in {scope} is counted in {unit}; add "
                        "an indicator ({metric} {bound}) or drop the promise"),
        "other": Text("{place}中的“{commitment}”没有对应的绩效指标：{scope}中以“{unit}”计量的（{others}）衡量的是别的"
                      "事项；请增设衡量它的指标（如“{metric} {bound}”），或从目标中删去",
                      "The {place} promises {commitment!r}, but what {scope} count in {unit} ({others}) "
                      "measures something else; add an indicator ({metric} {bound}) or drop the promise"),
    }
    doc = RuleDoc(
        what=Text("总体绩效目标、分项绩效目标或项目绩效目标中写了带数字和单位的承诺（如“矛盾纠纷调解不低于500件”），"
                  "而下一层（分项目标、项目的绩效指标）中没有同一计量单位、名称相近或数值相同的指标衡量它。"
                  "目标中重述的预算金额、“每期”“每人”之类的单项标准不检查。",
                  "A goal (overall, sub-target or project) promises a number with a unit (矛盾纠纷调解不低于500件), "
                  "and nothing at the next level (sub-targets, the project's indicators) measures it: no "
                  "indicator in the same unit with a like name or the same number. The budget restated in the "
                  "goal and per-item norms (每期…) are not checked."),
        why=Text("绩效指标是绩效目标的细化：目标里承诺的数量没有指标衡量，就无法监控和自评，承诺等于没有做。",
                 "Indicators are how a goal is assessed: a promised number that no indicator measures cannot "
                 "be monitored or evaluated, so it is not really a target."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标审核“相关性”（每项绩效目标设有相应的绩效指标）、绩效目标设定要求“相应匹配”（与计划期内的任务数或计划数相对应）",
    )

    def check(self, document, context):
        for goals, measured, place, scope in _scopes(document):
            for claim in goals:
                if is_norm(claim) or any(_measures(claim, other) for other in measured):
                    continue
                same_unit = list(dict.fromkeys(o.metric for o in measured if o.bounds.unit == claim.bounds.unit))
                args = dict(place=place, commitment=claim.shown, scope=scope,
                            unit=claim.bounds.unit, metric=claim.metric, bound=claim.bounds.show().lstrip("="))
                if same_unit:
                    yield self.hit(claim.pointer, "other", others="、".join(same_unit[:3]), **args)
                else:
                    yield self.hit(claim.pointer, **args)
