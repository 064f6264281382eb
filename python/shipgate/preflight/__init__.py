"""Preflight: the package's scripts, config, migrations and manifest against the target environment.

Two stages. ``read`` parses every text file the way its consumer reads it (shell through tree-sitter-bash,
SQL through PostgreSQL's parser, units, crontabs; content decides which, not the name); then one module per
risk, each a ``scan(ctx) -> Iterator[Finding]``, reads those facts and reports stable ``preflight.``/
``config.``/``advisory.`` codes with ``evidence["file"]``/``evidence["line"]`` and a remedy. Every file that
is not read says why (``preflight.file_skipped``). ``facts(contents)`` returns the parsed facts for the plan.
See docs/preflight.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from shipgate.findings import Finding, Severity
from shipgate.inventory import Inventory
from shipgate.package.manifest import Manifest
from shipgate.preflight import (
    actuator_exposure,
    advisories,
    auth_settings,
    chart_redis_auth,
    config,
    credentials,
    dependencies,
    downloads,
    egress,
    endpoints,
    fhem_auth,
    go_tls,
    host_access,
    image_auth,
    java_access,
    kernel_settings,
    migrate_on_start,
    migrations,
    mosquitto_auth,
    persistence,
    pg_hba,
    php_tls,
    polkit,
    printed_secrets,
    privilege,
    privileged_binary,
    program_tls,
    reboot,
    redis_auth,
    ruby_tls,
    run_grants,
    rust_tls,
    scheduled,
    server_auth,
    shell_risk,
    spec_sudoers,
    spec_upgrade_deletes,
    stale,
    sudoers,
    systemd,
    tmpfiles,
    udev,
    unsigned,
)
from shipgate.preflight.admin_commands import admin_commands
from shipgate.preflight.collector import paused
from shipgate.preflight.contents import (
    ContentsLike,
    Context,
    PackageContents,
    PreflightOptions,
    TextFile,
)
from shipgate.preflight.dev_containers import dev_container_scripts
from shipgate.preflight.development_settings import development_settings_files
from shipgate.preflight.distributed import ships_dependencies
from shipgate.preflight.facts import PackageFacts, facts, facts_of, read_and_scan
from shipgate.preflight.installed_commands import installed_commands
from shipgate.preflight.job_scripts import root_job_scripts
from shipgate.preflight.makefile_tooling import developer_only_files
from shipgate.preflight.optional_config import offered
from shipgate.preflight.package_imports import imported_requests
from shipgate.preflight.printing_helpers import printing_parameters
from shipgate.preflight.read import Parsed
from shipgate.preflight.runners import called_by_maintainer, system_package
from shipgate.preflight.scriptlet_evidence import phase_folder_scriptlets
from shipgate.preflight.sdist_examples import sdist_example_paths
from shipgate.preflight.sql.django_history import package_changes
from shipgate.preflight.tox_envs import test_env_scripts
from shipgate.preflight.update_scripts import listed_update_scripts
from shipgate.preflight.user_data import served_user_data
from shipgate.preflight.windows import checks as windows_checks
from shipgate.preflight.zuul_jobs import ci_playbooks

__all__ = [
    "SCANNERS",
    "PackageContents",
    "PackageFacts",
    "PreflightOptions",
    "facts",
    "preflight_and_facts",
    "run_preflight",
]

SCANNERS: tuple[Callable[[Context], Iterator[Finding]], ...] = (
    privilege.scan,
    systemd.scan,
    scheduled.scan,
    endpoints.scan,
    credentials.scan,
    migrations.scan,
    migrate_on_start.scan,
    shell_risk.scan,
    downloads.scan,
    program_tls.scan,
    php_tls.scan,
    go_tls.scan,
    rust_tls.scan,
    ruby_tls.scan,
    egress.scan,
    persistence.scan,
    printed_secrets.scan,
    privileged_binary.scan,
    kernel_settings.scan,
    sudoers.scan,
    spec_sudoers.scan,
    spec_upgrade_deletes.scan,
    polkit.scan,
    udev.scan,
    tmpfiles.scan,
    unsigned.scan,
    pg_hba.scan,
    redis_auth.scan,
    chart_redis_auth.scan,
    image_auth.scan,
    mosquitto_auth.scan,
    fhem_auth.scan,
    auth_settings.scan,
    server_auth.scan,
    java_access.scan,
    actuator_exposure.scan,
    host_access.scan,
    run_grants.scan,
    dependencies.scan,
    config.scan,
    reboot.scan,
    stale.scan,
    advisories.scan,
    windows_checks.scan,
)


def _advisory_dict(advisory: Any) -> Mapping[str, Any] | None:
    """docs/formats.md §2 advisory objects as mappings: dicts as they are, models through ``to_dict``/``asdict``."""
    if isinstance(advisory, Mapping):
        return advisory
    to_dict = getattr(advisory, "to_dict", None)
    if callable(to_dict):
        value = to_dict()
        return value if isinstance(value, Mapping) else None
    if dataclasses.is_dataclass(advisory) and not isinstance(advisory, type):
        return dataclasses.asdict(advisory)
    return None


def run_preflight(
    contents: ContentsLike | Manifest,
    *,
    inventory: Inventory | None = None,
    advisories: Iterable[Any] = (),
    options: PreflightOptions | None = None,
    files: Mapping[str, bytes] | None = None,
    mtimes: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """Every preflight finding for ``contents`` against ``inventory`` and the vendor's advisories.

    ``contents`` is a ``PackageContents`` (or any object with ``manifest`` and ``files``; ``mtimes`` and
    ``archive_sha256`` are read when present). Without an inventory, the checks that need one (units,
    config, installed versions) are skipped, sudo is treated as unknown and no endpoint is allowed.
    ``contents`` may also be a bare ``Manifest`` with ``files=`` (and ``mtimes=``) beside it.
    ``advisories`` are docs/formats.md §2 advisory objects (dicts, or models with ``to_dict()``), or a whole feed
    document (its ``advisories`` list is read); anything else is
    reported as ``preflight.advisory_ignored`` and not applied.
    """
    if isinstance(contents, Manifest):
        contents = PackageContents(manifest=contents, files=files or {}, mtimes=mtimes or {})
    options = options or PreflightOptions()
    if getattr(contents, "manifest", None) is None:
        return [
            Finding(
                code="preflight.no_manifest",
                severity=Severity.INFO,
                path="manifest.json",
                message="preflight did not run: there is no parsed manifest (see the manifest findings)",
                remedy="Fix the manifest findings first; then the scripts and config are checked.",
                evidence={"file": "manifest.json"},
            )
        ]
    with paused():
        ctx = _context(contents, inventory, (), options)
        texts, parsed, skipped, local = read_and_scan(contents, options, ctx)
        found = _run(ctx, advisories, texts=texts, parsed=parsed, skipped=skipped, local=local)
        # Freed while the collector is off: back on, its first collection walks the findings, not every fact.
        del ctx, texts, parsed, skipped, local
    return found


def preflight_and_facts(
    contents: ContentsLike,
    *,
    inventory: Inventory | None = None,
    advisories: Iterable[Any] = (),
    options: PreflightOptions | None = None,
) -> tuple[list[Finding], PackageFacts]:
    """:func:`run_preflight` and :func:`facts` of ``contents`` (which has a manifest) from one reading: each
    file is parsed once for both (the verifier's preflight and its plan step)."""
    options = options or PreflightOptions()
    with paused():
        ctx = _context(contents, inventory, (), options)
        texts, parsed, skipped, local = read_and_scan(contents, options, ctx)
        found = _run(ctx, advisories, texts=texts, parsed=parsed, skipped=skipped, local=local)
        offered_config = ctx.offered_config
        return found, facts_of(
            contents.manifest,
            texts=texts,
            parsed=parsed,
            skipped=skipped,
            options=options,
            offered_config=offered_config,
        )


def _run(
    base: Context,
    advisories: Iterable[Any],
    *,
    texts: list[TextFile],
    parsed: Parsed,
    skipped: list[Finding],
    local: Mapping[Callable[[Context], Iterator[Finding]], list[Finding]] | None = None,
) -> list[Finding]:
    """The findings of every scanner in ``SCANNERS`` order over ``base`` (the run's context, as :func:`_context`
    made it) with the package read; ``local`` holds those already found shard by shard."""
    findings = list(skipped)
    readable: list[Mapping[str, Any]] = []
    if isinstance(advisories, Mapping) and isinstance(advisories.get("advisories"), list):
        advisories = advisories["advisories"]  # a whole docs/formats.md §2 feed document
    for i, advisory in enumerate(advisories):
        as_dict = _advisory_dict(advisory)
        if as_dict is None:
            findings.append(
                Finding(
                    code="preflight.advisory_ignored",
                    severity=Severity.LOW,
                    path=f"advisories[{i}]",
                    message=f"advisories[{i}]: a {type(advisory).__name__}, not an advisory object; not applied",
                    remedy="Pass docs/formats.md §2 advisory objects (JSON objects).",
                    evidence={"type": type(advisory).__name__},
                )
            )
        else:
            readable.append(as_dict)
    ctx = dataclasses.replace(base, advisories=tuple(readable), texts=tuple(texts), parsed=parsed)
    for scanner in SCANNERS:
        findings.extend(local[scanner] if local is not None and scanner in local else scanner(ctx))
    return privilege.one_package_manager(findings)


def _context(
    contents: ContentsLike,
    inventory: Inventory | None,
    advisories: tuple[Mapping[str, Any], ...],
    options: PreflightOptions,
) -> Context:
    """The run's context, before the package is read (no texts, nothing parsed)."""
    return Context(
        manifest=contents.manifest,
        texts=(),
        mtimes=getattr(contents, "mtimes", None) or {},
        archive_sha256=getattr(contents, "archive_sha256", None),
        inventory=inventory,
        advisories=advisories,
        options=options,
        parsed=None,
        system_package=system_package(contents.files),
        called_by_maintainer=called_by_maintainer(contents.files),
        run_by_root_jobs=root_job_scripts(contents.files),
        phase_scriptlets=phase_folder_scriptlets(contents.files) | listed_update_scripts(contents.files),
        ships_dependencies=ships_dependencies(contents.files),
        offered_config=offered(contents.files),
        installed_commands=installed_commands(contents.files) | admin_commands(contents.files),
        sdist_examples=sdist_example_paths(contents.files),
        makefile_tooling=developer_only_files(contents.files),
        dev_container_scripts=dev_container_scripts(contents.files),
        ci_playbooks=ci_playbooks(contents.files),
        test_env_scripts=test_env_scripts(contents.files),
        development_settings=development_settings_files(contents.files),
        served_user_data=served_user_data(contents.files),
        django_changes=package_changes(contents.files),
        printing_helpers=printing_parameters(contents.files),
        package_paths=frozenset(contents.files),
        imported_urls=imported_requests(contents.files),
    )
