"""Round twelve of the whole packages (tests/preflight/packages/README.md, "Round twelve"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITE = "preflight.migration_rewrites_table"
INDEX = "preflight.index_not_concurrent"
UNCHECKED = "preflight.migration_unchecked"
_STEP = (
    "from . import upgrade_table\n"  # 1
    "\n"  # 2
    '@upgrade_table.register(description="Track delivery receipts")\n'  # 3
    "async def upgrade_v7(conn, scheme):\n"  # 4
    '    await conn.execute("ALTER TABLE relay ADD COLUMN receipt_id TEXT")\n'  # 5
    '    if scheme != "sqlite":\n'  # 6
    '        await conn.execute("ALTER TABLE relay ALTER COLUMN room SET NOT NULL")\n'  # 7
    "    else:\n"  # 8
    '        await conn.execute("DROP TABLE relay_old")\n'  # 9
    "    await conn.execute(\n"  # 10
    '        """\n'  # 11
    "        CREATE INDEX relay_room_idx ON relay(room)\n"  # 12
    '        """\n'  # 13
    "    )\n"  # 14
    "    await _widen(conn)\n"  # 15
    "\n"  # 16
    "async def _widen(conn):\n"  # 17
    "    for column in ('room', 'sender'):\n"  # 18
    "        await conn.execute(f'ALTER TABLE relay ALTER COLUMN {column} TYPE TEXT')\n"  # 19
)


def test_registered_upgrade_steps_are_read_as_migrations_in_postgresqls_branch() -> None:
    got = findings({"relaybot/db/upgrade/v07_receipts.py": _STEP})
    assert sorted(got) == sorted([(UNLOCKED, 5), (UNLOCKED, 7), (REWRITE, 7), (INDEX, 10), (UNLOCKED, 19)])


def test_the_same_module_without_registered_steps_or_outside_an_upgrade_folder_is_not_a_migration() -> None:
    # near miss: a module that only runs queries, and the same steps kept beside the program's code
    plain = _STEP.replace('@upgrade_table.register(description="Track delivery receipts")\n', "\n")
    assert findings({"relaybot/db/upgrade/v07_receipts.py": plain}) == []
    assert findings({"relaybot/db/receipts.py": _STEP}) == []


ENDPOINT = "preflight.external_endpoint"
_LINKS = (
    "import subprocess\n"  # 1
    "\n"  # 2
    "def describe(user):\n"  # 3
    '    return f"[@{user.username}](https://t.me/{user.username})"\n'  # 4
    "\n"  # 5
    'revision = subprocess.check_output(["git", "rev-parse", "HEAD"]).decode()\n'  # 6
    'git_revision_url = f"https://github.com/acme/relaybot/commit/{revision}"\n'  # 7
    "linkified_version = '[0.15.3](https://github.com/acme/relaybot/releases/tag/v0.15.3)'\n"  # 8
)


def test_a_markdown_links_target_and_a_code_hosts_commit_or_tag_page_are_links_shown() -> None:
    assert findings({"relaybot/version.py": _LINKS}) == []


def test_a_request_of_the_same_hosts_and_a_release_asset_are_still_contacts() -> None:
    # near miss: the same hosts requested, and a code host's download of a release asset
    fetch = (
        "import urllib.request\n"  # 1
        "\n"  # 2
        "def profile(name):\n"  # 3
        '    return urllib.request.urlopen(f"https://t.me/{name}").read()\n'  # 4
        "\n"  # 5
        'ASSET_URL = "https://github.com/acme/relaybot/releases/download/v1/emoji.json"\n'  # 6
        "\n"  # 7
        "def emoji():\n"  # 8
        "    return urllib.request.urlopen(ASSET_URL).read()\n"  # 9
    )
    assert sorted(findings({"relaybot/fetch.py": fetch})) == [(ENDPOINT, 4), (ENDPOINT, 6)]


_CLI = "import argparse\np = argparse.ArgumentParser()\n"


def test_a_packaged_files_pkg_url_names_a_module_not_a_host() -> None:
    cli = _CLI + 'p.add_argument("-b", default="pkg://relaybot.standalone/example-config.yaml")\n'
    assert findings({"relaybot/standalone/__main__.py": cli}) == []


def test_the_same_default_over_http_is_still_a_contact() -> None:
    # near miss: the same default fetched from a host
    cli = _CLI + 'p.add_argument("-b", default="https://cfg.relaybot-cloud.io/example-config.yaml")\n'
    assert findings({"relaybot/standalone/__main__.py": cli}) == [(ENDPOINT, 3)]


CREDENTIAL = "preflight.hardcoded_credential"


def test_a_namespaced_key_made_of_its_names_words_is_a_name() -> None:
    code = 'LINK_PREVIEWS_KEY = "com.relaybot.linkpreviews"\nRELAY_IMAGE_ENCRYPTION_KEY = "relay:image:encryption"\n'
    assert findings({"relaybot/convert.py": code}) == []


def test_a_namespaced_value_with_other_words_is_still_a_secret() -> None:
    # near miss: words the name does not hold
    code = 'RELAY_IMAGE_ENCRYPTION_KEY = "blue:horse:battery:staple"\n'
    assert findings({"relaybot/convert.py": code}) == [(CREDENTIAL, 1)]


_JOINED = (
    "from . import upgrade_table\n"  # 1
    "\n"  # 2
    "async def drop_constraints(conn, table):\n"  # 3
    '    names = [r["conname"] for r in await conn.fetch("SELECT conname FROM pg_constraint")]\n'  # 4
    '    drops = ", ".join(f"DROP CONSTRAINT {name}" for name in names)\n'  # 5
    '    await conn.execute(f"ALTER TABLE {table} {drops}")\n'  # 6
    "\n"  # 7
    '@upgrade_table.register(description="Rebuild the foreign keys")\n'  # 8
    "async def upgrade_v2(conn):\n"  # 9
    '    await drop_constraints(conn, "relay")\n'  # 10
)


def test_a_field_holding_joined_clauses_is_read_as_one_of_them() -> None:
    assert findings({"relaybot/db/upgrade/v02_keys.py": _JOINED}) == [(UNLOCKED, 6)]


def test_a_field_holding_anything_else_stays_a_name() -> None:
    # near miss: the clause list comes from elsewhere, so the statement is not read (unchecked, as before)
    other = _JOINED.replace('", ".join(f"DROP CONSTRAINT {name}" for name in names)', "render(names)")
    assert findings({"relaybot/db/upgrade/v02_keys.py": other}) == [(UNCHECKED, 6)]
