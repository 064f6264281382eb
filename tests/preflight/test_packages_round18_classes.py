"""Round eighteen of the whole packages (tests/preflight/packages/README.md, "Round eighteen"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"
ROOT = "preflight.root_assumed"

_MESSAGES = (
    "[\n"  # 1
    '    {"weight": 0.1, "doc": {"ttl": 3600, "body": {"Result": [\n'  # 2
    '        {"Title": "potato jpg",\n'  # 3
    '         "Url": "http://www.news-portal.net/uploads/images/potato.jpg"}\n'  # 4
    "    ]}}}\n"  # 5
    "]\n"  # 6
)


def test_a_benchmarks_message_bodies_are_data() -> None:
    # zaqar's ``etc/zaqar-benchmark-messages.json``: bodies its load generator posts to queues, nothing fetched
    assert (ENDPOINT, 4) not in findings({"etc/queue-benchmark-messages.json": _MESSAGES})


def test_the_same_records_in_the_products_configuration_are_read() -> None:
    # near miss: the same JSON under a name that is not a benchmark's stays configuration the product reads
    assert (ENDPOINT, 4) in findings({"etc/queue-messages.json": _MESSAGES})


_PKG_INFO = "Metadata-Version: 2.1\nName: queue-service\nVersion: 1.0\n"
_SAMPLE_CLIENT = (
    "from queueclient import client\n"  # 1
    "conf = {'auth_opts': {'options': {\n"  # 2
    "    'os_auth_token': '8444886dd9b04a1b87ddb502b508261c',\n"  # 3
    "}}}\n"  # 4
    "queue = client.Client('http://localhost:8888', conf=conf).queue('SampleQueue')\n"  # 5
)


def test_an_sdists_samples_folder_is_examples() -> None:
    # zaqar's ``samples/python-zaqarclient/…``: sample clients for people to copy, as an sdist's ``examples/``
    files = {"PKG-INFO": _PKG_INFO, "samples/python-client/send_message/sample.py": _SAMPLE_CLIENT}
    assert (CREDENTIAL, 3) not in findings(files)


def test_the_same_token_in_the_products_package_is_reported() -> None:
    # near miss: the same literal token in a module of the product itself
    files = {"PKG-INFO": _PKG_INFO, "queue_service/client_setup.py": _SAMPLE_CLIENT}
    assert (CREDENTIAL, 3) in findings(files)


def test_a_plugins_name_is_no_password() -> None:
    # zaqar's ``PASSWORD_PLUGIN = 'password'``: keystoneauth's password plugin, loaded by that name
    source = "from keystoneauth1 import loading\n\nPASSWORD_PLUGIN = 'password'\nGROUP = 'trustee'\n"
    assert (CREDENTIAL, 3) not in findings({"queue_service/common/auth.py": source})


def test_a_password_setting_with_a_weak_literal_is_reported() -> None:
    # near miss: a name for the password itself keeps its conventional value reported
    source = "from keystoneauth1 import loading\n\nSERVICE_PASSWORD = 'password'\nGROUP = 'trustee'\n"
    assert (CREDENTIAL, 3) in findings({"queue_service/common/auth.py": source})


def _adapter(comment: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'  # 1
        "<Adapter>\n"  # 2
        "\t<Inbound>\n"  # 3
        f"\t\t<!-- {comment} -->\n"  # 4
        "\t\t<Remote>\n"  # 5
        "\t\t\t<Address>1.2.3.4</Address>\n"  # 6
        "\t\t</Remote>\n"  # 7
        "\t\t<Remote>\n"  # 8
        "\t\t\t<Address>zone-primary.dns-vendor.net</Address>\n"  # 9
        "\t\t</Remote>\n"  # 10
        "\t</Inbound>\n"  # 11
        "</Adapter>\n"  # 12
    )


def test_an_element_a_comment_calls_an_example_is_no_peer() -> None:
    # OpenDNSSEC's ``addns.xml``: ``<!-- EXAMPLE: send request to 1.2.3.4 … -->`` before the ``<Remote>`` it shows
    found = findings({"etc/dnssigner/addns.xml": _adapter("EXAMPLE: send request to 1.2.3.4 on port 53")})
    assert (ENDPOINT, 6) not in found
    assert (ENDPOINT, 9) in found  # the next element, after the example's end tag, is a peer again


def test_an_element_a_comment_describes_is_a_peer() -> None:
    # near miss: a comment that says what the element is, not that it is an example
    found = findings({"etc/dnssigner/addns.xml": _adapter("Address of host to request XFR from")})
    assert (ENDPOINT, 6) in found


_CTL = (
    "#!/bin/sh\n"  # 1
    'CMD="/usr/bin/musicd --config /etc/musicd/musicd.conf $@"\n'  # 2
    "if [ $(id -u) -ne 0 ]; then\n"  # 3
    '    echo "$0 must be run as root" 1>&2\n'  # 4
    "    exit 2\n"  # 5
    "fi\n"  # 6
    'su -s /bin/sh -c "$CMD" -- musicd\n'  # 7
)
_PAGE = ".TH MUSICDCTL 8\n.SH NAME\nmusicdctl \\- run musicd commands as the musicd user\n"


def test_a_script_with_a_section_8_page_is_an_administrators_command() -> None:
    # Mopidy's ``extra/mopidyctl/mopidyctl`` beside ``mopidyctl.8``: run by the administrator, not by an install
    files = {"extra/musicdctl/musicdctl": _CTL, "extra/musicdctl/musicdctl.8": _PAGE}
    assert (ROOT, 3) not in findings(files)


def test_a_script_with_a_section_1_page_keeps_its_root_check() -> None:
    # near miss: a user's command (section 1) says nothing about who runs it; its uid check that exits stays
    files = {"extra/musicdctl/musicdctl": _CTL, "extra/musicdctl/musicdctl.1": _PAGE.replace(" 8\n", " 1\n")}
    assert (ROOT, 3) in findings(files)


def _repository(pin: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'  # 1
        "<Configuration>\n"  # 2
        '\t<Repository name="SoftHSM">\n'  # 3
        "\t\t<Module>/usr/lib/softhsm/libsofthsm2.so</Module>\n"  # 4
        f"\t\t<PIN>{pin}</PIN>\n"  # 5
        "\t</Repository>\n"  # 6
        "</Configuration>\n"  # 7
    )


def test_a_tokens_pin_is_a_credential() -> None:
    # OpenDNSSEC's ``conf.xml``: the PIN the signer opens the key store with
    assert (CREDENTIAL, 5) in findings({"etc/dnssigner/conf.xml": _repository("1234")})


def test_a_hardware_pins_number_is_no_credential() -> None:
    # near miss: a two-digit ``<pin>`` numbers a GPIO line, not a secret
    board = '<?xml version="1.0"?>\n<board>\n\t<led>\n\t\t<pin>17</pin>\n\t</led>\n</board>\n'
    assert (CREDENTIAL, 4) not in findings({"etc/boardd/board.xml": board})
