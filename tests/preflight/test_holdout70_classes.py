"""Classes of mistakes the seventieth hold-out set found (tests/preflight/holdout70: install and upgrade programs
written in Python, JavaScript, PHP, Ruby and Go), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

MIGRATION = "preflight.hidden_migration"


# -- A: a Django management command whose name glues the step word to another (`performupgrade`) ------------------

_DJANGO_COMMAND = (
    "from django.core import management",
    "",
    "class Command(management.BaseCommand):",
    "    def handle(self, *args, **options):",
    "        management.call_command('migrate', interactive=False)",
)


def test_a_management_command_named_for_its_glued_step_is_read() -> None:
    files = {"app/management/commands/performupgrade.py": "\n".join(_DJANGO_COMMAND) + "\n"}
    assert codes_at(files, MIGRATION) == [5]


def test_a_near_miss_a_management_command_named_for_no_step_stays_quiet() -> None:
    files = {"app/management/commands/purgeperiodictasks.py": "\n".join(_DJANGO_COMMAND) + "\n"}
    assert codes_at(files, MIGRATION) == []


def test_a_near_miss_a_glued_module_of_functions_stays_quiet() -> None:
    module = "from django.core import management\n\ndef performupgrade():\n    management.call_command('migrate')\n"
    assert codes_at({"app/performupgrade.py": module}, MIGRATION) == []


# -- B: a Go CLI step that applies the product's migrations through its migration package ------------------------

_GO_MIGRATE = (
    "package cmd",
    "",
    "import (",
    '\t"example.org/app/pkg/IMPORT"',
    '\t"github.com/spf13/cobra"',
    ")",
    "",
    "var migrateCmd = &cobra.Command{",
    '\tUse: "migrate",',
    "\tRun: func(cmd *cobra.Command, args []string) {",
    "\t\tCALL",
    "\t},",
    "}",
)


def _go_migrate(imported: str, call: str) -> dict[str, str]:
    text = "\n".join(_GO_MIGRATE).replace("IMPORT", imported).replace("CALL", call)
    return {"pkg/cmd/migrate.go": text + "\n"}


def test_b_a_call_into_the_migration_package_applies_migrations() -> None:
    assert codes_at(_go_migrate("migration", "migration.Migrate(nil)"), MIGRATION) == [11]


def test_b_near_miss_listing_the_migrations_stays_quiet() -> None:
    assert codes_at(_go_migrate("migration", "migration.ListMigrations()"), MIGRATION) == []


def test_b_near_miss_a_migrate_function_of_another_package_stays_quiet() -> None:
    assert codes_at(_go_migrate("config", "config.Migrate(nil)"), MIGRATION) == []


# -- H: a URL in the help text a Ruby command's banner method returns ------------------------------------------

ENDPOINT = "preflight.external_endpoint"

_RUBY_COMMAND = (
    "module App",
    "  class Setup < Command",
    "    def self.NAME",
    "      %{Clones the specs from:",
    "          https://github.com/example/specs}",
    "    end",
    "  end",
    "end",
)


def _ruby_command(name: str) -> dict[str, str]:
    return {"lib/app/command/setup.rb": "\n".join(_RUBY_COMMAND).replace("NAME", name) + "\n"}


def test_h_a_url_in_a_banner_method_is_shown_text() -> None:
    assert codes_at(_ruby_command("banner"), ENDPOINT) == []


def test_h_near_miss_a_url_returned_by_another_method_stays_a_contact() -> None:
    assert codes_at(_ruby_command("clone_url"), ENDPOINT) == [5]


# -- D: a root-only command in a JavaScript block that runs only as root ----------------------------------------

PRIVILEGE = "preflight.implicit_privilege"


def _js_guarded(condition: str) -> dict[str, str]:
    lines = (
        "const child_process = require('child_process');",
        f"if ({condition}) {{",
        '  child_process.execSync(`chown -R ${sudoUser} "${meteorPath}"`);',
        "}",
    )
    return {"npm/install.js": "\n".join(lines) + "\n"}


def test_d_a_block_run_only_under_sudo_is_checked() -> None:
    assert codes_at(_js_guarded("!isWindows() && isSudo()"), PRIVILEGE) == []


def test_d_a_block_run_only_as_uid_zero_is_checked() -> None:
    assert codes_at(_js_guarded("process.getuid() === 0"), PRIVILEGE) == []


def test_d_near_miss_a_negated_root_test_stays_reported() -> None:
    assert codes_at(_js_guarded("!isRoot()"), PRIVILEGE) == [3]


def test_d_near_miss_an_or_of_a_root_test_stays_reported() -> None:
    assert codes_at(_js_guarded("isSudo() || force"), PRIVILEGE) == [3]
