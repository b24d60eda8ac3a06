"""perflint: a rule-based linter for Chinese budget performance documents."""

__version__ = "0.1.0"
