"""Classes of mistakes the fifty-ninth hold-out set found (tests/preflight/holdout59: install and upgrade programs
written in Go, JavaScript, PHP, Ruby, Perl and Python), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"
PERL_PATH = "tools/install.pl"


def _perl(*lines: str) -> dict[str, str]:
    return {PERL_PATH: "\n".join(["#!/usr/bin/env perl", "use strict;", *lines]) + "\n"}


# -- A: a system() argument that is a literal joined to a variable with `.` ----------------------------------------


def test_a_literal_joined_to_a_variable_is_the_literals_command() -> None:
    files = _perl('my $opt = " -l /opt/x";', 'system("cpanm --installdeps . --notest" . $opt) == 0 or die;')
    assert codes_at(files, EGRESS) == [4]


def test_a_near_miss_a_joined_local_command_stays_quiet() -> None:
    files = _perl('my $opt = " -v";', 'system("perl Makefile.PL" . $opt) == 0 or die;')
    assert codes_at(files, EGRESS) == []


# -- B: a command variable bound to a ternary of two literals naming the same program ------------------------------


def test_b_ternary_of_two_command_lines_of_one_program() -> None:
    files = _perl("my $legacy = shift;", 'my $npmcmd = $legacy ? "npm install" : "npm ci";', "system($npmcmd);")
    assert codes_at(files, EGRESS) == [5]


def test_b_near_miss_ternary_of_two_programs_is_unknown() -> None:
    files = _perl("my $legacy = shift;", 'my $cmd = $legacy ? "npm ci" : "make build";', "system($cmd);")
    assert codes_at(files, EGRESS) == []


def test_b_near_miss_a_variable_also_given_a_computed_value_is_unknown() -> None:
    files = _perl('my $cmd = "npm ci";', "$cmd = lc($ENV{CMD});", "system($cmd);")
    assert codes_at(files, EGRESS) == []


# -- C: a sub whose body runs a command built from its parameter, called at several lines --------------------------

_INSTALL_SUB = (
    "sub install_package {",
    "    my $package = $_[0];",
    "    my $opt = $_[1];",
    '    eval "require $package";',
    '    system("cpanm --notest $package $opt") if $@;',
    "}",
)


def test_c_each_call_of_a_sub_running_its_parameter_is_a_command() -> None:
    files = _perl('install_package("Net::DNS::Native", "");', 'install_package("Mojolicious", "");', *_INSTALL_SUB)
    assert codes_at(files, EGRESS) == [3, 4]


def test_c_parameters_bound_by_shift_and_by_a_list() -> None:
    body = ("sub fetch_deps {", "    my ($dir, $flags) = @_;", '    system("npm", "ci", "--prefix", $dir);', "}")
    files = _perl('fetch_deps("web");', *body)
    assert codes_at(files, EGRESS) == [3]
    body = ("sub fetch_one {", "    my $name = shift;", '    system("cpanm $name");', "}")
    assert codes_at(_perl('fetch_one("Moo");', 'fetch_one("Try::Tiny");', *body), EGRESS) == [3, 4]


def test_c_near_miss_a_sub_never_called_keeps_its_body_line() -> None:
    files = _perl(*_INSTALL_SUB)
    assert codes_at(files, EGRESS) == [7]


def test_c_near_miss_a_sub_whose_command_ignores_its_parameter_stays_at_the_body() -> None:
    body = ("sub deps {", "    my $why = $_[0];", '    system("cpanm --installdeps .");', "}")
    files = _perl('deps("first");', 'deps("again");', *body)
    assert codes_at(files, EGRESS) == [7]


# -- H: commands and URL literals in a branch taken only on another operating system -------------------------------


def test_h_windows_branch_is_not_this_targets() -> None:
    files = _perl(
        "if ($^O eq 'MSWin32') {",
        '    my $zip = "https://github.com/dten/win32-helper/archive/main.zip";',
        "    system('cpanm', $zip);",
        "}",
        "use constant IS_UNIX => ( $Config{osname} ne 'MSWin32' );",
        "if (IS_UNIX) {",
        '    system("make");',
        "} else {",
        '    system("cpanm https://github.com/dten/win32-watcher/archive/main.zip");',
        "}",
        "unless ($^O eq 'linux') {",
        '    system("cpanm Mac::Helper");',
        "}",
    )
    assert codes_at(files, EGRESS) == []
    assert codes_at(files, ENDPOINT) == []


def test_h_near_miss_the_linux_branch_and_a_mixed_condition_are_read() -> None:
    files = _perl(
        "if ($^O eq 'linux') {",
        '    my $zip = "https://github.com/dten/inotify/archive/main.zip";',
        "    system('cpanm', $zip);",
        "}",
        "if ($^O eq 'MSWin32' || $ENV{FORCE}) {",
        '    system("cpanm Win32::Helper");',
        "}",
    )
    assert codes_at(files, ENDPOINT) == [4]
    assert codes_at(files, EGRESS) == [5, 8]


# -- D: Go self-updaters outside `package main`/`cmd/` -------------------------------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"
GO_LIBRARY_PATH = "internal/updater/updater.go"

_SAVED_OVER_EXECUTABLE = """package updater

import (
\t"io"
\t"net/http"
\t"os"
\t"path/filepath"
)

func Update() error {
\texe, err := os.Executable()
\tif err != nil {
\t\treturn err
\t}
\tresp, err := http.Get("https://dl.dten-vendor.com/tool/latest/tool-linux-amd64")
\tif err != nil {
\t\treturn err
\t}
\tdefer resp.Body.Close()
\tdata, err := io.ReadAll(resp.Body)
\tif err != nil {
\t\treturn err
\t}
\tplugin := filepath.Join(filepath.Dir(exe), "plugin")
\treturn os.WriteFile(TARGET, data, 0o755)
}
"""

_GO_UPDATE_APPLY = """package cli

import (
\t"net/http"

\tupdate "github.com/inconshreveable/go-update"
)

func Upgrade(url string) error {
\tresp, err := http.Get(url)
\tif err != nil {
\t\treturn err
\t}
\tdefer resp.Body.Close()
\treturn update.Apply(resp.Body, update.Options{OPTIONS})
}
"""


def test_d_a_library_package_that_replaces_its_executable_is_a_step() -> None:
    files = {GO_LIBRARY_PATH: _SAVED_OVER_EXECUTABLE.replace("TARGET", "exe")}
    assert codes_at(files, UNVERIFIED) == [25]


def test_d_go_update_apply_with_empty_options_is_an_unverified_replacement() -> None:
    files = {"cli/cli.go": _GO_UPDATE_APPLY.replace("OPTIONS", "")}
    assert codes_at(files, UNVERIFIED) == [15]


def test_d_near_miss_apply_with_a_checksum_is_checked() -> None:
    files = {"cli/cli.go": _GO_UPDATE_APPLY.replace("OPTIONS", "Checksum: sum, Hash: crypto.SHA256")}
    assert codes_at(files, UNVERIFIED) == []


def test_d_near_miss_a_library_writing_beside_its_executable_is_not_read() -> None:
    text = _SAVED_OVER_EXECUTABLE.replace("TARGET", "plugin")
    assert codes_at({GO_LIBRARY_PATH: text}, UNVERIFIED) == []
    # the same file as a program's update command is read: the plugin is saved executable with no check
    assert codes_at({"cmd/update/main.go": text.replace("package updater", "package main")}, UNVERIFIED) == [25]


# -- E: the npm `download` module unpacking an archive with an execute mode ----------------------------------------

JS_PATH = "scripts/install.js"


def _js_install(call: str, module: str = "download") -> dict[str, str]:
    lines = [
        f"var download = require('{module}');",
        "var merge = require('merge');",
        "var path = require('path');",
        "var dest = path.resolve(__dirname, '..', 'bin');",
        "var unpack = { strip: 1, mode: '755' };",
        call,
    ]
    return {JS_PATH: "\n".join(lines) + "\n"}


def test_e_download_module_extracting_with_an_execute_mode_is_unverified() -> None:
    files = _js_install("download(process.env.BUILD_URL, dest, merge({ extract: true }, unpack)).then(done);")
    assert codes_at(files, UNVERIFIED) == [6]
    files = _js_install("download(process.env.BUILD_URL, dest, { extract: true, ...unpack });")
    assert codes_at(files, UNVERIFIED) == [6]


def test_e_near_miss_no_execute_mode_or_no_extraction_stays_quiet() -> None:
    files = _js_install("download(process.env.BUILD_URL, dest, { extract: true, strip: 1 });")
    assert codes_at(files, UNVERIFIED) == []
    assert codes_at(_js_install("download(process.env.BUILD_URL, dest, { mode: '755' });"), UNVERIFIED) == []
    files = _js_install("download(process.env.BUILD_URL, dest, { extract: true, mode: '644' });")
    assert codes_at(files, UNVERIFIED) == []


def test_e_near_miss_an_http_client_is_not_a_download_module() -> None:
    files = _js_install("download(process.env.BUILD_URL, dest, merge({ extract: true }, unpack));", module="got")
    assert codes_at(files, UNVERIFIED) == []
