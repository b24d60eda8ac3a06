from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text


class HeaderFieldMissing(Rule):
    code = "PF111"
    slug = "header-field-missing"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("项目表头缺少项目编码、预算单位或预算数", "The project header lacks its code, budget unit or budget total")
    messages = {
        "default": Text("项目“{project}”的表头缺少{missing}；请按预算批复填写，使绩效目标能与预算项目一一对应",
                        "The header of project {project!r} lacks {missing}; fill them in from the budget approval so "
                        "that the targets can be matched to the budget project"),
    }
    doc = RuleDoc(
        what=Text("项目支出绩效目标表的表头有项目编码、预算单位（或实施单位、主管部门）、预算数的栏目（或配置的模板要求它们），"
                  "却没有填写其中任一项。表格整体没有某一栏时由 form-field-absent 说明一次。",
                  "A project's target table has a place for its project code (项目编码), its budget unit (预算单位, "
                  "or 实施单位/主管部门) or its budget total (预算数) — or the configured template requires one — "
                  "and leaves it blank. A form with no such place at all is said once by form-field-absent."),
        why=Text("绩效目标随预算一同批复，表头是绩效目标与预算项目对应的依据：没有项目编码和预算单位无法对应到预算项目，"
                 "没有预算数无法判断目标与资金规模是否匹配。",
                 "Targets are approved together with the budget and the header is what ties them to it: without the "
                 "code and unit the table cannot be matched to a budget project, and without the total nobody can "
                 "judge whether the targets fit the money."),
        source="实务：地方项目支出绩效目标申报表的表头（项目名称、项目编码取自预算项目库，预算单位、预算数与部门预算申报一致）；《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）："
               "绩效目标与预算同步批复下达",
    )

    def check(self, document, context):
        facts = context.facts
        for project in document.projects:
            missing = []  # (field, what it is)
            if facts.asks_for("code") and not text(project.code):
                missing.append(("code", Text("项目编码", "the project code")))
            if facts.asks_for("unit") and not any(text(u) for u in (project.unit, project.implementing_unit,
                                                                       project.competent_department)):
                missing.append(("unit", Text("预算单位", "the budget unit")))
            elif "competent_department" in project.model_fields_set and not text(project.competent_department):
                missing.append(("competent_department", Text("主管部门", "the competent department")))  # left blank
            if facts.asks_for("budget") and project.budget_total is None:
                missing.append(("budget", Text("预算数", "the budget total")))
            if missing:
                # One blank field is reported where it is; several, at the project's header.
                pointer = project.at(missing[0][0]) if len(missing) == 1 else project.pointer
                yield self.hit(pointer, project=project.name, missing=Text("、".join(m.zh for _, m in missing),
                                                                           ", ".join(m.en for _, m in missing)))
