"""Values programs carry across files (session 33): a URL constant one module of a program defines and another module
of the same package imports and requests (``shipgate.preflight.package_imports``) is contacted at the request, the
constant's line named as its assignment, as a sourced library's variable is in a shell script; near-misses (a name of
a third-party package, a constant assigned twice, a value from the environment, a name the importer binds itself,
a test's import) stay as they were."""

from __future__ import annotations

from preflight_kit import package, run

from shipgate.findings import Severity
from shipgate.preflight.package_imports import imported_requests

ENDPOINT = "preflight.external_endpoint"


def _contacts(files: dict[str, str]) -> list[tuple[str, int | None, str | None]]:
    """(file, line, the constant's file:line) of each contact above info."""
    found = run(package(dict(files)))
    return sorted(
        (f.path, f.evidence.get("line"), f.evidence.get("assigned_in"))
        for f in found
        if f.code == ENDPOINT and f.severity > Severity.INFO
    )


# -- TypeScript: ``import { X } from './constants'`` then ``fetch(X)`` ----------------------------------------------

_CONSTANTS_TS = "import os from 'node:os'\n\nexport const CARGO_TOML = 'https://hg.example-vendor.org/raw/Cargo.toml'\n"
_INSTALL_TS = (
    "import fetch from 'node-fetch'\n"
    "import { CARGO_TOML } from './constants.js'\n"
    "\n"
    "export async function download() {\n"
    "  const res = await fetch(CARGO_TOML)\n"
    "  return res.text()\n"
    "}\n"
)


def test_an_imported_typescript_constant_is_contacted_at_the_fetch() -> None:
    files = {"src/constants.ts": _CONSTANTS_TS, "src/install.ts": _INSTALL_TS}
    assert _contacts(files) == [("src/install.ts", 5, "src/constants.ts:3")]


def test_a_required_constant_built_on_is_contacted_at_the_request() -> None:
    config = "module.exports = { BASE }\nconst BASE = 'https://dl.example-vendor.org/agent'\n"
    install = (
        "const https = require('https')\n"
        "const { BASE: base } = require('./config')\n"
        "https.get(`${base}/agent-linux.tgz`, (res) => res.resume())\n"
    )
    assert _contacts({"lib/config.js": config, "lib/install.js": install}) == [("lib/install.js", 3, "lib/config.js:2")]


def test_a_name_of_a_third_party_javascript_package_is_not_followed() -> None:
    install = "import { CARGO_TOML } from 'cargo-urls'\n\nfetch(CARGO_TOML)\n"
    # the package's own constant of the same name is no value of the import: it stays where it is written
    assert _contacts({"src/constants.ts": _CONSTANTS_TS, "src/install.ts": install}) == [("src/constants.ts", 3, None)]


def test_a_name_the_importer_binds_itself_is_its_own() -> None:
    install = _INSTALL_TS.replace("  const res", "  const CARGO_TOML = process.argv[2]\n  const res")
    assert _contacts({"src/constants.ts": _CONSTANTS_TS, "src/install.ts": install}) == [("src/constants.ts", 3, None)]


# -- Python: ``from .config import X`` then ``urlopen(X)`` ------------------------------------------------------------

_CONFIG_PY = '"""Settings."""\n\nUPDATE_URL = "https://updates.example-vendor.org/latest.json"\nTIMEOUT = 30\n'
_UPDATE_PY = (
    "import json\n"
    "from urllib.request import urlopen\n"
    "\n"
    "from .config import TIMEOUT, UPDATE_URL\n"
    "\n"
    "\n"
    "def latest():\n"
    "    with urlopen(UPDATE_URL, timeout=TIMEOUT) as answer:\n"
    "        return json.load(answer)\n"
)


def test_an_imported_python_constant_is_contacted_at_the_request() -> None:
    files = {"agent/config.py": _CONFIG_PY, "agent/update.py": _UPDATE_PY}
    assert _contacts(files) == [("agent/update.py", 8, "agent/config.py:3")]


def test_an_install_script_requests_its_sibling_modules_constant() -> None:
    script = (
        "#!/usr/bin/env python3\n"
        "import urllib.request\n"
        "from settings import RELEASE\n"
        "\n"
        "if __name__ == '__main__':\n"
        "    urllib.request.urlretrieve(RELEASE + '/agent.tgz', '/tmp/agent.tgz')\n"
    )
    settings = "RELEASE = 'https://dl.example-vendor.org/agent/v2'\n"
    assert _contacts({"install.py": script, "settings.py": settings}) == [("install.py", 6, "settings.py:1")]


def test_a_name_of_a_third_party_python_package_is_not_followed() -> None:
    update = _UPDATE_PY.replace("from .config import", "from vendorlib.config import")
    assert _contacts({"agent/config.py": _CONFIG_PY, "agent/update.py": update}) == [("agent/config.py", 3, None)]


def test_a_constant_assigned_twice_is_not_followed() -> None:
    config = _CONFIG_PY + "if TIMEOUT > 10:\n    UPDATE_URL = 'https://mirror.example-vendor.org/latest.json'\n"
    found = _contacts({"agent/config.py": config, "agent/update.py": _UPDATE_PY})
    assert found == [("agent/config.py", 3, None), ("agent/config.py", 6, None)]  # each where it is written


def test_a_value_read_from_the_environment_is_not_followed() -> None:
    config = 'import os\n\nUPDATE_URL = os.environ.get("AGENT_UPDATE_URL")\n'
    assert _contacts({"agent/config.py": config, "agent/update.py": _UPDATE_PY}) == []


def test_a_tests_import_leaves_the_constant_where_it_is_written() -> None:
    test = _UPDATE_PY.replace("from .config", "from agent.config").replace("def latest", "def test_latest")
    files = {"agent/config.py": _CONFIG_PY, "tests/test_update.py": test}
    assert _contacts(files) == [("agent/config.py", 3, None)]


def test_the_uses_name_the_defining_line_once_per_request() -> None:
    uses = imported_requests({"agent/config.py": _CONFIG_PY.encode(), "agent/update.py": _UPDATE_PY.encode()})
    assert list(uses) == ["agent/config.py"]
    assert [(u.path, u.line) for u in uses["agent/config.py"][3]] == [("agent/update.py", 8)]
