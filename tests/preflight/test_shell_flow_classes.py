"""Shell data-flow classes hold-out rounds 42 and 45 left (tests/preflight/holdout42 and holdout45, "Not changed"):
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import package, run

from shipgate.findings import Severity
from shipgate.preflight.shell.reader import parse_script

ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _hosts(source: str, name: str = "install.sh") -> list[tuple[int | None, str]]:
    """(line, host) of every external_endpoint finding of a package of one script."""
    found = run(package({name: source}))
    return sorted(
        (f.evidence.get("line"), str(f.evidence.get("host")))
        for f in found
        if f.code == ENDPOINT and f.severity > Severity.INFO
    )


# -- 1: a variable given a URL in separate case items (or if/else branches) may hold either: each host is a contact --

CHANNELS = _text(
    "#!/bin/sh",  # 1
    "URL=",  # 2
    'case "$CHANNEL" in',  # 3
    '  stable) URL="https://downloads.vendor.example/static/$(uname -m)/app.tgz" ;;',  # 4
    '  nightly) URL="https://nightly.vendor.example/$(uname -m)/app.tgz" ;;',  # 5
    "esac",  # 6
    "fetch() {",  # 7
    '  curl -L -o app.tgz "$URL"',  # 8
    "}",  # 9
    "fetch",  # 10
)


def test_1_every_case_items_host_is_a_contact_also_from_a_function() -> None:
    assert _hosts(CHANNELS) == [(8, "downloads.vendor.example"), (8, "nightly.vendor.example")]


def test_1_near_miss_a_value_overwritten_on_every_path_is_no_alternative() -> None:
    overwritten = _text(
        "#!/bin/sh",
        'case "$CHANNEL" in',
        "  stable) URL=https://downloads.vendor.example/app.tgz ;;",
        "esac",
        "URL=https://mirror.vendor.example/app.tgz",
        'curl -L -o app.tgz "$URL"',
    )
    assert _hosts(overwritten) == [(6, "mirror.vendor.example")]
    straight = _text(
        "#!/bin/sh",
        "URL=https://downloads.vendor.example/app.tgz",
        "URL=https://mirror.vendor.example/app.tgz",
        'curl -L -o app.tgz "$URL"',
    )
    assert _hosts(straight) == [(4, "mirror.vendor.example")]


# -- 2: an archive unpacked in the directory of the last cd (no -C) lands there: into a bin directory it installs ---

UNVERIFIED = "preflight.unverified_download_exec"

INTO_BIN = _text(
    "#!/bin/sh",  # 1
    'BIN="${APP_BIN:-$HOME/bin}"',  # 2
    "tmp=$(mktemp -d)",  # 3
    'curl -L -o "$tmp/app.tgz" https://downloads.vendor.example/app.tgz',  # 4
    'mkdir -p "$BIN"',  # 5
    'cd "$BIN"',  # 6
    'tar zxf "$tmp/app.tgz" --strip-components=1',  # 7
)


def _unverified(source: str) -> list[int | None]:
    found = run(package({"install.sh": source}))
    return sorted(f.evidence.get("line") for f in found if f.code == UNVERIFIED and f.severity > Severity.INFO)


def test_2_an_archive_unpacked_after_cd_into_a_bin_directory_is_installed_unverified() -> None:
    assert _unverified(INTO_BIN) == [7]
    # the same with -C, and into ~/.local/bin named literally
    with_c = _text(
        "#!/bin/sh",
        "curl -L -o /tmp/app.tgz https://downloads.vendor.example/app.tgz",
        "tar -C ~/.local/bin -xzf /tmp/app.tgz",
    )
    assert _unverified(with_c) == [3]


def test_2_near_miss_unpacked_in_a_temporary_directory_or_after_a_checksum_check() -> None:
    scratch = _text(
        "#!/bin/sh",
        "tmp=$(mktemp -d)",
        'curl -L -o "$tmp/app.tgz" https://downloads.vendor.example/app.tgz',
        'cd "$tmp"',
        "tar zxf app.tgz --strip-components=1",
    )
    assert _unverified(scratch) == []
    # a bare check stops the script only under errexit (holdout148's notfound: without it the run goes on)
    checked = INTO_BIN.replace('mkdir -p "$BIN"', 'echo "$SUM  $tmp/app.tgz" | sha256sum -c -')
    checked = checked.replace("#!/bin/sh", "#!/bin/sh -e")
    assert _unverified(checked) == []


# -- 3: a brace list is the words it expands to: cp /tmp/{app,README} DEST copies the fetched app -------------------

BRACED_COPY = _text(
    "#!/bin/sh",  # 1
    "curl -fsSL -o /tmp/app https://downloads.vendor.example/app",  # 2
    "cp /tmp/{app,README} /usr/local/bin/",  # 3
)


def test_3_a_brace_list_names_the_fetched_file_it_copies_into_a_bin_directory() -> None:
    assert _unverified(BRACED_COPY) == [3]


def test_3_near_miss_braces_inside_quotes_are_literal() -> None:
    assert _unverified(BRACED_COPY.replace("/tmp/{app,README}", '"/tmp/{app,README}"')) == []


# -- 4: a string handed to a function that runs it with sh -c "$1" / su -c "…$1" / eval "$1" is read as commands ----

MIGRATION = "preflight.hidden_migration"

RUN_AS = _text(
    "#!/bin/sh",  # 1
    "run_as() {",  # 2
    '  if [ "$(id -u)" = 0 ]; then',  # 3
    '    su - www-data -s /bin/sh -c "cd /var/www/html;$1"',  # 4
    "  else",  # 5
    '    sh -c "$1"',  # 6
    "  fi",  # 7
    "}",  # 8
    'do_it() { eval "$1"; }',  # 9
    "run_as 'cd /var/www/html; php artisan migrate --force'",  # 10
    'do_it "php bin/console doctrine:migrations:migrate -n"',  # 11
)


def _codes_at(source: str, code: str) -> list[int | None]:
    found = run(package({"docker-entrypoint.sh": source}))
    return sorted(f.evidence.get("line") for f in found if f.code == code and f.severity > Severity.INFO)


def test_4_a_string_a_function_runs_as_shell_is_read_as_commands_at_the_call() -> None:
    assert _codes_at(RUN_AS, MIGRATION) == [10, 11]
    # the function's shell held in a variable, escalated: the string's apt-get runs with sudo from the call
    through = _text("#!/bin/sh", "sh_c='sudo -E sh -c'", 'run() { $sh_c "$1"; }', 'run "apt-get install -y nginx"')
    assert 4 in _codes_at(through, "preflight.sudo_unavailable")


def test_4_near_miss_a_function_that_prints_or_logs_its_argument_runs_nothing() -> None:
    printed = _text(
        "#!/bin/sh",
        'say() { echo "$1"; logger -t app "$1"; }',
        "say 'php artisan migrate --force'",
    )
    assert _codes_at(printed, MIGRATION) == []
    # a function that assigns the variable its first argument names runs no command named by it
    assigner = _text(
        "#!/bin/sh",
        'set_var() { eval "$1=\\"$2\\""; }',
        "set_var 'php artisan migrate --force' x",
    )
    assert _codes_at(assigner, MIGRATION) == []


# -- 5: a fallback followed through a second variable: the delete's target is a path under a directory that is set --

RM_RF = "preflight.rm_rf_variable"

FALLBACK_THEN_COPY = _text(
    "#!/bin/bash",  # 1
    'if [ -z "${SDK_DIR}" ]; then',  # 2
    '\tSDK_DIR="$HOME/.sdk"',  # 3
    "fi",  # 4
    'sdk_bin="${SDK_DIR}/bin"',  # 5
    'rm -rf "${sdk_bin}"',  # 6
    ": ${APP_DIR:=$HOME/.app}",  # 7
    'app_lib="$APP_DIR/lib"',  # 8
    'rm -rf "$app_lib"',  # 9
)


def test_5_a_delete_under_a_directory_a_fallback_set_is_no_rm_rf_of_an_empty_variable() -> None:
    assert _codes_at(FALLBACK_THEN_COPY, RM_RF) == []


def test_5_near_miss_no_fallback_or_a_fallback_only_after_the_delete() -> None:
    unset = _text(
        "#!/bin/bash",
        'sdk_bin="${SDK_DIR}/bin"',
        'rm -rf "${sdk_bin}"',
        'app_lib="$APP_DIR/lib"',
        'rm -rf "$app_lib"',
        ": ${APP_DIR:=$HOME/.app}",
    )
    assert _codes_at(unset, RM_RF) == [3, 5]


# -- 6: case items and if/else branches are alternatives: a fetch in one does not reach a run in another --

UDE = "preflight.unverified_download_exec"

DISPATCH = _text(
    "#!/bin/bash",  # 1
    "run() {",  # 2
    "  eval $@",  # 3
    "}",  # 4
    'case "$1" in',  # 5
    "  upgrade)",  # 6
    '    run "git pull origin main"',  # 7
    "    ;;",  # 8
    "  bootstrap)",  # 9
    "    cp bin/app-tool /usr/local/bin/app-tool",  # 10
    "    ;;",  # 11
    "esac",  # 12
)


def _ude(source: str) -> list[int | None]:
    found = run(package({"bin/app": source}))
    return sorted(f.evidence.get("line") for f in found if f.code == UDE and f.severity > Severity.INFO)


def test_6_a_pull_in_one_case_item_does_not_reach_a_copy_in_another() -> None:
    assert _ude(DISPATCH) == []
    branches = _text(
        "#!/bin/sh",
        'if [ "$1" = update ]; then',
        "  curl -fsSL -o tool.sh https://get.vendor.example/tool.sh",
        "else",
        "  sh ./tool.sh",
        "fi",
    )
    assert _ude(branches) == []


def test_6_near_miss_a_fetch_before_the_case_reaches_every_item_and_a_loop_repeats_its_items() -> None:
    before = DISPATCH.replace('case "$1" in', 'run "git pull origin main"\ncase "$1" in')
    assert _ude(before) == [11]
    same_item = _text(
        "#!/bin/sh",
        'case "$1" in',
        "  install)",
        "    curl -fsSL -o tool.sh https://get.vendor.example/tool.sh",
        "    sh ./tool.sh",
        "    ;;",
        "esac",
    )
    assert _ude(same_item) == [5]
    looped = _text(
        "#!/bin/sh",
        "for step in fetch run; do",
        '  case "$step" in',
        "    fetch) curl -fsSL -o tool.sh https://get.vendor.example/tool.sh ;;",
        "    run) sh ./tool.sh ;;",
        "  esac",
        "done",
    )
    assert _ude(looped) == [5]
    twice = _text(
        "#!/bin/sh",
        "step() {",
        '  case "$1" in',
        "    fetch) curl -fsSL -o tool.sh https://get.vendor.example/tool.sh ;;",
        "    run) sh ./tool.sh ;;",
        "  esac",
        "}",
        "step fetch",
        "step run",
    )
    assert _ude(twice) == [5]


# -- 7: an init script (or unit) the installer writes, naming a file of a checkout it cloned, then registered --

INIT_FROM_CLONE = _text(
    "#!/bin/bash",  # 1
    "APP_HOME=/opt/app/server",  # 2
    "git clone --depth 1 --branch stable https://git.vendor.example/app.git $APP_HOME/",  # 3
    "cat <<EOF > ~/app-server",  # 4
    "#!/bin/sh",  # 5
    "### BEGIN INIT INFO",  # 6
    "# Provides: app-server",  # 7
    "### END INIT INFO",  # 8
    "DAEMON=$APP_HOME/app-bin",  # 9
    "start-stop-daemon --start --exec \\$DAEMON",  # 10
    "EOF",  # 11
    "mv ~/app-server /etc/init.d/app-server",  # 12
    "chmod 755 /etc/init.d/app-server",  # 13
    "update-rc.d app-server defaults",  # 14
)


def test_7_an_init_script_whose_daemon_is_in_the_clone_registered_for_boot_runs_the_clone() -> None:
    assert _ude(INIT_FROM_CLONE) == [14]
    unit = _text(
        "#!/bin/bash",
        "git clone https://git.vendor.example/app.git /opt/app",
        "cat <<EOF | tee /etc/systemd/system/app.service",
        "[Service]",
        "ExecStart=/usr/bin/python3 /opt/app/server.py",
        "EOF",
        "systemctl enable --now app",
    )
    assert _ude(unit) == [7]


def test_7_near_miss_a_packaged_daemon_or_a_definition_never_registered() -> None:
    packaged = INIT_FROM_CLONE.replace("DAEMON=$APP_HOME/app-bin", "DAEMON=/usr/sbin/app-bin")
    assert _ude(packaged) == []
    unregistered = INIT_FROM_CLONE.replace("update-rc.d app-server defaults", "echo done")
    assert _ude(unregistered) == []
    pinned = INIT_FROM_CLONE.replace("cat <<EOF", f"git -C $APP_HOME checkout {'a' * 40}\ncat <<EOF")
    assert _ude(pinned) == []


# -- 8: where tree-sitter-bash loses the structure without an error, the lines are read alone (shell.recovery) --

RUNAWAY_TEST = _text(
    "#!/bin/bash",  # 1
    "same() {",  # 2
    '  a=$(echo "$1" | cut -d- -f1)',  # 3
    '  b=$(echo "$2" | cut -d- -f1)',  # 4
    '  if [ "$a" \\= "$b" ]',  # 5
    "  then",  # 6
    "    echo 0 && return 0",  # 7
    "  fi",  # 8
    '  [ -n "$a" ] && echo 1 && return 0',  # 9
    "  echo 2",  # 10
    "}",  # 11
    'if [ -n "$3" ]; then',  # 12
    "  echo x",  # 13
    "fi",  # 14
    "curl -fsSL -o /tmp/x.tgz https://get.vendor.example/x.tgz",  # 15
    "tar -xzf /tmp/x.tgz -C /usr/local/bin",  # 16
)

SWALLOWING_REDIRECT = _text(
    "#!/bin/bash",  # 1
    'CMD="psql -h db"',  # 2
    "echo q | $CMD | grep x | sort > /tmp/done.txt",  # 3
    "ls | sort > /tmp/all.txt",  # 4
    "if [ -s /tmp/all.txt ]",  # 5
    "then",  # 6
    "  while read -r f",  # 7
    "  do",  # 8
    '    $CMD < "$f" 2>&1 | tee /tmp/out',  # 9
    "  done < /tmp/all.txt",  # 10
    "fi",  # 11
)


def test_8_a_test_whose_bracket_the_parser_misses_no_longer_nests_the_file_in_the_function() -> None:
    script = parse_script(RUNAWAY_TEST, path="install.sh")
    assert script.incomplete is None
    assert {c.line: c.function for c in script.commands if c.name in ("curl", "tar")} == {15: None, 16: None}
    assert {c.function for c in script.commands if c.line in (7, 10)} == {"same"}


def test_8_a_redirection_that_swallows_the_lines_after_it_gives_them_back_as_statements() -> None:
    script = parse_script(SWALLOWING_REDIRECT, path="sync.sh")
    psql = [c for c in script.commands if c.name == "psql" and c.line == 9]
    assert [r.op for c in psql for r in c.redirects][:1] == ["<"]
    assert [c.line for c in script.commands if c.name == "read"] == [7]


def test_8_near_miss_a_clean_file_and_a_continued_test_are_read_as_before() -> None:
    clean = _text("#!/bin/bash", 'if [ "$a" = "$b" ]; then', "  echo same", "fi", "ls | sort > /tmp/all.txt")
    script = parse_script(clean, path="install.sh")
    assert script.incomplete is None
    assert [(c.line, c.name) for c in script.commands] == [(3, "echo"), (5, "ls"), (5, "sort")]
    continued = _text("#!/bin/bash", 'if [ "$a" = "$b" \\', '     -o -n "$c" ]; then', "  echo same", "fi")
    assert [(c.line, c.name) for c in parse_script(continued, path="x.sh").commands] == [(4, "echo")]


def test_8_a_large_region_the_parser_cannot_place_is_reported_as_read_in_part() -> None:
    broken = _text("#!/bin/bash", "f() {", "  case", *(f"  echo {i}" for i in range(12)), "}")
    script = parse_script(broken, path="install.sh")
    assert script.incomplete is not None and "did not parse" in script.incomplete


# -- 9: a checksum list named after one download checks that download, not another fetched beside it --

CHECKED_BESIDE = _text(
    "#!/bin/sh -e",  # 1 (errexit: the bare check on 6 stops the run when it fails, holdout148)
    "cd /tmp",  # 2
    "curl -fsSL -o app.tar.gz https://dl.vendor.example/app.tar.gz",  # 3
    "curl -fsSL -o app.tar.gz.sha256.txt https://dl.vendor.example/app.tar.gz.sha256.txt",  # 4
    "curl -fsSL -o setup.sh https://raw.vendor.example/main/setup.sh",  # 5
    "sha256sum -c app.tar.gz.sha256.txt",  # 6
    "tar -xzf app.tar.gz -C /usr/local/bin",  # 7
    "chmod +x setup.sh",  # 8
)


def test_9_a_list_named_after_the_tarball_does_not_check_the_script_fetched_beside_it() -> None:
    assert _ude(CHECKED_BESIDE) == [8]


def test_9_near_miss_a_list_of_many_files_or_the_checked_file_itself() -> None:
    sums = CHECKED_BESIDE.replace("app.tar.gz.sha256.txt", "SHA256SUMS")
    assert _ude(sums) == []
    assert _ude(CHECKED_BESIDE.replace("chmod +x setup.sh", "echo done")) == []


# -- 10: an application's CLI, named by a variable, whose ``run`` subcommand runs the rest as a command --

EGRESS = "preflight.implicit_egress"


def _egress(source: str) -> list[int | None]:
    found = run(package({"packaging/bin/postinstall": source}))
    return sorted(f.evidence.get("line") for f in found if f.code == EGRESS and f.severity > Severity.INFO)


def test_10_an_app_clis_run_subcommand_runs_the_package_manager_it_names() -> None:
    text = _text(
        "#!/bin/bash",
        'CLI="${APP_NAME}"',
        "${CLI} run bundle install",
        '${CLI} run bash -c "NODE_ENV=development npm install"',
    )
    assert _egress(text) == [3, 4]
    # the tool hands its words to a shell: a quoted task list is the tasks rake is given
    tasks = _text(
        "#!/bin/bash", 'CLI="${APP_NAME}"', 'steps="db:migrate db:seed"', '${CLI} run rake "${steps} app:setup"'
    )
    found = run(package({"packaging/bin/postinstall": tasks}))
    assert [f.evidence.get("line") for f in found if f.code == "preflight.hidden_migration"] == [4]


def test_10_near_miss_other_subcommands_and_a_known_tools_run_run_nothing_new() -> None:
    text = _text(
        "#!/bin/bash",
        'CLI="${APP_NAME}"',
        '${CLI} config:set RECOMPILE_ASSETS="true"',
        "${CLI} run --help",
        "npm run build",
    )
    assert _egress(text) == []
    script = parse_script(text, path="packaging/bin/postinstall")
    assert [c.name for c in script.commands] == [None, None, "npm"]
