"""Code fetched at install time: piped into a shell (``curl … | sh``, ``sh <(curl …)``), or saved and then run,
installed or made executable (``curl -o x.sh URL`` … ``sh x.sh``, ``./installer``, ``dpkg -i x.deb``, unpacked
and ``chmod +x``: see ``fetched``) with no checksum or signature check in between, or installed by pip straight
from a version-control URL not pinned to a commit (``vcs_installs``), or by rpm straight from a URL
(``url_packages``); and TLS verification
switched off (``curl -k``, ``wget --no-check-certificate``, ``pip --trusted-host``, ``GIT_SSL_NO_VERIFY``,
``git -c http.sslVerify=false``, ``npm config set strict-ssl false``, ``--insecure-skip-tls-verify``,
``sslverify=0`` in a repo file, ``strict-ssl=false`` in ``.npmrc``, apt's ``Acquire::https::Verify-Peer "false"``,
``insecure`` in a ``.curlrc``, a Go client's ``insecure_skip_verify: true``, a client's ``ignore_ssl: true``,
HAProxy's ``verify none``, OpenLDAP's ``TLS_REQCERT never``, also written into a file by the script (``echo``,
``printf``, a heredoc: ``written_config``); not a YAML item whose URLs are all loopback: ``tls_scope``). A cron job's
command is read as the script it is."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from shipgate.findings import Finding, Severity
from shipgate.preflight.brew_urls import brew_url_installs
from shipgate.preflight.connection_strings import line_connection_strings
from shipgate.preflight.contents import Context, Kind, at_command, at_line
from shipgate.preflight.device_steps import flashed_download
from shipgate.preflight.disabled_blocks import switched_off_block
from shipgate.preflight.env_lists import process_environment
from shipgate.preflight.fetched import FETCHERS, Run, fetched_code_runs
from shipgate.preflight.markup import is_documentation, is_program_source, is_test_path
from shipgate.preflight.readiness_probes import discarded_probe
from shipgate.preflight.runners import is_developer_tooling, is_payload_tool
from shipgate.preflight.self_replacing import unchecked_self_replacements
from shipgate.preflight.shell.arms import exclusive
from shipgate.preflight.shell.commands import SHELL_RUNNERS, executed_file, has_flag, option_values, program_given
from shipgate.preflight.shell.functions import network_functions
from shipgate.preflight.shell.model import Command, Script, Word
from shipgate.preflight.tls_check_settings import certificate_check_off
from shipgate.preflight.tls_scope import loopback_only, loopback_target
from shipgate.preflight.url_packages import url_package_installs
from shipgate.preflight.vcs_installs import unpinned_module_installs, unpinned_vcs_installs
from shipgate.preflight.written_config import sed_replaced_lines, written_lines

_INSECURE_ENV = {
    "GIT_SSL_NO_VERIFY": ("1", "true", "yes"),
    "NODE_TLS_REJECT_UNAUTHORIZED": ("0",),
    "PYTHONHTTPSVERIFY": ("0",),
    "CURL_INSECURE": ("1", "true"),
    "GOINSECURE": None,
    "GOFLAGS": ("-insecure",),
    "HTTPS_INSECURE": ("1", "true"),  # acme.sh's HTTP helper (_get/_post): curl --insecure, wget --no-check-…
    "_HTTPS_INSECURE": ("1", "true"),  # the same, set by acme.sh deploy hooks for their own calls
    "PIP_TRUSTED_HOST": None,
    "NPM_CONFIG_STRICT_SSL": ("false", "0"),
    "SSL_NO_VERIFY_PEER": None,  # FreeBSD fetch(3): any value turns peer verification off
    "SSL_NO_VERIFY_HOSTNAME": None,
    # OpenLDAP's clients (ldapsearch, the libldap of PHP, Python, nss-pam): ``never`` and ``allow`` go on with a bad
    # certificate or none; ``try``, ``demand`` and ``hard`` end the session on a bad one
    "LDAPTLS_REQCERT": ("never", "allow"),
}
_CONFIG_INSECURE = re.compile(
    r"(?i)^\s*(?:sslverify\s*=\s*(?:0|false|no)|ssl_verify\s*[:=]\s*(?:false|0|no)|verify_ssl\s*[:=]\s*(?:false|0)"
    r"|strict-ssl\s*[:=]\s*false|insecure-skip-tls-verify\s*:\s*true|sslVerify\s*=\s*false|check_certificate\s*=\s*off"
    r"|trusted-host\s*[:=]\s*\S"
    # apt.conf: Acquire::https::Verify-Peer "false"; (also per host: Acquire::https::host::Verify-Host)
    r"|Acquire::https?(?:::\S+?)?::Verify-(?:Peer|Host)\s+\"?(?:false|0|no)\"?"
    # yarn (berry) .yarnrc.yml; an environment file for Node
    r"|enableStrictSsl\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*[:=]\s*[\"']?0\b"
    # Go clients' tls.Config in YAML/TOML/JSON/HCL (Prometheus, Traefik, Vault, Consul…); HAProxy's server checks
    r"|[\"']?(?:insecure[_-]?skip[_-]?(?:tls[_-]?)?verify|tls[_-]?skip[_-]?verify|skip[_-]?tls[_-]?verify)[\"']?"
    r"\s*[:=]\s*[\"']?(?:true|1|yes)\b|(?:default-)?server\s.*\bverify\s+none\b|ssl-server-verify\s+none\b"
    # A client's setting, also under a product's prefix, that ignores the peer's certificate or skips its check
    # (``VSPHERE_IGNORE_SSL: "True"``, ``ignore_ssl_errors = yes``, ``skip_cert_verification: true``); not
    # ``disable_ssl``/``no_tls``, which choose plaintext, and not a value that keeps the check
    r"|[\"']?(?:[\w.-]*[_.-])?(?:ignore[_-]?(?:ssl|tls|certs?|certificates?)"
    r"(?:[_-]?(?:errors?|verify|verification|validation|checks?))?"
    r"|skip[_-]?(?:ssl|certs?|certificates?)[_-]?(?:verify|verification|validation|checks?))[\"']?"
    r"\s*[:=]\s*[\"']?(?:true|1|yes)\b"
    # MongoDB drivers' options that accept any certificate or host name, also as the default of an environment
    # lookup (``getBoolean(process.env.X, true)``: true whenever X is unset)
    r"|[\"']?(?:tlsAllowInvalid(?:Certificates|Hostnames)|tlsInsecure)[\"']?\s*[:=]\s*"
    r"(?:[\"']?true\b|[\w.]+\(\s*process\.env(?:\.\w+|\[[^\]]+\])\s*,\s*true\s*\))"
    # Kafka and Java clients: ``ssl.endpoint.identification.algorithm`` set empty turns host-name checking off
    # (``KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: ''``, ``…PROPERTIES_SSL_…``); a YAML key with no value is unset
    r"|(?:-\s+)?[\"']?(?:[\w.-]*[._])?ssl[._]endpoint[._]identification[._]algorithm[\"']?"
    r"\s*(?:=\s*(?:\"\"|'')?|:\s*(?:\"\"|''))\s*(?:#.*)?$"
    # OpenLDAP's ldap.conf/.ldaprc: ``TLS_REQCERT never``/``allow`` accept any server certificate
    r"|TLS_REQCERT\s+(?:never|allow)\b)"
)
# curl reads ~/.curlrc (and ``curl -K FILE``): a bare ``insecure``/``-k``/``--insecure`` line is ``curl -k``.
_CURLRC_INSECURE = re.compile(r"^\s*(?:-k|--insecure|insecure)\s*(?:[:=]\s*(?:true|1|yes|on)\s*)?$", re.I)


# A setting that turns the peer's host-name check on, named for it (Pulsar's ``tlsEnableHostnameVerification``,
# ``ssl.hostname.verification.enable``, ``verify_hostname``), set false: the certificate is accepted for any host.
# Read in settings, not in program source (by suffix).
_HOSTNAME_CHECK = re.compile(
    r"^\s*[\"']?([\w.-]{1,120})[\"']?\s*[:=]\s*[\"']?(?:false|0|no)[\"']?\s*(?:[#;].*)?$", re.I
)
_CHECK_WORD = re.compile(r"verif|valid|check")
_NEGATED_CHECK = re.compile(r"skip|ignore|disabl|insecure|allow|bypass|no[_.-]")


def _hostname_check_off(text: str) -> bool:
    setting = _HOSTNAME_CHECK.match(text)
    if setting is None:
        return False
    name = setting.group(1).lower()
    joined = re.sub(r"[_.-]", "", name)
    return "hostname" in joined and bool(_CHECK_WORD.search(joined)) and not _NEGATED_CHECK.search(name)


def _config_insecure(path: str, text: str, head: str = "") -> bool:
    """Whether the line ``text`` of the file at ``path`` (whose first lines are ``head``, when known) turns TLS
    verification off as a setting. A program, by its suffix or its interpreter line (``#!/usr/bin/python3`` over a
    ``usr/bin/`` tool with no suffix), is not settings: ``ctx.check_hostname = False`` there is code."""
    if _CONFIG_INSECURE.match(text):
        return True
    settings = not is_program_source(path, head)  # in program source the TLS readers of code judge
    if settings and (_hostname_check_off(text) or certificate_check_off(text)):
        return True
    if settings and any(c.trusts_any_certificate for c in line_connection_strings(text)):
        return True  # ``Server=db;…;TrustServerCertificate=True``: a .NET driver accepting any certificate
    return "curlrc" in path.lower().rsplit("/", 1)[-1] and bool(_CURLRC_INSECURE.match(text))


# Options that switch TLS verification off, written whole (none is a one-letter flag that could be bundled).
_TLS_OFF_OPTIONS = frozenset(
    {
        "--insecure-skip-tls-verify",
        "--insecure-skip-tls-verify=true",
        "--tls-verify=false",
        "--insecure-registry",
        "--no-verify-ssl",
        "--skip-tls-verify",
        # trust the server's certificate without verifying it: Subversion's (an unknown CA, without asking) and
        # Checkmk's agent controller registering with its site (the certificate is pinned unchecked)
        "--trust-server-cert",
        "--trust-cert",
    }
)


# ``http.sslVerify false`` (``git config --global …``, ``-c http.sslVerify=false``), also for one server
# (``http.https://git.example.org/.sslVerify``); git reads false, no, off and 0 as false.
_GIT_SSL_OFF = re.compile(r"(?i)http\.(?:\S+\.)?sslverify (?:false|no|off|0)")


def _tls_off(command: Command) -> str | None:
    name = command.name or ""
    if name == "curl" and has_flag(command, "-k", "--insecure"):
        return "curl -k/--insecure"
    if name == "wget" and has_flag(command, "--no-check-certificate"):
        return "wget --no-check-certificate"
    pip = name in ("pip", "pip3") or (name.startswith("python") and "pip" in [w.text for w in command.words[:2]])
    if pip and option_values(command, "--trusted-host"):
        return "pip --trusted-host"
    if name == "git" and any(_GIT_SSL_OFF.fullmatch(w.text.replace("=", " ", 1)) for w in option_values(command, "-c")):
        return "git -c http.sslVerify=false"
    git_config = [w.text for w in command.words if not w.text.startswith("-")][:3] if name == "git" else []
    if git_config[:1] == ["config"] and _GIT_SSL_OFF.fullmatch(" ".join(git_config[1:])):
        return "git config http.sslVerify false"
    if name in ("npm", "yarn", "pnpm") and [w.text for w in command.words[:4]][-2:] == ["strict-ssl", "false"]:
        return f"{name} config set strict-ssl false"
    if (setting := _option_setting_off(command)) is not None:
        return setting
    if any(w.text in _TLS_OFF_OPTIONS for w in command.words):
        return f"{name} with TLS verification off"
    if name == "fetch" and any(w.text in ("--no-verify-peer", "--no-verify-hostname") for w in command.words):
        return "fetch --no-verify-peer (FreeBSD's fetch without certificate checks)"
    if name == "oc" and any(w.text in ("--insecure", "--insecure=true") for w in command.words):
        return "oc --insecure (registries reached without TLS verification)"
    for key, word in command.env:
        if _insecure_value(key, word.value):
            return f"{key}={word.value}"
    return None


# A package manager's setting given on its command line: apt's ``-o Acquire::https::Verify-Peer=false``, yum/dnf's
# ``--setopt=sslverify=0`` (also per repository, ``--setopt=acme.sslverify=false``, and through ``yum-config-manager``
# or ``dnf config-manager --save``, which write it into the repository file), ``pip config set global.trusted-host``.
_APT_TLS_OFF = re.compile(r"(?i)Acquire::https?(?:::\S+?)?::Verify-(?:Peer|Host)=(?:false|0|no)")
_SETOPT_TLS_OFF = re.compile(r"(?i)(?:\S+\.)?sslverify=(?:0|false|no|off)")
_YUM_LIKE = frozenset({"yum", "dnf", "microdnf", "tdnf", "yum-config-manager", "dnf-config-manager"})


def _option_setting_off(command: Command) -> str | None:
    name = command.name or ""
    if name in ("apt-get", "apt", "aptitude"):
        hit = next((w.text for w in option_values(command, "-o", "--option") if _APT_TLS_OFF.fullmatch(w.text)), None)
        return f"{name} -o {hit}" if hit else None
    if name in _YUM_LIKE:
        hit = next((w.text for w in option_values(command, "--setopt") if _SETOPT_TLS_OFF.fullmatch(w.text)), None)
        return f"{name} --setopt={hit}" if hit else None
    pip = name in ("pip", "pip3") or (name.startswith("python") and "pip" in [w.text for w in command.words[:2]])
    settings = [w.text for w in command.words if not w.text.startswith("-")]
    if pip and "config" in settings[:3] and any(s.endswith(".trusted-host") for s in settings):
        return "pip config set trusted-host"
    return None


def _insecure_value(key: str, value: str | None) -> bool:
    if value is not None and key.endswith("_REJECT_UNAUTHORIZED") and value.lower() in ("false", "0"):
        # Node's TLS option ``rejectUnauthorized`` under a product's prefix (``LDAP_REJECT_UNAUTHORIZED=false``):
        # the client it configures accepts any certificate
        return True
    if key not in _INSECURE_ENV or value is None:
        return False
    wanted = _INSECURE_ENV[key]
    return bool(value) if wanted is None else any(value.lower().startswith(w) for w in wanted)


# The running shell's own path (``curl … | "$BASH"``, ``| $SHELL -s``) when the script does not set it.
_SHELL_PATHS = frozenset({"BASH", "SHELL"})


# How far after a pipeline's first command its next one is looked for (the reader lists them in order).
_PIPE_LOOKAHEAD = 16


def _into_shell(
    command: Command, script: Script, by_line: dict[int, list[Command]], following: Sequence[Command] = ()
) -> bool:
    """The command's output feeds a shell: a shell by name, or the shell's own path variable; not an interpreter
    given its program by an option (``curl … | perl -nle '…'``: the download is the program's input)."""
    if not command.piped_to:
        return False
    if command.piped_to[0] in SHELL_RUNNERS:
        upstream = (*command.piped_from, command.name or "?")
        reader = next((c for c in following[:_PIPE_LOOKAHEAD] if c.piped_from == upstream), None)
        return reader is None or not program_given(reader)
    upstream = (*command.piped_from, command.name or "?")
    return any(
        other.piped_from == upstream
        and other.program is not None
        and any(n in _SHELL_PATHS and not script.bindings(n) for n in other.program.expands)
        for other in by_line.get(command.line, ())
    )


def _alternatives(earlier: Run, later: Run, exits: list[Command]) -> bool:
    """Two runs of one file from one URL that one run of the script never makes both: in sibling arms of an
    ``if``/``case``, or the later one after the earlier one's branch ends the script (``then wget …; bash setup.sh;
    exit; fi`` then ``curl -O …; bash setup.sh``). Made one after the other (an image's stages, each fetching and
    installing the same package: holdout76's AnythingLLM), they are two installs. In functions they stay one: which
    function a dispatcher calls (``-t) updatefromtest;;``) is not seen from the body."""
    if earlier.command.function or later.command.function:
        return True
    if exclusive(earlier.command.arms, later.command.arms):
        # each branch's own fetch; not a file fetched before the branch and fetched again in the other branch
        # (``if [ -f x.sql ]; then mariadb < x.sql; else curl -o x.sql …; mariadb < x.sql; fi``: two fetches run)
        return exclusive(earlier.fetch.arms, later.fetch.arms) or earlier.fetch is later.fetch
    arms = earlier.command.arms
    return bool(arms) and any(
        c.arms[: len(arms)] == arms and earlier.line < c.line < later.fetch.line for c in exits[:_EXITS_READ]
    )


_EXITS_READ = 200  # ``exit`` commands read per pair of runs


def _downloads(path: str, script: Script) -> Iterator[Finding]:
    """Every way the script runs code it fetched without a check, in the order the findings are reported: a fetch
    piped into a shell or written onto a device, a fetched file later run, then the installers that fetch and
    install in one step (docs/preflight.md)."""
    yield from _fetches_run_at_once(path, script)
    yield from _fetched_files_run(path, script)
    yield from _one_step_installs(path, script)


def _fetches_run_at_once(path: str, script: Script) -> Iterator[Finding]:
    """A fetcher (``curl``, ``wget`` or a function of the script wrapping one) whose output a shell reads as it
    arrives (``curl … | sh``), or which writes the download straight onto a block device: nothing lands in a file
    that could be checked first."""
    wrappers = network_functions(script)
    by_line: dict[int, list[Command]] = {}
    for command in script.commands:
        by_line.setdefault(command.line, []).append(command)
    for index, command in enumerate(script.commands):
        fetcher = command.name in FETCHERS or command.name in wrappers
        following = script.commands[index + 1 : index + 1 + _PIPE_LOOKAHEAD] if fetcher else ()
        if fetcher and _into_shell(command, script, by_line, following):
            yield _pipe(path, command)
        elif fetcher and (device := flashed_download(command, by_line.get(command.line, []))) is not None:
            yield at_command(
                "preflight.unverified_download_exec",
                Severity.HIGH,
                path=path,
                command=command,
                downloaded_at=command.line,
                downloaded=device,
                message=f"writes the download straight onto {device} without checking its checksum or signature",
                remedy="Download the image to a file, verify a pinned checksum or signature, then write it.",
            )


def _fetched_files_run(path: str, script: Script) -> Iterator[Finding]:
    """A file fetched and then run, installed or made executable (``fetched``) with no check in between; the same
    file from the same URL fetched and run in each branch of an alternative is one finding."""
    fetched_before: dict[tuple[str, tuple[str, ...]], Run] = {}
    exits = [c for c in script.commands if c.name == "exit" and c.arms]
    for run in fetched_code_runs(script):
        # the same file from the same URL, fetched and run in the other branch of an alternative (wget or curl,
        # with sudo or as root): one fetched file, reported once
        same = (run.target, tuple(w.text for w in run.fetch.words if "://" in w.text))
        earlier = fetched_before.get(same)
        if same[1] and earlier is not None and _alternatives(earlier, run, exits):
            continue
        fetched_before[same] = run
        yield at_command(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=path,
            command=run.command,
            assigned_line=run.fetch.line,
            downloaded_at=run.fetch.line,
            downloaded=run.target,
            message=f"{run.how} {run.target}, downloaded on line {run.fetch.line}, without checking its checksum or "
            "signature",
            remedy="Ship the file in the package (its digest is verified), or verify a pinned checksum or "
            "signature before running it.",
        )


def _one_step_installs(path: str, script: Script) -> Iterator[Finding]:
    """Installers that fetch and install in one step, with nothing pinned or checked: pip from a branch or tag,
    rpm/dnf from a URL, a program replacing its own executable, brew from a formula URL, ``go install …@branch``."""
    for command, url in unpinned_vcs_installs(script):
        yield at_command(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=path,
            command=command,
            downloaded=url,
            message=f"pip installs {url} at a branch or tag: no pinned commit, no hash to check",
            remedy="Install a released package with a pinned hash, or pin the URL to a full commit id (…@<sha>).",
        )
    for command, url in url_package_installs(script):
        yield at_command(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=path,
            command=command,
            downloaded=url,
            message=f"{command.name} fetches and installs {url} in one step: its signature is not required, nothing "
            "is checked before its scriptlets run",
            remedy="Ship the package in the upgrade package, or download it, verify its signature (rpm -K with the "
            "publisher's key imported) and then install the file.",
        )
    for command, build in unchecked_self_replacements(script):
        yield at_command(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=path,
            command=command,
            downloaded=build,
            message=f"{command.name} downloads {build} and writes it over its own executable: no checksum or "
            "signature is checked",
            remedy="Install the new build from the package (or a pinned, checksummed download) instead of letting "
            "the program replace itself.",
        )
    for command, url in brew_url_installs(script):
        yield at_command(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=path,
            command=command,
            downloaded=url,
            message=f"brew fetches the formula {url} and runs its Ruby code to install it: nothing pins or checks "
            "the formula file",
            remedy="Install the formula from a tap pinned to a commit, or ship the program in the package.",
        )
    for command, module in unpinned_module_installs(script):
        yield at_command(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=path,
            command=command,
            downloaded=module,
            message=f"go builds and installs {module}: a branch, not a release version",
            remedy="Install a release version (…@v1.2.3, recorded in the Go checksum database), or ship the binary in "
            "the package.",
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
    """``bash <(curl …)``, ``sh -c "$(wget -qO- …)"``: the fetcher runs inside the shell's argument; ``bash <<<
    "$(curl …)"``: inside the here-string the shell reads as its script; ``eval "$(curl …)"``: the download is the
    command the shell runs."""
    for command in script.commands:
        if (
            (
                command.name in SHELL_RUNNERS
                and any(
                    w.generated and w.raw.startswith("<(") and _fetches_inside(w, command, script)
                    for w in command.words
                )
            )
            or (
                command.name in SHELL_RUNNERS
                and command.via is None
                and any(w.generated and _FETCHED_OUTPUT.search(w.raw) for w in command.words)
            )
            or (command.name in _STDIN_RUNNERS and executed_file(command) is None and _fetched_here_string(command))
            or _evaluates_download(command)
        ):
            yield _pipe(path, command)


_STDIN_RUNNERS = SHELL_RUNNERS - {"source", "."}  # interpreters that read their program from standard input


def _fetched_here_string(command: Command) -> bool:
    """``bash <<< "$(curl -fsSL URL)"``: the shell's standard input, its script, is the download's text."""
    return any(
        r.op == "<<<" and r.target is not None and bool(_FETCHED_OUTPUT.search(r.target.raw)) for r in command.redirects
    )


def _fetches_inside(word: Word, command: Command, script: Script) -> bool:
    """The command inside ``<(…)`` is curl or wget: written out (``source <(curl -fsSL URL)``) or through a
    variable the script sets to one (``DOWNLOADER="wget -qO -"``; ``source <($DOWNLOADER URL)``), which the reader
    reads as the command it names."""
    if re.search(r"\b(?:curl|wget)\b", word.raw):
        return True
    if not word.raw.startswith("<($"):
        return False
    return any(
        c.line == command.line
        and c.name in ("curl", "wget")
        and "captured" in c.conditions
        and bool(c.words)
        and c.words[-1].raw in word.raw
        for c in script.commands
    )


# A word that is the output of curl or wget: ``"$(curl -fsSL URL)"``.
_FETCHED_OUTPUT = re.compile(r"^\"?\$\(\s*(?:curl|wget)\b")


def _evaluates_download(command: Command) -> bool:
    """``eval "$(curl …)"``: the command eval runs is the download's text."""
    program = command.program
    return (
        command.via == "eval"
        and program is not None
        and program.generated
        and bool(_FETCHED_OUTPUT.search(program.raw))
    )


def _run_lines(ctx: Context, runs: Iterable[tuple[str, Script]]) -> Iterator[Finding]:
    """The findings of command lines the package runs (path, script): downloads run and TLS turned off."""
    for path, script in runs:
        if is_payload_tool(ctx, path) or path in ctx.served_user_data:
            continue  # a tool a system package installs, a server's user data: not run by the upgrade
        if not is_developer_tooling(ctx, path):  # a CI or developer script fetches when its developers run it
            yield from _downloads(path, script)
            yield from _process_substitution(path, script)
        yield from _tls(path, script)


def _scripts(ctx: Context) -> Iterator[Finding]:
    return _run_lines(ctx, ctx.parsed.scripts.items())


def _cron_jobs(ctx: Context) -> Iterator[Finding]:
    """A cron job's command line is a script too (cron runs it with /bin/sh -c)."""
    return _run_lines(ctx, ((key[0], script) for key, script in ctx.parsed.cron_commands.items()))


def _unit_commands(ctx: Context) -> Iterator[Finding]:
    """A service's ``Exec*=`` lines are command lines too."""
    return _run_lines(ctx, ctx.parsed.unit_commands.items())


def _ansible_tls(ctx: Context) -> Iterator[Finding]:
    """An Ansible task's ``validate_certs: false`` (shipgate.preflight.ansible_tls)."""
    for path, options in ctx.parsed.tls_off_options.items():
        for option in options:
            yield _tls_finding(path, option.line, option.text, option.how)


def _settings(ctx: Context) -> Iterator[Finding]:
    """Configuration (and unit files' settings) that turns TLS verification off."""
    for text in ctx.of_kind(Kind.CONFIG, Kind.SYSTEMD):
        if is_documentation(text.path):
            continue  # an example configuration in the documentation is not in effect
        if is_test_path(text.path):
            continue  # a test suite's setup (``'openidc_skip_ssl_validation': 'yes'`` in ``tests/``): test data
        lines = [line.text for line in text.lines]
        reported: set[int] = set()
        head = "\n".join(lines[:3])
        for line in text.lines:
            if not _config_insecure(text.path, line.text, head) or loopback_only(text, line.number):
                continue
            if not switched_off_block(lines, line.number):  # a switched-off scraper's ``insecureSkipVerify``
                reported.add(line.number)
                yield _tls_finding(text.path, line.number, line.text, line.text.strip(), setting=True)
        for name, value, number in process_environment(text):
            if number not in reported and _process_variable_insecure(text.path, name, value):
                reported.add(number)
                yield _tls_finding(text.path, number, text.lines[number - 1].text, f"{name}={value}", setting=True)


def _process_variable_insecure(path: str, name: str, value: str) -> bool:
    """A variable a process is started with (a compose ``environment:`` entry, a Kubernetes ``env:`` item, an
    environment file's line) that turns its clients' checks off, as it does in a script's environment."""
    return _insecure_value(name, value) or _config_insecure(path, f"{name}={value}")


# The report's order: every script's findings, then every cron job's, every service command line's, every Ansible
# task's that turns verification off, then the settings'. Each stage reports its files in path order, so a package
# read in shards joins each stage's findings over the shards and then the stages (shipgate.preflight.shards): the
# same order as one reading.
STAGES = (_scripts, _cron_jobs, _unit_commands, _ansible_tls, _settings)


def scan(ctx: Context) -> Iterator[Finding]:
    for stage in STAGES:
        yield from stage(ctx)


def _tls(path: str, script: Script) -> Iterator[Finding]:
    seen: set[int] = set()
    for command in script.commands:
        how = _tls_off(command)
        if how is None or command.line in seen or loopback_target(command) or discarded_probe(command):
            continue
        seen.add(command.line)
        yield _tls_finding(path, command.line, command.text, how)
    for a in script.assignments:
        if _insecure_value(a.name, a.value) and a.line not in seen:
            seen.add(a.line)
            yield _tls_finding(path, a.line, a.raw, f"{a.name}={a.value}")
    for written in itertools.chain(written_lines(script), sed_replaced_lines(script)):
        if written.line not in seen and _config_insecure(written.target, written.text):
            seen.add(written.line)
            how = f"{written.text.strip()[:60]} written to {written.target}"
            yield _tls_finding(path, written.line, written.text, how)


def _tls_finding(path: str, line: int, text: str, how: str, *, setting: bool = False) -> Finding:
    """A command's option (``how``) or, with ``setting``, a configuration's setting that turns verification off."""
    if setting:
        message, remedy, evidence = "the configuration turns TLS certificate verification off", "setting", "setting"
    else:
        message = f"TLS certificate verification is off ({how}): anyone on the path can serve the download"
        remedy, evidence = "option", "how"
    return at_line(
        "preflight.tls_verification_disabled",
        Severity.HIGH,
        path=path,
        line=line,
        text=text,
        message=message,
        remedy=f"Remove the {remedy}; install the CA the endpoint needs instead.",
        **{evidence: how[:80] if setting else how},
    )
