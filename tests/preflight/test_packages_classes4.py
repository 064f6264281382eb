"""The classes of false positives that the fourth pass over whole real packages showed (tests/preflight/packages/
README.md, "Fourth pass"), each with a minimal construct and a near miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at, script

SUDO = "preflight.sudo_unavailable"
PRIVILEGE = "preflight.implicit_privilege"


# --- root dropping privilege to a service account is not an escalation ---


def test_a_maintainer_script_switching_to_the_account_a_setting_names_asks_nothing() -> None:
    postinst = script('GITUSER="$(db_get gitolite3/gituser)"', "su - $GITUSER -c \"gitolite setup -pk '$f'\"")
    assert codes_at({"postinst": postinst}, SUDO) == []
    # near miss: the same line in a script the installer runs unprivileged asks for the account's password
    assert codes_at({"scripts/upgrade.sh": postinst}, SUDO) == [4]


INIT = (
    "#!/bin/bash\n"
    "### BEGIN INIT INFO\n"
    "# Provides:          dtend\n"
    "### END INIT INFO\n"
    ". /lib/lsb/init-functions\n"
    'su -s /bin/sh -c "$RUNNER start" - ${DTEN_USER[$i]}\n'
)


def test_an_init_script_outside_etc_init_d_is_run_by_init() -> None:
    assert codes_at({"contrib/init-scripts/dtend.init.sh": INIT}, SUDO) == []
    redhat = (
        "#!/bin/sh\nRUN_AS=dten\n. /etc/init.d/functions\n"
        'case "$1" in\n  start)\n    mkdir -p /var/run/dten\n    chown -R $RUN_AS /var/run/dten\n    ;;\nesac\n'
    )
    assert codes_at({"init.d/dten-daemon-redhat": redhat}, PRIVILEGE) == []
    # near misses: the same commands in scripts without an init header or library
    plain = INIT.replace("### BEGIN INIT INFO", "# dten").replace(". /lib/lsb/init-functions", ". ./env.sh")
    assert codes_at({"contrib/init-scripts/dtend.init.sh": plain}, SUDO) == [6]
    unlisted = redhat.replace(". /etc/init.d/functions", ". ./functions")
    assert codes_at({"init.d/dten-daemon-redhat": unlisted}, PRIVILEGE) != []
