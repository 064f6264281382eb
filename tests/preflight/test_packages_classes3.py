"""The classes of false positives that the third pass over whole real packages showed (tests/preflight/packages/
README.md, "Third pass"), each with a minimal construct and a near miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"
AWS_KEY = "AKIAIOSFODNN7EXAMPLF"
DEPLOY_SH = "#!/bin/sh\nset -e\npip install dten-tools\n"


# --- documentation examples: a word under a password-like name is an example, random-looking or not ---


def test_a_password_in_a_page_is_an_example() -> None:
    rst = "Set it::\n\n    password: {plaintext}supersekrit\n    token=EjFUTWe8U-MIseEAkaVI_TrnbdvEcRkaB1ims\n"
    assert codes_at({"src/dten/rest/docs/users.rst": rst}, CREDENTIAL) == []
    md = '```yaml\nturn_shared_secret: "n0t4ctuAllymatr1Xd0TorgSshar3d5ecret4obvIous"\n```\n'
    assert codes_at({"docs/turn-howto.md": md}, CREDENTIAL) == []
    # near miss: a token in its own format in a page, and the same setting in the product's configuration
    assert codes_at({"docs/aws.md": f"aws_access_key_id = {AWS_KEY}\n"}, CREDENTIAL) == [1]
    assert codes_at({"etc/dten/turn.yaml": md.split("\n")[1] + "\n"}, CREDENTIAL) == [1]


def test_an_example_script_under_share_doc_is_an_example() -> None:
    sh = "#!/bin/sh\nturnserver -v --cli-password secred --max-bps=3000000\n"
    assert codes_at({"usr/share/doc/dten/examples/scripts/relay.sh": sh}, CREDENTIAL) == []
    # near miss: the same script as the product's own tool
    assert codes_at({"usr/share/dten/scripts/relay.sh": sh}, CREDENTIAL) == [2]


# --- a project's maintainer tools and test images: never a step of an install ---


def test_release_and_validation_tools_in_scripts_are_development_tooling() -> None:
    for name in ("make-release", "validate-commits", "dbmigrate-test", "update-copyrights.sh"):
        assert codes_at({f"scripts/{name}": DEPLOY_SH}, EGRESS) == [], name
    testbed = "FROM node:20\nRUN npm install -g jest\n"
    assert codes_at({"docker/Dockerfile-js-testbed": testbed}, EGRESS) == []
    # near miss: an operator's tool in the same folder, and the production image
    assert codes_at({"scripts/import-issues": DEPLOY_SH}, EGRESS) == [3]
    assert codes_at({"docker/Dockerfile": testbed}, EGRESS) == [2]
    # a literal password a maintainer's test tool runs with is still reported (a CI job's is a test value)
    tool = "#!/bin/sh\nkallithea-cli db-create --user=doe --password=123456\n"
    assert codes_at({"scripts/dbmigrate-test": tool}, CREDENTIAL) == [2]
    assert codes_at({".github/ci/dbmigrate-test": tool}, CREDENTIAL) == []


# --- program source: a table of sample inputs is not a list of hosts ---


def test_a_table_of_sample_urls_and_expected_counts_is_sample_text() -> None:
    table = (
        "import re\n"
        "_test_url_strs = {\n"
        "    'https://feeds.vendor-cloud.io': 1,\n"
        "    'htt://feeds.vendor-cloud.io': 0,\n"
        "    '[https://a.vendor-cloud.io/x?y=1]': 1,\n"
        "}\n"
        "for url, n in _test_url_strs.items():\n"
        "    assert len(re.findall(URL_REGEX, url)) == n\n"
    )
    assert codes_at({"dten/parsers/__init__.py": table}, ENDPOINT) == []
    # near miss: a table of URLs mapped to what the program does with them
    hooks = table.replace(": 1,", ": 'fetch',").replace(": 0,", ": 'skip',")
    assert codes_at({"dten/parsers/__init__.py": hooks}, ENDPOINT) == [3, 4, 5]


# --- program source: a URL with a page anchor is a link for a browser ---


def test_a_url_with_a_page_anchor_in_code_is_a_link() -> None:
    code = (
        "def room_link(room):\n"
        "    return 'https://chat.vendor-cloud.io/#/room/%s' % room\n"
        "HINT = 'https://portal.vendor-cloud.io/configure.html#client-configuration'\n"
    )
    assert codes_at({"dten/links.py": code}, ENDPOINT) == []
    # near miss: a fragment that carries data for a fetching tool, and the same URL without its anchor
    fetch = "import requests\nrequests.get('https://pkgs.vendor-cloud.io/dten.tgz#sha256=ab12')\n"
    assert codes_at({"dten/fetch.py": fetch}, ENDPOINT) == [2]
    bare = code.replace("#client-configuration", "")
    assert codes_at({"dten/links.py": bare}, ENDPOINT) == [3]
