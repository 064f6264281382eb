"""The classes of false positives that whole real packages showed (tests/preflight/packages/README.md), each with a
minimal construct and a near miss that must still be reported."""

from __future__ import annotations

import warnings

from preflight_kit import codes_at, in_script, script

ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"
FEED = "feed_url = https://updates.vendor-cloud.io/feed\n"


# --- package metadata, lock files, translations, test data: hosts named, not contacted ---


def test_package_metadata_names_the_projects_links() -> None:
    pkg_info = "Metadata-Version: 2.1\nName: dten\nHome-page: https://dten.vendor-cloud.io\n"
    assert codes_at({"PKG-INFO": pkg_info}, ENDPOINT) == []
    assert codes_at({"dten.egg-info/PKG-INFO": pkg_info}, ENDPOINT) == []
    setup = "from setuptools import setup\nsetup(name='dten', url='https://dten.vendor-cloud.io')\n"
    assert codes_at({"setup.py": setup}, ENDPOINT) == []
    # near miss: the same URL as a setting of the product
    assert codes_at({"etc/dten/dten.conf": FEED}, ENDPOINT) == [1]


def test_a_lock_file_records_where_a_build_fetched() -> None:
    lock = (
        '{\n  "packages": {\n    "node_modules/x": {\n      "resolved": "https://registry.npmjs.org/x/-/x-1.0.0.tgz"\n'
    )
    assert codes_at({"static/package-lock.json": lock + "    }\n  }\n}\n"}, ENDPOINT) == []
    assert codes_at({"static/package.json": lock + "    }\n  }\n}\n"}, ENDPOINT) == [4]


def test_translation_catalogues_hold_words_not_secrets() -> None:
    labels = "<?php\n// For translation see https://www.transifex.com/p/x/\n$labels['password'] = 'Passwort';\n"
    assert codes_at({"program/localization/de_DE/labels.inc": labels}, CREDENTIAL) == []
    assert codes_at({"program/localization/de_DE/labels.inc": labels}, ENDPOINT) == []
    yml = "de:\n  field_password: Kennwort\n  label_password_char_class_digits: Ziffern\n"
    assert codes_at({"config/locales/de.yml": yml}, CREDENTIAL) == []
    po = 'msgid ""\nmsgstr ""\n"Language-Team: German <https://hosted.weblate.org/projects/x/>\\n"\n'
    assert codes_at({"messages/de/LC_MESSAGES/x.po": po}, ENDPOINT) == []
    # near miss: the same assignment in the product's configuration
    assert codes_at({"config/settings.inc": labels}, CREDENTIAL) == [3]


def test_test_data_is_not_the_products() -> None:
    case = "def test_login(client):\n    token = 'a8f5f167f44f4964e6c998dee827110c'\n    client.get('https://api.vendor-cloud.io/x')\n"
    assert codes_at({"tests/test_login.py": case}, CREDENTIAL) == []
    assert codes_at({"tests/test_login.py": case}, ENDPOINT) == []
    assert codes_at({"app/login.py": case}, CREDENTIAL) == [2]
    assert codes_at({"app/login.py": case}, ENDPOINT) == [3]


def test_a_host_catalogue_is_matched_against_not_contacted() -> None:
    mirrors = "".join(f"http://mirror{i}.example-mirrors.org/ubuntu/\n" for i in range(30))
    assert codes_at({"usr/lib/acng/ubuntu_mirrors": "# mirrors\n" + mirrors}, ENDPOINT) == []
    # near miss: a short list of upstreams, and a list with a setting among the URLs
    backends = "http://deb.debian.org/debian/\nhttp://ftp.us.debian.org/debian/\n"
    assert codes_at({"usr/lib/acng/backends_debian.default": backends}, ENDPOINT) == [1, 2]
    assert len(codes_at({"etc/acng/mirrors.conf": "upstream = yes\n" + mirrors}, ENDPOINT)) == 30


# --- documentation examples, web assets ---


def test_a_documentation_example_connection_string_is_not_a_credential() -> None:
    page = "Configure the database:\n\n    url: postgresql://me:mypassword@db/x\n    password: 9fK2xQ7mLp4Zt8Rw3Nv6\n"
    assert codes_at({"docs/database.md": page}, CREDENTIAL) == []  # a random-looking word too (third pass)
    # near miss: a private key in a page is still distributed; the same lines in a config file are settings
    key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIB\n-----END PRIVATE KEY-----\n"
    assert codes_at({"docs/tls.md": key}, CREDENTIAL) == [1]
    assert codes_at({"etc/x/database.yml": page}, CREDENTIAL) == [3, 4]


def test_a_stylesheet_comment_links_its_origin() -> None:
    css = "/*!\n * Bootstrap v5.2.3 (https://getbootstrap.com/)\n */\nbody { margin: 0 }\n"
    assert codes_at({"static/css/bootstrap.css": css}, ENDPOINT) == []
    assert codes_at({"static/css/theme.less": "/* http://prismjs.com/ */\n"}, ENDPOINT) == []
    # near miss: the same line in a configuration file is a setting
    assert codes_at({"etc/x/theme.conf": "cdn = https://getbootstrap.com/\n"}, ENDPOINT) == [1]


def test_scripts_keep_their_secrets_under_a_test_folder() -> None:
    """A shell script under ``tests/`` is still read as a script (a single file pointed at is what runs)."""
    assert codes_at({"tests/deploy.sh": script("DB_PASSWORD=hunter2x", 'psql "$DB_PASSWORD"')}, CREDENTIAL) == [3]


# --- a project's own test folder, dialects named by file and folder, names that hold no value ---


def test_a_projects_test_folder_and_djangos_tests_module_are_test_data() -> None:
    index = '{\n  "mirror_url": "https://pypi.vendor-cloud.io/simple/",\n  "secret": "Zm9vYmFyYmF6cXV4cXV1eA=="\n}\n'
    for path in ("test_dten_server/importexportdata/dataindex.json", "app/cli/tests.py"):
        assert codes_at({path: index}, ENDPOINT) == [] and codes_at({path: index}, CREDENTIAL) == []
    # near miss: the same file in the product's own folder
    assert codes_at({"dten_server/cfg/dataindex.json": index}, ENDPOINT) == [2]


def test_ten_bare_urls_are_a_catalogue_nine_are_upstreams() -> None:
    urls = [f"http://mirror{i}.example-mirrors.org/sf/\n" for i in range(10)]
    assert codes_at({"usr/lib/acng/sfnet_mirrors": "".join(urls)}, ENDPOINT) == []
    assert len(codes_at({"usr/lib/acng/sfnet_mirrors": "".join(urls[:9])}, ENDPOINT)) == 9


def test_oracle_sql_named_by_its_folder_or_file_is_not_read_as_postgresql() -> None:
    sql = "ALTER TABLE users ADD CONSTRAINT users_key UNIQUE (username);\nCREATE INDEX users_idx ON users (x);\n"
    for path in ("SQL/oracle/2018122300.sql", "SQL/oracle.initial.sql", "db/mssql/0001.sql"):
        assert codes_at({path: sql}, "preflight.migration_unlocked") == []
        assert codes_at({path: sql}, "preflight.index_not_concurrent") == []
    # near miss: the PostgreSQL folder and file of the same project
    for path in ("SQL/postgres/2018122300.sql", "SQL/postgres.initial.sql"):
        assert codes_at({path: sql}, "preflight.index_not_concurrent") == [2]


def test_a_name_with_a_password_word_is_a_field_not_a_value() -> None:
    code = (
        "FIELDS = dict(\n    mod_password='moderator_password',\n)\n"
        'CLIENT_SECRET_POST = "client_secret_post"\n'
        "_password = Column('password', Unicode)\n"
    )
    assert codes_at({"app/importer.py": code}, CREDENTIAL) == []
    # near miss: a literal value under the same names
    assert codes_at({"app/importer.py": "mod_password = 'Moderat0r!2024'\n"}, CREDENTIAL) == [1]
    assert codes_at({".npmrc": "_password = c2VjcmV0cGFzc3dvcmQ=\n"}, CREDENTIAL) == [1]


def test_an_interactive_sessions_expression_in_a_page_is_not_a_secret() -> None:
    page = "Pending requests::\n\n    >>> token_1 = pendingdb.add(event_1)\n    >>> token_2 = pendingdb.add(event_2)\n"
    assert codes_at({"docs/pending.rst": page}, CREDENTIAL) == []
    # near miss: a token in its own format in the same session (a random word is an example: third pass)
    assert codes_at({"docs/pending.rst": "    >>> key = 'AKIAIOSFODNN7EXAMPLF'\n"}, CREDENTIAL) == [1]


# --- a source tree's config file, an offline bundle, su's command string, development tooling ---


def test_a_config_file_with_ini_sections_is_not_a_debconf_script() -> None:
    ini = "# -*- mode: conf -*-\n\n[server]\nhosts = localhost:5232\n"
    assert codes_at({"config": ini}, "preflight.root_assumed") == []
    # near miss: a debconf script starts with its interpreter; a .deb's config beside its postinst
    debconf = "#!/bin/sh\nset -e\n. /usr/share/debconf/confmodule\ndb_input medium x/y || true\n"
    assert codes_at({"config": debconf}, "preflight.root_assumed") == [1]


def test_bundle_install_local_contacts_no_gem_source() -> None:
    assert in_script("preflight.implicit_egress", "cd /usr/share/redmine", "bundle install --local --quiet") == []
    assert in_script("preflight.implicit_egress", "cd /usr/share/redmine", "bundle install --quiet") == [4]


def test_the_command_su_runs_is_read_with_its_expansions() -> None:
    run = 'su www-data -s /bin/sh -c "REDMINE_INSTANCE=$instance SCHEMA=/dev/null bundle exec rake db:migrate"'
    assert in_script("preflight.hidden_migration", "cd /usr/share/redmine", run) == [4]
    # near misses: the same command in a string that is only printed; a command passed in (``"$1"``) is not read
    assert in_script("preflight.hidden_migration", "cd /usr/share/redmine", f"echo '{run}'") == []
    run_as = ["run_as() {", '  if [ "$(id -u)" = 0 ]; then', '    su -p "$user" -s /bin/sh -c "$1"', "  fi", "}"]
    assert in_script("preflight.sudo_unavailable", *run_as, 'run_as "php occ status"') == []


def test_development_tooling_is_not_an_install_step() -> None:
    release = script(
        "apt-get update", "apt-get install -y devscripts", "wget -Nq https://github.com/x/y/archive/z.tar.gz"
    )
    for path in ("scripts-dev/docker_update_changelog.sh", ".github/scripts/prepare.sh"):
        assert codes_at({path: release}, "preflight.implicit_egress") == []
        assert codes_at({path: release}, "preflight.implicit_privilege") == []
        assert codes_at({path: release}, ENDPOINT) == []
    assert (
        codes_at(
            {"vendor/x/appveyor.yml": "install:\n  - ps: DownloadFile('https://bootstrap.pypa.io/get-pip.py')\n"},
            ENDPOINT,
        )
        == []
    )
    # near miss: the same script where an installer keeps its steps
    assert codes_at({"scripts/prepare.sh": release}, "preflight.implicit_egress") == [3, 4]
    assert codes_at({"scripts/prepare.sh": release}, ENDPOINT) == [5]


def test_a_packages_invalid_python_escapes_print_no_warning() -> None:
    """Parsing a package's Python (docstrings, Django migrations) reports nothing on the operator's terminal."""
    source = 'PATTERN = "\\d+\\.\\d+"\n"""A docstring."""\n'
    migration = "from django.db import migrations\nclass Migration(migrations.Migration):\n    x = '\\.'\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        codes_at({"app/version.py": source, "app/migrations/0001_initial.py": migration}, CREDENTIAL)
    assert [w for w in caught if issubclass(w.category, (SyntaxWarning, DeprecationWarning))] == []


# --- migrations that are a test's, and a Django product that names SQLite alone ---

ALTER = (
    "from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n"
    "    dependencies = [('core', '0001_initial')]\n    operations = [\n"
    "        migrations.AddField(model_name='snapshot', name='added', field=models.DateTimeField(null=True)),\n    ]\n"
)
SQLITE = "DATABASES = {\n    'default': {\n        'ENGINE': 'django.db.backends.sqlite3',\n    }\n}\n"
POSTGRES_EXAMPLE = "#DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql'}}\n"
UNLOCKED = "preflight.migration_unlocked"


def test_a_tests_migration_is_not_the_upgrades() -> None:
    assert codes_at({"vendor/taggit/tests/migrations/0002_alter.py": ALTER}, UNLOCKED) == []
    assert codes_at({"vendor/taggit/migrations/0002_alter.py": ALTER}, UNLOCKED) == [7]


def test_a_django_product_that_names_sqlite_alone_runs_its_migrations_on_sqlite() -> None:
    files = {"app/core/settings.py": SQLITE, "app/core/migrations/0002_added.py": ALTER}
    assert codes_at(files, UNLOCKED) == []
    assert codes_at(files, "preflight.migration_unchecked") == [7]  # low: SQLite's, not checked
    # near misses: no settings in the package, or an example naming PostgreSQL beside the SQLite default
    assert codes_at({"app/core/migrations/0002_added.py": ALTER}, UNLOCKED) == [7]
    assert codes_at({**files, "app/local_settings.py.example": POSTGRES_EXAMPLE}, UNLOCKED) == [7]
    # test settings are not the product's
    assert codes_at({**files, "app/tests/settings.py": POSTGRES_EXAMPLE}, UNLOCKED) == []


# --- program text: printed URLs, XML names, web bundles ---


def test_a_url_a_program_prints_or_uses_as_an_xml_name_is_not_requested() -> None:
    code = (
        "def hint():\n"
        "    stderr('    https://github.com/Vendor/Product/wiki/Configuration')\n"
        "    print('    https://github.com/Vendor/Product/wiki')\n"
        "    items = root.findall('{http://purl.org/rss/1.0/}item')\n"
    )
    assert codes_at({"product/config.py": code}, ENDPOINT) == []
    # near miss: a URL the program requests
    fetch = "def latest():\n    return requests.get('https://api.github.com/repos/Vendor/Product/releases')\n"
    assert codes_at({"product/config.py": fetch}, ENDPOINT) == [2]


def test_a_web_bundle_is_library_code_for_a_browser() -> None:
    bundle = "!function(e){" + "var a=1;" * 700 + '"https://momentjs.com/timezone/docs/"}()\n'
    assert codes_at({"static/js/app.js": bundle}, ENDPOINT) == []
    assert codes_at({"static/js/moment.min.js": 'x="https://momentjs.com/"\n'}, ENDPOINT) == []
    # near miss: ordinary JavaScript that names an API endpoint
    assert codes_at({"static/js/app.js": 'const API = "https://api.vendor-cloud.io/v1";\n'}, ENDPOINT) == [1]


def test_prose_in_a_multi_line_python_string_is_text() -> None:
    code = (
        'METRICS_PORT_WARNING = """\\\n'
        "The metrics_port option is deprecated. Please see\n"
        "https://vendor-docs.example-cloud.io/latest/metrics-howto.html\n"
        'on how to configure the new listener."""\n'
        "HELP = (\n    'Examples:\\n'\n    '    https://getpocket.com/users/USERNAME/feed/all\\n'\n)\n"
    )
    assert codes_at({"product/config/server.py": code}, ENDPOINT) == []
    # near miss: a template of settings in a multi-line string is configuration the product writes and reads
    template = 'DEFAULT = """\\\nreport_stats_endpoint: https://stats.vendor-cloud.io/push\n"""\n'
    assert codes_at({"product/config/metrics.py": template}, ENDPOINT) == [2]


def test_vocabulary_names_and_user_agent_links_are_not_requested() -> None:
    code = (
        '_XHTML_NS_URL = "http://www.w3.org/1999/xhtml"\n'
        'STRICT = ("-//W3C//DTD HTML 4.01//EN", "http://www.w3.org/TR/html4/strict.dtd")\n'
        'NS = {"CS": "http://calendarserver.org/ns/", "RDF": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}\n'
        'xml.feed "xmlns" => "http://www.w3.org/2005/Atom" do\n'
        'AGENT = "Product (bot; +https://github.com/vendor/product)"\n'
    )
    assert codes_at({"product/templating.py": code}, ENDPOINT) == []
    vcl = 'if (req.http.User-Agent ~ "\\(compatible; Googlebot/2.1; \\+http://www.google.com/bot.html\\)") {\n'
    assert codes_at({"usr/share/varnish/vcl/devicedetect.vcl": vcl}, ENDPOINT) == []
    composer = '{\n  "repositories": [{"type": "composer", "url": "https://plugins.vendor-cloud.io"}]\n}\n'
    # a package that ships its dependencies installed: its composer.json describes a build done already
    installed = {"usr/share/webmail/composer.json": composer, "usr/share/webmail/vendor/composer/installed.json": "[]"}
    assert codes_at(installed, ENDPOINT) == []
    # near misses: an API base URL in code, and the same repositories in the product's own JSON settings
    assert codes_at({"product/api.py": 'BASE = "https://api.vendor-cloud.io/v1/"\n'}, ENDPOINT) == [1]
    assert codes_at({"etc/webmail/plugins.json": composer}, ENDPOINT) == [2]
