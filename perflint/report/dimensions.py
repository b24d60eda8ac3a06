"""The four dimensions a finance bureau reviews performance targets by, and what perflint's rule
categories count as under each: the one table the review opinion (`--format docx`) groups findings by.

财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）reviews targets for 完整性, 相关性, 适当性 and
可行性 (rules/sources.yaml says what of it was checked). perflint's rule categories are those four plus
格式 (the form of the text and whether the file could be read at all). A bureau sends a submission back
under one of the four, so 格式 is counted under 完整性: a document that cannot be read, lacks a field
or writes a document number or a sign in a non-standard form is not yet complete and clear as submitted.

| rule category | review dimension |
|---|---|
| 完整性 completeness | 完整性 |
| 相关性 relevance | 相关性 |
| 适当性 appropriateness | 适当性 |
| 可行性 feasibility | 可行性 |
| 格式 format | 完整性 |

The conclusion of an opinion follows from the severities of its findings (`conclusion`):

| the findings include | conclusion |
|---|---|
| an error (必须修改) | 退回修改 — revise and submit again for review |
| a warning (应予修改), no error | 修改后通过 — passes once revised (or the point justified in writing) |
| only info (建议完善), or nothing | 审核通过 — passes; the suggestions are for reference |
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable, Optional

from perflint.engine.rule import Category
from perflint.findings import Severity
from perflint.text import Text

# The document the dimensions come from, cited by title and number only (its review chapter could not be
# checked word for word: rules/sources.yaml).
SOURCE = Text("财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）",
              "the Ministry of Finance's 《中央部门预算绩效目标管理办法》 (财预〔2015〕88号)")
SOURCE_NUMBER = "财预〔2015〕88号"


@dataclass(frozen=True)
class Dimension:
    key: str
    name: Text
    scope: Text  # what a reviewer checks under it, as the opinion states it


DIMENSIONS = (
    Dimension("completeness", Text("完整性", "Completeness"),
              Text("绩效目标、指标和资金等内容是否填报完整、明确、规范",
                   "whether targets, indicators and funding are stated in full, clearly and in standard form")),
    Dimension("relevance", Text("相关性", "Relevance"),
              Text("目标、指标与项目资金用途、预算数额和部门职责是否相互对应、前后一致",
                   "whether targets and indicators match the project's uses of funds, its budget and the "
                   "department's duties, and agree with each other")),
    Dimension("appropriateness", Text("适当性", "Appropriateness"),
              Text("指标值是否细化量化、可衡量，目标高低与资金规模是否相匹配",
                   "whether targets are specific, quantified and measurable, and set at a level that fits the money")),
    Dimension("feasibility", Text("可行性", "Feasibility"),
              Text("指标值的确定依据是否充分，目标能否在预算年度内实现",
                   "whether each target rests on a stated basis and can be met within the budget year")),
)
BY_KEY = {d.key: d for d in DIMENSIONS}

# The one mapping from rule categories to review dimensions (see the module's table).
CATEGORY_DIMENSION = {
    Category.COMPLETENESS: "completeness",
    Category.RELEVANCE: "relevance",
    Category.APPROPRIATENESS: "appropriateness",
    Category.FEASIBILITY: "feasibility",
    Category.FORMAT: "completeness",
}
# A finding whose rule is not in the report's catalogue (none should be) is still reported, under 完整性.
FALLBACK = "completeness"


def dimension_of(category: Optional[Category]) -> Dimension:
    return BY_KEY[CATEGORY_DIMENSION.get(category, FALLBACK)]


# What a finding of each severity asks of the department, in the opinion's words.
ACTION = {
    Severity.ERROR: Text("必须修改", "must be revised"),
    Severity.WARNING: Text("应予修改", "to be revised"),
    Severity.INFO: Text("建议完善", "suggested"),
}


class Conclusion(str, Enum):
    RETURN = "return"
    PASS_AFTER_REVISION = "pass-after-revision"
    PASS = "pass"


CONCLUSION_TEXT = {
    Conclusion.RETURN: Text("退回修改", "Returned for revision"),
    Conclusion.PASS_AFTER_REVISION: Text("修改后通过", "Passes once revised"),
    Conclusion.PASS: Text("审核通过", "Passes"),
}
# The sentence that follows the conclusion, saying what the department does next.
CONCLUSION_NEXT = {
    Conclusion.RETURN: Text("存在必须修改的问题，请按本意见逐条修改后重新报送审核。",
                            "Some points must be revised: revise each as this opinion sets out and submit the "
                            "targets again for review."),
    Conclusion.PASS_AFTER_REVISION: Text("请按本意见逐条修改完善（确有理由不修改的，请书面说明），修改后报送备案，不再重新审核。",
                                         "Revise each point as this opinion sets out (or explain in writing why a "
                                         "point stands) and file the revised targets; no second review is needed."),
    Conclusion.PASS: Text("绩效目标符合审核要求，予以通过；所列建议供完善时参考。",
                          "The targets meet the review requirements and pass; the suggestions listed are for "
                          "reference."),
}


def conclusion(severities: Iterable[Severity]) -> Conclusion:
    """退回修改 with any error, 修改后通过 with warnings only, 审核通过 otherwise."""
    found = set(severities)
    if Severity.ERROR in found:
        return Conclusion.RETURN
    if Severity.WARNING in found:
        return Conclusion.PASS_AFTER_REVISION
    return Conclusion.PASS
