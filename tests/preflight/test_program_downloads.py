"""Install programs that download code and make it executable, and Perl's package managers (classes holdout39 and
holdout44 left): each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
EGRESS = "preflight.implicit_egress"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


DOWNLOAD_THEN_CHMOD = _text(
    "const fs = require('fs')",  # 1
    "const https = require('https')",  # 2
    "const binPath = require('.')",  # 3
    "function downloadFile(url, dest) {",  # 4
    "  return new Promise((resolve) => {",  # 5
    "    https.get(url, (res) => res.pipe(fs.createWriteStream(dest)).on('finish', resolve))",  # 6
    "  })",  # 7
    "}",  # 8
    "downloadFile(process.env.TOOL_URL, binPath)",  # 9
    "  .then(() => {",  # 10
    "    fs.chmodSync(binPath, 0o755)",  # 11
    "  })",  # 12
)


def test_a_file_a_function_of_the_script_downloads_then_chmods_755() -> None:
    assert codes_at({"install.js": DOWNLOAD_THEN_CHMOD}, UNVERIFIED) == [11]


def test_near_miss_a_chmod_of_another_file_a_plain_mode_or_a_digest_check() -> None:
    other = DOWNLOAD_THEN_CHMOD.replace("fs.chmodSync(binPath, 0o755)", "fs.chmodSync(helperPath, 0o755)")
    assert codes_at({"install.js": other}, UNVERIFIED) == []
    plain = DOWNLOAD_THEN_CHMOD.replace("0o755", "0o644")
    assert codes_at({"install.js": plain}, UNVERIFIED) == []
    checked = DOWNLOAD_THEN_CHMOD.replace(
        "  .then(() => {",
        "  .then(() => {\n    check(crypto.createHash('sha256').update(fs.readFileSync(binPath)).digest('hex'))",
    )
    assert codes_at({"install.js": checked}, UNVERIFIED) == []


FETCH_WRITE_TS = _text(
    "import fs from 'fs'",  # 1
    "function fetch(url: string): Promise<Buffer> {",  # 2
    "  return new Promise((resolve) => https.get(url, (r) => collect(r, resolve)))",  # 3
    "}",  # 4
    "async function place(binPath: string, url: string): Promise<void> {",  # 5
    "  fs.writeFileSync(binPath, untar(await fetch(url)))",  # 6
    "  fs.chmodSync(binPath, 0o755)",  # 7
    "}",  # 8
)


def test_fetched_data_written_then_made_executable_in_typescript() -> None:
    assert codes_at({"npm/lib/node-install.ts": FETCH_WRITE_TS}, UNVERIFIED) == [7]


def test_near_miss_a_written_file_whose_data_was_not_fetched() -> None:
    local = FETCH_WRITE_TS.replace("untar(await fetch(url))", "untar(fs.readFileSync(url))")
    assert codes_at({"npm/lib/node-install.ts": local}, UNVERIFIED) == []


STREAM_WITH_MODE = _text(
    "const fs = require('fs')",  # 1
    "function downloadBinary() {",  # 2
    "  return fetch(getUrl()).then((response) => {",  # 3
    "    response.body.pipe(fs.createWriteStream(tempPath, { mode: '0755' }))",  # 4
    "  })",  # 5
    "}",  # 6
)


def test_a_response_streamed_into_a_file_created_executable() -> None:
    assert codes_at({"scripts/install.js": STREAM_WITH_MODE}, UNVERIFIED) == [4]


def test_near_miss_a_stream_with_a_plain_mode_or_outside_any_request() -> None:
    plain = STREAM_WITH_MODE.replace("'0755'", "'0644'")
    assert codes_at({"scripts/install.js": plain}, UNVERIFIED) == []
    local = STREAM_WITH_MODE.replace("fetch(getUrl())", "readLocal(getUrl())")
    assert codes_at({"scripts/install.js": local}, UNVERIFIED) == []


PERL_MANAGERS = _text(
    "#!/bin/sh",  # 1
    "cpanm --notest Foo::Bar",  # 2
    "cpanm --installdeps .",  # 3
    "cpan -i Foo::Bar",  # 4
    "carton install",  # 5
    "cpanm -l local-lib Foo",  # 6
)


def test_perl_package_managers_fetch_from_cpan() -> None:
    assert codes_at({"install.sh": PERL_MANAGERS}, EGRESS) == [2, 3, 4, 5, 6]


def test_near_miss_perl_package_managers_that_only_print_list_or_use_the_cache() -> None:
    quiet = _text("#!/bin/sh", "cpanm --version", "cpan -l", "carton install --cached", "carton exec perl a.pl", "cpan")
    assert codes_at({"install.sh": quiet}, EGRESS) == []


PERL_INSTALLER = _text(
    "#!/usr/bin/perl",  # 1
    "use strict;",  # 2
    "my $cpanm;",  # 3
    "for my $path (@try) { $cpanm = $path if -e $path; }",  # 4
    "$cpanm = 'cpanm' if !$cpanm;",  # 5
    "my @args = ('--notest');",  # 6
    "system $cpanm, @args, 'local::lib';",  # 7
    "for my $module (sort keys %prereqs) {",  # 8
    "    my @cmd = ($cpanm, @args);",  # 9
    '    push @cmd, "$module";',  # 10
    "    system @cmd;",  # 11
    "}",  # 12
    "system $cpanm, @args, '--reinstall', './xs';",  # 13
)


def test_a_perl_installer_runs_cpanm_through_a_scalar_and_an_array() -> None:
    assert codes_at({"install.pl": PERL_INSTALLER}, EGRESS) == [7, 11]
    # a Build.PL that installs its prerequisites itself is the product's install step for those runs
    assert codes_at({"Build.PL": PERL_INSTALLER}, EGRESS) == [7, 11]


def test_near_miss_a_variable_with_two_programs_and_a_build_pl_that_only_builds() -> None:
    two = PERL_INSTALLER.replace("$cpanm = 'cpanm' if !$cpanm;", "$cpanm = 'cpanm' if !$cpanm; $cpanm = 'cpan';")
    assert codes_at({"install.pl": two}, EGRESS) == []
    build = _text("#!/usr/bin/perl", "my $make = 'make';", "system $make, 'install';", "system 'cpanm --version';")
    assert codes_at({"Build.PL": build}, EGRESS) == []
