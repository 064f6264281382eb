"""Round thirteen of the whole packages (tests/preflight/packages/README.md, "Round thirteen"): each class fixed, with
a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
INDEX = "preflight.index_not_concurrent"
_NUMBERED = (
    "from wallets.db import Connection\n"  # 1
    "\n"  # 2
    "async def m001_initial(db: Connection):\n"  # 3
    '    await db.execute("CREATE TABLE IF NOT EXISTS payments (id TEXT PRIMARY KEY, amount INT)")\n'  # 4
    "\n"  # 5
    "async def m002_add_memo(db: Connection):\n"  # 6
    '    await db.execute("ALTER TABLE payments ADD COLUMN memo TEXT")\n'  # 7
    "    for column in ('amount', 'memo'):\n"  # 8
    '        await db.execute(f"CREATE INDEX IF NOT EXISTS idx_{column} ON payments ({column})")\n'  # 9
    "\n"  # 10
    "async def m003_create_audit(db: Connection):\n"  # 11
    '    await db.execute("CREATE TABLE IF NOT EXISTS audit (id TEXT, at TIMESTAMP)")\n'  # 12
    '    await db.execute("CREATE INDEX IF NOT EXISTS idx_audit_at ON audit (at)")\n'  # 13
)


def test_numbered_migration_functions_are_steps_run_one_at_a_time() -> None:
    # m002 alters and indexes a table m001 created: live by then; m003 indexes the table it creates itself
    got = findings({"wallets/core/migrations.py": _NUMBERED})
    assert sorted(got) == sorted([(UNLOCKED, 7), (INDEX, 9)])


def test_numbered_functions_outside_a_migrations_module_or_alone_are_not_migrations() -> None:
    # near miss: the same functions in a module of queries, and a migrations module with one numbered function
    assert findings({"wallets/core/crud.py": _NUMBERED}) == []
    single = _NUMBERED.split("async def m002", maxsplit=1)[0]
    assert findings({"wallets/core/migrations.py": single}) == []


ENDPOINT = "preflight.external_endpoint"
_SITES = ("wikipedia.org", "wiktionary.org", "php.net", "python.org", "ietf.org", "man.cx", "amazon.com",
          "google.com", "paypal.com", "dokuwiki.org")


def test_a_link_map_of_templates_a_name_completes_names_no_host() -> None:
    # a wiki's interwiki shortcuts: links the wiki writes into pages, followed by the reader's browser
    shortcuts = "".join(f"s{k}    https://www.{site}/wiki/{{NAME}}\n" for k, site in enumerate(_SITES))
    assert findings({"etc/wiki/interwiki.conf": "# shortcuts\n" + shortcuts + "tel   tel:{NAME}\n"}) == []


def test_a_list_of_named_feeds_is_still_read() -> None:
    # near miss: the same shape with whole URLs (feeds a reader polls), and a link map of fewer than ten URLs
    feeds = "".join(f"s{k}    https://www.{site}/feed.xml\n" for k, site in enumerate(_SITES))
    assert len([f for f in findings({"etc/reader/feeds.conf": feeds}) if f[0] == ENDPOINT]) == len(_SITES)
    few = "".join(f"s{k}    https://www.{site}/wiki/{{NAME}}\n" for k, site in enumerate(_SITES[:9]))
    assert len([f for f in findings({"etc/wiki/interwiki.conf": few}) if f[0] == ENDPOINT]) == 9


_CHECKOUT = (
    "from pydantic import BaseSettings, Field\n"  # 1
    "\n"  # 2
    "class ShopSettings(BaseSettings):\n"  # 3
    '    shop_payment_success_url: str = Field(default="https://shop.vendor.io")\n'  # 4
    '    shop_payment_webhook_url: str = Field(default="https://your-shop-domain-here.com/api/callback")\n'  # 5
    '    shop_api_endpoint: str = Field(default="https://api.payments.io")\n'  # 6
    "\n"  # 7
    "def checkout(opts, settings):\n"  # 8
    "    success_url = (\n"  # 9
    "        opts.success_url\n"  # 10
    "        or settings.shop_payment_success_url\n"  # 11
    '        or "https://vendor.io"\n'  # 12
    "    )\n"  # 13
    '    return {"cancel_url": success_url, "setup_order_redirect_url": (opts.url or "https://vendor.io/done")}\n'  # 14
)


def test_where_a_payment_flow_sends_the_browser_and_a_placeholder_phrase_host_are_not_contacted() -> None:
    # success/cancel/redirect URLs are handed to the provider for the customer's browser; the webhook default is a
    # placeholder for the operator's own domain; the provider's API stays a host the product requests
    assert findings({"shop/settings.py": _CHECKOUT}) == [(ENDPOINT, 6)]


def test_a_fallback_url_under_another_name_and_a_phrase_with_no_generic_word_are_still_read() -> None:
    # near miss: an API address given the same way, and a hyphenated host of a filler and a product's name
    code = _CHECKOUT.replace("success_url = (", "api_url = (").replace("your-shop-domain-here.com", "my-shop.com")
    assert {(ENDPOINT, 5), (ENDPOINT, 6), (ENDPOINT, 12)} <= set(findings({"shop/settings.py": code}))


REWRITE = "preflight.migration_rewrites_table"
_TIMEZONE = (
    "from alembic import op\n"  # 1
    "import sqlalchemy as sa\n"  # 2
    "import forum.utils.database\n"  # 3
    "\n"  # 4
    'revision = "d9530a529b3f"\n'  # 5
    'down_revision = "221d918aa9f0"\n'  # 6
    "\n"  # 7
    "def upgrade():\n"  # 8
    '    with op.batch_alter_table("users") as batch_op:\n'  # 9
    "        batch_op.alter_column(\n"  # 10
    '            "date_joined",\n'  # 11
    "            existing_type=sa.DateTime(timezone=False),\n"  # 12
    "            type_=forum.utils.database.UTCDateTime(timezone=True),\n"  # 13
    "        )\n"  # 14
)


def test_a_change_to_timestamp_with_time_zone_through_a_decorated_type_is_a_rewrite() -> None:
    # ``UTCDateTime`` decorates ``DateTime``; with ``timezone=True`` it is timestamptz, not binary-coercible
    got = findings({"forum/migrations/201606210939_d9530a529b3f_timezones.py": _TIMEZONE})
    assert sorted(got) == sorted([(UNLOCKED, 10), (REWRITE, 10)])


def test_a_change_to_text_is_still_read_as_a_possible_widening() -> None:
    # near miss: the same revision changing the column to ``sa.Text()`` (no rewrite when the old type is varchar)
    text = _TIMEZONE.replace("forum.utils.database.UTCDateTime(timezone=True)", "sa.Text()")
    got = findings({"forum/migrations/201606210939_d9530a529b3f_timezones.py": text})
    assert sorted(got) == [(UNLOCKED, 10)]


_FLAKE = (
    "{\n"  # 1
    '  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.05";\n'  # 2
    "  outputs = { self, nixpkgs }: {\n"  # 3
    "    overrides = final: prev: {\n"  # 4
    "      src = prev.fetchurl {\n"  # 5
    '        url = "https://files.pythonhosted.org/packages/a2/92/wallycore-1.4.0.tar.gz";\n'  # 6
    '        hash = "sha256-4J2dUu2ljvQv4+4TEGfZxuXFp4Gxg6Gkp2eVc9UxsX8=";\n'  # 7
    "      };\n"  # 8
    "    };\n"  # 9
    "  };\n"  # 10
    "}\n"  # 11
)


def test_a_nix_flake_is_a_build_recipe_whose_urls_nix_fetches_against_hashes() -> None:
    assert findings({"flake.nix": _FLAKE}) == []


def test_the_same_url_setting_in_another_nix_file_is_still_read() -> None:
    # near miss: a NixOS module or any other .nix file is configuration, not the recipe
    assert (ENDPOINT, 6) in findings({"nix/modules/service.nix": _FLAKE})


EGRESS = "preflight.implicit_egress"
UNVERIFIED = "preflight.unverified_download_exec"
_UV_IMAGE = (
    "FROM python:3.12-slim\n"  # 1
    "WORKDIR /app\n"  # 2
    "COPY . .\n"  # 3
    "RUN uv sync --all-extras\n"  # 4
    'CMD ["uv", "--offline", "run", "--no-sync", "app"]\n'  # 5
)
_UV_INSTALL = (
    "#!/bin/sh\n"  # 1
    "set -e\n"  # 2
    'git clone https://github.com/acme/wallet.git "$HOME/wallet"\n'  # 3
    'cd "$HOME/wallet"\n'  # 4
    "uv sync --python 3.12 --no-dev\n"  # 5
)


def test_uv_sync_reaches_pypi_and_builds_the_project_it_runs_in() -> None:
    assert (EGRESS, 4) in findings({"Dockerfile": _UV_IMAGE})
    got = findings({"install.sh": _UV_INSTALL})
    assert (EGRESS, 5) in got and (UNVERIFIED, 5) in got


def test_uv_offline_and_its_run_of_an_installed_project_reach_nothing() -> None:
    # near miss: ``--offline`` reads the cache only; ``uv run`` is no fetch (the image's CMD)
    offline = _UV_IMAGE.replace("uv sync --all-extras", "uv sync --offline --all-extras")
    assert [f for f in findings({"Dockerfile": offline}) if f[0] == EGRESS] == []


SUDO = "preflight.sudo_unavailable"
CREDENTIAL = "preflight.hardcoded_credential"
_REGTEST_COMPOSE = (
    "services:\n"  # 1
    "  postgres:\n"  # 2
    "    image: postgres:16\n"  # 3
    "    environment:\n"  # 4
    "      - POSTGRES_PASSWORD=boltz\n"  # 5
)
_REGTEST_SCRIPT = (
    "#!/bin/sh\n"  # 1
    "docker compose up -d --remove-orphans\n"  # 2
    "sudo rm -rf ./data/lnd-1 ./data/lnd-2\n"  # 3
)


def test_a_regtest_folder_is_the_test_suites_environment() -> None:
    files = {"docker/regtest/docker-compose.yml": _REGTEST_COMPOSE, "docker/regtest/docker-scripts.sh": _REGTEST_SCRIPT}
    assert findings(files) == []


def test_the_same_stack_in_a_deployment_folder_is_still_read() -> None:
    # near miss: a production stack and its start script
    files = {"docker/prod/docker-compose.yml": _REGTEST_COMPOSE, "docker/prod/docker-scripts.sh": _REGTEST_SCRIPT}
    got = findings(files)
    assert (CREDENTIAL, 5) in got and (SUDO, 3) in got


_VUE = (
    "<template>\n"  # 1
    "  <login-form\n"  # 2
    '    v-model:password_1="password"\n'  # 3
    '    v-model:password_2="passwordRepeat"\n'  # 4
    '  ></login-form>\n'  # 5
    "</template>\n"  # 6
)


def test_a_vue_directive_binds_an_expression_not_a_password() -> None:
    assert findings({"app/templates/pages/home.vue": _VUE}) == []


def test_a_plain_password_attribute_in_the_same_template_is_still_a_credential() -> None:
    # near miss: the attribute without the directive is a literal the page carries
    plain = _VUE.replace('v-model:password_1="password"', 'password_1="Tr0ub4dor&3x"')
    assert (CREDENTIAL, 3) in findings({"app/templates/pages/home.vue": plain})


_FIELDS = (
    "from pydantic import BaseSettings, Field\n"  # 1
    "\n"  # 2
    "class FundingSettings(BaseSettings):\n"  # 3
    '    fake_wallet_secret: str = Field(default="ToTheMoon1")\n'  # 4
    '    funding_source: str = Field(default="ToTheMoon1")\n'  # 5
    '    api_secret: str | None = Field(default=None)\n'  # 6
)


def test_a_settings_fields_literal_default_under_a_secret_name_is_a_credential() -> None:
    assert findings({"wallets/settings.py": _FIELDS}) == [(CREDENTIAL, 4)]


def test_a_fields_call_with_no_literal_default_holds_no_secret() -> None:
    # near miss: a computed default (``default_factory``) gives nothing to read
    literal = 'secret: str = Field(default="ToTheMoon1")'
    computed = _FIELDS.replace(literal, "secret: str = Field(default_factory=token_hex)")
    assert findings({"wallets/settings.py": computed}) == []
