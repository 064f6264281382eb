"""Classes the forty-seventh hold-out set showed (tests/preflight/holdout47: distribution maintainer scripts, RPM
scriptlets and the units/cron files they install), each as its minimal construct next to a near-miss that must stay
reported."""

from __future__ import annotations

from preflight_kit import codes_at

PERSISTENCE = "preflight.persistence"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a profile in the home of the package's own service account (under /var, /opt, /srv, /usr) -------------------

SERVICE_ACCOUNT_PROFILE = _text(
    "#!/bin/sh",  # 1
    'HOMEDIR="/var/lib/backupd"',  # 2
    'echo "export PATH=\\"\\$PATH:/usr/sbin\\"" >> "${HOMEDIR}/.profile"',  # 3
    "printf 'umask 027\\n' >> /opt/collector/.bashrc",  # 4
    "cp skel.profile /srv/app/.bash_profile",  # 5
)


def test_a_a_profile_in_a_service_accounts_home_under_a_system_directory_is_not_persistence() -> None:
    assert codes_at({"debian/backupd.postinst": SERVICE_ACCOUNT_PROFILE}, PERSISTENCE) == []
    # the same through a variable naming the file
    by_variable = _text("#!/bin/sh", 'PROFILE_FILE="/var/lib/backupd/.profile"', 'echo "set -o vi" >> "$PROFILE_FILE"')
    assert codes_at({"debian/backupd.postinst": by_variable}, PERSISTENCE) == []


def test_a_near_miss_users_homes_roots_home_and_system_wide_profiles_stay_reported() -> None:
    reported = _text(
        "#!/bin/sh",  # 1
        'echo "export PATH=\\$PATH:/usr/sbin" >> /root/.profile',  # 2
        'echo "export PATH=\\$PATH:/usr/sbin" >> /home/backup/.bashrc',  # 3
        'echo "export PATH=\\$PATH:/usr/sbin" >> ~/.profile',  # 4
        'echo "export PATH=\\$PATH:/usr/sbin" >> "$HOME/.zshrc"',  # 5
        'echo "export LD_LIBRARY_PATH=/usr/lib" >> /etc/profile',  # 6
        'echo "export PATH=\\$PATH:/usr/sbin" >> /etc/bash.bashrc',  # 7
    )
    assert codes_at({"debian/backupd.postinst": reported}, PERSISTENCE) == [2, 3, 4, 5, 6, 7]
    # a path that only mentions a system directory further down is still a user's home
    assert codes_at({"setup.sh": _text("#!/bin/sh", "echo x >> /home/var/.profile")}, PERSISTENCE) == [2]
