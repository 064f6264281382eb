"""Classes of mistakes the hundred-and-first hold-out set found (tests/preflight/holdout101: container entrypoints
and start scripts of self-hosted images, a second sample), each as its minimal construct next to a near-miss that
must stay quiet (or stay reported)."""

from __future__ import annotations

from preflight_kit import in_script

PRIVILEGE = "preflight.implicit_privilege"


def test_a_user_variable_the_script_reassigns_is_read_from_its_assignment() -> None:
    # OpenTTD's start script: ``USER=${USER:-"openttd"}`` (Docker sets no $USER), then chown to that account
    assert in_script(PRIVILEGE, 'USER=${USER:-"openttd"}', "chown ${USER}:${USER} -R /home/openttd") == [4]
    assert in_script(PRIVILEGE, "USER=openttd", 'chown -R "$USER" /srv/openttd') == [4]
    # near-misses: $USER the script never assigns is the invoking user; an assignment below the chown does not count
    assert in_script(PRIVILEGE, "chown ${USER}:${USER} -R /home/openttd") == []
    assert in_script(PRIVILEGE, 'chown -R "$USER" /srv/openttd', "USER=openttd") == []
