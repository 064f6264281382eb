"""The one bounded reader of operator and vendor inputs: files, TOML, strict JSON and times."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from shipgate.inputs import InputRefused, load_toml, parse_json, parse_time, parse_toml, read_bounded


def test_a_directory_is_refused_by_name_not_an_internal_error(tmp_path: Path) -> None:
    # Risk (issue 18.7): one loader turned a directory into "internal error: IsADirectoryError".
    with pytest.raises(InputRefused, match=r"^policy .*: cannot read: a directory$") as info:
        read_bounded(tmp_path, limit=10, what="policy")
    assert info.value.kind == "unreadable"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "config.toml"
    os.mkfifo(fifo)
    with pytest.raises(InputRefused, match="not a regular file"):
        read_bounded(fifo, limit=10, what="config")


def test_a_large_file_is_refused_after_reading_one_byte_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * 1000)
    assert read_bounded(path, limit=1000, what="x") == b"#" * 1000
    with pytest.raises(InputRefused, match="larger than 999 bytes") as info:
        read_bounded(path, limit=999, what="x")
    assert info.value.kind == "too_large"


def test_missing_files_say_so(tmp_path: Path) -> None:
    with pytest.raises(InputRefused, match="cannot read: No such file or directory"):
        load_toml(tmp_path / "absent.toml", limit=100, what="inventory")


@pytest.mark.parametrize(
    ("data", "kind", "detail"),
    [
        (b"[host\n", "syntax", "not TOML"),
        (b"\xff\xfe", "not_utf8", "not UTF-8 at byte 0"),
        (b"a = " + b"[" * 5000 + b"]" * 5000, "too_deep", "nested too deeply"),
    ],
)
def test_toml_refusals_are_named(data: bytes, kind: str, detail: str) -> None:
    with pytest.raises(InputRefused, match=detail) as info:
        parse_toml(data, limit=1 << 20, what="x")
    assert info.value.kind == kind


def test_toml_with_a_byte_order_mark_is_read() -> None:
    assert parse_toml(b"\xef\xbb\xbfa = 1\n", limit=100, what="x") == {"a": 1}


@pytest.mark.parametrize(
    ("data", "kind", "detail"),
    [
        (b'{"a": 1, "a": 2}', "duplicate_key", "key 'a' appears twice"),
        (b'{"a": NaN}', "syntax", "NaN is not JSON"),
        (b'{"a": ', "syntax", "at line 1 column 7"),
        (b"[" * 100_000 + b"]" * 100_000, "too_deep", "nested deeper than 8 levels"),
        (b"[" * 9 + b"]" * 9, "too_deep", "nested deeper than 8 levels"),
        (b'"\xc3"', "not_utf8", "not UTF-8 at byte 1"),
        (b"1" * 65, "too_large", "65 bytes, more than the 64 allowed"),
    ],
)
def test_strict_json_refusals(data: bytes, kind: str, detail: str) -> None:
    with pytest.raises(InputRefused, match=detail) as info:
        parse_json(data, limit=64 if kind == "too_large" else 1 << 20, max_depth=8, what="doc")
    assert info.value.kind == kind


def test_strict_json_reads_what_is_within_bounds() -> None:
    assert parse_json(b'{"a": [[[[1]]]]}', limit=100, max_depth=8, what="doc") == {"a": [[[[1]]]]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-01T10:00:00Z", dt.datetime(2026, 11, 1, 10, tzinfo=dt.UTC)),
        ("2026-11-01T10:00:00z", dt.datetime(2026, 11, 1, 10, tzinfo=dt.UTC)),
        ("2026-11-01T12:00:00+02:00", dt.datetime(2026, 11, 1, 10, tzinfo=dt.UTC)),
        (" 2026-11-01T10:00:00.5Z ", dt.datetime(2026, 11, 1, 10, 0, 0, 500000, tzinfo=dt.UTC)),
    ],
)
def test_times_are_read_as_utc(text: str, expected: dt.datetime) -> None:
    assert parse_time(text, what="t") == expected


def test_a_time_without_a_zone_is_refused_unless_utc_is_asked_for() -> None:
    with pytest.raises(InputRefused, match="has no time zone"):
        parse_time("2026-11-01T10:00:00", what="expires")
    assert parse_time("2026-11-01", what="--since", naive="utc") == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize("value", ["yesterday", "", 20261101, None])
def test_what_is_not_a_time_is_refused(value: object) -> None:
    with pytest.raises(InputRefused) as info:
        parse_time(value, what="expires")
    assert info.value.kind == "not_a_time" and str(info.value).startswith("expires: ")
