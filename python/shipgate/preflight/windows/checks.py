"""The existing ``preflight.`` codes over Windows scripts (``shipgate.preflight.windows``): each check reads the
calls of a ``WinScript`` and reports at the line of the call. Endpoints are reported by
``shipgate.preflight.endpoints`` from ``network.contacts``."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.cargo_fetch import REGISTRY as CRATES_REGISTRY
from shipgate.preflight.cargo_fetch import CrateCache
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.egress import registry_verbs
from shipgate.preflight.go_fetch import ModuleCache
from shipgate.preflight.secrets import allowed, password_name, secret_name
from shipgate.preflight.windows.acl_grants import open_grants
from shipgate.preflight.windows.admin_groups import admin_memberships
from shipgate.preflight.windows.compose_pulls import COMPOSE_REGISTRY, ComposePulls
from shipgate.preflight.windows.deletes import data_deletes
from shipgate.preflight.windows.flows import piped_to_shell, unchecked_installs, unverified
from shipgate.preflight.windows.installer_scripts import admin_required_line
from shipgate.preflight.windows.model import Call, WinScript
from shipgate.preflight.windows.network import configured_remote_fetches
from shipgate.preflight.windows.powershell import runs_as_admin
from shipgate.preflight.windows.printed_secrets import printed_secrets
from shipgate.preflight.windows.profiles import profile_writes
from shipgate.preflight.windows.pulled_checkout import pulled_runs
from shipgate.preflight.windows.removal import in_uninstall_function
from shipgate.preflight.windows.setx import setx_assignment
from shipgate.preflight.windows.startup_folder import startup_programs

# Chocolatey runs these package scripts elevated (choco requires an administrator by default).
CHOCOLATEY_SCRIPTS = frozenset({"chocolateyinstall.ps1", "chocolateyuninstall.ps1", "chocolateybeforemodify.ps1"})
_DEFENDER_OFF = frozenset(
    {
        "disablerealtimemonitoring",
        "disablebehaviormonitoring",
        "disableioavprotection",
        "disablescriptscanning",
        "disableintrusionpreventionsystem",
        "disableantispyware",
        "disableantivirus",
        "forcedefenderpassivemode",
    }
)
_TRUE = frozenset({"$true", "1", "true", "'1'", '"1"', "$True"})
_EGRESS = {
    "choco": "community.chocolatey.org",
    "cinst": "community.chocolatey.org",
    "cup": "community.chocolatey.org",
    "winget": "cdn.winget.microsoft.com",
    "scoop": "the Scoop buckets on github.com",
    "install-module": "www.powershellgallery.com",
    "install-script": "www.powershellgallery.com",
    "update-module": "www.powershellgallery.com",
    "install-package": "www.powershellgallery.com",
    "install-packageprovider": "onegetcdn.azureedge.net",
    "docker": "the image's registry (Docker Hub unless the image names one)",
}
_INSTALL_VERBS = frozenset({"install", "upgrade", "update", "pull"})
_RUN_KEY = re.compile(r"\\currentversion\\run(?:once)?\\?$", re.I)
# Where Windows keeps the machine's and the user's environment (``PATH`` among it) for every later session.
_ENVIRONMENT_KEY = re.compile(
    r"(?:\\session manager\\environment|^(?:registry::)?(?:hkcu:?|hkey_current_user)\\environment)\\?$", re.I
)
_PERSISTENCE_REMEDY = (
    "Ask the vendor to drop the change, or record it in the change plan with its owner and how it is removed."
)
_NO_CHECK = frozenset({"-k", "--insecure", "--no-check-certificate"})


def _text(call: Call) -> str:
    return call.text.splitlines()[0] if call.text else ""


def _truthy(value: str | None) -> bool:
    return value is not None and value.strip("'\"").lower() in {"$true", "1", "true"}


def _privilege(script: WinScript, sudo: bool | None) -> Iterator[Finding]:
    name = posixpath.basename(script.path).lower()
    requires = [(1, "Chocolatey runs its package scripts as Administrator")] if name in CHOCOLATEY_SCRIPTS else []
    requires += [(line, "an Administrator check that stops the script") for line in script.admin_checks]
    for line, why in requires[:1]:
        yield at_line(
            "preflight.root_assumed",
            Severity.HIGH if sudo is False else Severity.INFO,
            path=script.path,
            line=line,
            text=why,
            message=f"the script requires Administrator ({why})"
            + (" but the target's installers run without sudo" if sudo is False else ""),
            remedy="Run the step as root by a sanctioned mechanism, or ask the vendor to drop the root requirement.",
        )
    for call in script.calls:
        elevates = runs_as_admin(call)
        if not (elevates or call.name == "runas"):
            continue
        yield at_line(
            "preflight.sudo_unavailable" if sudo is False else "preflight.privileged_script",
            Severity.HIGH if sudo is False else Severity.INFO,
            path=script.path,
            line=call.line,
            text=_text(call),
            tool="Start-Process -Verb RunAs" if elevates else "runas",
            message="the script starts a process elevated (UAC)"
            + (" but the target's installers run without sudo" if sudo is False else ""),
            remedy="Ask the vendor for an installer that runs unprivileged, or grant the installer account the "
            "privilege it needs.",
        )


_TASK_FIELDS = ("/tn", "/tr", "/sc", "/ru")  # the task's name, what it runs, when, and as whom


def _schtasks_job(call: Call) -> tuple[str, ...] | None:
    """``schtasks /create``'s task as written: its name, command, schedule and account, lower case; None when it
    names no task. Options that only tune the job (``/rl``, ``/f``) are left out."""
    texts = [w.text.strip("'\"").lower() for w in call.words]
    if "/tn" not in texts[:-1]:
        return None
    return tuple(next((texts[i + 1] for i, t in enumerate(texts[:-1]) if t == field), "") for field in _TASK_FIELDS)


def _scheduled(script: WinScript) -> Iterator[Finding]:
    """Each task the script registers. A second ``schtasks /create`` of the same task (name, command, schedule and
    account as written: a fallback without ``/rl highest`` after the first failed) replaces it and adds none
    (holdout276); a same-named task with another schedule or account is another job (holdout191)."""
    registered: set[tuple[str, ...]] = set()
    for call in script.calls:
        creates = call.name == "schtasks" and any(w.text.lower() == "/create" for w in call.words)
        if creates or call.name == "register-scheduledtask":
            job = _schtasks_job(call) if creates else None
            if job is not None and job in registered:
                continue
            if job is not None:
                registered.add(job)
            yield at_line(
                "preflight.scheduled_job",
                Severity.MEDIUM,
                path=script.path,
                line=call.line,
                text=_text(call),
                message="the script registers a scheduled task",
                remedy="Record the job in the change plan, with its owner and when it should be removed.",
            )


def _registry_path(call: Call) -> bool:
    """``Set-ItemProperty -Path 'HKLM:\\…\\Session Manager\\Environment' -Name PATH …`` (or ``HKCU:\\Environment``;
    ``reg add KEY /v Path``): the PATH written where Windows keeps it."""
    if call.name in ("set-itemproperty", "new-itemproperty"):
        key, name = call.option("path", "literalpath"), call.option("name")
        key = key or (call.args[0] if call.args else None)
        name = name or (call.args[1] if len(call.args) > 1 else None)
        values = (key.text if key else "", name.text if name else "")
    elif call.name == "reg" and any(w.text.lower() == "add" for w in call.words):
        texts = [w.text for w in call.words]
        named = [texts[i + 1] for i, t in enumerate(texts[:-1]) if t.lower() == "/v"]
        values = (next((t for t in texts if _ENVIRONMENT_KEY.search(t.strip("'\""))), ""), named[0] if named else "")
    else:
        return False
    key_text, name_text = (v.strip().strip("'\"") for v in values)
    return _ENVIRONMENT_KEY.search(key_text) is not None and name_text.lower() == "path"


def _persistence(script: WinScript) -> Iterator[Finding]:
    for call in script.calls:
        args = call.args
        path_change = (
            call.name == "[environment]::setenvironmentvariable"
            and len(args) > 2
            and (args[0].value or "").lower() == "path"
            and re.search(r"machine|user", args[2].text, re.I) is not None
        )
        path_change = path_change or call.name == "install-chocolateypath"
        path_change = path_change or _registry_path(call)
        path_change = path_change or (setx_assignment(call) or ("", None))[0].lower() == "path"
        path_change = path_change and not in_uninstall_function(call)  # the product's folder taken out (holdout231)
        key = call.option("path")
        run_key = call.name in ("set-itemproperty", "new-itemproperty") and key is not None
        run_key = run_key and key is not None and _RUN_KEY.search(key.text.strip("'\"")) is not None
        run_key = run_key or (
            call.name == "reg"
            and any(w.text.lower() == "add" for w in call.words)
            and any(_RUN_KEY.search(w.text.strip("'\"")) for w in call.words)
        )
        if path_change or run_key:
            yield _persists(
                script,
                call,
                Severity.HIGH if run_key else Severity.MEDIUM,
                "the script adds a program that starts at every logon (a Run key)"
                if run_key
                else "the script changes the machine's or user's PATH for every later session",
            )


def _persists(script: WinScript, call: Call, severity: Severity, message: str) -> Finding:
    """A ``persistence`` finding at ``call``: what the script leaves running or granted after it ends."""
    return at_line(
        "preflight.persistence",
        severity,
        path=script.path,
        line=call.line,
        text=_text(call),
        message=message,
        remedy=_PERSISTENCE_REMEDY,
    )


def _startup(script: WinScript) -> Iterator[Finding]:
    for call in startup_programs(script):
        message = "the script puts a program into a Startup folder, which starts it at every logon"
        yield _persists(script, call, Severity.HIGH, message)


def _sessions_and_groups(script: WinScript) -> Iterator[Finding]:
    """A PowerShell profile written (run by every later session) and an account put into a group that holds the
    machine (``windows/profiles.py``, ``windows/admin_groups.py``; holdout231)."""
    for call in profile_writes(script):
        message = "the script writes a PowerShell profile, which every later PowerShell session runs"
        yield _persists(script, call, Severity.MEDIUM, message)
    for call, group in admin_memberships(script):
        message = f"the script adds an account to {group}, whose members hold the machine"
        yield _persists(script, call, Severity.HIGH, message)


def _defender_off(script: WinScript, call: Call) -> int | None:
    """The line that switches a Defender protection off through ``call``, or None."""
    if call.name == "set-mppreference":
        for name, word in call.options.items():
            if name in _DEFENDER_OFF and word is not None and _truthy(word.text):
                return word.line
        if any(w.text.startswith("@") for w in call.words):
            entries = [e for e in script.hash_entries if e.key in _DEFENDER_OFF and _truthy(e.value)]
            preferred = [e for e in entries if e.key == "disablerealtimemonitoring"] or entries
            return preferred[0].line if preferred else None
    if call.name in ("set-itemproperty", "new-itemproperty"):
        setting, value = call.option("name"), call.option("value")
        if setting is not None and setting.text.strip("'\"").lower() in _DEFENDER_OFF and value is not None:
            return call.line if _truthy(value.text) else None
    if call.name == "reg" and any(w.text.lower() in _DEFENDER_OFF for w in call.words):
        return call.line if any(_truthy(w.text) for w in call.words[-3:]) else None
    return None


def _protection(script: WinScript) -> Iterator[Finding]:
    for call in script.calls:
        words = [w.text.lower() for w in call.words]
        line = _defender_off(script, call)
        firewall = call.name == "netsh" and "advfirewall" in words and words[-2:] == ["state", "off"]
        enabled = call.option("enabled")
        firewall = firewall or (
            call.name == "set-netfirewallprofile"
            and enabled is not None
            and enabled.text.strip("'\"").lower() in ("false", "0", "$false")
        )
        if line is None and not firewall:
            continue
        what = "the Windows firewall" if firewall else "Microsoft Defender's protection"
        yield at_line(
            "preflight.protection_disabled",
            Severity.HIGH,
            path=script.path,
            line=call.line,
            text=_text(call),
            **({"assigned_line": line} if line is not None and line != call.line else {}),
            message=f"the script switches {what} off",
            remedy="Ask the vendor for the specific exclusion or rule the product needs instead of switching the "
            "protection off.",
        )


def _tls(script: WinScript) -> Iterator[tuple[int, str, str]]:
    for setting in script.settings:
        if "servercertificatevalidationcallback" in setting.target and "$true" in setting.value.lower():
            yield setting.line, setting.target, "ServerCertificateValidationCallback accepts every certificate"
    for call in script.calls:
        if call.has("skipcertificatecheck"):
            yield call.line, _text(call), "-SkipCertificateCheck"
        elif call.name == "new-pssessionoption" and call.has("skipcacheck", "skipcncheck"):
            yield call.line, _text(call), "New-PSSessionOption -SkipCACheck/-SkipCNCheck"
        elif call.name in ("curl", "wget") and any(w.text in _NO_CHECK for w in call.words):
            yield call.line, _text(call), f"{call.name} without certificate checks"


_SOURCE_OPTIONS = frozenset({"-s", "--source", "-source", "-repository"})
# JavaScript package managers and Node's version manager (nvm-windows' ``nvm install 18`` downloads Node: holdout231),
# read with the verbs and registry ``egress.registry_verbs`` gives them, and the switch that keeps them to the cache
_NODE_MANAGERS = frozenset({"npm", "yarn", "pnpm", "bun", "nvm"})
_NODE_OFFLINE = frozenset({"--offline"})
# pip's options that name the index it asks, or ask none
_PIP_INDEX = frozenset({"-i", "--index-url", "--no-index", "-f", "--find-links"})


def _runs_pip(name: str, words: list[str]) -> bool:
    """``pip``/``pip3`` itself, or a Python interpreter or its launcher given ``-m pip`` (``python.exe``,
    ``py``, a bundled ``python.bat``): Python's switch that runs the pip module."""
    if name in ("pip", "pip3") or re.fullmatch(r"pip3?(?:\.\d+)?(?:\.bat|\.cmd)?", name):
        return True
    python = name == "py" or name.startswith(("python", "pypy"))
    return python and words[:2] == ["-m", "pip"]


def _names_source(words: list[str]) -> bool:
    """The command names where it installs from: a URL, a path or a variable (``--source 'https://…'``, ``-s .``,
    ``-Repository $feed``). A bare source name (``--source winget``, ``-Repository PSGallery``) is a registry
    configured outside the file, whose address is written nowhere here."""
    for index, word in enumerate(words):
        value = word.partition("=")[2] if word.startswith("--source=") else None
        if word in _SOURCE_OPTIONS:
            value = words[index + 1] if index + 1 < len(words) else ""
        if value is not None:
            bare = value.strip("\"'")
            return not bare or not re.fullmatch(r"[\w.-]+", bare) or bare.startswith(".")
    return False


def _build_settings(script: WinScript) -> list[tuple[int, str, str]]:
    """``$env:GOFLAGS``/``$env:GOPROXY``/``$env:CARGO_NET_OFFLINE`` assignments of the script, by line."""
    found: list[tuple[int, str, str]] = []
    for setting in script.settings:
        name = setting.target.removeprefix("${env:").removeprefix("$env:").rstrip("}").upper()
        if setting.target.startswith(("$env:", "${env:")) and name in ("GOFLAGS", "GOPROXY", "CARGO_NET_OFFLINE"):
            found.append((setting.line, name, setting.value.strip("'\"")))
    return sorted(found)


def _egress(script: WinScript) -> Iterator[Finding]:
    modules, crates, stacks = ModuleCache(), CrateCache(), ComposePulls()
    settings, env, taken = _build_settings(script), dict[str, str](), 0
    for call in script.calls:  # in file order: the settings before each ``go``/``cargo`` step are its environment
        while taken < len(settings) and settings[taken][0] < call.line:
            env[settings[taken][1]] = settings[taken][2]
            taken += 1
        registry = _EGRESS.get(call.name)
        words = [w.text.lower() for w in call.words]
        if _runs_pip(call.name, words):  # ``pip install X``, ``python -m pip install X`` (any Python's launcher)
            registry, words = "pypi.org", words[2:] if words[:2] == ["-m", "pip"] else words
            if _PIP_INDEX.intersection(w.partition("=")[0] for w in words):
                continue  # the index is named (or none is asked): not the default registry
        if call.name == "go":  # a build fetches what the module cache lacks (go_fetch)
            if not modules.step_fetches([w.text for w in call.words], env):
                continue
            registry, words = "proxy.golang.org", ["install"]
        if call.name == "cargo":  # a build fetches what the registry cache lacks (cargo_fetch; holdout263)
            if not crates.reaches_registry([w.text for w in call.words], env):
                continue
            registry, words = CRATES_REGISTRY, ["install"]
        node = registry_verbs(call.name) if call.name in _NODE_MANAGERS else None
        if node is not None:  # ``npm install``/``ci``, ``yarn add``: the shell reader's verbs and registry (holdout221)
            if not words or words[0] not in node[0] or _NODE_OFFLINE.intersection(words):
                continue
            registry, words = node[1], ["install"]
        if stacks.fetches(call):  # ``docker compose up``/``pull``: the stack's images (holdout209)
            registry, words = COMPOSE_REGISTRY, ["pull"]
        elif call.name == "docker-compose" or (call.name == "docker" and words[:1] == ["compose"]):
            continue  # a compose command that fetches nothing here (``logs``, ``version``, an ``up`` after a pull)
        if registry is None:
            continue
        tool_verb = call.name.startswith(("install-", "update-")) or call.name in ("cinst", "cup")
        if not tool_verb and not (words and words[0] in _INSTALL_VERBS):
            continue
        if (call.name in ("docker", "docker-compose")) != (words[:1] == ["pull"]):
            continue  # docker only pulls here; package managers do not ``pull``
        if _names_source(words):
            continue  # the source is named: its URL is an endpoint, not a default registry
        yield _egress_finding(script, call, registry)
    for call in configured_remote_fetches(script):  # ``git pull origin main`` (holdout254)
        yield _egress_finding(script, call, "the checkout's configured remote")


def _egress_finding(script: WinScript, call: Call, registry: str) -> Finding:
    return at_line(
        "preflight.implicit_egress",
        Severity.MEDIUM,
        path=script.path,
        line=call.line,
        text=_text(call),
        tool=call.name,
        registry=registry,
        message=f"{call.name} reaches the network ({registry}) although no URL is written here",
        remedy="Mirror what the step fetches inside the organisation (or ship it in the package), and list the "
        "registry in network.allowed_endpoints if the target may reach it.",
    )


def _credentials(script: WinScript) -> Iterator[Finding]:
    for call in script.named("convertto-securestring"):
        secret = call.args[0] if call.args else call.option("string")
        if secret is None or secret.value is None or not call.has("asplaintext") or allowed(secret.value):
            continue
        if secret.text != secret.value or "$" in secret.value:
            continue
        if secret.variable is not None and secret_name(secret.variable):
            continue  # ``$password = "…"`` is reported where it is assigned, once
        yield at_line(
            "preflight.hardcoded_credential",
            Severity.HIGH,
            path=script.path,
            line=call.line,
            text=_text(call),
            kind="password given to ConvertTo-SecureString -AsPlainText",
            message="hard-coded credential: a password given to ConvertTo-SecureString -AsPlainText",
            remedy="Rotate the credential and ask the vendor to read it from the environment or a secret store.",
        )


# ``NAME:VALUE``/``NAME=VALUE`` as one argument of a program (``"token:822B…"``, ``APIKEY=abc…``, ``--password=x``).
_NAMED_ARGUMENT = re.compile(r"^[-/]{0,2}([A-Za-z][\w.-]*)[:=](.+)$")
_TEXT_COMMANDS = frozenset({"echo", "write-host", "write-output", "write-verbose", "write-warning", "write-error"})


def _argument_secrets(script: WinScript) -> Iterator[Finding]:
    """A literal secret handed to a program as ``NAME:VALUE`` or ``NAME=VALUE`` (an agent's activation token, an
    MSI property ``APIKEY=…``): the name a secret's, the value written in the file (no variable in it)."""
    for call in script.calls:
        if call.name in _TEXT_COMMANDS:
            continue
        for word in call.words:
            m = _NAMED_ARGUMENT.match(word.text.strip("'\""))
            if m is None or word.value is None or not secret_name(m.group(1)):
                continue
            value = m.group(2).strip("'\"")
            if re.search(r"[$%]", value) or allowed(value, name=m.group(1)):
                continue
            yield at_line(
                "preflight.hardcoded_credential",
                Severity.HIGH if password_name(m.group(1)) else Severity.CRITICAL,
                path=script.path,
                line=call.line,
                text=_text(call),
                kind=f"{m.group(1)} given to {call.name} on its command line",
                message=f"hard-coded credential: {m.group(1)} written literally in {call.name}'s arguments",
                remedy="Rotate the credential and ask the vendor to read it from the environment or a secret store.",
            )
            break


def _printed(script: WinScript) -> Iterator[Finding]:
    for call, name in printed_secrets(script):
        yield at_line(
            "preflight.secret_printed",
            Severity.MEDIUM,
            path=script.path,
            line=call.line,
            text=_text(call),
            variables=[name],
            message=f"prints ${name}, a secret, to the install log (transcripts and CI logs keep it)",
            remedy="Do not print the secret; tell the operator where it is stored (a file readable by them only).",
        )


def _downloads(script: WinScript) -> Iterator[Finding]:
    for found in unverified(script):
        yield at_line(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=script.path,
            line=found.call.line,
            text=_text(found.call),
            download_line=found.fetch.call.line,
            message=f"a file downloaded on line {found.fetch.call.line} is used with no checksum or signature check: "
            f"the script {found.how}",
            remedy="Ship the file in the package (its digest is verified), or check a pinned hash (Get-FileHash) or "
            "its Authenticode signer before running it.",
        )
    for pulled in pulled_runs(script):  # a branch pull's code run (holdout191, holdout254)
        yield at_line(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=script.path,
            line=pulled.run.line,
            text=_text(pulled.run),
            download_line=pulled.pull.line,
            message=f"the branch pulled on line {pulled.pull.line} (no commit id checked) is run: the script "
            f"{pulled.how}",
            remedy="Check out a full commit id (or a verified signed tag) before running the checkout, or ship the "
            "code in the package.",
        )
    for call, url in unchecked_installs(script):
        yield at_line(
            "preflight.unverified_download_exec",
            Severity.HIGH,
            path=script.path,
            line=call.line,
            text=_text(call),
            download_line=call.line,
            **({"assigned_line": url.assigned_line} if url.assigned_line else {}),
            message=f"{call.name} downloads and installs {url.text!r} with no checksum",
            remedy="Give the helper -Checksum/-ChecksumType (sha256), or ship the installer in the package.",
        )
    for call in piped_to_shell(script):
        yield at_line(
            "preflight.pipe_to_shell",
            Severity.HIGH,
            path=script.path,
            line=call.line,
            text=_text(call),
            message="the script runs code it downloads (Invoke-Expression of a download)",
            remedy="Ship the code in the package (where its digest is verified) instead of fetching it at install "
            "time.",
        )


def _installer_privilege(ctx: Context, sudo: bool | None) -> Iterator[Finding]:
    """An Inno Setup or NSIS script that declares it runs only as Administrator (``installer_scripts``)."""
    for text in ctx.texts:
        line = admin_required_line(text.path, [line.text for line in text.lines])
        if line is None:
            continue
        why = "the installer script declares that it runs only as Administrator"
        yield at_line(
            "preflight.root_assumed",
            Severity.HIGH if sudo is False else Severity.INFO,
            path=text.path,
            line=line,
            text=text.lines[line - 1].text,
            message=f"the installer requires Administrator ({why})"
            + (" but the target's installers run without sudo" if sudo is False else ""),
            remedy="Run the step as root by a sanctioned mechanism, or ask the vendor to drop the root requirement.",
        )


def scan(ctx: Context) -> Iterator[Finding]:
    sudo = ctx.inventory.sudo if ctx.inventory is not None else None
    yield from _installer_privilege(ctx, sudo)
    for script in ctx.parsed.windows.values():
        yield from _privilege(script, sudo)
        yield from _scheduled(script)
        yield from _persistence(script)
        yield from _startup(script)
        yield from _sessions_and_groups(script)
        yield from _protection(script)
        yield from open_grants(script)
        yield from data_deletes(script)
        for line, text, what in _tls(script):
            yield at_line(
                "preflight.tls_verification_disabled",
                Severity.HIGH,
                path=script.path,
                line=line,
                text=text,
                message=f"TLS certificate verification is turned off ({what})",
                remedy="Remove the option; install the CA the endpoint needs instead.",
            )
        if not is_development_file(script.path):  # a CI or developer script is not a step of the install
            yield from _egress(script)
            yield from _downloads(script)
        yield from _credentials(script)
        yield from _argument_secrets(script)
        yield from _printed(script)
