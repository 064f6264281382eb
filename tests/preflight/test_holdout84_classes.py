"""Classes found while measuring the eighty-fourth hold-out set (tests/preflight/holdout84: systemd units, a drop-in,
a timer, cron.d files and the scripts they start). Each is its minimal construct next to the near-misses that must
keep their findings."""

from __future__ import annotations

from preflight_kit import findings

SUDO = "preflight.sudo_unavailable"
PRIVILEGE = "preflight.implicit_privilege"
JOB = "preflight.scheduled_job"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a script the package's own root cron job or root service runs is run by cron or systemd, as root ------------
# Open AS' `debian/cron.d` runs `/usr/bin/mysql_cron.sh` as root; the script (kept as `lib/bin/mysql_cron.sh`) drops to
# the product's account with `sudo -u limes`, which was read as an installer escalating without sudo.

NIGHTLY = _text(
    "#!/bin/sh",  # 1
    "sudo -u vendor /usr/lib/vendor/rotate",  # 2
    "mkdir -p /var/lib/vendor/archive",  # 3
)
ROOT_STEPS = [(PRIVILEGE, 3), (SUDO, 2)]
RUN = "/usr/lib/vendor/nightly.sh"


def _privilege(files: dict[str, str]) -> list[tuple[str, int | None]]:
    return [f for f in findings(files) if f[0] in (SUDO, PRIVILEGE)]


def test_a_script_a_root_cron_job_runs_has_no_installer_privilege_findings() -> None:
    for cron_path, line in (
        ("etc/cron.d/vendor", "10 0 * * * root /usr/lib/vendor/nightly.sh >> /var/log/vendor.log 2>&1"),
        ("debian/cron.d", "10\t0\t*\t*\t*\troot\t/usr/lib/vendor/nightly.sh"),
        ("debian/vendor.cron.d", "10 0 * * * root [ -x /usr/lib/vendor/nightly.sh ] && /usr/lib/vendor/nightly.sh"),
        ("etc/cron.d/vendor", "@daily root sh /usr/lib/vendor/nightly.sh"),
    ):
        files = {cron_path: line + "\n", "usr/lib/vendor/nightly.sh": NIGHTLY}
        assert _privilege(files) == [], (cron_path, line)
        assert (JOB, 1) in findings(files)


def test_a_script_kept_elsewhere_in_the_tree_is_the_one_file_of_its_name() -> None:
    files = {"debian/cron.d": "10 0 * * * root /usr/bin/nightly.sh\n", "lib/bin/nightly.sh": NIGHTLY}
    assert _privilege(files) == []


def test_a_script_a_root_service_runs_has_no_installer_privilege_findings() -> None:
    for unit in (
        _text("[Service]", "Type=oneshot", "ExecStart=/opt/vendor/bin/nightly.sh"),
        _text("[Service]", "User=root", "ExecStartPre=-/opt/vendor/bin/nightly.sh --check"),
        _text("[Service]", "User=vendor", "ExecStartPre=+/opt/vendor/bin/nightly.sh"),
        _text("[Service]", "ExecStart=/bin/sh /opt/vendor/bin/nightly.sh"),
    ):
        files = {"lib/systemd/system/vendor-nightly.service": unit, "opt/vendor/bin/nightly.sh": NIGHTLY}
        assert _privilege(files) == [], unit


def test_a_near_miss_jobs_that_do_not_run_it_as_root_keep_the_findings() -> None:
    for other, text in (
        ("etc/cron.d/vendor", "10 0 * * * vendor /usr/lib/vendor/nightly.sh\n"),  # the product's account
        ("crontab", "10 0 * * * /usr/lib/vendor/nightly.sh\n"),  # no user field: whoever installs it
        ("etc/cron.d/vendor", "10 0 * * * root cp /usr/lib/vendor/nightly.sh /var/backups/\n"),  # copied, not run
        ("etc/cron.d/vendor", "10 0 * * * root /usr/lib/vendor/other.sh\n"),  # another script
        ("lib/systemd/system/v.service", _text("[Service]", "User=vendor", "ExecStart=/usr/lib/vendor/nightly.sh")),
        ("lib/systemd/system/v.service", _text("[Service]", "DynamicUser=yes", "ExecStart=/usr/lib/vendor/nightly.sh")),
        ("usr/lib/systemd/user/v.service", _text("[Service]", "ExecStart=/usr/lib/vendor/nightly.sh")),
        ("etc/systemd/system/v.service.d/x.conf", _text("[Service]", "ExecStart=", "ExecStart=" + RUN)),
        ("docs/cron.txt", "10 0 * * * root /usr/lib/vendor/nightly.sh\n"),  # not a crontab by name or place
    ):
        files = {other: text, "usr/lib/vendor/nightly.sh": NIGHTLY}
        assert _privilege(files) == ROOT_STEPS, (other, text)


def test_a_near_miss_two_files_of_the_name_are_not_guessed_between() -> None:
    files = {
        "debian/cron.d": "10 0 * * * root /usr/bin/nightly.sh\n",
        "lib/bin/nightly.sh": NIGHTLY,
        "contrib/nightly.sh": NIGHTLY,
    }
    assert _privilege(files) == sorted(ROOT_STEPS * 2)


# -- B: a unit build template (``vendor-refresh.timer.in``) is the unit the build makes of it -------------------------
# openQA's and fwupd's units are kept as templates in some trees; a timer template was read as a unit of kind "in",
# so its schedule was not a scheduled job, while the same text named ``.timer`` was one.

REFRESH = _text("[Unit]", "Description=Refresh", "", "[Timer]", "OnCalendar=*-*-* 6,18:00", "", "[Install]")


def test_b_a_timer_template_is_a_timer() -> None:
    for name in ("data/vendor-refresh.timer.in", "contrib/systemd/vendor-refresh.timer.in", "vendor.timer.in"):
        assert (JOB, 5) in findings({name: REFRESH}), name


def test_b_near_miss_other_templates_and_names_stay_unscheduled() -> None:
    for name in ("data/vendor-refresh.in", "data/vendor-refresh.timer.in.in", "data/vendor-refresh.service.in"):
        assert (JOB, 5) not in findings({name: REFRESH}), name


def test_b_a_service_template_names_the_unit_a_script_enables() -> None:
    unit = _text("[Service]", "ExecStart=/usr/bin/vendor")
    enable = _text("#!/bin/sh", "systemctl enable vendor-sync.service")
    files = {"data/vendor-sync.service.in": unit, "install.sh": enable}
    assert not [f for f in findings(files) if f[0] == "preflight.systemd_unit_missing"]
    assert [f for f in findings({"install.sh": enable}) if f[0] == "preflight.systemd_unit_missing"]


# -- C: debhelper's unit files (debian/<package>.timer …) are installed into /lib/systemd/system -----------------------
# sanoid keeps its timer as `packages/debian/sanoid.timer` beside its postinst; in a package that holds maintainer
# scripts a unit outside systemd's directories was read as never loaded, so the timer was no scheduled job.

POSTINST = _text("#!/bin/sh", "set -e", "#DEBHELPER#")
EVERY_15 = _text("[Unit]", "Description=Run every 15 minutes", "", "[Timer]", "OnCalendar=*:0/15", "Persistent=true")


def test_c_a_debhelper_timer_of_a_system_package_is_scheduled() -> None:
    for name in (
        "debian/vendor.timer",
        "packages/debian/vendor.timer",
        "debian/vendor@.timer",
        "debian/vendor.vendor-prune.timer",
    ):
        assert (JOB, 5) in findings({name: EVERY_15, "debian/postinst": POSTINST}), name


def test_c_near_miss_other_places_of_a_system_package_are_never_loaded() -> None:
    for name in ("packaging/vendor.timer", "debian/vendor.timer.ex", "usr/share/doc/vendor/vendor.timer"):
        assert (JOB, 5) not in findings({name: EVERY_15, "debian/postinst": POSTINST}), name


# -- D: systemd's SetCredential=ID:DATA holds the credential's data in the unit as written ---------------------------
# The set's brief looked for units with literal secrets; beside Environment= (read before), systemd 247+ units pass
# secrets as credentials, and SetCredential= writes the data into the unit itself.

CREDENTIAL = "preflight.hardcoded_credential"


def test_d_a_literal_set_credential_is_a_hardcoded_credential() -> None:
    unit = _text(
        "[Service]",  # 1
        "SetCredential=db-password:hunter22x",  # 2
        "SetCredential=api.token:Zq8vK2mX9pL4rT7wY1bN",  # 3
        "ExecStart=/usr/bin/vendor",  # 4
    )
    for name in ("lib/systemd/system/vendor.service", "etc/systemd/system/vendor.service.d/secrets.conf"):
        assert [line for code, line in findings({name: unit}) if code == CREDENTIAL] == [2, 3], name


def test_d_near_miss_references_encrypted_and_plain_settings_stay_quiet() -> None:
    unit = _text(
        "[Service]",
        "SetCredential=firstboot.locale:de_DE.UTF-8",  # not a secret's name
        "LoadCredential=db-password:/etc/vendor/db.pass",  # a path
        "SetCredentialEncrypted=db-password: k6iUCUh0RJCQyvL8k8q1UyAAAAABAAAADAAAABAAAAC1lFmbWAqWZ8dCCQkAAAAA",
        "SetCredential=admin-password:",  # empty
        "SetCredential=db-password",  # no data
        "ExecStart=/usr/bin/vendor",
    )
    assert [line for code, line in findings({"lib/systemd/system/vendor.service": unit}) if code == CREDENTIAL] == []
