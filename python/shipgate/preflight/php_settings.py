"""PHP settings as PHP reads them: which lines of a PHP file hold a setting and which hold something else, from
tree-sitter-php's parse tree, so a comment or a string that looks like an entry is data, not a line to match.

- An **entry**: an array element with a string key (``'password' => 'x',``, at any depth of nested arrays) or a
  constant's definition (``define('DB_PASSWORD', 'x');``) that opens its line. A fragment the parser cannot place
  (entries outside any array) keeps its entries: the strings before ``=>``.
- An **element setting**: a string assigned to an element of an array variable (``$conf['db']['password'] = 'x';``)
  that opens its line.
- A **constant**: ``define('NAME', value)``'s name and the column its value starts at, which
  ``secrets.keyword_secrets`` reads as ``NAME = value`` (a name built at run time is none).
- A **commented line**: a line inside a block comment (``/* … */``) that opens its line; an entry there is an
  example commented out. A **quoted line**: a line after the first of a multi-line string or heredoc, text.

credentials.py asks it what an entry is in a PHP file: a setting of a settings file (by its name, ``config.php``,
``settings.inc.php``, ``local.php``, or under a ``config/`` folder as Laravel keeps them) is read as configuration;
an entry in other PHP code (a class's field map, a form's types, test data) is no credential, nor one of the copy a
settings file is made from (CakePHP's ``database.php.default``). The values themselves are read by
``secrets.keyword_secrets``, given the constants. A file of more than :data:`syntax_nodes.MAX_NODES` nodes is not
read."""

from __future__ import annotations

import dataclasses
import itertools
import posixpath
import re
from collections.abc import Mapping

import tree_sitter
import tree_sitter_php

from shipgate.preflight.syntax_nodes import node_text, parsed_nodes

Node = tree_sitter.Node

_WITH_TAGS = tree_sitter.Parser(tree_sitter.Language(tree_sitter_php.language_php()))
_CODE_ONLY = tree_sitter.Parser(tree_sitter.Language(tree_sitter_php.language_php_only()))
# PHP source by its suffix, and a copy of one (``config.php.dist``, ``database.php.default``)
_PHP_SOURCE = re.compile(r"\.(?:php\d?|inc|phtml|module|install)$")
_PHP_COPY = re.compile(r"\.php\.\w+$")
# A PHP settings file by its name (``config.php``, ``config.dist.php``, ``settings.inc.php``, ``local.php``).
_SETTINGS_FILE = re.compile(
    r"(?i)^(?:[\w-]*[._-])?(?:config|configuration|settings|conf|local)(?:[._-][\w.-]*)?\.php(?:\.\w+)?$"
)
_STRINGS = frozenset({"string", "encapsed_string"})
_TEXTS = _STRINGS | {"heredoc", "nowdoc"}
_CONSTANT_NAME = re.compile(r"[A-Za-z_]\w*")


@dataclasses.dataclass(frozen=True)
class PhpSettings:
    """The lines of one PHP file that open an entry, an element setting, or lie in a block comment."""

    path: str
    entries: frozenset[int]
    elements: frozenset[int]
    commented: frozenset[int]
    quoted: frozenset[int]
    constants: Mapping[int, tuple[str, int]]

    def settings_file(self) -> bool:
        """Named as a settings file (``config.dist.php``)."""
        return settings_file_name(self.path)

    def setting(self, line: int) -> bool:
        """An element setting of a settings file (``$conf['database']['password'] = 'password';`` in
        ``config.dist.php``): a setting's value, as in configuration."""
        return line in self.elements and self.settings_file()

    def not_a_setting(self, line: int) -> bool:
        """An entry outside a settings file (a class's field map, a form's types) or in the copy a settings file is
        made from (``database.php.default``): not a setting in effect."""
        if line not in self.entries:
            return False
        if self.path.endswith(".php.default"):
            return True
        in_settings = self.settings_file() or "/config/" in f"/{self.path}"
        return bool(_PHP_SOURCE.search(self.path)) and not in_settings


def settings_file_name(path: str) -> bool:
    """Named as a PHP settings file (``config.php``, ``config.dist.php``, ``settings.inc.php``, ``local.php``)."""
    return bool(_SETTINGS_FILE.match(posixpath.basename(path)))


def is_php(path: str) -> bool:
    """PHP source or a copy of it, by its name."""
    return bool(_PHP_SOURCE.search(path) or _PHP_COPY.search(path))


def read(path: str, source: str) -> PhpSettings | None:
    """The settings lines of the PHP file at ``path``; None when it is not PHP or too large to read."""
    if not is_php(path):
        return None
    parser = _WITH_TAGS if "<?" in source else _CODE_ONLY
    nodes = parsed_nodes(parser, source)
    if nodes is None:
        return None
    data = source.encode("utf-8", "surrogateescape")
    starts = _line_starts(data)
    entries: set[int] = set()
    elements: set[int] = set()
    commented: set[int] = set()
    quoted: set[int] = set()
    constants: dict[int, tuple[str, int]] = {}
    for node in nodes:
        if node.type == "comment" and node_text(node).startswith("/*") and _opens_line(node, data, starts):
            commented.update(range(node.start_point[0] + 1, node.end_point[0] + 2))
        elif _entry(node) and _opens_line(node, data, starts):
            entries.add(node.start_point[0] + 1)
            if (constant := _constant(node, data, starts)) is not None:
                constants[node.start_point[0] + 1] = constant
        elif _element_setting(node) and _opens_line(node, data, starts):
            elements.add(node.start_point[0] + 1)
        elif node.type in _TEXTS and node.end_point[0] > node.start_point[0]:
            quoted.update(range(node.start_point[0] + 2, node.end_point[0] + 2))
        elif node.type == "ERROR":  # a fragment (entries outside any array): the keys the parser kept before ``=>``
            entries.update(k.start_point[0] + 1 for k in _recovered_keys(node) if _opens_line(k, data, starts))
    return PhpSettings(
        path, frozenset(entries), frozenset(elements), frozenset(commented), frozenset(quoted), constants
    )


def _entry(node: Node) -> bool:
    """``'key' => value`` in an array, or ``define('NAME', value)``."""
    if node.type == "array_element_initializer":
        return len(node.named_children) == 2 and node.named_children[0].type in _STRINGS
    if node.type == "function_call_expression":
        return node_text(node.child_by_field_name("function")) == "define"
    return False


def _constant(node: Node, data: bytes, starts: list[int]) -> tuple[str, int] | None:
    """(NAME, the column its value starts at) of ``define('NAME', value)`` whose value starts on the call's line."""
    if node.type != "function_call_expression":
        return None
    arguments = node.child_by_field_name("arguments")
    given = [a for a in arguments.named_children if a.type == "argument"] if arguments is not None else []
    if len(given) < 2 or given[0].named_children[:1] == [] or given[0].named_children[0].type not in _STRINGS:
        return None
    name = node_text(given[0].named_children[0])[1:-1]
    row, column = given[1].start_point
    if not _CONSTANT_NAME.fullmatch(name) or row != node.start_point[0]:
        return None
    return name, len(data[starts[row] : starts[row] + column].decode("utf-8", "surrogateescape"))


def _recovered_keys(node: Node) -> list[Node]:
    """The strings an unparsed stretch holds just before a ``=>`` (``'password' => 'x',`` outside an array)."""
    children = node.children
    return [key for key, arrow in itertools.pairwise(children) if key.type in _STRINGS and arrow.type == "=>"]


def _element_setting(node: Node) -> bool:
    """``$conf['a']['b'] = 'x'``: a string assigned to a string-keyed element of a variable."""
    if node.type != "assignment_expression":
        return False
    left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
    if left is None or right is None or left.type != "subscript_expression" or right.type not in _STRINGS:
        return False
    while left is not None and left.type == "subscript_expression":
        keys = left.named_children[1:]
        if not keys or keys[0].type not in _STRINGS:
            return False
        left = left.named_children[0]
    return left is not None and left.type == "variable_name"


def _line_starts(data: bytes) -> list[int]:
    """The byte offset each line of ``data`` starts at."""
    starts = [0]
    for line in data.split(b"\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _opens_line(node: Node, data: bytes, starts: list[int]) -> bool:
    """Nothing but blanks before the node on its first line (the line opens with it, as a reader of lines sees it)."""
    row, column = node.start_point
    return not data[starts[row] : starts[row] + column].strip()
