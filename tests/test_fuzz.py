"""Property-based tests: generated input never makes perflint raise — always a result or a finding.

Together these tests run more than 10,000 generated inputs.
"""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perflint.check import active_rules
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import load_bytes
from perflint.values import parse_value

RULES = active_rules(Settings())
VALUE_ALPHABET = st.sampled_from(list("0123456789.%％≥≤><=~-—至以上下内前底年月日万元人次份个件亩率约不低于超过较上年提高有效 \t\n，；/$\\{}[]()（）*xX"))
KEYS = ["department", "部门", "year", "年度", "projects", "项目", "name", "项目名称", "indicators", "绩效指标",
        "value", "指标值", "level1", "一级指标", "level2", "budget", "total", "fiscal", "spending_plan",
        "12月底", "goals", "uses", "unit", "basis", "overall", "goal", "targets", "measures", "title", "text",
        "note", "op", "breakdown", "amount", "quantity", "unit_price", "money_unit", "period", "nmae"]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12),
                    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
                    st.text(VALUE_ALPHABET, max_size=20), st.text(max_size=12))
TREES = st.recursive(SCALARS, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.sampled_from(KEYS), children, max_size=6)), max_leaves=25)
DOCUMENTS = st.fixed_dictionaries({"department": SCALARS, "year": st.one_of(st.integers(1990, 2100), SCALARS)},
                                  optional={"projects": st.lists(TREES, max_size=3), "overall": TREES})


def assert_well_formed(findings):
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1 and finding.message
        assert finding.code != "PF000", finding.message  # a rule crashed


@settings(max_examples=6000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(VALUE_ALPHABET, max_size=40), st.text(max_size=40)))
def test_the_value_grammar_never_raises(text):
    constraint = parse_value(text)
    assert constraint.kind in {"quantity", "percent", "range", "deadline", "graded", "vague", "relative",
                               "boolean", "unparseable"}
    if constraint.kind == "unparseable":
        assert constraint.message and constraint.message_en


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_generated_documents_load_and_lint_without_a_traceback(document):
    data = yaml.safe_dump(document, allow_unicode=True).encode("utf-8")
    assert_well_formed(lint(load_bytes(data, "doc.yaml"), RULES))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_arbitrary_bytes_become_findings(data):
    assert_well_formed(lint(load_bytes(data, "doc.yaml"), RULES))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.sampled_from(list("abc:-[]{}&*!|>'\"#\n 　部门年度2026%≥")), max_size=80))
def test_yaml_like_text_becomes_findings(text):
    assert_well_formed(lint(load_bytes(text.encode("utf-8"), "doc.yaml"), RULES))
