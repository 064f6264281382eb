"""Classes found by probing the readers with constructs installers use (session 25; not from a hold-out set): each as
its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, in_script

PROTECTION = "preflight.protection_disabled"


@pytest.mark.parametrize(
    "line",
    ["echo 0 > /sys/fs/selinux/enforce", "printf '0' > /selinux/enforce", "echo -n 0 >/sys/fs/selinux/enforce"],
)
def test_selinux_switched_to_permissive_through_selinuxfs(line: str) -> None:
    assert in_script(PROTECTION, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "echo 1 > /sys/fs/selinux/enforce",
        "cat /sys/fs/selinux/enforce",
        'echo "echo 0 > /sys/fs/selinux/enforce"',
        "echo 0 > /tmp/enforce",
    ],
)
def test_selinuxfs_near_misses(line: str) -> None:
    assert in_script(PROTECTION, line) == []


EGRESS = "preflight.implicit_egress"


@pytest.mark.parametrize(
    "line",
    [
        "poetry install --no-root",
        "pdm sync",
        "mamba install -y numpy",
        "micromamba create -n env python",
        "bun install",
        "dotnet restore",
        "mix deps.get",
        "mvn -B package -DskipTests",
        "./mvnw -q verify",
        "./gradlew build",
    ],
)
def test_project_package_managers_and_jvm_builds_fetch(line: str) -> None:
    assert in_script(EGRESS, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "poetry run app migrate",
        "mvn -o package",
        "mvn --version",
        "./gradlew --offline build",
        "gradle -v",
        "dotnet build --no-restore",
        "mix compile",
        'echo "run mvn package"',
    ],
)
def test_local_builds_and_runs_stay_quiet(line: str) -> None:
    assert in_script(EGRESS, line) == []


TLS = "preflight.tls_verification_disabled"
_GO_CLIENT = """package updater

import (
	"crypto/tls"
	"net/http"
)

func client() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: %s}}
	return &http.Client{Transport: tr}
}

func config() *tls.Config {
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = %s
	return cfg
}
"""


def test_a_go_tls_config_that_skips_verification() -> None:
    source = _GO_CLIENT % ("true", "true")
    assert codes_at({"internal/updater/client.go": source}, TLS) == [9, 15]


@pytest.mark.parametrize(
    ("path", "values"),
    [
        ("internal/updater/client.go", ("false", "opts.Insecure")),
        ("internal/updater/client_test.go", ("true", "true")),
        ("docs/examples/client.go", ("true", "true")),
    ],
)
def test_go_tls_near_misses(path: str, values: tuple[str, str]) -> None:
    assert codes_at({path: _GO_CLIENT % values}, TLS) == []
