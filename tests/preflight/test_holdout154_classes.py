"""Classes the hundred-and-fifty-fourth hold-out set showed (tests/preflight/holdout154: install, update and deploy
programs in Python, JavaScript/TypeScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a
near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

SUDO = "preflight.sudo_unavailable"
PERSISTENCE = "preflight.persistence"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: Fabric 2's command lines are methods of a connection or a group ------------------------------------------------


def _fabfile(*lines: str) -> str:
    return _text("from fabric import task, Connection, SerialGroup", "import subprocess", *lines)  # 1, 2


def test_a_a_task_connection_sudo_runs_sudo_on_the_remote_host() -> None:
    text = _fabfile("@task", "def deps(c):", "    c.sudo('apt-get update', pty=True)")
    assert codes_at({"fabfile.py": text}, SUDO) == [5]


def test_a_a_group_sudo_and_a_connection_run_are_read() -> None:
    text = _fabfile(
        "hosts = SerialGroup('a', 'b')",
        "conn = Connection('a')",
        "@task",
        "def env(c):",
        "    hosts.sudo('useradd {}'.format(USER))",
        "    conn.run(\"echo 'export JAVA_HOME={}' >> ~/.bashrc\".format(JDK))",
    )
    assert codes_at({"fabfile.py": text}, SUDO) == [7]
    assert codes_at({"fabfile.py": text}, PERSISTENCE) == [8]


def test_a_an_imported_module_run_is_no_connection() -> None:
    text = _fabfile("@task", "def deps(c):", "    subprocess.run(['ls'])", "    c.run('ls')")
    assert codes_at({"fabfile.py": text}, SUDO) == []


def test_a_a_fabfile_that_does_not_import_fabric_is_not_read() -> None:
    text = _text("from tools import Remote", "conn = Remote('a')", "def deps(c):", "    conn.sudo('apt-get update')")
    assert codes_at({"fabfile.py": text}, SUDO) == []


def test_a_fabric_1_names_alone_are_not_fabric_2() -> None:
    text = _text("from fabric.api import env", "conn = object()", "def deps():", "    conn.sudo('apt-get update')")
    assert codes_at({"fabfile.py": text}, SUDO) == []
