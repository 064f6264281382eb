"""Round twenty-eight of the whole packages (tests/preflight/packages/README.md, "Round twenty-eight"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

TLS_OFF = "preflight.tls_verification_disabled"
ENDPOINT = "preflight.external_endpoint"
UNLOCKED = "preflight.migration_unlocked"

_SP_SETUP = (
    "#!/usr/bin/python\n"  # 1
    "\n"  # 2
    "sp1_a = {'hostname': '${ADDRESS}',\n"  # 3
    "         'openidc': 'yes',\n"  # 4
    "         'openidc_skip_ssl_validation': 'yes',\n"  # 5
    "         'httpd_user': '${TEST_USER}'}\n"  # 6
)


def test_a_test_suites_setup_that_skips_tls_validation_is_test_data() -> None:
    # Ipsilon's tests/openidc.py: the service provider a test installs, read as settings
    assert (TLS_OFF, 5) not in findings({"tests/openidc.py": _SP_SETUP})


def test_the_same_setup_in_the_product_still_switches_the_check_off() -> None:
    assert (TLS_OFF, 5) in findings({"app/openidc.py": _SP_SETUP})


_ATTRIBUTE_MAP = (
    "AP_MAP = {\n"  # 1
    "    'http://schema.openid.net/contact/email': 'email',\n"  # 2
    "    'http://axschema.org/namePerson': 'fullname',\n"  # 3
    "    'http://axschema.org/contact/email': 'email',\n"  # 4
    "    'http://openid.net/schema/gender': 'gender',\n"  # 5
    "}\n"  # 6
    "\n"  # 7
    "\n"  # 8
    "def attributes(resp, userdata):\n"  # 9
    "    data = {}\n"  # 10
    "    for name, value in resp.data.items():\n"  # 11
    "        key = AP_MAP[name] if name in AP_MAP else AP_MAP.get(name.lower(), name)\n"  # 12
    "        data[key] = value\n"  # 13
    "    return data\n"  # 14
)


def test_a_table_of_url_names_only_looked_up_names_attributes() -> None:
    # Ipsilon's providers/openid/extensions/ax.py: OpenID attribute exchange type URIs mapped to attribute names
    found = findings({"app/providers/ax.py": _ATTRIBUTE_MAP})
    assert [line for code, line in found if code == ENDPOINT] == []


def test_the_same_table_iterated_is_a_list_of_hosts() -> None:
    iterated = _ATTRIBUTE_MAP + "\n\ndef probe(session):\n    for url in AP_MAP:\n        session.get(url)\n"
    found = findings({"app/providers/ax.py": iterated})
    assert (ENDPOINT, 2) in found and (ENDPOINT, 3) in found


_XRDS = (
    "class XRDSHandler(Page):\n"  # 1
    "    def GET(self, *args, **kwargs):\n"  # 2
    "        types = [\n"  # 3
    "            'http://specs.openid.net/auth/2.0/server',\n"  # 4
    "            'http://openid.net/server/1.0',\n"  # 5
    "        ]\n"  # 6
    "        return self.reply(types=types, uri=self.cfg.endpoint_url)\n"  # 7
)


def test_a_list_of_type_uris_names_what_a_service_is() -> None:
    # Ipsilon's providers/openid/meta.py: the XRDS service types its discovery document publishes
    assert [line for code, line in findings({"app/openid/meta.py": _XRDS}) if code == ENDPOINT] == []


def test_a_list_of_urls_under_another_name_is_still_hosts() -> None:
    # OpenID 2.0's own identifiers (specs.openid.net/auth/…) are names wherever they stand (round 36): a server's URL
    # takes line 4's place, so the list holds two hosts
    urls = _XRDS.replace("types = [", "servers = [").replace("types=types", "types=servers")
    urls = urls.replace("http://specs.openid.net/auth/2.0/server", "https://login.vendor.net/openid/server")
    found = findings({"app/openid/meta.py": urls})
    assert (ENDPOINT, 4) in found and (ENDPOINT, 5) in found


_WEBFINGER = (
    "class IdpProvider(ProviderBase):\n"  # 1
    "    def on_enable(self):\n"  # 2
    "        self._root.webfinger.register_rel(\n"  # 3
    "            'http://openid.net/specs/connect/1.0/issuer',\n"  # 4
    "            self.openid_connect_issuer_wf_rel\n"  # 5
    "        )\n"  # 6
)


def test_a_link_relation_registered_by_its_name_is_a_name() -> None:
    # Ipsilon's providers/openidcp.py: the WebFinger relation an OpenID Connect issuer answers for
    assert [line for code, line in findings({"app/providers/openidcp.py": _WEBFINGER}) if code == ENDPOINT] == []


def test_a_url_handed_to_another_call_is_still_a_host() -> None:
    fetched = _WEBFINGER.replace("webfinger.register_rel(", "session.get(")
    assert (ENDPOINT, 4) in findings({"app/providers/openidcp.py": fetched})


_RENAME = (
    "from django.db import migrations\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "class Migration(migrations.Migration):\n"  # 4
    "    dependencies = [('postorius', '0001_initial')]\n"  # 5
    "    operations = [\n"  # 6
    "        migrations.RenameField(model_name='emailtemplate', old_name='craeted_at', new_name='created_at'),\n"  # 7
    "    ]\n"  # 8
)
_INITIAL_TEMPLATE = (
    "from django.db import migrations, models\n"
    "\n"
    "\n"
    "class Migration(migrations.Migration):\n"
    "    initial = True\n"
    "    operations = [\n"
    "        migrations.CreateModel(\n"
    "            name='EmailTemplate',\n"
    "            fields=[('id', models.AutoField(primary_key=True)), ('craeted_at', models.DateTimeField())],\n"
    "        ),\n"
    "    ]\n"
)
_SQLITE_SETTINGS = "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'app.db'}}\n"


def _app(settings_path: str) -> dict[str, str | bytes]:
    return {
        "src/postorius/migrations/0001_initial.py": _INITIAL_TEMPLATE,
        "src/postorius/migrations/0002_rename.py": _RENAME,
        settings_path: _SQLITE_SETTINGS,
    }


def test_an_example_projects_sqlite_leaves_the_apps_database_to_the_operator() -> None:
    # Postorius's example_project/settings.py: the development project its setup guide runs
    assert (UNLOCKED, 7) in findings(_app("example_project/settings.py"))


def test_the_products_own_settings_naming_only_sqlite_still_run_its_migrations_on_sqlite() -> None:
    assert (UNLOCKED, 7) not in findings(_app("src/postorius/settings.py"))


_SESSIONS = (
    "class SAMLSessionFactory(Store):\n"  # 1
    "    pass\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "if __name__ == '__main__':\n"  # 5
    "    factory = SAMLSessionFactory()\n"  # 6
    "    test1 = factory.get_session_by_id('_123456')\n"  # 7
    "    test1.set_logoutstate('https://sso.vendor-idp.net/idp')\n"  # 8
    "    assert test1.relaystate == 'https://sso.vendor-idp.net/idp'\n"  # 9
)


def test_a_package_modules_main_block_is_its_self_test() -> None:
    # Ipsilon's providers/saml2/sessions.py: the module's own test, run by a developer
    assert [line for code, line in findings({"app/saml2/sessions.py": _SESSIONS}) if code == ENDPOINT] == []


def test_a_scripts_main_block_is_the_script() -> None:
    assert (ENDPOINT, 8) in findings({"bin/sessions.py": _SESSIONS})


_OPTIONS = (
    "class IdpProvider(ProviderBase):\n"  # 1
    "    def __init__(self, *pargs):\n"  # 2
    "        self.new_config(\n"  # 3
    "            self.name,\n"  # 4
    "            pconfig.String(\n"  # 5
    "                'endpoint url',\n"  # 6
    "                'The Absolute URL of the OpenID Connect provider',\n"  # 7
    "                'https://idp.vendor-sso.net/openidc/'),\n"  # 8
    "            pconfig.String(\n"  # 9
    "                'documentation url',\n"  # 10
    "                'The Absolute URL of the OpenID Connect documentation',\n"  # 11
    "                'https://ipsilonproject.org/doc/openidc/'),\n"  # 12
    "        )\n"  # 13
)


def test_the_default_of_an_option_named_for_documentation_is_a_link() -> None:
    # Ipsilon's providers/openidcp.py: the documentation link its discovery document publishes
    assert (ENDPOINT, 12) not in findings({"app/providers/openidcp.py": _OPTIONS})


def test_the_default_of_an_option_named_for_what_the_product_calls_is_a_host() -> None:
    assert (ENDPOINT, 8) in findings({"app/providers/openidcp.py": _OPTIONS})
