"""tree-sitter-bash #347: after a pipeline of three or more commands, a line that goes on with ``&&``/``||`` is
parsed as arguments of the pipeline's last command, with no error in the tree. The reader reads that part of the
node again on its own, so the next line's commands are seen; a backslash-continued line stays one command."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.shell.reader import parse_script

_JOINED = "#!/bin/sh\nip -4 addr | grep inet | cut -d / -f 1 | nl -s ') '\nsystemctl disable vendor && echo off\n"


def test_the_line_after_a_long_pipeline_is_its_own_command() -> None:
    script = parse_script(_JOINED, path="setup.sh")
    found = [(c.line, c.name, c.args, c.piped_from[-1:]) for c in script.commands]
    assert (2, "nl", ("-s", ") "), ("cut",)) in found
    assert (3, "systemctl", ("disable", "vendor"), ()) in found
    assert (3, "echo", ("off",), ()) in found
    assert codes_at({"setup.sh": _JOINED}, "preflight.service_disabled") == [3]


def test_the_recovered_line_sees_the_scripts_variables() -> None:
    text = '#!/bin/sh\nunit=vendor\na | b | c\nsystemctl disable "$unit" || true\n'
    disabled = [c for c in parse_script(text, path="s.sh").commands if c.name == "systemctl"]
    assert [(c.line, c.args) for c in disabled] == [(4, ("disable", "vendor"))]


def test_a_continued_line_or_a_short_pipeline_is_read_as_written() -> None:
    continued = "#!/bin/sh\na | b | tee -a \\\n  /tmp/log && echo off\n"
    names = [(c.line, c.name, c.args) for c in parse_script(continued, path="s.sh").commands]
    assert (2, "tee", ("-a", "/tmp/log")) in names
    assert [n for _, n, _ in names] == ["a", "b", "tee", "echo"]
    short = "#!/bin/sh\na | nl\nsystemctl disable vendor && echo off\n"
    assert codes_at({"setup.sh": short}, "preflight.service_disabled") == [3]
