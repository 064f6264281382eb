"""Classes of mistakes the eighth hold-out set found (tests/preflight/holdout8), each as its minimal construct next to
a near-miss that must stay quiet (or stay reported)."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, script


def test_su_to_a_service_account_in_a_script_that_runs_as_root_drops_privileges() -> None:
    # a package postinst runs as root: ``su - postgres -c …`` switches down to postgres, nothing escalates
    postinst = script("su - postgres -c 'createdb -E UTF8 dten'", "echo 'CREATE USER dten;' | su - postgres -c psql")
    assert codes_at({"debian/postinst": postinst}, "preflight.sudo_unavailable") == []
    # under a check that it runs as root, the same
    branch = ['if [ "$(id -u)" = 0 ]; then', "  runuser -u dten -- dten-migrate", "fi"]
    assert in_script("preflight.sudo_unavailable", *branch) == []
    # near-misses: in a script not known to run as root su asks for the account's password; su to root escalates
    assert in_script("preflight.sudo_unavailable", "su - postgres -c 'createdb dten'") == [3]
    root_su = script("su -c 'apt-get -y install dten'")
    assert codes_at({"debian/postinst": root_su}, "preflight.sudo_unavailable") == [3]


def test_a_migration_cli_behind_a_runner_is_a_hidden_migration() -> None:
    assert in_script("preflight.hidden_migration", "dten run rake db:migrate") == [3]
    assert in_script("preflight.hidden_migration", "exec ./set-environment bin/plm migration run --path /srv") == [3]
    # near-misses: printing the command, seeding data, a runner running something else
    assert in_script("preflight.hidden_migration", "echo run rake db:migrate") == []
    assert in_script("preflight.hidden_migration", "dten run rake db:seed") == []
    assert in_script("preflight.hidden_migration", "./set-environment bin/dten --version") == []


def test_recursive_rm_of_a_variable_assigned_a_named_path_cannot_reach_root() -> None:
    named = ['TOP=$(dirname "$0")', "avatars=${TOP}/seahub/media/avatars", 'rm -rf "${avatars}"']
    assert in_script("preflight.rm_rf_variable", *named) == []
    # near-misses: the bare directory variable, a top-level system name after it, one assignment without a name
    assert in_script("preflight.rm_rf_variable", 'TOP=$(dirname "$0")', "d=${TOP}", 'rm -rf "$d"') == [5]
    assert in_script("preflight.rm_rf_variable", 'TOP=$(dirname "$0")', "d=${TOP}/usr", 'rm -rf "$d"') == [5]
    mixed = ['d="$TOP/cache"', 'd="$OTHER"', 'rm -rf "$d"']
    assert in_script("preflight.rm_rf_variable", *mixed) == [5]


def test_apt_add_repository_is_add_apt_repository_by_its_other_name() -> None:
    line = 'apt-add-repository "deb http://apt.dten-mirror.net/ stable main"'
    assert in_script("preflight.external_endpoint", line) == [3]
    assert in_script("preflight.implicit_egress", "apt-add-repository ppa:dten/stable") == [3]
    # near-miss: removing a PPA only edits the sources
    assert in_script("preflight.implicit_egress", "apt-add-repository --remove ppa:dten/stable") == []


def test_set_x_tracing_the_path_of_a_key_file_prints_no_secret() -> None:
    traced = ["set -x", 'signing_key="$SCRIPTS_PATH"/setup/dten-packages.asc', 'gpg --import "$signing_key"']
    assert in_script("preflight.secret_printed", *traced) == []
    # near-miss: a key read into the variable is printed by the trace
    read = ["set -x", 'api_token="$(cat /run/secrets/dten)"', 'curl -H "X: $api_token" https://updates.example.net']
    assert in_script("preflight.secret_printed", *read) == [3]  # at its set -x (session 30)


def test_dpkg_selections_locale_generation_and_make_install_into_usr_need_root() -> None:
    assert in_script("preflight.implicit_privilege", 'echo "initscripts hold" | dpkg --set-selections') == [3]
    assert in_script("preflight.implicit_privilege", "locale-gen en_US") == [3]
    assert in_script("preflight.implicit_privilege", "make && make install PREFIX=/usr") == [3]
    # near-misses: reading the selections, installing under the user's home, a plain build
    assert in_script("preflight.implicit_privilege", "dpkg --get-selections") == []
    assert in_script("preflight.implicit_privilege", "make install PREFIX=$HOME/.local") == []
    assert in_script("preflight.implicit_privilege", "make") == []


def test_a_directory_made_or_removed_right_under_root_needs_root() -> None:
    assert in_script("preflight.implicit_privilege", "mkdir /dten-install") == [3]
    assert in_script("preflight.implicit_privilege", "cd / && rm -fr /dten-install") == [3]
    # near-misses: a directory under /tmp, a relative one, one under a variable
    assert in_script("preflight.implicit_privilege", "mkdir /tmp/dten-install") == []
    assert in_script("preflight.implicit_privilege", "mkdir dten-install") == []
    assert in_script("preflight.implicit_privilege", 'mkdir "$WORK/dten"') == []
