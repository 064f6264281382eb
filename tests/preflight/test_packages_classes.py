"""The classes of false positives that whole real packages showed (tests/preflight/packages/README.md), each with a
minimal construct and a near miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at, script

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
    assert codes_at({"docs/database.md": page}, CREDENTIAL) == [4]
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
