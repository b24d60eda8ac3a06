"""`--format html`: one self-contained page for a reviewer: charts per department and per rule, the
documents ranked by score, a findings table that can be filtered, and the documentation of every
rule found, which each finding links to.

The findings are streamed into a JSON block as the documents are checked, and the page's own
script draws everything from it, so only counts are kept here while the documents stream past.
Each document is also shown as its tables, findings in place (perflint.report.document_view); those
tables are written to a temporary file as they come and copied into the page at the end, after the
findings table, so memory does not grow with the number of documents either.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections import Counter
from html import escape

from perflint.findings import Severity
from perflint.report import document_view
from perflint.report.base import PENALTY, DocumentResult, Reporter
from perflint.report.escape import plain
from perflint.report.html_assets import CSS, HEAD, SCRIPT, TEXT
from perflint.report.labels import LOW_SCORE, SEVERITY_LABEL
from perflint.report.summary import UNKNOWN_DEPARTMENT

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_INDEX = {s: i for i, s in enumerate(_SEVERITIES)}
_LANG = {"zh": "zh-CN", "en": "en"}


# One encoder for all documents: json.dumps with options builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _json(value) -> str:
    """JSON safe inside <script>: no "<", so no "</script>" or "<!--" can end the block early."""
    return _encode(value).replace("<", "\\u003c")


class HtmlReporter(Reporter):
    needs_view = True

    def __init__(self, out, context) -> None:
        super().__init__(out, context)
        self.text = {**TEXT[context.lang], **{s.value: label for s, label in SEVERITY_LABEL[context.lang].items()}}
        self.found: Counter = Counter()
        fields = {k: escape(v) for k, v in self.text.items()}
        fields.update(lang=_LANG[context.lang], version=escape(context.version), css=CSS + document_view.CSS)
        out.write(HEAD.substitute(fields))
        out.write('<script type="application/json" id="perflint-data">[')
        self.first = True
        self.documents = 0
        self.views = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8")
        self.viewed = False

    def document(self, result: DocumentResult) -> None:
        department = result.department or UNKNOWN_DEPARTMENT[self.context.lang]
        findings = []
        for f in result.findings:
            self.found[f.code] += 1
            line, column, _, _ = f.span
            findings.append([line, column, f.label and plain(f.label), f.code, _INDEX[f.severity],
                             plain(f.message), plain(f.pointer)])
        record = [plain(result.path), plain(department), result.score, findings]
        self.out.write(("\n" if self.first else ",\n") + _json(record))
        self.first = False
        if result.view:
            # The document's index in the data block is the one its anchors carry (view-3, n3-7, f3-7).
            self.views.write(document_view.render_html(self.documents, result.path, department, result.findings,
                                                       result.view, self.context.lang))
            self.viewed = True
        self.documents += 1

    def close(self) -> None:
        lang = self.context.lang
        rules = {code: [rule.slug, rule.summary.get(lang)] for code, rule in self.context.rules.items()}
        meta = {"text": self.text, "rules": rules, "low_score": LOW_SCORE}
        self.out.write("]</script>\n")
        self.out.write(f'<script type="application/json" id="perflint-meta">{_json(meta)}</script>\n')
        self._document_views()
        self.out.write(self._rule_docs())
        note = self.text["score_note"].format(**{s.value: PENALTY[s] for s in _SEVERITIES}) + " " + \
            self.text["unreadable_note"]
        self.out.write(f"<footer><p>{escape(note)}</p></footer>\n</main>\n")
        self.out.write(f"<script>{SCRIPT}</script>\n")
        if self.viewed:
            self.out.write(f"<script>{document_view.SCRIPT}</script>\n")
        self.out.write("</body>\n</html>\n")

    def _document_views(self) -> None:
        """The documents as tables, from the temporary file they were written to."""
        if self.viewed:
            lang = self.context.lang
            words = {**document_view.WORDS[lang], "open_up_to": document_view.OPEN_UP_TO}
            self.out.write(f'<script type="application/json" id="perflint-view-meta">{_json(words)}</script>\n')
            self.out.write(document_view.section_html(lang))
            self.views.seek(0)
            shutil.copyfileobj(self.views, self.out)
            self.out.write("</section>\n")
        self.views.close()

    def _rule_docs(self) -> str:
        """An anchor per rule found (#rule-PF501) with what it checks, why, and the source."""
        t, lang = self.text, self.context.lang
        parts = [f'<section id="rules">\n<h2>{escape(t["rules"])}</h2>\n']
        for code in sorted(self.found):
            rule = self.context.rules.get(code)
            if rule is None:
                continue
            category = rule.category.english if lang == "en" else rule.category.value
            rows = ((t["dimension"], category), (t["default_severity"], t[rule.severity.value]),
                    (t["what"], rule.doc.what.get(lang)), (t["why"], rule.doc.why.get(lang)),
                    (t["source"], rule.doc.source))
            items = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
            count = escape(t["in_report"].format(n=self.found[code]))
            parts.append(
                f'<article id="rule-{escape(code)}"><h3><span class="code">{escape(code)}</span>'
                f'{escape(rule.summary.get(lang))}<span class="slug">{escape(rule.slug)}</span></h3>'
                f"<dl>{items}</dl><p>{count} · "
                f'<a href="#findings" data-rule="{escape(code)}">{escape(t["show_rule"])}</a></p></article>\n')
        parts.append("</section>\n")
        return "".join(parts)
