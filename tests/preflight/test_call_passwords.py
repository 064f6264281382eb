"""A literal password a Python program passes to a call by name (``ssh.connect(host, password="x")``): read from
Python's tree, judged as an assignment of the same name."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

CRED = "preflight.hardcoded_credential"


@pytest.mark.parametrize(
    "call",
    [
        'ssh.connect("10.0.0.5", username="root", password="Xk9fQ2pLm7")',
        'conn = psycopg2.connect(host="db", user="app", password="Xk9fQ2pLm7")',
        'User.objects.create_superuser("admin", "admin@corp.org", password="Xk9fQ2pLm7")',
        'client = Redis(host="cache", port=6379, db_password="Xk9fQ2pLm7")',
    ],
)
def test_a_literal_password_passed_by_name_is_reported(call: str) -> None:
    source = f"import sys\n\n\ndef main():\n    {call}\n"
    assert codes_at({"deploy.py": source}, CRED) == [5]


def test_a_call_split_over_lines_is_reported_at_the_password() -> None:
    source = 'import pymysql\n\ndb = pymysql.connect(\n    host="db",\n    user="root",\n    passwd="Xk9fQ2pLm7",\n)\n'
    assert codes_at({"install.py": source}, CRED) == [6]


@pytest.mark.parametrize(
    "call",
    [
        "ssh.connect(host, username=user, password=args.password)",
        'ssh.connect(host, password=os.environ["SSH_PASSWORD"])',
        'parser.add_argument("--password", help="the database password", default="")',
        'conn = psycopg2.connect(host="db", user="app", password="")',
        'conn = psycopg2.connect(host="db", user="app", password="${DB_PASSWORD}")',
        'conn = psycopg2.connect(host="db", user="app", password="<your password>")',
        'form = LoginForm(password_label="Password", token_field="token")',
        'print("connect with password=Xk9fQ2pLm7")',
    ],
)
def test_no_literal_passed_by_name_stays_quiet(call: str) -> None:
    source = f"import sys\n\n\ndef main():\n    {call}\n"
    assert codes_at({"deploy.py": source}, CRED) == []


def test_a_test_modules_password_argument_is_an_example() -> None:
    source = 'def test_login(client):\n    client.login(username="admin", password="Xk9fQ2pLm7")\n'
    assert codes_at({"tests/test_login.py": source}, CRED) == []


def test_a_shell_script_is_not_read_as_python() -> None:
    assert codes_at({"scripts/run.sh": '#!/bin/sh\nmyapp connect password="$PW"\n'}, CRED) == []
