"""Classes of the small codes' false findings and misses in the hold-out guard (session 33, second pass): each as its
minimal construct next to near-misses that must stay as they were."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

PRINTED = "preflight.secret_printed"
TLS = "preflight.tls_verification_disabled"
CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a ten-character prefix of a token printed as a mask (hold-out set 138) ----------------------------------------


def test_a_a_prefix_of_up_to_ten_characters_is_a_mask() -> None:
    assert in_script(PRINTED, 'echo "    Token: ${TOKEN:0:10}..."') == []
    assert in_script(PRINTED, 'echo "key ${API_KEY:0:9}…"', 'echo "tail ${API_KEY: -10}"') == []


def test_a_near_misses_a_longer_piece_or_the_whole_token_stay_reported() -> None:
    assert in_script(PRINTED, 'echo "    Token: ${TOKEN:0:11}..."') == [3]
    assert in_script(PRINTED, 'echo "token: ${TOKEN:0:10}... full: ${TOKEN}"') == [3]
    assert in_script(PRINTED, 'echo "token: ${TOKEN:3}"') == [3]


# -- B: a compose file in a project's ``compose/`` folder, also under a documentation folder (hold-out set 63) ---------

_KAFKA = _text(
    "services:",
    "  ui:",
    "    image: provectuslabs/kafka-ui:latest",
    "    environment:",
    "      KAFKA_CLUSTERS_0_PROPERTIES_SSL_KEYSTORE_PASSWORD: s3cr3tStore",
    "      KAFKA_CLUSTERS_0_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: '' # no host-name check",
)


def test_b_a_yaml_file_in_a_compose_folder_is_read_as_the_compose_file_it_is() -> None:
    assert codes_at({"documentation/compose/kafka-ssl.yml": _KAFKA}, TLS) == [6]
    assert codes_at({"documentation/compose/kafka-ssl.yml": _KAFKA}, CREDENTIAL) == [5]
    assert codes_at({"deploy/compose/kafka.yaml": _KAFKA}, TLS) == [6]


def test_b_near_misses_a_yaml_page_of_the_documentation_or_a_folder_only_named_like_compose_stay_unread() -> None:
    assert codes_at({"documentation/examples/kafka-ssl.yml": _KAFKA}, TLS) == []
    assert codes_at({"docs/compose-guide/kafka-ssl.yml": _KAFKA}, TLS) == []
    assert codes_at({"documentation/compose/kafka-ssl.md": _KAFKA}, TLS) == []
