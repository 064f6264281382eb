"""Classes of mistakes the hundred-and-seventy-ninth hold-out set found (tests/preflight/holdout179: install-time
hooks of package managers — two npm postinstall downloaders, two extconf.rb files, a setup.py and the module it
calls, a Hatchling build hook, a Cargo build script, a Composer script handler), each as its minimal construct next
to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

TLS = "preflight.tls_verification_disabled"


# -- A: Python's ssl module default context swapped for the unverified one ------------------------------------------

_SWAP = (
    "import ssl\n"
    "import urllib.request\n\n\n"
    "def download_files(urls):\n"
    "    for url in urls:\n"
    "        ssl._create_default_https_context = ssl._create_unverified_context\n"
    "        urllib.request.urlopen(url).read()\n"
)


def test_a_the_ssl_default_context_swapped_for_the_unverified_one_is_reported() -> None:
    assert codes_at({"dtenbot/model/_download.py": _SWAP}, TLS) == [7]
    imported = "from ssl import _create_unverified_context\nimport ssl\n"
    imported += "ssl._create_default_https_context = _create_unverified_context\n"
    assert codes_at({"dtenbot/net.py": imported}, TLS) == [3]


def test_a_near_miss_a_context_of_its_own_or_the_default_kept_stays_quiet() -> None:
    own = (
        "import ssl\nimport urllib.request\n\n"
        "ctx = ssl._create_unverified_context()\n"  # a context handed to one call, not the process default
        "restore = ssl._create_default_https_context\n"  # the default read, not replaced
        "ssl._create_default_https_context = ssl.create_default_context\n"  # a verifying default
    )
    assert codes_at({"dtenbot/net.py": own}, TLS) == []
    # a test of the product is not the product
    assert codes_at({"dtenbot/tests/test_download.py": _SWAP}, TLS) == []


# -- B: Ruby's OpenSSL::SSL::VERIFY_NONE given as a connection's verify mode ----------------------------------------

_RETRY = (
    "require 'net/http'",
    "def download_file(url, destination, verify_ssl = true)",
    "  uri = URI.parse(url)",
    "  http = Net::HTTP.new(uri.host, uri.port)",
    "  http.use_ssl = true",
    "  http.verify_mode = verify_ssl ? OpenSSL::SSL::VERIFY_PEER : OpenSSL::SSL::VERIFY_NONE",
    "  begin",
    "    response = http.request(Net::HTTP::Get.new(uri.request_uri))",
    "  rescue OpenSSL::SSL::SSLError",
    "    return download_file(url, destination, false)",
    "  end",
    "  File.binwrite(destination, response.body)",
    "end",
    "download_file('https://github.com/example/lib/archive/v1.tar.gz', 'vendor/lib.tar.gz')",
)


_CONNECTION = "require 'net/http'\nhttp = Net::HTTP.new('example.org', 443)\n"


def test_b_verify_none_given_to_a_connection_in_an_install_script_is_reported() -> None:
    assert codes_at({"ext/native/extconf.rb": "\n".join(_RETRY) + "\n"}, TLS) == [6]
    plain = _CONNECTION + "http.verify_mode = OpenSSL::SSL::VERIFY_NONE\n"
    assert codes_at({"ext/native/extconf.rb": plain}, TLS) == [3]
    options = "require 'open-uri'\nURI.open('https://example.org/x', ssl_verify_mode: OpenSSL::SSL::VERIFY_NONE)\n"
    assert codes_at({"bin/setup": "#!/usr/bin/env ruby\n" + options}, TLS) == [3]
    keyword = [line.replace("verify_ssl = true", "verify_ssl: true") for line in _RETRY]
    keyword[9] = "    return download_file(url, destination, verify_ssl: false)"
    assert codes_at({"ext/native/extconf.rb": "\n".join(keyword) + "\n"}, TLS) == [6]


def test_b_near_miss_a_switch_the_file_never_turns_off_or_a_checking_mode_stays_quiet() -> None:
    never_off = [line for line in _RETRY if "return download_file" not in line]
    assert codes_at({"ext/native/extconf.rb": "\n".join(never_off) + "\n"}, TLS) == []
    peer = _CONNECTION + "http.verify_mode = OpenSSL::SSL::VERIFY_PEER\n"
    assert codes_at({"ext/native/extconf.rb": peer}, TLS) == []
    mention = "require 'net/http'\nputs 'never set OpenSSL::SSL::VERIFY_NONE'\nMODES = [OpenSSL::SSL::VERIFY_NONE]\n"
    assert codes_at({"ext/native/extconf.rb": mention}, TLS) == []
    # the same line in a library file of the gem (not a step) is not the install's request
    plain = _CONNECTION + "http.verify_mode = OpenSSL::SSL::VERIFY_NONE\n"
    assert codes_at({"lib/native/client.rb": plain}, TLS) == []


# -- C: URL literals a build script hands to a function of its own that GETs them: one contact at the GET ----------

ENDPOINT = "preflight.external_endpoint"

_BUILD = (
    "use std::{env, fs};",
    "use reqwest::blocking::get;",
    "",
    "fn main() {",
    '    download_file("https://raw.githubusercontent.com/example/lib/main/a.rs", "a.rs");',
    '    download_file("https://raw.githubusercontent.com/example/lib/main/b.rs", "b.rs");',
    "}",
    "",
    "fn download_file(url: &str, name: &str) {",
    "    let text = get(url).unwrap().text().unwrap();",
    '    fs::write(std::path::Path::new(&env::var("OUT_DIR").unwrap()).join(name), text).unwrap();',
    "}",
)


def test_c_literals_handed_to_the_files_own_get_are_one_contact_at_the_get() -> None:
    assert codes_at({"build.rs": "\n".join(_BUILD) + "\n"}, ENDPOINT) == [10]
    pathed = [line.replace("get(url)", "reqwest::blocking::get(url)") for line in _BUILD if "use reqwest" not in line]
    assert codes_at({"build.rs": "\n".join(pathed) + "\n"}, ENDPOINT) == [9]


def test_c_near_miss_a_url_handed_to_a_parameter_the_get_does_not_take_stays_at_its_literal() -> None:
    other = [line.replace("get(url)", 'get("https://cdn.example.org/lib.rs")') for line in _BUILD]
    # the literals now only name the files' origin for download_file's other use; the GET has its own URL
    assert codes_at({"build.rs": "\n".join(other) + "\n"}, ENDPOINT) == [5, 6, 10]
    # a source file that is no build script keeps each literal where it is written
    assert codes_at({"src/fetch.rs": "\n".join(_BUILD) + "\n"}, ENDPOINT) == [5, 6]


# -- D: a JavaScript download URL built on an environment variable's literal fallback -------------------------------


def _fetching(base: str) -> str:
    return (
        "const fs = require('fs');\n"
        "async function main() {\n"
        f"  const base = {base};\n"
        "  const url = `${base}/example/tool/releases/download/v1/tool.tar.gz`;\n"
        "  await downloadFile(url, 'tool.tar.gz');\n"
        "}\n"
        "async function downloadFile(url, destination) {\n"
        "  const response = await fetch(url);\n"
        "  await pipeline(Readable.fromWeb(response.body), fs.createWriteStream(destination));\n"
        "}\n"
        "main();\n"
    )


def test_d_an_environment_variables_literal_fallback_is_the_host_the_download_contacts() -> None:
    for base in ("process.env.TOOL_BASE || 'https://github.com'", "process.env.TOOL_BASE ?? 'https://github.com'"):
        assert 5 in codes_at({"scripts/postinstall.js": _fetching(base)}, ENDPOINT), base


def test_d_near_miss_no_literal_fallback_or_not_the_environment_names_no_host_at_the_download() -> None:
    assert codes_at({"scripts/postinstall.js": _fetching("process.env.TOOL_BASE || mirror()")}, ENDPOINT) == []
    assert codes_at({"scripts/postinstall.js": _fetching("process.env.TOOL_BASE")}, ENDPOINT) == []
    # a program option's fallback is the option's business: the literal stays a host where it is written
    assert codes_at({"scripts/postinstall.js": _fetching("options.base || 'https://github.com'")}, ENDPOINT) == [3]


# -- E: a download URL built on a base URL bound on an earlier line: one contact, at the download ------------------


def _based(url: str) -> str:
    return (
        "const https = require('https');\nconst fs = require('fs');\n"
        "const BASE = `https://github.com/example/tool/releases/download/v1`;\n"
        f"const url = `{url}`;\n"
        "function download(u, dest) {\n"
        "  https.get(u, (res) => res.pipe(fs.createWriteStream(dest)));\n"
        "}\n"
        "download(url, 'bin/tool');\n"
    )


def test_e_a_base_url_the_download_is_built_on_is_not_a_second_contact() -> None:
    assert codes_at({"scripts/postinstall.js": _based("${BASE}/tool-linux")}, ENDPOINT) == [8]


def test_e_near_miss_a_base_url_the_download_does_not_use_stays_where_it_is_written() -> None:
    other = _based("https://mirror.example.org/tool-linux")
    assert codes_at({"scripts/postinstall.js": other}, ENDPOINT) == [3, 8]


# -- D, second line: a fetching function of the script that saves nothing still contacts its call's URL -------------


def _checked(fetch_line: str) -> str:
    return (
        "const fs = require('fs');\n"
        "async function main() {\n"
        "  const url = `https://github.com/example/tool/releases/download/v1/tool.tar.gz`;\n"
        "  const sums = `${url}.sha256`;\n"
        "  await downloadFile(url, 'tool.tar.gz');\n"
        "  await verifyChecksum('tool.tar.gz', sums);\n"
        "}\n"
        "async function downloadFile(url, destination) {\n"
        "  const response = await fetch(url);\n"
        "  await pipeline(Readable.fromWeb(response.body), fs.createWriteStream(destination));\n"
        "}\n"
        "async function verifyChecksum(file, checksumUrl) {\n"
        f"  {fetch_line}\n"
        "  return (await response.text()).trim();\n"
        "}\n"
        "main();\n"
    )


def test_d_a_fetching_function_that_saves_nothing_contacts_its_calls_url() -> None:
    assert 6 in codes_at({"scripts/postinstall.js": _checked("const response = await fetch(checksumUrl);")}, ENDPOINT)


def test_d_near_miss_a_function_that_requests_another_url_is_no_contact_of_its_calls_argument() -> None:
    other = _checked("const response = await fetch('https://sums.example.org/latest');")
    assert 6 not in codes_at({"scripts/postinstall.js": other}, ENDPOINT)
