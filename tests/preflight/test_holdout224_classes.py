"""Classes the two-hundred-and-twenty-fourth hold-out set showed (tests/preflight/holdout224: install, update and
deploy programs in Ruby, PHP, Node.js and Python), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: spawn/spawnSync given the shell option run a command line ---------------------------------------------------


def _update(options: str, call: str) -> dict[str, str]:
    lines = (
        "#!/usr/bin/env node",
        'const { spawnSync } = require("child_process");',
        f"const options = {options};",
        *call.split("\n"),  # from line 4
    )
    return {"update.js": "\n".join(lines) + "\n"}


_MULTI_LINE = "spawnSync(\n  `\n  git pull origin master\n  npm install\n  pm2 reload app.json\n`,\n  options\n);"


def test_a_a_multi_line_shell_string_keeps_each_command_at_its_line() -> None:
    files = _update('{ stdio: "inherit", shell: true }', _MULTI_LINE)
    assert codes_at(files, EGRESS) == [6, 7]  # git pull, npm install
    assert codes_at(files, UNVERIFIED) == [7]  # the pulled branch's lifecycle scripts


def test_a_the_shell_option_written_in_the_call_or_as_a_shell_path_counts() -> None:
    files = _update("{}", "spawnSync('sudo apt-get install -y nginx', { shell: '/bin/bash' });")
    assert codes_at(files, SUDO) == [4]
    assert codes_at(files, EGRESS) == [4]
    files = _update("{}", "spawnSync('npm install', [], { stdio: 'inherit', shell: true });")
    assert codes_at(files, EGRESS) == [4]


def test_a_without_the_shell_option_the_text_is_a_programs_name() -> None:
    assert codes_at(_update('{ stdio: "inherit" }', _MULTI_LINE), EGRESS) == []
    assert codes_at(_update('{ stdio: "inherit", shell: false }', _MULTI_LINE), EGRESS) == []
    files = _update("{}", "spawnSync('sudo apt-get install -y nginx', { shell: undefined });")
    assert codes_at(files, SUDO) == []


# -- B: a Capistrano task file is a deploy step ----------------------------------------------------------------------


_TASK = """namespace :services do
  task :link do
    sh "sudo ln -s #{current_path}/app.service /etc/systemd/system/app.service"
  end
end
"""


def test_b_a_task_file_capistrano_imports_is_read() -> None:
    assert codes_at({"lib/capistrano/tasks/services.rake": _TASK}, SUDO) == [3]


def test_b_a_rake_file_elsewhere_or_a_ruby_library_there_is_not() -> None:
    assert codes_at({"lib/tasks/services.rake": _TASK}, SUDO) == []
    assert codes_at({"lib/capistrano/services.rake": _TASK}, SUDO) == []
    assert codes_at({"lib/capistrano/tasks/services.rb": _TASK}, SUDO) == []
