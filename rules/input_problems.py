"""Input that cannot be read as a document. The loaders find these; the rules here describe them.

They are always on: a document that could not be read, or whose data was partly dropped, must
never pass silently.
"""

from perflint.engine.rule import Category, Rule, RuleDoc, Text
from perflint.findings import Severity

_SOURCE = "perflint 文档格式约定（document-format.md）"


class _InputRule(Rule):
    category = Category.FORMAT
    severity = Severity.ERROR
    always_on = True


class UnreadableFile(_InputRule):
    code = "PF001"
    slug = "unreadable-file"
    summary = Text("文件无法读取", "The file cannot be read")
    messages = {"default": Text("无法读取文件：{reason}", "Cannot read the file: {reason}")}
    doc = RuleDoc(
        what=Text("文件不存在、没有读取权限或不是普通文件。", "The file is missing, not readable, or not a regular file."),
        why=Text("读不到的文件若被静默跳过，审核时会漏掉整份材料。",
                 "A file skipped silently is a submission nobody reviewed."),
        source=_SOURCE,
        bad="(一个没有读取权限的文件)",
        good="(一个可以读取的 YAML 文件)",
    )


class Undecodable(_InputRule):
    code = "PF002"
    slug = "undecodable-file"
    summary = Text("文件不是 UTF-8 编码", "The file is not UTF-8 text")
    messages = {"default": Text("文件不是有效的 UTF-8 文本：第 {offset} 字节为 {byte}；请另存为 UTF-8 编码",
                                "The file is not valid UTF-8: byte {offset} is {byte}; save it as UTF-8")}
    doc = RuleDoc(
        what=Text("文件中有无法按 UTF-8 解码的字节。", "The file has bytes that are not valid UTF-8."),
        why=Text("错误解码会把汉字变成乱码，后续所有检查都不可信。",
                 "Decoding with the wrong encoding garbles the Chinese text and every check after it."),
        source=_SOURCE,
        bad="(以 GBK 编码保存的文件)",
        good="department: 溧平县司法局  # 以 UTF-8 保存",
    )


class YamlSyntax(_InputRule):
    code = "PF003"
    slug = "yaml-syntax"
    summary = Text("YAML 语法错误", "YAML syntax error")
    messages = {"default": Text("YAML 语法错误：{detail}", "YAML syntax error: {detail}")}
    doc = RuleDoc(
        what=Text("文件不是合法的 YAML。", "The file is not valid YAML."),
        why=Text("语法错误之后的内容无法读取。", "Nothing after a syntax error can be read."),
        source=_SOURCE,
    )


class EmptyDocument(_InputRule):
    code = "PF004"
    slug = "empty-document"
    summary = Text("文件为空", "The file is empty")
    messages = {"default": Text("文件为空，没有可检查的内容", "The file is empty: there is nothing to check")}
    doc = RuleDoc(
        what=Text("文件为空或只有注释。", "The file is empty or holds only comments."),
        why=Text("空文件通常是导出或复制出错，不能当作“没有问题”。",
                 "An empty file is usually a failed export, not a clean document."),
        source=_SOURCE,
    )


class YamlAlias(_InputRule):
    code = "PF005"
    slug = "yaml-alias"
    summary = Text("不允许使用 YAML 锚点和别名", "YAML anchors and aliases are not allowed")
    messages = {"default": Text("不允许使用 YAML 别名（引用第 {line} 行的锚点）；请直接写出内容",
                                "YAML aliases are not allowed (this one refers to the anchor on line {line}); "
                                "write the content out")}
    doc = RuleDoc(
        what=Text("文档使用了 YAML 锚点（&）和别名（*）。", "The document uses YAML anchors (&) and aliases (*)."),
        why=Text("别名可以层层展开成数十亿个节点（“十亿笑声”攻击）；绩效目标表也不需要它。",
                 "Aliases can expand into billions of nodes (the billion-laughs attack); a target table never needs them."),
        source=_SOURCE,
    )


class DuplicateKey(_InputRule):
    code = "PF006"
    slug = "duplicate-key"
    summary = Text("键重复", "Duplicate key")
    messages = {"default": Text("键“{key}”与第 {line} 行重复，后一个值未被读取",
                                "Key {key!r} repeats the one on line {line}; this value was not read")}
    doc = RuleDoc(
        what=Text("同一映射中同一个字段出现两次（包括中英文键名各写一次）。",
                  "The same field appears twice in one mapping (also when once in English and once in Chinese)."),
        why=Text("YAML 只保留其中一个值，另一个被悄悄丢弃。", "YAML keeps only one of the values and drops the other silently."),
        source=_SOURCE,
    )


class UnknownKey(_InputRule):
    code = "PF007"
    slug = "unknown-key"
    summary = Text("未知的键", "Unknown key")
    messages = {
        "default": Text("未知的键“{key}”，其内容未被读取", "Unknown key {key!r}: its content was not read"),
        "suggest": Text("未知的键“{key}”，其内容未被读取；是否应为“{hint}”？",
                        "Unknown key {key!r}: its content was not read; did you mean {hint!r}?"),
    }
    doc = RuleDoc(
        what=Text("文档格式中没有的字段名。", "A field name the document format does not define."),
        why=Text("拼错的字段名会让数据被悄悄忽略。", "A misspelt field name would drop its data silently."),
        source=_SOURCE,
    )


class WrongType(_InputRule):
    code = "PF008"
    slug = "wrong-type"
    summary = Text("字段类型错误", "Field of the wrong type")
    _messages = {
        "integer": ("“{field}”应为整数，实际为“{got}”", "{field} must be a whole number, not {got!r}"),
        "number": ("“{field}”应为数字（不带单位），实际为“{got}”", "{field} must be a number (without a unit), not {got!r}"),
        "text": ("“{field}”应为文本", "{field} must be text"),
        "list": ("“{field}”应为列表", "{field} must be a list"),
        "mapping": ("“{field}”应为映射（键: 值）", "{field} must be a mapping (key: value)"),
        "text-key": ("键必须是文本", "Keys must be text"),
        "range": ("“{field}”的值“{got}”超出合理范围（应在 10⁻¹⁵ 到 10¹⁵ 之间），已略过",
                  "{field} is {got!r}, out of range (between 10⁻¹⁵ and 10¹⁵); it was skipped"),
        "other": ("“{field}”的值无效：“{got}”", "{field} has an invalid value: {got!r}"),
    }
    messages = {"default": Text(*_messages["other"]), **{k: Text(*v) for k, v in _messages.items()}}
    doc = RuleDoc(
        what=Text("字段的值类型与文档格式不符，如金额里带了单位。",
                  "A field's value has the wrong type, such as an amount written with its unit."),
        why=Text("类型不符的值无法参与计算和检查，已被略过。", "A value of the wrong type cannot be checked and was skipped."),
        source=_SOURCE,
    )


class MissingField(_InputRule):
    code = "PF009"
    slug = "missing-field"
    summary = Text("缺少必填字段", "Required field missing")
    messages = {"default": Text("缺少必填字段“{field}”", "Required field {field!r} is missing")}
    doc = RuleDoc(
        what=Text("缺少文档格式要求的字段（部门、年度、项目名称）。",
                  "A field the format requires (department, year, project name) is missing."),
        why=Text("没有这些字段就无法确定材料属于谁、哪一年。", "Without them nobody can tell whose document, for which year."),
        source=_SOURCE,
    )


class RuleCrashed(_InputRule):
    code = "PF000"
    slug = "rule-crashed"
    summary = Text("规则运行出错", "A rule failed")
    messages = {"default": Text("规则 {rule} 运行出错，本文档未完成该项检查：{error}（请报告此问题）",
                                "Rule {rule} failed, so this document was not checked by it: {error} (please report this)")}
    doc = RuleDoc(
        what=Text("某条规则在检查本文档时出错。", "A rule raised an error while checking this document."),
        why=Text("出错的检查不能当作通过。", "A check that failed must not count as passed."),
        source="perflint",
        bad="(触发规则缺陷的文档)",
        good="(任何文档)",
    )


class BinaryFile(_InputRule):
    code = "PF012"
    slug = "binary-file"
    summary = Text("文件是二进制文件，不是文本", "The file is binary, not text")
    messages = {"default": Text("文件含有空字节，是二进制文件而不是 YAML 文本（是否选错了文件？）",
                                "The file contains NUL bytes: it is binary, not YAML text (the wrong file?)")}
    doc = RuleDoc(
        what=Text("文件开头含有空字节（0x00），不是文本文件。", "The file has NUL bytes (0x00) near its start: not text."),
        why=Text("二进制文件（压缩包、图片、已损坏的文件）无法作为绩效文本检查，必须指出而不能跳过。",
                 "A binary file (an archive, an image, a damaged file) cannot be checked and must not be skipped "
                 "silently."),
        source=_SOURCE,
        bad="(一个改了扩展名的 ZIP 压缩包)",
        good="(以 UTF-8 保存的 YAML 文本)",
    )


class FileTooLarge(_InputRule):
    code = "PF013"
    slug = "file-too-large"
    summary = Text("文件超过大小上限", "The file exceeds the size limit")
    messages = {"default": Text("文件大小 {size} 字节，超过上限 {limit} 字节，未检查（上限可用 max-file-size 配置）",
                                "The file has {size} bytes, more than the limit of {limit}; not checked "
                                "(configure max-file-size)"),
                "stdin": Text("标准输入超过上限 {limit} 字节，未读完，也未检查（上限可用 max-file-size 配置）",
                              "Standard input goes past the limit of {limit} bytes; it was not read to its end "
                              "nor checked (configure max-file-size)")}
    doc = RuleDoc(
        what=Text("文件大于配置的上限（max-file-size，默认 10 MB）。",
                  "The file is larger than the configured limit (max-file-size, 10 MB by default)."),
        why=Text("一份绩效文本不会有这么大；超大文件多是选错了文件，也可能拖垮批量审核。",
                 "No performance document is that large; such a file is usually the wrong one and could stall a "
                 "batch audit."),
        source=_SOURCE,
        bad="(一个 50 MB 的文件)",
        good="(一个几十 KB 的绩效文本)",
    )


class LegacyEncoding(_InputRule):
    code = "PF014"
    slug = "legacy-encoding"
    severity = Severity.WARNING
    summary = Text("文件不是 UTF-8 编码，已按 GBK/GB18030 读取", "The file is not UTF-8; read as GBK/GB18030")
    messages = {"default": Text("文件不是 UTF-8 编码，已按 {encoding} 解码检查；建议另存为 UTF-8，以免在其他系统中出现乱码",
                                "The file is not UTF-8; it was decoded as {encoding} and checked. Save it as UTF-8 "
                                "so other systems do not garble it")}
    doc = RuleDoc(
        what=Text("文件按 UTF-8 无法解码，但按 GBK/GB18030（中文 Windows 的常见编码）可以完整解码。",
                  "The file does not decode as UTF-8 but decodes fully as GBK/GB18030, common on Chinese Windows."),
        why=Text("检查照常进行，但其他系统可能按 UTF-8 读取而出现乱码，应统一为 UTF-8。",
                 "Checking goes on, but other systems may read it as UTF-8 and garble it; UTF-8 should be used."),
        source=_SOURCE,
        bad="(在中文 Windows 记事本中以 ANSI 编码保存的文件)",
        good="(以 UTF-8 保存的文件)",
    )


class CheckTimeExceeded(_InputRule):
    code = "PF016"
    slug = "check-time-exceeded"
    summary = Text("检查一份文档超过时间上限", "Checking the document took longer than the time budget")
    messages = {"default": Text("检查本文档超过 {seconds} 秒，已停止，未报告其中的问题；请检查文档是否异常庞大或含有异常文本，"
                                "或在配置中调高 time-budget",
                                "Checking this document took longer than {seconds} s and was stopped, so its findings "
                                "are not reported; see whether it is unusually large or holds odd text, or raise "
                                "time-budget in the configuration")}
    doc = RuleDoc(
        what=Text("加载和检查一份文档的时间超过配置的上限（time-budget，默认 60 秒）。",
                  "Loading and checking one document took longer than the configured budget (time-budget, "
                  "60 s by default)."),
        why=Text("一份异常的文档不能拖住整批审核：超时的文档报告为错误，其余文档照常检查。",
                 "One odd document must not hold up a batch: the one over its budget is an error finding and "
                 "every other document is checked as usual."),
        source=_SOURCE,
        bad="(一份检查时间超过上限的文档)",
        good="(一份在时限内检查完的文档)",
    )


class WorkerLost(_InputRule):
    code = "PF017"
    slug = "worker-lost"
    summary = Text("检查文档的工作进程意外终止", "The worker process checking the document died")
    messages = {"default": Text("检查本文档的工作进程两次意外终止（可能是内存不足被系统结束），未报告其中的问题；"
                                "请单独检查本文档，或检查它是否异常庞大",
                                "The worker process checking this document died twice (perhaps killed by the system "
                                "for lack of memory), so its findings are not reported; check it on its own, or see "
                                "whether it is unusually large")}
    doc = RuleDoc(
        what=Text("批量检查时，检查某份文档的工作进程意外终止，重试后仍然终止。",
                  "In a batch, the worker process checking a document died, and died again when retried."),
        why=Text("一个工作进程被系统结束（如内存耗尽）时，整批检查不能就此挂起，也不能悄悄漏掉这份文档。",
                 "When the system kills a worker (out of memory, say), the batch must neither hang nor skip the "
                 "document silently."),
        source=_SOURCE,
        bad="(一份让工作进程耗尽内存的文档)",
        good="(一份正常检查完的文档)",
    )
