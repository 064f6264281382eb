"""Privilege escalation, unknown systemd units, and scheduled jobs: each risk and its near-twin without it."""

from __future__ import annotations

from dataclasses import replace

from preflight_kit import INVENTORY, located, package, run, script

from shipgate.findings import Severity

PRE = "scripts/pre-upgrade.sh"


def test_sudo_when_the_target_gives_none() -> None:
    risky = run(package({PRE: script("sudo install -m 0755 bin/dtend /opt/dten/bin/")}))
    assert located(risky, "preflight.sudo") == [("preflight.sudo_unavailable", PRE, 3)]
    assert risky[0].severity is Severity.HIGH and risky[0].evidence["tool"] == "sudo"
    assert risky[0].remedy
    benign = run(package({PRE: script("install -m 0755 bin/dtend /opt/dten/bin/")}))
    assert located(benign, "preflight.sudo") == []


def test_su_and_pkexec_after_separators() -> None:
    found = run(package({PRE: script("true && su - dten -c 'dten-ctl stop'", "x=$(pkexec id)")}))
    assert located(found, "preflight.sudo") == [
        ("preflight.sudo_unavailable", PRE, 3),
        ("preflight.sudo_unavailable", PRE, 4),
    ]


def test_sudo_in_a_comment_or_word_is_not_escalation() -> None:
    found = run(package({PRE: script("# no sudo needed here", "echo pseudo-terminal sudoers-free")}))
    assert located(found, "preflight.sudo") == [] and located(found, "preflight.privileged") == []


def test_sudo_is_only_informational_when_the_target_allows_it() -> None:
    found = run(package({PRE: script("sudo true")}), replace(INVENTORY, sudo=True))
    assert [(f.code, f.severity) for f in found] == [("preflight.privileged_script", Severity.INFO)]


def test_root_assumed() -> None:
    risky = run(package({PRE: script('if [ "$(id -u)" -ne 0 ]; then echo "must be root"; exit 1; fi')}))
    assert located(risky, "preflight.root") == [("preflight.root_assumed", PRE, 3)]
    benign = run(package({PRE: script('if [ ! -w /opt/dten ]; then echo "cannot write"; exit 1; fi')}))
    assert located(benign, "preflight.root") == []


def test_renamed_unit_in_a_script_suggests_the_closest_name() -> None:
    risky = [f for f in run(package({PRE: script("systemctl restart dten-agent.service")})) if "systemd" in f.code]
    assert located(risky, "preflight.systemd") == [("preflight.systemd_unit_missing", PRE, 3)]
    assert risky[0].evidence["suggestion"] == "dten-agentd.service"
    assert "did you mean 'dten-agentd.service'" in risky[0].message
    benign = run(package({PRE: script("systemctl restart dten-agentd.service")}))
    assert located(benign, "preflight.systemd") == []


def test_service_command_and_unit_without_suffix() -> None:
    risky = run(package({PRE: script("service dten-agent stop", "systemctl --no-block start postgresql")}))
    assert located(risky, "preflight.systemd") == [("preflight.systemd_unit_missing", PRE, 3)]
    benign = run(package({PRE: script("service dten-agentd stop", "systemctl --no-block start postgresql")}))
    assert located(benign, "preflight.systemd") == []


def test_units_the_package_ships_exist_and_variables_are_not_guessed() -> None:
    found = run(
        package(
            {
                PRE: script("systemctl enable dten-sync.timer", 'systemctl restart "$UNIT"'),
                "systemd/dten-sync.timer": "[Timer]\nOnCalendar=daily\n",
                # the service the timer starts (a timer without it is reported: test_probe_classes)
                "systemd/dten-sync.service": "[Service]\nType=oneshot\nExecStart=/opt/dten/bin/sync\n",
            }
        )
    )
    assert located(found, "preflight.systemd") == []


def test_manifest_services_are_checked_too() -> None:
    risky = run(package({PRE: script("true")}, services=["dten-agent.service"]))
    assert located(risky, "preflight.systemd") == [("preflight.systemd_unit_missing", "manifest.json", 18)]
    benign = run(package({PRE: script("true")}, services=["dten-agentd.service"]))
    assert located(benign, "preflight.systemd") == []


def test_no_inventory_no_unit_check() -> None:
    assert located(run(package({PRE: script("systemctl restart nope")}), None), "preflight.systemd") == []


def test_cron_entries() -> None:
    risky = run(package({"cron/dten": "# sync\nMAILTO=ops\n*/5 * * * * root /opt/dten/bin/sync\n"}))
    assert located(risky, "preflight.scheduled") == [("preflight.scheduled_job", "cron/dten", 3)]
    benign = run(package({"cron/dten": "# sync disabled in 7.4\nMAILTO=ops\n"}))
    assert located(benign, "preflight.scheduled") == []


def test_periodic_cron_script() -> None:
    risky = run(package({"etc/cron.daily/dten-gc": "#!/bin/sh\n/opt/dten/bin/gc\n"}))
    assert located(risky, "preflight.scheduled") == [("preflight.scheduled_job", "etc/cron.daily/dten-gc", 1)]
    benign = run(package({"etc/dten/gc.sh": "#!/bin/sh\n/opt/dten/bin/gc\n"}))
    assert located(benign, "preflight.scheduled") == []


def test_systemd_timer() -> None:
    risky = run(package({"systemd/dten-sync.timer": "[Unit]\nDescription=sync\n[Timer]\nOnCalendar=hourly\n"}))
    assert located(risky, "preflight.scheduled") == [("preflight.scheduled_job", "systemd/dten-sync.timer", 4)]
    benign = run(package({"systemd/dten-sync.service": "[Service]\nExecStart=/opt/dten/bin/sync\n"}))
    assert located(benign, "preflight.scheduled") == []


def test_scripts_that_schedule_jobs() -> None:
    risky = run(
        package(
            {
                PRE: script(
                    "(crontab -l; echo '0 3 * * * /opt/dten/bin/gc') | crontab -",
                    "  at -f /opt/dten/bin/cleanup now + 1 hour",
                    "cp files/dten.cron /etc/cron.d/dten",
                )
            }
        )
    )
    assert located(risky, "preflight.scheduled") == [("preflight.scheduled_job", PRE, n) for n in (3, 4, 5)]
    benign = run(
        package({PRE: script("crontab -l > /tmp/crontab.before", "crontab -u dten -l", "echo look at this", "date")})
    )
    assert located(benign, "preflight.scheduled") == []


def test_escalation_behind_wrappers() -> None:
    found = run(package({PRE: script("exec sudo -u dten dten-ctl stop", "env LANG=C nohup sudo true")}))
    assert located(found, "preflight.sudo") == [
        ("preflight.sudo_unavailable", PRE, 3),
        ("preflight.sudo_unavailable", PRE, 4),
    ]


def test_root_checks_and_mere_mentions() -> None:
    checks = ('[ "$EUID" -eq 0 ] || exit 1', "(( EUID != 0 )) && exit 1", '[ "$(id -un)" = root ] || exit 1')
    for check in checks:
        assert located(run(package({PRE: script(check)})), "preflight.root") == [("preflight.root_assumed", PRE, 3)]
    # a message is not a check; several checks in one script are one fact, reported at the first
    many = script(checks[0], "echo 'This script must be run as root'", *checks[1:], 'test "$USER" != root && exit 1')
    assert located(run(package({PRE: many})), "preflight.root") == [("preflight.root_assumed", PRE, 3)]
    mention = script("echo 'This script must be run as root'")
    assert located(run(package({PRE: mention})), "preflight.root") == []
    benign = run(package({PRE: script('echo "running as uid $EUID"', "owner=$(id -u dten)")}))
    assert located(benign, "preflight.root") == []


def test_inventory_units_without_suffix_and_template_instances() -> None:
    inventory = replace(INVENTORY, units=("postgresql", "dten-worker@.service"))
    found = run(package({PRE: script("systemctl restart postgresql.service dten-worker@2.service")}), inventory)
    assert located(found, "preflight.systemd") == []
    found = run(package({PRE: script("systemctl restart dten-workr@2.service")}), inventory)
    assert [f.evidence["suggestion"] for f in found if "systemd" in f.code] == ["dten-worker@.service"]
