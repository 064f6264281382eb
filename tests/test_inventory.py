"""The environment inventory (docs/formats.md §3): parsed exactly; mistakes raise MalformedInput naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.errors import MalformedInput
from shipgate.inventory import Inventory, load_inventory, parse_inventory

EXAMPLE = b"""
[host]
os = "debian-12"
sudo = false                      # installers run without sudo
[components]                      # name = installed version
dten = "7.1.2"
openssl = "3.0.11"
postgresql = "15.4"
[systemd]
units = ["dten-agentd.service", "postgresql.service"]
[config]                          # current configuration keys and values
"dten.legacy.mode" = "on"
"dten.hybrid.enable" = false
[network]
allowed_endpoints = ["updates.example.net"]
[databases]
postgresql = { port = 5432 }
"""


def test_formats_example(tmp_path: Path) -> None:
    path = tmp_path / "env.toml"
    path.write_bytes(EXAMPLE)
    inventory = load_inventory(path)
    assert inventory == Inventory(
        os="debian-12",
        sudo=False,
        components={"dten": "7.1.2", "openssl": "3.0.11", "postgresql": "15.4"},
        units=("dten-agentd.service", "postgresql.service"),
        config={"dten.legacy.mode": "on", "dten.hybrid.enable": False},
        allowed_endpoints=("updates.example.net",),
        extra={"databases": {"postgresql": {"port": 5432}}},
    )


def test_empty_inventory_knows_nothing() -> None:
    inventory = parse_inventory(b"")
    assert inventory.sudo is None and inventory.units == () and inventory.components == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b'[host]\nsudo = "no"', "host.sudo: must be true or false"),
        (b"[systemd]\nunits = ['a', 3]", r"systemd.units\[1\]: must be a non-empty string"),
        (b"[components]\nopenssl = true", "components.openssl: must be a non-empty string"),
        (b"[config]\nk = [{a = 1}]", "config.k: must be a string, number, boolean or array of them"),
        (b"network = 1", "network: must be a table"),
        (b"[host", "not TOML"),
        (b"\xff", "not UTF-8"),
    ],
)
def test_mistakes_name_the_field(text: bytes, message: str) -> None:
    with pytest.raises(MalformedInput, match=message):
        parse_inventory(text, source="env.toml")


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(MalformedInput, match="cannot read"):
        load_inventory(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("updates.example.net", True),
        ("UPDATES.example.net.", True),
        ("evil.example.net", False),
        ("mirror.cdn.example.com", True),
        ("cdn.example.com", False),
        ("10.1.2.3", True),
        ("11.0.0.1", False),
        ("192.0.2.7", True),
    ],
)
def test_endpoint_allowed(host: str, allowed: bool) -> None:
    inventory = Inventory(allowed_endpoints=("updates.example.net", "*.cdn.example.com", "10.0.0.0/8", "192.0.2.7"))
    assert inventory.endpoint_allowed(host) is allowed


def test_classmethod_spellings(tmp_path: Path) -> None:
    path = tmp_path / "env.toml"
    path.write_bytes(EXAMPLE)
    assert Inventory.load(path) == load_inventory(path) == Inventory.parse(EXAMPLE.decode())


def test_unquoted_dotted_config_keys_and_numeric_versions() -> None:
    inventory = parse_inventory(
        b'[components]\npostgresql = 15.4\n[config]\ndten.hybrid.enable = false\n"dten.legacy.mode" = "on"\n'
        b'dten.peers = ["a", "b"]\n'
    )
    assert inventory.components == {"postgresql": "15.4"}
    assert inventory.config == {"dten.hybrid.enable": False, "dten.legacy.mode": "on", "dten.peers": ("a", "b")}
