"""Classes of misses and false findings that remained across the hold-out sets (tests/preflight/holdout*/) after
each set's own round, each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, script

# -- fpm's scriptlet names (``beforeInstall.sh``, ``post-install.sh``) with both dpkg's and rpm's tools -------------

_BOTH = script(
    "if [ -f /etc/debian_version ]; then update-rc.d vendor-agent defaults; else chkconfig --add vendor-agent; fi",
    "cp -f /usr/lib/vendor/vendor-agent.service /lib/systemd/system/vendor-agent.service",
)


def test_an_fpm_named_scriptlet_for_deb_and_rpm_runs_as_root() -> None:
    for path in ("scripts/post-install.sh", "src/linux/scripts/beforeInstall.sh", "scripts/after_upgrade.sh"):
        assert codes_at({path: _BOTH}, "preflight.root_assumed") == [1], path
        assert codes_at({path: _BOTH}, "preflight.implicit_privilege") == [], path
    queried = script("VERSION=$(dpkg-query -W -f='${Version}' vendor || rpm -q vendor)", "cp x /etc/vendor/x")
    assert codes_at({"scripts/beforeInstall.sh": queried}, "preflight.root_assumed") == [1]


def test_an_fpm_name_alone_or_one_package_system_is_a_vendor_hook() -> None:
    # (a post-install that registers a service to start at boot is a scriptlet by that alone:
    # test_holdout33_classes.py; here one system's query tool and a root-only copy)
    one = script("rpm -q vendor-agent || exit 0", "cp -f a.service /lib/systemd/system/a.service")
    assert codes_at({"scripts/post-install.sh": one}, "preflight.root_assumed") == []
    assert codes_at({"scripts/post-install.sh": one}, "preflight.implicit_privilege") == [4]
    # an installer of either system's packages (apt-get or yum) is any installer
    deps = script("apt-get install -y jq || yum install -y jq")
    assert codes_at({"scripts/post-install.sh": deps}, "preflight.root_assumed") == []
    # both systems' tools in a file not named as a scriptlet
    assert codes_at({"scripts/setup.sh": _BOTH}, "preflight.root_assumed") == []


# -- fetched code run: by a bare name, as a jar, or unpacked into a variable one of whose values is a system dir ---


def test_a_fetched_file_run_by_its_bare_name_or_as_a_jar_is_run() -> None:
    bare = ("curl -fsSL https://deb.example.net/setup_12.x -o setup_dten.sh", "setup_dten.sh")
    assert in_script("preflight.unverified_download_exec", *bare) == [4]
    jar = ("curl -fsSL -o dten-installer.jar https://maven.example.net/i.jar", "java -jar dten-installer.jar server")
    assert in_script("preflight.unverified_download_exec", *jar) == [4]
    # a system tool of the same base name as a file fetched elsewhere is not the fetched file
    other = ("curl -fsSL -o /tmp/dten/helm https://get.example.net/helm", "helm version")
    assert in_script("preflight.unverified_download_exec", *other) == []
    checked = (*jar[:1], "sha256sum -c dten-installer.jar.sha256", jar[1])
    assert in_script("preflight.unverified_download_exec", *checked) == []


def test_an_archive_unpacked_where_a_variable_may_name_a_system_directory() -> None:
    lines = (
        "out_dir=/opt",
        'if [ "$(uname)" = Darwin ]; then out_dir=/Applications; fi',
        'curl -s "https://static.example.net/dten.tar.gz" --output dten.tar.gz',
        'tar -C "$out_dir" -f dten.tar.gz -x -z',
    )
    assert in_script("preflight.unverified_download_exec", *lines) == [6]
    # every value the variable takes is the product's own directory
    home = ("out_dir=$HOME/dten", *lines[1:])
    assert in_script("preflight.unverified_download_exec", *home) == []


# -- a secret expanded after an escaped quote (``'…'\''…'\'$PW\''…'``) is one word that expands it -----------------

_SED_PW = r"""sed -i 's/$db_password = '\''.*'\''/$db_password = '\'$DB_PASSWORD\''/g' /var/www/html/settings.php"""


def test_a_traced_command_expanding_a_secret_after_an_escaped_quote_prints_it() -> None:
    # one finding per trace, at its ``set -x`` (the session-30 ruling: tests/preflight/corpus/README.md)
    assert in_script("preflight.secret_printed", "set -x", _SED_PW) == [3]
    # tracing switched off before it, or never on: nothing is printed
    assert in_script("preflight.secret_printed", "set -x", "set +x", _SED_PW) == []
    assert in_script("preflight.secret_printed", _SED_PW) == []


# -- a program's looked-up path removed whole: never / or the working tree -----------------------------------------


def test_a_recursive_rm_of_a_looked_up_program_path_is_not_an_unguarded_variable() -> None:
    lookup = ('if [ -x "$(command -v rclone)" ]; then', "  p=$(command -v rclone)", "  rm -rf $p", "fi")
    assert in_script("preflight.rm_rf_variable", *lookup) == []
    assert in_script("preflight.rm_rf_variable", "p=`which dten`", 'rm -rf "$p"') == []
    # what is below it, or a value from another command, can still be / or the working tree
    assert in_script("preflight.rm_rf_variable", "p=$(command -v dten)", 'rm -rf "$p"/*') == [4]
    assert in_script("preflight.rm_rf_variable", "p=$(cat /etc/dten/prefix)", "rm -rf $p") == [4]


# -- one change to a startup file: a file written whole then appended to, one sed edit in two spellings ------------


def test_a_file_rewritten_then_appended_to_is_one_persistence_change() -> None:
    rc = ("cp /etc/rc /etc/rc.bak", "cat > /etc/rc <<EOF", "/usr/local/etc/rc", "EOF", "cat /etc/rc.bak >> /etc/rc")
    assert codes_at({"+POST_INSTALL": script(*rc)}, "preflight.persistence") == [4]
    # two appends are two additions
    appends = ("echo 'source ~/.dten.sh' >> ~/.bashrc", "echo 'eval \"$(dten init)\"' >> ~/.bashrc")
    assert in_script("preflight.persistence", *appends) == [3, 4]


def test_one_sed_edit_spelt_for_gnu_and_bsd_sed_is_one_change() -> None:
    edit = "'/if status is-interactive/,/end/ s/end$/    dten init fish | source/'"
    branches = (
        "if sed --version >/dev/null 2>&1; then",
        f'  sed -i {edit} "$HOME/.config/fish/config.fish"',
        "else",
        f"  sed -i '' {edit} \"$HOME/.config/fish/config.fish\"",
        "fi",
    )
    assert in_script("preflight.persistence", *branches) == [4]
    # two different edits of the file are two changes
    fish = "~/.config/fish/config.fish"
    other = (f"sed -i {edit} {fish}", f"sed -i 's/^dten$/dten --quiet/' {fish}")
    assert in_script("preflight.persistence", *other) == [3, 4]


# -- fetched code followed in the order functions are called, not the order they are written ------------------------

_FUNCTIONS = (
    'download() { curl -fsSL -o "$TAR_FILE" "https://github.com/dten/dten/releases/download/$V/dten.tar.gz"; }',
    'decompress() { tar -zxf "$1" -C "$TMP_DIRECTORY"; }',
    'install_bin() { install -m 755 "$TMP_DIRECTORY/dten" "/usr/local/bin/dten"; }',
    'verify() { sha256sum -c "$TAR_FILE.sha256"; }',
)


def test_a_download_unpacked_by_a_function_given_its_path_then_installed_is_run() -> None:
    main = ("main() {", "  TMP_DIRECTORY=$(mktemp -d)", "  download", '  decompress "$TAR_FILE"', "  install_bin", "}")
    assert in_script("preflight.unverified_download_exec", *_FUNCTIONS, *main, "main") == [5]
    # a check called between the download and the install clears it
    checked = (*main[:3], "  verify", *main[3:])
    assert in_script("preflight.unverified_download_exec", *_FUNCTIONS, *checked, "main") == []


def test_an_install_called_before_the_download_installs_what_was_there() -> None:
    main = ("TMP_DIRECTORY=$(mktemp -d)", "install_bin", "download", 'decompress "$TAR_FILE"')
    assert in_script("preflight.unverified_download_exec", *_FUNCTIONS, *main) == []


# -- a script that replaces itself with a download and re-runs; a download saved where every shell sources it ------


def test_a_script_replaced_by_its_download_and_re_run_runs_fetched_code() -> None:
    body = script('THIS_SCRIPT=$(readlink -f "$0")', 'wget -q "$SCRIPT_URL" -O update.sh', "exec ${THIS_SCRIPT}")
    assert codes_at({"update.sh": body}, "preflight.unverified_download_exec") == [5]
    # another file's download, or the script re-run after a check of what was fetched
    other = script('wget -q "$SCRIPT_URL" -O helper.sh', 'exec "$0" "$@"')
    assert codes_at({"update.sh": other}, "preflight.unverified_download_exec") == []
    checked = script('wget -q "$SCRIPT_URL" -O update.sh', "sha256sum -c update.sh.sha256", 'exec "$0" "$@"')
    assert codes_at({"update.sh": checked}, "preflight.unverified_download_exec") == []


def test_a_download_saved_into_bash_completion_is_run_by_every_shell() -> None:
    url = "https://raw.githubusercontent.com/dten/dten/main/contrib/completion/bash/dten"
    assert in_script("preflight.unverified_download_exec", f"curl -fsSL {url} -o /etc/bash_completion.d/dten") == [3]
    done = f"curl -fsSL {url} -o /usr/share/bash-completion/completions/dten"
    assert in_script("preflight.unverified_download_exec", done) == [3]
    # documentation saved beside it is read, not sourced
    assert in_script("preflight.unverified_download_exec", f"curl -fsSL {url} -o /usr/share/doc/dten/dten.bash") == []


# -- a disable in a removal function that exits is not undone by the install path's enable -------------------------


def test_a_disable_in_a_function_that_exits_is_not_switched_back_on_by_another_path() -> None:
    remove = ("remove_dten() {", "  systemctl disable dten", "  rm -r /usr/local/bin/dten", "  exit 0", "}")
    main = ('[ "$REMOVE" -eq 1 ] && remove_dten', "systemctl start dten", "systemctl enable dten")
    assert in_script("preflight.service_disabled", *remove, *main) == [4]
    # without the exit the enable below runs after it; an enable in the same function after the disable undoes it
    assert in_script("preflight.service_disabled", *remove[:3], *remove[4:], *main) == []
    again = ("reset_dten() {", "  systemctl disable dten", "  systemctl enable dten", "  exit 0", "}", "reset_dten")
    assert in_script("preflight.service_disabled", *again) == []


# -- egress read in call order: an ``up`` in a function defined above the ``pull`` that runs first -----------------


def test_a_compose_up_in_a_function_called_after_the_pull_fetches_nothing_more() -> None:
    wait = ("wait_for_start() {", "  docker-compose -f ./docker/dten.yaml up -d", "}")
    after = ("docker-compose -f ./docker/dten.yaml pull", "wait_for_start")
    assert in_script("preflight.implicit_egress", *wait, *after) == [6]
    # called before the pull, its up fetches the stack's images; the pull asks the registry again
    assert in_script("preflight.implicit_egress", *wait, *reversed(after)) == [4, 7]


# -- ``$(dirname "$KNOWN")`` is the known path's directory ------------------------------------------------------


def test_the_dirname_of_a_known_path_is_known() -> None:
    hook = "HOOK=/etc/letsencrypt/renewal-hooks/deploy/0000-dten.sh"
    assert in_script("preflight.implicit_privilege", hook, "mkdir -p $(dirname $HOOK)") == [4]
    assert in_script("preflight.implicit_privilege", hook, 'mkdir -p "`dirname "$HOOK"`"') == [4]
    # the script's own directory, or a path under the home directory, needs nothing
    assert in_script("preflight.implicit_privilege", 'mkdir -p "$(dirname "$0")/cache"') == []
    home = "HOOK=$HOME/.dten/hooks/deploy.sh"
    assert in_script("preflight.implicit_privilege", home, "mkdir -p $(dirname $HOOK)") == []
