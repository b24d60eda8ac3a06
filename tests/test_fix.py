"""`--fix` and `--diff`: only meaning-preserving edits, comments and layout kept, files replaced whole."""

import json
import re

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perflint.cli import main
from perflint.findings import Replacement
from perflint.fix import apply_replacements

FIXABLE = "PF501,PF502,PF510"
DOC = """\
# 溧平县司法局 2026 年绩效文本（草稿）
department: 溧平县司法局
year: 2026
projects:
  - name: 2026年司法协理员工资保险   # 项目名称与预算批复一致
    indicators:
      - level1: 产出值               # 本地模板的叫法
        level2: 数量值
        name: 司法协理员人数
        value: ">=52人"
        basis: 溧政办[2024]28号文件
      - {level1: 产出指标, level2: 质量指标, name: 工资发放准确率, value: ＝100％, basis: 溧政办(2024)28号}
      - level1: 满意度指标
        level2: 服务对象满意度指标
        name: 被调解人满意度
        value: ≧95%
        basis: 《2026年满意度调查方案》
"""
NUMBERS = re.compile(r"\d+(?:\.\d+)?")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def findings(path, select=FIXABLE):
    return json.loads(run("check", "--format", "json", "--select", select, path).output)


def test_fix_changes_only_symbols_and_keeps_comments_and_layout(tmp_path):
    doc = tmp_path / "doc.yaml"
    doc.write_text(DOC, encoding="utf-8")
    assert {f["code"] for f in findings(doc)} == {"PF501", "PF502", "PF510"}
    result = run("check", "--fix", "--select", FIXABLE, doc)
    assert result.exit_code == 0, result.output
    fixed = doc.read_text(encoding="utf-8")
    assert findings(doc) == []
    assert yaml.safe_load(fixed)["projects"][0]["indicators"][0]["value"] == "≥52人"
    assert "溧政办〔2024〕28号文件" in fixed and "溧政办〔2024〕28号}" in fixed
    assert "level1: 产出指标               # 本地模板的叫法" in fixed and "level2: 数量指标" in fixed
    assert "value: ＝100％" not in fixed and "value: =100%" in fixed and "value: ≥95%" in fixed
    assert [line for line in fixed.splitlines() if "#" in line] == \
        [line.replace("产出值", "产出指标") for line in DOC.splitlines() if "#" in line]
    assert len(fixed.splitlines()) == len(DOC.splitlines())
    assert sorted(NUMBERS.findall(fixed)) == sorted(NUMBERS.findall(DOC))


def test_diff_shows_the_change_and_writes_nothing(tmp_path):
    doc = tmp_path / "doc.yaml"
    doc.write_text(DOC, encoding="utf-8")
    result = run("check", "--diff", "--select", FIXABLE, doc)
    assert result.exit_code == 1
    assert "\n-        basis: 溧政办[2024]28号文件\n" in result.output
    assert "\n+        basis: 溧政办〔2024〕28号文件\n" in result.output
    assert doc.read_text(encoding="utf-8") == DOC
    doc.write_text(DOC.replace("[2024]", "〔2024〕").replace("(2024)", "〔2024〕"), encoding="utf-8")
    assert run("check", "--diff", "--select", "PF501", doc).exit_code == 0


def test_a_file_that_does_not_parse_is_not_touched(tmp_path):
    doc = tmp_path / "broken.yaml"
    broken = DOC + "  - {name: [\n"
    doc.write_text(broken, encoding="utf-8")
    run("check", "--fix", doc)
    assert doc.read_text(encoding="utf-8") == broken


def test_a_bom_and_the_file_mode_survive(tmp_path):
    doc = tmp_path / "doc.yaml"
    doc.write_bytes(b"\xef\xbb\xbf" + DOC.encode("utf-8"))
    doc.chmod(0o640)
    run("check", "--fix", "--select", FIXABLE, doc)
    assert doc.read_bytes().startswith(b"\xef\xbb\xbf") and "〔2024〕" in doc.read_text(encoding="utf-8-sig")
    assert doc.stat().st_mode & 0o777 == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".perflint-")]


def test_replacements_stay_inside_their_span_and_never_overlap():
    text = "a: x>=1\nb: x>=1\n"
    first = Replacement(1, 4, 1, 8, ">=", "≥")
    assert apply_replacements(text, [first]) == ("a: x≥1\nb: x>=1\n", 1)
    overlapping = Replacement(1, 4, 1, 8, "x>=", "y≥")
    assert apply_replacements(text, [first, overlapping])[1] == 1
    assert apply_replacements(text, [Replacement(1, 4, 1, 8, "zz", "yy")]) == (text, 0)


VALUES = st.text(st.sampled_from(list("0123456789.%％≥>=<≤≧＝＞万元人[]()〔〕政办号年 ")), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(VALUES, VALUES), min_size=1, max_size=4))
def test_fix_never_changes_a_number(tmp_path, rows):
    data = {"department": "溧平县司法局", "year": 2026, "projects": [{"name": "项目", "indicators": [
        {"level1": "产出值", "name": f"指标{i}", "value": value, "basis": f"溧政办{basis}"}
        for i, (value, basis) in enumerate(rows)]}]}
    doc = tmp_path / "doc.yaml"
    original = yaml.safe_dump(data, allow_unicode=True)
    doc.write_text(original, encoding="utf-8")
    run("check", "--fix", doc)
    fixed = doc.read_text(encoding="utf-8")
    assert sorted(NUMBERS.findall(fixed)) == sorted(NUMBERS.findall(original))
    assert yaml.safe_load(fixed) is not None


def test_a_read_only_file_is_reported_and_left_alone(tmp_path):
    doc = tmp_path / "doc.yaml"
    doc.write_text(DOC, encoding="utf-8")
    doc.chmod(0o444)
    result = run("check", "--fix", "--select", FIXABLE, doc)
    assert doc.read_text(encoding="utf-8") == DOC and oct(doc.stat().st_mode & 0o777) == "0o444"
    assert "doc.yaml" in result.output and "只读" in result.output


def test_a_symlink_is_fixed_through_and_stays_a_link(tmp_path):
    target = tmp_path / "real.yaml"
    target.write_text(DOC, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    run("check", "--fix", "--select", FIXABLE, link)
    assert link.is_symlink() and "溧政办〔2024〕28号文件" in target.read_text(encoding="utf-8")


def test_a_utf16_file_stays_utf16(tmp_path):
    doc = tmp_path / "doc.yaml"
    doc.write_bytes(DOC.encode("utf-16"))
    run("check", "--fix", "--select", FIXABLE, doc)
    data = doc.read_bytes()
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff") and "溧政办〔2024〕28号文件" in data.decode("utf-16")


def test_an_unwritable_folder_fails_that_file_only(tmp_path, monkeypatch):
    import tempfile as module

    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for doc in (first, second):
        doc.write_text(DOC, encoding="utf-8")
    real = module.mkstemp

    def refuse_in_a(*args, **kwargs):  # a folder the user cannot write to (CI runs as root: simulated)
        if getattr(refuse_in_a, "calls", 0) == 0:
            refuse_in_a.calls = 1
            raise PermissionError(13, "Permission denied")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "mkstemp", refuse_in_a)
    result = run("check", "--fix", "--select", FIXABLE, first, second)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert first.read_text(encoding="utf-8") == DOC and "a.yaml" in result.output
    assert "溧政办〔2024〕28号文件" in second.read_text(encoding="utf-8")
