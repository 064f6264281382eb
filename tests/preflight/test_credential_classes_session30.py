"""Classes of ``preflight.hardcoded_credential`` the hold-out guard showed in session 30, each as its minimal
construct next to near-misses: what must stay reported and what must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

from shipgate.preflight.secrets import allowed, placeholder

HARDCODED = "preflight.hardcoded_credential"


def _env(*lines: str) -> dict[str, str | bytes]:
    return {"config/app.env": "".join(f"{line}\n" for line in lines)}


# -- A: text naming the kind of value to put there (a random string; "change me" as two words) ------------------------


@pytest.mark.parametrize(
    "value",
    [
        "random_string",
        "RANDOM-TEXT",
        "SomeRandomStringOf32CharsExactly",
        "SomeRandomStringWith32Characters",
        "CHANGE_ME",
        "change-me",
        "string:CHANGE_ME",
    ],
)
def test_a_a_description_of_the_value_is_no_secret(value: str) -> None:
    assert allowed(value, name="SECRET_KEY")
    assert placeholder(value)
    assert codes_at(_env("APP_NAME=shop", f"SECRET_KEY={value}"), HARDCODED) == []


@pytest.mark.parametrize("value", ["changeme", "CHANGEME", "random42", "randomness", "Tr0ub4dor&3"])
def test_a_near_misses_a_word_run_together_or_a_real_value_is_still_reported(value: str) -> None:
    assert not allowed(value, name="DB_PASSWORD")
    assert codes_at(_env("APP_NAME=shop", f"DB_PASSWORD={value}"), HARDCODED) == [2]


def test_a_a_random_key_description_as_a_fallback_is_the_key_run_with() -> None:
    # BookStack's entrypoint: whenever APP_KEY is unset, every install signs with the described string itself
    script = (
        "#!/bin/sh\ncat > .env <<EOF\nAPP_ENV=production\nAPP_KEY=${APP_KEY:-SomeRandomStringWith32Characters}\nEOF\n"
    )
    assert codes_at({"scripts/upgrade.sh": script}, "preflight.default_credential") == [4]
    quiet = '#!/bin/sh\ncat > .env <<EOF\nAPP_ENV=production\nAPP_KEY=${APP_KEY:-your-app-key}\nEOF\n'
    assert codes_at({"scripts/upgrade.sh": quiet}, "preflight.default_credential") == []


# -- B: a sed -i replacement that writes a variable is filled in at run time, not a literal at the sed ----------------


def test_b_a_sed_replacement_of_a_variable_with_a_known_fallback_is_reported_at_the_fallback() -> None:
    # SSH-Accounting-Panel: the fallback is the default_credential; the sed that writes the variable is no second one
    files = {
        "scripts/upgrade.sh": "#!/bin/sh\nread password\ndb_password=${password:=Adm1nPa55}\n"
        'sed -i "s/DB_PASSWORD=.*/DB_PASSWORD=${db_password}/" .env\n'
    }
    assert codes_at(files, HARDCODED) == []
    assert codes_at(files, "preflight.default_credential") == [3]


def test_b_near_miss_a_literal_sed_replacement_is_still_reported() -> None:
    files = {"scripts/upgrade.sh": "#!/bin/sh\nsed -i 's/DB_PASSWORD=.*/DB_PASSWORD=Adm1nPa55/' .env\n"}
    assert codes_at(files, HARDCODED) == [2]


def test_a_near_miss_change_me_inside_a_longer_value_is_still_reported() -> None:
    # clab-api-server's ``a_very_secret_key_change_me_please`` is the key every install signs with (holdout177)
    assert codes_at(_env("JWT_SECRET=a_very_secret_key_change_me_please"), HARDCODED) == [1]
