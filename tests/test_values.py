"""perflint.values: typed readings of 指标值 (indicator value) strings."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from perflint.cli import main
from perflint.values import Constraint, parse_value
from perflint.values.data import load_yaml, read_text
from perflint.values.normalize import normalize
from perflint.values.parser import build, cache_file
from perflint.values.units import Unit, known_units, lookup, split_known_prefix, suggest

CASES = yaml.safe_load((Path(__file__).parent / "data" / "value_cases.yaml").read_text(encoding="utf-8"))
FIELDS = ("kind", "op", "number", "unit", "low", "high", "date", "period", "value", "baseline", "grade", "reason",
          "remark")
KINDS = {"quantity", "percent", "range", "deadline", "graded", "vague", "relative", "boolean", "unparseable"}
REASONS = {"empty", "placeholder", "multiple", "deferred", "not-applicable", "reference", "syntax"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def _case_id(case: dict) -> str:  # no brackets: an id must select its test on the command line
    return f"{case.get('n') or case.get('table', 'extra')}:{case['input']!r}".replace("[", "(").replace("]", ")")


def _check_shape(reading: Constraint) -> None:
    """What holds for every reading, whatever the input."""
    assert reading.kind in KINDS
    for number in (reading.number, reading.low, reading.high):
        assert number is None or isinstance(number, Decimal)
    if reading.kind == "unparseable":
        assert reading.reason in REASONS
        assert CJK.search(reading.message) and reading.message_en
    else:
        assert reading.reason is reading.message is reading.message_en is None
    assert list(reading.to_json())[:5] == ["input", "kind", "op", "number", "unit"]


def test_corpus_is_covered():
    assert len(CASES["corpus"]) >= 160


# Every word of the grammar's tables, and the value that shows how it reads: (table, word) → input.
# The comparators are the terminals of grammar/value.lark; the rest are grammar/units.yaml and
# grammar/vocabulary.yaml. `words` in value_cases.yaml pins each reading; a word added to a table has
# no case until `python tests/test_values.py` writes one (its reading as it is, to be reviewed).
LARK_WORDS = {"GE": "{}95%", "LE": "{}95%", "GT": "{}95%", "LT": "{}95%", "EQ": "{}95%", "APPROX": "{}95%",
              "SOFT_GE": "{}95%", "SOFT_LE": "{}95%", "SOFT_EQ": "{}95%", "POST_GE": "95%{}", "POST_LE": "95%{}",
              "POST_APPROX": "95%{}", "_FILLER": "达到{}95%"}
VOCABULARY_WORDS = {  # path in vocabulary.yaml → input
    ("relative", "comparators"): "{}上年", ("relative", "prefixes"): "{}上年提高", ("relative", "suffixes"): "与上年{}持平",
    ("relative", "implied"): "{}增长", ("relative", "baselines"): "不低于{}", ("relative", "up"): "较上年{}",
    ("relative", "down"): "较上年{}", ("relative", "same"): "与上年{}", ("relative", "modifiers"): "较上年{}提高",
    ("relative", "within_leads"): "{}预算范围内", ("grade_leads",): "{}良好", ("grade_posts",): "良好{}",
    ("grade_nouns",): "良好及以上{}", ("graded",): "{}", ("vague",): "{}", ("boolean_true",): "{}",
    ("boolean_false",): "{}", ("immediate",): "{}响应", ("same_day",): "{}办结", ("percent_words",): "{}",
    ("template_choices",): "{}", ("unparseable", "placeholder"): "{}", ("unparseable", "deferred"): "{}",
    ("unparseable", "not-applicable"): "{}", ("unparseable", "reference"): "{}",
}


def _lark_alternatives(grammar: str, name: str) -> list[str]:
    definition = re.search(rf"^{name}(?:\.\d+)?:(.*(?:\n\s+\|.*)*)", grammar, re.M)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', definition.group(1))


def table_words() -> dict[tuple[str, str], str]:
    words = {}
    grammar = read_text("value.lark")
    for name, template in LARK_WORDS.items():
        words.update({(f"value.lark {name}", w): template.format(w) for w in _lark_alternatives(grammar, name)})
    units = load_yaml("units.yaml")
    words.update({("units.yaml scale_prefixes", p): f"≥5{p}元" for p in units["scale_prefixes"]})
    for unit in units["units"]:
        words.update({("units.yaml units", w): f"≥5{w}" for w in (unit["name"], *unit.get("aliases", ()))})
    words.update({("units.yaml per_only", w): f"≤5元/{w}" for w in units["per_only"]})
    words.update({("units.yaml not_units", w): f"≥3{w}" for w in units["not_units"]})
    vocabulary = load_yaml("vocabulary.yaml")
    for path, template in VOCABULARY_WORDS.items():
        table = vocabulary
        for key in path:
            table = table[key]
        words.update({(f"vocabulary.yaml {'.'.join(path)}", str(w)): template.format(w) for w in table})
    return words


def test_every_word_of_the_grammar_tables_has_a_reading_case():
    """A word added to (or moved in) a table cannot go untested: each has its pinned reading in `words`."""
    cased = {(case["table"], case["word"]) for case in CASES["words"]}
    missing = sorted(set(table_words()) - cased)
    assert not missing, f"no case in value_cases.yaml for {missing}: run `python tests/test_values.py`, review"
    assert not cased - set(table_words()), f"cases for words no table has: {sorted(cased - set(table_words()))}"


def test_the_word_tables_are_read_whole():
    words = table_words()
    assert ("value.lark GE", "不得少于") in words and ("value.lark LE", "不得高于") in words  # continuation lines
    assert ("value.lark LT", "不满") in words and ("units.yaml units", "人次") in words
    assert sum(table.startswith("value.lark") for table, _ in words) >= 64


@pytest.mark.parametrize("case", CASES["corpus"] + CASES["extra"] + CASES["words"], ids=_case_id)
def test_reading(case):
    reading = parse_value(case["input"])
    got = {field: getattr(reading, field) for field in FIELDS}
    got = {field: str(value) if isinstance(value, Decimal) else value for field, value in got.items()}
    assert got == {field: case.get(field) for field in FIELDS}
    assert reading.implicit_op == case.get("implicit_op", False)
    assert case.get("says", "") in (reading.message or "")
    if "dimension" in case:  # a unit table's word: what the unit means, not only how it is spelt
        unit = lookup(reading.unit)
        assert (unit.dimension, str(unit.scale), unit.base) == (case["dimension"], case["scale"], case["base"])
    _check_shape(reading)


def test_json_shape():
    assert parse_value("≤2.27万元/人").to_json() == {
        "input": "≤2.27万元/人", "kind": "quantity", "op": "<=", "number": "2.27", "unit": "万元/人"}
    assert parse_value("90%-95%").to_json() == {
        "input": "90%-95%", "kind": "range", "op": None, "number": None, "unit": "%", "low": "90", "high": "95"}


def test_messages_name_the_fix():
    assert "≥95%" in parse_value("95%≥").message
    assert "≥95%" in parse_value("95%≥").message_en
    assert "“%”" in parse_value("≥95%%").message
    assert "≥30场" in parse_value("≥95%；≥30场").message


def test_memoised():
    assert parse_value("≥2000份") is parse_value("≥2000份")


def _garbage(rng: random.Random) -> str:
    pieces = [
        "≥", "≤", ">", "<", "=", "＞＝", "≧", "⩾", "%", "％", "～", "-", "—", "~", "±", "至", "且", ",", "；",
        "0", "1", "9", "95", "2.27", "2,000", " 9 5 ", "１２", "一", "十", "百分之", "两千", "〇", "万", "万元",
        "人次", "份", "/", "·", "人/次", "㎡", "m²", "以上", "以下", "以内", "内", "左右", "约", "不低于",
        "不超过", "达到", "目标值", "控制在", "年", "月", "日", "底", "前", "2026年", "12月", "第四季度", "按月",
        "每年", "较上年", "提高", "下降", "同比", "水平", "预算", "范围", "有效提升", "优", "是/否", "xx", "**",
        "……", "详见", "待定", "不适用", "(", ")", "（满意度）", "$", "\\geq", "\\%", "\\mathbf{", "}", "\\(",
        "<b>", "</b>", "&gt;", "&#", ";", "“", "”", "\n", "\t", "\x00", "\x07", "\u200b", "\ufeff", "\ud800",
        "😀", "》", "二", "成", "[1]", "*", "。",
    ]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
    if rng.random() < 0.3:
        text += "".join(chr(rng.randint(0, 0x2FFFF)) for _ in range(rng.randint(1, 6)))
    return text


def test_never_raises_on_garbage():
    rng = random.Random(20260101)
    for _ in range(600):
        _check_shape(parse_value(_garbage(rng)))


@pytest.mark.parametrize("text", ["", " ", "\n\t", "x" * 10_000, "≥9" * 5_000, "\\mathbf{", "$\\geq",
                                  "<b", "&#99999999;", "\ud800", "9" * 150, "9." * 90])
def test_never_raises_on_edge_cases(text):
    _check_shape(parse_value(text))


def test_import_does_not_load_lark():
    code = "import sys, perflint.values; assert 'lark' not in sys.modules, 'lark imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_grammar_is_strict_lalr():
    import interegular  # noqa: F401 (Lark's strict mode needs it to prove no two terminals collide)
    from lark import Lark

    Lark(read_text("value.lark"), parser="lalr", lexer="contextual", strict=True, maybe_placeholders=True)


def test_parser_cache(tmp_path):
    cache = tmp_path / "grammar.cache"
    build(cache)
    assert cache.stat().st_size > 0
    assert build(cache).parse("≥95%")["number"] == Decimal("95")
    cache.write_bytes(b"not a cache\n")  # corrupt: rebuilt, never fatal
    assert build(cache).parse("≥95%")["unit"] == "%"


def test_cache_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("PERFLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_file().parent == tmp_path / "cache"
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PERFLINT_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert cache_file() is None


def test_cache_directory_defaults_to_xdg_then_home(tmp_path, monkeypatch):
    monkeypatch.delenv("PERFLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_file().parent == tmp_path / "xdg" / "perflint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_file().parent == tmp_path / "home" / ".cache" / "perflint"


def test_units():
    assert lookup("万元") == Unit("万元", "money", Decimal(10000), "元")
    assert lookup("万人次") == Unit("万人次", "count", Decimal(10000), "人次")
    assert lookup("万亩") == Unit("万亩", "area", Decimal(10000), "亩")
    assert lookup("万元/人").per == ("人",) and lookup("万元/人").base == "元"
    assert lookup("元/人·天") == Unit("元/人·天", "money", Decimal(1), "元", ("人", "天"))
    assert lookup("元/生/年").name == "元/生·年"
    assert lookup("次/季").name == "次/季度"
    for alias in ("㎡", "m²", "平米"):
        assert lookup(alias).name == "平方米"
    assert lookup("％").name == lookup("百分比").name == "%"
    assert lookup("人/次").name == "人次"
    assert lookup("万公里") == Unit("万公里", "length", Decimal(10000), "公里")
    assert lookup("千米").name == "公里" and lookup("‰").dimension == "ratio"
    assert lookup("个百分点").dimension == "ratio-delta"
    assert lookup("满意") is None and lookup("") is None
    assert split_known_prefix("份资料") == (lookup("份"), "资料")
    assert split_known_prefix("满意") == (None, "满意")
    assert {"元", "人次", "平方米", "%"} <= set(known_units())


def test_unit_never_ends_inside_a_word():
    assert lookup("方").name == "立方米" and lookup("个方面").name == "方面"
    assert split_known_prefix("方面工作") == (lookup("方面"), "工作")
    assert split_known_prefix("方案") == (None, "方案")  # not 方 (立方米) + 案
    assert split_known_prefix("部门") == (None, "部门")
    assert split_known_prefix("份资料") == (lookup("份"), "资料")


def test_suggested_units():
    for written, meant in (("Km", "公里"), ("KM", "公里"), ("KG", "公斤"), ("M", "米"), ("T", "吨"),
                           ("M2", "平方米"), ("M3", "立方米"), ("KW", "千瓦"), ("KWH", "千瓦时"), ("km", "公里")):
        assert lookup(written) is None or written == "km", written
        assert suggest(written).name == meant, written
    assert suggest("%%").name == "%"
    assert suggest("满意") is None


def test_unit_table_covers_the_domain_lists():
    for name in ("个 人 人次 名 户 户次 家 所 处 件 宗 例 次 场 场次 期 批 项 篇 册 份 套 台 辆 座 株 棵 头 只 羽 剂 支 单 条 "
                 "村 镇 亩 万亩 公顷 平方米 万平方米 立方米 万立方米 米 公里 吨 公斤 千瓦 千瓦时 元 万元 元/人 元/人·月 "
                 "元/人·年 元/生·年 元/户 元/亩 元/件 元/次 元/株 万元/公里 元/台班 元/辆·月 天 日 个工作日 工作日 小时 "
                 "分钟 月 年 % ‰ 个百分点 倍 级 星 分").split():
        assert lookup(name) is not None, name


def test_every_vocabulary_word_reads_as_its_list():
    data = load_yaml("vocabulary.yaml")
    expected = [(w, "graded") for w in data["graded"]] + [(w, "vague") for w in data["vague"]]
    expected += [(w, "boolean") for w in data["boolean_true"] + data["boolean_false"]]
    expected += [(w, "unparseable") for words in data["unparseable"].values() for w in words]
    for word, kind in expected:
        assert parse_value(word).kind == kind, word


def test_normalisation_keeps_unit_glyphs():
    assert normalize("≥500㎡") == "≥500㎡"  # NFKC would give m2, whose 2 reads as a number
    assert normalize("＞＝９０％") == "≥90%"
    assert normalize("≥ 2 000 份") == "≥2000份"
    assert normalize("≥ 9 5 %") == "≥95%"
    assert normalize("$\\mathbf{\\geq 95\\%}$") == "≥95%"
    assert normalize("<b>≥95%</b>[1]。") == "≥95%"
    assert normalize("1:1") == "1:1"
    assert normalize("7x24小时") == normalize("7*24小时") == "7×24小时"
    assert normalize("≥800M2") == "≥800M²"  # its 2 is no number; the reader gives back M2


def test_the_command_prints_the_documented_json_for_every_case():
    """`perflint value` over every string of the data file, in one run: one JSON object per input,
    with the fixed keys first and the case's expected reading."""
    # A lone "-" asks the command to read standard input, so that one case is read from there.
    cases = [case for case in CASES["corpus"] + CASES["extra"] if case["input"] != "-"]
    result = CliRunner().invoke(main, ["value", "--", *(case["input"] for case in cases)], catch_exceptions=False)
    lines = result.output.splitlines()
    assert result.exit_code == 0 and len(lines) == len(cases)
    for case, line in zip(cases, lines):
        printed = json.loads(line)
        assert list(printed)[:5] == ["input", "kind", "op", "number", "unit"]
        assert printed["input"] == case["input"]
        assert {field: printed.get(field) for field in FIELDS} == {field: case.get(field) for field in FIELDS}, line


def _write_word_cases() -> None:
    """Append a case for each table word that has none, with its reading as it is: review them."""
    path = Path(__file__).parent / "data" / "value_cases.yaml"
    cased = {(case["table"], case["word"]) for case in CASES.get("words") or []}
    lines = []
    for (table, word), text in table_words().items():
        if (table, word) in cased:
            continue
        reading = parse_value(text)
        fields = {"table": table, "word": word, "input": text}
        for name in FIELDS:
            value = getattr(reading, name)
            if value is not None:
                fields[name] = str(value) if isinstance(value, Decimal) else value
        if reading.implicit_op:
            fields["implicit_op"] = True
        if table.startswith("units.yaml") and lookup(reading.unit or "") is not None:
            unit = lookup(reading.unit)
            fields.update(dimension=unit.dimension, scale=str(unit.scale), base=unit.base)
        lines.append("  - {" + ", ".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()) + "}")
    if lines:
        text = path.read_text("utf-8")
        if "\nwords:\n" not in text:
            text += ("\n# One case per word of the grammar's tables (test_every_word_of_the_grammar_tables_has_a_reading_"
                     "case);\n# new ones are written by `python tests/test_values.py`, to be reviewed.\nwords:\n")
        path.write_text(text + "\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} cases written to {path}")


if __name__ == "__main__":
    _write_word_cases()
