"""Classes the two-hundredth hold-out set showed (tests/preflight/holdout200: configuration files shipped by
self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a configuration value that is a sentence pointing at documentation is text -------------------------------------


def test_a_a_url_after_words_in_a_json_value_is_not_contacted() -> None:
    text = _text(
        "{",
        '  "ldap": {',
        '    "tokenSecret": "change this",',
        '    "tlsOptions": {',
        '      "changeme": "See https://docs.vendor.io/api/tls.html#tls_connect_options"',
        "    }",
        "  }",
        "}",
    )
    assert codes_at({"config.json.example": text}, ENDPOINT) == []


def test_a_a_quoted_sentence_in_yaml_is_not_contacted_either() -> None:
    text = _text("tls:", '  note_for_admins: "Read more at https://docs.vendor.io/tls"')
    assert codes_at({"config.yml": text}, ENDPOINT) == []


def test_a_a_url_as_the_whole_value_stays_contacted() -> None:
    text = _text(
        "{",
        '  "ldap": {',
        '    "url": "ldaps://ldap.vendor.io",',
        '    "mirror": "https://mirror.vendor.io/feed"',
        "  }",
        "}",
    )
    assert codes_at({"config.json": text}, ENDPOINT) == [3, 4]


def test_a_a_command_in_a_value_stays_contacted() -> None:
    # a command's words end with no word that introduces a link: the host is one the command reaches
    text = _text('{"post_install": "curl -fsSL https://get.vendor.io/agent.sh"}')
    assert codes_at({"settings.json": text}, ENDPOINT) == [1]
