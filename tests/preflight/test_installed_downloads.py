"""A download with no checksum or signature that is not run at once but installed where it runs or is loaded
(docs/preflight.md, ``unverified_download_exec``): each construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

CODE = "preflight.unverified_download_exec"


# -- a fetched file moved (not only copied) under /etc, /usr, /opt…; wget's URL written without its scheme ---------


def test_a_fetched_file_moved_into_a_system_directory_is_installed() -> None:
    """``mv named.conf.local /etc/bind/``: moving the download into place installs it as a copy does (holdout148's
    bind zones); wget saves a URL written without its scheme (``wget host/dns/db.hq.work``) under its last part."""
    for url in ("https://demo.example.org/dns/db.hq.work", "demo.example.org/dns/db.hq.work"):
        assert in_script(CODE, f"wget {url}", "mv db.hq.work /etc/bind/zones/") == [4]
    assert in_script(CODE, "curl -fsSLo agent https://dl.example.org/agent", "mv agent /opt/agent/agent") == [4]


def test_a_near_miss_data_moved_into_shared_data_or_checked_first_stays_quiet() -> None:
    """Model data moved into ``/usr/share`` (read, not run), a download checked before its move, and a wget
    operand that is a local path, not a host's URL: nothing installed unverified."""
    model = ("wget https://dl.example.org/khm.traineddata", "mv khm.traineddata /usr/share/tessdata")
    assert in_script(CODE, *model) == []
    checked = ("wget https://dl.example.org/db.hq.work", "echo 'ab12  db.hq.work' | sha256sum -c -")
    assert in_script(CODE, *checked, "mv db.hq.work /etc/bind/zones/") == []
    assert in_script(CODE, "wget -i lists/db.hq.work", "mv db.hq.work /etc/bind/zones/") == []
