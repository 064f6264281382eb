"""The command lines a PHP install or upgrade program builds before it runs them: variables, constants,
``sprintf``/``escapeshellarg``, Symfony's and Laravel's Process, and the file's own wrappers of ``exec``
(``shipgate.preflight.php_values``, ``php_runs``)."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import php_script

HOST = "preflight.external_endpoint"
DOWNLOAD_EXEC = "preflight.unverified_download_exec"
EGRESS = "preflight.implicit_egress"


def _commands(source: str, path: str = "update.php") -> list[tuple[int, str]]:
    return php_script.commands(path, source) or []


def test_a_command_built_with_sprintf_and_escapeshellarg_is_read_where_it_runs() -> None:
    source = (
        "<?php\n"
        "$version = '2.4.1';\n"
        "$url = sprintf('https://releases.example.org/app-%s.zip', $version);\n"
        "$cmd = sprintf('curl -sSL -o %s %s', escapeshellarg('/tmp/app.zip'), escapeshellarg($url));\n"
        "exec($cmd, $out, $rc);\n"
        "shell_exec('unzip -o /tmp/app.zip -d /opt/app');\n"
    )
    assert (3, "url=https://releases.example.org/app-2.4.1.zip") in _commands(source)
    assert (5, 'curl -sSL -o /tmp/app.zip "${url}"') in _commands(source)
    assert codes_at({"update.php": source}, HOST) == [5]  # at the request, not also at the URL's line
    assert codes_at({"update.php": source}, DOWNLOAD_EXEC) == [6]


def test_a_command_chosen_in_branches_is_each_command_at_its_line() -> None:
    source = (
        "<?php\n"
        "class SelfUpgradeCommand extends Command {\n"
        "    const PHAR_URL = 'https://github.com/acme/tool/raw/main/tool.phar';\n"
        "    protected $signature = 'self-upgrade'; public function handle() {\n"
        "        $tmp = tempnam(sys_get_temp_dir(), 'tool');\n"
        "        $cmd = null;\n"
        "        if (binary_exists('wget')) {\n"
        "            $cmd = sprintf(\n"
        "                'wget -q -O %s %s',\n"
        "                escapeshellarg($tmp),\n"
        "                escapeshellarg(self::PHAR_URL)\n"
        "            );\n"
        "        } elseif (binary_exists('curl')) {\n"
        "            $cmd = sprintf('curl -sL %s -o %s', escapeshellarg(self::PHAR_URL), escapeshellarg($tmp));\n"
        "        }\n"
        "        wrap_exec($cmd, 'download failed');\n"
        "    }\n"
        "}\n"
    )
    commands = _commands(source, "app/Commands/SelfUpgradeCommand.php")
    assert (9, 'wget -q -O "${PHP_VALUE}" "${PHAR_URL}"') in commands
    assert (14, 'curl -sL "${PHAR_URL}" -o "${PHP_VALUE}"') in commands
    assert codes_at({"app/Commands/SelfUpgradeCommand.php": source}, HOST) == [9, 14]


def test_a_later_assignment_on_every_path_replaces_the_earlier_one() -> None:
    source = "<?php\n$cmd = 'apt-get update';\n$cmd = 'true';\nexec($cmd);\n"
    assert _commands(source, "install.php") == [(4, "true")]


def test_an_appended_option_is_part_of_the_command() -> None:
    source = "<?php\n$cmd = 'composer install';\n$cmd .= ' --no-dev';\nsystem($cmd);\n"
    assert _commands(source, "install.php") == [(4, "composer install --no-dev")]


def test_symfony_and_laravel_process_run_their_command_lines() -> None:
    source = (
        "<?php\n"
        "use Symfony\\Component\\Process\\Process;\n"
        "$p = new Process(['git', 'clone', 'https://github.com/acme/plugins.git', '/var/lib/app/plugins']);\n"
        "$q = Process::fromShellCommandline('apt-get install -y unzip');\n"
        "$r = Process::path('/srv/app')->run('composer install --no-dev');\n"
    )
    commands = [text for _, text in _commands(source, "install.php")]
    assert "git clone https://github.com/acme/plugins.git /var/lib/app/plugins" in commands
    assert "apt-get install -y unzip" in commands
    assert "composer install --no-dev" in commands
    assert codes_at({"install.php": source}, EGRESS) == [4, 5]


def test_a_function_of_the_file_that_runs_its_parameter_runs_what_each_call_gives_it() -> None:
    source = (
        "<?php\n"
        "function run($command) {\n"
        "    exec($command . ' 2>&1', $output, $code);\n"
        "    return $code;\n"
        "}\n"
        "run('apt-get install -y php-intl');\n"
        "run('systemctl restart php8.2-fpm');\n"
    )
    assert [text for _, text in _commands(source, "install.php")] == [
        "apt-get install -y php-intl",
        "systemctl restart php8.2-fpm",
    ]
    assert codes_at({"install.php": source}, EGRESS) == [6]


def test_near_misses_run_nothing() -> None:
    source = (
        "<?php\n"
        "$p = Process::fromShellCommandline('google-chrome --version');\n"  # a version probe
        "$pdo->exec('ALTER TABLE users ADD COLUMN x INT');\n"  # PDO::exec runs SQL, not a command line
        "$stmt->execute([$id]);\n"
        "exec($argv[1]);\n"  # nothing known of the command
        "$url = 'https://example.org/x';\n"
        "echo $url;\n"
    )
    commands = [text for _, text in _commands(source, "install.php")]
    assert commands == ["google-chrome --version", 'echo "${url}"']


def test_near_miss_an_extensions_own_exec_function_is_no_runner_by_its_name() -> None:
    """``curl_exec($ch)``, ``pg_exec($db, …)``, ``ssh2_exec($session, …)``: PHP extensions' functions whose first
    argument is a handle or a connection; a wrapper of the product's own, ``wrap_exec``, is one."""
    source = (
        "<?php\n"
        "$ch = curl_init('https://api.example.org/v1');\n"
        "curl_exec($ch);\n"
        "pg_exec('DROP TABLE sessions');\n"  # the connection left out: the SQL comes first
        "ssh2_exec($session, 'apt-get install -y x');\n"
        "wrap_exec('apt-get install -y php-intl');\n"
    )
    assert [text for _, text in _commands(source, "install.php")] == ["apt-get install -y php-intl"]
