"""Pins the core modules' observable details that the broader tests leave loose (found by mutation
testing): every field of the loader's problems (rule, pointer, location, args, message variant), the
size limit on both sides, exclusion patterns, suppression directives as parsed, baseline paths and
their error message, the YAML writer's exact output, an importer's draft (duplicate fields, skipped
rows and cells), a partial document's unnamed project, the tables the rules read, and the facts a
document contributes to the round and years rules (directions, row flags, unit costs, amounts)."""

import json
from decimal import Decimal

import pytest

from perflint.analysis.digest import amount, direction, document_facts, implied, name_key, normalised
from perflint.analysis.reading import department_table, strings, tables, text
from perflint.engine.baseline import Key, read_baseline, write_baseline
from perflint.engine.suppress import parse_directives
from perflint.errors import UsageError
from perflint.load import exclusion, iter_paths, load_bytes, load_path
from perflint.load.blocks import Cell, Row
from perflint.load.draft import Draft
from perflint.load.model import Document, Project
from perflint.load.partial import validate_partial
from perflint.load.problems import Problem
from perflint.load.writer import to_yaml
from perflint.location import Location
from perflint.text import Text


def load(source: str):
    return load_bytes(source.encode("utf-8"), "doc.yaml")


def problems(source: str):
    return [(p.rule, p.pointer, p.location, p.args, p.message) for p in load(source).problems]


HEAD = "department: 溧平县司法局\nyear: 2026\n"


# The YAML reader: each problem's every field ------------------------------------------------------

def test_a_document_of_unknown_keys_only_misses_department_and_year_at_their_pointers():
    assert problems("departmnt: 溧平县司法局\n") == [
        ("unknown-key", "/departmnt", Location(1, 1, 1, 10), {"key": "departmnt", "hint": "department"}, "suggest"),
        ("missing-field", "/department", None, {"field": "department"}, "default"),
        ("missing-field", "/year", None, {"field": "year"}, "default"),
    ]


def test_an_unknown_key_without_a_close_name_has_no_hint():
    assert problems(HEAD + "zzz: 1\n") == [
        ("unknown-key", "/zzz", Location(3, 1, 3, 4), {"key": "zzz", "hint": ""}, "default")]


def test_an_unknown_key_inside_a_free_mapping_is_read_as_written():
    loaded = load(HEAD + "projects:\n  - name: 项目\n    spending_plan: {6月底: 50%, 12月底: 100%}\n")
    assert loaded.problems == []
    assert {k: str(v) for k, v in loaded.document.projects[0].spending_plan.items()} == {"6月底": "50", "12月底": "100"}
    assert loaded.source.key("/projects/0/spending_plan/12月底") == Location(5, 31, 5, 35)
    assert loaded.source.value("/projects/0/spending_plan/12月底") == Location(5, 37, 5, 41)


def test_a_key_has_its_own_place_beside_its_value():
    loaded = load(HEAD + "title: 绩效目标\n")
    assert loaded.source.key("/title") == Location(3, 1, 3, 6)
    assert loaded.source.value("/title") == Location(3, 8, 3, 12)


def test_list_items_have_their_own_places():
    loaded = load(HEAD + "projects:\n  - name: 项目\n    goals:\n      - 甲\n      - 乙目标\n")
    assert loaded.source.value("/projects/0/goals/1") == Location(7, 9, 7, 12)
    assert "/projects/0/goals/1" in loaded.source


def test_a_missing_year_is_reported_once_with_its_field():
    assert problems("department: 溧平县司法局\n") == [("missing-field", "/year", None, {"field": "year"}, "default")]


def test_a_wrong_year_is_reported_once_not_also_as_missing():
    assert problems(HEAD.replace("2026", "二〇二六") ) == [
        ("wrong-type", "/year", None, {"field": "year", "got": "二〇二六"}, "integer")]


def test_a_missing_required_field_inside_a_record_is_reported_and_the_record_dropped():
    loaded = load(HEAD + "projects:\n  - budget: {total: 1}\n  - name: 乙项目\n")
    assert [(p.rule, p.pointer, p.args) for p in loaded.problems] == [
        ("missing-field", "/projects/0/name", {"field": "name"})]
    assert [p.name for p in loaded.document.projects] == ["乙项目"]


def test_a_document_that_is_a_list_is_one_wrong_type_problem_at_the_root():
    assert problems("- 溧平县司法局\n") == [("wrong-type", "", None, {"field": "/", "got": ""}, "mapping")]


def test_an_empty_document_is_one_problem():
    assert [(p.rule, p.pointer, p.args) for p in load("# 注释\n").problems] == [("empty-document", "", {})]


def test_a_key_that_is_a_list_is_a_text_key_problem():
    assert problems(HEAD + "[a, b]: 1\n") == [("wrong-type", "", Location(3, 1, 3, 7), {}, "text-key")]


def test_null_words_read_as_absent_and_quoted_ones_as_text():
    loaded = load(HEAD + "title: ~\nprojects:\n  - name: 'null'\n    uses: null\n    code: NULL1\n")
    project = loaded.document.projects[0]
    assert (loaded.document.title, project.name, project.uses, project.code) == (None, "null", None, "NULL1")


def test_a_tagged_value_keeps_its_text():
    loaded = load(HEAD + "projects:\n  - name: !!str 项目\n    goals: !!seq [甲]\n")
    assert loaded.problems == []
    assert (loaded.document.projects[0].name, loaded.document.projects[0].goals) == ("项目", ["甲"])


def test_every_node_knows_its_pointer_and_the_lines_are_kept():
    loaded = load(HEAD + "projects:\n  - name: 项目\n    indicators:\n      - {name: 人数, value: ≥52人}\n")
    indicator = loaded.document.projects[0].indicators[0]
    assert (loaded.document.projects[0].at("goals"), indicator.at("note")) == (
        "/projects/0/goals", "/projects/0/indicators/0/note")
    assert loaded.lines == ["department: 溧平县司法局", "year: 2026", "projects:", "  - name: 项目", "    indicators:",
                            "      - {name: 人数, value: ≥52人}"]


def test_a_broken_alias_is_a_syntax_error_with_its_detail():
    [problem] = load(HEAD + "title: *nowhere\n").problems
    assert (problem.rule, problem.location) == ("yaml-syntax", Location.point(3, 8))
    assert problem.args == {"detail": "found undefined alias"}


# The size limit, on both sides ---------------------------------------------------------------------

def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_too_large(tmp_path):
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(HEAD.encode("utf-8"))
    size = len(HEAD.encode("utf-8"))
    assert load_path(str(exact), max_size=size).document.year == 2026
    over = tmp_path / "over.yaml"
    over.write_bytes(HEAD.encode("utf-8") + b"\n")
    assert [(p.rule, p.args, p.message) for p in load_path(str(over), max_size=size).problems] == [
        ("file-too-large", {"size": size + 1, "limit": size}, "default")]


def test_standard_input_over_the_limit_gives_the_limit_only():
    loaded = load_path("-", stdin=b"x" * 11, max_size=10)
    assert [(p.rule, p.args, p.message) for p in loaded.problems] == [("file-too-large", {"limit": 10}, "stdin")]
    assert load_path("-", stdin=HEAD.encode("utf-8"), max_size=100).document.department == "溧平县司法局"


# Exclusion patterns ------------------------------------------------------------------------------------

def test_a_folder_pattern_prunes_the_folder_so_a_file_inside_cannot_be_taken_back(tmp_path):
    for name in ("build/keep.yaml", "build/other.yaml", "docs/a.yaml", "~$lock.yaml", ".hidden/b.yaml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(HEAD, encoding="utf-8")
    found = list(iter_paths([str(tmp_path)], ("build/", "!build/keep.yaml"), tmp_path))
    assert found == [str(tmp_path / "docs" / "a.yaml")]


def test_a_folder_pattern_matches_folders_and_not_files_of_that_name(tmp_path):
    excluded = exclusion(("build/",), tmp_path)
    assert excluded(str(tmp_path / "build"), True)
    assert not excluded(str(tmp_path / "build"), False)
    assert not exclusion((), tmp_path)(str(tmp_path / "build"), True)


# Suppression directives as parsed ----------------------------------------------------------------------

def test_directives_are_parsed_with_place_target_names_and_reason():
    lines = ["department: 溧平县司法局  # perflint: ignore[PF201, Vague-Target] 已说明",
             "# perflint: ignore",
             "",
             "# 注释",
             "year: 2026",
             "#perflint:ignore-file[pf501]",
             "title: a#perflint: ignore",
             "# perflint: ignore[]",
             ]
    found = [(d.line, d.column, d.target, d.names, d.reason) for d in parse_directives(lines)]
    assert found == [
        (1, 21, 1, frozenset({"pf201", "vague-target"}), "已说明"),
        (2, 1, 5, None, ""),
        (6, 1, None, frozenset({"pf501"}), ""),
        (8, 1, 8, frozenset(), ""),
    ]


def test_a_bare_directive_covers_every_rule_on_its_line_and_a_named_one_only_the_rules_it_names():
    from perflint.engine.suppress import apply

    bare, by_code, by_slug, whole_file = parse_directives([
        "x: 1  # perflint: ignore", "y: 2  # perflint: ignore[PF201, pf999]", "z: 3  # perflint: ignore[Vague-Target]",
        "# perflint: ignore-file[pf201]"])
    assert (bare.covers(_finding(1, 1, 1, 2)), bare.covers(_finding(2, 1, 2, 2))) == ("*", None)
    assert (by_code.covers(_finding(2, 1, 2, 2)), by_slug.covers(_finding(3, 1, 3, 2))) == ("pf201", "vague-target")
    assert whole_file.covers(_finding(9, 1, 9, 2)) == "pf201"
    assert [d.unused() for d in (bare, by_code, by_slug, whole_file)] == [["*"], ["pf201", "pf999"], ["vague-target"],
                                                                          ["pf201"]]
    kept = apply([_finding(1, 1, 1, 2), _finding(2, 1, 2, 2), _finding(3, 1, 3, 2), _finding(4, 1, 4, 2)],
                 [bare, by_code, by_slug])
    assert [f.line for f in kept] == [4]
    assert [d.unused() for d in (bare, by_code, by_slug)] == [[], ["pf999"], []]
    assert (bare.used, by_code.used, by_slug.used) == ({"*"}, {"pf201"}, {"vague-target"})


def _findings_of(source):
    from perflint.check import active_rules
    from perflint.config import Settings
    from perflint.engine.runner import lint

    return lint(load(source), active_rules(Settings()))


# Baselines ----------------------------------------------------------------------------------------------

def test_a_windows_path_in_a_baseline_is_refused_on_any_system_with_the_reason(tmp_path):
    target = tmp_path / "baseline.json"
    target.write_text(json.dumps({"version": 1, "entries": [
        {"path": "C:\\docs\\a.yaml", "code": "PF201", "pointer": "/x", "value": "v"}]}), encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_baseline(target)
    message = str(caught.value)
    assert "'C:\\\\docs\\\\a.yaml'" in message
    assert "outside the baseline's folder" in message and "--write-baseline" in message


def test_a_baseline_is_written_sorted_and_counted_and_read_back(tmp_path):
    target = tmp_path / "baseline.json"
    second, first = Key("b.yaml", "PF201", "/x", "提高"), Key("a.yaml", "PF201", "/x", "提高")
    assert write_baseline(target, [second, first, second]) == 3
    written = target.read_text(encoding="utf-8")
    assert written.endswith("}\n") and not written.endswith("\n\n")
    assert json.loads(written) == {"version": 1, "entries": [
        {"path": "a.yaml", "code": "PF201", "pointer": "/x", "value": "提高", "count": 1},
        {"path": "b.yaml", "code": "PF201", "pointer": "/x", "value": "提高", "count": 2}]}
    assert read_baseline(target) == {"a.yaml": {first: 1}, "b.yaml": {second: 2}}


# The YAML writer -----------------------------------------------------------------------------------------

WRITTEN = HEAD + """projects:
  - name: 项目
    budget: {total: 20.00, fiscal: 20}
    spending_plan: {6月底: 50%, 12月底: 100%}
    goals: ["第一段\\n第二段"]
    indicators:
      - {level1: 产出指标, name: 人数, value: ≥52人, basis: ''}
"""


def test_the_writer_gives_block_style_in_the_model_order_with_english_keys():
    assert to_yaml(load(WRITTEN).document, "en") == HEAD + """projects:
  - name: 项目
    budget:
      total: 20.00
      fiscal: 20
    spending_plan:
      6月底: 50%
      12月底: 100%
    goals:
      - |-
        第一段
        第二段
    indicators:
      - level1: 产出指标
        name: 人数
        value: ≥52人
        basis: ''
"""


def test_the_writer_gives_the_forms_chinese_labels_and_reads_back_the_same():
    document = load(WRITTEN).document
    written = to_yaml(document, "zh")
    assert written.startswith("部门: 溧平县司法局\n年度: 2026\n项目:\n  - 项目名称: 项目\n    预算规模:\n      预算数: 20.00\n")
    assert "        三级指标: 人数\n        指标值: ≥52人\n        指标值确定依据: ''\n" in written
    assert load(written).document.model_dump() == document.model_dump()


# An importer's draft -------------------------------------------------------------------------------------

def test_a_second_value_for_a_field_is_reported_with_the_first_ones_place_and_not_read():
    draft = Draft()
    assert draft.put(Project, draft.raw, "", "name", "甲项目", Location(3, 1, 3, 5, "表1 第3行 第2列"))
    assert not draft.put(Project, draft.raw, "", "name", "乙项目", Location(4, 1, 4, 5))
    assert draft.raw == {"name": "甲项目"}
    [problem] = draft.problems
    assert (problem.rule, problem.pointer, problem.location, problem.message) == (
        "import-duplicate-field", "/name", Location(4, 1, 4, 5), "default")
    assert problem.args == {"field": Text("项目名称", "name"), "value": "乙项目", "first": "表1 第3行 第2列"}


def test_a_duplicate_without_a_label_points_at_the_line_and_a_field_without_a_label_keeps_its_name():
    draft = Draft()
    draft.put(Project, draft.raw, "", "nonesuch", "甲", Location.point(2, 1))
    draft.put(Project, draft.raw, "", "nonesuch", None, Location.point(3, 1))
    assert draft.problems[0].args == {"field": Text("nonesuch", "nonesuch"), "value": "",
                                      "first": Text("第 2 行", "line 2")}


def _row(line, *texts):
    return Row(tuple(Cell(t, Location(line, i + 1, line, i + 2)) for i, t in enumerate(texts)))


def test_a_run_of_skipped_rows_is_one_problem_and_a_field_read_between_ends_the_run():
    draft = Draft()
    draft.skip_row(_row(1, "甲", "", "乙"))
    draft.skip_row(_row(2, "丙"))
    draft.skip_row(_row(3, "丁"))
    draft.put(Project, draft.raw, "", "name", "项目", Location.point(4, 1))
    draft.skip_row(_row(5, "戊"))
    assert [(p.rule, p.location, p.message, p.args) for p in draft.problems] == [
        ("import-skipped", Location(1, 1, 3, 2), "rows", {"text": "甲 | 乙", "count": 3}),
        ("import-skipped", Location(5, 1, 5, 2), "row", {"text": "戊"}),
    ]


def test_an_item_appended_or_a_problem_reported_ends_a_run_of_skipped_rows():
    draft = Draft()
    draft.skip_row(_row(1, "甲"))
    assert draft.append(draft.raw, "", "projects", {}, Location.point(2, 1)) == "/projects/0"
    draft.skip_row(_row(3, "乙"))
    draft.report("import-skipped", Location.point(4, 1), message="cell", text="丙")
    draft.skip_row(_row(5, "丁"))
    assert [p.message for p in draft.problems] == ["row", "row", "cell", "row"]
    assert draft.source.value("/projects/0") == Location.point(2, 1)


def test_the_skipped_cells_of_one_block_are_one_problem_listing_them():
    draft = Draft()
    block = object()
    draft.skip_cell(Cell("一季度", Location.point(1, 1)), block)
    draft.skip_cell(Cell("孤立", Location.point(2, 1)))
    draft.skip_cell(Cell("二季度", Location.point(1, 2)), block)
    assert [(p.rule, p.location, p.message, p.args) for p in draft.problems] == [
        ("import-skipped", Location.point(1, 1), "cell", {"text": "一季度、二季度"}),
        ("import-skipped", Location.point(2, 1), "cell", {"text": "孤立"}),
    ]


# A partial document --------------------------------------------------------------------------------------

def test_a_partial_document_keeps_an_unnamed_project_with_an_empty_name_and_drops_blank_header_fields():
    found: list[Problem] = []
    document = validate_partial({"department": " ", "year": None,
                                 "projects": [{"name": " ", "uses": "办案"}, {"name": "乙项目"}]}, found)
    assert [(p.rule, p.pointer, p.args) for p in found] == [
        ("missing-field", "/projects/0/name", {"field": "name"}),
        ("missing-field", "/department", {"field": "department"}),
        ("missing-field", "/year", {"field": "year"})]
    assert (document.department, document.year) == (None, None)
    assert [(p.name, p.uses) for p in document.projects] == [("", "办案"), ("乙项目", None)]
    assert document.projects[0].missing == frozenset({"name"}) and not document.projects[1].missing


def test_a_partial_document_keeps_its_department_and_year_when_given():
    found: list[Problem] = []
    document = validate_partial({"department": "溧平县司法局", "year": "2026"}, found)
    assert (found, document.department, document.year) == ([], "溧平县司法局", 2026)


# What the rules read -------------------------------------------------------------------------------------

TABLES = HEAD + """overall:
  annual_goal: 完成年度任务
  indicators:
    - {name: 办案数量, value: ≥100件}
projects:
  - name: 甲项目
    midterm_indicators:
      - {name: 中期人数, value: ≥10人}
  - name: 乙项目
    indicators:
      - {name: 人数, value: ≥5人}
"""


def test_tables_are_given_with_their_pointers_midterm_and_department_level_ones_included():
    document = load(TABLES).document
    assert [(owner.name, pointer, [i.name for i in rows]) for owner, pointer, rows in tables(document)] == [
        ("甲项目", "/projects/0/midterm_indicators", ["中期人数"]),
        ("乙项目", "/projects/1/indicators", ["人数"]),
        ("溧平县司法局（部门整体）", "/overall/indicators", ["办案数量"])]
    assert department_table(document).goals == ["完成年度任务"]


def test_strings_are_every_text_field_with_its_pointer():
    document = load(HEAD + "projects:\n  - name: 项目\n    goals: [甲, 乙]\n").document
    assert strings(document) == (("/department", "溧平县司法局"), ("/projects/0/name", "项目"),
                                 ("/projects/0/money_unit", "万元"), ("/projects/0/goals/0", "甲"),
                                 ("/projects/0/goals/1", "乙"))
    assert strings(document) is strings(document)
    assert (text(None), text("  甲 ")) == ("", "甲")


# The facts for the round and years rules -----------------------------------------------------------------

FACTS = HEAD + """overall:
  goal: 2026年 全面提升法律服务水平。
  annual_goal: 完成年度任务
  budget: {total: 100}
  indicators:
    - {level1: 产出指标, level2: 数量指标, name: 办案数量, value: ≥100件}
projects:
  - name: 溧平县司法局2026年人民调解业务费
    code: ab-12
    budget: {total: 20.00}
    goals: [" 提升调解成功率 ", 较上年增长8%]
    indicators:
      - {level1: 产出指标, level2: 数量指标, name: 培训人数（人）, value: ≥1.2万人, note: 比上年增加20人}
      - {level1: 效益指标, level2: 社会效益指标, name: 安全事故发生次数, value: =0次}
      - {level1: 满意度指标, level2: 服务对象满意度指标, name: 群众满意度, value: ≥95%}
      - {level1: 产出指标, level2: 质量指标, name: 调解成功率, value: 100%}
      - {level1: 产出指标, level2: 质量指标, name: 案件增长率, value: ≤5%, description: 比去年减少3件}
      - {level1: 成本指标, level2: 经济成本指标, name: 人均培训成本, value: ≤0.126万元/人}
      - {level1: 产出指标, level2: 数量指标, name: 覆盖率, value: 90‰}
      - {level1: 满意度指标, level2: 服务对象满意度指标, name: 学生满意度, value: 较上年提高5%}
      - {level1: 产出指标, level2: 质量指标, name: 验收合格率, value: 较上年提高5%}
      - {level1: 成本指标, level2: 经济成本指标, name: 生均成本, value: ≤0.2万元/学生}
      - {level1: 产出指标, level2: 时效指标, name: 完成时间, value: 2026年12月底前}
  - name: 乙项目
    code: "  "
"""


@pytest.fixture(scope="module")
def facts():
    loaded = load(FACTS + "# perflint: ignore[PF340, round-text-copied]\n  - name: 丙项目\n")
    return document_facts(loaded)


def test_a_documents_facts_name_its_department_year_and_suppressions(facts):
    assert (facts["v"], facts["department"], facts["dept"], facts["year"], facts["lines"]) == (
        1, "溧平县司法局", "溧平县司法局", 2026, True)
    assert facts["quiet"] == [[len(FACTS.splitlines()) + 2, ["pf340", "round-text-copied"]]]
    assert facts["places"]["/department"] == [1, 13, 1, 19, None]
    assert facts["overall"]["at"] == "/overall/goal" and facts["overall"]["len"] == 11
    assert facts["overall"]["text"] == "2026年 全面提升法律服务水平。"


def test_each_project_gives_its_name_code_kind_budget_goal_and_table(facts):
    first, second, third, whole = facts["projects"]
    assert {k: first[k] for k in ("name", "code", "kind", "budget", "table")} == {
        "name": "溧平县司法局2026年人民调解业务费", "code": "AB12", "kind": "人民调解业务费", "budget": "200000.00",
        "table": "/projects/0/indicators"}
    assert first["goal"]["at"] == "/projects/0/goals" and first["goal"]["text"] == "提升调解成功率较上年增长8%"
    assert first["goal"]["len"] == 13 and first["names"][1] == 11
    assert (second["code"], second["budget"], second["goal"], second["names"], second["rows"]) == (
        None, None, None, None, [])
    assert third["name"] == "丙项目"
    assert {k: whole[k] for k in ("name", "code", "kind", "budget", "table")} == {
        "name": "溧平县司法局（部门整体）", "code": None, "kind": "（部门整体）溧平县司法局", "budget": "1000000",
        "table": "/overall/indicators"}
    assert whole["goal"]["at"] == "/overall/annual_goal" and whole["goal"]["text"] == "完成年度任务"
    assert facts["places"]["/overall/annual_goal"][:2] == [5, 16]
    assert facts["places"]["/projects/0/indicators"][:2] == [15, 7]


def test_each_row_gives_its_place_name_target_direction_and_kind(facts):
    rows = {row["name"]: row for row in facts["projects"][0]["rows"]}
    assert rows["培训人数（人）"] == {
        "at": "/projects/0/indicators/0/value", "name": "培训人数（人）", "key": "培训人数", "value": "≥1.2万人",
        "c": ["quantity", ">=", "1.2", "万人", None], "dir": 1,
        "note": {"at": "/projects/0/indicators/0/note", "key": rows["培训人数（人）"]["note"]["key"], "len": 8,
                 "text": "比上年增加20人"},
        "rel": "比上年增加20人"}
    assert rows["安全事故发生次数"] == {
        "at": "/projects/0/indicators/1/value", "name": "安全事故发生次数", "key": "安全事故发生次数", "value": "=0次",
        "c": ["quantity", "=", "0", "次", None], "dir": -1}
    assert {k: v for k, v in rows["群众满意度"].items() if k in ("dir", "sat", "rate", "full")} == {"dir": 1, "sat": True}
    assert {k: v for k, v in rows["调解成功率"].items() if k in ("c", "dir", "sat", "rate", "full")} == {
        "c": ["percent", "=", "100", "%", None], "dir": 1, "rate": True, "full": True}
    assert {k: v for k, v in rows["案件增长率"].items() if k not in ("at", "name", "key", "value", "c")} == {
        "dir": -1, "change": True, "rel": "比去年减少3件"}
    assert {k: v for k, v in rows["人均培训成本"].items() if k not in ("at", "name", "key", "value", "c")} == {
        "dir": -1, "cost": True, "cost_per": ["人", "1260.000"]}
    assert "rate" not in rows["覆盖率"] and "sat" not in rows["覆盖率"]
    assert [k for k in ("sat", "rate", "full") if k in rows["学生满意度"] or k in rows["验收合格率"]] == []
    assert (rows["学生满意度"]["c"][0], rows["生均成本"]["cost_per"]) == ("relative", ["学生", "2000.0"])
    assert (rows["完成时间"]["c"], "rel" in rows["完成时间"]) == (None, False)
    assert facts["places"]["/projects/0/indicators/0/value"] == [15, 60, 15, 66, None]


def test_the_row_facts_travel_as_json(facts):
    assert json.loads(json.dumps(facts)) == facts


@pytest.mark.parametrize("name, value, direction_", [
    ("安全事故发生次数", "=0次", -1), ("培训人数", "=10人", 1), ("投诉次数", "≥1次", 1), ("培训人数", "≤10人", -1),
    ("培训人数", "<10人", -1), ("培训人数", "'>10人'", 1)])
def test_a_rows_direction_follows_its_operator_then_its_name(name, value, direction_):
    indicator = load(HEAD + f"projects:\n  - name: 项目\n    indicators:\n      - {{name: {name}, value: {value}}}\n"
                     ).document.projects[0].indicators[0]
    assert direction(indicator) == direction_


def test_a_row_marked_adverse_points_down_whatever_its_name():
    indicator = load(HEAD + "projects:\n  - name: 项目\n    indicators:\n      - {name: 人数, value: =10人, direction: 反向}\n"
                     ).document.projects[0].indicators[0]
    assert direction(indicator) == -1


def test_texts_compare_without_years_spaces_and_punctuation():
    assert normalised("2026年 提升，服务。") == normalised("2025年度提升服务") != normalised("提升服务")
    assert name_key("2026年培训人数（人）") == name_key("2025年 培训人数") == "培训人数"
    assert normalised("1950人") != normalised("1951人")


@pytest.mark.parametrize("target, expected", [
    (["quantity", ">=", "1.2", "万人", None], (Decimal("12000"), "人")),
    (["percent", ">=", "95", "%", None], (Decimal("95"), "%")),
    (["quantity", "<=", "50", "万元/万人", None], (Decimal("50"), "元/人")),
    (["quantity", "<=", "3", "元/校", None], (Decimal("3"), "元/校")),
    (["quantity", "<=", "3", "万元/学生", None], (Decimal("30000"), "元/学生")),
    (["quantity", "=", "7", "", None], (Decimal("7"), "")),
    (["quantity", "=", "7", "台套", None], (Decimal("7"), "台套")),
    (["relative", ">=", "8", "%", "上年"], None),
    (None, None),
])
def test_an_amount_is_in_the_base_of_its_unit(target, expected):
    assert amount(target) == expected


@pytest.mark.parametrize("relative, expected", [
    (["relative", ">=", "10", "%", None], (Decimal("110.0"), "人")),
    (["relative", ">=", "2", "个百分点", None], None),
    (["relative", ">=", "0", "", None], (Decimal("100"), "人")),
    (["relative", ">=", "5", "", None], None),
    (["relative", ">=", "0.002", "万人", None], (Decimal("120.000"), "人")),
    (["relative", ">=", "20", "件", None], None),
    (["relative", ">=", None, "%", None], None),
])
def test_a_relative_target_applies_to_last_years_amount(relative, expected):
    assert implied(["quantity", ">=", "100", "人", None], relative) == expected


def test_points_add_to_a_percentage_and_no_relative_target_applies_to_a_date():
    assert implied(["percent", ">=", "90", "%", None], ["relative", ">=", "2", "个百分点", None]) == (Decimal("92"), "%")
    assert implied(None, ["relative", ">=", "2", "%", None]) is None


# The model: figures' range, the target's reading from split columns, defaults ----------------------

@pytest.mark.parametrize("total, read, rule", [
    ("1e14", Decimal("1e14"), None), ("-1e14", Decimal("-1e14"), None), ("99999999999999.9", Decimal("99999999999999.9"), None),
    ("0.000000000000001", Decimal("1e-15"), None), ("0", Decimal(0), None), ("0.0", Decimal(0), None),
    ("1E15", None, "range"), ("1e-16", None, "range"), (".nan", None, "number"),
])
def test_a_figure_is_read_within_fifteen_orders_of_magnitude_either_way(total, read, rule):
    loaded = load(HEAD + f"projects:\n  - name: 项目\n    budget: {{total: {total}, other: 1}}\n")
    assert loaded.document.projects[0].budget.total == read
    assert [(p.rule, p.pointer, p.message, p.args) for p in loaded.problems] == (
        [] if rule is None else [("wrong-type", "/projects/0/budget/total", rule, {"field": "total", "got": total})])


def test_within_range_refuses_what_is_not_finite():
    from perflint.load.model import within_range

    assert [within_range(Decimal(v)) for v in ("Infinity", "-Infinity", "NaN", "0", "1e14", "1e15", "1e-15", "1e-16")] == [
        False, False, False, True, True, False, True, False]


def test_a_spending_plan_reads_with_or_without_its_percent_sign_and_a_null_money_unit_is_wan_yuan():
    loaded = load(HEAD + "projects:\n  - name: 项目\n    money_unit: null\n    spending_plan: {6月底: \" 50 ％ \", "
                  "9月底: 80%, 12月底: 100, 次年: null}\n    budget: {total: 5}\n"
                  "overall:\n  money_unit: null\n")
    project = loaded.document.projects[0]
    assert loaded.problems == []
    assert project.spending_plan == {"6月底": Decimal(50), "9月底": Decimal(80), "12月底": Decimal(100), "次年": None}
    assert (project.money_unit, loaded.document.overall.money_unit, project.budget_total) == ("万元", "万元", Decimal(5))
    assert load(HEAD + "projects:\n  - name: 项目\n    money_unit: 元\n").document.projects[0].money_unit == "元"


ROWS = HEAD + """projects:
  - name: 项目
    indicators:
      - {name: 满意度, op: ≥, value: '95', unit: '%'}
      - {name: 满意度, op: 定性, value: 好, unit: ''}
      - {name: 满意度, op: ≥, value: ≥95%, unit: '%'}
      - {name: 面积（亩）, value: '800'}
      - {name: 面积（亩）, value: '800', unit: 公顷}
      - {description: 描述, value: '800'}
      - {value: '800'}
      - {name: 人数, op: '', value: ' 12 ', unit: ' 人 '}
"""


def test_a_target_split_over_comparator_value_and_unit_columns_is_read_whole():
    project = load(ROWS).document.projects[0]
    read = [(i.label, i.constraint.kind, i.constraint.op, i.constraint.number, i.constraint.unit, i.constraint.input)
            for i in project.indicators]
    assert read == [
        ("满意度", "percent", ">=", Decimal(95), "%", "≥95%"),
        ("满意度", "graded", None, None, None, "好"),
        ("满意度", "percent", ">=", Decimal(95), "%", "≥95%"),
        ("面积（亩）", "quantity", "=", Decimal(800), "亩", "800亩"),
        ("面积（亩）", "quantity", "=", Decimal(800), "公顷", "800公顷"),
        ("描述", "quantity", "=", Decimal(800), None, "800"),
        ("", "quantity", "=", Decimal(800), None, "800"),
        ("人数", "quantity", "=", Decimal(12), "人", "12人"),
    ]


def test_fields_have_their_english_name_first_then_the_forms_labels():
    from perflint.load.model import Indicator, aliases, field_names

    assert aliases(Project, "name") == ["name", "项目名称"]
    assert aliases(Indicator, "note") == ["note", "指标解释", "备注", "指标值说明"]
    assert field_names(Document)[:3] == ("department", "year", "title")
    assert Document().projects == [] and Project(name="甲").goals == [] and Project(name="甲").money_unit == "万元"
    assert (Project(name="甲", goals="一句").goals, Project(name="甲").budget_total) == (["一句"], None)
    assert (Project(name="甲").pointer, Project(name="甲").at("goals"), Project(name="甲").missing) == ("", "/goals", frozenset())


# What several rules read: names, money, numbers as shown ----------------------------------------------

@pytest.mark.parametrize("name, bare", [
    ("培训人数（人）", "培训人数"), ("培训人数(人)", "培训人数"), ("资助对象满意度达到目标值", "资助对象满意度"),
    ("满意度达目标值", "满意度"), ("完成率达到目标", "完成率"), ("达到目标值", "达到目标值"), (None, "")])
def test_a_bare_name_drops_a_bracketed_tail_or_a_phrase_about_the_target(name, bare):
    from perflint.analysis.reading import bare_name

    assert bare_name(name) == bare


@pytest.mark.parametrize("name, rate, change", [
    ("合格率", True, False), ("覆盖面", True, False), ("完成比例", True, False), ("合格率情况", True, False),
    ("合格率情况统计", False, False), (" 合格率 ", True, False), ("增长率", True, True), ("培训人数", False, False),
    ("同比变化", False, True)])
def test_a_rate_is_named_by_its_ending_and_a_change_by_its_words(name, rate, change):
    from perflint.analysis.reading import is_change_name, is_rate_name

    assert (is_rate_name(name), is_change_name(name)) == (rate, change)


@pytest.mark.parametrize("name, satisfaction", [
    ("服务对象满意度", True), ("群众满意率", True), ("好评率（%）", True), ("群众滿意度", True), ("满意度达到目标值", True),
    ("满意度调查覆盖率", False), ("不满意率", False), (None, False)])
def test_a_satisfaction_measure_is_named_by_its_ending(name, satisfaction):
    from perflint.analysis.reading import is_satisfaction_name

    assert is_satisfaction_name(name) is satisfaction


def test_amounts_are_shown_as_people_write_them_in_the_projects_money_unit():
    from perflint.analysis.reading import budget_in_yuan, in_money_unit, money_unit, percent, plain

    assert (plain(Decimal("1.500")), plain(Decimal("1E+3")), plain(Decimal("0.0"))) == ("1.5", "1000", "0")
    assert (percent(Decimal(1), Decimal(3)), percent(Decimal(2), Decimal(3)), percent(Decimal(3), Decimal(3))) == (
        "33.3", "66.7", "100")
    project = Project(name="甲", budget={"total": "12.5"})
    assert (budget_in_yuan(project), in_money_unit(Decimal(125000), project)) == (Decimal("125000.0"), "12.5 万元")
    acres = Project(name="甲", budget={"total": "12.5"}, money_unit="亩")
    assert (budget_in_yuan(acres), in_money_unit(Decimal(125000), acres)) == (None, "125000 亩")
    assert budget_in_yuan(Project(name="甲")) is None
    assert (money_unit("人"), money_unit(""), money_unit(None), money_unit("元").scale) == (None, None, None, Decimal(1))


def test_a_cost_row_is_read_from_either_frameworks_level():
    from perflint.analysis.reading import is_cost
    from perflint.load.model import Indicator

    assert is_cost(Indicator(level1=" 成本指标")) and is_cost(Indicator(level1="产出指标", level2="经济成本指标"))
    assert not is_cost(Indicator(level1="产出指标", level2="数量指标")) and not is_cost(Indicator())


@pytest.mark.parametrize("value, cost", [
    ("≤50万元/万人", ("人", Decimal("50"))), ("≤3元/学生", ("学生", Decimal("3"))), ("≤3元/人·天", ("人·天", Decimal("3"))),
    ("≤3万元/亩", ("亩", Decimal("30000"))), ("≥5人", None), ("≤5元", None), ("≤5吨/人", None), ("较上年下降5%", None),
    ("≤5件/人", None)])
def test_a_unit_cost_is_in_yuan_per_what_it_is_per(value, cost):
    from perflint.analysis.digest import unit_cost
    from perflint.values import parse_value

    assert unit_cost(parse_value(value)) == cost


def test_a_text_in_a_message_is_cut_at_twenty_four_characters():
    from perflint.analysis.digest import excerpt

    assert excerpt("一二三四五六七八九十" * 3) == "一二三四五六七八九十一二三四五六七八九十一二三四…"
    assert excerpt("一二三四五六七八九十" * 2 + "一二三四") == "一二三四五六七八九十" * 2 + "一二三四"
    assert excerpt(" a  b\n c ") == "a b c"


@pytest.mark.parametrize("written, phrase", [
    ("较上年增长8%", "较上年增长8%"), ("比去年同期减少 20 人", "比去年同期减少 20 人"), ("比上一年度提高2个百分点", "比上一年度提高2个百分点"),
    ("较上年增长", None), ("较2025年增长8%", None)])
def test_a_change_on_last_year_is_found_in_a_rows_text(written, phrase):
    from perflint.analysis.digest import RELATIVE_PHRASE

    match = RELATIVE_PHRASE.search(written)
    assert (match.group(0) if match else None) == phrase


# Baselines: the value a key keeps ------------------------------------------------------------------------

def test_a_baseline_key_keeps_the_documents_path_from_its_folder_and_the_findings_text_as_written(tmp_path):
    from perflint.engine.baseline import keys_of

    source = HEAD + "projects:\n  - name: 项目\n    indicators:\n      - {name: 服务水平, value: 有效提升}\n"
    loaded = load_bytes(source.encode("utf-8"), str(tmp_path / "sub" / "doc.yaml"))
    found = _findings_of(source)
    keys = keys_of(loaded, found, tmp_path)
    assert {k.path for k in keys} == {"sub/doc.yaml"} and [k.code for k in keys] == [f.code for f in found]
    assert ("/projects/0/indicators/0/value", "有效提升") in {(k.pointer, k.value) for k in keys}


@pytest.mark.parametrize("data, reason_en, reason_zh", [
    ({"version": 2, "entries": []}, "not a baseline file (version 2, expected 1)", "格式不对（version 2, expected 1）"),
    ({"version": 1}, "not a baseline file ('entries')", "格式不对（'entries'）"),
    ({"version": 1, "entries": [{"path": "a.yaml", "code": "PF201", "pointer": "/", "value": "v", "count": "x"}]},
     "not a baseline file (invalid literal for int() with base 10: 'x')", "格式不对（invalid literal for int() with base 10: 'x'）"),
])
def test_a_baseline_of_another_shape_says_why_in_both_languages(tmp_path, data, reason_en, reason_zh):
    target = tmp_path / "baseline.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_baseline(target)
    assert caught.value.message("en") == f"cannot read baseline {target}: {reason_en}"
    assert caught.value.message("zh") == f"无法读取基线文件 {target}：{reason_zh}"


def test_a_baseline_that_cannot_be_read_or_written_names_the_file(tmp_path):
    with pytest.raises(UsageError) as caught:
        read_baseline(tmp_path / "missing.json")
    assert caught.value.message("zh").startswith(f"无法读取基线文件 {tmp_path / 'missing.json'}：")
    assert caught.value.message("en").startswith(f"cannot read baseline {tmp_path / 'missing.json'}: ")
    target = tmp_path / "no-such-folder" / "baseline.json"
    with pytest.raises(UsageError) as caught:
        write_baseline(target, [Key("a.yaml", "PF201", "/x", "v")])
    assert caught.value.message("zh").startswith(f"无法写入基线文件 {target}：")
    assert caught.value.message("en").startswith(f"cannot write baseline {target}: ")


def test_entries_without_a_count_count_once_and_relative_paths_are_kept_as_written(tmp_path):
    target = tmp_path / "baseline.json"
    entry = {"path": "docs/a.yaml", "code": "PF201", "pointer": "/x", "value": "v"}
    target.write_text(json.dumps({"version": 1, "entries": [entry, {**entry, "count": 2}]}), encoding="utf-8")
    assert read_baseline(target) == {"docs/a.yaml": {Key("docs/a.yaml", "PF201", "/x", "v"): 3}}


def _finding(line, column, end_line, end_column, pointer="/title", label=None):
    from perflint.findings import Finding, Severity

    return Finding("doc.yaml", line, column, end_line, end_column, "PF201", "vague-target", Severity.WARNING, "m",
                   pointer, label)


def test_a_baseline_value_is_the_span_as_written_over_one_line_or_several_and_cut_at_two_hundred():
    from perflint.engine.baseline import value_at

    loaded = load(HEAD + "title: |\n  第一行\n  第二行\nnote: " + "长" * 250 + "\n")
    assert value_at(loaded, _finding(2, 7, 2, 11)) == "2026"
    assert value_at(loaded, _finding(4, 3, 5, 5)) == "第一行\n  第二"
    assert value_at(loaded, _finding(6, 7, 6, 257)) == "长" * 200
    assert value_at(loaded, _finding(4, 3, 6, 257)) == ("第一行\n  第二行\nnote: " + "长" * 250)[:200]
    assert value_at(loaded, _finding(2, 7, 2, 11, pointer="")) == ""
    assert value_at(loaded, _finding(2, 7, 2, 11, label="表1 第2行")) == ""
    assert value_at(loaded, _finding(40, 1, 40, 3)) == ""


def test_a_control_character_is_a_syntax_error_at_the_start_naming_the_character():
    assert problems("department: ab\x07\n") == [("yaml-syntax", "", Location.point(1, 1), {
        "detail": 'unacceptable character #x0007: control characters are not allowed\n  in "<unicode string>", '
                  "position 14"}, "default")]


def test_a_second_document_in_the_stream_is_a_syntax_error_where_it_starts():
    assert problems(HEAD + "---\nyear: 2027\n") == [("yaml-syntax", "", Location.point(3, 1), {
        "detail": "expected a single document in the stream but found another document"}, "default")]


def test_a_folder_gives_its_documents_sorted_and_named_files_are_always_given(tmp_path):
    for name in ("b/z.YML", "b/a.xlsx", "notes.txt", "readme.md", "c.pdf", "~$c.docx", "x.json"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert list(iter_paths([str(tmp_path)], (), tmp_path)) == [
        str(tmp_path / "b" / "a.xlsx"), str(tmp_path / "b" / "z.YML"), str(tmp_path / "c.pdf")]
    named = str(tmp_path / "notes.txt")
    assert list(iter_paths([named, "-"], ("*.txt",), tmp_path)) == [named, "-"]
    assert list(iter_paths([str(tmp_path)], ("*.pdf", "b/"), tmp_path)) == []


def test_a_file_is_read_by_its_suffix_and_anything_else_as_yaml():
    assert load_bytes(HEAD.encode("utf-8"), "doc.YML").document.year == 2026
    assert load_bytes(HEAD.encode("utf-8"), "doc").document.year == 2026
    assert load_bytes(HEAD.encode("utf-8"), "-").document.year == 2026
    assert [p.rule for p in load_bytes(HEAD.encode("utf-8"), "doc.xlsx").problems] != []


def test_nesting_deeper_than_the_reader_walks_is_a_syntax_error_over_the_whole_document():
    depth = 999  # within PyYAML's own limit (1000 flow levels), beyond what the walker follows
    loaded = load(HEAD + "deep: " + "[" * depth + "]" * depth + "\n")
    assert loaded.document is None
    assert [(p.rule, p.location, p.args) for p in loaded.problems][-1] == (
        "yaml-syntax", Location(1, 1, 4, 1), {"detail": "nesting too deep"})


def test_a_file_that_cannot_be_read_keeps_its_path(tmp_path):
    missing = str(tmp_path / "missing.yaml")
    loaded = load_path(missing)
    assert (loaded.path, loaded.document, [p.rule for p in loaded.problems]) == (missing, None, ["unreadable-file"])
