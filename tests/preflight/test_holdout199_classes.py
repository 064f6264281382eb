"""Classes the hundred-and-ninety-ninth hold-out set showed (tests/preflight/holdout199: install, update and deploy
programs in Python, JavaScript/TypeScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: Rails' ``system!`` taken from a required helper, not defined in the setup script ---------------------------


def _setup(*body: str, helper: str = 'require_relative "bin_helpers"') -> dict[str, str]:
    lines = ("#!/usr/bin/env ruby", helper, "", "chdir APP_ROOT do", *body, "end")  # body from line 5
    return {"bin/setup": "\n".join(lines) + "\n"}


def test_a_a_bare_system_bang_the_file_does_not_define_runs_its_command() -> None:
    files = _setup('  system! "gem install bundler"', '  system("bundle check") || system!("bundle install")')
    assert codes_at(files, EGRESS) == [5, 6]


def test_a_a_system_bang_of_another_object_or_defined_otherwise_is_not_the_builtin() -> None:
    assert codes_at(_setup('  shell.system! "gem install bundler"'), EGRESS) == []
    defined = _setup(
        '  system! "gem install bundler"',
        helper='def system!(*args)\n  puts "would run: #{args.join(" ")}"\nend',
    )
    assert codes_at(defined, EGRESS) == []


# -- A': ``brew install URL``: a formula fetched from its host and run, no registry asked ----------------------------


def test_a2_a_formula_given_by_url_is_an_endpoint_and_an_unverified_install() -> None:
    url = "https://raw.githubusercontent.com/someone/homebrew-tap/master/pdftk.rb"
    files = _setup(f'  system!("brew install {url}")')
    assert codes_at(files, ENDPOINT) == [5]
    assert codes_at(files, UNVERIFIED) == [5]
    assert codes_at(files, EGRESS) == []


def test_a2_a_formula_named_asks_the_registry_and_nothing_is_fetched_by_url() -> None:
    files = _setup('  system!("brew install pdftk")')
    assert codes_at(files, EGRESS) == [5]
    assert codes_at(files, UNVERIFIED) == []
    assert codes_at(files, ENDPOINT) == []
    info = _setup('  system!("brew info https://raw.githubusercontent.com/someone/homebrew-tap/master/pdftk.rb")')
    assert codes_at(info, UNVERIFIED) == []


# -- B: a Laravel command named by its ``#[Signature(…)]``/``#[Description(…)]`` attributes ----------------------------

MIGRATION = "preflight.hidden_migration"


def _artisan(*attributes: str) -> dict[str, str]:
    lines = (
        "<?php",
        "namespace App\\Console\\Commands;",
        "use Illuminate\\Console\\Command;",
        *attributes,
        "class SetupCommand extends Command",
        "{",
        "    public function handle(): int",
        "    {",
        "        $this->call('migrate', ['--force' => true]);",
        "        return self::SUCCESS;",
        "    }",
        "}",
    )
    return {"app/Console/Commands/SetupCommand.php": "\n".join(lines) + "\n"}


def test_b_a_signature_or_description_attribute_naming_an_install_makes_the_command_a_step() -> None:
    assert codes_at(_artisan("#[Signature('app:install {--force}')]"), MIGRATION) == [9]
    described = _artisan("#[Signature('app:go')]", "#[Description('Prepare a deployment: migrations and setup')]")
    assert codes_at(described, MIGRATION) == [10]


def test_b_attributes_naming_another_command_leave_it_unread() -> None:
    report = _artisan("#[Signature('app:report {--month=}')]", "#[Description('Mail the report')]")
    assert codes_at(report, MIGRATION) == []


# -- D: a JavaScript name bound to a ternary on the platform: the Linux branch -------------------------------------

_PIP = 'path.join(VENV, "bin", "pip")'
_TRUE = 'path.join(VENV, "bin", "true")'


def _postinstall(choice: str, declared: str = 'const IS_WIN = process.platform === "win32";') -> dict[str, str]:
    lines = (
        'const { execSync } = require("child_process");',  # 1
        'const path = require("path");',
        'const VENV = path.join(__dirname, "..", ".venv");',
        declared,  # 4
        f"const pip = {choice};",
        'execSync(`"${pip}" install -q -r requirements.txt`, { stdio: "inherit" });',  # 6
    )
    return {"scripts/postinstall.js": "\n".join(lines) + "\n"}


def test_d_a_windows_test_picks_the_posix_branch() -> None:
    assert codes_at(_postinstall(f'IS_WIN ? path.join(VENV, "Scripts", "pip") : {_PIP}'), EGRESS) == [6]
    assert codes_at(_postinstall(f'process.platform === "win32" ? "pip.exe" : {_PIP}'), EGRESS) == [6]
    assert codes_at(_postinstall(f'process.platform !== "win32" ? {_PIP} : "pip.exe"'), EGRESS) == [6]


def test_d_the_windows_branch_or_another_condition_is_not_taken() -> None:
    assert codes_at(_postinstall(f"IS_WIN ? {_PIP} : {_TRUE}"), EGRESS) == []
    other = "const useVenv = process.env.USE_VENV === '1';"
    assert codes_at(_postinstall(f"useVenv ? {_PIP} : {_TRUE}", other), EGRESS) == []


# -- E: a Python deploy program's settings table: a secret's entry with a literal default ---------------------------

DEFAULT = "preflight.default_credential"


def _wizard(*entries: str) -> dict[str, str]:
    lines = (
        "#!/usr/bin/env python3",  # 1
        "import subprocess",
        "SETTINGS = [",  # 3
        *(f"    {e}," for e in entries),  # from line 4
        "]",
        "values = {s['key']: input(s['key']) or s['default'] for s in SETTINGS}",
        "subprocess.run(['docker', 'compose', 'up', '-d'])",
    )
    return {"deploy.py": "\n".join(lines) + "\n"}


def test_e_a_secret_entry_with_a_literal_default_falls_back_to_it() -> None:
    files = _wizard(
        '{"key": "DB_PASSWORD", "desc": "Database password", "default": "changeme"}',
        '{"name": "APP_SECRET_KEY", "default": "changeme"}',
    )
    assert codes_at(files, DEFAULT) == [4, 5]


def test_e_no_secret_no_literal_or_no_default_key_is_quiet() -> None:
    files = _wizard(
        '{"key": "PUID", "default": "1000"}',
        '{"key": "DB_PASSWORD", "default": ""}',
        '{"key": "DB_PASSWORD", "default": None}',
        '{"key": "API_TOKEN", "placeholder": "changeme"}',
        '{"key": "DB_PASSWORD", "default": DEFAULT_PASSWORD}',
    )
    assert codes_at(files, DEFAULT) == []


# -- C: a Go self-updater's download saved into ``os.CreateTemp`` and made executable through ``tmp.Name()`` --------


def _go_update(source: str, mode: str = "0o755") -> dict[str, str]:
    lines = (
        "package cmd",  # 1
        "",
        'import ("io"; "net/http"; "os")',
        "",
        "func downloadFile(url string) (string, error) {",  # 5
        "\tresp, err := http.Get(url)",
        "\tif err != nil {",
        '\t\treturn "", err',
        "\t}",
        "\tdefer resp.Body.Close()",  # 10
        '\ttmp, err := os.CreateTemp("", "app-update-*")',
        "\tif err != nil {",
        '\t\treturn "", err',
        "\t}",
        f"\tio.Copy(tmp, {source})",  # 15
        "\ttmp.Close()",
        f"\tos.Chmod(tmp.Name(), {mode})",  # 17
        "\treturn tmp.Name(), nil",
        "}",
    )
    return {"cmd/update.go": "\n".join(lines) + "\n"}


def test_c_a_response_saved_into_a_temp_file_and_made_executable_is_unverified() -> None:
    assert codes_at(_go_update("resp.Body"), UNVERIFIED) == [17]


def test_c_another_reader_or_a_mode_without_execute_is_quiet() -> None:
    assert codes_at(_go_update("os.Stdin"), UNVERIFIED) == []
    assert codes_at(_go_update("resp.Body", "0o644"), UNVERIFIED) == []
