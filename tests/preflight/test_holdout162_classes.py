"""Classes the hundred-and-sixty-second hold-out set showed (tests/preflight/holdout162: systemd units, timers,
drop-ins, cron files and the jobs they start, against a Debian 12 unit list), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

UNIT_MISSING = "preflight.systemd_unit_missing"
SECRET_PRINTED = "preflight.secret_printed"


def _unit(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a required target another product provides is looked up like any unit ---------------------------------------

_CLEANER = "lib/systemd/system/dten-cleaner.service"


def test_a_a_required_product_target_the_target_lacks_is_missing() -> None:
    unit = _unit(
        "[Unit]",
        "Description=cleaner",
        "Requires=fty-db.target",
        "After=fty-db.target",
        "",
        "[Service]",
        "ExecStart=/usr/bin/dten-cleaner",
    )
    assert codes_at({_CLEANER: unit}, UNIT_MISSING) == [3]


def test_a_a_required_target_systemd_provides_is_never_looked_up() -> None:
    unit = _unit(
        "[Unit]",
        "Requires=network-online.target",
        "Requires=time-sync.target",
        "",
        "[Service]",
        "ExecStart=/usr/bin/dten-cleaner",
    )
    assert codes_at({_CLEANER: unit}, UNIT_MISSING) == []


def test_a_a_product_target_the_package_ships_is_present() -> None:
    unit = _unit("[Unit]", "Requires=dten-db.target", "", "[Service]", "ExecStart=/usr/bin/dten-cleaner")
    target = _unit("[Unit]", "Description=the database is up")
    files = {_CLEANER: unit, "lib/systemd/system/dten-db.target": target}
    assert codes_at(files, UNIT_MISSING) == []


def test_a_an_ordering_on_a_missing_product_target_is_tolerated() -> None:
    unit = _unit("[Unit]", "After=fty-db.target", "PartOf=bios.target", "", "[Service]", "ExecStart=/usr/bin/x")
    assert codes_at({_CLEANER: unit}, UNIT_MISSING) == []


# -- C: a password file's path under a directory variable is not the password ---------------------------------------


def test_c_a_password_files_default_path_printed_is_no_secret() -> None:
    lines = in_script(
        SECRET_PRINTED,
        'confDir="$(dirname "$0")/../etc"',
        'ldapPasswdFileDefault="${confDir}/backup.passwd"',
        'ldapPasswdFile="${LDAP_PASSWDFILE:-${ldapPasswdFileDefault}}"',
        "echo \"No passwd file '${ldapPasswdFile}'\"",
        "echo \"defaults to '${ldapPasswdFileDefault}'\"",
    )
    assert lines == []


def test_c_a_default_password_carried_into_the_printed_value_is_a_secret() -> None:
    lines = in_script(
        SECRET_PRINTED,
        'adminPasswordDefault="changeme"',
        'adminPw="${ADMIN_PW:-${adminPasswordDefault}}"',
        'echo "admin password: ${adminPw}"',
    )
    assert lines == [5]


def test_c_a_value_joined_to_a_variable_without_a_slash_is_no_path() -> None:
    lines = in_script(
        SECRET_PRINTED,
        'passwordDefault="${prefix}-s3cret"',
        'echo "password: ${passwordDefault}"',
    )
    assert lines == [4]
