from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.commitments import (CONTAINED, MATCH, OVERALL, best_match, conflict, goal_claims, indicator_claim,
                                         project_place, prose_claims, target_place)


class _Level:
    """Commitments one level up, and how alike a metric must be to count as the same one there.
    A department-wide count may be shared among several targets or projects, so counts are only
    compared with a clearly named match (`count_minimum`), or not at all (None)."""

    def __init__(self, place, claims, count_minimum):
        self.place, self.claims, self.count_minimum = place, claims, count_minimum

    def match(self, claim):
        minimum = MATCH if claim.bounds.is_percent else self.count_minimum
        return None if minimum is None else best_match(claim, self.claims, minimum)


def _refinements(document):
    """(claim, its place, the levels it refines, nearest first) for every commitment below the top."""
    overall = document.overall
    top = []
    if overall is not None:
        top = [_Level(OVERALL, prose_claims(overall.at("goal"), overall.goal), CONTAINED)]
        for target in overall.targets:
            goal = _Level(target_place(target, "goal"), prose_claims(target.at("goal"), target.goal), MATCH)
            for claim in goal.claims:
                yield claim, goal.place, top
            for claim in prose_claims(target.at("indicators"), target.indicators):
                yield claim, target_place(target, "indicators"), [goal, *top]
    department = [_Level(level.place, level.claims, None) for level in top]
    for project in document.projects:
        # Midterm goals span several years: the department's annual goal does not bind them.
        for goals_field, indicators_field, above in (("goals", "indicators", department),
                                                     ("midterm_goals", "midterm_indicators", [])):
            goals = _Level(project_place(project, goals_field), goal_claims(project, goals_field), MATCH)
            for claim in goals.claims:
                yield claim, goals.place, above
            for indicator in getattr(project, indicators_field):
                claim = indicator_claim(indicator)
                if claim is not None:
                    yield claim, project_place(project, indicators_field), [goals, *above]


class GoalIndicatorContradiction(Rule):
    code = "PF330"
    slug = "goal-indicator-contradiction"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("下级目标或指标比它细化的承诺要求低或相互矛盾",
                   "A sub-target or indicator asks less than, or contradicts, the commitment it refines")
    messages = {
        "default": Text("{place}中的“{child}”比它所细化的{parent_place}中的“{parent}”（见{related}）要求低："
                       "{child_bound} 不能保证 {parent_bound}；请改为与上级承诺一致，或写明两者口径不同",
                       "In the {place}, {child!r} asks less than {parent!r} in the {parent_place} ("
                       "{related}), which it refines: {child_bound} does not guarantee {parent_bound}; align "
                       "them, or state why they measure different things"),
        "opposite": Text("{place}中的“{child}”与{parent_place}中的“{parent}”（见{related}）方向相反："
                         "{child_bound} 限定的不是 {parent_bound} 所要求的一侧；请核对比较符",
                         "In the {place}, {child!r} bounds the opposite side to {parent!r} in the {parent_place} "
                         "({related}): {child_bound} against {parent_bound}; check the comparator"),
        "differs": Text("{place}中的“{child}”与{parent_place}中的“{parent}”（见{related}）数值不一致："
                        "{child_bound} ≠ {parent_bound}；同一事项在各层级应写同一个目标值",
                        "In the {place}, {child!r} disagrees with {parent!r} in the {parent_place} ("
                        "{related}): {child_bound} ≠ {parent_bound}; one thing has one target at every level"),
    }
    doc = RuleDoc(
        what=Text("把总体绩效目标、分项绩效目标、项目绩效目标中的量化承诺（如“调解成功率达到96%以上”）与细化它的"
                  "下一层目标或指标比较：同一事项（名称相同、相互包含或用字大部分相同，比例≈率、人数≈人）、同一计量"
                  "单位（1.2万亩 与 12000亩 按同一单位比较）下，下级要求更低、方向相反或数值不同时报告。"
                  "部门总体目标中的数量只与名称明确对应的分项目标比较，与项目只比较比率。",
                  "Compares each quantitative commitment of the overall goal, a sub-target or a project goal "
                  "(调解成功率达到96%以上) with the next level that refines it: for the same metric (equal, "
                  "contained, or mostly the same characters, 比例≈率, 人数≈人) in the same unit (1.2万亩 and 12000亩 "
                  "compared in 亩), a lower requirement, the opposite direction or a different fixed value is "
                  "reported. Department-wide counts are compared only with clearly named sub-targets, and only "
                  "rates with projects."),
        why=Text("分项目标和项目指标是总体承诺的细化，考核按指标进行：指标定得比承诺低，承诺就落空了；"
                 "各层级数字不一致，审核和自评时无从判断以哪个为准。",
                 "Sub-targets and indicators refine the overall commitment, and performance is assessed on the "
                 "indicators: an indicator below the commitment leaves the promise unassessed, and different "
                 "numbers at different levels leave no way to tell which one holds."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效指标是绩效目标的细化和量化描述，绩效目标审核“相关性”",
    )

    def check(self, document, context):
        for claim, place, levels in _refinements(document):
            for level in levels:
                parent = level.match(claim)
                if parent is None:
                    continue
                kind = conflict(parent.bounds, claim.bounds)
                if kind is not None:
                    yield self.hit(claim.pointer, "default" if kind == "weaker" else kind, related=parent.pointer,
                                   place=place, child=claim.shown, parent_place=level.place, parent=parent.shown,
                                   child_bound=claim.bounds.show(), parent_bound=parent.bounds.show())
                break

