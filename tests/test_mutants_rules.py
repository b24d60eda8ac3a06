"""Behaviour pinned down where mutation testing found it unasserted: the analysis helpers the rules
share (commitments read from prose, digests of round facts, framework caching, text similarity),
baseline keys of findings that span several lines, and rule messages as a Chinese reader sees them."""

from __future__ import annotations

from decimal import Decimal

from perflint.analysis import facts as facts_module
from perflint.analysis.commitments import extract
from perflint.analysis.digest import excerpt, implied
from perflint.analysis.structure import similarity
from perflint.config import Settings
from perflint.engine.baseline import value_at
from perflint.engine.configure import configure
from perflint.engine.registry import load_catalog
from perflint.engine.runner import lint
from perflint.findings import Finding, Severity
from perflint.load import load_bytes


def _zh_messages(code: str, document: str) -> list[str]:
    """The rule's messages on a document, in Chinese (the default language of the command)."""
    settings = Settings(select=(code,), lang="zh")
    loaded = load_bytes(document.encode("utf-8"), "case.yaml")
    return [f.message for f in lint(loaded, configure(load_catalog(), settings), "zh") if f.code == code]


# --- perflint/analysis/commitments.py -------------------------------------------------------------

def test_each_number_of_a_clause_keeps_only_the_words_up_to_the_next_number():
    # 8所学校 and 12间教室 are two commitments: the first metric stops where the next value begins.
    read = [(c.metric, c.text) for c in extract("建成8所学校12间教室")]
    assert read == [("学校", "建成8所学校"), ("教室", "12间教室")]
    assert [(c.metric, c.text) for c in extract("培训8所学校200人次")] == [("培训学校", "培训8所学校")]


def test_a_lead_verb_joined_to_the_next_by_a_connector_stays_in_the_metric():
    # 新建及改造: 新建 is joined to 改造 by 及, so it is part of the phrase and not stripped as a lead.
    assert [c.metric for c in extract("新建及改造灌排渠道10公里")] == ["新建及改造灌排渠道"]
    assert [c.metric for c in extract("确保及时办结率100%")] == ["确保及时办结率"]


# --- perflint/analysis/value_text.py -------------------------------------------------------------

def test_a_value_is_unreadable_only_for_its_units_when_standard_units_make_the_row_readable():
    from perflint.analysis.value_text import unreadable_only_for_units
    from perflint.load.model import Indicator

    # The unit column's spelling (KWH, M2) is what the row cannot be read for: with 千瓦时, 平方米 it reads.
    assert unreadable_only_for_units(Indicator(value="≥50以上", unit="KWH"))
    assert unreadable_only_for_units(Indicator(value="50%/", unit="M2"))  # the value alone is no reading
    # Readable as written, unreadable for other reasons, or unreadable even with standard units: no.
    assert not unreadable_only_for_units(Indicator(value="≥50M"))
    assert not unreadable_only_for_units(Indicator(value="20至"))
    assert not unreadable_only_for_units(Indicator(op="≥", value="不少于20", unit="M2"))


# --- perflint/analysis/digest.py ------------------------------------------------------------------

def test_a_short_text_is_shown_whole_and_a_long_one_cut_with_an_ellipsis():
    assert excerpt("调解成功率达到96%以上") == "调解成功率达到96%以上"
    assert excerpt("  调解成功率\n 达到96%以上 ") == "调解成功率 达到96%以上"
    exactly = "开展人民调解工作，调解成功率达到96%以上；办理"  # 24 characters: still whole
    assert len(exactly) == 24 and excerpt(exactly) == exactly
    longer = "开展人民调解工作，调解成功率达到96%以上；办理法律援助案件300件以上。"
    assert excerpt(longer) == longer[:24] + "…"


def test_a_change_in_a_unit_applies_to_last_years_target_in_that_unit():
    # ≥500人 last year, 比上年增加20人 this year: 520人.
    assert implied(["quantity", ">=", "500", "人", None], ["relative", ">", "20", "人", "上年"]) == (Decimal(520), "人")
    # 1.2万亩 last year, 比上年增加3000亩: 15000亩 in the base unit.
    assert implied(["quantity", ">=", "1.2", "万亩", None], ["relative", ">", "3000", "亩", "上年"]) == (Decimal(15000), "亩")
    # A change in another kind of unit does not combine.
    assert implied(["quantity", ">=", "500", "人", None], ["relative", ">", "20", "场", "上年"]) is None


# One project in each framework: a 2021 cost first level, and a 2015 cost under output.
TWO_FRAMEWORKS = """department: 溧平县司法局
year: 2026
projects:
  - name: 2026年人民调解办案业务费
    indicators:
      - {level1: 成本指标, level2: 经济成本指标, name: 人民调解办案补贴, value: ≤20万元}
  - name: 2026年司法协理员工资保险
    indicators:
      - {level1: 产出指标, level2: 成本指标, name: 司法协理员平均工资成本, value: ≤2.27万元/人}
"""


# --- perflint/analysis/facts.py -------------------------------------------------------------------

def test_the_framework_of_a_project_is_detected_once(monkeypatch):
    loaded = load_bytes(TWO_FRAMEWORKS.encode("utf-8"), "case.yaml")
    calls = []
    detect = facts_module.detect_framework

    def counting(project):
        calls.append(project.name)
        return detect(project)

    monkeypatch.setattr(facts_module, "detect_framework", counting)
    context = facts_module.Facts(loaded.document, "auto")
    first, second = loaded.document.projects
    assert [context.framework_of(first), context.framework_of(second)] == ["2021", "2015"]
    assert [context.framework_of(first), context.framework_of(second)] == ["2021", "2015"]
    assert calls == ["2026年人民调解办案业务费", "2026年司法协理员工资保险"]


# --- perflint/analysis/structure.py ---------------------------------------------------------------

def test_a_text_of_punctuation_only_is_like_nothing():
    assert similarity("/", "全县300个行政村全部建成村级公共法律服务工作室") == 0
    assert similarity("", "") == 0
    assert similarity("保障52名司法协理员工资。", "保障52名司法协理员工资") == 1


def test_a_basis_of_generic_words_or_a_survey_method_alone_is_untraceable():
    from perflint.analysis.structure import untraceable_basis

    # An opening (根据) and an ending (确定) carry nothing: what is left is looked up.
    assert [untraceable_basis(b) for b in ("根据工作计划", "工作计划确定", "根据上级要求确定", "按实际需要测算")] == ["generic"] * 4
    assert [untraceable_basis(b) for b in ("问卷调查", "根据问卷调查")] == ["method", "method"]
    # Whole entries first: 据实结算 is an entry, not 据 + 实结算.
    assert untraceable_basis("据实结算") == "generic"
    # A generic part with a method is generic; any part that names a document makes it traceable.
    assert untraceable_basis("工作计划、问卷调查") == "generic"
    assert untraceable_basis("问卷调查、《溧平县普法规划》") is None
    # An opening or an ending alone is not an entry; nothing written is nothing to judge.
    assert [untraceable_basis(b) for b in ("根据", "要求", "", "  ", None)] == [None] * 5


# --- perflint/engine/baseline.py ------------------------------------------------------------------

def test_the_baseline_value_of_a_span_over_several_lines_starts_at_its_column():
    document = """department: 溧平县司法局
year: 2026
projects:
  - name: 2026年人民调解办案业务费
    goals: |-
      有效提升基层人民调解工作水平，
      进一步加强矛盾纠纷排查化解
    indicators:
      - {level1: 产出指标, level2: 数量指标, name: 调解案件数量, value: ≥500件}
"""
    loaded = load_bytes(document.encode("utf-8"), "case.yaml")
    finding = Finding(path="case.yaml", line=5, column=12, end_line=7, end_column=17, code="PF230",
                      rule="goal-not-measurable", severity=Severity.WARNING, message="",
                      pointer="/projects/0/goals")
    assert value_at(loaded, finding) == "|-\n      有效提升基层人民调解工作水平，\n      进一步加强矛盾纠纷排"


# --- rule messages in Chinese -----------------------------------------------------------------------

def test_goal_number_not_in_indicators_names_the_scope_in_chinese():
    sub_target = """department: 溧平县司法局
year: 2026
overall:
  targets:
    - title: 加强人民调解工作
      goal: 新建村级人民调解室20个，调解成功率达到96%以上。
      indicators: 调解成功率≥96%。
projects:
  - name: 2026年人民调解办案业务费
    indicators:
      - {level1: 效益指标, level2: 社会效益指标, name: 调解成功率, value: ≥96%}
"""
    [message] = _zh_messages("PF331", sub_target)
    assert "该分项目标的绩效指标和各项目中没有以“个”计量的指标" in message
    overall = """department: 溧平县司法局
year: 2026
overall:
  goal: 提高法律援助案件办理质量，年均办理法律援助案件达到300件以上。
  targets:
    - title: 加强法律援助工作
      goal: 提高法律援助案件办理质量；
      indicators: 对援助对象抽样调查，满意度达到95%以上。
"""
    [message] = _zh_messages("PF331", overall)
    assert "：分项绩效目标和各项目中没有以“件”计量的指标" in message


def test_the_framework_is_detected_per_project_unless_one_is_configured():
    loaded = load_bytes(TWO_FRAMEWORKS.encode("utf-8"), "case.yaml")
    first, second = loaded.document.projects
    detected = facts_module.Facts(loaded.document)  # the framework left to its default: detected
    assert [detected.framework_of(first), detected.framework_of(second)] == ["2021", "2015"]
    configured = facts_module.Facts(loaded.document, "2015")
    assert [configured.framework_of(first), configured.framework_of(second)] == ["2015", "2015"]


def test_another_document_without_lines_is_named_by_its_path_alone():
    # A Word or Excel document has no lines: a message naming a place in it gives no line number.
    from dataclasses import replace

    from perflint.analysis.digest import document_facts
    from perflint.round import where

    document = """department: 溧平县司法局
year: 2026
projects:
  - name: 2026年人民调解办案业务费
    goals:
      - 开展人民调解工作，调解成功率达到96%以上。
"""
    loaded = load_bytes(document.encode("utf-8"), "case.yaml")
    assert where("a.yaml", document_facts(loaded), "/projects/0/goals/0").en == "a.yaml line 6"
    without_lines = replace(loaded, has_lines=False)
    assert where("a.docx", document_facts(without_lines), "/projects/0/goals/0").en == "a.docx"


def _zh_compare_messages(code: str, last: str, this: str) -> list[str]:
    """The rule's messages of `perflint compare` of two years' documents, in Chinese."""
    from perflint.check import check_path
    from perflint.compare import compare_results, compare_rules
    from perflint.load import STDIN

    settings = Settings(select=(code,), lang="zh")
    rules = configure(load_catalog(), settings)
    last_results = [check_path(STDIN, rules, settings, last.encode("utf-8"), "mz.yaml")]
    this_results = [check_path(STDIN, rules, settings, this.encode("utf-8"), "mz.yaml")]
    merged = compare_results(last_results, this_results, compare_rules(rules), "zh")
    return [f.message for result in merged for f in result.findings if f.code == code]


def test_relative_target_last_year_shows_the_implied_target_in_chinese():
    def year(year: int, value: str) -> str:
        return f"""department: 溧平县民政局
year: {year}
projects:
  - name: {year}年城乡低保救助金县级配套
    indicators:
      - {{level1: 产出指标, level2: 质量指标, name: 低保动态管理准确率, value: {value}}}
"""
    [message] = _zh_compare_messages("PF342", year(2025, "≥98%"), year(2026, "比上年提高5%"))
    assert "计应为 102.9%，超过 100%" in message
    [message] = _zh_compare_messages("PF342", year(2025, "100%"), year(2026, "比上年有所提高"))
    assert "计应为 ＞100%，超过 100%" in message


def test_spending_plan_in_amounts_shows_the_conversion_in_chinese():
    document = """department: 溧平县司法局
year: 2026
projects:
  - name: 2026年人民调解办案业务费
    budget: {total: 20.00, fiscal: 20.00}
    spending_plan: {3月底: 6, 6月底: 12, 9月底: 16, 12月底: 20}
"""
    [message] = _zh_messages("PF334", document)
    assert message.endswith("换算应为：3月底 6 ÷ 20 = 30%、6月底 12 ÷ 20 = 60%、9月底 16 ÷ 20 = 80%、12月底 20 ÷ 20 = 100%")


def test_the_round_median_of_an_even_count_is_the_mean_of_the_middle_two():
    from perflint.rules.round_unit_cost_outlier import median

    assert median([Decimal(4), Decimal(1), Decimal(10)]) == 4
    assert median([Decimal(4), Decimal(1), Decimal(10), Decimal(2)]) == 3


# --- rules across a round or across years, in Chinese ------------------------------------------------

def _zh_case_messages(stem: str, name: str) -> list[tuple[str, str]]:
    """(document, message) of a stored case of rules/<stem>.cases.yaml, run as the commands run it but in
    Chinese (the default language of the command)."""
    from pathlib import Path

    from perflint.testing import load_cases, run_case

    path = Path(__file__).resolve().parent.parent / "rules" / f"{stem}.cases.yaml"
    [case] = [c for c in load_cases(path) if c.name == name]
    return [(f.path, f.message) for f in run_case(case, lang="zh") if f.code == case.rule]


def test_a_text_copied_into_more_documents_than_shown_counts_all_places_in_chinese():
    messages = dict(_zh_case_messages("round_text_copied", "五份文件（不超过上限）的总体目标相同，各自提示，只列出其中三处"))
    assert ("见 b.yaml 第 4 行（溧平县文化广电和旅游局）、c.yaml 第 4 行（溧平县教育局）、d.yaml 第 4 行（溧平县卫生健康局）等 4 处；"
            in messages["a.yaml"])


def test_the_department_of_all_maximal_targets_names_its_other_documents_in_chinese():
    [(path, message)] = _zh_case_messages("round_department_all_maximal", "一个部门两份文件、三个项目的满意度和比率目标全是100%")
    assert path == "a.yaml" and "（另见 b.yaml）" in message
    [(_, alone)] = _zh_case_messages("round_department_all_maximal", "部门只有一份文件时不列出另见的文件")
    assert "全部是 100%；目标疑似按上限照填" in alone


def test_a_lowered_target_says_whether_the_budget_rose_or_stayed_the_same_in_chinese():
    [(_, rose)] = _zh_case_messages("target_lowered", "预算增加，培训人数目标却比上年低（上年目标写作万人，换算后比较）")
    assert "而项目预算增加（100 万元 → 110 万元）" in rose
    [(_, same)] = _zh_case_messages("target_lowered", "预算持平，不良事件的上限比上年放宽；项目编码不同时按名称配对")
    assert "而项目预算持平（60 万元 → 60 万元）" in same


def test_a_copied_goal_table_or_note_names_the_other_project_in_chinese():
    goal = dict(_zh_case_messages("round_text_copied", "两个部门不同项目的年度目标一字不差"))
    assert "见 b.yaml 第 6 行 项目“2026年社会救助政策宣传”（溧平县民政局）；" in goal["a.yaml"]
    table = dict(_zh_case_messages("round_text_copied", "整张指标表照抄到另一部门的项目，只报指标名称不逐条报解释"))
    assert "见 a.yaml 第 8 行 项目“2026年中小学教师全员培训”（溧平县教育局）；" in table["b.yaml"]
    note = dict(_zh_case_messages("round_text_copied", "指标解释照抄另一部门的"))
    assert "见 b.yaml 第 8 行 项目“2026年居家养老服务”（溧平县民政局）；" in note["a.yaml"]
