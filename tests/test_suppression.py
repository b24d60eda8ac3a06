"""Suppression comments: on the line, on the line above, for the whole file; unused ones; reasons."""

import json

from click.testing import CliRunner

from perflint.cli import main

DOC = """\
department: 溧平县司法局
year: 2026
projects:
  - name: 2026年司法协理员工资保险
    indicators:
      - {{level1: 效益指标, level2: 社会效益指标, name: 司法行政服务水平, value: 有效提升, basis: 工作计划}}{trailing}
"""


def check(tmp_path, text, *args):
    doc = tmp_path / "doc.yaml"
    doc.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "PF201,PF010,PF011", *args,
                                       str(doc)], catch_exceptions=False)
    return [(f["line"], f["code"]) for f in json.loads(result.output)]


def test_unsuppressed(tmp_path):
    assert check(tmp_path, DOC.format(trailing="")) == [(6, "PF201")]


def test_on_the_line_by_code_or_slug(tmp_path):
    assert check(tmp_path, DOC.format(trailing="  # perflint: ignore[PF201] 上级模板")) == []
    assert check(tmp_path, DOC.format(trailing="  # perflint: ignore[vague-target]")) == []


def test_on_the_line_above(tmp_path):
    text = DOC.format(trailing="").replace("      - {", "      # perflint: ignore[PF201] 已说明\n      - {")
    assert check(tmp_path, text) == []


def test_for_the_whole_file(tmp_path):
    text = "# perflint: ignore-file[PF201] 本文件为历史材料\n" + DOC.format(trailing="")
    assert check(tmp_path, text) == []


def test_another_rule_is_not_suppressed_and_the_comment_is_unused(tmp_path):
    text = DOC.format(trailing="  # perflint: ignore[PF501]")
    assert check(tmp_path, text, "--select", "PF501") == [(6, "PF201"), (6, "PF010")]


def test_a_rule_not_running_does_not_make_its_suppression_unused(tmp_path):
    assert check(tmp_path, DOC.format(trailing="  # perflint: ignore[PF201]"), "--ignore", "PF201") == []


def test_an_unknown_rule_in_a_suppression_is_reported(tmp_path):
    assert check(tmp_path, DOC.format(trailing="  # perflint: ignore[PF201,PF999]")) == [(6, "PF010")]


def test_require_reason(tmp_path):
    bare = DOC.format(trailing="  # perflint: ignore[PF201]")
    assert check(tmp_path, bare) == []
    assert check(tmp_path, bare, "--require-reason") == [(6, "PF011")]
    reasoned = DOC.format(trailing="  # perflint: ignore[PF201] 已与县财政局确认")
    assert check(tmp_path, reasoned, "--require-reason") == []


def test_a_hash_inside_a_value_is_not_a_comment(tmp_path):
    text = DOC.format(trailing="").replace("basis: 工作计划", "basis: '见附件#perflint: ignore'")
    assert check(tmp_path, text) == [(6, "PF201")]
