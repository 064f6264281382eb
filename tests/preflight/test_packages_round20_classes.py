"""Round twenty of the whole packages (tests/preflight/packages/README.md, "Round twenty"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import makefile

ENDPOINT = "preflight.external_endpoint"

_FIXTURES = (
    "run: build\n"  # 1
    "\tthumbor -c thumbor.conf\n"  # 2
    "build:\n"  # 3
    "\tpython setup.py build_ext -i\n"  # 4
    "sample_images:\n"  # 5
    "\tcurl -s https://img.photo-archive.org/a.jpg -o tests/fixtures/a.jpg\n"  # 6
    "\tcurl -s https://img.photo-archive.org/b.jpg \\\n"  # 7
    "\t  -o tests/fixtures/b.jpg\n"  # 8
)


def test_a_makefile_target_no_make_or_make_install_runs_is_a_developers() -> None:
    # thumbor's ``sample_images`` target curls the images its tests compare against; ``make`` builds ``run`` (the
    # first target), ``make install`` nothing: the hosts are contacted when a developer types the target
    assert codes_at({"Makefile": _FIXTURES}, ENDPOINT) == []
    assert makefile.developer_recipe_lines(_FIXTURES) == {6, 7, 8}


def test_a_download_the_default_goal_or_install_needs_stays_contacted() -> None:
    # near miss: the same curl in a prerequisite of the first target (``make``) or of ``install`` is an install step
    default = _FIXTURES.replace("run: build", "run: build sample_images")
    assert codes_at({"Makefile": default}, ENDPOINT) == [6, 7]
    install = _FIXTURES + "install: sample_images\n\tcp -r tests/fixtures $(DESTDIR)/srv/app\n"
    assert codes_at({"Makefile": install}, ENDPOINT) == [6, 7]
    # and a target named through a variable could be any of them: nothing is taken as a developer's
    named = _FIXTURES + "$(GOAL): sample_images\n"
    assert makefile.developer_recipe_lines(named) == set()


CREDENTIAL = "preflight.hardcoded_credential"
_TEST_REDIS = (
    "run:\n"  # 1
    "\tthumbor -c thumbor.conf\n"  # 2
    "test: redis\n"  # 3
    "\tpytest tests\n"  # 4
    "redis:\n"  # 5
    "\tredis-server redis.conf ; sleep 1\n"  # 6
)
_REDIS_CONF = "daemonize yes\npidfile /tmp/redis.pid\nport 6668\nrequirepass hey_you\n"


def test_a_file_only_a_developer_target_starts_a_server_with_is_a_test_services() -> None:
    # thumbor's ``redis.conf``: the Redis its ``redis`` target starts for ``make test``; no deployment reads it
    assert codes_at({"Makefile": _TEST_REDIS, "redis.conf": _REDIS_CONF}, CREDENTIAL) == []


def test_a_file_the_default_goal_also_names_keeps_its_password() -> None:
    # near misses: the same file started by the first target (``make``), or with no Makefile naming it
    default = _TEST_REDIS.replace("thumbor -c thumbor.conf", "redis-server redis.conf && thumbor -c thumbor.conf")
    assert codes_at({"Makefile": default, "redis.conf": _REDIS_CONF}, CREDENTIAL) == [4]
    assert codes_at({"redis.conf": _REDIS_CONF}, CREDENTIAL) == [4]
