"""The document model (docs/format.md): what the loaders produce and the rules read.

Every key has an English name and the Chinese label of the official forms; the English name is
the one JSON Pointers use, whichever language the file was written in. Amounts are Decimal,
read from the scalar's text as written.
"""

from __future__ import annotations

import typing
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Optional

from pydantic import AfterValidator, AliasChoices, BaseModel, ConfigDict, Field, field_validator

if TYPE_CHECKING:
    from perflint.values.constraint import Constraint


# The orders of magnitude a figure may have: beyond any budget (10^15 元 is a thousand trillion) and any
# precision, and far inside Decimal's range, so that no product or sum of figures can overflow
# (1e999999999 is refused). adjusted() reads the exponent without arithmetic, which could itself overflow.
_ORDERS = range(-15, 15)


def within_range(value: Decimal) -> bool:
    """Finite, and zero or of an order of magnitude a figure may have."""
    return value.is_finite() and (not value or value.adjusted() in _ORDERS)


def _bounded(value: Decimal) -> Decimal:
    if not within_range(value):
        raise ValueError("a number between 10^-15 and 10^15")
    return value


# An amount, a quantity or a percentage as written in a document: a finite Decimal of a sane size.
Amount = Annotated[Decimal, AfterValidator(_bounded)]


def key(name: str, *chinese: str, default: Any = None) -> Any:
    """A field readable under its English name or any of its Chinese labels."""
    return Field(default=default, validation_alias=AliasChoices(name, *chinese))


# Where a node sits in its document. Kept in the instance's __dict__ beside the field values rather
# than as a pydantic private attribute: rules read it hundreds of times per document, and a private
# attribute costs about 4 µs a read against 0.1 µs; serialisation ignores keys that are not fields.
_POINTER = "_pointer"
# The required fields an importer did not find (a project table without its name), kept in __dict__
# like the pointer: the stand-in the model needs is never written out.
_MISSING = "_missing"


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @property
    def missing(self) -> frozenset:
        """Required fields the source did not give (only an imported document has any); their stand-in
        values are never written out."""
        return self.__dict__.get(_MISSING, frozenset())

    def mark_missing(self, names: frozenset) -> None:
        self.__dict__[_MISSING] = frozenset(names)

    @property
    def pointer(self) -> str:
        return self.__dict__.get(_POINTER, "")

    def at(self, field: str) -> str:
        """The JSON Pointer of one of this node's fields."""
        return f"{self.__dict__.get(_POINTER, '')}/{field}"

    def place_at(self, pointer: str) -> None:
        self.__dict__[_POINTER] = pointer


@lru_cache(maxsize=None)
def shape(annotation: Any) -> tuple[Any, Any]:
    """(list, item type), (dict, value type), or (the model or scalar type, None); Optional and
    validation annotations removed."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return shape(typing.get_args(annotation)[0])
    if origin is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return shape(args[0]) if len(args) == 1 else (None, None)
    if origin is list:
        return list, typing.get_args(annotation)[0]
    if origin is dict:
        return dict, typing.get_args(annotation)[1]
    return annotation, None


@lru_cache(maxsize=None)
def field_names(model: type[BaseModel]) -> tuple[str, ...]:
    """The model's fields; cached, since pydantic's `model_fields` is slow to read in a hot loop."""
    return tuple(model.model_fields)


@lru_cache(maxsize=None)
def field_type(model: type[BaseModel], name: str) -> Any:
    return model.model_fields[name].annotation


def aliases(model: type[BaseModel], name: str) -> list[str]:
    """The English name and the Chinese labels of one field."""
    choices = getattr(model.model_fields[name].validation_alias, "choices", None)
    return [str(c) for c in choices] if choices else [name]


def _one_or_many(value: Any) -> Any:
    """A single string is accepted where a list of strings is expected."""
    return [value] if isinstance(value, str) else value


class Target(Node):
    title: Optional[str] = key("title", "名称")
    goal: Optional[str] = key("goal", "绩效目标")
    indicators: Optional[str] = key("indicators", "绩效指标")


class Measure(Node):
    title: Optional[str] = key("title", "名称")
    text: Optional[str] = key("text", "内容")


class Budget(Node):
    total: Optional[Amount] = key("total", "预算数")
    fiscal: Optional[Amount] = key("fiscal", "财政资金")
    other: Optional[Amount] = key("other", "其他资金")
    # The funding-source rows of newer forms; each is part of `fiscal` or of `other`.
    general: Optional[Amount] = key("general", "一般公共预算")
    government_fund: Optional[Amount] = key("government_fund", "政府性基金")
    state_capital: Optional[Amount] = key("state_capital", "国有资本经营预算")
    special_account: Optional[Amount] = key("special_account", "财政专户")
    unit_funds: Optional[Amount] = key("unit_funds", "单位资金")


class Task(Node):
    """One of a department's 年度主要任务, with the projects that fund it."""

    title: Optional[str] = key("title", "任务名称", "名称")
    text: Optional[str] = key("text", "主要内容", "内容")
    projects: Optional[str] = key("projects", "对应项目", "项目")
    amount: Optional[Amount] = key("amount", "预算金额", "金额")


# What a 计算符号 / 指标方向 column holds when it names the kind of target rather than a comparator.
_NOT_COMPARATORS = frozenset({"定性", "定量（其他）", "定量(其他)", "是/否", "是或否", "是否", "布尔", "布尔型", "其他",
                              "正向", "反向", "中性"})


class Indicator(Node):
    level1: Optional[str] = key("level1", "一级指标")
    level2: Optional[str] = key("level2", "二级指标")
    name: Optional[str] = key("name", "三级指标")
    description: Optional[str] = key("description", "绩效指标描述", "指标描述")
    value: Optional[str] = key("value", "指标值")
    basis: Optional[str] = key("basis", "指标值确定依据")
    op: Optional[str] = key("op", "计算符号")
    unit: Optional[str] = key("unit", "计量单位", "度量单位")
    note: Optional[str] = key("note", "指标解释", "备注", "指标值说明")
    value_type: Optional[str] = key("value_type", "指标性质", "指标类型")  # 定量 / 定性
    direction: Optional[str] = key("direction", "指标方向")  # 正向 / 反向
    weight: Optional[Amount] = key("weight", "权重", "分值")
    history: Optional[str] = key("history", "历史值", "上年实际值")

    @cached_property
    def constraint(self) -> "Constraint":
        """The typed reading of the target; `op` + `value` + `unit` when the table splits them."""
        from perflint.values import parse_value
        from perflint.values.units import bracketed_unit

        value = (self.value or "").strip()
        op = (self.op or "").strip()
        unit = (self.unit or "").strip()
        if op in _NOT_COMPARATORS or value.startswith(op):
            op = ""
        if value.endswith(unit):  # the unit column repeats what the value already says
            unit = ""
        constraint = parse_value(f"{op}{value}{unit}")
        if constraint.number is not None and constraint.unit is None and not unit:
            named = bracketed_unit(self.name)  # 实施营造林总面积(亩) | 80000
            if named:
                return parse_value(f"{op}{value}{named}")
        return constraint

    @property
    def label(self) -> str:
        return self.name or self.description or ""


class BreakdownItem(Node):
    item: Optional[str] = key("item", "内容")
    amount: Optional[Amount] = key("amount", "金额")
    quantity: Optional[Amount] = key("quantity", "数量")
    unit_price: Optional[Amount] = key("unit_price", "单价")
    basis: Optional[str] = key("basis", "测算依据")


class Project(Node):
    code: Optional[str] = key("code", "项目编码")
    name: str = Field(validation_alias=AliasChoices("name", "项目名称"))
    unit: Optional[str] = key("unit", "预算单位")
    money_unit: str = key("money_unit", "金额单位", default="万元")
    budget: Optional[Budget] = key("budget", "预算规模")
    uses: Optional[str] = key("uses", "资金用途")
    spending_plan: Optional[dict[str, Optional[Amount]]] = key("spending_plan", "资金支出计划")
    goals: list[str] = key("goals", "绩效目标", "年度绩效目标", default=[])
    indicators: list[Indicator] = key("indicators", "绩效指标", "年度绩效指标", default=[])
    competent_department: Optional[str] = key("competent_department", "主管部门")
    implementing_unit: Optional[str] = key("implementing_unit", "实施单位")
    attribute: Optional[str] = key("attribute", "项目属性")
    category: Optional[str] = key("category", "项目类别", "项目类型")
    period: Optional[str] = key("period", "项目期", "实施期")
    midterm_goals: list[str] = key("midterm_goals", "中期绩效目标", "长期绩效目标", "实施期绩效目标", default=[])
    midterm_indicators: list[Indicator] = key(
        "midterm_indicators", "中期绩效指标", "长期绩效指标", "实施期绩效指标", default=[]
    )
    breakdown: list[BreakdownItem] = key("breakdown", "测算明细", "成本构成", default=[])

    _goals_one_or_many = field_validator("goals", "midterm_goals", mode="before")(_one_or_many)

    @field_validator("spending_plan", mode="before")
    @classmethod
    def _percent_sign_is_optional(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: v.strip().rstrip("%％").strip() if isinstance(v, str) else v for k, v in value.items()}
        return value

    @field_validator("money_unit", mode="before")
    @classmethod
    def _blank_money_unit_is_default(cls, value: Any) -> Any:
        return "万元" if value is None else value

    @property
    def budget_total(self) -> Optional[Decimal]:
        return self.budget.total if self.budget else None


class Overall(Node):
    """部门整体绩效目标: the department-wide goals, as the text or the 部门整体支出绩效目标表 gives them."""

    functions: Optional[str] = key("functions", "部门职能", "部门职能概述")
    money_unit: str = key("money_unit", "金额单位", default="万元")
    budget: Optional[Budget] = key("budget", "部门预算", "资金情况")
    tasks: list[Task] = key("tasks", "年度主要任务", default=[])
    goal: Optional[str] = key("goal", "总体绩效目标", "总体目标")
    annual_goal: Optional[str] = key("annual_goal", "年度绩效目标", "年度目标")
    targets: list[Target] = key("targets", "分项绩效目标", default=[])
    indicators: list[Indicator] = key("indicators", "绩效指标", "年度绩效指标", default=[])
    measures: list[Measure] = key("measures", "工作保障措施", default=[])

    @field_validator("money_unit", mode="before")
    @classmethod
    def _blank_money_unit_is_default(cls, value: Any) -> Any:
        return "万元" if value is None else value


# Required by the format, yet optional in the model: an imported document may lack them. The loaders
# report them missing (PF009), they read as None, and the rules that need them pass such a document by.
DOCUMENT_REQUIRED = ("department", "year")


class Document(Node):
    department: Optional[str] = key("department", "部门")
    year: Optional[int] = key("year", "年度")
    title: Optional[str] = key("title", "标题")
    status: Optional[str] = key("status", "状态")
    prepared_by: Optional[str] = key("prepared_by", "编制单位")
    reviewed_by: Optional[str] = key("reviewed_by", "审核单位")
    overall: Optional[Overall] = key("overall", "部门整体绩效目标")
    projects: list[Project] = key("projects", "项目", "预算项目绩效目标", default=[])
