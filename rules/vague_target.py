from perflint.analysis.indicator_terms import cost_without_money, is_side_cost
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text


_WHOLE_YEAR = "全年"  # 2021年全年: the period of the budget, not a time limit within it


class VagueTarget(Rule):
    code = "PF201"
    slug = "vague-target"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("指标值为模糊定性表述，无法考核", "The target is a vague qualitative phrase that cannot be assessed")
    messages = {
        "default": Text("指标值“{value}”为模糊定性表述，无法考核；请给出数值或分级标准（如 ≥90%、优/良/中/差并在指标解释中定义）",
                        "Target {value!r} is vague and cannot be assessed; give a number or a defined grade scale "
                        "(e.g. ≥90%, or 优/良/中/差 defined in the note)"),
        "relative": Text("指标值“{value}”只说明相对{baseline}的方向，没有幅度，无法考核；请写明目标值或增幅（如 较上年提高5%）",
                         "Target {value!r} gives only a direction against {baseline}, no amount; state the target "
                         "or the change (e.g. 较上年提高5%)"),
        "whole_year": Text("时效指标“{name}”的指标值“{value}”只是预算年度本身，没有说明在什么时候完成；"
                           "请写明完成时限（如“2026年11月30日前”）或办理时长",
                           "Timeliness indicator {name!r} has target {value!r}, which is just the budget year and "
                           "says nothing of when the work is done; give a deadline (2026年11月30日前) or a "
                           "turnaround time"),
    }
    doc = RuleDoc(
        what=Text("指标值是“有效提升”“明显改善”“逐步完善”之类没有数值、没有分级标准的表述，或“较上年进一步提高”之类只有方向没有幅度的相对表述，"
                  "或时效指标只写了预算年度本身（2021年全年）。成本指标的此类写法由 cost-not-money 报告。",
                  "The target is a phrase such as 有效提升, 明显改善 or 逐步完善 with no number and no grade scale, "
                  "a relative phrase such as 较上年进一步提高 with a direction but no amount, or a timeliness target "
                  "that is just the budget year (2021年全年). In cost rows cost-not-money reports such phrases."),
        why=Text("绩效目标应细化量化；不能量化的可以定性表述，但应具有可衡量性。模糊的目标值在自评和评价时无法打分。",
                 "Targets must be specific and quantified; what cannot be quantified may be qualitative but must be "
                 "measurable. A vague target cannot be scored at self-evaluation."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“细化量化”：尽量定量表述，不能量化的可以定性表述，但应具有可衡量性",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if cost_without_money(indicator) and not is_side_cost(indicator):
                continue  # cost-not-money says what a cost row lacks: an amount
            constraint = indicator.constraint
            if constraint.kind == "vague":
                yield self.hit(indicator.at("value"), value=constraint.input)
            elif constraint.kind == "relative" and not constraint.number:
                baseline = constraint.baseline or Text("基线", "the baseline")
                yield self.hit(indicator.at("value"), "relative", value=constraint.input, baseline=baseline)
            elif constraint.kind == "deadline" and constraint.remark == _WHOLE_YEAR:
                yield self.hit(indicator.at("value"), "whole_year", name=text(indicator.name), value=constraint.input)
