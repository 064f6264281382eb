"""The directory a program's commands run in (Python ``cwd=``/``os.chdir``, Node ``{ cwd }``, Go ``cmd.Dir``, Ruby
``Dir.chdir``): written as the shell's ``cd``, so a build or install run in a checkout the program cloned is the
checkout's code run (``unverified_download_exec``). Each construct next to a near-miss that runs the same command in
another directory, which must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
_CLONE_URL = "https://github.com/example/app.git"


# -- A: Python ``subprocess.…(…, cwd=DIR)`` ------------------------------------------------------------------------


def _python_cwd(where: str) -> str:
    return (
        "#!/usr/bin/env python3\n"
        "import subprocess\n"
        "\n"
        "def main():\n"
        f'    subprocess.check_call(["git", "clone", "{_CLONE_URL}", "/opt/app"])\n'
        f'    subprocess.check_call(["make", "install"], cwd="{where}")\n'
        "\n"
        'if __name__ == "__main__":\n'
        "    main()\n"
    )


def test_a_python_command_run_in_the_checkout_it_cloned_is_read_there() -> None:
    assert codes_at({"scripts/install.py": _python_cwd("/opt/app")}, UNVERIFIED) == [6]


def test_a_near_miss_a_python_command_run_in_another_directory_stays_quiet() -> None:
    assert codes_at({"scripts/install.py": _python_cwd("/opt/other")}, UNVERIFIED) == []


def test_a_near_miss_a_python_command_in_a_directory_not_known_stays_quiet() -> None:
    text = _python_cwd("/opt/app").replace('cwd="/opt/app"', "cwd=find_dir()")
    assert codes_at({"scripts/install.py": text}, UNVERIFIED) == []


# -- B: Python ``os.chdir(DIR)``: the process's directory for the commands after it ---------------------------------


def _python_chdir(where: str) -> str:
    return (
        "#!/usr/bin/env python3\n"
        "import os, subprocess\n"
        'APP = "/opt/app"\n'
        "\n"
        "def main():\n"
        f'    subprocess.check_call(["git", "clone", "{_CLONE_URL}", APP])\n'
        f"    os.chdir({where})\n"
        '    subprocess.check_call(["make", "install"])\n'
        "\n"
        'if __name__ == "__main__":\n'
        "    main()\n"
    )


def test_b_a_python_chdir_into_the_checkout_holds_for_the_commands_after_it() -> None:
    assert codes_at({"scripts/install.py": _python_chdir("APP")}, UNVERIFIED) == [8]


def test_b_near_miss_a_python_chdir_elsewhere_stays_quiet() -> None:
    assert codes_at({"scripts/install.py": _python_chdir('"/srv"')}, UNVERIFIED) == []


# -- C: Node ``execSync(cmd, { cwd: DIR })`` ------------------------------------------------------------------------


def _node_cwd(where: str) -> str:
    return (
        "const { execSync } = require('child_process');\n"
        f"const dir = '{where}';\n"
        f"execSync('git clone {_CLONE_URL} /opt/app');\n"
        "execSync('make install', { cwd: dir, stdio: 'inherit' });\n"
    )


def test_c_a_node_command_given_the_checkout_as_cwd_is_read_there() -> None:
    assert codes_at({"scripts/install.js": _node_cwd("/opt/app")}, UNVERIFIED) == [4]


def test_c_near_miss_a_node_command_given_another_cwd_stays_quiet() -> None:
    assert codes_at({"scripts/install.js": _node_cwd("/opt/other")}, UNVERIFIED) == []


def test_c_a_spawn_with_a_cwd_pair_is_read_there() -> None:
    text = (
        "const cp = require('child_process');\n"
        f"cp.execSync('git clone {_CLONE_URL} /opt/app');\n"
        "cp.spawnSync('make', ['install'], { 'cwd': '/opt/app' });\n"
    )
    assert codes_at({"scripts/install.js": text}, UNVERIFIED) == [3]


# -- D: Go ``cmd.Dir = DIR`` before ``cmd.Run()`` ----------------------------------------------------------------


def _go_dir(where: str) -> str:
    return (
        "package main\n"
        "\n"
        'import "os/exec"\n'
        "\n"
        "func main() {\n"
        f'\tclone := exec.Command("git", "clone", "{_CLONE_URL}", "/opt/app")\n'
        "\tclone.Run()\n"
        '\tbuild := exec.Command("make", "install")\n'
        f'\tbuild.Dir = "{where}"\n'
        "\tbuild.Run()\n"
        "}\n"
    )


def test_d_a_go_command_whose_dir_is_the_checkout_is_read_there() -> None:
    assert codes_at({"cmd/install/main.go": _go_dir("/opt/app")}, UNVERIFIED) == [8]


def test_d_near_miss_a_go_command_whose_dir_is_another_stays_quiet() -> None:
    assert codes_at({"cmd/install/main.go": _go_dir("/opt/other")}, UNVERIFIED) == []


def test_d_near_miss_the_dir_of_a_command_of_another_function_is_not_this_ones() -> None:
    text = _go_dir("/opt/app").replace('\tbuild.Dir = "/opt/app"\n', "") + (
        '\nfunc other() {\n\tbuild := exec.Command("true")\n\tbuild.Dir = "/opt/app"\n}\n'
    )
    assert codes_at({"cmd/install/main.go": text}, UNVERIFIED) == []


# -- E: Ruby ``Dir.chdir(DIR) do … end``: a subshell that starts in DIR; ``Dir.chdir DIR`` alone: the rest -----------


def _ruby_chdir(block: str) -> str:
    return f'#!/usr/bin/env ruby\nAPP = "/opt/app".freeze\nsystem "git", "clone", "{_CLONE_URL}", APP\n{block}'


def test_e_a_ruby_chdir_block_into_the_checkout_runs_its_commands_there() -> None:
    text = _ruby_chdir('Dir.chdir APP do\n  system "make", "install"\nend\n')
    assert codes_at({"install.rb": text}, UNVERIFIED) == [5]


def test_e_near_miss_a_ruby_chdir_block_elsewhere_stays_quiet() -> None:
    text = _ruby_chdir('Dir.chdir "/opt/other" do\n  system "make", "install"\nend\n')
    assert codes_at({"install.rb": text}, UNVERIFIED) == []


def test_e_near_miss_a_command_after_the_block_runs_where_the_script_was() -> None:
    text = _ruby_chdir('Dir.chdir(APP) { system "true" }\nsystem "make", "install"\n')
    assert codes_at({"install.rb": text}, UNVERIFIED) == []


def test_e_a_ruby_chdir_without_a_block_holds_for_the_rest() -> None:
    text = _ruby_chdir('Dir.chdir APP\nsystem "make", "install"\n')
    assert codes_at({"install.rb": text}, UNVERIFIED) == [5]


# -- F: a string run as shell inside a subshell runs after the subshell's ``cd`` (``( cd DIR; bash -c '…' )``) ------


def _subshell(inner: str) -> str:
    return f"#!/bin/sh\n( cd /usr/local/app\n{inner}\n)\n"


def test_f_a_string_run_by_bash_in_a_subshell_unpacks_into_the_subshells_directory() -> None:
    text = _subshell("bash -o pipefail -c 'curl -fsSL https://example.com/app/tarball/main | tar xz --strip 1'")
    assert codes_at({"install.sh": text}, UNVERIFIED) == [3]


def test_f_near_miss_after_the_subshell_the_directory_is_the_scripts_again() -> None:
    text = _subshell("true") + "bash -c 'curl -fsSL https://example.com/app/tarball/main | tar xz --strip 1'\n"
    assert codes_at({"install.sh": text}, UNVERIFIED) == []


# -- G: a directory an escalated chown gave the invoking user is written without root by design -------------------

PRIVILEGE = "preflight.implicit_privilege"


def _handover(owner: str, operand: str = "/usr/local/app") -> str:
    return (
        "#!/bin/sh\n"
        "sudo mkdir -p /usr/local/app\n"
        f"sudo chown {owner} {operand}\n"
        "cd /usr/local/app\n"
        "tar xzf /tmp/app.tgz\n"
    )


def test_g_a_write_under_a_directory_handed_to_the_user_needs_no_root() -> None:
    assert codes_at({"install.sh": _handover('"$USER"')}, PRIVILEGE) == []


def test_g_a_handover_of_directories_not_known_covers_the_writes_after_it() -> None:
    assert codes_at({"install.sh": _handover('"$USER"', '"$@"')}, PRIVILEGE) == []


def test_g_near_miss_a_directory_given_to_another_account_still_needs_root() -> None:
    assert codes_at({"install.sh": _handover("www-data")}, PRIVILEGE) == [5]


def test_g_near_miss_a_handover_of_another_directory_leaves_this_one_root_s() -> None:
    assert codes_at({"install.sh": _handover('"$USER"', "/usr/local/other")}, PRIVILEGE) == [5]


# -- H: a subshell's ``cd`` ends with the subshell for the privilege reader too (Ruby's ``Dir.chdir`` blocks) ---------


def test_h_an_extraction_inside_the_subshell_is_in_its_directory() -> None:
    text = "#!/bin/sh\n( cd /usr/local/app\ntar xzf /tmp/app.tgz\n)\n"
    assert codes_at({"install.sh": text}, PRIVILEGE) == [3]


def test_h_near_miss_an_extraction_after_the_subshell_is_where_the_script_was() -> None:
    text = "#!/bin/sh\n( cd /usr/local/app\ntrue\n)\ntar xzf /tmp/app.tgz\n"
    assert codes_at({"install.sh": text}, PRIVILEGE) == []


# -- I: a Python runner of the file that hands one of its parameters to its call as ``cwd=`` ------------------------


def _python_runner(call: str) -> str:
    return (
        "#!/usr/bin/env python3\n"
        "import subprocess\n"
        'APP = "/opt/app"\n'
        "\n"
        "def run(args, cwd=None):\n"
        "    return subprocess.check_call(args, cwd=cwd)\n"
        "\n"
        "def main():\n"
        f'    run(["git", "clone", "{_CLONE_URL}", APP])\n'
        f"    {call}\n"
        "\n"
        'if __name__ == "__main__":\n'
        "    main()\n"
    )


def test_i_a_runner_given_the_checkout_as_its_directory_runs_there() -> None:
    assert codes_at({"scripts/install.py": _python_runner('run(["make", "install"], APP)')}, UNVERIFIED) == [10]


def test_i_near_miss_a_runner_given_another_directory_stays_quiet() -> None:
    text = _python_runner('run(["make", "install"], cwd="/srv")')
    assert codes_at({"scripts/install.py": text}, UNVERIFIED) == []


def test_i_near_miss_a_runner_given_no_directory_runs_where_the_script_is() -> None:
    assert codes_at({"scripts/install.py": _python_runner('run(["make", "install"])')}, UNVERIFIED) == []
