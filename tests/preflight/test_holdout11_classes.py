"""Classes of mistakes the eleventh hold-out set found (tests/preflight/holdout11: non-shell package files, fifth
round), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings

# -- A: backquotes in a SQL comment do not make a PostgreSQL file MySQL ----------------------------------------

_PRISMA = (
    "/*\n  Warnings:\n\n  - A unique constraint covering the columns `[teamId,slug]` on the table `EventType` will be"
    " added.\n\n*/\n-- CreateIndex\n"
    'CREATE UNIQUE INDEX "EventType_teamId_slug_key" ON "EventType"("teamId", "slug");\n'
)


def test_a_backquotes_in_a_comment_leave_the_file_postgresql() -> None:
    files = {"migrations/20220409_index/migration.sql": _PRISMA}
    assert findings(files) == [("preflight.index_not_concurrent", 8)]


def test_a_a_backquote_comment_after_a_line_is_text_too() -> None:
    sql = "-- adds `users`.`avatar`\nCREATE TABLE avatars (id bigint PRIMARY KEY);\n"
    assert findings({"migrations/0002_avatars.up.sql": sql}) == []


def test_a_backquoted_identifiers_outside_comments_are_still_mysql() -> None:
    sql = "/* adds a column */\nCREATE TABLE `avatars` (`id` bigint PRIMARY KEY);\n"
    assert codes_at({"migrations/0002_avatars.up.sql": sql}, "preflight.migration_unchecked") == [2]
    dump = "/*!40101 SET NAMES utf8 */;\nCREATE TABLE avatars (id bigint PRIMARY KEY);\n"
    assert codes_at({"migrations/0002_avatars.up.sql": dump}, "preflight.migration_unchecked") == [1]


# -- B: renaming an index does not lock its table --------------------------------------------------------------


def test_b_alter_index_rename_takes_no_table_lock() -> None:
    sql = 'ALTER INDEX "VerificationRequest.token_unique" RENAME TO "VerificationRequest_token_key";\n'
    assert findings({"migrations/0003_rename/migration.sql": sql}) == []


def test_b_renaming_a_table_or_a_column_still_locks_it() -> None:
    sql = "ALTER TABLE sessions RENAME TO user_sessions;\nALTER TABLE user_sessions RENAME COLUMN at TO seen_at;\n"
    assert codes_at({"migrations/0003_rename.up.sql": sql}, "preflight.migration_unlocked") == [1, 2]


# -- D: a setting about a key (its prefix, format, algorithm) is not the key ------------------------------------


def test_d_a_key_prefix_or_format_is_not_a_credential() -> None:
    env = "API_KEY_PREFIX=cal_\nTOKEN_FORMAT=opaque\nJWT_SIGNING_KEY_ALGORITHM=HS256\nSECRET_KEY_SCHEME=argon2\n"
    assert findings({".env.example": env}) == []


def test_d_the_key_itself_is_still_a_credential() -> None:
    env = "API_KEY='0cc0e6c35519bba620c9360cfe3e68d0'\nSIGNING_KEY=Zq8vK2pL9xW4rT7m\n"
    assert findings({".env.example": env}) == [
        ("preflight.hardcoded_credential", 1),
        ("preflight.hardcoded_credential", 2),
    ]


# -- C: hosts listed under a key naming servers, and a server_name given as a list item ------------------------


def test_c_a_servers_list_and_listed_server_names_are_contacted() -> None:
    dendrite = (
        "global:\n  server_name: chat.vendor.io\n  trusted_third_party_id_servers:\n    - matrix.org\n    - vector.im\n"
        "federation_api:\n  key_perspectives:\n    - server_name: matrix.org\n      keys: []\n"
    )
    assert findings({"etc/dendrite/dendrite.yaml": dendrite}) == [
        ("preflight.external_endpoint", 4),
        ("preflight.external_endpoint", 5),
        ("preflight.external_endpoint", 8),
    ]
    assert findings({"etc/vendor/agent.yaml": "ntp_servers: [pool.ntp.org, 10.0.0.1]\n"}) == [
        ("preflight.external_endpoint", 1)
    ]


def test_c_the_products_own_name_and_internal_servers_are_not() -> None:
    own = "global:\n  server_name: chat.vendor.io\nservers:\n  - localhost\n  - synapse\n  - 10.1.2.3\n"
    assert findings({"etc/dendrite/dendrite.yaml": own}) == []
    assert findings({"etc/vendor/agent.yaml": "trusted_hosts:\n  - mirror.vendor.io\n"}) == []


# -- E: a YAML mapping or an INI section its own enabled: false switches off is not contacted ------------------


def test_e_a_switched_off_mapping_or_section_is_not_contacted() -> None:
    yaml = "global:\n  report_stats:\n    enabled: false\n    endpoint: https://stats.vendor.io/push\n"
    assert findings({"etc/vendor/config.yaml": yaml}) == []
    ini = "[server]\nhttp_port = 3000\n\n[auth.github]\nenabled = false\napi_url = https://api.github.com/user\n"
    assert findings({"etc/grafana/grafana.ini": ini}) == []
    items = (  # the switched-off item only: the next item of the list is its own mapping
        "exporters:\n  - endpoint: https://a.vendor.io\n    enabled: false\n"
        "  - endpoint: https://b.vendor.io\n    enabled: true\n"
    )
    assert findings({"etc/vendor/config.yaml": items}) == [("preflight.external_endpoint", 4)]


def test_e_enabled_mappings_and_a_disabled_mappings_parent_are_still_contacted() -> None:
    on = "global:\n  report_stats:\n    enabled: true\n    endpoint: https://stats.vendor.io/push\n"
    assert findings({"etc/vendor/config.yaml": on}) == [("preflight.external_endpoint", 4)]
    parent = "database:\n  host: db.vendor.io\n  tls:\n    enabled: false\n    ca: /etc/ssl/ca.pem\n"
    assert findings({"etc/vendor/config.yaml": parent}) == [("preflight.external_endpoint", 2)]


# -- F: a URL in a trailing comment of a config line is text ---------------------------------------------------


def test_f_a_url_in_a_trailing_comment_is_not_contacted() -> None:
    yaml = 'dns_cache:\n  cache_lifetime: "5m" # 5 minutes; https://pkg.go.dev/time@master#ParseDuration\n'
    assert findings({"etc/vendor/config.yaml": yaml}) == []
    assert findings({"etc/vendor/vendor.env": "TIMEOUT=30 # see https://docs.vendor.io/timeouts\n"}) == []


def test_f_fragments_quoted_hashes_and_the_setting_before_a_comment_are_still_read() -> None:
    yaml = (
        "api: https://api.vendor.io/#/v1\n"
        'notify_url: "ops # https://hooks.vendor.io/alert"\n'
        "upstream_url: https://up.vendor.io # the mirror\n"
    )
    assert findings({"etc/vendor/config.yaml": yaml}) == [
        ("preflight.external_endpoint", 1),
        ("preflight.external_endpoint", 2),
        ("preflight.external_endpoint", 3),
    ]


# -- G: a service's Exec* lines are commands (found while looking for vendor files; not in the set) ------------


def test_g_a_unit_that_downloads_and_runs_a_binary_or_pipes_to_a_shell() -> None:
    unit = (
        "[Service]\nUser=agent\nExecStartPre=-/usr/bin/mkdir -p /opt/bin\n"
        "ExecStartPre=/usr/bin/wget -N -P /opt/bin https://dl.vendor.io/setup-env\n"
        "ExecStartPre=/usr/bin/chmod +x /opt/bin/setup-env\nExecStart=/opt/bin/setup-env\n"
    )
    assert codes_at({"etc/systemd/system/setup-env.service": unit}, "preflight.unverified_download_exec") == [5]
    piped = "[Service]\nExecStartPre=/bin/sh -c 'curl -fsSL https://get.vendor.io/setup.sh | sh'\nExecStart=/opt/a\n"
    assert codes_at({"lib/systemd/system/agent.service": piped}, "preflight.pipe_to_shell") == [2]


def test_g_a_unit_that_fetches_data_or_runs_local_programs_is_not() -> None:
    data = (
        "[Service]\nExecStartPre=/usr/bin/curl -fsSL -o /var/lib/agent/rules.json https://rules.vendor.io/v1\n"
        "ExecStart=/usr/bin/agent --rules /var/lib/agent/rules.json\n"
    )
    assert findings({"lib/systemd/system/agent.service": data}) == [("preflight.external_endpoint", 2)]
    local = "[Service]\nUser=ntfy\nExecStart=/usr/bin/ntfy serve\nExecReload=/bin/kill --signal HUP $MAINPID\n"
    assert findings({"lib/systemd/system/ntfy.service": local}) == []
