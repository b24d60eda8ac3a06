from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import tables, text


class ValueEmpty(Rule):
    code = "PF103"
    slug = "value-empty"
    category = Category.COMPLETENESS
    severity = Severity.ERROR
    summary = Text("指标值为空", "The target value is empty")
    messages = {
        "default": Text("指标“{name}”没有填写指标值", "Indicator {name!r} has no target value"),
        "no_name": Text("{rows}没有三级指标名称，只有指标值（如“{value}”），无法知道考核的是什么",
                        "{rows} no indicator name, only a target (e.g. {value!r}): nobody can tell what is measured"),
        "blank": Text("{rows}只有一级、二级指标，三级指标名称和指标值都是空白；请填写或删除这些行",
                      "{rows} only the first and second levels: the indicator name and target are blank; fill "
                      "them in or delete the rows"),
    }
    doc = RuleDoc(
        what=Text("三级指标有名称，但指标值为空；或者有指标值而没有三级指标名称；或者一行只有一级、二级指标，"
                  "名称和指标值都空白（按表合并报告一次）。",
                  "A third-level indicator has a name but no target value; or a target but no name; or a row has "
                  "only its first and second levels, name and target blank (reported once per table)."),
        why=Text("没有指标值的指标无法考核，预算管理一体化系统也不允许保存。",
                 "An indicator without a target cannot be assessed; the budget system refuses to save it."),
        source="实务：预算管理一体化系统绩效模块的保存校验（指标值不能为空）",
    )

    def check(self, document, context):
        for _, _, rows in tables(document):
            # A table whose form has no name column (二级指标:内容 in one cell) lacks no names.
            named_form = any("name" in row.model_fields_set for row in rows)
            unnamed, blank = [], []
            for indicator in rows:
                named, valued = bool(text(indicator.label)), bool(text(indicator.value))
                if named and not valued:
                    yield self.hit(indicator.at("value"), name=text(indicator.label))
                elif valued and not named and named_form:
                    unnamed.append(indicator)
                elif not named and not valued:
                    blank.append(indicator)
            # A table left as the template's empty rows is one problem, not one per row.
            for key, found in (("no_name", unnamed), ("blank", blank)):
                if found:
                    rows = Text(f"本表有 {len(found)} 行", f"{len(found)} row(s) of this table have")
                    yield self.hit(found[0].at("name"), key, rows=rows, value=text(found[0].value))
