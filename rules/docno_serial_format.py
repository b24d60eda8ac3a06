from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import strings
from perflint.analysis.structure import mentions_docno, serial_problems


class DocnoSerialFormat(Rule):
    code = "PF512"
    slug = "docno-serial-format"
    category = Category.FORMAT
    severity = Severity.INFO
    summary = Text("发文字号的序号加了“第”字或用 0 补位", "A document number's serial has 第 or leading zeros")
    messages = {
        "default": Text("发文字号“{found}”的序号前不加“第”字，应写作“{fixed}”",
                        "Document number {found!r} must not put 第 before the serial; write {fixed!r}"),
        "zero-padded": Text("发文字号“{found}”的序号不编虚位（不用 0 补位），应写作“{fixed}”",
                            "Document number {found!r} pads the serial with zeros; write {fixed!r}"),
        "di-zero-padded": Text("发文字号“{found}”的序号前不加“第”字、不编虚位（不用 0 补位），应写作“{fixed}”",
                               "Document number {found!r} puts 第 before the serial and pads it with zeros; "
                               "write {fixed!r}"),
    }
    doc = RuleDoc(
        what=Text("发文字号的序号前加了“第”字（〔2024〕第28号），或序号用 0 补位（〔2024〕028号）。"
                  "年份括号的形状由 docno-bracket 报告，年份写法由 docno-year-format 报告。",
                  "A document number puts 第 before the serial (〔2024〕第28号) or pads it with zeros "
                  "(〔2024〕028号). The brackets are docno-bracket's concern, the year docno-year-format's."),
        why=Text("国家标准规定发文顺序号不加“第”字，不编虚位；写法统一，引用的文件才能准确检索。",
                 "The national standard writes the serial without 第 and without padding zeros; a uniform form is "
                 "what makes a cited document easy to find."),
        source="国家标准 GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号（发文顺序号不加“第”字，不编虚位）",
    )

    def check(self, document, context):
        for pointer, value in strings(document):
            if not mentions_docno(value):
                continue
            for docno in serial_problems(value):
                yield self.hit(pointer, "default" if docno.problem == "di" else docno.problem,
                               found=docno.found, fixed=docno.fixed)
