"""``python -m shipgate.codes``: print docs/findings.md, generated from the registry."""

import sys

from shipgate.codes import markdown

sys.stdout.write(markdown())
