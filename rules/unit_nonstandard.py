from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.indicator_terms import money_without_yuan
from perflint.analysis.reading import indicators, is_cost, text
from perflint.analysis.value_text import listing, unit_fixes, with_standard_units


class UnitNonstandard(Rule):
    code = "PF504"
    slug = "unit-nonstandard"
    category = Category.FORMAT
    severity = Severity.INFO
    summary = Text("计量单位写法不规范", "A unit is written in a non-standard form")
    messages = {
        "default": Text("“{cell}”中的单位{found}写法不规范，应写作{standard}：“{fixed}”",
                        "{cell!r} spells its unit {found} instead of the standard {standard}: write {fixed!r}"),
        "whole": Text("计量单位“{cell}”写法不规范，应写作“{fixed}”",
                      "The unit {cell!r} is not in its standard form; write {fixed!r}"),
        "yuan": Text("成本指标“{name}”的金额“{cell}”漏写了“元”，应写作“{fixed}”",
                     "The amount {cell!r} of cost indicator {name!r} leaves out 元; write {fixed!r}"),
    }
    doc = RuleDoc(
        what=Text("指标值或计量单位栏中的单位既不是中文单位名称，也不是合法的单位符号：大写或错写的拉丁字母（M 表示米、KM、KG、"
                  "m2 表示平方米）或口语写法（平米、方、人/次）。km、kg、㎡ 等法定符号不在此列。",
                  "A unit in a target value or the unit column is neither a Chinese unit name nor a legal symbol: "
                  "capitalised or misspelt Latin letters (M for 米, KM, KG, m2 for 平方米) or colloquial forms "
                  "(平米, 方, 人/次). Legal symbols such as km, kg and ㎡ are not reported."),
        why=Text("单位写法不规范容易误读（M 在法定计量单位中表示“兆”），也会妨碍按单位汇总和核对数量与成本。",
                 "Non-standard units are easily misread (M is the prefix mega in legal units) and break aggregation "
                 "and the matching of quantities with unit costs."),
        source="中共中央办公厅 国务院办公厅《党政机关公文处理工作条例》（中办发〔2012〕14号）公文审核重点（四）：计量单位等用法规范；《国务院关于在我国统一实行法定计量单位的命令》（1984年2月27日）"
               "所附《中华人民共和国法定计量单位》；国家标准 GB 3100-1993《国际单位制及其应用》（单位符号的写法）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            if is_cost(indicator) and money_without_yuan(constraint):
                scale = constraint.unit[0]
                fixed = constraint.input.replace(constraint.unit, f"{scale}元{constraint.unit[1:]}", 1)
                if fixed != constraint.input:
                    yield self.hit(indicator.at("value"), "yuan", name=text(indicator.name), cell=constraint.input,
                                   fixed=fixed)
                    continue
            for field, standalone in (("value", False), ("unit", True)):
                cell = text(getattr(indicator, field))
                fixes = unit_fixes(cell, standalone)
                if not fixes:
                    continue
                if field == "unit" and len(fixes) == 1 and fixes[0][0] == cell:
                    yield self.hit(indicator.at(field), "whole", cell=cell, fixed=fixes[0][1])
                else:
                    yield self.hit(indicator.at(field), cell=cell,
                                   found=listing(found for found, _ in fixes),
                                   standard=listing(standard for _, standard in fixes),
                                   fixed=with_standard_units(cell, standalone))
