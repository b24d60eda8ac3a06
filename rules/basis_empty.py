from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text


class BasisEmpty(Rule):
    code = "PF104"
    slug = "basis-empty"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("指标值确定依据为空", "The basis of the target is empty")
    messages = {
        "default": Text("指标“{name}”没有填写指标值确定依据", "Indicator {name!r} gives no basis for its target"),
        "column": Text("项目“{project}”的指标表没有“指标值确定依据”一栏，而本地模板要求填写",
                       "The indicator table of project {project!r} has no basis column, which the template requires"),
    }
    doc = RuleDoc(
        what=Text("表格有“指标值确定依据”一栏，而三级指标的依据为空；表格没有这一栏时由 form-field-absent 说明一次，"
                  "配置的模板（required-fields / form-profile）要求该栏时逐项目报告。",
                  "The form has a basis column (指标值确定依据) and an indicator's basis is empty. A form without "
                  "the column is said once by form-field-absent; when the configured template (required-fields / "
                  "form-profile) requires it, each project is reported."),
        why=Text("指标值应有来源：计划标准、行业标准、历史标准或文件规定；没有依据，审核无法判断目标是否合理。",
                 "A target must come from somewhere — a plan, a sector standard, history or a document; without "
                 "it a reviewer cannot judge whether the target is reasonable."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效标准（历史标准、行业标准、计划标准等）；财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）"
               "》（财预〔2021〕101号 附件1）：指标值设定依据；实务：地方项目支出绩效目标申报表的“指标值确定依据”栏",
    )

    def check(self, document, context):
        facts = context.facts
        if not facts.asks_for("basis"):
            return
        if not facts.form.has("basis"):
            for project in document.projects:
                yield self.hit(project.at("indicators"), "column", project=project.name)
            return
        for _, indicator in indicators(document):
            if text(indicator.label) and not text(indicator.basis):
                yield self.hit(indicator.at("basis"), name=text(indicator.label))
