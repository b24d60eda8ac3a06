from perflint.engine.rule import Category, Edit, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.value_text import listing, operator_fixes, with_standard_operators


class OperatorSymbolNonstandard(Rule):
    code = "PF502"
    slug = "operator-symbol-nonstandard"
    category = Category.FORMAT
    severity = Severity.INFO
    fixable = True
    summary = Text("比较符或百分号写法不规范", "A comparator or percent sign is not in its standard form")
    messages = {
        "default": Text("“{cell}”中的{found}不是规范符号，应写作{standard}：“{fixed}”",
                        "{cell!r} uses {found} instead of the standard {standard}: write {fixed!r}"),
        "whole": Text("计算符号“{cell}”不是规范符号，应写作“{fixed}”",
                      "The comparator {cell!r} is not the standard sign; write {fixed!r}"),
    }
    doc = RuleDoc(
        what=Text("指标值或计算符号栏用 >=、<= 拼写比较符，或用了形近字符 ≧ ≦、全角 ＞＝ ＝ 和全角百分号 ％，"
                  "规范写法是 ≥ ≤ > < = 和 %。",
                  "A target value or the comparator column spells a comparator as >= or <=, or uses look-alikes "
                  "(≧ ≦, full-width ＞＝ ＝) or the full-width ％; the standard signs are ≥ ≤ > < = and %."),
        why=Text("计算符号是预算管理一体化系统中的编码字段；同一文本中符号写法不一，既不规范，也会妨碍数据导入和汇总。",
                 "The comparator is a coded field of the budget system; mixed spellings are untidy and break import "
                 "and aggregation."),
        source="实务：预算管理一体化系统绩效模块的“计算符号”栏（= ≥ ≤ > <）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            for field in ("value", "op"):
                cell = text(getattr(indicator, field))
                fixes = operator_fixes(cell)
                if not fixes:
                    continue
                pointer = indicator.at(field)
                fixed = with_standard_operators(cell)
                fix = (Edit(pointer, cell, fixed),)
                if field == "op" and len(fixes) == 1 and fixes[0][0] == cell:
                    yield self.hit(pointer, "whole", cell=cell, fixed=fixes[0][1], fix=fix)
                else:
                    yield self.hit(pointer, cell=cell, found=listing(found for found, _ in fixes),
                                   standard=listing(standard for _, standard in fixes), fixed=fixed, fix=fix)
