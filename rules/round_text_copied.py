from perflint.engine.round_rule import RoundRule
from perflint.engine.rule import Category, Option, RuleDoc, Text
from perflint.findings import Severity

_SHOWN = 3  # other places named in a message; the rest are counted


def _joined(parts: list[Text], more: int) -> Text:
    zh, en = "、".join(p.zh for p in parts), "; ".join(p.en for p in parts)
    if more:
        zh, en = f"{zh}等 {len(parts) + more} 处", f"{en} and {more} more"
    return Text(zh, en)


class RoundTextCopied(RoundRule):
    code = "PF340"
    slug = "round-text-copied"
    category = Category.RELEVANCE
    severity = Severity.INFO
    summary = Text("目标、指标或指标解释与本轮其他部门或项目的相同", "A goal, indicator set or explanation is the same as "
                   "another department's or project's in the round")
    options = {
        "min_chars": Option(20, Text("目标和指标解释至少多少字（不计空格和标点）才比较；短句常是通用说法",
                                     "The fewest characters (without spaces and punctuation) of a goal or explanation "
                                     "to compare; short phrases are common wording")),
        "min_names": Option(4, Text("一张指标表至少有几个三级指标名称才比较整套名称",
                                    "The fewest indicator names a table must have for its set of names to be compared")),
        "max_documents": Option(5, Text("同一段文字出现在超过这么多份文件中时视为通用模板（如指标库的标准解释），不提示",
                                        "A text found in more documents than this is a common template (such as an "
                                        "indicator library's standard explanation) and is not reported")),
    }
    messages = {
        "default": Text("项目“{project}”的年度绩效目标与本轮其他项目的完全相同（“{text}”），见 {others}；"
                        "目标应写明本项目资金要达到的产出和效果，请核实是否照抄并按本项目重写",
                        "The annual goal of project {project!r} is the same as other projects' in the round "
                        "({text!r}): {others}; a goal should state what this project's money is to achieve — check "
                        "whether it was copied and write this project's own"),
        "overall": Text("部门总体绩效目标与本轮其他部门的完全相同（“{text}”），见 {others}；总体目标应反映本部门的职能和年度任务，"
                        "请核实是否照抄",
                        "The department's overall goal is the same as other departments' in the round ({text!r}): "
                        "{others}; it should reflect this department's functions and tasks — check whether it was copied"),
        "names": Text("项目“{project}”的 {count} 个三级指标名称与本轮其他项目的一套指标逐一相同，见 {others}；"
                      "不同项目照搬同一套指标，难以衡量本项目的产出和效果，请按本项目的内容设置指标",
                      "The {count} indicator names of project {project!r} are exactly those of other projects in the "
                      "round: {others}; a set of indicators copied between different projects cannot measure this "
                      "project's outputs and effects — set them from this project's content"),
        "note": Text("指标“{name}”的指标解释与本轮其他项目的完全相同（“{text}”），见 {others}；请核实是否照抄，"
                     "并按本指标的口径说明",
                     "The explanation of indicator {name!r} is the same as other projects' in the round ({text!r}): "
                     "{others}; check whether it was copied and explain this indicator's own measure"),
    }
    doc = RuleDoc(
        what=Text("在同一轮审核的多份文件中（perflint check 检查一个以上文件时），不同部门或不同项目的年度绩效目标、部门总体绩效目标、"
                  "整套三级指标名称或某条指标解释完全相同（不计空格、标点和年份；目标和解释默认至少 20 字，指标表至少 4 个名称）。"
                  "同类项目（名称除年份和部门外相同）彼此相似是正常的，不提示；同一段文字出现在 5 份以上文件中的视为通用模板，也不提示。"
                  "整张指标表照抄时只报指标名称，不再逐条报解释。",
                  "Across the documents of one review round (perflint check of more than one document), the annual "
                  "goal, the department's overall goal, the whole set of indicator names, or an indicator's "
                  "explanation is the same for different departments or projects (ignoring spaces, punctuation and "
                  "years; goals and explanations of at least 20 characters and tables of at least 4 names by default). "
                  "Projects of one kind (the same name but for years and the department) are alike by nature and not "
                  "reported; a text found in more than 5 documents is a common template and not reported either. A "
                  "copied table is reported once, for its names, not once per explanation."),
        why=Text("绩效目标应指向明确，与本项目的支出内容、范围和效果紧密相关。不同部门、不同项目的目标和指标一字不差，"
                 "说明是照搬其他文本，没有按本项目测算和设定，审核时应退回核实。",
                 "Targets must be specific to the spending they belong to. Goals and indicators identical to the "
                 "letter across departments and projects were copied from another text rather than set for this "
                 "project, and reviewers send them back to be checked."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求“指向明确”；实务：审核惯例（跨部门照搬目标和指标）",
    )

    def check_round(self, round, context):
        options = context.options
        limit = options["max_documents"]
        copied_tables: dict[tuple[int, int], int] = {}
        for number, group in enumerate(round.shared_texts("names", options["min_names"])):
            if len({ref.document for ref in group}) > limit:
                continue
            for ref in self._copies(group):
                copied_tables[ref.document, ref.project] = number
                project = round.project(ref.document, ref.project)
                yield self.round_hit(ref.document, project["table"], "names", project=project["name"],
                                     count=project["names"][1], others=self._others(round, ref, group, "table"))
        for group in round.shared_texts("goal", options["min_chars"]):
            if len({ref.document for ref in group}) > limit:
                continue
            for ref in self._copies(group):
                project = round.project(ref.document, ref.project)
                yield self.round_hit(ref.document, project["goal"]["at"], project=project["name"],
                                     text=project["goal"]["text"], others=self._others(round, ref, group, "goal"))
        for group in round.shared_texts("overall", options["min_chars"]):
            if len({ref.document for ref in group}) > limit:
                continue
            for ref in self._copies(group):
                overall = round.facts(ref.document)["overall"]
                yield self.round_hit(ref.document, overall["at"], "overall", text=overall["text"],
                                     others=self._others(round, ref, group, "overall"))
        for group in round.shared_texts("note", options["min_chars"]):
            if len({ref.document for ref in group}) > limit:
                continue
            # Explanations that came with a copied table are that copy, reported once for the table.
            tables = {copied_tables.get((ref.document, ref.project)) for ref in group}
            if len(tables) == 1 and None not in tables:
                continue
            for ref in self._copies(group):
                row = round.project(ref.document, ref.project)["rows"][ref.row]
                yield self.round_hit(ref.document, row["note"]["at"], "note", name=row["name"],
                                     text=row["note"]["text"], others=self._others(round, ref, group, "note"))

    @staticmethod
    def _copies(group):
        """The places of a group that share it with another document's different kind of project."""
        return [ref for ref in group
                if any(other.document != ref.document and other.kind != ref.kind for other in group)]

    @staticmethod
    def _others(round, ref, group, what):
        places = []
        others = [o for o in group if o.document != ref.document]
        for other in others[:_SHOWN]:
            facts = round.facts(other.document)
            department = facts.get("department") or ""
            if what == "overall":
                places.append(Text(f"{round.where(other.document, facts['overall']['at']).zh}（{department}）",
                                    f"{round.where(other.document, facts['overall']['at']).en} ({department})"))
                continue
            project = facts["projects"][other.project]
            pointer = {"table": project["table"], "goal": (project["goal"] or {}).get("at", project["table"]),
                       "note": project["rows"][other.row]["note"]["at"] if other.row >= 0 else project["table"]}[what]
            place = round.where(other.document, pointer)
            places.append(Text(f"{place.zh} 项目“{project['name']}”（{department}）",
                                f"{place.en} project {project['name']!r} ({department})"))
        return _joined(places, len(others) - len(places))
