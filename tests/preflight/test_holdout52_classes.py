"""Classes the fifty-second hold-out set showed (tests/preflight/holdout52: installers and container entrypoints
picked at random), each as its minimal construct next to a near-miss that must stay reported."""

from __future__ import annotations

from preflight_kit import in_script

EGRESS = "preflight.implicit_egress"


# -- A: apk add of a package file on disk contacts no repository for that file ----------------------------------------


def test_a_apk_add_of_a_downloaded_package_file_is_not_a_registry_contact() -> None:
    assert in_script(EGRESS, 'apk add --allow-untrusted "$TMP/app_1.0_linux_amd64.apk"') == []
    assert in_script(EGRESS, "apk add /tmp/app.apk") == []


def test_a_near_miss_apk_add_of_a_package_name_still_reaches_the_repositories() -> None:
    assert in_script(EGRESS, "apk add curl") == [3]
    assert in_script(EGRESS, "apk add /tmp/app.apk curl") == [3]  # a name beside the file is looked up
    assert in_script(EGRESS, "apk add app.apk") == [3]  # no path: could be a package named so (as apt's rule)
