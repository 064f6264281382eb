"""What a Cargo build script (``build.rs``) does, read through tree-sitter's Rust grammar (the script is never built)
and written as the shell that does the same, at the file's lines, so that the shell rules read a crate's build
script as they read a shell installer (docs/preflight.md). Cargo compiles and runs it before it builds the crate,
on every machine that builds the crate or any crate depending on it.

Which file: one named ``build.rs`` (Cargo's default; not a test), at most ``MAX_CHARS`` long. Written as shell:

- ``Command::new(PROG)`` (also ``std::process::Command``) with its ``.arg(x)``/``.args([…])`` chain, or the
  ``.arg``/``.args`` calls later made on the name it is bound to, and its ``.current_dir(D)``: the command
  ``( cd D; PROG ARGS… )`` at the ``Command::new`` line (``sh -c SCRIPT`` stays for the shell reader to read); in a
  function of the file whose command uses its parameters, at each call of it instead, with the call's values
  (``shipgate.preflight.rust_runners``).
- An HTTP GET (``reqwest::blocking::get(URL)``, ``reqwest::get``, ``ureq::get``, ``attohttpc::get``, a client's
  ``.get(URL)`` of a literal ``http(s)`` URL, curl's ``easy.url(URL)``): ``curl -fsSL URL`` at the request; its
  response saved — ``fs::write(P, data)`` of the response's bytes, ``io::copy(&mut resp, &mut file)`` or
  ``resp.copy_to(&mut file)`` into a file from ``File::create(P)`` — ``curl -fsSL -o P URL`` there instead.
- An archive unpacked: ``ZipArchive::new(R).extract(D)``, ``tar::Archive::new(R).unpack(D)`` with ``R`` read from
  ``File::open(P)`` (through ``BufReader``/``GzDecoder``/``XzDecoder``…): ``unzip -o P -d D``/``tar -xf P -C D``;
  from a response held in memory, ``curl … | tar -xf - -C D``.
- ``fs::write``/``File::create`` of an absolute path (``>``; ``OpenOptions`` with ``append(true)``: ``>>``),
  ``fs::remove_file``/``remove_dir_all`` of one (``rm``), ``fs::copy``/``fs::rename`` to one (``cp``/``mv``): the
  write the shell reader judges. A path under ``OUT_DIR`` is the build's own directory and not written out.
- Cargo's link directives (``println!("cargo:rustc-link-lib=NAME")``, ``cargo::…``, with every
  ``rustc-link-search=[KIND=]DIR`` and ``rustc-flags=-L DIR`` of the file): ``cc -L DIR … -lNAME`` at the
  ``rustc-link-lib`` line, in a function the script's ``EXIT`` trap runs (Cargo links after the script): the
  library linked into every program built with the crate (so a library the script fetched and links is a fetched
  file run, ``unverified_download_exec``). Other ``cargo:`` lines and other printed text are not commands;
  ``cc::Build``, ``bindgen`` and ``cmake::Config`` compile the crate's own sources. What runs only when the
  crate is built for another system than Linux (``shipgate.preflight.rust_platform``) is not written.

Values are spelled by ``shipgate.preflight.rust_values`` (literals, ``env::var("OUT_DIR")`` as ``${OUT_DIR}``,
``format!``, ``Path::join``, names through their last ``let``); anything else is ``${RUST_VALUE}``. Not read: the
``[package] build = "…"`` path of a Cargo.toml (a file named otherwise), code in other files of the crate, macros."""

from __future__ import annotations

import posixpath
import re
import shlex
from bisect import bisect_left, bisect_right

import tree_sitter
import tree_sitter_rust

from shipgate.preflight.markup import is_test_path
from shipgate.preflight.python_script import one_per_line, step_path
from shipgate.preflight.rust_platform import other_os_lines
from shipgate.preflight.rust_runners import Runner, called, runners
from shipgate.preflight.rust_values import Bindings, arguments, literal, macro_arguments, path_of, receiver, shell_word
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_CHARS = 1_000_000
MAX_PIECES = 5_000
MAX_CHAIN = 64
UNKNOWN = "${RUST_VALUE}"

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_rust.language()))
# Crate-level GET functions, by (the last part of the path, the function): ``reqwest::blocking::get``.
GETS = frozenset({("blocking", "get"), ("reqwest", "get"), ("ureq", "get"), ("attohttpc", "get"), ("isahc", "get")})
# What a response passes through on its way to its data (``.send()?.bytes()?``, ``.into_iter().collect()``).
_DATA_THROUGH = frozenset(
    {
        "send",
        "call",
        "bytes",
        "text",
        "error_for_status",
        "into_reader",
        "into_iter",
        "collect",
        "to_vec",
        "iter",
        "as_slice",
        "as_ref",
        "unwrap",
        "expect",
        "as_bytes",
        "into_string",
    }
)
_READERS = frozenset({"BufReader", "GzDecoder", "XzDecoder", "BzDecoder", "Decoder", "Cursor", "ZstdDecoder"})
_WRITERS = frozenset({"BufWriter"})
_LINK_LIB = re.compile(r"^cargo::?rustc-link-lib=(?:[\w+,:-]+=)?(\S+)$")
_LINK_SEARCH = re.compile(r"^cargo::?rustc-link-search=(?:(?:native|dependency|crate|framework|all)=)?(.+)$")
_FLAGS = re.compile(r"^cargo::?rustc-flags=(.*)$")
_MAIN = re.compile(r"^\s*(?:pub\s+)?(?:async\s+)?fn\s+main\s*\(", re.M)


def is_build_script(path: str, text: str) -> bool:
    """A Cargo build script: a file named ``build.rs`` (not a test's), within the size bound."""
    return posixpath.basename(path) == "build.rs" and len(text) <= MAX_CHARS and not is_test_path(path)


def is_step_program(path: str, text: str) -> bool:
    """A Rust program run as an install step: a source file (not a test's) whose file name says a step
    (``src/bin/install.rs``: ``python_script.step_path`` of the name alone, since ``src/bin/`` holds every binary of
    a crate), or a program (``fn main``) that names a systemd system unit directory (a ``main.rs`` that copies the
    product's unit into ``/etc/systemd/system`` and starts it: holdout214's relay-service). Read with the build
    script's reader (session 31)."""
    if not path.endswith(".rs") or len(text) > MAX_CHARS or is_test_path(path):
        return False
    return step_path(posixpath.basename(path)) or ("/systemd/system/" in text and _MAIN.search(text) is not None)


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the build script or install program at ``path`` does; None when it is neither."""
    if not (is_build_script(path, text) or is_step_program(path, text)):
        return None
    nodes = named_nodes(_PARSER.parse(text.encode("utf-8", "surrogateescape")).root_node)
    values = Bindings(nodes)
    script = _Script(nodes, values)
    pieces: list[Piece] = []
    found = runners(nodes)  # the file's functions that run a command with their parameters
    bodies = {command.start_byte for runner in found.values() for command in runner.commands}
    for node in nodes:
        if node.type == "call_expression":
            if node.start_byte not in bodies:  # a runner's own command: written at each call of the runner
                pieces += script.call(node)
            runner = called(node, found)
            pieces += script.run(node, runner) if runner is not None else []
        elif node.type == "macro_invocation":
            pieces += script.link(node)
    pieces += script.requests()
    elsewhere = other_os_lines(path, text)  # a ``"windows" =>`` arm, a ``#[cfg(target_os = "macos")]`` item
    pieces = [(line, shell) for line, shell in pieces if line not in elsewhere]
    return script.laid_out(pieces + script.link_trap(pieces))


def _line(node: Node) -> int:
    return node.start_point[0] + 1


class _Script:
    """The file's values, the methods later called on bound commands, its requests and its link search paths."""

    def __init__(self, nodes: list[Node], values: Bindings) -> None:
        self.values = values
        self.calls_on: dict[str, list[Node]] = {}  # a name -> the ``name.arg(…)``/``args``/``current_dir`` calls
        self.saved: dict[int, str] = {}  # a request's start byte -> where its response is saved
        self.assigned: dict[int, Piece] = {}  # a literal's start byte -> ``NAME=VALUE`` at its line
        self.spans: dict[int, int] = {}  # a piece's first line -> the last line of the call it is written for
        self.search: list[str] = []
        self.links: list[str] = []  # the functions that link a library, run by the ``EXIT`` trap
        self.given: dict[str, Node] = {}  # while a runner's command is written for a call: parameter -> argument
        for node in nodes:
            if node.type == "call_expression" and path_of(node)[1] in ("arg", "args", "current_dir"):
                held = receiver(node)
                if held is not None and held.type == "identifier":
                    self.calls_on.setdefault(_text(held), []).append(node)
            elif node.type == "macro_invocation":
                directive = self._directive(node) or ""
                search = _LINK_SEARCH.match(directive)
                flags = _FLAGS.match(directive)
                self.search += [search.group(1)] if search else []
                self.search += _flag_dirs(flags.group(1)) if flags else []
        for calls in self.calls_on.values():
            calls.sort(key=lambda call: call.start_byte)
        self.call_starts = {name: [c.start_byte for c in calls] for name, calls in self.calls_on.items()}
        self.gets = [n for n in nodes if n.type == "call_expression" and self._url(n) is not None]
        self._get_spans = {(n.start_byte, n.end_byte) for n in self.gets}

    def word(self, node: Node | None) -> str:
        """A value as a shell word; a name bound to a string literal is its own variable, assigned at the
        binding's line (so the shell reader sees where the value is written: a URL's host reported once)."""
        if node is not None and node.type == "reference_expression":
            node = node.child_by_field_name("value") or node
        if node is not None and node.type == "identifier" and _text(node) in self.given:
            given, self.given = self.given, {}  # the caller's value, spelled in the caller's scope (one hop)
            try:
                return self.word(given[_text(node)])
            finally:
                self.given = given
        if node is not None and node.type == "identifier" and re.fullmatch(r"[A-Za-z_]\w*", _text(node)):
            value = self.values.value(node)
            text = literal(value)
            if value is not None and text is not None:
                self.assigned.setdefault(value.start_byte, (_line(value), f"{_text(node)}={shlex.quote(text)}"))
                return f'"${{{_text(node)}}}"'
        return shell_word(self.values.spell(node) if node is not None else None, UNKNOWN)

    def call(self, call: Node) -> list[Piece]:
        owner, name = path_of(call)
        args = arguments(call)
        if (owner, name) == ("Command", "new") and args:
            command, top = self._command(call, args[0])
            self.spans[_line(call)] = max(self.spans.get(_line(call), 0), top.end_point[0] + 1)
            return [(_line(call), command)]
        unpacked = self._unpack(call, name, args)
        if unpacked is not None:
            return [(_line(call), unpacked)]
        self._save(owner, name, args, call)
        written = _written(owner, name, args, call, self)
        return [(_line(call), written)] if written is not None else []

    def run(self, call: Node, runner: Runner) -> list[Piece]:
        """A call of a runner of the file (``rust_runners``): its commands with the call's arguments for the
        parameters, at the call's line."""
        self.given = {param: arg for param, arg in zip(runner.params, arguments(call), strict=False) if param}
        try:
            out = [(_line(call), self._command(c, arguments(c)[0])[0]) for c in runner.commands if arguments(c)]
        finally:
            self.given = {}
        self.spans[_line(call)] = max(self.spans.get(_line(call), 0), call.end_point[0] + 1)
        return out

    def _command(self, call: Node, program: Node) -> tuple[str, Node]:
        """``Command::new(PROG)`` with the ``.arg``/``.args``/``.current_dir`` calls of its chain, or later made
        on the name it is bound to in the same function."""
        words = [self.word(program)]
        node, where = self._chain(call, words, None)
        bound = node.parent
        if bound is not None and bound.type == "let_declaration":
            name = bound.child_by_field_name("pattern")
            name = name.named_children[-1] if name is not None and name.type == "mut_pattern" else name
            scope = _function(bound)
            for method in (
                self._later_calls(_text(name), bound) if name is not None and name.type == "identifier" else []
            ):
                if _function(method) == scope:
                    where = self._method(method, words) or where
                    _, where = self._chain(method, words, where)
        command = " ".join(words)
        return (command if where is None else f"( cd {where}; {command} )"), node

    def _later_calls(self, name: str, bound: Node) -> list[Node]:
        """The ``name.arg(…)`` calls after the binding and before the name is bound again (at most ``MAX_CHAIN``)."""
        calls = self.calls_on.get(name, [])
        starts = self.call_starts.get(name, [])
        following = self.values.starts.get(name, [])
        next_binding = bisect_right(following, bound.end_byte)
        first = bisect_right(starts, bound.end_byte)
        last = bisect_left(starts, following[next_binding]) if next_binding < len(following) else len(starts)
        return calls[first : min(last, first + MAX_CHAIN)]

    def _chain(self, call: Node, words: list[str], where: str | None) -> tuple[Node, str | None]:
        """The calls chained on ``call`` (``.arg(a).arg(b)``): their words added; the chain's last call and the
        directory a ``.current_dir(D)`` in it gives."""
        node = call
        for _ in range(MAX_CHAIN):
            field, outer = node.parent, node.parent.parent if node.parent is not None else None
            if field is None or outer is None or field.type != "field_expression" or outer.type != "call_expression":
                break
            where = self._method(outer, words) or where
            node = outer
        return node, where

    def _method(self, call: Node, words: list[str]) -> str | None:
        """Add an ``.arg``/``.args`` call's words; a ``.current_dir(D)``'s directory is returned."""
        owner, name = path_of(call)
        args = arguments(call)
        if owner != "." or len(args) != 1:
            return None
        if name == "arg":
            words.append(self.word(args[0]))
        elif name == "args":
            given = self._given_value(args[0])
            if given is not None:  # a runner's slice parameter: the caller's list, spelled in the caller's scope
                held, self.given = self.given, {}
                try:
                    self._listed_words(self.values.resolve(given), words)
                finally:
                    self.given = held
            else:
                self._listed_words(self.values.resolve(args[0]), words)
        elif name == "current_dir":
            return self.word(args[0])
        return None

    def _listed_words(self, listed: Node, words: list[str]) -> None:
        """The words of an ``.args`` list: a ``vec![…]`` or an array's elements, else one unknown word."""
        if listed.type == "macro_invocation" and _text(listed.child_by_field_name("macro")) == "vec":
            words.extend(self.word(a) for a in macro_arguments(listed))
        elif listed.type == "array_expression":
            words.extend(self.word(a) for a in listed.named_children)
        else:
            words.append(f'"{UNKNOWN}"')

    def _given_value(self, node: Node) -> Node | None:
        """The caller's argument for a parameter named by ``node`` while a runner's command is written
        (``run_systemctl(&["daemon-reload"])`` for ``.args(arguments)``), its ``&`` taken off."""
        given = self.given.get(_text(node)) if node.type == "identifier" else None
        if given is not None and given.type == "reference_expression":
            given = given.child_by_field_name("value") or given
        return given

    def _url(self, call: Node) -> str | None:
        """The URL word of an HTTP GET (module docstring); None when the call is none."""
        owner, name = path_of(call)
        args = arguments(call)
        if not args:
            return None
        spelled = self.values.spell(args[0])
        is_http = spelled is not None and re.match(r"https?://", spelled) is not None
        if (owner, name) in GETS or (owner == "." and name in ("get", "url") and is_http and len(args) == 1):
            return self.word(args[0])
        return None

    def _fetched(self, node: Node) -> Node | None:
        """The request call a value's data comes from (through ``.send()``, ``.bytes()``, names…)."""
        current = node
        for _ in range(MAX_CHAIN):
            current = self.values.resolve(current)
            if current.type == "call_expression" and (current.start_byte, current.end_byte) in self._get_spans:
                return current
            if (
                current.type == "call_expression"
                and path_of(current)[0] == "."
                and path_of(current)[1] in _DATA_THROUGH
            ):
                current = receiver(current) or current
                continue
            return None
        return None

    def _save(self, owner: str, name: str, args: list[Node], call: Node) -> None:
        """A response's data written to a file: remembered for the request's ``curl -o``."""
        request, target = None, None
        if (owner, name) == ("fs", "write") and len(args) == 2:
            request, target = self._fetched(args[1]), self.word(args[0])
        elif (owner, name) == ("io", "copy") and len(args) == 2:
            request, target = self._fetched(args[0]), self._created(args[1])
        elif (owner, name) == (".", "copy_to") and len(args) == 1 and receiver(call) is not None:
            request, target = self._fetched(receiver(call) or call), self._created(args[0])
        if request is not None and target is not None:
            self.saved.setdefault(request.start_byte, target)

    def _created(self, node: Node) -> str | None:
        """The path of a file from ``File::create(P)`` (through a ``BufWriter``), as a word."""
        return self._file_path(node, "create", _WRITERS)

    def _file_path(self, node: Node, opener: str, wrappers: frozenset[str]) -> str | None:
        """The path of ``File::<opener>(P)`` that ``node`` holds, through the ``X::new(…)`` of ``wrappers``."""
        current = self.values.resolve(node)
        for _ in range(MAX_CHAIN):
            if current.type != "call_expression":
                return None
            owner, name = path_of(current)
            args = arguments(current)
            if (owner, name) == ("File", opener) and args:
                return self.word(args[0])
            if owner in wrappers and name == "new" and args:
                current = self.values.resolve(args[0])
                continue
            return None
        return None

    def _unpack(self, call: Node, name: str, args: list[Node]) -> str | None:
        """``ZipArchive::new(R).extract(D)``/``Archive::new(R).unpack(D)`` as the shell that unpacks it."""
        held = receiver(call)
        if name not in ("extract", "unpack") or held is None or len(args) != 1:
            return None
        archive = self.values.resolve(held)
        for _ in range(MAX_CHAIN):  # ``ZipArchive::new(file).unwrap()`` → the constructor
            if archive.type == "call_expression" and path_of(archive)[0] == "." and receiver(archive) is not None:
                archive = self.values.resolve(receiver(archive) or archive)
            else:
                break
        kind = path_of(archive) if archive.type == "call_expression" else ("", "")
        if kind not in (("ZipArchive", "new"), ("Archive", "new"), ("tar", "Archive")) or not arguments(archive):
            return None
        source = self._opened(arguments(archive)[0])
        into = self.word(args[0])
        if source is None:
            return f'curl -fsSL "{UNKNOWN}" | tar -xf - -C {into}' if self._fetched(arguments(archive)[0]) else None
        return f"unzip -o {source} -d {into}" if kind[0] == "ZipArchive" else f"tar -xf {source} -C {into}"

    def _opened(self, node: Node) -> str | None:
        """The path a reader was opened from: ``File::open(P)``, through ``BufReader``/decoders."""
        return self._file_path(node, "open", _READERS)

    def requests(self) -> list[Piece]:
        """``curl`` of each GET at its line, ``-o`` where its response is saved."""
        out: list[Piece] = []
        for call in self.gets:
            url = self._url(call) or f'"{UNKNOWN}"'
            target = self.saved.get(call.start_byte)
            out.append((_line(call), f"curl -fsSL -o {target} {url}" if target else f"curl -fsSL {url}"))
            self.spans[_line(call)] = max(self.spans.get(_line(call), 0), call.end_point[0] + 1)
        return out

    def laid_out(self, pieces: list[Piece]) -> list[Piece]:
        """The pieces one per line, each with empty lines after it down to the last line of the call it is
        written for (before the next piece), so that the call's lines are read as the shell (a URL literal on
        the second line of ``Command::new("git")…`` is the command's, not a host named again in text)."""
        joined = one_per_line(sorted([*pieces[:MAX_PIECES], *self.assigned.values()], key=lambda piece: piece[0]))
        out: list[Piece] = []
        for index, (line, text) in enumerate(joined):
            last = self.spans.get(line, line) - text.count("\n")
            if index + 1 < len(joined):
                last = min(last, joined[index + 1][0] - 1 - text.count("\n"))
            out.append((line, text + "\n" * max(0, last - line)))
        return out

    def _directive(self, macro: Node) -> str | None:
        """The text a ``println!("cargo:…")`` prints (its template filled in), else None."""
        if _text(macro.child_by_field_name("macro")) != "println":
            return None
        parts = macro_arguments(macro)
        template = literal(parts[0]) if parts and parts[0] is not None else None
        if template is None or not template.startswith("cargo:"):
            return None
        return self.values.format_template(parts)

    def link(self, macro: Node) -> list[Piece]:
        """``cc -L DIR … -lNAME`` at a ``cargo:rustc-link-lib=NAME`` line, in a function the script's ``EXIT`` trap
        runs: Cargo links after the build script ends, with what the directories hold then (a directive printed
        before the download it links still links the download)."""
        directive = self._directive(macro) or ""
        linked = _LINK_LIB.match(directive)
        if linked is None or "${" in linked.group(1):
            return []
        dirs = "".join(f"-L {_dir_word(d)} " for d in self.search)
        handler = f"cargo_link_{_line(macro)}"
        self.links.append(handler)
        return [(_line(macro), f"{handler}() {{ cc {dirs}-l{shlex.quote(linked.group(1))}; }}")]

    def link_trap(self, pieces: list[Piece]) -> list[Piece]:
        """``trap 'cargo_link_8; …' EXIT`` at the first link's line: the links run when the script ends."""
        first = min((line for line, text in pieces if text.startswith("cargo_link_")), default=None)
        return [(first, f"trap '{'; '.join(self.links)}' EXIT")] if first is not None and self.links else []


def _dir_word(spelled: str) -> str:
    return shell_word(spelled, UNKNOWN)


def _flag_dirs(flags: str) -> list[str]:
    """The ``-L DIR`` (also ``-LDIR``, ``-L native=DIR``) of a ``cargo:rustc-flags=`` line."""
    words = flags.split()
    out: list[str] = []
    for index, word in enumerate(words):
        value = (
            words[index + 1] if word == "-L" and index + 1 < len(words) else word[2:] if word.startswith("-L") else ""
        )
        out += [value.split("=", 1)[-1]] if value else []
    return out


def _function(node: Node) -> int:
    """The start of the function (or closure) around ``node``; -1 at the file's level."""
    current = node.parent
    for _ in range(256):
        if current is None:
            break
        if current.type in ("function_item", "closure_expression"):
            return current.start_byte
        current = current.parent
    return -1


def _written(owner: str, name: str, args: list[Node], call: Node, script: _Script) -> str | None:
    """A write, removal, copy or rename of an absolute path (not the build's own ``OUT_DIR``)."""
    if owner not in ("fs", "File", ".") or not args:
        return None
    first = script.values.spell(args[0])
    if owner == "fs" and name in ("copy", "rename") and len(args) == 2:
        target = script.values.spell(args[1])
        verb = "cp -f" if name == "copy" else "mv -f"
        return f"{verb} -- {script.word(args[0])} {script.word(args[1])}" if _system(target) else None
    if not _system(first):
        return None
    if (owner, name) in (("fs", "write"), ("File", "create")) and script._fetched(args[-1]) is None:
        return f"printf '%s\\n' \"{UNKNOWN}\" > {script.word(args[0])}"
    if owner == "." and name == "open" and "append(true)" in _text(call):
        return f"printf '%s\\n' \"{UNKNOWN}\" >> {script.word(args[0])}"
    if owner == "fs" and name in ("remove_file", "remove_dir_all"):
        return f"rm -{'r' if name == 'remove_dir_all' else ''}f -- {script.word(args[0])}"
    return None


def _system(spelled: str | None) -> bool:
    """An absolute path outside the build (``/usr/lib/…``, ``${HOME}/.bashrc``), not one under a variable Cargo sets."""
    return spelled is not None and (spelled.startswith("/") or spelled.startswith(("${HOME}/", "~/")))
