"""Round forty of the whole packages (tests/preflight/packages/README.md, "Round forty"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import codes_at, script

ENDPOINT = "preflight.external_endpoint"
METADATA = "preflight.metadata_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"
PRINTED = "preflight.secret_printed"

# -------------------------------------------------- a setting declared in code with a host as its default

_REGISTRY = (
    "from supybot import conf, registry\n"  # 1
    "Dict = conf.registerPlugin('Dict')\n"  # 2
    "conf.registerGlobalValue(Dict, 'server',\n"  # 3
    "    registry.String('dict.org', _(\"\"\"Determines what server the bot will\n"  # 4
    "    retrieve definitions from.\"\"\")))\n"  # 5
    "conf.registerChannelValue(Dict, 'default',\n"  # 6
    "    registry.String('*', _('The default dictionary.')))\n"  # 7
)


def test_a_registered_settings_host_default_is_contacted() -> None:
    # Limnoria's Dict plugin connects to the dictd server its ``server`` setting names: dict.org unless changed
    assert codes_at({"plugins/Dict/config.py": _REGISTRY}, ENDPOINT) == [4]


def test_an_options_host_default_is_contacted_and_its_help_is_not() -> None:
    cli = (
        "import argparse\n"  # 1
        "p = argparse.ArgumentParser()\n"  # 2
        "p.add_argument('--server', default='dict.vendor-words.org')\n"  # 3
        "p.add_argument('--mirror', help='for instance mirror.vendor-words.org')\n"  # 4
        "p.add_argument('--name', default='words.vendor-words.org')\n"  # 5
    )
    assert codes_at({"words/cli.py": cli}, ENDPOINT) == [3]


def test_a_declared_url_default_is_read_as_the_url_literal_it_is() -> None:
    # refstack's oslo.config option: a URL default is a URL literal in code (contacted), whatever its setting's name
    # (``…_base_url`` would otherwise read as the product's own address)
    option = (
        "from oslo_config import cfg\n"  # 1
        "OPTS = [\n"  # 2
        "    cfg.StrOpt('opendev_raw_base_url',\n"  # 3
        "               default='https://opendev.org/api/v1/repos/openinfra/interop/raw/',\n"  # 4
        "               help='The base URL guideline files are downloaded from.'),\n"  # 5
        "]\n"  # 6
    )
    assert codes_at({"refstack/api/app.py": option}, ENDPOINT) == [4]


def test_a_typed_values_help_text_is_no_default() -> None:
    # the first string of a call that is no setting's value (``_("…")``) is not read as a default
    typed = "conf.registerGlobalValue(Web, 'proxy', _('proxy.vendor-words.org is an example'))\n"
    assert codes_at({"plugins/Web/config.py": typed}, ENDPOINT) == []


# -------------------------------------------------- a host handed to a standard library connection

_WHOIS = (
    "import smtplib\n"  # 1
    "import socket\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "def registrar(name, host):\n"  # 5
    "    sock = socket.create_connection(('whois.iana.org', 43))\n"  # 6
    "    relay = smtplib.SMTP('smtp.vendor-mail.net', 587)\n"  # 7
    "    other = socket.create_connection((host, 43))\n"  # 8
    "    print('asked whois.iana.org about', name)\n"  # 9
    "    return sock, relay, other\n"  # 10
)


def test_a_host_given_to_a_socket_or_a_mail_client_is_contacted() -> None:
    assert codes_at({"plugins/Internet/plugin.py": _WHOIS}, ENDPOINT) == [6, 7]


# -------------------------------------------------- a path of the instance metadata API, its address left out

_AWS = (
    "from botocore.utils import IMDSFetcher\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def instance():\n"  # 4
    '    """Reads /latest/meta-data/ through botocore."""\n'  # 5
    "    fetcher = IMDSFetcher(timeout=2.1)\n"  # 6
    "    token = fetcher._fetch_metadata_token()\n"  # 7
    '    return fetcher._get_request("/latest/dynamic/instance-identity/document", None, token)\n'  # 8
)


def test_a_metadata_api_path_given_to_a_fetcher_reads_the_metadata_service() -> None:
    # Patroni's AWS callback: the path alone, the fetcher adds 169.254.169.254; the docstring's path is text
    assert codes_at({"patroni/scripts/aws.py": _AWS}, METADATA) == [8]


def test_another_apis_latest_path_is_no_metadata_request() -> None:
    release = "def newest(client):\n    return client.get('/repos/owner/app/releases/latest')\n"
    assert codes_at({"app/release.py": release}, METADATA) == []


# -------------------------------------------------- a service's base URL a function builds its request on

_NOMINATIM = (
    "import urllib.parse\n"  # 1
    "from supybot import utils\n"  # 2
    "\n"  # 3
    'NOMINATIM_BASE_URL = "https://nominatim.openstreetmap.org"\n'  # 4
    'SITE_BASE_URL = "https://www.vendor-maps.org"\n'  # 5
    "\n"  # 6
    "\n"  # 7
    "def query(path, params):\n"  # 8
    '    url = NOMINATIM_BASE_URL + path + "?" + urllib.parse.urlencode(params)\n'  # 9
    "    return utils.web.getUrlContent(url)\n"  # 10
    "\n"  # 11
    "\n"  # 12
    "def link(path):\n"  # 13
    "    return SITE_BASE_URL + path\n"  # 14
)


def test_a_base_url_a_request_is_built_on_is_contacted_and_one_only_linked_is_not() -> None:
    # ``…_BASE_URL`` reads as the product's own address unless a request is built on it (here through a local and
    # a fetching helper, ``getUrlContent``)
    assert codes_at({"plugins/Geography/nominatim.py": _NOMINATIM}, ENDPOINT) == [4]


def test_urlretrieve_is_a_request() -> None:
    fetch = (
        "import urllib.request\n"  # 1
        'DATASETS_BASE_URL = "https://datasets.vendor-data.org/pub"\n'  # 2
        "\n"  # 3
        "\n"  # 4
        "def fetch(name, target):\n"  # 5
        '    urllib.request.urlretrieve(DATASETS_BASE_URL + "/" + name, target)\n'  # 6
    )
    assert codes_at({"app/fetch.py": fetch}, ENDPOINT) == [2]


# -------------------------------------------------- a User-Agent's link

_AGENT = (
    "import requests\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def headers():\n"  # 4
    "    headers = {}\n"  # 5
    "    headers[\n"  # 6
    '        "User-agent"\n'  # 7
    '    ] = "Limnoria https://github.com/progval/Limnoria/ - Geography plugin"\n'  # 8
    "    return headers\n"  # 9
    "\n"  # 10
    "\n"  # 11
    "def get(q):\n"  # 12
    "    return requests.get('https://api.vendor-geo.org/search', params={'q': q},\n"  # 13
    "                        headers={'User-Agent': 'bot (+see https://bots.vendor-geo.org/about)'})\n"  # 14
)


def test_a_user_agents_link_is_not_contacted_and_the_request_beside_it_is() -> None:
    assert codes_at({"plugins/Geography/common.py": _AGENT}, ENDPOINT) == [13]


# -------------------------------------------------- persistent identifiers: w3id.org and Wikidata entities

_ACTOR = (
    "def actor(url, key):\n"  # 1
    "    return {\n"  # 2
    '        "@context": [\n'  # 3
    '            "https://www.w3.org/ns/activitystreams",\n'  # 4
    '            "https://w3id.org/security/v1",\n'  # 5
    "        ],\n"  # 6
    '        "id": url,\n'  # 7
    "    }\n"  # 8
)
_SPARQL = (
    'SPARQL_URL = "https://query.wikidata.org/sparql"\n'  # 1
    "def timezone(city):\n"  # 2
    "    for tztype in [\n"  # 3
    '        "http://www.wikidata.org/entity/Q17272692",  # IANA timezones first\n'  # 4
    '        "http://www.wikidata.org/entity/Q12143",\n'  # 5
    "    ]:\n"  # 6
    "        yield query(city, tztype)\n"  # 7
    'API = "https://www.wikidata.org/w/api.php"\n'  # 8
)


def test_a_json_ld_contexts_identifiers_are_names() -> None:
    assert codes_at({"plugins/Fediverse/plugin.py": _ACTOR}, ENDPOINT) == []


def test_wikidata_entity_names_are_not_requested_but_its_endpoints_are() -> None:
    assert codes_at({"plugins/Geography/wikidata.py": _SPARQL}, ENDPOINT) == [1, 8]


# -------------------------------------------------- a batch script's remark

_POLICY = (
    "bundle agent check_service\n"  # 1
    "{\n"  # 2
    "  vars:\n"  # 3
    '      "script" string => "\n'  # 4
    "  REM https://msdn.microsoft.com/en-us/library/windows/desktop/ms685996(v=vs.85).aspx\n"  # 5
    "  rem see http://support.vendor-ops.example/kb/1\n"  # 6
    '  net start cf-agent";\n'  # 7
    '      "base_url" string => "https://packages.vendor-ops.org/agents";\n'  # 8
    "}\n"  # 9
)


def test_a_batch_remarks_link_is_a_comment_and_a_setting_beside_it_is_not() -> None:
    assert codes_at({"usr/share/policy/update/windows_check.cf": _POLICY}, ENDPOINT) == [8]


# -------------------------------------------------- a password word in a description's name

_INIT = script(
    'KPASSWDD_DESC="Heimdal password server"',  # 3
    'KPASSWDD_LABEL="kpasswd"',  # 4
    'echo -n "Starting $KPASSWDD_DESC: "',  # 5
    'echo "label: $KPASSWDD_LABEL"',  # 6
)


def test_a_daemons_description_printed_is_no_secret() -> None:
    assert codes_at({"etc/init.d/heimdal-kdc": _INIT}, PRINTED) == []


def test_a_password_printed_is_still_one() -> None:
    printed = script('KPASSWD="$(cat /etc/heimdal-kdc/m-key.txt)"', 'echo "master key: $KPASSWD"')
    assert codes_at({"etc/init.d/heimdal-kdc": printed}, PRINTED) == [4]


# -------------------------------------------------- an environment variable's name under a password key

_MAPPING = (
    "_AUTH_ALLOWED_PARAMETERS_MAPPING = {\n"  # 1
    "    'user': 'PGUSER',\n"  # 2
    "    'password': 'PGPASSWORD',\n"  # 3
    "    'sslmode': 'PGSSLMODE',\n"  # 4
    "}\n"  # 5
    "DEFAULTS = {\n"  # 6
    "    'user': 'replicator',\n"  # 7
    "    'password': 'rep-Xk29fjsl2Q',\n"  # 8
    "}\n"  # 9
)


def test_an_environment_variables_name_is_no_password_and_a_literal_password_is_one() -> None:
    assert codes_at({"patroni/config_generator.py": _MAPPING}, CREDENTIAL) == [8]
