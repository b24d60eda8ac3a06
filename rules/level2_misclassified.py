from typing import Optional

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level2_of
from perflint.analysis.indicator_terms import first_of, lexicon, negative_event, value_unit
from perflint.analysis.reading import indicators, text

_OUTPUT_LEVELS = ("数量指标", "质量指标", "时效指标")


def _ends_within(constraint, year: int) -> bool:
    """A date or period that ends by the end of the budget year (2020年1月--2020年11月 in 2020)."""
    last = (constraint.date or "").split("/")[-1][:4] if constraint.kind == "deadline" else ""
    return last.isdigit() and int(last) <= year


def _misclassified(indicator) -> Optional[tuple[str, str]]:
    """(message key, the 二级 the row belongs to) when its value or name clearly belongs elsewhere."""
    cues = lexicon()["level2_cues"]
    level2 = level2_of(indicator)
    name = text(indicator.name)
    constraint = indicator.constraint
    unit = value_unit(constraint)
    if unit is not None and unit.dimension == "money":
        return "money", "成本指标"
    plain_unit = constraint.kind == "quantity" and unit is not None and not unit.per
    physical = plain_unit and unit.dimension in cues["output_dimensions"]
    if level2 == "时效指标":
        if physical and not first_of(name + text(indicator.description), cues["time_words"]):
            return "default", "数量指标"
        return None
    # A ceiling on a short duration is a turnaround time; 培训时长 ≥24小时 is a quantity of service.
    turnaround = plain_unit and unit.name in cues["short_durations"] and constraint.op in ("<=", "<")
    if constraint.kind == "deadline" or turnaround:
        return "time-value", "时效指标"
    if level2 == "质量指标":
        if first_of(name, cues["time_names"]):
            return "time-name", "时效指标"
        if physical and not first_of(name, cues["quality_words"]) and not negative_event(name):
            return "default", "数量指标"
    return None


class Level2Misclassified(Rule):
    code = "PF311"
    slug = "level2-misclassified"
    category = Category.RELEVANCE
    severity = Severity.INFO
    summary = Text("三级指标的内容与所属二级指标不符", "An indicator's content does not fit its second level")
    messages = {
        "default": Text("“{name}”的指标值“{value}”是完成数量，应归入{suggested}，却放在“{level2}”下；请核实二级指标归类",
                        "{name!r} has target {value!r}, a quantity delivered, which belongs under {suggested}, not "
                        "{level2}; check its second level"),
        "money": Text("“{name}”的指标值“{value}”是金额，应归入{suggested}，却放在“{level2}”下；请核实二级指标归类",
                      "{name!r} has target {value!r}, an amount of money, which belongs under {suggested}, not "
                      "{level2}; check its second level"),
        "time-value": Text("“{name}”的指标值“{value}”是时限，应归入{suggested}，却放在“{level2}”下；请核实二级指标归类",
                           "{name!r} has target {value!r}, a time limit, which belongs under {suggested}, not "
                           "{level2}; check its second level"),
        "off-level": Text("{level2}“{name}”（{value}）写的不是{level2}的内容：名称、描述和指标值都与{topic}无关；"
                          "请改为反映{topic}的指标，或移到相应的二级指标下",
                          "{level2} {name!r} ({value}) is not about {topic_en}: its name, description and target "
                          "concern none of it; measure {topic_en} there, or move the row to its proper level"),
        "short-lasting": Text("可持续影响指标“{name}”的期限“{value}”没有超出{year}年，说的是项目本身的期间，"
                              "不是项目结束后的持续影响；请写明影响持续的年限或长效机制",
                              "Sustainability indicator {name!r} ends within {year} ({value}): that is the project's "
                              "own period, not a lasting effect after it; state how long the effect lasts"),
        "time-name": Text("“{name}”衡量的是完成时限，应归入{suggested}，却放在“{level2}”下；请核实二级指标归类",
                          "{name!r} measures timeliness, which belongs under {suggested}, not {level2}; check its "
                          "second level"),
    }
    doc = RuleDoc(
        what=Text("产出指标下的数量、质量、时效指标，其三级指标的指标值或名称明显属于另一个二级：金额（应为成本指标）、"
                  "日期或办理时长放在数量或质量指标下、“及时率”“完成时间”放在质量指标下、件数人数放在时效指标下"
                  "或没有质量含义却放在质量指标下。只报告明显的情形；数量指标填百分比由 PF225 报告。"
                  "经济效益、生态效益指标的名称、描述和指标值与经济或生态全无关系时也报告（如 经济效益“收支平衡”），"
                  "可持续影响指标的期限没有超出预算年度时也报告。",
                  "A row under 数量, 质量 or 时效指标 whose value or name plainly belongs to another second level: "
                  "money (成本指标), a date or a turnaround time under 数量 or 质量, 及时率/完成时间 under 质量, or a "
                  "count under 时效 or under 质量 with no quality in its name. Only clear cases are reported; "
                  "percentages under 数量指标 are PF225's. Economic and ecological benefit rows whose name, "
                  "description and target have nothing to do with either are reported too (经济效益: 收支平衡), "
                  "and sustainability rows whose period ends within the budget year."),
        why=Text("二级指标决定了指标按什么口径评价；质量、时效、数量混放，评价时就会用错标准，也看不出哪一方面没有设目标。",
                 "The second level decides how an indicator is judged; with quantity, quality and timeliness mixed "
                 "up, the wrong yardstick is applied and gaps in the targets go unseen."),
        source="实务：地方申报表填报说明（数量、质量、时效、成本指标的定义）；实务：审核惯例（质量与效益等二级指标混淆）",
    )

    def check(self, document, context):
        topics = lexicon()["benefit_topics"]
        for _, indicator in indicators(document):
            level2 = level2_of(indicator)
            if level2 == "可持续影响指标" and document.year and _ends_within(indicator.constraint, document.year):
                yield self.hit(indicator.at("value"), "short-lasting", name=text(indicator.name),
                               value=text(indicator.value), year=document.year)
                continue
            topic = topics.get(level2)
            if topic is not None:
                # Rows whose name was left blank, or that are marked not applicable, are value-empty's and
                # value-unparseable's; a form without a name column says it all in the value.
                name = text(indicator.name)
                blank = not name and "name" in indicator.model_fields_set
                said = name + text(indicator.description) + text(indicator.value)
                if not blank and "不适用" not in name and not any(word in said for word in topic["words"]):
                    yield self.hit(indicator.at("level2"), "off-level", name=text(indicator.name) or indicator.label,
                                   value=text(indicator.value), level2=text(indicator.level2), topic=topic["zh"],
                                   topic_en=topic["en"])
                continue
            if level2 not in _OUTPUT_LEVELS:
                continue
            found = _misclassified(indicator)
            if found is None:
                continue
            key, suggested = found
            yield self.hit(indicator.at("level2"), key, name=text(indicator.name) or indicator.label,
                           value=indicator.constraint.input, suggested=suggested, level2=text(indicator.level2))
