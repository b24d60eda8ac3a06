from decimal import Decimal

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text
from perflint.analysis.structure import compact, joined, similarity


_MIN_COPIED_ROWS = 3  # one or two shared rows (a satisfaction survey) can rightly be the same every year


def _copied_rows(project) -> int:
    """How many annual indicator rows there are when every one repeats a midterm row (level, name, target)."""
    def row(i):
        return compact(i.level2), compact(i.name), compact(i.value)
    annual = [row(i) for i in project.indicators if text(i.value)]
    midterm = {row(i) for i in project.midterm_indicators}
    return len(annual) if len(annual) >= _MIN_COPIED_ROWS and all(r in midterm for r in annual) else 0


class GoalTextDuplicated(Rule):
    code = "PF321"
    slug = "goal-text-duplicated"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("年度目标照抄中期目标或部门总体目标", "The annual goal copies the midterm goal or the department's overall goal")
    messages = {
        "default": Text("项目“{project}”的年度绩效目标与中期绩效目标{how}；年度目标应写明本年度要完成的那一部分"
                        "（本年度的产出数量、进度和效果），中期目标写整个实施期的总目标",
                        "The annual goal of project {project!r} {how} its midterm goal; the annual goal should "
                        "state this year's share (this year's outputs, progress and effects), the midterm goal the "
                        "whole period's"),
        "overall": Text("项目“{project}”的年度绩效目标与部门总体绩效目标{how}；项目目标应写明本项目资金要达到的产出和效果，"
                        "不能照搬部门整体目标",
                        "The annual goal of project {project!r} {how} the department's overall goal; a project's "
                        "goal should state what this project's money is to achieve, not repeat the department's"),
        "indicators": Text("项目“{project}”的年度绩效指标与中期绩效指标逐行相同（{rows} 行）；年度指标应是中期指标的年度分解，"
                           "写明本年度的数量、进度和效果",
                           "The annual indicators of project {project!r} repeat its midterm indicators row by row "
                           "({rows} rows); the annual ones should be this year's share of the midterm targets"),
    }
    options = {
        "threshold": Option(Decimal("0.9"), Text("视为照抄的文字相似度下限（0–1）",
                                                 "Similarity (0–1) from which two goals count as copies")),
    }
    doc = RuleDoc(
        what=Text("项目的年度绩效目标与其中期（实施期）绩效目标相同或高度相似（默认文字相似度 ≥90%，忽略空格和标点）；"
                  "或在有两个以上项目的文本中，某项目的年度目标照抄了部门总体绩效目标；或年度绩效指标（至少 3 行）"
                  "逐行照抄中期绩效指标（二级指标、名称和指标值都相同）。",
                  "A project's annual goal is the same as, or nearly the same as (similarity ≥ 90% by default, "
                  "ignoring spaces and punctuation), its midterm goal; or, in a document with two or more projects, "
                  "a project's annual goal copies the department's overall goal; or the annual indicators (three "
                  "rows or more) repeat the midterm indicators row by row (same second level, name and target)."),
        why=Text("中期目标和年度目标时间跨度不同，年度目标应是中期目标在本年度的分解；部门总体目标覆盖全部职能，"
                 "照抄到某个项目上，说明没有针对该项目资金设定目标。",
                 "Midterm and annual goals cover different periods; the annual goal is this year's slice of the "
                 "midterm one. The overall goal covers all of the department's functions, so a project goal that "
                 "copies it sets no goal for that project's money."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效目标分为中长期绩效目标和年度绩效目标；实务：审核惯例（长期目标与年度目标混淆）",
    )

    def check(self, document, context):
        threshold = context.options["threshold"]
        overall = text(document.overall.goal) if document.overall else ""
        for project in document.projects:
            copied = _copied_rows(project)
            if copied:
                yield self.hit(project.at("indicators"), "indicators", project=project.name, rows=copied)
            annual = joined(project.goals)
            if not annual:
                continue
            midterm = joined(project.midterm_goals)
            ratio = similarity(annual, midterm)
            if midterm and ratio >= threshold:
                yield self.hit(project.at("goals"), project=project.name, **self._how(ratio))
            # With a single project the department's goal may rightly be that project's goal.
            if overall and len(document.projects) > 1:
                ratio = similarity(annual, overall)
                if ratio >= threshold:
                    yield self.hit(project.at("goals"), "overall", project=project.name, **self._how(ratio))

    @staticmethod
    def _how(ratio: Decimal) -> dict:
        if ratio == 1:
            return {"how": Text("完全相同", "is identical to")}
        percent = (ratio * 100).quantize(Decimal(1))
        return {"how": Text(f"几乎相同（文字相似度 {percent}%）", f"is nearly identical ({percent}% similar) to")}
