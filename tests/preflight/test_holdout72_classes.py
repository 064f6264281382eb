"""Classes found while measuring the seventy-second hold-out set (tests/preflight/holdout72: distribution maintainer
scripts, RPM scriptlets and the timers, cron, sudoers, tmpfiles and logrotate files they install). Its first run had
no disagreement; these are the neighbouring constructs of the same population that preflight did not read, each as
its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, findings, package, run

JOB = "preflight.scheduled_job"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: debhelper's periodic cron files (debian/<package>.cron.daily …) are installed into /etc/cron.<period>/ -------

PRUNE = _text("#!/bin/sh", "test -x /usr/bin/vendor || exit 0", "/usr/bin/vendor --prune")


def test_a_debian_cron_period_files_are_scheduled_jobs() -> None:
    for name in (
        "debian/cron.daily",
        "debian/vendor.cron.daily",
        "debian/vendor.cron.hourly",
        "debian/vendor-agent.cron.weekly",
        "pkg/debian/vendor.cron.monthly",
    ):
        assert codes_at({name: PRUNE}, JOB) == [1], name


def test_a_debian_cron_period_file_runs_as_root_without_privilege_findings() -> None:
    root_step = _text("#!/bin/sh", "mkdir -p /var/lib/vendor/archive", "cp /etc/vendor/state /var/lib/vendor/archive/")
    assert findings({"debian/vendor.cron.daily": root_step}) == [(JOB, 1)]


def test_a_near_miss_other_names_and_places_stay_unscheduled() -> None:
    for name in (
        "debian/cron.daily.ex",
        "debian/vendor.cron.yearly",
        "debian/vendor.crondaily",
        "packaging/vendor.cron.daily",
        "debian/vendor.daily",
        "conf/cron.daily_vendor",
    ):
        assert codes_at({name: PRUNE}, JOB) == [], name


# -- B: a tmpfiles.d entry that gives every local account write access is world_writable -------------------------------

WRITABLE = "preflight.world_writable"

OPEN_ENTRIES = _text(
    "# Type Path Mode User Group Age Argument",  # 1
    "d /var/lib/vendor/spool 0777 vendor vendor -",  # 2
    "z /var/log/vendor.log 0666 root root -",  # 3
    "D /run/vendor/drop ~0733 vendor vendor -",  # 4
    "f /var/lib/vendor/flag 0662 root root - on",  # 5
    "c /dev/vendor0 0666 - - - 10:200",  # 6
)


def test_b_world_writable_tmpfiles_entries_are_reported() -> None:
    for name in (
        "debian/vendor.tmpfiles",
        "debian/tmpfiles",
        "debian/vendor.vendor-run.tmpfile",
        "usr/lib/tmpfiles.d/vendor.conf",
        "etc/tmpfiles.d/vendor.conf",
    ):
        assert codes_at({name: OPEN_ENTRIES}, WRITABLE) == [2, 3, 4, 5, 6], name


def test_b_near_miss_sticky_group_and_modeless_entries_stay_quiet() -> None:
    closed = _text(
        "d /run/vendor/shared 1777 root root -",  # sticky: /tmp's shared mode
        "d /run/vendor 0775 root vendor -",
        "f /var/lib/vendor/flag 0664 vendor vendor -",
        "L /run/vendor/current - - - - /var/lib/vendor/current",
        "w /proc/sys/vm/overcommit_memory - - - - 1",
        "x /tmp/vendor-*",
        "# d /var/lib/vendor/spool 0777 vendor vendor -",
        "d /run/vendor/state - vendor vendor -",
    )
    assert codes_at({"usr/lib/tmpfiles.d/vendor.conf": closed}, WRITABLE) == []


def test_b_near_miss_open_entries_outside_a_tmpfiles_place_stay_quiet() -> None:
    for name in ("usr/lib/tmpfiles.d/vendor.tmpfiles", "packaging/vendor.tmpfiles", "docs/tmpfiles.example"):
        assert codes_at({name: OPEN_ENTRIES}, WRITABLE) == [], name


# -- C: one setcap of several "capabilities file" pairs names every program it gives capabilities to -------------------

BITS = "preflight.privileged_binary"


def _grants(script: str) -> list[tuple[int | None, str, str]]:
    contents = package({"debian/postinst": script})
    return [
        (f.evidence.get("line"), f.evidence["program"], f.evidence["bits"]) for f in run(contents) if f.code == BITS
    ]


def test_c_every_pair_of_one_setcap_is_named() -> None:
    several = _text(
        "#!/bin/sh",  # 1
        "setcap cap_net_bind_service+ep /usr/bin/vendor-local \\",  # 2
        "  cap_net_bind_service,cap_net_admin+ep /usr/bin/vendor-redir \\",  # 3
        "  cap_net_bind_service+ep /usr/bin/vendor-server",  # 4
    )
    assert _grants(several) == [
        (
            2,
            "/usr/bin/vendor-local, /usr/bin/vendor-redir, /usr/bin/vendor-server",
            "file capabilities cap_net_bind_service+ep on /usr/bin/vendor-local, cap_net_bind_service,cap_net_admin+ep"
            " on /usr/bin/vendor-redir, cap_net_bind_service+ep on /usr/bin/vendor-server",
        )
    ]
    same = _text("#!/bin/sh", "setcap -n 1000 cap_net_raw+ep /usr/bin/vendor-ping cap_net_raw+ep /usr/bin/vendor-trace")
    assert _grants(same) == [(2, "/usr/bin/vendor-ping, /usr/bin/vendor-trace", "file capabilities cap_net_raw+ep")]


def test_c_near_miss_one_pair_removals_and_verifies_keep_their_answers() -> None:
    one = _text("#!/bin/sh", "setcap cap_ipc_lock=+ep /usr/bin/vendor")
    assert _grants(one) == [(2, "/usr/bin/vendor", "file capabilities cap_ipc_lock=+ep")]
    quiet = _text("#!/bin/sh", "setcap -r /usr/bin/vendor", "setcap -v cap_net_raw+ep /usr/bin/vendor-ping")
    assert _grants(quiet) == []
