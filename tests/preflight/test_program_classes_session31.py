"""Classes of the programs population (install, update and deploy programs in Go, Ruby, Python and Rust) that the
hold-out guard still missed in session 31, each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"
DISABLED = "preflight.service_disabled"


# -- A: a Go library package, not named for a step, that writes the product's unit (AudeticLinkInstaller) ----------


def _go(path: str, *body: str, package: str = "service") -> dict[str, str]:
    head = (f"package {package}", "", "import (", '\t"os"', '\t"os/exec"', ")", "")
    return {path: "\n".join((*head, *body)) + "\n"}


_UNIT = (
    "func Setup() error {",  # 8
    '\tdst := "/etc/systemd/system/app.service"',  # 9
    '\tif err := os.WriteFile(dst, []byte("[Unit]"), 0644); err != nil {',  # 10
    "\t\treturn err",
    "\t}",
    '\treturn exec.Command("systemctl", "enable", "app.service").Run()',  # 13
    "}",
)


def test_a_a_go_package_not_named_for_a_step_that_writes_a_system_unit_is_read() -> None:
    found = codes_at(_go("internal/service/systemd.go", *_UNIT), PRIVILEGE)
    assert 10 in found and 13 in found


def test_a_a_user_unit_or_a_unit_path_only_printed_stays_unread() -> None:
    user = tuple(line.replace("/etc/systemd/system/", "/home/app/.config/systemd/user/") for line in _UNIT)
    assert codes_at(_go("internal/service/systemd.go", *user), PRIVILEGE) == []
    printed = (
        "func Show() {",
        '\tprintln("/etc/systemd/system/app.service")',
        '\texec.Command("systemctl", "restart", "app").Run()',
        "}",
    )
    assert codes_at(_go("internal/service/systemd.go", *printed), PRIVILEGE) == []


def test_a_a_chown_of_values_the_package_does_not_spell_is_not_judged() -> None:
    chown = (
        "func Own(dir, user string) error {",  # 15
        '\treturn exec.Command("chown", "-R", user+":", dir).Run()',  # 16
        "}",
        "func OwnLogs() error {",  # 18
        '\treturn exec.Command("chown", "-R", "app:app", "/var/log/app").Run()',  # 19
        "}",
    )
    found = codes_at(_go("internal/service/systemd.go", *_UNIT, *chown), PRIVILEGE)
    assert 16 not in found and 19 in found


# -- B: a Ruby command helper from a required file of the repository (ubicloud's ``r "…"``) ------------------------


def _ruby(*body: str, head: str = 'require_relative "../common/lib/util"') -> dict[str, str]:
    return {"rhizome/host/lib/server_setup.rb": "\n".join((head, "", *body)) + "\n"}


_SERVICE = (
    "class ServerSetup",  # 3
    "  def service_file_path",  # 4
    '    "/etc/systemd/system/#{@name}-endpoint.service"',  # 5
    "  end",
    "",
    "  def enable",  # 8
    '    r "systemctl enable --now endpoint"',  # 9
    '    r "sudo chown app:app /opt/endpoint"',  # 10
    "  end",
    "",
    "  def remove",  # 13
    "    FileUtils.rm_f(service_file_path)",  # 14
    "  end",
    "end",
)


def test_b_a_bare_runner_of_a_required_helper_file_runs_its_line() -> None:
    files = _ruby(*_SERVICE)
    assert 9 in codes_at(files, PRIVILEGE)
    assert codes_at(files, SUDO) == [10]


def test_b_without_a_required_file_or_with_its_own_r_the_call_is_not_a_command() -> None:
    assert codes_at(_ruby(*_SERVICE, head='require "json"'), SUDO) == []
    own = ("def r(text)", "  puts text", "end", *_SERVICE)
    assert codes_at(_ruby(*own), SUDO) == []


# -- C: a path returned by a one-expression method (``FileUtils.rm_f(service_file_path)``) --------------------------


def test_c_a_method_returning_one_string_is_that_path() -> None:
    assert 14 in codes_at(_ruby(*_SERVICE), PRIVILEGE)


def test_c_a_method_with_a_parameter_or_a_path_under_tmp_stays_quiet() -> None:
    with_param = tuple(line.replace("def service_file_path", "def service_file_path(x)") for line in _SERVICE)
    assert 14 not in codes_at(_ruby(*with_param), PRIVILEGE)
    temporary = tuple(line.replace("/etc/systemd/system/", "/tmp/") for line in _SERVICE)
    assert 14 not in codes_at(_ruby(*temporary), PRIVILEGE)


# -- D: a Python program not named for a step whose top-level ``if`` writes a unit (dl-jwtserver) -----------------


_HELPER = (
    "from subprocess import call",  # 1
    "from os.path import isfile",
    "",
    'if input("Create unit? ") == "y":',  # 4
    '    with open("/etc/systemd/system/app.service", "w") as writer:',  # 5
    '        writer.write("[Unit]")',
    '    prefix = ""',
    '    if isfile("/bin/sudo"):',
    '        prefix = "sudo "',  # 9
    '    call(prefix + "systemctl enable app", shell=True)',  # 10
)


def test_d_a_program_that_writes_a_system_unit_is_read_and_its_sudo_prefix_escalates() -> None:
    files = {"systemdhelper.py": "\n".join(_HELPER) + "\n"}
    assert codes_at(files, PRIVILEGE) == [5]
    assert codes_at(files, SUDO) == [10]


def test_d_a_module_of_functions_or_a_user_unit_stays_unread() -> None:
    library = ("def write():", *("    " + line for line in _HELPER[3:]))
    assert codes_at({"systemdhelper.py": "\n".join(library) + "\n"}, PRIVILEGE) == []
    user = tuple(line.replace("/etc/systemd/system/", "/home/app/.config/systemd/user/") for line in _HELPER)
    assert codes_at({"systemdhelper.py": "\n".join(user) + "\n"}, SUDO) == []


# -- E: Rust install programs: ``main.rs`` that installs a unit, ``src/bin/install.rs`` (relay-service, podctl) ------


_RELAY = (
    "use std::{fs, io, process::Command};",  # 1
    "fn main() {",
    '    let mut file = fs::File::create("/etc/systemd/system/relay.service").unwrap();',  # 3
    '    let mut source = fs::File::open("relay.service").unwrap();',
    "    io::copy(&mut source, &mut file).unwrap();",
    '    Command::new("systemctl").arg("start").arg("relay").status().unwrap();',  # 6
    "}",
)


def test_e_a_rust_program_that_installs_a_system_unit_is_read() -> None:
    found = codes_at({"src/main.rs": "\n".join(_RELAY) + "\n"}, PRIVILEGE)
    assert 3 in found and 6 in found


def test_e_a_rust_install_program_runs_sudo() -> None:
    body = (
        "use std::process::Command;",
        "fn remove(pkg: &str) {",
        '    Command::new("sudo")',
        '        .args(["pacman", "-R", pkg])',
        "        .status();",
        "}",
        "fn main() {",
        '    remove("app");',  # 8: the runner's command, written at its call
        "}",
    )
    assert codes_at({"src/bin/install.rs": "\n".join(body) + "\n"}, SUDO) == [8]
    assert codes_at({"src/bin/tray.rs": "\n".join(body) + "\n"}, SUDO) == []


def test_e_a_rust_library_or_a_user_unit_stays_unread() -> None:
    library = tuple(line.replace("fn main()", "pub fn install()") for line in _RELAY)
    assert codes_at({"src/service.rs": "\n".join(library) + "\n"}, PRIVILEGE) == []


# -- F: the script's own unit disabled and its file removed right after (ubicloud's stop_and_remove_service) ---------


def test_f_an_own_unit_disabled_and_removed_is_no_service_switched_off() -> None:
    lines = (
        "cat > /etc/systemd/system/app.service <<EOF",  # 3
        "[Unit]",
        "EOF",
        "systemctl disable --now app",  # 6
        "systemctl daemon-reload",
        "rm -f /etc/systemd/system/app.service",
    )
    assert codes_at({"scripts/upgrade.sh": "#!/bin/sh\nset -e\n" + "\n".join(lines) + "\n"}, DISABLED) == []


def test_f_a_unit_the_script_did_not_write_is_still_switched_off() -> None:
    lines = ("systemctl disable --now oldsftp", "rm -rf /etc/systemd/system/oldsftp.service")  # 3
    assert codes_at({"scripts/upgrade.sh": "#!/bin/sh\nset -e\n" + "\n".join(lines) + "\n"}, DISABLED) == [3]


# -- G: a PHP console command's injected shell service (``$this->shell->exec('… sudo git pull')``) -------------------


def _command(receiver: str) -> dict[str, str]:
    lines = (
        "<?php",
        "",
        "class UpdateCommand extends Command",
        "{",
        "    protected $signature = 'update';",
        "",
        "    public function handle()",
        "    {",
        f"        {receiver}->exec('cd /etc/app && sudo git pull');",  # 9
        "    }",
        "}",
    )
    return {"app/Console/Commands/UpdateCommand.php": "\n".join(lines) + "\n"}


def test_g_a_shell_service_runs_its_command_line() -> None:
    assert codes_at(_command("$this->shell"), SUDO) == [9]
    assert codes_at(_command("$shell"), SUDO) == [9]


def test_g_another_objects_exec_is_not_a_command() -> None:
    assert codes_at(_command("$this->db"), SUDO) == []
    assert codes_at(_command("$this->sshell"), SUDO) == []
