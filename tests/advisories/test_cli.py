"""``shipgate advisories …`` through ``shipgate.cli.main`` (docs/formats.md §5 spellings and exit codes), and the
rotation story end to end: a manifest signed under the new root is ``trust.unknown_issuer`` until the
vendor's signed feed carrying the ``ca-rotation`` advisory is synced; ``trust history`` names the advisory;
``trust rollback`` undoes it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from advisories.conftest import DAY, NOW, FeedBuilder, iso, rotation_advisory
from advisories.httpserver import Behaviour, serve
from shipgate.cli import main
from trust import pki
from trust.conftest import MANIFEST, VENDOR, VendorPKI


def verify_blob(tmp_path: Path, leaf: pki.Issued, *chain: pki.Issued) -> list[str]:
    (tmp_path / "manifest.json").write_bytes(MANIFEST)
    (tmp_path / "manifest.json.sig").write_bytes(pki.sign(leaf.key, MANIFEST))
    (tmp_path / "signing-chain.pem").write_bytes(pki.chain_pem(leaf, *chain))
    return ["verify-blob", str(tmp_path / "manifest.json"), "--signature", str(tmp_path / "manifest.json.sig"),
            "--chain", str(tmp_path / "signing-chain.pem"), "--vendor", VENDOR, "--json"]  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_rotation_story_end_to_end(
    trust_home: Path, tmp_path: Path, vendor_pki: VendorPKI, feeds: FeedBuilder, capsys: pytest.CaptureFixture[str]
) -> None:
    package = verify_blob(tmp_path, vendor_pki.new_leaf, vendor_pki.new_int)

    # 1. Signed under the new root, before the feed: not trusted.
    status, out, _ = run(capsys, *package)
    assert status == 1
    assert json.loads(out)["findings"][0]["code"] == "trust.unknown_issuer"

    # 2. The vendor's signed feed announces the rotation.
    feed = feeds.write(feeds.document(12, [rotation_advisory(vendor_pki)]))
    status, out, err = run(capsys, "advisories", "sync", "--vendor", VENDOR, str(feed))
    assert (status, err) == (0, "")
    assert out == f"{VENDOR}: feed v12 accepted from {feed}: EXN-2026-0031; trust versions 1\n"

    # 3. The same signature now verifies, under the root the advisory added.
    status, out, _ = run(capsys, *package)
    assert status == 0
    signature = json.loads(out)["signature"]
    assert signature["root_sha256"] == vendor_pki.new_root.fingerprint
    assert "rotation advisory EXN-2026-0031" in signature["trusted_because"]

    # 4. History shows the change and the advisory that made it.
    status, out, _ = run(capsys, "trust", "history", "--vendor", VENDOR, "--json")
    assert status == 0
    history = json.loads(out)
    changes = history if isinstance(history, list) else history["changes"]
    assert [(c["version"], c["kind"], c["advisory_id"]) for c in changes] == [(1, "rotate", "EXN-2026-0031")]

    # 5. Rollback undoes it: the new root is unknown again.
    status, _, _ = run(capsys, "trust", "rollback", "--vendor", VENDOR, "0")
    assert status == 0
    status, out, _ = run(capsys, *package)
    assert status == 1
    assert json.loads(out)["findings"][0]["code"] == "trust.unknown_issuer"

    # 6. The next feed repeats the rotation: the operator's rollback stands.
    status, out, _ = run(
        capsys,
        "advisories",
        "sync",
        "--vendor",
        VENDOR,
        str(feeds.write(feeds.document(13, [rotation_advisory(vendor_pki)]))),
    )
    assert (status, out) == (0, f"{VENDOR}: feed v13 (was v12) accepted from {feeds.made[-1]}: no new advisories\n")
    status, _, _ = run(capsys, *package)
    assert status == 1


def test_a_rejected_feed_exits_1_with_the_reason_on_stderr(
    trust_home: Path, feeds: FeedBuilder, capsys: pytest.CaptureFixture[str]
) -> None:
    expired = feeds.write(feeds.document(3, [], issued=iso(NOW - 9 * DAY), expires=iso(NOW - DAY)))
    status, out, err = run(capsys, "advisories", "sync", "--vendor", VENDOR, str(expired))
    assert (status, out) == (1, "")
    assert err.startswith("shipgate: advisory.feed_expired: feed version 3 expired at ")
    status, out, err = run(capsys, "advisories", "sync", "--vendor", VENDOR, str(expired), "--json")
    assert status == 1
    assert json.loads(out)["code"] == "advisory.feed_expired"


def test_status_list_show_and_check(trust_home: Path, feeds: FeedBuilder, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "advisories", "status")
    assert (status, out) == (0, "no advisory feed synced or configured, no CSAF provider subscribed\n")
    withdrawn = {"id": "EXN-9", "kind": "withdrawn-package", "title": "dten 7.3.0 withdrawn",
                 "packages": [{"name": "dten", "version": "7.3.0"}], "published": iso(NOW)}  # fmt: skip
    run(capsys, "advisories", "sync", "--vendor", VENDOR, str(feeds.write(feeds.document(5, [withdrawn]))))

    status, out, _ = run(capsys, "advisories", "status", "--json")
    (row,) = json.loads(out)["feeds"]
    assert (row["vendor"], row["feed_version"], row["stale"]) == (VENDOR, 5, False)
    assert 29 * 86400 < row["expires_in_seconds"] <= 30 * 86400
    status, out, _ = run(capsys, "advisories", "status")
    assert out.startswith(f"{VENDOR}: v5 fresh, accepted ")

    status, out, _ = run(capsys, "advisories", "list")
    assert out == f"{VENDOR}  EXN-9  withdrawn-package {NOW:%Y-%m-%d}  dten 7.3.0 withdrawn\n"
    status, out, _ = run(capsys, "advisories", "show", "EXN-9")
    assert json.loads(out)["body"] == withdrawn
    assert run(capsys, "advisories", "show", "NOPE")[0] == 1

    status, out, _ = run(
        capsys, "advisories", "check", "--vendor", VENDOR, "--name", "dten", "--version", "7.3.0", "--json"
    )
    assert [f["code"] for f in json.loads(out)["findings"]] == ["advisory.withdrawn_package"]


def test_sync_uses_the_configured_feed(
    trust_home: Path, feeds: FeedBuilder, capsys: pytest.CaptureFixture[str]
) -> None:
    toml = trust_home / "trust" / "example.toml"
    status, _, err = run(capsys, "advisories", "sync", "--vendor", VENDOR)
    assert status == 2 and "has no `feed` in its trust config" in err
    with serve() as server:
        server.routes["exn"] = Behaviour(directory=feeds.write(feeds.document(7, [])))
        toml.write_text(
            toml.read_text().replace("\n[feed_signer]", f'\nfeed = "{server.url("exn")}"\n[feed_signer]', 1)
        )
        status, out, _ = run(capsys, "advisories", "sync", "--vendor", VENDOR)
        assert (status, out) == (0, f"{VENDOR}: feed v7 accepted from {server.url('exn')}: no new advisories\n")
        status, out, _ = run(capsys, "advisories", "sync", "--vendor", VENDOR)
        assert out == f"{VENDOR}: {server.url('exn')} answered 304 Not Modified; feed v7 stays\n"
    status, out, _ = run(capsys, "advisories", "status", "--json")
    assert json.loads(out)["feeds"][0]["configured_source"] == server.url("exn")


def test_a_relative_feed_directory_is_relative_to_the_config(
    trust_home: Path, feeds: FeedBuilder, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = feeds.write(feeds.document(2, []))
    target = trust_home / "trust" / "feed"
    feed.rename(target)
    toml = trust_home / "trust" / "example.toml"
    toml.write_text(toml.read_text().replace("\n[feed_signer]", '\nfeed = "feed"\n[feed_signer]', 1))
    status, out, _ = run(capsys, "advisories", "sync", "--vendor", VENDOR)
    assert (status, out) == (0, f"{VENDOR}: feed v2 accepted from {target}: no new advisories\n")


def test_import_csaf_exits_1_when_a_document_is_refused(
    trust_home: Path, corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    examples = corpora / "csaf-2.0" / "examples" / "csaf"
    cisco = examples / "cisco-sa-20180328-smi2.json"
    status, out, _ = run(capsys, "advisories", "import-csaf", str(cisco))
    assert (status, out) == (0, f"imported 1, unchanged 0, rejected 0 from {cisco}\n  + cisco-sa-20180328-smi2\n")
    bad = corpora / "csaf-2.0" / "validator-testcases" / "mandatory" / "oasis_csaf_tc-csaf_2_0-2021-6-1-08-03.json"
    status, out, err = run(capsys, "advisories", "import-csaf", str(bad), "--json")
    assert status == 1
    assert json.loads(out)["rejected"][0]["document"] == str(bad)
    assert err.startswith(f"shipgate: advisory.csaf_invalid: {bad}: ")
    status, out, _ = run(capsys, "advisories", "check", "--vendor", "Cisco", "--name", "ios", "--version", "12.2(55)SE")
    assert "advisory.csaf_known_affected: ios 12.2(55)SE is known affected by CVE-2018-0171" in out


def test_rotation_story_with_a_real_package(
    trust_home: Path, tmp_path: Path, vendor_pki: VendorPKI, feeds: FeedBuilder, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same story through ``shipgate verify PACKAGE.zip``: the package verdict follows the trust."""
    from shipgate.demo.build import PackageFile, manifest_bytes, manifest_for, write_package
    from shipgate.demo.pki import Identity

    files = {"docs/CHANGES.txt": PackageFile(data=b"7.4.0: hybrid routing\n")}
    package = {"name": "dten", "version": "7.4.0", "vendor": VENDOR, "built": iso(NOW)}
    signer = Identity(cert=vendor_pki.new_leaf.cert, key=vendor_pki.new_leaf.key)  # type: ignore[arg-type]
    intermediate = Identity(cert=vendor_pki.new_int.cert, key=vendor_pki.new_int.key)  # type: ignore[arg-type]
    archive = write_package(
        tmp_path / "dten-7.4.0.zip",
        files,
        manifest=manifest_bytes(manifest_for(files, package=package)),
        signer=signer,
        chain=(intermediate,),
        extra={},
    )

    def verify() -> tuple[str, set[str]]:
        status, out, _ = run(capsys, "verify", str(archive), "--json")
        report = json.loads(out)
        assert status == (1 if report["verdict"] == "deny" else 0)
        return report["verdict"], {f["code"] for f in report["findings"]}

    verdict, codes = verify()
    assert verdict == "deny" and "trust.unknown_issuer" in codes
    feed = feeds.write(feeds.document(12, [rotation_advisory(vendor_pki)]))
    assert run(capsys, "advisories", "sync", "--vendor", VENDOR, str(feed))[0] == 0
    verdict, codes = verify()
    assert verdict != "deny" and not any(c.startswith("trust.") for c in codes), codes
    assert run(capsys, "trust", "rollback", "--vendor", VENDOR, "0")[0] == 0
    verdict, codes = verify()
    assert verdict == "deny" and "trust.unknown_issuer" in codes
