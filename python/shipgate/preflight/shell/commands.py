"""What a command does, read from its name and its resolved arguments: the files it writes, the URLs and
hosts it contacts, what it downloads and what it runs. Each tool's options that take a value are known, so
``curl -o file.tgz URL`` writes ``file.tgz`` and contacts the URL's host, never a host called ``file.tgz``."""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Iterable, Iterator

from shipgate.preflight.hosts import bare_host, url_host
from shipgate.preflight.shell.map_builders import MAP_BUILDERS, built_tables
from shipgate.preflight.shell.model import Command, OptionIndex, Word
from shipgate.preflight.shell.password_files import htpasswd_file
from shipgate.preflight.shell.sed_edits import sed_edited_files
from shipgate.preflight.shell.unwrap import SSH_VALUE_OPTIONS

# Options (per tool) whose next word is their value, not an operand.
_APT_VALUE_OPTIONS = frozenset(
    {
        "-o",
        "--option",
        "-c",
        "--config-file",
        "-t",
        "--target-release",
        "--default-release",
        "-a",
        "--host-architecture",
        "-P",
        "--build-profiles",
    }
)
VALUE_OPTIONS: dict[str, frozenset[str]] = {
    "curl": frozenset(
        [
            "-o",
            "-d",
            "-H",
            "-u",
            "-X",
            "-A",
            "-e",
            "-b",
            "-c",
            "-T",
            "-F",
            "-w",
            "-x",
            "-m",
            "-K",
            "-r",
            "-C",
            "-E",
            "-Q",
            "-U",
            "-y",
            "-Y",
            "-z",
            "--output",
            "--data",
            "--data-raw",
            "--data-binary",
            "--data-urlencode",
            "--header",
            "--user",
            "--request",
            "--user-agent",
            "--referer",
            "--cookie",
            "--cookie-jar",
            "--upload-file",
            "--form",
            "--write-out",
            "--proxy",
            "--max-time",
            "--config",
            "--range",
            "--connect-timeout",
            "--retry",
            "--retry-delay",
            "--retry-max-time",
            "--cacert",
            "--capath",
            "--cert",
            "--key",
            "--resolve",
            "--interface",
            "--output-dir",
            "--proto",
            "--proto-redir",
            "--limit-rate",
            "--max-filesize",
            "--netrc-file",
            "--oauth2-bearer",
            "--pass",
            "--url-query",
            "--json",
            "--variable",
            "--expand-url",
        ]
    ),
    "wget": frozenset(
        [
            "-O",
            "-o",
            "-a",
            "-P",
            "-t",
            "-T",
            "-e",
            "-U",
            "-i",
            "-B",
            "-Q",
            "-l",
            "-w",
            "--output-document",
            "--output-file",
            "--append-output",
            "--directory-prefix",
            "--tries",
            "--timeout",
            "--execute",
            "--user-agent",
            "--input-file",
            "--base",
            "--quota",
            "--level",
            "--wait",
            "--header",
            "--user",
            "--password",
            "--http-user",
            "--http-password",
            "--post-data",
            "--post-file",
            "--load-cookies",
            "--save-cookies",
            "--ca-certificate",
            "--certificate",
            "--private-key",
            "--bind-address",
        ]
    ),
    "git": frozenset({"-C", "-c", "--git-dir", "--work-tree", "-b", "--branch", "--depth", "-o", "--origin"}),
    "ssh": SSH_VALUE_OPTIONS,
    "scp": frozenset(["-P", "-i", "-l", "-o", "-F", "-J", "-c", "-S"]),
    # apt's options with a value in the next word (``-o Dpkg::Options::=--force-confold``, ``-t bookworm-backports``)
    "apt-get": _APT_VALUE_OPTIONS,
    "apt": _APT_VALUE_OPTIONS,
    # aptitude takes apt's ``-o``/``-t`` and its own display options (``-F FORMAT``, ``-w WIDTH``)
    "aptitude": _APT_VALUE_OPTIONS | {"-F", "--display-format", "-w", "--width", "-O", "--sort"},
    # install(1): the mode, owner, group, target directory and backup suffix take values
    "install": frozenset({"-m", "--mode", "-o", "--owner", "-g", "--group", "-t", "--target-directory", "-S"}),
    # mkdir(1), mknod(1): the mode takes a value (``mknod -m 600 /dev/net/tun c 10 200``)
    "mkdir": frozenset({"-m", "--mode"}),
    "mknod": frozenset({"-m", "--mode"}),
    "rsync": frozenset({"-e", "--rsh", "--exclude", "--include", "--filter", "--port", "--password-file"}),
    "nc": frozenset({"-p", "-s", "-w", "-i", "-q", "-x", "-X", "-e", "-c"}),
    # ``ping -c 1 google.com``: the count, deadline, interval, size, TTL and interface are not the host
    "ping": frozenset({"-c", "-w", "-W", "-i", "-s", "-t", "-I", "-l", "-p", "-Q", "-m", "-M"}),
    "psql": frozenset(
        [
            "-c",
            "-d",
            "-f",
            "-o",
            "-p",
            "-U",
            "-v",
            "-P",
            "-T",
            "-L",
            "--command",
            "--dbname",
            "--file",
            "--output",
            "--port",
            "--username",
        ]
    ),
    "mysql": frozenset(["-e", "-D", "-P", "-u", "-S", "--execute", "--database", "--port", "--user", "--socket"]),
}
NETWORK_TOOLS = frozenset(
    {
        "curl",
        "wget",
        "fetch",
        "nc",
        "ncat",
        "netcat",
        "telnet",
        "ftp",
        "sftp",
        "scp",
        "ssh",
        "rsync",
        "ping",
        "dig",
        "nslookup",
        "host",
        "http",
        "https",
        "xh",
        "aria2c",
        "lftp",
        "socat",
    }
)
DB_CLIENTS = frozenset(
    {"psql", "mysql", "mariadb", "redis-cli", "mongo", "mongosh", "sqlplus", "sqlcmd", "pg_dump", "mysqldump"}
)
# PyPy (``pypy``, ``pypy3``) is a Python interpreter as ``python3`` is: it runs a script, standard input or ``-m pip``
SHELL_RUNNERS = frozenset(
    {"sh", "bash", "dash", "zsh", "ksh", "ash", "source", ".", "python", "python3", "pypy", "pypy3", "perl", "ruby"}
    | {"node", "php"}
)
PACKAGE_INSTALLERS = frozenset({"dpkg", "rpm", "apt", "apt-get", "yum", "dnf", "zypper", "installer", "msiexec"})
# Package tools that fetch a URL they are given (``rpm --import URL``, ``yum-config-manager --add-repo URL``,
# ``dnf config-manager addrepo --from-repofile=URL``, ``zypper ar URL``, ``yum install URL.rpm``, Alpine's
# ``apk add --repository URL`` (``-X URL``), which reads that repository's index from its host).
URL_FETCHING_TOOLS = frozenset(
    {
        "rpm",
        "yum",
        "dnf",
        "dnf-3",
        "tdnf",
        "microdnf",
        "zypper",
        "yum-config-manager",
        "apt-key",
        "add-apt-repository",
        "apt-add-repository",  # the same program under its other name
        "apk",
        "brew",  # a formula or cask given by URL (``brew install https://…/pdftk.rb``, brew_urls), a tap's URL
    }
)


def positional_texts(words: Iterable[str], value_options: frozenset[str]) -> list[str]:
    """``words`` without their options and the values the options in ``value_options`` take."""
    positional: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in value_options:
            skip = True
        elif not word.startswith("-"):
            positional.append(word)
    return positional


def operands(command: Command, tool: str | None = None) -> list[Word]:
    """The command's operands: its words without options and their values (``--`` ends options)."""
    takes = VALUE_OPTIONS.get(tool or command.name or "", frozenset())
    out: list[Word] = []
    skip = False
    ended = False
    for word in command.words:
        value = word.text
        if skip:
            skip = False
            continue
        if ended or not value.startswith("-") or value == "-":
            out.append(word)
            continue
        if value == "--":
            ended = True
            continue
        if value in takes or _closes_cluster(command.name or "", value, takes):
            skip = True
    return out


def _closes_cluster(tool: str, value: str, takes: frozenset[str]) -> bool:
    """``-sLo`` (curl), ``-qO`` (wget): switches that take no value clustered before one that does, written last,
    so its value is the next word (getopt); only the tools whose switch letters are known."""
    switches = _CLUSTER_SWITCHES.get(tool)
    if switches is None or len(value) < 3 or value[0] != "-" or value[1] == "-":
        return False
    return f"-{value[-1]}" in takes and all(c in switches for c in value[1:-1])


_KEPT_INDEX = 32  # words of a command from which its option index is kept


def option_values(command: Command, *names: str) -> list[Word]:
    """Values given to the options ``names`` (``-o x``, ``-ox`` for short ones, ``--output=x`` and ``-path=x`` for
    long ones), in the order they are written; found through the command's option index, so a long command costs
    its matches only."""
    hits: list[tuple[int, int, Word]] = []
    words = command.words
    # a long command keeps its index (asked many times, it would cost its length each time); a short one's is built
    # for the question and dropped, so the commands of a whole package do not each hold one
    index = command.options if len(words) > _KEPT_INDEX else OptionIndex.of(words)
    for n, name in enumerate(names):
        hits.extend((i, n, words[i + 1]) for i in index.whole.get(name, ()) if i + 1 < len(words))
        if len(name) > 2:
            hits.extend((i, n, _rest(words[i], len(name) + 1)) for i in index.joined.get(name, ()))
        elif len(name) == 2:
            hits.extend((i, n, _rest(words[i], 2)) for i in index.attached.get(name, ()))
    hits.sort(key=lambda hit: hit[:2])
    return [word for _, _, word in hits]


def _rest(word: Word, start: int) -> Word:
    """The value written in the same word as its option (``--output=x``, ``-ox``)."""
    return Word(word.raw, word.text[start:], word.line, word.expands, word.assigned_at)


# apt's no-action switches: it prints what it would do, downloads and installs nothing (``update`` still fetches).
_APT_NO_ACT = frozenset({"-s", "--simulate", "--just-print", "--dry-run", "--recon", "--no-act"})


def apt_simulates(command: Command) -> bool:
    """An ``apt-get``/``apt``/``aptitude`` run that only simulates (``apt-get --simulate dist-upgrade``): it
    changes nothing, needs no root and fetches no packages."""
    if command.name not in ("apt-get", "apt", "aptitude") or not has_flag(command, *_APT_NO_ACT):
        return False
    return [w.text for w in operands(command)][:1] != ["update"]


def has_flag(command: Command, *flags: str) -> bool:
    """Whether any of ``flags`` is set; short flags also inside a group (``-fsSLk`` sets ``-k``)."""
    for word in command.words:
        value = word.text
        if value in flags:
            return True
        if value.startswith("-") and not value.startswith("--") and len(value) > 2:
            letters = value[1:]
            # a bundle of single-letter flags only when all are letters (not "-ofile")
            if letters.isalpha() and any(len(f) == 2 and f[0] == "-" and f[1] in letters for f in flags):
                return True
    return False


_HOST_END = re.compile(r"://[^/?#:\s]+[/?#:]")
# A URL's authority holding a user part (``https://user:${TOKEN}@host/``): what precedes the ``@`` is no host.
_USERINFO = re.compile(r"://[^/?#\s@]*@")


def url_text(word: Word) -> str:
    """The word's text for finding URLs: its value; else, when only the beginning is known, that beginning if
    it holds a whole host (``https://get.helm.sh/`` + run-time path); else the source text. A beginning that
    ends inside a user part (``https://maodd:`` of ``https://maodd:${GITHUB_TOKEN}@github.com/…``) holds the user's
    name, not the host: the source text names the host after the ``@``."""
    if word.value is not None:
        return word.value
    if word.prefix and _HOST_END.search(word.prefix) and not _USERINFO.search(word.raw):
        return word.prefix
    return word.raw


def urls(command: Command) -> Iterator[tuple[str, Word]]:
    """(host, word) of every URL among the command's words (and option values)."""
    for word in command.words:
        for part in _url_parts(url_text(word)):
            host = url_host(part)
            if host:
                yield host, word


def _url_parts(value: str) -> Iterator[str]:
    start = value.find("://")
    while start != -1:
        begin = start
        while begin > 0 and (value[begin - 1].isalnum() or value[begin - 1] in "+.-"):
            begin -= 1
        end = start + 3
        while end < len(value) and not value[end].isspace() and value[end] not in "\"'<>|;`()":
            end += 1
        if begin < start:
            yield value[begin:end]
        start = value.find("://", end)


def contacted_hosts(command: Command) -> Iterator[tuple[str, Word]]:
    """Hosts a network command connects to: URLs, and the host operands of tools that take one (also the servers a
    one-shot time client asks)."""
    name = command.name or ""
    seen: set[str] = set()
    if name == "dockerd":  # its mirrors; ``-H tcp://…`` is where it listens
        for word in option_values(command, *_DAEMON_PULLS):
            for part in _url_parts(url_text(word)):
                host = url_host(part)
                if host and host not in seen:
                    seen.add(host)
                    yield host, word
        return
    for host, word in urls(command):
        if host not in seen:
            seen.add(host)
            yield host, word
    candidates: list[Word] = []
    if name in ("ssh", "scp", "rsync", "sftp"):
        candidates = [w for w in operands(command) if "@" in w.text or ":" in w.text or name in ("ssh", "sftp")][:1]
        if name in ("scp", "rsync"):
            candidates = [w for w in operands(command) if ":" in w.text and "://" not in w.text]
    elif name in _LOOKUPS:
        candidates = lookup_server(command)
    elif name in ("nc", "ncat", "netcat", "telnet", "ping", "ftp", "socat"):
        candidates = operands(command)[:1]
    elif name in _TIME_CLIENTS:
        candidates = operands(command)  # the time servers asked (``ntpdate 0.debian.pool.ntp.org``)
    elif name in ("curl", "wget", "http", "https", "xh"):
        candidates = [w for w in operands(command) if "://" not in w.text]
    elif name in DB_CLIENTS:
        candidates = option_values(command, "-h", "--host")
    elif name == "openssl" and command.words and command.words[0].text == "s_client":
        candidates = option_values(command, "-connect")
    elif name in ("gpg", "gpg2", "apt-key"):
        candidates = option_values(command, "--keyserver")  # a bare host: ``--keyserver keyserver.ubuntu.com``
    elif name in _PEAR:
        candidates = channel_discovered(command)
    elif name == "git" and operands(command)[:1] and operands(command)[0].text in _GIT_CONTACTS:
        candidates = [w for w in operands(command)[1:] if scp_like(w.text)]
    for word in candidates:
        target = word.text.split(":", 1)[0] if name in ("scp", "rsync", "git") else word.text.removeprefix("@")
        named = bare_host(target)
        if named and named not in seen:
            seen.add(named)
            yield named, word


# One-shot time clients: their operands are the NTP (rdate: time protocol) servers they ask.
_TIME_CLIENTS = frozenset({"ntpdate", "sntp", "ntpdig", "rdate"})
# DNS lookup tools: they ask a name server about a name.
_LOOKUPS = frozenset({"dig", "nslookup", "host"})


def lookup_server(command: Command) -> list[Word]:
    """The word naming the host a DNS lookup contacts: the name server when one is given (``dig NAME @SERVER``,
    ``host NAME SERVER``, ``nslookup NAME SERVER``), for the name asked about is only a query to it (``dig
    pi-hole.net @127.0.0.1`` reaches the local resolver alone); else the name, as before (the system resolver
    is asked about it)."""
    ops = operands(command)
    if command.name == "dig":
        server = [w for w in ops if w.text.startswith("@")][:1]
        return server or ops[:1]
    return ops[1:2] or ops[:1]


# The git verbs that connect to the address they are given (``remote add/set-url`` only record it).
_GIT_CONTACTS = frozenset({"clone", "fetch", "pull", "push", "ls-remote", "archive"})


def scp_like(text: str) -> bool:
    """git's scp-like ssh address ``[user@]host:path`` (``git@github.com:owner/repo.git``): git reads a word so
    only when no slash comes before its first colon and it is not a URL."""
    head, colon, _ = text.partition(":")
    return bool(colon) and bool(head) and "/" not in head and "://" not in text


# PHP's PEAR installer and its PECL front end.
_PEAR = frozenset({"pear", "pecl"})


def channel_discovered(command: Command) -> list[Word]:
    """The channel ``pear channel-discover HOST`` (also ``pecl``) names: PEAR fetches the channel's description
    (``channel.xml``) from that host and installs from it afterwards."""
    if (command.name or "") not in _PEAR:
        return []
    words = operands(command)
    return words[1:2] if words[:1] and words[0].text == "channel-discover" else []


def git_remote(command: Command) -> bool:
    """``git clone/fetch/pull/push/ls-remote/remote add/submodule update`` (the git verbs that connect)."""
    if command.name != "git":
        return False
    ops = operands(command)
    verb = ops[0].text if ops else ""
    return verb in ("clone", "fetch", "pull", "push", "ls-remote", "submodule", "archive") or (
        verb == "remote" and len(ops) > 1 and ops[1].text in ("add", "set-url")
    )


def cluster_fetches(command: Command) -> bool:
    """``kubectl apply -f https://…`` (also ``create``/``replace``/``diff``/``delete``, ``--filename``, ``-k``
    kustomizations, OpenShift's ``oc``): the client fetches the manifest from that URL before applying it."""
    if command.name not in ("kubectl", "oc"):
        return False
    given = option_values(command, "-f", "--filename", "-k", "--kustomize")
    return any("://" in url_text(word) for word in given)


_PIP = frozenset({"pip", "pip3"})


def runs_pip_module(command: Command) -> bool:
    """``python3 -m pip …``, also when the interpreter is a program the script holds in a value it cannot know
    (``"$PY" -m pip``, a Python runner's ``sys.executable``): ``-m pip`` is Python's switch that runs the pip
    module, so the program taking it is a Python interpreter running pip. The interpreter's switches may come first
    (``python3 -I -m pip``, or a value not known that holds them)."""
    name = command.name
    if not (name is None or name.startswith(("python", "pypy"))):
        return False
    words = command.words[:_INTERPRETER_LEAD]
    for at, word in enumerate(words):
        if word.text == "-m":
            return [w.text for w in words[at + 1 : at + 2]] == ["pip"]
        if not (_INTERPRETER_FLAGS.fullmatch(word.text) or (word.value is None and _LONE_VALUE.fullmatch(word.raw))):
            return False
    return False


# Before ``-m pip``: the interpreter's own switches that take no value (``python3 -I -u -m pip``), or one value
# not known that stands for them (a JavaScript spread of the interpreter's arguments, ``[...python.args, "-m",
# "pip", …]``, holdout193's ReidCLI postinstall), at most a few words.
_INTERPRETER_LEAD = 6
_INTERPRETER_FLAGS = re.compile(r"-[bBdEhiIOPqsSuvx]+")
_LONE_VALUE = re.compile(r'"?\$\{?\w+\}?"?')


def _pip_index_given(command: Command) -> bool:
    """``python3 -m pip install --index-url https://download.pytorch.org/whl/cu118 torch``: pip asks the index
    named on the line, as ``pip install --index-url URL`` does, so the URL is a host contacted, not a mention."""
    return runs_pip_module(command) and next(urls(command), None) is not None


def gem_source_given(command: Command) -> bool:
    """``gem install --clear-sources --source https://gems.example.org NAME``: RubyGems asks the source named on the
    line (``-s``/``--source``; with ``--clear-sources`` only that one), so its URL is a host contacted."""
    if command.name != "gem" or not command.words or command.words[0].text not in ("install", "update", "fetch"):
        return False
    return any("://" in url_text(word) for word in option_values(command, "--source", "-s"))


def cpan_mirror_given(command: Command) -> bool:
    """``cpanm --installdeps . -M https://cpan.metacpan.org``: cpanminus fetches the distributions from the mirror
    named on the line (``-M``/``--mirror``), so its URL is a host contacted."""
    if command.name not in ("cpanm", "cpanminus"):
        return False
    return any("://" in url_text(word) for word in option_values(command, "-M", "--mirror"))


def requirements_fetch(command: Command) -> bool:
    """``pip install -r https://…/requirements.txt`` (also ``-c``/``--constraint``, a package given by URL): pip
    fetches that file from its host before it installs anything."""
    if command.name not in _PIP or not command.words or command.words[0].text != "install":
        return False
    given = option_values(command, "-r", "--requirement", "-c", "--constraint")
    return any("://" in url_text(word) for word in (*given, *operands(command)))


def requirement_lists(command: Command) -> list[Word]:
    """The requirements files ``pip install -r FILE`` (also ``python3 -m pip``, ``--requirement``) installs from:
    the file decides which packages, at which versions, pip fetches and installs. None under ``--require-hashes``,
    where pip installs only what matches the hashes the list pins."""
    pip = command.name in _PIP or runs_pip_module(command)
    if not pip or "install" not in (w.text for w in command.words[:4]) or has_flag(command, "--require-hashes"):
        return []
    return [w for w in option_values(command, "-r", "--requirement") if "://" not in w.text]


def registry_configured(command: Command) -> bool:
    """``npm config set @scope:registry=https://…`` (also yarn/pnpm), ``pip config set global.extra-index-url
    https://…``: the tool is pointed at that host, and every later install of it contacts it."""
    words = [w.text for w in command.words]
    if words[:2] != ["config", "set"] or len(words) < 3:
        return False
    key = words[2].partition("=")[0].lower()
    if command.name in ("npm", "yarn", "pnpm"):
        return key.endswith("registry")
    return command.name in _PIP and key.endswith("index-url")


# A package tool's own configuration file, and a setting in it that names where the tool installs from.
_TOOL_CONFIG = re.compile(r"(?:^|/)(?:pip\.conf|pip\.ini|\.npmrc|\.yarnrc(?:\.yml)?)$")
_REGISTRY_SETTING = re.compile(r"(?:^|\\n|\s)(?:extra-index-url|index-url|registry|npmRegistryServer)\s*[=:]", re.I)


def registry_written(command: Command) -> bool:
    """``printf "[global]\\nextra-index-url=https://…" > ~/.config/pip/pip.conf`` (also echo/tee into ``.npmrc``):
    the text written into a package tool's configuration points it at that host."""
    if command.name not in ("printf", "echo", "tee") or not any(_TOOL_CONFIG.search(w.text) for w in command.writes()):
        return False
    return any(_REGISTRY_SETTING.search(w.text) and "://" in w.text for w in command.words)


# The Docker daemon's options naming a registry it pulls images through.
_DAEMON_PULLS = ("--registry-mirror",)


def mirror_configured(command: Command) -> bool:
    """``dockerd --registry-mirror=https://mirror.gcr.io``: the daemon pulls every image through that host."""
    return command.name == "dockerd" and any("://" in w.text for w in option_values(command, *_DAEMON_PULLS))


def is_network(command: Command) -> bool:
    name = command.name or ""
    if name in NETWORK_TOOLS or name in DB_CLIENTS or name in _TIME_CLIENTS:
        return True
    if name == "openssl":
        return bool(command.words) and command.words[0].text == "s_client"
    if name == "helm" and [w.text for w in operands(command)][:2] == ["repo", "add"]:
        return True  # ``helm repo add NAME URL`` downloads the repository's index.yaml from URL
    return (
        git_remote(command)
        or bool(channel_discovered(command))
        or (name in ("gpg", "gpg2", "apt-key") and has_flag(command, "--keyserver", "--recv-keys", "adv"))
        or (name in URL_FETCHING_TOOLS and next(urls(command), None) is not None)
        or cluster_fetches(command)
        or requirements_fetch(command)
        or _pip_index_given(command)
        or gem_source_given(command)
        or cpan_mirror_given(command)
        or registry_configured(command)
        or registry_written(command)
        or mirror_configured(command)
    )


def write_line(command: Command, word: Word) -> int:
    """Where a write is reported: a redirection's own line (``{ …; } >> ~/.zshrc`` once, on the ``}`` line,
    not once per command of the group), else the command's line."""
    return word.line if any(w is word for w in command.writes()) else command.line


# git options that take a value (the next word is not the subcommand or an operand).
GIT_VALUE_OPTIONS = frozenset(
    {"-C", "-c", "--depth", "-b", "--branch", "-o", "--origin", "--config", "--reference", "--separate-git-dir",
     "-j", "--jobs", "--filter", "--shallow-since", "--shallow-exclude", "-u", "--upload-pack", "--template"}
)  # fmt: skip


def git_arguments(command: Command) -> list[Word]:
    """git's subcommand and its operands, without options and their values."""
    out: list[Word] = []
    skip = False
    for word in command.words:
        if skip:
            skip = False
        elif word.text.startswith("-"):
            skip = word.text in GIT_VALUE_OPTIONS
        else:
            out.append(word)
    return out


# Composer's verbs that write the project's ``vendor/`` (and lock file) in its working directory.
_COMPOSER_WRITES = frozenset({"install", "update", "require", "remove", "create-project"})


def _filled_directory(command: Command) -> list[Word]:
    """The directory a tool fills that is named as its target: ``git clone URL DIR`` (only when DIR is written),
    ``composer install -d DIR`` / ``--working-dir=DIR`` (its ``vendor/`` goes there)."""
    name = command.name or ""
    if name == "git":
        args = git_arguments(command)
        return args[2:3] if len(args) >= 3 and args[0].text == "clone" else []
    if name in ("composer", "composer.phar") and any(w.text in _COMPOSER_WRITES for w in operands(command)):
        return option_values(command, "-d", "--working-dir")
    return []


def written_paths(command: Command) -> tuple[Word, ...]:
    """Files the command writes: output redirections, ``tee`` files, the target of cp/install/mv/ln/dd,
    files edited in place by ``sed -i``, what curl/wget save, the tables postmap builds, output options (``zstd -o``,
    ``ssh-keygen -f``, ``dockerize -template SRC:DEST``).
    Worked out once per command (several checks ask) and kept on it."""
    known: tuple[Word, ...] | None = command.__dict__.get("_written")
    if known is None:
        known = (*command.writes(), *_written_by_name(command))
        object.__setattr__(command, "_written", known)  # a cache beside the frozen fields, not a field
    return known


def _written_by_name(command: Command) -> Iterator[Word]:
    name = command.name or ""
    if name == "tee":
        yield from operands(command)
    elif name == "install" and has_flag(command, "-d", "--directory"):
        yield from operands(command)  # ``install -d [-m MODE] DIR…``: every operand a directory it creates
    elif name in ("cp", "install", "mv", "ln", "rsync") and len(ops := operands(command)) >= 2:
        target = option_values(command, "-t", "--target-directory")
        yield from (target or ops[-1:])
    elif name == "sed":
        yield from sed_edited_files(command)
    elif name == "perl":
        yield from _perl_edited_in_place(command)
    elif name == "dd":
        yield from (
            Word(w.raw, w.text[3:], w.line, w.expands, w.assigned_at) for w in command.words if w.text.startswith("of=")
        )
    elif name in ("curl", "wget"):
        yield from downloaded_files(command)
    elif name in ("gpg", "gpg2", "sort", "base64", "zstd", "unzstd", "zstdmt"):
        yield from option_values(command, "-o", "--output")
    elif name == "ssh-keygen" and not has_flag(command, *_KEYGEN_READS):
        yield from option_values(command, "-f")  # the key pair it generates (-f FILE and FILE.pub)
    elif name == "openssl":
        yield from option_values(command, "-out")
    elif name == "htpasswd":
        yield from htpasswd_file(command)
    elif name in MAP_BUILDERS:
        yield from built_tables(command)
    elif name in ("tar", "bsdtar") and extracts(command):
        yield from option_values(command, "-C", "--directory")
    elif name == "unzip":
        yield from _bundled_value(command, "d")
    elif name == "dockerize":  # ``-template SRC:DEST`` renders SRC into DEST (with no ``:DEST``, to its output)
        for w in option_values(command, "-template", "--template"):
            if w.value is not None and ":" in w.value:
                yield Word(w.raw, w.value.partition(":")[2], w.line, w.expands, w.assigned_at)
    else:
        yield from _filled_directory(command)
    # an installer told where to put what it installs writes there (``php composer-setup.php --install-dir=/usr/bin``,
    # ``dotnet-install.sh --install-dir /opt/dotnet``)
    yield from option_values(command, "--install-dir")


# perl switches whose value is the rest of the word (``-Mstrict``, ``-I/lib``): no letter after them is a switch.
_PERL_VALUE_SWITCHES = frozenset("IMmxdD")


def _perl_edited_in_place(command: Command) -> list[Word]:
    """The files ``perl -pi -e PROG FILE…`` (``-i``, ``-i.bak``, ``-p -i``) edits in place, as ``sed -i`` does;
    none without ``-i`` (``perl -ne PROG FILE`` reads them). With no ``-e`` the first operand is the program file."""
    in_place = program_given = skip = ended = False
    files: list[Word] = []
    for word in command.words:
        text = word.text
        if skip:
            skip = False
        elif ended or not text.startswith("-") or text == "-":
            ended = True
            files.append(word)
        elif text == "--":
            ended = True
        else:
            for at, letter in enumerate(text[1:], start=1):
                if letter in _PERL_VALUE_SWITCHES:
                    break
                if letter == "i":
                    in_place = True
                    break  # the rest of the word is the backup's extension
                if letter in "eE":
                    program_given, skip = True, at == len(text) - 1  # the program is the next word or the rest
                    break
    if not in_place:
        return []
    return files if program_given else files[1:]


# ssh-keygen modes that only read the -f file: fingerprint, public key, lookup, bubblebabble, certificate, KRL check.
_KEYGEN_READS = ("-l", "-y", "-F", "-B", "-L", "-Q", "-D")


def extracts(command: Command) -> bool:
    """``tar -xzf a.tgz``, ``tar xf a.tar``, ``tar --extract``: the archive is unpacked. A cluster with a run-time
    part (``xzf${VERBOSE}``) is read by its known beginning: the letters written there decide."""
    words = [w.value if w.value is not None else (w.prefix or "") for w in command.words]
    first = words[0] if words else ""
    bundle = first.lstrip("-") if not first.startswith("--") else ""
    return (
        "--extract" in words
        or "x" in _tar_letters(bundle)
        or any(w.startswith("-") and not w.startswith("--") and "x" in _tar_letters(w[1:]) for w in words)
    )


def _tar_letters(cluster: str) -> str:
    """The option letters of a tar cluster: all of it when it is letters only (``xzf``); when the archive is written
    stuck to its ``f`` (``xvf-`` reads stdin, ``xzf/tmp/a.tgz``), the letters up to that ``f``; else none."""
    if cluster.isalpha():
        return cluster
    head, f, _archive = cluster.partition("f")
    return head + f if f and (not head or head.isalpha()) else ""


def _bundled_value(command: Command, letter: str) -> list[Word]:
    """The value of a short option that may close a bundle (``unzip -oqd DIR``)."""
    words = command.words
    return [
        words[i + 1]
        for i, w in enumerate(words[:-1])
        if w.text.startswith("-") and not w.text.startswith("--") and w.text.endswith(letter) and w.text[1:].isalpha()
    ]


# Short options of curl and wget that take no value: written clustered before the one that does (``curl -fLo
# FILE``, ``wget -qO FILE``), that one's value is the rest of the word or else the next word (getopt).
_CURL_SWITCHES = frozenset("fsSLkviIONgGjlnpqRZB0123456#")
_WGET_SWITCHES = frozenset("qcNvkKmrpSxnd46")
_CLUSTER_SWITCHES = {"curl": _CURL_SWITCHES, "wget": _WGET_SWITCHES}


def _clustered(command: Command, letter: str, switches: frozenset[str]) -> list[Word]:
    """The value of ``-<switches…><letter> VALUE`` or ``-<switches…><letter>VALUE`` (``-qO-``: standard output)."""
    words = command.words
    out: list[Word] = []
    for i, word in enumerate(words):
        text = word.text
        at = text.find(letter, 1)
        if len(text) < 3 or text[0] != "-" or at < 2 or not all(c in switches for c in text[1:at]):
            continue
        if at + 1 < len(text):
            out.append(Word(word.raw, text[at + 1 :], word.line, word.expands, word.assigned_at))
        elif i + 1 < len(words):
            out.append(words[i + 1])
    return out


def _generated(word: Word) -> bool:
    """A URL that ends in a command's output (``$(curl … | jq -r .url)``, backquotes), also through a variable
    assigned one: the name it is saved under is not known (a release tag put in by ``$(…)`` mid-path is fine).
    A literal URL whose last part ends in a substitution with no ``/`` in it (``https://host/rel/tool_$(uname
    -m)``) is saved under that part as written: a later ``chmod +x tool_$(uname -m)`` names it alike."""
    text = word.text.rstrip()
    if not text.endswith(("`", ")")) or ("`" not in text and "$(" not in text):
        return False
    return not _named_in_last_part(text)


def _named_in_last_part(url: str) -> bool:
    """``url`` is written up to its last part, which ends in one substitution holding no ``/``: the output of
    ``$(uname -m)`` completes a file name, it does not give the URL."""
    start = url.rfind("$(") if url.endswith(")") else url.rfind("`", 0, len(url) - 1)
    if start < 0:
        return False
    prefix, substituted = url[:start], url[start:]
    return "://" in prefix and "/" not in substituted and "$(" not in prefix[prefix.rfind("/") :]


_SERVER_NAMES = ("--content-disposition", "--trust-server-names")


# A URL written without its scheme (``wget example.github.io/demo/dns/db.hq.work``): wget fetches it over http and
# saves it under its last part, as it does a URL with one.
_SCHEMELESS_URL = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]+)?/(?:[^/]+/)*[^/]+$")


def downloaded_files(command: Command) -> list[Word]:
    """Where curl/wget/fetch save what they fetch (``-o FILE``, also ``-fLo FILE``; ``-O`` (the URL's name),
    ``> FILE``)."""
    name = command.name
    if name == "curl":
        saved = option_values(command, "-o", "--output") or _clustered(command, "o", _CURL_SWITCHES)
        if not saved and has_flag(command, "-O", "--remote-name"):
            saved = [
                Word(w.raw, posixpath.basename(w.text.split("?", 1)[0]), w.line, w.expands, w.assigned_at)
                for w in command.words
                if "://" in w.text and not _generated(w)  # a URL an API answer gives: its name not known
            ]
        return saved + list(command.writes())
    if name == "wget":
        saved = option_values(command, "-O", "--output-document") or _clustered(command, "O", _WGET_SWITCHES)
        # ``--content-disposition``/``--trust-server-names``: the server names the file, not the URL
        if not saved and not command.piped_to and not has_flag(command, *_SERVER_NAMES):
            saved = [
                Word(w.raw, posixpath.basename(w.text.split("?", 1)[0]), w.line, w.expands, w.assigned_at)
                for w in operands(command)
                if ("://" in w.text or _SCHEMELESS_URL.match(w.text)) and not _generated(w)
            ]  # a URL an API answer gives: its name not known
        return [w for w in saved if w.text != "-"] + list(command.writes())
    if name == "fetch":  # FreeBSD's fetch: ``-o FILE``/``--output=FILE``, else the URL's name in the directory
        return [w for w in option_values(command, "-o", "--output") if w.text != "-"] + list(command.writes())
    return []


def to_standard_output(command: Command) -> bool:
    """``wget -q -O - URL``, ``wget -qO- URL``, ``curl -o - URL``: the body goes to standard output (the caller's
    pipe or redirection), no file is saved under the URL's name."""
    if command.name == "wget":
        named = option_values(command, "-O", "--output-document") or _clustered(command, "O", _WGET_SWITCHES)
    elif command.name == "curl":
        named = option_values(command, "-o", "--output") or _clustered(command, "o", _CURL_SWITCHES)
    else:
        return False
    return any(w.text == "-" for w in named)


# Interpreters' options that parse a file and stop: ``sh -n`` (noexec), ``perl -c``, ``ruby -c``, ``php -l``,
# ``node --check``. A script that checks a download this way before running it has run nothing yet.
_POSIX_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash"})
_SYNTAX_CHECKS = {
    "perl": frozenset({"-c"}),
    "ruby": frozenset({"-c"}),
    "php": frozenset({"-l", "--syntax-check"}),
    "node": frozenset({"-c", "--check"}),
}


def syntax_check_only(command: Command) -> bool:
    """``sh -n FILE``, ``bash -nv FILE``, ``sh -o noexec FILE``, ``perl -c FILE``: the interpreter reads the file
    for its syntax and runs none of it (only the options before the file count)."""
    name = command.name or ""
    before: list[str] = []
    for word in command.words:
        if not word.text.startswith("-") and not (before and before[-1] in ("-o", "+o")):
            break
        before.append(word.text)
    if name in _POSIX_SHELLS:
        clustered = any(w.startswith("-") and not w.startswith("--") and w != "-o" and "n" in w[1:] for w in before)
        return clustered or any(a == "-o" and b == "noexec" for a, b in itertools.pairwise(before))
    return bool(set(before) & _SYNTAX_CHECKS.get(name, frozenset()))


# An interpreter installed under its version (``php82`` and ``php8.2`` from Remi's or Debian's packages,
# ``python3.11``, ``ruby3.2``, ``node18``, ``perl5.36``): the same interpreter, reading its operands alike.
_VERSIONED_RUNNER = re.compile(r"(python|php|perl|ruby|node)\d+(?:\.\d+)*")


def versioned_runner(name: str) -> str:
    """``name`` with an interpreter's version suffix dropped (``php82`` is ``php``); any other name as it is."""
    m = _VERSIONED_RUNNER.fullmatch(name)
    return name if m is None or name in SHELL_RUNNERS else m.group(1)


def executed_file(command: Command) -> Word | None:
    """The file a command runs: ``sh FILE``, ``bash FILE``, ``. FILE``, ``./FILE``, ``java -jar FILE``,
    ``dpkg -i FILE``…"""
    name = versioned_runner(command.name or "")
    # a runner named by its path (``/bin/bash install.sh``) runs its operand, as ``bash install.sh`` does
    if name in SHELL_RUNNERS:
        return None if syntax_check_only(command) else _interpreted_file(name, command.words)
    if name == "java":
        return java_jar(command)  # ``java -Xmx2G -jar installer.jar``: the jar's main class runs
    if name == "pm2":
        return _pm2_script(command)
    if name in ("dpkg", "rpm", "apt", "apt-get", "yum", "dnf", "zypper", "gdebi") and any(
        w.text.endswith((".deb", ".rpm")) for w in command.words
    ):
        return next(w for w in command.words if w.text.endswith((".deb", ".rpm")))
    if command.program is not None and "/" in command.program.text:
        return command.program  # ./installer, "$tmp/get.sh"
    return None


# The Java launcher's options whose value is the next word (java(1)); ``-m``/``--module`` names the main module.
_JAVA_VALUED = frozenset(
    {"-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path", "--add-modules"}
)
_JAVA_FILE = frozenset({"-jar"})
_JAVA_MODULE = frozenset({"-m", "--module"})


def java_jar(command: Command) -> Word | None:
    """The jar ``java`` runs: the value of ``-jar`` among the launcher's options, which may come first (``java
    -Xmx2G -Dkey=value -jar server.jar nogui``); None once a main class or module ends the options (its operands
    are the program's arguments, a ``-jar`` among them is not the launcher's)."""
    return _after_options(
        command.words, file_options=_JAVA_FILE, no_file=_JAVA_MODULE, valued=_JAVA_VALUED, operand_is_file=False
    )


# An interpreter's options after which it runs no file (the program is the option's value or a module:
# ``python3 -m venv venv``, ``sh -c '…'``, ``node -e '…'``, ``php -r '…'``), and those that take the next word as
# their value (``bash -o pipefail x.sh``, ``php -d memory_limit=-1 artisan``, ``ruby -I lib x.rb``).
_NO_FILE = {
    "python": frozenset({"-c", "-m"}),
    "perl": frozenset({"-e", "-E"}),
    "ruby": frozenset({"-e"}),
    "node": frozenset({"-e", "--eval", "-p", "--print"}),
    "php": frozenset({"-r", "-a", "-S"}),
    "sh": frozenset({"-c", "-s"}),  # -s: the script is standard input, the operands its arguments
}
_VALUED = {
    "python": frozenset({"-W", "-X", "--check-hash-based-pycs"}),
    "perl": frozenset({"-I", "-M", "-m", "-x"}),
    "ruby": frozenset({"-I", "-r", "-C", "-E", "--encoding"}),
    "node": frozenset({"-r", "--require", "--import", "--loader", "--input-type", "--conditions", "-C"}),
    "php": frozenset({"-d", "-c", "-z", "-t"}),
    "sh": frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"}),
}


def _interpreter_kind(name: str) -> str:
    return "python" if name.startswith("python") else name if name in _NO_FILE else "sh"


def _interpreted_file(name: str, words: tuple[Word, ...]) -> Word | None:
    """The script file an interpreter or ``source`` is given: its first operand after the options (their values
    skipped); None when an option makes it run code or a module instead (``python3 -m venv venv``)."""
    kind = _interpreter_kind(name)
    no_file = _NO_FILE[kind]
    if kind == "python":  # ``-c'code'``, ``-mvenv``: the option's value written onto it
        no_file = no_file | {w.text for w in words if w.text.startswith(("-c", "-m")) and len(w.text) > 2}
    file_options = _PHP_FILE if kind == "php" else _END_OF_OPTIONS  # ``php -f upgrade.php``
    return _after_options(words, file_options=file_options, no_file=no_file, valued=_VALUED[kind], operand_is_file=True)


_END_OF_OPTIONS = frozenset({"--"})
_PHP_FILE = frozenset({"--", "-f"})


def _after_options(
    words: tuple[Word, ...],
    *,
    file_options: frozenset[str],
    no_file: frozenset[str],
    valued: frozenset[str],
    operand_is_file: bool,
) -> Word | None:
    """A launcher's file among its options: the word after one of ``file_options``; the first operand when
    ``operand_is_file`` (an interpreter's script; a ``java`` main class is none); None after one of ``no_file``
    (code or a module given instead). The values of ``valued`` options are skipped."""
    skip = False
    for i, word in enumerate(words):
        text = word.text
        if skip:
            skip = False
        elif text in file_options:
            return words[i + 1] if i + 1 < len(words) else None
        elif text in no_file:
            return None
        elif text in valued:
            skip = True
        elif not text.startswith(("-", "+")) or text in ("-", "+"):
            return word if operand_is_file and text != "-" else None
    return None


# A short option bundle that ends in the inline-program option (``perl -nle '…'``, ``ruby -ne``, ``bash -ec '…'``).
_PROGRAM_BUNDLE = {
    "perl": re.compile(r"-[A-Za-z]*[eE]"),
    "ruby": re.compile(r"-[A-Za-z]*e"),
    "sh": re.compile(r"-[A-Za-z]*c"),
}
# Options that give an interpreter its program, so that its standard input is the program's data (``-s`` and
# php's interactive ``-a`` read the program from standard input, ``-S`` serves files: none of them).
_PROGRAM_GIVEN = {kind: options - {"-s", "-a", "-S"} for kind, options in _NO_FILE.items()}


def _gives_program(kind: str, text: str, bundle: re.Pattern[str] | None) -> bool:
    attached = kind == "python" and text.startswith(("-c", "-m")) and len(text) > 2  # ``-cimport x``, ``-mpip``
    return text in _PROGRAM_GIVEN[kind] or attached or (bundle is not None and bundle.fullmatch(text) is not None)


def program_given(command: Command) -> bool:
    """An interpreter whose program is an option's value or a module (``perl -nle '…'``, ``python3 -c '…'``,
    ``python3 -m json.tool``, ``sh -c '…'``), not standard input: what is piped into it is data it reads."""
    name = command.name or ""
    if name not in SHELL_RUNNERS or name in ("source", "."):
        return False
    kind = _interpreter_kind(name)
    bundle = _PROGRAM_BUNDLE.get(kind)
    skip = False
    for word in command.words:
        text = word.text
        if skip:
            skip = False
        elif _gives_program(kind, text, bundle):
            return True
        elif text in _VALUED[kind]:
            skip = True
        elif text == "--" or not text.startswith(("-", "+")) or text in ("-", "+"):
            return False  # the first operand: a file, or ``-`` (standard input)
    return False


# pm2's verbs that (re)start a process from its script file as it is on disk now.
_PM2_STARTS = frozenset({"start", "restart", "reload", "startOrRestart", "startOrReload"})
_SCRIPT_FILE = re.compile(r"\.(?:[cm]?js|ts|json|ya?ml|py|sh)$")


def _pm2_script(command: Command) -> Word | None:
    """``pm2 restart camera.js``, ``pm2 start ecosystem.config.js``: the script or ecosystem file pm2 runs (a bare
    process name such as ``pm2 restart app`` names no file)."""
    ops = [w for w in command.words if not w.text.startswith("-")]
    if len(ops) < 2 or ops[0].text not in _PM2_STARTS or not _SCRIPT_FILE.search(ops[1].text):
        return None
    return ops[1]


def path_matches(a: str, b: str) -> bool:
    """Two spellings of one file: equal, or equal base names when one is relative."""
    a, b = a.strip().rstrip("/"), b.strip().rstrip("/")
    if not a or not b:
        return False
    if a == b:
        return True
    return posixpath.basename(a) == posixpath.basename(b) and (not a.startswith("/") or not b.startswith("/"))
