from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.indicator_terms import lexicon, negative_event
from perflint.analysis.reading import indicators, plain, text


def _asks_for_more(constraint) -> bool:
    """A target that a rising number of adverse events would meet or exceed."""
    if constraint.kind in ("quantity", "percent", "relative"):
        return constraint.op in (">=", ">")
    if constraint.kind == "boolean":
        return bool(constraint.value)
    if constraint.kind == "graded":
        return constraint.grade in lexicon()["negative_events"]["more_grades"]
    return False


class NegativeEventDirection(Rule):
    code = "PF222"
    slug = "negative-event-direction"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("不良事件类指标的目标方向反了", "An adverse-event indicator's target points the wrong way")
    messages = {
        "default": Text("“{name}”统计的是{event}，越少越好，指标值“{value}”却设成了下限；请改为上限，如“≤{example}”，或“=0”",
                        "{name!r} counts {event}, where fewer is better, yet its target {value!r} is a floor; "
                        "state a ceiling instead, e.g. ≤{example}, or =0"),
        "relative": Text("“{name}”统计的是{event}，越少越好，指标值“{value}”却要求增加；请改为下降目标，如“较上年下降5%”",
                         "{name!r} counts {event}, where fewer is better, yet its target {value!r} asks for a rise; "
                         "set a fall instead, e.g. 较上年下降5%"),
        "more": Text("“{name}”统计的是{event}，越少越好，指标值“{value}”却要求更多；请改为上限（如“≤2%”“=0起”）或“否”“未发生”",
                     "{name!r} counts {event}, where fewer is better, yet its target {value!r} asks for more; "
                     "state a ceiling (≤2%, =0起) or 否/未发生"),
    }
    doc = RuleDoc(
        what=Text("名称表示事故、投诉、差错、违规、故障、再犯罪、脱管等不良事件（或其发生率）的指标，指标值用了 ≥、>、"
                  "“是/有”或“较高”。名称是处理、整改、查处、下降或“无…”的（如 投诉办结率、事故发生率下降幅度）不报告。",
                  "An indicator counting adverse events or their rate (事故, 投诉, 差错, 违规, 故障, 再犯罪, 脱管 …) "
                  "has a target with ≥ or >, or 是/有, or 较高. Names about handling, correcting, reducing or the "
                  "absence of the events (投诉办结率, 事故发生率下降幅度, 无事故天数) are not reported."),
        why=Text("产出和效益设下限，不良事件设上限；“差错率 ≥2%”只要差错足够多就达标，与目标本意相反，评价时也无法打分。",
                 "Outputs and effects take floors, adverse events ceilings; 差错率 ≥2% is met by making enough "
                 "errors, the opposite of what was meant, and cannot be scored."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“合理可行”；实务：审核惯例（不良事件类指标以上限或零发生设定）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            event = negative_event(name)
            constraint = indicator.constraint
            if event is None or not _asks_for_more(constraint):
                continue
            if constraint.kind in ("quantity", "percent") and constraint.number:
                yield self.hit(indicator.at("value"), name=name, event=event, value=constraint.input,
                               example=f"{plain(constraint.number)}{constraint.unit or ''}")
            else:
                key = "relative" if constraint.kind == "relative" else "more"
                yield self.hit(indicator.at("value"), key, name=name, event=event, value=constraint.input)
