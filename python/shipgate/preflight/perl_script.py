"""What a Perl install, upgrade or maintenance script runs, read by a bounded reader of Perl's quoting (no Perl
grammar exists in Python that parses Perl short of running it: only Perl parses Perl) and written as the shell
that does the same, at the file's lines.

A Perl script is a file with a ``.pl`` suffix or a ``perl`` interpreter line, not a module (``.pm``) and not a
test. The reader splits the code into tokens — string literals (``'…'``, ``"…"``, ``q{}``/``qq{}``/``qw()``),
commands (backticks, ``qx{}``), variables, words, punctuation — skipping comments, POD, here-documents and
everything after ``__END__``/``__DATA__``. It reads only:

- ``system(LIST)``/``exec(LIST)`` (with or without parentheses) whose arguments are string literals or variables:
  one string is a shell command line, several are the argv (``system('apt', 'dist-upgrade')``); a variable, or an
  interpolated ``$x`` in a double-quoted string, is an unknown word (``${PERL_VALUE}``);
- backticks and ``qx{…}``: a shell command line;
- ``open`` with a pipe (``open(FH, "$cmd |")``, ``open(my $fh, '-|', LIST)``): the command it runs
  (``shipgate.preflight.perl_piped_opens``);
- ``chdir DIR``: ``cd DIR`` for the commands after it;
- a uid check that ends the script: ``die … if $> != 0;``, ``exit 1 unless $> == 0;``, ``if ($> != 0) { … exit
  …; }`` (also ``$<``, ``$EUID``, ``$UID``), written as ``[ "$(id -u)" -ne 0 ] && exit 1``; an exit in the block
  that a further condition decides (``exit 1 unless ask_yesno(…)``) does not end every run: no check;
- in a script that loads CPAN.pm, its install methods (``$m->install``, ``->force('install', …)``): ``cpan MODULE``
  (``shipgate.preflight.perl_cpan``).

A variable names the program when ``shipgate.preflight.perl_programs`` finds one (``$cpanm = 'cpanm'``; ``@cmd =
($cpanm, …)``). ``Build.PL``/``Makefile.PL`` (CPAN build configuration, no install step) keep only their runs of a
Perl package manager (``cpanm``, ``cpan``, ``carton``): a build file that installs its own prerequisites.

A scalar assigned exactly once a plain string (not a URL) and never changed
(``shipgate.preflight.perl_programs.literal_scalars``) is a shell variable assigned at its line, named in the
commands that use it. An argument of literals and variables
joined with ``.`` is one word (the literal's text, then an unknown value); a
scalar that holds one program's command lines (``shipgate.preflight.perl_programs.command_variables``) is the shell
that runs one of them; a sub's command that names its parameters is read at each call of the sub, and a call of a
sub that runs ``system @_`` is ``system`` of the call's arguments (``shipgate.preflight.perl_subs``); blocks taken
only on another operating system are skipped (``shipgate.preflight.perl_platform``).

Not seen: command lines built in variables by anything but literals (``system($cmd)`` is then an unknown command),
calls into Perl modules (``CPAN::install``, a vendor's ``install_module``), Perl's own file operations (``unlink``,
``chmod``, ``chown``, ``File::Path::rmtree``)."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shipgate.preflight import perl_cpan, perl_opens, perl_piped_opens, perl_subs, perl_uid_subs
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.perl_dead_code import ENDS as _ENDS
from shipgate.preflight.perl_dead_code import STOP_WORDS as _STOP_WORDS
from shipgate.preflight.perl_dead_code import conditional as _conditional
from shipgate.preflight.perl_dead_code import dead_spans
from shipgate.preflight.perl_joined_lines import joined_scalars
from shipgate.preflight.perl_platform import other_os_spans
from shipgate.preflight.perl_programs import command_variables, literal_scalars, program_variables
from shipgate.preflight.perl_shown import shown_text_lines

Piece = tuple[int, str]

MAX_CHARS = 1_000_000
MAX_TOKENS = 400_000
UNKNOWN = "${PERL_VALUE}"
UNKNOWN_WORD = f'"{UNKNOWN}"'

_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*perl")
_END = re.compile(r"^__(?:END|DATA)__\s*$", re.M)
_POD = re.compile(r"^=[a-zA-Z]\w*.*?(?:^=cut\b.*?$|\Z)", re.M | re.S)
# ``<<"EOF"``, ``<< 'EOF'``, ``<<EOF`` (a bare name follows ``<<`` directly: ``1 << 8`` is a shift), ``<<~EOF``
_HEREDOC = re.compile(r"""<<\s*"(\w+)"|<<\s*'(\w+)'|<<([A-Za-z_]\w*)|<<~\s*"?([A-Za-z_]\w*)"?""")
_DELIMS = {"(": ")", "{": "}", "[": "]", "<": ">"}
_VARIABLE = re.compile(r"[$@](?:\{[^}]*\}|::|\w)+(?:->)?(?:\{[^}]*\}|\[[^\]]*\])*")
_UID = frozenset({"$>", "$<", "$EUID", "$UID", "$EFFECTIVE_USER_ID", "$REAL_USER_ID"})
# The login name from the environment, ``$ENV{'USER'}``/``$ENV{LOGNAME}``: compared with 'root' it is the shell's
# ``[ "$USER" != root ]`` (``shell/guards.py`` reads that as a uid test), holdout174.
_ENV_LOGIN = re.compile(r"""^\$ENV\{\s*(['"]?)(?:USER|LOGNAME)\1\s*\}$""")
_INSTALLERS = frozenset({"cpanm", "cpan", "carton"})  # Perl's package managers


@dataclass(frozen=True)
class _Token:
    kind: str  # "str" (value, interpolates), "cmd" (shell text), "var", "word", "op"
    text: str
    line: int
    interpolates: bool = False


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the Perl script at ``path`` runs; None when it is not a Perl script."""
    lower = path.lower()
    if len(text) > MAX_CHARS or lower.endswith(".pm") or is_test_path(path):
        return None
    if not (lower.endswith(".pl") or _INTERPRETER.match(text[:200])):
        return None
    tokens = list(_lexed(text))
    if posixpath.basename(lower) in ("makefile.pl", "build.pl"):
        # build configuration run by the CPAN toolchain, not an install step of a product, unless it installs its
        # prerequisites itself (runs a Perl package manager): those runs are the product's install
        return [p for p in _pieces(tokens) if p[1].split(" ", 1)[0].strip("'") in _INSTALLERS] or None
    return list(_pieces(tokens))


def _code(text: str) -> str:
    """The text with POD, here-document bodies and everything after ``__END__`` blanked (line numbers kept)."""
    end = _END.search(text)
    if end:
        text = text[: end.start()]
    text = _POD.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        tags = [next(g for g in m.groups() if g) for m in _HEREDOC.finditer(_strip_comment(lines[i]))]
        i += 1
        for tag in tags:
            while i < len(lines) and lines[i].strip() != tag:
                lines[i] = ""
                i += 1
            if i < len(lines):
                lines[i] = ""
                i += 1
    return "\n".join(lines)


# Statements that show their text to people: a here-document they open is a message, not code or a setting.
_SHOWING = re.compile(r"^\s*(?:die|warn|print|printf|say|croak|confess|carp|cluck)\b")


def shown_lines(path: str, text: str) -> set[int]:
    """Lines of a Perl script's here-documents opened by a statement that shows them (``die <<'EOF'``, ``print
    STDERR <<EOF``): a hint such as ``curl -L http://cpanmin.us | perl - App::cpanminus`` inside is a mention; and
    the lines of text its showing statements print (``perl_shown``)."""
    lower = path.lower()
    if len(text) > MAX_CHARS or not (lower.endswith((".pl", ".pm", ".pl.in")) or _INTERPRETER.match(text[:200])):
        return set()
    shown = shown_text_lines(text, _lexed(text))  # print/say/die statements and the here-documents only they use
    if "<<" not in text:
        return shown
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        opener = _strip_comment(lines[i])
        tags = [next(g for g in m.groups() if g) for m in _HEREDOC.finditer(opener)]
        i += 1
        for tag in tags:
            start = i
            while i < len(lines) and lines[i].strip() != tag:
                i += 1
            if _SHOWING.match(opener):
                shown |= set(range(start + 1, i + 1))  # 1-based numbers of the body lines
            i += 1
    return shown


def not_run_lines(path: str, text: str) -> set[int]:
    """Lines of a Perl script that do not run on the Linux host: blocks taken only on another operating system
    (``shipgate.preflight.perl_platform``: a URL there is contacted on that system, not on this target) and code
    after an unconditional stop (``shipgate.preflight.perl_dead_code``)."""
    lower = path.lower()
    if len(text) > MAX_CHARS or not (lower.endswith((".pl", ".pm")) or _INTERPRETER.match(text[:200])):
        return set()
    if not any(word in text for word in ("osname", "$^O", "$OSNAME", *_ENDS)):
        return set()
    tokens = list(_lexed(text))
    spans = other_os_spans(tokens) + dead_spans(tokens)
    return {n for first, last in spans for n in range(tokens[first].line, tokens[last].line + 1)}


def _strip_comment(line: str) -> str:
    """A line without a trailing ``#`` comment (a rough cut: enough to find a here-document opener)."""
    return re.sub(r"\s#.*$", "", line) if not line.lstrip().startswith("#") else ""


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.line = 1
        self.out: list[_Token] = []

    def advance(self, to: int) -> None:
        self.line += self.text.count("\n", self.at, to)
        self.at = to

    def quoted(self, start: int, close: str, open_: str | None) -> tuple[str, int]:
        """The body of a quoted construct from ``start`` (after its opener) to its closer, nesting brackets."""
        depth, i, text = 1, start, self.text
        while i < len(text):
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if open_ is not None and ch == open_:
                depth += 1
            elif ch == close:
                depth -= 1
                if depth == 0:
                    return text[start:i], i + 1
            i += 1
        return text[start:], len(text)

    def run(self) -> list[_Token]:
        text = self.text
        while self.at < len(text) and len(self.out) < MAX_TOKENS:
            ch = text[self.at]
            if ch == "#":
                end = text.find("\n", self.at)
                self.advance(len(text) if end < 0 else end)
            elif ch in "'\"`":
                self.string(ch, self.at + 1, ch, None)
            elif ch.isspace():
                self.advance(self.at + 1)
            elif ch in "$@%" and self.at + 1 < len(text):
                m = _VARIABLE.match(text, self.at) or re.compile(r"\$[^\s\w{]").match(text, self.at)
                end = m.end() if m else self.at + 1
                self.out.append(_Token("var", text[self.at : end], self.line))
                self.advance(end)
            elif ch.isalpha() or ch == "_":
                self.word()
            else:
                op = re.compile(r"!=|==|>=|<=|&&|\|\||=>|->|::|.").match(text, self.at)
                end = op.end() if op else self.at + 1
                self.out.append(_Token("op", text[self.at : end], self.line))
                self.advance(end)
        return self.out

    def word(self) -> None:
        m = re.compile(r"\w+").match(self.text, self.at)
        assert m is not None
        word = m.group(0)
        rest = re.compile(r"\s*([^\w\s])").match(self.text, m.end())
        if word in ("q", "qq", "qw", "qx") and rest and rest.group(1) not in ",;=)":
            opener = rest.group(1)
            kind = {"q": "'", "qq": '"', "qw": "w", "qx": "`"}[word]
            self.string(kind, rest.end(), _DELIMS.get(opener, opener), opener if opener in _DELIMS else None)
            return
        self.out.append(_Token("word", word, self.line))
        self.advance(m.end())

    def string(self, kind: str, start: int, close: str, open_: str | None) -> None:
        line = self.line
        body, end = self.quoted(start, close, open_)
        if kind == "`":
            self.out.append(_Token("cmd", body, line))
        elif kind == "w":
            for item in body.split():
                self.out.append(_Token("str", item, line))
        else:
            self.out.append(_Token("str", body, line, interpolates=kind == '"'))
        self.advance(end)


def _tokens(code: str) -> list[_Token]:
    return _Lexer(code).run()


@functools.lru_cache(maxsize=4)
def _lexed(text: str) -> tuple[_Token, ...]:
    """The tokens of a script's code, kept for the next reader of the same text (commands, then endpoints)."""
    return tuple(_tokens(_code(text)))


def _value(token: _Token, known: Mapping[str, str] | None = None) -> str:
    """A string literal's text as shell text: interpolated variables are unknown words, or what ``known`` says a
    sub's parameter is given."""
    known = known or {}
    if token.kind == "var":
        return known.get(token.text, UNKNOWN)
    text = token.text
    if token.interpolates:
        text = text.replace("\\n", "").replace("\\t", " ")
        text = _VARIABLE.sub(lambda m: known.get(m.group(0), UNKNOWN).replace("\\", "\\\\"), text)
        return re.sub(r"\\(.)", r"\1", text)
    return text.replace("\\'", "'").replace("\\\\", "\\")


def _joined(group: Sequence[_Token], known: Mapping[str, str] | None = None) -> str:
    """Literals and variables joined with ``.``, as one text."""
    return "".join(_value(t, known) for t in group)


def _quote(word: str) -> str:
    """A shell word of ``word``: double-quoted when it holds a value (unknown, or a literal scalar's ``${name}``)."""
    if UNKNOWN in word or _SCALAR_REFERENCE.search(word):
        return '"' + re.sub(r'([\\"`])', r"\\\1", word) + '"'
    return "'" + word.replace("'", "'\\''") + "'"


_SCALAR_REFERENCE = re.compile(r"\$\{\w+\}")


def _pieces(tokens: list[_Token]) -> list[Piece]:
    reader = _Reader(
        tokens,
        program_variables(tokens),
        command_variables(tokens),
        perl_cpan.loads_cpan(tokens),
        perl_uid_subs.uid_tests(tokens, _UID),
        perl_uid_subs.login_names(tokens, _UID),
        joined_scalars(tokens),
    )
    elsewhere = other_os_spans(tokens) + dead_spans(tokens)

    away = bytearray(len(tokens))  # 1 for the tokens of a block taken only on another operating system
    for first, last in elsewhere:
        away[first : last + 1] = b"\x01" * (last + 1 - first)

    def here(i: int) -> bool:
        return not away[i]

    # ``my $dir = '/tmp/acpi_call';`` assigned once: a shell variable of that name, assigned at its line when used. A
    # URL stays program source, its host reported where it is written (a command given it may take no URL, ``cpanm``)
    assigned = _shell_scalars(literal_scalars(tokens))
    literals = {name: "${" + name[1:] + "}" for name in assigned if name[1:].isidentifier()}
    subs = perl_subs.subs(tokens)
    called = perl_subs.calls(tokens, subs)
    holder = perl_subs.holders(len(tokens), [s for s in subs if s.name in called])
    templates: dict[str, list[int]] = {}  # sub name -> indexes of the commands of its body that name a parameter
    pieces: list[Piece] = []
    for i in range(len(tokens)):
        if not here(i):
            continue
        sub = holder[i]
        if sub is not None and reader.names_parameter(i, sub.params):
            templates.setdefault(sub.name, []).append(i)
            continue  # read at each call of the sub with what the call gives it
        joined = reader.joined_run(i)
        if joined:  # ``qx( $command )`` of ``join(SEP, @commands)``: the lines it joins
            pieces += joined
            continue
        piece = reader.piece(i, literals)
        if piece is not None:
            pieces.append(piece)
    for at in perl_subs.runner_calls(tokens, perl_subs.runners(tokens)):
        command = reader.call(at + 1, literals) if here(at) else None
        if command:  # ``runOrDie "doas", "pacman", "-S", …``: the sub runs ``system @_``
            pieces.append((tokens[at].line, command))
    for sub in subs:
        for call in called.get(sub.name, []) if sub.name in templates else ():
            values = zip(sub.params, call.args, strict=False)
            given = {**literals, **{name: _joined(g, literals) if g else UNKNOWN for name, g in values}}
            for at in templates[sub.name] if here(call.at) else ():
                piece = reader.piece(at, given)
                if piece is not None:
                    pieces.append((call.line, piece[1]))
    used = {m for _, text in pieces for m in re.findall(r"\$\{(\w+)\}", text)}
    for name, (_, text) in sorted(assigned.items(), key=lambda item: -item[1][0]):
        if name[1:] in used:  # latest first: a scalar built from earlier ones needs them assigned too
            used.update(_SCALAR_REFERENCE_NAME.findall(text))
    pieces += [(line, f"{name[1:]}={_quote(text)}") for name, (line, text) in assigned.items() if name[1:] in used]
    return sorted(pieces, key=lambda p: p[0])


_SCALAR_REFERENCE_NAME = re.compile(r"\$\{(\w+)\}")


def _shell_scalars(scalars: Mapping[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """The literal scalars written as shell variables: not a URL (it stays program source, its host reported where
    it is written), nor one built from a scalar left out."""
    kept: dict[str, tuple[int, str]] = {}
    for name, (line, text) in sorted(scalars.items(), key=lambda item: item[1][0]):
        built_from = ["$" + n for n in _SCALAR_REFERENCE_NAME.findall(text) if "$" + n in scalars]
        if "://" not in text and all(n in kept for n in built_from):
            kept[name] = (line, text)
    return kept


@dataclass(frozen=True)
class _Reader:
    """What one token starts: a command the script runs, or a uid check."""

    tokens: list[_Token]
    programs: dict[str, str]  # variables that name a program
    commands: dict[str, list[_Token]]  # scalars that hold command lines
    cpan: bool = False  # the script loads CPAN.pm: its install methods are ``cpan MODULE``
    uid_tests: frozenset[str] = frozenset()  # subs that test for root (``perl_uid_subs``)
    login_names: frozenset[str] = frozenset()  # scalars holding the uid's login name (``getpwuid $>``)
    joined: Mapping[str, tuple[list[_Token], list[_Token]]] | None = None  # ``$s = join(SEP, @lines)``

    def piece(self, i: int, known: Mapping[str, str] | None = None) -> Piece | None:
        token, tokens = self.tokens[i], self.tokens
        if token.kind == "cmd":
            return (token.line, _value(_Token("str", token.text, token.line, True), known))
        if token.kind == "word" and token.text in ("system", "exec") and _is_call(tokens, i):
            command = self.call(i + 1, known)
            return (token.line, command) if command else None
        if token.kind == "word" and token.text == "chdir" and _is_call(tokens, i):
            args = _arguments(tokens, i + 1)  # the process's directory, for every later command
            return (token.line, f"cd {_word(args[0], known)}") if args and len(args) == 1 else None
        if token.kind == "var" and token.text in _UID and _uid_check(tokens, i):
            return (token.line, 'if [ "$(id -u)" -ne 0 ]; then exit 1; fi')
        login = token.text in self.login_names or _ENV_LOGIN.match(token.text) is not None
        if token.kind == "var" and login and _uid_check(tokens, i, "root"):
            return (token.line, 'if [ "$(id -u)" -ne 0 ]; then exit 1; fi')  # ``$login ne 'root'``
        if token.kind == "word" and token.text in self.uid_tests and _uid_test_call(tokens, i):
            return (token.line, 'if [ "$(id -u)" -ne 0 ]; then exit 1; fi')
        piped = self.piped_run(i, known)
        if piped:  # ``open(FH, "$cmd |")``, ``open(my $fh, '-|', LIST)``: the command the pipe runs
            return (token.line, piped)
        opened = perl_opens.opened_for_writing(tokens, i)
        if opened is not None:  # ``open(my $fh, '>', PATH)``: the file written, as the shell's redirection
            mode, path = opened
            return (token.line, f": {mode} {_quote(path) if isinstance(path, str) else _word(path, known)}")
        modules = perl_cpan.installed_modules(tokens, i) if self.cpan else None
        if modules is not None:
            return (token.line, "cpan " + " ".join(UNKNOWN_WORD if m is None else _quote(m) for m in modules))
        return None

    def joined_run(self, i: int) -> list[Piece]:
        """The command lines a run of a joined scalar runs (``qx( $command )``, ``system($command)``), each at its
        literal's line when the separator ends them with a newline (``' 2>&1' . "\\n"``), else as one line at the
        run's: the shell reads the text either way (``perl_joined_lines``)."""
        token, name = self.tokens[i], None
        if token.kind == "cmd":
            name = token.text.strip()
        elif token.kind == "word" and token.text in ("system", "exec") and _is_call(self.tokens, i):
            args = _arguments(self.tokens, i + 1) or []
            name = args[0][0].text if len(args) == 1 and len(args[0]) == 1 else None
        found = (self.joined or {}).get(name or "")
        if found is None:
            return []
        separator, items = found
        if any(t.interpolates and _VARIABLE.search(t.text) for t in separator):
            return []
        sep = "".join(t.text.replace("\\n", "\n") if t.interpolates else t.text for t in separator)
        lines = [_value(item) for item in items]
        if "\n" not in sep:
            return [(token.line, sep.join(lines))]
        end, _, rest = sep.partition("\n")
        return [(item.line, line + end) for item, line in zip(items, lines, strict=True)] if not rest.strip() else []

    def names_parameter(self, i: int, params: Sequence[str]) -> bool:
        """Whether the command starting at ``i`` names one of a sub's parameters."""
        token = self.tokens[i]
        if token.kind == "cmd":
            return any(p in _VARIABLE.findall(token.text) for p in params)
        piped = perl_piped_opens.piped_command(self.tokens, i)
        if piped is not None:
            return any(_names(t, params) for group in piped[1] for t in group)
        if token.kind != "word" or token.text not in ("system", "exec"):
            return False
        for t in self.tokens[i + 1 : i + 60]:
            if t.text == ";":
                return False
            if _names(t, params):
                return True
        return False

    def piped_run(self, i: int, known: Mapping[str, str] | None) -> str | None:
        """The shell of a command an ``open`` at ``i`` runs through a pipe (``perl_piped_opens``)."""
        piped = perl_piped_opens.piped_command(self.tokens, i)
        if piped is None:
            return None
        form, args = piped
        if form == "argv":
            return self.command(args, known)
        bar = perl_piped_opens.pipe_bar(args[0])
        return perl_piped_opens.without_bar(_joined(args[0], known), bar) if bar else None

    def call(self, i: int, known: Mapping[str, str] | None) -> str | None:
        args = _arguments(self.tokens, i)
        return self.command(args, known) if args else None

    def command(self, args: list[list[_Token]], known: Mapping[str, str] | None) -> str | None:
        """The shell of a ``system``-style argument list: one group a command line, several the argv."""
        head = args[0]
        single = head[0] if len(head) == 1 and head[0].kind == "var" and head[0].text not in (known or {}) else None
        first = self.programs.get(single.text) if single is not None else None
        if len(args) == 1:
            if first is not None and single is not None:  # a program named through a variable
                return f'{first} "{UNKNOWN}"' if single.text.startswith("@") else first
            if single is not None and single.text in self.commands:
                return _alternatives([_value(t) for t in self.commands[single.text]])
            return _joined(head, known)
        rest = " ".join(_word(a, known) for a in args[1:])
        return f"{first or _word(head, known)} {rest}"


def _arguments(tokens: list[_Token], i: int) -> list[list[_Token]] | None:
    """The arguments of ``system``/``exec`` from the token after it, each literals and variables joined with ``.``;
    None when an argument is a call or an expression."""
    paren = i < len(tokens) and tokens[i].text == "("
    args: list[list[_Token]] = [[]]
    depth, joining = 0, False
    j = i + 1 if paren else i
    while j < len(tokens) and j - i < 200:
        t = tokens[j]
        if t.kind == "op" and t.text in "([{":
            depth += 1
        elif t.kind == "op" and t.text in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (t.text == ";" or (not paren and t.text in _STOP_WORDS)):
            break
        if depth == 0 and t.kind in ("str", "var"):
            if args[-1] and not joining:
                args.append([])
            args[-1].append(t)
            joining = False
        elif depth == 0 and t.text == ".":
            joining = True  # ``"cpanm --installdeps ." . $opt``: one argument
        elif depth == 0 and t.kind in ("word", "cmd"):
            return None  # a call or an expression: not literal arguments
        j += 1
    return [a for a in args if a] or None


def _names(token: _Token, params: Sequence[str]) -> bool:
    """A variable among ``params``, or a literal that interpolates one."""
    if token.kind == "var":
        return token.text in params
    return token.kind == "str" and token.interpolates and any(p in _VARIABLE.findall(token.text) for p in params)


def _alternatives(lines: list[str]) -> str:
    """The command lines a scalar may hold, as the shell that runs one of them."""
    if len(lines) == 1:
        return lines[0]
    branches = [f'if [ "{UNKNOWN}" = 0 ]; then {lines[0]}']
    branches += [f'elif [ "{UNKNOWN}" = {n} ]; then {line}' for n, line in enumerate(lines[1:-1], 1)]
    return "; ".join(branches) + f"; else {lines[-1]}; fi"


def _word(group: Sequence[_Token], known: Mapping[str, str] | None = None) -> str:
    if len(group) == 1 and group[0].kind == "var" and group[0].text not in (known or {}):
        return UNKNOWN
    return _quote(_joined(group, known))


def _is_call(tokens: list[_Token], i: int) -> bool:
    """``system`` as a function, not a method (``->system``), a hash key (``system =>``, ``{system}``) or a sub's
    name; the first statement of a block (``{ system(…); }``) is a call."""
    before = tokens[i - 1].text if i else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return before not in ("->", "sub", "::", "&") and after not in ("=>", "}", "::")


def _uid_check(tokens: list[_Token], i: int, root: str = "0") -> bool:
    """``$> != 0`` (or ``== 0`` under ``unless``) in a statement that dies or exits, or in an ``if`` whose block
    does; ``root`` is what the value at ``i`` holds for root (``'root'`` for a login name)."""
    window = tokens[i + 1 : i + 3]
    if len(window) < 2 or window[1].text != root:
        return False
    op = window[0].text
    start = i
    while start > 0 and tokens[start - 1].text not in (";", "{", "}"):
        start -= 1
    statement_words = {t.text for t in tokens[start:i] if t.kind == "word"}
    negated = op in ("!=", ">", "ne", "gt")
    if not negated and not (op in ("==", "eq") and "unless" in statement_words):
        return False
    return _statement_ends(tokens, start, i)


def _uid_test_call(tokens: list[_Token], i: int) -> bool:
    """A call of a sub that tests for root (``perl_uid_subs``) where a no ends the script: ``if (!is_root()) { die
    …; }``, ``die … unless is_root();``."""
    before = tokens[i - 1].text if i else ""
    if before in ("sub", "->", "::") or i + 1 >= len(tokens) or tokens[i + 1].text in ("=>", "}"):
        return False
    start = i
    while start > 0 and tokens[start - 1].text not in (";", "{", "}"):
        start -= 1
    unless = "unless" in {t.text for t in tokens[start:i] if t.kind == "word"}
    if (before in ("!", "not")) == unless:  # ``if (is_root())`` or ``unless (!is_root())``: the root branch
        return False
    return _statement_ends(tokens, start, i)


def _statement_ends(tokens: list[_Token], start: int, i: int) -> bool:
    """The statement from ``start`` around the test at ``i`` dies or exits, or opens a block that does."""
    end = i
    while end < len(tokens) and tokens[end].text not in (";", "{"):
        end += 1
    if end < len(tokens) and tokens[end].text == "{":
        return _block_ends(tokens, end)
    return bool(_ENDS & ({t.text for t in tokens[start:end] if t.kind == "word"}))


def _block_ends(tokens: list[_Token], open_at: int) -> bool:
    """The block opened at ``open_at`` dies or exits in a statement of its own that nothing else decides: ``exit 1
    unless ask_yesno("Continue as non-root user? [yes] ", 1)`` ends the script only when the operator says no."""
    depth = 0
    for at in range(open_at, min(len(tokens), open_at + 2000)):
        t = tokens[at]
        if t.text == "{":
            depth += 1
        elif t.text == "}":
            depth -= 1
            if depth == 0:
                return False
        elif depth == 1 and t.kind == "word" and t.text in _ENDS and not _conditional(tokens, at):
            return True
    return False
