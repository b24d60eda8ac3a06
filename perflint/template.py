"""`perflint init`: a commented document template, with English or Chinese keys.

Every `请填写…` / `FILL IN …` placeholder is template residue that `perflint check` reports until it
is replaced; once they are all filled in with real figures the template passes the checks.
"""

from __future__ import annotations

from pydantic import BaseModel

from perflint.load.model import (
    Budget, Document, Indicator, Measure, Overall, Project, Target, aliases,
)

# (indent, model, field, value, comment): value and comment as (zh, en); a value of None opens a block.
# An indent written as "- N" starts a list item at column N.

_HEADER = (
    "# perflint 部门预算绩效文本模板。请替换所有“请填写”内容后运行：perflint check 本文件",
    "# perflint budget performance document template. Replace every FILL IN, then run: perflint check FILE",
)


def _indicator(level1: str, level2: str, name: str, value: str, note: tuple[str, str]) -> list[tuple]:
    return [
        ("- 4", Indicator, "level1", (level1, level1), ("一级指标", "first level")),
        (4, Indicator, "level2", (level2, level2), ("二级指标", "second level")),
        (4, Indicator, "name", (f"请填写{name}", f"FILL IN {name}"), ("三级指标名称", "third-level name")),
        (4, Indicator, "description", ("请填写计算口径", "FILL IN how it is measured"),
         ("说明具体衡量什么、如何计算，不要重复名称", "what exactly is measured and how; not the name again")),
        (4, Indicator, "value", (f"请填写{value}", f"FILL IN {value}"), note),
        (4, Indicator, "basis", ("请填写依据", "FILL IN the basis"),
         ("计划、标准或文件，如 《…实施方案》、溧政办〔2024〕28号", "a plan, standard or document number")),
    ]


_LINES: list[tuple] = [
    (0, Document, "department", ("请填写部门全称", "FILL IN the department"), ("部门全称", "the department")),
    (0, Document, "year", ("2026", "2026"), ("预算年度", "budget year")),
    (0, Document, "status", ("草案", "草案"), ("草案 / 正式", "draft or final")),
    (0, Document, "overall", None, ("部门整体绩效目标", "department-wide goals")),
    (2, Overall, "goal", ("请填写总体绩效目标，写明可考核的数值", "FILL IN the overall goal, with figures"),
     ("总体绩效目标", "overall goal")),
    (2, Overall, "targets", None, ("分项绩效目标", "sub-targets")),
    ("- 4", Target, "title", ("请填写分项名称", "FILL IN a title"), ("名称", "title")),
    (4, Target, "goal", ("请填写分项目标", "FILL IN the goal"), ("绩效目标", "goal")),
    (4, Target, "indicators", ("请填写分项指标，如 调解成功率达到96%以上", "FILL IN its indicators"),
     ("绩效指标（与项目指标一致）", "indicators, agreeing with the projects'")),
    (2, Overall, "measures", None, ("工作保障措施", "measures")),
    ("- 4", Measure, "title", ("请填写措施名称", "FILL IN a title"), ("名称", "title")),
    (4, Measure, "text", ("请填写措施内容", "FILL IN the text"), ("内容", "text")),
    (0, Document, "projects", None, ("预算项目绩效目标表，每个项目一项", "one entry per budget project")),
    ("- 2", Project, "code", ("请填写项目编码", "FILL IN the project code"), ("项目编码", "project code")),
    (2, Project, "name", ("请填写项目名称", "FILL IN the project name"), ("与预算批复一致", "as in the budget")),
    (2, Project, "unit", ("请填写单位编码及预算单位全称", "FILL IN the unit code and name"),
     ("如 324001 溧平县司法局本级", "e.g. 324001 溧平县司法局本级")),
    (2, Project, "money_unit", ("万元", "万元"), ("金额单位：万元或元", "money unit: 万元 or 元")),
    (2, Project, "budget", None, ("预算规模：预算数 = 财政资金 + 其他资金", "total = fiscal + other")),
    (4, Budget, "total", ("0.00", "0.00"), ("预算数", "budget total")),
    (4, Budget, "fiscal", ("0.00", "0.00"), ("财政资金", "fiscal funds")),
    (4, Budget, "other", ("0.00", "0.00"), ("其他资金", "other funds")),
    (2, Project, "uses", ("请填写资金用途", "FILL IN the uses"),
     ("每项用途都应有指标衡量", "each use should be measured by an indicator")),
    (2, Project, "spending_plan", None, ("累计支出比例，12月底为 100%", "cumulative share; 100% at 12月底")),
    (4, None, "3月底", ("25%", "25%"), ("", "")),
    (4, None, "6月底", ("50%", "50%"), ("", "")),
    (4, None, "9月底", ("75%", "75%"), ("", "")),
    (4, None, "12月底", ("100%", "100%"), ("", "")),
    (2, Project, "goals", None, ("年度绩效目标", "annual goals")),
    ("- 4", None, "", ("请填写年度绩效目标，写明可考核的数值", "FILL IN the annual goal, with figures"), ("", "")),
    (2, Project, "indicators", None, ("绩效指标表", "the indicator table")),
    *_indicator("产出指标", "数量指标", "数量指标名称", "如 ≥2000份", ("数量写 ≥，带单位", "a count: ≥ and a unit")),
    *_indicator("产出指标", "质量指标", "合格率等比率", "如 ≥95%", ("比率写百分比", "a rate: a percentage")),
    *_indicator("产出指标", "时效指标", "完成时限", "如 2026年11月30日前", ("写日期或时限", "a date or a time limit")),
    *_indicator("产出指标", "成本指标", "单位成本", "如 ≤3万元/人", ("金额，写 ≤", "an amount of money, with ≤")),
    *_indicator("效益指标", "社会效益指标", "效益指标名称", "如 ≥90%", ("可考核的数值", "a figure that can be checked")),
    *_indicator("满意度指标", "服务对象满意度指标", "满意度名称", "如 ≥90%",
                ("不低于 80%，不写 100%", "at least 80%, never 100%")),
]


def _key(model: type[BaseModel] | None, field: str, lang: str) -> str:
    if model is None:
        return field
    labels = aliases(model, field)
    return labels[1] if lang == "zh" and len(labels) > 1 else labels[0]


def template(lang: str) -> str:
    index = 0 if lang == "zh" else 1
    lines = [_HEADER[index]]
    for indent, model, field, value, comment in _LINES:
        prefix = f"{' ' * (int(indent[2:]) - 2)}- " if isinstance(indent, str) else " " * indent
        key = _key(model, field, lang)
        head = f"{prefix}{key}:" if key else prefix.rstrip(" ")
        body = "" if value is None else f" {value[index]}"
        note = f"  # {comment[index]}" if comment[index] else ""
        lines.append(f"{head}{body}{note}")
    return "\n".join(lines) + "\n"
