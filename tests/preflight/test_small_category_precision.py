"""Precision classes of three small categories (docs/preflight.md): a client loading a new database's initial schema
is no ``migration_outside_lock`` (openreplay's ``init_schema.sql``, DataHub's ``init.sql``); a Chef attribute in a
``bash`` resource's code is no unset shell variable for ``rm_rf_variable``; MySQL's stock ``test`` database dropped
by the secure-installation step is no ``destructive_delete``. Each construct beside the near-misses that stay
reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

MIGRATION = "preflight.migration_outside_lock"
RM = "preflight.rm_rf_variable"
DELETE = "preflight.destructive_delete"

# -- migration_outside_lock: the first load of a new database ------------------------------------------------------


def test_an_initial_schema_the_package_does_not_hold_is_no_migration() -> None:
    assert in_script(MIGRATION, "psql -v ON_ERROR_STOP=1 -f ${pgdir}/init_schema.sql") == []
    assert in_script(MIGRATION, "mariadb -u root app < init-db/01-init.sql") == []
    assert in_script(MIGRATION, 'mariadb -h "$HOST" < /tmp/init-final.sql') == []


def test_a_numbered_or_named_upgrade_file_is_still_a_migration() -> None:
    assert in_script(MIGRATION, "psql -v ON_ERROR_STOP=1 -f ${pgdir}/${version}/${version}.sql") == [3]
    assert in_script(MIGRATION, "mysql -f -h db < alter_tables.sql") == [3]
    # "initiative" is no init: the name has to say init as a word
    assert in_script(MIGRATION, "psql -f initiatives.sql") == [3]


def test_an_init_file_the_package_holds_is_read_by_its_statements() -> None:
    # the file is there: what it does decides, not its name (an ALTER of a live table is a migration)
    files = {
        "scripts/upgrade.sh": "#!/bin/sh\nset -eu\npsql -f sql/init.sql\n",
        "sql/init.sql": "ALTER TABLE accounts ADD COLUMN note text;\n",
    }
    assert codes_at(files, MIGRATION) == [3]


# -- rm_rf_variable: nothing to name when unset --------------------------------------------------------------------


def test_a_variable_the_script_sets_from_a_command_is_still_reported() -> None:
    assert in_script(RM, "APP_PATH=$(dirname \"$SETTINGS\" | sed 's:/app$::')", "rm -fR $APP_PATH") == [4]


_RECIPE = """bash 'extract agent' do
  cwd '/tmp'
  code <<-EOH
    tar xzf #{node['agent']['download_path']} -C /tmp
    rm -rf #{node['agent']['download_path']} #{node['agent']['extracted_path']}
  EOH
end
"""


def test_a_chef_attribute_is_no_unset_shell_variable() -> None:
    assert codes_at({"cookbooks/agent/recipes/install.rb": _RECIPE}, RM) == []


def test_a_shell_variable_inside_a_chef_resource_is_still_read() -> None:
    recipe = _RECIPE.replace("#{node['agent']['extracted_path']}", "$DIR/*")
    assert codes_at({"cookbooks/agent/recipes/install.rb": recipe}, RM) == [5]


# -- destructive_delete: MySQL's stock test database -------------------------------------------------------------

_SECURE = (
    "mysql -u root <<EOF",
    "DELETE FROM mysql.user WHERE User='';",
    "DROP DATABASE IF EXISTS test;",
    "DELETE FROM mysql.db WHERE Db='test' OR Db='test\\\\_%';",
    "FLUSH PRIVILEGES;",
    "EOF",
)


def test_the_secure_installation_step_dropping_test_is_quiet() -> None:
    assert in_script(DELETE, *_SECURE) == []
    assert in_script(DELETE, 'mysql -e "DROP DATABASE `test`"') == []


def test_dropping_any_other_database_is_still_reported() -> None:
    dropped = tuple(line.replace("EXISTS test;", "EXISTS test_app;") for line in _SECURE)
    assert in_script(DELETE, *dropped) == [3]
    assert in_script(DELETE, 'mysql -e "DROP DATABASE IF EXISTS test; DROP DATABASE app"') == [3]
    assert in_script(DELETE, 'psql -c "DROP SCHEMA public CASCADE"') == [3]
