"""Classes the 265th hold-out set showed (tests/preflight/holdout265: configuration files shipped by self-hosted
products), each as its minimal construct next to near-misses."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: the address password mails are sent from, named ``…-from`` ---------------------------------------------------


def test_b_sender_address_of_password_mails_is_no_password() -> None:
    settings = _text(
        "# Password reset",  # 1
        "retro-game.password-reset-mail-from=no-reply@localhost",  # 2: the address the mails come from
        "app.password_reset.from=accounts@shop.test",  # 3
        "PASSWORD_RESET_EMAIL_FROM=noreply@shop.test",  # 4
    )
    assert codes_at({"config/application.properties.example": settings}, CREDENTIAL) == []


def test_b_passwords_beside_the_sender_stay_read() -> None:
    settings = _text(
        "retro-game.password-reset-mail-from=no-reply@localhost",  # 1: quiet
        "spring.mail.password=Mailpass42",  # 2: the relay's password
        "retro-game.password-reset-mail-password=Reset99x",  # 3: a password named for the same feature
        "PASSWORDFROM=hunter22x",  # 4: no separator before ``from``: one word, read
    )
    assert codes_at({"config/application.properties.example": settings}, CREDENTIAL) == [2, 3, 4]
