"""Configuration files read into dotted keys by each format's own parser, bounded: the diff compares these
keys, so a misread key is a false 'removed key' and a parser that runs away is a hung verification."""

from __future__ import annotations

import pytest

from shipgate.plan.config_files import MAX_CONFIG_BYTES, MAX_KEYS, config_format, parse_config


@pytest.mark.parametrize(
    ("path", "data", "keys"),
    [
        ("config/dten.toml", b'[dten.hybrid]\nenable = true\nretries = 3\n', {"dten.hybrid.enable": "true",
                                                                            "dten.hybrid.retries": "3"}),
        ("config/dten.conf", b"top = 1\n[routing]\nhybrid = auto\n; comment\n", {"top": '"1"',
                                                                              "routing.hybrid": '"auto"'}),
        ("config/app.yaml", b"dten:\n  backoff:\n    v2: false\n  hosts: [a, b]\n",
         {"dten.backoff.v2": "false", "dten.hosts": '["a", "b"]'}),
        ("config/app.json", b'{"servers": [{"host": "a"}, {"host": "b"}]}', {"servers[0].host": '"a"',
                                                                           "servers[1].host": '"b"'}),
        ("config/app.properties", b"dten.legacy.mode = on\nkey\\ with\\ space=x\n", {"dten.legacy.mode": '"on"',
                                                                                    "key with space": '"x"'}),
        ("config/.env", b'DTEN_HOME=/opt/dten\nexport DB_HOST="db"\n# x\n', {"DTEN_HOME": '"/opt/dten"',
                                                                          "DB_HOST": '"db"'}),
    ],
)
def test_each_format_is_read_into_dotted_keys(path: str, data: bytes, keys: dict[str, str]) -> None:
    parsed = parse_config(path, data)
    assert parsed is not None and parsed.error is None
    assert dict(parsed.keys) == keys


def test_a_file_that_does_not_parse_says_so_and_keeps_no_keys() -> None:
    parsed = parse_config("config/app.json", b'{"a": ')
    assert parsed is not None and parsed.keys == {}
    assert parsed.error is not None and parsed.error.startswith("not valid json")
    broken_toml = parse_config("config/a.toml", b"a = = 1")
    assert broken_toml is not None and broken_toml.error is not None and "toml" in broken_toml.error


def test_names_decide_the_format_and_other_files_are_not_config() -> None:
    assert config_format("config/.env.production") == "env"
    assert config_format("etc/dten.yml") == "yaml"
    assert config_format("binaries/dtend") is None
    assert parse_config("README.md", b"# x") is None


def test_a_yaml_alias_bomb_stops_at_the_key_cap() -> None:
    """Billion laughs: nine levels of nine aliases would be 9**9 keys when flattened."""
    lines = ["a0: &a0 {x: 1, y: 2, z: 3, u: 4, v: 5, w: 6, p: 7, q: 8, r: 9}"]
    for i in range(1, 10):
        refs = ", ".join(f"k{j}: *a{i - 1}" for j in range(9))
        lines.append(f"a{i}: &a{i} {{{refs}}}")
    parsed = parse_config("config/bomb.yaml", "\n".join(lines).encode())
    assert parsed is not None and parsed.truncated
    assert len(parsed.keys) == MAX_KEYS


def test_deep_nesting_and_oversize_are_refused_not_followed() -> None:
    deep = parse_config("config/deep.json", b"[" * 100_000 + b"]" * 100_000)
    assert deep is not None and deep.keys == {} and deep.error is not None
    big = parse_config("config/big.toml", b"a = 1\n" * (MAX_CONFIG_BYTES // 6 + 1))
    assert big is not None and big.error == f"larger than {MAX_CONFIG_BYTES} bytes; not read"


def test_long_values_are_cut() -> None:
    parsed = parse_config("config/a.toml", b'a = "' + b"x" * 1000 + b'"')
    assert parsed is not None and len(parsed.keys["a"]) == 201 and parsed.keys["a"].endswith("…")
