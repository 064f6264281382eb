"""deploy/: the Kubernetes manifests validate against the Kubernetes API schemas (``kubernetes-validate``, strict,
offline) and agree with each other and with shipgate's own configuration parser; the systemd unit passes
``systemd-analyze verify`` without a warning (issue 21)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from shipgate.service.config import ServiceConfig

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES = ROOT / "deploy" / "kubernetes"
UNIT = ROOT / "deploy" / "systemd" / "shipgate.service"
# The oldest Kubernetes still in common support, and the newest the validator knows.
VERSIONS = ("1.30.0", None)


def validate(*paths: Path, version: str | None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "kubernetes_validate", "--strict", "--quiet"]
    if version:
        command += ["-k", version]
    return subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, timeout=120)


def manifests() -> dict[str, Any]:
    found = {}
    for path in sorted(KUBERNETES.glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            found[doc["kind"]] = doc
    return found


@pytest.mark.parametrize("version", VERSIONS)
def test_the_manifests_validate_strictly(version: str | None) -> None:
    files = sorted(KUBERNETES.glob("*.yaml"))
    assert len(files) == 7
    done = validate(*files, version=version)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_validator_rejects_what_kubernetes_would(tmp_path: Path) -> None:
    # Risk: a validator that passes anything proves nothing about the manifests.
    broken = tmp_path / "deployment.yaml"
    broken.write_text((KUBERNETES / "deployment.yaml").read_text().replace("replicas: 2", "replicas: two"))
    done = validate(broken, version=None)
    assert done.returncode != 0 and "'two' is not of type 'integer'" in done.stdout + done.stderr


def test_the_manifests_agree_with_each_other() -> None:
    kinds = manifests()
    deployment, service = kinds["Deployment"], kinds["Service"]
    webhook, budget = kinds["ValidatingWebhookConfiguration"], kinds["PodDisruptionBudget"]
    pod = deployment["spec"]["template"]
    (container,) = pod["spec"]["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert deployment["spec"]["replicas"] == 2
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        get = container[probe]["httpGet"]
        assert (get["path"], get["scheme"], get["port"]) == ("/healthz", "HTTPS", "https"), probe
    labels = pod["metadata"]["labels"]
    assert service["spec"]["selector"] == labels == budget["spec"]["selector"]["matchLabels"]
    assert budget["spec"]["minAvailable"] == 1
    assert {p["targetPort"] for p in service["spec"]["ports"]} == set(ports)
    (hook,) = webhook["webhooks"]
    target = hook["clientConfig"]["service"]
    assert (target["name"], target["namespace"], target["path"]) == ("shipgate", "shipgate", "/admission")
    assert target["port"] in {p["port"] for p in service["spec"]["ports"] if p["targetPort"] == "https"}
    assert (hook["failurePolicy"], hook["timeoutSeconds"]) == ("Fail", 5)
    assert hook["namespaceSelector"] == {"matchLabels": {"shipgate.dev/enforce": "true"}}
    assert "shipgate.dev/enforce" not in kinds["Namespace"]["metadata"]["labels"]  # never judges itself
    grace = pod["spec"]["terminationGracePeriodSeconds"]
    config = ServiceConfig.from_dict(_serve_toml(kinds), source=Path("/etc/shipgate/serve.toml"))
    assert config.limits.shutdown_grace_seconds < grace
    assert config.http_listen.endswith(f":{ports['https']}") and config.listen.endswith(f":{ports['grpc']}")


def _serve_toml(kinds: dict[str, Any]) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(kinds["ConfigMap"]["data"]["serve.toml"])


def test_the_configuration_in_the_configmap_starts_a_server(tmp_path: Path) -> None:
    # Risk: the shipped configuration is one shipgate refuses (tokens in clear text, anonymous roles).
    config = ServiceConfig.from_dict(_serve_toml(manifests()), source=Path("/etc/shipgate/serve.toml"))
    config.check_exposure()
    assert set(config.tokens) == {"ci", "repository", "dashboard", "prometheus"}
    assert config.anonymous_roles() == frozenset({"admission"})
    mounts = {
        m["mountPath"] for m in manifests()["Deployment"]["spec"]["template"]["spec"]["containers"][0]["volumeMounts"]
    }
    for source in config.tokens.values():
        assert source.file is not None and str(source.file.parent) in mounts
    assert config.tls is not None and str(config.tls.cert.parent) in mounts


def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("needs systemd-analyze (apt install systemd; .ci/run installs it)")
    text = UNIT.read_text()
    exec_start = re.search(r"^ExecStart=(\S+) (.*)$", text, re.MULTILINE)
    assert (
        exec_start is not None
        and exec_start.group(2) == "--home /var/lib/shipgate serve --config /etc/shipgate/serve.toml"
    )
    # verify checks that the command exists: point it at this installation's shipgate.
    unit = tmp_path / "shipgate.service"
    unit.write_text(text.replace(exec_start.group(1), f"{sys.executable} -m shipgate"))
    done = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
