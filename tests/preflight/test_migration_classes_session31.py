"""Migration classes the hold-out guard showed in session 31 (hidden_migration, migration_unchecked, the SQL codes
of an upgrade step), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, script

HIDDEN = "preflight.hidden_migration"
UNCHECKED = "preflight.migration_unchecked"
UNLOCKED = "preflight.migration_unlocked"
OUTSIDE = "preflight.migration_outside_lock"
NOT_CONCURRENT = "preflight.index_not_concurrent"
REWRITES = "preflight.migration_rewrites_table"

# -- A: a PHP upgrade command applies the schema through another class ------------------------------------------------


def _command(body: str, name: str = "app:upgrade") -> dict[str, str | bytes]:
    text = (
        "<?php\nnamespace App\\Console;\n\nuse Symfony\\Component\\Console\\Command\\Command;\n\n"
        "class UpgradeCommand extends Command\n{\n"
        f"    protected function configure()\n    {{\n        $this->setName('{name}');\n    }}\n\n"
        "    protected function execute($input, $output)\n    {\n"
        f"{body}"
        "        return 0;\n    }\n}\n"
    )
    return {"src/Console/UpgradeCommand.php": text}


def test_a_schema_install_and_updater_calls_are_the_products_migration() -> None:
    body = (
        "        $installer = $this->factory->create();\n"  # 15
        "        $installer->installSchema();\n"  # 16
        "        $installer->installDataFixtures();\n"  # 17
        "        $updater = new Updater();\n"  # 18
        "        $updater->upgrade();\n"  # 19
        "        echo $controller->runUpdaterAndExit(false);\n"  # 20
        "        $this->events->fire('command.runmigrations', $this);\n"  # 21
    )
    assert codes_at(_command(body), HIDDEN) == [16, 17, 19, 20, 21]


def test_a_other_updates_checks_and_own_methods_are_quiet() -> None:
    body = (
        "        $installer->updateModulesSequence(true);\n"
        "        $installer->installPlugins();\n"
        "        $updater->isUpgradePossible();\n"
        "        $this->checkForUpdates();\n"
        "        $this->runMigrations($output);\n"  # the class's own method: its body is read where it runs
        "        $this->events->fire('migrations.done', $this);\n"
        "        $config->update('x');\n"
    )
    assert codes_at(_command(body), HIDDEN) == []


def test_a_a_command_that_is_no_install_or_upgrade_step_is_not_read() -> None:
    assert codes_at(_command("        $installer->installSchema();\n", name="app:report"), HIDDEN) == []


# -- B: a PHP step includes a script named for the database update ----------------------------------------------------


def test_b_an_included_updater_runs_here() -> None:
    text = "<?php\necho 'updating';\ninclude('mysql_update.php');\nrequire_once \"db_migrate.php\";\n"
    assert codes_at({"updater/update.php": text}, HIDDEN) == [3, 4]


def test_b_other_includes_and_built_paths_are_quiet() -> None:
    text = "<?php\necho 'x';\ninclude('config.php');\nrequire_once __DIR__ . '/vendor/autoload.php';\n"
    text += "require $dir . '/db_migrate.php';\n"  # a path built at run time says nothing
    assert codes_at({"updater/update.php": text}, HIDDEN) == []


def test_b_a_script_named_as_the_sql_upgrade_is_the_updater() -> None:
    assert in_script(HIDDEN, "php -f /var/www/app/TEMPsql_upgrade.php") == [3]
    assert in_script(HIDDEN, "php /var/www/app/mysql_update.php") == [3]


def test_b_other_sql_scripts_and_tools_are_quiet() -> None:
    assert in_script(HIDDEN, "php -f /var/www/app/sql_report.php", "sql-migrate status -env=production") == []
    assert in_script(HIDDEN, "mysql_upgrade --help") == []


# -- C: a container runner named by a variable the package does not set ----------------------------------------------


def test_c_an_unknown_runner_with_compose_shape_runs_the_migration_cli() -> None:
    assert in_script(
        HIDDEN, "compose_cmd=$(check_docker_compose)", "$compose_cmd exec -T php php artisan migrate --force"
    ) == [4]
    assert in_script(HIDDEN, "$DC run --rm -e X=1 web python manage.py migrate") == [3]


def test_c_other_commands_through_the_runner_are_quiet() -> None:
    assert in_script(HIDDEN, "$compose_cmd exec -T php php artisan config:cache") == []
    assert in_script(HIDDEN, "$dcr web upgrade --noinput") == []  # a bare subcommand of an unknown image
    assert in_script(HIDDEN, "$compose_cmd logs php migrate") == []


# -- D: vendor CLIs: SFTPGo's initprovider, Concrete CMS's c5:update ---------------------------------------------------


def test_d_vendor_schema_commands() -> None:
    assert in_script(HIDDEN, "sftpgo initprovider -c /etc/sftpgo") == [3]
    assert in_script(HIDDEN, "${DO_SUDO}${ROOT}/concrete/bin/concrete5 c5:update") == [3]
    assert in_script(HIDDEN, "/var/www/concrete/bin/concrete c5:update --no-interaction") == [3]


def test_d_their_other_commands_are_quiet() -> None:
    assert in_script(HIDDEN, "sftpgo serve -c /etc/sftpgo", "sftpgo resetprovider --help") == []
    assert in_script(HIDDEN, "concrete/bin/concrete5 c5:clear-cache") == []


# -- E: a chart's own image given args alone runs the program named as the chart ---------------------------------------

_JOB = """apiVersion: batch/v1
kind: Job
metadata:
  name: "{{{{ .Chart.Name }}}}-setup"
spec:
  template:
    spec:
      containers:
        - name: setup
          image: {image}
          args:
            - setup
            - --steps
            - /config/steps.yaml
"""


def test_e_args_to_the_charts_own_image() -> None:
    own = '"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"'
    assert codes_at({"charts/zitadel/templates/setupjob.yaml": _JOB.format(image=own)}, HIDDEN) == [12]


def test_e_a_components_image_or_another_charts_name_is_quiet() -> None:
    component = '"{{ .Values.postgresql.image.repository }}:{{ .Values.postgresql.image.tag }}"'
    assert codes_at({"charts/zitadel/templates/setupjob.yaml": _JOB.format(image=component)}, HIDDEN) == []
    own = "{{ .Values.image.repository }}"
    assert codes_at({"charts/webapp/templates/setupjob.yaml": _JOB.format(image=own)}, HIDDEN) == []


# -- F: mysql -e schema changes are MySQL's: unchecked once per script ------------------------------------------------


def test_f_mysql_inline_schema_changes_are_unchecked_once() -> None:
    lines = (
        'mysql -h "$H" app -e "SELECT 1;"',
        'mysql -h "$H" app -e "DROP TABLE tickets; DROP TABLE ticket_messages;" || true',  # 4
        'mysql -h "$H" app -e "ALTER TABLE nodes DROP COLUMN deployable;"',
    )
    assert in_script(UNCHECKED, *lines) == [4]
    assert in_script(UNLOCKED, *lines) == []


def test_f_rows_databases_and_accounts_are_no_schema_change() -> None:
    lines = (
        'mysql -e "CREATE DATABASE app CHARACTER SET utf8mb4"',
        "mysql app -e \"INSERT INTO version (v) VALUES ('2');\"",
        "mysql -e \"ALTER USER 'root'@'localhost' IDENTIFIED BY 'x'; FLUSH PRIVILEGES;\"",
        'mysql app -e "DELETE q FROM q LEFT JOIN m USING(id) WHERE m.id IS NULL;"',
    )
    assert in_script(UNCHECKED, *lines) == []


# -- G: a table created IF NOT EXISTS and then retyped is a live table upgraded in place -------------------------------

_UPGRADE = """'use strict';
var db = require('../../database');
module.exports = {
	name: 'Optimize sessions',
	method: function (callback) {
		db.pool.query(`
CREATE TABLE IF NOT EXISTS "session" ("sid" CHAR(32) NOT NULL PRIMARY KEY, "sess" JSONB NOT NULL);
CREATE INDEX IF NOT EXISTS "session_expire_idx" ON "session"("expire");
ALTER TABLE "session" ALTER "sess" TYPE JSONB;`, callback);
	},
};
"""


def test_g_a_retyped_table_is_live() -> None:
    files = {"src/upgrades/1.10.2/sessions.js": _UPGRADE}
    assert codes_at(files, NOT_CONCURRENT) == [8]
    assert codes_at(files, REWRITES) == [9] and codes_at(files, UNLOCKED) == [9]


def test_g_a_table_created_and_only_constrained_is_new() -> None:
    text = _UPGRADE.replace('ALTER TABLE "session" ALTER "sess" TYPE JSONB;', 'ALTER TABLE "session" ADD "x" int;')
    files = {"src/upgrades/1.10.2/sessions.js": text}
    assert codes_at(files, NOT_CONCURRENT) == [] and codes_at(files, UNLOCKED) == []


# -- H: a client fed a file named as a backup restores it -------------------------------------------------------------


def test_h_a_backup_fed_to_the_client_is_a_restore() -> None:
    lines = ('BACKUP_SQL="$2"', 'docker compose exec -T postgres psql -U app -d app < "$BACKUP_SQL"')
    assert in_script(OUTSIDE, *lines) == []
    assert in_script(OUTSIDE, "psql -U app app < /var/backups/app/backup-2024.sql") == []


def test_h_a_migration_file_is_still_outside_the_lock() -> None:
    assert in_script(OUTSIDE, 'psql -U app app < "$MIGRATION_SQL"') == [3]
    assert codes_at({"scripts/upgrade.sh": script("psql -U app app -f backups/0042_add.sql")}, OUTSIDE) == [3]
