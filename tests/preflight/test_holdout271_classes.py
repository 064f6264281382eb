"""Classes the two-hundred-and-seventy-first hold-out set showed (tests/preflight/holdout271: update, setup and deploy
programs in Go, JavaScript, TypeScript, Python and PHP), each as its minimal construct next to near-misses that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
DOWNLOAD = "preflight.unverified_download_exec"
EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
PRINTED = "preflight.secret_printed"


def _go(*body: str, path: str = "internal/sysutil/ops.go") -> dict[str, str]:
    head = ("package sysutil", 'import "os"', 'import "os/exec"')  # lines 1-3
    return {path: "\n".join((*head, *body)) + "\n"}


# -- A: a Go library package that replaces the product's binary in /usr/local/bin or edits a file under /etc -------

_SELF_UPDATE = (
    'const binaryPath = "/usr/local/bin/tool"',  # 4
    "func SelfUpdate() {",  # 5
    '\tos.Rename("/tmp/tool-new", binaryPath)',  # 6
    '\texec.Command("systemctl", "restart", "tool.service").Run()',  # 7
    "}",
)


def test_a_a_rename_onto_a_system_bin_path_makes_a_library_file_an_update_step() -> None:
    assert codes_at(_go(*_SELF_UPDATE), PRIVILEGE) == [6, 7]


def _edit(read: str) -> dict[str, str]:
    body = (
        "func ChangePort(port string) error {",  # 4
        f'\tconf, err := os.ReadFile("{read}")',  # 5
        "\tif err != nil {",
        "\t\treturn err",
        "\t}",
        '\tif err := os.WriteFile("/etc/ssh/sshd_config", conf, 0644); err != nil {',  # 9
        "\t\treturn err",
        "\t}",
        '\treturn exec.Command("systemctl", "restart", "ssh").Run()',  # 12
        "}",
    )
    return _go(*body)


def test_a_a_file_under_etc_read_and_written_back_makes_it_a_setup_step() -> None:
    assert codes_at(_edit("/etc/ssh/sshd_config"), PRIVILEGE) == [9, 12]


def test_a_a_library_writing_an_etc_file_it_does_not_read_is_no_installer() -> None:
    # the program that calls it is the step (test_program_source_classes' library near-miss)
    assert codes_at(_edit("/opt/tool/template.conf"), PRIVILEGE) == []


def test_a_a_rename_inside_the_products_own_tree_does_not() -> None:
    body = (
        "func Rotate() {",
        '\tos.Rename("/opt/tool/data.db", "/opt/tool/data.db.old")',
        '\texec.Command("systemctl", "restart", "tool.service").Run()',
        "}",
    )
    assert codes_at(_go(*body), PRIVILEGE) == []


def test_a_a_file_that_only_reads_etc_does_not() -> None:
    body = (
        "func Port() ([]byte, error) {",
        '\texec.Command("systemctl", "status", "ssh").Run()',
        '\treturn os.ReadFile("/etc/ssh/sshd_config")',
        "}",
    )
    assert codes_at(_go(*body), PRIVILEGE) == []


# -- A (download half): a function that runs curl -o into its parameter saves the download at each call's path ------

_DOWNLOADER = (
    'const binaryPath = "/usr/local/bin/tool"',  # 4
    'const tmpPath = "/tmp/tool-new"',  # 5
    "func SelfUpdate(url string) {",  # 6
    "\tif err := downloadFile(tmpPath, url); err != nil {",  # 7
    "\t\treturn",
    "\t}",
    "\tos.Rename(tmpPath, binaryPath)",  # 10
    "}",
    "func downloadFile(filepath string, url string) error {",  # 12
    '\treturn exec.Command("curl", "-f", "-L", "-o", filepath, url).Run()',  # 13
    "}",
)


def test_a_curl_into_a_wrapper_parameter_then_renamed_into_bin_is_an_unverified_download() -> None:
    assert codes_at(_go(*_DOWNLOADER), DOWNLOAD) == [10]


def test_a_the_same_wrapper_saving_elsewhere_than_the_renamed_path_is_not() -> None:
    body = tuple(line.replace("downloadFile(tmpPath, url)", 'downloadFile("/tmp/other", url)') for line in _DOWNLOADER)
    assert codes_at(_go(*body), DOWNLOAD) == []


def test_a_a_wrapper_whose_output_is_not_its_parameter_is_not_read_as_saving_there() -> None:
    body = tuple(line.replace("filepath, url).Run()", '"/tmp/fixed", url).Run()') for line in _DOWNLOADER)
    assert codes_at(_go(*body), DOWNLOAD) == []


# -- A (formatted half): a path a function formats with fmt.Sprintf from a literal it binds is known ---------------


def _backup(template: str, first: str) -> dict[str, str]:
    body = (
        "func ChangePort() error {",  # 4
        '\tconst configPath = "/etc/ssh/sshd_config"',  # 5
        "\tconf, _ := os.ReadFile(configPath)",  # 6
        f'\tbackupPath := fmt.Sprintf("{template}", {first}, 7)',  # 7
        "\tif err := os.WriteFile(backupPath, conf, 0644); err != nil {",  # 8
        "\t\treturn err",
        "\t}",
        "\treturn os.WriteFile(configPath, conf, 0644)",  # 11
        "}",
    )
    return _go(*body)


def test_a_a_backup_path_formatted_from_a_bound_etc_path_is_a_write_under_etc() -> None:
    assert codes_at(_backup("%s.bak.%d", "configPath"), PRIVILEGE) == [8, 11]


def test_a_a_format_of_an_unknown_directory_is_not_known() -> None:
    assert codes_at(_backup("%s.bak.%d", "dir"), PRIVILEGE) == [11]


def test_a_a_relative_formatted_path_is_not_under_etc() -> None:
    assert codes_at(_backup("backups/%s.%d", "configPath"), PRIVILEGE) == [11]


# -- B: a Python module that pulls the product's checkout and pip-installs it is an update step, whatever its name --

_EXECUTOR = "src/app/server/auto_update/deployment_executor.py"


def _py(*body: str) -> dict[str, str]:
    head = ("import subprocess", "", "", "class DeploymentExecutor:")  # lines 1-4
    return {_EXECUTOR: "\n".join((*head, *body)) + "\n"}


_PULL = ("    def git_pull(self):", '        subprocess.run(["git", "pull", "origin", "master"], cwd=self.repo)')  # 5-6
_PIP = '["python3", "-m", "pip", "install", "-e", "."]'
_INSTALL = ("    def pip_install(self):", f"        subprocess.run({_PIP}, cwd=self.repo)")  # 7-8
_RESTART = ("    def restart(self):", '        subprocess.run(["sudo", "systemctl", "restart", "app"])')  # 9-10


def test_b_a_module_pulling_and_pip_installing_its_checkout_is_read() -> None:
    files = _py(*_PULL, *_INSTALL, *_RESTART)
    assert codes_at(files, EGRESS) == [6, 8]
    assert codes_at(files, DOWNLOAD) == [8]
    assert codes_at(files, SUDO) == [10]


def test_b_a_module_that_only_pulls_is_not() -> None:
    assert codes_at(_py(*_PULL, *_RESTART), SUDO) == []


def test_b_a_module_that_only_pip_installs_is_not() -> None:
    assert codes_at(_py(*_INSTALL, *_RESTART), SUDO) == []


# -- E: a name bound to a mark (a glyph, or a colouring call on one) is no secret, whatever it is called -------------

_SETUP = "setup/configure-systemd.ts"


def _ts(binding: str) -> dict[str, str]:
    lines = (
        'import { execSync } from "child_process";',
        "const green = (s: string) => `\\x1b[32m${s}\\x1b[0m`;",
        binding,  # 3
        "if (process.getuid?.() !== 0) process.exit(1);",
        'execSync("systemctl daemon-reload");',
        "console.log(`  ${PASS} Written`);",  # 6
    )
    return {_SETUP: "\n".join(lines) + "\n"}


def test_e_a_glyph_through_a_colouring_helper_is_no_secret() -> None:
    assert codes_at(_ts('const PASS = green("✓");'), PRINTED) == []


def test_e_a_bare_glyph_is_no_secret() -> None:
    assert codes_at(_ts('const PASS = "✓";'), PRINTED) == []


def test_e_a_value_with_letters_or_digits_is_still_a_secret() -> None:
    assert codes_at(_ts('const PASS = "hunter22";'), PRINTED) == [6]


def test_e_a_value_looked_up_by_a_call_is_still_a_secret() -> None:
    assert codes_at(_ts('const PASS = readSecret("db");'), PRINTED) == [6]
