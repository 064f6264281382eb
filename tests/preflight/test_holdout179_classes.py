"""Classes of mistakes the hundred-and-seventy-ninth hold-out set found (tests/preflight/holdout179: install-time
hooks of package managers — two npm postinstall downloaders, two extconf.rb files, a setup.py and the module it
calls, a Hatchling build hook, a Cargo build script, a Composer script handler), each as its minimal construct next
to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

TLS = "preflight.tls_verification_disabled"


# -- A: Python's ssl module default context swapped for the unverified one ------------------------------------------

_SWAP = (
    "import ssl\n"
    "import urllib.request\n\n\n"
    "def download_files(urls):\n"
    "    for url in urls:\n"
    "        ssl._create_default_https_context = ssl._create_unverified_context\n"
    "        urllib.request.urlopen(url).read()\n"
)


def test_a_the_ssl_default_context_swapped_for_the_unverified_one_is_reported() -> None:
    assert codes_at({"dtenbot/model/_download.py": _SWAP}, TLS) == [7]
    imported = "from ssl import _create_unverified_context\nimport ssl\n"
    imported += "ssl._create_default_https_context = _create_unverified_context\n"
    assert codes_at({"dtenbot/net.py": imported}, TLS) == [3]


def test_a_near_miss_a_context_of_its_own_or_the_default_kept_stays_quiet() -> None:
    own = (
        "import ssl\nimport urllib.request\n\n"
        "ctx = ssl._create_unverified_context()\n"  # a context handed to one call, not the process default
        "restore = ssl._create_default_https_context\n"  # the default read, not replaced
        "ssl._create_default_https_context = ssl.create_default_context\n"  # a verifying default
    )
    assert codes_at({"dtenbot/net.py": own}, TLS) == []
    # a test of the product is not the product
    assert codes_at({"dtenbot/tests/test_download.py": _SWAP}, TLS) == []

