import re

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import is_cost, tables, text
from perflint.analysis.value_text import HUNDRED, has_digit, sentence_prose
from perflint.values.units import lookup

# 每月15日前, 6月底: a date carries its own direction.
_DEADLINE_WORD = re.compile(r"[前底末]")


def _explicit(indicator) -> bool:
    """A number written with its comparator (≥2000份, 95%以上) or with a comparator column."""
    constraint = indicator.constraint
    return bool(text(indicator.op)) or (constraint.kind in ("quantity", "percent") and not constraint.implicit_op)


def _is_unambiguous(constraint) -> bool:
    """100% and 0 can only mean exactly that: no reviewer asks for =100%."""
    return constraint.number == 0 or (constraint.unit == "%" and constraint.number == HUNDRED)


def _suggestion(indicator) -> Text:
    value = text(indicator.value)
    unit = lookup(indicator.constraint.unit) if indicator.constraint.unit else None
    # Costs and durations are ceilings: ≤10万元, ≤24小时.
    if is_cost(indicator) or (unit is not None and unit.dimension == "time-duration"):
        return Text(f"“≤{value}”", f"≤{value}")
    return Text(f"“≥{value}”或“={value}”", f"≥{value} or ={value}")


class OperatorMissing(Rule):
    code = "PF213"
    slug = "operator-missing"
    category = Category.APPROPRIATENESS
    severity = Severity.INFO
    # On 27 real published tables none of its 25 findings was raised by a reviewer: a bare number reads as
    # the target itself. A bureau whose system requires 计算符号 selects it by name.
    opt_in = True
    summary = Text("数值目标没有写比较符，而同表其他指标写了", "A numeric target lacks the comparator other rows use")
    messages = {
        "default": Text("指标值“{value}”没有写比较符，而本表其他指标写了（如{related}“{example}”）；"
                        "请写明是 ≥、≤ 还是 =，如{suggestion}",
                        "Target {value!r} has no comparator while other rows of the table have one (e.g. "
                        "{example!r} on {related}); say whether it is ≥, ≤ or =, e.g. {suggestion}"),
    }
    doc = RuleDoc(
        what=Text("同一张绩效指标表里，有的数值目标写了比较符（≥2000份、≤10万元），这一行却只写了数字（2000公斤、1200元/亩），"
                  "也没有单独的计算符号栏。100%、0 只能理解为恰好等于，不在此列。",
                  "In one indicator table some numeric targets carry a comparator (≥2000份, ≤10万元) while this row "
                  "has only the number (2000公斤, 1200元/亩) and no comparator column. 100% and 0 can only mean "
                  "exactly that and are exempt."),
        why=Text("没有比较符，无法判断目标是下限、上限还是恰好等于；预算管理一体化系统中“计算符号”是每个定量指标的必选项。",
                 "Without a comparator nobody can tell whether the number is a floor, a ceiling or exact; the budget "
                 "system requires a 计算符号 for every quantitative indicator."),
        source="实务：预算管理一体化系统绩效模块的“计算符号”栏（定量指标必选）；实务：审核惯例（同一张表中比较符写法一致）",
    )

    def check(self, document, context):
        for _, _, rows in tables(document):
            examples = [row for row in rows if _explicit(row)]
            if not examples:
                continue
            for row in rows:
                constraint = row.constraint
                # A sentence (value-is-sentence) needs a new value, not a sign.
                if (constraint.kind not in ("quantity", "percent") or not constraint.implicit_op or text(row.op)
                        or not has_digit(row.value) or _is_unambiguous(constraint)
                        or _DEADLINE_WORD.search(text(row.value)) or sentence_prose(row)):
                    continue
                example = examples[0]
                yield self.hit(row.at("value"), related=example.at("value"), value=text(row.value),
                               example=text(example.value), suggestion=_suggestion(row))
