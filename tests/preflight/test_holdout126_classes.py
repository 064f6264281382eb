"""Hold-out set 126 (tests/preflight/holdout126: systemd units, timers, drop-ins and the scripts that drive them,
run against a stock Debian 12 server's unit list): the harness that runs a set against its own inventory, and the
classes its first run showed, each as its minimal construct next to a near-miss."""

from __future__ import annotations

from pathlib import Path

from corpus_score import CORPUS_INVENTORY, load_labels, run_set, set_inventory
from preflight_kit import codes_at

UNIT_MISSING = "preflight.systemd_unit_missing"

UPGRADE = "#!/bin/sh\nsystemctl restart acme-agent.service\nsystemctl restart cron.service\n"
LABELS = """[source]
repo = "example/acme"
path = "scripts/upgrade.sh"
commit = "0000000000000000000000000000000000000000"
licence = "MIT"
kind = "upgrade script"
why = "restarts its agent and cron"
"""
INVENTORY = """[host]
os = "debian-12"
sudo = false

[systemd]
units = ["cron.service", "ssh.service"]

[network]
allowed_endpoints = []
"""


def _set(root: Path, *, inventory: str | None) -> Path:
    (root / "labels").mkdir(parents=True)
    (root / "labels" / "example__acme__scripts__upgrade.sh.toml").write_text(LABELS)
    script = root / "example__acme" / "scripts" / "upgrade.sh"
    script.parent.mkdir(parents=True)
    script.write_text(UPGRADE)
    if inventory is not None:
        (root / "inventory.toml").write_text(inventory)
    return root


def _unit_lines(folder: Path) -> list[int]:
    [(_, findings)] = run_set(folder, load_labels(folder / "labels"))
    return [int(f.evidence["line"]) for f in findings if f.code == UNIT_MISSING]


def test_a_set_with_its_own_inventory_is_run_against_its_units(tmp_path: Path) -> None:
    folder = _set(tmp_path / "with", inventory=INVENTORY)
    assert set_inventory(folder).units == ("cron.service", "ssh.service")
    assert _unit_lines(folder) == [2]  # acme-agent is on no list; cron is the target's


def test_near_miss_a_set_without_one_keeps_the_corpus_inventory(tmp_path: Path) -> None:
    folder = _set(tmp_path / "without", inventory=None)
    assert set_inventory(folder) is CORPUS_INVENTORY
    assert _unit_lines(folder) == []  # no units inventoried: the unit check is off


# -- A: a Python environment the script makes inside the checkout is the script's, not the download's -------------

DOWNLOAD = "preflight.unverified_download_exec"


def _clone(*lines: str) -> str:
    return "\n".join(
        ["#!/bin/sh", "git clone https://git.example.net/acme/agent.git /opt/agent", "cd /opt/agent", *lines]
    )


def test_a_the_activate_script_of_a_venv_made_in_the_clone_is_not_the_download() -> None:
    made = _clone("python3 -m venv .venv", ". .venv/bin/activate", "make install") + "\n"
    assert codes_at({"install.sh": made}, DOWNLOAD) == [6]  # make runs the clone's Makefile; 5 is the venv's own
    virtualenv = _clone("virtualenv -p python3 env", ". env/bin/activate", "make install") + "\n"
    assert codes_at({"install.sh": virtualenv}, DOWNLOAD) == [6]


def test_a_near_miss_an_activate_script_the_clone_brings_is_run_from_the_download() -> None:
    brought = _clone(". .venv/bin/activate", "make install") + "\n"
    assert codes_at({"install.sh": brought}, DOWNLOAD) == [4]  # no venv made: the checkout's own activate runs
    other = _clone("python3 -m venv /srv/env", ". .venv/bin/activate") + "\n"
    assert codes_at({"install.sh": other}, DOWNLOAD) == [5]  # the venv made elsewhere does not cover .venv


# -- C: systemd has no redirections: a template placeholder in one Exec line does not swallow the next -------------

EGRESS = "preflight.implicit_egress"


def _unit(*execs: str) -> str:
    return "\n".join(
        ["[Unit]", "Description=container", "", "[Service]", *execs, "", "[Install]", "WantedBy=multi-user.target"]
    )


def test_c_a_placeholder_with_angle_brackets_is_a_word_of_the_command_line() -> None:
    rex = _unit("ExecStartPre=-/usr/bin/docker rm <%= $name %>", "ExecStartPre=/usr/bin/docker pull <%= $name %>")
    assert codes_at({"files/app.service": rex + "\n"}, EGRESS) == [6]  # the pull after the placeholder line


def test_c_near_miss_a_shell_given_its_script_keeps_its_pipes_and_redirections() -> None:
    shell = _unit("ExecStartPre=/bin/sh -c 'docker pull redis:7 > /dev/null'", "ExecStart=/usr/bin/docker run redis:7")
    assert codes_at({"files/app.service": shell + "\n"}, EGRESS) == [5]  # the quoted script's pull; run is that image
