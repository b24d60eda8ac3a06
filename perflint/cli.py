"""The command line (cli.md). Imports are deferred so `perflint --version` and hooks start fast."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from perflint import __version__

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
    """Turns perflint's own usage errors into exit status 2 with a one-line message, never a traceback."""

    def invoke(self, ctx: click.Context):
        from perflint.errors import UsageError

        try:
            return super().invoke(ctx)
        except UsageError as exc:
            click.echo(f"perflint: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="perflint")
def main() -> None:
    """perflint：预算绩效目标文本检查工具 / a linter for budget performance documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=LANG, help="Message language (default zh, or the configuration's).")
@click.option("--fail-on", type=SEVERITY, help="Lowest severity that makes the exit status 1 (default warning).")
@click.option("--select", multiple=True, help="Rules to run: codes, code prefixes, slugs or categories.")
@click.option("--ignore", multiple=True, help="Rules not to run.")
@click.option("--framework", type=click.Choice(["auto", "2015", "2021"]), help="Indicator framework.")
@click.option("--config", type=click.Path(dir_okay=False), help="Configuration file (default: found upwards).")
@click.option("--stdin-filename", help="The name to report for a document read from standard input (-).")
def check(paths, fmt, lang, fail_on, select, ignore, framework, config, stdin_filename) -> None:
    """Check documents: files, directories (recursively) or - for standard input."""
    from perflint.check import run_check

    settings = _settings(config, lang=lang, fail_on=fail_on, select=_split(select), ignore=_split(ignore),
                         framework=framework)
    outcome = run_check(list(paths), settings, fmt, sys.stdout, stdin_filename)
    sys.exit(1 if outcome.failed else 0)


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


@main.command()
@click.argument("rule")
@click.option("--lang", type=LANG)
@click.option("--config", type=click.Path(dir_okay=False))
def explain(rule, lang, config) -> None:
    """Show a rule's documentation (by code or slug)."""
    from perflint.catalog_view import explain_rule
    from perflint.engine.registry import load_catalog
    from perflint.errors import UsageError

    settings = _settings(config, lang=lang)
    found = load_catalog(settings.plugins, settings.rules_dirs).get(rule)
    if found is None:
        raise UsageError(f"unknown rule {rule!r}")
    click.echo(explain_rule(found, settings.lang))


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
