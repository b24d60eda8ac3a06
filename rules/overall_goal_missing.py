from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import text


# Titles of a department's whole performance text, which has a department-level part; a file holding
# project tables only (项目支出绩效目标表) is not asked for one.
DEPARTMENT_TEXT = ("绩效文本", "部门整体", "整体支出绩效目标", "单位整体")


class OverallGoalMissing(Rule):
    code = "PF112"
    slug = "overall-goal-missing"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    summary = Text("缺少部门整体绩效目标（总体绩效目标）", "The department's overall performance goal is missing")
    messages = {
        "default": Text("文本没有“部门整体绩效目标”部分；请写明{department}{year}年度的总体绩效目标，"
                        "概括部门履职和各项目要达到的主要产出和效果",
                        "The document has no department-level section (部门整体绩效目标); state the overall goal "
                        "of {department} for {year}, summing up the main outputs and effects of its work and projects"),
        "blank": Text("部门整体绩效目标没有填写“总体绩效目标”；请概括{department}{year}年度履职和各项目要达到的主要产出和效果",
                      "The department-level section has no overall goal (总体绩效目标); sum up the main outputs and "
                      "effects {department} is to achieve in {year}"),
    }
    doc = RuleDoc(
        what=Text("部门预算绩效文本（标题为“…部门预算绩效文本”“部门整体支出绩效目标表”等）没有“部门整体绩效目标”部分，"
                  "或该部分的“总体绩效目标”为空。只含项目支出绩效目标表的文件不要求部门整体目标。",
                  "A department's budget performance text (titled …部门预算绩效文本, 部门整体支出绩效目标表 …) has "
                  "no department-level section (部门整体绩效目标), or its overall goal (总体绩效目标) is blank. A file "
                  "of project target tables only is not asked for one."),
        why=Text("部门整体绩效目标反映部门全部预算资金在一年内预期达到的产出和效果，是审核各项目目标是否服务于部门职能的参照；"
                 "缺少它，部门绩效文本就不完整。",
                 "The overall goal states what all of the department's budget is to achieve in the year; it is what "
                 "each project's goal is checked against for its link to the department's functions. Without it "
                 "the document is incomplete."),
        source="《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）：全面设置部门和单位整体绩效目标、政策及项目绩效目标；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）："
               "绩效目标包括部门（单位）整体支出绩效目标；实务：审核惯例（部门预算绩效文本由部门整体绩效目标和各项目支出绩效目标表组成）",
    )

    def check(self, document, context):
        args = {"department": document.department or Text("本部门", "the department"),
                "year": document.year or Text("本", "this year")}
        if document.overall is None:
            if any(word in text(document.title) for word in DEPARTMENT_TEXT):
                yield self.hit(document.at("overall"), **args)
        elif not text(document.overall.goal):
            yield self.hit(document.overall.at("goal"), "blank", **args)
