"""Classes the hundred-and-fifty-third hold-out set showed (tests/preflight/holdout153: CLI tool and agent installers
that download a release and put it on PATH, holdout79/129/140's population sampled a fourth time), each as its
minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_RM = "preflight.rm_rf_variable"
_DELETE = "preflight.destructive_delete"
_DISABLED = "preflight.service_disabled"


# -- E: ``rm -rf`` of a variable that cannot be empty -----------------------------------------------------------------


def test_e_an_echo_of_a_word_with_a_literal_suffix_is_never_empty() -> None:
    text = '#!/bin/bash\nARC=$(echo "${FOLDER}.tar.gz")\ncurl -o $ARC -L https://example.org/$ARC\nrm -fr $ARC\n'
    assert codes_at({"install.sh": text}, _RM) == []


def test_e_an_echo_of_a_bare_variable_or_a_command_stays_reported() -> None:
    bare = '#!/bin/bash\nARC=$(echo "${FOLDER}")\nrm -fr $ARC\n'
    assert codes_at({"install.sh": bare}, _RM) == [3]
    listed = '#!/bin/bash\nARC=$(ls "${FOLDER}.tar.gz")\nrm -fr $ARC\n'
    assert codes_at({"install.sh": listed}, _RM) == [3]


_ENSURE = 'ensure() {\n    if ! "$@"; then echo "failed: $*" >&2; exit 1; fi\n}\n'
_LOG = 'log() {\n    echo "$@"\n}\n'


def test_e_mktemp_through_a_function_that_runs_its_arguments_under_set_e() -> None:
    text = (
        f'#!/bin/sh\nset -e\n{_ENSURE}f() {{\n    _dir="$(ensure mktemp -d)" || return 1\n    rm -rf "$_dir"/x\n'
        '    rm -rf "$_dir"\n}\nf\n'
    )
    assert codes_at({"install.sh": text}, _RM) == []


def test_e_a_function_that_only_prints_its_arguments_is_no_mktemp() -> None:
    text = f'#!/bin/sh\nset -e\n{_LOG}f() {{\n    _dir="$(log mktemp -d)"\n    rm -rf "$_dir"\n}}\nf\n'
    assert codes_at({"install.sh": text}, _RM) == [8]


# -- D: a function called only from the installer's uninstall mode -----------------------------------------------------

_UNINSTALL = (
    "#!/bin/sh\nset -eu\nuninstall() {\n    systemctl disable agent.service\n    rm -rf /var/lib/agent\n}\n"
    "main() {\n    mkdir -p /var/lib/agent\n}\n"
)


def test_d_what_an_uninstall_function_deletes_the_operator_asked_for() -> None:
    text = _UNINSTALL + 'case "${1:-}" in\n    uninstall)\n        uninstall\n        ;;\n    *)\n        main\n'
    text += "        ;;\nesac\n"
    assert codes_at({"install.sh": text}, _DELETE) == []
    assert codes_at({"install.sh": text}, _DISABLED) == [4]  # a disable stays reported in uninstall mode


def test_d_the_same_function_also_called_on_install_stays_reported() -> None:
    text = _UNINSTALL + 'case "${1:-}" in\n    uninstall)\n        uninstall\n        ;;\n    *)\n        uninstall\n'
    text += "        main\n        ;;\nesac\n"
    assert codes_at({"install.sh": text}, _DELETE) == [5]


# -- A: a ``.sh`` file with no ``#!`` line is a shell script: a check another statement follows does not stop it -----

_UDE = "preflight.unverified_download_exec"
_BODY = (
    "wget -q https://example.org/tool_linux_amd64\n"
    "wget -q https://example.org/checksums.txt\n"
    "sha256sum --check --ignore-missing checksums.txt\n"
    "mv tool_linux_amd64 tool\n"
    "chmod +x tool\n"
    "./tool update\n"
)


def test_a_a_check_in_a_sh_file_without_shebang_or_errexit_does_not_stop_it() -> None:
    assert codes_at({"bootstrap.sh": _BODY}, _UDE) == [5]


def test_a_the_same_check_under_set_e_stays_quiet() -> None:
    assert codes_at({"bootstrap.sh": "set -e\n" + _BODY}, _UDE) == []
