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
    }
    doc = RuleDoc(
        what=Text("三级指标的“指标值确定依据”为空。", "A third-level indicator's 指标值确定依据 (basis) is empty."),
        why=Text("指标值应有来源：计划标准、行业标准、历史标准或文件规定；没有依据，审核无法判断目标是否合理。",
                 "A target must come from somewhere — a plan, a sector standard, history or a document; without "
                 "it a reviewer cannot judge whether the target is reasonable."),
        source="财预〔2015〕88号 绩效标准（计划标准、行业标准、历史标准等）；财预〔2021〕101号 指标值设定依据",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if text(indicator.label) and not text(indicator.basis):
                yield self.hit(indicator.at("basis"), name=text(indicator.label))
