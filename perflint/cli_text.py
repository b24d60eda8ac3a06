"""What `perflint … --help` says about each command: what it does, examples, exit status (both languages).

Blocks that start with a line holding only \\b keep their line breaks (click's own marker).
"""

from __future__ import annotations

from perflint.text import Text

EXIT_STATUS = Text(
    """\b
退出状态：
  0  没有达到 --fail-on 级别的问题
  1  有达到 --fail-on 级别的问题（无法读取的文件本身就是错误级问题）
  2  命令本身无法运行：选项或配置有误、插件无法加载、没有可检查的文件、
     内部错误""",
    """\b
Exit status:
  0  no finding at or above --fail-on
  1  a finding at or above --fail-on (a file that cannot be read is itself
     an error finding)
  2  the command itself could not run: bad options or configuration, a
     plugin that fails to load, nothing to check, an internal error""",
)

EXIT_0_2 = Text("""\b
退出状态：0 成功；2 选项或配置有误""", """\b
Exit status: 0 success; 2 bad options or configuration""")


def _epilog(examples: Text, status: Text = EXIT_0_2) -> Text:
    return Text(f"{examples.zh}\n\n{status.zh}", f"{examples.en}\n\n{status.en}")


MAIN = Text("perflint：部门预算绩效文本（项目支出绩效目标表）检查工具。\n\n运行“perflint 命令 -h”查看各命令的用法。",
            "perflint: a linter for budget performance documents (部门预算绩效文本, 项目支出绩效目标表).\n\n"
            "Run 'perflint COMMAND -h' for a command's options.")
MAIN_EPILOG = _epilog(Text("""\b
示例：
  perflint check                          检查当前目录下的全部文档
  perflint check 2026申报材料/ --summary department
  perflint explain PF201                  规则说明
  perflint init 绩效文本.yaml             生成待填写的模板""", """\b
Examples:
  perflint check                          check every document under the current directory
  perflint check 2026申报材料/ --summary department
  perflint explain PF201                  a rule's documentation
  perflint init document.yaml             write a template to fill in"""), EXIT_STATUS)

CHECK = Text("检查文档：文件、目录（递归查找 .yaml/.yml/.docx/.xlsx）或 -（标准输入）；不给路径时检查当前目录。\n\n"
             ".txt/.md 文件只在直接指定时读取。",
             "Check documents: files, directories (searched recursively for .yaml/.yml/.docx/.xlsx) or - "
             "(standard input); without a path, the current directory.\n\n"
             ".txt/.md files are read only when named.")
CHECK_EPILOG = _epilog(Text("""\b
示例：
  perflint check 绩效文本.yaml --show-source
  perflint check 2026申报材料/ --summary department
  perflint check 2026申报材料/ --format xlsx -o 审核结果.xlsx
  perflint check . --format gitlab -o gl-code-quality-report.json
  perflint check --diff 绩效文本.yaml              显示可安全修复的改动
  cat 绩效文本.yaml | perflint check - --stdin-filename 绩效文本.yaml""", """\b
Examples:
  perflint check document.yaml --show-source
  perflint check 2026申报材料/ --summary department
  perflint check 2026申报材料/ --format xlsx -o review.xlsx
  perflint check . --format gitlab -o gl-code-quality-report.json
  perflint check --diff document.yaml              show the safe fixes
  cat document.yaml | perflint check - --stdin-filename document.yaml"""), EXIT_STATUS)

RULES = Text("列出规则：代码、名称、审核维度、默认级别、说明。", "List the rules: code, slug, category, default severity, summary.")
RULES_EPILOG = _epilog(Text("""\b
示例：
  perflint rules
  perflint rules --format json --lang en""", """\b
Examples:
  perflint rules
  perflint rules --format json --lang en"""))

EXPLAIN = Text("显示规则的说明（按代码或名称）：检查什么、为什么、依据、错误和正确的示例、选项。",
               "Show a rule's documentation (by code or slug): what it checks, why, its source, a failing and a "
               "passing example, its options.")
EXPLAIN_EPILOG = _epilog(Text("""\b
示例：
  perflint explain PF201
  perflint explain vague-target --lang en
  perflint explain --sources              规则依据的全部文件""", """\b
Examples:
  perflint explain PF201
  perflint explain vague-target --lang en
  perflint explain --sources              every document the rules cite"""))

COMPARE = Text("把今年的一轮申报与去年的比较（各为一个文件或目录）：按项目编码、再按名称匹配项目，报告目标调低而预算未减、"
               "相对上年的目标与去年的数值不符、照抄去年的文字、删去的指标和变化很大的单位成本。",
               "Compare this year's round with last year's (each a file or a directory): projects are matched by "
               "project code, then by name, and lowered targets with a budget that did not fall, relative targets "
               "that contradict last year's value, text copied from last year, dropped indicators and sharply "
               "changed unit costs are reported.")
COMPARE_EPILOG = _epilog(Text("""\b
示例：
  perflint compare 2025申报材料/ 2026申报材料/
  perflint compare 2025/司法局.yaml 2026/司法局.yaml --format json""", """\b
Examples:
  perflint compare 2025/ 2026/
  perflint compare 2025/justice.yaml 2026/justice.yaml --format json"""), EXIT_STATUS)

CLEAN = Text("删除结果缓存：下次检查时每个文档都重新检查。",
             "Remove the result cache: the next check checks every document afresh.")
CLEAN_EPILOG = _epilog(Text("""\b
示例：
  perflint clean
  perflint clean --cache-dir /tmp/perflint-cache""", """\b
Examples:
  perflint clean
  perflint clean --cache-dir /tmp/perflint-cache"""))

CONFIG = Text("显示生效的配置，以及每一项来自何处（默认值、配置文件或命令行）。",
              "Show the effective settings and where each came from (default, configuration file, command line).")
CONFIG_EPILOG = _epilog(Text("""\b
示例：
  perflint config
  perflint config --format json""", """\b
Examples:
  perflint config
  perflint config --format json"""))

SCHEMA = Text("输出文档格式的 JSON Schema（中英文字段名），供 YAML 编辑器补全和校验。",
              "Print the JSON Schema of the document format (English and Chinese keys), for YAML editors.")
SCHEMA_EPILOG = _epilog(Text("""\b
示例：
  perflint schema > perflint.schema.json
  # 在 YAML 文件第一行写：# yaml-language-server: $schema=perflint.schema.json""", """\b
Examples:
  perflint schema > perflint.schema.json
  # first line of a YAML file: # yaml-language-server: $schema=perflint.schema.json"""))

INIT = Text("写出一份带注释的待填写模板（默认 perflint-document.yaml；- 表示标准输出）。",
            "Write a commented template document to fill in (default perflint-document.yaml; - for standard output).")
INIT_EPILOG = _epilog(Text("""\b
示例：
  perflint init 绩效文本.yaml
  perflint init --lang en document.yaml
  perflint init - > 绩效文本.yaml""", """\b
Examples:
  perflint init 绩效文本.yaml
  perflint init --lang en document.yaml
  perflint init - > document.yaml"""))

IMPORT = Text("把 .txt/.md/.docx/.xlsx（或 .yaml）文档转换为 YAML 格式。\n\n"
              "无法可靠读取的内容在标准错误中报告。只要读到了文档就写出 YAML，即使缺少必填字段。",
              "Convert a .txt/.md/.docx/.xlsx (or .yaml) document to the YAML format.\n\n"
              "What could not be read with confidence is reported on standard error. The YAML is written whenever "
              "a document was read, even one that lacks a required field.")
IMPORT_EPILOG = _epilog(Text("""\b
示例：
  perflint import 绩效目标表.docx -o 绩效文本.yaml
  perflint import 部门预算.xlsx --lang en > document.yaml""", """\b
Examples:
  perflint import 绩效目标表.docx -o document.yaml
  perflint import 部门预算.xlsx --lang en > document.yaml"""), Text("""\b
退出状态：
  0  已转换
  1  文档无法读取，或报告了错误（如缺少部门、年度或项目名称；YAML 仍会写出）
  2  选项有误，或输出文件已存在""", """\b
Exit status:
  0  converted
  1  the document could not be read, or an error was reported (a missing
     department, year or project name; the YAML is still written)
  2  bad options, or the output file exists"""))

VALUE = Text("显示 perflint 如何读取指标值：每个输入输出一个 JSON 对象（- 从标准输入逐行读取）。",
             "Show how 指标值 strings are read: one JSON object per input (- reads lines from standard input).")
VALUE_EPILOG = _epilog(Text("""\b
示例：
  perflint value "≤2.27万元/人" "2026年11月底前" "较上年进一步提高"
  cut -f5 指标.tsv | perflint value -""", """\b
Examples:
  perflint value "≤2.27万元/人" "2026年11月底前" "较上年进一步提高"
  cut -f5 indicators.tsv | perflint value -"""))
