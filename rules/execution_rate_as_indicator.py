from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.indicator_terms import cost_without_money, execution_rate, is_side_cost
from perflint.analysis.reading import indicators, text


class ExecutionRateAsIndicator(Rule):
    code = "PF224"
    slug = "execution-rate-as-indicator"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("以预算执行率、资金到位率等作绩效指标", "A budget execution or fund flow rate used as a performance indicator")
    messages = {
        "default": Text("“{name}”（{term}）衡量的是资金拨付和支出进度，不是产出或效益；预算执行由资金支出计划和执行监控反映，"
                        "请改为资金所形成的产出或效益（如 完成…件/次、…覆盖率）",
                        "{name!r} ({term}) measures how fast money is paid out, not an output or effect; budget "
                        "execution is tracked by the spending plan and execution monitoring. Replace it with what "
                        "the money delivers (…件/次 completed, a coverage rate …)"),
    }
    doc = RuleDoc(
        what=Text("三级指标是预算执行率、资金支出率、资金到位率、资金拨付率、结余率、支出进度、不超预算之类的资金流转指标。"
                  "成本指标下的这类指标由 PF220 报告。",
                  "A third-level indicator is a money-flow measure: 预算执行率, 资金支出率, 资金到位率, 资金拨付率, "
                  "结余率, 支出进度, 不超预算 … Such rows under a cost indicator are reported by PF220."),
        why=Text("财政、人力、物力等投入不能作为绩效目标；预算执行率衡量的是花钱的快慢，与节约成本的要求相互冲突，"
                 "预算执行进度另有“双监控”中的执行监控。",
                 "Inputs of money, staff and material cannot be performance targets; an execution rate measures how "
                 "fast money is spent, pulls against saving costs, and execution progress is already monitored "
                 "separately (双监控)."),
        source="财政部《项目支出绩效评价管理办法》（财预〔2020〕10号）：单位自评中预算执行率单独计分（原则上权重 10%），与产出、效益、满意度指标分列；"
               "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：对绩效目标实现程度和预算执行进度实行“双监控”；实务：地方申报表填报说明（财力、人力、物力等投入数量不能作为绩效目标）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            term = execution_rate(name)
            if term is None or (cost_without_money(indicator) and not is_side_cost(indicator)):
                continue
            yield self.hit(indicator.at("name"), name=name, term=term)
