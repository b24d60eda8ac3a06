import re

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text
from perflint.values import parse_value

_NAME_LEAD = re.compile(r"^([^,，；;]{4,20}?)[,，；;]")


class DeadlineOutsideYear(Rule):
    code = "PF401"
    slug = "deadline-outside-year"
    category = Category.FEASIBILITY
    severity = Severity.WARNING
    summary = Text("年度指标的时限不在预算年度内", "An annual target's deadline falls outside the budget year")
    messages = {
        "default": Text("年度指标“{name}”的时限“{value}”不在预算年度 {year} 年内",
                        "The deadline {value!r} of annual indicator {name!r} is outside the budget year {year}"),
    }
    doc = RuleDoc(
        what=Text("年度绩效指标的时限（如 2025年12月底前，或写在名称开头的“截至2026年12月底,项目开展率”）"
                  "写的是预算年度以外的年份；中期指标不受此限。",
                  "An annual indicator's deadline (2025年12月底前, or one opening the name: 截至2026年12月底,项目开展率) "
                  "names a year other than the budget year; midterm indicators are exempt."),
        why=Text("年度目标描述的是预算年度内的产出和效果；时限落在别的年份，要么是沿用旧表，要么应放入中期目标。",
                 "Annual targets describe the budget year; a deadline in another year is a stale copy or "
                 "belongs to the midterm targets."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：年度绩效目标是预算资金在一个预算年度内预期达到的产出和效果",
    )

    def check(self, document, context):
        if document.year is None:
            return
        for project in document.projects:
            for indicator in project.indicators:
                # The deadline may open the name instead: 截至2026年12月底,项目开展率 | 100%.
                lead = _NAME_LEAD.match(text(indicator.name))
                stated = [("value", indicator.constraint)] + ([("name", parse_value(lead.group(1)))] if lead else [])
                for field, constraint in stated:
                    date = constraint.date or ""
                    if constraint.kind == "deadline" and date[:4].isdigit() and int(date[:4]) != document.year:
                        yield self.hit(indicator.at(field), name=text(indicator.name), value=constraint.input,
                                       year=document.year)
