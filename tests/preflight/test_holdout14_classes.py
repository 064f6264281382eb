"""Classes of mistakes the fourteenth hold-out set found (tests/preflight/holdout14: configuration a package ships,
sixth round), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings

# -- A: a shipped Redis/Valkey config that answers clients beyond the host with no password ----------------------

_AUTH = "preflight.authentication_disabled"


def test_a_protected_mode_off_with_no_password_is_reported() -> None:
    sentinel = "# Example sentinel.conf\nprotected-mode no\nport 26379\nsentinel monitor mymaster 127.0.0.1 6379 2\n"
    assert findings({"etc/valkey/sentinel.conf": sentinel}) == [(_AUTH, 2)]
    server = "bind 0.0.0.0\nprotected-mode no\nport 6379\nappendonly yes\n"
    assert findings({"docker/redis/redis.conf": server}) == [(_AUTH, 2)]


def test_a_a_sentinel_is_exposed_by_default_and_an_explicit_bind_by_itself() -> None:
    # sentinel.c switches protected mode off for Sentinel; it listens on every interface unless bound
    sentinel = "port 26379\ndir /tmp\nsentinel monitor mymaster 10.0.0.5 6379 2\n"
    assert codes_at({"conf/sentinel.conf": sentinel}, _AUTH) == [1]
    # an explicit bind beyond loopback: Redis before 7.0 skips protected mode's refusal then
    bound = "bind 0.0.0.0 ::\nport 6379\n"
    assert codes_at({"config/redis.conf": bound}, _AUTH) == [1]


def test_a_a_password_loopback_a_closed_port_or_the_default_protected_mode_are_not() -> None:
    for conf in (
        "requirepass CHANGEME-PASSWORD\nbind 0.0.0.0\nprotected-mode no\n",  # a password (reported as a credential)
        "bind 127.0.0.1 -::1\nprotected-mode no\nport 6379\n",  # loopback only
        "port 0\nunixsocket /run/redis/redis.sock\nprotected-mode no\n",  # no TCP listener
        "#bind 127.0.0.1\nport 6379\nsave 900 1\n",  # protected mode (default on) refuses remote clients
        "user default on >s3cr3t-Passw0rd ~* +@all\nbind 0.0.0.0\nprotected-mode no\n",  # an ACL password
        "include /etc/redis/local.conf\nbind 0.0.0.0\nprotected-mode no\n",  # the password may be in there
        "# protected-mode no\n# bind 0.0.0.0\nport 6379\n",  # commented out
    ):
        assert codes_at({"etc/redis/redis.conf": conf}, _AUTH) == [], conf
    # a file named like a Sentinel config that is not Redis's (Dash's sentinel: key=value settings)
    assert findings({"sentinel.conf": "network=mainnet\ndb_name=database/sentinel.db\n"}) == []
    # the same directives in a file not named for Redis are not read as a Redis config
    assert codes_at({"etc/app/cache.conf": "protected-mode no\nport 6379\n"}, _AUTH) == []


def test_a_an_empty_requirepass_or_a_nopass_default_user_is_no_password() -> None:
    empty = 'requirepass ""\nbind 0.0.0.0\nprotected-mode no\n'
    assert codes_at({"redis.conf": empty}, _AUTH) == [3]
    nopass = "user default on nopass ~* +@all\nprotected-mode no\n"
    assert codes_at({"valkey.conf": nopass}, _AUTH) == [2]
