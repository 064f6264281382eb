"""Classes the two-hundred-and-fifty-second hold-out set showed (tests/preflight/holdout252: shell installers and
updaters of self-hosted products), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

EGRESS = "preflight.implicit_egress"

# -- A: a build told to pull asks the registry for every Dockerfile's base image ---------------------------------


def test_a_compose_build_with_pull_reaches_the_registry() -> None:
    assert in_script(EGRESS, 'docker compose -f "$F" build --pull web api') == [3]
    assert in_script(EGRESS, "docker-compose build --pull") == [3]


def test_a_a_forced_pull_build_asks_again_after_a_pull_of_the_same_stack() -> None:
    lines = ("docker compose pull db", "docker compose build --pull web", "docker compose up -d")
    assert in_script(EGRESS, *lines) == [3, 4]


def test_a_the_engines_own_build_with_pull_reaches_the_registry() -> None:
    assert in_script(EGRESS, "docker build --pull -t app:dev .") == [3]
    assert in_script(EGRESS, "docker buildx build --pull=true -t registry.example.com/app .") == [3]
    assert in_script(EGRESS, "podman build --pull=always -t app .") == [3]


def test_a_a_build_without_a_forced_pull_stays_quiet() -> None:
    assert in_script(EGRESS, "docker compose build web") == []
    assert in_script(EGRESS, "docker build -t app:dev .") == []
    assert in_script(EGRESS, "podman build --pull=never -t app .") == []
    assert in_script(EGRESS, "podman build --pull=missing -t app .") == []


# -- B: a swarm stack deploy has the nodes pull the stack file's images ------------------------------------------


def test_b_stack_deploy_reaches_the_registry() -> None:
    assert in_script(EGRESS, "docker stack deploy -c /home/app/stack.yaml app") == [3]
    assert in_script(EGRESS, "docker stack up -c stack.yml app") == [3]


def test_b_other_stack_and_swarm_commands_stay_quiet() -> None:
    assert in_script(EGRESS, "docker stack rm app") == []
    assert in_script(EGRESS, "docker stack ps app") == []
    assert in_script(EGRESS, "docker swarm init") == []
    assert in_script(EGRESS, "docker network create -d overlay app") == []
