import re

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.value_text import bare_fraction, has_digit, unit_hint
from perflint.values.units import bracketed_unit


_RATIO = re.compile(r"\d+(?:\.\d+)?\s*[:：]\s*\d+(?:\.\d+)?")


class UnitMissing(Rule):
    code = "PF208"
    slug = "unit-missing"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("数值型指标值没有计量单位", "A numeric target has no unit")
    messages = {
        "default": Text("指标值“{value}”只有数字，没有计量单位；请补上单位（如 %、人、个、万元），或在计量单位栏填写",
                        "Target {value!r} is a bare number; add its unit (e.g. %, 人, 个, 万元) or fill in the "
                        "unit column"),
        "hint": Text("指标值“{value}”只有数字，没有计量单位；按指标名称“{name}”应写作{examples}",
                     "Target {value!r} is a bare number; from the name {name!r} it should read {examples}"),
    }
    doc = RuleDoc(
        what=Text("指标值是数字（或数字区间）却没有计量单位，计量单位栏和指标名称后的括号里也没有，如苗木成活率“≥90”、服务周期“90”。",
                  "A numeric target (or range) has no unit, and neither the unit column nor brackets after the name "
                  "give one: 苗木成活率 ≥90, 服务周期 90."),
        why=Text("没有单位的数字含义不明（90 是 90% 还是 90 株？），无法考核；预算管理一体化系统中定量指标的计量单位为必填项。",
                 "A bare number is ambiguous (90% or 90 plants?) and cannot be assessed; the budget system requires "
                 "a unit for every quantitative indicator."),
        source="实务：预算管理一体化系统绩效模块的保存校验（定量指标计量单位必填）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            if constraint.kind not in ("quantity", "range") or constraint.unit or text(indicator.unit):
                continue
            numbers = [n for n in (constraint.number, constraint.low, constraint.high) if n is not None]
            # Zero of anything needs no unit (0, i.e. no incidents); 九成 and 三 are read from words; a
            # ratio such as 1:1 is a pure number.
            if (not any(numbers) or not has_digit(indicator.value) or bracketed_unit(indicator.name)
                    or bare_fraction(indicator)  # rate-unit-mismatch's: 1 for 100%
                    or _RATIO.fullmatch(constraint.remark or "")):
                continue
            value = text(indicator.value)
            units = unit_hint(indicator.name)
            if units:
                examples = Text("或".join(f"“{value}{unit}”" for unit in units),
                                " or ".join(f"{value}{unit}" for unit in units))
                yield self.hit(indicator.at("value"), "hint", value=value, name=text(indicator.name),
                               examples=examples)
            else:
                yield self.hit(indicator.at("value"), value=value)
