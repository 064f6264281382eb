"""Classes the sixty-second hold-out set showed (tests/preflight/holdout62: medium and long installers, upgrade
scripts and entrypoints), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
SUDO = "preflight.sudo_unavailable"
EGRESS = "preflight.implicit_egress"
DISABLED = "preflight.service_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a syntax check of a downloaded script runs none of it -----------------------------------------------------


def test_a_fetched_script_checked_with_sh_n_is_reported_where_it_really_runs() -> None:
    for check in ('sh -n "$f"', 'bash -nv "$f"', 'sh -o noexec "$f"'):
        installer = _text(
            "#!/bin/sh",  # 1
            'f="$(mktemp -d)/install.sh"',  # 2
            'curl -fsSL https://get.example.com/install.sh > "$f"',  # 3
            f"{check} || exit 1",  # 4: parses the file, runs nothing
            'sh "$f"',  # 5
        )
        assert codes_at({"get.sh": installer}, UNVERIFIED) == [5], check


def test_near_miss_a_fetched_script_run_with_other_shell_options_is_still_a_run() -> None:
    for run in ('sh -e "$f"', 'bash -x "$f"', 'sh -c "$f"'):
        installer = _text(
            "#!/bin/sh",
            'f="$(mktemp -d)/install.sh"',
            'curl -fsSL https://get.example.com/install.sh > "$f"',
            run,
        )
        assert codes_at({"get.sh": installer}, UNVERIFIED) == [4], run


# -- B: a function that names its own command line before ``sudo "$@"`` is no runner of its arguments -------------


def test_b_sudo_of_a_command_line_the_function_builds_is_reported_in_the_function() -> None:
    get = _text(
        "#!/bin/sh",  # 1
        "run_installer() {",  # 2
        '  installer="$1"',  # 3
        "  shift",  # 4
        '  set -- sh "$installer" "$@"',  # 5
        '  sudo env "$@"',  # 6
        "}",  # 7
        'run_installer /tmp/x/install.sh "$@"',  # 8
    )
    assert codes_at({"get.sh": get}, SUDO) == [6]


def test_near_miss_a_function_that_runs_its_callers_command_line_is_reported_at_each_call() -> None:
    runner = _text(
        "#!/bin/sh",  # 1
        "as_root() {",  # 2
        '  sudo "$@"',  # 3
        "}",  # 4
        "as_root mkdir -p /etc/x",  # 5
        "as_root cp x.conf /etc/x/",  # 6
    )
    assert codes_at({"get.sh": runner}, SUDO) == [5, 6]


# -- C: a trap handler runs after the main flow --------------------------------------------------------------------


def test_c_the_upgrades_compose_up_is_reported_not_the_rollback_handlers() -> None:
    update = _text(
        "#!/bin/bash",  # 1
        "rollback() {",  # 2
        "  docker compose up -d",  # 3: restarts the old version if the upgrade fails
        "}",  # 4
        "trap 'rollback' ERR INT",  # 5
        "tar xzf new.tar.gz",  # 6
        "if ! docker compose up -d; then echo failed; fi",  # 7
    )
    assert codes_at({"update.sh": update}, EGRESS) == [7]


def test_near_miss_a_function_the_main_flow_calls_keeps_its_call_order() -> None:
    update = _text(
        "#!/bin/bash",  # 1
        "start() {",  # 2
        "  docker compose up -d",  # 3
        "}",  # 4
        "start",  # 5
        "docker compose up -d",  # 6: the stack is up already
    )
    assert codes_at({"update.sh": update}, EGRESS) == [3]


# -- D: a unit enabled again by its unit file's path ------------------------------------------------------------


def test_d_a_unit_disabled_then_enabled_by_its_file_path_does_not_stay_off() -> None:
    install = _text(
        "#!/bin/sh",
        "systemctl disable agent || true",
        "cat agent.service > /etc/systemd/system/agent.service",
        "systemctl enable /etc/systemd/system/agent.service",
    )
    assert codes_at({"install.sh": install}, DISABLED) == []


def test_near_miss_a_unit_disabled_while_another_units_file_is_enabled_stays_off() -> None:
    install = _text(
        "#!/bin/sh",
        "systemctl disable agent",
        "systemctl enable /etc/systemd/system/agent-helper.service",
    )
    assert codes_at({"install.sh": install}, DISABLED) == [2]
