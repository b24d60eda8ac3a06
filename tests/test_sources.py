"""Every rule's source cites what rules/sources.yaml lists: the exact document, or a named practice."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from perflint.cli import main
from perflint.engine.registry import load_catalog
from perflint.sources import OWN_CONVENTION, PRACTICE, Sources, citations, load_sources, numbers_cited, titles_cited

ROOT = Path(__file__).parent.parent
RULES = list(load_catalog())
SOURCES = load_sources()


def problems(code: str, source: str, sources: Sources) -> list[str]:
    """What is wrong with a rule's source: empty, an unlisted 文号/standard/《title》, a repealed document, a
    document named without its issuer or with another document's title, a practice not listed, or a
    citation that is neither a document, a practice nor (for the input rules PF0xx) perflint's own convention."""
    if not source.strip():
        return [f"{code}: empty source"]
    found = []
    for citation in citations(source):
        if citation.startswith(PRACTICE):
            if sources.practice(citation) is None:
                found.append(f"{code}: practice not in rules/sources.yaml: {citation}")
            continue
        if citation.startswith(OWN_CONVENTION):
            if not code.startswith("PF0"):
                found.append(f"{code}: only input rules (PF0xx) may rest on perflint's own conventions")
            continue
        numbers, titles = numbers_cited(citation), titles_cited(citation)
        if not numbers and not titles:
            found.append(f"{code}: cites neither a listed document nor 实务：<practice>: {citation}")
        cited = []
        for number in numbers:
            document = sources.by_number(number)
            if document is None:
                found.append(f"{code}: {number} is not in rules/sources.yaml")
            else:
                cited.append(document)
        for title in titles:
            document = sources.by_title(title)
            if document is None:
                found.append(f"{code}: 《{title}》 is not in rules/sources.yaml")
            elif numbers and document not in cited:
                found.append(f"{code}: 《{title}》 is not the title of {'/'.join(numbers)}")
            elif document not in cited:
                cited.append(document)
        for document in cited:
            if document.replaced_by:
                found.append(f"{code}: {document.number} is repealed (replaced by {document.replaced_by})")
            if document.issuer not in citation:
                found.append(f"{code}: {document.number or document.title} cited without its issuer "
                             f"{document.issuer}")
    return found


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_source_cites_only_listed_documents_and_practices(rule):
    assert problems(rule.code, rule.doc.source, SOURCES) == []


@pytest.mark.parametrize("source, wrong", [
    ("", "empty source"),
    ("   ", "empty source"),
    ("财政部《中央部门预算绩效目标管理办法》（财预〔2015〕99号）", "财预〔2015〕99号 is not in"),
    ("财政部《财政支出绩效评价管理暂行办法》（财预〔2011〕285号）第十四条", "is repealed"),
    ("《财政支出绩效评价管理办法》第十四条", "is not in rules/sources.yaml"),
    ("《中央部门预算绩效目标管理办法》（财预〔2015〕88号）", "without its issuer"),
    ("财政部《项目支出绩效评价管理办法》（财预〔2015〕88号）", "is not the title of"),
    ("实务：某县的口头要求", "practice not in"),
    ("实务", "cites neither"),
    ("绩效目标申报表填报说明（目标值用数值表述）", "cites neither"),
    ("perflint 文档格式约定", "only input rules"),
])
def test_a_wrong_source_is_caught(source, wrong):
    found = problems("PF299", source, SOURCES)
    assert found and any(wrong in problem for problem in found), found


def test_a_citation_may_hold_semicolons_in_brackets():
    source = "实务：审核惯例（甲；乙）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：丙"
    assert citations(source) == ["实务：审核惯例（甲；乙）", "财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：丙"]
    assert problems("PF299", source, SOURCES) == []


def test_every_listed_document_and_practice_is_cited_and_repealed_ones_only_for_history():
    sources = " ".join(rule.doc.source for rule in RULES)
    for document in SOURCES.documents:
        key = document.number or document.title
        if document.replaced_by:
            assert key not in sources
            assert SOURCES.by_number(document.replaced_by) is not None
        else:
            assert key in sources, f"{key} is listed but no rule cites it"
    for practice in SOURCES.practices:
        assert PRACTICE + practice.name in sources, f"practice {practice.name} is listed but no rule cites it"


def _readme_sources_section() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    match = re.search(r"^## Sources\n(.*?)(?=^## )", readme, re.S | re.M)
    assert match, "README.md has no '## Sources' section"
    return match.group(1)


def test_readme_lists_every_document_and_practice():
    section = _readme_sources_section()
    for document in SOURCES.documents:
        assert (document.number or document.title) in section
        assert document.title in section
    for practice in SOURCES.practices:
        assert practice.name in section


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explain_sources_lists_each_document_with_the_rules_citing_it(lang):
    result = CliRunner().invoke(main, ["explain", "--sources", "--lang", lang], catch_exceptions=False)
    assert result.exit_code == 0
    blocks = result.output.split("\n\n")
    block_34 = next(b for b in blocks if b.startswith("中发〔2018〕34号"))
    assert "PF101" in block_34 and "PF224" in block_34
    block_10 = next(b for b in blocks if b.startswith("财预〔2020〕10号"))
    assert "PF224" in block_10
    block_285 = next(b for b in blocks if b.startswith("财预〔2011〕285号"))
    assert "财预〔2020〕10号" in block_285 and "PF" not in block_285.split("\n")[-1]
    for practice in SOURCES.practices:
        assert practice.name in result.output


def test_explain_shows_the_corrected_source():
    output = CliRunner().invoke(main, ["explain", "PF108"], catch_exceptions=False).output
    cited = output.split("依据:\n")[1].split("\n\n")[0]
    assert "财预〔2015〕88号" in cited and "细化量化" in cited
    assert "财政支出绩效评价管理办法" not in cited and "第十四条" not in cited


def test_explain_needs_a_rule_or_sources_but_not_both():
    runner = CliRunner()
    assert runner.invoke(main, ["explain"]).exit_code == 2
    assert runner.invoke(main, ["explain", "PF101", "--sources"]).exit_code == 2
