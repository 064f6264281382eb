"""Classes the hundred-and-fifty-sixth hold-out set showed (tests/preflight/holdout156: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: ``to_fill`` says what is still to be done to the value, as ``change-this`` does --------------------------


def test_a_an_instruction_to_fill_the_value_in_is_not_a_credential() -> None:
    text = _text(
        "AWS_ACCESS_KEY_ID=to_fill",
        "AWS_SECRET_ACCESS_KEY=to_fill",
        "GITHUB_CLIENT_SECRET=to-be-filled",
        "GOOGLE_CLIENT_SECRET=fill_in",
        "SMTP_PASSWORD=TO_BE_SET",
    )
    assert codes_at({"example.env": text}, CREDENTIAL) == []


def test_a_words_that_only_start_like_the_instruction_stay_credentials() -> None:
    text = _text(
        "AWS_SECRET_ACCESS_KEY=tofu-Rk2vX9qLm4",
        "GITHUB_CLIENT_SECRET=fill42",
        "SMTP_PASSWORD=to_fill_2024",
    )
    assert codes_at({"example.env": text}, CREDENTIAL) == [1, 2, 3]


# -- H: ``secret`` under a web framework's own signing setting not named ``…KEY`` (``FLASK_SECRET``) --------------


def test_h_secret_under_a_frameworks_signing_setting_is_a_credential() -> None:
    text = _text("FLASK_SECRET=secret", "APP_SECRET=secret", "RAILS_SECRET=secret")
    assert codes_at({"example.env": text}, CREDENTIAL) == [1, 2, 3]


def test_h_secret_under_another_secret_name_stays_quiet() -> None:
    text = _text("CLIENT_SECRET=secret", "SECRETS_MOUNT=secret", "FLASK_SECRET_FILE=secret")
    assert codes_at({"example.env": text}, CREDENTIAL) == []


# -- C: an example login whose user is ``example`` and whose password is ``example_password`` ---------------------


def test_c_an_example_login_spelled_with_the_word_example_is_neither_endpoint_nor_credential() -> None:
    text = _text(
        "EMAIL_HOST_USER=example",
        "EMAIL_HOST_PASSWORD=example_password",
        "EMAIL_HOST=smtp.example.com",
        "EMAIL_PORT=465",
    )
    assert codes_at({"TEMPLATE.env": text}, ENDPOINT) == []
    assert codes_at({"TEMPLATE.env": text}, CREDENTIAL) == []


def test_c_a_real_user_or_password_beside_an_example_host_stays_reported() -> None:
    text = _text(
        "EMAIL_HOST_USER=example",
        "EMAIL_HOST_PASSWORD=examplepass!",
        "EMAIL_HOST=smtp.example.com",
    )
    assert codes_at({"TEMPLATE.env": text}, ENDPOINT) == [3]
    real_user = _text(
        "EMAIL_HOST_USER=noreply",
        "EMAIL_HOST_PASSWORD=example_password",
        "EMAIL_HOST=smtp.example.com",
    )
    assert codes_at({"TEMPLATE.env": real_user}, ENDPOINT) == [3]


# -- G: a YAML block ``keys:`` that maps each API key's id to its secret -----------------------------------------


def test_g_the_secrets_of_a_keys_map_are_credentials() -> None:
    text = _text(
        "port: 7880",
        "# API key / secret pairs.",
        "keys:",
        "  key1: secret1",
        "  APIdev7Qx: Zr8vK2mWq",
        "logging:",
        "  level: info",
    )
    assert codes_at({"config-sample.yaml": text}, CREDENTIAL) == [4, 5]


def test_g_a_keys_block_of_settings_or_placeholders_stays_quiet() -> None:
    settings = _text(
        "keys:",
        "  rotation: 30d",
        "  algorithm:",
        "    name: rs256",
        "  size: 2048",
    )
    assert codes_at({"config.yaml": settings}, CREDENTIAL) == []
    placeholders = _text("api_keys:", "  mykey: <api_secret>", "  other: your-secret-here")
    assert codes_at({"config.yaml": placeholders}, CREDENTIAL) == []
    public = _text("ssh_keys:", "  deploy: ssh-ed25519")
    assert codes_at({"config.yaml": public}, CREDENTIAL) == []


# -- F: the Azure Storage emulator's published key --------------------------------------------------------------

_EMULATOR = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
_OTHER = "Qm9vZ2llV29vZ2llMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6QUJDREVGR0hJSktMTU5PUFFSUw=="


def _connection(key: str) -> str:
    return _text(
        "{",
        '  "Azure": {',
        f'    "ConnectionString": "DefaultEndpointsProtocol=https;AccountName=shopmedia;AccountKey={key};"',
        "  }",
        "}",
    )


def test_f_the_storage_emulators_published_key_is_not_a_credential() -> None:
    assert codes_at({"src/Web/appsettings.json": _connection(_EMULATOR)}, CREDENTIAL) == []


def test_f_another_azure_storage_key_stays_a_credential() -> None:
    assert codes_at({"src/Web/appsettings.json": _connection(_OTHER)}, CREDENTIAL) == [3]


# -- E: a URL whose query is written HTML-escaped (``&amp;``) in a file that is not markup: a page's link -----------


def test_e_an_html_escaped_url_outside_markup_is_a_mention() -> None:
    text = _text("{", '  "Google": {', '    "MapsUrl": "https://maps.google.com/maps?hl={0}&amp;q={1}"', "  }", "}")
    assert codes_at({"src/Web/appsettings.json": text}, ENDPOINT) == []
    env = _text("STATS_PIXEL=https://stats.vendor.io/p.php?idsite=1&amp;rec=1")
    assert codes_at({"app.env": env}, ENDPOINT) == []


def test_e_a_plain_query_or_the_same_url_in_xml_stays_contacted() -> None:
    text = _text("{", '  "Google": {', '    "GeocodeUrl": "https://maps.vendor.io/api?hl={0}&q={1}"', "  }", "}")
    assert codes_at({"src/Web/appsettings.json": text}, ENDPOINT) == [3]
    xml = _text("<settings>", "  <geocodeUrl>https://maps.vendor.io/api?hl=en&amp;q=x</geocodeUrl>", "</settings>")
    assert codes_at({"conf/settings.xml": xml}, ENDPOINT) == [2]
