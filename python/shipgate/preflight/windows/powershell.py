"""PowerShell read through tree-sitter-powershell: every command, native program and .NET method call with its
arguments (variables the script sets literally put in), hashtable literals, assignments to settings, and the
checks that stop unless the script runs as Administrator. A ``powershell -Command …`` (or ``Start-Process
powershell -ArgumentList '… -Command …'``) is read again as PowerShell at its line, 3 levels deep."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import tree_sitter_powershell
from tree_sitter import Language, Node, Parser, Tree

from shipgate.preflight.shell.model import ParameterDefault
from shipgate.preflight.windows.command_line import command_text
from shipgate.preflight.windows.model import Call, HashEntry, Reading, Setting, Word
from shipgate.preflight.windows.startup_folder import known_folder
from shipgate.preflight.windows.words import Known, expand, string_word, variable_name

_LANGUAGE = Language(tree_sitter_powershell.language())
MAX_NODES = 1_000_000
MAX_NESTING = 200
MAX_INNER = 3  # ``powershell -Command`` inside ``powershell -Command``…
MAX_REREAD = 2_000  # lines read again one at a time after a syntax error
# A parameter whose name holds a digit (Chocolatey's ``-Url64bit``, ``-Checksum64``): the grammar's parameter token
# takes letters only, so the command ends in an ERROR there and loses its later arguments (holdout246).
_DIGIT_PARAMETER = re.compile(rb"(?<=[ \t])-[A-Za-z_][A-Za-z_]*[0-9][A-Za-z0-9_]*")
_DIGITS_AS_LETTERS = bytes.maketrans(b"0123456789", b"dddddddddd")


def parse(source: bytes) -> Tree:
    """The tree of ``source``, parsed from a copy whose parameter names have their digits as letters: the copy has
    the same length, so every node's span still reads the real name (``-Url64bit``) from ``source``."""
    masked = _DIGIT_PARAMETER.sub(lambda m: m.group().translate(_DIGITS_AS_LETTERS), source)
    return Parser(_LANGUAGE).parse(masked)


# Parameters that take no value (so the next element is positional); the rest take the element after them.
_SWITCHES = frozenset(
    {
        *("force", "recurse", "usebasicparsing", "wait", "nonewwindow", "passthru", "asplaintext", "append"),
        *("skipcertificatecheck", "usessl", "skipcacheck", "skipcncheck", "skiprevocationcheck", "noprofile"),
        *("noninteractive", "confirm", "whatif", "verbose", "debug", "global", "allowclobber", "acceptlicense"),
        "skippublishercheck",
    }
)
_WRAPPERS = frozenset(
    {"array_literal_expression", "unary_expression", "argument_expression", "pipeline", "pipeline_chain"}
)
# Expressions that stand for themselves (never unwrapped to their only child).
_OPAQUE = frozenset(
    {"hash_literal_expression", "parenthesized_expression", "script_block_expression", "sub_expression"}
)
_POWERSHELL = frozenset({"powershell", "pwsh"})
_COMMAND_OPTION = re.compile(r"(?:^|\s)-c(?:o(?:m(?:m(?:a(?:n(?:d)?)?)?)?)?)?\s+", re.I)
# Native programs whose arguments are read from the line as the program gets them (not as PowerShell parameters).
_NATIVE = frozenset(
    {"tar", "curl", "wget", "msiexec", "schtasks", "netsh", "reg", "sc", "setx", "nssm", "bitsadmin", "certutil"}
    | {"ping", "7z", "choco", "winget", "docker", "icacls", "net", "runas", "cmd", "git", "go"}
)
_NATIVE_TOKEN = re.compile(r"\"(?:[^\"`]|`.)*\"?|'(?:[^']|'')*'?|[|;#]|[^\s|;]+")
_REQUIRES_ADMIN = re.compile(r"^#requires\b.*-runasadministrator\b", re.I)
# The Administrators role: ``[Security.Principal.WindowsBuiltInRole]::Administrator``, the enum cast of its name
# (``[Security.Principal.WindowsBuiltInRole] "Administrator"``: holdout209) or its well-known SID.
_ADMIN_ROLE = re.compile(r"builtinrole\]\s*(?:::\s*['\"]?|['\"])administrator\b|s-1-5-32-544", re.I)
_STATEMENT_TOKEN = re.compile(r"\"(?:[^\"`]|`.)*\"?|'(?:[^']|'')*'?|[;|]|[^\"';|]+")
_STOPS = re.compile(r"^\s*(?:throw|exit)\b", re.I | re.M)
# A bare ``return`` in a check's body ends the script or the function that does the work; ``return $false`` hands
# a value back (a test function's answer, not a stop).
_BARE_RETURN = re.compile(r"^\s*return\s*(?:$|[;}#])", re.I | re.M)
# ``exit 0`` (the run ends in success) and ``throw``: how an Administrator check's block ends the run.
_EXIT_SUCCESS = re.compile(r"^\s*exit\s+0\s*(?:$|[;}#])", re.I | re.M)
_THROWS = re.compile(r"^\s*throw\b", re.I | re.M)
_OUTPUT = frozenset(
    {"write-host", "write-output", "write-warning", "write-error", "write-verbose", "write-information"}
    | {"write-debug", "echo", "out-host", "out-null", "read-host", "pause", "start-sleep"}
)
# The current directory, as a script reads it: ``$(Get-Location).Path``, ``(Get-Location).Path``, ``$PWD``,
# ``$PWD.Path``, ``(Resolve-Path .).Path``, ``Get-Location``.
_CURRENT_DIRECTORY = re.compile(
    r"\$?\(\s*(?:get-location|gl|pwd|resolve-path\s+['\"]?\.['\"]?)\s*\)(?:\.path)?|\$pwd(?:\.path)?|get-location",
    re.I,
)


def command_name(text: str) -> str:
    """``C:\\Windows\\System32\\curl.exe`` -> ``curl``; ``'Install-ChocolateyPackage'`` -> lower case."""
    name = text.strip("\"'& ").replace("/", "\\").rsplit("\\", 1)[-1].lower()
    return name[:-4] if name.endswith((".exe", ".com")) else name


@dataclass
class _State:
    env: dict[str, Known] = field(default_factory=dict)
    tables: dict[str, dict[str, Word]] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)
    entries: list[HashEntry] = field(default_factory=list)
    admin: list[int] = field(default_factory=list)
    nodes: int = 0
    incomplete: str | None = None
    functions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    admin_roles: set[str] = field(default_factory=set)  # variables holding the Administrators role
    stoppers: set[str] = field(default_factory=set)  # functions of the file whose body ends the script
    admin_tests: set[str] = field(default_factory=set)  # functions of the file that answer IsInRole(Administrator)
    admin_answers: set[str] = field(default_factory=set)  # variables given IsInRole(Administrator)'s answer
    # (line, what the block calls, the commands of a block that ends in ``exit 0``)
    role_checks: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    returns: dict[str, Word] = field(default_factory=dict)  # what a function of the file hands back (``return $x``)
    defaults: list[ParameterDefault] = field(default_factory=list)  # ``param([string]$Token = "x")``'s literals


@dataclass(frozen=True)
class _Where:
    function: str | None = None
    assigned_to: str | None = None
    elevated: bool = False
    inner: int = 0
    passed_over: bool = False  # inside a ``try`` whose ``catch`` goes on: a failure there does not stop the run


class _Reader:
    def __init__(self, source: str, offset: int, state: _State) -> None:
        self.source = source.encode("utf-8", "surrogateescape")
        self.offset = offset  # line number of the source's first line, minus one
        self.state = state

    def line(self, node: Node) -> int:
        return node.start_point[0] + 1 + self.offset

    def text(self, node: Node) -> str:
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def read(self) -> None:
        tree = parse(self.source)
        self.visit(tree.root_node, _Where(), 0)
        if tree.root_node.has_error:
            self._reread(tree.root_node)

    def _reread(self, root: Node) -> None:
        """Lines the grammar could not place (an ``ERROR`` node swallowing them, as after ``v${V}/x`` in a bare
        word) read again one at a time, when no call was found on them: tree-sitter's recovery is not the
        shell's, and a line alone usually parses (up to 2,000 lines). A statement of such a line that runs a file
        by a relative path (``./setup.exe /S``: the grammar takes the ``.`` for dot-sourcing) is read as PowerShell
        runs it, ``& ./setup.exe /S``, also on a line where other calls were found. A call there whose bare word
        runs into the next line (``Expand-Archive $zip $env:Temp\\`` then ``Copy-Item …``: the grammar joins the
        trailing ``\\`` to the line after it) is dropped and its line read again alone."""
        lines = self.source.split(b"\n")
        rows: list[int] = []
        for node in _descendants(root, "ERROR"):
            for row in range(node.start_point[0], min(node.end_point[0], len(lines) - 1) + 1):
                if row not in rows and len(rows) < MAX_REREAD:
                    rows.append(row)
        marked = {row + 1 + self.offset for row in rows}
        self.state.calls = [c for c in self.state.calls if c.line not in marked or not _runs_on(c)]
        covered = {c.line for c in self.state.calls}
        before = len(self.state.calls)
        for row in sorted(rows):
            text = lines[row].decode("utf-8", "replace")
            if not text.strip() or text.lstrip().startswith("#"):
                continue
            pieces = [] if row + 1 + self.offset in covered else [text]
            for piece in [*pieces, *_path_commands(text)]:
                source = piece.encode("utf-8", "surrogateescape")
                _Reader(piece, row + self.offset, self.state).visit(
                    parse(source).root_node, _Where(), 0
                )
        if len(self.state.calls) > before:
            self.state.calls.sort(key=lambda c: c.line)  # stable: a line's own order is kept

    def visit(self, node: Node, where: _Where, depth: int) -> list[str]:
        """Reads ``node`` in file order; returns the names of the calls in it (for ``inputs``)."""
        state = self.state
        state.nodes += 1
        if state.incomplete is not None:
            return []
        if state.nodes > MAX_NODES or depth > MAX_NESTING:
            state.incomplete = "over 1,000,000 syntax nodes" if state.nodes > MAX_NODES else "nested over 200 levels"
            return []
        kind = node.type
        if kind == "comment":
            if _REQUIRES_ADMIN.match(self.text(node)):
                state.admin.append(self.line(node))
            return []
        if kind == "function_statement":
            return self._function(node, where, depth)
        if kind == "assignment_expression":
            return self._assignment(node, where, depth)
        if kind == "pipeline" and any(c.type == "pipeline_chain" for c in node.children):
            return self._pipeline(node, where, depth)
        if kind == "command":
            return self._command(node, where, depth, ())
        if kind == "invokation_expression":
            return self._method(node, where, depth)
        if kind == "hash_literal_expression":
            self._entries(node)
        if kind == "if_statement":
            self._admin_check(node)
        if kind == "try_statement":  # its block is passed over on failure unless every ``catch`` stops the run
            passed = replace(where, passed_over=where.passed_over or not self._catches_stop(node))
            tried: list[str] = []
            for child in node.children:
                tried += self.visit(child, passed if child.type == "statement_block" else where, depth + 1)
            return tried
        if kind == "param_block" and node.parent is not None and node.parent.type == "program":
            self._script_defaults(node)
        if kind in ("param_block", "function_parameter_declaration"):
            self._literal_defaults(node)
        names: list[str] = []
        for child in node.children:
            names += self.visit(child, where, depth + 1)
        return names

    def _catches_stop(self, node: Node) -> bool:
        """Every ``catch`` of a ``try`` ends the run (``throw``, ``exit``, a bare ``return``, a function of the file
        that exits); a ``try`` with only ``finally`` lets a failure through, which stops the run as well."""
        clauses = [c for c in node.children if c.type == "catch_clauses"]
        bodies = [self.text(c) for group in clauses for c in group.children if c.type == "catch_clause"]
        stoppers = self.state.stoppers
        return all(
            _STOPS.search(body)
            or _BARE_RETURN.search(body)
            or any(re.search(r"(?<![\w$-])" + re.escape(f) + r"(?![\w-])", body.lower()) for f in stoppers)
            for body in bodies
        )

    def _function(self, node: Node, where: _Where, depth: int) -> list[str]:
        name = next((self.text(c) for c in node.children if c.type == "function_name"), None)
        inner = replace(where, function=name.lower() if name else where.function, assigned_to=None)
        for child in node.children:
            self.visit(child, inner, depth + 1)
        if name:
            self.state.functions[name.lower()] = self._parameters(node)
            if any(_STOPS.match(self.text(s)) for s in _body_statements(node)):
                self.state.stoppers.add(name.lower())
            self._return_value(node, name.lower())
            if self._tests_admin(self.text(node), strict=True):
                self.state.admin_tests.add(name.lower())
        return []

    def _tests_admin(self, text: str, strict: bool = False) -> bool:
        """``text`` asks ``IsInRole`` about the Administrators role, written (``strict``: as the role's enum member
        or SID, not any word ``administrator``) or through a variable holding it."""
        low = re.sub(r"\s+", "", text).lower()
        if "isinrole" not in low:
            return False
        written = _ADMIN_ROLE.search(text) is not None if strict else "administrator" in low
        return written or any(re.search(r"\$(?:\w+:)?" + re.escape(v) + r"\b", low) for v in self.state.admin_roles)

    def _return_value(self, node: Node, name: str) -> None:
        """The value a function hands back by its last ``return EXPR`` at its body's top level, read as its body
        left the variables (``$download = "https://…/$tag/x.zip"; return $download``)."""
        for statement in reversed(_body_statements(node)):
            kinds = [c.type for c in statement.children]
            if statement.type == "flow_control_statement" and kinds[:1] == ["return"] and len(kinds) > 1:
                self.state.returns[name] = self.word(statement.children[-1])
                return

    def _parameters(self, node: Node) -> tuple[str, ...]:
        """A function's parameter names in order: ``function F($a, $b)`` or its body's ``param(…)`` block."""
        block = next((c for c in node.children if c.type == "script_block"), None)
        holders = [c for c in node.children if c.type == "function_parameter_declaration"]
        if block is not None:
            holders += [c for c in block.children if c.type == "param_block"]
        names: list[str] = []
        for holder in holders:
            for lists in (c for c in holder.children if c.type == "parameter_list"):
                for parameter in (c for c in lists.children if c.type == "script_parameter"):
                    variable = next((c for c in parameter.children if c.type == "variable"), None)
                    if variable is not None:
                        names.append(variable_name(self.text(variable)))
        return tuple(names)

    def _script_defaults(self, node: Node) -> None:
        """The script's own ``param([string]$InstallDir = "C:\\Program Files\\x")``: each default is the value
        the script runs with unless its caller passes another, read as an assignment of it (a function's defaults
        are not: its calls bind their own arguments)."""
        for lists in (c for c in node.children if c.type == "parameter_list"):
            for parameter in (c for c in lists.children if c.type == "script_parameter"):
                variable = next((c for c in parameter.children if c.type == "variable"), None)
                default = next((c for c in parameter.children if c.type == "script_parameter_default"), None)
                if variable is None or default is None:
                    continue
                value = _value_node(default)
                word = self.word(value)
                if word.value is not None or _unwrap(value).type == "string_literal":
                    known = Known(word.value, word.text, self.line(parameter))
                    self.state.env[variable_name(self.text(variable))] = known

    def _literal_defaults(self, node: Node) -> None:
        """Each parameter of a ``param(…)`` block (the script's or a function's) or of ``function F($a = …)`` whose
        default is a literal string: the value it runs with whenever its caller passes none."""
        for lists in (c for c in node.children if c.type == "parameter_list"):
            for parameter in (c for c in lists.children if c.type == "script_parameter"):
                variable = next((c for c in parameter.children if c.type == "variable"), None)
                default = next((c for c in parameter.children if c.type == "script_parameter_default"), None)
                if variable is None or default is None or _unwrap(_value_node(default)).type != "string_literal":
                    continue
                word = self.word(_value_node(default))
                if word.value is not None and "$" not in word.value:
                    name = self.text(variable).lstrip("$").strip("{}")  # as written, for the message
                    raw = self.text(parameter).splitlines()[-1]
                    self.state.defaults.append(ParameterDefault(name, word.value, self.line(variable), raw))

    def _pipeline(self, node: Node, where: _Where, depth: int) -> list[str]:
        """A pipeline's commands in order, each consuming what the ones before it produce."""
        names: list[str] = []
        for chain in (c for c in node.children if c.type == "pipeline_chain"):
            before: list[str] = []
            for child in chain.children:
                if child.type == "command":
                    before += self._command(child, where, depth + 1, tuple(before))
                else:
                    before += self.visit(child, replace(where, assigned_to=None), depth + 1)
            names += before
        return names

    def _assignment(self, node: Node, where: _Where, depth: int) -> list[str]:
        left = next((c for c in node.children if c.type == "left_assignment_expression"), None)
        op = next((c for c in node.children if c.type == "assignement_operator"), None)
        right = _value_node(node)
        target = self.text(left).strip() if left is not None else ""
        simple = re.fullmatch(r"\$\{?[\w:]+\}?", target) is not None
        name = variable_name(target) if simple else None
        names = self.visit(right, replace(where, assigned_to=name), depth + 1)
        right = self._chosen_branch(right)
        word = self.word(right)
        state = self.state
        if not simple or (op is not None and self.text(op) != "=") or target.lower().startswith(("$env:", "${env:")):
            state.settings.append(Setting(target.lower(), word.text, self.line(node)))  # ``$env:Path = "D;" + …``
        if not simple or (op is not None and self.text(op) != "="):
            return names
        assert name is not None
        if _CURRENT_DIRECTORY.fullmatch(self.text(right).strip()):
            state.env[name] = Known(".", ".", self.line(node))
            return names
        if _ADMIN_ROLE.search(self.text(right)):
            state.admin_roles.add(name)
            if self._tests_admin(self.text(right), strict=True):  # ``$isAdmin = $p.IsInRole([…]::Administrator)``
                state.admin_answers.add(name)
        table = _unwrap(right)
        if table.type == "hash_literal_expression":
            state.tables[name] = self._table(table)
        found = self._found_command(table)
        if found is not None:  # ``$w = Get-Command winget``: ``& $w.Source install …`` runs winget (holdout196)
            state.tables[name] = {member: found for member in ("source", "path", "definition")}
        old = state.env.get(name)
        if word.value is not None or old is None or old.value is None:
            partial = (
                word.value is not None
                or table.type == "string_literal"
                or self._joined(table) is not None
                or self._listed(table) is not None
                or self._join_path(table) is not None
                or self._returned(table) is not None
                or (table.type == "variable" and variable_name(self.text(table)) in state.env)  # ``$a = $b``
                or known_folder(self.text(table)) is not None
            )
            state.env[name] = Known(word.value, word.text if partial else target, self.line(node))
        return names

    def _chosen_branch(self, node: Node) -> Node:
        """``$x = if (…) { V1 } else { V2 }``: an ``if`` used as a value gives one of its branches' values; the first
        whose value is known (the script's own default, ``else { 'latest' }``, when the other branch reads the
        caller's ``$env:VERSION``), else the first branch's (holdout209). Any other value is itself."""
        statement = _unwrap(node)
        if statement.type != "if_statement":
            return node
        values = [v for v in map(_block_value, _branch_blocks(statement)) if v is not None]
        known = next((v for v in values if self.word(v).value is not None), None)
        return known or (values[0] if values else node)

    def _command(self, node: Node, where: _Where, depth: int, before: tuple[str, ...]) -> list[str]:
        head = next((c for c in node.children if c.type in ("command_name", "command_name_expr")), None)
        if head is None:
            return []
        block = next((c for c in head.children if c.type == "script_block_expression"), None)
        if block is not None:  # ``& { … }``, ``. { … }``: the block runs here, its statements are the calls
            return self.visit(block, where, depth + 1)
        program = self.word(head).text
        name = command_name(program)
        elements = next((c for c in node.children if c.type == "command_elements"), None)
        skip = ("command_argument_sep", "redirection")
        parts = [c for c in elements.children if c.type not in skip] if elements is not None else []
        nested: list[str] = []
        for part in parts:
            if part.type != "command_parameter":
                nested += self.visit(part, replace(where, assigned_to=None), depth + 1)
        words, options, args, splat = self._elements(parts)
        if name in _NATIVE or self.text(head).strip("\"'").lower().endswith(".exe"):
            words = args = self._native_words(node, head)
        call = Call(
            name=name,
            line=self.line(node),
            text=self.text(node),
            words=words,
            options=options,
            args=args,
            splat=splat,
            inputs=(*before, *nested),
            assigned_to=where.assigned_to,
            elevated=where.elevated,
            function=where.function,
            program=program,
            passed_over=where.passed_over,
        )
        self.state.calls.append(call)
        self._inner(call, where, depth)
        return [*nested, name]

    def _elements(
        self, parts: list[Node]
    ) -> tuple[tuple[Word, ...], dict[str, Word | None], tuple[Word, ...], dict[str, Word]]:
        words: list[Word] = []
        options: dict[str, Word | None] = {}
        args: list[Word] = []
        splat: dict[str, Word] = {}
        pending: str | None = None
        for part in parts:
            word = self.word(part)
            words.append(word)
            if part.type == "command_parameter":
                raw = self.text(part)
                pending = raw.lstrip("-\u2013").rstrip(":").lower()
                options[pending] = None
                if pending in _SWITCHES and not raw.endswith(":"):
                    pending = None
                continue
            inner = _unwrap(part)
            if inner.type == "variable" and self.text(inner).startswith("@"):
                splat.update(self.state.tables.get(variable_name(self.text(inner)), {}))
            elif pending is not None:
                options[pending] = word
            else:
                args.append(word)
            pending = None
        return tuple(words), options, tuple(args), splat

    def _native_words(self, node: Node, head: Node) -> tuple[Word, ...]:
        """A native program's arguments as it receives them: the rest of the line split at blanks outside quotes,
        up to an unquoted ``|``, ``;``, ``#`` or redirection (the grammar misreads some, as ``--strip=1 -C DIR``)."""
        start = head.end_byte
        end = self.source.find(b"\n", start)
        rest = self.source[start : end if end >= 0 else len(self.source)].decode("utf-8", "replace")
        line = self.line(node)
        words: list[Word] = []
        for token in _NATIVE_TOKEN.findall(rest):
            if token[:1] in "|;#>" or token.startswith(("2>", "1>")):
                break
            words.append(
                string_word(token, self.state.env, line) if token[:1] in "'\"" else expand(token, self.state.env, line)
            )
        return tuple(words)

    def _method(self, node: Node, where: _Where, depth: int) -> list[str]:
        """``$wc.DownloadFile(url, path)``, ``[Environment]::SetEnvironmentVariable(…)``, ``(New-Object X).Y(…)``."""
        member = next((c for c in node.children if c.type == "member_name"), None)
        owner = node.children[0]
        static = any(c.type == "::" for c in node.children)
        nested: list[str] = []
        for child in node.children:
            if child is not member:
                nested += self.visit(child, replace(where, assigned_to=None), depth + 1)
        if member is None:
            return nested
        owner_text = self.text(owner).lower() if static and owner.type == "type_literal" else ""
        name = (owner_text.replace("system.", "") + "::" if static else ".") + self.text(member).lower()
        arguments = next((c for c in node.children if c.type == "argument_list"), None)
        args = tuple(self.word(a) for a in _arguments(arguments)) if arguments is not None else ()
        call = Call(
            name=name,
            line=self.line(node),
            text=self.text(node),
            words=args,
            args=args,
            inputs=tuple(nested),
            assigned_to=where.assigned_to,
            elevated=where.elevated,
            function=where.function,
            passed_over=where.passed_over,
        )
        self.state.calls.append(call)
        return [*nested, name]

    def word(self, node: Node) -> Word:
        inner = _unwrap(node)
        text = self.text(inner)
        line = self.line(inner)
        if inner.type == "string_literal":
            return string_word(text.strip(), self.state.env, line)
        if inner.type == "variable" and text.startswith("$"):
            return replace(expand(text, self.state.env, line), variable=variable_name(text))
        if inner.type == "member_access" and text.startswith("$"):
            return self._entry(text, line) or expand(text, self.state.env, line)
        held = [c for c in inner.children if c.is_named] if inner.type == "parenthesized_expression" else []
        if len(held) == 1 and _unwrap(held[0]).type in ("variable", "string_literal"):
            return self.word(held[0])  # ``Get-Package($release)``: one argument, the variable's value
        joined = self._joined(inner) or self._join_path(inner) or self._returned(inner) or self._listed(inner)
        if joined is not None:
            return joined
        folder = known_folder(text)
        if folder is not None:  # ``[Environment]::GetFolderPath("Startup")``: that folder's path (holdout196)
            return Word(folder, None, line)
        if inner.type in ("generic_token", "command_name", "command_name_expr", "path_command_name"):
            entry = self._entry(text, line) if text.startswith("$") else None
            if entry is not None:  # ``& $winget.Source …``: the command ``Get-Command`` found (holdout196)
                return entry
            quoted = text[:1] in "'\""
            return string_word(text, self.state.env, line) if quoted else expand(text, self.state.env, line)
        return Word(text, text if inner.type in ("integer_literal", "real_literal") else None, line)

    def _found_command(self, node: Node) -> Word | None:
        """``Get-Command NAME`` (or ``gcm``, ``-Name NAME``) of a literal name: the program its ``.Source``/``.Path``
        names, as NAME (where it was found is not known); None for any other expression."""
        head = next((c for c in node.children if c.type == "command_name"), None) if node.type == "command" else None
        if head is None or self.text(head).lower() not in ("get-command", "gcm"):
            return None
        elements = next((c for c in node.children if c.type == "command_elements"), None)
        parts = [c for c in elements.children if c.type != "command_argument_sep"] if elements is not None else []
        if parts and parts[0].type == "command_parameter" and self.text(parts[0]).lower() == "-name":
            parts = parts[1:]
        if not parts or parts[0].type == "command_parameter":
            return None
        program = self.text(parts[0]).strip("'\"")
        if re.fullmatch(r"[\w.-]+", program) is None:
            return None
        return Word(program, None, self.line(node))

    def _returned(self, node: Node) -> Word | None:
        """``Get-LatestRelease`` written as a value (``$release = Get-LatestRelease``): what that function of the
        file returns; None for any other expression."""
        head = next((c for c in node.children if c.type == "command_name"), None) if node.type == "command" else None
        returned = self.state.returns.get(self.text(head).lower()) if head is not None else None
        if returned is None:
            return None
        return Word(returned.text, returned.value, self.line(node), returned.assigned_line or returned.line)

    def _entry(self, text: str, line: int) -> Word | None:
        """``$packageArgs.url`` of a variable last assigned a hashtable literal: that entry's value, as written
        there (None for a member the table does not hold, or a variable that is no such table)."""
        m = re.fullmatch(r"(\$\{?[\w:]+\}?)\.(\w+)", text.strip())
        table = self.state.tables.get(variable_name(m.group(1))) if m else None
        entry = table.get(m.group(2).lower()) if table is not None and m else None
        if entry is None:
            return None
        return Word(entry.text, entry.value, line, entry.assigned_line or entry.line)

    def _joined(self, node: Node) -> Word | None:
        """A string built from parts: ``$dir + "\\" + $name``, ``@($base, $version, $file) -join "/"`` or
        ``-join ($base, $file)``, each part a string or a variable resolved as an argument is; None for any other
        expression (arithmetic, calls)."""
        named = [c for c in node.children if c.is_named]
        operators = [self.text(c).strip().lower() for c in node.children if not c.is_named or "operator" in c.type]
        kind = node.type.replace("_argument_expression", "_expression")  # inside a method's argument list
        if kind == "additive_expression" and operators and set(operators) == {"+"}:
            operands = named
        elif kind == "comparison_expression" and operators == ["-join"] and len(named) == 3:
            operands = [x for item in _array_items(named[0]) for x in (item, named[2])][:-1]
        elif _unary_join(node):
            operands = _array_items(named[0]) if named else []
        elif kind == "comparison_expression" and operators in (["-replace"], ["-ireplace"], ["-creplace"]) and named:
            edited = self.word(named[0])  # ``"$old;$dir" -replace ';+', ';'``: the text edited, its value unknown
            return Word(edited.text, None, self.line(node), edited.assigned_line)
        else:
            return None
        readable = ("string_literal", "variable", "additive_expression", "additive_argument_expression")
        if not operands or any(_unwrap(o).type not in readable for o in operands):
            return None
        return self._concatenated(node, operands, "")

    def _listed(self, node: Node) -> Word | None:
        """An array written out, ``@("/i $msi" "/q")`` (an element a line) or ``"/i", $msi``: its elements' texts
        joined by spaces, as ``Start-Process -ArgumentList`` hands them to the program (holdout231); None for any
        other expression, one element, or an element that is not a string or a variable."""
        if node.type == "statement_list":  # ``@( … )`` unwrapped: its statements are the elements
            items = [c for c in node.children if c.is_named and c.type != "comment"]
        elif node.type == "array_literal_expression":
            items = _array_items(node)
        else:
            return None
        if len(items) < 2 or any(_unwrap(i).type not in ("string_literal", "variable") for i in items):
            return None
        return self._concatenated(node, items, " ")

    def _concatenated(self, node: Node, parts: list[Node], separator: str) -> Word:
        """The words of ``parts`` joined by ``separator``: known when every part's value is, assigned where the first
        assigned part was."""
        words = [self.word(p) for p in parts]
        text = separator.join(w.text for w in words)
        known = all(w.value is not None for w in words)
        assigned = next((w.assigned_line for w in words if w.assigned_line), None)
        return Word(text, text if known else None, self.line(node), assigned)

    def _join_path(self, node: Node) -> Word | None:
        """``Join-Path $dir "agent.exe"`` (also ``-Path``/``-ChildPath`` by name): the two parts joined with a
        backslash, as the cmdlet returns them; None for any other expression."""
        if node.type != "command":
            return None
        head = next((c for c in node.children if c.type == "command_name"), None)
        if head is None or self.text(head).lower() != "join-path":
            return None
        elements = next((c for c in node.children if c.type == "command_elements"), None)
        skip = ("command_argument_sep", "redirection")
        parts = [c for c in elements.children if c.type not in skip] if elements is not None else []
        _, options, args, _ = self._elements(parts)
        rest = iter(args)
        parent = options.get("path") or next(rest, None)
        child = options.get("childpath") or next(rest, None)
        if parent is None or child is None:
            return None
        text = parent.text.rstrip("\\/") + "\\" + child.text.lstrip("\\/")
        known = parent.value is not None and child.value is not None
        return Word(text, text if known else None, self.line(node), parent.assigned_line or child.assigned_line)

    def _table(self, node: Node) -> dict[str, Word]:
        table: dict[str, Word] = {}
        for entry in _descendants(node, "hash_entry"):
            key = next((c for c in entry.children if c.type == "key_expression"), None)
            if key is not None:
                table[self.text(key).strip("'\"").lower()] = self.word(_value_node(entry))
        return table

    def _entries(self, node: Node) -> None:
        for key, value in self._table(node).items():
            self.state.entries.append(
                HashEntry(key, value.value if value.value is not None else value.text, value.line)
            )

    def _admin_check(self, node: Node) -> None:
        """``if (!$p.IsInRole([…]::Administrator)) { throw … }`` (also ``if ($p.IsInRole($role)) {…} else { exit
        }``, a bare ``return``, the role through a variable, the question through a function of the file that
        answers it, ``if (!(Test-Admin)) { throw … }``, or through a variable given its answer, ``if (-not
        $isAdmin)``, and the stop through a function of the file that
        exits): the script, or the function that installs, stops unless it runs elevated. Checked when the whole
        file is read (the stopping function may come later)."""
        condition = next((c for c in node.children if c.type not in ("if", "(", ")", "statement_block")), None)
        block = next((c for c in node.children if c.type == "statement_block"), None)
        if condition is None or block is None:
            return
        cond = re.sub(r"\s+", "", self.text(condition)).lower()
        asks = (
            self._tests_admin(cond)
            or any(re.search(r"(?<![\w$-])" + re.escape(f) + r"(?![\w-])", cond) for f in self.state.admin_tests)
            or any(re.search(r"\$(?:\w+:)?" + re.escape(v) + r"\b", cond) for v in self.state.admin_answers)
        )
        if not asks:
            return
        if not cond.startswith(("!", "-not", "(!", "(-not")):
            otherwise = next((c for c in node.children if c.type == "else_clause"), None)
            block = next((c for c in otherwise.children if c.type == "statement_block"), None) if otherwise else None
            if block is None:
                return
        body = self.text(block).strip("{} \r\n\t")
        names = tuple(
            command_name(line.split()[0]) for line in body.splitlines() if line.strip() and line.strip()[0] != "#"
        )
        stops = _STOPS.search(body) or _BARE_RETURN.search(body)
        # ``{ …; Install-Task …; exit 0 }``: the run ends in success after the block's own steps (checked against
        # the file's functions once it is read): a fallback that finishes the work, not a refusal
        finishes = names if _EXIT_SUCCESS.search(body) and not _THROWS.search(body) else ()
        self.state.role_checks.append((self.line(node), ("exit",) if stops else names[:1], finishes))

    def _inner(self, call: Call, where: _Where, depth: int) -> None:
        """A PowerShell started by this call (``powershell -Command TEXT``, ``Start-Process powershell
        -ArgumentList '… -Command TEXT' [-Verb RunAs]``): TEXT read as PowerShell at the call's line."""
        if where.inner >= MAX_INNER:
            return
        inner_text = inner_powershell(call)
        if inner_text is None:
            return
        elevated = where.elevated or runs_as_admin(call)
        inner = replace(where, assigned_to=None, elevated=elevated, inner=where.inner + 1)
        reader = _Reader(inner_text, call.line - 1, self.state)
        tree = parse(reader.source)
        reader.visit(tree.root_node, inner, depth + 1)

    def admin(self) -> list[int]:
        return self.state.admin


_START_PROCESS = frozenset({"start-process", "saps", "start"})  # the cmdlet and its aliases


def runs_as_admin(call: Call) -> bool:
    """``Start-Process … -Verb RunAs`` (also through its aliases, ``start -File x.bat -Verb RunAs``)."""
    verb = call.option("verb")
    return call.name in _START_PROCESS and verb is not None and verb.text.strip("'\"").lower() == "runas"


def inner_powershell(call: Call) -> str | None:
    """The command text a call hands to a new PowerShell: ``powershell … -Command TEXT`` (also ``powershell
    TEXT``: ``command_line``) or ``Start-Process powershell -ArgumentList '… -Command TEXT'``; None for anything
    else (``-File`` runs a file)."""
    if call.name in _POWERSHELL:
        return command_text(call.name, " ".join(w.text for w in call.words))
    if call.name == "start-process":
        program = call.option("filepath") or (call.args[0] if call.args else None)
        arguments = call.option("argumentlist") or (call.args[1] if len(call.args) > 1 else None)
        if program is None or arguments is None or command_name(program.text) not in _POWERSHELL:
            return None
        m = _COMMAND_OPTION.search(arguments.text)  # an argument list: only its ``-Command`` names the text
        return arguments.text[m.end() :].strip() if m else None
    return None


def _unary_join(node: Node) -> bool:
    """``-join (a, b, c)``: the unary operator that concatenates its list (its only named child is the list)."""
    return node.type == "expression_with_unary_operator" and node.children[0].type.lower() == "-join"


def _unwrap(node: Node) -> Node:
    while not _unary_join(node) and (
        node.type in _WRAPPERS
        or (node.named_child_count == 1 and node.type.endswith("_expression") and node.type not in _OPAQUE)
    ):
        named = [c for c in node.children if c.is_named]
        if len(named) != 1:
            break
        node = named[0]
    return node


def _runs_on(call: Call) -> bool:
    """A bare word of ``call`` holds a line break: the grammar ran it into the next line."""
    return any("\n" in w.text and w.text[:1] not in "\"'@(" for w in call.words)


def _value_node(node: Node) -> Node:
    """The value of an assignment or hashtable entry: its last child that is not a comment or separator."""
    return next((c for c in reversed(node.children) if c.type not in ("comment", ";", "\n")), node.children[-1])


def _arguments(node: Node) -> list[Node]:
    lists = [c for c in node.children if c.type == "argument_expression_list"]
    return [c for c in lists[0].children if c.type == "argument_expression"] if lists else []


def _path_commands(line: str) -> list[str]:
    """The statements of ``line`` (split at ``;`` outside quotes) that run a file by a relative path with forward
    slashes (``./setup.exe /S``), written as PowerShell runs them: ``& ./setup.exe /S``."""
    statements = [""]
    piped = False  # past the statement's first ``|``: the rest consumes the run's output
    for part in _STATEMENT_TOKEN.findall(line):
        if part == ";":
            statements.append("")
            piped = False
        elif part == "|" or piped:
            piped = True
        else:
            statements[-1] += part
    return ["& " + s.strip() for s in statements if s.strip().startswith(("./", "../"))]


def _array_items(node: Node) -> list[Node]:
    """The elements of ``@(a, b)`` or ``a, b``: down a chain of single children (``@(…)`` holding one statement)
    to the list."""
    inner = node
    for _ in range(MAX_NESTING):
        if inner.type == "array_literal_expression" and inner.named_child_count > 1:
            return [c for c in inner.children if c.is_named]
        named = [c for c in inner.children if c.is_named]
        if len(named) != 1:
            return []
        inner = named[0]
    return []


def _branch_blocks(statement: Node) -> list[Node]:
    """The blocks of an ``if`` statement's branches in order: ``if``, each ``elseif``, ``else``."""
    clauses = [statement]
    for child in statement.children:
        if child.type == "elseif_clauses":
            clauses += [c for c in child.children if c.type == "elseif_clause"]
        elif child.type == "else_clause":
            clauses.append(child)
    return [b for clause in clauses for b in clause.children if b.type == "statement_block"]


def _block_value(block: Node) -> Node | None:
    """The value a branch block leaves when it holds one expression (``{ "https://…" }``), else None."""
    lists = [c for c in block.children if c.type == "statement_list"]
    statements = [c for c in lists[0].children if c.is_named and c.type != "comment"] if lists else []
    return statements[0] if len(statements) == 1 and statements[0].type == "pipeline" else None


def _body_statements(function: Node) -> list[Node]:
    """The statements of a function's body at its top level."""
    block = next((c for c in function.children if c.type == "script_block"), None)
    body = next((c for c in block.children if c.type == "script_block_body"), None) if block is not None else None
    statements = next((c for c in body.children if c.type == "statement_list"), None) if body is not None else None
    return [c for c in statements.children if c.is_named] if statements is not None else []


def _descendants(node: Node, kind: str) -> list[Node]:
    found: list[Node] = []
    stack = [node]
    while stack and len(found) < 10_000:
        n = stack.pop()
        if n.type == kind:
            found.append(n)
            continue
        stack.extend(reversed(n.children))
    return found


def read_powershell(source: str, offset: int = 0) -> Reading:
    """Calls, settings, hashtable entries, Administrator checks of ``source`` (its first line is ``offset + 1``),
    and why the reading stopped early, if it did."""
    state = _State()
    _Reader(source, offset, state).read()
    stop = state.stoppers | {"exit", "throw"}
    # functions of the file that do something besides print (``Install-Task``, not ``Write-Info``)
    workers = {c.function for c in state.calls if c.function and c.name not in _OUTPUT}
    workers -= state.stoppers | state.admin_tests
    state.admin += [
        line
        for line, calls, finishes in state.role_checks
        if stop.intersection(calls) and not workers.intersection(finishes)
    ]
    return Reading(
        state.calls, state.settings, state.entries, state.admin, state.incomplete, state.functions, state.defaults
    )
