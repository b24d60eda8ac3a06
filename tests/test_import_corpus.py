"""The real corpus: every published text imports, its indicator rows, values and units read as the
hand transcription has them, and its findings are those of the transcription.

Each corpus/real/<id>/ holds `published.txt` (the text as published) and `document.yaml` (a careful
transcription). Run this file as a script for the per-document figures:

    python tests/test_import_corpus.py
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from perflint.check import active_rules
from perflint.config import Settings
from perflint.engine.runner import lint
from perflint.load import load_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "real"
DOCUMENTS = sorted(p.name for p in CORPUS.iterdir() if (p / "published.txt").exists()) if CORPUS.exists() else []
RULES = active_rules(Settings())
# What only an importer reports (a row it skipped, a field it inferred): a transcription cannot have these.
IMPORT_ONLY = re.compile(r"^PF02\d$")
ACCURACY_TARGET = 0.95

# Where the transcription made a judgement call the text does not support, or the text lacks what the
# transcriber took from elsewhere; the reason is the document.yaml header's (see the closing note of issue 11).
# Accuracy is still measured for these; only their findings are allowed to differ.
FINDINGS_EXCEPTIONS: dict[str, str] = {
    "anhui-jinan-canlian-2023": "the excerpt ends inside the row 验收合格率 | 1, which has every cell (the value is "
                                "cut after its first digit): nothing in the text says it is cut, so it is read",
    "chongqing-rongchang-linye-2022": "the transcription keeps the excerpt's last row (时效指标, its cells stopping one "
                                      "column short) as an indicator left empty; the importer leaves such a cut row "
                                      "out, as the transcription of anhui-jinan-tiyu-2025 does with the same row",
    "fujian-xiuyu-shuili-2025": "one table with a value column per place; the transcription made two projects "
                                "and took their amounts from another table",
    "hebei-handan-minzheng-2019": "traditional characters and a 優/良/中/差 grading header; the department is "
                                  "the transcriber's inference from a document number",
    "hebei-ningjin-jiaoyu-2019": "the transcription reads the columns by their content (评价内容 as 一级指标, "
                                 "指标名称 as 二级指标, 指标说明 as 三级指标), not by their headers",
    "hubei-ezhou-jiguanshiwu-2022": "the department (鄂州市机关事务服务中心) is named nowhere in the text: the "
                                    "transcriber put the city of the title and the 三定方案 of 立项依据 together",
    "neimenggu-zhalaite-jianchayuan-2025": "the year is not in the text (the transcriber took it from the "
                                           "publication date of the web page)",
    "ningxia-tongxin-nongye-2025": "indicators written as numbered prose in a letter, not as a table: not read",
    "hunan-nanyue-shiyanzhongxue-2017": "the excerpt ends inside the last prose cell (社区满意度95%以上,家长满), "
                                        "which has every cell: nothing in the text says it is cut, so it is read",
}
# Below the accuracy target, with the reason (the same judgement calls as above).
ACCURACY_EXCEPTIONS = {name: FINDINGS_EXCEPTIONS[name] for name in (
    "chongqing-rongchang-linye-2022", "fujian-xiuyu-shuili-2025", "hebei-handan-minzheng-2019",
    "hebei-ningjin-jiaoyu-2019", "ningxia-tongxin-nongye-2025")}
# The measured level (18 of 27): a floor, so the importer does not slip back. The target is 25 of 27.
EQUAL_AT_LEAST = 18


def _plain(text) -> str:
    """Text compared without whitespace: a PDF extractor's spaces between Chinese characters are not content."""
    return "" if text is None else re.sub(r"\s+", "", str(text))


def _lists(document):
    """(pointer, indicators) of every indicator table of a document."""
    if document.overall is not None and document.overall.indicators:
        yield "/overall/indicators", document.overall.indicators
    for i, project in enumerate(document.projects):
        yield f"/projects/{i}/indicators", project.indicators
        yield f"/projects/{i}/midterm_indicators", project.midterm_indicators


@dataclass
class Accuracy:
    rows: int = 0
    values: int = 0
    units: int = 0
    total: int = 0  # rows in the transcription; each is checked for its row, its value and its unit

    @property
    def score(self) -> float:
        return 1.0 if not self.total else (self.rows + self.values + self.units) / (3 * self.total)


def accuracy(transcribed, imported) -> Accuracy:
    """How many of the transcription's indicator rows, values and units the import has at the same place."""
    found = dict(_lists(imported)) if imported is not None else {}
    result = Accuracy()
    for pointer, rows in _lists(transcribed):
        mine = found.get(pointer, [])
        for index, row in enumerate(rows):
            result.total += 1
            if index >= len(mine):
                continue
            other = mine[index]
            result.rows += all(_plain(getattr(row, f)) == _plain(getattr(other, f)) for f in ("level1", "level2", "name"))
            result.values += _plain(row.op) + _plain(row.value) == _plain(other.op) + _plain(other.value)
            result.units += _plain(row.constraint.unit) == _plain(other.constraint.unit)
    return result


def findings(loaded) -> list[tuple[str, str]]:
    return sorted((f.code, f.pointer) for f in lint(loaded, RULES) if not IMPORT_ONLY.match(f.code))


def measure(name: str):
    folder = CORPUS / name
    transcribed = load_path(str(folder / "document.yaml"))
    imported = load_path(str(folder / "published.txt"))
    return accuracy(transcribed.document, imported.document), findings(transcribed), findings(imported), imported


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_published_text_imports_as_transcribed(name):
    result, _, _, imported = measure(name)
    if name in ACCURACY_EXCEPTIONS:
        pytest.xfail(ACCURACY_EXCEPTIONS[name])
    assert imported.document is not None
    assert result.score >= ACCURACY_TARGET, (result, [p.rule for p in imported.problems])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_imported_text_has_the_findings_of_its_transcription(name):
    _, expected, actual, _ = measure(name)
    if name in FINDINGS_EXCEPTIONS:
        assert actual != expected, f"{name} now matches: take it off the exceptions"
        pytest.xfail(FINDINGS_EXCEPTIONS[name])
    assert actual == expected


def test_findings_are_equal_for_at_least_the_measured_share():
    assert len(DOCUMENTS) == 27
    equal = sum(measure(name)[1] == measure(name)[2] for name in DOCUMENTS)
    assert equal >= EQUAL_AT_LEAST
    assert equal + len(FINDINGS_EXCEPTIONS) == len(DOCUMENTS)  # every difference is listed with its reason


def main() -> None:
    equal = 0
    print(f"{'document':40} {'rows':>5} {'read':>5} {'values':>6} {'units':>5} {'score':>6}  findings")
    for name in DOCUMENTS:
        result, expected, actual, _ = measure(name)
        same = actual == expected
        equal += same
        difference = "" if same else (f"-{sorted(set(expected) - set(actual))} +{sorted(set(actual) - set(expected))}")
        print(f"{name:40} {result.total:5} {result.rows:5} {result.values:6} {result.units:5} {result.score:6.1%}  "
              f"{'equal' if same else 'differ ' + difference}")
    print(f"findings equal for {equal} of {len(DOCUMENTS)} documents ({equal / len(DOCUMENTS):.0%})")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
