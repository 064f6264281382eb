"""Round twenty-six of the whole packages (tests/preflight/packages/README.md, "Round twenty-six"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"

_YP_MAKEFILE = (
    "YPPWDDIR = /etc\n"  # 1
    "\n"  # 2
    "all:  passwd group hosts\n"  # 3
    "\n"  # 4
    "passwd.adjunct:\tpasswd.adjunct.byname\n"  # 5
    "shadow:\t   \tshadow.byname\n"  # 6
    "\n"  # 7
    "passwd.adjunct.byname: $(ADJUNCT) $(YPDIR)/Makefile\n"  # 8
    '\t@echo "Updating $@..."\n'  # 9
)


def test_a_make_rule_named_for_a_password_file_is_no_assignment() -> None:
    # ypserv's var_yp_Makefile: a target and the map it is made from
    assert codes_at({"usr/share/yp/templates/var_yp_Makefile": _YP_MAKEFILE}, CREDENTIAL) == []


def test_the_same_rule_in_a_makefile_is_no_assignment_either() -> None:
    assert codes_at({"var/yp/Makefile": _YP_MAKEFILE}, CREDENTIAL) == []


def test_a_makefile_variable_given_a_password_stays_a_credential() -> None:
    # near miss: a variable definition is an assignment, in a Makefile as anywhere
    makefile = "DB_PASSWORD = Xk3vQ9mLr2\nall:  passwd group\n"
    assert codes_at({"var/yp/Makefile": makefile}, CREDENTIAL) == [1]


def test_the_same_line_outside_a_makefile_stays_a_credential() -> None:
    # near miss: ``passwd.adjunct: x`` in a settings file is a key given a value
    settings = "passwd.adjunct: Xk3vQ9mLr2\n"
    assert codes_at({"etc/app/settings.yaml": settings}, CREDENTIAL) == [1]


_CHANNEL = (
    "from urllib.parse import unquote\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def parse_channel_id(channel_id):\n"  # 4
    '    prefix = "https://teams.microsoft.com/l/channel/"\n'  # 5
    "    if channel_id.startswith(prefix):\n"  # 6
    '        return unquote(channel_id.replace(prefix, "").split("/")[0])\n'  # 7
    "    return channel_id\n"  # 8
)


def test_a_local_url_only_matched_against_is_a_pattern() -> None:
    # opsdroid's Teams connector: the start of a pasted channel link, compared and cut off
    assert codes_at({"bot/connector/teams.py": _CHANNEL}, ENDPOINT) == []


def test_a_local_url_also_requested_stays_an_address() -> None:
    # near miss: one use as a request's address keeps the host contacted
    requested = _CHANNEL.replace("    return channel_id\n", "    return requests.get(prefix + channel_id)\n")
    assert codes_at({"bot/connector/teams.py": "import requests\n" + requested}, ENDPOINT) == [6]


def test_a_local_url_handed_over_as_the_replacement_stays_an_address() -> None:
    # near miss: the URL as ``replace``'s second argument is what the text becomes, not the pattern
    given = _CHANNEL.replace('channel_id.replace(prefix, "")', 'channel_id.replace("x", prefix)')
    assert codes_at({"bot/connector/teams.py": given}, ENDPOINT) == [5]


_REGISTRY = (
    "def includeme(config):\n"  # 1
    "    settings = config.get_settings()\n"  # 2
    '    if "pypi.fallback_base_url" in settings:\n'  # 3
    '        config.registry.fallback_base_url = settings["pypi.fallback_base_url"]\n'  # 4
    "    else:\n"  # 5
    '        config.registry.fallback_base_url = "https://pypi.org"\n'  # 6
)


def test_a_fallback_base_url_is_the_upstream_the_product_requests() -> None:
    # pypicloud: the default upstream index its locator requests and redirects to
    assert codes_at({"index/__init__.py": _REGISTRY}, ENDPOINT) == [6]


def test_an_upstream_base_url_in_configuration_is_requested_too() -> None:
    assert codes_at({"etc/index/server.ini": "[app]\nupstream_base_url = https://pypi.org\n"}, ENDPOINT) == [2]


def test_the_products_own_base_url_stays_its_name() -> None:
    # near miss: a plain ``base_url`` is the product's own address
    own = _REGISTRY.replace("fallback_base_url", "base_url")
    assert codes_at({"index/__init__.py": own}, ENDPOINT) == []
