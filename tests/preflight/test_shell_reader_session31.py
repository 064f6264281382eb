"""Two reader classes (session 31): a redirection written after a list or pipeline belongs to the command it follows,
not to every command of the list (tree-sitter-bash reads ``a && b > f`` as the redirection of the whole list); and
the commands and words of a string run as shell over several lines (``sh -c``, ``bash -c``, ``su -c``, ``sudo sh
-c``, ``ssh host``) carry the file's lines, not the string's."""

from __future__ import annotations

import pytest
from preflight_kit import in_script

from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.written_config import written_lines

PRIVILEGE = "preflight.implicit_privilege"
SECRET = "preflight.secret_printed"


def _outputs(source: str) -> list[tuple[str | None, int, tuple[str, ...]]]:
    """(name, line, output targets) of each command of ``source``."""
    script = parse_script("#!/bin/sh\n" + source, path="x.sh")
    return [(c.name, c.line, _targets(c)) for c in script.commands]


def _targets(command: Command) -> tuple[str, ...]:
    return tuple(r.target.text for r in command.redirects if r.op.startswith(">") and r.target is not None)


# -- A: a redirection after a list or pipeline is its last command's -------------------------------------------------


@pytest.mark.parametrize("operator", ["&&", "||", ";"])
def test_a_list_redirection_is_the_last_commands(operator: str) -> None:
    assert _outputs(f"mkdir -p /srv {operator} echo done > /srv/log\n") == [
        ("mkdir", 2, ()),
        ("echo", 2, ("/srv/log",)),
    ]


def test_a_longer_list_over_lines_gives_its_redirection_to_the_last_command_only() -> None:
    # keepm's start.sh: ``apk update && apk add bash && echo "" > /root/.ash_history``
    source = 'apk update \\\n&& apk add bash \\\n&& echo "" > /root/.ash_history\n'
    assert _outputs(source) == [("apk", 2, ()), ("apk", 3, ()), ("echo", 4, ("/root/.ash_history",))]


def test_a_pipeline_redirection_is_its_last_members() -> None:
    assert _outputs("grep x /etc/hosts | sort > /srv/out\n") == [("grep", 2, ()), ("sort", 2, ("/srv/out",))]
    assert _outputs("true && grep x f | sort >> /srv/out\n") == [
        ("true", 2, ()),
        ("grep", 2, ()),
        ("sort", 2, ("/srv/out",)),
    ]


def test_a_a_group_or_subshell_redirection_covers_its_members() -> None:
    assert _outputs("{ echo a; echo b; } > /srv/out\n") == [("echo", 2, ("/srv/out",)), ("echo", 2, ("/srv/out",))]
    assert _outputs("(echo a; echo b) > /srv/out\n") == [("echo", 2, ("/srv/out",)), ("echo", 2, ("/srv/out",))]


def test_a_a_descriptor_redirection_after_a_list_is_the_last_commands() -> None:
    script = parse_script("#!/bin/sh\nmkdir -p /srv && curl -fsS https://x.example/a 2>/dev/null\n", path="x.sh")
    mkdir, curl = script.commands
    assert mkdir.redirects == ()
    assert [(r.op, r.fd) for r in curl.redirects] == [(">", "2")]


def test_a_heredoc_on_a_later_command_of_a_list_is_that_commands() -> None:
    source = "mkdir -p /etc/app && cat <<EOF > /etc/app/app.conf\nport=8080\nEOF\n"
    script = parse_script("#!/bin/sh\n" + source, path="x.sh")
    mkdir, cat = script.commands
    assert mkdir.redirects == ()
    assert [r.body for r in cat.redirects if r.body is not None] == ["port=8080\n"]
    assert _targets(cat) == ("/etc/app/app.conf",)
    assert [(w.line, w.target, w.text) for w in written_lines(script)] == [(3, "/etc/app/app.conf", "port=8080")]


def test_a_a_secret_teed_into_a_file_with_tees_output_discarded_is_not_printed() -> None:
    # the ``> /dev/null`` is tee's alone now: echo's output goes down the pipe, tee's copy is thrown away
    teed = ('TOKEN="$1"', 'echo "$TOKEN" | tee /srv/app/token > /dev/null')
    assert in_script(SECRET, *teed) == []
    assert in_script(SECRET, 'TOKEN="$1"', 'echo "$TOKEN" | tee /srv/app/token') == [4]
    assert in_script(SECRET, 'TOKEN="$1"', 'echo "$TOKEN" | tee /srv/app/token 2>/dev/null') == [4]


def test_a_the_first_commands_write_is_not_reported_on_the_redirection() -> None:
    # the write into /root belongs to ``echo`` on line 5 alone; ``cd /tmp`` (line 3) writes nothing
    assert in_script(PRIVILEGE, "cd /tmp \\", "  && echo ready \\", '  && echo "" > /root/.ash_history') == [5]


# -- B: a string run as shell over several lines keeps the file's lines ----------------------------------------------

_RUNNERS = [
    ('sh -c "', '"'),
    ("bash -c '", "'"),
    ('su -c "', '" root'),
    ('sudo sh -c "', '"'),
    ('ssh deploy@db.example "', '"'),
]


@pytest.mark.parametrize(("opening", "closing"), _RUNNERS)
def test_b_a_string_starting_on_the_commands_line(opening: str, closing: str) -> None:
    source = f"{opening}mkdir -p /srv/app\n  echo x > /srv/app/flag\n  touch /srv/app/done{closing}\n"
    script = parse_script("#!/bin/sh\n\n" + source, path="x.sh")
    inner = [c for c in script.commands if c.via is not None]
    assert [(c.name, c.line) for c in inner] == [("mkdir", 3), ("echo", 4), ("touch", 5)]
    assert [w.line for c in inner for w in c.writes()] == [4]


@pytest.mark.parametrize(("opening", "closing"), _RUNNERS)
def test_b_a_string_starting_on_the_next_line(opening: str, closing: str) -> None:
    runner, quote = opening[:-1], opening[-1]
    source = f"{runner}\\\n  {quote}mkdir -p /srv/app\n  echo x > /srv/app/flag{closing}\n"
    script = parse_script("#!/bin/sh\n\n" + source, path="x.sh")
    inner = [c for c in script.commands if c.via is not None]
    assert [(c.name, c.line) for c in inner] == [("mkdir", 4), ("echo", 5)]
    assert [w.line for c in inner for w in c.writes()] == [5]


def test_b_a_write_inside_a_string_is_reported_at_the_files_line() -> None:
    assert in_script(PRIVILEGE, 'sh -c "echo a', '  echo b > /etc/app.conf"') == [4]
    assert in_script(PRIVILEGE, "bash -c \\", "  'echo a", "  echo b >> /etc/app.conf'") == [5]


def test_b_a_string_on_one_line_stays_on_its_line() -> None:
    assert in_script(PRIVILEGE, 'sh -c "echo a; echo b > /etc/app.conf"') == [3]
    script = parse_script('#!/bin/sh\nssh db.example "echo a; echo b > /srv/f"\n', path="x.sh")
    assert [(c.name, c.line, [w.line for w in c.writes()]) for c in script.commands if c.via == "ssh"] == [
        ("echo", 2, []),
        ("echo", 2, [2]),
    ]


def test_b_ssh_with_a_command_of_several_words_is_read_on_its_line() -> None:
    script = parse_script("#!/bin/sh\nssh db.example systemctl restart app\n", path="x.sh")
    assert [(c.name, c.line) for c in script.commands if c.via == "ssh"] == [("systemctl", 2)]
