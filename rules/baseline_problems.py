"""Findings about the baseline itself (`perflint check --baseline FILE`)."""

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity


class StaleBaselineEntry(Rule):
    code = "PF015"
    slug = "baseline-entry-stale"
    category = Category.FORMAT
    severity = Severity.INFO
    summary = Text("基线中的条目已不再出现", "A baseline entry no longer matches")
    messages = {
        "default": Text("基线中记录的 {code}（{pointer}：“{value}”）已不再出现，问题可能已改正；"
                        "请用 --write-baseline 更新基线",
                        "The baseline's {code} at {pointer} ({value!r}) no longer occurs, perhaps fixed; "
                        "update the baseline with --write-baseline"),
    }
    doc = RuleDoc(
        what=Text("--baseline 指定的基线文件中，本文档的某个条目已没有对应的问题。",
                  "An entry the --baseline file holds for this document matches no finding any more."),
        why=Text("基线只应记录仍然存在的历史问题；及时删去已改正的条目，基线才会逐步缩小，新问题才不会被旧条目掩盖。",
                 "A baseline should hold only problems that still exist; dropping the fixed ones makes it shrink "
                 "and keeps old entries from hiding new problems."),
        source="perflint 基线约定",
        bad="(基线记录了 PF201，而该指标值已改为 ≥90%)",
        good="(用 perflint check --write-baseline 重新生成的基线)",
    )
