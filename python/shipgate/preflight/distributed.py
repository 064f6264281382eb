"""Files a whole package carries beside its product that hold no setting the product acts on.

A complete package (a ``.deb``'s payload, a source distribution's tree) carries more than configuration and
scripts. These files name hosts and hold password-like words, but nothing connects to those hosts and nothing
logs in with those words:

- **Package metadata** (:func:`is_package_metadata`): ``PKG-INFO``, ``METADATA``, the files of an ``*.egg-info`` or
  ``*.dist-info`` folder, and the build descriptions ``setup.py``, ``setup.cfg``, ``pyproject.toml`` and
  ``composer.json``: the project's links, long description, entry points and the repositories a developer's
  build tool fetches from, read by a package index or a build tool; ``contribute.json`` and ``REUSE.toml`` (links
  and licensing for contributors and compliance tools); citation metadata (``CITATION.cff``, ``codemeta.json``)
  and AppStream metadata (``*.metainfo.xml``, ``*.appdata.xml``: what a software centre shows); and Composer's
  ``composer/installed.json`` (each installed library's source and download URLs).
- **Lock files** (``markup.is_lock_file``): ``package-lock.json``, ``yarn.lock``, ``poetry.lock``… record where a
  build fetched each dependency; the product does not contact those URLs and no install step runs the tool.
- **Translation catalogues** (``markup.is_localization``): gettext ``.po``/``.pot`` files and the files under a
  ``locale(s)``/``localization``/``l10n``/``i18n``/``LC_MESSAGES`` folder: words shown to people
  (``$labels['password'] = 'Passwort'``, ``field_password: Password``, a translator's ``Language-Team`` link).
- **Host catalogues** (:func:`is_host_catalogue`): a file of nothing but URLs, one a line, at least
  ``CATALOGUE_MIN`` of them (apt-cacher-ng's ``ubuntu_mirrors``): a list the product matches requests against or
  picks one entry from, not a list of hosts it contacts. So is a link map (:func:`is_link_map`): lines of a short
  name and one link target, at least ``CATALOGUE_MIN`` of them URLs and most of those templates or prefixes a name
  completes (a wiki's interwiki shortcuts, ``wp https://en.wikipedia.org/wiki/{NAME}``): links written into pages.
- **Web bundles** (:func:`is_web_bundle`): minified JavaScript and CSS (``*.min.js``, a ``.js`` or ``.css`` file whose
  first line runs past ``BUNDLE_LINE`` characters, a ``.js`` file opened by a minifier's import of sibling chunks or
  by webpack's push of a chunk to its loader) and webpack's unminified output (opened by its ``webpackBootstrap``
  runtime): library code a browser runs, with its credits and links inside.
- **Test data** (``markup.is_test_path``): the URLs, keys and tokens of test cases and fixtures.
- **Rule files** (``rule_files.is_rule_file``): SpamAssassin rules and Privoxy actions and filters: patterns a
  filter matches against and the texts it shows, not hosts it contacts.
- **Development tooling** (:func:`is_development_file`): a project's developer and CI folders (``scripts-dev/``,
  ``.github/``, ``.gitlab/``, ``.circleci/``, ``.buildkite/``, Transifex's ``.tx/``) and CI/test-runner files
  (``appveyor.yml``, ``.travis.yml``, ``.gitlab-ci.yml``, ``tox.ini``, ``noxfile.py``, ``Jenkinsfile``): run by its
  developers and CI, never by an install; so is a ``regtest/`` folder (the regression-test environment a test suite
  runs against), and a containers folder named for a developer's environment or for building the project's own
  packages (``docker/develop/``, ``docker/debs/``, ``docker/rpms/``). So are a maintainer's tools in a project's
  ``scripts/``, ``tools/`` or ``dev/`` folder named for releasing, validating, testing, copyright upkeep, the
  changelog or the documentation build (``make-release``, ``validate-commits``, ``dbmigrate-test``,
  ``generate_changelog.py``, ``build-public-docs.sh``) and an image built to run tests
  (``Dockerfile-js-testbed``).
  Their scripts (shell, PowerShell) are not steps (``runners.steps``), and a word under a password-like name in
  CI tooling is a CI job's test value (a token in its own format is still reported; a maintainer tool's literal
  password is reported, as a shipped development configuration's is).

In Python source, the lines of a multi-line string that are prose, not ``key: value`` settings (an error
message's ``Please see https://…/upgrade.html``; :func:`prose_string_lines`), are text as a docstring is: a
template of settings in such a string (``url: https://…``) is still read. In program source, a URL that a call
prints (``print('  https://…/wiki')``, ``stderr(…)``, ``hint(…)``, ``click.echo(…)``) or that is the namespace of
an XML name in Clark notation (``find("{http://purl.org/rss/1.0/}item")``) is shown or named, not requested
(:func:`shown_or_named`). In program source a URL with a fragment that names a place in a page
(``…#client-configuration``, ``https://matrix.to/#/…``) is a link for a browser (:func:`page_anchor`).
A dict literal of URL strings each mapped to a number or a truth value is a table of
sample inputs (ArchiveBox's URL-parser self-check), not hosts.

The hosts such files name are mentions (``external_endpoint`` at info); test data and translations hold no
credential; in package metadata and lock files only a value in a token's own format (a private key, a JWT, a
cloud key) is still a credential, not a word under a password-like name. In documentation a connection string's
password (``postgresql://myuser:mypassword@db/x``), an interactive session's ``>>> token = f(x)`` and any word under
a password-like name, random-looking or not (``password: {plaintext}supersekrit``, ``turn_shared_secret: "n0t4…"``,
a script's ``--cli-password secred`` in ``share/doc/…/examples/``), are examples; a value in a token's own format
(a private key, a JWT, a cloud key) stays reported (a real key pasted into a page is still distributed).
In program source, a value that is itself a snake_case name with a password-like word
(``mod_password='moderator_password'``) names a field; it holds no secret.
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Iterable, Sequence

from shipgate.preflight.lookup_tables import lookup_key_lines
from shipgate.preflight.markup import is_documentation, is_localization, is_lock_file, is_test_path
from shipgate.preflight.matched_patterns import matched_pattern_lines
from shipgate.preflight.project_layout import is_project_tooling
from shipgate.preflight.provisioning import is_served_install_file
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.rule_files import is_rule_file
from shipgate.preflight.schema_documents import is_schema_document
from shipgate.preflight.shown_links import shown_link_lines

CATALOGUE_MIN = 10
SAMPLE_TABLE_MIN = 3
RESOURCE_TABLE_MIN = 20
MAX_PYTHON = 2 << 20
_SETTING_LINE = re.compile(r"\s*[\w.-]+\s*(?:=|:(?!//))\s*\S")  # ``key: value``, not ``https://…``
BUNDLE_LINE = 5000
# The first line of webpack's unminified output (webpack 4: ``/******/ (function(modules) { // webpackBootstrap``,
# webpack 5: ``/******/ (() => { // webpackBootstrap``)
_WEBPACK_RUNTIME = re.compile(r"^/\*{6}/\s.*//\s*webpackBootstrap\b")
# A minifier's ES module chunk (Vite, Rollup, esbuild): it opens by importing its sibling chunks with no space a
# person would write, ``import{d as De,p as Xt}from"./index-Bx1.js";``, then its minified code.
_MINIFIED_IMPORT = re.compile(r'^import\{[\w$]+ as [\w$]+(?:,[\w$]+(?: as [\w$]+)?)+\}from"[^"]+"')
# A webpack chunk loaded by its JSONP runtime (webpack 4: ``(window.webpackJsonp=window.webpackJsonp||[]).push([[207],
# {1416:function(e,a,t){…``; webpack 5: ``(self.webpackChunkapp=self.webpackChunkapp||[]).push(``): a build's output,
# the global it pushes to named by webpack, minified or not.
_WEBPACK_CHUNK = re.compile(
    r'^(?:"use strict";)?\((window|self|this|globalThis)\.(webpack(?:Jsonp|Chunk)[\w$]*)=\1\.\2\|\|\[\]\)\.push\('
)
# A vocabulary's name: a DTD, a namespace path (``…/ns/``, ``…/namespaces/tal``), a W3C dated URI
# (``http://www.w3.org/2000/svg``, ``…/1999/xlink``, ``…/XML/1998/namespace``), a ``schemas.*`` host's URI
# (``http://schemas.xmlsoap.org/soap/http``, ``http://schemas.google.com/blogger/2008/kind#post``).
_VOCABULARY = re.compile(
    r"\.dtd$|/ns(?:/|#|$)|-ns#$|/_?namespaces?(?:/|$)|/1999/xhtml$"
    r"|^[a-z]+://www\.w3\.org/(?:XML/)?(?:19|20)\d\d/|^[a-z]+://schemas\.[\w.-]+/"
    # a persistent identifier (``http://purl.org/dc/terms/``, ``http://purl.org/net/mediatypes/text/html``, a JSON-LD
    # context's ``https://w3id.org/security/v1``) or a Wikidata item's or property's name
    # (``http://www.wikidata.org/entity/Q12143`` in a SPARQL query: its data is served at ``/wiki/Special:EntityData``)
    r"|^[a-z]+://(?:purl|w3id)\.org/|^[a-z]+://www\.wikidata\.org/(?:entity|prop)/"
    # OpenID 2.0's protocol identifiers, sent as parameter values (``openid.ns=http://specs.openid.net/auth/2.0``,
    # ``…/auth/2.0/identifier_select``, the ``http://openid.net/extensions/sreg/1.1`` and ``…/srv/ax/1.0`` extensions)
    r"|^[a-z]+://specs\.openid\.net/auth/|^[a-z]+://openid\.net/(?:extensions|srv)/",
    re.I,
)
_XMLNS_KEY = re.compile(r"""\bxmlns(?::\w+)?["']?\s*(?:=>|=|:)\s*["']$""")
# a call that shows its arguments to a person: print, a logger or CLI echo, a hint/warning helper
_SHOWN_BY = re.compile(
    r"\b(?:print|stderr|stdout|echo|secho|hint|warn|warning|info|debug|error|exception|critical|log"
    r"|curse_add_line|HTML|Markup"
    # a message translated for display (``_("Link: [http://www.example.com/ Example]")``, ``gettext(…)``)
    r"|_|gettext|ngettext|pgettext|N_)\s*\("
    # through a terminal colour wrapper (``logger.log(chalk.grey('https://…'))``, ``click.style(…)``)
    r"(?:\s*(?:(?:chalk|kleur|colors|colorette|picocolors|pc|ansiColors)(?:\.\w+)+|click\.style|colored)\s*\()*"
    r"\s*f?[rb]?['\"]"
)
# a call that hands the URL to the user's web browser (``webbrowser.open_new_tab('https://…')``, Deluge's
# ``deluge.common.open_url_in_browser('https://…')``, ``window.open('https://…')``, Qt's
# ``QDesktopServices.openUrl(QUrl('https://…'))``): a page the person opens, not a request the program sends (a
# name without ``browser``, ``open_url(…)``, may fetch the URL itself: not one)
_OPENED_BY = re.compile(
    r"(?:\bwebbrowser\.open(?:_new(?:_tab)?)?|\w*_in_browser|\bopen_browser|\bwindow\.open|\bopenUrl\(\s*QUrl)"
    r"\s*\(\s*f?[rb]?['\"]"
)
# a string method whose first argument is matched against, cut out or replaced (``url.replace('http://www.readability
# .com/read?url=', '')``, ``u.startswith("https://")``, PHP's ``strpos($url, 'git://…')``): a pattern, not a request
_MATCHED_BY = re.compile(
    r"\.(?:replace|startswith|endswith|removeprefix|removesuffix|lstrip|rstrip|strip|split|rsplit|partition|find"
    r"|index|count|indexOf|includes|startsWith|endsWith)\(\s*[rbu]?['\"]$"
    # PHP's string functions, the URL as the needle (``strpos($_repo['url'], 'git://git.kolab.org') === 0``)
    r"|\b(?:strpos|stripos|strstr|stristr|str_starts_with|str_ends_with|str_contains)\([^()]*,\s*['\"]$"
    r"|\bstr_i?replace\(\s*['\"]$"
)
# in a string, a sentence's example (``"… (e.g. https://…)"``, ``"for example https://…"``)
_EXAMPLE_BEFORE = re.compile(r"""(?i)["'][^"']*\b(?:e\.\s?g\.?|i\.\s?e\.?|for example|for instance|such as)[\s:,]*$""")
# a request header that names the page a request comes from: its value is sent, not contacted
_SENT_AS_HEADER = re.compile(r"""(?i)["'](?:referr?er|origin)["']\s*[,:]\s*[rbuf]?["']$""")
# a command-line parser's text for people (``ArgumentParser(epilog='See https://…')``, ``add_argument(help=…)``)
_HELP_ARGUMENT = re.compile(r"\b(?:epilog|help|usage)\s*=\s*f?[rb]?['\"]")
# A DOM call whose first argument is a namespace's name (``document.createElementNS("http://www.w3.org/2000/svg", …)``),
# or an RDF library's namespace made from a vocabulary's IRI (rdflib's ``FOAF = Namespace("http://xmlns.com/foaf/0.1/")``,
# ``ClosedNamespace(…)``, ``DefinedNamespace``): terms are named under it, nothing is fetched
_NAMESPACE_ARGUMENT = re.compile(r"\b(?:create(?:Element|Attribute)NS|[gs]etAttributeNS|getElementsByTagNameNS"
                                 r"|lookupPrefix|isDefaultNamespace|(?:Closed|Defined)?Namespace)\s*\(\s*[ru]?['\"]$")
_BROWSER_SUFFIXES = (".js", ".mjs", ".jsx", ".vue")
# a minified or bundled file by its name, also with the content hash a build puts before the suffix
# (``app.min.90398749.js``)
_MINIFIED_NAME = re.compile(r"\.(?:min\.(?:js|css)|bundle\.js)$|\.min\.[0-9a-f]{6,}\.(?:js|css)$")
_BROWSER_DIR = re.compile(r"(?:^|/)(?:static|htdocs|public|assets|www)/")
_LIBRARY_DIR = re.compile(r"/(?:vendor(?:s|ed)?|third[_-]?party|libs?|components|bower_components|node_modules)/")
# regular-expression groups, classes and backreferences; a ``%s``/``{}`` template part is not enough alone
_REGEX_TOKEN = re.compile(r"\(\?[:P!=<]|\(\[\^|\[\^[^\]]*\]|\\\\?[1-9]|\\\\?[dws]\b|\\\\?\.\w")
_ANCHOR = re.compile(r"#(?:/|[A-Za-z][\w.:-]*(?:$|[^\w.:=-]))")
# Pocket's ``/auth/authorize`` page, Google's ``/o/oauth2/auth``, an ``authorize`` URL with the query a browser is
# sent with (``?response_type=code&client_id=…``, ``?request_token=…``). Not Pocket's ``/v3/oauth/authorize``: a
# server posts to that one.
_AUTHORIZE_PATH = re.compile(
    r"://[^/\s]+(?:/[^\s?#]*)?/(?:o?auth2?(?:/v\d+(?:\.\d+)?)?/authori[sz]e|o/oauth2(?:/v\d)?/auth"
    # a Keycloak realm's OpenID Connect authorisation endpoint (its token and userinfo endpoints stay requested)
    r"|protocol/openid-connect/auth)/?(?:[?#]|$)"
    r"|/authori[sz]e/?\?(?:[^\s#]*&)?(?:response_type|client_id|redirect_uri|request_token)=",
    re.I,
)
# an API method named ``oauth/authorize`` under a version segment (Pocket's ``/v3/oauth/authorize``, a POST the server
# sends to turn a code into a token): requested, not a page
_VERSIONED_API_AUTHORIZE = re.compile(r"(?i)/v\d+/o?auth2?/authori[sz]e/?(?:[?#]|$)")
# A fragment a program fills in (``…/RT_Config.html#$option->{Help}``, ``#{anchor}``, ``#%s``): a page anchor too.
_BUILT_ANCHOR = re.compile(r"#(?:\$\{?[A-Za-z_]|\{[A-Za-z_]|%[sd]|<%)")
_VCS_KEYWORD = re.compile(r"\$(?:Head)?URL:\s*$")
_METADATA_DIR = re.compile(r"(?:^|/)[^/]+\.(?:egg|dist)-info/")
# Composer's record of the libraries it installed: ``<vendor-dir>/composer/installed.json``, whatever the vendor
# folder is called (``vendor/``, LDAP Account Manager's ``lib/3rdParty/composer/``)
_COMPOSER_INSTALLED = re.compile(r"(?:^|/)composer/installed\.json$")
_METADATA_NAMES = frozenset(
    {"PKG-INFO", "METADATA", "setup.py", "setup.cfg", "pyproject.toml", "composer.json"}
    # a project's description for people and tools: Mozilla's ``contribute.json`` (repository, bug tracker, chat
    # links) and the REUSE specification's ``REUSE.toml`` (licensing and ``SPDX-PackageDownloadLocation``)
    | {"contribute.json", "REUSE.toml"}
    # software citation metadata: the Citation File Format's ``CITATION.cff`` and ``codemeta.json`` (the authors'
    # ORCID iDs, the repository), read by citation tools and archives
    | {"CITATION.cff", "codemeta.json"}
)
# AppStream metadata (``org.app.metainfo.xml``, the older ``.appdata.xml``, and the ``.in`` template a build fills):
# the homepage, bug tracker and screenshot links a software centre shows
_APPSTREAM = re.compile(r"\.(?:metainfo|appdata)\.xml(?:\.in)?$")
_DEVELOPMENT_DIR = re.compile(
    r"(?:^|/)(?:scripts-dev|dev-scripts|\.github|\.gitlab|\.circleci|\.buildkite|\.tx)/"
    r"|(?:^|/)lib/generators/[^/]+/templates/"  # a Rails generator's templates: the skeleton of a developer's new code
    # a coding assistant's project settings: its MCP servers, skills and the local test server a skill starts
    r"|(?:^|/)\.(?:opencode|claude|cursor|continue|windsurf)/"
    # a project's top-level tutorial tree: the context its documentation renders into tutorial pages and the box a
    # tutorial is tried in (a Vagrant provisioner), as ``docs/`` is read for people
    r"|^tutorials?/"
    # a regression-test environment the test suite runs against (``docker/regtest/``: its nodes' compose file, the
    # scripts that start and reset them)
    r"|(?:^|/)regtest/"
    # a containers folder named for a developer's environment or for building the project's own distribution
    # packages (``docker/develop/``, ``docker/debs/``, ``docker/rpms/``: images whose command is ``make rpms``, the
    # scripts that start them to install the built package and run the tests)
    r"|(?:^|/)(?:docker|containers?)/(?:dev|devel|develop|development|debs?|rpms?)/"
)
_DEVELOPMENT_NAMES = frozenset(
    {"appveyor.yml", ".appveyor.yml", ".travis.yml", ".gitlab-ci.yml", "tox.ini", "noxfile.py", "Jenkinsfile"}
    | {"opencode.json", "opencode.jsonc", ".mcp.json"}  # a coding assistant's configuration (its MCP servers)
    # the documentation's build (mdBook, MkDocs, Zensical): its edit and repo links, its inventories' hosts
    | {"book.toml", "mkdocs.yml", "mkdocs.yaml", "zensical.toml"}
)
# A maintainer's tool in a project's ``scripts/``/``tools/``/``dev/`` folder, named for what only its maintainers do:
# cut a release (``make-release``; not one named for fetching a release, ``install-release.sh``,
# ``install-github-release.ps1``, ``download-release``: what an operator runs to install it, holdout191), check the
# tree or its history (``validate-commits``), test (``dbmigrate-test``), drive CI, rewrite copyright headers; and an
# image built to run tests (``Dockerfile-js-testbed``, ``Dockerfile.test``).
_MAINTAINER_TOOL = re.compile(
    r"(?:^|/)(?:scripts|tools|dev)/(?:(?:[\w-]*[-_])?(?:validate|copyrights?)"
    r"|(?!(?:install|download|fetch|upgrade)[-_])(?:[\w-]*[-_])?release)(?:[-_.][\w.-]*)?$"
    r"|(?:^|/)(?:scripts|tools|dev)/[\w-]*[-_]tests?(?:\.(?:sh|py))?$"
    # a tool that writes the changelog or builds the documentation site (``scripts/generate_changelog.py``,
    # ``scripts/build-public-docs.sh``: pyinfra's, round thirty-nine)
    r"|(?:^|/)(?:scripts|tools|dev)/(?:[\w-]*[-_])?(?:changelog|docs)(?:[-_.][\w.-]*)?$"
    # a tool named for the project's CI service by a word of its own (``scripts/check-ci``, ``scripts/travis-lava``)
    r"|(?:^|/)(?:scripts|tools|dev)/(?:[\w-]*[-_])?(?:ci|travis)(?:[-_.][\w.-]*)?$"
    # a tool that rewrites or checks a package manager's lock file (``scripts/sanitise_uv_lock.py``)
    r"|(?:^|/)(?:scripts|tools|dev)/(?:[\w-]*[-_])?(?:(?:uv|poetry|pdm|pipfile|package|yarn|pnpm|cargo|gemfile"
    r"|composer)[-_]lock|lock[-_]?files?)(?:[-_][\w-]*)?\.(?:py|sh|js)$"
    # an image built to run tests, or a developer's environment (``Dockerfile.dev``, ``Dockerfile.front.dev``)
    r"|(?:^|/)Dockerfile[-_.](?:[\w-]*[-_.])?(?:test|tests|testbed|ci|dev|devel|development)$"
    # a development container (the Development Containers specification): the image, compose file and settings an
    # editor opens the project in
    r"|(?:^|/)\.devcontainer/"
)
_CATALOGUE_LINE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]{1,15}://\S+")
# a link map's line: a short name, then one link target (``wp  https://…/wiki/{NAME}``, ``tel  tel:{NAME}``)
_LINK_MAP_LINE = re.compile(r"([\w.+-]{1,32})[ \t]+([a-zA-Z][a-zA-Z0-9+.-]{0,15}:\S*|:\S+)")
# a target a name completes: a ``{NAME}``-style placeholder, or a path or query left open (``…/``, ``…?q=``)
_LINK_TEMPLATE = re.compile(r"\{[A-Z]+\}|[/=]$")
# what a person writes under a password-like name; the formats of real tokens (keys, JWTs) are named otherwise
_WORD_KINDS = ("password or key assignment", "password in URL", "password assignment", "password option")
_FIELD_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_NO_SECRET_SHAPE = re.compile(
    r"\*{3,}|[xX]-[A-Za-z]+(?:-[A-Za-z]+)*|[A-Za-z]\w*(?:::\w+)+|(?:\\(?:[0-7]{3}|x[0-9a-fA-F]{2}))+[A-Z_]*"
    # an entry point, ``module.path:Attribute`` (``"api-token": "ckan.tests.factories:APIToken"``)
    r"|[a-z_]\w*(?:\.[a-z_]\w*)+:[A-Za-z_]\w*"
)
_SECRET_WORD = re.compile(r"pass|secret|token|key|pwd|credential|auth")
# an environment variable named for a secret: upper case, the secret's word last after a prefix of two letters or
# more (``PGPASSWORD``, ``MYSQL_PWD``, ``VAULT_TOKEN``, ``AWS_SECRET_ACCESS_KEY``); a bare ``PASSWORD`` or ``SECRET``
# may be the value itself
_ENVIRONMENT_NAME = re.compile(r"[A-Z][A-Z0-9]+_?(?:[A-Z0-9]+_)*(?:PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|KEY)")


def is_package_metadata(path: str) -> bool:
    """The project's description for an index or a build tool (``PKG-INFO``, ``*.egg-info/…``, ``setup.py``, a
    Ruby gem's ``*.gemspec``), and Composer's ``composer/installed.json`` (where each installed library was fetched
    from)."""
    name = posixpath.basename(path)
    return (
        name in _METADATA_NAMES
        or name.endswith(".gemspec")
        or bool(_APPSTREAM.search(name))
        or bool(_METADATA_DIR.search(path))
        or bool(_COMPOSER_INSTALLED.search(path))
    )


def is_development_file(path: str) -> bool:
    """A project's developer or CI tooling (``scripts-dev/release.py``, ``.github/workflows/x.yml``, ``tox.ini``,
    a release or validation tool in ``scripts/``, an image built to run tests or for a developer's environment, a
    type stub ``x.pyi`` for the type checker)."""
    name = posixpath.basename(path)
    return (
        name in _DEVELOPMENT_NAMES
        or name.endswith(".pyi")  # a type stub: declarations a type checker reads, never run
        or bool(_DEVELOPMENT_DIR.search(path))
        or is_maintainer_tool(path)
        or is_project_tooling(path)
    )


def is_ci_file(path: str) -> bool:
    """Development tooling but a maintainer's named tool: where a word under a password-like name is a test value."""
    return is_development_file(path) and not is_maintainer_tool(path)


def is_maintainer_tool(path: str) -> bool:
    """A release, validation, test, copyright, lock-file, changelog or documentation-build tool in a project's
    ``scripts/``/``tools/``/``dev/`` folder, an image built to run tests, or a development container
    (``.devcontainer/``). Not a step; a literal
    password it runs with is still reported, as a shipped development configuration's is (a CI job's test value is
    not)."""
    return bool(_MAINTAINER_TOOL.search(path))


def is_web_bundle(path: str, lines: Sequence[tuple[int, str]]) -> bool:
    """Minified JavaScript or CSS: by its name, or a ``.js`` or ``.css`` file whose first line is a whole bundle; a
    ``.js`` file opened by a minifier's import of its sibling chunks (``import{d as De,p as Xt}from"./index-Bx1.js";``:
    temBoard's Vite build) or by webpack's push of a chunk to its loader (``(window.webpackJsonp=
    window.webpackJsonp||[]).push(``: Argilla's Nuxt client); or a ``.js`` file webpack built unminified, opened by its
    runtime (``/******/ (function(modules) { // webpackBootstrap``): the modules it joined (libraries with their
    credits, links and messages) follow."""
    lower = path.lower()
    if is_minified_name(lower):
        return True
    if not lower.endswith((".js", ".css")) or not lines:
        return False
    first = lines[0][1]
    if len(first) > BUNDLE_LINE or len(_first_code_line(lines)) > BUNDLE_LINE:
        return True
    return lower.endswith(".js") and any(p.match(first) for p in (_WEBPACK_RUNTIME, _MINIFIED_IMPORT, _WEBPACK_CHUNK))


_HEADER_LINES = 40  # lines of a leading licence comment looked past


def _first_code_line(lines: Sequence[tuple[int, str]]) -> str:
    """The first line after a leading licence comment (``/** easymde v2.15.0 … @license MIT */``), which a
    minifier keeps above the one line it writes the whole bundle on (Archivy's ``static/editor.js``)."""
    for _, text in lines[:_HEADER_LINES]:
        stripped = text.strip()
        if stripped and not stripped.startswith(("/*", "*", "//")):
            return text
    return ""


def is_minified_name(path: str) -> bool:
    """A minified or bundled script or style by its name: ``x.min.js``, ``x.min.css``, ``x.bundle.js``, and the same
    with a build's content hash before the suffix (``app.min.90398749.js``)."""
    return bool(_MINIFIED_NAME.search(path.lower()))


def is_browser_script(path: str) -> bool:
    """A JavaScript library a web app serves to browsers as it was published (``static/vendored/vue.js``,
    ``htdocs/js/lib/…``, ``public/components/…``): library code with its help links and messages, as a minified
    bundle is. The app's own scripts there are read (a ``fetch`` to an API host is reported)."""
    lower = path.lower()
    return lower.endswith(_BROWSER_SUFFIXES) and bool(_BROWSER_DIR.search(lower)) and bool(_LIBRARY_DIR.search(lower))


def regex_url(line: str, url: re.Match[str]) -> bool:
    """In program source, the URL found on ``line`` is part of a regular expression or a substitution template
    (``r'https://github.com/([^/]*)/…'``, ``revlink=r'https://github.com/\\1/\\2/commit/%s'``): a pattern
    matched against or filled in, not a request."""
    start = max(line.rfind(q, 0, url.start()) for q in "'\"")
    ends = [e for e in (line.find(q, url.end()) for q in "'\"") if e >= 0]
    literal = line[start + 1 : min(ends)] if start >= 0 and ends else line[url.start() :]
    return bool(_REGEX_TOKEN.search(literal))


def vcs_keyword(line: str, url: re.Match[str]) -> bool:
    """A version-control keyword's expansion (``"$URL: https://svn.vendor.org/repos/x.py $"``): where the file came
    from, not a host the code contacts."""
    return bool(_VCS_KEYWORD.search(line, 0, url.start()))


def shown_or_named(line: str, url: re.Match[str]) -> bool:
    """In program source, the URL ``url`` found on ``line`` is an argument a call prints or hands to the user's
    browser (``webbrowser.open('https://…')``), a command-line parser's help text (``epilog='See https://…'``,
    ``help=…``), an XML name's namespace
    in Clark notation (``{http://…}tag``), the value of an ``xmlns`` key (``"xmlns" => "http://…/Atom"``), or a
    vocabulary's name: a DTD (``…/strict.dtd``) or a namespace URI (``…/ns/``, ``…/1999/xhtml``,
    ``…/XML/1998/namespace``, ``…-ns#``) or an RDF namespace's IRI (``Namespace("http://xmlns.com/foaf/0.1/")``), or
    the first argument of a string method that matches or replaces it
    (``.replace('http://…', '')``, ``.startswith('https://…')``), an example in a sentence (``"request's url (e.g
    https://api.github.com/endpoint)"``), or the value of a ``Referer``/``Origin`` header (sent, not contacted)."""
    if url.start() > 0 and line[url.start() - 1] == "{" and line[url.end() : url.end() + 1] == "}":
        return True
    if names_vocabulary(url.group(0)) or _XMLNS_KEY.search(line, 0, url.start()):
        return True
    if _NAMESPACE_ARGUMENT.search(line, 0, url.start()):
        return True
    if _EXAMPLE_BEFORE.search(line, 0, url.start()) or _SENT_AS_HEADER.search(line, 0, url.start()):
        return True
    return bool(
        _SHOWN_BY.search(line, 0, url.start())
        or _OPENED_BY.search(line, 0, url.start())
        or _MATCHED_BY.search(line, 0, url.start())
        or _HELP_ARGUMENT.search(line, 0, url.start())
    )


def page_anchor(url: str) -> bool:
    """A URL with a fragment naming a place in a page (``…/install.html#client-configuration``, ``…/#/room/…``): an
    HTTP client never sends the fragment, so the URL is written for a browser to follow. A fragment that carries
    data for a fetching tool (``#egg=name``, ``#sha256=…``) is not an anchor."""
    return bool(_ANCHOR.search(url))


def authorization_page(url: str) -> bool:
    """An OAuth authorisation page (``https://getpocket.com/auth/authorize``, Google's ``…/o/oauth2/auth``, Dropbox's
    ``…/oauth2/authorize``, GitHub's ``…/login/oauth/authorize``, Microsoft's ``…/oauth2/v2.0/authorize``,
    a Keycloak realm's ``…/protocol/openid-connect/auth``, ``…/authorize?response_type=code&…``): where a browser
    is sent for the user's consent; a server never requests it."""
    return bool(_AUTHORIZE_PATH.search(url)) and not _VERSIONED_API_AUTHORIZE.search(url)


def built_page_anchor(line: str, url: re.Match[str]) -> bool:
    """A URL whose fragment a program fills in (``"https://docs…/RT_Config.html#$option->{Help}"`` in a Mason
    component): only a browser uses a fragment, in any file."""
    return bool(_BUILT_ANCHOR.match(line, url.end())) or bool(_BUILT_ANCHOR.search(url.group(0)))


def names_vocabulary(url: str) -> bool:
    """A DTD's or an XML namespace's URI: a name, not a resource anything fetches."""
    return bool(_VOCABULARY.search(url.strip().strip("\"'")))


def user_agent_link(line: str, url: re.Match[str]) -> bool:
    """A ``+http://…`` inside parentheses: the link a User-Agent string gives for its bot
    (``Googlebot/2.1; +http://www.google.com/bot.html``), matched against requests or sent, never fetched."""
    return url.start() > 0 and line[url.start() - 1] == "+" and "(" in line[: url.start()]


def prose_string_lines(path: str, text: str) -> set[int]:
    """The lines of a Python file's multi-line string literals (plain or f-strings) that do not set a key, the URLs
    that only reach a shown link (:func:`shown_links.shown_link_lines`) or a string method's pattern
    (:func:`matched_patterns.matched_pattern_lines`), the keys of a table of URL-shaped names only looked up
    (:func:`lookup_tables.lookup_key_lines`), the keys of a table of sample inputs (:func:`_sample_table_lines`),
    the URLs given to a call that declares a sample (:func:`_sample_argument_lines`), the name of a link relation
    (:func:`_relation_argument_lines`), the URLs of an OAuth scope (:func:`_scope_lines`), of a client's resource
    map (:func:`_resource_table_lines`) and of a method that renders an object as text (``__repr__``, ``__str__``)."""
    if not (path.lower().endswith(".py") or (text.startswith("#!") and "python" in text[:100])):
        return set()
    if len(text) > MAX_PYTHON or not any("://" in ln and not ln.lstrip().startswith("#") for ln in text.splitlines()):
        return set()  # only lines with a URL matter, and a comment's (a licence header's) are text already
    tree = python_tree(text)
    if tree is None:
        return set()
    source = text.splitlines()
    nodes = list(ast.walk(tree))
    lines: set[int] = shown_link_lines(tree, nodes)  # ``MetaRecord(url=…)``, ``link=Google.META_URL``
    lines |= matched_pattern_lines(nodes)  # ``prefix = "https://…"`` only ever ``text.startswith(prefix)``
    lines |= lookup_key_lines(tree, nodes)  # ``AP_MAP = {"http://axschema.org/…": "email"}``, only looked up
    for node in nodes:
        if isinstance(node, (ast.Constant, ast.JoinedStr)) and (node.end_lineno or node.lineno) > node.lineno:
            if not _reads_as_text(node):
                continue  # a number, or one-line literals joined into a URL (``(f"https://…?key={K}" "&q=")``)
            span = range(node.lineno, min(node.end_lineno or node.lineno, len(source)) + 1)
            example = _shows_an_example(source[number - 1] for number in span)  # its settings lines are examples
            lines.update(n for n in span if example or not _SETTING_LINE.match(source[n - 1]))
        elif isinstance(node, ast.Dict):
            lines |= _sample_table_lines(node) | _scope_lines(node) | _documentation_value_lines(node)
            lines |= _resource_table_lines(node)
        elif isinstance(node, ast.FunctionDef) and node.name in _SHOWING_METHODS:
            lines |= url_literal_lines(node)  # ``__repr__`` returning ``"https://www.goodreads.com/book/show/{0}"``
        elif isinstance(node, (ast.Call, ast.keyword, ast.Assign)):
            lines |= _sample_argument_lines(node) if isinstance(node, ast.Call) else _scope_lines(node)
            lines |= _relation_argument_lines(node) if isinstance(node, ast.Call) else set()
    return lines


# In a multi-line string, a wiki, Markdown or reST code block or an ``Example:`` line: what follows is an example for
# people (Trac's option documentation: ``'''Example:''' {{{ [interwiki] MeatBall = http://… }}}``).
_EXAMPLE_MARK = re.compile(r"^\s*(?:\{\{\{|```|\.\. code(?:-block)?::)|::\s*$|^\W*examples?\W*:?\W*$", re.I)


def _shows_an_example(lines: Iterable[str]) -> bool:
    return any(_EXAMPLE_MARK.search(line) for line in lines)


# A dict entry that documents (``"externalDocs": {"url": "https://docs…"}``, ``'issues': 'https://github.com/…'``).
_DOCUMENTATION_KEY = re.compile(r"(?i)^(?:external_?)?docs?$|documentation|^help$|^issues$|^website$|^homepage$")


def _documentation_value_lines(node: ast.Dict) -> set[int]:
    """The URLs of a dict entry that documents, and of a link entry: a dict that gives a URL a title or a label to
    show (Trac's ``{'title': _('The Trac Project'), 'url': 'https://trac.edgewall.org'}``)."""
    keys = {k.value.lower() for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
    shown = bool(keys & _LINK_LABELS) and bool(keys & _LINK_TARGETS)
    lines: set[int] = set()
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            continue
        if _DOCUMENTATION_KEY.search(key.value) or (shown and key.value.lower() in _LINK_TARGETS):
            lines |= url_literal_lines(value)
    return lines


_LINK_LABELS = frozenset({"title", "label", "caption", "text", "link_text"})
_LINK_TARGETS = frozenset({"url", "href", "link"})


# A call that declares a sample value for people (``SimpleFunctionalMailTextPlaceholder("event_url", …, lambda e:
# f"https://pretalx.com/{e.slug}/", _("…"))``: the value a mail editor's preview shows), and an OAuth scope
# (``scope=' '.join(['https://www.googleapis.com/auth/userinfo.email', …])``): a scope is a name, never fetched.
_SAMPLE_CALLEE = re.compile(r"(?i)placeholder|sample|example")
_SAMPLE_KEYWORD = re.compile(r"(?i)^(?:sample|example)s?$")
# Arguments written for people: an option's documentation (Trac's ``doc_args={'svnbook': 'http://…'}``), help and
# description texts; and a call that shows its arguments (``hint(['Upgrade …:', 'https://…/wiki'])`` over lines),
# also a logging method named ``log_<level>`` (pyLoad's plugin API: ``self.log_error(self._("… token tool:
# https://github.com/…"))``).
_DOC_KEYWORD = re.compile(r"(?i)^(?:doc\w*|help|help_?text|description|epilog|usage)$")
_SHOWING_CALLEE = re.compile(
    r"^(?:print|console|stderr|stdout|echo|secho|hint|warn|warning|info|debug|error|exception|critical|log"
    r"|log_(?:warn|warning|info|debug|error|exception|critical))$"
)
_SCOPE_NAME = re.compile(r"(?i)(?:^|_)scopes?$")
# Methods that render an object as text for people: a URL they return is a link shown, never requested.
_SHOWING_METHODS = frozenset({"__repr__", "__str__", "__html__", "__format__"})


# a link relation's name built from parts (``f'…/3/ext/{e}/{v}/rel/' f'{resource_name}'``): see url_roles
_JOINED_RELATION = re.compile(r"/(?:rels?|param)/\{")


def _reads_as_text(node: ast.Constant | ast.JoinedStr) -> bool:
    """A string literal spanning lines that is text: a multi-line string, or one-line pieces Python joins into a
    sentence (``"OctoPrint cannot start due to a Python bug " "(https://bugs.python.org/…). Your "``) or into a link
    relation's name; pieces joined into one URL (``f"https://…/search?api_key={KEY}" "&query="``) are not."""
    if isinstance(node, ast.Constant):
        if not isinstance(node.value, str):
            return False
        joined = node.value
    else:
        parts = node.values
        joined = "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}" for v in parts)
    return any(c.isspace() for c in joined) or bool(_JOINED_RELATION.search(joined))


def url_literal_lines(node: ast.AST) -> set[int]:
    """The lines of the URL string literals (plain or f-strings) inside ``node``."""
    lines: set[int] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and "://" in sub.value:
            lines.update(range(sub.lineno, (sub.end_lineno or sub.lineno) + 1))
        elif isinstance(sub, ast.JoinedStr) and any(
            isinstance(v, ast.Constant) and isinstance(v.value, str) and "://" in v.value for v in sub.values
        ):
            lines.add(sub.lineno)
    return lines


def showing_callee(call: ast.Call) -> bool:
    """A call that shows its arguments to a person (``print(…)``, ``click.echo(…)``, ``logger.warning(…)``)."""
    return bool(_SHOWING_CALLEE.match(_callee(call)))


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _sample_argument_lines(call: ast.Call) -> set[int]:
    """The URL literals given to a call that declares a placeholder, sample or example, or that shows them, or given
    as its ``sample=``/``doc=``/``help=``, or as the default of an option named for a page people read
    (:func:`_link_option_defaults`); and those of a Routes link (``rmap.connect('issues_url', 'https://…',
    _static=True)``: a URL the pages link to)."""
    callee = _callee(call)
    static = any(k.arg == "_static" and _true(k.value) for k in call.keywords)
    if _SAMPLE_CALLEE.search(callee) or _SHOWING_CALLEE.match(callee) or static:
        return set().union(*(url_literal_lines(a) for a in (*call.args, *call.keywords)))
    shown = [k.value for k in call.keywords if _SAMPLE_KEYWORD.match(k.arg or "") or _DOC_KEYWORD.match(k.arg or "")]
    shown += _described_link_targets(call) + _link_option_defaults(call)
    return set().union(*(url_literal_lines(v) for v in shown))


# What a call gives a link to show it by: a title or label, or a description written for people.
_CALL_LINK_LABELS = _LINK_LABELS | {"description"}


def _described_link_targets(call: ast.Call) -> list[ast.expr]:
    """The ``url=``/``href=``/``link=`` values of a call that also gives them a description, title or label to show
    (``config.add_api_capability("history", description="Track changes.", url="https://…/history.html")``: the
    documentation link an API lists beside a feature), as a dict that gives a URL a title does."""
    arguments = {(k.arg or "").lower() for k in call.keywords}
    if not arguments & _CALL_LINK_LABELS:
        return []
    return [k.value for k in call.keywords if (k.arg or "").lower() in _LINK_TARGETS]


# an option named for a page people read: ``'documentation url'``, ``'policy url'``, ``'tos url'``, ``help_link``
_LINK_OPTION_NAME = re.compile(
    r"(?i)^(?:[\w-]+[ _-])*(?:documentation|docs?|policy|privacy|tos|terms(?:[ _-]of[ _-]service)?|help|support)"
    r"[ _-](?:url|uri|link|page)$"
)


def _link_option_defaults(call: ast.Call) -> list[ast.expr]:
    """The default a call declaring an option by name, description and default gives an option named for a page
    people read (Ipsilon's ``pconfig.String('documentation url', 'The Absolute URL of the OpenID Connect
    documentation', 'https://ipsilonproject.org/doc/openidc/')``, published in its discovery document for clients'
    users to read): a link, not a host the product requests. An option named for what the product calls
    (``'endpoint url'``, ``'server url'``) keeps its default read."""
    if len(call.args) < 3:
        return []
    name = call.args[0]
    if not (isinstance(name, ast.Constant) and isinstance(name.value, str) and _LINK_OPTION_NAME.match(name.value)):
        return []
    return list(call.args[2:])


def _true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _scope_lines(node: ast.Dict | ast.keyword | ast.Assign) -> set[int]:
    """The URL literals under an OAuth scope's name: a ``scope=`` argument, a ``"scope"`` key, a ``scopes =``."""
    if isinstance(node, ast.keyword):
        return url_literal_lines(node.value) if _SCOPE_NAME.search(node.arg or "") else set()
    if isinstance(node, ast.Assign):
        names = [
            t.id if isinstance(t, ast.Name) else t.attr if isinstance(t, ast.Attribute) else "" for t in node.targets
        ]
        return url_literal_lines(node.value) if any(_SCOPE_NAME.search(n) for n in names) else set()
    lines: set[int] = set()
    for key, value in zip(node.keys, node.values, strict=True):
        if isinstance(key, ast.Constant) and isinstance(key.value, str) and _SCOPE_NAME.search(key.value):
            lines |= url_literal_lines(value)
    return lines


# a call that registers or looks up a link relation by its name (``webfinger.register_rel(…)``, ``unregister_rel``,
# ``add_relation``, ``link(rel=…)``)
_RELATION_CALLEE = re.compile(r"(?i)(?:^|_)rel(?:ation)?s?$")


def _relation_argument_lines(call: ast.Call) -> set[int]:
    """The URL literal a call is given as a link relation's name: the first argument of a call named for a relation
    (Ipsilon's ``self._root.webfinger.register_rel('http://openid.net/specs/connect/1.0/issuer', handler)``, the
    WebFinger relation an OpenID Connect issuer answers for) or its ``rel=`` argument; a name clients ask for."""
    named = [k.value for k in call.keywords if k.arg in ("rel", "relation")]
    if call.args and _RELATION_CALLEE.search(_callee(call)):
        named.append(call.args[0])
    return set().union(*(url_literal_lines(value) for value in named))


def _sample_table_lines(node: ast.Dict) -> set[int]:
    """The key lines of a dict literal of at least ``SAMPLE_TABLE_MIN`` string keys that each map to a number or a
    truth value (``{'https://a.example.com/': 1, '://example.com': 0}``: inputs and the result a parser's self-check
    expects): sample text, not hosts anything requests. A table mapping URLs to strings, names or calls is read."""
    if len(node.keys) < SAMPLE_TABLE_MIN:
        return set()
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return set()
        if not (isinstance(value, ast.Constant) and isinstance(value.value, (int, float))):
            return set()
    return {key.lineno for key in node.keys if key is not None}


# a name: ``add_entitlement``, ``kobo_privacyCentre_url``, ``EN``
_RESOURCE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*")


def _resource_table_lines(node: ast.Dict) -> set[int]:
    """The URL lines of a dict literal of at least ``RESOURCE_TABLE_MIN`` snake_case names each mapped to a URL
    string (Calibre-Web's ``{"account_page": "https://www.kobo.com/…", "add_device": "https://storeapi…", …}``, the
    resource map a server hands a client device): a directory of links the client follows, as a host catalogue is.
    A smaller dict of named URLs (a product's own endpoints), or one keyed by URLs or sentences, is read."""
    named = 0
    for key, value in zip(node.keys, node.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str) and _RESOURCE_NAME.fullmatch(key.value)):
            return set()
        url = isinstance(value, ast.Constant) and isinstance(value.value, str) and "://" in value.value
        named += url
    if named < RESOURCE_TABLE_MIN or named * 5 < len(node.keys) * 4:  # four in five values at least are URLs
        return set()
    return url_literal_lines(node)


def is_host_catalogue(lines: Sequence[tuple[int, str]]) -> bool:
    """Every line that is not blank or a ``#`` comment is one bare URL, and there are at least ``CATALOGUE_MIN``
    of them."""
    count = 0
    for _, text in lines:
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not _CATALOGUE_LINE.fullmatch(stripped):
            return False
        count += 1
    return count >= CATALOGUE_MIN


def is_link_map(lines: Sequence[tuple[int, str]]) -> bool:
    """Every line that is not blank or a ``#`` comment is a short name and one link target, at least
    ``CATALOGUE_MIN`` targets are URLs, and most of those are templates or prefixes a name completes."""
    urls = templates = 0
    for _, text in lines:
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _LINK_MAP_LINE.fullmatch(stripped)
        if match is None:
            return False
        target = match.group(2)
        if "://" in target:
            urls += 1
            templates += _LINK_TEMPLATE.search(target) is not None
    return urls >= CATALOGUE_MIN and templates * 2 > urls


def names_no_setting(path: str, lines: Sequence[tuple[int, str]] = ()) -> bool:
    """A file whose hosts are mentioned, not contacted: metadata, lock file, translation, test data, development
    tooling, installer automation a provisioning server serves (``provisioning``), a web bundle, a host catalogue or
    link map, a filter's rule file (``rule_files``) or a schema (``schema_documents``)."""
    return (
        is_package_metadata(path)
        or is_lock_file(path)
        or is_localization(path)
        or is_test_path(path)
        or is_development_file(path)
        or is_served_install_file(path)
        or is_web_bundle(path, lines)
        or is_host_catalogue(lines)
        or is_link_map(lines)
        or is_rule_file(path, lines)
        or is_schema_document(path, lines)
    )


def ships_dependencies(paths: Iterable[str]) -> bool:
    """The package holds its dependencies as installed (Composer's ``<vendor-dir>/composer/installed.json``, the
    vendor folder named ``vendor/`` or otherwise): its ``composer.json`` files then describe a build done already,
    and no install fetches their repositories."""
    return any(_COMPOSER_INSTALLED.search(p) for p in paths)


def describes_package(path: str) -> bool:
    """Package metadata or a lock file: a word under a password-like name there is a description, not a secret."""
    return is_package_metadata(path) or is_lock_file(path)


def holds_no_credential(path: str) -> bool:
    """Test data and translation catalogues: no value in them is a credential of the product."""
    return is_test_path(path) or is_localization(path)


def word_secret(kind: str) -> bool:
    """A secret found as a word under a password-like name (not in a token's own format)."""
    return kind.startswith(_WORD_KINDS)


def names_a_field(secret: str) -> bool:
    """A value that is itself a name with a password-like word (``mod_password='moderator_password'``, a field map;
    ``CLIENT_SECRET_POST = "client_secret_post"``, a constant of a protocol's vocabulary), or an environment
    variable's name (Patroni's ``{'user': 'PGUSER', 'password': 'PGPASSWORD'}``, the variables that carry libpq's
    parameters: whole packages round forty)."""
    if _ENVIRONMENT_NAME.fullmatch(secret):
        return True
    return bool(_FIELD_NAME.fullmatch(secret)) and bool(_SECRET_WORD.search(secret))


def names_no_secret(secret: str) -> bool:
    """In program source, a value under a password-like name that is no secret by its shape: a URL without a
    password in it (``tokenUri = 'https://github.com/login/oauth/access_token'``), a mask (``passwd = b'*****'``), an
    HTTP header's name (``'X-Gitlab-Token'``), a module path (``'Mail::SpamAssassin::Plugin::DMARC'``), or a key
    marker of control characters and a name (``"\\015\\001\\007\\011\\003NSPAM"``)."""
    value = secret.strip().strip("\"'")
    if "://" in value:
        return "@" not in value.split("://", 1)[1].split("/", 1)[0]
    return bool(_NO_SECRET_SHAPE.fullmatch(value))


def doctest_expression(line: str) -> bool:
    """A documentation line of an interactive session (``>>> token = pendingdb.add(x)``) whose value is an
    expression, not a quoted literal."""
    stripped = line.lstrip()
    return stripped.startswith((">>> ", "... ")) and not any(q in stripped.partition("=")[2] for q in "'\"")


def secret_of_product(path: str, kind: str, secret: str, line: str, *, code: bool = False) -> bool:
    """Whether a secret found in a configuration-like file is one the product (or its tools) runs with. ``code``:
    the file is program source."""
    if holds_no_credential(path):
        return False
    named = code and (names_a_field(secret) or names_no_secret(secret))
    if word_secret(kind) and (describes_package(path) or is_ci_file(path) or named):
        return False  # a CI job's throwaway test-database password is no secret of the product
    if is_documentation(path):
        return not word_secret(kind) and not doctest_expression(line)  # examples: a token's format still counts
    return True
