"""The suite's checks run without the result cache: tests replace rules in memory, which a cache keyed on
files could not see. tests/test_cache.py turns it on where it is the subject.

Subprocesses (`python -m perflint`, `python -c`) must import the installed package, as a user's would:
run from the repository's root they would otherwise find the source folder perflint/ first, which lacks
perflint.rules and perflint.grammar (those install from rules/ and grammar/). PYTHONSAFEPATH keeps the
working directory off sys.path (Python 3.11+)."""

import os

os.environ["PERFLINT_NO_CACHE"] = "1"
os.environ["PYTHONSAFEPATH"] = "1"
