"""URL literals in program source: links and patterns (mentions) against hosts the program requests
(shipgate.preflight.source_links; whole packages' rounds four, six and seven: tests/preflight/packages/README.md).
Each class with a construct (a link or pattern that was reported as contacted) and a near miss (the request that
must stay reported)."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.source_links import browser_asset, documentation_page, named_for_people, source_link_lines

ENDPOINT = "preflight.external_endpoint"


def test_a_value_named_for_people_is_a_link() -> None:
    code = (
        'DOCS_URL = "https://www.dten-manual.io/en/stable/accounts.html"\n'
        'DONATE_URL = "https://dten-project.io/donate/"\n'
        "\n\n"
        "def create_demo(projects):\n"
        '    projects.create(name="Demo", web="https://demo.dten-project.io/")\n'
        "    projects.create(\n"
        '        name="Other",\n'
        "        repoweb=(\n"
        '            "https://git.dten-hub.io/dten/dten/"\n'
        '            "blob/{{branch}}/{{filename}}"\n'
        "        ),\n"
        "    )\n"
        "\n\n"
        "def get_doc_url(page):\n"
        '    return f"https://dten-project.io/manual/{page}.html"\n'
    )
    assert codes_at({"dten/views.py": code}, ENDPOINT) == []
    # near miss: the same shapes under names of a service the code calls stay contacted
    request = (
        'API_URL = "https://api.dten-cloud.io/v2/"\n'
        "\n\n"
        "def create_demo(projects):\n"
        '    projects.create(name="Demo", repo="https://git.dten-hub.io/dten/demo.git")\n'
        "\n\n"
        "def get_api_url(page):\n"
        '    return f"https://api.dten-cloud.io/v2/{page}"\n'
    )
    assert codes_at({"dten/views.py": request}, ENDPOINT) == [1, 5, 9]


def test_a_names_words_decide_not_its_letters() -> None:
    assert named_for_people("DOC_LINKS") and named_for_people("getDocUrl") and named_for_people("repoweb")
    # near miss: a webhook, a websocket, a download: words that only begin like a link's
    assert not named_for_people("WEBHOOK_URL") and not named_for_people("websocket_url")
    assert not named_for_people("download_url") and not named_for_people("docker_host")


def test_repository_spellings_are_patterns_a_payload_is_matched_against() -> None:
    code = (
        "FORGE_REPOS = (\n"
        '    "git://git.dten-hub.io/%(owner)s/%(slug)s.git",\n'
        '    "https://git.dten-hub.io/%(owner)s/%(slug)s.git",\n'
        '    "git@git.dten-hub.io:%(owner)s/%(slug)s.git",\n'
        ")\n"
        "\n"
        "type Scalar = str | int\n"  # newer syntax than the running parser's: read line by line all the same
    )
    assert codes_at({"dten/hooks.py": code}, ENDPOINT) == []
    assert source_link_lines("dten/hooks.py", list(enumerate(code.splitlines(), 1))) == {2, 3, 4}
    # near miss: a list of API templates under one access method, each a request
    apis = (
        "RELEASE_URLS = (\n"
        '    "https://api.dten-hub.io/repos/{owner}/{repo}/releases",\n'
        '    "https://api.dten-mirror.io/repos/{owner}/{repo}/releases",\n'
        ")\n"
    )
    assert codes_at({"dten/hooks.py": apis}, ENDPOINT) == [2, 3]


def test_documentation_pages_and_browser_assets_are_not_requested() -> None:
    code = (
        "def deprecated(request):\n"
        '    url = "https://dten.readthedocs.io/en/2.4.0/api/filtering.html"\n'
        '    request.add_header("Alert", url)\n'
        "\n\n"
        'ui_css_url = "https://cdn.dten-assets.io/libs/swagger-ui/3.23/swagger-ui.css"\n'
        'ui_js_url = "https://cdn.dten-assets.io/libs/swagger-ui/3.23/swagger-ui-bundle.js"\n'
    )
    assert codes_at({"dten/views.py": code}, ENDPOINT) == []
    assert documentation_page("https://docs.dten-project.io/x") and browser_asset("https://cdn.dten.io/a.min.js")
    # near miss: an API on a host that only starts like a docs site, and a JSON feed, are requested
    request = (
        'API_URL = "https://docsearch.dten-cloud.io/v1/query"\nFEED_URL = "https://cdn.dten-assets.io/feed.json"\n'
    )
    assert codes_at({"dten/views.py": request}, ENDPOINT) == [1, 2]
    assert not documentation_page("https://docsearch.dten-cloud.io/") and not browser_asset("https://x.io/a.json")
