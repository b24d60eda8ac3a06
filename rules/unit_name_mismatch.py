import re
from typing import Iterator

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.indicator_terms import first_of, lexicon, value_unit
from perflint.analysis.reading import bare_name, indicators, text
from perflint.values.units import lookup

# A unit in brackets inside a name: 培训人数（人）, 完成率(%), 资金（单位：万元）.
_BRACKETED = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^（）()]{1,8}?)\s*[）)]")
_PEOPLE = ("人数", "人次", "人口")
_HOUSEHOLDS = ("户数", "户次")


def _mismatches(indicator) -> Iterator[tuple[str, dict]]:
    """(message key, arguments) for each way the name and the value's unit disagree."""
    name = text(indicator.name)
    unit = value_unit(indicator.constraint)
    if unit is None:
        return
    for match in _BRACKETED.finditer(name):
        named = lookup(match[1])
        if named is not None and named.name != unit.name:
            yield "default", {"named": named.name}
    if first_of(name, _PEOPLE) and "户" not in name and unit.base in ("户", "户次"):
        yield "household", {"what": Text("人数", "people")}
    elif first_of(name, _HOUSEHOLDS) and not first_of(name, _PEOPLE) and unit.base in ("人", "人次"):
        yield "household", {"what": Text("户数", "households")}
    if unit.name == "年" and not first_of(name, lexicon()["duration_names"]):
        yield "year", {}
    words = lexicon()["name_units"]
    bare = bare_name(name)
    counted = next((u for ending, u in words["count_endings"].items() if bare.endswith(ending)), None)
    generic = words["generic_classifiers"]
    if (counted and unit.dimension == "count" and unit.base != counted and unit.base not in generic
            and {unit.base, counted} not in [set(pair) for pair in words["same_counts"]]):
        yield "default", {"named": counted}
    if bare.endswith(tuple(words["money_nouns"])) and unit.dimension not in ("money", "ratio") and not unit.per:
        yield "money", {}
    if bare.endswith(tuple(words["time_nouns"])) and unit.name in ("%", "‰"):
        yield "time", {}
    # The material is what is measured only when the name ends in it (秸秆数量, not 秸秆利用点个数).
    head = re.sub(r"(?:总?数量|总量|数)$", "", bare)
    material = next((m for m in words["materials"] if head.endswith(m)), None)
    if material and unit.dimension == "count" and not unit.per and unit.base in generic:
        yield "material", {"material": material}


class UnitNameMismatch(Rule):
    code = "PF227"
    slug = "unit-name-mismatch"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("指标名称与指标值的计量单位不一致", "The indicator's name and its target's unit disagree")
    messages = {
        "default": Text("“{name}”名称中注明的计量单位是“{named}”，指标值“{value}”的单位却是“{unit}”；请统一计量单位",
                        "{name!r} names the unit {named!r} but its target {value!r} is in {unit!r}; use one unit"),
        "household": Text("“{name}”统计的是{what}，指标值“{value}”却以“{unit}”计；人数和户数口径不同，请统一名称和计量单位",
                          "{name!r} counts {what} but its target {value!r} is in {unit!r}; people and households "
                          "are different counts, make the name and the unit agree"),
        "year": Text("“{name}”不是年限或期限，指标值“{value}”却以“年”计；请改用实际的计量单位（如 册、次、份），"
                     "“每年”的频次写作“次/年”",
                     "{name!r} is not a duration, yet its target {value!r} is in 年; use the real unit (册, 次, 份), "
                     "and write a yearly frequency as 次/年"),
        "money": Text("“{name}”是一笔费用或资金，指标值“{value}”却以“{unit}”计；请改为金额，或把名称改为所计数的对象"
                      "（如 服务小区个数）",
                      "{name!r} is a fee or fund, yet its target {value!r} is in {unit!r}; give an amount, or rename "
                      "it after what is counted (服务小区个数)"),
        "material": Text("“{name}”计量的是{material}，指标值“{value}”却以“{unit}”计；{material}应按重量或体积计量"
                         "（吨、立方米），若统计的是处理点或设施，请改写名称",
                         "{name!r} measures {material}, yet its target {value!r} is in {unit!r}; {material} is weighed "
                         "or measured by volume (吨, 立方米) — if sites or facilities are counted, rename it"),
        "time": Text("“{name}”是时间或时限，指标值“{value}”却是百分比；请写明日期或时长（如 2026年11月30日前）",
                     "{name!r} is a time or deadline, yet its target {value!r} is a percentage; give a date or a "
                     "duration (2026年11月30日前)"),
    }
    doc = RuleDoc(
        what=Text("指标名称括号中注明的单位（如“培训人数（人）”）与指标值的单位不同；名称是人数、人次、人口而单位是户，"
                  "或名称是户数而单位是人；名称不是年限、期限、周期之类，单位却是“年”；名称以计数单位结尾（抽检批次、演出场次）"
                  "而指标值用了另一个计数单位（组、次）；名称是一笔费用（物业费、补助资金）而指标值是个数；"
                  "名称是时间或时限而指标值是百分比；名称是秸秆、垃圾、污水等物料而指标值以个、项计。",
                  "A unit in brackets in the name (培训人数（人）) differs from the target's unit; a name counting "
                  "people (人数, 人次, 人口) measured in 户, or households (户数) in 人; or the unit 年 on a name that "
                  "is not a duration (年限, 期限, 周期); a name ending in a counting unit (抽检批次, 演出场次) with "
                  "a target in another one (组, 次); a fee or fund (物业费, 补助资金) counted in pieces; or a time or "
                  "deadline given as a percentage; or a material (秸秆, 垃圾, 污水) counted in pieces (个, 项)."),
        why=Text("名称与计量单位不一致，指标的口径就不确定，评价时无法判断按什么统计；预算管理一体化系统中计量单位单独填列，"
                 "与名称不符会被退回修改。",
                 "When the name and the unit disagree nobody can tell what is counted; budget systems keep the unit "
                 "in a column of its own, and a unit that contradicts the name is sent back."),
        source="实务：预算管理一体化系统绩效模块的保存校验（计量单位单独填列，定量指标必填）；实务：审核惯例（名称与计量单位口径不一致的退回修改）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            # Tables with a 计量单位 column: the unit written there is what disagrees.
            pointer = indicator.at("unit") if text(indicator.unit) else indicator.at("value")
            for key, args in _mismatches(indicator):
                constraint = indicator.constraint
                yield self.hit(pointer, key, name=text(indicator.name), value=constraint.input,
                               unit=constraint.unit, **args)
