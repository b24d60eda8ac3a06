"""The command line (cli.md). Imports are deferred so `perflint --version` and hooks start fast."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Optional

import click

from perflint import __version__
from perflint.report import FORMATS, SUMMARIES

# pydantic looks for plugins among every installed distribution's entry points on first use (about
# 50 ms of start-up); perflint uses none. A user who wants them can still set the variable.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

LANG = click.Choice(["zh", "en"])
SEVERITY = click.Choice(["error", "warning", "info"])


def _split(values: tuple[str, ...]) -> Optional[tuple[str, ...]]:
    """`--select A,B --select C` → (A, B, C); None when not given."""
    items = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    return items or None


def _settings(config: Optional[str], **overrides):
    from perflint.config import load_settings

    return load_settings(Path(config) if config else None).with_overrides(**overrides)


class _Group(click.Group):
    """Exit status 2 with a one-line message for usage errors and for perflint's own bugs; a traceback
    only when PERFLINT_DEBUG is set."""

    def invoke(self, ctx: click.Context):
        from perflint.errors import UsageError

        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(f"perflint: error: {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader went away (`perflint check … | head`): stop quietly, as other tools do.
            sys.stdout = open(os.devnull, "w")
            ctx.exit(1)
        except Exception as exc:
            if os.environ.get("PERFLINT_DEBUG"):
                raise
            click.echo(f"perflint: internal error: {type(exc).__name__}: {exc} "
                       "(set PERFLINT_DEBUG=1 for details, and please report it)", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="perflint")
def main() -> None:
    """perflint：预算绩效目标文本检查工具 / a linter for budget performance documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--statistics", is_flag=True, help="Instead of the findings: how many of each rule, most first.")
@click.option("--summary", type=click.Choice(SUMMARIES),
              help="Instead of the findings: a table per department, per file (worst first) or per rule.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: the CPU count).")
@click.option("--exclude", multiple=True, help="Gitignore-style patterns not to walk into.")
@click.option("--fix", is_flag=True, help="Apply the fixes that cannot change meaning, then report what is left.")
@click.option("--diff", is_flag=True, help="Show what --fix would change, without changing anything.")
@click.option("--baseline", type=click.Path(dir_okay=False, exists=True),
              help="Report only findings this baseline file does not record.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record today's findings in this baseline file (exit status 0).")
@click.option("--lang", type=LANG, help="Message language (default zh, or the configuration's).")
@click.option("--fail-on", type=SEVERITY, help="Lowest severity that makes the exit status 1 (default warning).")
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes, slugs or categories.")
@click.option("--ignore", multiple=True, help="Rules not to run.")
@click.option("--framework", type=click.Choice(["auto", "2015", "2021"]), help="Indicator framework.")
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (default: found upwards).")
@click.option("--stdin-filename", help="The name to report for a document read from standard input (-).")
@click.option("--require-reason", is_flag=True, default=None, help="A suppression comment must give a reason.")
@click.option("--no-cache", is_flag=True, envvar="PERFLINT_NO_CACHE",
              help="Check every document afresh, without reading or writing the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where results are kept (default .perflint_cache).")
def check(paths, fmt, output, statistics, summary, jobs, exclude, fix, diff, baseline, write_baseline, lang, fail_on,
          select, ignore, framework, config, stdin_filename, require_reason, no_cache, cache_dir) -> None:
    """Check documents: files, directories (recursively) or - for standard input."""
    from perflint.check import active_rules, open_output, run_check
    from perflint.errors import UsageError
    from perflint.report import reporter_class
    from perflint.report.base import ReportContext

    settings = _settings(config, lang=lang, fail_on=fail_on, select=_split(select), ignore=_split(ignore),
                         framework=framework, require_reason=require_reason, exclude=_split(exclude),
                         baseline=Path(baseline) if baseline else None, write_baseline=Path(write_baseline) if write_baseline else None,
                         use_cache=not no_cache, cache_dir=Path(cache_dir) if cache_dir else None)
    rules = active_rules(settings)
    if fix or diff:
        changed = _fix(list(paths), settings, rules, write=not diff)
        if diff:
            sys.exit(1 if changed else 0)
    context = ReportContext(settings.lang, {a.rule.code: type(a.rule) for a in rules.active}, __version__)
    if statistics or summary:
        if fmt not in ("text", "json"):
            raise UsageError("--statistics and --summary print a table (text) or JSON (--format json)")
        from perflint.report.summary import StatisticsReporter, SummaryReporter

        cls = StatisticsReporter if statistics else SummaryReporter
        extra = {} if statistics else {"by": summary}
        make = lambda out: cls(out, context, as_json=fmt == "json", **extra)  # noqa: E731
        binary = False
    else:
        chosen = reporter_class(fmt)
        binary = chosen.binary
        if binary and output is None and sys.stdout.isatty():
            raise UsageError(f"--format {fmt} writes a binary file: name it with --output")
        make = lambda out: chosen(out, context)  # noqa: E731
    keys: Optional[list] = [] if write_baseline else None
    with open_output(output, binary) as out:
        outcome = run_check(list(paths), settings, make(out), jobs, stdin_filename, rules, keys)
    if write_baseline:
        from perflint.engine.baseline import write_baseline as write

        count = write(Path(write_baseline), keys)
        click.echo(f"perflint: {count} finding(s) recorded in {write_baseline}", err=True)
        sys.exit(0)
    sys.exit(1 if outcome.failed else 0)


@main.command()
@click.argument("last_year", metavar="LAST_YEAR")
@click.argument("this_year", metavar="THIS_YEAR")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: the CPU count).")
@click.option("--exclude", multiple=True, help="Gitignore-style patterns not to walk into.")
@click.option("--lang", type=LANG, help="Message language (default zh, or the configuration's).")
@click.option("--fail-on", type=SEVERITY, help="Lowest severity that makes the exit status 1 (default warning).")
@click.option("--select", multiple=True, help="Comparison rules to run: codes, slugs or categories.")
@click.option("--ignore", multiple=True, help="Comparison rules not to run.")
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (default: found upwards).")
@click.option("--no-cache", is_flag=True, envvar="PERFLINT_NO_CACHE", help="Read every document afresh.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Where results are kept (default .perflint_cache).")
def compare(last_year, this_year, fmt, output, jobs, exclude, lang, fail_on, select, ignore, config, no_cache,
            cache_dir) -> None:
    """Compare this year's round with last year's (each a file or a directory)."""
    from perflint.compare import command

    settings = _settings(config, lang=lang, fail_on=fail_on, select=_split(select), ignore=_split(ignore),
                         exclude=_split(exclude), use_cache=not no_cache, cache_dir=Path(cache_dir) if cache_dir else None)
    sys.exit(command(last_year, this_year, settings, fmt, output, jobs))


@main.command()
@click.option("--cache-dir", type=click.Path(file_okay=False), help="The cache to remove (default .perflint_cache).")
@click.option("--lang", type=LANG)
@click.option("--config", type=click.Path(dir_okay=False))
def clean(cache_dir, lang, config) -> None:
    """Remove the result cache."""
    from perflint.cache import clean as remove

    settings = _settings(config, lang=lang, cache_dir=Path(cache_dir) if cache_dir else None)
    removed = remove(settings)
    zh = settings.lang == "zh"
    if removed is None:
        click.echo("没有缓存可删除" if zh else "no cache to remove", err=True)
    else:
        click.echo(f"已删除缓存 {removed}" if zh else f"removed the cache {removed}", err=True)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", type=LANG)
@click.option("--config", type=click.Path(dir_okay=False))
def rules(fmt, lang, config) -> None:
    """List the rules: code, slug, category, default severity, summary."""
    from perflint.catalog_view import rules_json, rules_table
    from perflint.engine.registry import load_catalog

    settings = _settings(config, lang=lang)
    catalog = load_catalog(settings.plugins, settings.rules_dirs)
    if fmt == "json":
        click.echo(json.dumps(rules_json(catalog, settings.lang), ensure_ascii=False, indent=2))
    else:
        click.echo(rules_table(catalog, settings.lang))


def _fix(paths: list[str], settings, rules, write: bool) -> int:
    """Fix (or, without `write`, print the diff of) every document; the number of files changed."""
    from perflint.check import document_paths
    from perflint.fix import NotWritten, fix_file, write_atomically
    from perflint.load import STDIN

    files = edits = 0
    for name in document_paths(paths, settings):
        if name == STDIN:  # standard input has no file to fix
            continue
        result = fix_file(name, rules, settings.lang, settings.max_file_size)
        if not result.changed:
            continue
        if write:
            try:
                write_atomically(name, result.after)
            except NotWritten as failure:  # one file that cannot be written does not stop the others
                click.echo(f"perflint: {name}: {failure.reason.get(settings.lang)}", err=True)
                continue
        else:
            click.echo(result.diff(), nl=False)
        files += 1
        edits += result.applied
    if write and files:
        message = (f"perflint: fixed {edits} in {files} file(s)" if settings.lang == "en"
                   else f"perflint：已在 {files} 个文件中修复 {edits} 处")
        click.echo(message, err=True)
    return files


@main.command()
@click.argument("rule", required=False)
@click.option("--sources", is_flag=True, help="List every document and practice the rules cite, instead of one rule.")
@click.option("--lang", type=LANG)
@click.option("--config", type=click.Path(dir_okay=False))
def explain(rule, sources, lang, config) -> None:
    """Show a rule's documentation (by code or slug), or with --sources the documents the rules rest on."""
    from perflint.catalog_view import explain_rule, explain_sources
    from perflint.engine.registry import load_catalog
    from perflint.errors import UsageError

    if sources == (rule is not None):
        raise UsageError("give either a rule (code or slug) or --sources")
    settings = _settings(config, lang=lang)
    catalog = load_catalog(settings.plugins, settings.rules_dirs)
    if sources:
        click.echo(explain_sources(catalog, settings.lang))
        return
    found = catalog.get(rule)
    if found is None:
        raise UsageError(f"unknown rule {rule!r}")
    click.echo(explain_rule(found, settings.lang))


@main.command("config")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--config", type=click.Path(dir_okay=False))
def show_config(fmt, config) -> None:
    """Show the effective settings and where each came from."""
    from perflint.settings_view import settings_json, settings_table

    settings = _settings(config)
    if fmt == "json":
        click.echo(json.dumps(settings_json(settings), ensure_ascii=False, indent=2))
    else:
        click.echo(settings_table(settings))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the document format (English and Chinese keys), for YAML editors."""
    from perflint.schema import document_schema

    click.echo(json.dumps(document_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("path", type=click.Path(dir_okay=False), default="perflint-document.yaml")
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Key language of the template.")
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(path, lang, force) -> None:
    """Write a commented template document to fill in (default: perflint-document.yaml)."""
    from perflint.errors import UsageError
    from perflint.template import template

    target = Path(path)
    if target.exists() and not force:
        raise UsageError(f"{target} exists; use --force to overwrite it")
    target.write_text(template(lang), encoding="utf-8")
    click.echo(f"wrote {target}")


@main.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the YAML here (default: standard output).")
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Key language of the YAML.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def import_document(path, output, lang, force) -> None:
    """Convert a .txt/.md/.docx/.xlsx (or .yaml) document to the YAML format.

    What could not be read with confidence is reported on standard error. The YAML is written whenever
    a document was read, even one that lacks a required field; the exit status is 1 when the document
    could not be read at all or an error was reported (a missing department, year or project name)."""
    from perflint.check import active_rules
    from perflint.engine.runner import fails, lint
    from perflint.errors import UsageError
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
    if output is None:
        click.echo(text, nl=False)
    else:
        target = Path(output)
        if target.exists() and not force:
            raise UsageError(f"{target} exists; use --force to overwrite it")
        target.write_text(text, encoding="utf-8")
        click.echo(f"wrote {target}", err=True)
    if fails(reported, "error"):
        sys.exit(1)


@main.command()
@click.argument("texts", nargs=-1, required=True)
def value(texts) -> None:
    """Show how 指标值 strings are read: one JSON object per input (- reads lines from standard input)."""
    from perflint.values import parse_value

    for text in texts:
        lines = sys.stdin.read().splitlines() if text == "-" else [text]
        for line in lines:
            click.echo(json.dumps(parse_value(line).to_json(), ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
