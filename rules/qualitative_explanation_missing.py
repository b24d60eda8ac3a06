from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text

_QUALITATIVE_OPS = ("定性", "定量（其他）", "定量(其他)")


class QualitativeExplanationMissing(Rule):
    code = "PF108"
    slug = "qualitative-explanation-missing"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("等级或定性指标值没有指标解释", "A graded or qualitative target has no note defining it")
    messages = {
        "default": Text("指标值“{value}”是等级表述，但没有指标解释说明各等级的判定标准；请在指标解释中写明"
                        "（如 优：…；良：…；合格：…），或改用可量化的指标值（如 验收合格率 =100%）",
                        "Target {value!r} is a grade, but no note (指标解释) defines the grades; state the criterion "
                        "of each grade in the note, or use a measurable target (e.g. 验收合格率 =100%)"),
        "op": Text("计算符号为“{op}”，但没有填写指标解释；请说明指标值“{value}”的含义和判定方法",
                   "The comparator column says {op!r} but there is no note (指标解释); explain what target "
                   "{value!r} means and how it is judged"),
    }
    doc = RuleDoc(
        what=Text("指标值是“优”“良好”“合格”“达标”之类的等级，或计算符号为“定性”“定量（其他）”，而指标解释（指标值说明）为空。"
                  "“有效提升”之类没有等级的模糊表述由 vague-target 报告。",
                  "The target is a grade (优, 良好, 合格, 达标 …) or the comparator column says 定性 or 定量（其他）, "
                  "and the note (指标解释 / 指标值说明) is empty. Vague phrases without grades (有效提升) are "
                  "reported by vague-target."),
        why=Text("难以量化的指标可以采用分级分档的定性表述，但每个等级必须有判定标准，否则自评时无法判断是否达到；"
                 "预算管理一体化系统中计算符号选“定量（其他）”时指标值说明为必填。",
                 "What cannot be quantified may take a graded form, but each grade needs a criterion or nobody can "
                 "tell at self-evaluation whether it was reached; the budget system makes the note mandatory when "
                 "the comparator is 定量（其他）."),
        source="财政支出绩效评价管理办法第十四条（分级分档的定性表述）；预算管理一体化绩效模块 三级指标填报校验（实务）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            if text(indicator.note) or not text(indicator.value):
                continue
            constraint = indicator.constraint
            if constraint.kind == "graded":
                yield self.hit(indicator.at("value"), value=text(indicator.value))
            elif self._needs_note(text(indicator.op), constraint):
                yield self.hit(indicator.at("op"), "op", op=text(indicator.op), value=text(indicator.value))

    @staticmethod
    def _needs_note(op: str, constraint) -> bool:
        """定量（其他） always needs its note; 定性 only over a value that is neither a number (a comparator
        contradiction, not a missing note) nor a vague phrase (vague-target's finding)."""
        if op not in _QUALITATIVE_OPS:
            return False
        if op != "定性":
            return True
        vague = constraint.kind == "vague" or (constraint.kind == "relative" and not constraint.number)
        # A deadline (11月底之前) or a yes/no target (是) says what counts as met without a note.
        return not vague and not constraint.is_numeric and constraint.kind not in ("deadline", "boolean")
