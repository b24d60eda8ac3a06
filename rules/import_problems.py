"""What an importer (.txt, .md, .docx, .xlsx, .xls, .pdf) skipped or could not read with confidence.

The importers find these; the rules here describe them. They are always on: content a document
holds but perflint did not read must never look like content the document lacks, and a reading
perflint had to infer must never look like what the document says.
"""

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity

_SOURCE = "perflint 文档格式约定（document-format.md）；perflint 导入规则（perflint import 读取 .txt、.md、.docx、.xlsx）"


class _ImportRule(Rule):
    category = Category.FORMAT
    severity = Severity.WARNING
    always_on = True


class _ImportNote(_ImportRule):
    severity = Severity.INFO


class Skipped(_ImportRule):
    code = "PF020"
    slug = "import-skipped"
    summary = Text("导入时有内容未被读取", "Content not read on import")
    messages = {
        "default": Text("这段文字未能归入文档的任何部分，未被读取：“{text}”",
                        "This text fits no part of the document and was not read: {text!r}"),
        "row": Text("这一行表格未能识别，未被读取：“{text}”", "This table row was not recognised and was not read: {text!r}"),
        "rows": Text("这 {count} 行表格未能识别，未被读取（第一行：“{text}”）",
                     "These {count} table rows were not recognised and were not read (the first: {text!r})"),
        "cell": Text("单元格“{text}”不在任何已识别的栏目或标签下，未被读取",
                     "Cell {text!r} is under no known column or label and was not read"),
        "nested-table": Text("单元格中嵌套的表格未被读取", "The table nested in this cell was not read"),
        "table": Text("{table} 的行列结构无法解析，整个表格未被读取", "The grid of {table} cannot be laid out; the table was not read"),
        "cut": Text("文本在这一行中途结束（单元格不全），这一行未被读取：“{text}”",
                    "The text ends part-way through this row (its cells stop early); the row was not read: {text!r}"),
        "scanned-page": Text("第{page}页是扫描图像，没有文字层，未被读取；请提供文字版 PDF 或先做文字识别（OCR）",
                             "Page {page} is a scanned image with no text layer and was not read; use a text PDF or "
                             "run OCR first"),
        "page": Text("第{page}页的内容无法解析，未被读取", "Page {page} cannot be parsed and was not read"),
        "limit": Text("{what}超过上限（{limit}），{rest}未被读取", "{what} goes past the limit ({limit}); not read: {rest}"),
    }
    doc = RuleDoc(
        what=Text("文本、Word 或 Excel 文档中有文字或表格行不属于绩效文本的任何已知部分（封面、总体绩效目标、分项绩效目标、"
                  "保障措施、项目支出绩效目标表），导入时未被读取。",
                  "Text or table rows of a .txt, .docx or .xlsx document fit no known part of a performance document "
                  "(cover, overall goal, targets, measures, project target tables) and were not read."),
        why=Text("未读取的内容不会被检查；若它本应是指标或目标，悄悄丢掉会让问题看起来不存在。",
                 "Content not read is not checked; if it was meant as an indicator or a goal, dropping it silently "
                 "would hide its problems."),
        source=_SOURCE,
        bad="项目支出绩效目标表中夹着一行“填报说明：……”，或表格之后有一段不属于任何栏目的文字",
        good="每一行都在已知的栏目下：项目名称、预算规模、资金支出计划、绩效目标、一级/二级/三级指标……",
    )


class UnknownColumn(_ImportRule):
    code = "PF021"
    slug = "import-unknown-column"
    summary = Text("表格有未知栏目", "Unknown column in a table")
    messages = {"default": Text("表头“{header}”不是绩效目标表的已知栏目，这一列未被读取",
                                "Header {header!r} is not a known column of a target table; the column was not read")}
    doc = RuleDoc(
        what=Text("指标表、测算明细或分项目标表的表头中有 perflint 不认识的栏目。",
                  "A header of the indicator table, the cost breakdown or the targets table names a column perflint "
                  "does not know."),
        why=Text("不认识的栏目无法对应到文档字段，其内容未被检查。", "A column that maps to no field is not checked."),
        source=_SOURCE,
        bad="一级指标 | 二级指标 | 三级指标 | 指标值 | 权重 | 指标值确定依据（“权重”列未被读取）",
        good="一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据 | 指标解释",
    )


class DuplicateField(_ImportRule):
    code = "PF022"
    slug = "import-duplicate-field"
    summary = Text("同一字段给出两次", "A field given twice")
    messages = {"default": Text("“{field}”已在{first}给出，这里的“{value}”未被读取",
                                "{field} was already given at {first}; {value!r} here was not read")}
    doc = RuleDoc(
        what=Text("同一项目的表格中，同一个字段（如项目名称、3月底的支出比例）出现了两次。",
                  "The same field of one project (its name, the 3月底 percentage …) appears twice in its table."),
        why=Text("只能读取其中一个值；两个值不同时，另一个被忽略会掩盖矛盾。",
                 "Only one value can be read; if they differ, ignoring the other would hide the contradiction."),
        source=_SOURCE,
        bad="项目名称 | 2026年司法协理员工资保险 …… 项目名称 | 2026年司法协理员工资",
        good="项目名称 | 2026年司法协理员工资保险（只写一次）",
    )


class PlanUnpaired(_ImportRule):
    code = "PF023"
    slug = "import-plan-unpaired"
    summary = Text("资金支出计划无法配对", "Spending plan does not line up")
    messages = {"default": Text("资金支出计划的时间节点与支出比例无法一一对应，未读取：{cells}",
                                "The spending plan's checkpoints and percentages do not line up; not read: {cells}")}
    doc = RuleDoc(
        what=Text("资金支出计划中，比例的个数和位置与上方的时间节点（3月底、6月底……）对不上。",
                  "The spending plan's percentages do not match the checkpoints above them (3月底, 6月底 …) in "
                  "number or position."),
        why=Text("猜测某个比例属于哪个节点，会把错误的进度当作文档的内容。",
                 "Guessing which checkpoint a percentage belongs to would present a guess as the document's plan."),
        source=_SOURCE,
        bad="资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底\n                  | 25%  | 50%  | 100%",
        good="资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底\n                  | 25%  | 50%  | 75%   | 100%",
    )


class FormulaWithoutValue(_ImportRule):
    code = "PF024"
    slug = "import-formula-without-value"
    summary = Text("公式没有计算结果", "Formula without a saved result")
    messages = {"default": Text("单元格是公式（{formula}），文件中没有保存计算结果，未被读取；请在 Excel 中打开、重新计算并保存后再检查",
                                "The cell holds a formula ({formula}) whose result was never saved in the file, so it "
                                "was not read; open the workbook in Excel, recalculate, save and check again")}
    doc = RuleDoc(
        what=Text("Excel 单元格中是公式，但文件里没有保存公式的计算结果（常见于程序生成的工作簿）。",
                  "An Excel cell holds a formula but the file has no saved result for it (common in generated "
                  "workbooks)."),
        why=Text("perflint 不计算公式；没有结果就没有可检查的值。",
                 "perflint does not evaluate formulas; without a saved result there is no value to check."),
        source=_SOURCE,
        bad="预算数 | =SUM(C6:E6)（由程序写入，从未在 Excel 中打开保存）",
        good="预算数 | =SUM(C6:E6)（在 Excel 中保存过，文件里有计算结果 155.99）",
    )


class RowJoined(_ImportNote):
    code = "PF025"
    slug = "import-row-joined"
    summary = Text("表格行按续行合并", "Row read as a wrapped line")
    messages = {"default": Text("这一行没有指标值，已当作上一行单元格的续行，并入三级指标“{name}”；若它是一条独立的指标，请补填指标值",
                                "This row has no target value and was read as the wrapped end of the row above "
                                "(now {name!r}); if it is an indicator of its own, fill in its value")}
    doc = RuleDoc(
        what=Text("从 PDF 提取的文本中，指标表的一行只有三级指标等文字而没有指标值，被当作上一行被折行的部分并入上一行。",
                  "In text extracted from a PDF, an indicator row with a name but no target value was read as the "
                  "wrapped end of the row above."),
        why=Text("折行与漏填指标值的新指标在文本中看起来一样；合并是推断，需要核对。",
                 "A wrapped line and a new indicator with no value look alike in text; joining them is an inference "
                 "to be checked."),
        source=_SOURCE,
        bad="产出指标 | 数量指标 | 司法协理员 | 全县司法协理员人数 | ≥52人\n         |          | 人数       |                    |",
        good="产出指标 | 数量指标 | 司法协理员人数 | 全县司法协理员人数 | ≥52人",
    )


class TotalRow(_ImportNote):
    code = "PF026"
    slug = "import-total-row"
    summary = Text("测算明细的合计行未读取", "Total row of a cost breakdown not read")
    messages = {"default": Text("合计行未作为测算明细读取：“{text}”；合计由各明细金额相加得出",
                                "The total row was not read as a cost line: {text!r}; totals are computed from the lines")}
    doc = RuleDoc(
        what=Text("测算明细中的合计、小计行。", "A 合计 or 小计 row of a cost breakdown."),
        why=Text("合计不是一项支出；把它读成明细会使金额重复计算。",
                 "A total is not a cost line; reading it as one would count the money twice."),
        source=_SOURCE,
        bad="合计 |  |  | 102.00 |",
        good="（测算明细只列各项支出）",
    )


class FieldInferred(_ImportNote):
    code = "PF027"
    slug = "import-field-inferred"
    summary = Text("文档字段由导入推断", "Document field inferred on import")
    messages = {"default": Text("文档没有写明{field}，取自此处：“{value}”；请核对",
                                "The document does not state its {field}; {value!r} was taken from here; please check")}
    doc = RuleDoc(
        what=Text("文档（如预算系统导出的工作簿）没有写明部门或年度，导入时取自各项目的主管部门、预算单位或项目名称。",
                  "The document (such as a budget system's export) does not state its department or year; they were "
                  "taken from the projects' competent department, budget unit or names."),
        why=Text("推断出的值不是文档自己写的，需要核对。", "An inferred value is not what the document says; check it."),
        source=_SOURCE,
        bad="只有项目表的工作簿：主管部门 | 溧平县司法局（部门由此推断）",
        good="部门 | 溧平县司法局\n年度 | 2026",
    )


class EmptyTable(_ImportNote):
    code = "PF028"
    slug = "import-empty-table"
    summary = Text("空表格", "Empty table")
    messages = {
        "default": Text("{table} 是空表格，没有可读取的内容", "{table} is an empty table: there is nothing to read"),
        "sheet": Text("工作表“{table}”是空的，没有可读取的内容", "Sheet {table!r} is empty: there is nothing to read"),
    }
    doc = RuleDoc(
        what=Text("Word 文档中的表格或 Excel 工作表没有任何内容。", "A Word table or an Excel sheet holds nothing."),
        why=Text("空表格常是漏填或导出出错，不能当作“没有问题”。",
                 "An empty table is usually a form left unfilled or a failed export, not a clean one."),
        source=_SOURCE,
        bad="（一个所有单元格都为空的表格）",
        good="（填写了项目信息和绩效指标的表格）",
    )


class SheetSkipped(_ImportNote):
    code = "PF029"
    slug = "import-sheet-skipped"
    summary = Text("隐藏的工作表未读取", "Hidden sheet not read")
    messages = {"default": Text("工作表“{sheet}”是隐藏的，未被读取；若其中有绩效目标表，请取消隐藏",
                                "Sheet {sheet!r} is hidden and was not read; unhide it if it holds a target table")}
    doc = RuleDoc(
        what=Text("工作簿中隐藏的工作表。", "A hidden sheet of a workbook."),
        why=Text("隐藏的工作表通常是下拉选项或中间计算，不是提交的内容；但它被跳过要让人知道。",
                 "Hidden sheets usually hold drop-down lists or workings, not the submission; skipping one is still "
                 "said."),
        source=_SOURCE,
        bad="（隐藏的工作表“代码表”）",
        good="（所有绩效目标表都在可见的工作表中）",
    )
