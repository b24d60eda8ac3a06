from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level1_of, level2_of
from perflint.analysis.indicator_terms import first_of, lexicon, negative_event, value_unit
from perflint.analysis.reading import bare_name, indicators, plain, text


# People reached, in a benefit row: more is never worse.
_PEOPLE = ("人", "人次", "户", "户次", "名")
# Names of counts whose unit column was left blank.
_COUNT_NAMES = ("数量", "个数", "人数", "次数", "台数", "件数", "户数")


class OutputCountUpperBound(Rule):
    code = "PF221"
    slug = "output-count-upper-bound"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("数量指标只设了上限", "An output count has only an upper bound")
    messages = {
        "default": Text("数量指标“{name}”的指标值“{value}”只规定了上限，完成 0 {unit}也算达标；产出数量应写下限，如“≥{number}{unit}”，"
                        "确为控制上限的请在名称中写明（如“…控制数”）",
                        "Output count {name!r} has target {value!r}, an upper bound only: delivering 0 {unit} would "
                        "meet it. State a floor such as ≥{number}{unit}; if it really is a cap, say so in the name "
                        "(…控制数)"),
        "exact_benefit": Text("效益指标“{name}”的指标值“{value}”用“=”设定，受益人数多于 {number}{unit} 反而不算达标；"
                              "受益、服务人数一类的效益目标应写下限，如“≥{number}{unit}”",
                              "Benefit indicator {name!r} has target {value!r}, an exact number: serving more than "
                              "{number}{unit} would miss it. People reached or served are a floor: ≥{number}{unit}"),
    }
    doc = RuleDoc(
        what=Text("数量指标的指标值用了 ≤ 或 <（如 ≤6962人），而名称和描述没有说明是控制数、上限或人均、每班等单位量。"
                  "事故、投诉等不良事件的件数不在此列。效益指标中受益、服务的人数或户数明确写了“=”（=30000人次）也报告：多了反而不达标。",
                  "An output count under 数量指标 has a target with ≤ or < (≤6962人) while neither its name nor "
                  "its description says it is a cap, a ceiling or a per-unit measure (人均, 每班). Counts of "
                  "adverse events (事故, 投诉) are not reported. A benefit row counting people or households "
                  "reached with an explicit = (=30000人次) is reported too: more would miss it."),
        why=Text("产出数量是承诺完成的工作量，应当是下限；只设上限的目标无论完成多少都算达标，起不到约束作用。",
                 "An output count is the work the money promises, a floor; a target with only a ceiling is met "
                 "however little is done."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“合理可行”“相应匹配”（与计划期内的任务数或计划数相对应）；实务：审核惯例（产出、效益设下限，成本、不良事件设上限）",
    )

    def check(self, document, context):
        allowed = lexicon()["upper_bound_ok"]
        dimensions = lexicon()["level2_cues"]["output_dimensions"]
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            unit = value_unit(constraint)
            name = text(indicator.name)
            if (level1_of(indicator) == "效益指标" and constraint.kind == "quantity" and constraint.op == "="
                    and not constraint.implicit_op and unit is not None and unit.base in _PEOPLE and not unit.per
                    and not negative_event(name)):
                yield self.hit(indicator.at("value"), "exact_benefit", name=indicator.label, value=constraint.input,
                               number=plain(constraint.number), unit=constraint.unit)
                continue
            counted = unit is None and bare_name(name).endswith(_COUNT_NAMES)  # 车辆采购数量 小于等于 1
            if (level2_of(indicator) != "数量指标" or constraint.kind != "quantity" or constraint.op not in ("<=", "<")
                    or not counted and (unit is None or unit.per or unit.dimension not in dimensions)):
                continue
            if first_of(name + text(indicator.description), allowed) or negative_event(name):
                continue
            yield self.hit(indicator.at("value"), name=indicator.label, value=constraint.input,
                           number=plain(constraint.number), unit=constraint.unit or "")
