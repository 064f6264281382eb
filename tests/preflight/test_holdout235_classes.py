"""Classes the two-hundred-and-thirty-fifth hold-out set showed (tests/preflight/holdout235: container entrypoints
and start scripts of self-hosted products), each as its minimal construct next to near-misses that must stay as they
were."""

from __future__ import annotations

from preflight_kit import in_script

SUDO = "preflight.sudo_unavailable"
PRIVILEGE = "preflight.implicit_privilege"

# -- A: ``sudo -u ACCOUNT`` after root-only steps the script takes bare is root dropping to the account ------------

_CHOWN = "chown -R 1000:1000 /srv/app/data"


def test_a_sudo_to_an_account_after_a_bare_chown_is_a_drop() -> None:
    # trwy7's minecraftmanager entrypoint: ``chown -R 1000:1000 …`` then ``exec sudo -E -u appuser …``
    run = "exec sudo -E -u appuser /srv/app/entrypoint.user.sh"
    assert in_script(SUDO, _CHOWN, run) == []
    assert in_script(PRIVILEGE, _CHOWN, run) == [3]


def test_a_sudo_to_an_account_in_a_container_entrypoint_after_a_bare_chown_is_a_drop() -> None:
    # the script hands its process to the container's command (``exec "$@"``): it is the image's entrypoint
    assert in_script(SUDO, _CHOWN, 'sudo --user "$APP_USER" /srv/app/bin/migrate', 'exec "$@"') == []


def test_a_sudo_to_an_account_in_a_host_script_after_a_bare_chown_is_still_escalation() -> None:
    # no handover: the older sets label a host script's ``sudo -u postgres psql`` after a bare root step
    assert in_script(SUDO, _CHOWN, "sudo -u postgres psql -c 'select 1'") == [4]


def test_a_sudo_to_an_account_with_no_root_step_before_is_still_escalation() -> None:
    # nothing says the script runs as root: a caller needs sudo rights to become the account
    assert in_script(SUDO, "mkdir -p /srv/app/data", "exec sudo -E -u appuser /srv/app/entrypoint.user.sh") == [4]


def test_a_sudo_to_root_after_a_bare_chown_is_still_escalation() -> None:
    assert in_script(SUDO, _CHOWN, "sudo systemctl restart app") == [4]
    assert in_script(SUDO, _CHOWN, "sudo -u root /srv/app/bin/install") == [4]


def test_a_sudo_to_an_account_before_the_only_bare_root_step_is_still_escalation() -> None:
    # the switch runs first: one root-only step after it does not show the script was written for root
    assert in_script(SUDO, "sudo -u appuser /srv/app/bin/prepare", _CHOWN) == [3]
