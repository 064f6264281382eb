"""Classes the hundred-and-seventy-sixth hold-out set showed (tests/preflight/holdout176: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: ``some_`` before the field's whole name is a fill-in, as ``your_password`` is ----------------------------------


def test_b_some_and_the_fields_name_is_a_fill_in() -> None:
    text = _text("auth:", "  type: password", "  password: some_password")
    assert codes_at({"app/server.example.yaml": text}, CREDENTIAL) == []


def test_b_some_and_a_shortened_or_numbered_word_stays_a_password() -> None:
    text = _text("db:", "  password: some-pass", "other:", "  password: some_password2")
    assert codes_at({"config.yaml": text}, CREDENTIAL) == [2, 4]


# -- C: placeholder words under .com/.net/.org are no host -------------------------------------------------------------


def test_c_a_placeholder_site_under_a_common_tld_is_not_contacted() -> None:
    text = _text("masquerade:", "  type: proxy", "  proxy:", "    url: https://some.site.net", "    rewriteHost: true")
    assert codes_at({"server.example.yaml": text}, ENDPOINT) == []


def test_c_a_vendor_name_after_the_filler_stays_a_host() -> None:
    text = _text("masquerade:", "  proxy:", "    url: https://some.vendor.net")
    assert codes_at({"server.example.yaml": text}, ENDPOINT) == [3]


# -- D: a bare HOST_URL is the product's own address -----------------------------------------------------------------


def test_d_a_bare_host_url_is_the_products_own_address() -> None:
    text = _text("HOST_URL: 'http://psono.acme-corp.io'")
    assert codes_at({"configs/settings.yaml": text}, ENDPOINT) == []


def test_d_a_service_prefixed_host_url_stays_contacted() -> None:
    text = _text("HOST_URL: 'http://psono.acme-corp.io'", "ES_HOST_URL: 'http://search.acme-corp.io'")
    assert codes_at({"configs/settings.yaml": text}, ENDPOINT) == [2]


# -- F: a coturn static account ``user=NAME:PASSWORD`` -----------------------------------------------------------------


def test_f_a_coturn_static_account_is_a_credential() -> None:
    text = _text("# static accounts", "user=turn:turn_999", "", "listening-port=2222", "listening-ip=0.0.0.0")
    assert codes_at({"turnserver.conf": text}, CREDENTIAL) == [2]


def test_f_a_coturn_option_marks_a_conf_of_another_name() -> None:
    text = _text("listening-port=3478", "lt-cred-mech", "realm=acme", "user=alice:0x7e5d1b2c9f0a4e3b8c6d2f1a0b9e8d7c")
    assert codes_at({"coturn/relay.conf": text}, CREDENTIAL) == [4]


def test_f_a_user_and_group_outside_coturn_stays_quiet() -> None:
    assert codes_at({"app/worker.conf": _text("[program:x]", "user=deploy:deploy")}, CREDENTIAL) == []
    assert codes_at({"turnserver.conf": _text("#user=bob:bobpass", "listening-port=3478")}, CREDENTIAL) == []


# -- G: a password digest whose password is written in its comment ----------------------------------------------------

_DOGOOD = "6478579e37aff45f013e14eeb30b3cc56c72ccdc310123bcdf53e0333e3f416a"  # SHA-256 of "dogood"


def test_g_a_digest_whose_comment_word_hashes_to_it_is_a_known_password() -> None:
    text = _text("[[users]]", '  name = "hackers"', f'  passsha256 = "{_DOGOOD}" # dogood')
    assert codes_at({"sample-simple.cfg": text}, CREDENTIAL) == [3]


def test_g_a_digest_beside_a_comment_that_is_not_its_password_stays_quiet() -> None:
    other = _DOGOOD[:-1] + "b"
    text = _text("[[users]]", f'  passsha256 = "{other}" # dogood', f'  checksum = "{_DOGOOD}" # release v2')
    assert codes_at({"sample-simple.cfg": text}, CREDENTIAL) == []
    assert codes_at({"sample-simple.cfg": _text(f'# passsha256 = "{_DOGOOD}" # dogood')}, CREDENTIAL) == []


# -- H: a bcrypt salt's ``$`` are separators, not references -----------------------------------------------------------


def test_h_a_bcrypt_salt_under_a_secret_name_is_a_literal() -> None:
    text = _text("EMAIL_SECRET_SALT: '$2b$12$XUG.sKxC2jmkUvWQjg53.e'")
    assert codes_at({"configs/mainconfig/settings.yaml": text}, CREDENTIAL) == [1]


def test_h_a_whole_bcrypt_hash_and_a_dollar_name_stay_quiet() -> None:
    digest = "$2a$04$0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"
    text = _text(f"OPER_PASSWORD: '{digest}'", "OTHER_SECRET: '$DB_SECRET_VALUE'")
    assert codes_at({"configs/settings.yaml": text}, CREDENTIAL) == []
