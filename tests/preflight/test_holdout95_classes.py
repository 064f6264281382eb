"""Classes the ninety-fifth hold-out set showed (tests/preflight/holdout95: shell installers of agents, CLIs and
self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ROOT = "preflight.root_assumed"
PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a uid check whose operand is a defaulted expansion ----------------------------------------------------------


def _installer(operand: str) -> str:
    return _text(
        "#!/usr/bin/env bash",  # 1
        'die() { echo "ERROR: $*" >&2; exit 1; }',  # 2
        "need_root() {",  # 3
        f'  if [[ "{operand}" -ne 0 ]]; then',  # 4
        '    die "please run as root"',  # 5
        "  fi",  # 6
        "}",  # 7
        "need_root",  # 8
        'install -m 0755 agent "/opt/agent/agent"',  # 9
        "systemctl daemon-reload",  # 10
        "systemctl start agent.service",  # 11
    )


def test_a_defaulted_uid_expansion_is_a_uid_check() -> None:
    files = {"install.sh": _installer("${EUID:-$(id -u)}")}
    assert codes_at(files, ROOT) == [4]
    assert codes_at(files, PRIVILEGE) == []


def test_near_miss_a_defaulted_expansion_with_a_number_is_no_uid_check() -> None:
    # ``${EUID:-0}`` reads 0 wherever EUID is unset (a POSIX sh): the test passes for every user there
    files = {"install.sh": _installer("${EUID:-0}")}
    assert codes_at(files, ROOT) == []
    assert codes_at(files, PRIVILEGE) == [10, 11]


# -- B: a download piped into an interpreter given its program by an option -----------------------------------------

PIPE = "preflight.pipe_to_shell"


def test_b_a_download_piped_into_an_inline_program_is_its_data() -> None:
    installer = _text(
        "#!/usr/bin/env bash",  # 1
        "url=$(",  # 2
        "  curl -fsSL https://api.github.com/repos/acme/tool/releases/latest |",  # 3
        "    perl -nle 'if (/\"browser_download_url\":\\s*\"(.*?)\"/) { print $1 }'",  # 4
        ")",  # 5
        "tag=$(curl -fsSL https://api.github.com/repos/acme/tool/releases/latest | python3 -c 'import json,sys; "
        "print(json.load(sys.stdin)[\"tag_name\"])')",  # 6
        "curl -fsSL https://api.github.com/repos/acme/tool/releases/latest | python3 -m json.tool",  # 7
        "curl -fsSL https://example.com/list.txt | bash -ec 'while read -r l; do echo \"$l\"; done'",  # 8
    )
    assert codes_at({"install.sh": installer}, PIPE) == []


def test_near_miss_a_download_piped_into_an_interpreter_that_reads_its_program_from_it_is_still_run() -> None:
    installer = _text(
        "#!/usr/bin/env bash",  # 1
        "curl -fsSL https://example.com/setup.pl | perl",  # 2
        "curl -fsSL https://example.com/setup.sh | bash -s -- --yes",  # 3
        "curl -fsSL https://example.com/setup.py | python3 -",  # 4
        "curl -fsSL https://example.com/setup.pl |",  # 5
        "  perl -w",  # 6
    )
    assert codes_at({"install.sh": installer}, PIPE) == [2, 3, 4, 5]
