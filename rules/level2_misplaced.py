from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import allowed_second_levels, framework, known_second_levels, standard_name
from perflint.analysis.reading import indicators


class Level2Misplaced(Rule):
    code = "PF306"
    slug = "level2-misplaced"
    category = Category.RELEVANCE
    severity = Severity.ERROR
    summary = Text("二级指标放在了错误的一级指标下", "A second-level indicator sits under the wrong first level")
    messages = {
        "default": Text("二级指标“{level2}”不属于一级指标“{level1}”（按 {framework} 年指标体系，“{level1}”下应为：{allowed}）",
                        "Second level {level2!r} does not belong under {level1!r} (under the {framework} framework "
                        "{level1!r} holds: {allowed})"),
    }
    doc = RuleDoc(
        what=Text("已知的二级指标（如 社会效益指标）出现在不对应的一级指标（如 产出指标）之下。",
                  "A known second level (社会效益指标) appears under a first level it does not belong to (产出指标)."),
        why=Text("一级、二级指标的归属决定了评价时按什么口径打分；放错层级会使产出与效益混淆。",
                 "Where an indicator sits decides how it is scored; misplaced levels confuse outputs with effects."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：产出指标包括数量、质量、时效、成本指标，效益指标包括经济效益、社会效益、生态效益、可持续影响指标；"
               "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）：成本、产出、效益、满意度指标及其二级指标",
    )

    def check(self, document, context):
        known = known_second_levels()
        for project, indicator in indicators(document):
            level1 = standard_name(indicator.level1, first_level=True)
            level2 = standard_name(indicator.level2, first_level=False)
            name = context.framework_of(project)
            if level2 not in known or level1 not in framework(name):
                continue
            allowed = allowed_second_levels(name, level1)
            if level2 not in allowed:
                yield self.hit(indicator.at("level2"), level1=level1, level2=level2, framework=name,
                               allowed="、".join(framework(name)[level1]))
