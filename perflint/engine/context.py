"""What a rule's check may know besides the document: its options, the framework, and the document's facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from perflint.analysis.facts import Facts, detect_framework
from perflint.load.model import Project

FRAMEWORKS = ("auto", "2015", "2021")


@dataclass(frozen=True)
class Context:
    options: dict[str, Any]
    framework: str = "auto"
    facts: Optional[Facts] = None  # set by the runner for each document

    def framework_of(self, project: Project) -> str:
        """2021 (成本指标 is a first level) or 2015 (成本指标 under 产出指标), detected unless configured."""
        if self.facts is not None:
            return self.facts.framework_of(project)
        return self.framework if self.framework != "auto" else detect_framework(project)
