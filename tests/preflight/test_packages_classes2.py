"""The classes of false positives (and missed risks) that the second round of whole real packages showed
(tests/preflight/packages/README.md, "Round two"), each with a minimal construct and a near miss that must still be
reported."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"
UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
FEED = "feed_url = https://updates.vendor-cloud.io/feed\n"


# --- template comments: text for the template's maintainers, never rendered ---


def test_mason_and_jinja_comments_are_not_settings() -> None:
    mason = "%# BEGIN LICENSE BLOCK\n%# visit http://www.gnu.org/licenses/gpl-2.0.html.\n<& /Elements/Header &>\n"
    assert codes_at({"usr/share/rt/html/m/logout": mason}, ENDPOINT) == []
    jinja = "<?xml version='1.0'?>\n{# Copyright\n   licence at http://trac.vendor-cloud.io/license.html.\n#}\n<rss/>\n"
    assert codes_at({"trac/templates/query.rss": jinja}, ENDPOINT) == []
    escaped = "{##}#!${executable}\n{##}# see https://trac.vendor-cloud.io/wiki/TracLicense.\nimport os\n"
    assert codes_at({"trac/web/templates/deploy_trac.cgi": escaped}, ENDPOINT) == []
    mako = "[app:main]\n<%text>##</%text> see https://docs.vendor-cloud.io/config.html\n"
    assert codes_at({"kallithea/templates/ini/template.ini.mako": mako}, ENDPOINT) == []
    # near miss: a setting after the comment block closes, and a ``%`` line that is Mason code, not a comment
    assert codes_at({"trac/templates/query.cfg": jinja.replace("<rss/>", FEED.strip())}, ENDPOINT) == [5]
    assert codes_at({"etc/dten/dten.conf": "%include base\n" + FEED}, ENDPOINT) == [2]


# --- a product's help wiki: documentation ---


def test_a_help_wiki_loaded_at_setup_is_documentation() -> None:
    page = "= CamelCase =\n * [https://en.wikipedia.org/wiki/CamelCase CamelCase]\n"
    assert codes_at({"trac/wiki/default-pages/CamelCase": page}, ENDPOINT) == []
    # near miss: the same line in a configuration file of the product
    assert codes_at({"trac/wiki/settings.conf": "link = https://en.wikipedia.org/wiki/CamelCase\n"}, ENDPOINT) == [1]


# --- rule files: patterns and texts of a filter ---


def test_spamassassin_rules_describe_and_match_hosts() -> None:
    rules = (
        "full RAZOR2_CHECK eval:check_razor2()\n"
        "describe RAZOR2_CHECK Listed in Razor2 (http://razor.vendor-cloud.io/)\n"
        "uri __CRBOUNCE m,^http://si20.vendor-cloud.io/auth,\n"
        "tflags RAZOR2_CHECK net\n"
    )
    assert codes_at({"usr/share/spamassassin/25_razor2.cf": rules}, ENDPOINT) == []
    # near miss: a .cf file without rule directives (a product's configuration)
    assert codes_at({"etc/dten/main.cf": FEED}, ENDPOINT) == [1]


def test_privoxy_actions_and_filters_are_patterns() -> None:
    actions = "{ +redirect{http://config.vendor-cloud.io/} }\n.login.vendor-cloud.io\n"
    assert codes_at({"etc/privoxy/default.action": actions}, ENDPOINT) == []
    filters = 'FILTER: banners Remove banners\ns|http://ads.vendor-cloud.io/[^"]*||g\n'
    assert codes_at({"etc/privoxy/default.filter": filters}, ENDPOINT) == []
    # near miss: a setting in a configuration file beside them is contacted
    assert codes_at({"etc/privoxy/user.conf": "# forwarding\n" + FEED}, ENDPOINT) == [2]


# --- XML vocabulary names ---


def test_soap_rdf_and_dom_namespace_uris_are_names() -> None:
    wsdl = (
        '<?xml version="1.0"?>\n<definitions name="x">\n'
        '<soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>\n'
        '<soap:body use="encoded"\n  encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/>\n</definitions>\n'
    )
    assert codes_at({"usr/share/sympa/default/sympa.wsdl": wsdl}, ENDPOINT) == []
    svg = '<svg>\n<dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />\n</svg>\n'
    assert codes_at({"static/img/logo.svg.conf": svg}, ENDPOINT) == []
    js = 'var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");\n'
    assert codes_at({"static/js/identicons.js": js}, ENDPOINT) == []
    py = 'TYPE_POST = "http://schemas.google.com/blogger/2008/kind#post"\nXMLNS_NS = "http://www.w3.org/2000/xmlns/"\n'
    assert codes_at({"contrib/import_blogger.py": py}, ENDPOINT) == []
    # near miss: a SOAP endpoint's address, and a request to a w3.org page, are contacted
    wsdl_address = '<?xml version="1.0"?>\n<service>\n<soap:address location="https://soap.vendor-cloud.io/ws"/>\n'
    assert codes_at({"etc/dten/service.wsdl.xml": wsdl_address + "</service>\n"}, ENDPOINT) == [3]
    fetch = 'import requests\nrequests.get("https://validator.w3.org/check")\n'
    assert codes_at({"app/check.py": fetch}, ENDPOINT) == [2]


# --- Django AlterField: what the schema editor sends, from the field it replaces ---


def _migration(number: str, *operations: str) -> str:
    body = "".join(f"        {op},\n" for op in operations)
    return (
        "from django.db import migrations, models\n\n\n"
        f"class Migration(migrations.Migration):\n    dependencies = []\n    operations = [\n{body}    ]\n"
    )


INITIAL = _migration(
    "0001",
    'migrations.CreateModel(name="Slot", fields=[("id", models.AutoField(primary_key=True)), '
    '("start", models.DateTimeField()), ("room", models.CharField(max_length=30)), '
    '("votes", models.PositiveIntegerField(default=0))])',
)


def _app(*later: str) -> dict[str, str]:
    files = {"src/app/schedule/migrations/0001_initial.py": INITIAL}
    for i, text in enumerate(later, start=2):
        files[f"src/app/schedule/migrations/{i:04d}_change.py"] = text
    return files


def test_an_alter_field_that_keeps_the_column_sends_nothing() -> None:
    same = _migration(
        "0002", 'migrations.AlterField(model_name="slot", name="votes", field=models.PositiveIntegerField(default=1))'
    )
    files = _app(same)
    assert [ln for ln in codes_at(files, UNLOCKED) if ln is not None] == []
    assert codes_at(files, REWRITES) == []
    # near miss: a real type change is still a rewrite on a live table
    typed = same.replace(
        "models.PositiveIntegerField(default=1)", "models.DecimalField(max_digits=10, decimal_places=2)"
    )
    assert codes_at(_app(typed), REWRITES) == [7]


def test_an_alter_field_that_only_allows_null_is_brief() -> None:
    nullable = _migration(
        "0002", 'migrations.AlterField(model_name="slot", name="start", field=models.DateTimeField(null=True))'
    )
    assert codes_at(_app(nullable), UNLOCKED) == [7]
    assert codes_at(_app(nullable), REWRITES) == []
    # near miss: SET NOT NULL scans the table, and a new unique=True builds an index from every row
    strict = _migration("0003", 'migrations.AlterField(model_name="slot", name="start", field=models.DateTimeField())')
    assert codes_at(_app(nullable, strict), REWRITES) == [7]
    unique = _migration(
        "0002",
        'migrations.AlterField(model_name="slot", name="room", field=models.CharField(max_length=30, unique=True))',
    )
    assert codes_at(_app(unique), REWRITES) == [7]


def test_an_alter_field_of_an_unknown_field_is_read_as_before() -> None:
    alone = _migration(
        "0002", 'migrations.AlterField(model_name="talk", name="start", field=models.DateTimeField(null=True))'
    )
    files = {"src/app/schedule/migrations/0002_change.py": alone}
    assert codes_at(files, UNLOCKED) == [7]
    assert codes_at(files, REWRITES) == [7]


# --- development and CI tooling: not steps of the install, no secret of the product ---


def test_ci_scripts_and_files_are_development_tooling() -> None:
    ps1 = '$svnurl = "https://downloads.vendor-cloud.io/svn.zip"\nInvoke-WebRequest -Uri $svnurl -OutFile svn.zip\n'
    assert codes_at({".github/windows-prepare.ps1": ps1}, ENDPOINT) == []
    assert codes_at({"tools/windows-prepare.ps1": ps1}, ENDPOINT) == [2]  # near miss: a script of the product
    ci = "tracdb_uri='postgres://tracuser:password@localhost/trac?schema=tractest'\n"
    assert codes_at({".github/posix-test.sh": "#!/bin/sh\n" + ci}, CREDENTIAL) == []
    assert codes_at({"scripts/posix-test.sh": "#!/bin/sh\n" + ci}, CREDENTIAL) == [2]
    jenkins = "withEnv(['TEST_DB=postgresql://kallithea:kallithea@jenkins_postgresql/kallithea_test']) {\n}\n"
    assert codes_at({"Jenkinsfile": jenkins}, CREDENTIAL) == []
    # near miss: a token in its own format in CI configuration is still a leaked secret
    leaked = "env:\n  GITHUB_TOKEN: ghp_Zx8Qm2LkR4vN7pT1sW9yB3cD5fG6hJ0kL2mN\n"
    assert codes_at({".github/workflows/ci.yml": leaked}, CREDENTIAL) == [2]
    assert codes_at({".tx/config": "[main]\nhost = https://www.transifex.com\n"}, ENDPOINT) == []


# --- names that are not on the public internet ---


def test_a_name_without_a_public_top_level_domain_is_no_host() -> None:
    urls = (
        'urlpatterns = [\n    path("types/", View.as_view(), url_name="cfp.types"),\n]\nentry = {"url": "urls.edit"}\n'
    )
    assert codes_at({"src/app/orga/urls.py": urls}, ENDPOINT) == []
    assert codes_at({"etc/dten/dten.conf": "server = ocsinventory.server\nupstream = db.lan:5432\n"}, ENDPOINT) == []
    # near miss: the same settings naming hosts under delegated top-level domains, and a URL whatever its suffix
    assert codes_at(
        {"etc/dten/dten.conf": "server = inventory.vendor-cloud.io\nupstream = db.vendor.cloud:5432\n"}, ENDPOINT
    ) == [1, 2]
    assert codes_at({"config/app.env": "API_URL=https://wazuh.manager\n"}, ENDPOINT) == [1]


# --- program text that names a URL without requesting it ---


def test_browser_scripts_patterns_and_vcs_keywords_are_not_requests() -> None:
    vendored = "if (!isDev) {\n  warn('See: https://vuejs.vendor-cloud.io/v2/guide/reactivity.html');\n}\n"
    vendored += "var feedUrl = 'https://updates.vendor-cloud.io/feed';\n"
    assert codes_at({"src/app/static/vendored/vue.js": vendored}, ENDPOINT) == []
    # near miss: the app's own script beside it is read
    assert codes_at({"src/app/static/common/js/help.js": vendored}, ENDPOINT) == [4]
    links = "GITHUB = (\n    r'https://github.com/([^/]*)/([^/]*?)(?:\\.git)?$',\n    r'https://github.com/\\1/\\2/commit/%s',\n)\n"
    assert codes_at({"app/revlinks.py": links}, ENDPOINT) == []
    keyword = 'url = "$URL: https://svn.vendor-cloud.io/repos/trunk/sample-plugins/HelloWorld.py $"\n'
    assert codes_at({"sample-plugins/HelloWorld.py": keyword}, ENDPOINT) == []
    # near miss: a URL with a %s template and no regular expression is requested
    api = 'url = "https://api.vendor-cloud.io/repos/%s" % name\n'
    assert codes_at({"app/api.py": api}, ENDPOINT) == [1]


def test_values_shaped_like_no_secret_are_not_credentials() -> None:
    code = (
        "tokenUri = 'https://github.com/login/oauth/access_token'\n"
        "url_obj.passwd = '*****'\n"
        "_HEADER_GITLAB_TOKEN = 'X-Gitlab-Token'\n"
        "$token = 'Mail::SpamAssassin::Plugin::DMARC';\n"
    )
    assert codes_at({"app/oauth2.py": code}, CREDENTIAL) == []
    marker = '$NSPAM_MAGIC_TOKEN = "\\015\\001\\007\\011\\003NSPAM";\n'
    assert codes_at({"usr/share/perl5/App/BayesStore/DBM.pm": marker}, CREDENTIAL) == []
    # near miss: a URL that carries a password, and a plain literal token
    leaked = "tokenUri = 'https://bot:hunter2pass@hooks.vendor-cloud.io/x'\napi_token = 'sup3rS3cretValue9'\n"
    assert codes_at({"app/oauth2.py": leaked}, CREDENTIAL) == [1, 2]


# --- missed risks: database updaters run by a maintainer script; a fetched tarball's configure run ---

HIDDEN = "preflight.hidden_migration"
UNVERIFIED = "preflight.unverified_download_exec"


def test_a_database_updater_named_for_its_job_is_a_migration() -> None:
    postinst = "#!/bin/sh\nset -e\ncase $1 in\n  configure)\n"
    run = "    /usr/share/dten/dba/update-dten-database > /var/log/dten-upgrade.log 2>&1 || true\n    ;;\nesac\n"
    assert codes_at({"postinst": postinst + run}, HIDDEN) == [5]
    sympa = '    su -l sympa -s /bin/bash -c "sympa upgrade"\n    ;;\nesac\n'
    assert codes_at({"postinst": postinst + sympa}, HIDDEN) == [5]
    # near miss: the updater asked for its help, and a tool that only checks
    help_only = run.replace("update-dten-database", "update-dten-database --help")
    assert codes_at({"postinst": postinst + help_only}, HIDDEN) == []
    assert codes_at({"postinst": postinst + sympa.replace("sympa upgrade", "sympa check")}, HIDDEN) == []


def test_a_fetched_tarball_unpacked_then_configured_under_a_relative_cd() -> None:
    build = (
        "#!/bin/sh\nset -e\ncd /tmp\nwget -q https://downloads.vendor-cloud.io/bindings-1.4.tar.xz\n"
        "tar -Jxf bindings-1.4.tar.xz\ncd bindings-1.4/\n./configure --prefix=/usr/local\n"
    )
    assert codes_at({"scripts/build.sh": build}, UNVERIFIED) == [7]
    # near miss: the tarball's checksum is checked before it is unpacked
    checked = build.replace("tar -Jxf", "echo 'ab12  bindings-1.4.tar.xz' | sha256sum -c -\ntar -Jxf")
    assert codes_at({"scripts/build.sh": checked}, UNVERIFIED) == []


# --- where a browser is sent or what it loads ---


def test_oauth_authorisation_pages_and_avatar_templates_are_for_the_browser() -> None:
    oauth = (
        "class GoogleAuth:\n    authUri = 'https://accounts.google.com/o/oauth2/auth'\n"
        "    tokenUri = 'https://accounts.google.com/o/oauth2/token'\n"
    )
    assert codes_at({"app/www/oauth2.py": oauth}, ENDPOINT) == [3]  # near miss: the token exchange is the server's
    avatar = "[general]\ngravatar-url = https://www.gravatar.com/avatar/{}?d=identicon&s=55\n"
    assert codes_at({"isso/isso.cfg": avatar}, ENDPOINT) == []
    # near miss: Keystone's auth_url is the identity service the server authenticates against
    assert codes_at({"etc/dten/dten.conf": "auth_url = https://keystone.vendor-cloud.io:5000/v3\n"}, ENDPOINT) == [1]
