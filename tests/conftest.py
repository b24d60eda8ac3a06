"""What every test runs under.

The suite's checks run without the result cache: tests replace rules in memory, which a cache keyed on
files could not see. tests/test_cache.py turns it on where it is the subject.

Subprocesses (`python -m perflint`, `python -c`) must import the installed package, as a user's would:
run from the repository's root they would otherwise find the source folder perflint/ first, which lacks
perflint.rules and perflint.grammar (those install from rules/ and grammar/). PYTHONSAFEPATH keeps the
working directory off sys.path (Python 3.11+)."""

import os

os.environ["PERFLINT_NO_CACHE"] = "1"
os.environ["PYTHONSAFEPATH"] = "1"

import pytest


@pytest.fixture(autouse=True)
def tracebacks_not_exit_codes(monkeypatch):
    """A crash must fail the test that caused it: with PERFLINT_DEBUG the command line re-raises its
    internal errors and the runner a rule's exception, instead of exit status 2 or a PF000 finding
    that an exit-status-only test would take for findings. (CliRunner calls pass catch_exceptions=False.)"""
    monkeypatch.setenv("PERFLINT_DEBUG", "1")



def pytest_make_parametrize_id(config, val, argname):
    """An id that selects its test on the command line (tests/x.py::test[id]), as mutation testing does:
    pytest's own id for a string is the string, which may hold brackets, `::`, white space at an end or
    thousands of characters (and, with the escaping mutation testing turns off, bytes stay bytes)."""
    if isinstance(val, bytes):
        text = val.decode("ascii", "backslashreplace")
    elif isinstance(val, str):
        text = val.encode("unicode_escape").decode("ascii")
    else:
        return None
    if len(text) > 60:
        text = f"{text[:40]}...({len(val)} characters)"
    text = text.replace("[", "(").replace("]", ")").replace("::", ": :")
    return text if text and text == text.strip() else repr(text)
