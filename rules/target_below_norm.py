from decimal import Decimal

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.indicator_terms import is_full_compliance
from perflint.analysis.reading import indicators, plain, text

_FULL = Decimal(100)


class TargetBelowNorm(Rule):
    code = "PF228"
    slug = "target-below-norm"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("应当全部达到的合规类比率目标低于 100%", "A compliance rate that must be met in full is set below 100%")
    messages = {
        "default": Text("“{name}”是按规定应当全部做到的要求，指标值“{value}”等于事先允许{share}%的资金或对象发放不足、"
                        "发放错误或使用不合规；请设为“=100%”",
                        "{name!r} is a requirement that must be met in full; target {value!r} allows {share}% of the "
                        "money or recipients to be paid short, paid wrongly or used irregularly in advance. Set it "
                        "to =100%"),
    }
    doc = RuleDoc(
        what=Text("足额发放率、补助发放准确率、政策兑现率、资金使用合规率之类应当全部做到的比率，目标低于 100%（如 ≥95%）。"
                  "与资金发放、拨付无关的比率（如 预报准确率、垃圾分类投放合规率、社保费足额征缴率）不报告。",
                  "A rate that the rules require in full — 足额发放率, 补助发放准确率, 政策兑现率, 资金使用合规率 — "
                  "has a target below 100% (≥95%). Rates unrelated to paying out money (预报准确率, 垃圾分类投放合规率, "
                  "社保费足额征缴率) are not reported."),
        why=Text("补助足额、准确发放和资金合规使用是政策的底线要求，不是争取达到的目标；目标低于 100% 等于事先允许少发、错发或违规，"
                 "目标定得过低。",
                 "Paying subsidies in full and correctly and using funds lawfully are the floor of the policy, not "
                 "an aspiration; a target below 100% allows short, wrong or irregular payments in advance and is set "
                 "too low."),
        source="实务：该项资金的资金管理办法（补助足额、准确发放和资金合规使用是办法的要求，目标应与之一致，审核时以该项资金的办法为准）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            constraint = indicator.constraint
            if (not is_full_compliance(name) or constraint.kind != "percent"
                    or constraint.op not in (">=", ">", "=", "~") or constraint.number >= _FULL):
                continue
            yield self.hit(indicator.at("value"), name=name, value=constraint.input,
                           share=plain(_FULL - constraint.number))
