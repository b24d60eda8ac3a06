from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.value_text import quote, residue

# The fields checked, and whether a cell holding only a dash, slash or dots counts as residue there.
# Such a description is a common way to leave an optional cell blank; a name or value is not optional.
_FIELDS = (
    ("value", Text("指标值", "target value"), True),
    ("name", Text("三级指标名称", "indicator name"), True),
    ("description", Text("指标描述", "indicator description"), False),
)


class TemplateResidue(Rule):
    code = "PF205"
    slug = "template-residue"
    category = Category.APPROPRIATENESS
    severity = Severity.ERROR
    summary = Text("指标中残留模板占位符或填表说明", "Template placeholders or instructions are left in an indicator")
    messages = {
        "default": Text("{field}“{cell}”中的“{found}”是模板残留，请删除或替换为实际内容",
                        "{found!r} in the {field} {cell!r} is left over from the template; delete it or write "
                        "the actual content"),
        "whole": Text("{field}“{cell}”是模板残留，请替换为实际内容",
                      "The {field} {cell!r} is left over from the template; write the actual content"),
        "placeholder": Text("{detail}", "{detail_en}"),
    }
    doc = RuleDoc(
        what=Text("指标值、三级指标名称或指标描述中残留了指标库和参考模板的内容：占位符（≥**、xx%、XX、××、……）、"
                  "核心指标标记（★、★★★）、填表说明（请填写、请根据实际情况填写、示例、(必填)），"
                  "或者指标值、指标名称只填了 -、/、_、* 之类的符号。",
                  "A target value, indicator name or description still holds material from the indicator menu or "
                  "template: placeholders (≥**, xx%, XX, ××, ……), core-indicator marks (★, ★★★), instructions "
                  "(请填写, 示例, (必填)), or a value or name that is only -, /, _ or *."),
        why=Text("模板残留说明目标没有真正设定，原样公开也有损文本质量；预算管理一体化系统对只含 -、_、* 的指标值和名称不予保存。",
                 "Template residue shows the target was never actually set and is embarrassing once published; "
                 "the budget system refuses values and names that are only -, _ or *."),
        source="实务：预算管理一体化系统绩效模块的保存校验（指标值、指标名称不得只有 -、_、*）；实务：指标库和参考模板（≥**、XX 等占位符和★核心指标标记）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            constraint = indicator.constraint
            for field, label, whole_cell in _FIELDS:
                if field == "value" and constraint.kind == "unparseable" and constraint.reason == "placeholder":
                    # The parser already says which placeholder it is and what to write instead.
                    yield self.hit(indicator.at(field), "placeholder", detail=constraint.message,
                                   detail_en=constraint.message_en)
                    continue
                cell = getattr(indicator, field)
                found = residue(cell, whole_cell)
                if found is None:
                    continue
                if found == text(cell):
                    yield self.hit(indicator.at(field), "whole", field=label, cell=quote(cell))
                else:
                    yield self.hit(indicator.at(field), field=label, cell=quote(cell), found=found)
