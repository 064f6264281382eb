"""Classes of mistakes the seventy-fifth hold-out set found (tests/preflight/holdout75: install and upgrade programs
written in Python, TypeScript/JavaScript, PHP, Ruby and Go, three stored with the modules of their project they
call), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"


# -- E: a URL in a Go error value's message is shown text, not a contact -----------------------------------------

_GO_UPDATER = (
    "package updater",
    "",
    'import ("errors"; "fmt"; "log"; "net/http"; "os")',
    "",
    'var errNoAsset = errors.New("no asset. Please submit an issue to https://github.com/example/tool")',
    "",
    "func check(v string) error {",
    '\tlog.Printf("see https://example.org/releases for %s", v)',
    '\tfmt.Fprintf(os.Stderr, "report it at https://example.org/issues\\n")',
    '\treturn fmt.Errorf("update failed, see https://example.org/docs: %s", v)',
    "}",
)


def test_e_urls_in_go_error_values_and_log_messages_are_not_contacts() -> None:
    files = {"internal/updater/updater.go": "\n".join(_GO_UPDATER) + "\n"}
    assert codes_at(files, ENDPOINT) == []


def test_e_near_miss_a_requested_url_and_a_url_built_with_sprintf_stay_contacts() -> None:
    text = (
        'package updater\n\nimport ("fmt"; "net/http")\n\n'
        "func latest(repo string) {\n"
        '\thttp.Get("https://api.example.org/latest")\n'
        '\turl := fmt.Sprintf("https://api.github.com/repos/%s/releases/latest", repo)\n'
        "\thttp.Get(url)\n"
        "}\n"
    )
    assert codes_at({"internal/updater/updater.go": text}, ENDPOINT) == [6, 7]


def test_e_near_miss_a_url_written_to_a_file_with_fprintf_stays_a_contact() -> None:
    text = (
        'package setup\n\nimport ("fmt"; "os")\n\n'
        "func write(f *os.File) {\n"
        '\tfmt.Fprintf(f, "https://api.example.org/v1\\n")\n'
        "}\n"
    )
    assert codes_at({"internal/setup/config.go": text}, ENDPOINT) == [6]


# -- D: a Symfony command of the application found by its name and run (`find('database:migrate')->run(…)`) -------

MIGRATION = "preflight.hidden_migration"

_FINISH_COMMAND = (
    "<?php",
    "use Symfony\\Component\\Console\\Command\\Command;",
    "use Symfony\\Component\\Console\\Input\\ArrayInput;",
    "",
    "class UpdateFinishCommand extends Command",
    "{",
    "    public static $defaultName = 'system:update:finish';",
    "",
    "    protected function execute($input, $output): int",
    "    {",
    "        $application = APPLICATION;",
    "        $command = $application->find(NAME);",
    "        $arguments = ['identifier' => 'core', '--all' => true];",
    "        return $command->run(new ArrayInput($arguments, $command->getDefinition()), $output);",
    "    }",
    "}",
)


def _finish(application: str, name: str) -> dict[str, str]:
    text = "\n".join(_FINISH_COMMAND).replace("APPLICATION", application).replace("NAME", name)
    return {"src/Command/UpdateFinishCommand.php": text + "\n"}


def test_d_the_applications_migrate_command_found_by_name_and_run_is_a_migration() -> None:
    assert codes_at(_finish("$this->getApplication()", "'database:migrate'"), MIGRATION) == [14]


def test_d_near_miss_a_command_that_migrates_nothing_stays_quiet() -> None:
    assert codes_at(_finish("$this->getApplication()", "'assets:install'"), MIGRATION) == []


def test_d_near_miss_find_on_something_else_than_the_console_application_stays_quiet() -> None:
    assert codes_at(_finish("$this->repository", "'database:migrate'"), MIGRATION) == []


# -- C (Go): a command run through a helper of the product's own internal package ----------------------------------

EGRESS = "preflight.implicit_egress"

_GO_UPDATE_COMMAND = (
    "package main",
    "",
    "import (",
    '\t"os"',
    '\t"IMPORT"',
    ")",
    "",
    "func updateToVersion(version string) error {",
    "\thome, _ := os.UserHomeDir()",
    '\t_, _, err := shell.CALL(home, "go", "install", "github.com/example/tool/cmd/tool@"+version)',
    "\treturn err",
    "}",
)


def _go_update(imported: str, call: str) -> dict[str, str]:
    text = "\n".join(_GO_UPDATE_COMMAND).replace("IMPORT", imported).replace("CALL", call)
    return {"cmd/tool/update.go": text + "\n"}


def test_c_a_command_run_by_the_products_internal_runner_is_read() -> None:
    assert codes_at(_go_update("github.com/example/tool/internal/shell", "RunCommand"), EGRESS) == [10]


def test_c_near_miss_a_package_outside_the_module_stays_unread() -> None:
    assert codes_at(_go_update("github.com/other/shell", "RunCommand"), EGRESS) == []


def test_c_near_miss_a_function_not_named_for_running_stays_unread() -> None:
    assert codes_at(_go_update("github.com/example/tool/internal/shell", "Quote"), EGRESS) == []
