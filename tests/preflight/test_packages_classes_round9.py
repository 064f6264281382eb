"""Round nine of the whole packages (tests/preflight/packages/README.md, "Round nine"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at

UNLOCKED = "preflight.migration_unlocked"

_UPGRADE_SQL = (
    "ALTER TABLE g_user ADD COLUMN gu_last_login TIMESTAMPTZ;\nCREATE INDEX i_gu_login ON g_user(gu_last_login);\n"
)


def test_upgrade_sql_in_a_documentation_folder_is_not_a_migration_the_install_runs() -> None:
    for folder in ("usr/share/doc/app/database/", "docs/upgrade/"):
        assert codes_at({f"{folder}upgrade-2.7.postgre.sql": _UPGRADE_SQL}, UNLOCKED) == []


def test_upgrade_sql_outside_a_documentation_folder_or_run_by_a_step_is_still_read() -> None:
    # near miss: the same file where the product keeps its migrations
    assert codes_at({"usr/share/app/sql/upgrade-2.7.postgre.sql": _UPGRADE_SQL}, UNLOCKED) == [1]
    # near miss: a maintainer script feeds the documented file to psql: it is a step's SQL
    postinst = "#!/bin/sh\nset -e\npsql app < /usr/share/doc/app/database/upgrade-2.7.postgre.sql\n"
    files = {"postinst": postinst, "usr/share/doc/app/database/upgrade-2.7.postgre.sql": _UPGRADE_SQL}
    assert codes_at(files, UNLOCKED) == [1]


ENDPOINT = "preflight.external_endpoint"


def test_a_plugins_author_link_is_shown_not_requested() -> None:
    plugin = (
        "class VaultDestinationPlugin(DestinationPlugin):\n"  # 1
        '    title = "Vault"\n'  # 2
        '    author = "Dten Maintainers"\n'  # 3
        '    author_url = "https://git.dten-hub.io/dten/dten"\n'  # 4
        '    maintainer_url = "https://dten-project.io/people/"\n'  # 5
    )
    assert codes_at({"dten/plugins/vault/plugin.py": plugin}, ENDPOINT) == []


def test_an_auth_url_on_a_plugin_is_still_requested() -> None:
    # near miss: ``auth`` is not ``author``: the token endpoint the plugin posts to stays contacted
    plugin = (
        "class VaultDestinationPlugin(DestinationPlugin):\n"  # 1
        '    auth_url = "https://login.dten-cloud.io/oauth2/token"\n'  # 2
        '    author_url = "https://git.dten-hub.io/dten/dten"\n'  # 3
    )
    assert codes_at({"dten/plugins/vault/plugin.py": plugin}, ENDPOINT) == [2]


REWRITE = "preflight.migration_rewrites_table"


def test_a_now_default_is_stored_once_not_written_to_every_row() -> None:
    sql = "ALTER TABLE pending_certs ADD COLUMN last_updated timestamptz NOT NULL DEFAULT now();\n"
    assert codes_at({"migrations/0042_last_updated.sql": sql}, REWRITE) == []
    assert codes_at({"migrations/0042_last_updated.sql": sql}, UNLOCKED) == [1]


def test_a_volatile_default_still_rewrites_the_table() -> None:
    # near miss: clock_timestamp() and gen_random_uuid() are volatile: a value for each row
    for kind, default in (("timestamptz", "clock_timestamp()"), ("uuid", "gen_random_uuid()")):
        sql = f"ALTER TABLE pending_certs ADD COLUMN c {kind} NOT NULL DEFAULT {default};\n"
        assert codes_at({"migrations/0042_c.sql": sql}, REWRITE) == [1]


SUDO = "preflight.sudo_unavailable"
EGRESS = "preflight.implicit_egress"
_PLAYBOOK = (
    "- hosts: all\n"  # 1
    "  tasks:\n"  # 2
    "    - name: Ensure python3-venv is installed\n"  # 3
    "      become: yes\n"  # 4
    "      package:\n"  # 5
    "        name: python3-venv\n"  # 6
    "    - name: Start the API image\n"  # 7
    "      command: podman run --name dten-api --detach docker.io/dten/api:latest\n"  # 8
)


def test_a_test_playbook_is_a_test_job_not_a_step() -> None:
    for path in ("tests/with_mysql.yaml", "roles/dten/tests/test.yml"):
        assert codes_at({path: _PLAYBOOK}, SUDO) == []
        assert codes_at({path: _PLAYBOOK}, EGRESS) == []
    gerrit = "[gerrit]\nhost=review.dten-hub.io\nport=29418\nproject=dten/dten.git\n"
    assert codes_at({".gitreview": gerrit}, ENDPOINT) == []


def test_a_playbook_outside_tests_and_a_test_folders_script_are_still_steps() -> None:
    # near miss: the same playbook where a deployment keeps its playbooks
    assert codes_at({"playbooks/install.yaml": _PLAYBOOK}, SUDO) == [4]
    # near miss: a shell script in a test folder is still read as a script (it may be what the operator runs)
    script = "#!/bin/sh\nset -e\nsudo systemctl restart dten-agent\n"
    assert codes_at({"tests/deploy/join_agent.sh": script}, SUDO) == [3]


_BOWER = (
    "{\n"  # 1
    '  "name": "dten",\n'  # 2
    '  "repository": {\n'  # 3
    '    "type": "git",\n'  # 4
    '    "url": "git://git.dten-hub.io/dten/dten.git"\n'  # 5
    "  },\n"  # 6
    '  "homepage": "https://dten-project.io",\n'  # 7
    '  "dependencies": {"angular-chart": "https://git.dten-hub.io/charts/angular-chart.git#1.4"}\n'  # 8
    "}\n"
)


def test_bower_metadata_is_shown_to_people() -> None:
    assert 5 not in codes_at({"bower.json": _BOWER}, ENDPOINT)
    assert 7 not in codes_at({"bower.json": _BOWER}, ENDPOINT)


def test_a_bower_dependency_url_is_still_fetched() -> None:
    # near miss: ``bower install`` clones a dependency given as a URL
    assert codes_at({"bower.json": _BOWER}, ENDPOINT) == [8]


OUTSIDE_LOCK = "preflight.migration_outside_lock"
_SEED = (
    "INSERT INTO g_scope (gs_name, gs_display_name) VALUES ('g_admin', 'Administration');\n"
    "INSERT INTO g_scope (gs_name, gs_display_name) VALUES ('g_profile', 'Profile');\n"
)
_FEED = '#!/bin/sh\nset -e\nsu - postgres -c "psql dten < /usr/share/dten/sql/default.sql"\n'


def test_feeding_psql_a_file_of_rows_is_no_schema_migration() -> None:
    assert codes_at({"postinst": _FEED, "usr/share/dten/sql/default.sql": _SEED}, OUTSIDE_LOCK) == []


def test_feeding_psql_a_file_that_alters_the_schema_is_still_one() -> None:
    # near miss: one ALTER among the rows makes it a schema change two runs can race
    schema = _SEED + "ALTER TABLE g_scope ADD COLUMN gs_hidden boolean;\n"
    assert codes_at({"postinst": _FEED, "usr/share/dten/sql/default.sql": schema}, OUTSIDE_LOCK) == [3]


def _dns_client(assignment: str) -> str:
    return (
        "import requests\n"  # 1
        f"{assignment}\n"  # 2
        "\n"  # 3
        "\n"  # 4
        "def _get(path):\n"  # 5
        "    base_uri = 'https://api.dten-dns.io'\n"  # 6
        "    resp = requests.get(f'{base_uri}{path}', verify=True)\n"  # 7
        "    return resp.json()\n"  # 8
    )


def test_a_functions_local_base_url_is_what_it_requests() -> None:
    assert codes_at({"dten/plugins/dns.py": _dns_client("")}, ENDPOINT) == [6]


def test_a_modules_own_base_url_setting_is_still_its_own_address() -> None:
    # near miss: at a module's top level, ``base_url`` names the product's own public address
    code = _dns_client("base_url = 'https://dten.dten-project.io'")
    assert 2 not in codes_at({"dten/plugins/dns.py": code}, ENDPOINT)
    # near miss: a function's local base URL the function returns (a link it builds) is not requested
    link = code.replace("requests.get(f'{base_uri}{path}', verify=True)", "f'{base_uri}{path}'")
    assert codes_at({"dten/plugins/dns.py": link}, ENDPOINT) == []


_OAUTH = (
    "class Google(Resource):\n"  # 1
    "    def post(self):\n"  # 2
    '        access_token_url = "https://accounts.dten-id.io/o/oauth2/token"\n'  # 3
    '        user_info_url = "https://www.dten-id-apis.io/oauth2/v1/userinfo"\n'  # 4
    '        more_info_url = "https://dten-project.io/about/google-login"\n'  # 5
    "        return access_token_url, user_info_url, more_info_url\n"  # 6
)


def test_an_openid_userinfo_endpoint_is_requested() -> None:
    assert 4 in codes_at({"dten/auth/views.py": _OAUTH}, ENDPOINT)


def test_a_page_of_more_information_is_still_a_link() -> None:
    # near miss: ``more_info_url`` is a page shown to people
    assert codes_at({"dten/auth/views.py": _OAUTH}, ENDPOINT) == [3, 4]


CREDENTIAL = "preflight.hardcoded_credential"
_ADMIN = (
    "INSERT INTO g_user (gu_username, gu_name) VALUES ('admin', 'The Administrator');\n"  # 1
    "INSERT INTO g_user_password (gu_id, guw_password) VALUES "  # 2
    "((SELECT gu_id FROM g_user WHERE gu_username='admin'), {value});\n"
)


def test_an_account_row_storing_a_hashed_literal_password_is_a_credential() -> None:
    for value in ("crypt('password', gen_salt('bf'))", "PASSWORD('password')"):
        sql = _ADMIN.format(value=value)
        assert codes_at({"usr/share/dten/sql/default.sql": sql}, CREDENTIAL) == [2]


def test_a_hashed_column_or_parameter_stores_no_known_password() -> None:
    # near misses: the value hashed is a column or a bind parameter; a digest of other data is no password
    for value in ("crypt(:password, gen_salt('bf'))", "crypt(guw_plain, gen_salt('bf'))", "md5('dten-admin')"):
        sql = _ADMIN.format(value=value)
        assert codes_at({"usr/share/dten/sql/default.sql": sql}, CREDENTIAL) == []
