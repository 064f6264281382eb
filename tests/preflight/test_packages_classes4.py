"""The classes of false positives that the fourth pass over whole real packages showed (tests/preflight/packages/
README.md, "Fourth pass"), each with a minimal construct and a near miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at, script

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"
SUDO = "preflight.sudo_unavailable"
PRIVILEGE = "preflight.implicit_privilege"


# --- root dropping privilege to a service account is not an escalation ---


def test_a_maintainer_script_switching_to_the_account_a_setting_names_asks_nothing() -> None:
    postinst = script('GITUSER="$(db_get gitolite3/gituser)"', "su - $GITUSER -c \"gitolite setup -pk '$f'\"")
    assert codes_at({"postinst": postinst}, SUDO) == []
    # near miss: the same line in a script the installer runs unprivileged asks for the account's password
    assert codes_at({"scripts/upgrade.sh": postinst}, SUDO) == [4]


INIT = (
    "#!/bin/bash\n"
    "### BEGIN INIT INFO\n"
    "# Provides:          dtend\n"
    "### END INIT INFO\n"
    ". /lib/lsb/init-functions\n"
    'su -s /bin/sh -c "$RUNNER start" - ${DTEN_USER[$i]}\n'
)


def test_an_init_script_outside_etc_init_d_is_run_by_init() -> None:
    assert codes_at({"contrib/init-scripts/dtend.init.sh": INIT}, SUDO) == []
    redhat = (
        "#!/bin/sh\nRUN_AS=dten\n. /etc/init.d/functions\n"
        'case "$1" in\n  start)\n    mkdir -p /var/run/dten\n    chown -R $RUN_AS /var/run/dten\n    ;;\nesac\n'
    )
    assert codes_at({"init.d/dten-daemon-redhat": redhat}, PRIVILEGE) == []
    # near misses: the same commands in scripts without an init header or library
    plain = INIT.replace("### BEGIN INIT INFO", "# dten").replace(". /lib/lsb/init-functions", ". ./env.sh")
    assert codes_at({"contrib/init-scripts/dtend.init.sh": plain}, SUDO) == [6]
    unlisted = redhat.replace(". /etc/init.d/functions", ". ./functions")
    assert codes_at({"init.d/dten-daemon-redhat": unlisted}, PRIVILEGE) != []


# --- credentials: values shaped like no secret ---


def test_code_values_that_are_not_literal_secrets() -> None:
    code = (
        "c.can_change_password = 'password' not in managed_fields\n"
        "url_obj.passwd = b'*****'\n"
        "_HEADER_GITLAB_TOKEN = b'X-Gitlab-Token'\n"
        "self.tokenUri = f'{serverURL}/login/oauth/access_token'\n"
        'password_reset = "{self.event.orga_urls.speakers}{self.user.code}/reset"\n'
        "TYPES = {hyperdb.Password: 'VARCHAR(255)'}\n"
        "user.update({'password': '!'})\n"
        'http_api = f"http://{self.username}:{self.password}@{self.host}/api/"\n'
    )
    assert codes_at({"dten/models.py": code}, CREDENTIAL) == []
    # near misses: a literal password beside the same shapes
    real = code + "self.db_password = b'Tr0ub4dor-3'\nADMIN_PASSWORD = 'hunter2' # default\n"
    assert codes_at({"dten/models.py": real}, CREDENTIAL) == [9, 10]


def test_configuration_values_that_name_or_stand_for_a_value() -> None:
    ini = (
        "[app:main]\n"
        "get trace_errors.smtp_password = smtp_password\n"
        "password_charset = UTF-8\n"
        "db_pass = RT->Config->Get('DatabasePassword');\n"
    )
    assert codes_at({"etc/dten/dten.ini": ini}, CREDENTIAL) == []
    yml = "production:\n  adapter: mysql2\n  password: _DBC_DBPASS_\n"
    assert codes_at({"usr/share/dten/templates/database.yml.template": yml}, CREDENTIAL) == []
    cfg = "[admin]\npassword = please_choose_a_strong_password\nsuperuser = '[SECRET]'\n"
    assert codes_at({"dten/dten.cfg": cfg}, CREDENTIAL) == []
    # near misses: a one-word value under its own name is a weak password; a real value under the same names
    assert codes_at({"etc/dten/dten.ini": "[app:main]\nsmtp_password = password\n"}, CREDENTIAL) == [2]
    assert codes_at({"etc/dten/dten.ini": "[app:main]\nsmtp_password = Xk3-passw0rd\n"}, CREDENTIAL) == [2]
    assert codes_at({"dten/dten.cfg": "[admin]\npassword = s3cr3t-Admin\n"}, CREDENTIAL) == [2]


def test_a_private_key_header_without_a_body_is_the_format() -> None:
    line = "print(_(\"Does it have a private key surrounded by '-----BEGIN PRIVATE KEY-----' and\\n  '-----END \"\n"
    long_line = line.rstrip("\n") + " " * 40 + '"PRIVATE KEY-----\' markers?"))\n'
    assert codes_at({"dten/server.py": long_line}, CREDENTIAL) == []
    grep = "#!/bin/sh\n" + ("if [ ! \"`grep 'BEGIN RSA PRIVATE KEY' $keyfile`\" ]; then echo no key; fi " * 2) + "\n"
    assert codes_at({"postinst": grep}, CREDENTIAL) == []
    # near miss: a key written on one line (JSON-escaped) is one
    body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7" * 2
    one = f'{{"key": "-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n"}}\n'
    assert codes_at({"etc/dten/key.json": one}, CREDENTIAL) == [1]


def test_a_url_password_that_names_the_field_or_sits_in_help_text_is_an_example() -> None:
    conf = "# Proxy: https://username:proxypassword@proxy.vendor-cloud.io:3129\n"
    assert codes_at({"etc/dten/dten.conf": conf}, CREDENTIAL) == []
    assert (
        codes_at({"dten/migrations/alembic.ini": "sqlalchemy.url = driver://user:pass@localhost/dbname\n"}, CREDENTIAL)
        == []
    )
    code = (
        'define("broker_api", type=str, default=None,\n'
        '       help="inspect broker e.g. http://guest:guest@localhost:15672/api/")\n'
    )
    assert codes_at({"dten/options.py": code}, CREDENTIAL) == []
    # near misses: the same URLs as values the program or the configuration uses
    used = 'BROKER_API = "http://guest:guest@localhost:15672/api/"\n'
    assert codes_at({"dten/options.py": used}, CREDENTIAL) == [1]
    assert codes_at(
        {"etc/dten/dten.conf": "Proxy: https://dten:proxypassword@proxy.vendor-cloud.io\n"}, CREDENTIAL
    ) == [1]


# --- program text: URLs that are names, patterns, samples or a browser's ---


def test_oauth_scopes_and_sample_values_are_not_requested() -> None:
    code = (
        "class GoogleAuth:\n"
        "    authUriAdditionalParams = {\n"
        "        'scope': ' '.join([\n"
        "            'https://www.googleapis.com/auth/userinfo.email',\n"
        "        ])\n"
        "    }\n"
        "PLACEHOLDERS = [\n"
        "    MailTextPlaceholder('event_url', lambda event: event.urls.base, lambda event: f'https://dten.io/{event}/'),\n"
        "    MailTextPlaceholder('profile_url', None, 'https://dten.example.com/democon/me/'),\n"
        "]\n"
        "token = request(scope=' '.join(('https://outlook.office.com/User.Read', 'offline_access')))\n"
    )
    assert codes_at({"dten/mail/context.py": code}, ENDPOINT) == []
    # near miss: the same URLs given to a call that fetches them
    fetched = code.replace("MailTextPlaceholder(", "requests.get(").replace("scope=", "url=")
    assert codes_at({"dten/mail/context.py": fetched}, ENDPOINT) == [8, 9, 11]


def test_browser_policy_namespace_and_title_links_are_not_requested() -> None:
    code = (
        "CSP = {\n"
        "    'connect-src': \"'self' https://www.gravatar.com\",\n"
        "}\n"
        "ns = 'http://dten.vendor-cloud.io/'\n"
        "_MELD_NS_URL = 'https://github.com/Supervisor/supervisor'\n"
        "self.titleURL = 'http://dten.vendor-cloud.io/'\n"
        "__url__ = 'https://dten-scm.org/'\n"
        "url = m.group(1).replace('http://www.readability.com/read?url=', '')\n"
        'error_msg = "Value must start with http:// or https://.\\n"\n'
    )
    assert codes_at({"dten/settings.py": code}, ENDPOINT) == []
    # near miss: a URL setting the server itself uses
    assert codes_at({"dten/settings.py": "API_URL = 'https://api.vendor-cloud.io/v2'\n"}, ENDPOINT) == [1]
    assert codes_at({"dten/settings.py": "r = requests.get('http://www.readability.com/read?url=')\n"}, ENDPOINT) == [1]


def test_documentation_arguments_and_examples_in_option_docs_are_for_people() -> None:
    code = (
        "class InterWikiMap:\n"
        '    section = ConfigSection("interwiki", """\n'
        "        Every option in the section defines a prefix.\n"
        "        '''Example:'''\n"
        "        {{{\n"
        "        MeatBall = http://www.usemod.com/cgi-bin/mb.pl?\n"
        "        }}}\n"
        '        """)\n'
        "    authz = Option('svn', 'authz_file', '', doc_args={'svnbook': 'http://svnbook.red-bean.com/en/1.7/'})\n"
        "SPEC = {'externalDocs': {\n"
        "    'url': 'https://docs.dten.org/user/sessions/',\n"
        "}}\n"
        "rmap.connect('issues_url', 'https://bitbucket.org/dten/issues', _static=True)\n"
        "hint([\n"
        "    'Upgrade your Python version or install the extension manually:',\n"
        "    'https://code.djangoproject.com/wiki/JSON1Extension'\n"
        "])\n"
        "url = Attribute('url', \"request's url (e.g https://api.github.com/endpoint')\")\n"
        "connection.putheader('Referer', 'https://bugs.python.org/')\n"
        "person = {'address': '%s@users.sourceforge.net' % user}\n"
    )
    assert codes_at({"dten/wiki/interwiki.py": code}, ENDPOINT) == []
    # near misses: a template of settings written to a file is read; a call that fetches is read
    template = "CONFIG = '''\n[interwiki]\nMeatBall = http://www.usemod.com/cgi-bin/mb.pl?\n'''\n"
    assert codes_at({"dten/wiki/interwiki.py": template}, ENDPOINT) == [3]
    fetched = "rmap.connect('issues_url', 'https://bitbucket.org/dten/issues')\nconnection.putheader('Host', 'https://bugs.python.org/')\n"
    assert codes_at({"dten/wiki/interwiki.py": fetched}, ENDPOINT) == [1, 2]


def test_a_built_page_anchor_a_test_helper_and_a_bundled_licence_name_no_request() -> None:
    mason = '<%init>\nmy $doc_url = "https://docs.vendor-cloud.io/rt/$v/RT_Config.html#$option->{Help}";\n</%init>\n'
    assert codes_at({"usr/share/dten/html/Admin/Elements/Option": mason}, ENDPOINT) == []
    helper = "self.config.set('trac', 'base_url', 'http://example.org/trac.cgi')\n"
    assert codes_at({"dten/test.py": helper}, ENDPOINT) == []
    licence = "Licensed under the Apache License, Version 2.0\n    http://www.apache.org/licenses/\n"
    assert codes_at({"share/dten/templates/responsive/Bootstrap_License": licence}, ENDPOINT) == []
    # near misses: the same URL without the built fragment; a module not named for tests; a file not named a licence
    assert codes_at({"usr/share/dten/html/Admin/Elements/Option": mason.replace("#$option->{Help}", "")}, ENDPOINT) == [
        2
    ]
    assert codes_at({"dten/testing_tools.py": helper}, ENDPOINT) == [1]
    assert codes_at({"share/dten/templates/responsive/Bootstrap_Mirror": licence}, ENDPOINT) == [2]


def test_an_option_that_switches_a_password_off_holds_none() -> None:
    postinst = script("adduser --quiet --system --home /etc/dten \\", "    --ingroup nogroup --disabled-password dten")
    assert codes_at({"postinst": postinst}, CREDENTIAL) == []
    # near miss: an option that takes the password
    assert codes_at({"scripts/upgrade.sh": script("dten-cli --admin-password dten4dmin")}, CREDENTIAL) == [3]


def test_oauth_consent_pages_translated_messages_and_published_keys_name_no_request() -> None:
    code = (
        "auth_url = ('https://getpocket.com/auth/authorize'\n"
        "            '?request_token=%s&redirect_uri=%s' % (code, uri))\n"
        "addButton('link', _('Link: [http://www.vendor-cloud.io/ Example]'))\n"
        "auth_url = 'https://getpocket.com/auth/authorize?request_token='\\\n"
        "    '%s&redirect_uri=%s' % (code, redirect_uri)\n"
    )
    assert codes_at({"dten/vendor/pocket/pocket.py": code}, ENDPOINT) == []
    key = (
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n"
        "Comment: https://www.dten-tracker.org/docs/security.html\n\n"
        "mQINBGBOVqMBEAC7\n-----END PGP PUBLIC KEY BLOCK-----\n"
    )
    assert codes_at({"tools/dten.public.pgp.key": key}, ENDPOINT) == []
    # near misses: the token exchange a server posts to (Pocket's is named authorize); an untranslated message;
    # the same URL as a setting
    token = "url = 'https://getpocket.com/v3/oauth/authorize'\n"
    assert codes_at({"dten/vendor/pocket/pocket.py": token}, ENDPOINT) == [1]
    assert codes_at({"dten/toolbar.py": "addButton('link', 'http://www.vendor-cloud.io/')\n"}, ENDPOINT) == [1]
    assert codes_at({"etc/dten/dten.conf": "security_url = https://www.dten-tracker.org/docs/\n"}, ENDPOINT) == [1]


def test_a_php_script_named_sh_is_not_shell_and_a_rake_task_is_ruby() -> None:
    php = '#!/usr/bin/env php\n<?php\necho "Update by running `php composer.phar update --no-dev`\\n";\n'
    assert codes_at({"usr/share/dten/bin/update.sh": php}, "preflight.implicit_egress") == []
    rake = "namespace :redmine do\n  task :migrate do\n    @@trac_db_password = password\n  end\nend\n"
    assert codes_at({"lib/tasks/migrate_from_trac.rake": rake}, CREDENTIAL) == []
    # near misses: a shell script named .sh runs its backquoted command; a literal in a rake task is read
    sh = php.replace("#!/usr/bin/env php\n<?php\n", "#!/bin/sh\n")
    assert codes_at({"usr/share/dten/bin/update.sh": sh}, "preflight.implicit_egress") != []
    assert codes_at({"lib/tasks/migrate.rake": rake.replace("= password", "= 'Tr0ub4dor-3'")}, CREDENTIAL) == [3]


def test_a_url_php_matches_a_string_against_is_a_pattern() -> None:
    php = "<?php\nif (isset($repo['url']) && strpos($repo['url'], 'git://git.vendor-cloud.io') === 0) {\n}\n"
    assert codes_at({"usr/share/dten/bin/update.php": php}, ENDPOINT) == []
    # near miss: the same URL given to a call that fetches it
    fetched = php.replace("strpos($repo['url'], ", "file_get_contents(")
    assert codes_at({"usr/share/dten/bin/update.php": fetched}, ENDPOINT) == [2]


def test_link_entries_globs_and_oembed_provider_pages_are_not_requested() -> None:
    code = "intertracs.setdefault('trac', {'title': _('The Dten Project'), 'url': 'https://dten.vendor-cloud.io'})\n"
    assert codes_at({"dten/wiki/intertrac.py": code}, ENDPOINT) == []
    oembed = (
        '[{\n  "provider_name": "YouTube",\n  "provider_url": "http://www.youtube.com/",\n'
        '  "endpoints": [{\n    "schemes": ["https://youtube.com/shorts/*"],\n'
        '    "url": "https://www.youtube.com/oembed"\n  }]\n}]\n'
    )
    assert codes_at({"dten/res/providers.json": oembed}, ENDPOINT) == [6]  # the oEmbed endpoint is requested
    # near misses: a dict naming a server and its URL is read
    server = "SERVERS = [{'name': 'primary', 'url': 'https://dten.vendor-cloud.io'}]\n"
    assert codes_at({"dten/wiki/intertrac.py": server}, ENDPOINT) == [1]


def test_text_templates_and_generator_skeletons_are_for_people_and_developers() -> None:
    text = "See https://support.vendor-cloud.io/en-us/help/137890/how-to-create-a-user-defined-service\n"
    assert codes_at({"dten/cfg/windows-service.txt.template": text}, ENDPOINT) == []
    erb = (
        "Redmine::Plugin.register :<%= plugin_name %> do\n  url 'http://plugins.vendor-cloud.io/path/to/plugin'\nend\n"
    )
    assert codes_at({"usr/share/dten/lib/generators/dten_plugin/templates/init.rb.erb": erb}, ENDPOINT) == []
    # near misses: a configuration template, and a template the product renders at run time
    conf = "upstream_url = https://support.vendor-cloud.io/api\n"
    assert codes_at({"dten/cfg/service.conf.template": conf}, ENDPOINT) == [1]
    assert codes_at({"usr/share/dten/app/views/plugins/init.rb.erb": erb}, ENDPOINT) == [2]
