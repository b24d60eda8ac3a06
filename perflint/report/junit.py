"""`--format junit`: JUnit XML, the test report GitLab merge requests and Jenkins display.

Each document is a `<testsuite>`. Each rule that found something in it is a `<testcase>`: failed, with
one `<failure>` listing every finding of that rule (the JUnit schema allows one failure per test case),
when the rule's findings reach `--fail-on`, as the exit status counts them; otherwise passing, with the
findings in its `<system-out>`. A document with no findings has one passing test case, as linters'
JUnit reports do. A document that could not be read has no quality score (its `readable` property is
false).
Passing rules are not listed: seventy test cases per document would bury the failures and make a
report of ten thousand documents hundreds of megabytes. The classname is `department.file`, so
Jenkins groups the documents by department. Suites are written as the documents stream past; the
root carries no totals, which would have to be known before the first document (CI tools add the
suites up themselves).
"""

from __future__ import annotations

from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from perflint.findings import Finding
from perflint.report.base import DocumentResult, Reporter
from perflint.report.escape import plain
from perflint.report.summary import UNKNOWN_DEPARTMENT

# XML 1.0 forbids some characters even escaped, and a damaged document can put them into a message.
def _text(value: object) -> str:
    return escape(plain(value))


def _attr(value: object) -> str:
    return quoteattr(plain(value))


def _body(findings: list[Finding]) -> str:
    return _text("\n".join(f"{f.path}:{f.place}: [{f.severity.value}] {f.message}  ({f.pointer or '/'})"
                           for f in findings))


def _failure(findings: list[Finding], lang: str) -> str:
    """One failure for all of a rule's findings: the first as its message, every one in its text."""
    first = findings[0]
    message = first.message
    if len(findings) > 1:
        lead = f"{len(findings)} findings; first: " if lang == "en" else f"共 {len(findings)} 处，首处："
        message = lead + message
    return f"      <failure message={_attr(message)} type={_attr(first.severity.value)}>{_body(findings)}</failure>\n"


class JunitReporter(Reporter):
    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<testsuites name="perflint {_text(context.version)}">\n')

    def document(self, result: DocumentResult) -> None:
        by_code: dict[str, list[Finding]] = defaultdict(list)
        for f in result.findings:
            by_code[f.code].append(f)
        department = result.department or UNKNOWN_DEPARTMENT[self.context.lang]
        # Jenkins splits a classname at its last dot into package and class: keep the file's dots out.
        classname = _attr(f"{department}.{result.path.replace('.', '_')}")
        fail_on = self.context.fail_on
        failing = {code for code, findings in by_code.items() if any(f.severity.fails(fail_on) for f in findings)}
        out = self.out
        out.write(f"  <testsuite name={_attr(result.path)} tests=\"{len(by_code) or 1}\" failures=\"{len(failing)}\" "
                  f"errors=\"0\" skipped=\"0\">\n")
        out.write("    <properties>\n")
        properties = [("department", department), ("year", result.year or ""),
                      ("readable", str(result.readable).lower()), ("projects", result.projects),
                      ("indicators", result.indicators)]
        if result.score is not None:
            properties.insert(3, ("score", result.score))
        for name, value in properties:
            out.write(f"      <property name=\"{name}\" value={_attr(value)}/>\n")
        out.write("    </properties>\n")
        for code in sorted(by_code):
            findings = by_code[code]
            content = (_failure(findings, self.context.lang) if code in failing
                       else f"      <system-out>{_body(findings)}</system-out>\n")
            out.write(f"    <testcase name={_attr(f'{code} {findings[0].rule}')} classname={classname}>\n"
                      f"{content}    </testcase>\n")
        if not by_code:
            out.write(f'    <testcase name="perflint" classname={classname}/>\n')
        out.write("  </testsuite>\n")

    def close(self) -> None:
        self.out.write("</testsuites>\n")
