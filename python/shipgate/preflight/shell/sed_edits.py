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
    operands: list[Word] = field(default_factory=list)


def sed_edited_files(command: Command) -> list[Word]:
    """The files ``sed`` edits in place (none without ``-i``/``--in-place``)."""
    if command.name != "sed":
        return []
    reading = _Reading()
    ended = False
    for word in command.words:
        text = word.text
        if reading.skip_value:
            reading.skip_value = False
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
    if not reading.in_place:
        return []
    return reading.operands if reading.script_given else reading.operands[1:]


def _long_option(reading: _Reading, text: str) -> None:
    name, equals, _value = text.partition("=")
    if name == "--in-place":
        reading.in_place = True
    elif name in _LONG_VALUE:
        reading.script_given = reading.script_given or name in _LONG_SCRIPT
        reading.skip_value = not equals


def _cluster(reading: _Reading, letters: str) -> None:
    for at, letter in enumerate(letters):
        if letter == "i":
            reading.in_place = True
            reading.skip_suffix = at == len(letters) - 1
            return
        if letter in _VALUE_LETTERS:
            reading.script_given = reading.script_given or letter != "l"
            reading.skip_value = at == len(letters) - 1
            return
        if letter not in _SWITCHES:
            return
