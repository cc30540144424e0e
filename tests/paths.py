"""Where the tests' files live, whichever folder a test module sits in."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
# The real post the composer must be able to produce, beside the checkout (../shared).
REFERENCE = TESTS.parents[1] / "shared" / "reference"
# The REFI-QDA schemas (XSD) and examples, beside the checkout (../shared).
REFI = TESTS.parents[1] / "shared" / "refi-qda"
