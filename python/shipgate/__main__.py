"""``python -m shipgate`` is the ``shipgate`` command."""

from shipgate.cli import run

run()
