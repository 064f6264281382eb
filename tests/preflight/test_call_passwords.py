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


@pytest.mark.parametrize(
    ("path", "source", "line"),
    [
        ("setup.js", "const conn = mysql.createConnection({ host: 'db', user: 'root', password: 'Xk9fQ2pLm7' });\n", 1),
        ("deploy.ts", "await client.login({\n  user: 'admin', 'password': \"Xk9fQ2pLm7\" });\n", 2),
        ("setup.rb", "conn = PG.connect(host: 'db', user: 'app', password: 'Xk9fQ2pLm7')\n", 1),
        ("setup.rb", 'client = Mysql2::Client.new(:host => "db", :username => "root", :password => "Xk9fQ2pLm7")\n', 1),
    ],
)
def test_a_literal_password_in_a_javascript_or_ruby_pair_is_reported(path: str, source: str, line: int) -> None:
    assert codes_at({path: source}, CRED) == [line]


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("setup.js", "const conn = mysql.createConnection({ host: 'db', password: process.env.DB_PASSWORD });\n"),
        ("setup.js", "const conn = mysql.createConnection({ host: 'db', password: `${secret}` });\n"),
        ("setup.js", "const field = { type: 'password', name: 'password', label: 'Password' };\n"),
        ("setup.rb", 'conn = PG.connect(host: "db", password: "#{ENV.fetch("PW")}")\n'),
        ("setup.rb", "conn = PG.connect(host: 'db', password: ENV['DB_PASSWORD'])\n"),
        ("setup.rb", "form.field(:password, type: 'password', placeholder: 'your password')\n"),
    ],
)
def test_no_literal_in_a_javascript_or_ruby_pair_stays_quiet(path: str, source: str) -> None:
    assert codes_at({path: source}, CRED) == []


def test_a_syntax_highlighters_token_pair_is_no_secret() -> None:
    source = 'var rules = [{token: "support.function.dom", regex: "\\\\b(?:alert|prompt)\\\\b"}];\n'
    assert codes_at({"webapp/js/setup.js": source}, CRED) == []


@pytest.mark.parametrize("path", ["app/admin/factories.py", "app/factories/users.py"])
def test_model_factories_passwords_are_test_data(path: str) -> None:
    source = (
        "import factory\n\n\nclass UserFactory(factory.django.DjangoModelFactory):\n"
        '    password = "{PLAIN}toto"\n\n\n'
        'def populate():\n    UserFactory(username="admin@test.com", password="{PLAIN}toto")\n'
    )
    assert codes_at({path: source}, CRED) == []
    assert codes_at({"app/admin/accounts.py": source}, CRED) == [5, 9]
