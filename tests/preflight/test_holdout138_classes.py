"""Classes of mistakes the hundred-and-thirty-eighth hold-out set found (tests/preflight/holdout138: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

PRIVILEGE = "preflight.implicit_privilege"

# -- A: chattr's immutable and append-only attributes need root, whoever owns the file -------------------------------


def test_a_chattr_immutable_is_root_only() -> None:
    assert in_script(PRIVILEGE, "chattr -i /etc/zivpn/api_auth.key") == [3]
    assert in_script(PRIVILEGE, 'chattr +i "$HOME/.config/app/key"') == [3]
    assert in_script(PRIVILEGE, "chattr -R =ai logs/") == [3]


def test_a_near_misses_other_attributes_and_listing() -> None:
    # compression and extent attributes are the owner's to change; lsattr only reads; -R/-V/-f are options
    assert in_script(PRIVILEGE, 'chattr +c "$HOME/data"') == []
    assert in_script(PRIVILEGE, "chattr -R -V +d build/") == []
    assert in_script(PRIVILEGE, "lsattr -a /srv/app") == []
