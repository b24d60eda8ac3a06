"""Words and thresholds the reports for people (xlsx, html) share."""

from __future__ import annotations

from perflint.findings import Severity

SEVERITY_LABEL = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
# A quality score below this marks a submission a reviewer will probably send back (退回修改).
LOW_SCORE = 60
