"""The files ``sed -i`` edits in place, read with sed's own option grammar: ``-e SCRIPT``, ``-eSCRIPT``,
``--expression=SCRIPT`` and ``-f FILE`` give the script, so every operand is an edited file; with none of them the
first operand is the script. ``sed -i -e"s,a,b," $CONF`` edits ``$CONF`` as ``sed -i "s,a,b," $CONF`` does."""

from __future__ import annotations

from dataclasses import dataclass, field

from shipgate.preflight.shell.model import Command, Word

# Switches that take no value and may be clustered (``-nE``); ``i`` ends a cluster (the rest is its backup suffix),
# ``e``, ``f`` and ``l`` take the rest of the cluster or the next word.
_SWITCHES = frozenset("nErsuzb")
_VALUE_LETTERS = frozenset("efl")
_LONG_SCRIPT = ("--expression", "--file")
_LONG_VALUE = (*_LONG_SCRIPT, "--line-length")


@dataclass
class _Reading:
    in_place: bool = False
    script_given: bool = False
    skip_value: bool = False  # the next word is an option's value
    skip_suffix: bool = False  # the next word may be BSD sed's ``-i ''`` suffix
    script_next: bool = False  # the value skipped is an ``-e``/``--expression`` script
    operands: list[Word] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # the ``-e``/``--expression`` scripts, as the shell passes them


def sed_edited_files(command: Command) -> list[Word]:
    """The files ``sed`` edits in place (none without ``-i``/``--in-place``)."""
    reading = _read(command)
    if reading is None or not reading.in_place:
        return []
    return reading.operands if reading.script_given else reading.operands[1:]


def sed_in_place_scripts(command: Command) -> list[str]:
    """The scripts (``-e``/``--expression`` values, or the first operand) of a ``sed -i``; a script known only at
    run time is left out. ``-f FILE`` scripts are in a file: not read."""
    reading = _read(command)
    if reading is None or not reading.in_place:
        return []
    if reading.script_given:
        return reading.scripts
    first = reading.operands[0] if reading.operands else None
    return [first.value] if first is not None and first.value is not None else []


def _read(command: Command) -> _Reading | None:
    if command.name != "sed":
        return None
    reading = _Reading()
    ended = False
    for word in command.words:
        text = word.text
        if reading.skip_value:
            reading.skip_value = False
            if reading.script_next and word.value is not None:
                reading.scripts.append(word.value)
        elif reading.skip_suffix and text == "":
            reading.skip_suffix = False
        elif ended or not text.startswith("-") or text == "-":
            reading.skip_suffix = False
            reading.operands.append(word)
        elif text == "--":
            ended = True
        elif text.startswith("--"):
            _long_option(reading, text)
        else:
            _cluster(reading, text[1:])
    return reading


def _long_option(reading: _Reading, text: str) -> None:
    name, equals, _value = text.partition("=")
    if name == "--in-place":
        reading.in_place = True
    elif name in _LONG_VALUE:
        reading.script_given = reading.script_given or name in _LONG_SCRIPT
        reading.skip_value = not equals
        reading.script_next = name == "--expression"
        if equals and name == "--expression":
            reading.scripts.append(_value)


def _cluster(reading: _Reading, letters: str) -> None:
    for at, letter in enumerate(letters):
        if letter == "i":
            reading.in_place = True
            reading.skip_suffix = at == len(letters) - 1
            return
        if letter in _VALUE_LETTERS:
            reading.script_given = reading.script_given or letter != "l"
            reading.skip_value = at == len(letters) - 1
            reading.script_next = letter == "e"
            if letter == "e" and not reading.skip_value:
                reading.scripts.append(letters[at + 1 :])
            return
        if letter not in _SWITCHES:
            return
