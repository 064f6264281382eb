"""Documentation, XML comments, markup identifiers and published keys are not settings (shipgate.preflight.markup).

Seen on whole Debian packages (apache2, tomcat10, postgresql-common, bind9) run through preflight: every URL of a
README, copyright file, NOTICE or HTML page was reported as a host the package contacts (medium), an ``xmlns``
namespace was a contacted host, the commented-out TLS connector of Tomcat's server.xml was a hard-coded
credential, and the base64 lines of a published PGP key were a "password or key assignment" (high)."""

from __future__ import annotations

import base64
import random

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from preflight_kit import codes_at, script

from shipgate.preflight.markup import is_documentation

ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"


def test_links_in_documentation_are_mentions_and_a_script_beside_them_still_contacts() -> None:
    files = {
        "README.md": "# Upgrade\n\nSee https://docs.dten-vendor.com/upgrade before you start.\n",
        "usr/share/doc/dten/copyright": "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n",
        "docs/INSTALL.txt": "Fetch https://downloads.dten-vendor.com/dten.tgz by hand.\n",
        "NOTICE": "This product includes software from The Apache Software Foundation (https://www.apache.org/).\n",
        "web/help.html": '<p>Read <a href="https://help.dten-vendor.com/">the help</a>.</p>\n',
    }
    assert codes_at(files, ENDPOINT) == []
    # near miss: the same URL fetched by a script (even one kept under docs/) and set in a config file
    fetch = script("curl -fsS -o /tmp/dten.tgz https://downloads.dten-vendor.com/dten.tgz")
    assert codes_at({"docs/fetch.sh": fetch}, ENDPOINT) == [3]
    assert codes_at({"etc/dten/app.conf": "update_url = https://downloads.dten-vendor.com/\n"}, ENDPOINT) == [1]


def test_what_is_documentation_by_folder_name_and_format() -> None:
    for path in ("README", "CHANGELOG.md", "LICENSE.txt", "usr/share/man/man8/dten.8", "docs/setup.rst", "x/NEWS"):
        assert is_documentation(path), path
    tools = ("requirements.txt", "dev-requirements.txt", "CMakeLists.txt")
    for path in (*tools, "etc/dten/app.conf", "config/settings.yaml", "salt/install.sls", "manifests/install.pp"):
        assert not is_documentation(path), path


def test_namespaces_schemas_and_doctypes_are_names_while_a_url_setting_in_the_same_file_is_contacted() -> None:
    xml = (
        '<?xml version="1.0"?>\n'
        "<!DOCTYPE hibernate-configuration PUBLIC\n"
        '  "-//Hibernate/Hibernate Configuration DTD 3.0//EN"\n'
        '  "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">\n'
        '<beans xmlns="http://www.springframework.org/schema/beans"\n'
        '       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '       xsi:schemaLocation="http://www.springframework.org/schema/beans beans.xsd">\n'
        '  <property name="endpoint" value="https://api.dten-vendor.com/v1"/>\n'
        "</beans>\n"
    )
    assert codes_at({"conf/app.xml": xml}, ENDPOINT) == [8]
    schema = '{\n  "$schema": "https://json.schemastore.org/package.json",\n  "url": "https://api.dten-vendor.com"\n}\n'
    assert codes_at({"conf/app.json": schema}, ENDPOINT) == [3]


def test_a_commented_out_xml_element_holds_no_credential_and_the_live_one_does() -> None:
    connector = '<Certificate certificateKeystoreFile="conf/rsa.jks"\n      certificateKeystorePassword="Zq8vLx2mT4" />'
    commented = f'<?xml version="1.0"?>\n<Server>\n  <!--\n  {connector}\n  -->\n</Server>\n'
    assert codes_at({"conf/server.xml": commented}, CREDENTIAL) == []
    live = f'<?xml version="1.0"?>\n<Server>\n  {connector}\n</Server>\n'
    assert codes_at({"conf/server.xml": live}, CREDENTIAL) == [4]


def _armored(label: str, seed: int) -> str:
    rng = random.Random(seed)
    body = [base64.b64encode(rng.randbytes(48)).decode() for _ in range(12)]
    return "\n".join([f"-----BEGIN {label}-----", "", *body, f"-----END {label}-----"]) + "\n"


def test_a_published_key_or_certificate_is_not_a_credential_but_a_private_key_is() -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    files = {
        "keys/vendor.asc": _armored("PGP PUBLIC KEY BLOCK", 1),
        "keys/vendor.pub": public.decode(),
        "keys/release.sig": _armored("PGP SIGNATURE", 2),
    }
    assert codes_at(files, CREDENTIAL) == []
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    assert codes_at({"keys/vendor.key": private}, CREDENTIAL) == [1]
    # a secret written after a published block is still read
    after = _armored("PGP PUBLIC KEY BLOCK", 3) + "api_password = Zq8vLx2mT4wQ\n"
    assert codes_at({"keys/notes.conf": after}, CREDENTIAL) == [16]


def test_comments_links_and_expressions_in_program_source_are_not_settings() -> None:
    erlang = "%% file, You can obtain one at https://mozilla.org/MPL/2.0/.\n-module(x).\n"
    javascript = (
        "/*\n * https://developer.mozilla.org/en/DOM/window.btoa\n */\n"
        "var help = '<a href=\"https://www.rabbitmq.com/consumers.html\">consumers</a>';\n"
        "vhosts_interesting = vhosts.length > 1;\n"
    )
    files = {"include/x.hrl": erlang, "www/js/global.js": javascript, "lib/INSTALL": "See https://dten-vendor.com\n"}
    assert codes_at(files, ENDPOINT) == []
    # near miss: a URL the code itself uses, and a quoted host setting
    fetch = "const api = fetch('https://api.dten-vendor.com/v1/status');\nupdate_host = 'updates.dten-vendor.com';\n"
    assert codes_at({"www/js/status.js": fetch}, ENDPOINT) == [1, 2]


def test_package_metadata_schemas_block_comments_and_example_configs_are_not_in_effect() -> None:
    files = {
        "control": "Package: exim4-config\nDescription: configuration\n http://wiki.debian.org/PkgExim4 has more.\n",
        "lib/ufw-0.36.2.egg-info": "Metadata-Version: 2.1\nHome-page: https://launchpad.net/ufw\n",
        "schemas/schema-cloud-config-v1.json": '{"$id": "https://raw.githubusercontent.com/c/s.json",\n'
        ' "default": "https://landscape.canonical.com/ping"}\n',
        "usr/share/icinga2/include/plugins.conf": "/*\n"
        " *   Url reference: http://nagios.manubulon.com/snmp_env.html\n */\n",
        "web/static/app.css": "/* https://github.com/prometheus/prometheus/issues/7434 */\n",
        "syntax/nginx.vim": '" https://github.com/kvspb/nginx-auth-ldap\n',
    }
    assert codes_at(files, ENDPOINT) == []
    example = {"usr/share/doc/haproxy/examples/socks4.cfg": "backend b\n  server s1 192.0.2.1:443 ssl verify none\n"}
    assert codes_at(example, "preflight.tls_verification_disabled") == []
    sudoers = {"usr/share/doc/needrestart/examples/needrestart-nagios": "nagios ALL=NOPASSWD: /usr/sbin/needrestart\n"}
    assert codes_at(sudoers, "preflight.persistence") == []
    # near misses: the same lines in effect
    assert codes_at({"etc/icinga2/conf.d/hosts.conf": "url = http://nagios.manubulon.com/x\n"}, ENDPOINT) == [1]
    live = {"etc/haproxy/haproxy.cfg": "backend b\n  server s1 192.0.2.1:443 ssl verify none\n"}
    assert codes_at(live, "preflight.tls_verification_disabled") == [2]
    rule = {"etc/sudoers.d/needrestart": "nagios ALL=NOPASSWD: /usr/sbin/needrestart\n"}
    assert codes_at(rule, "preflight.persistence") == [1]


def test_translations_lockfiles_test_fixtures_and_link_arrays_are_not_settings() -> None:
    files = {
        "inc/lang/de/lang.php": "<?php\n$lang['pass']                  = 'Passwort';\n",
        "vendor/composer/installed.json": '{"dist": {"url": "https://api.github.com/repos/x/y/zipball/1a2b"}}\n',
        "composer.lock": '{"source": {"url": "https://github.com/doctrine/instantiator.git"}}\n',
        "views/about/index.phtml": "<?php $links = ['href'   => 'https://icinga.com/support/'];\n",
    }
    assert codes_at(files, ENDPOINT) == [] and codes_at(files, CREDENTIAL) == []
    fixture = {"plugins/authpdo/_test/pgsql/django.sql": "ALTER TABLE auth_group ALTER COLUMN name TYPE text;\n"}
    assert codes_at(fixture, "preflight.migration_unlocked") == []
    # near misses: a password in live configuration, the same SQL as the product's migration
    assert codes_at({"conf/local.php": "<?php\n$conf['pass'] = 'Zq8vLx2mT4';\n"}, CREDENTIAL) == [2]
    migration = {"db/migrations/0007.sql": "ALTER TABLE auth_group ALTER COLUMN name TYPE text;\n"}
    assert codes_at(migration, "preflight.migration_unlocked") == [1]


def test_no_value_of_a_translation_is_a_credential() -> None:
    files = {
        "config/locales/bg.yml": "bg:\n  field_password_confirmation: Потвърждение парола\n",
        "program/localization/da_DK/labels.inc": "<?php\n$labels['password'] = 'Adgangskode';\n",
        "configs/menu.conf": "url_password = edit-password.php\n",
    }
    assert codes_at(files, CREDENTIAL) == []
    # near miss: the same kind of value in the product's configuration
    assert codes_at({"config/settings.yml": "ci_token: 9fK2xQ7mLp4Zt8Rw3Nv6Hs5Jd0Bv3A\n"}, CREDENTIAL) == [1]


def test_translations_debconf_templates_page_templates_and_font_metrics_only_mention_hosts() -> None:
    files = {
        "www/locale/de_DE/LC_MESSAGES/messages.po": '"Language-Team: German <https://weblate.tt-rss.org/projects/>"\n',
        "templates": "Template: tt-rss/base-url\nDescription: for example http://voorbeeld.org/tt-rss/\n",
        "templates/home/git_info.twig": "<a href=\"{{ 'https://github.com/phpmyadmin/phpmyadmin/commit/%s'|f }}\">\n",
        "lib/fonts/DejaVuSans-Bold.ufm": "FontVendorURL http://dejavu.sourceforge.net\n",
    }
    assert codes_at(files, ENDPOINT) == []
    # near miss: the same host as a setting of the product
    assert codes_at({"etc/tt-rss/feeds.conf": "feed_url = https://weblate.tt-rss.org/x\n"}, ENDPOINT) == [1]


def test_source_maps_erb_pages_and_a_builders_namespace_only_mention_hosts() -> None:
    files = {
        "public/css/bootstrap-theme.css.map": '{"version":3,"sourceRoot":"https://github.com/twbs/bootstrap"}\n',
        "app/views/admin/plugins.html.erb": 'url: "https://www.redmine.org/plugins/check_updates",\n',
        "app/views/common/feed.atom.builder": 'xml.feed "xmlns" => "http://www.w3.org/2005/Atom" do\n',
    }
    assert codes_at(files, ENDPOINT) == []
    # near miss: a postfix lookup table (.map) names the relay the mail system connects to
    relay = "example.org smtp:[relay.dten-vendor.com]:587\nrelay_url = https://relay.dten-vendor.com\n"
    assert codes_at({"etc/postfix/transport.map": relay}, ENDPOINT) == [2]
