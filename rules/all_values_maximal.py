from decimal import Decimal

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import is_satisfaction_name, percent, tables, text
from perflint.analysis.value_text import is_full_percent


class AllValuesMaximal(Rule):
    code = "PF212"
    slug = "all-values-maximal"
    category = Category.APPROPRIATENESS
    severity = Severity.INFO
    summary = Text("百分比目标几乎全部是 100%", "Nearly every percentage target is 100%")
    options = {
        "share": Option(Decimal("0.8"), Text("100% 目标占百分比目标的比例达到多少时提示（0.8 即 80%）",
                                             "The share of 100% targets among the percentage targets from which "
                                             "to report (0.8 is 80%)")),
        "min_targets": Option(4, Text("项目至少有几个百分比目标时才检查",
                                      "The fewest percentage targets a table must have to be checked")),
    }
    messages = {
        "default": Text("项目“{project}”的 {total} 个百分比目标中有 {full} 个是 100%（{share}%），目标疑似按上限照填；"
                        "请按历史水平、行业标准或计划测算逐项设定，并写明依据",
                        "{full} of the {total} percentage targets of {project!r} are 100% ({share}%): they look like "
                        "the ceiling filled in; set each from history, sector standards or the plan, and state "
                        "the basis"),
    }
    doc = RuleDoc(
        what=Text("一张绩效指标表中百分比目标的绝大多数（默认 80% 及以上，且至少 4 个百分比目标）恰好是 100%。"
                  "满意度目标按调查结果设定，不计入。",
                  "In one indicator table, nearly all percentage targets (80% or more by default, with at least 4 "
                  "percentage targets) are exactly 100%. Satisfaction targets, set from surveys, are not counted."),
        why=Text("目标应根据历史水平和实际测算设定；几乎全部取 100% 说明没有分析可达水平，目标失去区分度。",
                 "Targets are set from history and costing; 100% almost everywhere shows no analysis of what is "
                 "attainable, and such targets no longer discriminate."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“合理可行”；实务：审核惯例（目标按历史水平和测算设定，几乎全部取 100% 视为没有测算）",
    )

    def check(self, document, context):
        for project, pointer, rows in tables(document):
            # Satisfaction targets are set from surveys (≥90%) and say nothing of how the others were set.
            targets = [row.constraint for row in rows if row.constraint.kind == "percent"
                       and row.constraint.unit == "%" and not is_satisfaction_name(row.name)]
            if len(targets) < context.options["min_targets"]:
                continue
            full = sum(1 for constraint in targets if is_full_percent(constraint))
            if full >= context.options["share"] * len(targets):
                yield self.hit(pointer, project=text(project.name), total=len(targets), full=full,
                               share=percent(Decimal(full), Decimal(len(targets))))
