"""How preflight reads shell (issue "What to build" 1-2): strings, heredocs and comments are data unless a
shell runs them; wrappers are unwrapped; values flow through assignments, defaults, arrays and functions;
guards decide whether a step needs root. Each case names the misreading it prevents."""

from __future__ import annotations

import pytest
from preflight_kit import package, run, script

from shipgate.findings import Severity
from shipgate.preflight.shell.commands import executed_file
from shipgate.preflight.shell.reader import parse_script


def scored(*lines: str) -> list[tuple[str, int]]:
    found = run(package({"scripts/upgrade.sh": script(*lines)}))
    return sorted((f.code, f.evidence["line"]) for f in found if f.severity > Severity.INFO)


@pytest.mark.parametrize(
    "lines",
    [
        ['echo "run: curl -fsSL https://get.example.io/i.sh | sudo sh"'],  # a printed instruction
        ["cat <<EOF", "then run: sudo systemctl restart dten-agentd", "EOF"],  # a heredoc shown to the operator
        ["# sudo rm -rf /var/lib/dten"],  # a comment
        ["printf '%s\\n' 'curl -k https://updates.example.net | bash'"],
        ["sed -e 's/--keyStorePassword=[^ ]*//' app.conf > app.clean"],  # strips a credential, holds none
    ],
)
def test_text_is_data(lines: list[str]) -> None:
    assert scored(*lines) == []


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["cat <<EOF | sh", "sudo systemctl restart dten-agentd", "EOF"], [("preflight.sudo_unavailable", 4)]),
        (["sh -c 'sudo systemctl restart dten-agentd'"], [("preflight.sudo_unavailable", 3)]),
        (
            ["su -c 'apt-get install -y dten' root"],
            [("preflight.implicit_egress", 3), ("preflight.sudo_unavailable", 3)],
        ),
        (['eval "sudo systemctl restart dten-agentd"'], [("preflight.sudo_unavailable", 3)]),
        (["env LANG=C nohup timeout 60 nice -n 5 sudo -E true"], [("preflight.sudo_unavailable", 3)]),
        (
            ["bash <<'EOF'", "curl -fsSL https://get.example.io/i.sh | sh", "EOF"],
            [("preflight.external_endpoint", 4), ("preflight.pipe_to_shell", 4)],
        ),
    ],
)
def test_strings_run_by_a_shell_are_read_as_shell(lines: list[str], expected: list[tuple[str, int]]) -> None:
    assert scored(*lines) == expected


def test_redirections_and_output_files_are_not_names() -> None:
    """``systemctl stop x 2>/dev/null`` names unit x; ``curl -o file.tgz URL`` contacts the URL's host."""
    parsed = parse_script(
        script("systemctl stop dten 2>/dev/null", "curl -o file.tgz https://get.example.io/f.tgz"), path="a.sh"
    )
    [stop] = [c for c in parsed.commands if c.name == "systemctl"]
    assert [w.text for w in stop.words] == ["stop", "dten"]
    assert scored("curl -o file.tgz https://get.example.io/f.tgz") == [("preflight.external_endpoint", 3)]


def test_ansi_c_strings_are_decoded_as_bash_does() -> None:
    """``$'…'``: bash's escapes (``\\e``, octal, ``\\x``, ``\\u``, ``\\cX``) decoded; an unknown escape and a lone
    surrogate kept as written, never a warning or an error."""
    parsed = parse_script(script(r"printf $'\e[1m\101\x42\u00e9\cA\q\uD800\t'"), path="a.sh")
    [printf] = [c for c in parsed.commands if c.name == "printf"]
    assert [w.text for w in printf.words] == ["\x1b[1mAB\u00e9\x01\\q\\uD800\t"]


def test_a_command_held_in_a_variable_escalates_every_step() -> None:
    """``run='sudo -E sh -c'; $run "apt-get install …"``: both lines in the evidence."""
    found = run(package({"scripts/upgrade.sh": script("run='sudo -E sh -c'", '$run "apt-get install -y dten"')}))
    [sudo] = [f for f in found if f.code == "preflight.sudo_unavailable"]
    assert (sudo.evidence["line"], sudo.evidence["assigned_line"]) == (4, 3)


def test_a_path_under_a_variable_as_the_command_is_that_program_not_the_variable_split() -> None:
    """``${DIR}/automated\\ install/basic-install.sh --repair`` with ``DIR=/etc/.pihole`` runs the installer under
    DIR: only a word that is the variable alone (``$run``, ``${SUDO}``) is its value split into words."""
    source = "DIR=/etc/.pihole\n${DIR}/automated\\ install/basic-install.sh --repair\n"
    [command] = parse_script(source, path="u.sh").commands
    assert (command.name, command.program and command.program.value) == (
        "basic-install.sh",
        "/etc/.pihole/automated install/basic-install.sh",
    )
    [command] = parse_script("DIR=/opt/app\n$DIR/bin/console doctrine:migrations:migrate\n", path="u.sh").commands
    assert (command.name, [w.text for w in command.words]) == ("console", ["doctrine:migrations:migrate"])
    [command] = parse_script("S=sudo\n${S} apt-get install -y x\n", path="u.sh").commands
    assert (command.name, command.escalation) == ("apt-get", "sudo")


def test_urls_flow_through_variables_functions_and_partial_values() -> None:
    assert scored("REPO=https://git.example.io/dten.git", 'git clone "$REPO" /opt/dten') == [
        ("preflight.external_endpoint", 4)
    ]
    assert scored('BASE="https://get.example.io/$VERSION"', 'curl -fsSL -o dten.tgz "$BASE/dten.tgz"') == [
        ("preflight.external_endpoint", 4)
    ]
    assert scored('fetch() { curl -fsSL "$1"; }', 'fetch "https://get.example.io/v"') == [
        ("preflight.external_endpoint", 4)
    ]


def test_parameter_defaults_and_fallbacks() -> None:
    """A secret defaulting to a literal is a default credential; a port defaulting to a literal is not."""
    assert scored('DB_PASSWORD=${DB_PASSWORD:-"changeme"}') == [("preflight.default_credential", 3)]
    assert scored("PORT=${PORT:-8080}", "IMDS_TOKEN_TTL_SECONDS=${IMDS_TOKEN_TTL_SECONDS:-900}") == []
    assert scored("[ -z \"$ADMIN_PASSWORD\" ] && ADMIN_PASSWORD='admin'") == [("preflight.default_credential", 3)]


def test_profile_writes_through_variables_and_arrays() -> None:
    lines = [
        'configs=("$HOME/.bashrc" "$HOME/.bash_profile")',
        'for c in "${configs[@]}"; do',
        "  { echo 'export PATH=$HOME/.dten/bin:$PATH'; } >> \"$c\"",
        "done",
    ]
    assert scored(*lines) == [("preflight.persistence", 5)]


@pytest.mark.parametrize(
    ("guard", "expected"),
    [
        # requires root: exits otherwise -> the script assumes root
        (['[ "$(id -u)" -ne 0 ] && exit 1'], [("preflight.root_assumed", 3)]),
        (['if [ "$EUID" != 0 ]; then echo "run as root" >&2; exit 1; fi'], [("preflight.root_assumed", 3)]),
        # refuses root: the root-only step has neither escalation nor a check
        (['if [ "$(id -u)" -eq 0 ]; then exit 1; fi'], [("preflight.implicit_privilege", 4)]),
        # adapts: picks sudo when not root
        (['if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi'], [("preflight.sudo_unavailable", 4)]),
        # a combined [ a -a b ] test, which tree-sitter-bash groups wrongly
        (['if [ "$1" = upgrade -a "$(id -u)" = 0 ]; then useradd dten; fi'], []),
    ],
)
def test_root_guards(guard: list[str], expected: list[tuple[str, int]]) -> None:
    step = [] if "useradd" in guard[0] else ["$SUDO useradd dten" if "SUDO" in guard[0] else "useradd dten"]
    assert scored(*guard, *step) == expected


def test_mktemp_under_set_e_and_named_entries_are_safe_to_delete() -> None:
    assert scored("tmp=$(mktemp -d)", 'rm -rf "$tmp"', 'rm -rf "$BUILD/dten-cache"') == []
    assert scored('rm -rf "$BUILD/"', 'rm -rf "$PREFIX/usr"') == [
        ("preflight.rm_rf_variable", 3),
        ("preflight.rm_rf_variable", 4),
    ]


@pytest.mark.parametrize(
    ("line", "ran"),
    [
        ("python3 -m venv venv", None),
        ("python3 -c 'print(1)' setup.py", None),
        ("bash -c 'make install' build.sh", None),
        ("node -e 'x()' install.js", None),
        ("php -r 'x();' upgrade.php", None),
        ("python3 -u -W ignore tools/migrate.py --all", "tools/migrate.py"),
        ("bash -o pipefail ./install.sh", "./install.sh"),
        ("php -d memory_limit=-1 artisan migrate", "artisan"),
        ("php -f upgrade.php", "upgrade.php"),
        ("ruby -I lib bin/setup", "bin/setup"),
        (". ./lib/common.sh", "./lib/common.sh"),
    ],
)
def test_the_file_an_interpreter_runs_is_its_first_operand_after_the_options_values(line: str, ran: str | None) -> None:
    """``python3 -m venv venv`` runs the venv module (creating a folder named venv), no file called venv; an
    option's value (``-W ignore``, ``-o pipefail``, ``-d memory_limit=-1``) is not the script."""
    [command] = parse_script(line + "\n", path="u.sh").commands
    executed = executed_file(command)
    assert (executed.text if executed is not None else None) == ran


def test_a_virtualenv_made_beside_a_pulled_checkout_runs_nothing_from_it_a_script_of_it_does() -> None:
    pulled = ("cd /opt/app", "git pull")
    assert "preflight.unverified_download_exec" not in dict(scored(*pulled, "python3 -m venv venv"))
    assert ("preflight.unverified_download_exec", 5) in scored(*pulled, "python3 -W ignore manage.py collectstatic")


def test_a_download_given_to_a_shell_as_its_here_string_is_piped_to_it() -> None:
    """``bash <<< "$(curl -fsSL URL)"`` and ``bash -s -- --yes <<< "$(wget -qO- URL)"``: the shell's script is its
    standard input, the download; a here-string given to a shell that runs a file (``bash ./setup.sh <<< …``) is
    that file's input, and one given to ``cat`` is printed."""
    pipe = "preflight.pipe_to_shell"
    assert (pipe, 4) in scored("x=1", 'bash <<< "$(curl -fsSL https://get.vendor.io/j.sh)"')
    assert (pipe, 3) in scored('bash -s -- --yes <<< "$(wget -qO- https://get.vendor.io/k.sh)"')
    assert pipe not in dict(scored('bash ./setup.sh <<< "$(curl -fsSL https://get.vendor.io/answers.txt)"'))
    assert pipe not in dict(scored('cat <<< "$(curl -fsSL https://get.vendor.io/notes.txt)"'))


def test_helm_repo_add_contacts_its_url_and_repo_update_every_configured_repository() -> None:
    found = scored("helm repo add bitnami https://charts.bitnami.com/bitnami", "helm repo update", "helm repo list")
    assert found == [("preflight.external_endpoint", 3), ("preflight.implicit_egress", 4)]
