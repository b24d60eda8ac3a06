"""click in perflint's two languages: help pages, usage errors and choices in Chinese by default and in
English with `--lang en` (or the configuration's `lang`).

click's own words ("Usage:", "Options", "Error: No such option") are English only, so the command,
group and option classes here render help from `Text`s, and click's usage errors are re-rendered
from their attributes (the option, the parameter, the close matches click found) as one line in the
user's language. Help text is wrapped by display width, so Chinese lines fit the terminal.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Optional

import click

from perflint.text import Text

LANG_KEY = "perflint.lang"

WORDS = {
    "usage": Text("用法：", "Usage: "),
    "options": Text("选项", "Options"),
    "commands": Text("命令", "Commands"),
    "options_metavar": Text("[选项]", "[OPTIONS]"),
    "subcommand_metavar": Text("命令 [参数]...", "COMMAND [ARGS]..."),
    "help": Text("显示本帮助并退出", "Show this message and exit."),
    "version": Text("显示版本号并退出", "Show the version and exit."),
    "error": Text("错误", "error"),
}


_CONFIG_KEY = "perflint.config-given"


def language(ctx: Optional[click.Context]) -> str:
    """The language of help and messages: the --lang given, else the configuration's (looked up the first
    time it is needed: a help page, an error), else Chinese."""
    if ctx is None:
        return "zh"
    if LANG_KEY not in ctx.meta:
        from pathlib import Path

        from perflint.config import preferred_lang

        config = ctx.meta.get(_CONFIG_KEY)
        ctx.meta[LANG_KEY] = preferred_lang(Path(config) if config else None)
    return ctx.meta[LANG_KEY]


def _given(args: list[str], name: str) -> Optional[str]:
    """The value of `--name X` or `--name=X` among the arguments (before a bare --)."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg[len(name) + 1:]
    return None


def _set_language(ctx: click.Context, args: list[str], given: Optional[str]) -> None:
    """Known before any option is processed, so that --help and option errors are in it too: the --lang
    given (here, or before the command), else the configuration's (see `language`)."""
    if given in ("zh", "en"):
        ctx.meta[LANG_KEY] = given
    config = _given(args, "--config")
    if config:
        ctx.meta[_CONFIG_KEY] = config


def _before_command(args: list[str]) -> list[str]:
    """The group's own arguments: those before the command's name (`--lang en` in `perflint --lang en check`)."""
    for i, arg in enumerate(args):
        if not arg.startswith("-") and (i == 0 or args[i - 1] != "--lang"):
            return args[:i]
    return args


# Display-width wrapping: click measures text in characters, so a Chinese line of 78 characters would
# take 156 columns. Lines may break between Chinese characters, never before closing punctuation.
_WIDE_CHARS = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")


@lru_cache(maxsize=1)
def _tokens() -> re.Pattern:
    """A wide character, a run of other non-space characters, or spaces (compiled on first help page)."""
    return re.compile(f"[{_WIDE_CHARS}]|[^\\s{_WIDE_CHARS}]+|\\s+")


def _is_wide(char: str) -> bool:
    return bool(char) and ("\u2e80" <= char <= "\u9fff" or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef")


def _width(text: str) -> int:
    from wcwidth import wcswidth  # for help pages only: not on the way of `perflint check`

    return max(0, wcswidth(text))


def wrap(text: str, width: int) -> list[str]:
    """One paragraph in lines of at most `width` columns. Closing punctuation (，。）) never starts a line:
    it goes down with the character before it."""
    lines: list[str] = []
    tokens: list[str] = []
    for token in _tokens().findall(text):
        if token.isspace():
            if tokens and tokens[-1] != " ":
                tokens.append(" ")
            continue
        if tokens and _width("".join(tokens) + token) > width:
            carried = []
            if token in _NO_LINE_START and len(tokens) > 1:
                carried = [tokens.pop()]
            lines.append("".join(tokens).rstrip())
            tokens = carried
        tokens.append(token)
    if "".join(tokens).strip():
        lines.append("".join(tokens).rstrip())
    return lines


def _join(lines: list[str]) -> str:
    """A paragraph's source lines as one: no space is put between two Chinese characters."""
    joined = ""
    for line in lines:
        line = line.strip()
        if joined and not (_is_wide(line[:1]) and _is_wide(joined[-1:])):
            joined += " "
        joined += line
    return joined


def wrap_lines(text: str, width: int) -> list[str]:
    """Text as lines of at most `width` columns: paragraphs (separated by a blank line) are rewrapped, a
    blank line between them; a paragraph whose first line is only \b is kept as it is (click's marker)."""
    lines: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        block_lines = block.splitlines()
        if lines:
            lines.append("")
        if block_lines and block_lines[0].strip() == "\b":
            lines.extend(block_lines[1:])
            continue
        indent = len(block_lines[0]) - len(block_lines[0].lstrip())
        lines.extend(" " * indent + line for line in wrap(_join(block_lines), max(10, width - indent)))
    return lines


class HelpFormatter(click.HelpFormatter):
    """click's help layout, measured in display columns."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for line in wrap_lines(text, self.width - self.current_indent):
            self.write(f"{indent}{line}\n" if line else "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((_width(term) for term, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        for term, text in rows:
            self.write(f"{indent}{term}")
            if not text:
                self.write("\n")
                continue
            if _width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(term)))
            else:
                self.write("\n" + indent + " " * first_col)
            lines = wrap_lines(text, max(self.width - first_col - 2, 10)) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{indent}{' ' * first_col}{line}\n" if line else "\n")


class Context(click.Context):
    formatter_class = HelpFormatter


class UsageError(click.UsageError):
    """A usage error already in the user's language, shown as one line."""

    def __init__(self, message: Text, ctx: Optional[click.Context]) -> None:
        super().__init__(message.get(language(ctx)), ctx)
        self.text = message

    def show(self, file: Any = None) -> None:
        lang = language(self.ctx)
        command = self.ctx.command_path if self.ctx is not None else "perflint"
        hint = (f"（运行“{command} -h”查看帮助）" if lang == "zh" else f" (see '{command} -h')")
        click.echo(f"{command}: {WORDS['error'].get(lang)}: {self.message}{hint}", err=True)


def _usage_text(exc: click.UsageError) -> Text:
    """click's usage error in both languages, from what it carries rather than its English sentence."""
    if isinstance(exc, click.NoSuchOption):
        close = "、".join(exc.possibilities or ())
        return Text(f"没有选项 {exc.option_name}" + (f"；是否应为 {close}？" if close else ""),
                    f"no such option {exc.option_name}" + (f"; did you mean {', '.join(exc.possibilities)}?"
                                                           if close else ""))
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        metavar = getattr(param, "metavar_text", None)
        name = metavar.zh if metavar is not None else (param.human_readable_name if param is not None else "")
        name_en = metavar.en if metavar is not None else name
        return Text(f"缺少{name}", f"missing {name_en}")
    if isinstance(exc, click.BadParameter):
        # perflint's parameter types give their reason in the user's language already.
        name = " / ".join(exc.param.opts) if exc.param is not None else ""
        return Text(f"{name} 的值无效：{exc.message}", f"invalid value for {name}: {exc.message}")
    if isinstance(exc, click.BadOptionUsage):
        if "does not take" in exc.message:
            return Text(f"选项 {exc.option_name} 不接受值", f"option {exc.option_name} does not take a value")
        return Text(f"选项 {exc.option_name} 需要一个值", f"option {exc.option_name} needs a value")
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)", exc.message)
    if extra:
        return Text(f"多余的参数：{extra.group(1)}", f"unexpected extra argument: {extra.group(1)}")
    return Text(exc.message, exc.message)


def _localized(ctx: click.Context, exc: click.UsageError) -> click.UsageError:
    if isinstance(exc, UsageError):
        return exc
    return UsageError(_usage_text(exc), exc.ctx or ctx)


class Option(click.Option):
    """An option whose help (`help_text=`) and value name (`metavar_text=`) are `Text`s; defaults are stated
    in the help, in its language."""

    def __init__(self, *args: Any, help_text: Optional[Text] = None, metavar_text: Optional[Text] = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_text = help_text
        self.metavar_text = metavar_text
        self.show_default = False

    def get_help_record(self, ctx: click.Context):
        lang = language(ctx)
        if self.help_text is not None:
            self.help = self.help_text.get(lang)
        if self.metavar_text is not None:
            self.metavar = self.metavar_text.get(lang)
        return super().get_help_record(ctx)


class Argument(click.Argument):
    """An argument whose name in the usage line (`metavar_text=`) is a `Text`."""

    def __init__(self, *args: Any, metavar_text: Optional[Text] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.metavar_text = metavar_text

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        if self.metavar_text is not None:
            self.metavar = self.metavar_text.get(language(ctx))
        return super().get_usage_pieces(ctx)


class _Localized:
    """What perflint's command and group share: help, usage line and errors in the user's language."""

    context_class = Context
    # False for the commands whose --lang is the language of the keys they write (init, import).
    lang_is_message_language = True

    def __init__(self, *args: Any, help_text: Text, epilog_text: Optional[Text] = None,
                 lang_is_message_language: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_text = help_text
        self.epilog_text = epilog_text
        self.lang_is_message_language = lang_is_message_language

    def summary(self, lang: str) -> str:
        """The first sentence of the help: the line `perflint --help` shows for the command."""
        return self.help_text.get(lang).strip().splitlines()[0]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if isinstance(self, click.Group):
            given = _given(_before_command(args), "--lang")
        else:
            given = _given(args, "--lang") if self.lang_is_message_language else None
        _set_language(ctx, args, given)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            raise _localized(ctx, exc) from exc

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language(ctx)
        self.help = self.help_text.get(lang)
        self.epilog = self.epilog_text.get(lang) if self.epilog_text else None
        self.options_metavar = WORDS["options_metavar"].get(lang)
        super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.options_metavar = WORDS["options_metavar"].get(language(ctx))
        if isinstance(self, click.Group):
            self.subcommand_metavar = WORDS["subcommand_metavar"].get(language(ctx))
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              WORDS["usage"].get(language(ctx)))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        help_option = self.get_help_option(ctx)
        if help_option is not None:
            help_option.help = WORDS["help"].get(language(ctx))
        rows = [record for param in self.get_params(ctx) if isinstance(param, click.Option)
                for record in [param.get_help_record(ctx)] if record is not None]
        if rows:
            with formatter.section(WORDS["options"].get(language(ctx))):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)



class Command(_Localized, click.Command):
    pass


class Group(_Localized, click.Group):
    command_class = Command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = language(ctx)
        rows = [(name, self.commands[name].summary(lang)) for name in self.list_commands(ctx)
                if not self.commands[name].hidden]
        with formatter.section(WORDS["commands"].get(lang)):
            formatter.write_dl(rows)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from perflint.errors import did_you_mean

            hint = did_you_mean(name, self.list_commands(ctx))
            raise UsageError(Text(f"没有命令“{name}”{hint.zh}", f"no such command {name!r}{hint.en}"), ctx)
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:
            raise _localized(ctx, exc) from exc


class Choice(click.Choice):
    """A choice whose error lists the choices and the closest one, in the user's language."""

    def convert(self, value: Any, param: Optional[click.Parameter], ctx: Optional[click.Context]) -> Any:
        if value in self.choices:
            return value
        from perflint.errors import did_you_mean

        choices = [str(c) for c in self.choices]
        hint = did_you_mean(str(value), choices)
        self.fail(Text(f"“{value}”不是可选值（{'、'.join(choices)}）之一{hint.zh}",
                       f"{value!r} is not one of {', '.join(choices)}{hint.en}").get(language(ctx)), param, ctx)


class PositiveInt(click.ParamType):
    name = "integer"

    def convert(self, value: Any, param: Optional[click.Parameter], ctx: Optional[click.Context]) -> Any:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if number < 1:
            self.fail(Text(f"“{value}”不是正整数", f"{value!r} is not a positive whole number").get(language(ctx)),
                      param, ctx)
        return number
