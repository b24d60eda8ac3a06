"""The rule catalog as people read it: `perflint rules` and `perflint explain`."""

from __future__ import annotations

from typing import Iterable

from perflint.engine.rule import Rule
from perflint.sources import PRACTICE, Document, Practice, citations, load_sources

_HEADERS = {
    "zh": ("代码", "名称", "类别", "默认级别", "可修复", "说明"),
    "en": ("Code", "Rule", "Category", "Severity", "Fix", "Summary"),
}
_SECTIONS = {
    "zh": ("检查内容", "为何重要", "依据", "反例", "正例", "选项", "无", "报告位置", "真实文本实测"),
    "en": ("What it checks", "Why it matters", "Source", "Failing example", "Passing example", "Options", "none",
           "reported at", "Measured on real documents"),
}
_OPT_IN = {"zh": "默认不启用：在 select 中写明本规则的代码或名称才会运行（ALL、类别和代码前缀不包括它）。",
           "en": "Off by default: it runs only when select names its code or slug (ALL, categories and code "
                 "prefixes leave it out)."}
_FIXABLE = {"zh": "可用 perflint check --fix 自动修复（只改符号和写法，不改数字和措辞）。",
            "en": "Fixable with perflint check --fix (symbols and spelling only; never numbers or wording)."}


def _category(rule: type[Rule], lang: str) -> str:
    return rule.category.english if lang == "en" else rule.category.value


def rules_json(rules: Iterable[type[Rule]], lang: str) -> list[dict]:
    return [
        {"code": r.code, "slug": r.slug, "category": _category(r, lang), "severity": r.severity.value,
         "fixable": r.fixable, "opt_in": r.opt_in, "summary": r.summary.get(lang)}
        for r in rules
    ]


def rules_table(rules: Iterable[type[Rule]], lang: str) -> str:
    from tabulate import tabulate

    off = {"zh": "（默认不启用）", "en": " (opt-in)"}[lang]
    rows = [(r["code"], r["slug"], r["category"], r["severity"], "✓" if r["fixable"] else "",
             r["summary"] + (off if r["opt_in"] else ""))
            for r in rules_json(rules, lang)]
    return tabulate(rows, headers=_HEADERS[lang], tablefmt="simple")


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def _examples(rule: type[Rule], lang: str) -> tuple[str, str]:
    """The first failing and the first passing of the rule's own test cases."""
    from perflint.testing import cases_path, load_cases

    path = cases_path(rule)
    cases = [c for c in load_cases(path) if c.rule in (rule.code, rule.slug)] if path.exists() else []
    failing = next((c for c in cases if c.fails), None)
    passing = next((c for c in cases if not c.fails), None)
    where = _SECTIONS[lang][7]
    bad = rule.doc.bad
    if failing is not None:
        spots = ", ".join((f"{e['document']} " if "document" in e else "") + f"{e['line']}:{e['column']}"
                          for e in failing.expect)
        bad = f"# {failing.name} ({where} {spots})\n{failing.text.rstrip()}"
    good = f"# {passing.name}\n{passing.text.rstrip()}" if passing is not None else rule.doc.good
    return bad, good


def _measured(rule: type[Rule], lang: str) -> str:
    """The rule's findings on the real corpus as judged (rules/measured.yaml, made by corpus/ecosystem.py)."""
    from perflint.analysis.data import load_package_data

    data = load_package_data("perflint.rules", "measured.yaml")
    documents = data["documents"]
    counts = data["rules"].get(rule.code)
    if not counts:
        return (f"{documents} 份真实文本中没有出现" if lang == "zh"
                else f"no finding on the {documents} real documents")
    right, wrong, debatable = counts["right"], counts["wrong"], counts["debatable"]
    share = f"{right * 100 / (right + wrong):.0f}%" if right + wrong else "–"
    if lang == "zh":
        return f"{documents} 份真实文本：正确 {right}、错误 {wrong}、存疑 {debatable}，精确率 {share}"
    return f"{documents} real documents: {right} right, {wrong} wrong, {debatable} debatable; precision {share}"


def explain_rule(rule: type[Rule], lang: str) -> str:
    what, why, source, bad, good, options, none, _, measured = _SECTIONS[lang]
    bad_example, good_example = _examples(rule, lang)
    lines = [f"{rule.code} {rule.slug}: {rule.summary.get(lang)}",
             f"[{_category(rule, lang)}] [{rule.severity.value}]", "",
             f"{what}:", _indent(rule.doc.what.get(lang)), *([_indent(_FIXABLE[lang])] if rule.fixable else []),
             *([_indent(_OPT_IN[lang])] if rule.opt_in else []), "",
             f"{why}:", _indent(rule.doc.why.get(lang)), "",
             f"{source}:", _indent("\n".join(citations(rule.doc.source))), "",
             f"{measured}:", _indent(_measured(rule, lang)), "",
             f"{bad}:", _indent(bad_example), "",
             f"{good}:", _indent(good_example), "",
             f"{options}:"]
    if rule.options:
        lines += [f"    {name} = {opt.default!s}  # {opt.help.get(lang)}" for name, opt in rule.options.items()]
    else:
        lines.append(f"    {none}")
    return "\n".join(lines)


_SOURCE_WORDS = {
    "zh": {"documents": "规则依据的文件（{n} 份）", "practices": "实务依据（{n} 项；规则的依据中写作“实务：…”，不是法规）",
           "takes": "perflint 据以", "checked": "核对情况", "cited": "引用的规则", "what": "内容", "evidence": "所据",
           "repealed": "已废止，由 {by} 替代；规则不再引用", "none": "无", "colon": "："},
    "en": {"documents": "Documents the rules cite ({n})",
           "practices": "Practices ({n}; cited as 实务：… in a rule's source; not law)",
           "takes": "What perflint takes", "checked": "Checked", "cited": "Cited by", "what": "What",
           "evidence": "Evidence", "repealed": "Repealed, replaced by {by}; no rule cites it", "none": "none",
           "colon": ": "},
}


def _field(words: dict[str, str], name: str, value: str) -> str:
    return _indent(f"{words[name]}{words['colon']}{value}")


def _citing(rules: list[type[Rule]], mark: str, words: dict[str, str]) -> str:
    return " ".join(r.code for r in rules if mark in r.doc.source) or words["none"]


def _document_lines(document: Document, rules: list[type[Rule]], lang: str) -> list[str]:
    words = _SOURCE_WORDS[lang]
    number = f"{document.number}  " if document.number else ""
    date = f"（{document.date}）" if document.date else ""
    lines = [f"{number}{document.issuer}《{document.title}》{date}"]
    if document.replaced_by:
        lines.append(_indent(words["repealed"].format(by=document.replaced_by)))
    return lines + [_field(words, "takes", document.takes.get(lang)),
                    _field(words, "checked", document.checked.get(lang)),
                    _field(words, "cited", _citing(rules, document.number or document.title, words)), ""]


def _practice_lines(practice: Practice, rules: list[type[Rule]], lang: str) -> list[str]:
    words = _SOURCE_WORDS[lang]
    return [practice.name, _field(words, "what", practice.what.get(lang)),
            _field(words, "evidence", practice.evidence.get(lang)),
            _field(words, "cited", _citing(rules, PRACTICE + practice.name, words)), ""]


def explain_sources(rules: Iterable[type[Rule]], lang: str) -> str:
    """Every document and practice the rules' sources cite (rules/sources.yaml), with the rules citing each."""
    rules = list(rules)
    sources, words = load_sources(), _SOURCE_WORDS[lang]
    lines = [words["documents"].format(n=len(sources.documents)), ""]
    for document in sources.documents:
        lines += _document_lines(document, rules, lang)
    lines += [words["practices"].format(n=len(sources.practices)), ""]
    for practice in sources.practices:
        lines += _practice_lines(practice, rules, lang)
    return "\n".join(lines).rstrip()
