"""What a Ruby install, setup or upgrade script runs, read through tree-sitter's Ruby grammar (the file is never run)
and written as the shell that does the same, at the file's lines, so the shell checks read it as a step.

Which file is a script (a step), by the rule the Python reader uses (``python_script.step_path``): a ``.rb`` or
``.rake`` file, or one whose interpreter line names ``ruby``, whose name or place says install, upgrade or setup
(Homebrew's old ``install``, a Rails ``bin/setup``, ``lib/tasks/…/setup.rake``), or a gem's ``extconf.rb``, which
RubyGems runs at ``gem install``, or a Capistrano deploy's task file (``lib/capistrano/tasks/*.rake``). Not a test,
a Chef recipe (``config_management.chef``), a Homebrew formula or a ``Vagrantfile``: those have readers of their own.

Written as shell:

- Commands: ``system``/``exec``/``spawn`` (also ``Kernel.``/``Process.``), Rake's ``sh``, backticks and ``%x{…}``.
  One string argument is a shell command line; several are the argv (``system "ln", "-sf", a, b``); a splat
  (``*dirs``), a local variable or a call is an unknown word (``${RB_VALUE}``). Keyword options
  (``exception: true``) are not words.
- A method of the file that hands its parameter to such a call is a runner too (``def sudo(*args) … system
  "/usr/bin/sudo", *args``, ``def run(cmd) `#{cmd}` ``, ``def system!(*args) system(*args, exception: true)``), also
  through another runner: its command is read at each call with what the call gives it, not in its body.
- ``Rake::Task["db:reset"].invoke`` is ``rake db:reset``; ActiveRecord's ``Migrator.migrate`` and
  ``connection.drop_database`` are ``rake db:migrate`` and ``rake db:drop`` (``shipgate.preflight.ruby_active_record``).
- A bare ``shell "…"`` (``run_command``…) of a module the file includes and does not define is that command line,
  where written (``shipgate.preflight.ruby_mixins``); so is a bare ``r "…"`` (or such a runner name) in a file that
  pulls in a file of its repository with ``require_relative``, whose helpers it calls as its own.
- ``Dir.chdir(dir) do … end`` is ``( cd dir`` … ``)`` over the block's lines (its commands run in ``dir``, those
  after it where the script was); ``Dir.chdir dir`` with no block is ``cd dir`` for the rest.
- A top-level check that exits unless the script runs as root (``abort … unless Process.euid.zero?``) is ``[
  "$(id -u)" -ne 0 ] && exit 1`` (``shipgate.preflight.ruby_root_check``).
- In a Rails generator (a class under ``Rails::Generators::…``, or a ``Thor::Group``), the actions that run a
  command: ``rake 'db:migrate'`` is ``rake db:migrate``, ``rails_command 'x'`` is ``bin/rails x``,
  ``bundle_command 'add gem'`` is ``bundle add gem``, ``run 'cmd'`` is ``cmd``, ``generate 'x'`` is ``bin/rails
  generate x`` (``rails generate solidus:install`` runs them as the install's steps).
- A local assigned once to a literal command line, also an array of literal lines joined with a literal separator
  (``setup = [...].join(" && ")``; ``system(setup)``), is that line (``shipgate.preflight.ruby_command_lines``).
- Values: ``#{CONST}`` and a bare ``CONST`` argument are ``${CONST}`` when the file assigns the constant a string at
  its top level (the assignment is written at its line when a command uses it), and so is ``#{name}`` of a local
  assigned once at the top level to a string (``ruby_command_lines.top_level_strings``); ``ENV["X"]`` is ``${X}``.

- ``File.write``/``File.open(P, "w"/"a")`` (a download when the data is fetched with ``URI.open``/``Net::HTTP``) and
  ``puts``/``print`` of a value (``echo``): ``shipgate.preflight.ruby_file_acts``.

Not seen: the condition of a modifier (``sudo … unless dirs.empty?`` is read as run), Ruby's other file operations
(``FileUtils.mv``; its tree deletes are read: ``ruby_file_acts``), calls into libraries that install (``Bundler``,
``Gem``)."""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass, field

import tree_sitter
import tree_sitter_ruby

from shipgate.preflight import ruby_file_acts, ruby_inline_gems, ruby_module_downloads
from shipgate.preflight.config_management.chef import is_recipe
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.package_scripts import is_package_recipe
from shipgate.preflight.python_script import one_per_line, step_path
from shipgate.preflight.ruby_active_record import active_record_task
from shipgate.preflight.ruby_capistrano import fetched, remote_words, runs_remotely, settings
from shipgate.preflight.ruby_command_lines import bound_lines, hash_locals, top_level_strings
from shipgate.preflight.ruby_mixins import MIXIN_RUNNERS, REQUIRED_RUNNERS, includes_module, requires_own_file
from shipgate.preflight.ruby_root_check import ROOT_CHECK, root_check_lines
from shipgate.preflight.syntax_nodes import parsed_nodes, walk

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_CHARS = 1_000_000
MAX_PIECES = 5_000
UNKNOWN = "${RB_VALUE}"
MARK = "\x00"  # where a runner's parameter goes in its command

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_ruby.language()))
_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*ruby")
_RUNS = frozenset({"system", "exec", "spawn", "sh"})
# Rails' generated ``bin/setup`` defines ``system!(*args)`` as ``system(*args, exception: true)``; a setup script
# that takes it from a helper it requires (``require_relative "bin_helpers"``) calls it bare without defining it:
# the same command, run or raise.
_RAISING_SYSTEM = "system!"
# The actions of a Rails generator (a class under ``Rails::Generators::…`` or a ``Thor::Group``) that run a
# command, as the shell words they stand for: ``rake 'db:migrate'`` runs the task, ``bundle_command 'add x'`` runs
# bundler, Thor's ``run 'cmd'`` runs a command line (docs/preflight.md, "Install programs in other languages").
_GENERATOR_ACTIONS = {
    "rake": "rake",
    "rails_command": "bin/rails",
    "bundle_command": "bundle",
    "run": "",
    "generate": "bin/rails generate",
}
_GENERATOR_BASES = ("Rails::Generators::", "Thor::Group")
_RUN_OWNERS = frozenset({"Kernel", "Process"})
# The script RubyGems runs at ``gem install`` to build a gem's native extension (the gemspec's ``extensions``): a
# step by its name, as an npm ``postinstall.js`` is, whatever folder the gem keeps it in.
_EXTENSION_BUILD = "extconf.rb"
_ESCAPES = {"n": " ", "t": " ", "\\": "\\", '"': '"', "'": "'", "#": "#", "$": "$", "`": "`"}


def is_ruby_script(path: str, text: str) -> bool:
    lower = path.lower()
    if len(text) > MAX_CHARS or is_test_path(path) or posixpath.basename(path) in ("Vagrantfile", "Gemfile"):
        return False
    if not (lower.endswith((".rb", ".rake")) or _INTERPRETER.match(text[:200])):
        return False
    step = step_path(path) or posixpath.basename(lower) == _EXTENSION_BUILD or _capistrano_task(lower)
    return step and not is_recipe(path, text) and not is_package_recipe(path, text)


def _capistrano_task(lower: str) -> bool:
    """A task file of a Capistrano deploy: ``lib/capistrano/tasks/*.rake``, the folder Capistrano's generated
    ``Capfile`` imports every task from (``Dir.glob("lib/capistrano/tasks/*.rake").each { |r| import r }``). Its
    tasks run as the product's deploy (``cap production services:link``), whatever their file is named."""
    return lower.endswith(".rake") and posixpath.dirname(lower).split("/")[-2:] == ["capistrano", "tasks"]


def syntax_nodes(text: str) -> list[Node] | None:
    """Every node of a Ruby source, None when it is too long or has too many to read."""
    return parsed_nodes(_PARSER, text) if len(text) <= MAX_CHARS else None


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the Ruby script at ``path`` runs; None when it is not a Ruby install/setup script."""
    if not is_ruby_script(path, text):
        return None
    nodes = parsed_nodes(_PARSER, text)
    if nodes is None:
        return None
    reader = _Reader(nodes)
    reader.read()
    reader.pieces += ruby_file_acts.pieces(nodes, reader.value)  # file writes, downloads, printed values
    reader.pieces += ruby_inline_gems.pieces(nodes, text)  # ``gemfile do source …; gem … end``
    reader.pieces += ruby_module_downloads.pieces(nodes)  # ``Lib::Fetcher.fetch(…)`` of a required file of its own
    names = r"\$\{(\w+)(?:\}|:)"  # ``${X}``, and a guarded ``${X:?}``
    used = {m for _, t in reader.pieces for m in re.findall(names, t)}
    for _ in range(len(reader.constants)):  # and the names those values are built from (``target = "u@#{host}"``)
        more = {m for n in used if n in reader.constants for m in re.findall(names, reader.constants[n][1])}
        if more <= used:
            break
        used |= more
    assignments = [(line, f"{name}={value}") for name, (line, value) in reader.constants.items() if name in used]
    # a Capistrano setting a command spelled out: its line holds that command's text (read as shell, not as a URL)
    settings = [
        (line, f"{name}={shlex.quote(text)}") for name, (line, text) in reader.fetched.items() if name.isidentifier()
    ]
    return one_per_line(reader.pieces[:MAX_PIECES] + assignments + settings)


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape")


@dataclass(frozen=True)
class _Template:
    """A command with MARK where the runner's parameter goes; ``shell``: a command line (else an argv)."""

    words: tuple[str, ...]
    shell: bool


@dataclass
class _Reader:
    nodes: list[Node]
    constants: dict[str, tuple[int, str]] = field(default_factory=dict)  # NAME -> (line, quoted value)
    runners: dict[str, _Template] = field(default_factory=dict)
    pieces: list[Piece] = field(default_factory=list)
    lines: dict[str, str] = field(default_factory=dict)  # a local assigned once to a literal command line
    hashes: frozenset[str] = frozenset()  # locals holding a hash literal: a command's environment, no word
    includes: bool = False  # the file includes a module at its top level (its methods are the file's)
    defined: frozenset[str] = frozenset()  # the methods the file defines
    requires: bool = False  # the file pulls in a file of its own (``require_relative``): its helpers are the file's
    returned: dict[str, Node] = field(default_factory=dict)  # a method with no parameter returning one string
    resolving: set[str] = field(default_factory=set)  # the methods whose value is being spelled (no recursion)
    settings: dict[str, Node] = field(default_factory=dict)  # a Capistrano deploy's ``set :name, "…"`` values
    fetched: dict[str, tuple[int, str]] = field(default_factory=dict)  # the settings a command used: line, text

    def read(self) -> None:
        methods = [n for n in self.nodes if n.type == "method"]
        self.returned = {_method_name(m): body for m in methods if (body := _one_string(m)) is not None}
        self.settings = settings(self.nodes)
        self.lines = bound_lines(self.nodes, lambda node: self.shell_text(node, None))
        self.hashes = hash_locals(self.nodes)
        locals_ = {id(node) for _, node in top_level_strings(self.nodes)}
        for node in self.nodes:
            if node.type == "assignment" and node.parent is not None and node.parent.type == "program":
                self.constant(node, id(node) in locals_)
        self.includes, self.defined = includes_module(self.nodes), frozenset(_method_name(m) for m in methods)
        self.requires = requires_own_file(self.nodes)
        for _ in range(4):  # a runner that calls another runner (``system!`` through ``system``)
            found = {name: t for m in methods for name, t in [self.runner(m)] if t is not None}
            if found.keys() <= self.runners.keys():
                break
            self.runners.update(found)
        bodies = [m for m in methods if _method_name(m) in self.runners]
        closes: list[Piece] = []
        for node in self.nodes:
            if any(b.start_byte <= node.start_byte < b.end_byte for b in bodies):
                continue  # a runner's own command: read at its calls
            command = self.command(node)
            if command is not None:
                self.pieces.append((node.start_point[0] + 1, command))
            elif node.type == "call":
                closes.extend(self.directory(node))
        self.pieces.extend(closes)  # after the block's own commands, also those on its last line
        self.pieces.extend((line, ROOT_CHECK) for line in root_check_lines(self.nodes))

    def constant(self, node: Node, known_local: bool = False) -> None:
        """A string constant, or a local the script assigns once at its top level to a string
        (``ruby_command_lines.top_level_strings``): both are ``${NAME}`` where interpolated."""
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is None or right is None or left.type not in ("constant", "identifier"):
            return
        if left.type == "identifier" and not known_local:
            return
        if right.type == "call" and _text(right.child_by_field_name("method") or right) == "freeze":
            right = right.child_by_field_name("receiver") or right
        if right.type == "string":
            self.constants[_text(left)] = (node.start_point[0] + 1, self.word(right))

    # ------------------------------------------------------------------------------------------------ commands

    def command(self, node: Node, param: str | None = None) -> str | None:
        """The shell a call or a backtick runs (with MARK for ``param`` when reading a runner's body)."""
        if node.type == "subshell":
            return self.shell_text(node, param)
        if node.type != "call":
            return None
        name = _text(node.child_by_field_name("method") or node)
        receiver = node.child_by_field_name("receiver")
        if name == "invoke" and receiver is not None and receiver.type == "element_reference":
            return self.rake_task(receiver)
        task = active_record_task(node)
        if task is not None:
            return task
        owner = _text(receiver) if receiver is not None else None
        template = self.runners.get(name) if owner is None else None
        raising = name == _RAISING_SYSTEM and owner is None and template is None and name not in self.defined
        builtin = (name in _RUNS and owner in (None, *_RUN_OWNERS)) or raising
        if not builtin and template is None and param is None and runs_remotely(node):
            return " ".join(self.remote_word(a) for a in remote_words(node)) or None  # SSHKit on the servers
        if not builtin and template is None and owner is None and param is None and self.mixed_in(name):
            args = self.arguments(node, None)  # ``shell "sudo chgrp …"`` of an included DSL: read where written
            return args[0].shell if len(args) == 1 and args[0].string else None
        if not builtin and template is None:
            return self.generator_action(node, name) if owner is None else None
        args = self.arguments(node, param)
        if template is not None:
            return _fill(template, args)
        return _render(args)

    def mixed_in(self, name: str) -> bool:
        """A runner's name (``shell``, ``run_command``…) the file calls bare but does not define, in a file that
        includes a module at its top level (``include Terraform::DSL``): the module's method that runs a command
        line (``ruby_mixins``)."""
        mixed = name in MIXIN_RUNNERS and self.includes
        return (mixed or (name in REQUIRED_RUNNERS and self.requires)) and name not in self.defined

    def directory(self, call: Node) -> list[Piece]:
        """``Dir.chdir(dir) do … end`` is a subshell that starts in ``dir`` (``( cd dir`` at the call's line,
        ``)`` where the block ends: returned, to be added after the block's commands); ``Dir.chdir dir`` with no
        block is ``cd dir`` for the rest of the script. A directory not known is ``${RB_VALUE}``."""
        receiver = call.child_by_field_name("receiver")
        if _text(call.child_by_field_name("method") or call) != "chdir" or receiver is None or _text(receiver) != "Dir":
            return []
        args = self.arguments(call, None)
        target = args[0].word if args else '"${HOME}"'
        block = call.child_by_field_name("block")
        line = call.start_point[0] + 1
        if block is None:
            self.pieces.append((line, f"cd {target}"))
            return []
        self.pieces.append((line, f"( cd {target}"))
        return [(block.end_point[0] + 1, ")")]

    def generator_action(self, call: Node, name: str) -> str | None:
        """A Rails generator's action that runs a command (``rake 'db:migrate'`` → ``rake db:migrate``), inside
        a class whose superclass is a Rails generator or a Thor group; None elsewhere."""
        prefix = _GENERATOR_ACTIONS.get(name)
        if prefix is None or not _in_generator(call):
            return None
        line = _render(self.arguments(call, None))
        return f"{prefix} {line}".strip() if line else None

    def rake_task(self, ref: Node) -> str | None:
        """``Rake::Task["db:reset"].invoke``: the task run as ``rake db:reset``."""
        named = [c for c in ref.named_children if c.type == "string"]
        if not named or not _text(ref).startswith("Rake::Task["):
            return None
        return f"rake {self.word(named[0])}"

    def arguments(self, call: Node, param: str | None) -> list[_Arg]:
        """Each positional argument; a splat or a value not known is one word."""
        args = call.child_by_field_name("arguments")
        out: list[_Arg] = []
        for arg in args.named_children if args is not None else ():
            if arg.type in ("pair", "hash", "block_argument", "comment") or _text(arg) in self.hashes:
                continue  # keyword options (``exception: true``, ``out: path``), an environment hash, a block
            if arg.type == "splat_argument":
                inner = arg.named_children[0] if arg.named_children else None
                word = MARK if inner is not None and _text(inner) == param else UNKNOWN
                out.append(_Arg(word, word, False))
            elif arg.type == "string":
                out.append(_Arg(self.shell_text(arg, param), self.word(arg, param), True))
            elif arg.type == "identifier" and _text(arg) == param:
                out.append(_Arg(MARK, MARK, False))
            elif arg.type == "identifier" and _text(arg) in self.lines:
                line = self.lines[_text(arg)]
                out.append(_Arg(line, _quoted(line), True))
            else:
                word = self.value(arg)
                out.append(_Arg(word, _quoted(word), False))
        return out

    def runner(self, method: Node) -> tuple[str, _Template | None]:
        """A method that hands its (first) parameter to a command: its name and the command's template."""
        name = _method_name(method)
        params = method.child_by_field_name("parameters")
        first = params.named_children[0] if params is not None and params.named_children else None
        if first is None or first.type not in ("identifier", "splat_parameter"):
            return name, None
        param = _text(first.named_children[0] if first.type == "splat_parameter" else first)
        for node in walk(method.child_by_field_name("body") or method):
            command = self.command(node, param)
            if command is not None and MARK in command:
                return name, _Template(tuple(command.split(MARK)), node.type == "subshell" or self.shell_call(node))
        return name, None

    # ------------------------------------------------------------------------------------------------ values

    def shell_text(self, node: Node, param: str | None) -> str:
        """Backticks, ``%x{}`` or a string given alone to ``system``: the command line, interpolations as values."""
        return "".join(self.part(c, param, quote=False) for c in node.children if c.type not in ("`", '"', "'"))

    def shell_call(self, node: Node) -> bool:
        """A call whose one argument is a string: a command line (its interpolations are the runner's)."""
        args = node.child_by_field_name("arguments")
        named = [a for a in args.named_children if a.type not in ("pair", "hash")] if args is not None else []
        return len(named) == 1 and named[0].type == "string"

    def part(self, child: Node, param: str | None, quote: bool) -> str:
        if child.type == "string_content":
            return _dq(_text(child)) if quote else _text(child)
        if child.type == "escape_sequence":
            return _ESCAPES.get(_text(child)[1:2], _text(child)[1:])
        if child.type == "interpolation":
            inner = child.named_children[0] if child.named_children else None
            if inner is not None and inner.type == "identifier" and _text(inner) == param:
                return MARK
            return self.value(inner) if inner is not None else ""
        return ""

    def remote_word(self, node: Node) -> str:
        """One of SSHKit's arguments as it joins them: a symbol is the command's name, a string its text."""
        if node.type == "simple_symbol":
            return _text(node)[1:]
        return self.spelled(node) if node.type in ("string", "chained_string") else self.value(node)

    def spelled(self, node: Node) -> str:
        """A string's text, or chained strings' (``"a " \\ "b"``) joined, interpolations as values."""
        strings = node.named_children if node.type == "chained_string" else [node]
        return "".join(self.shell_text(s, None) for s in strings)

    def value(self, node: Node) -> str:
        """``${CONST}`` for a constant the file assigns, ``${X}`` for ``ENV["X"]``, a Capistrano setting's value
        for ``fetch(:name)``, else unknown."""
        setting = fetched(node)
        if setting is not None and setting in self.settings and ":" + setting not in self.resolving:
            self.resolving.add(":" + setting)  # ``set :update, "#{fetch(:install)} --skip-shell"``: no recursion
            spelled = self.spelled(self.settings[setting])
            self.resolving.discard(":" + setting)
            self.fetched[setting] = (self.settings[setting].start_point[0] + 1, spelled)
            return spelled
        if node.type in ("constant", "identifier") and _text(node) in self.constants:
            return "${" + _text(node) + "}"
        name = _text(node)
        if node.type == "identifier" and name in self.returned and name not in self.resolving:
            self.resolving.add(name)  # ``def unit_path = "/etc/systemd/system/#{name}.service"``: its string
            spelled = self.shell_text(self.returned[name], None)
            self.resolving.discard(name)
            return spelled
        if node.type == "identifier" and name in self.lines:
            return self.lines[name]  # a local the file assigns once, to a string (``service = "#{name}.service"``)
        if node.type == "element_reference" and _text(node).startswith("ENV["):
            keys = [c for c in node.named_children if c.type == "string"]
            key = self.shell_text(keys[0], None) if keys else ""
            return "${" + key + "}" if re.fullmatch(r"[A-Za-z_]\w*", key) else UNKNOWN
        return UNKNOWN

    def word(self, node: Node, param: str | None = None) -> str:
        """One argv word, quoted for the shell when it needs to be."""
        if node.type == "string":
            return _quoted("".join(self.part(c, param, quote=True) for c in node.children))
        return _quoted(self.value(node))


def _in_generator(node: Node) -> bool:
    """``node`` is in the body of a class that inherits from a Rails generator or a Thor group."""
    parent = node.parent
    while parent is not None:
        if parent.type == "class":
            superclass = parent.child_by_field_name("superclass")
            return superclass is not None and any(b in _text(superclass) for b in _GENERATOR_BASES)
        parent = parent.parent
    return False


def _one_string(method: Node) -> Node | None:
    """The string a method with no parameter returns as its one expression (``def service_file_path;
    "/etc/systemd/system/#{service_name}.service"; end``): calling it bare is that value; else None."""
    if method.child_by_field_name("parameters") is not None:
        return None
    body = method.child_by_field_name("body")
    if body is None or body.type == "string":  # ``def unit_path = "…"``
        return body
    named = [c for c in body.named_children if c.type != "comment"]
    return named[0] if len(named) == 1 and named[0].type == "string" else None


def _method_name(method: Node) -> str:
    name = method.child_by_field_name("name")
    return _text(name) if name is not None else ""


def _dq(text: str) -> str:
    return re.sub(r'([\\"$`])', r"\\\1", text)


@dataclass(frozen=True)
class _Arg:
    shell: str  # as a command line (a string given alone)
    word: str  # as one argv word
    string: bool


def _quoted(word: str) -> str:
    """``word`` (literal parts already escaped) as one shell word: bare when it is plain, else double-quoted."""
    if MARK in word or re.fullmatch(r"(?:[\w@%+=:,./-]|\$\{\w+\})+", word):
        return word
    return '"' + word + '"'


def _render(args: list[_Arg]) -> str | None:
    """One string argument is a command line; several arguments are the argv."""
    if not args:
        return None
    if len(args) == 1 and args[0].string:
        return args[0].shell
    return " ".join(a.word for a in args)


def _fill(template: _Template, args: list[_Arg]) -> str | None:
    """A runner's command with the call's arguments where its parameter was: a string given alone to a runner
    that runs a command line (``run("rm -rf …")`` into backticks) is that line; otherwise the argv words."""
    if template.words == ("", ""):
        return _render(args)
    if not args:
        return None
    given = args[0].shell if template.shell and len(args) == 1 and args[0].string else " ".join(a.word for a in args)
    return given.join(template.words)
