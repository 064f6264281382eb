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
- a uid check that ends the script: ``die … if $> != 0;``, ``exit 1 unless $> == 0;``, ``if ($> != 0) { … exit
  …; }`` (also ``$<``, ``$EUID``, ``$UID``), written as ``[ "$(id -u)" -ne 0 ] && exit 1``.

A variable names the program when ``shipgate.preflight.perl_programs`` finds one (``$cpanm = 'cpanm'``; ``@cmd =
($cpanm, …)``). ``Build.PL``/``Makefile.PL`` (CPAN build configuration, no install step) keep only their runs of a
Perl package manager (``cpanm``, ``cpan``, ``carton``): a build file that installs its own prerequisites.

Not seen: command lines built in variables and run later (``system($cmd)`` is an unknown command), calls into Perl
modules (``CPAN::install``, a vendor's ``install_module``), Perl's own file operations (``unlink``, ``chmod``,
``chown``, ``File::Path::rmtree``), ``open`` with a pipe."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from shipgate.preflight.markup import is_test_path
from shipgate.preflight.perl_programs import program_variables

Piece = tuple[int, str]

MAX_CHARS = 1_000_000
MAX_TOKENS = 400_000
UNKNOWN = "${PERL_VALUE}"

_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*perl")
_END = re.compile(r"^__(?:END|DATA)__\s*$", re.M)
_POD = re.compile(r"^=[a-zA-Z]\w*.*?(?:^=cut\b.*?$|\Z)", re.M | re.S)
# ``<<"EOF"``, ``<< 'EOF'``, ``<<EOF`` (a bare name follows ``<<`` directly: ``1 << 8`` is a shift), ``<<~EOF``
_HEREDOC = re.compile(r"""<<\s*"(\w+)"|<<\s*'(\w+)'|<<([A-Za-z_]\w*)|<<~\s*"?([A-Za-z_]\w*)"?""")
_DELIMS = {"(": ")", "{": "}", "[": "]", "<": ">"}
_VARIABLE = re.compile(r"[$@](?:\{[^}]*\}|::|\w)+(?:->)?(?:\{[^}]*\}|\[[^\]]*\])*")
_UID = frozenset({"$>", "$<", "$EUID", "$UID", "$EFFECTIVE_USER_ID", "$REAL_USER_ID"})
_ENDS = frozenset({"die", "exit", "croak", "confess"})
_INSTALLERS = frozenset({"cpanm", "cpan", "carton"})  # Perl's package managers
_STOP_WORDS = frozenset({"or", "and", "if", "unless", "||", "&&"})


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
    tokens = _tokens(_code(text))
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
    STDERR <<EOF``): a hint such as ``curl -L http://cpanmin.us | perl - App::cpanminus`` inside is a mention."""
    lower = path.lower()
    if len(text) > MAX_CHARS or not (lower.endswith((".pl", ".pm", ".pl.in")) or _INTERPRETER.match(text[:200])):
        return set()
    if "<<" not in text:
        return set()
    lines = text.split("\n")
    shown: set[int] = set()
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


def _value(token: _Token) -> str:
    """A string literal's text as shell text: interpolated variables are unknown words."""
    if token.kind == "var":
        return UNKNOWN
    text = token.text
    if token.interpolates:
        text = _VARIABLE.sub(UNKNOWN.replace("\\", r"\\"), text.replace("\\n", "").replace("\\t", " "))
        return re.sub(r"\\(.)", r"\1", text)
    return text.replace("\\'", "'").replace("\\\\", "\\")


def _quote(word: str) -> str:
    return '"' + re.sub(r'([\\"`])', r"\\\1", word) + '"' if UNKNOWN in word else "'" + word.replace("'", "'\\''") + "'"


def _pieces(tokens: list[_Token]) -> list[Piece]:
    pieces: list[Piece] = []
    programs = program_variables(tokens)
    for i, token in enumerate(tokens):
        if token.kind == "cmd":
            pieces.append((token.line, _value(_Token("str", token.text, token.line, True))))
        elif token.kind == "word" and token.text in ("system", "exec") and _is_call(tokens, i):
            command = _call(tokens, i + 1, programs)
            if command:
                pieces.append((token.line, command))
        elif token.kind == "var" and token.text in _UID and _uid_check(tokens, i):
            pieces.append((token.line, 'if [ "$(id -u)" -ne 0 ]; then exit 1; fi'))
    return pieces


def _is_call(tokens: list[_Token], i: int) -> bool:
    """``system`` as a function, not a method (``->system``), a hash key (``system =>``) or a sub's name."""
    before = tokens[i - 1].text if i else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return before not in ("->", "sub", "::", "{", "&") and after not in ("=>", "}", "::")


def _call(tokens: list[_Token], i: int, programs: dict[str, str]) -> str | None:
    paren = i < len(tokens) and tokens[i].text == "("
    args: list[_Token] = []
    depth = 0
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
            args.append(t)
        elif depth == 0 and t.kind in ("word", "cmd") and t.text != ",":
            return None  # a call or an expression: not literal arguments
        j += 1
    if not args:
        return None
    first = programs.get(args[0].text) if args[0].kind == "var" else None
    if len(args) == 1:
        if first is not None:  # a program named through a variable; an array's other elements are unknown
            return f'{first} "{UNKNOWN}"' if args[0].text.startswith("@") else first
        return UNKNOWN if args[0].kind == "var" else _value(args[0])
    rest = " ".join(_word(a) for a in args[1:])
    return f"{first or _word(args[0])} {rest}"


def _word(token: _Token) -> str:
    return UNKNOWN if token.kind == "var" else _quote(_value(token))


def _uid_check(tokens: list[_Token], i: int) -> bool:
    """``$> != 0`` (or ``== 0`` under ``unless``) in a statement that dies or exits, or in an ``if`` whose block
    does."""
    window = tokens[i + 1 : i + 3]
    if len(window) < 2 or window[1].text != "0":
        return False
    op = window[0].text
    start = i
    while start > 0 and tokens[start - 1].text not in (";", "{", "}"):
        start -= 1
    statement_words = {t.text for t in tokens[start:i] if t.kind == "word"}
    negated = op in ("!=", ">", "ne", "gt")
    if not negated and not (op in ("==", "eq") and "unless" in statement_words):
        return False
    end = i
    while end < len(tokens) and tokens[end].text not in (";", "{"):
        end += 1
    if end < len(tokens) and tokens[end].text == "{":
        return _block_ends(tokens, end)
    return bool(_ENDS & ({t.text for t in tokens[start:end] if t.kind == "word"}))


def _block_ends(tokens: list[_Token], open_at: int) -> bool:
    depth = 0
    for t in tokens[open_at : open_at + 2000]:
        if t.text == "{":
            depth += 1
        elif t.text == "}":
            depth -= 1
            if depth == 0:
                return False
        elif depth == 1 and t.kind == "word" and t.text in _ENDS:
            return True
    return False
