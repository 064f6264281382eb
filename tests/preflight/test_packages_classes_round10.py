"""Round ten of the whole packages (tests/preflight/packages/README.md, "Round ten"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"


def test_a_form_fields_placeholder_url_is_shown_not_requested() -> None:
    form = (
        "class ClientForm(Form):\n"  # 1
        '    client_uri = URLField(render_kw={"placeholder": "https://client.dten.io/oauth/callback"})\n'  # 2
        '    logo_uri = URLField(placeholder="https://client.dten.io/logo.png")\n'  # 3
    )
    assert codes_at({"dten/oidc/forms.py": form}, ENDPOINT) == []


def test_a_url_beside_a_placeholder_is_still_requested() -> None:
    # near miss: the form's own setting is a host the product fetches
    form = (
        "class ClientForm(Form):\n"  # 1
        '    logo_uri = URLField(placeholder="https://client.dten.io/logo.png")\n'  # 2
        '    JWKS_URL = "https://keys.dten-cloud.io/jwks.json"\n'  # 3
    )
    assert codes_at({"dten/oidc/forms.py": form}, ENDPOINT) == [3]


CREDENTIAL = "preflight.hardcoded_credential"


def test_a_map_of_fields_to_ldap_attribute_names_holds_no_secret() -> None:
    model = (
        "class Client(LDAPObject):\n"  # 1
        "    attributes = {\n"  # 2
        '        "client_id": "dtenClientID",\n'  # 3
        '        "client_secret": "dtenClientSecret",\n'  # 4
        '        "access_token": "dtenAccessToken",\n'  # 5
        '        "lock_date": "pwdEndTime",\n'  # 6
        "    }\n"  # 7
    )
    assert codes_at({"dten/backends/ldap/models.py": model}, CREDENTIAL) == []


def test_a_settings_map_with_one_camel_case_password_is_still_a_secret() -> None:
    # near miss: the other values are plain words, not attribute names: the password is a value
    settings = (
        "DATABASE = {\n"  # 1
        '    "user": "dten",\n'  # 2
        '    "password": "blueHorseBattery",\n'  # 3
        '    "host": "db",\n'  # 4
        "}\n"  # 5
    )
    assert codes_at({"dten/settings.py": settings}, CREDENTIAL) == [3]


_TERMS = 'docs:\n  terms_of_service:\n    url: "https://terms.dten-cloud.io/tos-2.0.html"\n'


def test_a_projects_test_package_named_project_test_holds_test_data() -> None:
    assert codes_at({"dten_is_test/terms.yaml": _TERMS}, ENDPOINT) == []


def test_a_folder_whose_name_only_ends_in_test_letters_is_not_a_test_folder() -> None:
    # near miss: ``latest/`` and ``contest/`` end in "test" with no separator: product files
    assert codes_at({"latest/terms.yaml": _TERMS}, ENDPOINT) == [3]
    assert codes_at({"contest/terms.yaml": _TERMS}, ENDPOINT) == [3]


_MAIL = (
    "Date: %(date)s\n"  # 1
    "From: %(from)s\n"  # 2
    "To: %(to)s\n"  # 3
    "Subject: %(subject)s\n"  # 4
    "MIME-Version: 1.0\n"  # 5
    "\n"  # 6
    "Dten app: https://dten-cloud.io/app\n"  # 7
)


def test_a_mail_message_template_has_links_for_its_recipient() -> None:
    assert codes_at({"res/dten/invite_template.eml": _MAIL}, ENDPOINT) == []


def test_a_file_named_eml_without_a_message_header_is_still_read() -> None:
    # near miss: the suffix alone does not make a message; the settings of this file name a host
    settings = "[relay]\nendpoint = https://relay.dten-cloud.io/submit\n"
    assert codes_at({"res/dten/relay.eml": settings}, ENDPOINT) == [2]


_ACCOUNTS = "[identity]\nusername=admin\npassword=adminsecret7\n\n[rbac_users]\nadmin_a_password=dten4\n"


def test_a_functional_test_suites_settings_hold_test_accounts() -> None:
    assert codes_at({"usr/share/dten-common/dten-functional.conf": _ACCOUNTS}, CREDENTIAL) == []


def test_the_services_own_configuration_still_holds_its_password() -> None:
    # near miss: the same settings in the service's configuration, or in a file named for functions, are its own
    assert codes_at({"usr/share/dten-common/dten.conf": _ACCOUNTS}, CREDENTIAL) == [3, 6]
    assert codes_at({"usr/share/dten-common/functions.conf": _ACCOUNTS}, CREDENTIAL) == [3, 6]


def test_a_setting_naming_password_hash_schemes_holds_no_password() -> None:
    settings = 'PASSWORD_SCHEMES = "pbkdf2_sha512"\nTOKEN_ALGORITHMS = "RS256"\n'
    assert codes_at({"dten/settings.py": settings}, CREDENTIAL) == []


def test_a_password_beside_a_scheme_setting_is_still_reported() -> None:
    # near miss: the scheme names how passwords are hashed; the password itself is a value
    settings = 'PASSWORD_SCHEMES = "pbkdf2_sha512"\nADMIN_PASSWORD = "Dten-2931-adm"\n'
    assert codes_at({"dten/settings.py": settings}, CREDENTIAL) == [2]


def test_an_annotated_settings_default_is_a_literal_password() -> None:
    settings = (
        "class LDAPSettings(BaseModel):\n"  # 1
        '    BIND_DN: str = "cn=admin,dc=dten,dc=org"\n'  # 2
        '    BIND_PW: str = "admin"\n'  # 3
        '    SERVICE_PASSWORD: Optional[str] = "Dten-2931-svc"\n'  # 4
    )
    assert codes_at({"dten/backends/ldap/configuration.py": settings}, CREDENTIAL) == [3, 4]


def test_an_annotated_setting_without_a_literal_holds_no_password() -> None:
    # near miss: no default, None, an empty default or a computed one: nothing shipped
    settings = (
        "class LDAPSettings(BaseModel):\n"  # 1
        "    BIND_PW: str\n"  # 2
        "    ROOT_PW: str | None = None\n"  # 3
        '    SYNC_PW: str = ""\n'  # 4
        '    ADMIN_PW: str = Field(default_factory=lambda: token_hex(16), description="x")\n'  # 5
    )
    assert codes_at({"dten/backends/ldap/configuration.py": settings}, CREDENTIAL) == []


HIDDEN = "preflight.hidden_migration"


def test_a_settings_classs_auto_migrate_default_migrates_at_every_start() -> None:
    settings = (
        "class SQLSettings(BaseModel):\n"  # 1
        '    DATABASE_URI: str = "sqlite:///dten.sqlite"\n'  # 2
        "    AUTO_MIGRATE: bool = True\n"  # 3
    )
    assert codes_at({"dten/backends/sql/configuration.py": settings}, HIDDEN) == [3]


def test_an_auto_migrate_default_that_is_off_or_unset_migrates_nothing() -> None:
    # near miss: off by default, or no default: the operator runs the migrations
    settings = "class SQLSettings(BaseModel):\n    AUTO_MIGRATE: bool = False\n    RUN_MIGRATIONS: bool\n"
    assert codes_at({"dten/backends/sql/configuration.py": settings}, HIDDEN) == []


_SMS = (
    'API_BASE_URL = "https://smsc.dten-sms.io/sms/v4/mt"\n'  # 1
    "class DtenSMS:\n"  # 2
    "    async def send(self, body):\n"  # 3
    "        return await self.http_client.post_json_get_nothing(API_BASE_URL, body)\n"  # 4
)


def test_a_modules_url_constant_a_request_call_is_given_is_a_host_it_contacts() -> None:
    assert codes_at({"dten/sms/provider.py": _SMS}, ENDPOINT) == [1]


def test_a_modules_base_url_that_no_request_is_given_stays_its_own_address() -> None:
    # near miss: the same constant only used to build links (a settings module's own public address)
    links = 'API_BASE_URL = "https://smsc.dten-sms.io/sms/v4/mt"\ndef link(p):\n    return API_BASE_URL + p\n'
    assert codes_at({"dten/sms/provider.py": links}, ENDPOINT) == []


_NTP = (
    "# Specify one or more NTP servers.\n"  # 1
    "# server time.dten-ntp.org nts\n"  # 2
    "servers 0.dten.pool.ntp.org\n"  # 3
    "pool 1.dten.pool.ntp.org iburst\n"  # 4
    "restrict default kod nomodify\n"  # 5
)


def test_an_ntp_daemons_time_sources_are_hosts_it_polls() -> None:
    assert codes_at({"etc/openntpd/ntpd.conf": _NTP}, ENDPOINT) == [3, 4]
    assert codes_at({"etc/ntpsec/ntp.conf": _NTP}, ENDPOINT) == [3, 4]


def test_server_lines_outside_an_ntp_configuration_are_not_time_sources() -> None:
    # near miss: the same lines in another daemon's configuration name no host by these rules; comments never do
    assert codes_at({"etc/dten/dten.conf": _NTP}, ENDPOINT) == []


UNLOCKED = "preflight.migration_unlocked"
_REVISION_HEAD = 'from alembic import op\n\nrevision = "1761"\ndown_revision = "1760"\n\n'  # lines 1-5


def test_an_alembic_helpers_f_string_statement_is_read_as_the_revisions_sql() -> None:
    revision = _REVISION_HEAD + (
        "def _rename(table, old, new):\n"  # 6
        "    op.execute(\n"  # 7
        '        f\'ALTER TABLE "{table}" RENAME CONSTRAINT "{old}" TO "{new}"\'\n'  # 8
        "    )\n"  # 9
        "\n"  # 10
        "def upgrade():\n"  # 11
        '    for table in ("token", "consent"):\n'  # 12
        '        _rename(table, "fk_a", "fk_b")\n'  # 13
    )
    assert codes_at({"dten/migrations/versions/1761_rename.py": revision}, UNLOCKED) == [7]


def test_a_helper_only_the_downgrade_calls_is_not_the_upgrades_sql() -> None:
    # near miss: the same helper, called by downgrade alone, never runs on upgrade
    revision = _REVISION_HEAD + (
        "def _rename(table, old, new):\n"  # 6
        '    op.execute(f\'ALTER TABLE "{table}" RENAME CONSTRAINT "{old}" TO "{new}"\')\n'  # 7
        "\n"  # 8
        "def upgrade():\n"  # 9
        "    pass\n"  # 10
        "\n"  # 11
        "def downgrade():\n"  # 12
        '    _rename("token", "fk_b", "fk_a")\n'  # 13
    )
    assert codes_at({"dten/migrations/versions/1761_rename.py": revision}, UNLOCKED) == []


def test_what_follows_a_guard_for_another_database_is_not_postgresqls_sql() -> None:
    revision = _REVISION_HEAD + (
        "def _convert(target):\n"  # 6
        "    bind = op.get_bind()\n"  # 7
        '    if bind.dialect.name != "oracle":\n'  # 8
        "        return\n"  # 9
        '    op.alter_column("audit", "date", type_=target)\n'  # 10
        "\n"  # 11
        "def upgrade():\n"  # 12
        "    _convert(sa.TIMESTAMP())\n"  # 13
    )
    assert codes_at({"dten/migrations/versions/1761_oracle.py": revision}, UNLOCKED) == []


def test_what_follows_a_guard_that_skips_sqlite_is_still_read() -> None:
    # near miss: returning on SQLite leaves PostgreSQL to run the rest
    revision = _REVISION_HEAD + (
        "def upgrade():\n"  # 6
        "    bind = op.get_bind()\n"  # 7
        '    if bind.dialect.name == "sqlite":\n'  # 8
        "        return\n"  # 9
        '    op.add_column("audit", sa.Column("note", sa.String(), nullable=True))\n'  # 10
    )
    assert codes_at({"dten/migrations/versions/1761_note.py": revision}, UNLOCKED) == [10]


def test_a_units_message_text_with_a_help_link_is_for_people() -> None:
    unit = (
        "[Service]\n"  # 1
        'Environment=DTEN_TEXT="Greylisted, see https://help.dten-mail.io/help/%H.html"\n'  # 2
        "ExecStart=/usr/sbin/dtengrey --greylist-text=${DTEN_TEXT}\n"  # 3
    )
    assert codes_at({"lib/systemd/system/dtengrey.service": unit}, ENDPOINT) == []


def test_a_units_url_setting_is_still_contacted() -> None:
    # near miss: a value that is the URL alone is a setting the service connects to
    unit = '[Service]\nEnvironment=DTEN_POLICY_URL="https://policy.dten-mail.io/check"\nExecStart=/usr/sbin/dtengrey\n'
    assert codes_at({"lib/systemd/system/dtengrey.service": unit}, ENDPOINT) == [2]
