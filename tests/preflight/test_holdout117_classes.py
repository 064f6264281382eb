"""Classes of mistakes the hundred-and-seventeenth hold-out set found (tests/preflight/holdout117: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

PRIVILEGE = "preflight.implicit_privilege"
RM = "preflight.rm_rf_variable"
EGRESS = "preflight.implicit_egress"
PERSISTENCE = "preflight.persistence"

# -- A: a write into a directory the script tested writable, through a variable set in that test's branch -------------


def test_a_branch_under_a_writability_test_needs_no_root() -> None:
    lines = ["if [ -w /usr/local/bin ]; then", "  DEST=/usr/local/bin/eg", "else", "  DEST=/tmp/eg", "fi"]
    assert in_script(PRIVILEGE, *lines, "curl -Lso $DEST https://example.com/eg && chmod a+x $DEST") == []


def test_a_near_miss_another_directory_tested() -> None:
    # the test is of another directory: the /usr/local/bin branch still needs root
    lines = ["if [ -w /opt/tools ]; then", "  DEST=/usr/local/bin/eg", "else", "  DEST=/tmp/eg", "fi"]
    assert in_script(PRIVILEGE, *lines, "curl -Lso $DEST https://example.com/eg") == [8]


# -- B: rm -rf of a variable whose only value is empty removes nothing ------------------------------------------------


def test_b_the_empty_whole_word_is_not_the_root() -> None:
    assert in_script(RM, 'tmp=""', 'rm -rf "$tmp"') == []
    assert in_script(RM, 'tmp=""', "on_exit() {", '  [ -n "$tmp" ] && rm -rf "$tmp"', "}", "trap on_exit EXIT") == []


def test_b_near_misses_a_path_built_on_the_empty_value() -> None:
    # "$tmp"/* and "$tmp/" are /* and / when tmp is empty
    assert in_script(RM, 'tmp=""', 'rm -rf "$tmp"/*') == [4]
    assert in_script(RM, 'tmp=""', 'rm -rf "$tmp/"') == [4]


# -- C: the first ``up --build`` of a stack after a ``pull`` pulls the build's base images -----------------------------


def test_c_up_build_after_pull_fetches() -> None:
    assert in_script(
        EGRESS, "git pull", "docker-compose pull", "docker-compose down", "docker-compose up -d --build"
    ) == [
        3,
        4,
        6,
    ]


def test_c_near_misses_the_stack_built_or_up_before() -> None:
    # an ``up`` before (it built what the stack lacked) or a ``build``: the base images are on the host
    assert in_script(EGRESS, "docker-compose up -d", "docker-compose pull web", "docker-compose up --build -d") == [
        3,
        4,
    ]
    assert in_script(EGRESS, "docker compose build", "docker compose up -d --build") == []
    # ``up`` without --build after a pull fetches nothing more
    assert in_script(EGRESS, "docker compose pull", "docker compose up -d") == [3]


# -- D: a function's ``{ …; } >>"$1"`` group is reported on its redirection line --------------------------------------


def test_d_group_write_through_a_function_on_its_redirection_line() -> None:
    lines = [
        "add_block() {",
        "  {",
        "    printf '%s\\n' '# mark'",
        "    printf '%s\\n' 'export PATH'",
        '  } >>"$1"',
        "}",
    ]
    assert in_script(PERSISTENCE, *lines, 'add_block "$HOME/.bashrc"') == [7]


def test_d_near_miss_one_line_writer_keeps_its_line() -> None:
    lines = ["add_line() {", '  echo "export PATH" >> "$1"', "}"]
    assert in_script(PERSISTENCE, *lines, 'add_line "$HOME/.bashrc"') == [4]
    # a function that writes a file no profile names is not persistence
    assert in_script(PERSISTENCE, *lines, 'add_line "$HOME/notes.txt"') == []


# -- E: a clone into a relative directory after ``cd`` is the directory under that place -----------------------------

UNVERIFIED = "preflight.unverified_download_exec"


def test_e_clone_after_cd_is_named_from_that_place() -> None:
    assert in_script(UNVERIFIED, "cd ~", "git clone --depth 1 https://github.com/a/tool", "source ~/tool/env.sh") == [5]
    assert in_script(UNVERIFIED, "cd /opt", "git clone https://github.com/a/tool", "bash /opt/tool/install.sh") == [5]
    # the relative name still names it
    assert in_script(UNVERIFIED, "cd /opt", "git clone https://github.com/a/tool", "bash tool/install.sh") == [5]


def test_e_near_misses_another_tree_or_an_unknown_place() -> None:
    assert in_script(UNVERIFIED, "cd ~", "git clone https://github.com/a/tool", "source ~/other/env.sh") == []
    # a ``cd`` to a directory only known at run time gives no place to name the clone from
    assert in_script(UNVERIFIED, 'cd "$WORK"', "git clone https://github.com/a/tool", "source ~/tool/env.sh") == []
