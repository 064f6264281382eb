"""What a Windows script does, as the checks read it: the calls it makes (commands, native programs, .NET
methods), with their arguments resolved where the script gives literal values."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from shipgate.preflight.shell.model import ParameterDefault


@dataclass(frozen=True)
class Word:
    """An argument: ``text`` as written with the variables the script sets literally put in (others kept as
    ``$name``/``%name%``), ``value`` the literal when every part is known, ``assigned_line`` where the variable it
    came from was set, ``variable`` the name of the variable when the argument is written as one (``$out``)."""

    text: str
    value: str | None
    line: int
    assigned_line: int | None = None
    variable: str | None = None


@dataclass(frozen=True)
class Call:
    """One command, native program or .NET method call.

    ``name`` is lower case without directory or ``.exe`` (``invoke-webrequest``, ``curl``, ``schtasks``); a method
    is ``.downloadfile``, a static one ``[environment]::setenvironmentvariable``. ``words`` are every argument in
    order (parameters included, as written); ``options`` the PowerShell parameters by lower-case name without the
    dash (a switch maps to None); ``args`` the positional arguments; ``splat`` the literal entries of a hashtable
    passed as ``@name``. ``inputs`` names the calls whose output this one consumes (nested in its arguments or
    earlier in its pipeline); ``assigned_to`` the variable its result is stored in; ``elevated`` when it runs
    through ``Start-Process -Verb RunAs``."""

    name: str
    line: int
    text: str
    words: tuple[Word, ...] = ()
    options: Mapping[str, Word | None] = field(default_factory=dict)
    args: tuple[Word, ...] = ()
    splat: Mapping[str, Word] = field(default_factory=dict)
    inputs: tuple[str, ...] = ()
    assigned_to: str | None = None
    elevated: bool = False
    function: str | None = None  # the function of the file whose body holds the call
    program: str | None = None  # the command's program as written, variables put in (``C:\\x\\bin\\tool.exe``)
    passed_over: bool = False  # inside a ``try`` whose ``catch`` goes on (a check there the run can go past)

    def option(self, *names: str) -> Word | None:
        """The value of the first of ``names`` the call passes (a splatted hashtable's entry counts)."""
        for name in names:
            if self.options.get(name) is not None:
                return self.options[name]
            if name in self.splat:
                return self.splat[name]
        return None

    def has(self, *names: str) -> bool:
        return any(n in self.options or n in self.splat for n in names)


@dataclass(frozen=True)
class Setting:
    """An assignment to something other than a plain variable (``[Net.ServicePointManager]::X = …``)."""

    target: str
    value: str
    line: int


@dataclass(frozen=True)
class HashEntry:
    """``key = value`` inside a hashtable literal anywhere in the file."""

    key: str
    value: str
    line: int


@dataclass
class Reading:
    """What one reader found in a file (or in the PowerShell a batch line runs), before run order is worked out."""

    calls: list[Call] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)
    entries: list[HashEntry] = field(default_factory=list)
    admin: list[int] = field(default_factory=list)
    incomplete: str | None = None
    functions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    defaults: list[ParameterDefault] = field(default_factory=list)


@dataclass(frozen=True)
class WinScript:
    """A PowerShell or batch file: ``calls`` in file order (function bodies where they are written), ``order``
    the calls in the order they run (top level, a call of a function of the file replaced by its body, 5 levels),
    ``admin_checks`` the lines of checks that stop unless the script runs as Administrator, ``functions`` the
    parameter names (lower case, in order) of each function the file defines, ``defaults`` the literal text a
    ``param(…)`` block's parameter falls back to when its caller passes none (``[string]$Token = "x"``)."""

    path: str
    language: str  # 'powershell' or 'batch'
    calls: tuple[Call, ...] = ()
    order: tuple[Call, ...] = ()
    settings: tuple[Setting, ...] = ()
    hash_entries: tuple[HashEntry, ...] = ()
    admin_checks: tuple[int, ...] = ()
    incomplete: str | None = None
    functions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    defaults: tuple[ParameterDefault, ...] = ()

    def named(self, *names: str) -> Iterator[Call]:
        return (c for c in self.calls if c.name in names)
