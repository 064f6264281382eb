"""``operands`` is worked out once per command and tool and kept on the command: a caller that changes the list it
got must not change what the next caller gets, and a different tool's options are read with that tool's table."""

from __future__ import annotations

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script


def _command(source: str) -> Command:
    return parse_script(source, path="install.sh").commands[0]


def test_each_call_gets_its_own_list() -> None:
    command = _command("curl -o /tmp/x https://vendor.io/get.sh\n")
    first = operands(command)
    assert [w.text for w in first] == ["https://vendor.io/get.sh"]
    first.clear()
    assert [w.text for w in operands(command)] == ["https://vendor.io/get.sh"]


def test_another_tool_is_read_with_its_own_options() -> None:
    command = _command("mytool -o /tmp/x https://vendor.io/get.sh\n")
    assert [w.text for w in operands(command)] == ["/tmp/x", "https://vendor.io/get.sh"]  # -o takes no value here
    assert [w.text for w in operands(command, "curl")] == ["https://vendor.io/get.sh"]  # curl's -o takes one
    assert [w.text for w in operands(command)] == ["/tmp/x", "https://vendor.io/get.sh"]
