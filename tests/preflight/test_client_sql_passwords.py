"""An account's password written as a literal in the SQL a script hands a database client — a heredoc fed to
``mysql``/``psql`` (also a client named by a variable, ``"${mysql[@]}" <<-EOSQL``), ``mysql -e``, ``echo … | psql``
(``client_sql.sql_passwords``): every install shares it, as in a ``.sql`` file."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

CRED = "preflight.hardcoded_credential"
_VARIABLE_CLIENT = (
    '"${mysql[@]}" <<-EOSQL\n'
    "\tDELETE FROM mysql.user;\n"
    "\tCREATE USER 'hc'@'localhost' IDENTIFIED BY 'hcpass';\n"
    "EOSQL\n"
)


@pytest.mark.parametrize(
    ("script", "line"),
    [
        ("mysql -uroot <<-EOSQL\n\tCREATE USER 'app'@'localhost' IDENTIFIED BY 'Xk9fQ2pLm7';\nEOSQL\n", 4),
        (_VARIABLE_CLIENT, 5),
        ("mysql -uroot -e \"CREATE USER 'app'@'%' IDENTIFIED BY 'appPass2024'\"\n", 3),
        ("mysql -e \"SET PASSWORD FOR 'app'@'%' = PASSWORD('appPass2024')\"\n", 3),
        ("echo \"CREATE ROLE web LOGIN PASSWORD 'webpass1';\" | psql\n", 3),
        ("psql <<'SQL'\nALTER USER postgres WITH ENCRYPTED PASSWORD 'pgAdmin99';\nSQL\n", 4),
    ],
)
def test_a_literal_account_password_in_sql_given_to_a_client_is_reported(script: str, line: int) -> None:
    assert codes_at({"install.sh": "#!/bin/bash\nset -e\n" + script}, CRED) == [line]


@pytest.mark.parametrize(
    "script",
    [
        "mysql -uroot <<-EOSQL\n\tCREATE USER 'app'@'%' IDENTIFIED BY '${DB_PASSWORD}';\nEOSQL\n",
        "echo \"CREATE USER 'app'@'%' IDENTIFIED BY '$pw';\" | mysql\n",
        "mysql -e \"CREATE USER 'app'@'%' IDENTIFIED BY '<your password>'\"\n",
        "cat <<EOF\nCREATE USER 'app'@'%' IDENTIFIED BY 'Xk9fQ2pLm7';\nEOF\n",  # shown to the operator
        "mysql -e \"SELECT user FROM mysql.user WHERE plugin = 'mysql_native_password'\"\n",
    ],
)
def test_near_misses_a_variable_a_placeholder_or_sql_that_is_only_shown(script: str) -> None:
    assert codes_at({"install.sh": "#!/bin/bash\nset -e\n" + script}, CRED) == []


def test_near_miss_a_ci_scripts_test_database_account() -> None:
    """A CI workflow's script creating the test database's account (trac's ``.github/posix-test.sh``): test data, as
    any word password in CI tooling is."""
    script = "#!/bin/bash\nmysql -v <<_EOS_\nCREATE USER tracuser@'%' IDENTIFIED BY 'password';\n_EOS_\n"
    assert codes_at({".github/posix-test.sh": script}, CRED) == []
    assert codes_at({"scripts/setup-db.sh": script}, CRED) == [3]
