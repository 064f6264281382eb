"""Programs given on an interpreter's command line: ``python3 -c "import urllib.request;
urllib.request.urlretrieve('$URL', '$DEST')"``, or on its standard input as a heredoc (``API_URL="$URL" python3 -
<<'PY' … urlopen(os.environ["API_URL"]) … PY``), and PHP's ``php -r "copy('https://getcomposer.org/installer',
'composer-setup.php');"``. The program is read by the language's own reader (shipgate.preflight.python_script,
through Python's ``ast``; shipgate.preflight.php_script) and what it does is written as the shell that does the
same (a download is ``curl -fsSL -o DEST URL``), read at the command's line as an ``sh -c`` string is. The outer
shell substitutes its variables into a double-quoted program first, so the program is read with the values the
script knows put in."""

from __future__ import annotations

from shipgate.preflight import php_script, python_script
from shipgate.preflight.shell.model import Word

PYTHONS = frozenset({"python", "python2", "python3"})


def reads_program_from_stdin(name: str, words: list[Word]) -> bool:
    """``python3 - <<'PY'`` (also a bare ``python3 <<'PY'``, options before the ``-``): the interpreter reads the
    program from its standard input, the heredoc it is given, not from a script file or ``-c``."""
    if name not in PYTHONS and not (name.startswith("python3.") and name[8:].isdigit()):
        return False
    for word in words:
        if word.text == "-":
            return True
        if not word.text.startswith("-") or word.text in ("-c", "-m"):
            return False
    return True


# PHP's options that take the next word as their value (``php -d memory_limit=-1 -r '…'``).
_PHP_VALUED = frozenset({"-d", "-c", "-z"})


def inline_program(name: str, words: list[Word]) -> Word | None:
    """The program word of ``python [-I -u …] -c PROGRAM`` or ``php [-d k=v …] -r PROGRAM``; None when the command
    runs no inline program."""
    if name == "php":
        return _php_program(words)
    if name not in PYTHONS and not (name.startswith("python3.") and name[8:].isdigit()):
        return None
    for i, word in enumerate(words[:-1]):
        if word.text == "-c":
            return words[i + 1]
        if not word.text.startswith("-") or word.text in ("-m", "-"):
            return None  # a script or module runs; -c after it is that program's option
    return None


def _php_program(words: list[Word]) -> Word | None:
    skip = False
    for i, word in enumerate(words[:-1]):
        if skip:
            skip = False
        elif word.text == "-r":
            return words[i + 1]
        elif word.text in _PHP_VALUED:
            skip = True
        elif not word.text.startswith("-"):
            return None  # a script runs; -r after it is that script's argument
    return None


def as_shell(program: str, interpreter: str = "python") -> str | None:
    """The shell text that does what the Python (or, for ``php``, the PHP) ``program`` does (one command per
    line), or None."""
    reader = php_script.program_commands if interpreter == "php" else python_script.program_commands
    pieces = reader(program)
    if not pieces:
        return None
    return "\n".join(text for _, text in pieces)
