from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity
from perflint.analysis.hierarchy import level1_of
from perflint.analysis.indicator_terms import execution_rate, names_input
from perflint.analysis.reading import indicators, is_cost, text


class InputAsOutput(Rule):
    code = "PF226"
    slug = "input-as-output"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("把投入当作产出指标", "An input is stated as an output")
    messages = {
        "default": Text("产出指标“{name}”衡量的是投入（人员、经费），不是产出；请改为这些人员和经费完成的工作，"
                        "如“调解矛盾纠纷 ≥500件”“开展执法检查 ≥300次”",
                        "Output {name!r} measures an input (staff, money), not an output; state the work that staff "
                        "and money deliver instead, e.g. 调解矛盾纠纷 ≥500件, 开展执法检查 ≥300次"),
    }
    doc = RuleDoc(
        what=Text("产出指标下的三级指标是保障在职人员人数、人员经费、经费保障、资金到位之类的投入。保障对象人数"
                  "（低保、特困、学生等服务对象）是产出，不报告；资金到位率等由 PF224 报告。",
                  "A third-level name under 产出指标 counts an input: staff kept on the payroll (保障在职人员人数), "
                  "人员经费, 经费保障, 资金到位. Counts of people served (低保, 特困, 学生 …) are outputs and are not "
                  "reported; 资金到位率 and the like are PF224's."),
        why=Text("财政、人力、物力等投入数量不能作为绩效目标；产出指标应反映资金和人员形成的产品和服务。",
                 "Quantities of money, staff and material put in cannot be performance targets; outputs are the "
                 "products and services they deliver."),
        source="实务：地方申报表填报说明（财力、人力、物力等投入数量不能作为绩效目标）；财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：产出指标是对预期产出的描述",
    )

    def check(self, document, context):
        for _, indicator in indicators(document):
            name = text(indicator.name)
            if (level1_of(indicator) != "产出指标" or is_cost(indicator) or not names_input(name)
                    or execution_rate(name)):
                continue
            yield self.hit(indicator.at("name"), name=name)
