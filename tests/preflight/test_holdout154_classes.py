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


# -- B: a Perl root check through a scalar holding the uid's login name ------------------------------------------------

PRIVILEGE = "preflight.implicit_privilege"
ROOT = "preflight.root_assumed"


def _perl(*lines: str) -> str:
    return _text("#!/usr/bin/perl", "use strict;", *lines)  # 1, 2


def test_b_the_login_name_of_the_uid_compared_with_root_before_die_is_a_root_check() -> None:
    text = _perl(
        "my $login = (getpwuid $>);",
        "if($login ne 'root'){",
        '    die("run as root");',
        "}",
        'system("yum install httpd");',
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == []
    assert codes_at({"install.pl": text}, ROOT) == [4]


def test_b_die_unless_the_login_name_is_root() -> None:
    text = _perl("my $user = getpwuid($<);", 'die "root only" unless $user eq "root";', 'system("useradd app");')
    assert codes_at({"install.pl": text}, PRIVILEGE) == []


def test_b_a_login_name_compared_with_root_that_only_warns_is_no_check() -> None:
    text = _perl(
        "my $login = (getpwuid $>);",
        "if($login ne 'root'){",
        '    warn("not root");',
        "}",
        'system("yum install httpd");',
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == [7]


def test_b_another_user_name_compared_with_root_is_no_check() -> None:
    text = _perl(
        "my $login = $ENV{USER};",
        "if($login ne 'root'){",
        '    die("run as root");',
        "}",
        'system("yum install httpd");',
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == [7]


# -- C: a Python name bound to a formatted literal is the shell the call given it runs -------------------------------


def test_c_a_name_bound_to_a_format_of_a_literal_is_read_where_it_runs() -> None:
    text = _fabfile(
        "hosts = SerialGroup('a', 'b')",
        "@task",
        "def add_host(c):",
        "    host_cmd = '''sh -c \"echo '{}' >> /etc/hosts\"'''.format(LINES)",
        "    hosts.sudo(host_cmd, pty=True)",
    )
    assert codes_at({"fabfile.py": text}, SUDO) == [7]


def test_c_a_name_bound_to_a_percent_template_runs_in_os_system() -> None:
    text = _text("#!/usr/bin/env python3", "import os", "cmd = 'sudo useradd %s' % USER", "os.system(cmd)")
    assert codes_at({"install.py": text}, SUDO) == [4]


def test_c_a_name_rebound_to_a_value_is_no_longer_the_template() -> None:
    text = _text(
        "#!/usr/bin/env python3", "import os", "cmd = 'sudo useradd %s' % USER", "cmd = pick()", "os.system(cmd)"
    )
    assert codes_at({"install.py": text}, SUDO) == []
