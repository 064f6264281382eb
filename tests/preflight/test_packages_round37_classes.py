"""Round thirty-seven of the whole packages (tests/preflight/packages/README.md, "Round thirty-seven"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep
its result)."""

from __future__ import annotations

from preflight_kit import codes_at, package, run

from shipgate.findings import Severity

ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"


def _at(files: dict[str, str | bytes], code: str) -> list[tuple[str, int | None]]:
    """(path, line) of the findings above info with ``code``, sorted."""
    found = run(package(files))
    return sorted((f.path, f.evidence.get("line")) for f in found if f.code == code and f.severity > Severity.INFO)


# an OAuth client's registration file (Flask-OIDC's client_secrets.json): the provider's endpoints and the secret
_CLIENT_SECRETS = (
    "{\n"  # 1
    '    "web": {\n'  # 2
    '        "redirect_uris": ["http://localhost:5005/"],\n'  # 3
    '        "token_uri": "https://iddev.fedorainfracloud.org/openidc/Token",\n'  # 4
    '        "auth_uri": "https://iddev.fedorainfracloud.org/openidc/Authorization",\n'  # 5
    '        "client_id": "D-e69a1ac7-30fa-4d18-9001-7468c4f34c3c",\n'  # 6
    '        "client_secret": "qgz8Bzjg6nO7JWCXoB0o8L49KfI5atLF",\n'  # 7
    '        "userinfo_uri": "https://iddev.fedorainfracloud.org/openidc/UserInfo",\n'  # 8
    '        "token_introspection_uri": "https://iddev.fedorainfracloud.org/openidc/TokenInfo"\n'  # 9
    "    }\n"  # 10
    "}\n"  # 11
)


def test_an_address_named_uri_is_not_a_credential() -> None:
    # WaiverDB's conf/client_secrets.json: token_uri and token_introspection_uri are where the token is fetched
    assert codes_at({"srv/oidc/client_secrets.json": _CLIENT_SECRETS}, CREDENTIAL) == [7]


def test_a_password_inside_a_uri_and_a_random_secret_are_still_credentials() -> None:
    # the URL plugin still reads a password in the address; the client secret beside it stays reported
    settings = (
        'DATABASE_URI = "postgresql://waiver:Hx7qLm2pQz@db.internal/waiverdb"\n'  # 1
        'MONGO_URI = "mongodb://admin:S3cr3tPass9@db.internal:27017/app"\n'  # 2
        'CLIENT_SECRET = "qgz8Bzjg6nO7JWCXoB0o8L49KfI5atLF"\n'  # 3
    )
    assert codes_at({"app/settings.py": settings}, CREDENTIAL) == [1, 2, 3]


# a CLI's sample configuration: the API and OIDC provider it contacts, and the scopes its token asks for
_CLIENT_CONF = (
    "[waiverdb]\n"  # 1
    "auth_method=OIDC\n"  # 2
    "api_url=https://waiverdb.example-project.org/api/v1.0\n"  # 3
    "oidc_id_provider=https://id.example-project.org/openidc/\n"  # 4
    "oidc_scopes=\n"  # 5
    "    openid\n"  # 6
    "    https://waiverdb.example-project.org/oidc/create-waiver\n"  # 7
    "scope = https://www.googleapis.com/auth/drive\n"  # 8
)
# the same scopes as a YAML list, and a token endpoint after them
_OAUTH_YAML = (
    "oauth:\n"  # 1
    "  scopes:\n"  # 2
    "    - https://www.googleapis.com/auth/drive\n"  # 3
    "    - https://www.googleapis.com/auth/userinfo.email\n"  # 4
    "  token_url: https://oauth2.googleapis.com/token\n"  # 5
)


def test_a_scope_setting_names_permissions() -> None:
    # WaiverDB's client.conf.example: the scope continues on indented lines (configparser's multi-line value)
    assert codes_at({"conf/client.conf.example": _CLIENT_CONF}, ENDPOINT) == [3, 4]
    assert codes_at({"conf/oauth.yaml": _OAUTH_YAML}, ENDPOINT) == [5]


def test_settings_after_a_scope_are_still_read() -> None:
    # the next key at the scope's own indentation closes it: its URL is a host again
    conf = "[auth]\nscopes =\n    openid\nissuer_api = https://id.example-project.org/api\n"
    assert codes_at({"conf/app.ini": conf}, ENDPOINT) == [4]


_MIRROR = "[mirror]\ndirectory = /srv/pypi\nmaster = https://pypi.org\n"


def test_unit_test_settings_are_test_data() -> None:
    # bandersnatch's src/bandersnatch/unittest.conf, which only its tests load
    assert codes_at({"src/mirror/unittest.conf": _MIRROR}, ENDPOINT) == []
    assert codes_at({"src/mirror/unit_tests.yaml": "master: https://pypi.org\n"}, ENDPOINT) == []


def test_other_settings_beside_them_stay_settings() -> None:
    # the defaults the mirror runs with, and a file merely named for a unit of something
    assert codes_at({"src/mirror/defaults.conf": _MIRROR}, ENDPOINT) == [3]
    assert codes_at({"src/mirror/unit.conf": _MIRROR}, ENDPOINT) == [3]


# a Flask app's settings classes: the development one points at the OIDC client file in conf/
_CONFIG_CLASSES = (
    "import os\n"  # 1
    "\n"  # 2
    "class Config(object):\n"  # 3
    "    DEBUG = False\n"  # 4
    "\n"  # 5
    "class DevelopmentConfig(Config):\n"  # 6
    "    OIDC_CLIENT_SECRETS = os.path.join(\n"  # 7
    "        os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'conf',\n"  # 8
    "        'client_secrets.json'\n"  # 9
    "    )\n"  # 10
    "\n"  # 11
    "class ProductionConfig(Config):\n"  # 12
    "    PRODUCTION = True\n"  # 13
)


def test_a_file_only_the_development_settings_name_is_not_contacted() -> None:
    # WaiverDB: conf/client_secrets.json is read with DEV=true; production reads /etc/waiverdb/settings.py
    files = {"waiverdb/config.py": _CONFIG_CLASSES, "conf/client_secrets.json": _CLIENT_SECRETS}
    assert _at(files, ENDPOINT) == []


def test_a_development_file_keeps_its_concrete_secret() -> None:
    # round two's rule: the concrete passwords of a shipped development configuration are reported
    files = {"waiverdb/config.py": _CONFIG_CLASSES, "conf/client_secrets.json": _CLIENT_SECRETS}
    assert ("conf/client_secrets.json", 7) in _at(files, CREDENTIAL)


def test_a_file_production_code_also_names_is_contacted() -> None:
    # the same file named by the production settings too (or any module outside the development classes)
    production = _CONFIG_CLASSES + "    OIDC_CLIENT_SECRETS = '/srv/app/conf/client_secrets.json'\n"  # 14
    files = {"waiverdb/config.py": production, "conf/client_secrets.json": _CLIENT_SECRETS}
    assert [line for path, line in _at(files, ENDPOINT) if path == "conf/client_secrets.json"] == [4, 8, 9]


def test_a_file_no_settings_class_names_is_contacted() -> None:
    # without the classes the file is read as the product's settings
    assert codes_at({"conf/client_secrets.json": _CLIENT_SECRETS}, ENDPOINT) == [4, 8, 9]
