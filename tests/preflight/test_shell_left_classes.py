"""Shell classes left from the twelfth session's hold-out sets (holdout45, holdout48, holdout49, holdout52,
holdout53), each as its minimal construct next to a near-miss that must stay as it was."""

from __future__ import annotations

from preflight_kit import in_script

PERSISTENCE = "preflight.persistence"


# -- A: a container entrypoint's group membership is the image's, not the host's ---------------------------------------


def test_a_entrypoint_adding_its_account_to_the_docker_group_is_not_persistence() -> None:
    assert in_script(PERSISTENCE, 'adduser "$RUN_USER" docker', 'exec su-exec "$RUN_USER" "$@"') == []
    assert in_script(PERSISTENCE, "usermod -aG docker app", 'exec "$@"') == []


def test_a_near_miss_a_host_installer_adding_an_account_to_an_admin_group_persists() -> None:
    assert in_script(PERSISTENCE, 'usermod -aG docker "$USER"') == [3]
    assert in_script(PERSISTENCE, "adduser deploy sudo", 'exec "$APP" serve') == [3]  # runs its own program
    # the entrypoint rule is about groups: a key added to authorized_keys stays reported
    assert in_script(PERSISTENCE, 'echo "$KEY" >> /root/.ssh/authorized_keys', 'exec "$@"') == [3]
