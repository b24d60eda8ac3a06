from perflint.analysis.reading import indicators, text
from perflint.analysis.slogans import counts_something, slogan_kind
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity

_ADVICE = Text("请改为有可计数或可核验对象的指标（如 …人数、…场次、…覆盖率、…完成时间），把方向和口号写进绩效目标",
               "name something counted or checked instead (…人数, …场次, …覆盖率, …完成时间) and keep aims for the goal")


class SloganIndicator(Rule):
    code = "PF231"
    slug = "slogan-indicator"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("三级指标名称是口号或工作方向，没有可衡量的对象", "An indicator name is a slogan with nothing to measure")
    messages = {
        "direction": Text("三级指标“{name}”是工作方向，不是可衡量的指标（指标值“{value}”）；{advice}",
                          "Indicator {name!r} states an aim, not something measured (target {value!r}); {advice}"),
        "abstract": Text("三级指标“{name}”衡量的是抽象的状况，没有可计数或可核验的对象（指标值“{value}”）；{advice}",
                         "Indicator {name!r} measures an abstraction with nothing to count or check (target "
                         "{value!r}); {advice}"),
        "sentence": Text("三级指标名称写成了一段话（“{name}”），不是一个指标；{advice}",
                         "The indicator name is a passage of text ({name!r}), not an indicator; {advice}"),
        "generic": Text("三级指标“{name}”衡量的是“工作”或“指标”本身，没有说明是哪些工作、产出什么；{advice}",
                        "Indicator {name!r} measures the work or the indicators themselves, not which work or what "
                        "it delivers; {advice}"),
        "default": Text("三级指标“{name}”没有可衡量的对象；{advice}", "Indicator {name!r} names nothing to measure; {advice}"),
    }
    doc = RuleDoc(
        what=Text("三级指标名称不是可以计数或核验的对象，而是：以“提升、促进、维护、确保……”开头的工作方向（维护社会稳定、"
                  "提升城市知名度），以“情况、程度、水平、素质……”结尾的抽象状况（义务教育优质均衡发展情况），"
                  "一段带标点的话，或“各项工作”“工作任务”“绩效考核指标”本身（工作任务完成率）。名称虽是方向、"
                  "指标值却是带单位的数量（增加就业岗位 ≥50个）时不报告；满意度指标不在此列。",
                  "The indicator's name is no countable or checkable object but an aim opening with 提升, 促进, 维护, "
                  "确保 … (维护社会稳定, 提升城市知名度), an abstraction ending in 情况, 程度, 水平, 素质 … (义务教育优质"
                  "均衡发展情况), a passage of text with punctuation, or the work or indicators themselves (工作任务"
                  "完成率). An aim whose target is an amount with a unit (增加就业岗位 ≥50个) is not reported, nor are "
                  "satisfaction indicators."),
        why=Text("绩效指标是对绩效目标的细化和量化，必须有明确的衡量对象；口号式指标配上“100%”“显著提升”，"
                 "年终无法取数，也无法判断是否完成。真实文本中效益指标最常见这一问题。",
                 "Indicators refine and quantify the goal and need an object to measure; a slogan given 100% or "
                 "显著提升 cannot be measured at the end of the year. On real tables it is the commonest defect of "
                 "benefit indicators."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“细化量化”：绩效指标是绩效目标的细化和量化描述，不能量化的应具有可衡量性",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            kind = slogan_kind(name)
            if kind is None or (kind in ("direction", "abstract") and counts_something(indicator)):
                continue
            yield self.hit(indicator.at("name"), kind, name=name, value=text(indicator.value), advice=_ADVICE)
