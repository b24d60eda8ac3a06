from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text


class IndicatorCountBounds(Rule):
    code = "PF113"
    slug = "indicator-count-bounds"
    category = Category.COMPLETENESS
    severity = Severity.INFO
    summary = Text("三级指标数量过少或过多", "Too few or too many third-level indicators")
    messages = {
        "default": Text("项目“{project}”只有 {count} 项三级指标（少于 {minimum} 项），难以覆盖产出、效益和满意度；"
                        "请按资金用途补充数量、质量、时效、成本和效益指标",
                        "Project {project!r} has only {count} third-level indicators (fewer than {minimum}), too few "
                        "to cover outputs, effects and satisfaction; add quantity, quality, timeliness, cost and "
                        "effect indicators for each use of the money"),
        "too_many": Text("项目“{project}”有 {count} 项三级指标（多于 {maximum} 项）；请保留反映主要产出和效果的核心指标，"
                         "合并或删去次要、重复的指标",
                         "Project {project!r} has {count} third-level indicators (more than {maximum}); keep the core "
                         "ones that show the main outputs and effects and merge or drop minor or repeated ones"),
    }
    options = {
        "minimum": Option(4, Text("每个项目三级指标的最少项数", "Fewest third-level indicators per project")),
        "maximum": Option(30, Text("每个项目三级指标的最多项数", "Most third-level indicators per project")),
    }
    doc = RuleDoc(
        what=Text("项目的年度三级指标（有名称或指标值的行）少于下限（默认 4 项）或多于上限（默认 30 项）。"
                  "没有任何指标的项目由 level1-missing 报告。上下限没有全国统一的规定，可按本地要求配置。",
                  "A project's annual third-level indicators (rows with a name or a value) are fewer than the "
                  "minimum (4 by default) or more than the maximum (30). A project with no indicators at all is "
                  "reported by level1-missing. No national figure fixes the bounds; configure the local ones."),
        why=Text("指标太少无法覆盖产出、效益和满意度，也无法细化每项资金用途；指标太多则重点不突出，多为凑数的模板指标，"
                 "自评时难以逐项取证。",
                 "Too few indicators cannot cover outputs, effects and satisfaction or each use of the money; too "
                 "many bury the core ones under template filler that nobody can evidence at self-evaluation."),
        source="财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）：指标设置“重点突出、量化易评”；实务：审核惯例（三级指标数量的上下限各地自定，本规则可配置）",
    )

    def check(self, document, context):
        minimum, maximum = context.options["minimum"], context.options["maximum"]
        for project in document.projects:
            count = sum(1 for i in project.indicators if text(i.name) or text(i.value))
            if count == 0:
                continue
            if count < minimum:
                yield self.hit(project.at("indicators"), project=project.name, count=count, minimum=minimum)
            elif count > maximum:
                yield self.hit(project.at("indicators"), "too_many", project=project.name, count=count,
                               maximum=maximum)
