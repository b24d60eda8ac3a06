"""`--format docx -o DIR`: the review opinion (审核意见) a finance bureau sends each department, one Word
document per department, in the register of a bureau returning a submission for revision (退回修改).

Each opinion has its title (关于XX单位2026年度项目支出绩效目标的审核意见), the department it is addressed
to, the round (the budget year), a conclusion (dimensions.conclusion: 退回修改 / 修改后通过 / 审核通过, with
the rule stated in the document), the documents reviewed, counts per review dimension and action, then
every finding once, grouped by document, by project and by review dimension (dimensions.py maps the
rule categories to 完整性, 相关性, 适当性 and 可行性), each with where it is (a table cell, a line) and the
message that says what to revise, and a line for the reviewer and the date.

Documents stream past in path order while a department's documents may be anywhere in it, so what an
opinion needs of each document (a few strings per finding) goes to a temporary file, and only its offset
is kept; the opinions are written at the end, one department at a time. Everything a document says is
stripped of characters Word files cannot hold or that could make text read other than it is stored.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional

from perflint.findings import Finding, Severity
from perflint.report import dimensions
from perflint.report.base import DocumentResult, Reporter
from perflint.report.dimensions import ACTION, CONCLUSION_NEXT, CONCLUSION_TEXT, DIMENSIONS, Conclusion
from perflint.report.document_view import ViewIndex
from perflint.report.escape import one_line, plain
from perflint.report.files import safe_stem, unique_name

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_DIMENSION_ORDER = {d.key: i for i, d in enumerate(DIMENSIONS)}

# File names: the department's name in them, or the fallback for documents that name none.
FILE_NAME = {"zh": ("审核意见-", "未注明部门"), "en": ("review-opinion-", "no-department")}

W = {
    "zh": {
        "title": "关于{who}{round}{scope}的审核意见",
        "scope_projects": "项目支出绩效目标", "scope_all": "部门整体和项目支出绩效目标",
        "round": "{years}年度", "no_department_title": "未注明部门的文件",
        "to": "{who}：", "to_unknown": "各有关单位：",
        "opening": "你单位报送的{round}{scope}（{files}份文件，{projects}个项目、{indicators}条绩效指标）已收悉。"
                   "参照{source}对绩效目标审核的要求，我局从完整性、相关性、适当性、可行性四个方面进行了审核，{found}"
                   "现将审核意见反馈如下。",
        "opening_unknown": "以下{files}份文件未注明所属部门（{projects}个项目、{indicators}条绩效指标）。"
                           "参照{source}对绩效目标审核的要求，我局从完整性、相关性、适当性、可行性四个方面进行了审核，{found}"
                           "请报送单位在文件中写明部门名称。现将审核意见反馈如下。",
        "found": "共发现问题{total}条，其中必须修改{error}条、应予修改{warning}条、建议完善{info}条。",
        "found_none": "未发现需要修改的问题。",
        "h_conclusion": "一、审核结论", "h_documents": "二、审核文件", "h_counts": "三、问题统计",
        "h_findings": "四、具体问题及修改意见", "h_next": "五、有关要求",
        "conclusion": "审核结论：{conclusion}。",
        "conclusion_rule": "（审核结论按问题的处理要求确定：有“必须修改”问题的，退回修改；没有“必须修改”、"
                           "有“应予修改”问题的，修改后通过；其余审核通过。）",
        "documents_head": ("序号", "文件", "年度", "项目数", "指标数", "问题数", "审核结论"),
        "counts_head": ("审核维度", "审核内容", "必须修改", "应予修改", "建议完善", "小计"),
        "total": "合计",
        "findings_head": ("序号", "审核维度", "位置", "问题及修改意见", "处理要求"),
        "file": "文件：{path}",
        "group_document": "文件整体", "group_overall": "部门整体绩效目标",
        "group_project": "项目“{name}”", "group_project_code": "（项目编码：{code}）",
        "unnamed_project": "第{n}个项目（未写项目名称）",
        "no_findings": "未发现需要修改的问题。",
        "next": {
            Conclusion.RETURN: "请按本意见逐条修改完善，并在规定时间内重新报送审核。",
            Conclusion.PASS_AFTER_REVISION: "请按本意见逐条修改完善后报送备案；确有理由不修改的，请书面说明。",
            Conclusion.PASS: "请按批复的绩效目标组织实施，做好绩效运行监控。",
        },
        "line": "第{line}行", "no_place": "—", "no_year": "—",
        "reviewer": "审核人：______________　　　　日期：________年____月____日",
        "generated": "本意见初稿由 perflint {version} 根据规则检查结果生成；位置中的“第N行”是所报送文件的行号，"
                     "“表N 第R行 第C列”“第N页”指所报送的 Word、Excel 或 PDF 文件。签发前请审核人逐条核实。",
        "wrote": "perflint：已在 {directory} 中写入 {n} 份审核意见",
        "sep": "、",
    },
    "en": {
        "title": "Review opinion on the {round}{scope} of {who}",
        "scope_projects": "project performance targets", "scope_all": "department-wide and project performance targets",
        "round": "{years} ", "no_department_title": "documents that name no department",
        "to": "To: {who}", "to_unknown": "To: the units concerned",
        "opening": "We have received the {round}{scope} you submitted ({files} file(s), {projects} project(s), "
                   "{indicators} indicator(s)). Following the review requirements of {source}, we reviewed them for "
                   "completeness, relevance, appropriateness and feasibility. {found} Our opinion follows.",
        "opening_unknown": "The {files} file(s) below name no department ({projects} project(s), {indicators} "
                           "indicator(s)). Following the review requirements of {source}, we reviewed them for "
                           "completeness, relevance, appropriateness and feasibility. {found} The submitting unit "
                           "should state its department in each file. Our opinion follows.",
        "found": "We found {total} point(s): {error} must be revised, {warning} to be revised, {info} suggested.",
        "found_none": "We found nothing that needs revising.",
        "h_conclusion": "1. Conclusion", "h_documents": "2. Documents reviewed", "h_counts": "3. Points by dimension",
        "h_findings": "4. Points and revisions", "h_next": "5. Next steps",
        "conclusion": "Conclusion: {conclusion}. ",
        "conclusion_rule": "(The conclusion follows from the points: with any that must be revised, the targets are "
                           "returned for revision; with points to be revised and none that must be, they pass once "
                           "revised; otherwise they pass.)",
        "documents_head": ("No.", "File", "Year", "Projects", "Indicators", "Points", "Conclusion"),
        "counts_head": ("Dimension", "What is reviewed", "Must be revised", "To be revised", "Suggested", "Subtotal"),
        "total": "Total",
        "findings_head": ("No.", "Dimension", "Where", "Point and revision", "Action"),
        "file": "File: {path}",
        "group_document": "The file as a whole", "group_overall": "Department-wide targets",
        "group_project": "Project \u201c{name}\u201d", "group_project_code": " (code {code})",
        "unnamed_project": "Project {n} (no name given)",
        "no_findings": "Nothing needs revising.",
        "next": {
            Conclusion.RETURN: "Revise each point as set out above and submit the targets again for review by the "
                               "date required.",
            Conclusion.PASS_AFTER_REVISION: "Revise each point as set out above and file the revised targets; where "
                                            "a point stands, explain why in writing.",
            Conclusion.PASS: "Carry out the approved targets and monitor their progress.",
        },
        "line": "line {line}", "no_place": "—", "no_year": "—",
        "reviewer": "Reviewer: ______________        Date: ______________",
        "generated": "Drafted by perflint {version} from its rule checks; \u201cline N\u201d is a line of the file "
                     "submitted, \u201c表N 第R行 第C列\u201d or \u201c第N页\u201d a place in the Word, Excel or PDF file "
                     "submitted. The reviewer should verify each point before the opinion is sent.",
        "wrote": "perflint: wrote {n} review opinion(s) to {directory}",
        "sep": ", ",
    },
}

# Fonts of Chinese official documents (GB/T 9704): titles in 小标宋, headings in 黑体 and 楷体, the text in
# 仿宋; Word and LibreOffice substitute what a computer lacks.
FONTS = {"title": "方正小标宋简体", "heading": "黑体", "subheading": "楷体", "body": "仿宋", "table": "宋体",
         "latin": "Times New Roman"}


def _cn_number(n: int) -> str:
    """一, 二 … 十, 十一 … 九十九, 一百 … for the headings' （一） numbering."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + _cn_number(rest) if rest < 10 else
                                    _cn_number(rest) if rest >= 20 else "一" + _cn_number(rest))
        return digits[n // 100] + "百" + tail
    return str(n)


def _group_number(n: int, lang: str) -> str:
    return f"（{_cn_number(n)}）" if lang == "zh" else f"4.{n} "


class OpinionReporter(Reporter):
    binary = True
    needs_view = True
    directory = True

    def __init__(self, out: Path, context) -> None:
        super().__init__(out, context)
        self.directory_path = Path(out)
        self.spool = tempfile.TemporaryFile()
        self.offsets: dict[Optional[str], list[int]] = {}
        self.written: list[Path] = []

    # Collecting ------------------------------------------------------------------------------------

    def document(self, result: DocumentResult) -> None:
        record = self._record(result)
        department = one_line(result.department) if result.department else ""
        self.spool.seek(0, os.SEEK_END)
        self.offsets.setdefault(department or None, []).append(self.spool.tell())
        self.spool.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")

    def _record(self, result: DocumentResult) -> dict:
        """What an opinion needs of one document: its figures and each finding, placed and grouped."""
        lang = self.context.lang
        index = ViewIndex(result.view) if result.view else None
        sections = result.view["sections"] if result.view else []
        groups: dict[int, dict] = {}
        for finding in result.findings:
            place = index.locate(finding.pointer) if index else None
            s = place.section if place is not None else 0
            if s not in groups:
                section = sections[s] if s < len(sections) else {"kind": "document", "title": None, "code": None}
                groups[s] = {"kind": section["kind"], "title": section.get("title"), "code": section.get("code"),
                             "number": s, "findings": []}
            where = index.describe(place, lang) if index else ""
            groups[s]["findings"].append([self._dimension(finding), finding.severity.value,
                                          finding.code, self._place(finding, where), plain(finding.message)])
        projects_before = sum(1 for section in sections if section["kind"] != "project")
        ordered = []
        for s in sorted(groups):
            group = groups[s]
            group["number"] = s - projects_before + 1  # the project's place in its document
            group["findings"].sort(key=lambda f: _DIMENSION_ORDER[f[0]])  # stable: each dimension in order
            ordered.append(group)
        return {"path": one_line(result.path), "year": result.year, "projects": result.projects,
                "indicators": result.indicators, "overall": any(x["kind"] == "overall" for x in sections),
                "counts": [sum(1 for f in result.findings if f.severity is sev) for sev in _SEVERITIES],
                "groups": ordered}

    def _dimension(self, finding: Finding) -> str:
        rule = self.context.rules.get(finding.code)
        return dimensions.dimension_of(getattr(rule, "category", None)).key

    def _place(self, finding: Finding, where: str) -> str:
        words = W[self.context.lang]
        if finding.label:
            at = one_line(finding.label)
        elif finding.has_lines:
            at = words["line"].format(line=finding.line)
        else:
            at = ""
        return " · ".join(part for part in (at, where) if part) or words["no_place"]

    def _records(self, offsets: Iterable[int]) -> list[dict]:
        records = []
        for offset in offsets:
            self.spool.seek(offset)
            records.append(json.loads(self.spool.readline().decode("utf-8")))
        return records

    # Writing ---------------------------------------------------------------------------------------

    def close(self) -> None:
        lang = self.context.lang
        prefix, fallback = FILE_NAME[lang]
        taken: set = set()
        # Departments in name order, the documents that name none last.
        for department in sorted(self.offsets, key=lambda d: (d is None, d or "")):
            records = self._records(self.offsets[department])
            name = unique_name(safe_stem(department, fallback, prefix), ".docx", taken)
            target = self.directory_path / name
            document = _Opinion(department, records, lang, self.context.version).build()
            # Saved beside its final name, then renamed: a reader never sees half an opinion. (Not mkstemp:
            # its file would keep mode 0600, where an opinion is as readable as any file the user makes.)
            temporary = self.directory_path / f".{name}.{os.getpid()}.tmp"
            try:
                document.save(str(temporary))
                os.replace(temporary, target)
            finally:
                if temporary.exists():
                    temporary.unlink()
            self.written.append(target)
            # A python-docx document is a web of cycles (package, parts, their proxies): collected now, or
            # each opinion's few megabytes stay until the collector, set to run rarely in a batch, gets to them.
            del document
            gc.collect()
        self.spool.close()
        print(W[lang]["wrote"].format(n=len(self.written), directory=self.directory_path), file=sys.stderr)


class _Opinion:
    """One department's opinion as a python-docx Document."""

    def __init__(self, department: Optional[str], records: list[dict], lang: str, version: str) -> None:
        self.department, self.records, self.lang, self.version = department, records, lang, version
        self.w = W[lang]
        self.counts = Counter()  # (dimension, severity) → findings
        for record in records:
            for group in record["groups"]:
                for dimension, severity, *_ in group["findings"]:
                    self.counts[dimension, severity] += 1
        self.severities = {Severity(severity) for (_, severity) in self.counts}

    def text(self, key: str, **args: Any) -> str:
        return self.w[key].format(**args)

    # The wording ----------------------------------------------------------------------------------

    def round(self) -> str:
        years = sorted({r["year"] for r in self.records if r["year"] is not None})
        if not years:
            return ""
        return self.text("round", years=self.w["sep"].join(str(y) for y in years))

    def scope(self) -> str:
        return self.w["scope_all"] if any(r["overall"] for r in self.records) else self.w["scope_projects"]

    def title(self) -> str:
        who = self.department or self.w["no_department_title"]
        if self.lang == "zh" and self.department is None:
            return f"关于{self.round()}{self.scope()}的审核意见（{who}）"
        return self.text("title", who=who, round=self.round(), scope=self.scope())

    def found(self) -> str:
        total = sum(self.counts.values())
        if not total:
            return self.w["found_none"]
        by = Counter()
        for (_, severity), n in self.counts.items():
            by[severity] += n
        return self.text("found", total=total, error=by["error"], warning=by["warning"], info=by["info"])

    def opening(self) -> str:
        args = dict(files=len(self.records), projects=sum(r["projects"] for r in self.records),
                    indicators=sum(r["indicators"] for r in self.records), source=dimensions.SOURCE.get(self.lang),
                    found=self.found(), round=self.round(), scope=self.scope())
        return self.text("opening" if self.department else "opening_unknown", **args)

    # The document ---------------------------------------------------------------------------------

    def build(self):
        from docx import Document

        self.doc = Document()
        _page(self.doc)
        _styles(self.doc)
        self.doc.core_properties.title = self.title()
        self.doc.core_properties.author = "perflint"
        self.doc.core_properties.subject = self.department or ""
        conclusion = dimensions.conclusion(self.severities)

        self.paragraph(self.title(), "PL Title")
        self.paragraph(self.text("to", who=self.department) if self.department else self.w["to_unknown"],
                       "PL Address")
        self.paragraph(self.opening(), "PL Body")

        self.paragraph(self.w["h_conclusion"], "PL Heading")
        para = self.paragraph("", "PL Body")
        para.add_run(self.text("conclusion", conclusion=CONCLUSION_TEXT[conclusion].get(self.lang))).bold = True
        para.add_run(CONCLUSION_NEXT[conclusion].get(self.lang))
        self.paragraph(self.w["conclusion_rule"], "PL Note")

        self.paragraph(self.w["h_documents"], "PL Heading")
        self.documents_table()

        self.paragraph(self.w["h_counts"], "PL Heading")
        self.counts_table()

        self.paragraph(self.w["h_findings"], "PL Heading")
        self.findings()

        self.paragraph(self.w["h_next"], "PL Heading")
        self.paragraph(self.w["next"][conclusion], "PL Body")

        self.paragraph("", "PL Body")
        self.paragraph(self.w["reviewer"], "PL Signature")
        self.paragraph(self.text("generated", version=self.version), "PL Note")
        return self.doc

    def paragraph(self, text: str, style: str):
        paragraph = self.doc.add_paragraph(plain(text))
        paragraph._p.style = self.doc.styles[style].style_id  # the style setter walks every style each time
        return paragraph

    def documents_table(self) -> None:
        rows = []
        for n, record in enumerate(self.records, 1):
            found = {Severity(s) for s, count in zip((s.value for s in _SEVERITIES), record["counts"]) if count}
            rows.append((str(n), record["path"], str(record["year"]) if record["year"] is not None else self.w["no_year"],
                         str(record["projects"]), str(record["indicators"]), str(sum(record["counts"])),
                         CONCLUSION_TEXT[dimensions.conclusion(found)].get(self.lang)))
        _table(self.doc, self.w["documents_head"], rows, (1.2, 5.0, 1.5, 1.6, 1.6, 1.6, 3.1), numeric=(0, 2, 3, 4, 5))

    def counts_table(self) -> None:
        rows, totals = [], Counter()
        for d in DIMENSIONS:
            numbers = [self.counts[d.key, s.value] for s in _SEVERITIES]
            totals.update({s: n for s, n in zip(_SEVERITIES, numbers)})
            rows.append((d.name.get(self.lang), d.scope.get(self.lang), *map(str, numbers), str(sum(numbers))))
        rows.append((self.w["total"], "", *(str(totals[s]) for s in _SEVERITIES), str(sum(totals.values()))))
        _table(self.doc, self.w["counts_head"], rows, (2.0, 5.6, 2.0, 2.0, 2.0, 2.0), numeric=(2, 3, 4, 5))

    def findings(self) -> None:
        if not any(group["findings"] for record in self.records for group in record["groups"]):
            self.paragraph(self.w["no_findings"], "PL Body")
            return
        n = 0
        for record in self.records:
            if not record["groups"]:
                continue
            if len(self.records) > 1:
                self.paragraph(self.text("file", path=record["path"]), "PL File")
            for group in record["groups"]:
                n += 1
                self.paragraph(_group_number(n, self.lang) + self.group_title(group), "PL Subheading")
                self.group_table(group["findings"])

    def group_title(self, group: dict) -> str:
        if group["kind"] == "document":
            return self.w["group_document"]
        if group["kind"] == "overall":
            return self.w["group_overall"]
        name = one_line(group["title"]) if group["title"] else ""
        title = self.text("group_project", name=name) if name else self.text("unnamed_project", n=group["number"])
        if group["code"]:
            title += self.text("group_project_code", code=one_line(group["code"]))
        return title

    def group_table(self, findings: list) -> None:
        names = {d.key: d.name.get(self.lang) for d in DIMENSIONS}
        rows = [(str(i), names[dimension] if i == 1 or findings[i - 2][0] != dimension else "", place, message,
                 ACTION[Severity(severity)].get(self.lang))
                for i, (dimension, severity, code, place, message) in enumerate(findings, 1)]
        table = _table(self.doc, self.w["findings_head"], rows, (1.2, 2.0, 3.4, 7.0, 2.0), numeric=(0,))
        # One dimension cell over the rows of that dimension, as a reviewer's table groups them (the cells
        # below the first are left empty, so merging adds nothing to its text).
        start = 0
        for end in range(1, len(findings) + 1):
            if end == len(findings) or findings[end][0] != findings[start][0]:
                if end - start > 1:
                    table.cell(start + 1, 1).merge(table.cell(end, 1))
                start = end


# python-docx helpers ---------------------------------------------------------------------------------

def _page(doc) -> None:
    """A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm)."""
    from docx.shared import Mm

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _font(style_or_run, east_asia: str, size: Optional[float] = None, bold: Optional[bool] = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = style_or_run.font
    font.name = FONTS["latin"]
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    element = style_or_run.element if hasattr(style_or_run, "element") else style_or_run._element
    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)


def _styles(doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    def make(name, font, size, bold=False, align=None, indent=False, before=0, after=0, line=None):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        _font(style, font, size, bold)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if line:
            fmt.line_spacing = Pt(line)
        if align is not None:
            fmt.alignment = align
        if indent:
            fmt.first_line_indent = Pt(size * 2)  # two characters, as official documents indent
        return style

    _font(doc.styles["Normal"], FONTS["body"], 16)
    make("PL Title", FONTS["title"], 22, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, after=18, line=36)
    make("PL Address", FONTS["body"], 16, before=6, after=6, line=28)
    make("PL Body", FONTS["body"], 16, indent=True, line=28)
    make("PL Heading", FONTS["heading"], 16, indent=True, before=8, after=4, line=28)
    make("PL Subheading", FONTS["subheading"], 16, indent=True, before=6, after=4, line=28)
    make("PL File", FONTS["subheading"], 14, bold=True, before=8, after=2)
    make("PL Signature", FONTS["body"], 16, align=WD_ALIGN_PARAGRAPH.RIGHT, before=18, after=6, line=28)
    note = make("PL Note", FONTS["body"], 10.5, before=2, after=6)
    note.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    make("PL Cell", FONTS["table"], 10.5, line=15)
    make("PL Head", FONTS["heading"], 10.5, align=WD_ALIGN_PARAGRAPH.CENTER, line=15)


def _table(doc, headers: tuple, rows: list, widths_cm: tuple, numeric: tuple = ()):
    """A ruled table with a shaded header row repeated on each page. The widths add up to the 15.6 cm
    between the margins; a column is at least as wide as its header in 五号 (10.5 pt) characters."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table = doc.add_table(rows=1 + len(rows), cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for i, width in enumerate(widths_cm):
        table.columns[i].width = Cm(width)
    # Style ids set on the paragraphs directly, and each row's cells read once: python-docx's style setter
    # and table.cell(r, c) each walk the whole document or table, which makes a long table quadratic.
    head, body = doc.styles["PL Head"].style_id, doc.styles["PL Cell"].style_id
    for r, (row, values) in enumerate(zip(table.rows, [headers, *rows])):
        for c, (cell, value) in enumerate(zip(row.cells, values)):
            cell.width = Cm(widths_cm[c])
            paragraph = cell.paragraphs[0]
            paragraph._p.style = head if r == 0 else body
            if value:
                paragraph.add_run(plain(value))
            if r and c in numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header = table.rows[0]
    properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
    for cell in header.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), "D9E2F3")
        cell._tc.get_or_add_tcPr().append(shading)
    return table
