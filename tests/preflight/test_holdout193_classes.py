"""Classes the hundred-and-ninety-third hold-out set showed (tests/preflight/holdout193: install, update and deploy
programs in Python, JavaScript/TypeScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

SUDO = "preflight.sudo_unavailable"
ENDPOINT = "preflight.external_endpoint"


# -- A: Fabric 2's ``Connection("root@HOST")``: the user and host written in the connection's call --------------------


def _fabric2(server: str, *connection: str) -> dict[str, str]:
    lines = (
        "from fabric import task, Connection",  # 1
        "",
        f"server = {server}",  # 3
        "",
        "@task",
        "def update_config(c):",
        f"    conn = Connection({', '.join(connection) or 'host=server'})",  # 7
        "    conn.sudo('supervisorctl reread')",  # 8
        "    conn.run('apt-get install -y supervisor')",  # 9
    )
    return {"deploy/fabfile.py": "\n".join(lines) + "\n"}


def test_a_a_root_connection_gains_nothing_by_sudo_and_contacts_its_host() -> None:
    files = _fabric2('"root@49.13.174.94"')
    assert codes_at(files, SUDO) == []
    assert codes_at(files, "preflight.implicit_privilege") == []
    assert codes_at(files, ENDPOINT) == [3]


def test_a_a_user_keyword_of_root_is_a_root_connection() -> None:
    files = _fabric2('"deploy.example.org"', "server", 'user="root"')
    assert codes_at(files, SUDO) == []
    assert codes_at(files, ENDPOINT) == [3]


def test_a_another_account_or_no_user_written_stays_an_escalation() -> None:
    for server, connection in (('"deploy@49.13.174.94"', ()), ('"49.13.174.94"', ()), ('"h"', ("server", "user=me"))):
        files = _fabric2(server, *connection)
        assert codes_at(files, SUDO) == [8], server


def test_a_private_and_run_time_hosts_stay_quiet() -> None:
    assert codes_at(_fabric2('"root@10.0.0.5"'), ENDPOINT) == []
    assert codes_at(_fabric2('os.environ["HOST"]'), ENDPOINT) == []
    assert codes_at(_fabric2('"root@mydomain.com"'), ENDPOINT) == []


# -- C: Ruby's ``system(ENV, "command line")``: a local holding a hash literal is the command's environment ----------

MIGRATION = "preflight.hidden_migration"


def _ruby(*lines: str) -> dict[str, str]:
    return {"install.rb": "\n".join(("require 'fileutils'", "", *lines)) + "\n"}  # 1, 2


def test_c_an_environment_hash_local_handed_first_is_no_word() -> None:
    files = _ruby(
        'production = { "RAILS_ENV" => "production" }',  # 3
        'system(production, "bundle exec rake db:migrate", out: $stdout, err: :out)',  # 4
        'system({ "RAILS_ENV" => "production" }, "bundle exec rake db:migrate")',  # 5
    )
    assert codes_at(files, MIGRATION) == [4, 5]


def test_c_a_local_holding_anything_else_stays_an_unknown_word() -> None:
    for value in ("ENV.to_h", '"production"'):
        files = _ruby(f"production = {value}", 'system(production, "bundle exec rake db:migrate")')
        assert codes_at(files, MIGRATION) == [], value
    files = _ruby('env = {}', 'env = ENV.to_h', 'system(env, "bundle exec rake db:migrate")')
    assert codes_at(files, MIGRATION) == []


# -- B: a Go self-updater that replaces the executable in a function it hands the executable to -------------------


def _updater(*body: str) -> dict[str, str]:
    head = (
        "package selfupdate",  # 1
        "",
        'import ("os"; "os/exec")',  # 3
        "",
        "var renameFn = os.Rename",  # 5
        "",
        "func Update(newPath string) error {",  # 7
        "\texe, err := os.Executable()",  # 8
        "\tif err != nil {",
        "\t\treturn err",
        "\t}",
        "\treturn replace(exe, newPath)",  # 12
        "}",
        "",
    )
    return {"pkg/selfupdate/selfupdate.go": "\n".join((*head, *body)) + "\n"}


def test_b_a_rename_or_sudo_mv_over_the_handed_executable_makes_a_self_updater() -> None:
    renamed = _updater(
        "func replace(oldPath, newPath string) error {",  # 15
        "\tif err := move(oldPath, newPath); err != nil {",
        '\t\treturn exec.Command("sudo", "cp", newPath, "/tmp/kk").Run()',  # 17
        "\t}",
        "\treturn nil",
        "}",
        "",
        "func move(dst, src string) error {",  # 22
        "\treturn renameFn(src, dst)",
        "}",
    )
    assert codes_at(renamed, SUDO) == [17]
    moved = _updater(
        "func replace(oldPath, newPath string) error {",  # 15
        '\treturn exec.Command("sudo", "mv", newPath, oldPath).Run()',  # 16
        "}",
    )
    assert codes_at(moved, SUDO) == [16]


def test_b_an_executable_handed_on_but_not_replaced_is_no_self_updater() -> None:
    backup = _updater(
        "func replace(oldPath, newPath string) error {",
        "\tif err := renameFn(oldPath, newPath); err != nil {",  # the executable moved away, not over
        '\t\treturn exec.Command("sudo", "mv", oldPath, newPath).Run()',
        "\t}",
        "\treturn nil",
        "}",
    )
    assert codes_at(backup, SUDO) == []
    shown = _updater(
        "func replace(oldPath, newPath string) error {",
        '\treturn exec.Command("sudo", "mv", newPath, "/usr/local/bin/kk").Run()',  # another path
        "}",
    )
    assert codes_at(shown, SUDO) == []


# -- E: ``-m pip`` after the interpreter's own switches (a JavaScript spread of them, ``python3 -I``) --------------

EGRESS = "preflight.implicit_egress"


def test_e_pip_module_after_the_interpreters_switches_reaches_pypi() -> None:
    js = (
        'const { spawnSync } = require("node:child_process");',  # 1
        'const { findPython } = require("./find-python");',
        "const python = findPython();",
        'const args = [...python.args, "-m", "pip", "install", "--user", "--quiet", __dirname];',  # 4
        'spawnSync(python.cmd, args, { stdio: "inherit" });',  # 5
    )
    assert codes_at({"scripts/postinstall.js": "\n".join(js) + "\n"}, EGRESS) == [5]
    shell = "#!/bin/sh\npython3 -I -u -m pip install requests\n"
    assert codes_at({"install.sh": shell}, EGRESS) == [2]


def test_e_a_script_or_another_program_before_m_pip_is_no_pip() -> None:
    for line in ('python3 tools/run.py -m pip install requests', 'node "$NODE_OPTS" -m pip install requests'):
        assert codes_at({"install.sh": f"#!/bin/sh\n{line}\n"}, EGRESS) == [], line


# -- F: ``S.split(SEP)[N]`` of a string the file binds is that part --------------------------------------------------


def _ssh(server: str, part: str) -> dict[str, str]:
    lines = (
        "import subprocess",  # 1
        "",
        f"server = {server}",  # 3
        "",
        "def main():",
        f"    subprocess.call(['ssh', server.{part}, 'sudo apt-get update'])",  # 6
        "",
        "if __name__ == '__main__':",
        "    main()",
    )
    return {"scripts/deploy.py": "\n".join(lines) + "\n"}


def test_f_a_part_of_a_bound_literal_names_the_host_contacted() -> None:
    assert codes_at(_ssh('"root@49.13.174.94"', "split(':')[0]"), ENDPOINT) == [6]
    assert codes_at(_ssh('"deploy,49.13.174.94"', "rsplit(',')[-1]"), ENDPOINT) == [6]


def test_f_an_index_past_the_parts_a_run_time_value_or_a_private_host_stays_quiet() -> None:
    assert codes_at(_ssh('"root@49.13.174.94"', "split(':')[3]"), ENDPOINT) == []
    assert codes_at(_ssh("input()", "split(':')[0]"), ENDPOINT) == []
    assert codes_at(_ssh('"root@10.0.0.5"', "split(':')[0]"), ENDPOINT) == []
