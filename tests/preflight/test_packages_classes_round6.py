"""The classes of false positives and misses that round six of whole real packages showed
(tests/preflight/packages/README.md, "Round six"), each with a minimal construct and a near miss that must still
be reported."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"

YARN_LOG = (
    "Arguments: \n  /usr/local/bin/node /opt/yarn/bin/yarn.js install\n\n"
    'Lockfile:\n  axios@^1.6.0:\n    version "1.6.2"\n'
    '    resolved "https://registry.yarnpkg.com/axios/-/axios-1.6.2.tgz#7ca6"\n'
)


def test_a_package_manager_failure_log_is_a_lock_file_dump() -> None:
    assert codes_at({"frontend/yarn-error.log": YARN_LOG, "frontend/npm-debug.log.42": YARN_LOG}, ENDPOINT) == []
    # near miss: the same URL in the product's configuration is a host it contacts
    assert codes_at({"config/app.ini": "[deps]\nmirror = https://registry.yarnpkg.com/axios\n"}, ENDPOINT) == [2]


UNLOCKED = "preflight.migration_unlocked"


def _debconf_package(dbtypes: str) -> dict[str, str | bytes]:
    config = (
        "#!/bin/sh\nset -e\n. /usr/share/debconf/confmodule\n"
        f'dbc_dbtypes="{dbtypes}"\ndbc_dbname="listd"\n. /usr/share/dbconfig-common/dpkg/config\ndbc_go listd "$@"\n'
    )
    return {
        "config": config,
        "postinst": '#!/bin/sh\nset -e\n. /usr/share/dbconfig-common/dpkg/postinst\ndbc_go listd "$@"\n',
        "usr/lib/listd/schema.cfg": "[database]\nurl: sqlite:///$DATA_DIR/listd.db\n",
        "usr/lib/listd/migrations/0002_member_role.sql": "ALTER TABLE member ADD COLUMN role integer;\n",
    }


def test_a_database_dbconfig_common_offers_is_one_the_package_runs_on() -> None:
    # the default configuration names SQLite, but the administrator may choose PostgreSQL at install
    assert codes_at(_debconf_package("sqlite3, pgsql, mysql"), UNLOCKED) == [1]
    # near miss: a package that offers SQLite alone keeps SQLite's reading (PostgreSQL's locks do not apply)
    assert codes_at(_debconf_package("sqlite3"), UNLOCKED) == []


REWRITE = "preflight.migration_rewrites_table"
_HEAD = "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    operations = [\n"


def _django_app(third: str) -> dict[str, str | bytes]:
    created = (
        _HEAD + '        migrations.CreateModel(name="Page", fields=[\n'
        '            ("id", models.AutoField(primary_key=True)),\n'
        "            (\n"
        '                "label", models.CharField(\n'
        "                    max_length=64, null=True\n"
        "                )\n"
        "            ),\n"
        "        ]),\n    ]\n"
    )
    long_sql = "UPDATE papers_page SET label = 'x' WHERE id IN (" + ", ".join(str(i) for i in range(4000)) + ");"
    return {
        "papers/migrations/0001_initial.py": created,
        "papers/migrations/0002_fill.py": _HEAD + f'        migrations.RunSQL("{long_sql}"),\n    ]\n',
        "papers/migrations/0003_label.py": _HEAD + f"        {third},\n    ]\n",
    }


def test_a_migration_with_a_long_line_does_not_end_the_apps_history() -> None:
    # 0002's one line is longer than the scanners' lines: read whole, the app's fields are known after it
    same = (
        'migrations.AlterField(model_name="page", name="label", '
        'field=models.CharField(max_length=64, null=True, help_text="Shown"))'
    )
    found = codes_at(_django_app(same), UNLOCKED) + codes_at(_django_app(same), REWRITE)
    assert found == []
    # near miss: SET NOT NULL on the same field scans the table
    scan = 'migrations.AlterField(model_name="page", name="label", field=models.CharField(max_length=64))'
    assert codes_at(_django_app(scan), REWRITE) == [6]


CREDENTIAL = "preflight.hardcoded_credential"


def _component(line: str) -> dict[str, str | bytes]:
    return {
        "frontend/src/components/LoginForm.vue": (
            '<template>\n  <input v-model="password" type="password" />\n</template>\n\n'
            '<script setup>\nimport { ref } from "vue"\n'
            f"{line}\n"
            "const passwordError = ref(null)\n"
            "async function submit(resp) {\n  token.value = resp.data.token\n}\n</script>\n"
        )
    }


def test_a_single_file_components_script_is_program_code() -> None:
    # a component's script assigns expressions: refs and response fields, not written secrets
    assert codes_at(_component("const password = ref('')"), CREDENTIAL) == []
    # near miss: a string literal under a password name in the same script is a written secret
    assert codes_at(_component("const password = 'Tr0ub4dor&3x'"), CREDENTIAL) == [7]


ADML = (
    '<?xml version="1.0" encoding="utf-8"?>\n<policyDefinitionResources revision="1.0" schemaVersion="1.0">\n'
    "  <resources><stringTable>\n"
    '    <string id="POL_Backend_Help">passdb backend = ldapsam:"ldap://ldap-1.corp-directory.net"</string>\n'
    '    <string id="POL_Bug_Help">Report it at https://bugzilla.fileserver-project.org/ please.</string>\n'
    "  </stringTable></resources>\n</policyDefinitionResources>\n"
)


def test_group_policy_language_resources_are_text_for_people() -> None:
    assert codes_at({"usr/share/fileserver/admx/en-US/fileserver.adml": ADML}, ENDPOINT) == []
    # near miss: the same URL as a configuration value is a host the product contacts
    conf = '<?xml version="1.0"?>\n<config>\n  <tracker>https://bugzilla.fileserver-project.org/</tracker>\n</config>\n'
    assert codes_at({"etc/fileserver/tracker.xml": conf}, ENDPOINT) == [3]


LGPL = (
    "                   GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n\n"
    " Copyright (C) 2007 Free Software Foundation, Inc. <http://fsf.org/>\n"
)


def test_a_gnu_licence_file_kept_beside_a_vendored_library_is_text() -> None:
    assert codes_at({"usr/share/webadmin/lib/smarty/COPYING.lib": LGPL}, ENDPOINT) == []
    # near miss: a module named after copying is code whose requests count
    code = 'import urllib.request\n\nurllib.request.urlopen("https://fsf-mirror.licence-check.net/list")\n'
    assert codes_at({"webadmin/copying.py": code}, ENDPOINT) == [3]


PLUGIN = (
    "import os\n\nimport pytest\n\n\n@pytest.fixture\ndef fixtures_origin():\n"
    '    return os.environ.get("REMOTE_FIXTURES_ORIGIN", "https://fixtures.repo-server-project.org/")\n'
)


def test_a_pytest_plugin_a_project_ships_is_test_code() -> None:
    assert codes_at({"reposerver/pytest_plugin.py": PLUGIN}, ENDPOINT) == []
    # near miss: the same default in the product's own module is a host it contacts
    assert codes_at({"reposerver/sync.py": PLUGIN}, ENDPOINT) == [8]


SCHEDULED = "preflight.scheduled_job"
CRONTAB = "# the archiver's periodic jobs\n*/15 * * * * archiver /usr/bin/archiver-manage runjobs quarter_hourly\n"


def test_an_sdists_example_project_is_an_example() -> None:
    sdist = {"PKG-INFO": "Metadata-Version: 2.1\nName: archiver\n", "example_project/crontab": CRONTAB}
    assert codes_at(sdist, SCHEDULED) == []
    # near miss: the same folder in a tree that is no sdist is read by what it does
    assert codes_at({"example_project/crontab": CRONTAB}, SCHEDULED) == [2]


EGRESS = "preflight.implicit_egress"
DOCKERFILE = "FROM python:3.12-alpine\nRUN apk add --no-cache gcc musl-dev\nRUN pip install -r requirements.txt\n"


def test_a_developers_dockerfile_is_no_install_step() -> None:
    assert codes_at({"docker/Dockerfile.dev": DOCKERFILE, "docker/Dockerfile.front.dev": DOCKERFILE}, EGRESS) == []
    # near miss: the image the project ships for production is built by the install
    assert codes_at({"docker/Dockerfile": DOCKERFILE}, EGRESS) == [2, 3]
