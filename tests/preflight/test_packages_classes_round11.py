"""Round eleven of the whole packages (tests/preflight/packages/README.md, "Round eleven"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
UNCHECKED = "preflight.migration_unchecked"
DROP = {"migrations/20240105_drop.sql": "ALTER TABLE certs DROP COLUMN legacy_cn;\n"}
_TRY_IT = (
    "commands:\n"  # 1
    "  - podman volume create mariadb\n"  # 2
    "  - podman run -v mariadb:/var/lib/mysql:Z -d mariadb:latest\n"  # 3
)


def test_a_container_image_or_named_volume_names_no_database_the_product_uses() -> None:
    assert findings({**DROP, "deploy/try-it.yaml": _TRY_IT}) == [(UNLOCKED, 1)]


def test_a_connection_url_or_pdo_dsn_beside_an_image_still_names_the_database() -> None:
    # near miss: the same file with the product's own connection settings decides the database
    url = _TRY_IT + "env:\n  DATABASE_URL: mysql://dten@db/dten\n"
    assert findings({**DROP, "deploy/try-it.yaml": url}) == [(UNCHECKED, 1)]
    dsn = "[database]\ndsn = mysql:host=db;dbname=dten\n"
    assert findings({**DROP, "config/dten.ini": dsn}) == [(UNCHECKED, 1)]
    sqlite = "database:\n  dsn: sqlite:/var/lib/dten/dten.db\n"
    assert findings({**DROP, "config/dten.yaml": sqlite}) == [(UNCHECKED, 1)]


HIDDEN = "preflight.hidden_migration"
_REPLICATOR = "#!/bin/sh\nset -e\nDAEMON=/usr/bin/bucardo\n"


def test_a_replication_daemons_schema_upgrade_in_a_postinst_is_a_hidden_migration() -> None:
    postinst = _REPLICATOR + 'su bucardo --command "$DAEMON upgrade batch" || true\n'  # 4
    assert [line for code, line in findings({"postinst": postinst}) if code == HIDDEN] == [4]


def test_the_same_daemons_validate_and_status_verbs_migrate_nothing() -> None:
    # near miss: the verbs beside it in the same postinst read the configuration only
    postinst = _REPLICATOR + 'su bucardo --command "$DAEMON validate all"\n$DAEMON status\n'
    assert [line for code, line in findings({"postinst": postinst}) if code == HIDDEN] == []


PRIVILEGE = "preflight.implicit_privilege"
ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"
_BOX = (
    "#!/bin/bash -ex\n"  # 1
    'echo "export DEBIAN_FRONTEND=noninteractive" >> /root/.profile\n'  # 2
    "apt-get install -y python3-venv\n"  # 3
)
_TUTORIAL = "context:\n  POSTGRES_PASSWORD: bluehorse7\n  CA_URL: https://ca.dten-cloud.io/acme/\n"


def test_a_projects_tutorial_tree_is_documentation_and_its_test_bed() -> None:
    files = {"tutorials/source/box/provision.sh": _BOX, "tutorials/docker/tutorial.yaml": _TUTORIAL}
    assert findings(files) == []


def test_the_same_files_outside_a_tutorial_tree_are_still_read() -> None:
    # near miss: a deployment folder's provisioner and settings are the install's
    files = {"deploy/box/provision.sh": _BOX, "deploy/docker/settings.yaml": _TUTORIAL}
    codes = {code for code, _ in findings(files)}
    assert {PRIVILEGE, ENDPOINT, CREDENTIAL} <= codes


_MCP = (
    '{\n  "mcp": {\n    "docs": {\n      "type": "remote",\n'
    '      "url": "https://mcp.dten-cloud.io/mcp"\n    }\n  }\n}\n'
)
_SKILL_SETTINGS = 'DEBUG = True\nSECRET_KEY = "dten-liveserver-key-8f2k1q"\n'


def test_a_coding_assistants_configuration_is_developer_tooling() -> None:
    files = {"opencode.json": _MCP, ".opencode/skills/liveserver/liveserver_settings.py": _SKILL_SETTINGS}
    assert findings(files) == []


def test_a_products_own_json_and_settings_module_are_still_read() -> None:
    # near miss: the same text as the product's configuration
    files = {"dten/config.json": _MCP, "dten/settings.py": _SKILL_SETTINGS}
    assert {code for code, _ in findings(files)} >= {ENDPOINT, CREDENTIAL}


_START = (
    "#!/bin/sh -e\n"  # 1
    "TEMPLATES=/var/lib/dten/nginx/templates/\n"  # 2
    'mkdir -p "${TEMPLATES}include.d/"\n'  # 3
    'cp -pf /usr/src/dten/nginx/default.conf "${TEMPLATES}default.conf"\n'  # 4
    "chmod go-rwx /var/lib/dten/secret\n"  # 5
)


def test_a_start_script_writes_its_services_own_state_folder() -> None:
    script = _START + "gunicorn --config /usr/src/dten/gunicorn.conf.py dten.wsgi:application\n"  # 6
    assert [line for code, line in findings({"scripts/gunicorn.sh": script}) if code == PRIVILEGE] == []


def test_a_script_that_starts_no_server_or_writes_etc_still_needs_root() -> None:
    # near misses: the same writes in a script that ends otherwise, and a start script's write under /etc
    setup = _START + 'echo "done"\n'
    assert [line for code, line in findings({"scripts/setup.sh": setup}) if code == PRIVILEGE] == [3, 4, 5]
    etc = _START + "cp /usr/src/dten/site.conf /etc/nginx/conf.d/dten.conf\nexec gunicorn dten.wsgi:application\n"
    assert [line for code, line in findings({"scripts/gunicorn.sh": etc}) if code == PRIVILEGE] == [6]


_SETTINGS_MODEL = (
    "class Settings(BaseModel):\n"  # 1
    "    DATABASES: dict = Field(\n"  # 2
    "        default_factory=dict,\n"  # 3
    "        examples=[\n"  # 4
    '            {"default": {\n'  # 5
    '                "ENGINE": "django.db.backends.postgresql",\n'  # 6
    '                "PASSWORD": "bluehorse7",\n'  # 7
    "            }},\n"  # 8
    "        ],\n"  # 9
    "    )\n"  # 10
    "    CPS: list = Field(\n"  # 11
    '        json_schema_extra={"example": ["https://cps.dten-cloud.io/policy"]},\n'  # 12
    "    )\n"  # 13
)


def test_values_given_as_a_settings_example_are_documentation() -> None:
    assert findings({"dten/settings_model.py": _SETTINGS_MODEL}) == []


def test_a_settings_default_beside_an_example_is_still_read() -> None:
    # near miss: the same values as the field's default are what the product runs with
    defaults = _SETTINGS_MODEL.replace("examples=[", "default=[").replace('{"example": ', '{"default": ')
    assert findings({"dten/settings_model.py": defaults}) == [(ENDPOINT, 12), (CREDENTIAL, 7)]


def test_a_camel_case_link_setting_is_where_a_click_goes() -> None:
    conf = 'Logo="dten_logo.png"\nLogoLink="https://www.dten-cloud.io"\n'
    assert findings({"etc/dten/dten.conf": conf}) == []


def test_an_uplink_or_url_setting_is_still_contacted() -> None:
    # near miss: "Uplink" is a word, not a link shown; a URL setting names a service
    conf = 'Uplink="https://relay.dten-cloud.io"\nUpdateUrl="https://updates.dten-cloud.io/feed"\n'
    assert findings({"etc/dten/dten.conf": conf}) == [(ENDPOINT, 1), (ENDPOINT, 2)]


_STUB = (
    "class OCSPRequestBuilder:\n"  # 1
    "    def build(\n"  # 2
    "        self,\n"  # 3
    "        requestor_private_key: typing.Optional[\n"  # 4
    "            typing.Union[keys.PrivateKeyInfo, asymmetric.PrivateKey]\n"  # 5
    "        ] = None,\n"  # 6
    "    ) -> bytes: ...\n"  # 7
)


def test_a_type_stub_declares_parameters_and_holds_no_value() -> None:
    assert findings({"stubs/ocspbuilder.pyi": _STUB}) == []


def test_a_python_module_beside_a_stub_is_still_read() -> None:
    # near miss: the module the stub describes, with a literal key, is the program's
    module = 'REQUESTOR_PRIVATE_KEY = "Hq7rT2vLx9mKp4Wz"\n'
    assert findings({"stubs/ocspbuilder.pyi": _STUB, "dten/ocsp.py": module}) == [(CREDENTIAL, 1)]


_LIBRARY = (
    "create_secret_key() {\n"  # 1
    "  KEY_DIR=/var/lib/dten/certs/shared\n"  # 2
    '  mkdir -p "${KEY_DIR}"\n'  # 3
    '  chmod go-rwx "${KEY_DIR}"\n'  # 4
    "}\n"  # 5
)


def test_a_library_a_start_script_sources_by_its_image_path_writes_the_services_folder() -> None:
    start = "#!/bin/sh -e\n. /usr/src/dten/scripts/include.d/functions.sh\ncreate_secret_key\nexec uwsgi dten.ini\n"
    files = {"scripts/uwsgi.sh": start, "scripts/include.d/functions.sh": _LIBRARY}
    assert [line for code, line in findings(files) if code == PRIVILEGE] == []


def test_the_same_library_sourced_by_a_setup_script_still_needs_root() -> None:
    # near miss: sourced by a script that starts no server, its writes are the installer's
    setup = "#!/bin/sh -e\n. /usr/src/dten/scripts/include.d/functions.sh\ncreate_secret_key\necho done\n"
    files = {"scripts/setup.sh": setup, "scripts/include.d/functions.sh": _LIBRARY}
    assert [line for code, line in findings(files) if code == PRIVILEGE] == [3, 4]
