"""Canary for sigstore-python's private API (shipgate.trust.sigstore_internals). The risk: a sigstore
release renames or re-signatures a private method shipgate overrides or reads, and the overrides silently
stop being called (the parent's behaviour returns) or fail at verification time. These tests fail first,
naming what moved, on real bundles from the sigstore-conformance corpus."""

from __future__ import annotations

import importlib
import inspect
import tomllib
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from shipgate.trust import sigstore_internals as internals

ROOT = Path(__file__).resolve().parents[2]


def _bundle(corpora: Path, case: str) -> object:
    from sigstore.models import Bundle

    return Bundle.from_json(
        (corpora / "sigstore-conformance" / "assets" / "bundle-verify" / case / "bundle.sigstore.json").read_bytes()
    )


@pytest.mark.parametrize("name", sorted(internals.OVERRIDDEN))
def test_overridden_methods_keep_their_signatures(name: str) -> None:
    from sigstore.verify import Verifier

    method = getattr(Verifier, name, None)
    assert method is not None, f"sigstore's Verifier no longer has {name}: the override in sigstore_internals is dead"
    params = tuple(inspect.signature(method).parameters)
    assert params == internals.OVERRIDDEN[name], f"Verifier.{name} changed its parameters to {params}"


@pytest.mark.parametrize(("module", "path"), internals.PRIVATE_NAMES)
def test_private_names_resolve(module: str, path: str) -> None:
    obj: object = importlib.import_module(module)
    for part in path.split("."):
        assert hasattr(obj, part), f"{module}.{path}: {part} is gone"
        obj = getattr(obj, part)


def test_the_subclass_overrides_what_it_means_to(corpora: Path) -> None:
    from sigstore.models import TrustedRoot

    root = TrustedRoot.from_file(str(corpora / "sigstore-python" / "trust-roots" / "production" / "trusted_root.json"))
    verifier = internals.sigstore_verifier(root)
    for name in internals.OVERRIDDEN:
        assert name in type(verifier).__dict__, f"{name} is not overridden"


def test_instance_attributes_on_real_bundles(corpora: Path) -> None:
    dsse = _bundle(corpora, "intoto-with-custom-trust-root")
    envelope = internals.dsse_envelope(dsse)  # type: ignore[arg-type]
    assert envelope is not None
    assert isinstance(envelope._inner.payload, bytes) and envelope._inner.payload_type == "application/vnd.in-toto+json"
    assert internals.entry_kind(dsse.log_entry) == ("intoto", "0.0.2")  # type: ignore[attr-defined]
    message = _bundle(corpora, "happy-path-v0.3")
    assert internals.dsse_envelope(message) is None  # type: ignore[arg-type]
    entry = message.log_entry  # type: ignore[attr-defined]
    assert internals.entry_kind(entry) == ("hashedrekord", "0.0.1")
    assert internals.entry_body(entry).startswith(b"{")
    assert internals.entry_log_index(entry) > 0
    assert internals.entry_integrated_time(entry) > 1_600_000_000


def test_sigstore_is_pinned_to_the_minor_these_internals_were_written_for() -> None:
    from importlib.metadata import version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {r.split("~=")[0].split(">=")[0].split("==")[0].strip(): r for r in project["dependencies"]}
    sigstore_pin = pins["sigstore"]
    assert "~=" in sigstore_pin, "sigstore must be pinned to one minor release (~=X.Y.Z)"
    spec = SpecifierSet(sigstore_pin[len("sigstore") :].split(";")[0].strip())
    assert Version(version("sigstore")) in spec
    # Every package shipgate imports from sigstore's dependency tree is declared, not borrowed.
    for package in ("sigstore-models", "sigstore-rekor-types", "rfc3161-client", "pydantic"):
        assert package in pins, f"{package} is imported by shipgate but not declared in pyproject"
