"""Classes of mistakes the hundred-and-twenty-fourth hold-out set found (tests/preflight/holdout124: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

ENDPOINT = "preflight.external_endpoint"

# -- A: git's scp-like ssh address names the host a clone connects to ------------------------------------------------


def test_a_scp_like_clone_address_is_an_endpoint() -> None:
    assert in_script(ENDPOINT, "git clone git@github.com:owner/homeserver.git") == [3]
    assert in_script(ENDPOINT, "git fetch deploy@git.example.org:team/app.git main") == [3]


def test_a_near_misses_a_local_path_with_a_colon() -> None:
    # a slash before the first colon makes it a path for git; a bare word with no host shape is no host
    assert in_script(ENDPOINT, "git clone ./mirror:old/app.git") == []
    assert in_script(ENDPOINT, "git clone backup:app.git") == []
    assert in_script(ENDPOINT, "cp git@github.com:owner/app.git /tmp/x") == []
    # ``remote set-url`` records the address; the fetch that uses it is the contact
    assert in_script(ENDPOINT, 'git remote set-url origin "git@github.com:owner/app.git"') == []
