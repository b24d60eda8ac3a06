"""The labels real forms print, and the model field each one means.

One table per kind of row or column: a project's header rows (项目名称, 主管部门及代码 …), its
funding rows (年度资金总额, 其中：财政拨款, 政府性基金拨款 …), the indicator table's columns, a cost
table's columns, a department-level table's rows. The model's own Chinese labels come first; the
variants seen in published tables are added here, each under the field it fills.
"""

from __future__ import annotations

import re
from typing import Optional

from perflint.load.model import BreakdownItem, Budget, Indicator, Measure, Overall, Project, Target, Task, aliases

_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"[（(][^（）()]*[）)]")
# A label's own numbering: 1.中央资金, 二、自有资金, （一）…
_NUMBERING = re.compile(r"^(?:\d{1,2}\s*[.．、]|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])")


# What a web page's mirror leaves in place of characters it could not encode: 绩??效??目??标.
_NOISE = re.compile(r"[?？\ufffd]+")


def label_of(text: str) -> str:
    """A label cell as a key: 资金支出计 划（%） → 资金支出计划, 其中：财政 资金 → 财政资金, 2.市级资金 → 市级资金,
    绩??效??目??标 → 绩效目标."""
    text = _PARENS.sub("", _NOISE.sub("", _SPACES.sub("", text))).rstrip("：:")
    text = re.sub(r"^其中[：:]?", "", text)
    return _NUMBERING.sub("", text)


def _labels(model: type, extra: dict[str, tuple[str, ...]], fields: Optional[tuple[str, ...]] = None) -> dict[str, str]:
    """Chinese label → field: the model's own labels, and the variants the forms use."""
    table = {label: name for name in fields or tuple(model.model_fields) for label in aliases(model, name)[1:]}
    table.update({label: name for name, labels in extra.items() for label in labels})
    return table


# "department" here is the document's: a project table that names whose it is (填报单位, 部门名称).
PROJECT_LABELS = _labels(Project, {
    "code": ("项目代码",),
    "name": ("专项名称", "二级项目名称"),
    "unit": ("单位名称", "预算单位名称", "预算单位及代码", "申报单位", "项目单位"),
    "competent_department": ("主管部门及代码", "主管部门及编码", "主管单位", "项目主管部门", "主管预算部门",
                             "主管部门名称"),
    "implementing_unit": ("实施单位及代码", "项目执行单位", "具体实施单位", "项目实施单位", "执行单位"),
    "attribute": ("专项属性", "项目性质"),
    "category": ("项目分类",),
    "period": ("项目周期", "项目实施期", "实施周期", "项目起止时间", "起止时间", "实施期限"),
    "uses": ("项目概况", "项目概况及立项依据"),
    "money_unit": ("单位", "金额单位"),  # 单位：万元
    "department": ("部门名称", "部门", "填报单位", "下达地方或单位"),
}, fields=("code", "name", "unit", "money_unit", "uses", "competent_department", "implementing_unit",
           "attribute", "category", "period"))
# A period given as two cells: 项目开始日期 | 2023-01-01 | 项目完成日期 | 2023-12-31.
PERIOD_BOUNDS = {"项目开始日期": "start", "开始日期": "start", "项目完成日期": "end", "项目结束日期": "end",
                 "完成日期": "end"}
BUDGET_LABELS = _labels(Budget, {
    "total": ("年度资金总额", "资金总额", "项目资金总额", "预算金额", "预算总额", "年度预算数", "当年资金总额", "总额",
              "预算申报数", "项目预算金额", "下达中央预算内投资", "年度预算"),
    "fiscal": ("财政拨款", "本级财政资金", "财政资金", "财政拨款数", "上级资金", "当年财政拨款"),
    "other": ("其他", "当年其他资金"),
    "general": ("公共财政拨款", "一般公共预算拨款"),
    "government_fund": ("政府性基金拨款", "政府性基金预算"),
    "special_account": ("纳入专户管理的非税收入拨款", "财政专户管理资金"),
    "unit_funds": ("自有资金", "单位自有资金"),
    "state_capital": ("国有资本经营预算拨款",),
})
# A budget row that gives a whole period's figures beside the year's (中期资金总额 | 68.50 | 年度资金总额 | 51.35):
# the year's are the budget, the period's are not read.
ANNUAL_TOTALS = ("年度资金总额", "当年资金总额")
PERIOD_TOTALS = ("中期资金总额", "资金总额", "项目资金总额")
INDICATOR_LABELS = _labels(Indicator, {
    "name": ("指标名称",),
    "description": ("指标内容",),
    "value": ("目标值", "年度指标值", "指标目标值", "当年预期实现值", "预期达到目标", "计划指标值", "预期目标值",
              "年度目标值"),
    "basis": ("确定依据", "指标值设定依据", "设定依据", "评价标准确定依据", "绩效标准"),
    "op": ("符号", "比较符号"),
    "unit": ("单位",),
    "note": ("指标说明", "评分标准"),
})
# Columns whose header does not say what they hold: the first filled cell does (see columns.py).
BY_CONTENT = ("指标性质", "指标方向", "指标类型", "绩效标准")
BREAKDOWN_LABELS = _labels(BreakdownItem, {
    "item": ("明细项目", "支出内容", "测算内容", "费用名称", "名称", "项目", "成本构成", "项目预算成本构成"),
    "amount": ("测算金额", "金额小计"),
    "basis": ("计算依据", "依据", "说明"),
})
TASK_LABELS = _labels(Task, {
    "title": ("部门职能",),
    "text": ("年度目标任务", "任务内容"),
    "projects": ("支出项目名称", "对应项目名称"),
})
TARGET_LABELS = _labels(Target, {})
MEASURE_LABELS = _labels(Measure, {})

# A department-level table (部门整体支出绩效目标表): its rows.
OVERALL_LABELS = _labels(Overall, {
    "functions": ("部门职能职责概述", "部门职责", "职能职责"),
    "goal": ("整体绩效目标", "年度总体目标", "总体目标", "部门整体绩效目标"),
    "annual_goal": ("年度目标",),
    "tasks": ("年度履职目标", "年度重点工作任务"),
    "money_unit": ("单位",),
    "department": ("部门名称", "部门", "填报单位", "部门单位名称"),
}, fields=("functions", "money_unit", "goal", "annual_goal", "tasks"))
OVERALL_BUDGET_BLOCKS = ("年度预算安排", "年度预算申请", "部门预算", "资金情况", "年度预算")

# A label in the first column that opens a block of rows.
BLOCKS = {
    **{label: "budget" for label in ("预算规模", "预算规模及资金用途", "项目资金", "项目资金情况", "资金情况", "项目金额",
                                     "投入目标", "资金总额及构成")},
    **{label: "plan" for label in ("资金支出计划", "支出计划", "资金支出进度", "支出进度计划")},
    **{label: "goals" for label in (*aliases(Project, "goals")[1:], "年度目标", "项目绩效目标", "项目年度目标",
                                    "专项年度绩效目标", "年度总体目标")},
    # 总体目标 is the only goal of many forms and the long-term one of others: decided when the table ends.
    **{label: "overall_goals" for label in ("总体目标", "项目总体目标")},
    **{label: "midterm_goals" for label in (*aliases(Project, "midterm_goals")[1:], "中期目标", "长期目标",
                                             "实施期目标", "专项长期绩效目标")},
    **{label: "breakdown" for label in (*aliases(Project, "breakdown")[1:], "成本测算明细", "项目测算明细",
                                         "支出测算明细", "资金测算明细", "项目预算成本构成")},
}
GOAL_COLUMNS = {label: kind for label, kind in BLOCKS.items() if kind in ("goals", "midterm_goals")}
# Which list the indicator rows go to: a 长期/年度 split labels its halves.
PERIODS = {
    **{label: "indicators" for label in (*aliases(Project, "indicators")[1:], "年度指标", "专项年度绩效指标")},
    **{label: "midterm_indicators" for label in (*aliases(Project, "midterm_indicators")[1:], "中期指标", "长期指标",
                                                 "实施期指标")},
}
# The period a header cell names in its parentheses: 二级指标（长期） | 指标值（年度）.
PERIOD_WORDS = {"长期": "midterm_indicators", "中期": "midterm_indicators", "实施期": "midterm_indicators",
                "年度": "indicators", "当年": "indicators"}
LEVEL1_NAMES = ("产出指标", "效益指标", "满意度指标", "成本指标", "产出", "效益", "满意度", "成本", "效果指标")
# Page furniture and signatures: rows and lines a person does not fill as part of the target table.
ROW_LABELS = {*PROJECT_LABELS, *BUDGET_LABELS, *BLOCKS}
