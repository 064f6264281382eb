"""Round nineteen of the whole packages (tests/preflight/packages/README.md, "Round nineteen"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

ENDPOINT = "preflight.external_endpoint"

_PRINTING_HELPER = (
    "import sys\n"
    "import click\n"
    "\n"
    "def fail_if_binary_missing(binary, target, install_link):\n"
    '    click.secho(f"Publishing to {target} requires {binary}", err=True)\n'
    '    click.echo(f"Follow the instructions at {install_link}", err=True)\n'
    "    sys.exit(1)\n"
)
_FETCHING_HELPER = (
    "import sys\n"
    "import urllib.request\n"
    "\n"
    "def fail_if_binary_missing(binary, target, install_link):\n"
    '    click.echo(f"Fetching {binary} for {target} from {install_link}", err=True)\n'
    "    urllib.request.urlretrieve(install_link, binary)\n"
)
_CALLER = (
    "import shutil\n"  # 1
    "from deployer.common import fail_if_binary_missing\n"  # 2
    "\n"  # 3
    "def publish():\n"  # 4
    '    if not shutil.which("cloudctl"):\n'  # 5
    '        fail_if_binary_missing("cloudctl", "Cloud", "https://cli.cloudvendor.com")\n'  # 6
)


def test_a_url_a_helper_only_prints_is_shown() -> None:
    # Datasette's ``fail_if_publish_binary_not_installed("heroku", "Heroku", "https://cli.heroku.com")``: the helper
    # (another module) echoes the link as where to get the missing CLI and exits; nothing requests it
    found = findings({"deployer/common.py": _PRINTING_HELPER, "deployer/publish.py": _CALLER})
    assert (ENDPOINT, 6) not in found


def test_a_url_a_helper_also_fetches_is_contacted() -> None:
    # near miss: the same call, the helper printing the link and then downloading from it
    found = findings({"deployer/common.py": _FETCHING_HELPER, "deployer/publish.py": _CALLER})
    assert (ENDPOINT, 6) in found


def test_a_helper_name_defined_twice_is_not_read() -> None:
    # near miss: a second ``def`` of the name elsewhere in the package (which one the call reaches is not known)
    other = (
        "import requests\n\ndef fail_if_binary_missing(binary, target, install_link):\n    requests.get(install_link)\n"
    )
    files = {"deployer/common.py": _PRINTING_HELPER, "deployer/other.py": other, "deployer/publish.py": _CALLER}
    assert (ENDPOINT, 6) in findings(files)
