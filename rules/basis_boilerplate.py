from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level1_of
from perflint.analysis.reading import is_satisfaction_name, text
from perflint.analysis.structure import compact, untraceable_basis


class BasisBoilerplate(Rule):
    code = "PF403"
    slug = "basis-boilerplate"
    category = Category.FEASIBILITY
    severity = Severity.INFO
    summary = Text("项目每一行指标的确定依据都相同", "Every indicator of a project gives the same basis")
    messages = {
        "default": Text("项目“{project}”全部 {count} 项指标的指标值确定依据都是“{basis}”，连{outcome}也不例外；"
                        "效益和满意度目标通常不由同一文件规定，请逐项写明依据（如 历史标准：2025年满意度调查结果为93.5%）",
                        "All {count} indicators of project {project!r} give the basis {basis!r}, even {outcome}; "
                        "effect and satisfaction targets are rarely set by the same document — give each row its own "
                        "basis (e.g. 历史标准: 93.5% in the 2025 survey)"),
    }
    options = {
        "min_rows": Option(4, Text("项目至少有多少行指标时才检查", "Fewest indicator rows a project needs to be checked")),
    }
    doc = RuleDoc(
        what=Text("项目至少有 4 行指标（可配置），每一行的指标值确定依据文字都相同，包括效益指标和满意度指标。"
                  "依据本身是“工作计划”“计划标准”之类泛称时，由 basis-not-traceable 逐行报告，本规则不重复报告。",
                  "A project with at least 4 indicator rows (configurable) gives the same basis text on every row, "
                  "effect and satisfaction rows included. When that basis is a generic word (工作计划, 计划标准) "
                  "basis-not-traceable reports each row and this rule stays silent."),
        why=Text("指标值确定依据要说明每个目标值的来源；同一句话复制到每一行，尤其是满意度、效益这类不由资金文件规定的指标，"
                 "说明依据是套用的，没有逐项论证。",
                 "The basis explains where each target comes from; one sentence copied onto every row — satisfaction "
                 "and effect rows included, which no funding document sets — shows that the bases were pasted in, "
                 "not worked out row by row."),
        source="实务：地方申报表填报说明（绩效标准：历史标准、行业标准、计划标准）；财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号 附件1）：指标值设定依据；实务："
               "审核惯例（依据逐行照抄视为没有逐项论证）",
    )

    def check(self, document, context):
        for project in document.projects:
            rows = project.indicators
            if len(rows) < context.options["min_rows"]:
                continue
            bases = {compact(i.basis) for i in rows}
            if len(bases) != 1 or not next(iter(bases)):
                continue
            basis = text(rows[0].basis)
            if untraceable_basis(basis) is not None:
                continue
            telling = next((i for i in rows if is_satisfaction_name(i.name)), None) or next(
                (i for i in rows if level1_of(i) == "效益指标"), None)
            if telling is None:
                continue
            outcome = Text(f"“{text(telling.label)}”", repr(text(telling.label)))
            yield self.hit(telling.at("basis"), project=project.name, count=len(rows), basis=basis, outcome=outcome)
