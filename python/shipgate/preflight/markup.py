"""What in a package's text is written for people or for a parser's bookkeeping, not a setting the product acts on.

- **Documentation** (:func:`is_documentation`): READMEs, change logs, licences, copyright files, man pages, HTML
  pages, files under ``share/doc/`` or a ``docs/`` folder. A URL there is a link for a reader: the host is
  mentioned, not contacted. Scripts are never documentation (preflight reads a script by its shebang or name
  before it asks this), and a secret written in a README is still distributed: only the endpoint reading changes.
- **XML comments** (:func:`without_xml_comments`): a commented-out ``<Connector … keystorePassword="changeit"/>``
  or a licence header is text, not configuration.
- **Markup identifiers** (:func:`identifier_lines`): ``xmlns`` namespaces, ``xsi:schemaLocation``, a
  ``<!DOCTYPE … "http://…dtd">`` identifier and a JSON ``"$schema"`` name a vocabulary; nothing connects to them
  when the product runs.
- **Program source** (:func:`is_program_source`): code in a language other than shell, by its suffix or its
  interpreter line; its comments are text and a value there is an expression unless written as a string literal.
  Its docstrings and POD blocks (:func:`documentation_lines`) are documentation.
- **Tests** (:func:`is_test_path`): a test and its fixtures hold test data; a password there is an example unless
  it looks random.
- **Armored public material** (:func:`public_armor_lines`): the base64 lines of a PGP public key, a certificate or
  a public key are published on purpose; they are not credentials (a private key block stays one).
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Sequence
from typing import Any

from shipgate.preflight.project_layout import is_project_documentation, is_project_localization, is_project_test
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.secret_files import secret_file_name

Lines = tuple[tuple[int, str], ...]

# ``wiki/default-pages/``: the help wiki a product loads into its own wiki at setup (Trac)
_DOC_DIR = re.compile(r"(?:^|/)(?:share/(?:doc|man|info|gtk-doc|help)|docs?|documentation|wiki/default-pages)/", re.I)
# a bundled component's licence (``Bootstrap_License``, ``jquery-LICENSE.txt``)
# ``MIT-LICENSE``, ``third_party_license.txt``; the GNU licences' own file names (``COPYING.LIB``, ``COPYING.lib``,
# ``COPYING.LESSER``), which a vendored library keeps beside its code; a REUSE licence sidecar
# (``select.js.license``: the copyright and SPDX lines of a file that cannot carry them itself)
_NAMED_LICENCE = re.compile(
    r"(?i)^[\w.]+[-_]licen[cs]e(?:\.(?:txt|md))?$|^copying[._-](?:lib|lesser|l?gpl\w*)$|^[\w.-]+\.\w+\.license$"
)
_DOC_NAME = re.compile(
    r"^(?:(?i:readme|changelog|changes|news|history|release[-_]?notes|licen[cs]e|copying|copyrights?|notice"
    r"|authors|contributors|contributing|maintainers|thanks|credits|code[-_]of[-_]conduct|security|install|upgrading"
    # a message of the day: the text a login or a server's connection shows (crossfire-server's ``etc/crossfire/motd``)
    r"|motd)"
    r"|INFO)"  # a note in capitals beside what it describes (phpLDAPadmin's ``images/INFO``: where the icons come from)
    # nothing after the name, a document's suffix, or an upper-case variant (``LICENSE-MIT``, ``README.Debian``);
    # not code named the same (``install.sls``, ``security.py``)
    r"(?:[._-](?i:md|markdown|rst|txt|adoc|asciidoc|html?|debian)|[._-][A-Z0-9][A-Z0-9_-]*)?$"
)
# a README named for its subject before the word (LedgerSMB's ``sql/upgrade/SQL-Ledger.README``, ``INSTALL-README``):
# the word in capitals, as READMEs are written, so a module ``parse_readme.py`` stays code
_SUBJECT_README = re.compile(r"^[\w+-][\w.+-]*[._-]README(?:\.(?:md|rst|txt))?$")
_DOC_SUFFIXES = (
    ".md", ".markdown", ".rst", ".adoc", ".asciidoc", ".html", ".htm", ".xhtml", ".pod", ".rdoc", ".textile",
    ".txt", ".man",
    # pages a browser shows (its links are followed by the reader's browser) and font metrics
    ".twig", ".ejs", ".hbs", ".handlebars", ".mustache", ".html.erb", ".ctp", ".ufm", ".afm",
    # vector images and SVG fonts a browser renders: their ``<metadata>`` credits (``Foundry URL : http://…``)
    ".svg",
    # source maps: where a minified file's sources were, for a developer's tools
    ".css.map", ".js.map",
    # Group Policy language resources: the names and help texts a policy editor shows an administrator
    ".adml",
)  # fmt: skip
# Metadata a package carries for its package index and installer, shown to people: Debian's control file, Python's
# core metadata (``PKG-INFO``, a wheel's ``METADATA``, an egg-info's files).
_PACKAGE_METADATA = re.compile(
    r"(?:^|/)(?:DEBIAN/)?(?:control|templates)$|(?:^|/)PKG-INFO$|\.(?:dist|egg)-info(?:/[^/]+)?$"
    # Composer's record of the dependencies it installed: where the build fetched each from
    r"|(?:^|/)vendor/composer/installed\.json$"
)
# Dependency lock files: where a build fetched each dependency from; the product contacts none of it.
# A package manager's failure log: yarn's ``yarn-error.log``, npm's ``npm-debug.log`` (``npm-debug.log.1234``), pnpm's
# and lerna's: what a failed ``install`` printed, with the lock file it was resolving.
_PACKAGE_MANAGER_LOG = re.compile(r"^(?:yarn-error|yarn-debug|npm-debug|pnpm-debug|lerna-debug)\.log(?:\.\d+)?$")
_LOCK_NAMES = frozenset(
    {
        "package-lock.json",
        ".package-lock.json",  # npm's hidden lock file, written into node_modules/ by every install
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "poetry.lock",
        "pipfile.lock",
        "pdm.lock",
        "uv.lock",
        "composer.lock",
        "gemfile.lock",
        "cargo.lock",
        "go.sum",
        "bun.lock",
    }
)

# The REUSE specification's copyright file (``.reuse/dep5``, Debian's machine-readable copyright format): the copyright
# holders, licence and upstream home page of each file, read by licence tools, never by the product.
_REUSE_COPYRIGHT = re.compile(r"(?:^|/)\.reuse/dep5$")
_SCHEMA = re.compile(r"(?i)(?:^|[._-])schema(?:[._-][\w.-]*)?\.json$")
# A compose file by its name (``compose.yaml``, ``docker-compose.prod.yml``) or by its folder
# (``compose/kafka-ssl.yml``: a project's set of compose files, each started with ``docker compose -f``): a deployment
# ``docker compose up`` starts as it stands, also when a project keeps it in its documentation folder (Spug's
# ``docs/docker/docker-compose.yml``, holdout136; Kafka UI's ``documentation/compose/kafka-ssl.yml``, holdout63), as
# a script there is still a script.
_COMPOSE_NAME = re.compile(r"(?:^|/)(?:(?:docker-)?compose(?:[._-][\w.-]*)?|compose/[\w.-]+)\.ya?ml$", re.I)
# Text files a tool reads as input, whatever their suffix says (pip's requirement files name package indexes). Not
# the copy of a page's source Sphinx writes beside the built page (``_sources/requirements.rst.txt``): a document.
_TOOL_INPUT = re.compile(
    r"(?i)(?:requirements|constraints)[\w.-]*(?<!\.rst)(?<!\.md)\.txt$|^cmakelists\.txt$|^robots\.txt$"
)

_XML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# Names of XML vocabularies: ``xmlns`` declarations (also inside a string, ``xmlns=\"…\"``), schema locations,
# RDF ``rdf:resource``/``rdf:about`` terms, SOAP ``encodingStyle``/``targetNamespace`` and a WSDL binding's
# ``transport``, a DOCTYPE, a JSON Schema's ``$schema``/``$id``/``$ref``.
_IDENTIFIER = re.compile(
    r"""(?i)\b(?:xmlns(?::[\w.-]+)?|xsi:schemaLocation|xsi:noNamespaceSchemaLocation|rdf:resource|rdf:about"""
    r"""|encodingStyle|targetNamespace)["']?\s*=>?\s*\\?(["'])[^"'\\]*\\?\1"""
    r"""|\bX-ORIGIN\s+'[^']*'"""  # an LDAP schema element's origin (``X-ORIGIN 'http://…/eduperson/'``)
    r"""|<\w+:binding\b[^>]*?\btransport\s*=\s*(["'])[^"']*\2"""
    r"""|<!DOCTYPE\b[^>\[]*|["']\$(?:schema|id|ref)["']\s*:\s*["'][^"']*["']"""
)
_IDENTIFIER_WORDS = (
    "xmlns", "DOCTYPE", "$schema", "$ref", "rdf:", "encodingStyle", "targetNamespace", ":binding", "X-ORIGIN"
)
_ARMOR = re.compile(
    r"-----BEGIN (PGP PUBLIC KEY BLOCK|PGP SIGNATURE|CERTIFICATE|TRUSTED CERTIFICATE|PUBLIC KEY"
    r"|RSA PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST|NEW CERTIFICATE REQUEST|SSH2 PUBLIC KEY)-----"
)
_MAX_ARMOR_LINES = 100_000
_CODE_SUFFIXES = (
    ".py", ".pl", ".pm", ".rb", ".rake", ".js", ".mjs", ".cjs", ".ts", ".php", ".lua", ".tcl", ".go", ".java", ".kt",
    ".scala", ".cs", ".c", ".h", ".cc", ".cpp", ".rs", ".erl", ".hrl", ".app", ".ex", ".exs", ".groovy", ".swift",
    ".css", ".scss", ".less", ".vim", ".phtml",
    # components whose script is JavaScript or TypeScript: a Vue or Svelte single-file component, JSX and TSX
    ".vue", ".svelte", ".jsx", ".tsx",
)  # fmt: skip
_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*(?:python|perl|ruby|node|php|lua|tclsh|escript)")


def is_compose_name(path: str) -> bool:
    """A compose file by its name (``compose.yml``, ``docker-compose.override.yaml``)."""
    return bool(_COMPOSE_NAME.search(path))


# a Jinja template of a document (Argilla's ``README.md.jinja2``, the dataset card it writes), not of a setting file
_JINJA_DOCUMENT = re.compile(r"\.(?:md|markdown|rst|adoc|html?)\.(?:j2|jinja2?)$", re.I)


def is_documentation(path: str) -> bool:
    """A file written for people: by its folder (``share/doc/``, ``docs/``), its name (README, CHANGELOG,
    LICENSE, COPYRIGHTS, NOTICE…, REUSE's ``.reuse/dep5``) or its format (Markdown, reStructuredText, HTML, plain
    ``.txt``), never a compose file (:func:`is_compose_name`); also a
    package's metadata for its index (a Debian ``control`` file and debconf ``templates``, Python's
    ``PKG-INFO``/``METADATA``), a web page template (Twig, EJS, Handlebars: a browser follows its links) and a JSON
    Schema (it documents a configuration: its ``default`` URLs are no setting)."""
    name = posixpath.basename(path)
    if _TOOL_INPUT.search(name) or is_compose_name(path):
        return False
    if name.lower().endswith(".txt") and secret_file_name(path) and not _DOC_DIR.search(path):
        return False  # ``credentials.txt``, ``db_password.txt``: named for what it holds (secret_files)
    return bool(
        _DOC_DIR.search(path)
        or _DOC_NAME.match(name)
        or _SUBJECT_README.match(name)
        or _NAMED_LICENCE.match(name)
        or re.sub(r"\.(?:template|tmpl|in)$", "", name.lower()).endswith(_DOC_SUFFIXES)  # ``x.txt.template``
        or _JINJA_DOCUMENT.search(name) is not None  # ``README.md.jinja2``: the Markdown a product writes
        or _PACKAGE_METADATA.search(path)
        or _REUSE_COPYRIGHT.search(path)
        or is_lock_file(path)
        or _SCHEMA.search(name)
        or is_project_documentation(path)
    )


# An INI file named ``.php`` (PKP's ``config.TEMPLATE.inc.php``): its first line is an INI comment that holds a PHP
# guard, ``; <?php exit(); ?>`` or ``; <?php die(); ?>``, so a web server asked for it runs the guard and shows nothing.
_INI_PHP_GUARD = re.compile(r"^\s*;\s*<\?php\s+(?:exit|die)\b")


def is_program_source(path: str, text: str) -> bool:
    """Code in a language other than shell (by its suffix or its interpreter line): a value there is an
    expression unless it is written as a string literal."""
    if _INI_PHP_GUARD.match(text):
        return False  # an INI file named ``.php`` so that a web server runs its guard instead of serving it
    if path.lower().endswith(_CODE_SUFFIXES):
        return True
    if path.lower().endswith(".inc") and text.lstrip().startswith("<?php"):
        return True  # a PHP include (GOsa's ``class_user.inc``), not a C or assembler one
    return bool(_INTERPRETER.match(text[:200]))


def _looks_like_xml(lines: Lines) -> bool:
    first = next((text.lstrip() for _, text in lines if text.strip()), "")
    return first.startswith("<")


def without_xml_comments(lines: Lines) -> Lines:
    """An XML file's lines with its ``<!-- … -->`` comments blanked out, line numbers kept; other files as given."""
    if not _looks_like_xml(lines) or not any("<!--" in text for _, text in lines):
        return lines
    blanked = _XML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), "\n".join(text for _, text in lines))
    return tuple(zip((n for n, _ in lines), blanked.split("\n"), strict=True))


def block_comment_lines(lines: Lines) -> set[int]:
    """Lines inside C-style block comments that open at the start of a line (``/*`` … ``*/``), as Icinga 2, CSS,
    JSON5 and C-family code write them; a ``/*`` after other text (a glob, a path) opens nothing."""
    inside: set[int] = set()
    open_ = False
    for number, text in lines:
        stripped = text.strip()
        if not open_ and stripped.startswith("/*"):
            open_ = "*/" not in stripped[2:]
            inside.add(number)
        elif open_:
            inside.add(number)
            open_ = "*/" not in stripped
    return inside


def identifier_lines(lines: Lines) -> dict[int, list[tuple[int, int]]]:
    """Per line number, the column spans that are markup identifiers (a DOCTYPE may run over several lines)."""
    source = "\n".join(text for _, text in lines)
    if "DOCTYPE" not in source.upper() and not any(word in source for word in _IDENTIFIER_WORDS):
        return {}
    starts = [0]
    for _, text in lines:
        starts.append(starts[-1] + len(text) + 1)
    spans: dict[int, list[tuple[int, int]]] = {}
    index = 0
    for m in _IDENTIFIER.finditer(source):
        while starts[index + 1] <= m.start():
            index += 1
        line = index
        while line < len(lines) and starts[line] < m.end():
            begin = max(m.start() - starts[line], 0)
            spans.setdefault(lines[line][0], []).append((begin, m.end() - starts[line]))
            line += 1
    return spans


def in_spans(column: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= column < end for start, end in spans)


def public_armor_lines(lines: Lines) -> set[int]:
    """The line numbers inside ``-----BEGIN <public material>-----`` … ``-----END …-----`` blocks."""
    inside: set[int] = set()
    end: str | None = None
    for number, text in lines[:_MAX_ARMOR_LINES]:
        if end is None:
            m = _ARMOR.search(text)
            if m:
                end = f"-----END {m.group(1)}-----"
                inside.add(number)
        else:
            inside.add(number)
            if end in text:
                end = None
    return inside


_TEST_PATH = re.compile(
    r"(?i)(?:^|/)_?(?:tests?|testsuites?|testdata|testing|fixtures|spec|test_\w+|\w+_tests?)/|(?:^|/)test_[^/]+$"
    # a test's data folder named with hyphens (``tests-mock-data/``: canned API answers a web UI's unit tests load;
    # ``test-data/``, ``test-fixtures/``). A chart's ``test-values/`` are the values it is installed with for a test
    r"|(?:^|/)tests?(?:-[a-z]+)*-(?:data|mocks?|fixtures?)/"
    r"|(?:^|/)tests?\.py$|_test\.\w+$|\.test\.\w+$"
    r"|(?:^|/)pytest_plugins?\.py$"  # a pytest plugin a project ships for its tests (and its plugins' tests)
    # the settings of a functional test suite (``barbican-functional.conf``: the accounts the tests log in with) or
    # of the unit tests (bandersnatch's ``unittest.conf``, which only its tests load)
    r"|(?:^|/|[-_])(?:functional(?:[-_]tests?)?|unit[-_]?tests?)\.(?:conf|cfg|ini|ya?ml|toml|json)$"
)
# Translation catalogues: ``$lang['pass'] = 'Passwort';`` translates the word, ``msgid "password"`` names it.
_LOCALIZATION = re.compile(
    r"(?i)(?:^|/)(?:lang|langs|languages|locales?|locali[sz]ations?|i18n|l10n|lc_messages|translations?)/|\.pot?$"
)
_POD_START = re.compile(r"^=[a-zA-Z]")
_MAX_DOCSTRING_SOURCE = 2 << 20


def is_test_path(path: str) -> bool:
    """A test or its fixture (``tests/``, ``testdata/``, ``test_<project>/`` or ``<project>_test/``, a test data
    folder such as ``tests-mock-data/``, ``test_x.py``, Django's ``tests.py``, a package's test helpers ``test.py``,
    ``x_test.go``, a functional test suite's settings ``x-functional.conf``): its values are test data."""
    return bool(_TEST_PATH.search(path)) or is_project_test(path)


def in_documentation_folder(path: str) -> bool:
    """A file under a documentation folder (``share/doc/``, ``docs/``, ``documentation/``): written for a reader,
    who may copy from it; the package's own steps do not run it unless one names it (glewlwyd's
    ``share/doc/…/upgrade-2.7-core.postgre.sql``, which README.Debian tells the operator to apply by hand)."""
    return bool(_DOC_DIR.search(path))


def is_lock_file(path: str) -> bool:
    """A dependency lock file (``package-lock.json``, npm's hidden ``node_modules/.package-lock.json``, ``poetry.lock``,
    ``Gemfile.lock``…), or the failure log a JavaScript package manager leaves beside one (``yarn-error.log``,
    ``npm-debug.log``): the log ends with a dump of the lock file, the same ``resolved`` URLs of where a build fetched
    its dependencies."""
    name = posixpath.basename(path).lower()
    return name in _LOCK_NAMES or bool(_PACKAGE_MANAGER_LOG.match(name))


def is_localization(path: str) -> bool:
    """A translation catalogue (``lang/de/lang.php``, ``locale/…``, ``*.po``): its values are words for people."""
    return bool(_LOCALIZATION.search(path)) or is_project_localization(path)


@functools.lru_cache(maxsize=8)  # the credential and the endpoint checks ask for the same file in turn
def documentation_lines(path: str, text: str) -> frozenset[int]:
    """Lines of program source written for people: Python docstrings and other strings written as statements of
    their own (read with ``ast``, never run), the values given as an example (:func:`_example_value_lines`) and Perl
    POD blocks (``=head1`` … ``=cut``)."""
    lower = path.lower()
    if lower.endswith(".py") or (text.startswith("#!") and "python" in text[:100]):
        return frozenset(_docstring_lines(text))
    if lower.endswith((".pl", ".pm", ".pod")) or (text.startswith("#!") and "perl" in text[:100]):
        return frozenset(_pod_lines(text))
    return frozenset()


def _docstring_lines(text: str) -> set[int]:
    import ast

    if len(text) > _MAX_DOCSTRING_SOURCE:
        return set()
    tree = python_tree(text)
    if tree is None:
        return set()
    lines: set[int] = set()
    for node in ast.walk(tree):
        # a docstring, or any string written as a statement of its own (an attribute's docstring after it)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        for value in _example_values(node):
            lines.update(range(value.lineno, (value.end_lineno or value.lineno) + 1))
    return lines


_EXAMPLE_NAME = re.compile(r"(?i)^examples?$")


def _example_values(node: object) -> list[Any]:
    """What a declaration gives as an example for its documentation: an ``examples=``/``example=`` argument
    (pydantic's ``Field(examples=[{"PASSWORD": "change_me"}])``) or an ``"example"``/``"examples"`` entry
    (``json_schema_extra={"example": ["http://ca.example.com/cps"]}``): shown in the generated reference, never a
    value the program runs with."""
    import ast

    if isinstance(node, ast.keyword):
        return [node.value] if _EXAMPLE_NAME.match(node.arg or "") else []
    if isinstance(node, ast.Dict):
        return [
            value
            for key, value in zip(node.keys, node.values, strict=True)
            if isinstance(key, ast.Constant) and isinstance(key.value, str) and _EXAMPLE_NAME.match(key.value)
        ]
    return []


def _pod_lines(text: str) -> set[int]:
    lines: set[int] = set()
    inside = False
    for number, line in enumerate(text.splitlines(), 1):
        if _POD_START.match(line):
            inside = not line.startswith("=cut")
            lines.add(number)
        elif inside:
            lines.add(number)
    return lines
