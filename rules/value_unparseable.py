from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.value_text import residue, sentence_prose, unreadable_only_for_units

# Placeholders are template-residue's and empty cells value-empty's (PF103).
_REASONS = ("syntax", "multiple", "deferred", "reference", "not-applicable")
_NOT_APPLICABLE = "不适用"  # a row named 本项目不适用此指标: the template's slot kept instead of deleted


class ValueUnparseable(Rule):
    code = "PF206"
    slug = "value-unparseable"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("指标值无法识别为可考核的目标", "The target value cannot be read as a measurable target")
    messages = {
        "default": Text("指标“{name}”：{detail}", "Indicator {name!r}: {detail_en}"),
        "not_applicable": Text("“{name}”一行说明该指标不适用，却仍填了指标值“{value}”；不适用的指标应删除整行",
                               "The row {name!r} says the indicator does not apply, yet gives the target {value!r}; "
                               "delete rows that do not apply"),
    }
    doc = RuleDoc(
        what=Text("指标值既不是“比较符+数字+单位”、日期或等级，也不是可识别的定性表述：写法有误（单位无法识别、比较方向矛盾、"
                  "日期不存在）、一格填了多个目标、留待以后确定（待定、据实结算）、写“不适用”，或只写“见附件”。"
                  "提示说明具体问题和改法。",
                  "The value is neither comparator + number + unit, a date nor a grade: it is malformed (an unknown "
                  "unit, opposite comparators, a date that does not exist), holds several targets, defers the target "
                  "(待定, 据实结算), says 不适用, or only points elsewhere (见附件). The message says what is wrong "
                  "and how to write it."),
        why=Text("绩效目标应细化量化。读不出目标值的指标在运行监控和自评时无法判断是否完成。",
                 "Targets must be specific and quantified; a value nobody can read cannot be checked at monitoring "
                 "or self-evaluation."),
        source="财预〔2015〕88号 绩效目标设定要求“细化量化”；项目绩效目标申报表填报说明（目标值能量化的用数值表述）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if _NOT_APPLICABLE in text(indicator.name):
                yield self.hit(indicator.at("value"), "not_applicable", name=text(indicator.name),
                               value=text(indicator.value))
                continue
            constraint = indicator.constraint
            if constraint.kind != "unparseable" or constraint.reason not in _REASONS:
                continue
            # Cells that template-residue, value-is-sentence or unit-nonstandard explain better.
            if (residue(indicator.value, whole_cell=True) or sentence_prose(indicator)
                    or unreadable_only_for_units(indicator)):
                continue
            yield self.hit(indicator.at("value"), name=text(indicator.label), detail=constraint.message,
                           detail_en=constraint.message_en)
