"""Classes the forty-fourth hold-out set showed (tests/preflight/holdout44: install and upgrade programs written in
PHP, Ruby, JavaScript/TypeScript, Python and Perl), each as its minimal construct next to a near-miss that must stay
quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"
HIDDEN = "preflight.hidden_migration"
DESTRUCTIVE = "preflight.destructive_delete"
CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a PHP framework console command that installs or upgrades -------------------------------------------------

LARAVEL_UPGRADE = _text(
    "<?php",  # 1
    "namespace App\\Console\\Commands;",  # 2
    "use Illuminate\\Console\\Command;",  # 3
    "use Illuminate\\Support\\Facades\\Artisan;",  # 4
    "class Upgrade extends Command",  # 5
    "{",  # 6
    "    protected $signature = 'tool:post-update';",  # 7
    "    protected $description = 'Run the upgrade steps';",  # 8
    "    public function handle()",  # 9
    "    {",  # 10
    "        Artisan::call('migrate', ['--force' => true]);",  # 11
    "        exec('composer install --no-dev');",  # 12
    "        chdir('resources');",  # 13
    "        system('yarn --colors');",  # 14
    "        $this->artisan->call('view:clear');",  # 15
    "        $this->info('see https://docs.tool.example.com/upgrade');",  # 16
    "    }",  # 17
    "}",  # 18
)


def test_a_laravel_upgrade_commands_steps_are_read() -> None:
    files = {"app/Console/Commands/Upgrade.php": LARAVEL_UPGRADE}
    assert codes_at(files, HIDDEN) == [11]
    assert codes_at(files, EGRESS) == [12, 14]  # composer install; a bare ``yarn`` is ``yarn install``


def test_a_near_miss_a_console_command_that_is_no_install_step_is_program_source() -> None:
    # the same body in a command whose name and description say neither install nor upgrade
    other = LARAVEL_UPGRADE.replace("tool:post-update", "tool:fix-likes").replace("Run the upgrade steps", "Fix likes")
    files = {"app/Console/Commands/FixLikes.php": other}
    assert codes_at(files, HIDDEN) == []
    assert codes_at(files, EGRESS) == []
    # a migration class keeps its own reader; a PHP class that is no console command is program source
    service = LARAVEL_UPGRADE.replace("extends Command", "extends Service")
    assert codes_at({"app/Services/Upgrade.php": service}, HIDDEN) == []


SYMFONY_INSTALL = _text(
    "<?php",  # 1
    "use Symfony\\Component\\Console\\Command\\Command;",  # 2
    "use Symfony\\Component\\Console\\Input\\ArrayInput;",  # 3
    "class InstallCommand extends Command",  # 4
    "{",  # 5
    "    protected static $defaultName = 'tool:install';",  # 6
    "    protected function execute($input, $output)",  # 7
    "    {",  # 8
    "        $this",  # 9
    "            ->runCommand('doctrine:database:drop', ['--force' => true])",  # 10
    "            ->runCommand('doctrine:database:create')",  # 11
    "            ->runCommand('doctrine:migrations:migrate', ['--no-interaction' => true]);",  # 12
    "        $this->runCommand('doctrine:schema:drop');",  # 13
    "        return 0;",  # 14
    "    }",  # 15
    "    private function runCommand($command, $parameters = [])",  # 16
    "    {",  # 17
    "        $parameters = array_merge(['command' => $command], $parameters);",  # 18
    "        $this->getApplication()->run(new ArrayInput($parameters), $this->output);",  # 19
    "        return $this;",  # 20
    "    }",  # 21
    "}",  # 22
)


def test_a_symfony_install_commands_console_runs_are_read_through_its_runner_method() -> None:
    files = {"src/Command/InstallCommand.php": SYMFONY_INSTALL}
    # each call of the chain at its own line; doctrine:schema:drop without --force only prints its SQL
    assert codes_at(files, DESTRUCTIVE) == [10]
    assert codes_at(files, HIDDEN) == [12]


def test_a_near_miss_a_method_that_logs_a_command_name_is_no_runner() -> None:
    logger = SYMFONY_INSTALL.replace("new ArrayInput($parameters)", "$this->log($parameters)")
    files = {"src/Command/InstallCommand.php": logger}
    assert codes_at(files, DESTRUCTIVE) == []
    assert codes_at(files, HIDDEN) == []


# -- B: shell classes the PHP commands showed ----------------------------------------------------------------------


def test_b_php_console_drops_and_a_bare_yarn() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "php bin/console doctrine:database:drop --force",  # 2
        "php artisan migrate:fresh --force",  # 3
        "./artisan db:wipe",  # 4
        "yarn",  # 5
    )
    files = {"scripts/upgrade.sh": script}
    assert codes_at(files, DESTRUCTIVE) == [2, 3, 4]
    assert codes_at(files, EGRESS) == [5]


def test_b_near_miss_console_commands_that_keep_the_data_and_yarn_scripts() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "php bin/console doctrine:database:drop",  # 2  (prints only, without --force)
        "php bin/console doctrine:database:create",  # 3
        "php artisan migrate:status",  # 4
        "yarn production --colors",  # 5
        "yarn --version",  # 6
    )
    files = {"scripts/upgrade.sh": script}
    assert codes_at(files, DESTRUCTIVE) == []
    assert codes_at(files, EGRESS) == []


# -- C: URLs in a JavaScript self-test's assertions -----------------------------------------------------------------

JS_SELF_TEST = _text(
    "const {strictEqual} = require('assert')",  # 1
    "const normalize = (url) => new URL(url).href",  # 2
    "strictEqual(normalize('https://mirror.vendor.example.net/a?b'), 'https://mirror.vendor.example.net/a?b')",  # 3
    "request('GET', 'https://downloads.vendor.example.net/tool.gz')",  # 4
)


def test_c_urls_in_an_install_scripts_assertions_are_test_vectors() -> None:
    assert codes_at({"install.js": JS_SELF_TEST}, ENDPOINT) == [4]


def test_c_near_miss_a_bare_call_of_the_same_name_not_taken_from_assert_stays_a_host() -> None:
    own = JS_SELF_TEST.replace("const {strictEqual} = require('assert')", "const strictEqual = (a, b) => a")
    assert codes_at({"install.js": own}, ENDPOINT) == [3, 4]


# -- D: the access key id of a pre-signed S3 URL ------------------------------------------------------------------

PRESIGNED = (
    "https://bucket.s3.amazonaws.com/tool?X-Amz-Algorithm=AWS4-HMAC-SHA256"
    "&X-Amz-Credential=AKIAQWERTYUIOPASDFGH%2F20200405%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=300"
)


def test_d_a_pre_signed_urls_key_id_is_no_credential() -> None:
    files = {"install.js": _text(f"const fixture = '{PRESIGNED}'")}
    assert codes_at(files, CREDENTIAL) == []


def test_d_near_miss_an_access_key_id_set_as_a_value_stays_a_credential() -> None:
    files = {"install.js": _text(f"const fixture = '{PRESIGNED}'", "const key = 'AKIAQWERTYUIOPASDFGH'")}
    assert codes_at(files, CREDENTIAL) == [2]


# -- E: a TypeScript install script -------------------------------------------------------------------------------

TS_INSTALL = _text(
    'import child_process from "child_process";',  # 1
    "declare const VERSION: string;",  # 2
    "function installUsingNPM(pkg: string): void {",  # 3
    '  child_process.execFileSync("npm", ["install", `${pkg}@${VERSION}`], { stdio: "pipe" });',  # 4
    "  for (const entry of [pkg]) {",  # 5
    "    if (!entry) continue; // Guard against https://github.com/nodejs/node/issues/4760",  # 6
    "  }",  # 7
    "}",  # 8
    'installUsingNPM("tool-linux-x64");',  # 9
)


def test_e_a_typescript_install_scripts_child_processes_and_comments_are_read() -> None:
    files = {"npm/lib/node-install.ts": TS_INSTALL}
    assert codes_at(files, EGRESS) == [4]
    assert codes_at(files, ENDPOINT) == []  # the URL is in a comment after code


def test_e_near_miss_a_typescript_declaration_file_and_a_library_module_are_not_steps() -> None:
    assert codes_at({"npm/lib/node-install.d.ts": TS_INSTALL}, EGRESS) == []
    assert codes_at({"src/lib/registry.ts": TS_INSTALL}, EGRESS) == []


# -- F: a Python CLI command module of an upgrade -----------------------------------------------------------------

CLICK_UPGRADE = _text(
    "import click",  # 1
    "from django.core.management import call_command as dj_call_command",  # 2
    "def _upgrade(verbosity):",  # 3
    '    dj_call_command("migrate", verbosity=verbosity)',  # 4
    "@click.command()",  # 5
    '@click.option("--verbosity", default=1)',  # 6
    "def upgrade(verbosity):",  # 7
    '    "Perform any pending database migrations."',  # 8
    "    _upgrade(verbosity)",  # 9
)


def test_f_a_click_upgrade_commands_django_migrate_is_read() -> None:
    assert codes_at({"src/tool/runner/commands/upgrade.py": CLICK_UPGRADE}, HIDDEN) == [4]
    django = _text(
        "from django.core import management",  # 1
        "from django.core.management.base import BaseCommand",  # 2
        "class Command(BaseCommand):",  # 3
        "    def handle(self, *args, **options):",  # 4
        '        management.call_command("migrate", interactive=False)',  # 5
    )
    assert codes_at({"tool/management/commands/upgrade.py": django}, HIDDEN) == [5]


def test_f_near_miss_a_command_module_not_named_for_a_step_and_another_call_command() -> None:
    # the same module under a name that is no install or upgrade step is program source
    assert codes_at({"src/tool/runner/commands/repair.py": CLICK_UPGRADE}, HIDDEN) == []
    # a call_command of the product's own (not Django's) runs no migration
    own = CLICK_UPGRADE.replace("from django.core.management import", "from tool.runner import")
    assert codes_at({"src/tool/runner/commands/upgrade.py": own}, HIDDEN) == []


# -- G: a console question for a secret with a literal default; a console input built in place -----------------

SYMFONY_QUESTIONS = _text(
    "<?php",  # 1
    "use Symfony\\Component\\Console\\Command\\Command;",  # 2
    "use Symfony\\Component\\Console\\Question\\Question;",  # 3
    "class SetupCommand extends Command",  # 4
    "{",  # 5
    "    protected static $defaultName = 'tool:install';",  # 6
    "    protected function execute($input, $output)",  # 7
    "    {",  # 8
    "        $user = $this->io->ask('Username', 'admin');",  # 9
    "        $question = new Question('Password', 'admin');",  # 10
    "        $email = $this->io->ask('Email', 'admin@tool.example.org');",  # 11
    "        $token = new Question('API token');",  # 12
    "        $run = new ArrayInput(['command' => 'doctrine:migrations:migrate', '--no-interaction' => true]);",  # 13
    "        return 0;",  # 14
    "    }",  # 15
    "}",  # 16
)


def test_g_a_password_question_with_a_literal_default_and_an_input_built_in_place() -> None:
    files = {"src/Command/SetupCommand.php": SYMFONY_QUESTIONS}
    assert codes_at(files, "preflight.default_credential") == [10]
    assert codes_at(files, HIDDEN) == [13]


def test_g_near_miss_questions_of_names_and_secrets_without_a_default() -> None:
    # a user name, an e-mail address and a secret asked with no default (line 12) give nothing
    quiet = SYMFONY_QUESTIONS.replace("new Question('Password', 'admin')", "new Question('Password')")
    assert codes_at({"src/Command/SetupCommand.php": quiet}, "preflight.default_credential") == []
    assert codes_at({"src/Command/SetupCommand.php": quiet}, CREDENTIAL) == []


# -- H: a URL in a Perl here-document that a die/print shows ------------------------------------------------------

PERL_HINT = _text(
    "#!/usr/bin/perl",  # 1
    "use strict;",  # 2
    "my $cpanm = `which cpanm`;",  # 3
    "die <<'EOF'",  # 4
    "cpanm was not found. Install it with:",  # 5
    "    curl -L https://cpanmin.us.example.net | perl - App::cpanminus",  # 6
    "EOF",  # 7
    "    if !$cpanm;",  # 8
    "my $mirror = <<EOF;",  # 9
    "https://mirror.vendor.example.net/CPAN",  # 10
    "EOF",  # 11
)


def test_h_a_url_in_a_shown_here_document_is_a_mention() -> None:
    # the die message's URL is a hint; a here-document assigned to a variable keeps its host (a setting)
    assert codes_at({"bin/install.pl": PERL_HINT}, ENDPOINT) == [10]


def test_h_near_miss_a_here_document_kept_in_a_variable_keeps_its_host() -> None:
    kept = PERL_HINT.replace("die <<'EOF'", "my $text = <<'EOF';")
    assert codes_at({"bin/install.pl": kept}, ENDPOINT) == [6, 10]
