"""What a loader could not read: turned into findings by the engine like any rule's hit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from perflint.location import Location


@dataclass(frozen=True)
class Problem:
    rule: str  # slug of the input rule whose message describes it (rules/input_problems.py)
    pointer: str = ""
    location: Optional[Location] = None  # when the problem has no field to point at (syntax errors)
    args: dict[str, Any] = field(default_factory=dict)
    message: str = "default"  # which of the rule's messages
