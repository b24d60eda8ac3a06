from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import strings
from perflint.analysis.structure import mentions_docno, year_problems


class DocnoYearFormat(Rule):
    code = "PF511"
    slug = "docno-year-format"
    category = Category.FORMAT
    severity = Severity.WARNING
    summary = Text("发文字号的年份未写全四位或未用括号括入", "A document number's year is not written in full in brackets")
    messages = {
        "default": Text("发文字号“{found}”的年份只写了两位，应写全四位并用六角括号括入：“{fixed}”",
                        "Document number {found!r} gives a two-digit year; write it in full, in 〔〕: {fixed!r}"),
        "fused": Text("发文字号“{found}”的年份与序号连在一起，无法分辨；应写作“{fixed}”",
                      "Document number {found!r} runs the year into the serial number; write {fixed!r}"),
    }
    doc = RuleDoc(
        what=Text("发文字号的年份只写两位（〔24〕），或没有括号、年份与序号直接连写（邯财社2018126号）。"
                  "年份括号的形状（[ ]、( ) 等）由 docno-bracket 报告。",
                  "A document number gives a two-digit year (〔24〕), or has no brackets with the year run into the "
                  "serial (邯财社2018126号). The shape of the brackets ([ ], ( ) …) is docno-bracket's finding."),
        why=Text("国家标准规定发文字号的年份应标全称，用六角括号〔〕括入；年份不全或与序号连写，引用的文件无法准确检索和核对。",
                 "The national standard writes the year in full, enclosed in 〔〕; a short or run-in year makes the "
                 "cited document impossible to look up reliably."),
        source="国家标准 GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号（年份标全称，用六角括号〔〕括入）",
    )

    def check(self, document, context):
        for pointer, value in strings(document):
            if not mentions_docno(value):
                continue
            for docno in year_problems(value, document.year):
                yield self.hit(pointer, "fused" if docno.problem == "fused" else "default",
                               found=docno.found, fixed=docno.fixed)
