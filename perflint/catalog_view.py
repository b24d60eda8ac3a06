"""The rule catalog as people read it: `perflint rules` and `perflint explain`."""

from __future__ import annotations

from typing import Iterable

from perflint.engine.rule import Rule

_HEADERS = {
    "zh": ("代码", "名称", "类别", "默认级别", "说明"),
    "en": ("Code", "Rule", "Category", "Severity", "Summary"),
}
_SECTIONS = {
    "zh": ("检查内容", "为何重要", "依据", "反例", "正例", "选项", "无"),
    "en": ("What it checks", "Why it matters", "Source", "Failing example", "Passing example", "Options", "none"),
}


def _category(rule: type[Rule], lang: str) -> str:
    return rule.category.english if lang == "en" else rule.category.value


def rules_json(rules: Iterable[type[Rule]], lang: str) -> list[dict]:
    return [
        {"code": r.code, "slug": r.slug, "category": _category(r, lang), "severity": r.severity.value,
         "summary": r.summary.get(lang)}
        for r in rules
    ]


def rules_table(rules: Iterable[type[Rule]], lang: str) -> str:
    from tabulate import tabulate

    rows = [(r["code"], r["slug"], r["category"], r["severity"], r["summary"]) for r in rules_json(rules, lang)]
    return tabulate(rows, headers=_HEADERS[lang], tablefmt="simple")


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def explain_rule(rule: type[Rule], lang: str) -> str:
    what, why, source, bad, good, options, none = _SECTIONS[lang]
    lines = [f"{rule.code} {rule.slug}: {rule.summary.get(lang)}",
             f"[{_category(rule, lang)}] [{rule.severity.value}]", "",
             f"{what}:", _indent(rule.doc.what.get(lang)), "",
             f"{why}:", _indent(rule.doc.why.get(lang)), "",
             f"{source}:", _indent(rule.doc.source), "",
             f"{bad}:", _indent(rule.doc.bad), "",
             f"{good}:", _indent(rule.doc.good), "",
             f"{options}:"]
    if rule.options:
        lines += [f"    {name} = {opt.default!s}  # {opt.help.get(lang)}" for name, opt in rule.options.items()]
    else:
        lines.append(f"    {none}")
    return "\n".join(lines)
