"""`perflint init`: a commented document template, with English or Chinese keys.

Every `请填写…` / `FILL IN …` placeholder is template residue that `perflint check` reports until it
is replaced; once they are all filled in with real figures the template passes the checks.
"""

from __future__ import annotations

from pydantic import BaseModel

from perflint.load.model import (
    BreakdownItem, Budget, Document, Indicator, Measure, Overall, Project, Target, Task, aliases,
)

# (indent, model, field, value, comment): value and comment as (zh, en); a value of None opens a block.
# An indent written as "- N" starts a list item at column N. A line made by _optional is written
# commented out: a field only some forms have, to be filled in where the form has it.

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


def _column(indent) -> int:
    return int(indent[2:]) - 2 if isinstance(indent, str) else indent


def _optional(*lines: tuple) -> list[tuple]:
    """Lines commented out at the column of the first, so that removing the "# " leaves them in place."""
    base = _column(lines[0][0])
    return [(*line, base) for line in lines]


def _note(indent: int, zh: str, en: str) -> tuple:
    """A comment line of its own."""
    return (indent, None, "", None, (zh, en), indent)


_OPTIONAL_OVERALL = [
    _note(2, "部门整体支出绩效目标表的栏目（表中有时去掉 # 填写）：",
          "the rows of a department-level table (remove the # where the form has them):"),
    *_optional(
        (2, Overall, "functions", ("部门的主要职能", "the department's duties"), ("部门职能", "duties")),
        (2, Overall, "money_unit", ("万元", "万元"), ("金额单位", "money unit")),
        (2, Overall, "budget", None, ("部门预算，键同项目的预算规模", "the department's funds, as a project's budget")),
        (4, Budget, "total", ("0.00", "0.00"), ("预算数", "total")),
        (2, Overall, "annual_goal", ("本年度的目标", "this year's goal"), ("年度目标", "annual goal")),
        (2, Overall, "tasks", None, ("年度主要任务", "the year's main tasks")),
        ("- 4", Task, "title", ("任务名称", "the task"), ("任务名称", "task")),
        (4, Task, "projects", ("对应项目", "its projects"), ("对应项目", "projects")),
        (4, Task, "amount", ("0.00", "0.00"), ("预算金额", "amount")),
        (2, Overall, "indicators", None, ("部门整体绩效指标，每行同项目的指标", "department-wide indicators, as a project's")),
        ("- 4", Indicator, "level1", ("产出指标", "产出指标"), ("一级指标", "first level")),
        (4, Indicator, "level2", ("质量指标", "质量指标"), ("二级指标", "second level")),
        (4, Indicator, "name", ("部门整体指标名称", "a department-wide indicator"), ("三级指标", "third level")),
        (4, Indicator, "value", ("≥95%", "≥95%"), ("指标值", "target")),
    ),
]
_OPTIONAL_PROJECT = [
    _note(2, "表中有以下栏目时去掉 # 填写：", "remove the # where the form has these:"),
    *_optional(
        (2, Project, "competent_department", ("主管部门", "the competent department"), ("主管部门", "competent department")),
        (2, Project, "implementing_unit", ("实施单位", "the implementing unit"), ("实施单位", "implementing unit")),
        (2, Project, "attribute", ("延续项目", "延续项目"), ("项目属性：新增/延续", "attribute: 新增 or 延续")),
        (2, Project, "category", ("专项资金项目", "专项资金项目"), ("项目类别", "category")),
        (2, Project, "period", ("2026年1月—2026年12月", "2026年1月—2026年12月"), ("项目期", "period")),
        (2, Project, "midterm_goals", None, ("中期（实施期）绩效目标，跨年项目填写", "the multi-year goals")),
        ("- 4", None, "", ("实施期内的目标，写明可考核的数值", "the goal over the whole period, with figures"), ("", "")),
        (2, Project, "breakdown", None, ("测算明细", "cost lines")),
        ("- 4", BreakdownItem, "item", ("支出内容", "the cost line"), ("内容", "item")),
        (4, BreakdownItem, "amount", ("0.00", "0.00"), ("金额", "amount")),
        (4, BreakdownItem, "basis", ("测算依据", "how it was costed"), ("测算依据", "basis")),
    ),
]
_OPTIONAL_BUDGET = _optional(
    (4, Budget, "general", ("0.00", "0.00"), ("其中：一般公共预算", "of which: general budget")),
    (4, Budget, "government_fund", ("0.00", "0.00"), ("政府性基金", "government funds")),
    (4, Budget, "state_capital", ("0.00", "0.00"), ("国有资本经营预算", "state capital budget")),
    (4, Budget, "special_account", ("0.00", "0.00"), ("财政专户", "special fiscal account")),
    (4, Budget, "unit_funds", ("0.00", "0.00"), ("单位资金", "the unit's own funds")),
)
_OPTIONAL_INDICATOR = [
    _note(4, "指标表中有以下栏目时去掉 # 填写：", "remove the # where the indicator table has these columns:"),
    *_optional(
        (4, Indicator, "op", ("≥", "≥"), ("计算符号", "comparator")),
        (4, Indicator, "unit", ("人", "人"), ("计量单位", "unit")),
        (4, Indicator, "value_type", ("定量", "定量"), ("指标性质：定量/定性", "定量 or 定性")),
        (4, Indicator, "direction", ("正向", "正向"), ("指标方向：正向/反向", "正向 (more is better) or 反向")),
        (4, Indicator, "weight", ("10", "10"), ("权重（分值）", "weight")),
        (4, Indicator, "history", ("48人", "48人"), ("上年实际值", "last year's value")),
        (4, Indicator, "note", ("指标解释", "how it is computed"), ("指标解释", "note")),
    ),
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
    *_OPTIONAL_OVERALL,
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
    *_OPTIONAL_BUDGET,
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
    *_OPTIONAL_INDICATOR,
    *_OPTIONAL_PROJECT,
]


def _key(model: type[BaseModel] | None, field: str, lang: str) -> str:
    if model is None:
        return field
    labels = aliases(model, field)
    return labels[1] if lang == "zh" and len(labels) > 1 else labels[0]


def template(lang: str) -> str:
    index = 0 if lang == "zh" else 1
    lines = [_HEADER[index]]
    for indent, model, field, value, comment, *optional in _LINES:
        column = _column(indent)
        dash = "- " if isinstance(indent, str) else ""
        key = _key(model, field, lang)
        if not key and value is None:  # a comment of its own
            lines.append(f"{' ' * column}# {comment[index]}")
            continue
        if optional:  # commented out at its block's column
            prefix = f"{' ' * optional[0]}# {' ' * (column - optional[0])}{dash}"
        else:
            prefix = f"{' ' * column}{dash}"
        head = f"{prefix}{key}:" if key else prefix.rstrip(" ")
        body = "" if value is None else f" {value[index]}"
        note = f"  # {comment[index]}" if comment[index] else ""
        lines.append(f"{head}{body}{note}")
    return "\n".join(lines) + "\n"
