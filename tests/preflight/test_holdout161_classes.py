"""Classes the hundred-and-sixty-first hold-out set showed (tests/preflight/holdout161: CLI tool and agent installers
that download a release and put it on PATH, holdout79/129/140/153's population sampled a fifth time), each as its
minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_ENDPOINT = "preflight.external_endpoint"
_PRIVILEGE = "preflight.implicit_privilege"


# -- A/B: a ``[ … ]`` test whose line break is inside a quoted command substitution is no runaway test -----------------

_KEY_CHECK = (
    "#!/bin/bash\n"
    "set -e\n"
    'if [ "$pinned" != "$(gpg --dry-run --import key.asc |\n'  # 3
    "    sed -En 's/^ +([A-Z0-9]{40,})$/\\1/gp')\" ]; then\n"  # 4
    "    exit 1\n"
    "fi\n"
    "curl -O https://releases.example.org/tool.zip\n"  # 7
    "mv -f tool /usr/local/bin/tool\n"  # 8
)


def test_a_a_line_break_inside_a_tests_substitution_keeps_the_rest_of_the_file_read() -> None:
    assert codes_at({"install.sh": _KEY_CHECK}, _ENDPOINT) == [7]
    assert codes_at({"install.sh": _KEY_CHECK}, _PRIVILEGE) == [8]


_RUNAWAY = (
    "#!/bin/bash\n"
    "same() {\n"
    '  a=$(echo "$1" | cut -d- -f1)\n'
    '  if [ "$a" \\= "$2" ]\n'
    "  then\n"
    "    return 0\n"
    "  fi\n"
    '  [ -n "$a" ] && return 1\n'
    "}\n"
    "curl -O https://releases.example.org/tool.zip\n"  # 10
    "mv -f tool /usr/local/bin/tool\n"  # 11
)


def test_a_a_test_that_runs_on_over_later_lines_is_still_read_alone() -> None:
    assert codes_at({"install.sh": _RUNAWAY}, _ENDPOINT) == [10]
    assert codes_at({"install.sh": _RUNAWAY}, _PRIVILEGE) == [11]
