"""Classes the seventy-third hold-out set showed (tests/preflight/holdout73: installers, agent installers and
container entrypoints picked at random), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.shell.reader import parse_script

ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"
PRINTED = "preflight.secret_printed"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _value(source: str, name: str) -> tuple[str | None, str | None]:
    script = parse_script(source, path="install.sh")
    bound = next(a for a in script.assignments if a.name == name)
    return bound.value, bound.shape


# -- A1: the blank between two expansions in a double-quoted string belongs to neither --------------------------


def test_a1_second_expansion_after_a_blank_keeps_its_name_and_the_blank() -> None:
    source = _text("#!/bin/sh", "a=one", "b=two", 'both="$a $b"', 'braced="${a}  ${b}"', 'run="x $(id -u) y"')
    assert _value(source, "both") == ("one two", None)
    assert _value(source, "braced") == ("one  two", None)
    assert _value(source, "run")[1] == "x $(id -u) y"


def test_near_miss_a1_expansions_without_a_blank_between_are_read_as_before() -> None:
    source = _text("#!/bin/sh", "a=one", "b=two", 'both="$a/$b"', 'unset_tail="$a $nowhere"')
    assert _value(source, "both") == ("one/two", None)
    assert _value(source, "unset_tail") == (None, "one $nowhere")


def test_a1_secret_passed_to_a_printing_function_inside_a_longer_string_is_reported() -> None:
    installer = _text(
        "#!/bin/bash",  # 1
        "GREEN='\\033[0;32m'",  # 2
        "NC='\\033[0m'",  # 3
        'log_info() { echo -e "${GREEN}[INFO]${NC} $1"; }',  # 4
        "API_KEY=$(openssl rand -hex 32)",  # 5
        'log_info "Generated secure API key: $API_KEY"',  # 6
    )
    assert codes_at({"install.sh": installer}, PRINTED) == [6]


def test_near_miss_a1_printing_function_given_no_secret_stays_quiet() -> None:
    installer = _text(
        "#!/bin/bash",
        "GREEN='\\033[0;32m'",
        "NC='\\033[0m'",
        'log_info() { echo -e "${GREEN}[INFO]${NC} $1"; }',
        "API_KEY=$(openssl rand -hex 32)",
        'log_info "Generated a secure API key into .env"',
    )
    assert codes_at({"install.sh": installer}, PRINTED) == []


# -- A2: a command line kept in a variable passes its function's arguments on ------------------------------------


def test_a2_download_function_running_a_kept_command_line_contacts_its_callers_url() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "download() {",  # 2
        '  file="$1"',  # 3
        '  url="$2"',  # 4
        '  cmd="curl --fail --silent --location --output $file $url"',  # 5
        "  $cmd",  # 6
        "}",  # 7
        'download /tmp/cli.tgz "https://dl.example.com/cli.tgz"',  # 8
    )
    assert codes_at({"install.sh": installer}, ENDPOINT) == [8]


def test_near_miss_a2_kept_command_line_that_is_no_network_tool_contacts_nothing() -> None:
    installer = _text(
        "#!/bin/sh",
        "show() {",
        '  file="$1"',
        '  url="$2"',
        '  cmd="printf %s:%s $file $url"',
        "  $cmd",
        "}",
        'show /tmp/cli.tgz "https://dl.example.com/cli.tgz"',
    )
    assert codes_at({"install.sh": installer}, ENDPOINT) == []


# -- A3: a command line a function prints, kept by its caller and run ---------------------------------------------


def test_a3_command_line_printed_by_a_function_is_run_where_the_caller_expands_it() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "check_curl() {",  # 2
        "  if command -v curl >/dev/null; then",  # 3
        "    curl='curl --retry 20 -L'",  # 4
        "  else",  # 5
        "    echo >&2 'this installer needs curl'",  # 6
        "    exit 1",  # 7
        "  fi",  # 8
        "  echo $curl",  # 9
        "}",  # 10
        "curl=$(check_curl)",  # 11
        "$curl -o /tmp/agent.rpm http://dl.example.com/agent.rpm",  # 12
        "yum install -y /tmp/agent.rpm",  # 13
    )
    assert codes_at({"install.sh": installer}, ENDPOINT) == [12]
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [13]


def test_near_miss_a3_function_printing_several_lines_gives_no_command() -> None:
    installer = _text(
        "#!/bin/sh",
        "pick() {",
        "  echo curl -L",
        "  echo wget -q",
        "}",
        "get=$(pick)",
        "$get -o /tmp/agent.rpm http://dl.example.com/agent.rpm",
    )
    assert codes_at({"install.sh": installer}, ENDPOINT) == []


# -- C: a uid test inside ``[[ … && … ]]``, which the grammar cuts short after a ``=`` comparison ------------------

PRIVILEGE = "preflight.implicit_privilege"


def test_c_chown_under_a_double_bracket_conjunction_with_a_uid_test_is_root_checked() -> None:
    entrypoint = _text(
        "#!/bin/bash",
        "if [[ \"$1\" = 'zkServer.sh' && \"$(id -u)\" = '0' ]]; then",
        '    chown -R zookeeper "$ZOO_DATA_DIR"',
        '    exec gosu zookeeper "$0" "$@"',
        "fi",
        'exec "$@"',
    )
    assert codes_at({"docker-entrypoint.sh": entrypoint}, PRIVILEGE) == []


def test_near_miss_c_double_bracket_disjunction_with_a_uid_test_is_no_root_check() -> None:
    entrypoint = _text(
        "#!/bin/bash",  # 1
        "if [[ \"$1\" = 'zkServer.sh' || \"$(id -u)\" = '0' ]]; then",  # 2
        '    chown -R zookeeper "$ZOO_DATA_DIR"',  # 3
        "fi",  # 4
    )
    assert codes_at({"docker-entrypoint.sh": entrypoint}, PRIVILEGE) == [3]


# -- D: ``${1:-}`` is the caller's argument, not an empty path under / -------------------------------------------


def test_d_path_on_an_argument_with_an_empty_default_is_not_rooted_at_slash() -> None:
    installer = _text(
        "#!/bin/sh",
        "set -eu",
        "test_writeable() {",
        '  path="${1:-}/test.txt"',
        '  if touch "${path}" 2>/dev/null; then',
        '    rm "${path}"',
        "  fi",
        "}",
        'test_writeable "$HOME/.local/bin"',
    )
    assert codes_at({"install.sh": installer}, PRIVILEGE) == []


def test_near_miss_d_argument_with_a_written_default_path_keeps_that_path() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "set -eu",  # 2
        "drop_config() {",  # 3
        '  conf="${1:-/etc/example}/example.conf"',  # 4
        '  rm -f "${conf}"',  # 5
        "}",  # 6
        "drop_config",  # 7
    )
    assert codes_at({"install.sh": installer}, PRIVILEGE) == [5]


# -- A4: FreeBSD's ``fetch -o FILE`` saves the file a later step unpacks -----------------------------------------


def test_a4_file_saved_by_fetch_output_and_unpacked_into_a_bin_directory_is_reported() -> None:
    installer = _text(
        "#!/bin/sh",  # 1
        "fetch --quiet --output=/tmp/cli.tgz https://dl.example.com/cli.tgz",  # 2
        "tar -xzf /tmp/cli.tgz -C /usr/local/bin",  # 3
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [3]


def test_near_miss_a4_fetch_output_checked_before_the_unpack_stays_quiet() -> None:
    installer = _text(
        "#!/bin/sh",
        "fetch -o /tmp/cli.tgz https://dl.example.com/cli.tgz",
        'echo "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  /tmp/cli.tgz" | sha256sum -c -'
        " || exit 1",
        "tar -xzf /tmp/cli.tgz -C /usr/local/bin",
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == []
