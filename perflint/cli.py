"""The command line (cli.md). Imports are deferred so `perflint --version` and hooks start fast.

Help, usage errors and messages are in Chinese by default and in English with `--lang en` (or the
configuration's `lang`): see perflint/cli_support.py.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import Optional

import click

from perflint import __version__, cli_text
from perflint.cli_support import LANG_KEY, WORDS, Argument, Choice, Group, Option, PositiveInt, language
from perflint.report import FORMATS, SUMMARIES
from perflint.text import Text

# pydantic looks for plugins among every installed distribution's entry points on first use (about
# 50 ms of start-up); perflint uses none. A user who wants them can still set the variable.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

LANG = Choice(["zh", "en"])
FAIL_ON = Choice(["error", "warning", "info", "never"])


def option(*decls: str, help: Text, metavar: Optional[Text] = None, **kwargs):
    """A click option whose help (and the name of its value) are in both languages."""
    return click.option(*decls, cls=Option, help_text=help, metavar_text=metavar, **kwargs)


def argument(name: str, metavar: Text, **kwargs):
    return click.argument(name, cls=Argument, metavar_text=metavar, **kwargs)


FILE = Text("文件", "FILE")
RULES = Text("规则", "RULES")
LANG_OPTION = option("--lang", type=LANG, help=Text("消息语言：zh（默认，或配置中的 lang）或 en",
                                                     "Message language: zh (default, or the configuration's) or en"))
CONFIG_OPTION = option("--config", metavar=FILE, help=Text("配置文件（默认从当前目录向上查找）",
                                                           "Configuration file (default: found upwards from here)"))
GROUP_LANG = "perflint.group-lang"  # ctx.meta: the --lang given before the command


def _split(values: tuple[str, ...]) -> Optional[tuple[str, ...]]:
    """`--select A,B --select C` → (A, B, C); None when not given."""
    items = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    return items or None


def _settings(config: Optional[str], **overrides):
    """The configuration found (or named), with the command line's values over it. A --lang given before
    the command (`perflint --lang en check …`) counts as the command's own."""
    from perflint.config import load_settings

    ctx = click.get_current_context(silent=True)
    if overrides.get("lang") is None and ctx is not None:
        overrides["lang"] = ctx.meta.get(GROUP_LANG)
    return load_settings(Path(config) if config else None).with_overrides(**overrides)


def _remember_group_lang(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> None:
    ctx.meta[GROUP_LANG] = value


def _say(ctx: click.Context, message: Text) -> None:
    """A line for the user on standard error, in their language."""
    click.echo(message.get(language(ctx)), err=True)


def _terminate(signum, frame) -> None:
    from perflint.errors import Terminated

    raise Terminated()


class _Main(Group):
    """Exit status 2 with a one-line message for usage errors and for perflint's own bugs; a traceback
    only when PERFLINT_DEBUG is set."""

    def invoke(self, ctx: click.Context):
        from perflint.errors import Terminated, UsageError, os_reason

        signal.signal(signal.SIGTERM, _terminate)
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a full disk or a closed pipe shows here, not as a traceback at exit
        except UsageError as exc:
            lang = language(ctx)
            click.echo(f"perflint: {WORDS['error'].get(lang)}: {exc.message(lang)}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt as exc:  # 130 for Ctrl-C and 143 for SIGTERM, as shells report them
            _say(ctx, Text("perflint：已中断", "perflint: interrupted"))
            ctx.exit(143 if isinstance(exc, Terminated) else 130)
        except BrokenPipeError:
            # The reader went away (`perflint check … | head`): stop quietly, as other tools do.
            sys.stdout = open(os.devnull, "w")
            ctx.exit(1)
        except OSError as exc:  # standard output on a full disk (> /dev/full), a file that vanished …
            where, reason = f" {exc.filename}" if exc.filename else "", os_reason(exc)
            _say(ctx, Text(f"perflint: {WORDS['error'].zh}: 读写失败{where}：{reason.zh}",
                           f"perflint: {WORDS['error'].en}: a read or write failed{where}: {reason.en}"))
            ctx.exit(2)
        except Exception as exc:
            if os.environ.get("PERFLINT_DEBUG"):
                raise
            _say(ctx, Text(f"perflint: 内部错误: {type(exc).__name__}: {exc}（设置 PERFLINT_DEBUG=1 可查看详情，请报告此问题）",
                           f"perflint: internal error: {type(exc).__name__}: {exc} "
                           "(set PERFLINT_DEBUG=1 for details, and please report it)"))
            ctx.exit(2)


@click.group(cls=_Main, help_text=cli_text.MAIN, epilog_text=cli_text.MAIN_EPILOG,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="perflint", cls=Option, help_text=WORDS["version"])
@option("--lang", type=LANG, expose_value=False, callback=_remember_group_lang, help=Text(
    "帮助和消息的语言：zh（默认，或配置中的 lang）或 en；也可写在命令之后",
    "Language of help and messages: zh (default, or the configuration's) or en; may also follow the command"))
def main() -> None:
    pass


def _use_color(choice: str, stream) -> bool:
    """--color always|never decide; auto colours a terminal unless NO_COLOR is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


@main.command(help_text=cli_text.CHECK, epilog_text=cli_text.CHECK_EPILOG)
@argument("paths", Text("[路径]...", "[PATH]..."), nargs=-1)
@option("--format", "--output-format", "fmt", type=Choice(list(FORMATS)), default="text",
        metavar=Text("格式", "FORMAT"),
        help=Text(f"输出格式：{'、'.join(FORMATS)}（默认 text）", f"Output format: {', '.join(FORMATS)} (default text)"))
@option("--output", "-o", metavar=FILE, help=Text("把报告写入此文件（--format docx：写入此目录，每个部门一个文件）",
                                                  "Write the report to this file (for --format docx: this directory, "
                                                  "one file per department)"))
@option("--statistics", is_flag=True,
        help=Text("只输出每条规则的问题数（从多到少）", "Instead of the findings: how many of each rule, most first"))
@option("--summary", type=Choice(SUMMARIES),
        help=Text("只输出汇总表：按部门、按文件（得分最低在前）或按规则",
                  "Instead of the findings: a table per department, per file (worst first) or per rule"))
@option("--jobs", "-j", type=PositiveInt(), metavar=Text("N", "N"),
        help=Text("并行进程数（默认为 CPU 数）", "Worker processes (default: the CPU count)"))
@option("--exclude", multiple=True, metavar=Text("模式", "PATTERN"),
        help=Text("不检查的路径（gitignore 写法），可重复", "Gitignore-style patterns not to check, repeatable"))
@option("--force-exclude/--no-force-exclude", default=None,
        help=Text("exclude 也适用于直接指定的文件（pre-commit 钩子默认开启）",
                  "Apply exclude to files named on the command line too (on in the pre-commit hooks)"))
@option("--fix", is_flag=True,
        help=Text("应用不改变含义的修复，再报告剩余问题；对 - 把修复后的文本写到标准输出",
                  "Apply the fixes that cannot change meaning, then report what is left; for -, write the fixed "
                  "text to standard output"))
@option("--diff", is_flag=True,
        help=Text("显示 --fix 会做的改动（统一差异格式），不修改文件；有改动时退出状态为 1",
                  "Show what --fix would change (a unified diff) without changing anything; exit status 1 when "
                  "there is a change"))
@option("--baseline", metavar=FILE,
        help=Text("只报告此基线文件中没有记录的问题", "Report only findings this baseline file does not record"))
@option("--write-baseline", metavar=FILE,
        help=Text("把当前的问题记录到此基线文件（退出状态 0）", "Record today's findings in this baseline file (exit status 0)"))
@LANG_OPTION
@option("--fail-on", type=FAIL_ON,
        help=Text("使退出状态为 1 的最低级别（默认 warning；never 表示从不）",
                  "Lowest severity that makes the exit status 1 (default warning; never: none does)"))
@option("--exit-zero", is_flag=True,
        help=Text("即使有问题也以状态 0 退出（同 --fail-on never）",
                  "Exit with status 0 even when there are findings (the same as --fail-on never)"))
@option("--select", multiple=True, metavar=RULES,
        help=Text("只运行这些规则：代码、代码前缀、名称或审核维度，逗号分隔或重复",
                  "Rules to run: codes, code prefixes, slugs or categories, comma-separated or repeated"))
@option("--extend-select", multiple=True, metavar=RULES,
        help=Text("在已选规则之外再运行这些规则", "Rules to run in addition to those selected"))
@option("--ignore", multiple=True, metavar=RULES, help=Text("不运行这些规则", "Rules not to run"))
@option("--framework", type=Choice(["auto", "2015", "2021"]),
        help=Text("指标体系：auto（按项目判断，默认）、2015 或 2021",
                  "Indicator framework: auto (per project, default), 2015 or 2021"))
@CONFIG_OPTION
@option("--stdin-filename", metavar=Text("名称", "NAME"),
        help=Text("标准输入（-）的文档在报告中使用的名称；其扩展名决定按何种格式读取",
                  "The name to report for a document read from standard input (-); its suffix says how to read it"))
@option("--require-reason", is_flag=True, default=None,
        help=Text("抑制注释必须写明理由", "A suppression comment must give a reason"))
@option("--color", type=Choice(["auto", "always", "never"]), default="auto",
        help=Text("是否着色：auto（终端上着色，设置了 NO_COLOR 时不着色；默认）、always、never",
                  "Colour: auto (on a terminal, unless NO_COLOR is set; default), always or never"))
@option("--quiet", "-q", is_flag=True,
        help=Text("只输出问题：不显示汇总行和进度条", "Print the findings only: no summary line, no progress bar"))
@option("--no-progress", is_flag=True, help=Text("不显示进度条", "Do not show the progress bar"))
@option("--show-source", is_flag=True,
        help=Text("在每个问题下显示所在的源文本行，并标出位置", "Show the source line under each finding, with the span marked"))
@option("--no-cache", is_flag=True, envvar="PERFLINT_NO_CACHE",
        help=Text("不读也不写结果缓存，每个文档都重新检查（环境变量 PERFLINT_NO_CACHE）",
                  "Check every document afresh, without reading or writing the result cache (PERFLINT_NO_CACHE)"))
@option("--cache-dir", metavar=Text("目录", "DIR"),
        help=Text("结果缓存所在目录（默认为配置文件旁或当前目录下的 .perflint_cache）",
                  "Where results are kept (default .perflint_cache beside the configuration, or here)"))
@click.pass_context
def check(ctx, paths, fmt, output, statistics, summary, jobs, exclude, force_exclude, fix, diff, baseline,
          write_baseline, lang, fail_on, exit_zero, select, extend_select, ignore, framework, config, stdin_filename,
          require_reason, color, quiet, no_progress, show_source, no_cache, cache_dir) -> None:
    from perflint.check import active_rules, document_paths, nothing_found, run_check
    from perflint.errors import UsageError
    from perflint.load import STDIN
    from perflint.report import reporter_class
    from perflint.report.base import ReportContext
    from perflint.report.destination import refuse_inputs, report_output

    current = not paths  # no path: the current directory, its files named relative to it (docs/a.yaml)
    paths = list(paths) or [os.curdir]
    if diff and (fmt != "text" or output or statistics or summary):
        raise UsageError(Text("--diff 只输出统一差异格式的改动，不能与 --format、--output、--statistics 或 --summary 同用",
                              "--diff prints a unified diff only: it cannot be combined with --format, --output, "
                              "--statistics or --summary"))
    settings = _settings(config, lang=lang, fail_on="never" if exit_zero else fail_on, select=_split(select),
                         ignore=_split(ignore), framework=framework, require_reason=require_reason,
                         exclude=_split(exclude), force_exclude=force_exclude, show_source=show_source or None,
                         baseline=Path(baseline) if baseline else None,
                         write_baseline=Path(write_baseline) if write_baseline else None,
                         use_cache=not no_cache, cache_dir=Path(cache_dir) if cache_dir else None)
    if extend_select:
        settings = settings.with_overrides(select=settings.select + _split(extend_select))
    ctx.meta[LANG_KEY] = settings.lang  # the configuration's language, now that it is read
    rules = active_rules(settings)
    chosen = None if statistics or summary else reporter_class(fmt)
    directory: Optional[Path] = None  # for a format that writes a file per department into it
    if chosen is not None and chosen.needs_view:  # findings shown in the documents' tables: results carry them
        settings = replace(settings, document_view=True)
    if chosen is not None and chosen.directory:
        from perflint.report.files import not_walked, output_directory

        directory = output_directory(output, fmt, settings.lang)
        settings = replace(settings, exclude=settings.exclude + not_walked(directory, settings.base))
    names = document_paths(paths, settings)
    if directory is None:
        refuse_inputs(output, names)
    if write_baseline:  # said now, not after the whole report has been printed
        from perflint.atomic_write import check_writable
        from perflint.engine.baseline import unwritable_baseline

        try:
            check_writable(write_baseline)
        except OSError as exc:
            raise unwritable_baseline(Path(write_baseline), exc) from exc
    if current:
        names = [os.path.relpath(name) for name in names]
    if not names:
        why = nothing_found(paths, settings)
        if why is None:  # only files that --force-exclude leaves out: nothing to do
            sys.exit(0)
        raise UsageError(why)
    stdin = None
    if fix or diff:
        changed, stdin = _fix(ctx, names, settings, rules, write=not diff, stdin_filename=stdin_filename, quiet=quiet)
        if diff:
            sys.exit(1 if changed else 0)
    binary = False
    # With --fix, standard output holds the fixed standard input: the report goes to standard error (as ruff's).
    stream = sys.stderr if fix and STDIN in names else sys.stdout
    context = ReportContext(settings.lang, {a.rule.code: type(a.rule) for a in rules.active}, __version__,
                            fail_on=settings.fail_on, color=output is None and _use_color(color, stream),
                            show_source=show_source, quiet=quiet)
    if statistics or summary:
        if fmt not in ("text", "json"):
            raise UsageError(Text("--statistics 和 --summary 输出表格（text）或 JSON（--format json）",
                                  "--statistics and --summary print a table (text) or JSON (--format json)"))
        from perflint.report.summary import StatisticsReporter, SummaryReporter

        cls = StatisticsReporter if statistics else SummaryReporter
        extra = {} if statistics else {"by": summary}
        make = lambda out: cls(out, context, as_json=fmt == "json", **extra)  # noqa: E731
    else:
        binary = chosen.binary
        if directory is None and binary and output is None and sys.stdout.isatty():
            raise UsageError(Text(f"--format {fmt} 输出二进制文件，请用 --output 指定文件名",
                                  f"--format {fmt} writes a binary file: name it with --output"))
        make = lambda out: chosen(out, context)  # noqa: E731
    keys: Optional[list] = [] if write_baseline else None
    if directory is None and output is not None and os.path.isdir(output):
        raise UsageError(Text(f"--output {output} 是目录：--format {fmt} 只写一个文件",
                              f"--output {output} is a directory: --format {fmt} writes one file"))
    with nullcontext(directory) if directory is not None else report_output(output, binary, stream) as out:
        outcome = run_check(names, settings, make(out), jobs, stdin_filename, rules, keys, stdin,
                            progress=not (quiet or no_progress))
    if write_baseline:
        from perflint.engine.baseline import write_baseline as write

        count = write(Path(write_baseline), keys)
        if not quiet:
            _say(ctx, Text(f"perflint：已把 {count} 个问题记录到 {write_baseline}",
                           f"perflint: {count} finding(s) recorded in {write_baseline}"))
        sys.exit(0)
    sys.exit(1 if outcome.failed else 0)


def _fix(ctx, names: list[str], settings, rules, write: bool, stdin_filename: Optional[str],
         quiet: bool) -> tuple[int, Optional[bytes]]:
    """Fix every document (or, without `write`, print the diff of its fixes); standard input is fixed to
    standard output. The number of documents changed, and what standard input held (fixed) when it was
    among the names."""
    from perflint.fix import NotWritten, fix_bytes, fix_file, write_atomically
    from perflint.load import STDIN

    files = edits = 0
    stdin = None
    for name in names:
        if name == STDIN:
            stdin = sys.stdin.buffer.read(settings.max_file_size + 1)  # past the limit, the check reports it
            result = fix_bytes(stdin, stdin_filename or STDIN, rules, settings.lang)
            if write:
                stdin = result.after.encode("utf-8") if result.changed else stdin
                sys.stdout.buffer.write(stdin)
                sys.stdout.flush()
        else:
            result = fix_file(name, rules, settings.lang, settings.max_file_size)
            if result.changed and write:
                try:
                    write_atomically(name, result.after)
                except NotWritten as failure:  # one file that cannot be written does not stop the others
                    _say(ctx, Text(f"perflint：{name}：{failure.reason.zh}", f"perflint: {name}: {failure.reason.en}"))
                    continue
        if not result.changed:
            continue
        files += 1
        edits += result.applied
        if not write:
            click.echo(result.diff(), nl=False)
    if write and files and not quiet and stdin is None:  # fixed standard input shows for itself
        _say(ctx, Text(f"perflint：已在 {files} 个文件中修复 {edits} 处", f"perflint: fixed {edits} in {files} file(s)"))
    return files, stdin


@main.command(help_text=cli_text.COMPARE, epilog_text=cli_text.COMPARE_EPILOG)
@argument("last_year", Text("去年", "LAST_YEAR"))
@argument("this_year", Text("今年", "THIS_YEAR"))
@option("--format", "--output-format", "fmt", type=Choice(list(FORMATS)), default="text",
        metavar=Text("格式", "FORMAT"),
        help=Text(f"输出格式：{'、'.join(FORMATS)}（默认 text）", f"Output format: {', '.join(FORMATS)} (default text)"))
@option("--output", "-o", metavar=FILE, help=Text("把报告写入此文件", "Write the report to this file"))
@option("--jobs", "-j", type=PositiveInt(), metavar=Text("N", "N"),
        help=Text("并行进程数（默认为 CPU 数）", "Worker processes (default: the CPU count)"))
@option("--exclude", multiple=True, metavar=Text("模式", "PATTERN"),
        help=Text("不读取的路径（gitignore 写法），可重复", "Gitignore-style patterns not to read, repeatable"))
@LANG_OPTION
@option("--fail-on", type=FAIL_ON,
        help=Text("使退出状态为 1 的最低级别（默认 warning；never 表示从不）",
                  "Lowest severity that makes the exit status 1 (default warning; never: none does)"))
@option("--select", multiple=True, metavar=RULES,
        help=Text("只运行这些比较规则：代码、名称或审核维度", "Comparison rules to run: codes, slugs or categories"))
@option("--ignore", multiple=True, metavar=RULES, help=Text("不运行这些比较规则", "Comparison rules not to run"))
@CONFIG_OPTION
@option("--no-cache", is_flag=True, envvar="PERFLINT_NO_CACHE",
        help=Text("不读也不写结果缓存", "Read every document afresh, without the result cache"))
@option("--cache-dir", metavar=Text("目录", "DIR"),
        help=Text("结果缓存所在目录（默认为 .perflint_cache）", "Where results are kept (default .perflint_cache)"))
@click.pass_context
def compare(ctx, last_year, this_year, fmt, output, jobs, exclude, lang, fail_on, select, ignore, config, no_cache,
            cache_dir) -> None:
    from perflint.compare import command

    settings = _settings(config, lang=lang, fail_on=fail_on, select=_split(select), ignore=_split(ignore),
                         exclude=_split(exclude), use_cache=not no_cache,
                         cache_dir=Path(cache_dir) if cache_dir else None)
    ctx.meta[LANG_KEY] = settings.lang
    sys.exit(command(last_year, this_year, settings, fmt, output, jobs))


@main.command(help_text=cli_text.RULES, epilog_text=cli_text.RULES_EPILOG)
@option("--format", "fmt", type=Choice(["table", "json"]), default="table", help=Text("表格（默认）或 JSON",
                                                                                      "A table (default) or JSON"))
@LANG_OPTION
@CONFIG_OPTION
def rules(fmt, lang, config) -> None:
    from perflint.catalog_view import rules_json, rules_table
    from perflint.engine.registry import load_catalog

    settings = _settings(config, lang=lang)
    catalog = load_catalog(settings.plugins, settings.rules_dirs)
    if fmt == "json":
        click.echo(json.dumps(rules_json(catalog, settings.lang), ensure_ascii=False, indent=2))
    else:
        click.echo(rules_table(catalog, settings.lang))


@main.command(help_text=cli_text.EXPLAIN, epilog_text=cli_text.EXPLAIN_EPILOG)
@argument("rule", Text("规则", "RULE"), required=False)
@option("--sources", is_flag=True,
        help=Text("列出规则所依据的全部文件和惯例，而不是说明一条规则",
                  "List every document and practice the rules cite, instead of one rule"))
@LANG_OPTION
@CONFIG_OPTION
def explain(rule, sources, lang, config) -> None:
    from perflint.catalog_view import explain_rule, explain_sources
    from perflint.engine.registry import load_catalog
    from perflint.errors import UsageError, did_you_mean

    if sources and rule is not None:
        raise UsageError(Text("请给出一条规则或者 --sources，不能同时给出", "give either a rule or --sources, not both"))
    if not sources and rule is None:
        raise UsageError(Text("缺少规则：请给出规则的代码或名称，或者 --sources",
                              "missing RULE: give a rule's code or slug, or --sources"))
    settings = _settings(config, lang=lang)
    catalog = load_catalog(settings.plugins, settings.rules_dirs)
    if sources:
        click.echo(explain_sources(catalog, settings.lang))
        return
    found = catalog.get(rule)
    if found is None:
        hint = did_you_mean(rule.lower(), catalog.names())
        raise UsageError(Text(f"没有规则“{rule}”{hint.zh}", f"unknown rule {rule!r}{hint.en}"))
    click.echo(explain_rule(found, settings.lang))


@main.command(help_text=cli_text.CLEAN, epilog_text=cli_text.CLEAN_EPILOG)
@option("--cache-dir", metavar=Text("目录", "DIR"),
        help=Text("要删除的缓存目录（默认为 .perflint_cache）", "The cache to remove (default .perflint_cache)"))
@LANG_OPTION
@CONFIG_OPTION
@click.pass_context
def clean(ctx, cache_dir, lang, config) -> None:
    from perflint.cache import clean as remove

    settings = _settings(config, lang=lang, cache_dir=Path(cache_dir) if cache_dir else None)
    ctx.meta[LANG_KEY] = settings.lang
    removed = remove(settings)
    if removed is None:
        _say(ctx, Text("perflint：没有缓存可删除", "perflint: no cache to remove"))
    else:
        _say(ctx, Text(f"perflint：已删除缓存 {removed}", f"perflint: removed the cache {removed}"))


@main.command("config", help_text=cli_text.CONFIG, epilog_text=cli_text.CONFIG_EPILOG)
@option("--format", "fmt", type=Choice(["table", "json"]), default="table", help=Text("表格（默认）或 JSON",
                                                                                      "A table (default) or JSON"))
@LANG_OPTION
@CONFIG_OPTION
def show_config(fmt, lang, config) -> None:
    from perflint.settings_view import settings_json, settings_table

    settings = _settings(config, lang=lang)
    if fmt == "json":
        click.echo(json.dumps(settings_json(settings), ensure_ascii=False, indent=2))
    else:
        click.echo(settings_table(settings, settings.lang))


@main.command(help_text=cli_text.SCHEMA, epilog_text=cli_text.SCHEMA_EPILOG)
def schema() -> None:
    from perflint.schema import document_schema

    click.echo(json.dumps(document_schema(), ensure_ascii=False, indent=2))


def _write_new(ctx, path: str, text: str, force: bool) -> None:
    """Write a file perflint creates (a template, an import), refusing to overwrite one without --force."""
    from perflint.errors import UsageError, os_reason

    target = Path(path)
    if target.exists() and not force:
        raise UsageError(Text(f"{target} 已存在；要覆盖请加 --force", f"{target} exists; use --force to overwrite it"))
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        reason = os_reason(exc)
        raise UsageError(Text(f"无法写入 {target}：{reason.zh}", f"cannot write {target}: {reason.en}")) from exc
    _say(ctx, Text(f"已写入 {target}", f"wrote {target}"))


@main.command(help_text=cli_text.INIT, epilog_text=cli_text.INIT_EPILOG, lang_is_message_language=False)
@argument("path", Text("[文件]", "[FILE]"), default="perflint-document.yaml")
@option("--lang", type=LANG, default="zh", help=Text("模板的字段名语言（默认 zh）", "Key language of the template (default "
                                                                                 "zh)"))
@option("--force", is_flag=True, help=Text("覆盖已有文件", "Overwrite an existing file"))
@click.pass_context
def init(ctx, path, lang, force) -> None:
    from perflint.template import template

    if path == "-":
        click.echo(template(lang), nl=False)
        return
    _write_new(ctx, path, template(lang), force)


@main.command("import", help_text=cli_text.IMPORT, epilog_text=cli_text.IMPORT_EPILOG, lang_is_message_language=False)
@argument("path", FILE)
@option("-o", "--output", metavar=FILE,
        help=Text("把 YAML 写入此文件（默认标准输出）", "Write the YAML here (default: standard output)"))
@option("--lang", type=LANG, default="zh", help=Text("YAML 的字段名语言（默认 zh）", "Key language of the YAML (default zh)"))
@option("--force", is_flag=True, help=Text("覆盖已有的输出文件", "Overwrite an existing output file"))
@click.pass_context
def import_document(ctx, path, output, lang, force) -> None:
    from perflint.check import active_rules
    from perflint.engine.runner import fails, lint
    from perflint.load import load_path
    from perflint.load.writer import to_yaml
    from perflint.report.text import text_line

    settings = _settings(None)
    loaded = load_path(path, max_size=settings.max_file_size)
    # What the reader skipped or guessed: the input rules' findings, nothing else.
    reported = lint(loaded, active_rules(replace(settings, select=("PF0",), ignore=())), settings.lang)
    for f in reported:
        click.echo(text_line(f), err=True)
    if loaded.document is None:
        sys.exit(1)
    text = to_yaml(loaded.document, lang)
    if output is None or output == "-":
        click.echo(text, nl=False)
    else:
        _write_new(ctx, output, text, force)
    if fails(reported, "error"):
        sys.exit(1)


@main.command(help_text=cli_text.VALUE, epilog_text=cli_text.VALUE_EPILOG)
@argument("texts", Text("指标值...", "TEXT..."), nargs=-1, required=True)
def value(texts) -> None:
    from perflint.values import parse_value

    for text in texts:
        lines = sys.stdin.read().splitlines() if text == "-" else [text]
        for line in lines:
            click.echo(json.dumps(parse_value(line).to_json(), ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
