"""Round twenty-three of the whole packages (tests/preflight/packages/README.md, "Round twenty-three"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep
its result)."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def test_an_xml_name_in_clark_notation_is_no_secret() -> None:
    # WsgiDAV's ``dav_error.py``: RFC 4918's precondition codes, ``{DAV:}`` names under ``…LockToken`` constants
    source = (
        'PRECONDITION_CODE_MissingLockToken = "{DAV:}lock-token-submitted"\n'
        'AUTH_TOKEN_ELEMENT = "{http://example.org/ns/}session-token"\n'
    )
    assert codes_at({"davserver/errors.py": source}, CREDENTIAL) == []


def test_a_braced_value_that_is_no_clark_name_stays_a_secret() -> None:
    # no namespace URI in the braces (no ``:``), or a path after them: a value, not an element's name
    source = 'SESSION_TOKEN = "{DAV}k8Hq2Zp9Xw4Lm7"\nDB_PASSWORD = "{DAV:}k8Hq2Zp9/Xw4Lm7"\n'
    assert codes_at({"davserver/settings.py": source}, CREDENTIAL) == [1, 2]


def test_a_labelled_setting_with_no_value_holds_no_password() -> None:
    # pyLoad's ``core/config/default.cfg``: ``type name : "Label" = value``; the proxy password is empty, and its
    # label ``"Password"`` was read as the value
    config = 'proxy - "Proxy":\n    str username : "Username" =\n    password password : "Password" =\n'
    assert codes_at({"app/config/default.cfg": config}, CREDENTIAL) == []


def test_a_labelled_setting_with_a_value_keeps_it() -> None:
    # the same form with a password after the ``=`` is that password
    config = (
        'proxy - "Proxy":\n'
        '    str username : "Username" = relay\n'
        '    password password : "Password" = Tr0ub4dor77\n'
    )
    assert codes_at({"app/config/default.cfg": config}, CREDENTIAL) == [3]


ENDPOINT = "preflight.external_endpoint"

# a hoster plugin: a log message names where to get a token tool; the account check requests the service's API
_PLUGIN = (
    "class HosterAccount(Account):\n"  # 1
    "    def grab_info(self, user, password, data):\n"  # 2
    '        reply = self.load("https://api.filehost-example.com/v4/user", get={"apikey": password})\n'  # 3
    "        if not reply:\n"  # 4
    "            self.log_error(\n"  # 5
    "                self._(\n"  # 6
    '                    "The password should be the API token: https://github.com/acme/tokentool/releases"\n'  # 7
    "                )\n"  # 8
    "            )\n"  # 9
    '        self.post_error("https://errors.filehost-example.com/report", reply)\n'  # 10
)


def test_a_url_in_a_log_method_message_is_text() -> None:
    # pyLoad's ``plugins/accounts/AlldebridCom.py:93``: ``self.log_error(self._("… https://github.com/…"))``; the
    # plugin's request (line 3) and a call that only ends in ``_error`` (line 10) stay requests
    assert codes_at({"app/plugins/accounts/HosterAccount.py": _PLUGIN}, ENDPOINT) == [3, 10]


def test_a_log_method_named_otherwise_keeps_its_urls() -> None:
    # ``log_upload`` is no level: what it is given may be sent
    source = 'def push(self):\n    self.log_upload("https://collector.vendor-example.com/v1/logs")\n'
    assert codes_at({"app/plugins/uploader.py": source}, ENDPOINT) == [2]


_CATEGORIES = (
    "my %paramCategories =\n"  # 1
    "    (\n"  # 2
    "     'snmp-host'          => 'SNMP',\n"  # 3
    "     'snmp-port'          => 'SNMP',\n"  # 4
    "     'snmp-community'     => 'SNMP',\n"  # 5
    "     'snmp-username'      => 'SNMP',\n"  # 6
    "     'snmp-authpassword'  => 'SNMP',\n"  # 7
    "     'snmp-privpassword'  => 'SNMP',\n"  # 8
    "     'snmp-version'       => 'SNMP',\n"  # 9
    "     );\n"  # 10
)


def test_a_table_of_categories_holds_no_password() -> None:
    # Torrus' ``Collector/SNMP_Params.pm``: every parameter name filed under the category ``'SNMP'``
    assert codes_at({"lib/Collector/Params.pm": _CATEGORIES}, CREDENTIAL) == []


def test_a_password_shared_with_a_few_settings_stays_one() -> None:
    # a connection whose user, password and database share one word: a weak password, not a table's category
    source = (
        "%connections = ('Default' => {\n"
        "    'dsn'      => 'DBI:mysql:database=monitor',\n"
        "    'username' => 'monitor',\n"
        "    'password' => 'monitor',\n"
        "    'database' => 'monitor',\n"
        "});\n"
    )
    assert codes_at({"lib/conf_defaults/config.pl": source}, CREDENTIAL) == [4]
