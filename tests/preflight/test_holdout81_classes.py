"""Classes of mistakes the eighty-first hold-out set found (tests/preflight/holdout81: programs that download a tool,
browser driver or prebuilt binary and install or run it, in Python, JavaScript, PHP, Ruby and Go), each as its
minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: a gem's extconf.rb is run by `gem install`: what it runs is a step --------------------------------------

_EXTCONF = (
    'url = "https://downloads.example.org/tool_#{RUBY_PLATFORM}.zip"',
    "",
    "puts `mkdir bin`",
    "puts `curl #{url} > tool.zip`",
    "puts `unzip tool.zip`",
    "puts `mv tool bin/tool`",
)


def test_a_extconf_rb_download_moved_into_bin_is_unverified() -> None:
    files = {"ext/tool/extconf.rb": "\n".join(_EXTCONF) + "\n"}
    assert codes_at(files, UNVERIFIED) == [6]


def test_a_near_miss_the_same_lines_in_a_library_module_are_not_a_step() -> None:
    files = {"lib/tool/fetcher.rb": "\n".join(_EXTCONF) + "\n"}
    assert codes_at(files, UNVERIFIED) == []


def test_a_near_miss_an_extconf_that_only_probes_and_writes_a_makefile_stays_quiet() -> None:
    text = (
        'require "mkmf"\n'
        "pg_config = `pg_config --includedir`.chomp\n"
        'dir_config("pg", pg_config)\n'
        'have_library("pq")\n'
        'create_makefile("pg_ext")\n'
    )
    assert codes_at({"ext/extconf.rb": text}, UNVERIFIED) == []


# -- B: a JS fetch's response bound to names, the data made of it written, then made executable -----------------

_POSTINSTALL = (
    'import fs from "node:fs";',
    'const url = "https://github.com/example/tool/releases/download/v1/tool-linux";',
    'const target = "node_modules/.bin/tool";',
    "const res = await fetch(url);",
    "const bin = Buffer.from(await res.arrayBuffer());",
    "fs.writeFileSync(target, bin);",
    "fs.chmodSync(target, 0o755);",
)


def test_b_fetched_response_written_through_names_then_chmod_is_unverified() -> None:
    files = {"npm/postinstall.js": "\n".join(_POSTINSTALL) + "\n"}
    assert codes_at(files, UNVERIFIED) == [7]


def test_b_near_miss_a_file_written_from_local_data_and_made_executable_stays_quiet() -> None:
    text = (
        'import fs from "node:fs";\n'
        'const res = await fetch("https://registry.example.org/tool/latest");\n'
        "const version = (await res.json()).version;\n"
        'const shim = "#!/bin/sh\\nexec node ./cli.js \\"$@\\"\\n";\n'
        'fs.writeFileSync("bin/tool", shim);\n'
        'fs.chmodSync("bin/tool", 0o755);\n'
    )
    assert codes_at({"npm/postinstall.js": text}, UNVERIFIED) == []


def test_b_near_miss_the_written_response_checked_with_a_digest_stays_quiet() -> None:
    lines = list(_POSTINSTALL)
    lines.insert(6, 'if (crypto.createHash("sha256").update(bin).digest("hex") !== EXPECTED) process.exit(1);')
    files = {"npm/postinstall.js": "\n".join(lines) + "\n"}
    assert codes_at(files, UNVERIFIED) == []


_PIPED = (
    "const request = require('request');",
    "const fs = require('fs');",
    "const target = 'bin/tool';",
    "request.get('https://github.com/acme/tool/releases/download/v1/tool')",
    "  .pipe(fs.createWriteStream(target))",
    "  .on('close', function () {",
    "    fs.chmodSync(target, 0o755);",
    "  });",
)


def test_b_a_request_piped_into_a_file_then_chmod_is_unverified() -> None:
    assert codes_at({"install.js": "\n".join(_PIPED) + "\n"}, UNVERIFIED) == [7]


def test_b_a_response_callback_piped_into_a_file_then_chmod_is_unverified() -> None:
    text = (
        "const https = require('https');\n"
        "const fs = require('fs');\n"
        "const target = 'bin/tool';\n"
        "https.get('https://github.com/acme/tool/releases/download/v1/tool', (res) => {\n"
        "  res.pipe(fs.createWriteStream(target)).on('close', () => fs.chmodSync(target, 0o755));\n"
        "});\n"
    )
    assert codes_at({"install.js": text}, UNVERIFIED) == [5]


def test_b_near_miss_a_local_file_piped_into_a_file_then_chmod_stays_quiet() -> None:
    text = (
        "const fs = require('fs');\n"
        "const zlib = require('zlib');\n"
        "const target = 'bin/tool';\n"
        "fs.createReadStream('vendor/tool.gz').pipe(zlib.createGunzip()).pipe(fs.createWriteStream(target));\n"
        "fs.chmodSync(target, 0o755);\n"
    )
    assert codes_at({"install.js": text}, UNVERIFIED) == []


# -- E: a URL in a request's User-Agent header value names the client, it is not contacted ----------------------

_FETCH_WITH_AGENT = (
    "#!/usr/bin/env python3",
    "import urllib.request",
    "",
    "url = 'https://downloads.toolproject.org/tool'",
    "req = urllib.request.Request(url, headers={",
    "    'User-Agent': 'Tool/%s (Bot) https://www.toolproject.org/about' % ('1.0')",
    "})",
    "urllib.request.urlopen(req)",
)


def test_e_a_user_agent_header_url_is_not_a_contact() -> None:
    files = {"bin/tool-install": "\n".join(_FETCH_WITH_AGENT) + "\n"}
    assert codes_at(files, ENDPOINT) == [4]


def test_e_near_miss_a_url_in_another_header_stays_a_contact() -> None:
    lines = list(_FETCH_WITH_AGENT)
    lines[5] = "    'X-Mirror': 'https://mirror.toolproject.org/tool'"
    files = {"bin/tool-install": "\n".join(lines) + "\n"}
    assert codes_at(files, ENDPOINT) == [4, 6]
