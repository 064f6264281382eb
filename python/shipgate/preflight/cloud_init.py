"""What cloud-init's modules do to the machine, as shell at their lines of the user data (read by
``shipgate.preflight.embedded`` with the ``runcmd``/``bootcmd`` items, run as root at first boot).

The cloud-init documentation ("Module reference") says what these modules write; each is given to the shell reader
as the command that does the same, so the script checks (persistence, kernel settings, downloads…) apply unchanged:

- ``ssh_authorized_keys`` (the default user's) and a user's ``ssh_authorized_keys``/``ssh-authorized-keys``: keys
  appended to that account's ``~/.ssh/authorized_keys`` (``>> ~/.ssh/authorized_keys``, at the first key's line)
  when the list holds a written public key (placeholders and template variables are the operator's own key);
- a user's ``sudo:`` rule (also ``system_info: default_user:``'s): written to ``/etc/sudoers.d/90-cloud-init-users``;
- ``chpasswd: list:``/``users:`` passwords: each ``ACCOUNT:PASSWORD`` piped to ``chpasswd`` (literal ones are
  credentials; ``RANDOM`` and hashes are not);
- ``write_files`` items: the file written at ``path:`` (``>>`` with ``append: true``), at the ``path:`` line; the
  content is data;
- ``snap: commands:``: commands run like ``runcmd`` items (a string is a command line, a list is argv);
- ``apt: sources:``: each source line written to ``/etc/apt/sources.list.d/NAME.list``.

Cloud-init text carried inside another YAML file (a Multipass blueprint's ``cloud-init: vendor-data: |``, any
``user-data``/``vendor-data`` literal block that is ``#cloud-config``) is the same user data: its literal block keeps
its lines, so each of its nodes is read at the host file's line (:func:`nested_user_data`)."""

from __future__ import annotations

import base64
import binascii
import posixpath
import re
import shlex
from collections.abc import Iterator

import yaml

from shipgate.yaml_nodes import compose_documents

Piece = tuple[int, str]

# Keys whose literal-block value is user data when it sits under a ``cloud-init`` key or reads as #cloud-config.
_USER_DATA_KEYS = frozenset({"user-data", "vendor-data", "user_data", "vendor_data", "userData", "vendorData"})
_SUDOERS_FILE = "/etc/sudoers.d/90-cloud-init-users"
MAX_NESTED = 16  # user-data blocks read per file
MAX_DEPTH = 32  # mapping levels searched for them
MAX_NODES = 100_000  # YAML nodes visited in that search


# A script named as instance user data (``user-data.sh``, ``userdata.sh.tpl``, ``user_data.sh.tftpl``): cloud-init
# runs it as root at the instance's first boot (a Terraform or CloudFormation template hands it over as user data).
_USER_DATA_SCRIPT = re.compile(r"^(?:user[-_]?data|cloud[-_]?init)(?:\.(?:sh|bash|tpl|tftpl|tmpl|j2|txt))*$", re.I)


def is_user_data_script(path: str) -> bool:
    """A shell script named as instance user data: run as root by cloud-init, nothing to ask of the installer."""
    return bool(_USER_DATA_SCRIPT.match(posixpath.basename(path)))


def module_pieces(doc: yaml.Node) -> Iterator[Piece]:
    """The commands equivalent to ``doc``'s ``ssh_authorized_keys``, ``users``, ``write_files`` and ``snap``."""
    top = _mapping(doc)
    yield from _keys(top.get("ssh_authorized_keys"), "~")
    users = top.get("users")
    for user in users.value if isinstance(users, yaml.SequenceNode) else ():
        yield from _account(_mapping(user))
    yield from _account(_mapping(_mapping(top.get("system_info")).get("default_user")))
    yield from _passwords(_mapping(top.get("chpasswd")))
    yield from _written_files(top.get("write_files"))
    yield from _apt_sources(_mapping(top.get("apt")).get("sources"))
    snap = _mapping(top.get("snap")).get("commands")
    yield from command_items(snap)


def command_items(node: yaml.Node | None) -> Iterator[Piece]:
    """A list of commands (``runcmd``, ``bootcmd``, ``snap: commands``): a string is a shell command line at the
    line its text starts on, a list of strings is argv."""
    items = node.value if isinstance(node, yaml.SequenceNode) else list(_mapping(node).values())
    for item in items:
        if isinstance(item, yaml.SequenceNode):
            words = [w.value for w in item.value if isinstance(w, yaml.ScalarNode)]
            if words and len(words) == len(item.value):
                yield item.start_mark.line + 1, " ".join(shlex.quote(w) for w in words)
        elif isinstance(item, yaml.ScalarNode) and isinstance(item.value, str) and item.value.strip():
            line = item.start_mark.line + 1 + (1 if item.style in ("|", ">") else 0)
            yield line, item.value.rstrip("\n")


def _account(fields: dict[str, yaml.Node]) -> Iterator[Piece]:
    """A ``users:`` entry or ``system_info: default_user:`` (the distribution's default account, renamed and given
    rules the same way): its keys and its ``sudo:`` rule."""
    name = _scalar(fields.get("name"))
    if name is None:
        return
    yield from _keys(fields.get("ssh_authorized_keys") or fields.get("ssh-authorized-keys"), "~" + name)
    rule = fields.get("sudo")
    for node in rule.value if isinstance(rule, yaml.SequenceNode) else [rule] if rule is not None else []:
        text = _scalar(node)
        if text and text.lower() not in ("false", "none"):
            yield node.start_mark.line + 1, f"echo {shlex.quote(name + ' ' + text)} >> {_SUDOERS_FILE}"


# Passwords cloud-init makes up itself (``chpasswd`` module: ``RANDOM``/``R``, and a ``users:`` entry's ``type``).
_GENERATED = frozenset({"RANDOM", "R"})


def _passwords(chpasswd: dict[str, yaml.Node]) -> Iterator[Piece]:
    """``chpasswd: list:`` (``ACCOUNT:PASSWORD`` lines, a sequence or one block) and ``chpasswd: users:`` (``name``,
    ``password``, ``type``): cloud-init hands each to ``chpasswd``, so each is that pipe at its line (hashes and
    generated passwords are left to the shell reader's rules and skipped here)."""
    listed = chpasswd.get("list")
    if isinstance(listed, yaml.SequenceNode):
        entries = [(n.start_mark.line + 1, str(n.value)) for n in listed.value if isinstance(n, yaml.ScalarNode)]
    elif isinstance(listed, yaml.ScalarNode):
        first = listed.start_mark.line + 1 + (1 if listed.style in ("|", ">") else 0)
        entries = [(first + i, text) for i, text in enumerate(str(listed.value).split("\n"))]
    else:
        entries = []
    users = chpasswd.get("users")
    for item in users.value if isinstance(users, yaml.SequenceNode) else []:
        fields = _mapping(item)
        password, name = fields.get("password"), _scalar(fields.get("name"))
        if isinstance(password, yaml.ScalarNode) and name and (_scalar(fields.get("type")) or "text") == "text":
            entries.append((password.start_mark.line + 1, f"{name}:{password.value}"))
    for line, entry in entries:
        if entry.strip() and entry.strip().partition(":")[2] not in _GENERATED:
            yield line, f"echo {shlex.quote(entry.strip())} | chpasswd"


# A public key as ``authorized_keys`` holds it (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"): the key type, then the
# base64 key, whose encoding of the type's length starts ``AAAA``.
_PUBLIC_KEY = re.compile(r"(?:\S+\s+)?(?P<type>ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-\S+|sk-\S+)\s+(?P<body>AAAA\S*)")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


def _written_key(text: str) -> bool:
    """``text`` is a public key: its base64 body (RFC 4253 section 6.6) starts with the length-prefixed name of
    the type written before it (a body cut short keeps that start: ``ssh-rsa AAAAB3NzaC1yc2E``).
    ``ssh-ed25519 AAAArandom-characters-here`` is a placeholder shaped like a key."""
    match = _PUBLIC_KEY.match(text)
    encoded = _BASE64.match(match["body"]) if match is not None else None
    if match is None or encoded is None:
        return False
    head = encoded.group()[:64]
    try:
        blob = base64.b64decode(head[: len(head) - len(head) % 4], validate=True)
    except binascii.Error:
        return False
    size = int.from_bytes(blob[:4], "big")
    name = blob[4 : 4 + size]  # as much of the name as the (possibly shortened) body holds
    return size == len(match["type"]) and match["type"].encode().startswith(name)


def _keys(node: yaml.Node | None, home: str) -> Iterator[Piece]:
    """The keys appended to ``home``'s ``authorized_keys``, at the first key's line; a list of placeholders or
    template variables (``SET_YOUR_PUBLIC_SSH_KEY``, ``${ssh_authorized_key}``) grants nobody's key in this file:
    the operator's own is filled in."""
    keys = node.value if isinstance(node, yaml.SequenceNode) else []
    if any(isinstance(key, yaml.ScalarNode) and _written_key(str(key.value).strip()) for key in keys):
        yield keys[0].start_mark.line + 1, f"cat >> {home}/.ssh/authorized_keys"


def _written_files(node: yaml.Node | None) -> Iterator[Piece]:
    for item in node.value if isinstance(node, yaml.SequenceNode) else ():
        fields = _mapping(item)
        path = fields.get("path")
        target = _scalar(path)
        if path is None or not target:
            continue
        redirect = ">>" if _scalar(fields.get("append")) in ("true", "True", "yes") else ">"
        yield path.start_mark.line + 1, f"cat {redirect} {shlex.quote(target)}"


def _apt_sources(node: yaml.Node | None) -> Iterator[Piece]:
    """``apt: sources: NAME: source: LINE``: cloud-init writes each line to ``/etc/apt/sources.list.d/NAME.list``
    (the contact is apt's, at its next update)."""
    for name, entry in _mapping(node).items():
        source = _mapping(entry).get("source")
        text = _scalar(source)
        if source is None or not text or not text.strip():
            continue
        line = source.start_mark.line + 1 + (1 if getattr(source, "style", None) in ("|", ">") else 0)
        target = shlex.quote(f"/etc/apt/sources.list.d/{posixpath.basename(name) or 'source'}.list")
        body = [f"echo {shlex.quote(t)} >> {target}" if t.strip() else "" for t in text.rstrip("\n").split("\n")]
        yield line, "\n".join(body)


def nested_user_data(docs: list[yaml.Node]) -> Iterator[tuple[int, yaml.Node]]:
    """(line offset, document) of each cloud-config literal block inside ``docs``: a ``user-data``/``vendor-data``
    value under a ``cloud-init`` key, or one whose text starts with ``#cloud-config``."""
    found = 0
    stack: list[tuple[yaml.Node, bool, int]] = [(d, False, 0) for d in docs]
    seen: set[int] = set()  # an alias is its anchored node: each node once
    while stack and found < MAX_NESTED and len(seen) < MAX_NODES:
        node, under_cloud_init, depth = stack.pop()
        if depth > MAX_DEPTH or id(node) in seen or not isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            continue
        seen.add(id(node))
        pairs = node.value if isinstance(node, yaml.MappingNode) else [(None, v) for v in node.value]
        for key, value in pairs:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name in _USER_DATA_KEYS and isinstance(value, yaml.ScalarNode) and value.style == "|":
                text = str(value.value)
                if under_cloud_init or text.startswith("#cloud-config"):
                    found += 1
                    yield from _block_documents(value, text)
                continue
            stack.append((value, name == "cloud-init", depth + 1))


def _block_documents(value: yaml.ScalarNode, text: str) -> Iterator[tuple[int, yaml.Node]]:
    """The block's documents and the offset that puts their lines at the host file's: a literal block's text
    starts on the line below its ``|`` indicator and keeps every line break."""
    offset = value.start_mark.line + 1
    for doc in compose_documents(text) or ():
        if isinstance(doc, yaml.MappingNode):
            yield offset, doc


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(k.value, str)}


def _scalar(node: yaml.Node | None) -> str | None:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else None
