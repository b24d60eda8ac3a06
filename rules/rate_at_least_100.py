from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, is_change_name, is_satisfaction_name, text
from perflint.analysis.value_text import is_full_percent, is_percent_name


class RateAtLeast100(Rule):
    code = "PF210"
    slug = "rate-at-least-100"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("比率目标写成“≥100%”", "A rate's target is written ≥100%")
    messages = {
        "default": Text("“{name}”是比率，不会超过 100%，“{value}”实际上就是 =100%；请写作“=100%”，"
                        "或按实际可达水平设定（如 ≥95%）",
                        "{name!r} is a rate and cannot exceed 100%, so {value!r} means =100%; write =100%, or set "
                        "the level actually attainable (e.g. ≥95%)"),
    }
    doc = RuleDoc(
        what=Text("完成率、覆盖率、合格率等不会超过 100% 的比率，指标值写成“≥100%”“100%以上”“不低于100%”。"
                  "大于 100% 的由 rate-out-of-range 检查；增长率等变化幅度、满意度不在此列。",
                  "A rate that cannot exceed 100% (completion, coverage, pass rate) has the target ≥100%, 100%以上 or "
                  "不低于100%. Targets above 100% are rate-out-of-range's; growth measures and satisfaction are "
                  "exempt."),
        why=Text("“≥100%”与“=100%”含义相同，说明目标是照模板套填的，没有分析可达水平。",
                 "≥100% says nothing more than =100%; it shows the target was copied from a template without "
                 "considering what is attainable."),
        source="实务：审核惯例（“≥100%”与“=100%”同义，视为照模板套填）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“合理可行”",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            name = text(indicator.name)
            if (is_full_percent(constraint) and constraint.op == ">=" and is_percent_name(name)
                    and not is_change_name(name) and not is_satisfaction_name(name)):
                yield self.hit(indicator.at("value"), name=name, value=text(indicator.value))
