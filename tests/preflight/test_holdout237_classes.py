"""Classes the two-hundred-and-thirty-seventh hold-out set showed (tests/preflight/holdout237: systemd units, timers,
drop-ins, cron files and the jobs they start, against a Debian 12 unit list), each as its minimal construct next to
near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

MISSING = "preflight.systemd_unit_missing"

# -- A: a unit's own Exec*= line acting on a unit the target lacks fails the unit -------------------------------------


def _service(*exec_lines: str) -> str:
    return "[Unit]\nDescription=Renew\n\n[Service]\nType=oneshot\n" + "".join(f"{line}\n" for line in exec_lines)


def test_a_execstartpre_stopping_a_missing_unit_is_reported_once() -> None:
    unit = _service(
        "ExecStartPre=/usr/bin/systemctl stop nginx",
        "ExecStart=/usr/bin/certbot renew --standalone",
        "ExecStartPost=/usr/bin/systemctl start nginx",
    )
    # the start at 8 never runs once the stop at 6 fails: one finding for the unit
    assert codes_at({"systemd/system/renew.service": unit}, MISSING) == [6]


def test_a_a_missing_unit_restarted_in_execstart_through_sh_c() -> None:
    unit = _service("ExecStart=/bin/sh -c 'renew && systemctl reload nginx'")
    assert codes_at({"systemd/system/renew.service": unit}, MISSING) == [6]


def test_a_near_miss_a_line_whose_failure_systemd_ignores() -> None:
    unit = _service("ExecStartPre=-/usr/bin/systemctl stop nginx", "ExecStart=/usr/bin/certbot renew")
    assert codes_at({"systemd/system/renew.service": unit}, MISSING) == []


def test_a_near_miss_a_unit_the_target_or_the_package_has() -> None:
    on_target = _service("ExecStartPre=/usr/bin/systemctl stop postgresql", "ExecStart=/usr/bin/backup")
    assert codes_at({"systemd/system/backup.service": on_target}, MISSING) == []
    own = _service("ExecStartPost=/usr/bin/systemctl restart vendor-worker", "ExecStart=/usr/bin/backup")
    files = {"systemd/system/backup.service": own, "systemd/system/vendor-worker.service": _service("ExecStart=/x")}
    assert codes_at(files, MISSING) == []


def test_a_near_miss_a_query_in_execcondition_only_skips_the_unit() -> None:
    unit = _service("ExecCondition=/usr/bin/systemctl is-active --quiet nginx", "ExecStart=/usr/bin/certbot renew")
    assert codes_at({"systemd/system/renew.service": unit}, MISSING) == []


def test_a_a_drop_in_of_a_unit_on_the_target_acting_on_a_missing_unit() -> None:
    drop_in = "[Service]\nExecStartPost=/usr/bin/systemctl reload nginx\n"
    assert codes_at({"systemd/system/postgresql.service.d/override.conf": drop_in}, MISSING) == [2]


def test_a_near_miss_a_drop_in_of_a_missing_unit_is_inert() -> None:
    drop_in = "[Service]\nExecStartPost=/usr/bin/systemctl reload nginx\n"
    assert codes_at({"systemd/system/zpool-wait.service.d/override.conf": drop_in}, MISSING) == []
