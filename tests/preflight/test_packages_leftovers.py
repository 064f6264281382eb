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
    # near misses: the token endpoint, and an API method named oauth/authorize under a version (a POST the server
    # sends), stay reported
    assert codes_at({"dten/uploadservices.py": uploader}, ENDPOINT) == [3]
    api = "def token(code):\n    url = 'https://getpocket.dten.io/v3/oauth/authorize'\n    return post(url, code)\n"
    assert codes_at({"dten/vendor/pocket.py": api}, ENDPOINT) == [2]


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


def test_one_line_literals_joined_across_lines_are_no_prose() -> None:
    provider = (
        "class ComicDten:\n"
        "    API_KEY_NAME = 'api_key'\n"
        "    SEARCH = (\n"
        '        f"https://comics.dten.io/api/search?{API_KEY_NAME}=1"\n'
        '        f"&resources=issue&query="\n'
        "    )\n"
    )
    assert codes_at({"dten/metadata_provider/comics.py": provider}, ENDPOINT) == [4]
    # near misses: a multi-line string's sentence, a sentence or a relation name joined from pieces stay text
    hint = 'HINT = """Read the guide\nat https://guide.dten.io/setup before you start.\n"""\n'
    assert codes_at({"dten/hints.py": hint}, ENDPOINT) == []
    message = (
        "def check():\n"
        "    raise Failure(\n"
        '        "Please refer to "\n'
        '        "https://docs.dten.io/latest/admin/"\n'
        '        "upgrading.html to see the proper steps."\n'
        "    )\n"
    )
    assert codes_at({"dten/upgrades.py": message}, ENDPOINT) == []
    relation = (
        "def relation(name, version, resource):\n"
        "    return (\n"
        "        f'https://docs.dten.io/api/identity/3/ext/{name}/{version}/rel/'\n"
        "        f'{resource}'\n"
        "    )\n"
    )
    assert codes_at({"dten/json_home.py": relation}, ENDPOINT) == []


def test_a_link_a_record_shows_is_not_requested() -> None:
    provider = (
        "import requests\n\n"
        "class Books:\n"
        '    META_URL = "https://books.dten.io/"\n'
        '    BOOK_URL = "https://books.dten.io/books?id="\n'
        '    SEARCH_URL = "https://api.dten.io/books/v1/volumes?q="\n\n'
        "    def search(self, query):\n"
        "        results = requests.get(Books.SEARCH_URL + query)\n"
        "        return MetaRecord(\n"
        '            url=Books.BOOK_URL + results["id"],\n'
        '            source=MetaSourceInfo(link=Books.META_URL, home="x"),\n'
        '            cover=Cover(link="https://covers.dten.io/"),\n'
        "        )\n"
    )
    assert codes_at({"dten/metadata_provider/books.py": provider}, ENDPOINT) == [6]
    # near miss: a constant also used in a request, and url= given to a request object, stay requested
    client = (
        "from urllib.request import Request\n\n"
        'META_URL = "https://books.dten.io/"\n\n'
        "def fetch():\n"
        "    show(link=META_URL)\n"
        "    return Request(url=META_URL + 'feed')\n"
        "def other():\n"
        '    return Request(url="https://feeds.dten.io/all")\n'
    )
    assert codes_at({"dten/metadata_provider/feeds.py": client}, ENDPOINT) == [3, 9]


def test_a_class_base_url_is_the_service_it_calls() -> None:
    provider = (
        "class Reviews:\n"
        '    BASE_URL = "https://reviews.dten.io"\n\n'
        "    def search(self, query):\n"
        '        return self.session.get(f"{Reviews.BASE_URL}/search?q={query}")\n'
    )
    assert codes_at({"dten/metadata_provider/reviews.py": provider}, ENDPOINT) == [2]
    # near misses: a module-level BASE_URL setting is the product's own address, and so is a function's local
    # base_url (a link the product builds to itself or shows)
    settings = 'BASE_URL = "https://reviews.dten.io"\nDEBUG = False\n'
    assert codes_at({"dten/settings.py": settings}, ENDPOINT) == []
    local = (
        'class Mailer:\n    def link(self, room):\n        base_url = "https://chat.dten.io/rooms"\n'
        "        return base_url\n"
    )
    assert codes_at({"dten/push/mailer.py": local}, ENDPOINT) == []


def test_a_request_url_assigned_across_lines_is_reported_once_at_the_request() -> None:
    installer = (
        "#!/usr/bin/env python3\n"
        "import sys, urllib.request\n\n"
        "def main():\n"
        "    version = sys.argv[1]\n"
        "    url = (\n"
        '        "https://bootstrap.dten.io/virtualenv/"\n'
        '        f"{version}/virtualenv.pyz"\n'
        "    )\n"
        '    urllib.request.urlretrieve(url, "/tmp/v.pyz")\n\n'
        "main()\n"
    )
    found = codes_at({"install-dten.py": installer}, ENDPOINT)
    assert len(found) == 1 and found[0] in (6, 7, 10), found



def test_an_sdists_examples_are_for_people_to_copy() -> None:
    config = "c.JupyterHub.services = [\n    {\n        'api_token': 'c3a29e5d386fd7c9aa1e8fe9d41c282ec8b',\n    }\n]\n"
    bootstrap = "#!/bin/bash\nwget https://github.com/dten/handbook/archive/HEAD.zip\n"
    service = "#!/bin/bash -l\nexport DTENHUB_API_TOKEN=c3a29e5d386fd7c9aa1e8fe9d41c282ec8b\ndten-singleuser\n"
    files = {
        "PKG-INFO": "Metadata-Version: 2.1\nName: dtenhub\nVersion: 5.0\n",
        "examples/service/external/dtenhub_config.py": config,
        "examples/service/external/shared-service": service,
        "examples/bootstrap-script/bootstrap.sh": bootstrap,
    }
    assert codes_at(files, CREDENTIAL) == []
    assert codes_at(files, ENDPOINT) == []
    # near miss: the same files in a tree that is no sdist (a repository's examples/ read by what they do)
    del files["PKG-INFO"]
    assert sorted(codes_at(files, CREDENTIAL)) == [2, 3]
    assert codes_at(files, ENDPOINT) == [2]


def test_a_placeholder_or_an_elided_token_shows_a_format() -> None:
    page = (
        '<td><input type="text" id="telegramAPIEntry" '
        'placeholder="{{ _("Example: 93847672:AACdSn843hsjJsh32bSmdN3sHsh2bsh0xRs_32dbcr1W") }}"></td>\n'
    )
    assert codes_at({"dten/templates/main.html": page}, CREDENTIAL) == []
    template = 'BOT_IDENTITY = {\n    # "token": "xoxb-4426949411-aEM7...",\n}\n'
    assert codes_at({"dten/config-template.py": template}, CREDENTIAL) == []
    # near miss: the same token as a field's value, and a whole token, stay reported
    value = '<input type="hidden" name="t" value="93847672:AACdSn843hsjJsh32bSmdN3sHsh2bsh0xRs_32dbcr1W">\n'
    assert codes_at({"dten/templates/main.html": value}, CREDENTIAL) == [1]
    whole = 'BOT_IDENTITY = {\n    "token": "xoxb-4426949411-aEM7b4D9p2Hq",\n}\n'
    assert codes_at({"dten/config.py": whole}, CREDENTIAL) == [2]


def test_an_openapi_example_block_holds_sample_values() -> None:
    spec = (
        "requestBody:\n"
        "  content:\n"
        "    application/json:\n"
        "      example:\n"
        "        - id: 12345\n"
        "          sg_uploaded_movie:\n"
        '            url: "https://media.dten.io/movie.mp4"\n'
        "servers:\n"
        '  - url: "https://api.dten.io/v1"\n'
    )
    # near miss: the servers entry after the example block stays a setting
    assert codes_at({"dten/openapi/import_post.yml": spec}, ENDPOINT) == [9]


def test_an_api_descriptions_contact_and_licence_are_links() -> None:
    template = (
        "swagger_template = {\n"
        '    "info": {\n'
        '        "contact": {"name": "Dten", "url": "https://www.dten.io"},\n'
        '        "license": {\n'
        '            "url": "https://www.gnu.dten.io/agpl.html",\n'
        "        },\n"
        "    },\n"
        '    "host": "https://api.dten.io",\n'
        "}\n"
    )
    # near miss: the API's own server address, outside those objects, stays read
    assert codes_at({"dten/app/swagger.py": template}, ENDPOINT) == [8]


def test_an_entry_of_a_map_of_result_symbols_is_a_name() -> None:
    symbols = (
        "local exports = {\n"
        "  arc_symbols = {\n"
        "    pass = 'ARC_ALLOW',\n"
        "    permerror = 'ARC_INVALID',\n"
        "    temperror = 'ARC_DNSFAIL',\n"
        "  },\n"
        "}\n"
    )
    assert codes_at({"usr/share/dten/lualib/auth_results.lua": symbols}, CREDENTIAL) == []
    # near miss: a password that is no symbol, among entries that are, stays reported
    mixed = symbols.replace("'ARC_ALLOW'", "'Zq7wArcAllow'")
    assert codes_at({"usr/share/dten/lualib/auth_results.lua": mixed}, CREDENTIAL) == [3]
