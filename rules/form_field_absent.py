from perflint.analysis.facts import EXPECTED_FIELDS
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity


class FormFieldAbsent(Rule):
    code = "PF114"
    slug = "form-field-absent"
    category = Category.COMPLETENESS
    severity = Severity.INFO
    summary = Text("文档所用表格没有某一栏目", "The document's form has no place for a field")
    messages = {
        "default": Text("本文档的表格没有{fields}栏目（{count} 个项目均无），相关检查未进行；"
                        "如本地模板要求这些栏目，请在配置中写明 required-fields 或 form-profile",
                        "The document's form has no place for {fields} ({count} project(s), none has it), so the "
                        "checks that need them were not run; if your template requires them, name them in "
                        "required-fields or form-profile"),
    }
    doc = RuleDoc(
        what=Text("文档所用的表格整体没有某个审核常用的栏目（指标值确定依据、资金支出计划、项目编码、预算单位、预算数、"
                  "年度绩效目标）：每个文档只报告一次，列出所缺栏目。表格有该栏而某项目未填时，由对应的完整性规则逐项报告。"
                  "配置 required-fields 或 form-profile 声明本地模板必须有的栏目后，缺栏改为逐项目警告。",
                  "The form the document uses has no place at all for a field reviewers often need (basis of the "
                  "target, spending plan, project code, budget unit, budget, annual goal): reported once per "
                  "document, naming them all. Where the form has the field and a project leaves it blank, the matching "
                  "completeness rule reports each one. Once required-fields or form-profile declares the fields "
                  "a template must have, a missing one is a warning per project instead."),
        why=Text("各地模板栏目不同：没有某一栏不等于漏填。把表格缺栏当作逐项漏填会产生大量误报；"
                 "说明一次，审核人即可判断本地是否要求该栏。",
                 "Templates differ between places: a form without a column is not a form left blank. Reporting "
                 "a missing column once per indicator buries the review in noise; saying it once lets the "
                 "reviewer decide whether the local template requires it."),
        source="实务：地方项目支出绩效目标申报表（各地栏目不一，财政部门可在本地模板中规定必填栏目）",
    )

    def check(self, document, context):
        lacking = [EXPECTED_FIELDS[field].label for field in context.facts.lacks()]
        if lacking:
            fields = Text("、".join(f"“{t.zh}”" for t in lacking), ", ".join(t.en for t in lacking))
            yield self.hit("/projects", fields=fields, count=len(document.projects))
