from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text


class ValueEmpty(Rule):
    code = "PF103"
    slug = "value-empty"
    category = Category.COMPLETENESS
    severity = Severity.ERROR
    summary = Text("指标值为空", "The target value is empty")
    messages = {
        "default": Text("指标“{name}”没有填写指标值", "Indicator {name!r} has no target value"),
    }
    doc = RuleDoc(
        what=Text("三级指标有名称，但指标值为空。", "A third-level indicator has a name but no target value."),
        why=Text("没有指标值的指标无法考核，预算管理一体化系统也不允许保存。",
                 "An indicator without a target cannot be assessed; the budget system refuses to save it."),
        source="预算管理一体化系统绩效模块校验（指标值不能为空）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if text(indicator.label) and not text(indicator.value):
                yield self.hit(indicator.at("value"), name=text(indicator.label))
