"""Classes the seventy-ninth hold-out set showed (tests/preflight/holdout79: CLI tool and agent installers that
download a release and put it on PATH), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: a download path printed by the helper that fetched it, taken from a command substitution ----------------


def _printed_path_installer(*check: str) -> str:
    return _text(
        "#!/usr/bin/env bash",  # 1
        "fetch_release() {",  # 2
        '  local file="$1/tool-$(uname -m)"',  # 3
        '  curl -fL "https://dl.example.com/tool-$(uname -m)" --output "$file" --write-out "$file"',  # 4
        "}",  # 5
        "download() {",  # 6
        '  local dir="$(mktemp -d)"',  # 7
        '  fetch_release "$dir"',  # 8
        "}",  # 9
        "place() {",  # 10
        *check,
        '  cp "$1" "$HOME/.tool/bin/tool"',  # 11 (+ len(check))
        "}",
        'archive="$(download; exit "$?")"',
        'place "$archive"',
    )


def test_b_path_printed_by_curl_write_out_through_two_functions_then_copied_into_bin_is_reported() -> None:
    assert codes_at({"install.sh": _printed_path_installer()}, UNVERIFIED) == [11]


def test_b_path_echoed_after_the_fetch_is_the_function_output_too() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "get() {",  # 2
        '  tmp="$(mktemp -d)/tool.tar.gz"',  # 3
        '  curl -fsSL -o "$tmp" "https://dl.example.com/tool.tar.gz"',  # 4
        '  echo "$tmp"',  # 5
        "}",  # 6
        "tarball=$(get)",  # 7
        'tar -xzf "$tarball" -C "$HOME/.local/bin"',  # 8
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [8]


def test_near_miss_b_printed_path_checked_before_the_copy_stays_quiet() -> None:
    checked = _printed_path_installer('  echo "0123abcd  $1" | sha256sum -c - || exit 1')
    assert codes_at({"install.sh": checked}, UNVERIFIED) == []


def test_near_miss_b_function_printing_the_fetched_body_is_no_path() -> None:
    installer = _text(
        "#!/bin/sh",
        "get() {",
        '  curl -fsSL "https://dl.example.com/latest.txt"',
        "}",
        "version=$(get)",
        'cp "$version" "$HOME/.local/bin/tool"',
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == []


# -- A: a download path handed back through a global variable (rustup's RETVAL) ---------------------------------


def _global_result_installer(result: str) -> str:
    return _text(
        "#!/bin/sh",  # 1
        "download_file() {",  # 2
        '    local _url="$1"',  # 3
        '    (cd /tmp && curl -fsSL -O "$_url")',  # 4
        f"    RETVAL={result}",  # 5
        "}",  # 6
        "main() {",  # 7
        '    local _file=""',  # 8
        '    download_file "https://dl.example.com/tool-linux-amd64"',  # 9
        '    local _file="$RETVAL"',  # 10
        '    mv "$_file" "/usr/local/bin/tool"',  # 11
        "}",  # 12
        'main "$@"',  # 13
    )


def test_a_path_returned_through_a_global_then_moved_into_bin_is_reported() -> None:
    installer = _global_result_installer('"/tmp/$(basename "$_url")"')
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [11]


def test_near_miss_a_global_set_to_something_else_than_the_saved_file_stays_quiet() -> None:
    installer = _global_result_installer('"$(uname -m)"')
    assert codes_at({"install.sh": installer}, UNVERIFIED) == []


# -- D: one program fetched per architecture in exclusive branches, put in place under one name ------------------


def _per_arch_installer(x86_target: str) -> str:
    return _text(
        "#!/bin/bash",  # 1
        "cd /srv/tool",  # 2
        'if [[ "$(uname -m)" == "aarch64" ]]; then',  # 3
        "  curl -L https://dl.example.com/tool-aarch64.tgz | tar xz",  # 4
        "  mv /srv/tool/tool-aarch64 /usr/local/bin/tool",  # 5
        "else",  # 6
        "  curl -L https://dl.example.com/tool-x86_64.tgz | tar xz",  # 7
        f"  mv /srv/tool/tool-x86_64 {x86_target}",  # 8
        "fi",  # 9
    )


def test_d_per_arch_fetches_put_in_place_under_one_name_are_one_finding() -> None:
    assert codes_at({"install.sh": _per_arch_installer("/usr/local/bin/tool")}, UNVERIFIED) == [5]


def test_near_miss_d_exclusive_fetches_put_under_different_names_stay_two_findings() -> None:
    assert codes_at({"install.sh": _per_arch_installer("/usr/local/bin/tool64")}, UNVERIFIED) == [5, 8]


# -- E: the rc file of the user's login shell, named from $SHELL ------------------------------------------------

PERSISTENCE = "preflight.persistence"


def _rc_writer(rc_name: str) -> str:
    return _text(
        "#!/bin/bash",  # 1
        'SHELL_NAME=$(basename "$SHELL")',  # 2
        f'RC_FILE="$HOME/.{rc_name}rc"',  # 3
        'echo "export PATH=\\"$HOME/.local/bin:\\$PATH\\"" >> "$RC_FILE"',  # 4
    )


def test_e_rc_file_named_from_the_login_shell_is_a_shell_profile() -> None:
    assert codes_at({"install.sh": _rc_writer("${SHELL_NAME}")}, PERSISTENCE) == [4]


def test_near_miss_e_rc_file_named_from_another_variable_is_not_read_as_a_profile() -> None:
    writer = _text("#!/bin/bash", 'TOOL=$(basename "$0")', 'echo "color=auto" >> "$HOME/.${TOOL}rc"')
    assert codes_at({"install.sh": writer}, PERSISTENCE) == []


# -- C: a URL from a function that echoes a URL known up to its host and path ------------------------------------

ENDPOINT = "preflight.external_endpoint"


def _echoed_url_installer(url: str) -> str:
    return _text(
        "#!/bin/sh",  # 1
        'get() { curl -fsSL -o "$1" "$2"; }',  # 2
        "base_url() {",  # 3
        '    version="$(cat VERSION)"',  # 4
        f'    url="{url}"',  # 5
        '    echo "$url"',  # 6
        "}",  # 7
        'get /tmp/tool.tgz "$(base_url)/tool.tgz"',  # 8
    )


def test_c_url_echoed_by_a_function_known_up_to_its_host_is_contacted() -> None:
    installer = _echoed_url_installer("https://dl.example.io/tool/releases/${version}")
    assert codes_at({"install.sh": installer}, ENDPOINT) == [8]


def test_near_miss_c_echoed_url_whose_host_is_run_time_names_no_host() -> None:
    installer = _echoed_url_installer("https://${version}.example.io/tool")
    assert codes_at({"install.sh": installer}, ENDPOINT) == []


# -- F (holdout4's kustomize): a file named by a glob where a fetch saved under a name not known -----------------


def _unnamed_download_installer(unpack_dir: str) -> str:
    return _text(
        "#!/bin/bash",  # 1
        'tmp="$(mktemp -d)"',  # 2
        'cd "$tmp"',  # 3
        "url=$(curl -s https://api.example.com/releases | grep browser_download_url | cut -d '\"' -f 4)",  # 4
        'curl -sLO "$url"',  # 5
        f"cd {unpack_dir}",  # 6
        "tar xzf ./tool_v*_linux_amd64.tar.gz",  # 7
        'cp ./tool "$HOME/.local/bin/"',  # 8
    )


def test_f_glob_in_the_directory_of_an_unnamed_download_names_it() -> None:
    assert codes_at({"install.sh": _unnamed_download_installer('"$tmp"')}, UNVERIFIED) == [8]


def test_near_miss_f_glob_in_another_directory_is_not_the_download() -> None:
    assert codes_at({"install.sh": _unnamed_download_installer("/srv/cache")}, UNVERIFIED) == []
