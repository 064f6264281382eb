"""Bearer tokens on the HTTP listener (``[tokens]``, issue 21): a token is an identity (``token:NAME``) that
``[roles]`` maps like a certificate's names; a wrong token is 401, never anonymous; tokens are refused where they
would be guessable, readable by others or sent in clear text."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from service.kit import Server
from service.test_boundary import serve_fails
from shipgate.errors import ShipgateError
from shipgate.service.config import ServiceConfig

TOKEN = "ci-token-0f4e5d6c7b8a9f10"


def curl(*args: str) -> tuple[int, str]:
    done = subprocess.run(["curl", "-sS", "-w", "\n%{http_code}", *args], capture_output=True, text=True, timeout=60)
    body, _, code = done.stdout.rpartition("\n")
    return int(code), body


def test_a_token_gets_the_roles_its_identity_is_given(pinned_home: Path, good_zip: Path, tmp_path: Path) -> None:
    secret = tmp_path / "ci.token"
    secret.write_text(TOKEN + "\n")
    secret.chmod(0o600)
    config = tmp_path / "serve.toml"
    config.write_text(
        f'[tokens]\nci = {{ file = "{secret}" }}\n[roles]\nallow_anonymous = ["admission"]\nuploader = ["token:ci"]\n'
    )
    with Server(pinned_home, config) as server:
        verify = f"{server.http_base}/v1/verify"
        code, body = curl("-T", str(good_zip), verify)
        assert (code, json.loads(body)) == (403, {"error": "/v1/verify needs the uploader role; anonymous lacks it"})
        code, body = curl("-T", str(good_zip), "-H", f"Authorization: Bearer {TOKEN}", verify)
        assert (code, json.loads(body)["verdict"]) == (200, "allow")
        # A wrong token is refused, even where anonymous callers are let in (admission here).
        admit = ["-H", "Content-Type: application/json", "--data", json.dumps({"digest": "ab" * 32})]
        assert curl(*admit, f"{server.http_base}/v1/admit")[0] == 200
        code, body = curl(*admit, "-H", "Authorization: Bearer guess-guess-guess", f"{server.http_base}/v1/admit")
        assert code == 401 and "does not hold a bearer token this server knows" in body
        assert curl(*admit, "-H", f"Authorization: Basic {TOKEN}", f"{server.http_base}/v1/admit")[0] == 401
        server.stop()
        assert TOKEN not in server.log()
        events = [e for e in server.log_events() if e.get("event") == "verify.start"]
        assert [e["caller"] for e in events] == ["token:ci"]


def test_tokens_are_refused_where_they_would_be_weak(pinned_home: Path, tmp_path: Path) -> None:
    config = tmp_path / "serve.toml"
    secret = tmp_path / "t"
    cases = [
        ("short-token", 0o600, "is shorter than 16 characters"),
        (TOKEN, 0o644, f"secret file {secret} has mode 0644: other users could read it"),
    ]
    for token, mode, message in cases:
        secret.write_text(token)
        secret.chmod(mode)
        config.write_text(f'[tokens]\nci = {{ file = "{secret}" }}\n')
        stderr = serve_fails(pinned_home, config, "--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0")
        assert message in stderr and token not in stderr
    secret.chmod(0o600)
    config.write_text(f'[tokens]\nci = {{ file = "{secret}" }}\n[roles]\nallow_anonymous = []\n')
    stderr = serve_fails(pinned_home, config, "--listen", "127.0.0.1:0", "--http-listen", "0.0.0.0:0")
    assert "bearer tokens would cross the network in clear text on 0.0.0.0:0" in stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[tokens]\nci = "plain"\n', 'write each token as NAME = { file = "..." } or { env = "..." }'),
        ('[tokens]\nci = { file = "a", env = "B" }\n', "give file or env, not both"),
        ("[tokens]\nci = { }\n", "give file or env"),
        ('[tokens]\nci = { env = "B", colour = "red" }\n', "unknown keys ['colour']"),
    ],
)
def test_token_configuration_is_read_strictly(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "serve.toml"
    path.write_text(text)
    with pytest.raises(ShipgateError, match=re.escape(message)):
        ServiceConfig.load(path)
