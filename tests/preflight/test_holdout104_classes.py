"""Classes the 104th hold-out set showed (tests/preflight/holdout104: vendor maintainer scripts, nfpm scriptlets
and RPM spec scriptlets), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

BITS = "preflight.privileged_binary"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an RPM %files entry's %caps(...) gives the file capabilities, as setcap does --------------------------------

CAPS = _text(
    "Name: vendor",  # 1
    "%description",  # 2
    "x",  # 3
    "%files",  # 4
    "%caps(cap_net_bind_service,cap_setgid+p) /opt/vendor/bin/vendor",  # 5
    "%attr(0750,root,vendor) %caps(cap_net_raw=ep) %{_bindir}/vendor-ping",  # 6
    "/opt/vendor/bin/vendor-check",  # 7
)


def test_a_caps_on_a_files_entry_is_reported() -> None:
    assert codes_at({"vendor.spec": CAPS}, BITS) == [5, 6]


def test_a_near_miss_caps_that_clear_or_stand_outside_a_file_list_stay_quiet() -> None:
    quiet = _text(
        "Name: vendor",  # 1
        "%description",  # 2
        "%caps(cap_net_raw+ep) /usr/bin/described",  # 3: description text, not a file list
        "%files",  # 4
        "%caps(cap_net_raw=) /opt/vendor/bin/vendor",  # 5: an empty set clears
        "%dir %caps(cap_net_raw+ep) /opt/vendor/run/",  # 6: a directory
        "%changelog",  # 7
        "%caps(cap_setgid+ep) /opt/vendor/bin/vendor",  # 8: changelog text
    )
    assert codes_at({"vendor.spec": quiet}, BITS) == []


# -- B: PHP's PEAR/PECL installer reaches its channel's server -------------------------------------------------------

ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"

PEAR = _text(
    "#!/bin/sh",  # 1
    "set -e",  # 2
    "pear channel-discover pear.vendor-tools.example.org || true",  # 3: the channel's host, named
    "pear install vendor/vendor-tool-2.4.2 || true",  # 4: from the channel's server
    "pecl install redis",  # 5: from pecl.php.net
    "pear update-channels",  # 6
)


def test_b_pear_channel_discover_contacts_the_host_it_names() -> None:
    assert codes_at({"debian/postinst": PEAR}, ENDPOINT) == [3]


def test_b_pear_and_pecl_installs_reach_the_channel_server() -> None:
    assert codes_at({"debian/postinst": PEAR}, EGRESS) == [4, 5, 6]


def test_b_near_miss_pear_commands_that_stay_local_are_quiet() -> None:
    local = _text(
        "#!/bin/sh",  # 1
        "pear config-set php_dir /usr/share/php",  # 2
        "pear list",  # 3
        "pecl info redis",  # 4
        "pear channel-discover",  # 5: no channel named
        "echo 'pear channel-discover pear.vendor-tools.example.org'",  # 6: printed
    )
    files = {"debian/postinst": local}
    assert codes_at(files, ENDPOINT) == []
    assert codes_at(files, EGRESS) == []


# -- C: a variable given debconf's answer to a password question holds a secret --------------------------------------

PRINTED = "preflight.secret_printed"

DEBCONF_TRACE = _text(
    "#!/bin/sh",  # 1
    "set -e",  # 2
    ". /usr/share/debconf/confmodule",  # 3
    'if [ "$DPKG_DEBUG" = "developer" ]; then',  # 4
    "    set -x",  # 5
    "fi",  # 6
    "db_get vendor/stream-sourcepw",  # 7
    "SOURCE=$RET",  # 8: traced with the answer expanded
    'sed -i "s:<source>.*</source>:<source>$SOURCE</source>:" /etc/vendor/stream.xml',  # 9
)


def test_c_a_traced_assignment_of_a_password_answer_is_reported_once() -> None:
    assert codes_at({"debian/postinst": DEBCONF_TRACE}, PRINTED) == [5]  # at its set -x (session 30)


def test_c_an_echo_of_a_password_answer_is_reported() -> None:
    echoed = _text(
        "#!/bin/sh",  # 1
        ". /usr/share/debconf/confmodule",  # 2
        "db_get vendor/admin-password",  # 3
        "ADMIN=$RET",  # 4
        'echo "admin: $ADMIN"',  # 5
    )
    assert codes_at({"debian/postinst": echoed}, PRINTED) == [5]


def test_c_near_miss_answers_to_other_questions_stay_quiet() -> None:
    quiet = _text(
        "#!/bin/sh",  # 1
        ". /usr/share/debconf/confmodule",  # 2
        "set -x",  # 3
        "db_get vendor/stream-hostname",  # 4
        "HOST=$RET",  # 5: a host name
        "db_get vendor/proxy-bypass",  # 6
        "BYPASS=$RET",  # 7: not a password question
        "db_get vendor/admin-password",  # 8
        "db_get vendor/admin-name",  # 9: the answer RET holds now
        "NAME=$RET",  # 10
        'echo "$HOST $BYPASS $NAME"',  # 11
    )
    assert codes_at({"debian/postinst": quiet}, PRINTED) == []
