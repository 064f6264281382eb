"""Hold-out set 186's classes (vendor maintainer scripts, fifth sample), each with its near-miss."""

from __future__ import annotations

import pytest
from preflight_kit import located, package, run

POSTINST = "debian/app.postinst"


def _deletes(body: str) -> list[tuple[str, str, int]]:
    script = f'#!/bin/bash\nset -e\nAPP_HOME="/opt/app"\n{body}\n'
    return located(run(package({POSTINST: script})), "preflight.destructive_delete")


@pytest.mark.parametrize(
    "body",
    [
        # UCM's postinst: the environment deleted, then built again where it was, on every configure
        'rm -rf "$APP_HOME/venv" 2>/dev/null || true\npython3 -m venv "$APP_HOME/venv"',
        'rm -rf "$APP_HOME/venv/"\n/usr/bin/python3.11 -m venv --upgrade-deps "$APP_HOME/venv/"',
        'rm -rf "$APP_HOME/env"\nvirtualenv -p python3 "$APP_HOME/env"',
    ],
)
def test_a_virtual_environment_deleted_and_built_again_is_no_data_delete(body: str) -> None:
    assert _deletes(body) == []


@pytest.mark.parametrize(
    "body",
    [
        # nothing builds it again
        'rm -rf "$APP_HOME/venv"',
        # another directory is built
        'rm -rf "$APP_HOME/venv"\npython3 -m venv "$APP_HOME/venv2"',
        # the environment is built before the delete, which then removes it
        'python3 -m venv "$APP_HOME/venv"\nrm -rf "$APP_HOME/venv"',
        # the product's data deleted beside an environment built in its folder
        'rm -rf "$APP_HOME/data"\npython3 -m venv "$APP_HOME/data/venv"',
    ],
)
def test_a_delete_the_environment_does_not_rebuild_stays_reported(body: str) -> None:
    assert _deletes(body) == [("preflight.destructive_delete", POSTINST, 4 if not body.startswith("python3") else 5)]


SPEC = "rpm/agent.spec"
_SPEC_HEAD = """Name: agent
Version: 1.0
Release: 1

%description
An agent.

%install
install -D -m 664 agent.default %{buildroot}/etc/default/agent

"""
_SPEC_FILES = """
%files
%defattr(-,root,root,0644)
%config(noreplace) %{_sysconfdir}/default/agent
%attr(0755,root,root) /usr/sbin/agent
%dir /var/log/agent
"""


def _spec_deletes(scriptlets: str) -> list[tuple[str, str, int | None]]:
    spec = _SPEC_HEAD + scriptlets + _SPEC_FILES
    return located(run(package({SPEC: spec})), "preflight.destructive_delete")


def _line_of(scriptlets: str, needle: str) -> int:
    return (_SPEC_HEAD + scriptlets).splitlines().index(needle) + 1


@pytest.mark.parametrize(
    ("scriptlets", "needle"),
    [
        # Jarvis agent's spec: %postun deletes the settings file %files installs, with no test of $1
        ("%postun\nrm -rf /etc/default/agent\n", "rm -rf /etc/default/agent"),
        # %preun runs before the old files go, after the new ones are in place: the same loss
        ("%preun\nservice agent stop\nrm -f /usr/sbin/agent\n", "rm -f /usr/sbin/agent"),
        # an upgrade branch ($1 is 1 or more) is not an erase
        ('%postun\nif [ "$1" -ge 1 ]; then\n  rm -f /etc/default/agent\nfi\n', "  rm -f /etc/default/agent"),
    ],
)
def test_a_removal_scriptlet_deleting_the_packages_own_file_on_upgrade_is_a_destructive_delete(
    scriptlets: str, needle: str
) -> None:
    assert _spec_deletes(scriptlets) == [("preflight.destructive_delete", SPEC, _line_of(scriptlets, needle))]


@pytest.mark.parametrize(
    "scriptlets",
    [
        # erase only: rpm's count is 0
        "%postun\nif [ $1 -eq 0 ]; then\nrm -rf /etc/default/agent\nfi\n",
        "%postun\nif [ $1 == 0 ];then\nrm -rf /etc/default/agent\nfi\n",
        # a file the package does not install (a leftover of an older layout), and a %dir entry's directory
        "%postun\nrm -f /etc/default/agent.old\nrm -rf /var/log/agent\n",
        # the same delete in %post or %pre is not a removal scriptlet
        "%post\nrm -f /etc/default/agent\n",
        # a build-time section
        "%clean\nrm -rf %{buildroot}/etc/default/agent\n",
    ],
)
def test_an_erase_only_or_unrelated_delete_is_not_an_upgrade_loss(scriptlets: str) -> None:
    assert _spec_deletes(scriptlets) == []
