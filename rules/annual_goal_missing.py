from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text


class AnnualGoalMissing(Rule):
    code = "PF105"
    slug = "annual-goal-missing"
    category = Category.COMPLETENESS
    severity = Severity.ERROR
    summary = Text("项目没有年度绩效目标", "The project has no annual performance goal")
    messages = {
        "default": Text("项目“{project}”没有填写年度绩效目标；请用一两句话写明本年度预期达到的产出和效果"
                        "（如 完成…N件，…率达到…%）",
                        "Project {project!r} has no annual performance goal; state in a sentence or two the outputs "
                        "and effects expected this year (e.g. complete N cases, reach …%)"),
    }
    doc = RuleDoc(
        what=Text("项目支出绩效目标表有“年度绩效目标”一栏（或配置的模板要求它），而该栏为空或只有空白。"
                  "表格整体没有这一栏时由 form-field-absent 说明一次。",
                  "The target table has an annual goal (年度绩效目标) — or the configured template requires one — "
                  "and it is blank. A form with no place for it at all is said once by form-field-absent."),
        why=Text("绩效目标是预算资金在一定期限内预期达到的产出和效果，绩效指标是对目标的细化；没有年度目标，"
                 "指标就无所依附，审核也无法判断资金要办成什么事。",
                 "A performance goal states the outputs and effects the money is to achieve in the period, and the "
                 "indicators refine it; without an annual goal the indicators refine nothing and a reviewer cannot "
                 "tell what the money is for."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效目标是财政预算资金计划在一定期限内达到的产出和效果；财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）"
               "》（财预〔2021〕101号 附件1）一、绩效目标：预期达到的产出和效果，以及相应的成本控制要求；实务：地方项目支出绩效目标申报表的年度绩效目标栏",
    )

    def check(self, document, context):
        if not context.facts.asks_for("goals"):
            return
        for project in document.projects:
            if not any(text(goal) for goal in project.goals):
                yield self.hit(project.at("goals"), project=project.name)
