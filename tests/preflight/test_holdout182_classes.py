"""Classes the hundred-and-eighty-second hold-out set showed (tests/preflight/holdout182: CLI tool and agent
installers that download a release and put it on PATH), each as its minimal construct next to a near-miss that must
stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

RM_RF = "preflight.rm_rf_variable"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- E: a mktemp fallback whose first alternative only silences its errors ---------------------------------------------

QUIET_FALLBACK = _text(
    "#!/usr/bin/env sh",  # 1
    "set -eu",  # 2
    'TMP_DIR="$(mktemp -d 2>/dev/null || mktemp -d -t vix)"',  # 3
    'cleanup() { rm -rf "$TMP_DIR"; }',  # 4
    "trap cleanup EXIT INT TERM",  # 5
)


def test_e_mktemp_with_stderr_silenced_or_mktemp_is_a_temporary_directory() -> None:
    assert codes_at({"install.sh": QUIET_FALLBACK}, RM_RF) == []


def test_e_near_miss_an_alternative_whose_output_is_discarded_is_no_mktemp_value() -> None:
    discarded = _text(
        "#!/usr/bin/env sh",
        'TMP_DIR="$(mktemp -d >/dev/null || mktemp -d -t vix)"',  # 2: the first alternative prints nothing
        'rm -rf "$TMP_DIR"',  # 3
        'WORK="$(mktemp -d 2>/dev/null || echo "$BASE")"',  # 4: empty when BASE is
        'rm -rf "$WORK"',  # 5
    )
    assert codes_at({"install.sh": discarded}, RM_RF) == [3, 5]


# -- D: checks each made only when its file was published, then a stop when none was -----------------------------------

UNVERIFIED = "preflight.unverified_download_exec"


def _either_check(stop: str, raised_elsewhere: str = "") -> str:
    return _text(
        "#!/bin/sh",  # 1
        "set -eu",  # 2
        'die() { echo "$*" >&2; exit 1; }',  # 3
        'fetch() { curl -fsSL "$1" -o "$2"; }',  # 4
        'URL="https://github.com/acme/tool/releases/download/v1/tool.tar.gz"',  # 5
        'fetch "$URL" "$TMP/tool.tar.gz"',  # 6
        "have_sha=0",  # 7
        "have_sig=0",  # 8
        'if fetch "$URL.sha256" "$TMP/tool.sha256"; then',  # 9
        "  have_sha=1",  # 10
        '  expected="$(awk \'{print $1}\' "$TMP/tool.sha256")"',  # 11
        '  actual="$(sha256sum "$TMP/tool.tar.gz" | awk \'{print $1}\')"',  # 12
        '  [ "$expected" = "$actual" ] || die "sha256 mismatch"',  # 13
        "else",  # 14
        '  echo "no sha256 file"',  # 15
        "fi",  # 16
        'if fetch "$URL.minisig" "$TMP/tool.minisig"; then',  # 17
        "  have_sig=1",  # 18
        '  minisign -Vm "$TMP/tool.tar.gz" -P "$KEY" || die "bad signature"',  # 19
        "fi",  # 20
        raised_elsewhere or ":",  # 21
        'if [ "$have_sha" -eq 0 ] && [ "$have_sig" -eq 0 ]; then',  # 22
        f"  {stop}",  # 23
        "fi",  # 24
        'tar -xzf "$TMP/tool.tar.gz" -C "$TMP"',  # 25
        'mv -f "$TMP/tool" "$HOME/.local/bin/tool"',  # 26
    )


def test_d_checks_made_when_their_file_exists_then_a_stop_when_none_was_cover_the_install() -> None:
    assert codes_at({"install.sh": _either_check('die "refusing to install"')}, UNVERIFIED) == []


def test_d_near_miss_a_guard_that_only_warns_or_a_flag_raised_elsewhere_leaves_the_install_unchecked() -> None:
    assert codes_at({"install.sh": _either_check('echo "not verified"')}, UNVERIFIED) == [26]
    raised = _either_check('die "refusing to install"', raised_elsewhere='[ -n "${SKIP:-}" ] && have_sig=1')
    assert codes_at({"install.sh": raised}, UNVERIFIED) == [26]


# -- C: a fetched archive unpacked into the user's install prefix ------------------------------------------------------

TOOLCHAIN = _text(
    "#!/bin/bash",  # 1
    "wget -c https://go.dev/dl/go1.19.linux-amd64.tar.gz -O /tmp/go-linux-amd64.tar.gz",  # 2
    "tar -C $HOME/.local -xzf /tmp/go-linux-amd64.tar.gz",  # 3
)


def test_c_an_archive_unpacked_into_the_users_install_prefix_installs_it() -> None:
    assert codes_at({"install.sh": TOOLCHAIN}, UNVERIFIED) == [3]


def test_c_near_miss_a_directory_below_the_prefix_or_a_checked_archive_stays_quiet() -> None:
    below = TOOLCHAIN.replace("-C $HOME/.local ", "-C $HOME/.local/share/go ")
    assert codes_at({"install.sh": below}, UNVERIFIED) == []
    checked = TOOLCHAIN.replace(
        "tar -C", 'echo "$GO_SHA256  /tmp/go-linux-amd64.tar.gz" | sha256sum -c - || exit 1\ntar -C'
    )
    assert codes_at({"install.sh": checked}, UNVERIFIED) == []


# -- A: a host handed to a package's install scripts through the environment -------------------------------------------

ENDPOINT = "preflight.external_endpoint"

MANAGER_ENV = _text(
    "#!/bin/bash",  # 1
    "cd /tmp",  # 2
    "sudo WAZUH_MANAGER='wazuh-monitor.ddns.net' WAZUH_AGENT_GROUP='Linux,Server' dpkg -i ./wazuh-agent.deb",  # 3
    "sudo systemctl enable --now wazuh-agent",  # 4
)


def test_a_a_public_host_in_a_package_installs_environment_is_a_setting_the_product_connects_to() -> None:
    assert codes_at({"install.sh": MANAGER_ENV}, ENDPOINT) == [3]


def test_a_near_miss_no_host_a_reference_or_a_command_that_installs_no_package() -> None:
    quiet = _text(
        "#!/bin/bash",
        "sudo DEBIAN_FRONTEND=noninteractive dpkg -i ./agent.deb",  # 2: no host
        'sudo MANAGER="$MANAGER_HOST" dpkg -i ./agent.deb',  # 3: a reference
        "MANAGER=wazuh-monitor.ddns.net dpkg -l wazuh-agent",  # 4: a query installs nothing
        "VERSION=4.2.5 apt-get install -y wazuh-agent",  # 5: a version, not a host
    )
    assert codes_at({"install.sh": quiet}, ENDPOINT) == []
