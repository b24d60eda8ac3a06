from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators
from perflint.analysis.value_text import quote, sentence_prose, show


class ValueIsSentence(Rule):
    code = "PF207"
    slug = "value-is-sentence"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("指标值写成了一句话，而不是目标值", "The target value is a sentence, not a target")
    messages = {
        "default": Text("指标值“{value}”是一句描述，不是可考核的目标值；请只填写比较符、数字和单位（如“≥2000份”“=800元/人”）"
                        "或日期，做法和标准写入指标描述或指标解释",
                        "Target {value!r} is a sentence, not a measurable target; write only comparator, number and "
                        "unit (e.g. ≥2000份, =800元/人) or a date, and move how and by what standard to the "
                        "description or note"),
        "readable": Text("指标值“{value}”夹带了说明文字“{prose}”；指标值只填“{target}”，说明写入三级指标名称或指标解释",
                         "Target {value!r} carries the wording {prose!r}; write only {target!r} as the value and move "
                         "the wording to the indicator name or note"),
    }
    doc = RuleDoc(
        what=Text("指标值是一段文字而不是目标值：读不出数字、日期或等级且较长或含有“按照”“确保”“完成”等动词短语"
                  "（严格按照800元/人的标准足额发放到户）；或者数字前后夹带了一段动词短语（全年开展普法宣传活动不少于20场）。"
                  "“有效提升”之类的模糊表述由 vague-target 检查。",
                  "The value is prose rather than a target: nothing readable as a number, date or grade, and long or "
                  "built on a verb such as 按照, 确保, 完成 (严格按照800元/人的标准足额发放到户); or a number wrapped in a "
                  "verb phrase (全年开展普法宣传活动不少于20场). Vague phrases such as 有效提升 are vague-target's."),
        why=Text("目标值应是数值，或不能量化时的规范定性等级；一句话既难以核对，也常把工作要求当成了绩效目标。",
                 "A target is a number or, where nothing can be counted, a defined grade; a sentence is hard to check "
                 "and often states a work requirement instead of a result."),
        source="实务：地方申报表填报说明（目标值可量化的用数值表述，不能量化的用定性的专业术语表述）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“细化量化”",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            prose = sentence_prose(indicator)
            if prose is None:
                continue
            constraint = indicator.constraint
            value = quote(constraint.input)
            if constraint.kind == "unparseable":
                yield self.hit(indicator.at("value"), value=value)
            else:
                yield self.hit(indicator.at("value"), "readable", value=value, prose=prose, target=show(constraint))
