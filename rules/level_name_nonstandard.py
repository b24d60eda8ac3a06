from perflint.engine.rule import Category, Edit, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import (SYSTEM_LABEL, framework, known_second_levels, nested_frame, simplified,
                                         standard_name, template_labels)
from perflint.analysis.reading import text

_LEVEL = {True: Text("一级指标", "first level"), False: Text("二级指标", "second level")}


def _first_levels() -> set[str]:
    return set(framework("2015")) | set(framework("2021"))


class LevelNameNonstandard(Rule):
    code = "PF510"
    slug = "level-name-nonstandard"
    category = Category.FORMAT
    severity = Severity.INFO
    fixable = True
    summary = Text("一级、二级指标名称不规范", "A first- or second-level label is not the standard name")
    messages = {
        "default": Text("{level}“{label}”不是规范名称，应写作“{standard}”{rows}",
                        "The {level} {label!r} is not the standard name; write {standard!r}{rows}"),
        "merged": Text("{level}“{label}”把几个指标合在了一栏；请分列为规范的{level}（{allowed}），每行只填一个{rows}",
                       "The {level} {label!r} merges several levels into one; split it into standard names "
                       "({allowed}), one per row{rows}"),
        "wrong_level": Text("“{label}”是{other}的名称，不能作为{level}；{level}应为：{allowed}{rows}",
                            "{label!r} is a {other} name, not a {level}; the {level} should be one of: "
                            "{allowed}{rows}"),
        "unknown": Text("{level}“{label}”不是指标体系中的名称；{level}应为：{allowed}{rows}",
                        "The {level} {label!r} is not a name of the indicator framework; the {level} should be one of: "
                        "{allowed}{rows}"),
    }
    doc = RuleDoc(
        what=Text("一级、二级指标栏填的是“产出值”“数量值”“项目完成指标”“环境效益指标”之类的地方变体或简称，"
                  "或根本不是指标体系中的名称（如“社会、经济、生态效益指标”）。已知的变体给出规范名称；"
                  "系统附加的“(必填)”等标注不报告。每个项目中同一名称只在第一次出现处报告。",
                  "A first- or second-level cell holds a local variant or short form (产出值, 数量值, 项目完成指标, "
                  "环境效益指标) or a name outside the framework altogether (社会、经济、生态效益指标). Known "
                  "variants are given their standard name; labels a system appends, such as (必填), are not "
                  "reported. Each label is reported once per project, where it first appears."),
        why=Text("一级、二级指标名称是统一的指标体系，汇总、审核和评价都按规范名称归类；名称不统一会导致指标归类错误，"
                 "也不便与预算管理一体化系统对接。",
                 "The first and second levels are a fixed framework; aggregation, review and evaluation sort "
                 "indicators by the standard names, so variants get misfiled and do not map onto the budget system."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效指标的一级、二级名称（产出、效益、满意度指标及其二级指标）；财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）"
               "》（财预〔2021〕101号 附件1）：成本、产出、效益、满意度指标及其二级指标；财政部《中央部门本级项目支出核心绩效指标表模板》（财预〔2021〕101号 附件2）",
    )

    def check(self, document, context):
        for project in document.projects:
            if nested_frame(project):
                continue
            fw = context.framework_of(project)
            seen: dict[tuple[bool, str], list] = {}
            for indicator in (*project.indicators, *project.midterm_indicators):
                for first, field, label in ((True, "level1", indicator.level1), (False, "level2", indicator.level2)):
                    written = "".join((label or "").split())
                    if written:
                        seen.setdefault((first, written), []).append((indicator, field))
            for (first, written), places in seen.items():
                found = self._problem(first, written, places[0][0], fw)
                if found is None:
                    continue
                key, args = found
                indicator, field = places[0]
                rows = Text(f"（本项目共 {len(places)} 行）", f" ({len(places)} rows in this project)") \
                    if len(places) > 1 else ""
                # Only a known local variant has one standard name to put in its place.
                fix = tuple(Edit(row.at(name), text(getattr(row, name)), args["standard"]) for row, name in places) \
                    if key == "default" else ()
                yield self.hit(indicator.at(field), key, level=_LEVEL[first], label=written, rows=rows, fix=fix,
                               **args)

    @staticmethod
    def _problem(first: bool, written: str, indicator, fw: str):
        standard = standard_name(written, first_level=first)
        names = _first_levels() if first else known_second_levels()
        if standard in names:
            # Not worth a reviewer's line: a label the budget system appends (成本指标(必填硬性指标)), the same
            # name in traditional characters or without its 指标, or a label an official template uses.
            plain_label = SYSTEM_LABEL.sub("", written)
            if standard in (plain_label, standard_name(plain_label + "指标", first)) \
                    or simplified(plain_label) == standard or simplified(plain_label) in template_labels():
                return None
            return "default", {"standard": standard}
        levels = framework(fw)
        if first:
            allowed = "、".join(levels)
        else:
            # Under a known first level, its own second levels; otherwise every second level of the framework.
            level1 = standard_name(indicator.level1, first_level=True)
            allowed = "、".join(levels.get(level1) or [l2 for l2s in levels.values() for l2 in l2s])
        if "、" in written or "，" in written:
            return "merged", {"allowed": allowed}
        other_names = known_second_levels() if first else _first_levels()
        if standard in other_names:
            return "wrong_level", {"allowed": allowed, "other": _LEVEL[not first]}
        return "unknown", {"allowed": allowed}
