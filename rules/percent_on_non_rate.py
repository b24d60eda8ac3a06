from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, is_change_name, is_satisfaction_name, text
from perflint.analysis.value_text import is_percent_name


def _quality_or_benefit(indicator) -> bool:
    return "质量" in text(indicator.level2) or "效益" in text(indicator.level2) or text(indicator.level1).startswith("效益")


class PercentOnNonRate(Rule):
    code = "PF209"
    slug = "percent-on-non-rate"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("指标名称不是比率，指标值却是百分比", "A percentage target on a name that is not a rate")
    messages = {
        "default": Text("指标“{name}”不是比率，指标值“{value}”是谁占谁的百分之几无从判断；请改为可计算的比率名称"
                        "（如“…完成率”“…合格率”）并在指标解释中写明计算公式，或改用数量、金额表述",
                        "{name!r} is not a rate, so nobody can tell what {value!r} is a percentage of; rename it as "
                        "a computable rate (…完成率, …合格率) with its formula in the note, or state a quantity or "
                        "amount"),
    }
    doc = RuleDoc(
        what=Text("质量指标或效益指标的指标值是百分比（常见为 100%），但三级指标名称不是比率、比例、覆盖面或满意度之类，"
                  "如“经费使用情况 100%”“群众受益情况 =100%”。名称表示增长或下降幅度的不在此列。",
                  "A quality or benefit indicator has a percentage target (usually 100%) but its name is not a rate, "
                  "share, coverage or satisfaction: 经费使用情况 100%, 群众受益情况 =100%. Names of a growth or "
                  "decline are exempt."),
        why=Text("百分比须有明确的分子和分母；“情况”“工作”之类的名称配上 100% 无法计算，实际上等于没有设定目标。",
                 "A percentage needs a numerator and a denominator; 100% of a 情况 cannot be computed, so no target "
                 "has really been set."),
        source="实务：地方申报表填报说明（定量指标要说明计算公式）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“细化量化”",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            name = text(indicator.name)
            # A change against a baseline (较上年增长8%) is a percentage of the baseline; a value that
            # names its own rate (合格率100%, 100%覆盖) says what it is a share of.
            if (constraint.unit != "%" or constraint.kind == "relative" or not name
                    or not _quality_or_benefit(indicator) or is_percent_name(name)
                    or is_percent_name(indicator.value) or is_change_name(name) or is_satisfaction_name(name)):
                continue
            yield self.hit(indicator.at("value"), name=name, value=text(indicator.value))
