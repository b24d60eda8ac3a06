"""The YAML loader: positions, scalars as written, both key languages, and every broken input."""

from decimal import Decimal
from pathlib import Path

import pytest

from perflint.load import load_bytes, load_path

FIXTURES = Path(__file__).parent.parent / "fixtures"


def load(text: str):
    return load_bytes(text.encode("utf-8"), "doc.yaml")


def test_scalars_are_read_as_written():
    loaded = load("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 项目\n"
                  "    budget: {total: 20.00, fiscal: 20.00}\n"
                  "    indicators:\n      - {name: 完成时间, value: 2024-12-31, basis: yes}\n")
    assert loaded.problems == []
    project = loaded.document.projects[0]
    assert project.budget.total == Decimal("20.00") and str(project.budget.total) == "20.00"
    assert project.indicators[0].value == "2024-12-31"
    assert project.indicators[0].basis == "yes"


def test_every_field_knows_its_position():
    loaded = load("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 项目\n"
                  "    indicators:\n      - name: 人数\n        value: ≥52人\n")
    where = loaded.source.value("/projects/0/indicators/0/value")
    assert (where.line, where.column, where.end_line, where.end_column) == (7, 16, 7, 20)
    assert loaded.source.key("/projects/0/indicators/0/value").column == 9
    # a field that is absent points at the nearest enclosing one
    assert loaded.source.value("/projects/0/indicators/0/basis").line == 6


def test_chinese_and_english_keys_give_the_same_model():
    english = load_path(str(FIXTURES / "seed.yaml"))
    chinese = load_path(str(FIXTURES / "seed-zh.yaml"))
    assert english.problems == [] and chinese.problems == []
    assert english.document.model_dump() == chinese.document.model_dump()


def test_pointers_use_english_names_whatever_the_key_language():
    loaded = load("部门: 溧平县司法局\n年度: 2026\n项目:\n  - 项目名称: 项目\n    绩效指标:\n      - {三级指标: 人数, 指标值: ≥52人}\n")
    indicator = loaded.document.projects[0].indicators[0]
    assert indicator.at("value") == "/projects/0/indicators/0/value"
    assert loaded.source.value(indicator.at("value")).line == 6


def test_a_single_goal_string_is_a_list_of_one():
    loaded = load("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 项目\n    goals: 保障工资发放\n")
    assert loaded.document.projects[0].goals == ["保障工资发放"]


@pytest.mark.parametrize("text, rule, line, column", [
    ("department: 溧平县司法局\nyear: [2026\n", "yaml-syntax", 3, 1),
    ("", "empty-document", 1, 1),
    ("   \n# 注释\n", "empty-document", 1, 1),
    ("department: 溧平县司法局\nyear: 2026年\n", "wrong-type", 2, 7),
    ("department: 溧平县司法局\n", "missing-field", 1, 1),
    ("department: 溧平县司法局\nyear: 2026\ndepartmnt: x\n", "unknown-key", 3, 1),
    ("department: 溧平县司法局\nyear: 2026\n部门: 溧平县司法局\n", "duplicate-key", 3, 1),
    ("department: &d 溧平县司法局\nyear: 2026\ntitle: *d\n", "yaml-alias", 3, 1),
    ("department: 溧平县司法局\nyear: 2026\nnote: &k 备注\n", "unknown-key", 3, 1),
    ("- 溧平县司法局\n", "wrong-type", 1, 1),
])
def test_broken_input_is_a_finding_with_a_position(text, rule, line, column):
    loaded = load(text)
    assert [(p.rule) for p in loaded.problems] == [rule]
    problem = loaded.problems[0]
    where = problem.location or loaded.source.value(problem.pointer)
    assert (where.line, where.column) == (line, column)


def test_undecodable_bytes_point_at_the_first_bad_byte():
    loaded = load_bytes("department: 溧平\nyear: 2026\ntitle: ".encode("utf-8") + "法规".encode("gbk"), "doc.yaml")
    assert [p.rule for p in loaded.problems] == ["undecodable-file"]
    assert (loaded.problems[0].location.line, loaded.problems[0].location.column) == (3, 8)


def test_a_utf8_bom_is_accepted():
    loaded = load_bytes(b"\xef\xbb\xbf" + "department: 溧平县司法局\nyear: 2026\n".encode("utf-8"), "doc.yaml")
    assert loaded.problems == [] and loaded.document.department == "溧平县司法局"


def test_an_unreadable_path_is_a_problem_not_an_exception(tmp_path):
    assert [p.rule for p in load_path(str(tmp_path / "missing.yaml")).problems] == ["unreadable-file"]
    assert [p.rule for p in load_path(str(tmp_path)).problems] == ["unreadable-file"]


def test_an_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    loaded = load("\n".join(lines) + "\n")
    assert "yaml-alias" in {p.rule for p in loaded.problems}
    assert loaded.document is None


def test_a_bad_field_is_dropped_and_the_rest_is_still_checked():
    loaded = load("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 项目\n    budget: {total: 20万元}\n"
                  "    uses: 办案补贴\n")
    assert [p.rule for p in loaded.problems] == ["wrong-type"]
    assert loaded.document.projects[0].uses == "办案补贴"
    assert loaded.document.projects[0].budget.total is None


@pytest.mark.parametrize("text", ["- 溧平县司法局\n- 2026\n", "溧平县司法局\n"])
def test_a_document_that_is_not_a_mapping_is_one_wrong_type_problem_and_keeps_its_path(text):
    loaded = load(text)
    assert (loaded.path, loaded.document) == ("doc.yaml", None)
    assert [(p.rule, p.message, p.args) for p in loaded.problems] == [
        ("wrong-type", "mapping", {"field": "/", "got": ""})]


def test_a_syntax_error_keeps_the_path_and_points_at_the_error():
    loaded = load("department: 溧平县司法局\nyear: [2026\n")
    assert (loaded.path, loaded.document) == ("doc.yaml", None)
    [problem] = loaded.problems
    assert problem.rule == "yaml-syntax" and problem.location.line == 3


def test_a_wrong_value_is_quoted_up_to_forty_characters():
    long_name = "办理法律援助案件" * 6  # 48 characters
    loaded = load(f"department: 溧平县司法局\nyear: 2026\nprojects:\n  - {long_name}\n")
    assert [(p.rule, p.args) for p in loaded.problems] == [("wrong-type", {"field": "0", "got": long_name[:40]})]


@pytest.mark.parametrize("unread", ["extra: {*k : 1}", "extra: [1, {a: *k}]"])
def test_an_alias_under_a_key_that_is_not_read_is_refused_at_that_key(unread):
    loaded = load(f"department: 溧平县司法局\nyear: 2026\nnote: &k 备注\n{unread}\n")
    assert [(p.rule, p.args.get("line"), (p.location.line, p.location.column)) for p in loaded.problems] == [
        ("unknown-key", None, (3, 1)), ("unknown-key", None, (4, 1)), ("yaml-alias", 3, (4, 1))]


def test_keys_after_a_duplicate_are_still_read():
    loaded = load("department: 溧平县司法局\ndepartment: 溧平县民政局\nyear: 2026\n")
    assert [p.rule for p in loaded.problems] == ["duplicate-key"]
    assert (loaded.document.department, loaded.document.year) == ("溧平县司法局", 2026)
