from perflint.analysis.goal_text import goal_texts, inputs_only, is_measurable
from perflint.analysis.value_text import quote
from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity


class GoalNotMeasurable(Rule):
    code = "PF230"
    slug = "goal-not-measurable"
    category = Category.APPROPRIATENESS
    severity = Severity.WARNING
    summary = Text("绩效目标没有可衡量的内容", "A goal states nothing that can be measured")
    messages = {
        "default": Text("{place}“{goal}”没有可衡量的内容：没有数量、比率、金额、时限，也没有要完成的产出个数，"
                        "无法据以考核；请写明本期要完成的产出数量和要达到的效果（如 为1200户低保对象按月发放保障金，"
                        "救助对象满意度达到90%以上）",
                        "{place} ({goal!r}) states nothing measurable — no quantity, rate, amount, deadline or "
                        "number of outputs — so it cannot be assessed; state the outputs to deliver and the "
                        "effects to reach (e.g. monthly allowances for 1,200 households, satisfaction ≥90%)"),
        "inputs": Text("{place}只列了投入和开支（{inputs}），没有写明这些人员和资金要完成的产出和达到的效果；"
                       "请写明本期的工作量和效果",
                       "{place} lists only what is spent ({inputs}), not the outputs and effects that staff and "
                       "money are to achieve; state the work to be done and the effects"),
    }
    doc = RuleDoc(
        what=Text("项目的年度（或中期）绩效目标、部门总体或年度绩效目标中，没有任何可衡量的内容：既没有带单位的数量、"
                  "比率或金额，也没有时限或以中文数字写的产出个数（如“进一步提高服务水平”“保障低保金的发放”）；"
                  "或者其中的数字全是投入和开支（聘用人员1人、出差8人、预算总金额3万元）。一个项目的几条目标合起来看。",
                  "A project's annual (or midterm) goal, or the department's overall or annual goal, states nothing "
                  "measurable: no quantity, rate or amount with its unit, no deadline, no number of outputs in "
                  "Chinese numerals (进一步提高服务水平, 保障低保金的发放) — or its only numbers are inputs and "
                  "spending (聘用人员1人, 出差8人, 预算总金额3万元). A project's goal items are read together."),
        why=Text("绩效目标是预算资金预期达到的产出和效果，应当细化量化；目标只有方向和口号，指标就无从分解，"
                 "年终也无法判断目标是否实现。真实文本中这是审核人员退回最多的问题之一。",
                 "A goal states the outputs and effects the money is to achieve and must be specific and "
                 "quantified; a goal of slogans gives the indicators nothing to refine and leaves nothing to judge "
                 "at the end of the year. On real tables it is one of the defects reviewers send back most."),
        source="财政部《中央部门预算绩效目标管理办法》（财预〔2015〕88号）绩效目标设定要求：指向明确、细化量化、合理可行、相应匹配",
    )

    def check(self, document, context):
        for goal in goal_texts(document):
            if not is_measurable(goal.text):
                yield self.hit(goal.pointer, place=goal.place, goal=quote(goal.text))
                continue
            inputs = inputs_only(goal.text)
            if inputs:
                yield self.hit(goal.pointer, "inputs", place=goal.place, inputs="、".join(inputs))
