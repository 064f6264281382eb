"""Classes of ``preflight.external_endpoint`` mistakes the hold-out guard showed in session 30 (holdout212's
admapper, holdout92's VideoLingo), each as its minimal construct next to near-misses: what must still be found and
what must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"

# -- A: a program's call whose URL argument is on the next line is one contact, at the call -------------------------

_CLONE = (
    "import subprocess\n"
    "\n"
    "def main():\n"
    "    subprocess.run(\n"
    '        ["git", "clone", "--depth", "1", "https://github.com/vendor/tool.git", "/opt/tool"],\n'
    "        check=True,\n"
    "    )\n"
    "\n"
    'if __name__ == "__main__":\n'
    "    main()\n"
)


def test_a_a_multi_line_run_call_is_one_contact_at_its_call() -> None:
    assert codes_at({"scripts/install.py": _CLONE}, ENDPOINT) == [4]


def test_a_the_call_on_one_line_is_still_found() -> None:
    call = _CLONE.split("    subprocess.run(")[1].split("\n\n", maxsplit=1)[0]
    one_line = _CLONE.replace(
        "subprocess.run(" + call,
        'subprocess.run(["git", "clone", "https://github.com/vendor/tool.git", "/opt/tool"], check=True)',
    )
    assert "\n        check" not in one_line
    assert codes_at({"scripts/install.py": one_line}, ENDPOINT) == [4]


def test_a_a_url_on_a_later_statement_is_still_a_setting_of_its_own() -> None:
    # the bracket closes on the call's line: the next statement's URL is not that call's argument
    source = (
        "import subprocess\n"
        "\n"
        'subprocess.run(["git", "clone", "https://github.com/vendor/tool.git", "/opt/tool"], check=True)\n'
        'MIRROR_URL = "https://mirror.vendor-cdn.net/tool/"\n'
    )
    assert codes_at({"scripts/install.py": source}, ENDPOINT) == [3, 4]


# -- B: a link in parentheses after words in a string is text for people ---------------------------------------------

_NOTE = (
    "import platform\n"
    "\n"
    "def hint():\n"
    '    if platform.system() == "Windows":\n'
    '        extra_note = "Install Chocolatey first (https://chocolatey.org/)"\n'
    "    else:\n"
    '        extra_note = "Install Homebrew first (https://brew.sh/)"\n'
    "    print(extra_note)\n"
)


def test_b_a_parenthesised_link_after_words_is_quiet() -> None:
    assert codes_at({"install.py": _NOTE}, ENDPOINT) == []


def test_b_a_url_alone_in_a_string_is_still_a_host() -> None:
    source = _NOTE.replace('"Install Chocolatey first (https://chocolatey.org/)"', '"https://chocolatey.org/install.ps1"')
    assert codes_at({"install.py": source}, ENDPOINT) == [5]


def test_b_a_command_substitution_in_a_string_is_still_a_contact() -> None:
    source = (
        "import os\n"
        "\n"
        'os.system("VERSION=$(curl -fsSL https://api.vendor-cdn.net/latest) && echo $VERSION")\n'
    )
    assert codes_at({"install.py": source}, ENDPOINT) == [3]


def test_b_a_call_in_a_string_is_still_a_contact() -> None:
    source = 'import urllib.request\n\nurllib.request.urlopen("https://api.vendor-cdn.net/latest")\n'
    assert codes_at({"install.py": source}, ENDPOINT) == [3]
