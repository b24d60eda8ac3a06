"""What every test runs under."""

import pytest


@pytest.fixture(autouse=True)
def tracebacks_not_exit_codes(monkeypatch):
    """A crash must fail the test that caused it: with PERFLINT_DEBUG the command line re-raises its
    internal errors and the runner a rule's exception, instead of exit status 2 or a PF000 finding
    that an exit-status-only test would take for findings. (CliRunner calls pass catch_exceptions=False.)"""
    monkeypatch.setenv("PERFLINT_DEBUG", "1")
