"""Classes of mistakes the hundred-and-eleventh hold-out set found (tests/preflight/holdout111: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

EGRESS = "preflight.implicit_egress"

# -- A: a fetching tool run inside a container reaches the same registry ------------------------------------------


def test_a_package_manager_in_a_container_fetches() -> None:
    assert in_script(EGRESS, "docker compose exec -T web composer install --no-interaction") == [3]
    assert in_script(EGRESS, "docker-compose exec web composer install") == [3]
    assert in_script(EGRESS, "docker exec app pip install -r requirements.txt") == [3]
    # the compose command word held in a variable the script sets to a literal
    assert in_script(EGRESS, 'DC="docker compose"', "$DC exec -T web composer install") == [4]


def test_a_container_near_misses() -> None:
    # a command in the container that fetches nothing
    assert in_script(EGRESS, "docker compose exec -T web php artisan cache:clear") == []
    assert in_script(EGRESS, "docker exec app composer dump-autoload") == []
    # ``exec`` of a running container pulls no image
    assert in_script(EGRESS, "docker compose exec -T db mysqladmin ping") == []
