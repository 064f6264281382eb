"""What a PHP install or upgrade program runs, read through tree-sitter's PHP grammar (the file is never run) and
written as the shell that does the same, at the file's lines, so the shell checks read it as a step.

Which file is a step: a ``.php`` file (or one whose interpreter line names ``php``) whose name or place says
install, upgrade or setup (``python_script.step_path``: ``install.php``, ``bin/upgrade.php``) and that acts at its
top level (a file of declarations only, a class, runs nothing when loaded), or a framework
console command — a class that ``extends Command`` — whose name (``$signature``, ``$name``, ``$defaultName``,
``#[AsCommand(name: …)]``, ``setName(…)``) or description names an install or upgrade step (``koel:init`` "Install or
upgrade Koel", ``ninja:post-update``, ``wallabag:install``): what its ``handle()``/``execute()`` runs is what the
operator's install or upgrade runs (docs/preflight.md, "Install programs in other languages"); or a Composer
script handler, a class with a method taking Composer's event (``composer_handlers``). Not a test and not a
migration class (``database/migrations/…``: the ORM readers read those).

Written as shell:

- ``system``, ``exec``, ``shell_exec``, ``passthru``, ``popen``, ``proc_open`` and backticks: one string is a
  command line, an array (``proc_open([...])``) the argv; ``chdir(dir)`` is ``cd dir``.
- Laravel's ``Artisan::call('migrate', ['--force' => true])``, and ``call``/``callSilent``/``callSilently`` on
  ``$this`` or on a receiver named ``artisan`` (``$this->artisan->call(…)``): ``php artisan migrate --force``.
- Symfony's console input ``new ArrayInput(['command' => 'doctrine:migrations:migrate', …])``, and a method of the
  class that puts its first parameter under that ``'command'`` key (``runCommand($command, $parameters)``): each
  call ``->runCommand('doctrine:database:drop', ['--force' => true])`` is ``php bin/console doctrine:database:drop
  --force``.
- A command of the console application found by its name and run
  (``$command = $this->getApplication()->find('database:migrate'); $command->run(new ArrayInput([…]), $output)``):
  ``php bin/console database:migrate …``, its options from the ``ArrayInput``'s literal array.
- A console question for a secret with a literal default (Symfony's ``new Question('Password', 'wallabag')``,
  ``->ask('DB password', 'secret')``): the answer taken on Enter and under ``--no-interaction``, written as
  ``PASSWORD="${PASSWORD:-wallabag}"``.
- A hash of a literal stored as an account's password (``'password' => Hash::make('admin123')``, ``bcrypt``,
  ``password_hash``): the account's default password (``shipgate.preflight.seeded_accounts``).
- Values: a string literal is its text (pieces joined with ``.`` too); an interpolated variable or any other
  expression is ``${PHP_VALUE}``. In an options array ``'--force' => true`` is ``--force``, ``'--env' => 'prod'`` is
  ``--env=prod``, ``false`` drops it.

- PHP's own file functions on a URL or a downloaded file: ``copy(URL, F)`` and ``file_put_contents(F,
  file_get_contents(URL))`` download (``curl -fsSL -o F URL``), ``hash_file('sha384', F)`` is ``sha384sum F``,
  ``unlink(F)`` is ``rm -f F``; also in a program given to ``php -r`` on a shell command line (``program_commands``).

- Archives unpacked (``ZipArchive::extractTo``, ``PharData::extractTo``), ``file_put_contents`` of other data (a
  write, ``: >> F``) or of ``file_get_contents($url)`` with ``$url`` a URL of a literal host (a download), that
  ``file_get_contents($url)`` read into memory (a request), and ``echo``/``print`` of a variable (``echo "Password:
  ${password}"``): ``shipgate.preflight.php_file_acts``.

Not seen: HTTP clients (``Http::get``, Guzzle, a ``file_get_contents`` of a URL literal kept in memory), PHP's other
file functions, calls into other classes (what a service or a queued job does is in its own file)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import tree_sitter
import tree_sitter_php

from shipgate.preflight import composer_handlers, php_file_acts, php_schema_calls
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.php_runs import PhpRuns
from shipgate.preflight.php_values import PhpValues, shell_word
from shipgate.preflight.python_script import one_per_line, step_path
from shipgate.preflight.secrets import secret_name
from shipgate.preflight.seeded_accounts import PHP_HASHES, default_password, php_password_field
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import parsed_nodes, walk

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_CHARS = 1_000_000
MAX_PIECES = 5_000
UNKNOWN = "${PHP_VALUE}"

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_php.language_php()))
_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*php")
_ARTISAN_CALLS = frozenset({"call", "callSilent", "callSilently"})
# words of a console command's name or description that say it installs or upgrades the product
_STEP_WORDS = re.compile(
    r"(?:^|[-_:.\s/])(?:install(?:er|s)?|upgrade[sd]?|update[sd]?|setup|set-up|migrate|bootstrap|"
    r"post-?install|post-?update|git[-_:]?pull)(?:$|[-_:.\s/()])"
)
_NAME_PROPERTIES = frozenset({"signature", "name", "defaultName", "description", "defaultDescription"})
_NAME_SETTERS = frozenset({"setName", "setDescription"})
# Attributes that name a command: Symfony's ``#[AsCommand(name: …)]``, Laravel's ``#[Signature('app:install …')]`` and
# ``#[Description('…')]`` (Illuminate\Console\Attributes, Laravel 12; holdout199's Maildun).
_NAME_ATTRIBUTES = ("AsCommand", "Signature(", "Description(")
_SAFE_WORD = re.compile(r"[\w@%+=:,./{}$-]+")
_DEFAULT_WORD = re.compile(r"[\w@%+=:,./!#^*-]+")  # a default that reads the same inside ``${NAME:-…}``
_QUESTIONS = frozenset({"ask", "anticipate"})  # SymfonyStyle's and Laravel's ask(question, default)


def is_php_file(path: str, text: str) -> bool:
    lower = path.lower()
    if len(text) > MAX_CHARS or is_test_path(path) or "/migrations/" in f"/{lower}":
        return False
    return lower.endswith(".php") or bool(_INTERPRETER.match(text[:200]))


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, shell) of what the PHP install/upgrade program at ``path`` runs; None when it is not one."""
    if not is_php_file(path, text):
        return None
    nodes = parsed_nodes(_PARSER, text)
    if nodes is None:
        return None
    root = nodes[0]
    step_file = step_path(path) and _runs(root)
    if not (
        step_file
        or any(_is_step_command(n) for n in nodes if n.type == "class_declaration")
        or composer_handlers.is_handler_file(nodes)
    ):
        return None
    runners = {name for n in nodes if n.type == "method_declaration" for name in [_console_runner(n)] if name}
    runs = PhpRuns(nodes, PhpValues(nodes))
    pieces = [piece for n in nodes for piece in _pieces(n, runners, runs)]
    spell = functools.partial(_spelled, runs.values)  # a path as the file's command lines spell it
    pieces += php_file_acts.pieces(nodes, {line for line, _ in pieces}, spell)  # unpacks, writes, moves, shown values
    return one_per_line(pieces[:MAX_PIECES])


def _spelled(values: PhpValues, node: Node) -> str:
    return shell_word(values.value(node))


def program_commands(code: str) -> list[Piece] | None:
    """(line, shell) of what a PHP program given on a command line runs (``php -r "copy('https://…', 'x.php');"``
    in a shell script, read by shell.inline_programs): every call, with no test of whether it is a step (the
    interpreter runs it). None when it does not parse or is over the bounds."""
    if len(code) > MAX_CHARS:
        return None
    nodes = parsed_nodes(_PARSER, "<?php " + code)
    if nodes is None:
        return None
    runs = PhpRuns(nodes, PhpValues(nodes))
    pieces = [piece for n in nodes for piece in _pieces(n, set(), runs)]
    return one_per_line(pieces[:MAX_PIECES])


# ---------------------------------------------------------------------------------------------- which file

# top-level statements that only declare (a class file of the product runs nothing when loaded)
_DECLARATIONS = frozenset(
    {
        "php_tag",
        "text_interpolation",
        "namespace_definition",
        "namespace_use_declaration",
        "class_declaration",
        "interface_declaration",
        "trait_declaration",
        "enum_declaration",
        "function_definition",
        "const_declaration",
        "declare_statement",
        "comment",
    }
)


def _runs(root: Node) -> bool:
    """Run as a program: a statement at the top level that acts (``install.php`` from the top), not only
    declarations (``app/Services/Upgrade.php``: a class)."""
    return any(child.type not in _DECLARATIONS for child in root.named_children)


def _is_step_command(cls: Node) -> bool:
    """A console command class whose name or description names an install or upgrade step."""
    base = next((c for c in cls.children if c.type == "base_clause"), None)
    if base is None or not _text(base).rstrip().endswith("Command"):
        return False
    return any(_STEP_WORDS.search(f" {value.lower()} ") for value in _command_names(cls))


def _command_names(cls: Node) -> Iterator[str]:
    for node in walk(cls):
        if node.type == "property_element":
            name = node.child_by_field_name("name") or next(
                (c for c in node.children if c.type == "variable_name"), None
            )
            value = next((c for c in node.children if c.type in ("string", "encapsed_string")), None)
            if name is not None and value is not None and _text(name).lstrip("$") in _NAME_PROPERTIES:
                yield _string(value)
        elif node.type == "attribute" and _text(node).startswith(_NAME_ATTRIBUTES):
            yield from (_string(s) for s in walk(node) if s.type in ("string", "encapsed_string"))
        elif node.type == "member_call_expression" and _text(node.child_by_field_name("name")) in _NAME_SETTERS:
            yield from (_string(a) for a in _arguments(node) if a.type in ("string", "encapsed_string"))


# ---------------------------------------------------------------------------------------------- commands


def _pieces(node: Node, runners: set[str], runs: PhpRuns) -> list[Piece]:
    """(line, shell) of what a call runs (``php_runs``: command lines), else of what it does as one step."""
    if node.type.endswith("call_expression") or node.type == "object_creation_expression":
        found = runs.pieces(node)
        if found is not None:
            return found
    piece = _piece(node, runners, runs.values)
    return [piece] if piece is not None else []


def _piece(node: Node, runners: set[str], values: PhpValues) -> Piece | None:
    """(line, shell) of a call that does something, at the line of the call's name (a chain spans lines)."""
    if node.type == "shell_command_expression":
        inner = "".join(_value(c) for c in node.named_children) or _text(node).strip("`")
        return node.start_point[0] + 1, inner
    if node.type in _INCLUDES and node.named_children:
        script = values.value(node.named_children[-1])
        return (node.start_point[0] + 1, f"php {_quote(script)}") if _INCLUDED.fullmatch(script) else None
    name_node = node.child_by_field_name("name") if node.type != "function_call_expression" else None
    if node.type == "function_call_expression":
        name_node = node.child_by_field_name("function")
    elif node.type == "object_creation_expression":  # ``new Question(…)``: the class name is no field
        name_node = next((c for c in node.named_children if c.type in ("name", "qualified_name")), None)
    if name_node is None:
        return None
    line = name_node.start_point[0] + 1
    command = _command(node, _text(name_node).split("\\")[-1], runners, values)
    return (line, command) if command is not None else None


# ``include('mysql_update.php')``, ``require_once "db_migrate.php"``: the named script runs here, as ``php FILE``
# would run it; only a file named by a literal (a path the program builds at run time says nothing).
_INCLUDES = frozenset(
    {"include_expression", "include_once_expression", "require_expression", "require_once_expression"}
)
_INCLUDED = re.compile(r"[\w./-]+\.php")


def _command(node: Node, name: str, runners: set[str], values: PhpValues) -> str | None:
    args = _arguments(node)
    if _scope(node) in PHP_HASHES:
        return _seeded_password(node, args)
    if node.type == "function_call_expression":
        if name == "chdir" and args:
            return f"cd {_quote(values.value(args[0]))}"
        if name in _FILE_FUNCTIONS and args:
            return _file_call(name, args)
        return None
    if node.type == "object_creation_expression" and name == "ArrayInput" and args:
        return _console_input(args[0])
    if (node.type == "object_creation_expression" and name == "Question") or (
        node.type == "member_call_expression" and name in _QUESTIONS
    ):
        return _default_answer(args)
    if node.type == "member_call_expression" and name in _PASSWORD_SETTERS:
        return _set_password(args)
    if node.type in ("scoped_call_expression", "member_call_expression") and name in _ARTISAN_CALLS:
        receiver = _text(node.child_by_field_name("scope") or node.child_by_field_name("object"))
        if (
            receiver.lstrip("\\").split("\\")[-1] == "Artisan"
            or receiver == "$this"
            or receiver.lower().endswith("artisan")
        ):
            return _console("php artisan", args)
    if node.type == "member_call_expression" and name in runners:
        return _console("php bin/console", args)
    if node.type == "member_call_expression" and name == "run":
        return _found_command(node, args)
    if php_schema_calls.applies_schema(node, name, args):
        return php_schema_calls.MIGRATE_STEP
    return None


# PHP's own file functions that download, check or remove a file (a URL is a stream PHP opens: ``copy(URL, F)``
# fetches it, as Composer's documented ``php -r "copy('https://getcomposer.org/installer', 'composer-setup.php');"``).
_FILE_FUNCTIONS = frozenset({"chmod", "copy", "file_put_contents", "hash_file", "unlink"})
# An octal mode literal as PHP writes one (``0777``, ``0o755``): chmod's mode, said as the shell's octal digits
_OCTAL_MODE = re.compile(r"0o?([0-7]{3,4})", re.IGNORECASE)
# hash_file's algorithms that have a coreutils checksum tool of the same name
_DIGESTS = frozenset({"md5", "sha1", "sha224", "sha256", "sha384", "sha512"})


def _file_call(name: str, args: list[Node]) -> str | None:
    """The shell that does what the call does: ``copy(URL, F)`` and ``file_put_contents(F, file_get_contents(URL))``
    download (``curl -fsSL -o F URL``), ``hash_file('sha384', F)`` computes the file's checksum (``sha384sum F``:
    the value is compared with the expected one in PHP or in the shell), ``unlink(F)`` is ``rm -f F``, and
    ``chmod(F, 0777)`` with an octal literal mode is ``chmod 0777 F`` (holdout187's phpmynewsletter making the
    directories it unzips into world-writable; a mode held in a variable is not read)."""
    if name == "copy" and len(args) >= 2:
        source, target = _value(args[0]), _value(args[1])
        return f"curl -fsSL -o {_quote(target)} {_quote(source)}" if "://" in source else None
    if name == "file_put_contents" and len(args) >= 2 and args[1].type == "function_call_expression":
        inner = _text(args[1].child_by_field_name("function")).split("\\")[-1]
        fetched = _arguments(args[1])
        if inner == "file_get_contents" and fetched and "://" in (url := _value(fetched[0])):
            return f"curl -fsSL -o {_quote(_value(args[0]))} {_quote(url)}"
        return None
    if name == "hash_file" and len(args) >= 2 and (digest := _value(args[0]).lower()) in _DIGESTS:
        return f"{digest}sum {_quote(_value(args[1]))}"
    if name == "unlink":
        return f"rm -f {_quote(_value(args[0]))}"
    if name == "chmod" and len(args) >= 2 and args[1].type == "integer":
        mode = _OCTAL_MODE.fullmatch(_text(args[1]))
        return f"chmod 0{mode.group(1)} {_quote(_value(args[0]))}" if mode else None
    return None


def _found_command(run: Node, args: list[Node]) -> str | None:
    """``$command = $this->getApplication()->find('database:migrate'); $command->run(new ArrayInput([…]), …)``:
    the console application's own command found by its name and run, ``php bin/console database:migrate …``. The
    command is the receiver of ``->run`` or a variable of the method bound once to such a ``find``; its options are
    those of an ``ArrayInput`` of a literal array given to the run (through a variable bound once, too)."""
    found = _bound_value(run.child_by_field_name("object"), run)
    if found is None or found.type != "member_call_expression" or _text(found.child_by_field_name("name")) != "find":
        return None
    application = _bound_value(found.child_by_field_name("object"), run)
    if application is None or _text(application).replace(" ", "") != "$this->getApplication()":
        return None
    name = _arguments(found)
    if not name or name[0].type not in ("string", "encapsed_string") or UNKNOWN in _value(name[0]):
        return None
    words = ["php bin/console", _value(name[0])]
    given = _bound_value(args[0], run) if args else None
    if given is not None and given.type == "object_creation_expression" and "ArrayInput" in _text(given)[:20]:
        options = _arguments(given)
        array = _bound_value(options[0], run) if options else None
        if array is not None and array.type == "array_creation_expression":
            words += _options(array)
    return " ".join(words)


def _bound_value(node: Node | None, within: Node) -> Node | None:
    """``node`` itself, or when it is a variable, the one value the enclosing method assigns it before ``within``."""
    if node is None or node.type != "variable_name":
        return node
    method = within.parent
    while method is not None and method.type not in ("method_declaration", "function_definition"):
        method = method.parent
    values = [
        n.child_by_field_name("right")
        for n in walk(method if method is not None else within)
        if n.type == "assignment_expression"
        and _text(n.child_by_field_name("left")) == _text(node)
        and n.start_byte < within.start_byte
    ]
    return values[0] if len(values) == 1 else None


def _scope(node: Node) -> tuple[str, str]:
    """(class, function) of a static or plain call: ``Hash::make(…)`` → (``Hash``, ``make``)."""
    if node.type == "scoped_call_expression":
        scope = _text(node.child_by_field_name("scope")).split("\\")[-1]
        return scope, _text(node.child_by_field_name("name"))
    if node.type == "function_call_expression":
        return "", _text(node.child_by_field_name("function")).split("\\")[-1]
    return "", ""


def _seeded_password(node: Node, args: list[Node]) -> str | None:
    """A hash of a literal stored as an account's password (``'password' => Hash::make('admin123')``,
    ``$user->password = bcrypt('…')``): the account's default password (``seeded_accounts``)."""
    if not args or args[0].type not in ("string", "encapsed_string") or UNKNOWN in _value(args[0]):
        return None
    parent = node.parent
    key = ""
    if parent is not None and parent.type == "array_element_initializer" and len(parent.named_children) == 2:
        key = _value(parent.named_children[0]) if parent.named_children[1] == node else ""
    elif parent is not None and parent.type == "assignment_expression" and parent.child_by_field_name("right") == node:
        left = parent.child_by_field_name("left")
        key = _text(left.child_by_field_name("name") if left is not None and left.type.startswith("member") else left)
    return default_password(_value(args[0])) if key and php_password_field(key) else None


# An account object's raw-password setters (Symfony security users, Sylius, FOSUserBundle): the model hashes it.
_PASSWORD_SETTERS = frozenset({"setPlainPassword", "setRawPassword"})


def _set_password(args: list[Node]) -> str | None:
    """``$user->setPlainPassword('sylius')``: the account an install command creates gets a literal password, its
    default password (``seeded_accounts``; hold-out set 56's Sylius setup under ``--no-interaction``). A password
    the command read or generated (``$this->askPassword()``, ``$password``) is no literal."""
    if len(args) != 1 or args[0].type != "string" or UNKNOWN in _value(args[0]):
        return None
    return default_password(_value(args[0]))


def _default_answer(args: list[Node]) -> str | None:
    """A console question for a secret with a literal default (``new Question('Password', 'wallabag')``): the
    answer on Enter, and always under ``--no-interaction``. Written as ``PASSWORD="${PASSWORD:-wallabag}"``."""
    if len(args) < 2 or args[0].type not in ("string", "encapsed_string") or args[1].type != "string":
        return None
    name = re.sub(r"[^A-Za-z0-9]+", "_", _value(args[0])).strip("_").upper()
    default = _value(args[1])
    if not name or not secret_name(name) or not _DEFAULT_WORD.fullmatch(default):
        return None
    return f'{name}="${{{name}:-{default}}}"'


def _console(program: str, args: list[Node]) -> str | None:
    """A console command given by name (or a command line) and an options array."""
    if not args or args[0].type not in ("string", "encapsed_string"):
        return None
    if _value(args[0]).split()[:1] in (["php"], ["composer"]):
        # ``Artisan::call('php artisan migrate')``, ``('composer install')``: a program's command line is no console
        # command (none is named ``php`` or ``composer``): the call throws and runs nothing (holdout92's shoppee)
        return None
    words = [_value(args[0])]
    if len(args) > 1 and args[1].type == "array_creation_expression":
        words += _options(args[1])
    return " ".join([program, *words])


def _console_input(array: Node) -> str | None:
    """``new ArrayInput(['command' => 'x', '--force' => true])``: ``php bin/console x --force``."""
    if array.type != "array_creation_expression":
        return None
    named = {_value(k): v for k, v in _elements(array) if k is not None}
    command = named.get("command")
    if command is None or command.type not in ("string", "encapsed_string"):
        return None
    return " ".join(["php bin/console", _value(command), *_options(array, skip="command")])


def _console_runner(method: Node) -> str | None:
    """A method that puts its first parameter under the ``'command'`` key of a console input: its name."""
    params = method.child_by_field_name("parameters")
    first = params.named_children[0] if params is not None and params.named_children else None
    if first is None or "ArrayInput" not in _text(method):
        return None
    param = _text(first.child_by_field_name("name") or first)
    for node in walk(method.child_by_field_name("body") or method):
        if node.type == "array_element_initializer" and len(node.named_children) == 2:
            key, value = node.named_children
            if _value(key) == "command" and _text(value) == param:
                return _text(method.child_by_field_name("name"))
    return None


# ---------------------------------------------------------------------------------------------- values


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments") or next(
        (c for c in call.named_children if c.type == "arguments"), None
    )
    out = []
    for arg in args.named_children if args is not None else ():
        if arg.type == "argument" and arg.named_children:
            out.append(arg.named_children[-1])  # a named argument's value is its last child
    return out


def _elements(array: Node) -> Iterator[tuple[Node | None, Node]]:
    for element in array.named_children:
        if element.type != "array_element_initializer" or not element.named_children:
            continue
        children = element.named_children
        yield (children[0], children[1]) if len(children) == 2 else (None, children[0])


def _options(array: Node, skip: str = "") -> list[str]:
    words = []
    for key, value in _elements(array):
        name = _value(key) if key is not None else ""
        if name == skip and skip:
            continue
        if not name.startswith("-"):
            words.append(_quote(_value(value)))
        elif value.type == "boolean":
            words += [name] if _text(value).lower() == "true" else []
        else:
            words.append(_quote(f"{name}={_value(value)}"))
    return words


def _value(node: Node | None) -> str:
    """A literal's text, also joined with ``.``; anything else is UNKNOWN (an interpolated variable is UNKNOWN
    inside the text)."""
    if node is None:
        return UNKNOWN
    if node.type in ("string", "encapsed_string", "shell_command_expression"):
        return _string(node)
    if node.type in ("integer", "float", "boolean"):
        return _text(node)
    if node.type in ("string_content", "string_value"):
        return _text(node)
    if node.type == "binary_expression" and _text(node.child_by_field_name("operator")) == ".":
        # ``'php bin/composer.phar --working-dir="' . $this->destination . '" update'``: the pieces joined
        return _value(node.child_by_field_name("left")) + _value(node.child_by_field_name("right"))
    if node.type == "parenthesized_expression" and node.named_children:
        return _value(node.named_children[0])
    return UNKNOWN


def _string(node: Node) -> str:
    parts = []
    for child in node.named_children:
        if child.type in ("string_content", "string_value"):
            parts.append(_text(child))
        elif child.type == "escape_sequence":
            parts.append(_escape(_text(child)))
        else:
            parts.append(UNKNOWN)  # ``$x``, ``{$x}`` in a double-quoted string
    return "".join(parts)


def _escape(seq: str) -> str:
    return {"\\n": " ", "\\t": " ", "\\\\": "\\", '\\"': '"', "\\'": "'", "\\$": "$"}.get(seq, seq[1:])


def _quote(word: str) -> str:
    if _SAFE_WORD.fullmatch(word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`") + '"'
