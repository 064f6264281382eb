"""Classes of mistakes the fourth hold-out set found (tests/preflight/holdout4) and the known misses of the first
(tests/preflight/holdout), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import package, run, script

from shipgate.findings import Severity


def codes_at(files: dict[str, str | bytes], code: str) -> list[int | None]:
    """Lines of the findings above info with ``code``."""
    found = run(package(files))
    return sorted(f.evidence.get("line") for f in found if f.code == code and f.severity > Severity.INFO)


def in_script(code: str, *lines: str) -> list[int | None]:
    return codes_at({"scripts/upgrade.sh": script(*lines)}, code)


@pytest.mark.parametrize(
    ("path", "dispatch"),
    [
        ("release_files/post_install.sh", 'if [ "$1" = "configure" ] && [ -n "$2" ]; then action=upgrade; fi'),
        ("tools/packaging/dten-postinstall.sh", 'case "$1" in configure) echo configuring ;; esac'),
    ],
)
def test_scriptlets_spelt_otherwise_that_take_dpkg_actions_run_as_root(path: str, dispatch: str) -> None:
    body = script(dispatch, "mkdir -p /var/lib/dten", "cp dten.conf /usr/lib/tmpfiles.d/dten.conf")
    assert codes_at({path: body}, "preflight.root_assumed") == [1]
    assert codes_at({path: body}, "preflight.implicit_privilege") == []
    # the same name without dpkg's configure action is a vendor's own hook: its root-only steps are reported
    hook = script('if [ "$1" = "--force" ]; then action=upgrade; fi', "cp dten.conf /usr/lib/tmpfiles.d/dten.conf")
    assert codes_at({path: hook}, "preflight.root_assumed") == []
    assert codes_at({path: hook}, "preflight.implicit_privilege") == [4]


def test_a_function_that_appends_to_the_file_its_caller_names_persists_through_a_profile() -> None:
    body = ['add_line() { [ -f "$1" ] || return 1; echo "$line" >> "$1"; }', 'line=". $HOME/.dten/env"']
    found = in_script("preflight.persistence", *body, 'add_line "$HOME/.zshrc" || add_line "$HOME/.bashrc"')
    assert found == [3]  # once, at the write in the body: the calls are alternatives
    # the same writer given the product's own file is no profile change
    assert in_script("preflight.persistence", *body, 'add_line "$HOME/.dten/config"') == []


def test_the_working_directory_is_not_a_secret() -> None:
    assert in_script("preflight.secret_printed", 'echo "Kubernetes binaries at ${PWD}/cluster/"') == []
    assert in_script("preflight.secret_printed", 'DB_PWD=$(cat /run/dten/pw)', 'echo "db password: $DB_PWD"') == [4]
