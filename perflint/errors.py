"""Errors that stop the command itself (exit status 2), as opposed to findings."""


class UsageError(Exception):
    """Bad configuration, an unknown rule, a plugin that cannot be loaded: the run cannot start."""
