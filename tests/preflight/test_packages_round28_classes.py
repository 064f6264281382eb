"""Round twenty-eight of the whole packages (tests/preflight/packages/README.md, "Round twenty-eight"): each class
fixed, with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

TLS_OFF = "preflight.tls_verification_disabled"
ENDPOINT = "preflight.external_endpoint"

_SP_SETUP = (
    "#!/usr/bin/python\n"  # 1
    "\n"  # 2
    "sp1_a = {'hostname': '${ADDRESS}',\n"  # 3
    "         'openidc': 'yes',\n"  # 4
    "         'openidc_skip_ssl_validation': 'yes',\n"  # 5
    "         'httpd_user': '${TEST_USER}'}\n"  # 6
)


def test_a_test_suites_setup_that_skips_tls_validation_is_test_data() -> None:
    # Ipsilon's tests/openidc.py: the service provider a test installs, read as settings
    assert (TLS_OFF, 5) not in findings({"tests/openidc.py": _SP_SETUP})


def test_the_same_setup_in_the_product_still_switches_the_check_off() -> None:
    assert (TLS_OFF, 5) in findings({"app/openidc.py": _SP_SETUP})
