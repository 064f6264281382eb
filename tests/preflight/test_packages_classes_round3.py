"""The classes of false positives and misses that round three of whole real packages showed
(tests/preflight/packages/README.md, "Round three"), each with a minimal construct and a near miss that must still
be reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
DEFAULT = "preflight.default_credential"
ENDPOINT = "preflight.external_endpoint"
HIDDEN = "preflight.hidden_migration"
REWRITE = "preflight.migration_rewrites_table"
SUDO = "preflight.sudo_unavailable"
UNLOCKED = "preflight.migration_unlocked"
INDEX = "preflight.index_not_concurrent"


# --- a project's documentation trees, tests, translations and tooling by its ecosystem's conventions ---


def test_api_reference_release_notes_and_man_pages_are_documentation() -> None:
    inc = "Relationship: ``https://docs.vendor-cloud.io/api/rel/user``\n"
    assert codes_at({"api-ref/source/v3/users.inc": inc}, ENDPOINT) == []
    note = "---\nfeatures:\n  - |\n    [`bug 1 <https://bugs.vendor-cloud.io/dten/+bug/1>`_]\n"
    assert codes_at({"releasenotes/notes/bug-1-0a1b2c.yaml": note}, ENDPOINT) == []
    sample = '{"credential": {"secret": "df8daeaa981b40cea1217fead123bc64"}}\n'
    assert codes_at({"api-ref/source/v2/samples/auth-request.json": sample}, CREDENTIAL) == []
    man = '.TH DTEN-FETCH 1\n.SH "SEE ALSO"\nhttp://www.vendor-cloud.io\n'
    assert codes_at({"tools/dten-fetch.1": man}, ENDPOINT) == []
    # near miss: the same URL as a setting of the product, and a rotated log's name is no man page
    assert codes_at({"etc/dten/api.conf": "docs_url = https://docs.vendor-cloud.io/api/rel/user\n"}, ENDPOINT) == [1]
    assert codes_at({"etc/dten/feeds.conf.2": "feed_url = https://www.vendor-cloud.io/feed\n"}, ENDPOINT) == [1]


def test_a_typescript_spec_and_a_test_data_builder_are_test_data() -> None:
    spec = 'export const environment = {\n  secretAESKey: "SuperSecretAESKey",\n  proxyUrl: ""\n};\n'
    assert codes_at({"static_new/src/app/login/login.component.spec.ts": spec}, CREDENTIAL) == []
    builder = "def create():\n    pkg.url = u'http://datahub.vendor-cloud.io/index.json'\n"
    assert codes_at({"dten/lib/create_test_data.py": builder}, ENDPOINT) == []
    # near miss: the web client's own environment, and a module that only has "test" in its name
    assert codes_at({"static_new/src/environments/environment.ts": spec}, CREDENTIAL) == [2]
    assert codes_at({"dten/lib/latest_data.py": builder}, ENDPOINT) == [2]


def test_an_erlang_message_catalogue_is_a_translation() -> None:
    msg = '{"Password:","Passwort:"}.\n{"Old Password:","Altes Passwort:"}.\n'
    assert codes_at({"usr/lib/dten/priv/msgs/de.msg": msg}, CREDENTIAL) == []
    # near miss: a configuration file that sets a password
    assert codes_at({"etc/dten/dten.conf": "password: Passwort-4711\n"}, CREDENTIAL) == [1]


def test_devstack_zuul_and_pre_commit_are_development_tooling() -> None:
    sh = '#!/bin/bash\nIDP_PASSWORD=${IDP_PASSWORD:-panic}\nKEYCLOAK_PASSWORD="nomoresecret"\nsudo a2enmod headers\n'
    for path in ("devstack/lib/oidc.sh", "tools/test-setup.sh", "ci/docker-db.sh"):
        assert codes_at({path: sh}, CREDENTIAL) == [], path
        assert codes_at({path: sh}, DEFAULT) == [], path
        assert codes_at({path: sh}, SUDO) == [], path
    zuul = "- job:\n    vars:\n      LDAP_PASSWORD: nomoresecret\n"
    assert codes_at({".zuul.yaml": zuul}, CREDENTIAL) == []
    hooks = "repos:\n  - repo: https://github.com/PyCQA/flake8\n    rev: 7.0.0\n"
    assert codes_at({".pre-commit-config.yaml": hooks}, ENDPOINT) == []
    # near miss: the same script as the product's own tool, a ``ci`` folder inside the product
    assert codes_at({"scripts/oidc.sh": sh}, DEFAULT) == [2]
    assert codes_at({"scripts/oidc.sh": sh}, CREDENTIAL) == [3]
    assert codes_at({"dten/ci/setup.sh": sh}, DEFAULT) == [2]


# --- Jetty module files: only ``[files]`` downloads ---


def test_a_jetty_module_downloads_only_its_files_section() -> None:
    mod = (
        "[description]\nSee https://jminix.vendor-cloud.io/\n\n"
        "[files]\nmaven://org.slf4j/slf4j-api/1.7|lib/slf4j.jar\n"
        "https://maven.vendor-cloud.io/org/restlet/1.1.5/restlet.jar|lib/restlet.jar\n\n"
        "[license]\nhttp://www.apache.org/licenses/LICENSE-2.0\n"
    )
    assert codes_at({"usr/share/jetty9/modules/jminix.mod": mod}, ENDPOINT) == [6]


# --- sample data, names and text in program source ---


def _entry(n: int) -> str:
    return f"dn: uid=user{n}, ou=People, dc=dten,dc=net\nobjectclass: person\nuid: user{n}\nuserpassword: pw{n}x\n\n"


def test_a_sample_directory_population_is_no_credential() -> None:
    sample = "".join(_entry(n) for n in range(12))
    assert codes_at({"usr/share/dirsrv/data/Example.ldif": sample}, CREDENTIAL) == []
    # near miss: an LDIF with one account and its password (a bind entry a setup step loads)
    assert codes_at({"usr/share/dten/admin.ldif": _entry(1)}, CREDENTIAL) == [4]


def test_an_ldap_schema_origin_is_a_name() -> None:
    schema = "attributeTypes: ( 1.3.6.1.4.1.5923.1.1.1.1\n  NAME 'eduPersonAffiliation'\n"
    schema += "  X-ORIGIN 'http://middleware.vendor-cloud.io/eduperson/'\n  )\n"
    assert codes_at({"usr/share/dirsrv/schema/60eduperson.ldif": schema}, ENDPOINT) == []
    # near miss: a referral the server follows
    assert codes_at({"etc/dirsrv/referral.conf": "referral = ldap://ldap.vendor-cloud.io\n"}, ENDPOINT) == [1]


def test_a_php_include_is_program_source() -> None:
    inc = "<?php\nclass user {\n  function save() {\n    $new_password = get_post('new_password');\n"
    inc += '    $this->mustchangepassword = TRUE;\n  }\n  private $password = "gosa-rpc";\n}\n'
    assert codes_at({"usr/share/dten/include/class_user.inc": inc}, CREDENTIAL) == [7]


def test_a_logging_stream_reference_and_a_maven_coordinate_name_no_host() -> None:
    logging = "HANDLERS = {'console': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'}}\n"
    assert codes_at({"dten/logs.py": logging}, ENDPOINT) == []
    # near miss: a URL of a host in the same place
    assert codes_at({"dten/logs.py": logging.replace("ext://sys.stdout", "https://sys.vendor-cloud.io")}, ENDPOINT) == [
        1
    ]


def test_a_settings_declaration_describes_and_exemplifies() -> None:
    decl = (
        "groups:\n- annotation: Datastore\n  options:\n"
        "  - key: dten.datastore.write_url\n    default: postgresql://dten:dtenpass@localhost/datastore\n"
        "    example: postgresql://reader:readpass@localhost/datastore\n    description: >-\n"
        "      See `the docs <https://docs.vendor-cloud.io/datastore>`_.\n"
        "  - key: dten.site_url\n    example: http://www.mysite.vendor-cloud.io\n"
        "  - key: dten.recaptcha.privatekey\n    description: |\n      dten.recaptcha.privatekey = 6Lc-xyz-example\n"
    )
    path = "dten/config/config_declaration.yaml"
    assert codes_at({path: decl}, ENDPOINT) == []
    # near miss: the default is written into the generated configuration
    assert codes_at({path: decl}, CREDENTIAL) == [5]


def test_a_licence_page_in_code_is_a_link() -> None:
    code = 'class OdcBy:\n    url = "http://www.opendefinition.vendor-cloud.io/licenses/odc-by"\n'
    assert codes_at({"dten/model/license.py": code}, ENDPOINT) == []
    # near miss: a licence list the product downloads
    fetched = 'class Licenses:\n    url = "https://api.opendefinition.vendor-cloud.io/licenses.json"\n'
    assert codes_at({"dten/model/license.py": fetched}, ENDPOINT) == [2]


def test_a_constant_that_spells_its_own_name_names_a_field() -> None:
    code = 'PASSWORD = "password"\nAPIKEY = "apikey"\nFIELDS = {"authsecret": "string", "Password": "password"}\n'
    assert codes_at({"dten/resolvers/http.py": code}, CREDENTIAL) == []
    # near miss: a default password that happens to be the word
    assert codes_at({"dten/resolvers/http.py": 'DEFAULT_PASSWORD = "password"\n'}, CREDENTIAL) == [1]


def test_a_random_looking_value_in_a_docstring_is_an_example() -> None:
    code = (
        "class Validator:\n    def save_bearer_token(self, token):\n"
        '        """Persist the Bearer token.\n        The dict may hold a number of items::\n'
        "            {\n                'token_type': 'Bearer',\n"
        "                'access_token': 'askfjh234as9sd8kqw',\n"
        '            }\n        """\n        return token\n'
    )
    assert codes_at({"dten/oauth/provider.py": code}, CREDENTIAL) == []
    # near miss: the same value in the product's configuration
    assert codes_at({"etc/dten/oauth.yaml": "access_token: askfjh234as9sd8kqw\n"}, CREDENTIAL) == [1]


# --- missed risks ---


def test_a_table_created_if_not_exists_and_then_altered_is_live() -> None:
    sql = (
        "CREATE TABLE IF NOT EXISTS metrics (\n    name text PRIMARY KEY,\n    total integer\n);\n"
        "ALTER TABLE metrics ALTER COLUMN total TYPE BIGINT;\n"
        "CREATE UNIQUE INDEX IF NOT EXISTS metrics_key ON metrics (name);\n"
        "ALTER TABLE metrics ADD COLUMN IF NOT EXISTS update_time timestamp;\n"
    )
    assert codes_at({"dten/sql/schema.sql": sql}, UNLOCKED) == [5, 7]
    assert codes_at({"dten/sql/schema.sql": sql}, REWRITE) == [5]
    assert codes_at({"dten/sql/schema.sql": sql}, INDEX) == [6]
    # near miss: a table the file creates outright, and a run-once delta that builds a new table IF NOT EXISTS and
    # renames it into place (no column added IF NOT EXISTS)
    plain = sql.replace("IF NOT EXISTS metrics (", "metrics (")
    assert codes_at({"dten/sql/schema.sql": plain}, UNLOCKED) == []
    delta = sql.replace("ADD COLUMN IF NOT EXISTS update_time timestamp", "RENAME TO metrics_v2")
    assert codes_at({"dten/sql/delta/42/metrics.sql": delta}, INDEX) == []
    assert codes_at({"dten/sql/delta/42/metrics.sql": delta}, UNLOCKED) == []


def test_an_interpreter_running_a_database_updater_is_a_hidden_migration() -> None:
    postinst = '#!/bin/sh\nset -e\nif [ -n "$2" ]; then\n    php /usr/share/dten/cli/upgrade_database.php\nfi\n'
    assert codes_at({"postinst": postinst}, HIDDEN) == [4]
    # near miss: the same interpreter running a cache rebuild
    other = postinst.replace("upgrade_database.php", "rebuild_poller_cache.php")
    assert codes_at({"postinst": other}, HIDDEN) == []


# --- program text for people: attribute docstrings, help texts, module metadata, page templates ---


def test_an_attribute_docstring_and_a_parser_epilog_are_text() -> None:
    code = (
        "class ServerConfig(BaseModel):\n    samesite: str = 'Lax'\n"
        '    """See [the spec](https://developer.vendor-cloud.io/samesite) for the values."""\n'
        "parser = ArgumentParser(epilog='Check out our docs at https://docs.vendor-cloud.io/ for more details')\n"
    )
    assert codes_at({"dten/schema/server.py": code}, ENDPOINT) == []
    # near miss: a default URL the product requests, in the same class
    fetched = code.replace(
        "    samesite:", "    feed_url: str = 'https://feeds.vendor-cloud.io/releases.xml'\n    samesite:"
    )
    assert codes_at({"dten/schema/server.py": fetched}, ENDPOINT) == [2]


def test_a_module_metadata_url_is_a_link() -> None:
    code = '__plugin_name__ = "Tracking"\n__plugin_url__ = "https://tracking.vendor-cloud.io"\n'
    assert codes_at({"dten/plugins/tracking/__init__.py": code}, ENDPOINT) == []
    # near miss: the endpoint the plugin sends to
    sent = 'TRACKING_URL = "https://tracking.vendor-cloud.io/track/{id}/{event}/"\n'
    assert codes_at({"dten/plugins/tracking/__init__.py": sent}, ENDPOINT) == [1]


def test_a_jinja_page_template_links_for_the_browser() -> None:
    page = (
        "<div class=\"help\">\n  <p>{% trans url='https://faq.vendor-cloud.io/webcam' %}See the FAQ{% endtrans %}</p>\n"
    )
    assert codes_at({"dten/templates/dialogs/webcam.jinja2": page}, ENDPOINT) == []
    # near miss: a Jinja template of configuration
    conf = "upstream backend {\n  server {{ host }};\n}\nproxy_pass https://api.vendor-cloud.io;\n"
    assert codes_at({"dten/templates/site.conf.j2": conf}, ENDPOINT) == [4]


def test_setting_names_selectors_and_template_tokens_are_no_secret() -> None:
    code = (
        '_config_encode_secret = u"api_token.jwt.encode.secret"\n_config_secret_fallback = u"SECRET_KEY"\n'
        "var_pass = '#snmp_password'\n"
    )
    assert codes_at({"dten/lib/api_token.py": code}, CREDENTIAL) == []
    php = "<?php\n$database_password = '_DBC_DBPASS_';\n"
    assert codes_at({"usr/share/dten/conf_templates/debian.php.dist": php}, CREDENTIAL) == []
    # near miss: a literal password in both places
    assert codes_at({"dten/lib/api_token.py": '_config_secret = u"jwt-Encode-S3cret"\n'}, CREDENTIAL) == [1]
    assert codes_at(
        {"usr/share/dten/conf_templates/debian.php.dist": "<?php\n$database_password = 'cactiuser';\n"}, CREDENTIAL
    ) == [2]


def test_a_new_unique_column_builds_its_index_over_the_table() -> None:
    sql = "ALTER TABLE users ADD COLUMN login text UNIQUE;\n"
    assert codes_at({"dten/sql/upgrade-42.sql": sql}, REWRITE) == [1]
    # near miss: the column alone is a catalogue change
    assert codes_at({"dten/sql/upgrade-42.sql": sql.replace(" UNIQUE", "")}, REWRITE) == []


def test_a_url_in_a_sentence_an_oauth_scope_and_a_placeholder_login_are_no_endpoint() -> None:
    code = (
        'ERRORS = ["Please see https://faq.vendor-cloud.io/serialerror for possible reasons of this."]\n'
        "SCOPES = ['https://auth.vendor-cloud.io/auth/datastore',\n          'https://auth.vendor-cloud.io/auth/fcm']\n"
        'MAPPING = "client_id={client_id}&scope=https://graph.vendor-cloud.io"\n'
        'token = app.acquire_token_for_client(scopes=["https://graph.vendor-cloud.io/.default"])\n'
    )
    assert codes_at({"dten/providers/push.py": code}, ENDPOINT) == []
    ini = "[alembic]\nsqlalchemy.url = driver://user:pass@localhost/dbname\n"
    assert codes_at({"dten/migration/alembic.ini": ini}, CREDENTIAL) == []
    # near miss: a command in a string, the endpoint the provider posts to, and a real login in the same place
    cmd = 'subprocess.run("git clone https://git.vendor-cloud.io/dten.git", shell=True)\n'
    assert codes_at({"dten/providers/push.py": cmd}, ENDPOINT) == [1]
    send = "FCM_URL_SEND = 'https://fcm.vendor-cloud.io/v1/projects/{0!s}/messages:send'\n"
    assert codes_at({"dten/providers/push.py": send}, ENDPOINT) == [1]
    # (a scheme named ``driver``/``dialect`` is the template whatever its login: test_packages_classes4.py)
    real = ini.replace("driver://user:pass", "postgresql://dten:Xk9-dten")
    assert codes_at({"dten/migration/alembic.ini": real}, CREDENTIAL) == [2]


def test_a_smarty_page_template_links_for_the_browser() -> None:
    tpl = "<p>{t}When checking this option, we connect http://oss.vendor-cloud.io to subscribe you.{/t}</p>\n"
    assert codes_at({"usr/share/dten/setup/setup_feedback.tpl": tpl}, ENDPOINT) == []
    # near miss: a template of configuration
    conf = '{{ define "feed" }}\nfeed_url = https://oss.vendor-cloud.io/feed\n{{ end }}\n'
    assert codes_at({"usr/share/dten/templates/feed.tpl": conf}, ENDPOINT) == [2]
