"""Hold-out set 269 (tests/preflight/holdout269/README.md): class B, a Capistrano deploy's SSHKit commands and the
settings they fetch (CONSUL's ``config/deploy.rb``), with fnm's Node downloads; class C, PHP Deployer's ``run('…')``
(wai-portal's ``deploy.php``); class D, Deployer's ``repository`` setting; each with near misses that stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PIPE = "preflight.pipe_to_shell"
ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"


# -- B: SSHKit's ``execute`` inside ``on roles(…)``, with ``set``/``fetch`` values --------------------------------


def _capistrano(*lines: str) -> dict[str, str]:
    return {"config/deploy.rb": "\n".join(lines) + "\n"}


_SETTINGS = (
    'set :tool_path, "$HOME/.tool"',  # 1
    'set :install_command, "curl -fsSL https://get.tool.dev/install | " \\',  # 2
    '                      "bash -s -- --dir \\"#{fetch(:tool_path)}\\""',  # 3
    'set :update_command, "#{fetch(:install_command)} --skip-shell"',  # 4
    'set :node_command, -> { "cd #{release_path} && fnm use --install-if-missing" }',  # 5
)


def test_b_execute_of_a_fetched_setting_runs_on_the_server() -> None:
    files = _capistrano(
        *_SETTINGS,
        "task :install_tool do",  # 6
        "  on roles(:app) do",  # 7
        "    execute fetch(:install_command)",  # 8
        "    execute fetch(:update_command)",  # 9
        "    execute fetch(:node_command)",  # 10
        "  end",
        "end",
    )
    assert codes_at(files, PIPE) == [8, 9]
    assert codes_at(files, ENDPOINT) == [8, 9]  # not also the setting's line 2
    assert codes_at(files, EGRESS) == [10]


def test_b_a_symbol_first_is_the_command() -> None:
    files = _capistrano(
        "task :packages do",
        "  on roles(:app) do",
        '    execute :sudo, "apt-get install -y imagemagick"',  # 3
        "  end",
        "end",
    )
    assert codes_at(files, SUDO) == [3]


def test_b_execute_outside_an_on_block_is_no_command() -> None:
    files = _capistrano(
        *_SETTINGS,
        "class Job",  # 6
        "  def execute",  # 7
        "    execute fetch(:install_command)",  # 8: another library's ``execute``, not SSHKit on a server
        "  end",
        "end",
    )
    assert codes_at(files, PIPE) == []


def test_b_a_setting_written_twice_is_not_guessed() -> None:
    files = _capistrano(
        'set :install_command, "curl -fsSL https://get.tool.dev/install | bash"',
        'set :install_command, "echo skipped"',
        "on roles(:app) do",
        "  execute fetch(:install_command)",  # 4
        "end",
    )
    assert codes_at(files, PIPE) == []


def test_b_fnm_use_without_install_fetches_nothing() -> None:
    files = _capistrano(
        "on roles(:app) do",
        '  execute "fnm use"',  # 2
        '  execute "fnm install 20"',  # 3
        "end",
    )
    assert codes_at(files, EGRESS) == [3]


# -- C and D: PHP Deployer's ``run('…')`` and ``set('repository', …)`` -------------------------------------------


def _deployer(*lines: str, namespace: str = "namespace Deployer;") -> dict[str, str]:
    return {"deploy.php": "\n".join(("<?php", namespace, "", *lines)) + "\n"}


def test_c_deployer_run_sends_its_line_to_the_host() -> None:
    files = _deployer(
        "task('deploy:clean', function () {",  # 4
        "    run('cd {{deploy_path}}/shared/data; sudo rm -f cache.db');",  # 5
        "});",
    )
    assert codes_at(files, SUDO) == [5]


def test_c_run_outside_deployer_is_no_command() -> None:
    files = _deployer(
        "function step() {",
        "    run('sudo systemctl restart app');",  # 5: some other library's run()
        "}",
        namespace="namespace App\\Console;",
    )
    assert codes_at(files, SUDO) == []


def test_c_a_run_the_recipe_defines_itself_is_not_deployers() -> None:
    files = _deployer(
        "function run($what) { echo $what; }",
        "run('sudo make coffee');",  # 5
    )
    assert codes_at(files, SUDO) == []


def test_d_deployer_repository_is_the_host_it_clones_from() -> None:
    files = _deployer("set('repository', 'git@github.com:acme/portal.git');")  # 4
    assert codes_at(files, ENDPOINT) == [4]


def test_d_other_settings_and_a_local_repository_stay_quiet() -> None:
    files = _deployer(
        "set('application', 'git@github.com:acme/portal.git');",  # 4: not the repository setting
        "set('repository', '/srv/git/portal.git');",  # 5: a path on the host
    )
    assert codes_at(files, ENDPOINT) == []
