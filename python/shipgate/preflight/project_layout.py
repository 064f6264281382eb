"""Where a project's own conventions put documentation, tests, translations and developer tooling, by path alone.

``markup`` and ``distributed`` know the common places (``docs/``, ``tests/``, ``locale/``, ``.github/``); these are
the conventions of particular ecosystems that whole packages showed:

- **Documentation**: OpenStack's API reference (``api-ref/source/``, a Sphinx tree of ``.inc`` includes and JSON/XML
  samples) and release notes (``releasenotes/notes/*.yaml``, reno's reStructuredText in YAML); a troff man page named
  by its section (``privacyidea-fetchssh.1``).
- **Tests**: a JavaScript/TypeScript spec beside the code it tests (Angular's ``x.component.spec.ts``, Jasmine's
  ``x.spec.js``), a module that builds test data (CKAN's ``lib/create_test_data.py``), and a benchmark's files: a
  ``benchmarks/`` folder or a file named for a benchmark (zaqar's ``etc/zaqar-benchmark-messages.json``, the message
  bodies its load generator posts to queues): what a developer measures the product with, data carried, not
  settings the product acts on.
- **Translations**: an Erlang application's message catalogues (ejabberd's ``priv/msgs/de.msg``:
  ``{"Password:","Passwort:"}.``) and a web app's per-language JSON catalogues named by an ISO 639-1 code
  (motionEye's ``static/js/motioneye.de.json``: ``"http://ekzemplo.com:8765/cams/...": "http://beispiel.com…"``).
- **Vendored web libraries**: every file of a browser library a web app serves as published
  (``share/jupyterhub/static/components/@fortawesome/fontawesome-free/metadata/sponsors.yml``,
  ``public/base/vendor/bootstrap/scss/…``): the library's metadata, styles and credits; its hosts are mentions.
- **Page templates**: a Jinja or Smarty template of HTML (OctoPrint's ``templates/dialogs/settings/webcam.jinja2``,
  GOsa's ``setup_feedback.tpl``): a page
  a browser shows, as a Twig or Handlebars one is; its links are followed by the reader's browser. A Jinja template
  of configuration (an nginx ``site.conf.j2``) holds no HTML element and is read as configuration.
- **Developer tooling**: OpenStack's ``devstack/`` plugin (a development cloud's setup) and Zuul CI
  (``.zuul.yaml``, ``.zuul.d/``, ``zuul.d/``: Octavia's jobs), a top-level ``ci/`` folder, pre-commit's hook list
  (``.pre-commit-config.yaml``: the linters' repositories), Read the Docs' build file, Gerrit's ``.gitreview`` (the
  review host a developer pushes to), a test environment's setup script in ``tools/`` (``tools/test-setup.sh``), and
  a test playbook: YAML under a test folder (an Ansible role's ``tests/test.yml``, the playbooks Zuul jobs run from
  ``tests/``, ara's ``tests/with_mysql.yaml``): a test job's ``become``, ``sudo`` and image pulls, not the install's.
  A test folder's shell script stays a script (a lone ``tests/…/join_agent.sh`` may be what an operator runs).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

_DOCUMENTATION_DIR = re.compile(r"(?:^|/)(?:api-ref|releasenotes|release-notes)/")
_MAN_PAGE = re.compile(r"[A-Za-z][\w+-]*\.[1-8]")
_TEST = re.compile(
    r"\.spec\.[cm]?[jt]sx?$|(?:^|/)\w*_test_data\.py$"
    r"|(?:^|/)benchmarks?/|(?:^|/)(?:[\w.]+[-_])?benchmarks?(?:[-_.][^/]*)?$"  # a benchmark's folder or named file
)
_LOCALIZATION = re.compile(r"(?:^|/)priv/msgs/[\w@-]+\.msg$")
# ISO 639-1 codes of a per-language JSON catalogue (``motioneye.de.json``, ``app.pt_BR.json``); codes that are also
# English words (``my``, ``no``, ``or``, ``to``, ``is``, ``as``, ``be``, ``am``, ``an``, ``id``) are left out, so
# ``config.my.json`` stays configuration
_LANGUAGES = re.compile(
    r"af|ar|az|bg|bn|bs|ca|cs|cy|da|de|el|en|eo|es|et|eu|fa|fi|fr|ga|gl|gu|he|hi|hr|hu|hy|it|ja|ka|kk|km|kn|ko|ku|ky"
    r"|lo|lt|lv|mk|ml|mn|mr|ms|mt|nb|ne|nl|nn|pa|pl|ps|pt|ro|ru|si|sk|sl|sq|sr|sv|sw|ta|te|th|tl|tr|uk|ur|uz|vi|zh"
)
_JSON_CATALOGUE = re.compile(r"(?:^|/)[\w-]+\.([a-z]{2})(?:[_-][A-Za-z]{2,4})?\.json$")
_WEB_LIBRARY = re.compile(
    r"(?:^|/)(?:static|htdocs|public|assets|www)/(?:[^/]+/)*?(?:vendor(?:ed)?|components|bower_components"
    r"|node_modules)/[^/]+/"
)
_JINJA_SUFFIXES = (".jinja2", ".jinja", ".j2", ".tpl", ".mak", ".mako")  # Mako: Prewikka's pages
_HTML_ELEMENT = re.compile(r"<(?:div|span|p|a|form|input|label|button|h[1-6]|ul|ol|li|table|tr|td|section|nav)\b", re.I)
_TEMPLATE_HEAD = 200
_TOOLING_DIR = re.compile(r"^(?:devstack|ci|\.?zuul\.d)/")
_TOOLING_NAMES = frozenset(
    {".zuul.yaml", "zuul.yaml", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml", ".readthedocs.yaml",
     ".readthedocs.yml", ".gitreview"}
)  # fmt: skip
_TEST_PLAYBOOK = re.compile(r"(?i)(?:^|/)tests?/(?:[^/]+/)*[^/]+\.ya?ml$")
_TEST_SETUP = re.compile(r"(?:^|/)(?:scripts|tools)/tests?[-_][\w-]*\.(?:sh|py)$")


def is_project_documentation(path: str) -> bool:
    """An API reference or release-notes tree, or a man page named by its section (``tool.1``)."""
    return bool(_DOCUMENTATION_DIR.search(path)) or bool(_MAN_PAGE.fullmatch(posixpath.basename(path)))


def is_project_test(path: str) -> bool:
    """A JavaScript/TypeScript spec (``x.spec.ts``), a test-data builder module (``create_test_data.py``) or a
    benchmark's file (``benchmarks/…``, ``x-benchmark-messages.json``)."""
    return bool(_TEST.search(path))


def is_project_localization(path: str) -> bool:
    """An Erlang application's message catalogue (``priv/msgs/de.msg``), a per-language JSON catalogue
    (``static/js/motioneye.de.json``, ``messages.nb_NO.json``)."""
    catalogue = _JSON_CATALOGUE.search(path)
    language = catalogue is not None and _LANGUAGES.fullmatch(catalogue.group(1)) is not None
    return bool(_LOCALIZATION.search(path)) or language


def is_project_tooling(path: str) -> bool:
    """A devstack plugin, Zuul, Gerrit or pre-commit configuration, a top-level ``ci/`` folder, a test-setup script,
    a test playbook (YAML under ``tests/``)."""
    return (
        posixpath.basename(path) in _TOOLING_NAMES
        or bool(_TOOLING_DIR.search(path))
        or bool(_TEST_SETUP.search(path))
        or bool(_TEST_PLAYBOOK.search(path))
    )


def is_vendored_web_asset(path: str) -> bool:
    """A file of a browser library served as published, under a web root's ``vendor/``, ``components/``,
    ``bower_components/`` or ``node_modules/`` folder (its own subfolder, not a file beside it)."""
    return bool(_WEB_LIBRARY.search(path))


def is_page_template(path: str, lines: Sequence[tuple[int, str]]) -> bool:
    """A Jinja, Smarty or Mako template of an HTML page: an HTML element within its first ``_TEMPLATE_HEAD`` lines."""
    if not path.lower().endswith(_JINJA_SUFFIXES):
        return False
    return any(_HTML_ELEMENT.search(text) for _, text in lines[:_TEMPLATE_HEAD])
