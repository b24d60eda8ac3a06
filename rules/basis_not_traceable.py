from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.reading import indicators, text
from perflint.analysis.structure import untraceable_basis


class BasisNotTraceable(Rule):
    code = "PF402"
    slug = "basis-not-traceable"
    category = Category.FEASIBILITY
    severity = Severity.INFO
    summary = Text("指标值确定依据没有指明具体的计划、标准或文件", "The basis of a target names no plan, standard or document")
    messages = {
        "default": Text("指标“{name}”的指标值确定依据“{basis}”没有指明是哪一份计划、标准或文件，无法据以核对指标值“{value}”；"
                        "请写明计划或文件的名称和文号（如《…计划》（…〔年份〕…号）），或写明标准和数据（如 历史标准：上年实际完成1850份）",
                        "The basis {basis!r} of indicator {name!r} names no particular plan, standard or document, "
                        "so target {value!r} cannot be checked against it; name the plan or document and its number "
                        "(《…计划》(…〔year〕…号)), or the standard and its figure (历史标准: 1850 done last year)"),
        "method": Text("指标“{name}”的指标值确定依据“{basis}”只是取数方法，没有说明目标值“{value}”从何而来；"
                       "请写明上年调查结果等历史数据（如 历史标准：2025年满意度调查结果为93.5%）或规定该目标的文件",
                       "The basis {basis!r} of indicator {name!r} is how the value will be measured, not where target "
                       "{value!r} comes from; give the previous result (e.g. 历史标准: 93.5% in the 2025 survey) or "
                       "the document that sets the target"),
    }
    doc = RuleDoc(
        what=Text("指标值确定依据只有“工作计划”“年度工作计划”“上级要求”“工作需要”“合理”“无”或单独的“计划标准”“历史标准”等"
                  "泛称，没有计划名称（《…》）、文号或数据；或只写了“问卷调查”之类的取数方法。"
                  "“工作计划”也在此列：它没有指明哪一份计划，审核无法找到并核对。依据为空由 basis-empty 报告。",
                  "The basis (指标值确定依据) holds only generic words — 工作计划, 年度工作计划, 上级要求, 工作需要, "
                  "合理, 无, or a bare category such as 计划标准 or 历史标准 — with no plan title (《…》), document "
                  "number or figure; or only a measuring method such as 问卷调查. 工作计划 is included: it does not "
                  "say which plan, so a reviewer cannot find it and check. An empty basis is basis-empty's finding."),
        why=Text("指标值应有可查证的来源：计划标准（具体的计划、预算、定额）、行业标准、历史标准（同一指标往年的数值）"
                 "或财政认可的其他标准。泛称无法查证，审核无法判断目标是否偏低或偏高。",
                 "A target must come from a verifiable source: a plan standard (a named plan, budget or quota), a "
                 "sector standard, a historical standard (the indicator's past values) or another standard accepted "
                 "by the finance bureau. A generic word cannot be verified, so nobody can tell whether the target is "
                 "too low or too high."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效标准（历史标准、行业标准、计划标准等）；财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）"
               "》（财预〔2021〕101号 附件1）：指标值设定依据；实务：地方申报表填报说明（绩效标准：历史标准、行业标准、计划标准）",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            kind = untraceable_basis(indicator.basis)
            if kind is not None:
                yield self.hit(indicator.at("basis"), kind if kind == "method" else "default",
                               name=text(indicator.label), basis=text(indicator.basis), value=text(indicator.value))
