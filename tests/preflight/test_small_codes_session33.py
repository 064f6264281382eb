"""Classes of the small codes' false findings and misses in the hold-out guard (session 33, second pass): each as its
minimal construct next to near-misses that must stay as they were."""

from __future__ import annotations

from preflight_kit import in_script

PRINTED = "preflight.secret_printed"


# -- A: a ten-character prefix of a token printed as a mask (hold-out set 138) ----------------------------------------


def test_a_a_prefix_of_up_to_ten_characters_is_a_mask() -> None:
    assert in_script(PRINTED, 'echo "    Token: ${TOKEN:0:10}..."') == []
    assert in_script(PRINTED, 'echo "key ${API_KEY:0:9}…"', 'echo "tail ${API_KEY: -10}"') == []


def test_a_near_misses_a_longer_piece_or_the_whole_token_stay_reported() -> None:
    assert in_script(PRINTED, 'echo "    Token: ${TOKEN:0:11}..."') == [3]
    assert in_script(PRINTED, 'echo "token: ${TOKEN:0:10}... full: ${TOKEN}"') == [3]
    assert in_script(PRINTED, 'echo "token: ${TOKEN:3}"') == [3]
