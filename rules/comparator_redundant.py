from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.value_text import redundant_comparator, show


class ComparatorRedundant(Rule):
    code = "PF503"
    slug = "comparator-redundant"
    category = Category.FORMAT
    severity = Severity.INFO
    summary = Text("比较符与“以上”“以内”等词重复", "A comparator is doubled by a word such as 以上 or 以内")
    messages = {
        "default": Text("指标值“{value}”中“{lead}”与“{post}”重复表达同一比较关系，请只保留一个，写作“{fixed}”",
                        "In {value!r}, {lead!r} and {post!r} say the same thing twice; keep one: {fixed!r}"),
    }
    doc = RuleDoc(
        what=Text("指标值既写了比较符或“不低于”“不超过”，又在数字后写了同方向的“以上”“以下”“以内”，"
                  "如“≥95%以上”“不低于95%以上”“不超过10万元以内”。“达到95%以上”“控制在10万元以内”是规范说法，不在此列。",
                  "A value has both a comparator (≥, 不低于, 不超过) and a trailing word of the same direction (以上, "
                  "以下, 以内): ≥95%以上, 不低于95%以上, 不超过10万元以内. 达到95%以上 and 控制在10万元以内 are "
                  "correct and exempt."),
        why=Text("重复的比较表述不规范，还会让人怀疑“≥95%以上”是否指大于 95%；规范写法只用一个比较符。",
                 "The doubled comparison is sloppy and leaves readers wondering whether ≥95%以上 means more than 95%; "
                 "the standard form has one comparator."),
        source="实务：预算管理一体化系统绩效模块的“计算符号”栏（比较关系只在计算符号中表达）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            if constraint.kind not in ("quantity", "percent") or constraint.implicit_op:
                continue
            found = redundant_comparator(indicator.value)
            if found is not None:
                lead, post = found
                yield self.hit(indicator.at("value"), value=text(indicator.value), lead=lead, post=post,
                               fixed=show(constraint))
