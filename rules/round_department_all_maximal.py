from perflint.engine.round_rule import RoundRule
from perflint.engine.rule import Category, Option, RuleDoc, Text
from perflint.findings import Severity

_SHOWN = 3  # the department's other documents named in a message


class RoundDepartmentAllMaximal(RoundRule):
    code = "PF241"
    slug = "round-department-all-maximal"
    category = Category.APPROPRIATENESS
    severity = Severity.INFO
    summary = Text("部门所有项目的满意度和比率目标全部是 100%", "Every satisfaction and rate target of a department's "
                   "projects is 100%")
    options = {
        "min_targets": Option(6, Text("部门至少有几个满意度和比率目标时才检查",
                                      "The fewest satisfaction and rate targets a department must have to be checked")),
        "min_projects": Option(2, Text("这些目标至少分布在几个项目中（只有一个项目时由 all-values-maximal 按项目检查）",
                                       "The fewest projects those targets must come from (one project alone is "
                                       "all-values-maximal's, per project)")),
    }
    messages = {
        "default": Text("部门“{department}”在本轮 {documents} 份文件、{projects} 个项目中的 {targets} 个满意度和比率目标全部是 100%"
                        "{others}；目标疑似按上限照填，请按历史水平、调查结果和计划测算逐项设定",
                        "All {targets} satisfaction and rate targets of department {department!r} in {documents} "
                        "document(s) and {projects} projects of the round are 100%{others}: they look like the ceiling "
                        "filled in; set each from history, surveys and the plan"),
    }
    doc = RuleDoc(
        what=Text("在同一轮审核的多份文件中（perflint check 检查一个以上文件时），把同一部门所有文件、所有项目（含部门整体支出表）"
                  "以百分比表示的满意度指标和比率指标（名称以“率”“比例”“满意度”等结尾，增长率、下降率和不良事件发生率除外）合在一起："
                  "全部是 100%（=100%、≥100%、100%）且至少 6 个目标、来自至少 2 个项目时提示一次，提示在该部门的第一份文件上。",
                  "Across the documents of one review round (perflint check of more than one document), the "
                  "satisfaction and rate targets in percent (names ending in 率, 比例, 满意度 …, not growth rates, "
                  "decline rates or rates of adverse events) of all of a department's documents and projects, "
                  "department-level table included, are taken together: when every one is 100% (=100%, ≥100%, 100%), "
                  "with at least 6 targets from at least 2 projects, it is reported once, on the department's first "
                  "document."),
        why=Text("满意度按调查结果、比率按历史水平和计划测算，不同项目不可能处处恰好 100%。一个部门的目标全部取上限，说明没有逐项测算，"
                 "目标失去区分度，也无从反映绩效改进；这只有把部门的全部文件放在一起才看得出。",
                 "Satisfaction comes from surveys and rates from history and the plan: different projects cannot all "
                 "come out at exactly 100%. A department whose every target is the ceiling set none of them from "
                 "analysis, and such targets no longer discriminate; this shows only when all of the department's "
                 "documents are taken together."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“合理可行”；实务：审核惯例（目标按历史水平和测算设定，几乎全部取 100% 视为没有测算）",
    )

    def check_round(self, round, context):
        options = context.options
        for _, documents, projects, targets, full in round.department_rates():
            if full < targets or targets < options["min_targets"] or projects < options["min_projects"]:
                continue
            first = documents[0]
            facts = round.facts(first)
            others = [round.path(doc) for doc in documents[1:]]
            shown = "、".join(others[:_SHOWN]) + (f" 等 {len(others)} 份" if len(others) > _SHOWN else "")
            shown_en = ", ".join(others[:_SHOWN]) + (f" and {len(others) - _SHOWN} more" if len(others) > _SHOWN else "")
            yield self.round_hit(first, "/department", department=facts.get("department") or "",
                                 documents=len(documents), projects=projects, targets=targets,
                                 others=Text(f"（另见 {shown}）" if others else "", f" (see also {shown_en})" if others else ""))
