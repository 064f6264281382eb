"""The classes of false positives left in round three of whole real packages after its fixes (tests/preflight/packages/
README.md, "Round three, second pass"), each with a minimal construct and a near miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"
PRIVILEGE = "preflight.implicit_privilege"
ROOT = "preflight.root_assumed"
HIDDEN = "preflight.hidden_migration"
SCHEDULED = "preflight.scheduled_job"


# --- an sdist's scripts installed as commands are the operator's tools, not steps ---

RESET = (
    "#!/bin/bash\n"
    "mkdir -p /var/log/dten\n"
    "chown -R dten /var/log/dten\n"
    "dten-manage db upgrade -d /usr/lib/dten/migrations\n"
)
DIAG = '#!/bin/bash\nif [ "$(id -u)" -ne 0 ]; then\n  echo "run me as root"\n  exit 1\nfi\n'


def test_scripts_an_sdist_installs_as_commands_are_run_by_the_operator() -> None:
    pyproject = '[project]\nname = "dten"\n[tool.setuptools]\nscript-files = ["tools/reset-dten", "tools/dten-diag"]\n'
    tree = {"pyproject.toml": pyproject, "tools/reset-dten": RESET, "tools/dten-diag": DIAG}
    assert codes_at(tree, PRIVILEGE) == []
    assert codes_at(tree, ROOT) == []
    setup_py = "from glob import glob\nfrom setuptools import setup\nsetup(name='dten', scripts=glob('bin/*'))\n"
    assert codes_at({"setup.py": setup_py, "bin/reset-dten": RESET}, PRIVILEGE) == []
    setup_cfg = "[metadata]\nname = dten\n[options]\nscripts =\n    tools/reset-dten\n"
    assert codes_at({"setup.cfg": setup_cfg, "tools/reset-dten": RESET}, PRIVILEGE) == []
    # what the tool does when the operator runs it is still read: its migration
    assert codes_at(tree, HIDDEN) == [4]
    # near misses: a script the build description does not list, and one listed by a vendored project's setup.py
    assert codes_at({"pyproject.toml": pyproject, "tools/upgrade-dten": RESET}, PRIVILEGE) == [3]
    vendored = {"vendor/x/setup.py": setup_py.replace("bin/*", "vendor/x/bin/*"), "vendor/x/bin/reset-dten": RESET}
    assert codes_at(vendored, PRIVILEGE) == [3]
    assert codes_at({"setup.py": setup_py, "bin/sub/reset-dten": RESET}, PRIVILEGE) == [3]


# --- links a web app's own browser scripts show or open ---


def test_links_a_browser_script_shows_or_opens_are_not_contacted() -> None:
    js = (
        "text = _.sprintf(\n"
        '    gettext(\'Refer to <a href="%(url)s">the FAQ</a> and the <a href="%(jsconsole)s">console</a>.\'),\n'
        '    {url: "https://faq.vendor-cloud.io/connection-error"}\n'
        ");\n"
        "message = _.sprintf(message, {\n"
        "    jsconsole:\n"
        '        "https://help.vendor-cloud.io/a/77337"\n'
        "});\n"
        'window.open("https://vendor-cloud.io/support_link_admin", "_blank");\n'
        '$("#faq a").attr(\n    "href",\n    "https://faq.vendor-cloud.io/" + data.faq\n);\n'
        '$rootScope.publicLink = "https://vendor-cloud.io/" + lang + "/support";\n'
    )
    assert codes_at({"src/dten/static/js/app/viewmodels/state.js": js}, ENDPOINT) == []
    # near misses: a request to the same host, and a ``url`` no template of the file links to
    ajax = '$.ajax({\n    url: "https://api.vendor-cloud.io/v1/state",\n    type: "GET"\n});\n'
    assert codes_at({"src/dten/static/js/app/viewmodels/state.js": ajax}, ENDPOINT) == [2]
    no_link = js.replace("href=", "data-x=")
    assert codes_at({"src/dten/static/js/app/viewmodels/state.js": no_link}, ENDPOINT) == [3, 7]


# --- values in program source that name a key, a type or a source ---


def test_values_that_name_a_key_a_type_or_a_source_hold_no_secret() -> None:
    code = (
        "class Token:\n"
        '    password_detail_key = "registrationcode"\n'
        "    secret_from = 'config'\n"
        '    settings = {"daypassword.hashlib": "public",\n'
        '                "daypassword.timeStep": "public"}\n'
        "    config = {ATTR.HOSTNAME: 'string',\n"
        "              ATTR.USE_SSL: 'bool',\n"
        "              ATTR.SSL_CLIENT_KEY: 'string',\n"
        "              ATTR.SSL_CLIENT_KEY_PASSWORD: 'password'}\n"
        "    attribute_options_names = {\n"
        "        'password': 'pass',\n"
        "        'email': 'mail',\n"
        "        'name': 'name',\n"
        "        'description': 'description',\n"
        "    }\n"
    )
    assert codes_at({"dten/lib/tokens/day.py": code}, CREDENTIAL) == []
    js = "$scope.params['type.ssl_client_key_password'] = 'password';\n"
    assert codes_at({"dten/static/components/config/controllers/ca.js": js}, CREDENTIAL) == []
    # near misses: a map of settings to their values, a secret under a dotted setting, a ``*_key`` that is one
    login = "DEFAULTS = {\n    'user': 'admin',\n    'password': 'Adm1n-4711',\n    'host': 'db',\n}\n"
    assert codes_at({"dten/lib/defaults.py": login}, CREDENTIAL) == [3]
    assert codes_at({"dten/lib/defaults.py": 'CONFIG = {\n    "smtp.password": "Adm1n-4711",\n}\n'}, CREDENTIAL) == [2]
    assert codes_at({"dten/lib/defaults.py": 'api_key = "Adm1n-4711-x"\n'}, CREDENTIAL) == [1]


# --- a library module's self-test under ``if __name__ == "__main__":`` ---

SELF_TEST = (
    "class Hsm:\n"
    "    pass\n"
    "\n"
    'if __name__ == "__main__":  # pragma: no cover\n'
    '    p = Hsm({"module": "/usr/lib/softhsm.so",\n'
    '             "password": "1234-5678-9"})\n'
    '    password = "topSekr3t"  # nosec B105 # used for testing\n'
)


def test_a_package_modules_self_test_holds_test_values() -> None:
    assert codes_at({"dten/lib/security/hsm.py": SELF_TEST}, CREDENTIAL) == []
    # near misses: the same block in a script (its main block is the program), and the literal outside the block
    assert codes_at({"tools/dten-hsm.py": SELF_TEST}, CREDENTIAL) == [6, 7]
    assert codes_at({"dten/__main__.py": SELF_TEST}, CREDENTIAL) == [6, 7]
    outside = SELF_TEST.replace("    pass\n", '    password = "topSekr3t"\n')
    assert codes_at({"dten/lib/security/hsm.py": outside}, CREDENTIAL) == [2]


# --- a commented-out copy of a password set in effect ---


def test_a_commented_copy_of_a_password_in_effect_is_reported_once() -> None:
    php = (
        "<?php\n"
        "$database_password = 'dtenuser';\n"
        "/* a remote poller's main server; otherwise these stay commented out */\n"
        "#$rdatabase_password = 'dtenuser';\n"
    )
    assert codes_at({"usr/share/dten/include/config.php.dist": php}, CREDENTIAL) == [2]
    compose = (
        "services:\n"
        "  db:\n"
        "    # DB URI: mysql+pymysql://dten:Dten-4711@127.0.0.1:3306/dten\n"
        "    image: mariadb:11\n"
        "    environment:\n"
        "      MARIADB_PASSWORD: Dten-4711\n"
    )
    assert codes_at({"docker-compose.dev.yml": compose}, CREDENTIAL) == [6]
    # near miss: a password only a comment holds
    other = compose.replace("dten:Dten-4711@", "dten:Other-0815@")
    assert codes_at({"docker-compose.dev.yml": other}, CREDENTIAL) == [3, 6]


# --- names written as URLs, and hosts written as placeholders ---


def test_schema_identifiers_and_persistent_identifiers_are_names() -> None:
    schema = '"$id": https://schema.vendor-cloud.io/dten/events/server-action\nversion: 1\ntype: object\n'
    assert codes_at({"dten/event-schemas/server-actions/v1.yaml": schema}, ENDPOINT) == []
    code = "self.emit(\n    schema_id='https://schema.vendor-cloud.io/dten/events/server-action',\n    data=d,\n)\n"
    assert codes_at({"dten/handlers/base.py": code}, ENDPOINT) == []
    formats = '[\n  ["HTML", "Web Page", "text/html", ["htm", "http://purl.org/net/mediatypes/text/html"]]\n]\n'
    assert codes_at({"dten/config/resource_formats.json": formats}, ENDPOINT) == []
    # near misses: a schema the product fetches by a setting, and the same host as an API
    assert codes_at({"etc/dten/dten.yaml": "schema_url: https://schema.vendor-cloud.io/v1.json\n"}, ENDPOINT) == [1]
    assert codes_at({"dten/handlers/base.py": code.replace("schema_id", "api")}, ENDPOINT) == [2]


def test_a_host_made_of_placeholder_words_is_no_host() -> None:
    general = "*** General ***\nmailhost = my.mail.host\ncgiurl   = http://some.url/dten.cgi\n"
    assert codes_at({"etc/dten/config.d/General": general}, ENDPOINT) == []
    assert codes_at({"dten/lib/connector.py": 'self.hostname = "foo.bar"\n'}, ENDPOINT) == []
    # near misses: real names on the same top-level domains, and a generic name without a filler word
    real = general.replace("my.mail.host", "mail.vendor.host").replace("some.url", "dten.vendor.url")
    assert codes_at({"etc/dten/config.d/General": real}, ENDPOINT) == [2, 3]
    assert codes_at({"etc/dten/config.d/General": "mailhost = smtp.host\n"}, ENDPOINT) == [1]


def test_stylesheet_comments_after_code_hold_credits() -> None:
    css = "code.hljs{padding:3px 5px}/*!\n  Theme: dten-dark\n  Based on: https://github.com/vendor-cloud/x.css\n*/"
    css += ".hljs{background:#2b2b2b}\n"
    assert codes_at({"dten/assets/styles/dten-dark.css": css}, ENDPOINT) == []
    less = ".skew(@x; @y) {\n  -ms-transform: skewX(@x) skewY(@y); // See https://github.com/vendor-cloud/x/issues/4885\n}\n"
    assert codes_at({"dten/static/less/mixins.less": less}, ENDPOINT) == []
    # near miss: a resource the stylesheet loads, on a line with a comment after it
    font = '@import url("https://fonts.vendor-cloud.io/css?family=Dten"); // the brand font\n'
    assert codes_at({"dten/static/less/fonts.less": font}, ENDPOINT) == [1]


def test_program_values_that_are_examples_comparisons_licences_or_gem_metadata() -> None:
    code = (
        "class UrlColumn:\n"
        "    example = 'https://example.vendor-cloud.io/page'\n"
        '    url = "https://www.vendor-cloud.io/doc/open-government-licence/version/3/"\n'
        "def enabled():\n"
        "    if current_app.config['GITHUB_URL'] == 'https://github.vendor-cloud.io':\n"
        "        return True\n"
    )
    assert codes_at({"dten/model/columns.py": code}, ENDPOINT) == []
    xml = "<interface>\n  <name>Disk IO</name>\n  <comment>More graphs at http://www.vendor-cloud.io</comment>\n"
    assert codes_at({"usr/share/dten/resource/snmp_queries/devio.xml": xml + "</interface>\n"}, ENDPOINT) == []
    gemspec = 'Gem::Specification.new do |s|\n  s.metadata = { "source_code_uri" => "https://github.com/x/y" }\nend\n'
    assert codes_at({"usr/lib/dten/gems/specifications/y-1.1.5.gemspec": gemspec}, ENDPOINT) == []
    # near misses: a URL the code requests after the comparison, and a licensing API
    request = code.replace("        return True\n", "        requests.get('https://api.vendor-cloud.io/user')\n")
    assert codes_at({"dten/model/columns.py": request}, ENDPOINT) == [6]
    api = 'LICENSING = "https://api.vendor-cloud.io/v1/licensing/check"\n'
    assert codes_at({"dten/model/columns.py": api}, ENDPOINT) == [1]


def test_link_relation_types_entry_points_and_field_named_passwords_are_names() -> None:
    home = (
        "def build_v3_resource_relation(resource_name):\n"
        "    return f'https://spec.vendor-cloud.io/api/identity/3/rel/{resource_name}'\n"
        "def build_v3_parameter_relation(parameter_name):\n"
        "    return f'https://spec.vendor-cloud.io/api/identity/3/param/{parameter_name}'\n"
        "ORDERS = 'https://api.vendor-cloud.io/rels/orders'\n"
    )
    assert codes_at({"dten/common/json_home.py": home}, ENDPOINT) == []
    plugins = 'FACTORIES = {\n    "api-token": "dten.tests.factories:APIToken",\n}\n'
    assert codes_at({"dten/cli/generate.py": plugins}, CREDENTIAL) == []
    comment = (
        "def submit(url):\n    # there might be basic auth in the URL, like http://user:passw@hostname:port/path\n"
    )
    assert codes_at({"dten/lib/sms.py": comment}, CREDENTIAL) == []
    # near misses: a request to the relation's host, a token shaped like no entry point, a password in a comment
    assert codes_at({"dten/common/json_home.py": home.replace("/rel/", "/users/")}, ENDPOINT) == [2]
    assert codes_at(
        {"dten/cli/generate.py": plugins.replace("dten.tests.factories:APIToken", "Dt3n-x9-4711")}, CREDENTIAL
    ) == [2]
    assert codes_at({"dten/lib/sms.py": comment.replace("user:passw@", "sms:Sms-4711@")}, CREDENTIAL) == [2]


# --- a system package's unit outside systemd's unit directories is never loaded ---

TIMER = "[Unit]\nDescription=Clean up\n\n[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n"


def test_a_system_packages_timer_outside_systemds_directories_never_runs() -> None:
    postinst = "#!/bin/sh\nset -e\n"
    assert codes_at({"postinst": postinst, "etc/sytemd/system/dten.timer/dten.timer": TIMER}, SCHEDULED) == []
    # near misses: the same timer where systemd loads it, and in a source tree (where it is offered, not placed)
    assert codes_at({"postinst": postinst, "lib/systemd/system/dten.timer": TIMER}, SCHEDULED) == [5]
    assert codes_at({"contrib/systemd/dten.timer": TIMER}, SCHEDULED) == [5]
