import difflib
from decimal import Decimal
import re

from perflint.engine.rule import Category, Option, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text

# A unit code before the name: 324001 溧平县司法局本级, [103]六安市金安区残联, (433)乌海市供销社, 【015001】…
_CODE_PREFIX = re.compile(r"^(?:[\s\dA-Za-z\-_.]+|[\[［【(（]\s*[\dA-Za-z\-_.]+\s*[\]］】)）])+")
# What follows the name without changing the unit: 本级, (部门), （本级）.
_OWN_LEVEL = re.compile(r"\s*(?:[(（]\s*(?:部门|本级|单位)\s*[)）]|本级)\s*$")
# The administrative divisions a name may start with, dropped to compare two spellings of one unit.
_PLACES = re.compile(r"^(?:[^省市县区旗州盟]{1,8}(?:自治区|自治州|自治县|省|市|县|区|旗|州|盟))+")


def unit_name(value: str) -> str:
    return _OWN_LEVEL.sub("", _CODE_PREFIX.sub("", value).strip())


def same_unit(found: str, department: str) -> bool:
    """The same unit written in full or in a shorter form: 金安区体育局 for 六安市金安区体育局."""
    if found == department or department.endswith(found) or found.endswith(department):
        return True
    own, theirs = _PLACES.sub("", found), _PLACES.sub("", department)
    if not own or own != theirs:
        return False
    # The places the short form keeps are the last ones of the full name's: 金安区 of 六安市金安区.
    return department[: len(department) - len(theirs)].endswith(found[: len(found) - len(own)])


class UnitDepartmentMismatch(Rule):
    code = "PF309"
    slug = "unit-department-mismatch"
    category = Category.RELEVANCE
    severity = Severity.WARNING
    summary = Text("预算单位或主管部门名称与部门名称不一致", "The budget unit or competent department differs from the department")
    options = {
        "similarity": Option(Decimal("0.6"), Text("名称相似度高于此值而又不相同时视为笔误（0–1）",
                                       "Names more similar than this (0–1) but not equal are reported as typos")),
    }
    messages = {
        "default": Text("{field}“{found}”与部门名称“{department}”不一致，疑似笔误",
                        "The {field_en} {found!r} differs from the department {department!r}: a typo?"),
    }
    doc = RuleDoc(
        what=Text("项目的预算单位（去掉单位编码和“本级”后）或主管部门与文档的部门名称相近而不相同，如“滦平县司法局”与“溧平县司法局”。"
                  "下属单位（以部门名称开头，如“溧平县司法局公证处”）、带单位编码或“(部门)”的写法（[103]六安市金安区残疾人联合会）"
                  "和省略上级地名的简称（金安区体育局 与 六安市金安区体育局）不报告。",
                  "A project's budget unit (without its code and 本级) or competent department is close to the "
                  "department's name but not equal (滦平县司法局 vs 溧平县司法局). Subordinate units, whose names "
                  "start with the department's, names carrying a unit code or (部门) ([103]六安市金安区残疾人联合会), "
                  "and short forms without the higher division (金安区体育局 for 六安市金安区体育局) are not reported."),
        why=Text("单位名称是预算和绩效目标对应的依据；名称写错会让材料对不上预算单位，常见于从别的单位复制文本。",
                 "The unit's name ties the targets to the budget; a wrong name breaks that link and usually means "
                 "text copied from another unit."),
        source="实务：地方申报表填报说明（主管部门填一级单位全称，预算单位与预算批复一致）",
    )

    def check(self, document, context):
        department = text(document.department)
        if not department:
            return
        threshold = context.options["similarity"]
        for project in document.projects:
            for field, zh, en in (("unit", "预算单位", "budget unit"),
                                  ("competent_department", "主管部门", "competent department")):
                found = unit_name(text(getattr(project, field)))
                if not found or found.startswith(department) or same_unit(found, department):
                    continue
                if Decimal(difflib.SequenceMatcher(None, found, department).ratio()) >= threshold:
                    yield self.hit(project.at(field), field=zh, field_en=en, found=found, department=department)
