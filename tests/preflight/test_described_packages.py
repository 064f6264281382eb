"""A JSON file that describes a package (a theme's theme.json): its page URLs are mentions (lifecycle)."""

from __future__ import annotations

import json

from preflight_kit import codes_at

CODE = "preflight.external_endpoint"


def _json(**top: object) -> str:
    return json.dumps(top, indent=4) + "\n"


def test_a_themes_page_is_a_mention() -> None:
    text = _json(name="Bootstrap", version="5.2", description="a theme", url="https://www.phpmyadmin.net/")
    assert codes_at({"usr/share/app/themes/bootstrap/theme.json": text}, CODE) == []


def test_a_settings_file_with_a_name_and_version_keeps_its_endpoint() -> None:
    text = _json(name="collector", version="1", url="https://ingest.acme.io/v1")  # nothing describes a package
    assert codes_at({"etc/app/collector.json": text}, CODE) == [4]
