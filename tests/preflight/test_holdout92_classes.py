"""Classes the ninety-second hold-out set showed (tests/preflight/holdout92: install and upgrade programs in Python,
JavaScript, PHP, Ruby and Go), each as its minimal construct next to a near-miss that must stay reported or quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an index URL written on a ``python -m pip`` run is the host pip asks ------------------------------------------

PIP_MODULE_INDEX = _text(
    "import subprocess",  # 1
    "import sys",  # 2
    "",  # 3
    "def main():",  # 4
    '    subprocess.check_call([sys.executable, "-m", "pip", "install", "torch==2.0.0",',  # 5
    '                           "--index-url", "https://download.pytorch.org/whl/cu118"])',  # 6
    "",  # 7
    'if __name__ == "__main__":',  # 8
    "    main()",  # 9
)


def test_a_index_url_on_a_pip_module_run_is_an_endpoint_not_an_egress() -> None:
    files = {"install.py": PIP_MODULE_INDEX}
    assert codes_at(files, ENDPOINT) == [5]
    assert codes_at(files, EGRESS) == []


def test_a_the_same_in_a_shell_step() -> None:
    files = {
        "scripts/setup.sh": _text(
            "#!/bin/sh", "python3 -m pip install --index-url https://pypi.example.com/simple tool"
        )
    }
    assert codes_at(files, ENDPOINT) == [2]
    assert codes_at(files, EGRESS) == []


def test_a_near_miss_no_url_or_an_extra_index_still_reaches_the_default_index() -> None:
    lines = _text(
        "#!/bin/sh",  # 1
        "python3 -m pip install tool",  # 2: PyPI, no URL written
        "python3 -m pip install --extra-index-url https://wheels.example.org/simple tool",  # 3: PyPI asked too
        'python3 -m pip install --index-url "$INDEX" tool',  # 4: the index is the environment's
        "python3 -m http.server https://not.an.index.example.com/",  # 5: not pip: a module given a word
    )
    files = {"scripts/setup.sh": lines}
    assert codes_at(files, EGRESS) == [2, 3, 4]
    assert codes_at(files, ENDPOINT) == [3]


# -- C: a fetched response written to a file is a download saved there -----------------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"

SAVED_RESPONSE = _text(
    "import os",  # 1
    "import requests",  # 2
    'res = requests.get("https://get.example.com/install.sh")',  # 3
    "content = res.content",  # 4
    'with open("install.sh", "wb") as f:',  # 5
    "    f.write(content)",  # 6
    'os.system("sh install.sh")',  # 7
)


def test_c_response_written_to_a_file_then_run_is_an_unverified_download() -> None:
    files = {"install.py": SAVED_RESPONSE}
    assert codes_at(files, UNVERIFIED) == [7]
    assert codes_at(files, ENDPOINT) == [3]


def test_c_the_same_through_a_file_object_bound_by_open() -> None:
    text = _text(
        "import os",  # 1
        "import requests",  # 2
        'res = requests.get("https://get.example.com/install.sh")',  # 3
        'out = open("install.sh", "wb")',  # 4
        "out.write(res.content)",  # 5
        'os.system("sh install.sh")',  # 6
    )
    assert codes_at({"install.py": text}, UNVERIFIED) == [6]


def test_c_near_miss_the_response_saved_elsewhere_or_other_data_written() -> None:
    text = _text(
        "import os",  # 1
        "import requests",  # 2
        'res = requests.get("https://get.example.com/VERSION")',  # 3
        'with open("version.txt", "w") as f:',  # 4: the response is saved here, not run
        "    f.write(res.text)",  # 5
        'with open("install.sh", "w") as g:',  # 6: the script the package ships, added to
        '    g.write("echo done")',  # 7: text of the program, not the response
        'os.system("sh install.sh")',  # 8
    )
    files = {"install.py": text}
    assert codes_at(files, UNVERIFIED) == []
    assert codes_at(files, ENDPOINT) == [3]


# -- E: go-github-selfupdate's package update functions replace the command with an unchecked release asset ----------


def _go_updater(imported: str, call: str) -> str:
    return _text(
        "package updater",  # 1
        "",  # 2
        "import (",  # 3
        '\t"os"',  # 4
        "",  # 5
        f"\t{imported}",  # 6
        ")",  # 7
        "",  # 8
        "func doUpdate(url string) error {",  # 9
        "\texe, err := os.Executable()",  # 10
        "\tif err != nil {",  # 11
        "\t\treturn err",  # 12
        "\t}",  # 13
        f"\treturn {call}",  # 14
        "}",  # 15
    )


def test_e_update_to_of_go_github_selfupdate_is_an_unverified_download() -> None:
    text = _go_updater('"github.com/rhysd/go-github-selfupdate/selfupdate"', "selfupdate.UpdateTo(url, exe)")
    assert codes_at({"internal/updater/updater.go": text}, UNVERIFIED) == [14]


def test_e_the_same_under_an_import_alias() -> None:
    text = _go_updater('gh "github.com/rhysd/go-github-selfupdate/selfupdate"', "gh.UpdateTo(url, exe)")
    assert codes_at({"internal/updater/updater.go": text}, UNVERIFIED) == [14]


def test_e_near_miss_another_package_or_an_updater_value_is_not_read() -> None:
    other = _go_updater('"example.com/tools/selfupdate"', "selfupdate.UpdateTo(url, exe)")  # not the library
    method = _go_updater('"github.com/rhysd/go-github-selfupdate/selfupdate"', "up.UpdateTo(url, exe)")  # an Updater
    assert codes_at({"internal/updater/updater.go": other}, UNVERIFIED) == []
    assert codes_at({"internal/updater/updater.go": method}, UNVERIFIED) == []


# -- F: the URL a JavaScript download is given, through once-bound constants and templates ---------------------------


def _js_download(url_lines: tuple[str, ...]) -> str:
    return _text(
        "const fs = require('fs');",  # 1
        "const https = require('https');",  # 2
        "function download(url, dest) {",  # 3
        "  return new Promise((resolve) => {",  # 4
        "    https.get(url, (res) => { res.pipe(fs.createWriteStream(dest)); resolve(); });",  # 5
        "  });",  # 6
        "}",  # 7
        *url_lines,  # 8, 9
        "download(url, target);",  # 10
    )


def test_f_download_url_built_from_a_constant_names_its_host() -> None:
    text = _js_download(("const BASE = 'https://builds.example.com/tool';", "const url = `${BASE}/tool-${v}.tar.gz`;"))
    # the download, once: the base URL it is built on is part of the request the reader resolved, not a second contact
    # (holdout179 class E, as Python's base URLs since holdout189; this test read [8, 10] before, and no hold-out
    # label depends on the second report)
    assert codes_at({"npm/install.js": text}, ENDPOINT) == [10]


def test_f_near_miss_a_name_bound_twice_or_a_computed_url_is_unknown() -> None:
    twice = _js_download(("let url = 'https://a.example.com/tool';", "url = process.env.TOOL_URL;"))
    computed = _js_download(("const base = mirrors();", "const url = `${base}/tool.tar.gz`;"))
    assert codes_at({"npm/install.js": twice}, ENDPOINT) == [8]  # the literal only: the download's URL is unknown
    assert codes_at({"npm/install.js": computed}, ENDPOINT) == []


def test_f_templates_of_templates_are_read_within_a_bound() -> None:
    """Six names, each a template of the next 200 times: read whole it would be 200**6 parts; the URL is cut short."""
    names = "abcdef"
    lines = [f"const {n} = `{('${' + names[i + 1] + '}') * 200}`;" for i, n in enumerate(names[:-1])]
    lines.append("const f = 'https://builds.example.com/';")
    text = _js_download(("const url = `${a}/tool.tar.gz`;", *lines))
    found = codes_at({"npm/install.js": text}, ENDPOINT)
    assert len(found) >= 1  # the literal at least; reading finished although the templates multiply
