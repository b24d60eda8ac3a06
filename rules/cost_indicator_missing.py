from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level1_of
from perflint.analysis.reading import is_cost


class CostIndicatorMissing(Rule):
    code = "PF107"
    slug = "cost-indicator-missing"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("产出指标下没有成本指标", "No cost indicator under the output indicators")
    messages = {
        "default": Text("项目“{project}”没有成本指标；请在产出指标下增加成本指标，写明单位成本或总成本"
                        "（如 人均培训成本 ≤3600元/人）",
                        "Project {project!r} has no cost indicator; add one under the output indicators with the "
                        "unit or total cost (e.g. 人均培训成本 ≤3600元/人)"),
    }
    doc = RuleDoc(
        what=Text("按 2015 年指标体系（成本指标是产出指标下的二级指标），项目有产出指标却没有一行成本指标。"
                  "2021 年体系中成本指标是一级指标，缺少时由 level1-missing 报告；项目完全没有产出指标时也由它报告。",
                  "Under the 2015 framework (成本指标 is a second level under 产出指标) the project has output "
                  "indicators but no cost row. Under the 2021 framework 成本指标 is a first level and its absence "
                  "is reported by level1-missing, as is a project with no output indicators at all."),
        why=Text("绩效目标包含相应的成本控制要求；成本指标写明单位成本或总成本，才能判断预算与产出是否匹配。",
                 "A performance goal includes its cost-control requirement; a unit or total cost is what lets a "
                 "reviewer judge whether the budget fits the outputs."),
        source="《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：绩效目标不仅要包括产出、成本，还要包括经济效益、社会效益、生态效益、可持续影响和服务对象满意度等绩效指标；"
               "财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）一、绩效目标：包括相应的成本控制要求；实务：地方申报表填报说明（成本指标为单位成本和总成本）",
    )

    def check(self, document, context):
        for project in document.projects:
            # Under 2021 a missing cost first level is level1-missing's finding.
            if context.framework_of(project) != "2015":
                continue
            if not any(level1_of(i) == "产出指标" for i in project.indicators):
                continue
            if not any(is_cost(i) for i in project.indicators):
                yield self.hit(project.at("indicators"), project=project.name)
