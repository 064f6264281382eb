"""Data that flows into a function through its arguments (shipgate.preflight.shell.arguments): a call's words bound
to the callee's ``$1``…, ``"$@"``, the parameters left after ``shift`` and a ``local`` copy, so the function's
commands are read with what each call passes. Each class as a construct next to the near-miss that must stay quiet
(or keep being reported as before)."""

from __future__ import annotations

from preflight_kit import in_script, package, run, script

from shipgate.findings import Finding, Severity
from shipgate.preflight.shell.arguments import bound_calls
from shipgate.preflight.shell.commands import is_network
from shipgate.preflight.shell.reader import parse_script

ENDPOINT = "preflight.external_endpoint"
FETCHED = "preflight.unverified_download_exec"


def _bound(text: str) -> list[list[str]]:
    script = parse_script(text, path="scripts/upgrade.sh")
    return [[w.text for w in c.words] for bound in bound_calls(script, is_network).values() for c in bound]


# -- the binding itself --------------------------------------------------------------------------------------------


def test_positional_parameters_local_copies_and_text_around_them_are_bound() -> None:
    text = (
        "#!/bin/sh\n"
        'get() { local url="${2}/boot.tar.xz"; curl -fsSL "${url}.md5" -o "$1.md5"; }\n'
        "get /tmp/boot https://updates.vendor.io/stable\n"
    )
    assert _bound(text) == [["-fsSL", "https://updates.vendor.io/stable/boot.tar.xz.md5", "-o", "/tmp/boot.md5"]]


def test_shift_moves_the_parameters_and_all_of_them_are_passed_on() -> None:
    text = (
        "#!/bin/sh\n"
        'fetch() {\n  url=$1\n  shift\n  curl -fsSL "$url" "$@"\n}\n'
        "fetch https://get.vendor.io/tool -o /tmp/tool\n"
    )
    assert _bound(text) == [["-fsSL", "https://get.vendor.io/tool", "-o", "/tmp/tool"]]


def test_a_shift_in_an_option_loop_leaves_the_positions_unknown() -> None:
    text = (
        "#!/bin/sh\n"
        'fetch() {\n  case "$1" in -q) shift ;; esac\n  curl -fsSL "$1"\n}\n'
        "fetch -q https://get.vendor.io/tool\n"
    )
    assert _bound(text) == []


def test_a_word_with_a_run_time_part_keeps_the_known_host() -> None:
    text = '#!/bin/sh\nget() { curl -fsSL "$1/$(uname -m)/tool"; }\nget "https://get.vendor.io"\n'
    script = parse_script(text, path="scripts/upgrade.sh")
    assert [c.words[1].raw for b in bound_calls(script, is_network).values() for c in b] == []  # left as written
    text = '#!/bin/sh\nget() { curl -fsSL "$1/$ARCH/tool"; }\nget "https://get.vendor.io"\n'
    script = parse_script(text, path="scripts/upgrade.sh")
    words = [c.words[1] for b in bound_calls(script, is_network).values() for c in b]
    assert [(w.value, w.prefix) for w in words] == [(None, "https://get.vendor.io/")]


# -- endpoints: a function that contacts the host it is passed in several commands ---------------------------------


def test_each_command_of_a_function_that_contacts_the_passed_host_is_reported_naming_the_call() -> None:
    lines = (
        "download() {",
        '  local URL="${1}/boot.tar.xz"',
        '  curl -sfL "${URL}.md5" -o /tmp/boot.md5',
        '  curl -sfL "${URL}" -o /tmp/boot.tar.xz',
        "}",
        'BASE="https://updates.vendor.io/stable"',
        'download "$BASE"',
    )
    assert in_script(ENDPOINT, *lines) == [5, 6]
    found = [f for f in _findings(*lines) if f.code == ENDPOINT and f.evidence["line"] in (5, 6)]
    assert {(f.evidence["call_line"], f.evidence["assigned_line"]) for f in found} == {(9, 8)}


def _findings(*lines: str) -> list[Finding]:
    return run(package({"scripts/upgrade.sh": script(*lines)}))


def test_a_single_network_command_or_curl_or_wget_whichever_is_installed_is_the_call_itself() -> None:
    one = ('get() { curl -fsSL "$1" -o /tmp/x; }', "get https://get.vendor.io/x")
    assert in_script(ENDPOINT, *one) == [4]
    either = (
        "fetch() {",
        '  if command -v curl >/dev/null; then curl -fsSL "$1"; else wget -qO- "$1"; fi',
        "}",
        "fetch https://get.vendor.io/x | tar -xz",
    )
    assert in_script(ENDPOINT, *either) == [6]


def test_a_function_that_only_prints_its_argument_contacts_nothing() -> None:
    lines = ('say() { echo "fetching $1"; printf "%s\\n" "$1"; }', "say https://get.vendor.io/x")
    assert in_script(ENDPOINT, *lines) == []


# -- downloads: a wrapper that saves the file its caller names ------------------------------------------------------


def test_a_file_saved_where_the_call_says_then_unpacked_and_run_is_unverified() -> None:
    lines = (
        "fetch() {",
        "  local url=$1",
        "  local out=$2",
        '  curl -fsSL "$url" -o "$out"',
        "}",
        "fetch https://get.vendor.io/x.tgz /tmp/x.tgz",
        "tar -xzf /tmp/x.tgz -C /tmp/x",
        "/tmp/x/install.sh",
    )
    found = [f for f in _findings(*lines) if f.code == FETCHED]
    assert [(f.evidence["line"], f.evidence["downloaded_at"]) for f in found] == [(10, 8)]


def test_a_file_verified_before_it_runs_or_a_function_that_only_names_it_is_not_reported() -> None:
    verified = (
        'fetch() { curl -fsSL "$1" -o "$2"; }',
        "fetch https://get.vendor.io/x.tgz /tmp/x.tgz",
        "fetch https://get.vendor.io/x.tgz.sha256 /tmp/x.tgz.sha256",
        "(cd /tmp && sha256sum -c x.tgz.sha256)",
        "tar -xzf /tmp/x.tgz -C /tmp/x",
        "/tmp/x/install.sh",
    )
    assert in_script(FETCHED, *verified) == []
    named = (
        'note() { echo "will fetch $1 into $2"; }',
        "note https://get.vendor.io/x.tgz /tmp/x.tgz",
        "tar -xzf /tmp/x.tgz -C /tmp/x",
        "/tmp/x/install.sh",
    )
    assert in_script(FETCHED, *named) == []


# -- a call through a name built from a variable --------------------------------------------------------------------


def test_a_call_through_a_built_name_runs_each_function_the_values_name() -> None:
    lines = (
        'check_0() { local url="$1"; v=$(wget -qO- "$url"); echo "$v"; }',
        'check_1() { local url="$1"; v=$(wget -q -O - "$url" || echo "--"); echo "Web: $v"; }',
        "[ -t 1 ] && MODE=1 || MODE=0",
        'BASE="https://updates.vendor.io/stable"',
        'check_${MODE} "$BASE/version"',
    )
    assert in_script(ENDPOINT, *lines) == [3, 4]


def test_a_built_name_whose_functions_only_print_the_argument_contacts_nothing() -> None:
    lines = (
        'show_0() { echo "latest: $1"; }',
        'show_1() { printf "%s\\n" "$1"; }',
        "[ -t 1 ] && MODE=1 || MODE=0",
        'show_${MODE} "https://updates.vendor.io/stable/version"',
    )
    assert in_script(ENDPOINT, *lines) == []


# -- a function a sourced library of the package defines ------------------------------------------------------------

_LIBRARY = '#!/bin/sh\ndownload() {\n  local url="$1"\n  curl -fsSL "$url" -o "$2"\n}\nsay() { echo "$1"; }\n'


def _package_codes(main: str, code: str) -> list[tuple[int, object]]:
    found = run(package({"scripts/lib.sh": _LIBRARY, "scripts/upgrade.sh": main}))
    return [
        (f.evidence["line"], f.evidence.get("defined_at"))
        for f in found
        if f.code == code and f.path == "scripts/upgrade.sh" and f.severity > Severity.INFO
    ]


def test_a_call_of_a_sourced_librarys_download_function_contacts_and_saves_what_the_call_names() -> None:
    main = (
        "#!/bin/sh\n"
        '. "$(dirname "$0")/lib.sh"\n'
        "download https://get.vendor.io/x.tgz /tmp/x.tgz\n"
        "tar -xzf /tmp/x.tgz -C /tmp/x\n"
        "/tmp/x/install.sh\n"
    )
    assert _package_codes(main, ENDPOINT) == [(3, "scripts/lib.sh:4")]
    assert _package_codes(main, FETCHED) == [(5, None)]


def test_a_librarys_printing_function_or_one_the_script_defines_itself_is_not_the_librarys_download() -> None:
    printed = '#!/bin/sh\n. "$(dirname "$0")/lib.sh"\nsay https://get.vendor.io/x.tgz\n'
    assert _package_codes(printed, ENDPOINT) == []
    own = (
        "#!/bin/sh\n"
        '. "$(dirname "$0")/lib.sh"\n'
        'download() { echo "would fetch $1"; }\n'
        "download https://get.vendor.io/x.tgz /tmp/x.tgz\n"
    )
    assert _package_codes(own, ENDPOINT) == []
    unsourced = "#!/bin/sh\ndownload https://get.vendor.io/x.tgz /tmp/x.tgz\n"
    assert _package_codes(unsourced, ENDPOINT) == []


def test_a_copy_given_another_value_is_no_longer_the_calls_argument() -> None:
    text = (
        "#!/bin/sh\n"
        'get() {\n  url="$1"\n  curl -fsSL "$url"\n  url="$MIRROR/fallback"\n  curl -fsSL "$url"\n}\n'
        "get https://get.vendor.io/x\n"
    )
    assert _bound(text) == [["-fsSL", "https://get.vendor.io/x"]]
