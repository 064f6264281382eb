"""Classes the two-hundred-and-sixty-second hold-out set showed (tests/preflight/holdout262: install, update and deploy
programs in Rust, TypeScript, PHP and Perl), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

PRIVILEGE = "preflight.implicit_privilege"
DISABLED = "preflight.service_disabled"


def _ts(*body: str, path: str = "src/utils/server.ts") -> dict[str, str]:
    head = ("import { execSync } from '.'", "")  # the package's own wrapper, as trojan-go-cmd's
    return {path: "\n".join((*head, *body)) + "\n"}


# -- A: a TypeScript library that copies a unit into /etc/systemd/system through a command string is an installer ----

_INSTALL = (
    "export async function installServer() {",  # 3
    "  await execSync(`cp /tmp/${NAME}/server.service /etc/systemd/system/`)",  # 4
    "  await execSync(`systemctl enable server`)",  # 5
    "}",
)


def test_a_a_unit_copied_by_a_command_string_makes_the_file_an_installer() -> None:
    assert codes_at(_ts(*_INSTALL), PRIVILEGE) == [4, 5]


def test_a_the_same_copy_printed_as_advice_does_not() -> None:
    body = ("export function help() {", "  console.log(`cp server.service /etc/systemd/system/`)", "}")
    assert codes_at(_ts(*body, "execSync(`systemctl enable server`)"), PRIVILEGE) == []


def test_a_a_copy_into_a_users_unit_directory_does_not() -> None:
    body = ("export async function install() {", "  await execSync(`cp x.service ~/.config/systemd/user/`)", "}")
    assert codes_at(_ts(*body, "execSync(`systemctl enable server`)"), PRIVILEGE) == []


# -- B: a root check returned by a helper of the file and tested by an early return ----------------------------------

_POSTINSTALL = "scripts/postinstall.ts"


def _helper(returned: str, guard: str) -> dict[str, str]:
    lines = (
        'import { execSync } from "node:child_process";',
        "function isGlobalInstallRoot(): boolean {",
        "  const uid = typeof process.getuid === 'function' ? process.getuid() : -1;",
        f"  return {returned};",
        "}",
        "function main(): void {",
        f"  {guard}",
        '  execSync("systemctl daemon-reload");',  # 8
        "}",
        "main();",
    )
    return {_POSTINSTALL: "\n".join(lines) + "\n"}


def test_b_a_helper_returning_uid_zero_then_an_early_return_is_a_root_check() -> None:
    checked = _helper('process.env.npm_config_global === "true" && uid === 0', "if (!isGlobalInstallRoot()) return;")
    assert codes_at(checked, PRIVILEGE) == []


def test_b_an_early_exit_after_a_message_and_an_or_are_root_checks_too() -> None:
    guard = "if (process.platform !== 'linux' || !isGlobalInstallRoot()) { console.log('skip'); process.exit(0); }"
    assert codes_at(_helper("uid === 0", guard), PRIVILEGE) == []


def test_b_a_helper_that_tests_no_uid_is_no_root_check() -> None:
    guard = "if (!isGlobalInstallRoot()) return;"
    assert codes_at(_helper('process.env.npm_config_global === "true"', guard), PRIVILEGE) == [8]


def test_b_a_root_test_whose_result_is_not_acted_on_is_no_root_check() -> None:
    assert codes_at(_helper("uid === 0", "isGlobalInstallRoot();"), PRIVILEGE) == [8]


def test_b_an_early_return_when_root_is_no_root_check() -> None:
    assert codes_at(_helper("uid === 0", "if (isGlobalInstallRoot()) return;"), PRIVILEGE) == [8]


# -- C: a command chosen by a conditional whose two branches are written out --------------------------------------


def test_c_both_branches_of_a_conditional_command_are_read() -> None:
    line = "  await execSync(bt ? '/etc/init.d/nginx start' : 'systemctl start nginx')"  # 8
    start = "export async function startNginx(bt: boolean) {"
    assert codes_at(_ts(*_INSTALL, start, line, "}"), PRIVILEGE) == [4, 5, 8]


def test_c_a_conditional_of_harmless_commands_stays_quiet() -> None:
    line = "  await execSync(bt ? 'echo local' : 'echo remote')"
    assert codes_at(_ts(*_INSTALL, "export async function say(bt: boolean) {", line, "}"), PRIVILEGE) == [4, 5]


# -- D: paths held by an object literal's members -------------------------------------------------------------------


def test_d_an_absolute_path_member_names_the_directory_a_command_makes() -> None:
    paths = ("export const serverPath = {", "  root: '/etc/server',", "  zipFile: 'server'", "}")
    body = ("export async function configure() {", "  await execSync(`mkdir -p ${serverPath.root}`)", "}")  # 12
    assert codes_at(_ts(*paths, *_INSTALL, *body), PRIVILEGE) == [8, 9, 12]


def test_d_a_relative_member_stays_a_folder_of_the_run() -> None:
    paths = ("export const serverPath = {", "  root: 'build/server'", "}")
    body = ("export async function configure() {", "  await execSync(`mkdir -p ${serverPath.root}`)", "}")
    assert codes_at(_ts(*paths, *_INSTALL, *body), PRIVILEGE) == [7, 8]


# -- E: a Rust runner that takes its arguments as a slice parameter ------------------------------------------------

_RUST = "agent-updater/src/main.rs"


def _rust(*calls: str) -> dict[str, str]:
    lines = (
        "use std::process::Command;",
        'const UNIT: &str = "/etc/systemd/system/agent.service";',
        "fn main() {",
        *calls,
        "}",
        "fn run_systemctl(arguments: &[&str]) {",
        '    let _ = Command::new("systemctl").args(arguments).status();',
        "}",
    )
    return {_RUST: "\n".join(lines) + "\n"}


def test_e_each_call_of_a_slice_runner_is_its_command() -> None:
    calls = ('    run_systemctl(&["daemon-reload"]);', '    run_systemctl(&["restart", "agent.service"]);')
    assert codes_at(_rust(*calls), PRIVILEGE) == [4, 5]


def test_e_a_query_through_the_runner_stays_quiet() -> None:
    assert codes_at(_rust('    run_systemctl(&["is-active", "agent.service"]);'), PRIVILEGE) == []


def test_e_a_user_units_disable_through_the_runner_is_no_service_disabled() -> None:
    calls = ('    run_systemctl(&["--user", "disable", "--now", "agent.service"]);',)
    assert codes_at(_rust(*calls), DISABLED) == []
    assert in_script(DISABLED, "systemctl disable --now agent.service") == [3]


# -- F: read-only queries of firewall and host tools ----------------------------------------------------------------


def test_f_listing_the_firewall_or_showing_the_host_changes_nothing() -> None:
    queries = (
        "iptables -nL | nl | grep FORWARD",
        "iptables -S | grep -qv MANAGED",
        "ip6tables -t nat --list-rules",
        "ufw status | grep -i inactive",
        "firewall-cmd --permanent --list-all",
        "hostnamectl | grep -i openvz",
        "timedatectl status",
        "nft list ruleset",
    )
    assert in_script(PRIVILEGE, *queries) == []


def test_f_changing_them_is_still_root_only() -> None:
    changes = (
        "iptables -I INPUT -p tcp --dport 80 -j ACCEPT",
        "iptables -nL -Z",
        "ufw allow 443/tcp",
        "firewall-cmd --permanent --add-port=443/tcp",
        "hostnamectl set-hostname node1",
        "nft flush ruleset",
    )
    assert in_script(PRIVILEGE, *changes) == [3, 4, 5, 6, 7, 8]


# -- G: the boot loader's default entry ------------------------------------------------------------------------------


def test_g_setting_the_default_boot_entry_is_root_only() -> None:
    assert in_script(PRIVILEGE, "grub2-set-default 0", "grub-reboot 1") == [3, 4]


def test_g_under_sudo_it_is_escalated() -> None:
    assert in_script(PRIVILEGE, "sudo grub2-set-default 0") == []
