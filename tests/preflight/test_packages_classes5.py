"""The classes of false positives left in round three of whole real packages after its fixes (tests/preflight/packages/
README.md, "Round three, second pass"), each with a minimal construct and a near miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"
PRIVILEGE = "preflight.implicit_privilege"
ROOT = "preflight.root_assumed"
HIDDEN = "preflight.hidden_migration"


# --- an sdist's scripts installed as commands are the operator's tools, not steps ---

RESET = (
    "#!/bin/bash\n"
    "mkdir -p /var/log/dten\n"
    "chown -R dten /var/log/dten\n"
    "dten-manage db upgrade -d /usr/lib/dten/migrations\n"
)
DIAG = '#!/bin/bash\nif [ "$(id -u)" -ne 0 ]; then\n  echo "run me as root"\n  exit 1\nfi\n'


def test_scripts_an_sdist_installs_as_commands_are_run_by_the_operator() -> None:
    pyproject = '[project]\nname = "dten"\n[tool.setuptools]\nscript-files = ["tools/reset-dten", "tools/dten-diag"]\n'
    tree = {"pyproject.toml": pyproject, "tools/reset-dten": RESET, "tools/dten-diag": DIAG}
    assert codes_at(tree, PRIVILEGE) == []
    assert codes_at(tree, ROOT) == []
    setup_py = "from glob import glob\nfrom setuptools import setup\nsetup(name='dten', scripts=glob('bin/*'))\n"
    assert codes_at({"setup.py": setup_py, "bin/reset-dten": RESET}, PRIVILEGE) == []
    setup_cfg = "[metadata]\nname = dten\n[options]\nscripts =\n    tools/reset-dten\n"
    assert codes_at({"setup.cfg": setup_cfg, "tools/reset-dten": RESET}, PRIVILEGE) == []
    # what the tool does when the operator runs it is still read: its migration
    assert codes_at(tree, HIDDEN) == [4]
    # near misses: a script the build description does not list, and one listed by a vendored project's setup.py
    assert codes_at({"pyproject.toml": pyproject, "tools/upgrade-dten": RESET}, PRIVILEGE) == [3]
    vendored = {"vendor/x/setup.py": setup_py.replace("bin/*", "vendor/x/bin/*"), "vendor/x/bin/reset-dten": RESET}
    assert codes_at(vendored, PRIVILEGE) == [3]
    assert codes_at({"setup.py": setup_py, "bin/sub/reset-dten": RESET}, PRIVILEGE) == [3]


# --- links a web app's own browser scripts show or open ---


def test_links_a_browser_script_shows_or_opens_are_not_contacted() -> None:
    js = (
        "text = _.sprintf(\n"
        "    gettext('Refer to <a href=\"%(url)s\">the FAQ</a> and the <a href=\"%(jsconsole)s\">console</a>.'),\n"
        '    {url: "https://faq.vendor-cloud.io/connection-error"}\n'
        ");\n"
        "message = _.sprintf(message, {\n"
        "    jsconsole:\n"
        '        "https://help.vendor-cloud.io/a/77337"\n'
        "});\n"
        'window.open("https://vendor-cloud.io/support_link_admin", "_blank");\n'
        '$("#faq a").attr(\n    "href",\n    "https://faq.vendor-cloud.io/" + data.faq\n);\n'
        '$rootScope.publicLink = "https://vendor-cloud.io/" + lang + "/support";\n'
    )
    assert codes_at({"src/dten/static/js/app/viewmodels/state.js": js}, ENDPOINT) == []
    # near misses: a request to the same host, and a ``url`` no template of the file links to
    ajax = '$.ajax({\n    url: "https://api.vendor-cloud.io/v1/state",\n    type: "GET"\n});\n'
    assert codes_at({"src/dten/static/js/app/viewmodels/state.js": ajax}, ENDPOINT) == [2]
    no_link = js.replace("href=", "data-x=")
    assert codes_at({"src/dten/static/js/app/viewmodels/state.js": no_link}, ENDPOINT) == [3, 7]
