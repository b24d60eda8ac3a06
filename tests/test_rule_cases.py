"""Every rule's data test cases (rules/*.cases.yaml), and the meta-test that every rule has them."""

import pytest

from perflint.engine.registry import load_catalog
from perflint.testing import Case, cases_path, iter_cases, load_cases, mismatches, run_case

CATALOG = load_catalog()
CASES = list(iter_cases(CATALOG))
# Conditions a YAML snippet cannot produce; tests/test_loader.py covers them.
NOT_EXPRESSIBLE_AS_YAML = {"PF000", "PF001", "PF002", "PF012", "PF013", "PF014", "PF015", "PF016", "PF017",
                           *(f"PF0{n}" for n in range(20, 30))}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    assert mismatches(case, run_case(case, CATALOG), CATALOG) == []


@pytest.mark.parametrize("rule", list(CATALOG), ids=lambda r: r.code)
def test_rule_is_documented(rule):
    for text in (rule.summary, rule.doc.what, rule.doc.why, *rule.messages.values()):
        assert text.zh.strip() and text.en.strip(), f"{rule.code} lacks a Chinese or English text"
    assert rule.doc.source.strip()
    if rule.code in NOT_EXPRESSIBLE_AS_YAML:
        assert rule.doc.bad.strip() and rule.doc.good.strip(), f"{rule.code} needs examples in its RuleDoc"
    for option in rule.options.values():
        assert option.help.zh and option.help.en


@pytest.mark.parametrize("rule", [r for r in CATALOG if r.code not in NOT_EXPRESSIBLE_AS_YAML],
                         ids=lambda r: r.code)
def test_rule_has_failing_and_passing_cases(rule):
    path = cases_path(rule)
    assert path.exists(), f"{rule.code} has no {path.name}"
    own = [c for c in load_cases(path) if c.rule in (rule.code, rule.slug)]
    assert any(c.fails for c in own), f"{rule.code} has no failing case"
    assert any(not c.fails for c in own), f"{rule.code} has no passing case"


# The runner's fallback where a rule always names a variant: no input reaches it.
VARIANTS_WITHOUT_CASES = {("PF008", "default"), ("PF231", "default")}


@pytest.mark.parametrize("rule", [r for r in CATALOG if r.code not in NOT_EXPRESSIBLE_AS_YAML],
                         ids=lambda r: r.code)
def test_every_message_variant_is_pinned_by_a_case(rule):
    """A variant no case expects could change its wording or its arguments unnoticed."""
    pinned = {e.get("message") for c in load_cases(cases_path(rule)) if c.rule in (rule.code, rule.slug)
              for e in c.expect}
    missing = {v for v in rule.messages if (rule.code, v) not in VARIANTS_WITHOUT_CASES} - pinned
    assert not missing, f"{rule.code}: no case expects message {', '.join(sorted(missing))}"


def _year_end_case(**expected):
    document = ("department: 溧平县司法局\nyear: 2026\nprojects:\n  - name: 2026年人民调解办案业务费\n"
                "    spending_plan: {3月底: 30%, 6月底: 60%, 10月底: 80%}\n")
    return Case(rule="PF101", name="t", document=document, expect=[{"line": 5, "column": 20, **expected}])


@pytest.mark.parametrize("expected, holds", [
    ({"message": "default", "args": {"points": "3月底、6月底、10月底"}}, True),
    ({"message": "default", "args": {"points": "3月底、6月底、11月底"}}, False),  # another argument
    ({"message": "nonesuch"}, False),  # no such variant
    ({"message": "default"}, False),  # a message with arguments pins none
    ({"message": "default", "args": {"pointz": "3月底"}}, False),  # no such argument
    ({"text": "The spending plan has no 12月底 checkpoint (it has: 3月底、6月底、10月底), so it cannot be "
              "reconciled with the annual budget"}, True),
    ({"text": "The spending plan has no 12月底 checkpoint"}, False),  # the whole message, not a part
    ({}, False),  # a place alone pins nothing a user reads
])
def test_a_case_compares_the_message_variant_and_its_arguments(expected, holds):
    case = _year_end_case(**expected)
    assert (mismatches(case, run_case(case, CATALOG), CATALOG) == []) is holds


def test_unpinned_arguments_may_be_anything_but_repeated_ones_agree():
    from perflint.testing import _pattern

    assert _pattern("{a} and {b} and {a}", {"b": "x"}).fullmatch("1 and x and 1")
    assert not _pattern("{a} and {b} and {a}", {"b": "x"}).fullmatch("1 and x and 2")
    assert _pattern("name {n!r}", {"n": "有效"}).fullmatch("name '有效'")
