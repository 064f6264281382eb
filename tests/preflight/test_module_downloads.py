"""Downloads an install program makes through another module of the product (``preflight/module_downloads.py`` and
its JavaScript, Ruby and Go readers): a call of the product's own helper whose name says it downloads contacts the
host that module names, ``implicit_egress`` at the call; each construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.module_downloads import says_download

EGRESS = "preflight.implicit_egress"


def test_names_that_say_download() -> None:
    assert says_download("download") and says_download("downloadBinary") and says_download("fetch_binary")
    assert says_download("fetch", "NativeExtFetcher") and says_download("download", "Download")
    assert not says_download("fetch") and not says_download("fetchAll") and not says_download("fetch", "Repository")
    assert not says_download("update", "Updater") and not says_download("getBinaryUrl")
    assert not says_download("getDownloadUrl") and not says_download("computeDownloadUrls")


# -- JavaScript: a helper required from a relative path, or a scoped package module that says it fetches -----------


def _js(binding: str, call: str) -> str:
    head = "'use strict'\nconst path = require('path');\n"
    return f"{head}{binding}\n\nasync function main() {{\n  await {call};\n}}\nmain();\n"


def test_js_a_relative_modules_download_helper_reaches_the_network() -> None:
    script = _js(
        "const download = require('./download');", "download({ version: '1.2.0', dest: path.join(__dirname, 'bin') })"
    )
    assert codes_at({"scripts/install.js": script}, EGRESS) == [6]


def test_js_a_destructured_helper_and_a_member_of_the_module_are_read() -> None:
    destructured = _js("const { downloadBinary } = require('../lib/helpers');", "downloadBinary(opts)")
    member = _js("const helpers = require('../lib/helpers');", "helpers.downloadBinary(opts)")
    assert codes_at({"scripts/install.js": destructured}, EGRESS) == [6]
    assert codes_at({"scripts/install.js": member}, EGRESS) == [6]


def test_js_a_scoped_fetch_package_given_options_reaches_the_network() -> None:
    script = (
        "import { download } from '@example/fetch-engine'\n\n"
        "async function main() {\n  await download({ engines, version })\n}\nmain()\n"
    )
    assert codes_at({"scripts/postinstall.ts": script}, EGRESS) == [4]


def test_js_near_miss_a_helper_the_package_holds_is_read_in_its_own_file() -> None:
    script = _js("const download = require('./download');", "download({ version: '1.2.0' })")
    helper = (
        "const https = require('https');\nmodule.exports = () => https.get('https://releases.example.org/t.tgz');\n"
    )
    found = codes_at({"scripts/install.js": script, "scripts/download.js": helper}, EGRESS)
    assert found == []


def test_js_near_miss_a_relative_helper_whose_name_says_no_download_stays_quiet() -> None:
    script = _js("const { fetchRows } = require('./db');", "fetchRows(query)")
    assert codes_at({"scripts/install.js": script}, EGRESS) == []


def test_js_near_miss_a_third_party_http_client_given_a_url_stays_quiet() -> None:
    script = _js("const download = require('@example/download');", "download(url, 'bin')")
    assert codes_at({"scripts/install.js": script}, EGRESS) == []


def test_js_near_miss_a_package_that_is_no_download_helper_stays_quiet() -> None:
    script = _js("const { download } = require('@example/ui-kit');", "download({ file })")
    assert codes_at({"scripts/install.js": script}, EGRESS) == []


def _fetcher(binding: str, value: str) -> str:
    return (
        "const fetch = require('node-fetch');\n"
        f"{binding}\n\n"
        "const getBinary = async url => {\n"
        "  const response = await fetch(url);\n"
        "  return response.buffer();\n"
        "};\n\n"
        f"getBinary({value}).then(buffer => console.log(buffer.length));\n"
    )


def test_js_a_url_the_products_own_module_gives_a_fetching_function_is_a_contact() -> None:
    constant = _fetcher("const { TOOL_HOST } = require('../src/constants');", "TOOL_HOST")
    built = _fetcher("const tool = require('../lib/extensions');", "tool.getBinaryUrl()")
    assert codes_at({"scripts/postinstall.js": constant}, EGRESS) == [9]
    assert codes_at({"scripts/postinstall.js": built}, EGRESS) == [9]


def test_js_a_url_the_products_own_module_gives_a_request_is_a_contact() -> None:
    script = (
        "const https = require('https');\nconst config = require('./config');\n\n"
        "https.get(config.binaryUrl, res => res.resume());\n"
    )
    assert codes_at({"scripts/install.js": script}, EGRESS) == [4]


def test_js_near_miss_a_url_of_a_third_party_module_or_the_environment_stays_quiet() -> None:
    library = _fetcher("const { TOOL_HOST } = require('tool-constants');", "TOOL_HOST")
    environment = _fetcher("const TOOL_HOST = process.env.TOOL_HOST;", "TOOL_HOST")
    assert codes_at({"scripts/postinstall.js": library}, EGRESS) == []
    assert codes_at({"scripts/postinstall.js": environment}, EGRESS) == []


# -- Ruby: a method of a namespaced constant whose file the script requires -------------------------------------------


def _extconf(required: str, call: str) -> str:
    return f'require "mkmf"\nrequire "{required}"\n\nres = {call}\ncreate_makefile("native")\n'


def test_ruby_a_fetcher_of_the_gems_own_library_reaches_the_network() -> None:
    script = _extconf("example/native_ext_fetcher", "Example::NativeExtFetcher.fetch(version: VERSION, target: dir)")
    assert codes_at({"ext/extconf.rb": script}, EGRESS) == [4]


def test_ruby_a_download_helper_of_the_gems_own_library_reaches_the_network() -> None:
    script = _extconf("example/utils/download", 'Example::Utils::Download.download(url, "x.tmp", options)')
    assert codes_at({"ext/extconf.rb": script}, EGRESS) == [4]


def test_ruby_near_miss_a_fetcher_the_package_holds_is_read_in_its_own_file() -> None:
    script = _extconf("example/native_ext_fetcher", "Example::NativeExtFetcher.fetch(version: VERSION, target: dir)")
    fetcher = 'module Example\n  class NativeExtFetcher\n    BASE = "https://dl.example.org"\n  end\nend\n'
    found = codes_at({"ext/extconf.rb": script, "lib/example/native_ext_fetcher.rb": fetcher}, EGRESS)
    assert found == []


def test_ruby_near_miss_a_fetch_of_a_class_not_named_for_downloading_stays_quiet() -> None:
    script = _extconf("example/cache", "Example::Cache.fetch(key)")
    assert codes_at({"ext/extconf.rb": script}, EGRESS) == []


def test_ruby_near_miss_a_class_the_script_does_not_require_stays_quiet() -> None:
    script = _extconf("example/platform", "Example::NativeExtFetcher.fetch(version: VERSION)")
    assert codes_at({"ext/extconf.rb": script}, EGRESS) == []


# -- Go: a download function of another file of the package -----------------------------------------------------------


def _upgrade(extra: str) -> str:
    return (
        "package main\n\n"
        'import "net/url"\n\n'
        f"{extra}"
        "func cmdUpgrade() error {\n"
        '\tqs := url.Values{"os": {"linux"}}\n'
        "\tresp, err := downloadBuild(qs)\n"
        "\tif err != nil {\n\t\treturn err\n\t}\n"
        "\tdefer resp.Body.Close()\n"
        "\treturn nil\n"
        "}\n"
    )


def test_go_a_download_function_of_another_file_of_the_package_reaches_the_network() -> None:
    assert codes_at({"cmd/upgradepackage.go": _upgrade("")}, EGRESS) == [7]


def test_go_near_miss_a_function_of_a_file_the_package_holds_is_read_there() -> None:
    other = 'package main\n\nconst buildURL = "https://build.example.org/api/download"\n'
    found = codes_at({"cmd/upgradepackage.go": _upgrade(""), "cmd/packagesfuncs.go": other}, EGRESS)
    assert found == []


def test_go_near_miss_a_download_function_the_file_declares_is_read_by_its_body() -> None:
    own = "func downloadBuild(qs url.Values) (*http.Response, error) {\n\treturn nil, nil\n}\n\n"
    assert codes_at({"cmd/upgradepackage.go": _upgrade(own)}, EGRESS) == []
