"""``implicit_egress`` classes the hold-out guard showed in session 32, each as its minimal construct next to
near-misses that must stay quiet (docs/preflight.md, ``implicit_egress``)."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"

# -- A: a package manager handed in as a parameter, ``${pmt} install -y nginx`` ---------------------------------------

_TS = (
    "import { execSync } from 'child_process'\n"
    "export async function installNginx(pmt: string) {\n"
    "  if (pmt === 'yum') {\n"
    "    await execSync(`${pmt} install -y epel-release`)\n"
    "  }\n"
    "  await execSync(`${pmt} install -y nginx`)\n"
    "}\n"
)


def test_a_a_parameter_program_installing_with_yes_is_the_package_managers_install() -> None:
    # trojan-go-cmd (hold-out set 262): the caller passes yum or apt-get
    assert codes_at({"scripts/install.ts": _TS}, EGRESS) == [4, 6]


def test_a_the_shell_form_is_read_the_same_way() -> None:
    script = "#!/bin/sh\nsetup() {\n  $pm install -y nginx\n}\nsetup\n"
    assert codes_at({"install.sh": script}, EGRESS) == [3]


def test_a_without_an_answer_yes_switch_the_program_stays_unknown() -> None:
    script = "#!/bin/sh\nsetup() {\n  $tool install nginx\n}\nsetup\n"
    assert codes_at({"install.sh": script}, EGRESS) == []


def test_a_a_local_package_file_fetches_nothing() -> None:
    script = "#!/bin/sh\nsetup() {\n  $pm install -y ./nginx.deb\n}\nsetup\n"
    assert codes_at({"install.sh": script}, EGRESS) == []


def test_a_a_program_the_script_assigns_is_read_as_assigned() -> None:
    script = "#!/bin/sh\nmake_it=make\n$make_it install -y\n"
    assert codes_at({"install.sh": script}, EGRESS) == []


# -- B: a compose ``up`` that puts back what ran before (a restore, a rollback) -------------------------------------


def test_b_an_up_in_a_restore_script_starts_the_kept_stack() -> None:
    # dataCore's restore-docker.sh, IOTstackBackup's iotstack_restore_postgres (hold-out sets 185, 77)
    script = "#!/bin/sh\ndocker compose stop\ntar -xzf backup.tgz -C /srv/data\ndocker compose up -d db\n"
    assert codes_at({"restore-docker.sh": script}, EGRESS) == []


def test_b_an_up_in_a_rollback_function_starts_the_previous_images() -> None:
    # Family-Finances-Service's upgrade.sh (hold-out set 124): rollback() after a failed upgrade
    script = "#!/bin/sh\nrollback() {\n  docker compose up -d app\n}\nrollback\n"
    assert codes_at({"upgrade.sh": script}, EGRESS) == []


def test_b_a_rollback_that_builds_still_fetches_base_images() -> None:
    script = "#!/bin/sh\nrollback() {\n  docker compose up -d --build app\n}\nrollback\n"
    assert codes_at({"upgrade.sh": script}, EGRESS) == [3]


def test_b_a_pull_in_a_restore_script_still_asks_the_registry() -> None:
    assert codes_at({"restore.sh": "#!/bin/sh\ndocker compose pull\n"}, EGRESS) == [2]


def test_b_an_up_in_a_deploy_function_still_fetches_missing_images() -> None:
    script = "#!/bin/sh\ndeploy() {\n  docker compose up -d app\n}\ndeploy\n"
    assert codes_at({"upgrade.sh": script}, EGRESS) == [3]


# -- C: a Go CLI command (a cobra handler) running a command line through a package named for running commands ------


def _go(body: str, imports: str = '"github.com/acme/tool/util/execx"') -> str:
    return (
        "package upgrade\n\nimport (\n\t" + imports + '\n\t"github.com/spf13/cobra"\n)\n\n'
        "func upgrade(_ *cobra.Command, _ []string) error {\n" + body + "\treturn nil\n}\n"
    )


def test_c_a_cobra_upgrade_command_running_go_install_through_execx() -> None:
    # goctls (hold-out set 107): the string at one line, run by execx.Run at the next
    body = '\tcmd := `go install github.com/acme/tool@latest`\n\t_, err := execx.Run(cmd, "")\n\t_ = err\n'
    assert codes_at({"upgrade/upgrade.go": _go(body)}, EGRESS) == [10]


def test_c_a_windows_variant_in_an_if_leaves_the_declared_line() -> None:
    # goctl (hold-out set 133): the line is replaced on Windows only, never on the Linux target
    body = (
        "\tcmd := `go install github.com/acme/tool@latest`\n"
        '\tif runtime.GOOS == "windows" {\n'
        "\t\tcmd = `set GOFLAGS=-mod=mod && go install github.com/acme/tool@latest`\n\t}\n"
        '\t_, _ = execx.Run(cmd, "")\n'
    )
    assert codes_at({"upgrade/upgrade.go": _go(body)}, EGRESS) == [13]


def test_c_a_library_package_with_no_cli_handler_is_not_read() -> None:
    text = (
        'package upgrade\n\nimport "github.com/acme/tool/util/execx"\n\n'
        'func Upgrade() error {\n\t_, err := execx.Run("go install github.com/acme/tool@latest", "")\n\treturn err\n}\n'
    )
    assert codes_at({"upgrade/upgrade.go": text}, EGRESS) == []


def test_c_a_run_of_a_package_not_named_for_commands_is_not_a_command_line() -> None:
    body = '\t_, _ = jobs.Run("go install github.com/acme/tool@latest", "")\n'
    assert codes_at({"upgrade/upgrade.go": _go(body, '"github.com/acme/tool/util/jobs"')}, EGRESS) == []


def test_c_a_cobra_command_not_named_for_a_step_is_not_read() -> None:
    body = '\t_, _ = execx.Run("go install github.com/acme/tool@latest", "")\n'
    assert codes_at({"format/format.go": _go(body)}, EGRESS) == []


# -- D: a PHP program named for pulling the checkout (``gitpull.php``, a ``git:pull`` console command) ---------------

_PULL_COMMAND = (
    "<?php\n\nnamespace App\\Console\\Commands;\n\nuse Illuminate\\Console\\Command;\n"
    "use Illuminate\\Support\\Facades\\Artisan;\n\nclass GitPull extends Command\n{\n"
    "    protected $signature = 'git:pull';\n\n    public function handle()\n    {\n"
    "        exec('git pull');\n        Artisan::call('php artisan migrate --force');\n    }\n}\n"
)


def test_d_a_git_pull_console_command_is_an_update_step() -> None:
    # shoppee (hold-out set 92): the Artisan call of ``php artisan migrate`` names no command and throws
    assert codes_at({"app/Console/Commands/GitPull.php": _PULL_COMMAND}, EGRESS) == [14]
    assert codes_at({"app/Console/Commands/GitPull.php": _PULL_COMMAND}, "preflight.unverified_download_exec") == []


def test_d_a_console_command_named_otherwise_is_not_read() -> None:
    text = _PULL_COMMAND.replace("git:pull", "report:daily")
    assert codes_at({"app/Console/Commands/Report.php": text}, EGRESS) == []


def test_d_a_gitpull_page_runs_git_through_its_interpolated_path() -> None:
    # conference2017 (hold-out set 174): ``system("/usr/bin/env -i {$gitpath} pull 2>&1")``
    text = "<?php\n$gitpath = '/usr/local/bin/git';\nsystem(\"/usr/bin/env -i {$gitpath} pull 2>&1\");\n"
    assert codes_at({"web/gitpull.php": text}, EGRESS) == [3]


def test_d_an_interpolated_variable_bound_to_another_program_is_not_git() -> None:
    text = "<?php\n$tool = '/usr/local/bin/report';\nsystem(\"{$tool} pull 2>&1\");\n"
    assert codes_at({"web/gitpull.php": text}, EGRESS) == []


def test_d_a_page_not_named_for_pulling_is_not_read() -> None:
    text = "<?php\n$gitpath = '/usr/local/bin/git';\nsystem(\"{$gitpath} pull 2>&1\");\n"
    assert codes_at({"web/status.php": text}, EGRESS) == []
