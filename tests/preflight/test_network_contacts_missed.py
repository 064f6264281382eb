"""Classes of network contacts the hold-out sets still missed (`implicit_egress`, `external_endpoint`), each with
its near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

_COMPOSE = ('compose() { docker compose -f "${COMPOSE_FILE}" "$@"; }',)


def test_a_wrappers_fetch_is_reported_at_the_call_that_names_the_verb() -> None:
    # the body (3) pulls nothing by itself: ``compose pull`` (4) makes it pull
    assert in_script("preflight.implicit_egress", *_COMPOSE, "compose pull", "compose up -d") == [4]
    # near-miss: a call that fetches nothing (``ps``, ``logs``) is no egress anywhere
    assert in_script("preflight.implicit_egress", *_COMPOSE, "compose ps", "compose logs app") == []


def test_a_wrapper_of_a_wrapper_is_reported_at_the_outer_call() -> None:
    occ = ('occ() { compose exec -T app php occ "$@"; }',)
    lines = (*_COMPOSE, *occ, "compose pull", "occ app:install richdocuments")
    assert in_script("preflight.implicit_egress", *lines) == [5, 6]


def test_a_body_that_names_its_own_verb_stays_at_its_line() -> None:
    # near-miss: the call only names the packages; the body's ``install`` decides, so the body's line is kept
    body = ('apt_install() { apt-get install -y "$@"; }', "apt_install curl jq")
    assert in_script("preflight.implicit_egress", *body) == [3]
