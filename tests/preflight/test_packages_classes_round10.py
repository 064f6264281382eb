"""Round ten of the whole packages (tests/preflight/packages/README.md, "Round ten"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"


def test_a_form_fields_placeholder_url_is_shown_not_requested() -> None:
    form = (
        "class ClientForm(Form):\n"  # 1
        '    client_uri = URLField(render_kw={"placeholder": "https://client.dten.io/oauth/callback"})\n'  # 2
        '    logo_uri = URLField(placeholder="https://client.dten.io/logo.png")\n'  # 3
    )
    assert codes_at({"dten/oidc/forms.py": form}, ENDPOINT) == []


def test_a_url_beside_a_placeholder_is_still_requested() -> None:
    # near miss: the form's own setting is a host the product fetches
    form = (
        "class ClientForm(Form):\n"  # 1
        '    logo_uri = URLField(placeholder="https://client.dten.io/logo.png")\n'  # 2
        '    JWKS_URL = "https://keys.dten-cloud.io/jwks.json"\n'  # 3
    )
    assert codes_at({"dten/oidc/forms.py": form}, ENDPOINT) == [3]
