"""Text import behaviours that only odd layouts reach: a column whose header does not say what it
holds, prose over several paragraphs, a cover with stray lines, a listing interrupted by a heading,
amounts in 元, a 合计 row standing in for the budget, a department's task table, a spending plan
with a blank checkpoint written back to YAML — each read as a user would expect, with the findings
pointing at the right lines and quoting the right text."""

from decimal import Decimal

import pytest

from perflint.check import active_rules
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import load_bytes
from perflint.load.writer import to_yaml

RULES = active_rules(Settings())
COVER = "溧平县司法局\n2026年部门预算绩效文本\n\n"
HEAD = COVER + "1. 2026年法律援助绩效目标表\n"
PROJECT = HEAD + "项目名称\t2026年法律援助\n"


def text(source: str, name: str = "doc.txt"):
    return load_bytes(source.encode("utf-8"), name)


def problems(loaded):
    return [(p.rule, p.message, p.args.get("text"), p.location.line if p.location else None)
            for p in loaded.problems]


def findings_of(loaded, rule: str):
    return [f for f in lint(loaded, RULES) if f.rule == rule]


# -- columns ---------------------------------------------------------------------------------------

def test_a_direction_column_holding_quantitative_is_read_as_the_operator_not_the_value_type():
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标方向\t指标值\t指标值确定依据\n"
                  "产出指标\t数量指标\t办理法律援助案件数\t定量\t300件\t工作计划\n")
    assert loaded.problems == []
    indicator = loaded.document.projects[0].indicators[0]
    assert (indicator.op, indicator.value_type, indicator.direction) == ("定量", None, None)


# -- the overall part ------------------------------------------------------------------------------

def test_an_overall_goal_over_two_paragraphs_is_one_goal_on_two_lines():
    loaded = text(COVER + "一、总体绩效目标\n全年办理法律援助案件300件。\n群众满意度达到95%以上。\n")
    assert loaded.problems == []
    assert loaded.document.overall.goal == "全年办理法律援助案件300件。\n群众满意度达到95%以上。"


def test_a_numbered_section_right_after_the_cover_opens_the_overall_part():
    # 年度总体目标 is no label of its own: the numbered heading alone says a section starts here.
    loaded = text(COVER + "一、年度总体目标\n全年办理法律援助案件300件。\n")
    assert loaded.problems == []
    assert loaded.document.overall.goal == "全年办理法律援助案件300件。"


def test_an_unknown_section_is_skipped_with_a_finding_that_quotes_it():
    loaded = text(COVER + "一、总体绩效目标\n全年办理法律援助案件300件。\n二、其他说明\n")
    (finding,) = findings_of(loaded, "import-skipped")
    assert finding.line == 6 and "二、其他说明" in finding.message


def test_a_stray_line_between_two_printings_of_the_title_is_skipped_not_taken_for_the_department():
    loaded = text("溧平县司法局\n2026年部门预算绩效文本\n（草案）\n说明：本文本由县财政局汇总。\n"
                  "2026年部门预算绩效文本\n一、总体绩效目标\n全年办理法律援助案件300件。\n")
    assert ("import-skipped", "default", "说明：本文本由县财政局汇总。", 4) in problems(loaded)
    duplicates = [p.pointer for p in loaded.problems if p.rule == "import-duplicate-field"]
    assert duplicates == ["/year", "/title"]
    assert loaded.document.department == "溧平县司法局"


def test_a_department_task_table_with_its_header_under_the_label_is_read():
    loaded = text("部门整体支出绩效目标表\n(2021年度)\n部门名称\t县食用菌研究所\n年度履职目标\n"
                  "\t部门职能\t年度目标任务\t联系人\n\t食用菌科研\t培育新品种2个\t张三\n")
    unknown = findings_of(loaded, "import-unknown-column")
    assert [(f.line, "联系人" in f.message) for f in unknown] == [(5, True)]
    assert [(t.title, t.text) for t in loaded.document.overall.tasks] == [("食用菌科研", "培育新品种2个")]


# -- projects --------------------------------------------------------------------------------------

def test_a_project_heading_with_no_table_is_reported_quoting_the_heading_not_the_year_line_under_it():
    loaded = text(COVER + "1. 2026年法律援助绩效目标表\n（2026年度）\n2. 2026年普法宣传绩效目标表\n"
                  "项目名称\t2026年普法宣传\n")
    assert problems(loaded) == [("import-skipped", "default", "1. 2026年法律援助绩效目标表", 4)]
    assert [p.name for p in loaded.document.projects] == ["2026年普法宣传"]


def test_the_department_is_inferred_from_a_competent_department_with_a_bracketed_code():
    loaded = text("项目支出绩效目标表\n项目名称\t2026年法律援助\n主管部门\t[042]六安市金安区司法局\n")
    assert loaded.document.department == "六安市金安区司法局"
    assert loaded.document.projects[0].competent_department == "[042]六安市金安区司法局"


def test_the_label_of_a_field_read_from_a_label_value_row_is_located():
    loaded = text(PROJECT + "主管部门\t溧平县司法局\n")
    key, value = loaded.source.key("/projects/0/competent_department"), \
        loaded.source.value("/projects/0/competent_department")
    assert (key.line, key.column) == (6, 1)
    assert (value.line, value.column) == (6, 6)


def test_an_amount_written_in_yuan_in_a_table_counted_in_yuan_is_read_as_the_number():
    loaded = text(PROJECT + "金额单位\t元\n预算规模\t预算数\t200000元\n")
    assert loaded.problems == []
    assert loaded.document.projects[0].budget.total == Decimal(200000)


def test_a_budget_label_with_its_unit_and_no_figure_is_reported_as_not_read():
    loaded = text(PROJECT + "预算规模\t年度资金总额 万元\t12\n")
    assert problems(loaded) == [("import-skipped", "cell", "年度资金总额万元、12", 6)]
    assert loaded.document.projects[0].budget.total is None


def test_the_total_row_of_the_cost_table_stands_in_for_a_budget_the_table_does_not_state():
    loaded = text(PROJECT + "测算明细\n明细项目\t金额\t计算依据\n律师补贴\t12\t300件×400元\n合计\t12\t\n")
    (problem,) = loaded.problems
    assert (problem.rule, problem.pointer, problem.location.line) == ("import-field-inferred",
                                                                     "/projects/0/budget/total", 9)
    assert loaded.document.projects[0].budget.total == Decimal(12)
    (finding,) = findings_of(loaded, "import-field-inferred")
    assert (finding.line, finding.pointer) == (9, "/projects/0/budget/total")


def test_the_total_row_of_the_cost_table_fills_a_budget_printed_with_its_figure_left_blank():
    loaded = text(PROJECT + "预算规模\t预算数\t\n测算明细\n明细项目\t金额\t计算依据\n律师补贴\t12\t300件×400元\n"
                  "合计\t12\t\n")
    assert [(p.rule, p.pointer, p.location.line) for p in loaded.problems] == [
        ("import-field-inferred", "/projects/0/budget/total", 10)]
    assert loaded.document.projects[0].budget.total == Decimal(12)
    assert loaded.source.value("/projects/0/budget/total").line == 10


def test_a_plan_without_its_year_end_is_reported_at_the_plan_row():
    loaded = text(PROJECT + "预算规模\t预算数\t12\n资金支出计划（%）\t3月底\t25%\t6月底\t50%\n")
    (finding,) = findings_of(loaded, "spending-plan-no-year-end")
    assert finding.line == 7


def test_percentages_that_do_not_line_up_are_reported_at_their_row_for_the_spending_plan():
    loaded = text(PROJECT + "资金支出计划（%）\t3月底\t6月底\n\t25%\t50%\t\t90%\n")
    (problem,) = loaded.problems
    assert (problem.rule, problem.pointer, problem.location.line) == ("import-plan-unpaired",
                                                                     "/projects/0/spending_plan", 7)
    assert problem.args["cells"] == "90%"


def test_an_indicator_written_as_prose_under_a_level_in_the_first_column_takes_that_level():
    loaded = text(PROJECT + "绩效指标\t产出指标\t数量指标：办理法律援助案件300件\n"
                  "效益指标\t社会效益指标：群众法律意识明显提升\n")
    assert loaded.problems == []
    indicators = loaded.document.projects[0].indicators
    assert [(i.level1, i.level2, i.value) for i in indicators] == [
        ("产出指标", "数量指标", "办理法律援助案件300件"), ("效益指标", "社会效益指标", "群众法律意识明显提升")]


def test_a_listing_row_without_a_project_name_after_a_heading_reports_its_project_cells():
    listing = "项目名称\t项目单位\t一级指标\t二级指标\t三级指标\t指标值\n"
    loaded = text(COVER + listing + "1. 2026年法律援助绩效目标表\n"
                  "\t溧平县司法局\t产出指标\t数量指标\t办理法律援助案件数\t300件\n")
    assert ("import-skipped", "cell", "溧平县司法局", 6) in problems(loaded)
    assert loaded.document.projects == []


# -- the writer ------------------------------------------------------------------------------------

def test_a_blank_checkpoint_of_the_spending_plan_is_written_as_null_and_reads_back():
    loaded = text(PROJECT + "资金支出计划（%）\t3月底\t6月底\n\t25%\t\n")
    assert loaded.document.projects[0].spending_plan == {"3月底": Decimal(25), "6月底": None}
    written = to_yaml(loaded.document, "zh")
    assert "      3月底: 25%\n      6月底: null\n" in written
    again = load_bytes(written.encode("utf-8"), "out.yaml")
    assert again.problems == []
    assert again.document.model_dump() == loaded.document.model_dump()


# -- more odd layouts ------------------------------------------------------------------------------

def test_a_header_that_lost_its_third_level_cell_reads_the_extra_cell_as_the_value_not_as_stray():
    # The 三级指标 header cell was merged into its neighbour: the rows have one cell more than the header.
    # The 指标性质 column before the levels holds ≥ and stays where it is.
    loaded = text(PROJECT + "指标性质\t一级指标\t二级指标\t指标值\n"
                  "≥\t产出指标\t数量指标\t办理法律援助案件数\t300件\n")
    assert loaded.problems == []
    (indicator,) = loaded.document.projects[0].indicators
    assert (indicator.level2, indicator.name, indicator.value) == ("数量指标", "办理法律援助案件数", "300件")
    assert (indicator.op, indicator.value_type) == ("≥", None)


def test_a_checkpoint_given_twice_in_the_spending_plan_is_reported_by_its_name_in_both_languages():
    loaded = text(PROJECT + "资金支出计划（%）\t3月底\t25%\t3月底\t30%\t12月底\t100%\n")
    assert loaded.document.projects[0].spending_plan == {"3月底": Decimal(25), "12月底": Decimal(100)}
    (english,) = [f for f in lint(loaded, RULES, lang="en") if f.rule == "import-duplicate-field"]
    (chinese,) = findings_of(loaded, "import-duplicate-field")
    assert english.line == 6 and english.message.startswith("3月底 was already given at line 6; '30%'")
    assert chinese.message.startswith("“3月底”已在第 6 行给出")


def test_a_cell_before_a_prose_indicator_that_names_no_level_is_reported_and_the_indicator_read():
    loaded = text(PROJECT + "绩效指标\t补充\t数量指标：办理法律援助案件300件\n")
    assert problems(loaded) == [("import-skipped", "cell", "补充", 6)]
    (indicator,) = loaded.document.projects[0].indicators
    assert (indicator.level1, indicator.level2, indicator.value) == (None, "数量指标", "办理法律援助案件300件")


def test_a_budget_listing_row_for_a_project_the_document_does_not_hold_is_reported():
    loaded = text(COVER + "项目名称\t合计\t一般公共预算\n2026年普法宣传\t12\t12\n")
    assert problems(loaded) == [("import-skipped", "row", "2026年普法宣传 | 12 | 12", 5)]
    assert loaded.document.projects == []


def test_the_year_of_the_title_is_located_at_the_title_and_a_second_printing_says_so():
    loaded = text("溧平县司法局\n2026年部门预算绩效文本\n2026年部门预算绩效文本\n一、总体绩效目标\n全年办理案件300件。\n")
    assert loaded.source.value("/year").line == 2
    messages = {f.pointer: f.message for f in lint(loaded, RULES, lang="en") if f.rule == "import-duplicate-field"}
    assert messages["/year"].startswith("year was already given at line 2;")


def test_a_targets_label_with_its_header_on_the_same_row_reads_the_rows_under_it():
    loaded = text(COVER + "分项绩效目标\t名称\t绩效目标\t绩效指标\n法律援助\t全年办理案件300件\t案件数300件\n")
    assert loaded.problems == []
    assert [(t.title, t.goal, t.indicators) for t in loaded.document.overall.targets] == [
        ("法律援助", "全年办理案件300件", "案件数300件")]


def test_a_paragraph_under_a_target_that_says_neither_goal_nor_indicators_is_reported_quoting_it():
    loaded = text(COVER + "一、总体绩效目标\n全年办理法律援助案件300件。\n二、分项绩效目标\n（一）加强法律援助\n"
                  "全年办理案件300件。\n")
    assert problems(loaded) == [("import-skipped", "default", "全年办理案件300件。", 8)]
    assert [t.title for t in loaded.document.overall.targets] == ["加强法律援助"]


def test_a_money_unit_line_above_a_project_table_counts_its_amounts_in_that_unit():
    loaded = text(COVER + "单位：元\n1. 2026年法律援助绩效目标表\n项目名称\t2026年法律援助\n预算规模\t预算数\t200000\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.money_unit, project.budget.total) == ("元", Decimal(200000))


def test_a_blank_table_row_before_any_table_is_passed_over():
    loaded = text("\t\t\n" + PROJECT + "主管部门\t溧平县司法局\n")
    assert loaded.problems == []
    assert loaded.document.projects[0].competent_department == "溧平县司法局"


def test_a_department_goal_over_two_table_rows_is_one_goal_located_over_both():
    loaded = text("部门整体支出绩效目标表\n(2021年度)\n部门名称\t县食用菌研究所\n总体目标\t培育新品种2个\n"
                  "\t推广种植1000亩\n")
    assert loaded.problems == []
    assert loaded.document.overall.goal == "培育新品种2个\n推广种植1000亩"
    where = loaded.source.value("/overall/goal")
    assert (where.line, where.end_line) == (4, 5)


def test_a_spending_plan_over_two_labelled_rows_is_one_plan():
    loaded = text(PROJECT + "资金支出计划（%）\t3月底\t25%\t6月底\t50%\n资金支出计划（%）\t9月底\t75%\t12月底\t100%\n")
    assert loaded.problems == []
    assert loaded.document.projects[0].spending_plan == {
        "3月底": Decimal(25), "6月底": Decimal(50), "9月底": Decimal(75), "12月底": Decimal(100)}


def test_a_budget_label_with_its_unit_after_a_money_unit_row_is_read_without_a_duplicate():
    loaded = text(PROJECT + "金额单位\t万元\n财政资金（万元）\t12\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.money_unit, project.budget.fiscal) == ("万元", Decimal(12))


# -- where prose and cells are located -------------------------------------------------------------

def test_an_overall_goal_over_two_paragraphs_is_located_over_both_and_no_further():
    loaded = text(COVER + "一、总体绩效目标\n全年办理法律援助案件300件。\n群众满意度达到95%以上。\n")
    where = loaded.source.value("/overall/goal")
    assert (where.line, where.column, where.end_line) == (5, 1, 6)


def test_a_cell_is_located_from_where_its_text_starts_to_where_it_ends():
    loaded = text(PROJECT + "主管部门\t  溧平县司法局\n")
    key, value = loaded.source.key("/projects/0/competent_department"), \
        loaded.source.value("/projects/0/competent_department")
    assert (key.line, key.column, key.end_line, key.end_column) == (6, 1, 6, 5)
    assert (value.line, value.column, value.end_line, value.end_column) == (6, 8, 6, 14)


# -- the cover -------------------------------------------------------------------------------------

def test_the_department_printed_above_a_title_that_repeats_it_is_not_reported():
    loaded = text("溧平县司法局\n溧平县司法局2026年部门预算绩效文本\n一、总体绩效目标\n全年办理案件300件。\n")
    assert loaded.problems == []
    assert loaded.document.department == "溧平县司法局"


def test_a_line_above_a_title_that_names_another_department_is_reported_not_dropped():
    loaded = text("某某说明\n溧平县司法局2026年部门预算绩效文本\n一、总体绩效目标\n全年办理案件300件。\n")
    assert problems(loaded) == [("import-skipped", "default", "某某说明", 1)]
    assert loaded.document.department == "溧平县司法局"


# -- labels as printed -----------------------------------------------------------------------------

def test_labels_with_spaces_inside_them_are_read_as_the_label():
    loaded = text(PROJECT + "主管 部门\t溧平县司法局\n资金支出计 划（%）\t12月底\t100%\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.competent_department, project.spending_plan) == ("溧平县司法局", {"12月底": Decimal(100)})


def test_a_unit_row_that_gives_a_budget_unit_not_a_money_unit_is_the_projects_unit():
    loaded = text(PROJECT + "单位\t324001 溧平县司法局本级\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.unit, project.money_unit) == ("324001 溧平县司法局本级", "万元")


def test_a_period_given_as_start_and_end_dates_is_one_period_located_over_both():
    loaded = text(PROJECT + "项目开始日期\t2026-01-01\t项目完成日期\t2026-12-31\n")
    assert loaded.problems == []
    assert loaded.document.projects[0].period == "2026-01-01—2026-12-31"
    where = loaded.source.value("/projects/0/period")
    assert (where.line, where.column, where.end_column) == (6, 8, 36)


def test_a_money_unit_line_above_a_table_that_states_its_own_gives_way_without_a_duplicate():
    loaded = text(COVER + "单位：元\n1. 2026年法律援助绩效目标表\n项目名称\t2026年法律援助\n金额单位\t万元\n"
                  "预算规模\t预算数\t20\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.money_unit, project.budget.total) == ("万元", Decimal(20))


def test_a_table_without_a_heading_starts_at_each_project_code_row():
    loaded = text("项目支出绩效目标表\n项目编码\tA001\n项目名称\t法律援助\n项目编码\tA002\n项目名称\t普法宣传\n")
    assert [p.rule for p in loaded.problems] == ["missing-field", "missing-field"]
    assert [(p.code, p.name) for p in loaded.document.projects] == [("A001", "法律援助"), ("A002", "普法宣传")]


# -- cells not read: one problem per block ---------------------------------------------------------

def test_header_cells_of_a_department_table_that_are_not_read_are_one_problem_listing_them():
    # A budget unit is no field of a department's table: given as a label's value or on a unit line, not read.
    loaded = text("部门整体支出绩效目标表\n(2021年度)\n部门名称\t县食用菌研究所\n单位\t某某单位\n"
                  "207101天津市河北区人民法院\t单位：万元\n")
    assert problems(loaded) == [("import-skipped", "cell", "某某单位、207101天津市河北区人民法院", 4)]
    assert loaded.document.overall.money_unit == "万元"


def test_cells_under_an_unknown_indicator_column_are_one_problem_listing_them():
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标值\t联系人\n"
                  "产出指标\t数量指标\t办理案件数\t300件\t张三\n\t\t培训场次\t10场\t李四\n")
    assert problems(loaded) == [("import-unknown-column", "default", None, 6), ("import-skipped", "cell", "张三、李四", 7)]
    assert [i.name for i in loaded.document.projects[0].indicators] == ["办理案件数", "培训场次"]


def test_an_unknown_column_of_a_targets_table_is_reported_by_its_header():
    loaded = text(COVER + "分项绩效目标\t名称\t绩效目标\t联系人\n法律援助\t全年办理案件300件\t张三\n")
    assert [(p.rule, p.args, p.location.line) for p in loaded.problems] == [
        ("import-unknown-column", {"header": "联系人"}, 4), ("import-skipped", {"text": "张三"}, 5)]
    (finding,) = findings_of(loaded, "import-unknown-column")
    assert "联系人" in finding.message


# -- indicator rows --------------------------------------------------------------------------------

def test_a_blank_row_right_under_the_indicator_header_is_no_indicator():
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标值\n\t\t\t\n产出指标\t数量指标\t办理案件数\t300件\n")
    assert loaded.problems == []
    assert [i.name for i in loaded.document.projects[0].indicators] == ["办理案件数"]


def test_a_blank_row_between_indicators_is_an_indicator_left_blank_under_the_carried_levels():
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t办理案件数\t300件\n\t\t\t\n"
                  "\t\t培训场次\t10场\n")
    indicators = loaded.document.projects[0].indicators
    assert [(i.level2, i.name, i.value) for i in indicators] == [
        ("数量指标", "办理案件数", "300件"), ("数量指标", None, None), ("数量指标", "培训场次", "10场")]


# -- listings and department tables ----------------------------------------------------------------

def test_the_budget_column_of_an_indicator_listing_is_the_projects_budget():
    loaded = text(COVER + "项目名称\t预算数\t一级指标\t二级指标\t三级指标\t指标值\n"
                  "2026年法律援助\t12\t产出指标\t数量指标\t办理法律援助案件数\t300件\n")
    assert loaded.problems == []
    assert loaded.document.projects[0].budget.total == Decimal(12)


def test_a_task_amount_written_with_its_money_unit_is_read_as_the_number():
    loaded = text("部门整体支出绩效目标表\n(2021年度)\n部门名称\t县食用菌研究所\n年度履职目标\n"
                  "\t部门职能\t年度目标任务\t预算金额\n\t食用菌科研\t培育新品种2个\t12万元\n")
    assert loaded.problems == []
    assert [(t.title, t.amount) for t in loaded.document.overall.tasks] == [("食用菌科研", Decimal(12))]


def test_a_total_row_standing_in_for_the_budget_names_the_field_in_both_languages():
    loaded = text(PROJECT + "测算明细\n明细项目\t金额\t计算依据\n律师补贴\t12\t300件×400元\n合计\t12\t\n")
    (english,) = [f for f in lint(loaded, RULES, lang="en") if f.rule == "import-field-inferred"]
    (chinese,) = findings_of(loaded, "import-field-inferred")
    assert english.message.startswith("The document does not state its total; '12' was taken from here")
    assert chinese.message.startswith("文档没有写明预算数（total），取自此处：“12”")


def test_a_funding_label_numbered_after_a_spaced_qizhong_is_read_as_its_field():
    # The space before an item's mark survives cleaning: 其中： 1.财政拨款 is still 财政拨款.
    loaded = text(PROJECT + "预算规模\t预算数\t12\n\t其中： 1.财政拨款\t10\n")
    assert loaded.problems == []
    budget = loaded.document.projects[0].budget
    assert (budget.total, budget.fiscal) == (Decimal(12), Decimal(10))


def test_an_empty_cell_of_a_targets_table_is_an_empty_field_located_at_that_cell():
    loaded = text(COVER + "分项绩效目标\t名称\t绩效目标\t绩效指标\n法律援助\t全年办理案件300件\t\n")
    assert loaded.problems == []
    assert [(t.title, t.goal, t.indicators) for t in loaded.document.overall.targets] == [
        ("法律援助", "全年办理案件300件", None)]
    where = loaded.source.value("/overall/targets/0/indicators")
    assert (where.line, where.column) == (5, 17)


def test_a_blank_row_inside_an_indicator_listing_is_an_indicator_left_blank():
    loaded = text(COVER + "项目名称\t一级指标\t二级指标\t三级指标\t指标值\n"
                  "2026年法律援助\t产出指标\t数量指标\t办理法律援助案件数\t300件\n\t\t\t\t\n\t\t\t培训场次\t10场\n")
    assert loaded.problems == []
    assert [(i.level2, i.name) for i in loaded.document.projects[0].indicators] == [
        ("数量指标", "办理法律援助案件数"), ("数量指标", None), ("数量指标", "培训场次")]


def test_a_line_naming_the_period_sends_the_rows_under_it_to_that_periods_indicators():
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标值\n中期指标\n产出指标\t数量指标\t三年办理案件数\t900件\n"
                  "年度指标\n产出指标\t数量指标\t办理案件数\t300件\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert [i.name for i in project.midterm_indicators] == ["三年办理案件数"]
    assert [i.name for i in project.indicators] == ["办理案件数"]


LISTING = "项目名称\t项目单位\t一级指标\t二级指标\t三级指标\t指标值\n"


@pytest.mark.parametrize("rows, quoted, line", [
    ("预算规模\t预算数\t12\t说明甲\t说明乙\n", "说明甲、说明乙", 6),  # cells right of a label's value
    ("预算规模\t甲\t乙\t预算数\t12\n", "甲、乙", 6),  # cells of a budget row under no label
    ("预算规模\t中期资金总额\t68.50\t年度资金总额\t51.35\n", "中期资金总额、68.50", 6),  # the period's figures
    ("测算明细\n明细项目\t金额\n律师补贴\t12\t甲\t乙\n", "甲、乙", 8),  # cells of a cost row under no header
    ("绩效指标\t补充\t附注\t数量指标：办理法律援助案件300件\n", "补充、附注", 6),  # cells before a prose indicator
    ("\t一级指标\t二级指标\t三级指标\t指标值\n甲\t产出指标\t数量指标\t办理案件数\t300件\n乙\t\t\t培训场次\t10场\n",
     "甲、乙", 7),  # a first column that names no period
], ids=["extra", "budget", "budget-period", "breakdown", "prose", "period"])
def test_the_cells_of_one_block_not_read_are_one_problem_that_lists_them(rows, quoted, line):
    assert problems(text(PROJECT + rows)) == [("import-skipped", "cell", quoted, line)]


def test_project_cells_that_change_inside_a_projects_listing_rows_are_one_problem_listing_them():
    loaded = text(COVER + LISTING + "2026年法律援助\t甲单位\t产出指标\t数量指标\t办理法律援助案件数\t300件\n"
                  "2026年法律援助\t乙单位\t\t\t培训场次\t10场\n2026年法律援助\t丙单位\t\t\t宣传场次\t10场\n")
    assert problems(loaded) == [("import-skipped", "cell", "乙单位、丙单位", 6)]
    project = loaded.document.projects[0]
    assert (project.unit, [i.name for i in project.indicators]) == ("甲单位", ["办理法律援助案件数", "培训场次", "宣传场次"])


def test_each_blank_row_between_indicators_is_an_indicator_located_at_its_own_row():
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t办理案件数\t300件\n"
                  "\t\t\t\n\t\t\t\n\t\t培训场次\t10场\n")
    assert [i.name for i in loaded.document.projects[0].indicators] == ["办理案件数", None, None, "培训场次"]
    assert [loaded.source.value(f"/projects/0/indicators/{i}").line for i in range(4)] == [7, 8, 9, 10]


def test_a_blank_cell_between_two_label_value_pairs_does_not_stop_the_row():
    loaded = text(PROJECT + "主管部门\t溧平县司法局\t\t实施单位\t县法律援助中心\n预算规模\t\t预算数\t12\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.competent_department, project.implementing_unit, project.budget.total) == (
        "溧平县司法局", "县法律援助中心", Decimal(12))


@pytest.mark.parametrize("body", ["一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t办理案件数\t300件\n",
                                  "年度目标\t办理案件300件\n"], ids=["after-indicators", "after-goals"])
def test_a_unit_row_after_a_tables_indicators_or_goals_starts_the_next_project(body):
    loaded = text("项目支出绩效目标表\n单位名称\t甲单位\n项目名称\t法律援助\n" + body + "单位名称\t乙单位\n项目名称\t普法宣传\n")
    assert [p.rule for p in loaded.problems] == ["missing-field", "missing-field"]
    assert [(p.unit, p.name) for p in loaded.document.projects] == [("甲单位", "法律援助"), ("乙单位", "普法宣传")]


def test_a_second_unit_row_before_the_table_has_indicators_or_goals_is_a_duplicate():
    loaded = text("项目支出绩效目标表\n单位名称\t甲单位\n项目名称\t法律援助\n单位名称\t乙单位\n")
    (duplicate,) = [p for p in loaded.problems if p.rule == "import-duplicate-field"]
    assert (duplicate.pointer, duplicate.location.line, duplicate.args["value"]) == ("/projects/0/unit", 4, "乙单位")
    assert [(p.unit, p.name) for p in loaded.document.projects] == [("甲单位", "法律援助")]


def test_the_department_a_project_table_names_is_the_documents_located_at_that_row():
    loaded = text("项目支出绩效目标表\n项目名称\t法律援助\n填报单位\t[042]六安市金安区司法局\n")
    assert [p.rule for p in loaded.problems] == ["missing-field"]
    assert loaded.document.department == "六安市金安区司法局"
    key, value = loaded.source.key("/department"), loaded.source.value("/department")
    assert ((key.line, key.column), (value.line, value.column)) == ((3, 1), (3, 6))


def test_a_money_unit_line_above_a_department_table_is_that_tables_money_unit():
    loaded = text("单位：元\n部门整体支出绩效目标表\n(2021年度)\n部门名称\t县食用菌研究所\n总体目标\t培育新品种2个\n")
    assert loaded.problems == []
    assert loaded.document.overall.money_unit == "元"


def test_a_table_title_naming_the_department_the_cover_gave_is_no_duplicate():
    loaded = text(COVER + "1. 溧平县司法局2026年项目支出绩效目标表\n项目名称\t2026年法律援助\n")
    assert loaded.problems == []
    assert (loaded.document.department, loaded.document.projects[0].name) == ("溧平县司法局", "2026年法律援助")


def test_a_goal_column_left_empty_is_an_empty_goal_located_at_its_header():
    loaded = text(PROJECT + "绩效目标\t中期目标\t年度目标\n\t\t办理案件300件\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.goals, project.midterm_goals) == (["办理案件300件"], [""])
    where = loaded.source.value("/projects/0/midterm_goals/0")
    assert (where.line, where.column) == (6, 6)


def test_a_row_joined_to_the_indicator_above_names_the_joined_indicator_in_both_languages():
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t办理法律援助\t300件\n\t\t案件数\t\n")
    (english,) = [f for f in lint(loaded, RULES, lang="en") if f.rule == "import-row-joined"]
    (chinese,) = findings_of(loaded, "import-row-joined")
    assert english.line == 8 and "(now '办理法律援助案件数')" in english.message
    assert "并入三级指标“办理法律援助案件数”" in chinese.message


def test_a_labelled_cell_with_a_label_we_do_not_know_in_a_label_row_is_reported_quoting_it():
    loaded = text(PROJECT + "主管部门\t溧平县司法局\t按性质分：一般\n")
    assert problems(loaded) == [("import-skipped", "cell", "按性质分：一般", 6)]
    assert loaded.document.projects[0].competent_department == "溧平县司法局"


@pytest.mark.parametrize("goals, long_term, annual", [
    ("总体目标\t三年办理案件900件\n年度目标\t办理案件300件\n", ["三年办理案件900件"], ["办理案件300件"]),
    ("总体目标\t办理案件300件\n", [], ["办理案件300件"]),
], ids=["beside-annual", "alone"])
def test_an_overall_goal_is_the_long_term_goal_beside_an_annual_one_and_the_goal_alone(goals, long_term, annual):
    loaded = text(PROJECT + goals)
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert (project.midterm_goals, project.goals) == (long_term, annual)


def test_an_overall_goal_of_a_department_table_is_its_goal():
    loaded = text("部门整体支出绩效目标表\n(2021年度)\n部门名称\t县食用菌研究所\n年度目标\t推广种植1000亩\n总体目标\t培育新品种2个\n")
    assert loaded.problems == []
    assert (loaded.document.overall.goal, loaded.document.overall.annual_goal) == ("培育新品种2个", "推广种植1000亩")


def test_a_funding_label_with_its_amount_in_one_cell_is_read_as_that_figure():
    loaded = text(PROJECT + "预算规模\t年度资金总额:16\t财政拨款：\n")
    assert loaded.problems == []
    budget = loaded.document.projects[0].budget
    assert (budget.total, budget.fiscal) == (Decimal(16), None)


def test_the_year_inferred_from_a_project_name_is_located_at_that_name():
    loaded = text("项目支出绩效目标表\n项目名称\t2026年法律援助\n主管部门\t溧平县司法局\n")
    assert loaded.document.year == 2026
    assert [(p.pointer, p.location.line, p.args["value"]) for p in loaded.problems] == [
        ("/department", 3, "溧平县司法局"), ("/year", 2, "2026")]


@pytest.mark.parametrize("first, expected", [("计划标准", ("计划标准", None)), ("按年度计划", (None, "按年度计划"))],
                         ids=["a-standard", "prose"])
def test_a_performance_standard_column_holds_the_basis_when_it_names_a_standard_else_the_description(first, expected):
    loaded = text(PROJECT + "一级指标\t二级指标\t三级指标\t指标值\t绩效标准\n产出指标\t数量指标\t办理案件数\t300件\t" + first + "\n")
    assert loaded.problems == []
    (indicator,) = loaded.document.projects[0].indicators
    assert (indicator.basis, indicator.description) == expected
