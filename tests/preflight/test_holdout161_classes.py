"""Classes the hundred-and-sixty-first hold-out set showed (tests/preflight/holdout161: CLI tool and agent installers
that download a release and put it on PATH, holdout79/129/140/153's population sampled a fifth time), each as its
minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_ENDPOINT = "preflight.external_endpoint"
_PRIVILEGE = "preflight.implicit_privilege"


# -- A/B: a ``[ … ]`` test whose line break is inside a quoted command substitution is no runaway test -----------------

_KEY_CHECK = (
    "#!/bin/bash\n"
    "set -e\n"
    'if [ "$pinned" != "$(gpg --dry-run --import key.asc |\n'  # 3
    "    sed -En 's/^ +([A-Z0-9]{40,})$/\\1/gp')\" ]; then\n"  # 4
    "    exit 1\n"
    "fi\n"
    "curl -O https://releases.example.org/tool.zip\n"  # 7
    "mv -f tool /usr/local/bin/tool\n"  # 8
)


def test_a_a_line_break_inside_a_tests_substitution_keeps_the_rest_of_the_file_read() -> None:
    assert codes_at({"install.sh": _KEY_CHECK}, _ENDPOINT) == [7]
    assert codes_at({"install.sh": _KEY_CHECK}, _PRIVILEGE) == [8]


_RUNAWAY = (
    "#!/bin/bash\n"
    "same() {\n"
    '  a=$(echo "$1" | cut -d- -f1)\n'
    '  if [ "$a" \\= "$2" ]\n'
    "  then\n"
    "    return 0\n"
    "  fi\n"
    '  [ -n "$a" ] && return 1\n'
    "}\n"
    "curl -O https://releases.example.org/tool.zip\n"  # 10
    "mv -f tool /usr/local/bin/tool\n"  # 11
)


def test_a_a_test_that_runs_on_over_later_lines_is_still_read_alone() -> None:
    assert codes_at({"install.sh": _RUNAWAY}, _ENDPOINT) == [10]
    assert codes_at({"install.sh": _RUNAWAY}, _PRIVILEGE) == [11]


# -- C (in part): a download wrapper that hands all its arguments to another wrapper --------------------------------

_UNVERIFIED = "preflight.unverified_download_exec"
_WRAPPERS = (
    "#!/bin/bash\n"
    "http_download_curl() {\n"
    "    local_file=$1\n"
    "    source_url=$2\n"
    '    curl -sL -o "$local_file" "$source_url"\n'
    "}\n"
    "http_download() {\n"
    '    echo "http_download $2"\n'
    '    http_download_curl "$@"\n'
    "}\n"
    "tmpdir=$(mktemp -d)\n"
    'http_download "$tmpdir/tool.tar.gz" https://github.com/o/tool/releases/download/v1/tool.tar.gz\n'  # 12
    'tar xzf "$tmpdir/tool.tar.gz" -C "$tmpdir"\n'
)


def test_c_a_file_saved_through_a_forwarding_wrapper_is_followed_to_its_install() -> None:
    text = _WRAPPERS + 'mv "$tmpdir/tool" "$HOME/.local/bin/tool"\n'  # 14
    assert codes_at({"install.sh": text}, _UNVERIFIED) == [14]


def test_c_a_checksum_after_the_forwarding_wrapper_still_counts() -> None:
    text = _WRAPPERS.replace("tar xzf", 'echo "$SUM  $tmpdir/tool.tar.gz" | sha256sum -c\ntar xzf')
    text = "#!/bin/bash\nset -eo pipefail\n" + text.removeprefix("#!/bin/bash\n")
    assert codes_at({"install.sh": text + 'mv "$tmpdir/tool" "$HOME/.local/bin/tool"\n'}, _UNVERIFIED) == []
