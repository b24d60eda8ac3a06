from decimal import Decimal

from perflint.analysis.digest import amount, implied
from perflint.analysis.reading import plain
from perflint.engine.round_rule import YearsRule
from perflint.engine.rule import Category, RuleDoc, Text
from perflint.findings import Severity
from perflint.values import parse_value

_HUNDRED = Decimal(100)
_LAST_YEAR = ("上年", "去年", "上一年", "上一年度")


def _shown(value: Decimal, unit: str) -> str:
    return f"{plain(value.quantize(Decimal('0.01')))}{unit}"


class RelativeTargetLastYear(YearsRule):
    code = "PF342"
    slug = "relative-target-last-year"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("相对上年的目标与上年的指标值对不上", "A target relative to last year does not agree with last "
                   "year's value")
    messages = {
        "default": Text("指标“{name}”的目标“{value}”以上年的“{last_value}”（{last_place}）计应为 {expected}，超过 100%，"
                        "无法实现；请改写为可实现的目标值",
                        "Target {value!r} of {name!r}, applied to last year's {last_value!r} ({last_place}), means "
                        "{expected}, beyond 100%, which cannot be reached; state a reachable target"),
        "stated": Text("指标“{name}”写明“{change}”，以上年的“{last_value}”（{last_place}）计目标应为 {expected}，"
                       "而指标值是“{value}”；请核实增幅或目标值",
                       "{name!r} states {change!r}, which on last year's {last_value!r} ({last_place}) means "
                       "{expected}, but the target is {value!r}; check the change or the target"),
    }
    doc = RuleDoc(
        what=Text("perflint compare 中，本年度指标的目标以上年为基准（比上年增长8%、较上年提高2个百分点、较上年提高），"
                  "上年度同一项目的同名指标写有数值目标时，把两者合起来核对：比率目标据此超过 100%（或上年已是 100% 仍要“提高”）；"
                  "或本年度指标值是数值，而指标描述、解释或名称写明较上年的增减幅度，按上年数值算出的目标与指标值不符。",
                  "In perflint compare, a target stated against last year (比上年增长8%, 较上年提高2个百分点, 较上年提高) "
                  "is checked with last year's numeric target for the same indicator of the same project: a rate "
                  "that would go beyond 100% (or must rise from 100%); or a numeric target whose description, note "
                  "or name states a change on last year that, applied to last year's number, gives another target."),
        why=Text("以上年为基准的目标只有结合上年的数值才能考核；算出来不可能实现，或与写明的增幅对不上，说明目标没有测算，"
                 "审核时应退回核实。",
                 "A target against last year can be assessed only with last year's number; one that comes out "
                 "impossible, or disagrees with the change it states, was not worked out, and reviewers send it back."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效标准：历史标准，绩效目标设定要求“细化量化”",
    )

    def check_pair(self, pair, context):
        for this, last in pair.rows():
            target = this["c"]
            before = amount(last["c"])
            if before is None:
                continue
            if target is not None and target[0] == "relative":
                if not any(word in (target[4] or "") for word in _LAST_YEAR) or before[1] != "%":
                    continue
                if not (last.get("rate") or last.get("sat")):
                    continue
                expected = implied(last["c"], target)
                over = expected is not None and (expected[0] > _HUNDRED or (target[1] == ">" and before[0] >= _HUNDRED))
                if over:
                    yield self.hit(this["at"], name=this["name"], value=this["value"], last_value=last["value"],
                                   last_place=pair.last_place(last["at"]),
                                   expected=Text(f"{'＞' if target[1] == '>' else ''}{_shown(expected[0], '%')}",
                                                 f"{'>' if target[1] == '>' else ''}{_shown(expected[0], '%')}"))
            elif this.get("rel") and not this.get("change"):  # 增长率 ≥10% with 比上年增长10%: the same change
                stated = parse_value(this["rel"])
                now = amount(this["c"])
                if stated.kind != "relative" or stated.number is None or now is None:
                    continue
                expected = implied(last["c"], ["relative", stated.op, str(stated.number), stated.unit, stated.baseline])
                if expected is None or expected[1] != now[1]:
                    continue
                if (stated.number > 0 and now[0] < expected[0]) or (stated.number < 0 and now[0] > expected[0]):
                    unit = last["c"][3] or ""
                    scale = before[0] / Decimal(last["c"][2]) if Decimal(last["c"][2]) else Decimal(1)
                    yield self.hit(this["at"], "stated", name=this["name"], change=this["rel"], value=this["value"],
                                   last_value=last["value"], last_place=pair.last_place(last["at"]),
                                   expected=_shown(expected[0] / scale, unit))
