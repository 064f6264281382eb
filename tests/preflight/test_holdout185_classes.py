"""Classes found by hold-out set 185 (upgrade, backup/restore and maintenance scripts of self-hosted products, fourth
long sample): a URL word whose host comes from a quoted expansion (``https://"${domain}"``) reported a second host
with the quote in it, and Drizzle Kit's ``push``/``migrate`` applying a schema to the live database."""

from __future__ import annotations

from preflight_kit import in_script, package, run, script

ENDPOINT = "preflight.external_endpoint"
MIGRATION = "preflight.hidden_migration"


def _hosts(*lines: str) -> list[tuple[int | None, str]]:
    found = run(package({"check.sh": script(*lines)}))
    return [(f.evidence.get("line"), f.message.split("'")[1]) for f in found if f.code == ENDPOINT]


def test_a_host_from_a_quoted_expansion_in_a_url_word_is_reported_once_without_the_quote() -> None:
    hosts = _hosts("domain='example.org'", 'curl -sI https://"${domain}" | head -2')
    assert hosts == [(4, "example.org")]


def test_the_host_of_a_branch_alternative_in_a_quoted_expansion_has_no_quote() -> None:
    # the other literal a variable may hold is read through the same word
    hosts = _hosts(
        'if [ "$1" = beta ]; then site=beta.example.org; else site=example.org; fi',
        'curl -fsS https://"$site"/health',
    )
    assert sorted(h for _, h in hosts) == ["beta.example.org", "example.org"]


def test_a_wholly_quoted_url_word_reads_as_before() -> None:
    # near miss: the quotes around the whole word were stripped before the fix too
    assert _hosts("domain='example.org'", 'curl -sI "https://${domain}/x"') == [(4, "example.org")]


def _migrations(*lines: str) -> list[int | None]:
    return in_script(MIGRATION, *lines)


def test_drizzle_kit_push_through_npx_is_a_hidden_migration() -> None:
    assert _migrations("cd /opt/panel", "npm install", "npx drizzle-kit push --force") == [5]


def test_drizzle_kit_migrate_is_a_hidden_migration() -> None:
    assert _migrations("cd /opt/panel", "npx drizzle-kit migrate") == [4]


def test_drizzle_kit_generate_and_check_stay_quiet() -> None:
    # near miss: writing migration files or checking them touches no database
    assert _migrations("cd /opt/panel", "npx drizzle-kit generate", "npx drizzle-kit check") == []
