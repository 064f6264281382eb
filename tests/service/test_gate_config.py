"""``[gate]`` and the secrets it names, read strictly (issue 21): a route that would leak credentials or reach
somewhere unintended is refused at startup with the key named, and a secret is only taken from where no other
user could have put or read it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from service.test_config import load
from shipgate.errors import ShipgateError
from shipgate.service.secrets import SecretSource


def test_routes_are_chosen_by_the_longest_prefix(tmp_path: Path) -> None:
    config = load(
        tmp_path,
        '[gate.routes.""]\nurl = "https://all.example.net/r/"\n'
        '[gate.routes."a/"]\nurl = "https://a.example.net/r/"\n'
        '[gate.routes."a/b/"]\nurl = "https://ab.example.net/r/"\nforward_warn = true\n',
    )
    gate = config.gate
    chosen = {}
    for path in ("a/b/c.zip", "a/c.zip", "z.zip"):
        found = gate.route_for(path)
        assert found is not None
        chosen[path] = (found[0].url, found[1])
    assert chosen == {
        "a/b/c.zip": ("https://ab.example.net/r/", "c.zip"),
        "a/c.zip": ("https://a.example.net/r/", "c.zip"),
        "z.zip": ("https://all.example.net/r/", "z.zip"),
    }
    assert [r.forward_warn for r in gate.routes] == [False, False, True]
    assert load(tmp_path, "").gate.route_for("a.zip") is None


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ('url = "https://user:pw@nexus.example.net/r/"', "url must carry no credentials, query or fragment"),
        ('url = "https://nexus.example.net/r/?sig=1"', "url must carry no credentials, query or fragment"),
        ('url = "ftp://nexus.example.net/r/"', "url must be an http:// or https:// URL"),
        ('url = "https://nexus.example.net/r"', "url must end with '/'"),
        (
            'url = "http://nexus.example.net/r/"\nusername = "u"\npassword_env = "P"',
            "in clear text to nexus.example.net",
        ),
        ('url = "https://n.example.net/r/"\nusername = "u"\npassword_env = "P"\ntoken_env = "T"', "not both"),
        ('url = "https://n.example.net/r/"\npassword_env = "P"', "username and a password go together"),
        ('url = "https://n.example.net/r/"\npassword_env = "P"\npassword_file = "f"', "give password_file or"),
        ('url = "https://n.example.net/r/"\ncolour = "red"', "unknown keys ['colour']"),
    ],
)
def test_a_route_that_would_leak_or_stray_is_refused(tmp_path: Path, route: str, message: str) -> None:
    with pytest.raises(ShipgateError, match=re.escape(message)):
        load(tmp_path, f'[gate.routes."a/"]\n{route}\n')


@pytest.mark.parametrize("prefix", ["a", "/a/", "a//b/", "a/../"])
def test_a_prefix_is_a_relative_directory(tmp_path: Path, prefix: str) -> None:
    with pytest.raises(ShipgateError, match="a prefix is empty or a relative path ending with '/'"):
        load(tmp_path, f'[gate.routes."{prefix}"]\nurl = "https://n.example.net/r/"\n')


def test_credentials_to_loopback_over_http_are_allowed(tmp_path: Path) -> None:
    config = load(
        tmp_path, '[gate.routes."a/"]\nurl = "http://127.0.0.1:8081/r/"\nusername = "u"\npassword_env = "P"\n'
    )
    (route,) = config.gate.routes
    assert route.password == SecretSource(env="P") and route.username == "u"


def test_secrets_come_only_from_where_no_one_else_reaches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s3cret-value\n")
    for mode, readable in ((0o600, True), (0o400, True), (0o440, True), (0o604, False), (0o620, False)):
        secret.chmod(mode)
        if readable:
            assert SecretSource(file=secret).read() == "s3cret-value"
        else:
            with pytest.raises(ShipgateError, match=f"has mode {mode:04o}"):
                SecretSource(file=secret).read()
    secret.chmod(0o600)
    link = tmp_path / "link"
    link.symlink_to(secret)  # how Kubernetes mounts a Secret's keys
    assert SecretSource(file=link).read() == "s3cret-value"
    monkeypatch.delenv("SHIPGATE_TEST_SECRET", raising=False)
    with pytest.raises(ShipgateError, match="environment variable SHIPGATE_TEST_SECRET is not set"):
        SecretSource(env="SHIPGATE_TEST_SECRET").read()
    monkeypatch.setenv("SHIPGATE_TEST_SECRET", "line\r\nX-Injected: 1")
    with pytest.raises(ShipgateError, match="holds control characters") as caught:
        SecretSource(env="SHIPGATE_TEST_SECRET").read()
    assert "Injected" not in str(caught.value)
    if os.geteuid() == 0:
        os.chown(secret, 65534, 65534)
        with pytest.raises(ShipgateError, match="is owned by uid 65534, not by root or this server's user"):
            SecretSource(file=secret).read()
