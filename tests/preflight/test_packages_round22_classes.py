"""Round twenty-two of the whole packages (tests/preflight/packages/README.md, "Round twenty-two"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.bundled_libraries import bundled_library_lines

ENDPOINT = "preflight.external_endpoint"

# an unminified esbuild bundle a web app serves: each module's code follows a comment naming its source path
_BUNDLE = (
    "// node_modules/widgetlib/src/errors.js\n"  # 1: a published library's module
    "function invariant_violation() {\n"  # 2
    '  const icons = fetch("https://cdn.widgetlib.dev/icons.json");\n'  # 3: the library's own request, a browser's
    "  throw new Error(`https://widgetlib.dev/e/invariant_violation`);\n"  # 4
    "}\n"  # 5
    "// src/api/index.ts\n"  # 6: the app's own module
    "function items() {\n"  # 7
    '  return fetch("https://api.vendor-cloud.com/v1/items");\n'  # 8
    "}\n"  # 9
)


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start=1))


def test_a_served_bundles_library_modules_are_the_librarys() -> None:
    # Fava's ``src/fava/static/chunk-TVG7KHLA.js``: Svelte's runtime, copied from ``node_modules/svelte/…``, with
    # its error links (64 hosts); the app's own module after ``// src/…`` is read as before
    assert codes_at({"app/static/chunk-TVG7KHLA.js": _BUNDLE}, ENDPOINT) == [8]
    assert bundled_library_lines("app/static/chunk-TVG7KHLA.js", _lines(_BUNDLE)) == {2, 3, 4, 5}


def test_a_bundle_outside_a_served_folder_or_without_library_markers_keeps_its_hosts() -> None:
    # a server bundle runs its libraries' requests itself; a served script whose markers name only the app's
    # modules (no ``node_modules/``) is the app's code
    assert codes_at({"server/build/index.js": _BUNDLE}, ENDPOINT) == [3, 8]
    own = _BUNDLE.replace("node_modules/widgetlib/src/errors.js", "src/lib/errors.js")
    assert codes_at({"app/static/chunk-TVG7KHLA.js": own}, ENDPOINT) == [3, 8]
    assert bundled_library_lines("app/static/chunk-TVG7KHLA.js", _lines(own)) == set()
    # a comment that mentions a library path inside a sentence is no module marker
    prose = _BUNDLE.replace("// node_modules/widgetlib/src/errors.js", "// see node_modules/widgetlib/README.md")
    assert codes_at({"app/static/chunk-TVG7KHLA.js": prose}, ENDPOINT) == [3, 8]


_LOCK_TOOL = (
    "from pathlib import Path\n"  # 1
    "REPLACEMENTS = [\n"  # 2
    "    ('url = \"https://mirror.corp-proxy.dev/pypi/packages/', 'url = \"https://files.pythonhosted.org/packages/'),\n"
    "]\n"  # 4
    "text = Path('uv.lock').read_text()\n"  # 5
)


def test_a_tool_that_rewrites_a_lock_file_is_a_maintainers() -> None:
    # OpenCanary's ``scripts/sanitise_uv_lock.py`` and ``check_uv_lock_urls.py``: a replacement table of a private
    # package proxy's URLs and PyPI's, applied to ``uv.lock`` before a release; no install step runs it
    assert codes_at({"scripts/sanitise_uv_lock.py": _LOCK_TOOL}, ENDPOINT) == []
    assert codes_at({"tools/check-package-lock.py": _LOCK_TOOL}, ENDPOINT) == []


def test_a_script_named_for_locking_something_else_or_outside_a_tools_folder_keeps_its_hosts() -> None:
    # ``lock_users.py`` locks accounts (an operator's tool); a lock-file tool the package installs as a command
    # (``bin/``) is not a maintainer's
    assert codes_at({"scripts/lock_users.py": _LOCK_TOOL}, ENDPOINT) == [3, 3]
    assert codes_at({"bin/sanitise_uv_lock.py": _LOCK_TOOL}, ENDPOINT) == [3, 3]


_CREDITS_NOTE = "The icons come from http://icons.artist-site.cz/ikony.php3, or the projects he drew them for.\n"


def test_a_note_named_info_in_capitals_is_for_people() -> None:
    # phpLDAPadmin's ``htdocs/images/INFO``: where the icons beside it were drawn
    assert codes_at({"usr/share/app/htdocs/images/INFO": _CREDITS_NOTE}, ENDPOINT) == []


def test_a_file_named_info_in_lower_case_is_still_read() -> None:
    # a lower-case ``info`` may be a program's data or settings: read as before
    assert codes_at({"usr/share/app/htdocs/images/info": _CREDITS_NOTE}, ENDPOINT) == [1]
