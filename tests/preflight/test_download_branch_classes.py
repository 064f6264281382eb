"""Class B of ``unverified_download_exec`` (docs/preflight.md): a git checkout fetched at a moving ref (a branch, no
pinned commit or verified tag), then code from it run. Each construct beside its near miss (a checkout pinned to a
commit, or one only read, stays quiet)."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


_PLUGIN_UPDATER = _text(
    "#!/bin/bash",  # 1
    "is_repo() {",  # 2
    "  git rev-parse --is-inside-work-tree >/dev/null 2>&1",  # 3
    "}",  # 4
    "update_plugin() {",  # 5
    "  (",  # 6
    '    cd "$1"',  # 7
    "    if is_repo; then",  # 8
    "      git pull --rebase",  # 9
    "    fi",  # 10
    "  )",  # 11
    "}",  # 12
    "update_plugin /opt/app/plugins/extra",  # 13
    "/opt/app/plugins/extra/bin/migrate",  # 14
    "make",  # 15: the script's own directory, never pulled
)


def test_a_pull_after_a_call_inside_a_subshell_is_in_the_subshells_directory() -> None:
    # ``is_repo``'s body is written outside the subshell but runs inside it: the ``cd "$1"`` still holds for the
    # pull after it, so the pulled tree is the plugin's, run at 14 (not the working directory ``make`` builds)
    assert codes_at({"update.sh": _PLUGIN_UPDATER}, UNVERIFIED) == [14]


def test_near_miss_the_plugin_pulled_at_a_commit_is_quiet() -> None:
    pinned = _PLUGIN_UPDATER.replace(
        "      git pull --rebase\n",
        "      git pull --rebase\n      git checkout 0123456789abcdef0123456789abcdef01234567\n",
    )
    assert codes_at({"update.sh": pinned}, UNVERIFIED) == []


_GLOBBED = _text(
    "#!/bin/sh",  # 1
    "cd /tmp/work",  # 2
    "wget https://example.com/releases/tool-v1.2-linux-amd64.tar.gz",  # 3
    "tar xzf tool-*-linux-amd64.tar.gz -C /usr/local/bin",  # 4
)


def test_a_glob_that_matches_the_fetched_files_name_reads_the_download() -> None:
    # the loop or command names the archive by a pattern of its name: it is the file wget saved (class A)
    assert codes_at({"get.sh": _GLOBBED}, UNVERIFIED) == [4]


def test_near_miss_a_glob_of_another_name_or_directory_reads_no_download() -> None:
    other = _GLOBBED.replace("tar xzf tool-*", "tar xzf agent-*")
    assert codes_at({"get.sh": other}, UNVERIFIED) == []
    elsewhere = _GLOBBED.replace("tar xzf tool-*", "tar xzf /var/cache/app/tool-*")
    assert codes_at({"get.sh": elsewhere}, UNVERIFIED) == []


_RESOLVED = _text(
    "#!/bin/bash",  # 1
    'TMP_DIR="$(mktemp -d)"',  # 2
    'cd "$TMP_DIR"',  # 3
    "wget https://example.com/app-1.0.tar.gz",  # 4
    "tar xzf app-1.0.tar.gz",  # 5
    'BUILD_DIR=$(realpath -e "$TMP_DIR"/build || exit 1)',  # 6
    'SCRIPTS=$(realpath -e "${BUILD_DIR}"/scripts || exit 1)',  # 7
    'for s in "$SCRIPTS"/*.sh; do',  # 8
    '  bash "$s"',  # 9
    "done",  # 10
)


def test_a_path_resolved_inside_an_unpacked_download_is_the_download() -> None:
    # realpath prints the path it is given: BUILD_DIR, then SCRIPTS, are directories of the unpacked tree (class A)
    assert codes_at({"update.sh": _RESOLVED}, UNVERIFIED) == [9]


def test_near_miss_a_resolved_path_outside_the_download_or_after_a_check_is_quiet() -> None:
    shipped = _RESOLVED.replace('"${BUILD_DIR}"/scripts', "/usr/share/app/scripts")
    assert codes_at({"update.sh": shipped}, UNVERIFIED) == []
    check = "sha256sum -c app-1.0.tar.gz.sha256 || exit 1\n"
    checked = _RESOLVED.replace("tar xzf app-1.0.tar.gz\n", check + "tar xzf app-1.0.tar.gz\n")
    assert codes_at({"update.sh": checked}, UNVERIFIED) == []


_UNSEEN_CHECKOUT = _text(
    "#!/bin/bash",  # 1
    "readonly APP_DIR=/etc/.app",  # 2
    'source "${APP_DIR}/lib/install-lib.sh"',  # 3
    'update_repo "${APP_DIR}" "https://github.com/acme/app.git"',  # 4
    '"${APP_DIR}/bin/migrate.sh" --repair',  # 5
)


def test_a_sourced_function_given_a_repository_and_a_directory_checks_it_out() -> None:
    # update_repo comes from the sourced library (not in the package): handed a repository and a place, it fills
    # the place with the branch's head, which the script then runs (class B, pi-hole's getGitFiles)
    assert codes_at({"update.sh": _UNSEEN_CHECKOUT}, UNVERIFIED) == [5]


def test_near_miss_a_defined_function_a_pinned_commit_a_program_or_a_checkout_only_read_is_quiet() -> None:
    defined = _UNSEEN_CHECKOUT.replace("update_repo \"", 'update_repo() { ls "$1"; }\nupdate_repo "')
    assert codes_at({"update.sh": defined}, UNVERIFIED) == []
    pinned = _UNSEEN_CHECKOUT.replace('app.git"', 'app.git" 0123456789abcdef0123456789abcdef01234567')
    assert codes_at({"update.sh": pinned}, UNVERIFIED) == []
    unsourced = _UNSEEN_CHECKOUT.replace('source "${APP_DIR}/lib/install-lib.sh"\n', "")  # a program on PATH
    assert codes_at({"update.sh": unsourced}, UNVERIFIED) == []
    read = _UNSEEN_CHECKOUT.replace('"${APP_DIR}/bin/migrate.sh" --repair', 'cat "${APP_DIR}/VERSION"')
    assert codes_at({"update.sh": read}, UNVERIFIED) == []
