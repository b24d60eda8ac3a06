from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level1_of
from perflint.analysis.reading import indicators, is_satisfaction_name, text


def _no_satisfaction_level(project) -> bool:
    """The form has no 满意度指标 first level at all, so 效益 (效果) is where it puts satisfaction."""
    return all(level1_of(i) != "满意度指标" for i in project.indicators)


class SatisfactionMisfiled(Rule):
    code = "PF310"
    slug = "satisfaction-misfiled"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("满意度指标放在了产出或效益指标下", "A satisfaction indicator is filed under outputs or effects")
    messages = {
        "default": Text("“{name}”是满意度指标，却放在“{level1}/{level2}”下；请移到“满意度指标/服务对象满意度指标”下",
                        "{name!r} measures satisfaction but is filed under {level1}/{level2}; move it to "
                        "满意度指标/服务对象满意度指标"),
    }
    doc = RuleDoc(
        what=Text("三级指标名称含“满意”，一级指标却是产出或效益（如 质量指标/资助对象满意度、社会效益指标/群众满意率）。"
                  "效益指标下二级为“社会公众或服务对象满意度指标”的（部分地方模板的做法），以及没有二级指标栏、也没有满意度一级指标"
                  "的表中写在效益（效果）指标下的，不报告；满意度调查次数之类也不报告。",
                  "A third-level name contains 满意 but its first level is an output or effect (质量指标/资助对象满意度, "
                  "社会效益指标/群众满意率). Rows under 效益指标 whose second level is 社会公众或服务对象满意度指标 "
                  "(a local template), and rows under 效益 (效果) in a table with no second levels and no 满意度 "
                  "first level, are not reported, nor counts of surveys."),
        why=Text("满意度是单独的一级指标；把满意度填在产出、效益下，常常是用满意度顶替了说不清的质量或效益，评价时两头都落空。",
                 "Satisfaction is a first level of its own; filed under outputs or effects it usually stands in for "
                 "a quality or effect nobody defined, and both are lost at evaluation."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效指标包括产出指标、效益指标和满意度指标；财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）"
               "》（财预〔2021〕101号 附件1）：满意度指标为一级指标；实务：审核惯例（以满意度代替效益指标）",
    )

    def check(self, document, context):
        for project, indicator in indicators(document):
            name = text(indicator.name)
            level1 = level1_of(indicator)
            if not is_satisfaction_name(name) or level1 not in ("产出指标", "效益指标", "成本指标"):
                continue
            if level1 == "效益指标" and ("满意" in text(indicator.level2)
                                        or not text(indicator.level2) and _no_satisfaction_level(project)):
                continue  # templates that file satisfaction under 效益 (Hunan), or under 效果 with no second levels
            yield self.hit(indicator.at("level1"), name=name, level1=text(indicator.level1),
                           level2=text(indicator.level2))
