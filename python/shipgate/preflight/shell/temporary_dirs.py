"""Variables that only ever hold a fresh temporary directory: ``tmp=$(mktemp -d)``, and that directory handed on
through a function's output or arguments (``dir=$(download)`` where ``download`` ends with ``echo "$tmp"``; a
function's ``dir=$1`` whose every call passes such a variable). ``rm -rf "$dir"`` of one, the whole word, removes
that directory, or nothing when the value came back empty: never / or the working tree (rexec's installer,
holdout124). So does a function's output that is a path below a top directory (``tempname() { echo
"/tmp/${PROGRAM}-$$"; }`` then ``tmp="$(tempname)"``: holdout173's termotp)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Assignment, Script
from shipgate.preflight.shell.printed_paths import echoing_ends

# One variable (or positional parameter) and nothing else, as a word is written: ``"$tmp"``, ``${tmp}``, ``"$1"``.
_WHOLE = re.compile(r'"?\$\{?([A-Za-z_]\w*|[1-9])\}?"?')
# A value that is one function's output with no arguments: ``$(download_binaries)``.
_OUTPUT_OF = re.compile(r'"?\$\(\s*([A-Za-z_][\w-]*)\s*\)"?')
# A value that is one positional parameter: ``$1``, ``"${2}"``.
_POSITIONAL = re.compile(r'"?\$\{?([1-9])\}?"?')
# A word that opens with a literal directory below / (``"/tmp/${PROGRAM}-$$"``): never / or the working tree, as
# ``shell_risk`` takes a value that begins below / (``TMPDIR="/tmp/$(date +%s)"``).
_ROOTED = re.compile(r"""["']?/[\w.-]+/""")
_MAX_DEPTH = 4  # hand-overs followed (function outputs and arguments)
_MAX_STEPS = 64  # variables looked at per question, whatever the fan-out of calls and assignments


def whole_variable(word_text: str) -> bool:
    """The word is one variable or positional parameter and nothing else: empty, it names no file."""
    return _WHOLE.fullmatch(word_text) is not None


def fresh_temporary(script: Script, name: str, function: str | None) -> bool:
    """Every assignment of ``name`` is a ``mktemp`` output, or hands one on (see the module); a positional
    parameter of ``function`` (``rm -rf "$1"``) when every call passes such a variable there."""
    walk = _Walk(script)
    if name.isdigit() and name != "0" and function is not None:
        return walk.passed(function, int(name), frozenset(), 0)
    return walk.all_temporary(name, frozenset(), 0)


@dataclass
class _Walk:
    """One question's walk over the hand-overs, with a budget so a long script with many calls stays linear.
    ``seen`` holds the variables being asked about: one handed back to itself (``TEMP_DIR=$1`` called with
    ``"$TEMP_DIR"``) adds no other value."""

    script: Script
    steps: int = _MAX_STEPS

    def all_temporary(self, name: str, seen: frozenset[str], depth: int) -> bool:
        self.steps -= 1
        bindings = self.script.bindings(name)
        if not bindings or depth > _MAX_DEPTH or self.steps < 0:
            return False
        return all(self._temporary(b, seen | {name}, depth) for b in bindings)

    def _temporary(self, binding: Assignment, seen: frozenset[str], depth: int) -> bool:
        if binding.generated_by == "mktemp":
            return True
        value = binding.raw.partition("=")[2]
        if m := _OUTPUT_OF.fullmatch(value):
            return self._echoes(m.group(1), seen, depth)
        if (m := _POSITIONAL.fullmatch(value)) and binding.function is not None:
            return self.passed(binding.function, int(m.group(1)), seen, depth)
        return False

    def _handed(self, word_text: str, seen: frozenset[str], depth: int) -> bool:
        if _ROOTED.match(word_text):
            return True  # ``echo "/tmp/${PROGRAM}-$$"``: a path below a top directory, as a literal value is
        m = _WHOLE.fullmatch(word_text)
        if m is None:
            return False
        return m.group(1) in seen or self.all_temporary(m.group(1), seen, depth + 1)

    def _echoes(self, function: str, seen: frozenset[str], depth: int) -> bool:
        """The function's last command echoes one such variable (``$(function)`` hands its caller that value)."""
        ends = {line for name, line in echoing_ends(self.script) if name == function}
        printed = [c for c in self.script.named("echo", "printf") if c.function == function and c.line in ends]
        words = [w for c in printed for w in operands(c) if not w.text.startswith("-")]
        return len(printed) == 1 and len(words) == 1 and self._handed(words[0].raw, seen, depth)

    def passed(self, function: str, position: int, seen: frozenset[str], depth: int) -> bool:
        """Every call of the function passes such a variable at ``position``."""
        given = [operands(c) for c in self.script.named(function)]
        return bool(given) and all(
            len(words) >= position and self._handed(words[position - 1].raw, seen, depth) for words in given
        )
