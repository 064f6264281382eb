"""Classes found by probing the readers with constructs every installer uses (not from a hold-out set): each as its
minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import in_script

TLS = "preflight.tls_verification_disabled"


# -- git told to skip certificate checks for good: ``git config [--global] http.sslVerify false`` --------------


@pytest.mark.parametrize(
    "line",
    [
        "git config --global http.sslVerify false",
        "git config http.sslVerify false",
        "sudo git config --system http.sslverify no",
        "git config --global http.https://git.corp.org/.sslVerify 0",
        "git -c http.sslVerify=false clone https://git.corp.org/a.git",
    ],
)
def test_git_told_to_skip_certificate_checks(line: str) -> None:
    assert in_script(TLS, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "git config --global http.sslVerify true",
        "git config --global --unset http.sslVerify",
        "git config --get http.sslVerify",
        "git config --global http.sslCAInfo /etc/ssl/corp.pem",
        'echo "git config --global http.sslVerify false"',
    ],
)
def test_git_certificate_settings_near_misses(line: str) -> None:
    assert in_script(TLS, line) == []
