"""Round thirty-two of the whole packages (tests/preflight/packages/README.md, "Round thirty-two"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

ENDPOINT = "preflight.external_endpoint"

# a browser script that requests an API: the app's own code is read, a published library is not
_REQUEST = (
    "export class Geocoder {\n"  # 1
    "  constructor(options) {\n"  # 2
    "    this.url = options.url || 'https://photon.example-geocoder.org/api/'\n"  # 3
    "  }\n"  # 4
    "  async search(q) {\n"  # 5
    "    return fetch(`${this.url}?q=${q}`)\n"  # 6
    "  }\n"  # 7
    "}\n"
)

# a minified bundle's line: a link shown in a page
_BUNDLE = "function a(e){return'https://secure.avatars.example-gravatar.com/avatar/'+e}\n"

_REQUIREMENT_PAGE = (
    "Requirements\n"  # 1
    "============\n"  # 2
    "\n"  # 3
    "Workers cannot run on `Windows <http://python-queue.example-rq.org/docs/>`_.\n"  # 4
)
_REQUIREMENTS = "--index-url https://pypi.example-mirror.org/simple\nDjango==1.10\n"


def test_a_library_in_a_vendors_folder_is_library_code() -> None:
    # uMap's umap/static/umap/vendors/photon/leaflet.photon.esm.js: a published plugin served as it was published
    assert (ENDPOINT, 3) not in findings({"app/static/app/vendors/photon/leaflet.photon.esm.js": _REQUEST})


def test_the_apps_own_script_beside_a_vendors_folder_is_still_read() -> None:
    # the same request in the app's own module (umap/static/umap/js/modules/…) stays reported
    assert (ENDPOINT, 3) in findings({"app/static/app/js/modules/geocoder.js": _REQUEST})


def test_a_minified_bundle_with_a_content_hash_is_a_bundle() -> None:
    # Pootle's pootle/assets/js/user/app.min.90398749.js
    assert findings({"pootle/assets/js/user/app.min.90398749.js": _BUNDLE}) == []


def test_a_script_named_min_but_not_a_hash_is_read() -> None:
    # ``admin.js`` and ``min.config.js``-like names are not bundles; the same line in one is read
    found = findings({"pootle/static/js/gravatar.min-config.js": _BUNDLE})
    assert (ENDPOINT, 1) in found


def test_a_sphinx_source_copy_named_requirements_is_a_document() -> None:
    # Pootle's docs/_build/html/_sources/server/requirements.rst.txt: the page's reStructuredText, not pip's input
    assert findings({"docs/_build/html/_sources/server/requirements.rst.txt": _REQUIREMENT_PAGE}) == []


def test_a_requirements_file_still_names_its_index() -> None:
    assert (ENDPOINT, 1) in findings({"requirements-prod.txt": _REQUIREMENTS})


_HELP = (
    "import { translate } from './i18n.js'\n"  # 1
    "export function help() {\n"  # 2
    "  return `<ul>\n"  # 3
    "    <li>${translate('Simple link: [[https://links.example-maps.org]]')}</li>\n"  # 4
    "  </ul>`\n"  # 5
    "}\n"  # 6
    "export async function tiles() {\n"  # 7
    "  return fetch('https://tiles.example-maps.org/index.json')\n"  # 8
    "}\n"
)

_CREDITS = (
    "import { translate } from './i18n.js'\n"  # 1
    "export function credits(element) {\n"  # 2
    "  const urls = {\n"  # 3
    "    leaflet: 'http://leaflet.example-maps.org',\n"  # 4
    "    api: 'https://api.example-maps.org/v1/',\n"  # 5
    "  }\n"  # 6
    '  element.innerHTML = translate(`Powered by <a href="{leaflet}">Leaflet</a>`, urls)\n'  # 7
    "  return fetch(urls.api)\n"  # 8
    "}\n"
)


def test_a_url_in_a_message_given_to_translate_is_shown_text() -> None:
    # uMap's help.js: `<li>${translate('Simple link: [[https://example.com]]')}</li>` inside a page template
    assert (ENDPOINT, 4) not in findings({"app/static/app/js/modules/help.js": _HELP})


def test_a_request_beside_a_translated_message_is_still_read() -> None:
    assert (ENDPOINT, 8) in findings({"app/static/app/js/modules/help.js": _HELP})


def test_a_value_filled_into_a_brace_placeholder_of_a_link_is_a_link() -> None:
    # uMap's caption.js: translate(`Powered by <a href="{leaflet}">Leaflet</a>`, urls), urls.leaflet a credit link
    assert (ENDPOINT, 4) not in findings({"app/static/app/js/modules/caption.js": _CREDITS})


def test_a_value_of_the_same_object_no_link_names_is_still_read() -> None:
    # urls.api fills no href placeholder: the script requests it
    assert (ENDPOINT, 5) in findings({"app/static/app/js/modules/caption.js": _CREDITS})


_PYTHON2 = (
    "import re\n"  # 1
    "import requests\n"  # 2
    "\n"  # 3
    "LANGUAGE_LINK_RE = re.compile(ur'/xx/', re.IGNORECASE)\n"  # 4
    "\n"  # 5
    "\n"  # 6
    "def trim_url(link):\n"  # 7
    '    """Trims `link`. Example::\n'  # 8
    "\n"  # 9
    "    https://www.notes.example-pages.org/shard/s12/sh/overview.png?width=832\n"  # 10
    '    """\n'  # 11
    "    return requests.get('https://api.example-pages.org/trim', params={'u': link})\n"  # 12
)


def test_a_python2_docstring_beside_a_ur_literal_is_documentation() -> None:
    # Pootle's cleanhtml.py: Python 3 refuses ur'/xx/', so the file was not parsed and trim_url's docstring was code
    assert (ENDPOINT, 10) not in findings({"pootle/apps/pootle_misc/templatetags/cleanhtml.py": _PYTHON2})


def test_a_python2_files_request_is_still_read() -> None:
    assert (ENDPOINT, 12) in findings({"pootle/apps/pootle_misc/templatetags/cleanhtml.py": _PYTHON2})


SCHEDULED = "preflight.scheduled_job"

_CRON_BLOCK_OUT = (
    "#!/bin/sh\n"  # 1
    "set -e\n"  # 2
    "if grep -qs '^#-- modem begin$' /etc/crontab; then\n"  # 3
    "    TMP=/etc/crontab.tmp\n"  # 4
    "    awk 'BEGIN {found=0}\n"  # 5
    "    /^#-- modem begin$/ {found = 1}\n"  # 6
    "    /^#-- modem end$/ {found = -1}\n"  # 7
    "    {if (!found) print}\n"  # 8
    "    {if (found == -1) found=0}' /etc/crontab >$TMP &&\n"  # 9
    "    if [ -s $TMP ]; then\n"  # 10
    "        mv -f $TMP /etc/crontab\n"  # 11
    "    fi\n"  # 12
    "fi\n"
)


def _deb(postinst: str) -> dict[str, str | bytes]:
    return {"postinst": postinst, "usr/sbin/modemd": b"\x7fELF"}


def test_a_crontab_rewritten_from_a_filtered_copy_of_itself_schedules_nothing() -> None:
    # mgetty's postinst: its old block taken out of /etc/crontab with awk, the copy moved back
    found = findings(_deb(_CRON_BLOCK_OUT))
    assert (SCHEDULED, 5) not in found and (SCHEDULED, 11) not in found


def test_an_awk_that_prints_a_new_line_into_the_copy_schedules_a_job() -> None:
    added = _CRON_BLOCK_OUT.replace("{if (!found) print}", 'END {print "0 3 * * * root /usr/sbin/modemd --sweep"}')
    found = findings(_deb(added))
    assert (SCHEDULED, 11) in found


def test_a_crontab_put_back_from_a_file_the_script_wrote_schedules_a_job() -> None:
    written = _CRON_BLOCK_OUT.replace("/etc/crontab >$TMP", "/etc/crontab >/dev/null; echo '0 3 * * * root x' >$TMP")
    assert (SCHEDULED, 11) in findings(_deb(written))
