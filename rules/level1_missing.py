from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import framework, nested_frame, standard_name
from perflint.analysis.reading import is_satisfaction_name

SATISFACTION = "服务对象满意度指标"


class Level1Missing(Rule):
    code = "PF102"
    slug = "level1-missing"
    category = Category.COMPLETENESS
    severity = Severity.ERROR
    summary = Text("缺少必设的一级指标", "A required first-level indicator is missing")
    messages = {
        "default": Text("绩效指标缺少一级指标：{missing}（按 {framework} 年指标体系）",
                        "The indicators lack first level {missing} (under the {framework} framework)"),
    }
    doc = RuleDoc(
        what=Text("项目的绩效指标没有覆盖指标体系要求的全部一级指标：2015 年体系为产出、效益、满意度（成本指标是产出下的二级）；"
                  "2021 年体系为成本、产出、效益、满意度。体系按项目自动判断（有“成本指标”一级即为 2021 年体系），也可在配置中指定。"
                  "满意度指标作为二级指标列在效益指标下（湖南等地旧模板）视为已设；发展改革部门投资项目表"
                  "（实施效果指标 > 产出指标、效益指标）自成体系，不报告缺项。",
                  "The indicators do not cover every first level the framework requires: 产出, 效益 and 满意度 "
                  "under the 2015 framework (成本 is a second level under 产出); 成本, 产出, 效益 and 满意度 under "
                  "the 2021 one. The framework is detected per project (a 成本指标 first level means 2021) or configured. "
                  "Satisfaction filed as a second level under 效益 (older Hunan templates) counts; the "
                  "investment-project form (实施效果指标 > 产出指标, 效益指标) has a frame of its own and is not "
                  "reported."),
        why=Text("产出、效益、满意度（以及 2021 年体系的成本）是绩效目标的法定组成部分，缺一项目标就不完整。",
                 "Outputs, effects and satisfaction (and cost under 2021) are the required parts of a target; "
                 "without one the target is incomplete."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效指标包括产出指标、效益指标和满意度指标；财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）"
               "》（财预〔2021〕101号 附件1）：成本、产出、效益、满意度四类一级指标；《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：绩效目标不仅要包括产出、成本，"
               "还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标",
    )

    def check(self, document, context):
        for project in document.projects:
            name = context.framework_of(project)
            levels = framework(name)
            if nested_frame(project):
                continue  # the investment-project frame (实施效果指标 > 产出指标 …) has levels of its own
            present = {standard_name(i.level1, first_level=True) for i in project.indicators}
            if any(standard_name(i.level2, first_level=False) == SATISFACTION or is_satisfaction_name(i.name)
                   for i in project.indicators):
                present.add("满意度指标")  # templates that file satisfaction under 效益 (misfiling is PF310's)
            missing = [level for level in levels if level not in present]
            if missing:
                yield self.hit(project.at("indicators"), missing="、".join(missing), framework=name)
