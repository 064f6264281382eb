"""Round twenty-one of the whole packages (tests/preflight/packages/README.md, "Round twenty-one"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

from shipgate.preflight.makefile_tooling import developer_only_files

NETWORK = ("preflight.external_endpoint", "preflight.implicit_egress", "preflight.unverified_download_exec")

_MAKEFILE = (
    "check:\n"  # 1: the default goal
    "\tpython3 -m unittest tests.test_suite\n"  # 2
    "check-litmus:\n"  # 3: a developer's target
    "\t./compat/run-litmus.sh basic http\n"  # 4
)
_RUNNER = (
    "#!/bin/bash -e\n"  # 1
    ". $(dirname $0)/common.sh\n"  # 2
    "run_server 5233 --autocreate\n"  # 3
    "pip install --upgrade caldav\n"  # 4
    'LITMUS="$(dirname $0)/litmus.sh"\n'  # 5
    "$LITMUS http://localhost:5233/\n"  # 6
)
_LITMUS = (
    "#!/bin/bash -e\n"  # 1
    'URL="$1"\n'  # 2
    "curl -fsSL https://www.webdav-suites.org/litmus-0.17.tar.gz -o litmus.tar.gz\n"  # 3
    "tar xf litmus.tar.gz\n"  # 4
    "cd litmus-0.17 && ./configure && make\n"  # 5
    './litmus "$URL"\n'  # 6
)
_COMMON = "run_server() {\n  python3 -m app.web --port=$1 &\n}\n"


def _package(**changed: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "Makefile": _MAKEFILE,
        "compat/run-litmus.sh": _RUNNER,
        "compat/litmus.sh": _LITMUS,
        "compat/common.sh": _COMMON,
    }
    files.update(changed)
    return files


def _network(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    return sorted((c, line) for c, line in findings(files) if c in NETWORK)


def test_scripts_only_a_developer_target_runs_are_a_developers() -> None:
    # Xandikos' ``compat/`` scripts: ``make check-litmus`` (not ``make``, not ``make install``) runs one, which
    # ``pip install``s a client and falls back on its neighbour ``litmus.sh`` (downloads and builds a test suite)
    assert developer_only_files(_package()) == {"compat/run-litmus.sh", "compat/litmus.sh", "compat/common.sh"}
    assert _network(_package()) == []


def test_a_script_the_default_goal_or_another_script_runs_keeps_its_findings() -> None:
    # near misses: the same runner started by the first target (``make``), or the neighbour also named by a script
    # of its folder that no developer target runs (an operator's tool may run it): those stay reported
    default = _MAKEFILE.replace("python3 -m unittest tests.test_suite", "./compat/run-litmus.sh basic")
    assert ("preflight.implicit_egress", 4) in _network(_package(Makefile=default))
    shared = _package(**{"compat/deploy.sh": "#!/bin/sh\nexec ./litmus.sh https://dav.example.net/\n"})
    assert "compat/litmus.sh" not in developer_only_files(shared)
    assert ("preflight.external_endpoint", 3) in _network(shared)
