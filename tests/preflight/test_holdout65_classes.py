"""Classes of mistakes the sixty-fifth hold-out set found (tests/preflight/holdout65: upgrade, update, backup/restore
and maintenance scripts of self-hosted products), each as its minimal construct next to a near-miss that must stay
quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

HIDDEN = "preflight.hidden_migration"
SCRIPT = "update.sh"


def _codes(script: str, code: str) -> list[tuple[str, int]]:
    return [f for f in findings({SCRIPT: f"#!/bin/sh\n{script}"}) if f[0] == code]


# -- A: a migration behind a product's own verb: a console verb under a namespace, a script named as a migrator run
# by JRuby on a JVM, a CLI named by a variable and given ``migrate`` ------------------------------------------------


def test_a_a_console_verb_that_updates_the_database_under_a_namespace_is_a_migration() -> None:
    for step in (
        "php bin/cli admin:updateDatabase -e",
        "php spark castopod:database-update",
        "php console.php db:update",
    ):
        assert _codes(f"{step}\n", HIDDEN) == [(HIDDEN, 2)], step


def test_a_near_miss_other_console_verbs_are_no_migration() -> None:
    for step in ("php bin/cli admin:updateConfigFile -e", "php spark cache:clear", "php bin/cli run:updateCatalog"):
        assert _codes(f"{step}\n", HIDDEN) == [], step


def test_a_a_migrator_script_run_by_jruby_is_a_migration() -> None:
    java = 'java $JAVA_OPTS -cp "lib/*" org.jruby.Main --1.9 ../scripts/rb/migrate_db.rb\n'
    assert _codes(java, HIDDEN) == [(HIDDEN, 2)]
    assert _codes("jruby scripts/migrate_database.rb\n", HIDDEN) == [(HIDDEN, 2)]


def test_a_near_miss_jruby_running_another_script_or_java_running_a_class() -> None:
    assert _codes('java -cp "lib/*" org.jruby.Main ../scripts/rb/export_db.rb\n', HIDDEN) == []
    assert _codes('java -cp "lib/*" org.example.MigrateDb\n', HIDDEN) == []


def test_a_a_cli_named_by_a_variable_given_migrate_is_a_migration() -> None:
    assert _codes("$RALPH_EXEC migrate --noinput\n", HIDDEN) == [(HIDDEN, 2)]
    assert _codes("${APP_CLI} migrate\n", HIDDEN) == [(HIDDEN, 2)]


def test_a_near_miss_a_variable_cli_given_another_verb_or_only_checking() -> None:
    assert _codes("$RALPH_EXEC collectstatic --noinput\n", HIDDEN) == []
    assert _codes("$RALPH_EXEC migrate --check\n", HIDDEN) == []
    assert _codes("$EDITOR migrate.txt\n", HIDDEN) == []


# -- B: ``docker run`` of the image pulled earlier, with the image inside an unquoted variable of options -----------

EGRESS = "preflight.implicit_egress"
PULL_THEN_RUN = """IMAGE="${IMAGE:-docker.io/acme/updater:1.2}"
docker pull "${IMAGE}"
TMP_DIR=$(mktemp -d)
OPTIONS="--network=host \\
    -v /opt/acme:/opt/acme \\
    -v ${TMP_DIR}:${TMP_DIR} \\
    ${IMAGE} \\
    --out=${TMP_DIR}/post.sh"
docker run -i ${OPTIONS}
"""


def test_b_a_run_of_the_pulled_image_given_in_an_options_variable_fetches_nothing_more() -> None:
    assert [line for _, line in _codes(PULL_THEN_RUN, EGRESS)] == [3]


def test_b_near_miss_a_run_of_another_image_in_the_options_variable_is_still_a_fetch() -> None:
    other = PULL_THEN_RUN.replace("    ${IMAGE} \\\n", "    docker.io/acme/other:2.0 \\\n")
    assert [line for _, line in _codes(other, EGRESS)] == [3, 10]
    # a command substitution holding blanks stays one option value (the auth file), the image after it is read
    subst = (
        'AUTH=$(mktemp "pull secret XXXX")\n'
        "podman pull --authfile $AUTH quay.io/a/b:1\n"
        "podman run --authfile $AUTH quay.io/a/b:1\n"
    )
    assert [line for _, line in _codes(subst, EGRESS)] == [3]


# -- C: a copy whose destination is the filesystem root writes root-owned directories --------------------------------

PRIVILEGE = "preflight.implicit_privilege"


def test_c_a_copy_into_the_root_directory_is_a_root_only_step() -> None:
    assert _codes("cp -rf /opt/upgrade/out/rootfs/* / 2>&1\n", PRIVILEGE) == [(PRIVILEGE, 2)]
    assert _codes("rsync -r -K /opt/upgrade/out/rootfs/ /\n", PRIVILEGE) == [(PRIVILEGE, 2)]


def test_c_near_miss_a_copy_elsewhere_or_a_tar_of_tmp_members_from_root() -> None:
    assert _codes("cp -rf /opt/upgrade/out/rootfs/* /opt/app/\n", PRIVILEGE) == []
    assert _codes("tar xzvf $IMG -C / ./tmp/pre_upgrade_command\n", PRIVILEGE) == []
    assert _codes("tar -cf - -C $WORLD . > /srv/backup/world.tar\n", PRIVILEGE) == []


# -- D: Django's ``migrate --check`` and ``--plan`` apply nothing ----------------------------------------------------


def test_d_migrate_applies_migrations() -> None:
    assert _codes("~/manage.py migrate\n", HIDDEN) == [(HIDDEN, 2)]


def test_d_near_miss_migrate_check_or_plan_applies_nothing() -> None:
    assert _codes("while ! ~/manage.py migrate --check; do sleep 10; done\n", HIDDEN) == []
    assert _codes("python manage.py migrate --plan\n", HIDDEN) == []


# -- E: a SQL client loading the dump the script just unpacked from its backup restores it; it migrates nothing ----

OUTSIDE_LOCK = "preflight.migration_outside_lock"


def test_e_a_restore_of_an_unpacked_dump_is_no_migration() -> None:
    restore = 'gunzip -c $BACKUP/fo_dbbackup.gz > /tmp/fo_dbbackup\nsu postgres -c "psql -f /tmp/fo_dbbackup"\n'
    assert _codes(restore, OUTSIDE_LOCK) == []
    assert _codes("pg_dumpall > /tmp/all.sql\npsql -f /tmp/all.sql\n", OUTSIDE_LOCK) == []


def test_e_near_miss_a_shipped_sql_file_or_a_file_unpacked_elsewhere_is_still_a_migration() -> None:
    assert _codes("psql -f /opt/app/upgrade.sql\n", OUTSIDE_LOCK) == [(OUTSIDE_LOCK, 2)]
    other = "gunzip -c $BACKUP/dump.gz > /tmp/dump\npsql -f /opt/app/upgrade.sql\n"
    assert _codes(other, OUTSIDE_LOCK) == [(OUTSIDE_LOCK, 3)]


# -- G: a heredoc fed to a shell started in a pod or container is a script (``oc rsh dc/app /bin/sh <<EOF``) --------


def test_g_a_heredoc_fed_to_a_shell_in_a_pod_is_read_as_script() -> None:
    rsh = "oc rsh dc/indico /bin/sh <<'EOF'\n. /opt/indico/.venv/bin/activate\nindico db upgrade\nEOF\n"
    assert _codes(rsh, HIDDEN) == [(HIDDEN, 4)]
    kube = "kubectl exec -i deploy/app -- sh <<EOF\nflask db upgrade\nEOF\n"
    assert _codes(kube, HIDDEN) == [(HIDDEN, 3)]


def test_g_near_miss_a_heredoc_given_to_a_non_shell_or_to_a_shell_running_a_file() -> None:
    cat = "oc rsh dc/indico cat <<'EOF'\nindico db upgrade\nEOF\n"
    assert _codes(cat, HIDDEN) == []
    script = "oc rsh dc/indico /bin/sh /opt/run.sh <<'EOF'\nindico db upgrade\nEOF\n"
    assert _codes(script, HIDDEN) == []


# -- F: a signature checked with a public key the same script downloaded pins nothing --------------------------------

FETCHED = "preflight.unverified_download_exec"
SIGNED = """wget $URL -O /opt/release.tar.gz
wget $SIG_URL -O /opt/release.sha256
{key}
openssl dgst -sha256 -verify {pub} -signature /opt/release.sha256 /opt/release.tar.gz
if [ $? -ne 0 ]; then exit 1; fi
tar -xf /opt/release.tar.gz -C /opt/upgrade/
cp -rf /opt/upgrade/rootfs/* /
/bin/bash /usr/bin/post_upgrade.sh
"""


def test_f_a_signature_checked_with_a_downloaded_key_is_no_check() -> None:
    script = SIGNED.format(key="wget $KEY_URL -O /opt/release.pub", pub="/opt/release.pub")
    assert [line for _, line in _codes(script, FETCHED)] == [7]  # the unpacking of the release


def test_f_near_miss_a_key_shipped_in_the_package_pins_the_release() -> None:
    script = SIGNED.format(key="echo using the shipped key", pub="/usr/share/app/release.pub")
    assert _codes(script, FETCHED) == []


# -- I (holdout64's leftover): a clone of a URL the script reads at run time reaches a host the script does not name -


def test_i_a_clone_of_a_url_read_from_a_settings_file_is_implicit_egress() -> None:
    clone = "GITHUB_URL=$(grep -oP 'GITHUB_URL=\"\\K[^\"]+' /tmp/settings.py)\ngit clone -q $GITHUB_URL\n"
    assert _codes(clone, EGRESS) == [(EGRESS, 3)]


def test_i_near_miss_a_clone_of_a_named_url_or_of_an_argument() -> None:
    named = "REPO=https://github.com/acme/app.git\ngit clone $REPO\n"
    assert _codes(named, EGRESS) == []
    assert _codes('git clone "$1" /opt/app\n', EGRESS) == []
