from decimal import Decimal

from perflint.analysis.reading import plain
from perflint.engine.round_rule import RoundRule
from perflint.engine.rule import Category, Option, RuleDoc, Text
from perflint.findings import Severity

_SHOWN = 5  # other documents' values named in a message
# The modified z-score (Iglewicz and Hoaglin): 0.6745 × distance from the median ÷ MAD; 0.6745 makes the
# MAD of normally distributed values comparable with their standard deviation. Taken here on logarithms.
_CONSISTENCY = Decimal("0.6745")


def median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _amount(yuan: Decimal) -> str:
    return plain(yuan.quantize(Decimal("0.01")) if yuan < 100 else yuan.quantize(Decimal(1)))


class RoundUnitCostOutlier(RoundRule):
    code = "PF240"
    slug = "round-unit-cost-outlier"
    category = Category.APPROPRIATENESS
    severity = Severity.INFO
    summary = Text("单位成本远离本轮其他文件同名成本指标的水平", "A unit cost far from what the round's other documents "
                   "state for the same cost indicator")
    options = {
        "min_documents": Option(5, Text("同名成本指标至少出现在几份文件中才比较",
                                        "The fewest documents that must state a cost indicator for it to be compared")),
        "factor": Option(Decimal("3"), Text("超过中位数的多少倍（或不到其几分之一）才提示",
                                            "How many times the median a cost must exceed (or what fraction of it it "
                                            "must fall below) to be reported")),
        "z": Option(Decimal("3.5"), Text("稳健 z 值（对数尺度上 0.6745 × 与中位数之差 ÷ 中位数绝对偏差）超过多少才提示",
                                         "The robust z-score (on a log scale, 0.6745 × distance from the median ÷ "
                                         "median absolute deviation) a cost must exceed to be reported")),
    }
    messages = {
        "default": Text("成本指标“{name}”为“{value}”（折合每{per} {yuan} 元），是本轮 {count} 份文件同名指标中位数"
                        "（每{per} {median} 元）的 {times} 倍；其他文件：{others}。请核实金额单位（元或万元）和测算依据",
                        "Cost indicator {name!r} is {value!r} ({yuan} 元 per {per}), {times} times the median of the "
                        "same indicator in {count} documents of the round ({median} 元 per {per}); other documents: "
                        "{others}. Check the money unit (元 or 万元) and the costing"),
        "low": Text("成本指标“{name}”为“{value}”（折合每{per} {yuan} 元），只有本轮 {count} 份文件同名指标中位数"
                    "（每{per} {median} 元）的 {share}%；其他文件：{others}。请核实金额单位（元或万元）和测算依据",
                    "Cost indicator {name!r} is {value!r} ({yuan} 元 per {per}), only {share}% of the median of the "
                    "same indicator in {count} documents of the round ({median} 元 per {per}); other documents: "
                    "{others}. Check the money unit (元 or 万元) and the costing"),
    }
    doc = RuleDoc(
        what=Text("在同一轮审核的多份文件中（perflint check 检查一个以上文件时），把名称相同、计量单位可换算（元/人、万元/人、"
                  "元/万人……按单位表折算为每单位多少元）的单位成本指标放在一起，用对数尺度上的中位数和中位数绝对偏差（MAD）衡量"
                  "（成本按倍数而不是差额分布）：某个值超过中位数的 3 倍或不到其三分之一，且稳健 z 值超过 3.5 时提示，消息中列出其他文件的取值。"
                  "至少 5 份文件有该指标（且不为 0）才比较。",
                  "Across the documents of one review round (perflint check of more than one document), unit cost "
                  "indicators of the same name whose units convert (元/人, 万元/人, 元/万人 … through the unit table, to "
                  "元 per unit) are put side by side and measured with the median and the median absolute deviation "
                  "(MAD) on a log scale (costs spread by ratios, not differences): a value more than 3 times the median "
                  "or less than a third of it, with a robust z-score over 3.5, is reported with the other documents' values. "
                  "At least 5 documents must state the indicator (above 0)."),
        why=Text("同一轮中同类支出的单位成本应当相近；远离其他部门水平的成本，多数是把元写成了万元（或相反），或测算有误，"
                 "也可能是标准过高，审核时应要求说明测算依据。",
                 "Unit costs of like spending in one round should be close; one far from the other departments' is "
                 "mostly 元 written as 万元 (or the reverse) or a costing error, or else a standard set too high, and "
                 "reviewers ask for the costing."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“相应匹配”：与预算确定的资金量相匹配；实务：审核惯例（成本指标横向比较）",
    )

    def check_round(self, round, context):
        options = context.options
        factor, limit = options["factor"], options["z"]
        for key, refs in round.cost_groups(options["min_documents"]):
            # A cost of nothing is no cost to compare (and has no logarithm).
            refs = [ref for ref in refs if ref.yuan > 0]
            if len({ref.document for ref in refs}) < options["min_documents"]:
                continue
            middle = median([ref.yuan for ref in refs])
            # Costs spread by ratios, not differences: on a log scale a tenth is as far as ten times, and a
            # cost written in 元 instead of 万元 stands out however widely the others range.
            logs = {ref: ref.yuan.ln() for ref in refs}
            centre = median(list(logs.values()))
            spread = median([abs(v - centre) for v in logs.values()])
            per = key.rpartition("|")[2]
            for ref in refs:
                ratio = ref.yuan / middle
                if factor >= ratio >= 1 / factor:
                    continue
                if spread and _CONSISTENCY * abs(logs[ref] - centre) / spread <= limit:
                    continue
                row = round.project(ref.document, ref.project)["rows"][ref.row]
                others = sorted((r for r in refs if r.document != ref.document), key=lambda r: abs(r.yuan - middle))
                shown = [self._value(round, r) for r in others[:_SHOWN]]
                args = dict(name=row["name"], value=row["value"], per=per, yuan=_amount(ref.yuan),
                            count=len({r.document for r in refs}), median=_amount(middle),
                            others=Text("；".join(s.zh for s in shown) + (f" 等 {len(others)} 处" if len(others) > _SHOWN else ""),
                                        "; ".join(s.en for s in shown) + (f" and {len(others) - _SHOWN} more" if len(others) > _SHOWN else "")))
                if ratio >= factor:
                    yield self.round_hit(ref.document, row["at"], times=plain(ratio.quantize(Decimal("0.1"))), **args)
                else:
                    yield self.round_hit(ref.document, row["at"], "low",
                                         share=plain((ratio * 100).quantize(Decimal("0.1"))), **args)

    @staticmethod
    def _value(round, ref):
        row = round.project(ref.document, ref.project)["rows"][ref.row]
        path = round.path(ref.document)
        return Text(f"{path} “{row['value']}”", f"{path} {row['value']!r}")
