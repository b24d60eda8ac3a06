"""Findings about the suppression comments themselves. The runner applies the comments and asks
these rules about what is left over."""

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity

_SOURCE = "perflint 行内抑制约定（cli.md “Suppression”）"


class UnusedSuppression(Rule):
    code = "PF010"
    slug = "unused-suppression"
    category = Category.FORMAT
    severity = Severity.WARNING
    summary = Text("抑制注释没有抑制任何问题", "A suppression comment suppresses nothing")
    messages = {
        "default": Text("抑制注释中的 {names} 没有抑制任何问题，请删除", "The suppression of {names} suppresses nothing; remove it"),
        "bare": Text("抑制注释没有抑制任何问题，请删除", "This suppression comment suppresses nothing; remove it"),
    }
    doc = RuleDoc(
        what=Text("`# perflint: ignore[…]` 所在的行（或其下一行）上没有被它抑制的问题。只检查本次运行中启用的规则。",
                  "A `# perflint: ignore[…]` comment has nothing to suppress on its line (or the next). Only rules "
                  "enabled in this run are considered."),
        why=Text("问题改好后留下的抑制注释会在以后掩盖新的问题，审核人员也无从知道哪些豁免仍然有效。",
                 "A suppression left after the fix would hide the next problem on that line, and reviewers cannot "
                 "tell which waivers still matter."),
        source=_SOURCE,
    )


class SuppressionWithoutReason(Rule):
    code = "PF011"
    slug = "suppression-without-reason"
    category = Category.FORMAT
    severity = Severity.WARNING
    summary = Text("抑制注释没有写明理由", "A suppression comment gives no reason")
    options = {
        "required": Option(False, Text("是否要求写明理由（命令行 --require-reason 即开启）",
                                       "Whether a reason is required (the --require-reason flag turns it on)")),
    }
    messages = {
        "default": Text("抑制注释没有写明理由：请在 ignore[…] 之后说明为何豁免",
                        "The suppression gives no reason: say after ignore[…] why the rule is waived"),
    }
    doc = RuleDoc(
        what=Text("开启 --require-reason（或本规则的 required 选项）时，`# perflint: ignore[…]` 之后没有理由文字。",
                  "With --require-reason (or this rule's `required` option), a `# perflint: ignore[…]` comment "
                  "has no reason after it."),
        why=Text("财政审核人员需要知道一条规则为什么被豁免，才能判断豁免是否成立。",
                 "Finance-bureau reviewers need to know why a rule was waived to judge whether the waiver holds."),
        source=_SOURCE,
    )
