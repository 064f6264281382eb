"""The command-line contract (docs/formats.md §5) for admission and verdicts: ``--home`` after the command, a
malformed digest is a usage error (exit 2), ``--server`` sends ``--env``/``--policy`` files (names are
``--env-name``/``--policy-name``), ``verdicts list --superseded``, and ``shipgate demo`` never writes into an
operator's home or state unless ``--home`` names one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from admission.kit import VENDOR, advisory, make_vendor, package, write_feed, write_trust
from service.kit import Server


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shipgate", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def test_home_is_accepted_after_the_command(tmp_path: Path) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    for home in (before, after):
        write_trust(home, make_vendor())
    env = {"SHIPGATE_HOME": str(tmp_path / "unused"), "SHIPGATE_STATE_URL": ""}
    assert run("--home", str(before), "trust", "list", env=env).returncode == 0
    listed = run("trust", "list", "--json", "--home", str(after), env=env)
    assert listed.returncode == 0 and VENDOR in listed.stdout
    assert (after / "state.db").is_file() and not (tmp_path / "unused").exists()
    nested = run("verdicts", "list", "--home", str(after), env=env)
    assert (nested.returncode, nested.stdout) == (0, "")


def test_admit_with_a_malformed_digest_is_a_usage_error(tmp_path: Path) -> None:
    """Risk: a typo in a pipeline's digest reads as "denied" (exit 1) instead of "you called it wrong"."""
    for digest in ("not-hex", "ab" * 31, "md5:" + "ab" * 32):
        out = run("admit", digest, "--home", str(tmp_path))
        assert out.returncode == 2, out
        assert "error:" in out.stderr and out.stdout == ""
    unknown = run("admit", "ab" * 32, "--home", str(tmp_path))
    assert unknown.returncode == 1 and unknown.stdout.startswith("denied: no verdict is stored for")


def test_server_verify_sends_the_env_and_policy_files(tmp_path: Path) -> None:
    """Risk: `--policy FILE` with --server silently meant a server-side name, and a file the operator gave
    was never applied."""
    home = tmp_path / "home"
    vendor = make_vendor()
    write_trust(home, vendor)
    cron = package(tmp_path / "cron.zip", vendor.signer, extra={"cron/dten": b"*/5 * * * * root /opt/x\n"})
    strict = tmp_path / "strict.toml"
    strict.write_text('[codes]\n"preflight.scheduled_job" = "deny"\n')
    env_file = tmp_path / "env.toml"
    env_file.write_text('[host]\nos = "debian-12"\nsudo = false\n')
    with Server(home) as server:
        base = ("verify", str(cron), "--server", server.grpc_address, "--json", "--home", str(home))
        default = json.loads(run(*base).stdout)
        sent = json.loads(run(*base, "--policy", str(strict), "--env", str(env_file)).stdout)
        assert (default["verdict"], sent["verdict"]) == ("warn", "deny")
        assert sent["policy"] == "policy sent by the caller" and sent["basis"]["env_digest"]
        named = run(*base, "--policy-name", "nope")
        assert named.returncode == 2 and "unknown policy 'nope'" in named.stderr
        both = run(*base, "--policy", str(strict), "--policy-name", "default")
        assert both.returncode == 2
        broken = tmp_path / "broken.toml"
        broken.write_text("[codes\n")
        refused = run(*base, "--policy", str(broken))
        assert refused.returncode == 2 and "INVALID_ARGUMENT: policy policy sent by the caller" in refused.stderr
    local = run("verify", str(cron), "--policy-name", "default", "--home", str(home))
    assert local.returncode == 2 and "--env-name and --policy-name name configurations of a server" in local.stderr


def test_verdicts_list_superseded(tmp_path: Path) -> None:
    home, vendor = tmp_path / "home", make_vendor()
    write_trust(home, vendor)
    env = {"SHIPGATE_STATE_URL": ""}
    archive = package(tmp_path / "dten.zip", vendor.signer)
    assert run("verify", str(archive), "--home", str(home), env=env).returncode == 0
    assert run("verdicts", "list", "--superseded", "--home", str(home), env=env).stdout == ""
    feed = write_feed(tmp_path / "feed", vendor, version=1, advisories=[advisory("revoke", vendor)])
    assert run("advisories", "sync", "--vendor", VENDOR, str(feed), "--home", str(home), env=env).returncode == 0
    [line] = run("verdicts", "list", "--superseded", "--home", str(home), env=env).stdout.splitlines()
    assert line.startswith("ALLOW") and "SUPERSEDED" in line and "advisory EXN-2027-0102" in line


def test_demo_never_writes_into_the_operators_home_or_state(tmp_path: Path) -> None:
    """Risk: `shipgate demo` pinned a demo root and recorded demo verdicts in the operator's real state."""
    operator_home, state = tmp_path / "operator", tmp_path / "operator-state.db"
    operator_home.mkdir()
    out = run("demo", env={"SHIPGATE_HOME": str(operator_home), "SHIPGATE_STATE_URL": f"sqlite:///{state}"})
    assert out.returncode == 0, out.stderr
    assert list(operator_home.iterdir()) == [] and not state.exists()
    explicit = tmp_path / "demo-home"
    assert run("demo", "--home", str(explicit)).returncode == 0
    assert (explicit / "state.db").is_file()
