"""The suite's checks run without the result cache: tests replace rules in memory, which a cache keyed on
files could not see. tests/test_cache.py turns it on where it is the subject."""

import os

os.environ["PERFLINT_NO_CACHE"] = "1"
