from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.value_text import instruction, quote, residue
from perflint.load.model import Indicator, Node, aliases

# The fields checked, and whether a cell holding only a dash, slash or dots counts as residue there.
# Such a description is a common way to leave an optional cell blank; a name or value is not optional.
_FIELDS = (
    ("value", Text("指标值", "target value"), True),
    ("name", Text("三级指标名称", "indicator name"), True),
    ("description", Text("指标描述", "indicator description"), False),
)
_INDICATOR_CELLS = frozenset(field for field, _, _ in _FIELDS)


def _other_text(node: Node):
    """(pointer, text, label) of every text in the document outside the indicator cells above, where a
    template's instructions (请填写部门全称, FILL IN the project name) are residue too."""
    for name in type(node).model_fields:
        if isinstance(node, Indicator) and name in _INDICATOR_CELLS:
            continue
        value = getattr(node, name)
        labels = aliases(type(node), name)
        label = Text(labels[1] if len(labels) > 1 else labels[0], labels[0].replace("_", " "))
        if isinstance(value, str):
            yield node.at(name), value, label
        elif isinstance(value, Node):
            yield from _other_text(value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, str):
                    yield f"{node.at(name)}/{i}", item, label
                elif isinstance(item, Node):
                    yield from _other_text(item)


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
        for pointer, cell, label in _other_text(document):
            found = instruction(cell)
            if found is not None:
                yield self.hit(pointer, field=label, cell=quote(cell), found=found)
