"""Classes the hundred-and-fiftieth hold-out set showed (tests/preflight/holdout150: install, update and deploy
programs in Python, TypeScript, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a
near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Perl root check through a sub that compares the uid with root's -------------------------------------------

_IS_ROOT = (
    "sub _is_root {",
    "\tmy $login = (getpwuid $>);",
    "\tif($login eq 'root') { return 1; } else { return 0; }",
    "}",
)


def test_a_a_negated_call_of_a_root_test_sub_that_dies_is_a_root_check() -> None:
    text = _text(
        "#!/usr/bin/perl", *_IS_ROOT, "if(!_is_root()) {", '\tdie "run as root\\n";', "}", 'system("useradd ocr");'
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == []


def test_a_die_unless_a_root_test_sub_is_a_root_check() -> None:
    text = _text(
        "#!/usr/bin/perl",
        "sub is_root { return $> == 0; }",
        'die "root only" unless is_root();',
        'system("useradd ocr");',
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == []


def test_a_a_root_test_sub_in_a_branch_that_only_warns_is_no_check() -> None:
    text = _text(
        "#!/usr/bin/perl", *_IS_ROOT, "if(!_is_root()) {", '\twarn "not root\\n";', "}", 'system("useradd ocr");'
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == [9]


def test_a_a_sub_that_does_not_test_the_uid_is_no_check() -> None:
    text = _text(
        "#!/usr/bin/perl",
        "sub ready { return -e '/tmp/x'; }",
        'die "not ready" unless ready();',
        'system("useradd ocr");',
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == [4]


def test_a_the_root_branch_of_a_root_test_sub_is_no_check() -> None:
    text = _text(
        "#!/usr/bin/perl",
        "sub is_root { return $> == 0; }",
        'if (is_root()) { die "do not run as root"; }',
        'system("useradd ocr");',
    )
    assert codes_at({"install.pl": text}, PRIVILEGE) == [4]


# -- B: a Fabric 1 upload given use_sudo=True is moved into place with sudo --------------------------------------------

SUDO = "preflight.sudo_unavailable"


def _fabfile(*lines: str) -> str:
    return _text("from fabric.api import task, sudo", "from fabric.contrib.files import put", *lines)  # 1, 2


def test_b_put_with_use_sudo_runs_sudo_on_the_remote_host() -> None:
    text = _fabfile("@task", "def init():", "    put('uploads/mongodb', '/etc/init.d/mongodb', use_sudo=True)")
    assert codes_at({"fabfile.py": text}, SUDO) == [5]


def test_b_put_with_use_sudo_given_its_paths_by_keyword() -> None:
    text = _fabfile("def init():", "    put(local_path='a.conf', remote_path='/etc/a.conf', use_sudo=True)")
    assert codes_at({"fabfile.py": text}, SUDO) == [4]


def test_b_put_without_use_sudo_is_no_escalation() -> None:
    text = _fabfile("@task", "def init():", "    put('uploads/app.conf', '/home/deploy/app.conf')")
    assert codes_at({"fabfile.py": text}, SUDO) == []


def test_b_put_with_use_sudo_false_is_no_escalation() -> None:
    text = _fabfile("def init():", "    put('uploads/app.conf', '/tmp/app.conf', use_sudo=False)")
    assert codes_at({"fabfile.py": text}, SUDO) == []
