from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level2_of
from perflint.analysis.indicator_terms import execution_rate, is_percent
from perflint.analysis.reading import indicators, is_satisfaction_name, text


class QuantityAsRate(Rule):
    code = "PF225"
    slug = "quantity-as-rate"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("数量指标的指标值是百分比", "An output count's target is a percentage")
    messages = {
        "default": Text("数量指标“{name}”的指标值“{value}”是百分比，说明不了完成多少；请写明数量（如“≥2000份”“≥52人”），"
                        "比率请移到质量指标或效益指标下",
                        "Output count {name!r} has target {value!r}, a percentage, which says nothing about how much "
                        "is delivered; state the quantity (≥2000份, ≥52人) and move the rate to 质量指标 or 效益指标"),
    }
    doc = RuleDoc(
        what=Text("二级指标为数量指标，指标值却是百分比（如 设备使用率 100%、任务完成率 100%）。"
                  "资金支出率、满意度之类分别由 PF224、PF310 报告。",
                  "A row under 数量指标 has a percentage target (设备使用率 100%, 任务完成率 100%). Fund flow "
                  "rates and satisfaction are reported by PF224 and PF310."),
        why=Text("数量指标反映计划提供的产品和服务的数量，是核对资金与工作量是否匹配的基础；填成比率后，"
                 "完成多少工作、花多少钱都无从核对。",
                 "A quantity indicator states how many products or services are planned, the basis for matching "
                 "money to workload; as a rate it tells neither how much work nor how much money."),
        source="实务：地方申报表填报说明（数量指标反映提供产品和服务的数量）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“相应匹配”（与计划期内的任务数或计划数相对应）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            constraint = indicator.constraint
            if (level2_of(indicator) != "数量指标" or not is_percent(constraint)
                    or execution_rate(name) or is_satisfaction_name(name)):
                continue
            yield self.hit(indicator.at("value"), name=name or indicator.label, value=constraint.input)
