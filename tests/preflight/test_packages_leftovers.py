"""The classes of false positives and misses left in whole-package rounds three and four
(tests/preflight/packages/README.md, "Leftovers of rounds three and four"), each with a minimal construct and a near
miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def test_a_message_key_holds_words_for_people() -> None:
    table = (
        "MESSAGES = {\n"
        '    "ja_JP": {\n'
        '        "auth_password_changed_title": "パスワード変更完了",\n'
        '        "auth_password_recovery_subject": "Wachtwoordherstel",\n'
        "    },\n"
        "}\n"
    )
    assert codes_at({"dten/app/utils/email_i18n.py": table}, CREDENTIAL) == []
    # near miss: the same value under a name that holds the password itself
    stored = 'MESSAGES = {\n    "auth_password": "Wachtwoordherstel",\n}\n'
    assert codes_at({"dten/app/utils/email_i18n.py": stored}, CREDENTIAL) == [2]


def test_a_constant_among_constants_spelling_their_names_is_a_name() -> None:
    actions = (
        "class PolicyAction:\n"
        '    OTPPIN = "otppin"\n'
        '    OTPPINRANDOM = "otp_pin_random"\n'
        '    PASSNOTOKEN = "passOnNoToken"\n'
        '    PASSTHRU = "passthru"\n'
    )
    assert codes_at({"dten/lib/policies/actions.py": actions}, CREDENTIAL) == []
    php = (
        "<?php\nclass TokenBinding\n{\n"
        "    public const TOKEN_BINDING_STATUS_PRESENT = 'present';\n"
        "    public const TOKEN_BINDING_STATUS_SUPPORTED = 'supported';\n"
        "    public const TOKEN_BINDING_STATUS_NOT_SUPPORTED = 'not-supported';\n}\n"
    )
    assert codes_at({"usr/share/dten/lib/TokenBinding.php": php}, CREDENTIAL) == []
    # near miss: a settings class whose neighbours hold values, not their own names
    settings = (
        "class Settings:\n"
        '    DB_HOST = "db.internal"\n'
        '    DB_USER = "dten"\n'
        '    DB_PASSWORD = "passOnNoToken"\n'
        '    DB_NAME = "dten_prod"\n'
    )
    assert codes_at({"dten/lib/settings.py": settings}, CREDENTIAL) == [4]


def test_an_object_identifier_is_a_name() -> None:
    oids = "<?php\nclass OID\n{\n    const CERT_EXT_PRIVATE_KEY_USAGE_PERIOD = '2.5.29.16';\n}\n"
    assert codes_at({"usr/share/dten/lib/OID.php": oids}, CREDENTIAL) == []
    # near miss: a key of digits and dots that is not an identifier's dotted form
    key = "<?php\nclass Keys\n{\n    const PRIVATE_KEY = '25291647118';\n}\n"
    assert codes_at({"usr/share/dten/lib/Keys.php": key}, CREDENTIAL) == [4]


def test_a_served_feed_template_links_for_its_readers() -> None:
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        "  <icon>{{ url_for('static', filename='favicon.ico') }}</icon>\n"
        "  <author><uri>https://github.com/dten/dten-web</uri></author>\n"
        '  <link rel="http://opds-spec.dten.io/image" href="{{ url_for(\'cover\') }}"/>\n'
        "</feed>\n"
    )
    assert codes_at({"dten/templates/feed.xml": feed}, ENDPOINT) == []
    search = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">\n'
        "   <Contact>https://github.com/dten/dten-web</Contact>\n"
        "</OpenSearchDescription>\n"
    )
    assert codes_at({"dten/templates/osd.xml": search}, ENDPOINT) == []
    # near miss: a configuration file that names a feed to fetch is read as settings
    config = '<?xml version="1.0"?>\n<aggregator>\n  <feed url="https://news.dten.io/rss"/>\n</aggregator>\n'
    assert codes_at({"etc/dten/feeds.xml": config}, ENDPOINT) == [3]


def test_a_dict_of_xml_namespace_prefixes_names_vocabularies() -> None:
    reader = (
        "from lxml import etree\n\n"
        "default_ns = {\n"
        "    'n': 'urn:oasis:names:tc:opendocument:xmlns:container',\n"
        "    'pkg': 'http://www.idpf.dten.io/2007/opf',\n"
        "}\n"
        "ns = {'fb': 'http://www.gribuser.dten.io/xml/fictionbook/2.0'}\n"
    )
    assert codes_at({"dten/epub.py": reader}, ENDPOINT) == []
    # near miss: a dict of services the reader requests stays read
    services = "SERVICES = {\n    'pkg': 'https://api.idpf.dten.io/2007/opf',\n}\n"
    assert codes_at({"dten/epub.py": services}, ENDPOINT) == [2]


def test_an_oauth2_authorize_page_is_where_a_browser_goes() -> None:
    uploader = (
        "class Dropbox:\n"
        "    AUTH_URL = 'https://www.dten-box.io/oauth2/authorize'\n"
        "    TOKEN_URL = 'https://api.dten-box.io/oauth2/token'\n"
        "    LOGIN_URL = 'https://github.dten.io/login/oauth/authorize'\n"
    )
    # near miss: the token endpoint, which the server requests, stays reported
    assert codes_at({"dten/uploadservices.py": uploader}, ENDPOINT) == [3]


def test_aws_documentation_keys_are_published_examples() -> None:
    signer = (
        "assert(aws_authorization_hdr{\n"
        "  key_id = 'AKIAIOSFODNN7EXAMPLE',\n"
        "  secret_key = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',\n"
        "} == 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request')\n"
    )
    assert codes_at({"usr/share/dten/lualib/lua_aws.lua": signer}, CREDENTIAL) == []
    # near miss: a key of the same form without AWS's EXAMPLE ending
    real = "local key_id = 'AKIAIOSFODNN7QX4TZ2W'\n"
    assert codes_at({"usr/share/dten/lualib/lua_aws.lua": real}, CREDENTIAL) == [1]
