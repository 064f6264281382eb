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
