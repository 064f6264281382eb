"""Classes of mistakes the tenth hold-out set found (tests/preflight/holdout10: shell scripts, fifth round), each
as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, script

EGRESS = "preflight.implicit_egress"

# -- A: compose image pulls and a bare ``bundle`` reach the network ----------------------------------------------


def test_a_compose_pull_and_up_fetch_the_stacks_images_once() -> None:
    assert in_script(EGRESS, "docker-compose pull") == [3]
    assert in_script(EGRESS, "docker compose -f docker-compose.yml up -d") == [3]
    assert in_script(EGRESS, "sudo -E docker-compose up -d") == [3]
    # an up after a pull fetches nothing new: one finding, on the pull
    assert in_script(EGRESS, "docker-compose pull", "docker-compose stop", "docker-compose up -d") == [3]


def test_a_compose_commands_that_fetch_nothing_stay_quiet() -> None:
    assert in_script(EGRESS, "docker-compose -f docker-compose.yml stop") == []
    assert in_script(EGRESS, "docker compose up -d --pull never") == []
    assert in_script(EGRESS, "docker compose ps", "docker-compose version --short") == []
    assert in_script(EGRESS, "echo run docker-compose pull later") == []


def test_a_bare_bundle_is_bundle_install() -> None:
    assert in_script(EGRESS, "bundle") == [3]
    assert in_script(EGRESS, "bundle --quiet") == [3]
    assert in_script(EGRESS, "bundle --version", "bundle exec rake -T") == []


# -- B: RHEL's subscription-manager is root-only, and register/attach reach Red Hat ------------------------------

PRIV = "preflight.implicit_privilege"


def test_b_subscription_manager_register_needs_root_and_reaches_red_hat() -> None:
    register = 'subscription-manager register --auto-attach --username="$u" --password="$p"'
    assert in_script(PRIV, register) == [3]
    assert in_script(EGRESS, register) == [3]
    assert in_script(PRIV, "subscription-manager repos --enable=rhel-7-server-extras-rpms") == [3]
    assert in_script(EGRESS, "subscription-manager repos --enable=rhel-7-server-extras-rpms") == []


def test_b_subscription_manager_near_misses() -> None:
    assert in_script(PRIV, "subscription-manager --help", "echo subscription-manager register") == []
    # under a root check it is not an implicit privilege (still reaches Red Hat)
    guarded = ['[ "$(id -u)" -eq 0 ] || exit 1', "subscription-manager register --org=o --activationkey=k"]
    assert in_script(PRIV, *guarded) == []
    assert in_script(EGRESS, *guarded) == [4]


# -- C: a container init wrapper (dumb-init, tini) runs its operand: a heredoc fed to its shell is script --------

SUDO = "preflight.sudo_unavailable"


def test_c_a_heredoc_fed_to_a_shell_under_an_init_wrapper_is_read_as_script() -> None:
    body = ["dumb-init bash <<'SCRIPT' &", "sudo /usr/bin/dockerd &", "startup.sh", "SCRIPT"]
    assert in_script(SUDO, *body) == [4]
    assert in_script(SUDO, "tini -s -- sh <<EOF", "sudo ifconfig docker0 mtu 1400 up", "EOF") == [4]
    assert in_script(SUDO, "dumb-init --single-child sudo /usr/bin/dockerd") == [3]


def test_c_a_heredoc_fed_to_a_non_shell_stays_data() -> None:
    assert in_script(SUDO, "dumb-init cat <<'EOF'", "sudo /usr/bin/dockerd &", "EOF") == []
    assert in_script(SUDO, "cat > start.sh <<'EOF'", "sudo /usr/bin/dockerd &", "EOF") == []


# -- D: a script that checks for root twice requires it once ----------------------------------------------------

ROOT = "preflight.root_assumed"


def test_d_two_uid_checks_are_one_root_requirement() -> None:
    check = ['user_id=$(id -u)', 'if [ "$user_id" -ne 0 ]; then echo "Must run as sudo"; exit 1; fi']
    again = ['if [[ $(id -u) != "0" ]]; then echo "requires sudo" >&2; exit 1; fi']
    assert in_script(ROOT, *check, "echo ok", *again) == [4]
    assert in_script(ROOT, *again) == [3]


def test_d_near_misses_stay_as_they_were() -> None:
    # a check that exits when root is the opposite of a requirement; a mention is no check
    assert in_script(ROOT, 'if [ "$(id -u)" -eq 0 ]; then echo "do not run as root"; exit 1; fi') == []
    assert in_script(ROOT, "echo 'This script must be run as root'") == []
    # a maintainer script is reported on line 1 only, also when it checks the uid again
    postinst = '#!/bin/sh\nset -e\n[ "$(id -u)" -eq 0 ] || exit 1\nadduser --system dten\n'
    assert codes_at({"debian/postinst": postinst}, ROOT) == [1]


# -- E: a database image's first-init script runs once: its psql -f is not a migration outside a lock -----------

OUTSIDE = "preflight.migration_outside_lock"
INIT = [
    "create_sql=$(mktemp)",
    'echo "CREATE EXTENSION IF NOT EXISTS timescaledb CASCADE;" > "$create_sql"',
    'psql -U "$POSTGRES_USER" postgres -f "$create_sql"',
]


def test_e_psql_in_a_first_init_script_needs_no_lock() -> None:
    assert codes_at({"docker-entrypoint-initdb.d/000_install.sh": script(*INIT)}, OUTSIDE) == []
    assert codes_at({"image/docker-entrypoint-initdb.d/10-ext.sh": script(*INIT)}, OUTSIDE) == []


def test_e_the_same_run_elsewhere_is_still_reported() -> None:
    assert in_script(OUTSIDE, *INIT) == [5]
    assert codes_at({"docker-entrypoint.d/000_install.sh": script(*INIT)}, OUTSIDE) == [5]
