"""Recall classes of ``implicit_egress`` and ``hidden_migration`` the hold-out guard showed (session 29), each as its
minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"
MIGRATION = "preflight.hidden_migration"

# -- A: a shell string given to a function that runs its arguments ("$@") ---------------------------------------------

_RUNNERS = (
    "run_logged() {",
    '  local name="$1"',
    "  shift",
    '  "$@" >"$LOG" 2>&1',
    "}",
    "run_or_rollback() {",
    '  local reason="$1"',
    "  shift",
    '  "$@" || rollback "$reason"',
    "}",
)


def test_a_migration_in_a_shell_string_through_two_runners() -> None:
    # uptime-mesh's update.sh: the runners log and roll back, the string is what runs
    call = "run_or_rollback \"db failed\" run_logged \"db\" bash -lc \"cd '$DIR' && ./.venv/bin/alembic upgrade head\""
    assert in_script(MIGRATION, *_RUNNERS, call) == [13]


def test_a_build_in_a_shell_string_through_one_runner() -> None:
    call = "run_logged \"go.build\" bash -lc \"cd '$DIR' && go build -o bin/agent ./cmd/agent\""
    assert in_script(EGRESS, *_RUNNERS, call) == [13]


def test_a_a_function_that_runs_nothing_of_its_arguments_stays_quiet() -> None:
    # ``log`` prints its arguments: the shell word is text
    lines = ('log() { echo "[$(date)] $*"; }', "log bash -lc \"cd '$DIR' && ./.venv/bin/alembic upgrade head\"")
    assert in_script(MIGRATION, *lines) == []
    assert in_script(EGRESS, 'log() { echo "$*"; }', 'log bash -c "apt-get update"') == []


def test_a_a_runner_given_a_shell_with_no_string_stays_quiet() -> None:
    assert in_script(EGRESS, *_RUNNERS, 'run_logged "x" bash ./scripts/build.sh') == []


# -- B: a program named for Windows (``pip.exe``) is the same tool ----------------------------------------------------

_VENV = (
    "import os\nimport subprocess\nfrom pathlib import Path\n\n\n"
    "def install(root: Path) -> None:\n"
    '    venv = root / ".venv"\n'
    '    pip = venv / "bin" / "pip"\n'
    '    if os.name == "nt":\n'
    '        pip = venv / "Scripts" / "pip.exe"\n'
    '    subprocess.run([str(pip), "install", "-U", "pip"], check=True)\n'
    "\n\n"
    'if __name__ == "__main__":\n'
    "    install(Path.cwd())\n"
)


def test_b_pip_exe_installs_from_the_index() -> None:
    assert codes_at({"scripts/install.py": _VENV}, EGRESS) == [11]


def test_b_a_local_install_by_pip_exe_stays_quiet() -> None:
    local = _VENV.replace('"install", "-U", "pip"', '"install", "--no-index", "-U", "pip"')
    assert codes_at({"scripts/install.py": local}, EGRESS) == []


def test_c_pacapt_takes_pacmans_sync_operations() -> None:
    # CloudNet's installer: pacapt runs the system's package manager with pacman's options
    assert in_script(EGRESS, "./pacapt -Sy") == [3]
    assert in_script(EGRESS, 'install_package() { ./pacapt --noconfirm -S "$@"; }', "install_package screen") == [3]


def test_c_pacapt_queries_and_removals_stay_quiet() -> None:
    assert in_script(EGRESS, "./pacapt -Q screen") == []
    assert in_script(EGRESS, "./pacapt -R screen") == []
    assert in_script(EGRESS, "./pacapt -Ss screen") == []


def test_b_another_exe_is_no_fetching_tool() -> None:
    other = _VENV.replace('"pip.exe"', '"python.exe"').replace('"install", "-U", "pip"', '"-c", "print(1)"')
    assert codes_at({"scripts/install.py": other}, EGRESS) == []
