from perflint.engine.round_rule import YearsRule
from perflint.engine.rule import Category, RuleDoc, Text
from perflint.findings import Severity

_SHOWN = 5  # dropped indicators named in a message


class IndicatorDropped(YearsRule):
    code = "PF115"
    slug = "indicator-dropped"
    category = Category.COMPLETENESS
    severity = Severity.INFO
    summary = Text("上年设置的指标本年度不再设置", "Indicators set last year are gone this year")
    messages = {
        "default": Text("项目“{project}”上年设置的 {count} 个指标本年度不再设置：{names}（上年见 {last_place}）；"
                        "如任务已完成或口径调整，请说明，否则请补设",
                        "{count} indicator(s) project {project!r} had last year are gone this year: {names} (last "
                        "year: {last_place}); say why (the work is done, the measure changed) or set them again"),
    }
    doc = RuleDoc(
        what=Text("perflint compare 中，上年度同一项目（先按项目编码，再按同部门的项目名称）设置的年度指标，按名称（不计年份）在本年度"
                  "指标表中找不到。本年度指标表为空的不提示（由其他规则报告）。每个项目提示一次，列出不再设置的指标。",
                  "In perflint compare, annual indicators of last year's project (matched by project code, then by "
                  "name within the department) whose names (years aside) this year's table no longer has. An empty "
                  "table this year is not reported here (other rules say so). One finding per project, naming them."),
        why=Text("延续项目的指标应保持连续，才能与上年对比、反映绩效变化；指标被删去而不说明，可能是回避没有完成的目标。",
                 "A continuing project's indicators should carry on so that years compare and progress shows; an "
                 "indicator dropped without a word may hide a target that was not met."),
        source="实务：审核惯例（延续项目的指标与上年对比，删去指标须说明）",
    )

    def check_pair(self, pair, context):
        if not pair.this["rows"]:
            return
        dropped = pair.dropped()
        if not dropped:
            return
        names = [f"{row['name']}（{row['value']}）" for row in dropped[:_SHOWN]]
        more = len(dropped) - len(names)
        yield self.hit(pair.this["table"], project=pair.this["name"], count=len(dropped),
                       names=Text("、".join(names) + (f" 等 {len(dropped)} 个" if more else ""),
                                  ", ".join(f"{row['name']} ({row['value']})" for row in dropped[:_SHOWN])
                                  + (f" and {more} more" if more else "")),
                       last_place=pair.last_place(pair.last["table"]))
