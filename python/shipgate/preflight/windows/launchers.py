"""The file a launcher runs in a Windows script: an interpreter given a script (``bash start.sh``, ``node
server.js``, ``python setup.py``), ``java -jar app.jar``, ``pm2 start start.sh``. Read by the shell reader's
``executed_file`` (``shell/commands.py``), so the launchers, their options and pm2's verbs are one reading for
both kinds of script; the call is handed over as the shell command it spells (docs/preflight.md, holdout231)."""

from __future__ import annotations

from shipgate.preflight.shell.commands import executed_file
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.model import Word as ShellWord
from shipgate.preflight.windows.model import Call, Word


def _shell_word(word: Word) -> ShellWord:
    return ShellWord(raw=word.text, value=word.value, line=word.line)


def launched_file(call: Call) -> str | None:
    """The path of the file ``call`` hands to an interpreter, ``java -jar`` or ``pm2 start`` to run, as written;
    None for any other call (a program run by its own path is read by the flows, not here)."""
    if call.program is None or "\\" in call.program or "/" in call.program:
        return None
    command = Command(
        name=call.name,
        program=ShellWord(raw=call.program, value=call.program, line=call.line),
        words=tuple(_shell_word(w) for w in call.words),
        line=call.line,
        text=call.text,
    )
    launched = executed_file(command)
    return launched.text if launched is not None else None
