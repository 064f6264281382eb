"""Classes the ninety-eighth hold-out set showed (tests/preflight/holdout98: install, update and migrate programs in
Python, JavaScript, Go, PHP and Ruby), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: google/go-github's release calls ask api.github.com with no URL in the program ----------------------------


def _github_client(import_path: str, call: str) -> str:
    return _text(
        "package cmd",  # 1
        "",  # 2
        "import (",  # 3
        '\t"context"',  # 4
        "",  # 5
        f'\t"{import_path}"',  # 6
        ")",  # 7
        "",  # 8
        "var client = github.NewClient(nil)",  # 9
        "",  # 10
        "func checkUpdate() error {",  # 11
        f'\t_, _, err := client.Repositories.{call}(context.TODO(), "vendor", "cli", nil)',  # 12
        "\treturn err",  # 13
        "}",  # 14
    )


def test_b_a_go_github_release_lookup_asks_githubs_api() -> None:
    """``client.Repositories.ListReleases(…)`` of google/go-github (any major version): GitHub's releases API asked
    with no URL written (holdout98's sc2-rsu)."""
    for library in ("github.com/google/go-github/v32/github", "github.com/google/go-github/github"):
        for call in ("ListReleases", "GetLatestRelease"):
            assert codes_at({"cmd/update.go": _github_client(library, call)}, EGRESS) == [12]


def test_b_near_miss_another_package_or_service_asks_nothing_known() -> None:
    """The same call through a package that is not go-github, or go-github's issues service: not a release lookup."""
    assert codes_at({"cmd/update.go": _github_client("github.com/example/github", "ListReleases")}, EGRESS) == []
    other = _github_client("github.com/google/go-github/v32/github", "ListReleases").replace("Repositories", "Issues")
    assert codes_at({"cmd/update.go": other}, EGRESS) == []


# -- E: a base URL several requests build on is contacted at each request, also by a request function imported by
# name and in a step whose functions are read as shell -------------------------------------------------------------

ENDPOINT = "preflight.external_endpoint"


def _updater(import_line: str, call: str) -> str:
    return _text(
        "#!/usr/bin/env python3",  # 1
        import_line,  # 2
        "",  # 3
        'ROOT = "https://api.example.org/v2/"',  # 4
        "",  # 5
        "",  # 6
        "def update():",  # 7
        f'    version = {call}(f"{{ROOT}}projects/app").json()["versions"][-1]',  # 8
        f'    resp = {call}(f"{{ROOT}}projects/app/{{version}}/download")',  # 9
        '    open("server/app.jar", "wb").write(resp.content)',  # 10
        "",  # 11
        "",  # 12
        'if __name__ == "__main__":',  # 13
        "    update()",  # 14
    )


def test_e_each_request_of_an_imported_get_contacts_the_base_urls_host() -> None:
    """``from requests import get`` then two ``get(f"{ROOT}…")`` in a function of an ``update.py`` step: the host at
    each request line (holdout98's 1104mc), as ``requests.get`` is."""
    for import_line, call in (("from requests import get", "get"), ("import requests", "requests.get")):
        assert codes_at({"update.py": _updater(import_line, call)}, ENDPOINT) == [8, 9]


def test_e_near_miss_a_get_of_another_module_is_no_request() -> None:
    """A ``get`` imported from elsewhere (a dict helper, a settings reader) requests nothing: the host stays one
    contact at the constant's line."""
    assert codes_at({"update.py": _updater("from settings import get", "get")}, ENDPOINT) == [4]


# -- F: a Go download written into an open file by a function named for downloading, then that file's Chmod --------

UNVERIFIED = "preflight.unverified_download_exec"


def _go_download(call: str, chmod: str) -> str:
    return _text(
        "package cmd",  # 1
        "",  # 2
        "import (",  # 3
        '\t"os"',  # 4
        "",  # 5
        '\t"github.com/vendor/tool/utils"',  # 6
        ")",  # 7
        "",  # 8
        "func downloadUpdate(url, name string) error {",  # 9
        "\ttmp, err := os.Create(name)",  # 10
        "\tif err != nil {",  # 11
        "\t\treturn err",  # 12
        "\t}",  # 13
        "\tdefer tmp.Close()",  # 14
        f"\tif err = {call}; err != nil {{",  # 15
        "\t\treturn err",  # 16
        "\t}",  # 17
        f"\treturn {chmod}",  # 18
        "}",  # 19
    )


def test_f_a_download_into_an_open_file_made_executable_is_unverified() -> None:
    """``utils.DownloadWriter(url, tmp)`` into ``os.Create(name)``'s file, then ``tmp.Chmod(0755)`` (holdout98's
    sc2-rsu): a download made executable with no check between."""
    files = {"cmd/update.go": _go_download("utils.DownloadWriter(url, tmp)", "tmp.Chmod(0755)")}
    assert codes_at(files, UNVERIFIED) == [18]


def test_f_near_miss_another_writer_or_a_mode_without_execute_stays_quiet() -> None:
    """A function not named for downloading (a template rendered into the file), or a mode with no execute bit."""
    rendered = {"cmd/update.go": _go_download("utils.RenderConfig(url, tmp)", "tmp.Chmod(0755)")}
    assert codes_at(rendered, UNVERIFIED) == []
    readable = {"cmd/update.go": _go_download("utils.DownloadWriter(url, tmp)", "tmp.Chmod(0644)")}
    assert codes_at(readable, UNVERIFIED) == []


# -- D: a JavaScript download handed a name bound to its URL on an earlier line is one contact, at the request -----


def _js_download(url_line: str, call: str) -> str:
    return _text(
        "const https = require('https');",  # 1
        "const fs = require('fs');",  # 2
        "function downloadBinary(url, destPath) {",  # 3
        "  return new Promise((resolve) => {",  # 4
        "    https.get(url, (res) => {",  # 5
        "      const file = fs.createWriteStream(destPath);",  # 6
        "      res.pipe(file);",  # 7
        "      file.on('finish', resolve);",  # 8
        "    });",  # 9
        "  });",  # 10
        "}",  # 11
        "async function install(version, targetPath) {",  # 12
        url_line,  # 13
        "  console.log('downloading');",  # 14
        f"  await {call};",  # 15
        "  fs.chmodSync(targetPath, 0o755);",  # 16
        "}",  # 17
        "install(process.env.npm_package_version, 'bin/tool');",  # 18
    )


def test_d_a_url_bound_before_the_download_is_reported_at_the_request_once() -> None:
    """``const downloadUrl = `https://github.com/…/v${version}/…`;`` then ``downloadBinary(downloadUrl, dest)``
    (holdout98's agent-relay): github.com once, at the request (15), not also at the binding."""
    files = {
        "scripts/postinstall.js": _js_download(
            "  const downloadUrl = `https://github.com/vendor/tool/releases/download/v${version}/tool`;",
            "downloadBinary(downloadUrl, targetPath)",
        )
    }
    assert codes_at(files, ENDPOINT) == [15]
    assert codes_at(files, UNVERIFIED) == [16]


def test_d_near_miss_a_url_written_at_the_call_is_reported_there_once_too() -> None:
    """The URL written in the call itself: one report at the call, as before; the unused binding is not a contact."""
    files = {
        "scripts/postinstall.js": _js_download(
            "  const unused = 1;",
            "downloadBinary(`https://github.com/vendor/tool/releases/download/v${version}/tool`, targetPath)",
        )
    }
    assert codes_at(files, ENDPOINT) == [15]


def test_d_near_miss_a_url_the_reader_cannot_build_stays_at_its_literal() -> None:
    """``var url = 'https://github.com/…/' + version + '/tool'`` (a ``+`` the URL reader leaves unknown, holdout66's
    Elm installer): the host stays reported at the literal's line, where it is written."""
    files = {
        "scripts/postinstall.js": _js_download(
            "  const downloadUrl = 'https://github.com/vendor/tool/releases/download/' + version + '/tool';",
            "downloadBinary(downloadUrl, targetPath)",
        )
    }
    assert codes_at(files, ENDPOINT) == [13]
