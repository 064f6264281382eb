"""Versioned schema migrations, applied in order on open under a lock (see ``_backends``).

A migration is a list of statements with two placeholders that differ between the dialects: ``{id}``
(an auto-assigned integer key) and ``{json}`` (a JSON document column). Everything else is the common
subset of SQLite and PostgreSQL. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from dataclasses import dataclass

SQLITE_TYPES = {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "json": "TEXT"}
POSTGRES_TYPES = {"id": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "json": "TEXT"}


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    sqlite_only: tuple[str, ...] = ()
    postgres_only: tuple[str, ...] = ()


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "verdicts, trust changes, feed state, advisories, audit chain",
        (
            """CREATE TABLE verdicts (
                id {id},
                sha256 TEXT NOT NULL,
                blake3 TEXT,
                package_name TEXT NOT NULL,
                package_version TEXT NOT NULL,
                vendor TEXT NOT NULL,
                verdict TEXT NOT NULL CHECK (verdict IN ('allow', 'warn', 'deny')),
                findings {json} NOT NULL,
                policy_id TEXT NOT NULL,
                verifier_version TEXT NOT NULL,
                created TEXT NOT NULL,
                expires TEXT
            )""",
            "CREATE INDEX verdicts_sha256 ON verdicts (sha256, id)",
            "CREATE INDEX verdicts_blake3 ON verdicts (blake3, id)",
            """CREATE TABLE trust_changes (
                vendor TEXT NOT NULL,
                version BIGINT NOT NULL CHECK (version > 0),
                kind TEXT NOT NULL,
                payload {json} NOT NULL,
                actor TEXT NOT NULL,
                reason TEXT NOT NULL,
                advisory_id TEXT,
                created TEXT NOT NULL,
                PRIMARY KEY (vendor, version)
            )""",
            """CREATE TABLE feed_state (
                vendor TEXT PRIMARY KEY,
                feed_version BIGINT NOT NULL,
                digest TEXT NOT NULL,
                issued TEXT NOT NULL,
                expires TEXT NOT NULL,
                fetched TEXT NOT NULL,
                source TEXT NOT NULL
            )""",
            """CREATE TABLE advisories (
                vendor TEXT NOT NULL,
                advisory_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                feed_version BIGINT,
                body {json} NOT NULL,
                published TEXT,
                PRIMARY KEY (vendor, advisory_id)
            )""",
            """CREATE TABLE audit (
                seq BIGINT PRIMARY KEY,
                time TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                details {json} NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            )""",
            "CREATE INDEX audit_time ON audit (time)",
            "CREATE INDEX audit_action ON audit (action, seq)",
            # The head of the chain: one row, updated with each append, read FOR UPDATE on PostgreSQL.
            """CREATE TABLE audit_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                seq BIGINT NOT NULL,
                hash TEXT NOT NULL
            )""",
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '" + "0" * 64 + "')",
        ),
        sqlite_only=(
            # Append-only by construction; someone with write access to the file can drop these, which the
            # hash chain then detects.
            """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
               BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END""",
            """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
               BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END""",
        ),
        postgres_only=(
            """CREATE FUNCTION shipgate_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN RAISE EXCEPTION 'audit is append-only'; END $$""",
            """CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
               FOR EACH ROW EXECUTE FUNCTION shipgate_audit_append_only()""",
        ),
    ),
    Migration(
        2,
        "feed_state: HTTP validators (ETag, Last-Modified) of the accepted feed, for conditional requests",
        (
            "ALTER TABLE feed_state ADD COLUMN etag TEXT",
            "ALTER TABLE feed_state ADD COLUMN last_modified TEXT",
        ),
    ),
    Migration(
        3,
        "verdicts: index by package name and version (admission by package, not only by digest)",
        ("CREATE INDEX verdicts_package ON verdicts (package_name, package_version, id)",),
    ),
    Migration(
        4,
        "verdicts keyed by what they depend on (policy and environment digests, trust and feed versions, "
        "evidence), superseded when trust or advisories change; archive certificates; vendor generations. "
        "Verdicts stored before this migration name no policy digest, so admission asks to verify them again",
        (
            "ALTER TABLE verdicts ADD COLUMN policy_digest TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE verdicts ADD COLUMN env_digest TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE verdicts ADD COLUMN trust_version BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE verdicts ADD COLUMN feed_version BIGINT",
            "ALTER TABLE verdicts ADD COLUMN signed INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE verdicts ADD COLUMN evidence {json} NOT NULL DEFAULT '{}'",
            # Supersession by withdrawal (name + version) and signed by-package admission, per vendor.
            "CREATE INDEX verdicts_vendor_package ON verdicts (vendor, package_name, package_version, id)",
            # A verdict row is never edited: its supersession is a fact of its own (a narrow row per verdict,
            # so a revocation of a signer of 100k archives inserts 100k small rows rather than rewriting 100k
            # wide ones and each of their index entries). Pruning a verdict deletes its row here too.
            """CREATE TABLE verdict_supersessions (
                verdict_id BIGINT PRIMARY KEY,
                superseded TEXT NOT NULL,
                reason TEXT NOT NULL,
                advisory_id TEXT
            )""",
            # Which archives carry a certificate in their validated signing chain: a revocation, a retired
            # root or an unpinned one finds the verdicts it affects through this, not by a scan.
            """CREATE TABLE archive_certs (
                cert_sha256 TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                PRIMARY KEY (cert_sha256, sha256)
            )""",
            # Bumped in the transaction of every trust change, stored advisory or accepted feed of the
            # vendor: admission caches what it derives from that state by this number.
            """CREATE TABLE vendor_state (
                vendor TEXT PRIMARY KEY,
                generation BIGINT NOT NULL
            )""",
        ),
    ),
    Migration(
        5,
        "events: the outbox of webhook events (verdict.recorded, verdict.superseded, trust.changed, "
        "advisory.applied, feed.rejected) and their delivery",
        (
            """CREATE TABLE events (
                id {id},
                event_id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                body {json} NOT NULL,
                created TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt TEXT,
                lease_until TEXT,
                delivered TEXT,
                status INTEGER,
                last_error TEXT
            )""",
            "CREATE INDEX events_pending ON events (id) WHERE delivered IS NULL",
        ),
        # Bodies of up to 500 digests are stored as they are: compressing hex costs more CPU than it saves
        # (a revocation of a signer of 100k archives writes 6.5 MB of them in its transaction).
        postgres_only=("ALTER TABLE events ALTER COLUMN body SET STORAGE EXTERNAL",),
    ),
    Migration(
        6,
        "package_index: the compact index of each verified package, for diffs and upgrade plans (docs/plan.md)",
        (
            """CREATE TABLE package_index (
                sha256 TEXT PRIMARY KEY,
                package_name TEXT NOT NULL,
                package_version TEXT NOT NULL,
                vendor TEXT NOT NULL,
                schema TEXT NOT NULL,
                body TEXT NOT NULL,
                size BIGINT NOT NULL,
                created TEXT NOT NULL
            )""",
            "CREATE INDEX package_index_version ON package_index (package_name, package_version, created)",
        ),
    ),
)

LATEST = MIGRATIONS[-1].version


def statements(migration: Migration, dialect: str) -> list[str]:
    types = SQLITE_TYPES if dialect == "sqlite" else POSTGRES_TYPES
    extra = migration.sqlite_only if dialect == "sqlite" else migration.postgres_only
    return [
        s.replace("{id}", types["id"]).replace("{json}", types["json"]) for s in migration.statements
    ] + list(extra)
