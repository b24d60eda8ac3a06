import re

from perflint.engine.rule import Category, Edit, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import strings
from perflint.analysis.structure import mentions_docno

# An issuer's abbreviation, a year in some bracket, a serial number and 号 (GB/T 9704-2012 §7.2.5).
# Only look-alike brackets are matched: 〔〕 is the correct form.
_DOCNO = re.compile(
    r"(?:依据|根据|按照|依照|参照|详见|见)?(?P<org>[\u4e00-\u9fff]{1,10}?)(?P<open>[\[［【(（﹝〖])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[\]］】)）﹞〗])\s*(?P<num>\d+)\s*号"
)


class DocnoBracket(Rule):
    code = "PF501"
    slug = "docno-bracket"
    category = Category.FORMAT
    severity = Severity.WARNING
    fixable = True
    summary = Text("发文字号的年份未用六角括号〔〕", "A document number's year is not in 〔〕 brackets")
    messages = {
        "default": Text("发文字号“{found}”的年份应使用六角括号〔〕，写作“{fixed}”",
                        "Document number {found!r} must enclose its year in 〔〕: {fixed!r}"),
    }
    doc = RuleDoc(
        what=Text("发文字号的年份写在方括号 [ ]、圆括号 ( )、【】或形近的﹝﹞中。",
                  "A document number's year is enclosed in [ ], ( ), 【】 or the look-alike ﹝﹞."),
        why=Text("国家标准规定发文字号的年份用六角括号〔〕括入；引用文号写法不规范，会使依据难以检索和核对。",
                 "The national standard encloses the year in 六角括号 〔〕; a number written otherwise is hard to "
                 "look up and verify."),
        source="国家标准 GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号（年份用六角括号〔〕括入）",
    )

    def check(self, document, context):
        for pointer, value in strings(document):
            if not mentions_docno(value):
                continue
            for match in _DOCNO.finditer(value):
                found = value[match.start("org"):match.end()]
                fixed = f"{match['org']}〔{match['year']}〕{match['num']}号"
                yield self.hit(pointer, found=found, fixed=fixed, fix=(Edit(pointer, found, fixed),))
