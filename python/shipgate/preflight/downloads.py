"""Code fetched at install time: piped into a shell (``curl … | sh``, ``sh <(curl …)``), or saved and then run
(``curl -o x.sh URL`` … ``sh x.sh``, ``./installer``, ``dpkg -i x.deb``) with no checksum or signature check of
that file in between; and TLS verification switched off (``curl -k``, ``wget --no-check-certificate``,
``pip --trusted-host``, ``GIT_SSL_NO_VERIFY``, ``git -c http.sslVerify=false``, ``npm config set strict-ssl
false``, ``--insecure-skip-tls-verify``, ``sslverify=0`` in a repo file)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, at_command, at_line
from shipgate.preflight.shell.commands import (
    SHELL_RUNNERS,
    downloaded_files,
    executed_file,
    has_flag,
    option_values,
    path_matches,
)
from shipgate.preflight.shell.model import Command, Script

_FETCHERS = frozenset({"curl", "wget", "fetch", "aria2c", "http", "https", "xh"})
_VERIFIERS = frozenset(
    {
        "sha256sum",
        "sha512sum",
        "sha1sum",
        "shasum",
        "md5sum",
        "b2sum",
        "b3sum",
        "gpg",
        "gpg2",
        "gpgv",
        "cosign",
        "minisign",
        "signify",
        "openssl",
        "rpmkeys",
        "debsig-verify",
        "dpkg-sig",
    }
)
_INSECURE_ENV = {
    "GIT_SSL_NO_VERIFY": ("1", "true", "yes"),
    "NODE_TLS_REJECT_UNAUTHORIZED": ("0",),
    "PYTHONHTTPSVERIFY": ("0",),
    "CURL_INSECURE": ("1", "true"),
    "GOINSECURE": None,
    "GOFLAGS": ("-insecure",),
}
_CONFIG_INSECURE = re.compile(
    r"(?i)^\s*(?:sslverify\s*=\s*(?:0|false|no)|ssl_verify\s*[:=]\s*(?:false|0|no)|verify_ssl\s*[:=]\s*(?:false|0)"
    r"|strict-ssl\s*[:=]\s*false|insecure-skip-tls-verify\s*:\s*true|sslVerify\s*=\s*false|check_certificate\s*=\s*off"
    r"|trusted-host\s*[:=]\s*\S)"
)


def _tls_off(command: Command) -> str | None:
    name = command.name or ""
    if name == "curl" and has_flag(command, "-k", "--insecure"):
        return "curl -k/--insecure"
    if name == "wget" and has_flag(command, "--no-check-certificate"):
        return "wget --no-check-certificate"
    pip = name in ("pip", "pip3") or (name.startswith("python") and "pip" in [w.text for w in command.words[:2]])
    if pip and option_values(command, "--trusted-host"):
        return "pip --trusted-host"
    if name == "git" and any(
        re.fullmatch(r"http\.sslverify=(?:false|0|no)", w.text, re.I) for w in option_values(command, "-c")
    ):
        return "git -c http.sslVerify=false"
    if name == "git" and [w.text.lower() for w in command.words[:3]][-2:] == ["http.sslverify", "false"]:
        return "git config http.sslVerify false"
    if name in ("npm", "yarn", "pnpm") and [w.text for w in command.words[:4]][-2:] == ["strict-ssl", "false"]:
        return f"{name} config set strict-ssl false"
    if has_flag(command, "--insecure-skip-tls-verify", "--tls-verify=false", "--insecure-registry", "--no-verify-ssl"):
        return f"{name} with TLS verification off"
    if any(
        w.text in ("--insecure-skip-tls-verify=true", "--tls-verify=false", "--skip-tls-verify") for w in command.words
    ):
        return f"{name} with TLS verification off"
    for key, word in command.env:
        if _insecure_value(key, word.value):
            return f"{key}={word.value}"
    return None


def _insecure_value(key: str, value: str | None) -> bool:
    if key not in _INSECURE_ENV or value is None:
        return False
    wanted = _INSECURE_ENV[key]
    return bool(value) if wanted is None else any(value.lower().startswith(w) for w in wanted)


def _verified(script: Script, name: str, after: int, before: int) -> bool:
    for c in script.commands:
        if not after <= c.line <= before or c.name not in _VERIFIERS:
            continue
        words = " ".join(w.text for w in c.words)
        if name in words or "-c" in words or "--check" in words or "--verify" in words or c.piped_from:
            return True
    return False


def _downloads(path: str, script: Script) -> Iterator[Finding]:
    saved: list[tuple[str, Command]] = []
    for command in script.commands:
        if command.name in _FETCHERS:
            if command.piped_to and command.piped_to[0] in SHELL_RUNNERS:
                yield _pipe(path, command)
            saved.extend((w.text, command) for w in downloaded_files(command))
            continue
        if command.name in SHELL_RUNNERS and any(r.op == "<" for r in command.redirects):
            continue
        target = executed_file(command)
        if target is None:
            continue
        fetch = next((c for f, c in reversed(saved) if path_matches(f, target.text) and c.line <= command.line), None)
        if fetch is None or _verified(script, target.text.rsplit("/", 1)[-1], fetch.line, command.line):
            continue
        yield at_command(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=path,
            command=command,
            assigned_line=fetch.line,
            downloaded_at=fetch.line,
            file=target.text,
            message=f"runs {target.text}, downloaded on line {fetch.line}, without checking its checksum or signature",
            remedy="Ship the file in the package (its digest is verified), or verify a pinned checksum or "
            "signature before running it.",
        )


def _pipe(path: str, command: Command) -> Finding:
    return at_command(
        "preflight.pipe_to_shell",
        Severity.HIGH,
        path=path,
        command=command,
        message="downloads code and runs it in a shell without verification",
        remedy="Ship the code in the package (where its digest is verified) instead of fetching and executing it "
        "at install time.",
    )


def _process_substitution(path: str, script: Script) -> Iterator[Finding]:
    """``bash <(curl …)``: the fetcher runs inside the shell's argument."""
    for command in script.commands:
        if (
            command.name in SHELL_RUNNERS
            and any(
                w.generated and w.raw.startswith("<(") and re.search(r"\b(?:curl|wget)\b", w.raw) for w in command.words
            )
        ) or (
            command.name in SHELL_RUNNERS
            and command.via is None
            and any(w.generated and re.search(r"^\"?\$\(\s*(?:curl|wget)\b", w.raw) for w in command.words)
        ):
            yield _pipe(path, command)


def scan(ctx: Context) -> Iterator[Finding]:
    for path, script in ctx.parsed.scripts.items():
        yield from _downloads(path, script)
        yield from _process_substitution(path, script)
        yield from _tls(path, script)
    for text in ctx.of_kind(Kind.CONFIG, Kind.SYSTEMD):
        for line in text.lines:
            if _CONFIG_INSECURE.match(line.text):
                yield at_line(
                    "preflight.tls_verification_disabled",
                    Severity.HIGH,
                    path=text.path,
                    line=line.number,
                    text=line.text,
                    setting=line.text.strip()[:80],
                    message="the configuration turns TLS certificate verification off",
                    remedy="Remove the setting; install the CA the endpoint needs instead.",
                )


def _tls(path: str, script: Script) -> Iterator[Finding]:
    seen: set[int] = set()
    for command in script.commands:
        how = _tls_off(command)
        if how is not None and command.line not in seen:
            seen.add(command.line)
            yield _tls_finding(path, command.line, command.text, how)
    for a in script.assignments:
        if _insecure_value(a.name, a.value) and a.line not in seen:
            seen.add(a.line)
            yield _tls_finding(path, a.line, a.raw, f"{a.name}={a.value}")


def _tls_finding(path: str, line: int, text: str, how: str) -> Finding:
    return at_line(
        "preflight.tls_verification_disabled",
        Severity.HIGH,
        path=path,
        line=line,
        text=text,
        how=how,
        message=f"TLS certificate verification is off ({how}): anyone on the path can serve the download",
        remedy="Remove the option; install the CA the endpoint needs instead.",
    )
