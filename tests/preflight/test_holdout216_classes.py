"""Classes the 216th hold-out set showed (tests/preflight/holdout216: Puppet, Salt and Chef install code, an RPM
spec, Makefile install targets, a justfile), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
ENDPOINT = "preflight.external_endpoint"
MANIFEST = "manifests/install.pp"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _puppet_archive(*attributes: str) -> str:
    return _text(
        "class acme::install {",  # 1
        "  $version = '1.2.3'",  # 2
        "  archive { '/tmp/acme.tar.gz':",  # 3
        *(f"    {a}," for a in attributes),  # 4…
        "  }",
        "}",
    )


# -- A: Puppet's archive type is a download: fetched, checked or not, unpacked or saved ------------------------------


def test_a_puppet_archive_unpacked_with_its_checksum_switched_off() -> None:
    manifest = _puppet_archive(
        "source          => \"https://downloads.example.com/acme-${version}.tar.gz\"",  # 4
        "extract         => true",  # 5
        "extract_path    => '/opt/acme'",  # 6
        "checksum_verify => false",  # 7
    )
    assert codes_at({MANIFEST: manifest}, UNVERIFIED) == [4]
    assert codes_at({MANIFEST: manifest}, ENDPOINT) == [4]


def test_a_puppet_archive_with_no_checksum_saved_into_a_bin_directory() -> None:
    manifest = _text(
        "class acme::install {",  # 1
        "  archive { '/usr/local/bin/acme':",  # 2
        "    source => 'https://downloads.example.com/acme-linux-amd64',",  # 3
        "  }",  # 4
        "}",  # 5
    )
    assert codes_at({MANIFEST: manifest}, UNVERIFIED) == [3]


def test_a_camptocamp_archive_unpacked_with_checksum_false() -> None:
    manifest = _text(
        "class acme::install ($base_url) {",  # 1
        "  archive { 'acme-1.2.3':",  # 2
        "    ensure   => present,",  # 3
        "    url      => $base_url,",  # 4
        "    target   => '/opt/acme-1.2.3',",  # 5
        "    checksum => false,",  # 6
        "  }",  # 7
        "}",  # 8
    )
    assert codes_at({MANIFEST: manifest}, UNVERIFIED) == [4]


def test_a_near_misses_checked_not_unpacked_or_from_the_puppet_server_are_quiet() -> None:
    checked = _puppet_archive(
        "source        => 'https://downloads.example.com/acme.tar.gz'",
        "extract       => true",
        "extract_path  => '/opt/acme'",
        "checksum      => 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'",
        "checksum_type => 'sha256'",
    )
    checksum_url = _puppet_archive(
        "source       => 'https://downloads.example.com/acme.tar.gz'",
        "extract      => true",
        "extract_path => '/opt/acme'",
        "checksum_url => 'https://downloads.example.com/acme.tar.gz.sha256'",
    )
    kept_packed = _puppet_archive(
        "source => 'https://downloads.example.com/acme.tar.gz'",
        "extract => false",
    )
    from_server = _puppet_archive(
        "source       => 'puppet:///modules/acme/acme.tar.gz'",
        "extract      => true",
        "extract_path => '/opt/acme'",
    )
    camptocamp_default = _text(
        "class acme::install ($base_url) {",
        "  archive { 'acme-1.2.3':",
        "    url    => $base_url,",
        "    target => '/opt/acme-1.2.3',",
        "  }",
        "}",
    )
    for manifest in (checked, checksum_url, kept_packed, from_server, camptocamp_default):
        assert codes_at({MANIFEST: manifest}, UNVERIFIED) == []


def test_a_checksum_type_none_is_no_check() -> None:
    manifest = _puppet_archive(
        "source        => 'https://downloads.example.com/acme.tar.gz'",  # 4
        "extract       => true",  # 5
        "extract_path  => '/opt/acme'",  # 6
        "checksum      => 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'",  # 7
        "checksum_type => 'none'",  # 8
    )
    assert codes_at({MANIFEST: manifest}, UNVERIFIED) == [4]
