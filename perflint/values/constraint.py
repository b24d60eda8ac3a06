"""The typed reading of one 指标值 (indicator value) string."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

Kind = Literal[
    "quantity",  # ≥2000份, ≤2.27万元/人, 220
    "percent",  # ≥95%, 100%
    "range",  # 90%-95%, 3~5个
    "deadline",  # 2026年11月底前, 按季度
    "graded",  # 优, 合格, 达标
    "vague",  # 有效提升, 明显改善
    "relative",  # 较上年提高, 比上年增长8%
    "boolean",  # 是, 未发生
    "unparseable",  # 见附件, ≥xx%
]
Op = Literal[">=", "<=", ">", "<", "=", "~"]


class Constraint(BaseModel):
    """What an indicator value promises.

    `number`, `low` and `high` are Decimals exactly as written after width and numeral
    normalisation (`95.0` keeps its trailing zero); a scale word such as 万 stays on the unit.
    """

    model_config = ConfigDict(frozen=True)

    input: str
    kind: Kind
    op: Optional[Op] = None
    number: Optional[Decimal] = None
    unit: Optional[str] = None
    low: Optional[Decimal] = None  # range bounds (inclusive)
    high: Optional[Decimal] = None
    # deadline: YYYY-MM-DD / YYYY-MM / YYYY-Qn; XXXX for an implied year, XX for the part that repeats
    # (每月10日前 → XXXX-XX-10), start/end for a span, THH:MM for a time of day (see values/dates.py)
    date: Optional[str] = None
    period: Optional[str] = None  # periodic schedule: 月, 季度 … (按季度)
    grade: Optional[str] = None  # graded: the grade word as written
    baseline: Optional[str] = None  # relative: 上年, 同期, 预算, 全省平均水平 …
    value: Optional[bool] = None  # boolean
    implicit_op: bool = False  # no comparator was written; `=` assumed
    remark: Optional[str] = None  # text that was stripped around the value (label prefix, trailing verb …)
    reason: Optional[str] = None  # unparseable: empty, placeholder, multiple, deferred, not-applicable, reference, syntax
    message: Optional[str] = None  # unparseable: why, in Chinese
    message_en: Optional[str] = None  # unparseable: why, in English

    @property
    def is_numeric(self) -> bool:
        return self.kind in ("quantity", "percent", "range")

    def to_json(self) -> dict:
        """The `perflint value` JSON object: the fixed keys first, then whatever else is set."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        out = {
            "input": self.input,
            "kind": self.kind,
            "op": self.op,
            "number": None if self.number is None else str(self.number),
            "unit": self.unit,
        }
        # JSON mode writes Decimals as strings, exactly as written (95.0 keeps its zero).
        out.update((key, val) for key, val in data.items() if key not in out)
        return out
