"""Files a JavaScript/TypeScript install script downloads, and the modes it gives files, written as the shell that
does the same (``curl -o FILE``, ``chmod 755 -- FILE``, ``sha256sum -c``) so that the shell rule for fetched code
(``fetched.py``: a download made executable, installed or run with no checksum or signature check between) reads
them as it reads a shell installer (docs/preflight.md, ``unverified_download_exec``).

- A **fetching function** is one the file declares whose body makes a request (``http.get``/``https.get``/
  ``*.request``, ``request``, ``fetch``, ``got``, ``axios``, or another fetching function of the file).
- A **download** is a call of a fetching function that also writes one of its parameters
  (``fs.createWriteStream(dest)``/``fs.writeFile*(dest, …)``): the argument given for it is the file saved; or a
  ``fs.writeFile*(FILE, DATA)`` whose data comes from a fetching call (``writeFileSync(bin, untar(await fetch(u)))``),
  also through names bound to the response and to what is made of it (``res = await fetch(u)``; ``bin =
  toBuffer(await res.arrayBuffer())``; ``writeFileSync(path, bin)``; names are the file's, not scoped); and a
  ``fs.createWriteStream(FILE)`` a request or its response is piped into (``request.get(u).pipe(…)``, ``https.get(u,
  (res) => res.pipe(…))``, also through a name: ``const file = fs.createWriteStream(F)`` … ``res.pipe(file)``),
  also as the last stream of Node's ``pipeline(request, …, fs.createWriteStream(FILE))``
  (or a name bound to ``promisify(pipeline)``) whose first is a request (got's stream API, ``got.stream(u)``/
  ``got.stream.get(u)``, is one).
- A **mode**: ``fs.chmod*(FILE, 0o755)`` (also ``'755'``, ``0755``, ``493``), and ``fs.writeFile*(FILE, …, {mode})``.
- A **check**: ``crypto.createHash(…)``/``crypto.verify(…)``/``createVerify(…)`` (a digest or a signature computed
  by the script), written as a checksum check at its line.

Paths are spelled as the variables that hold them (``ffmpegPath`` → ``${ffmpegPath}``, ``helper.path`` →
``${helper_path}``, a template's substitutions the same way); any other expression is unknown and not written, so a
file reached through two different expressions is not matched (as the shell rule compares spellings)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import tree_sitter
from tree_sitter import Query, QueryCursor

from shipgate.preflight.js_path_module import path_module_names
from shipgate.preflight.js_request_aliases import request_aliases
from shipgate.preflight.js_stream_callbacks import streamed_names
from shipgate.preflight.js_url_values import once_bound, url_value
from shipgate.preflight.syntax_nodes import identifiers
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

_REQUEST_OWNERS = frozenset({"http", "https", "protocol", "client", "transport", "request", "axios", "got", "needle"})
_REQUEST_METHODS = frozenset({"get", "request"})
_REQUEST_CALLS = frozenset({"request", "fetch", "got", "axios", "needle"})
_WRITERS = frozenset({"writeFile", "writeFileSync", "createWriteStream"})
_MODES = frozenset({"chmod", "chmodSync"})
_CHECKS = frozenset({"createHash", "createVerify", "verify"})
_FUNCTIONS = "(function_declaration) @fn (variable_declarator) @fn (call_expression) @call"


def _line(node: Node) -> int:
    return node.start_point[0] + 1


@functools.cache
def _query(language: tree_sitter.Language) -> QueryCursor:
    return QueryCursor(Query(language, _FUNCTIONS))


def _callee(call: Node) -> tuple[str, str]:
    """(owner, name) of a call: ``https.get`` → (``https``, ``get``); ``fetch`` → (``""``, ``fetch``);
    ``require('os').homedir`` → (``os``, ``homedir``)."""
    function = call.child_by_field_name("function")
    if function is not None and function.type == "member_expression":
        owner = _text(function.child_by_field_name("object"))
        required = _REQUIRED.fullmatch(owner)  # ``require('os').homedir()``: the module's own name
        owner = required.group(1) if required else owner.rsplit(".", 1)[-1]
        return owner, _text(function.child_by_field_name("property"))
    return "", _text(function)


# ``require('os')``, ``require("node:os")``: a module used where it is required.
_REQUIRED = re.compile(r"""require\(\s*['"](?:node:)?([\w-]+)['"]\s*\)""")


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def calls_in(node: Node) -> list[Node]:
    """Every call expression under ``node`` (itself included)."""
    out: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "call_expression":
            out.append(current)
        stack.extend(current.named_children)
    return out


def _requests(call: Node, fetching: set[str]) -> bool:
    owner, name = _callee(call)
    if owner in _REQUEST_OWNERS and name in _REQUEST_METHODS:
        return True
    function = call.child_by_field_name("function")
    if function is not None and function.type == "member_expression":  # got's stream API
        whole = _text(function)
        return whole in ("got.stream", "got.stream.get")
    return not owner and (name in _REQUEST_CALLS or name in fetching)


def _functions(found: dict[str, list[Node]]) -> dict[str, tuple[list[str], Node]]:
    """Functions the file declares: name → (parameter names, body)."""
    out: dict[str, tuple[list[str], Node]] = {}
    for node in found.get("fn", []):
        value = node.child_by_field_name("value") if node.type == "variable_declarator" else node
        if value is None or value.type not in ("function_declaration", "function_expression", "arrow_function"):
            continue
        params = value.child_by_field_name("parameters") or value.child_by_field_name("parameter")
        body = value.child_by_field_name("body")
        if params is None or body is None:
            continue
        names = [
            _text(p.child_by_field_name("pattern") or p.child_by_field_name("left") or p)
            for p in (params.named_children if params.type == "formal_parameters" else [params])
        ]
        out[_text(node.child_by_field_name("name"))] = (names, body)
    return out


def _fetching(functions: dict[str, tuple[list[str], Node]], aliases: frozenset[str] = frozenset()) -> set[str]:
    """Names of the file's functions that make a request, directly (also through a request function under a name
    of the file's, ``js_request_aliases``) or through another of them. Each body is read once; a function found
    fetching then marks its callers (a worklist, linear however deep the calls nest)."""
    fetching: set[str] = set()
    callers: dict[str, list[str]] = {}  # name -> the file's functions that call it
    for name, (_, body) in functions.items():
        for call in calls_in(body):
            if _requests(call, set(aliases)):
                fetching.add(name)
            owner, callee = _callee(call)
            if not owner:
                callers.setdefault(callee, []).append(name)
    pending = list(fetching)
    while pending:
        for name in callers.get(pending.pop(), ()):
            if name not in fetching:
                fetching.add(name)
                pending.append(name)
    return fetching


def _written_parameter(params: list[str], body: Node) -> int | None:
    """The index of the parameter the body writes to (``fs.createWriteStream(dest)``)."""
    for call in calls_in(body):
        args = _arguments(call)
        if _callee(call)[1] in _WRITERS and args and _text(args[0]) in params:
            return params.index(_text(args[0]))
    return None


def _requested_parameter(params: list[str], body: Node, fetching: set[str]) -> int | None:
    """The index of the parameter the body requests (``https.get(url, …)``, ``get(url)`` of a fetching function)."""
    for call in calls_in(body):
        args = _arguments(call)
        if _requests(call, fetching) and args and _text(args[0]) in params:
            return params.index(_text(args[0]))
    return None


def path_word(node: Node) -> str | None:
    """The path a JavaScript expression names, as the shell variable that would hold it; None when unknown. A string
    literal is its text, ``path.join``/``path.resolve`` of known parts the parts joined with ``/``,
    ``os.homedir()`` is ``${HOME}``, ``process.env.X`` is ``${X}``, and ``a + b`` of known parts the two joined."""
    inner = _path_text(node, 0)
    return None if inner is None else f'"{inner}"'


_PATH_DEPTH = 16


def _path_text(node: Node, depth: int) -> str | None:
    """The inside of :func:`path_word`'s double-quoted word."""
    text = _text(node)
    if depth > _PATH_DEPTH:
        return None
    if node.type == "parenthesized_expression" and node.named_children:
        return _path_text(node.named_children[0], depth + 1)
    if node.type == "member_expression" and text.startswith("process.env.") and text.count(".") == 2:
        return "${" + text.rsplit(".", 1)[1] + "}"
    if node.type in ("identifier", "member_expression") and re.fullmatch(r"[A-Za-z_][\w.]*", text):
        return "${" + text.replace(".", "_") + "}"
    if node.type == "string":
        literal = "".join(_text(c) for c in node.named_children if c.type == "string_fragment")
        return literal.replace('"', '\\"') if "$" not in literal and "`" not in literal else None
    if node.type == "binary_expression" and _text(node.child_by_field_name("operator")) == "+":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        parts = [_path_text(n, depth + 1) if n is not None else None for n in (left, right)]
        return None if parts[0] is None or parts[1] is None else parts[0] + parts[1]
    if node.type == "call_expression":
        return _called_path(node, depth)
    if node.type == "template_string":
        segments: list[str] = []
        for child in node.named_children:
            if child.type == "string_fragment":
                segments.append(_text(child).replace('"', '\\"'))
            elif child.type == "template_substitution" and child.named_children:
                inner = _path_text(child.named_children[0], depth + 1)
                if inner is None:
                    return None
                segments.append(inner)
        return "".join(segments)
    return None


def _called_path(call: Node, depth: int) -> str | None:
    """``path.join(a, 'b')``/``path.resolve(…)`` of known parts, ``os.homedir()``."""
    owner, name = _callee(call)
    if (owner, name) == ("os", "homedir"):
        return "${HOME}"
    if name not in ("join", "resolve") or (owner != "path" and (owner or name not in path_module_names(call))):
        return None  # ``path.join``, or a bare ``join`` the file imports from ``path``
    parts = [_path_text(a, depth + 1) for a in _arguments(call)]
    if not parts or any(p is None for p in parts):
        return None
    joined = ""
    for part in parts:
        assert part is not None
        joined = part if part.startswith("/") or not joined else f"{joined.rstrip('/')}/{part}"
    return joined


def _mode(node: Node) -> int | None:
    """A file mode: ``0o755``, a legacy ``0755``, a decimal ``493``, or the string ``'755'``."""
    text = _text(node).strip("'\"")
    if node.type == "string":
        return int(text, 8) if re.fullmatch(r"0?[0-7]{3,4}", text) else None
    if node.type != "number":
        return None
    if re.fullmatch(r"0[oO][0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0[0-7]+", text):
        return int(text, 8)
    return int(text) if text.isdigit() else None


def _written_mode(args: list[Node]) -> int | None:
    """``{mode: 0o755}`` in a write's options."""
    for arg in args[1:]:
        for pair in arg.named_children if arg.type == "object" else []:
            if pair.type == "pair" and _text(pair.child_by_field_name("key")).strip("'\"") == "mode":
                value = pair.child_by_field_name("value")
                return _mode(value) if value is not None else None
    return None


def _saved_in_fetching_body(functions: dict[str, tuple[list[str], Node]], fetching: set[str]) -> set[int]:
    """Writes inside a fetching function to a path that is no parameter (sentry-cli's ``createWriteStream(tmp,
    {mode: '0755'})`` of the response): the file saved is the download. Ids of those write calls."""
    saved: set[int] = set()
    for name in fetching:
        params, body = functions[name]
        for call in calls_in(body):
            args = _arguments(call)
            if _callee(call)[1] == "createWriteStream" and args and _text(args[0]) not in params:
                saved.add(call.id)
    return saved


def _saved_by_handed_function(
    calls: list[Node], functions: dict[str, tuple[list[str], Node]], fetching: set[str], fetched: set[str]
) -> set[int]:
    """Writes to a parameter's path inside a function of the file that a call hands fetched data (toolui's
    ``extractTarGz(data, destPath)`` with ``data = await download(url)``, whose body picks the program out of the
    archive and ``writeFileSync(destPath, content)``): what it writes is made of the download, so the file saved is
    the download. Ids of those write calls."""
    saved: set[int] = set()
    for call in calls:
        owner, name = _callee(call)
        if owner or name not in functions or name in fetching:
            continue
        if not any(_fetched_data(arg, fetching, fetched) for arg in _arguments(call)):
            continue
        params, body = functions[name]
        for write in calls_in(body):
            args = _arguments(write)
            if _callee(write)[1] in _WRITERS and args and _text(args[0]) in params:
                saved.add(write.id)
    return saved


def bindings(root: Node) -> list[tuple[str, Node]]:
    """(name, value) of each ``const x = …``/``x = …`` in the file."""
    out: list[tuple[str, Node]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type == "variable_declarator":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        elif node.type == "assignment_expression":
            name, value = node.child_by_field_name("left"), node.child_by_field_name("right")
        else:
            continue
        if name is not None and value is not None and name.type == "identifier":
            out.append((_text(name), value))
    return out


def _response_parameters(root: Node, fetching: set[str]) -> set[str]:
    """The first parameter of a callback handed to a request call (``https.get(u, (res) => …)``): the response; and
    of one handed to ``.then`` of a promise a request is in (``Promise.all([getBinary(u), mkdirp(d)]).then(([buffer])
    => …)``, ``fetch(u).then((res) => …)``): what the request resolves to, also as an array or object pattern."""
    names: set[str] = set()
    calls = calls_in(root)
    requesting = _holding_requests([c for c in calls if _requests(c, fetching)])
    for call in calls:
        function = call.child_by_field_name("function")
        then = function is not None and _callee(call)[1] == "then"
        promise = function.child_by_field_name("object") if function is not None and then else None
        if not _requests(call, fetching) and not (promise is not None and promise.id in requesting):
            continue
        for arg in _arguments(call):
            if arg.type not in ("arrow_function", "function_expression", "function"):
                continue
            params = arg.child_by_field_name("parameters") or arg.child_by_field_name("parameter")
            if params is not None and params.type == "formal_parameters":
                params = params.named_children[0] if params.named_children else None
            first = params
            if first is not None and first.type == "identifier":
                names.add(_text(first))
            elif first is not None and promise is not None and first.type in ("array_pattern", "object_pattern"):
                names |= identifiers(first)
    return names


def _holding_requests(requests: list[Node]) -> set[int]:
    """The ids of the nodes a request call is in (the calls and their ancestors): each node is marked once, so a long
    ``.then`` chain costs its length, not its square."""
    held: set[int] = set()
    for call in requests:
        node: Node | None = call
        while node is not None and node.id not in held:
            held.add(node.id)
            node = node.parent
    return held


def _fetched_names(
    root: Node, fetching: set[str], functions: dict[str, tuple[list[str], Node]] | None = None
) -> set[str]:
    """Names bound to a response or to what is made of one (``res = await fetch(u)``, ``bin = f(await
    res.arrayBuffer())``, a request callback's ``res``): their value is the fetched data, so writing them saves the
    download. Each binding's value is read once; a name found fetched then marks the names whose values use it
    (a worklist, linear in the bindings however long a chain of ``b = a`` runs). Given the file's ``functions``, a
    parameter that one of their calls hands fetched data is fetched too (the unpack reader's test, session 31)."""
    fetched = _response_parameters(root, fetching)
    users: dict[str, list[str]] = {}  # name -> the names bound to a value that mentions it
    for name, value in bindings(root):
        if any(_requests(c, fetching) for c in calls_in(value)):
            fetched.add(name)
        for used in identifiers(value):
            users.setdefault(used, []).append(name)
    handed = _handed_parameters(root, fetching, functions or {})
    calls = calls_in(root)
    pending = list(fetched)
    while pending:
        for name in users.get(pending.pop(), ()):
            if name not in fetched:
                fetched.add(name)
                pending.append(name)
        if not pending:  # a parameter a call hands fetched data (``extractTarball(response, dir)``) holds it too,
            # and so does a name a fetched stream is piped into or emits to (``js_stream_callbacks``)
            streamed = streamed_names(calls, lambda node: _fetched_data(node, fetching, fetched))
            pending = [name for name in handed(fetched) | streamed if name not in fetched]
            fetched.update(pending)
    return fetched


def _handed_parameters(
    root: Node, fetching: set[str], functions: dict[str, tuple[list[str], Node]]
) -> Callable[[set[str]], set[str]]:
    """A reading of the parameters of the file's functions that a call hands fetched data: prek's
    ``extractTarball(response, destDir)`` makes the body's ``tarballStream`` the response. The calls of the file's
    functions are found once; each reading goes over them with the names known fetched so far."""
    calls = [
        (functions[name][0], _arguments(c))
        for c in calls_in(root)
        for owner, name in [_callee(c)]
        if not owner and name in functions and name not in fetching
    ]

    def handed(fetched: set[str]) -> set[str]:
        return {
            params[i]
            for params, args in calls
            for i, arg in enumerate(args[: len(params)])
            if _SHELL_NAME.match(params[i]) and _fetched_data(arg, fetching, fetched)
        }

    return handed


def _fetched_data(data: Node, fetching: set[str], fetched: set[str]) -> bool:
    """The data a write is given comes from a request: a fetching call in it, or a name bound to fetched data."""
    return any(_requests(c, fetching) for c in calls_in(data)) or bool(identifiers(data) & fetched)


def _piped_from_fetch(stream: Node, fetching: set[str], fetched: set[str], pipelines: set[str]) -> bool:
    """``X.pipe(fs.createWriteStream(FILE))`` where ``X`` is a request (``request.get(u).pipe(…)``) or fetched data
    (``res.pipe(…)``), or ``pipeline(X, …, fs.createWriteStream(FILE))`` (``pipelines``: the names ``pipeline`` is
    called by): the response saved at ``FILE``."""
    args = stream.parent
    pipe = args.parent if args is not None and args.type == "arguments" else None
    if pipe is None or pipe.type != "call_expression":
        return False
    owner, name = _callee(pipe)
    if not owner and name in pipelines:
        streams = _arguments(pipe)
        return len(streams) > 1 and streams[-1].id == stream.id and _fetched_data(streams[0], fetching, fetched)
    if name != "pipe":
        return False
    function = pipe.child_by_field_name("function")
    source = function.child_by_field_name("object") if function is not None else None
    return source is not None and _fetched_data(source, fetching, fetched)


def _piped_names(calls: list[Node], fetching: set[str], fetched: set[str]) -> set[str]:
    """Names a request or its response is piped into (``res.pipe(file)``): a ``file`` bound to
    ``fs.createWriteStream(FILE)`` then holds the response."""
    names: set[str] = set()
    for call in calls:
        name = _callee(call)[1]
        args = _arguments(call)
        if name != "pipe" or not args or args[0].type != "identifier":
            continue
        function = call.child_by_field_name("function")
        source = function.child_by_field_name("object") if function is not None else None
        if source is not None and _fetched_data(source, fetching, fetched):
            names.add(_text(args[0]))
    return names


def _bound_to(call: Node) -> str | None:
    """The name a call's value is declared as (``const file = fs.createWriteStream(…)``)."""
    parent = call.parent
    if parent is not None and parent.type == "variable_declarator":
        name = parent.child_by_field_name("name")
        return _text(name) if name is not None and name.type == "identifier" else None
    return None


def _pipelines(bound: list[tuple[str, Node]]) -> set[str]:
    """The names Node's ``stream.pipeline`` is called by: itself, and a name bound to ``promisify(pipeline)``
    (``const _pipeline = promisify(pipeline) as any``)."""
    names = {"pipeline"}
    for name, bound_value in bound:
        value = bound_value
        while value.type in ("as_expression", "parenthesized_expression", "await_expression") and value.named_children:
            value = value.named_children[0]
        if value.type == "call_expression" and _callee(value)[1] == "promisify":
            args = _arguments(value)
            if args and _text(args[0]).rsplit(".", 1)[-1] == "pipeline":
                names.add(name)
    return names


def _held_url(arg: Node, bound: dict[str, Node], call_line: int) -> tuple[str, int] | None:
    """(name, line) when a download is handed a name bound once, on an earlier line: when its URL names a host, the
    shell variable assigned there, so the host is reported where the request is made and the binding is its value
    (as a Python name a command uses is, and ``URL=…; curl "$URL"`` in the shell)."""
    name = _text(arg) if arg.type == "identifier" else ""
    value = bound.get(name)
    if value is None or not _SHELL_NAME.match(name) or not _line(value) < call_line:
        return None
    return name, _line(value)


_SHELL_NAME = re.compile(r"^[A-Za-z_]\w*$")


def _parameter_of(arg: Node, call: Node, functions: dict[str, tuple[list[str], Node]]) -> bool:
    """``arg`` is a parameter of a function of the file ``call`` sits in: a value each caller gives, not the name the
    file binds elsewhere (``fetch(url)`` inside ``downloadFile(url, dest)``)."""
    return arg.type == "identifier" and any(
        body.start_byte <= call.start_byte < body.end_byte and _text(arg) in params
        for params, body in functions.values()
    )


def _bases(names: list[str], bound: dict[str, Node], url: str) -> list[Piece]:
    """The bindings a held URL is built on (``const BASE = `https://github.com/…`;`` then ``const url =
    `${BASE}/${name}```): each an assignment at its own line, read as part of the request, so the text reader does
    not report its literal a second time (holdout179's architect-linter-pro)."""
    found: list[Piece] = []
    for name in names:
        value = bound.get(name)
        spelled = url_value(value, bound) if value is not None else ""
        if value is not None and _SHELL_NAME.match(name) and "://" in spelled and url.startswith(spelled):
            found.append((_line(value), f'{name}="{spelled}"'))
    return found


def _recursive(call: Node, body: Node) -> bool:
    """A fetching function's call of itself inside its own body (a redirect followed): not a download of its own,
    only the outer call is (holdout208's minmax-code, once its path is known: holdout233)."""
    return body.start_byte <= call.start_byte < body.end_byte


def fetched_test(root: Node, language: tree_sitter.Language) -> Callable[[Node], bool]:
    """A test of whether an expression of the script is fetched data (a fetching call, or a name bound to what one
    returned): the reading of :func:`pieces`, for the readers of what the script does with a response."""
    functions = _functions(_query(language).captures(root))
    fetching = _fetching(functions, request_aliases(root))
    fetched = _fetched_names(root, fetching, functions)  # also what a call hands a function of the file
    return lambda node: _fetched_data(node, fetching, fetched)


def requested_urls(root: Node, language: tree_sitter.Language) -> list[tuple[Node, Node]]:
    """(call, URL argument) of the requests of the script (``fetch(url)``, ``https.get(url)``) and of the calls of
    its fetching functions (``download(url, dest)``: the argument the body requests)."""
    found = _query(language).captures(root)
    functions = _functions(found)
    fetching = _fetching(functions)
    out: list[tuple[Node, Node]] = []
    for call in found.get("call", []):
        owner, name = _callee(call)
        args = _arguments(call)
        asked = _requested_parameter(*functions[name], fetching) if not owner and name in fetching else None
        if asked is None and _requests(call, set()):
            asked = 0
        if asked is not None and asked < len(args):
            out.append((call, args[asked]))
    return out


def _digested(checks: list[Node], fetching: set[str], fetched: set[str]) -> bool:
    """A digest or signature the file computes over fetched data: the chain a check call starts
    (``crypto.createHash('sha256').update(release).digest('hex')``, ``crypto.verify(alg, data, key, sig)``) is given
    a request or a name bound to what one returned. Bytes held in memory and written out are then the checked ones:
    the write is no unchecked download (session 33's self-updaters)."""
    for check in checks:
        chain = check
        while chain.parent is not None and chain.parent.type in ("member_expression", "call_expression"):
            chain = chain.parent
        if _fetched_data(chain, fetching, fetched):
            return True
    return False


def pieces(root: Node, language: tree_sitter.Language) -> list[Piece]:
    """(line, shell) of the downloads, modes and checks of the script whose tree is ``root``."""
    found = _query(language).captures(root)
    functions = _functions(found)
    aliases = request_aliases(root)
    fetching = _fetching(functions, aliases)
    streams = _saved_in_fetching_body(functions, fetching)
    fetched = _fetched_names(root, fetching, functions)
    streams |= _saved_by_handed_function(found.get("call", []), functions, fetching, fetched)
    bound = once_bound(bindings(root))
    pipelines = _pipelines(bindings(root))
    piped_into = _piped_names(found.get("call", []), fetching, fetched)
    checks = [c for c in found.get("call", []) if _callee(c)[1] in _CHECKS and _callee(c)[0] in ("crypto", "")]
    out: list[Piece] = []
    for call in found.get("call", []):
        owner, name = _callee(call)
        args = _arguments(call)
        target = path_word(args[0]) if args else None
        if not owner and name in fetching and _recursive(call, functions[name][1]):
            continue  # ``return download(res.headers.location, dest)``: the same download, following a redirect
        if not owner and name in fetching:
            index = _written_parameter(*functions[name])
            saved = path_word(args[index]) if index is not None and index < len(args) else None
            asked = _requested_parameter(*functions[name], fetching | aliases)
            through: list[str] = []
            url = url_value(args[asked], bound, through) if asked is not None and asked < len(args) else "${JS_VALUE}"
            # a fetching function that saves nothing (``verifyChecksum(file, checksumUrl)`` reads the response as
            # text) still contacts the URL its call gives, when the reader knows the host (holdout179's curlpit)
            if saved or (asked is not None and "://" in url and not _parameter_of(args[asked], call, functions)):
                held = _held_url(args[asked], bound, _line(call)) if asked is not None and asked < len(args) else None
                # ``const url = `https://…`;`` then ``download(url, dest)``: the URL's own line, when it names a
                # host the reader knows (a ``+`` of pieces stays unknown: the text reader reports its literal)
                if held is not None and "://" in url:
                    out.append((held[1], f'{held[0]}="{url}"'))
                    out += _bases(through[1:], bound, url)
                    url = f"${{{held[0]}}}"
                out.append((_line(call), f'curl -fsSL -o {saved} "{url}"' if saved else f'curl -fsSL "{url}"'))
        elif name in _WRITERS and target and (len(args) > 1 or call.id in streams or name == "createWriteStream"):
            piped = name == "createWriteStream" and (
                _piped_from_fetch(call, fetching, fetched, pipelines) or _bound_to(call) in piped_into
            )
            in_memory = not piped and len(args) > 1 and _fetched_data(args[1], fetching, fetched)
            # bytes held in memory and written: a digest the file computes over them checked what is written, which is
            # then no unchecked download (the check came before the write, so the write is not read as a fetch)
            checked = in_memory and call.id not in streams and _digested(checks, fetching, fetched)
            if (piped or call.id in streams or in_memory) and not checked:
                out.append((_line(call), f'curl -fsSL -o {target} "${{JS_VALUE}}"'))
            mode = _written_mode(args)
            if mode is not None:
                out.append((_line(call), f"chmod {mode:o} -- {target}"))
        elif name in _MODES and target and len(args) > 1:
            mode = _mode(args[1])
            if mode is not None:
                out.append((_line(call), f"chmod {mode:o} -- {target}"))
        elif name in _CHECKS and owner in ("crypto", ""):
            out.append((_line(call), "sha256sum -c -"))
    return out
