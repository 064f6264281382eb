"""What a JavaScript install script runs, read through tree-sitter's JavaScript grammar (the file is never run) and
written as the shell that does the same, at the file's lines; and which URLs in JavaScript are only shown to people.

Which file is a script (a step): a ``.js``/``.cjs``/``.mjs`` file, or one whose interpreter line names ``node``,
whose name or place says install, upgrade or setup (``python_script.step_path``: an npm ``install.js``,
``postinstall.js``, ``scripts/install.js``) or whose own ``fs`` write puts a unit into a systemd system unit
directory (``js_unit_installers``), not a test and not a browser bundle. TypeScript (``.ts``/``.mts``/
``.cts``, not a ``.d.ts`` declaration file) is read through tree-sitter's TypeScript grammar, the same way.

Written as shell:

- ``child_process`` calls (also through ``cp.``, a destructured or an imported name): ``execSync``/``exec`` run a
  command line; ``spawn``/``spawnSync``/``execFile``/``execFileSync`` run a program with an argument array. A string
  or template literal is its text (``${expr}`` an unknown value, ``${JS_VALUE}``), and so is a name declared once in
  the file with one (``var nodePreGyp = "node-pre-gyp"``; an array so declared gives its words and an unknown tail
  for what is pushed later); any other value is unknown. Options that give ``cwd`` (``{ cwd: dir }``) run the
  command there: ``( cd DIR; command )``, an unknown directory ``${JS_VALUE}``.
- A function of the file that hands a parameter to such a call (``function run(cmd) { execSync(cmd) }``,
  ``shipgate.preflight.js_runners``): each call of it runs that command with what the call gives
  (``run('yarn install')``), not also its body.
- TLS: ``rejectUnauthorized: false`` (or ``= false``) in a request's options, and ``rejectUnauthorized =
  !!process.env.X`` / ``Boolean(process.env.X)`` (off whenever the variable is unset), are written as
  ``NODE_TLS_REJECT_UNAUTHORIZED=0`` at that line: the script's own HTTPS requests then skip the certificate check,
  as that variable makes every request of the process do.

Shown, not contacted (``shown_lines``, for every JavaScript file, step or not): a URL in a comment (also after code
on its line), in a string given to ``console.*``, ``process.stdout/stderr.write`` or ``new Error(…)``/``throw``, in
a string bound to a variable that is only shown (``console.log(BANNER)``, pushed to or looked up in an array), and
in the arguments of an assertion (``assert.strictEqual(f('https://…'), 'https://…')``: a self-test's vector).

A block run only as root (``if (isSudo()) { … }``, ``if (process.getuid() === 0) { … }``) is written inside
``if [ "$(id -u)" -eq 0 ]; then`` … ``fi`` (``shipgate.preflight.js_root_checks``).

Downloads, file modes and digest checks: ``shipgate.preflight.js_downloads`` (a file a function of the script
requests and writes, or a write of fetched data, then ``chmod``; followed by the variable that names the path), and
``shipgate.preflight.js_download_module`` (the npm ``download`` module unpacking an archive with an execute mode);
a fetching tool's module called instead of its command (``require('prebuild-install/download')``):
``shipgate.preflight.js_tool_modules``.
Files written (``fs.appendFileSync``) and values shown (``console.log(token)`` is ``echo "${token}"``):
``shipgate.preflight.js_file_acts``; archives unpacked (``tar.x``, extract-zip, ``decompress``, adm-zip, unzipper),
moves and paths built with ``path.join``: ``shipgate.preflight.js_unpacks``.

Not seen: a file reached through another expression than the one it was saved by (copied by a library, unpacked
into a directory), TSX, code in other modules."""

from __future__ import annotations

import functools
import re

import tree_sitter
import tree_sitter_javascript
import tree_sitter_typescript
from tree_sitter import Query, QueryCursor

from shipgate.preflight import (
    js_download_module,
    js_downloads,
    js_file_acts,
    js_fs_names,
    js_functions,
    js_module_downloads,
    js_process_modules,
    js_root_checks,
    js_runners,
    js_spawn_shell,
    js_tool_modules,
    js_unit_installers,
    js_unpacks,
)
from shipgate.preflight.distributed import is_browser_script, is_minified_name
from shipgate.preflight.js_downloads import path_word
from shipgate.preflight.js_platform import posix_branches, windows_lines
from shipgate.preflight.js_url_values import once_bound
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.python_script import one_per_line, step_path
from shipgate.preflight.removal_functions import removal_bodies
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_CHARS = 1_000_000
MAX_PIECES = 5_000
UNKNOWN = "${JS_VALUE}"

_LANGUAGE = tree_sitter.Language(tree_sitter_javascript.language())
_TYPESCRIPT = tree_sitter.Language(tree_sitter_typescript.language_typescript())
_PARSERS = {_LANGUAGE: tree_sitter.Parser(_LANGUAGE), _TYPESCRIPT: tree_sitter.Parser(_TYPESCRIPT)}
MAX_SHOWN_CHARS = 256_000
_TS_SUFFIXES = (".ts", ".mts", ".cts")
_SUFFIXES = (".js", ".cjs", ".mjs", *_TS_SUFFIXES)
_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*node\b")
_COMMAND_LINE = frozenset({"execSync", "exec"})
_UNPACKERS = frozenset({"tar", "bsdtar", "unzip"})
_ARGV = frozenset({"spawn", "spawnSync", "execFile", "execFileSync"})
_SHOWING = frozenset({"log", "info", "warn", "error", "debug", "trace"})
# a message handed to a translation function is text a page shows people (uMap's ``translate('Simple link:
# [[https://example.com]]')``, gettext's)
_TRANSLATING = frozenset({"translate", "gettext", "ngettext", "pgettext", "npgettext"})
_KEEPING = frozenset({"push", "indexOf", "includes", "replace", "concat", "unshift"})  # a shown text kept or tested
# Node's assert module (``assert.strictEqual(actual, expected)``…): a URL in an assertion is a test vector the file
# compares, never a request; the bare names count only in a file that takes them from ``assert``.
_ASSERTIONS = frozenset(
    {"ok", "equal", "notEqual", "strictEqual", "notStrictEqual", "deepEqual", "deepStrictEqual", "notDeepEqual"}
    | {"notDeepStrictEqual", "match", "doesNotMatch", "throws", "doesNotThrow", "rejects", "doesNotReject"}
)
_ASSERT_MODULE = re.compile(r"""(?:require\(\s*|from\s+)['"](?:node:)?assert(?:/strict)?['"]""")
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)


def is_js_script(path: str, text: str) -> bool:
    lower = path.lower()
    if len(text) > MAX_CHARS or is_test_path(path) or lower.endswith(".d.ts") or is_minified_name(lower):
        return False
    if is_browser_script(path):
        return False  # a library a web app serves (``static/vendor/…/setup.js``) runs in the reader's browser
    if not (lower.endswith(_SUFFIXES) or _INTERPRETER.match(text[:200])):
        return False
    return step_path(path) or js_unit_installers.writes_unit(text, lambda: _parse(path, text))


def _language(path: str) -> tree_sitter.Language:
    """TypeScript's grammar for ``.ts``/``.mts``/``.cts`` (JavaScript's does not parse type annotations)."""
    return _TYPESCRIPT if path.lower().endswith(_TS_SUFFIXES) else _LANGUAGE


def grammar(path: str) -> tree_sitter.Language:
    """The grammar :func:`syntax_tree` reads ``path`` with (for queries over its tree)."""
    return _language(path)


def _parse(path: str, text: str) -> Node:
    return _PARSERS[_language(path)].parse(text.encode("utf-8", "surrogateescape")).root_node


def syntax_tree(path: str, text: str) -> Node | None:
    """The file's syntax tree (TypeScript's grammar for its suffixes), None for a name that is not JavaScript or
    TypeScript or a text too long to read."""
    if not path.lower().endswith(_SUFFIXES) or len(text) > MAX_CHARS:
        return None
    return _parse(path, text)


def _line(node: Node) -> int:
    return node.start_point[0] + 1


# ------------------------------------------------------------------------------------------------ commands


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the JavaScript install script at ``path`` runs; None when it is not one."""
    if not is_js_script(path, text):
        return None
    root = _parse(path, text)
    found = _steps(_language(path)).captures(root)
    pieces: list[Piece] = []
    declared = _declared(root)
    names = js_process_modules.owners(root)  # ``cp``, ``shell = require("shelljs")``: whose ``exec`` runs a command
    runners = js_runners.runners(root, lambda c: _command(c, names=names) is not None)
    inside = {c.id for r in runners.values() for c in r.calls}
    for call in found.get("call", []):
        runner = runners.get(_text(call.child_by_field_name("function")))
        if call.id in inside:
            continue  # a runner's own child process: read at each call of the runner, with what it is given
        if runner is None:
            line = js_spawn_shell.command_line_line(call)  # a multi-line literal's commands keep their lines
            pieces += [(line, command) for command in [_command(call, declared, names=names)] if command]
            continue
        for inner, command in zip(runner.calls, _runner_commands(call, runner, declared, names), strict=True):
            # ``execSync(`bun install -g ${pkg}`)`` installs at every call: at its own line; ``run(cmd)`` at the call
            line = _line(inner) if js_runners.names_its_verb(inner, _UNPACKERS) else _line(call)
            pieces += [(line, command)] if command else []
    for node in found.get("option", []):
        if _checks_off(node):
            pieces.append((_line(node), "export NODE_TLS_REJECT_UNAUTHORIZED=0"))
    downloads = js_downloads.pieces(root, _language(path))
    pieces += downloads
    written = {line for line, shell in downloads if shell.startswith("curl ")}
    bound = once_bound(js_downloads.bindings(root))  # the lists ``forEach`` callbacks walk
    fs_names = js_fs_names.fs_functions(root)  # ``import { writeFileSync } from "node:fs"``
    pieces += js_file_acts.pieces(found.get("call", []), written, bound, fs_names)  # file writes, shown values
    pieces += js_download_module.pieces(root)  # the npm ``download`` module's extracting fetches
    pieces += js_tool_modules.pieces(root)  # a fetching tool's module called as its command (prebuild-install's)
    pieces += js_module_downloads.pieces(root, _language(path))  # the product's own download helpers
    pieces += js_unpacks.pieces(root, _language(path))  # archives unpacked, moves, paths built with path.join
    elsewhere = windows_lines(root, declared)  # ``if (os === "windows") { … }``: not run on the Linux target
    pieces = [(line, shell) for line, shell in pieces if line not in elsewhere]
    if not pieces:
        return []
    # the script's functions as shell functions, called where it calls them: read in the order it runs
    # (a call the download reader already writes as the download, ``download(dest, url)``, is that download: its body
    # is the fetch, not a step run after it)
    called = [(line, shell) for line, shell in js_functions.calls(root) if line not in elsewhere | written]
    openings, called, closings = js_functions.bodies(root, pieces, called)
    # blocks run only as root, first on their lines: ``if …; then :; cmd`` and ``fi; cmd``
    # a call first among its line's pieces: a runner's command written at the call (``extractTarGz(buf, dir)``) runs
    # inside the body, after what the body does before it
    pieces = (js_root_checks.pieces(root) + called + pieces + _removal_functions(root))[:MAX_PIECES]
    return one_per_line(openings + pieces + closings)


def _removal_functions(root: Node) -> list[Piece]:
    """Functions named for taking the product away (``function uninstallSystemd()``), as shell functions over their
    lines (``removal_functions``)."""
    functions = (
        (_text(node.child_by_field_name("name")), _line(node), node.end_point[0] + 1)
        for node in named_nodes(root)
        if node.type in ("function_declaration", "method_definition")
    )
    return removal_bodies(functions, "js")


def _runner_commands(
    call: Node, runner: js_runners.Runner, declared: dict[str, Node], names: frozenset[str]
) -> list[str | None]:
    """What a call of a runner of the file runs: its child-process calls with the call's arguments for the
    parameters (``run('yarn install')``); a parameter the call does not give is unknown."""
    args = [a for a in (call.child_by_field_name("arguments") or call).named_children if a.type != "comment"]
    given = {p: a for p, a in zip(runner.params, args, strict=False) if p}
    bound = {name: value for name, value in declared.items() if name not in runner.params} | given
    return [_command(inner, bound, given, names) for inner in runner.calls]


@functools.cache
def _steps(language: tree_sitter.Language) -> QueryCursor:
    return QueryCursor(Query(language, "(call_expression) @call (pair) @option (assignment_expression) @option"))


def _callee(call: Node) -> str:
    """The called function's own name (``cp.execSync`` → ``execSync``)."""
    function = call.child_by_field_name("function")
    if function is not None and function.type == "member_expression":
        return _text(function.child_by_field_name("property"))
    return _text(function)


def _declared(root: Node) -> dict[str, Node]:
    """Names declared once in the file (``var nodePreGyp = "node-pre-gyp"``, ``const args = ["install"]``) -> the
    value they are declared with; a name declared twice (shadowed, or in two functions) is left out."""
    seen: dict[str, list[Node]] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is not None and name.type == "identifier" and value is not None:
                seen.setdefault(_text(name), []).append(value)
        stack.extend(node.children)
    return {name: values[0] for name, values in seen.items() if len(values) == 1}


def _bound(node: Node, declared: dict[str, Node]) -> Node:
    """An identifier's declared value when it is a string, template or array literal; else the node itself."""
    value = declared.get(_text(node)) if node.type == "identifier" else None
    return value if value is not None and value.type in ("string", "template_string", "array") else node


def _command(
    call: Node,
    declared: dict[str, Node] | None = None,
    given: dict[str, Node] | None = None,
    names: frozenset[str] = js_process_modules.CONVENTIONAL,
) -> str | None:
    """The shell a child-process call runs; ``given``: a runner's parameters -> what the call of the runner gives;
    ``names``: the file's names for a module whose ``exec`` runs a command line (``js_process_modules``)."""
    name = _callee(call)
    if name not in _COMMAND_LINE and name not in _ARGV:
        return None
    function = call.child_by_field_name("function")
    owner = function.child_by_field_name("object") if function is not None else None
    if name == "exec" and owner is not None and not js_process_modules.runs_commands(owner, names):
        return None  # ``regex.exec(s)``, ``db.pool.exec(…)``: not a child process (shelljs' ``shell.exec`` is)
    if owner is not None and owner.type != "identifier" and name != "exec":
        return None  # ``re.exec(s)``, ``db.pool.exec(…)``: not a child process
    args = [a for a in (call.child_by_field_name("arguments") or call).named_children if a.type != "comment"]
    if not args:
        return None
    bound = [_bound(a, declared or {}) for a in args[:2]]
    given = {**posix_branches(declared or {}), **(given or {})}  # ``pip = IS_WIN ? … : …``: the Linux branch
    first = _value(bound[0], given)
    if name in _COMMAND_LINE:
        either = _alternatives(bound[0], given)  # ``execSync(bt ? '/etc/init.d/nginx start' : 'systemctl …')``
        line = f'if [ -n "{UNKNOWN}" ]; then {either[0]}; else {either[1]}; fi' if either else first
        return _in_directory(args[1:], line, declared or {})
    shell = js_spawn_shell.runs_in_shell(args[1:], declared or {})  # ``spawnSync(LINE, { shell: true })``
    words = [first if shell else _word(first)]
    if len(bound) > 1 and bound[1].type == "array":
        words += [_argument(a, first, given or {}) for a in bound[1].named_children if a.type != "comment"]
        if bound[1] is not args[1]:
            words.append(UNKNOWN)  # an array bound to a name: what the script pushes onto it later is unknown
    return _in_directory(args[1:], " ".join(words), declared or {})


def _alternatives(node: Node, given: dict[str, Node]) -> tuple[str, str] | None:
    """The two command lines of a conditional whose branches are both written out (hold-out set 262: trojan-go-cmd's
    ``execSync(bt ? '/etc/init.d/nginx stop' : 'systemctl stop nginx')``): the script runs one or the other, as a
    shell ``if … else`` of unknown condition does."""
    if node.type != "ternary_expression":
        return None
    branches = [node.child_by_field_name("consequence"), node.child_by_field_name("alternative")]
    if any(b is None or b.type not in ("string", "template_string") for b in branches):
        return None
    lines = [_value(b, given) for b in branches if b is not None]
    return (lines[0], lines[1]) if UNKNOWN not in "".join(lines) else None


def _argument(node: Node, program: str, given: dict[str, Node]) -> str:
    """One word of a child process's argument list; an unpacker's (``tar``, ``unzip``) path held in a name is spelled
    as that name (``"${archivePath}"``, as ``js_downloads`` spells the file it saves), so the shell rule follows the
    fetched archive into the tree it makes. A runner's parameter is what the call of the runner gives for it."""
    if node.type == "identifier" and _text(node) in given:
        node = given[_text(node)]
    word = path_word(node) if program in _UNPACKERS else None
    return word if word is not None else _word(_value(node))


def _in_directory(rest: list[Node], command: str, declared: dict[str, Node]) -> str:
    """A child process given ``{ cwd: DIR }`` in its options runs in DIR: ``( cd DIR; command )`` (a value not
    known is ``${JS_VALUE}``, a directory other than the script's)."""
    options = next((a for a in rest if a.type == "object"), None)
    for prop in options.named_children if options is not None else ():
        if prop.type == "shorthand_property_identifier" and _text(prop) == "cwd":
            return f"( cd {_word(_value(_bound(prop, declared)))}; {command} )"
        key = prop.child_by_field_name("key") if prop.type == "pair" else None
        value = prop.child_by_field_name("value") if prop.type == "pair" else None
        if key is not None and value is not None and _text(key).strip("'\"") == "cwd":
            return f"( cd {_word(_value(_bound(value, declared)))}; {command} )"
    return command


def _value(node: Node, given: dict[str, Node] | None = None) -> str:
    """A string or template literal's text, else unknown. A substitution is the path it names when that is known
    (``${path.join(dest, 'tool.tgz')}`` is ``"${dest}/tool.tgz"``, a name its shell variable: js_downloads'
    ``path_word``; a runner's parameter, the path the call gives for it), else unknown."""
    if node.type == "string":
        return "".join(_text(c) for c in node.named_children if c.type == "string_fragment")
    if node.type == "template_string":
        return "".join(
            _text(c) if c.type == "string_fragment" else _substituted(c, given or {})
            for c in node.named_children
            if c.type in ("string_fragment", "template_substitution")
        )
    return UNKNOWN


def _substituted(substitution: Node, given: dict[str, Node]) -> str:
    inner = substitution.named_children[0] if substitution.named_children else None
    if inner is not None and inner.type == "identifier" and _text(inner) in given:
        inner = given[_text(inner)]
    return (path_word(inner) if inner is not None else None) or UNKNOWN


def _word(value: str) -> str:
    if re.fullmatch(r"(?:[\w@%+=:,./-]|\$\{\w+\})+", value):
        return value
    return '"' + re.sub(r'([\\"`])', r"\\\1", value) + '"'


def _checks_off(node: Node) -> bool:
    """``rejectUnauthorized: false``/``= false``, or a value that is false whenever a variable is unset."""
    key = node.child_by_field_name("key" if node.type == "pair" else "left")
    value = node.child_by_field_name("value" if node.type == "pair" else "right")
    if key is None or value is None:
        return False
    name = _text(key.child_by_field_name("property")) if key.type == "member_expression" else _text(key)
    if name.strip("'\"") != "rejectUnauthorized":
        return False
    if value.type == "false":
        return True
    inner = _text(value).replace(" ", "")
    return bool(re.fullmatch(r"(?:!!|Boolean\()process\.env(?:\.\w+|\[['\"]\w+['\"]\])\)?", inner))


# ------------------------------------------------------------------------------------------------ shown text


def shown_lines(path: str, text: str) -> set[int]:
    """Lines of a JavaScript file whose URLs are all in comments or in text only shown to people. A browser
    library, a minified bundle or a file over ``MAX_SHOWN_CHARS`` is not parsed: the endpoint reader takes every host
    of a served library or bundle as a mention already, and an install script is a few kilobytes."""
    lower = path.lower()
    if not (lower.endswith(_SUFFIXES) or _INTERPRETER.match(text[:200])) or len(text) > MAX_SHOWN_CHARS:
        return set()
    if "://" not in text or is_minified_name(lower) or is_browser_script(path):
        return set()
    root = _parse(path, text)
    found = _texts(_language(path)).captures(root)
    mention: set[int] = set()
    contact: set[int] = set()
    for node in found.get("comment", []):
        if b"://" in (node.text or b""):
            mention |= _url_lines(node)
    literals = [n for n in found.get("text", []) if b"://" in (n.text or b"")]
    held = {_text(d.child_by_field_name("name")) for d in (_declarator(n) for n in literals) if d is not None}
    shown_names = _shown_variables(root, held, _language(path)) if held else set()
    bare = _ASSERTIONS if _ASSERT_MODULE.search(text) else frozenset()
    for node in literals:
        (mention if _shown(node, shown_names) or _asserted(node, bare) else contact).update(_url_lines(node))
    return mention - contact


def _asserted(node: Node, bare: frozenset[str]) -> bool:
    """The literal is inside the arguments of an assertion (``assert(…)``, ``assert.strictEqual(…)``, or a bare
    ``strictEqual(…)`` taken from Node's assert module): a value the file checks, not a host it contacts."""
    current = node.parent
    while current is not None and not current.type.endswith(("statement", "declaration")):
        if current.type == "call_expression":
            callee = _text(current.child_by_field_name("function"))
            if callee == "assert" or callee.startswith("assert.") or callee in bare:
                return True
        current = current.parent
    return False


@functools.cache
def _texts(language: tree_sitter.Language) -> QueryCursor:
    return QueryCursor(Query(language, "(comment) @comment (string) @text (template_string) @text"))


@functools.cache
def _identifiers(language: tree_sitter.Language) -> QueryCursor:
    return QueryCursor(Query(language, "(identifier) @name"))


def _declarator(node: Node) -> Node | None:
    """The ``var NAME = …`` whose value holds the literal (through ``+``, a template, an array)."""
    current = node
    while current.parent is not None and current.parent.type in _PASS_THROUGH:
        current = current.parent
    parent = current.parent
    if parent is not None and parent.type == "variable_declarator" and current == parent.child_by_field_name("value"):
        return parent
    return None


def _url_lines(node: Node) -> set[int]:
    """The lines of the literal's URLs; of a template, those of its own text, not of the expressions it fills in
    (a string inside ``${…}`` is a literal of its own, judged on its own)."""
    if node.type == "template_string":
        return {line for part in node.children if part.type != "template_substitution" for line in _url_lines(part)}
    text = _text(node)
    first = _line(node)
    return {first + text.count("\n", 0, m.start()) for m in _URL.finditer(text)}


_PASS_THROUGH = frozenset(
    {"binary_expression", "template_substitution", "template_string", "parenthesized_expression", "array"}
)


def _shown(node: Node, shown_names: set[str]) -> bool:
    """The literal ends in a call that shows it, a ``throw``, or a variable that is only shown (through ``+``,
    a template, an array joined into one text)."""
    current = node
    while current.parent is not None:
        parent = current.parent
        if parent.type == "arguments":
            return parent.parent is not None and _shows(parent.parent)
        if parent.type == "throw_statement":
            return True
        if parent.type == "variable_declarator":
            return (
                current == parent.child_by_field_name("value")
                and _text(parent.child_by_field_name("name")) in shown_names
            )
        joined = parent.type == "member_expression" and _text(parent.child_by_field_name("property")) == "join"
        if not (
            parent.type in _PASS_THROUGH
            or joined
            or (parent.type == "call_expression" and current.type == "member_expression")
        ):
            return False
        current = parent
    return False


def _shows(call: Node) -> bool:
    """``console.log(…)``, ``process.stdout.write(…)``, ``new Error(…)``, ``translate(…)``/``gettext(…)``."""
    if call.type == "new_expression":
        return _text(call.child_by_field_name("constructor")).endswith("Error")
    function = call.child_by_field_name("function")
    if function is not None and function.type == "identifier":
        return _text(function) in _TRANSLATING
    if function is None or function.type != "member_expression":
        return False
    owner, prop = _text(function.child_by_field_name("object")), _text(function.child_by_field_name("property"))
    return (
        (owner == "console" and prop in _SHOWING)
        or prop in _TRANSLATING
        or (owner in ("process.stdout", "process.stderr") and prop == "write")
    )


def _shown_variables(root: Node, names: set[str], language: tree_sitter.Language) -> set[str]:
    """Of ``names`` (variables bound to text with a URL), those whose every use shows it, keeps it in a list or
    tests it, and one use shows it (core-js's ``BANNER``)."""
    uses: dict[str, list[Node]] = {}
    for node in _identifiers(language).captures(root).get("name", []):
        name = _text(node)
        if name in names and not (node.parent is not None and node.parent.type == "variable_declarator"):
            uses.setdefault(name, []).append(node)
    return {
        name
        for name, refs in uses.items()
        if all(_shown_use(r) for r in refs) and any(_in_showing_call(r) for r in refs)
    }


def _in_showing_call(node: Node) -> bool:
    """Inside the arguments of a call that shows text (also through ``.replace(…)`` or a ternary in them)."""
    current: Node | None = node.parent
    while current is not None and not current.type.endswith(("statement", "declaration")):
        if current.type in ("call_expression", "new_expression") and _shows(current):
            return True
        current = current.parent
    return False


def _shown_use(node: Node) -> bool:
    parent = node.parent
    if parent is None:
        return False
    if parent.type == "member_expression":  # ``BANNER.replace(…)`` inside a shown call
        return _in_showing_call(node)
    if parent.type == "arguments" and parent.parent is not None:
        call = parent.parent
        return _shows(call) or _callee(call) in _KEEPING
    if parent.type in ("ternary_expression", "binary_expression", "parenthesized_expression"):
        return _in_showing_call(node)
    return False
