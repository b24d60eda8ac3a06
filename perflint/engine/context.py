"""What a rule's check may know besides the document: its options and the project's framework."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from perflint.load.model import Project

FRAMEWORKS = ("auto", "2015", "2021")


@dataclass(frozen=True)
class Context:
    options: dict[str, Any]
    framework: str = "auto"

    def framework_of(self, project: Project) -> str:
        """2021 (成本指标 is a first level) or 2015 (成本指标 under 产出指标), detected unless configured."""
        if self.framework != "auto":
            return self.framework
        for indicator in project.indicators:
            if (indicator.level1 or "").strip().startswith("成本"):
                return "2021"
        return "2015"
