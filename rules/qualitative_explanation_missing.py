import re

from perflint.analysis.hierarchy import simplified
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text

_QUALITATIVE_OPS = ("定性", "定量（其他）", "定量(其他)")
# A grade and its threshold in a note: 优100% 良90% 中85% 差85% (优:≥95%; 良:90%).
_GRADE = re.compile(r"(优秀|优|良好|良|中等|中|合格|及格|较差|差|不合格)\s*[:：]?\s*([≥≤><]?\s*\d+(?:\.\d+)?(?:\s*%)?)"
                    r"(?![\d.%])(?!\s*(?:以上|以下|及以上|及以下|[-—~至]))")


def _overlapping_grades(note: str) -> dict:
    """Two grades of a scale at one bare threshold (中85% 差85%): nobody can tell which grade 85% is."""
    seen: dict[str, str] = {}
    for grade, threshold in _GRADE.findall(simplified(note)):
        bare = "".join(threshold.split())
        if bare in seen and seen[bare] != grade:
            return {"first": seen[bare], "second": grade, "threshold": bare}
        seen.setdefault(bare, grade)
    return {}


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
        "overlap": Text("指标解释的等级标准中“{first}”和“{second}”都是 {threshold}，等级界限不清；"
                        "请写明各等级的区间（如 优：≥95%；良：90%–95%；中：85%–90%；差：<85%）",
                        "The grades of the note give {first!r} and {second!r} the same threshold {threshold}, so "
                        "the grades overlap; give each grade its range (优 ≥95%, 良 90–95%, 中 85–90%, 差 <85%)"),
        "op": Text("计算符号为“{op}”，但没有填写指标解释；请说明指标值“{value}”的含义和判定方法",
                   "The comparator column says {op!r} but there is no note (指标解释); explain what target "
                   "{value!r} means and how it is judged"),
    }
    doc = RuleDoc(
        what=Text("指标值是“优”“良好”“合格”“达标”之类的等级，或计算符号为“定性”“定量（其他）”，而指标解释（指标值说明）为空。"
                  "“有效提升”之类没有等级的模糊表述由 vague-target 报告。指标解释写了等级标准、但两个等级的界限相同"
                  "（中85% 差85%）时也报告。",
                  "The target is a grade (优, 良好, 合格, 达标 …) or the comparator column says 定性 or 定量（其他）, "
                  "and the note (指标解释 / 指标值说明) is empty. Vague phrases without grades (有效提升) are "
                  "reported by vague-target. A note whose grade scale gives two grades the same threshold "
                  "(中85% 差85%) is reported too."),
        why=Text("不能量化的指标可以定性表述，但应具有可衡量性：等级没有判定标准，自评时就无法判断是否达到；"
                 "预算管理一体化系统中计算符号选“定量（其他）”时指标值说明为必填。",
                 "What cannot be quantified may be stated qualitatively but must stay measurable: without a criterion "
                 "for each grade nobody can tell at self-evaluation whether it was reached; the budget system makes "
                 "the note mandatory when the comparator is 定量（其他）."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“细化量化”：尽量定量表述，不能量化的可以定性表述，但应具有可衡量性；实务："
               "预算管理一体化系统绩效模块的保存校验（计算符号选“定量（其他）”时指标值说明必填）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            overlap = _overlapping_grades(text(indicator.note))
            if overlap:
                yield self.hit(indicator.at("note"), "overlap", **overlap)
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
