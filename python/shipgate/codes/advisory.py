"""Finding codes of the ``advisory.`` layer: vendor feeds and CSAF advisories (shipgate.advisories)."""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "advisory.withdrawn_package",
        S.CRITICAL,
        "the vendor withdrew this package (by name and version, or by the archive digest alone)",
        "Do not deploy this package; ask the vendor for the replacement release.",
    ),
    Code(
        "advisory.notice",
        S.MEDIUM,
        "a vendor notice applies to the package; severity as the notice says, at most medium",
        "Read the notice and plan the change it describes.",
        also=(
            S.LOW,
            S.INFO,
        ),
    ),
    Code(
        "advisory.csaf_known_affected",
        S.HIGH,
        "a CSAF 2.0 advisory lists the package (file hash, name with its exact version or a version range, full "
        "name; also through a relationship) as known/first/last "
        "affected; CVE ids and fixed versions in evidence; severity from the matched CVSS scores (else the "
        "document's aggregate severity, else high)",
        "Upgrade to a fixed version or apply the vendor's remediation before deploying.",
    ),
    Code(
        "advisory.csaf_range_unreadable",
        S.MEDIUM,
        "a CSAF 2.0 advisory lists a product named like the package as affected, but only through a version "
        "range shipgate cannot read or compare with the package's version (outside the grammar in "
        "docs/advisories.md, e.g. `<*`), or through upper bounds that mean one range per release line when the "
        "package's version is in none of those lines; the package may be affected; the range text is in evidence",
        "Read the advisory and decide for this version by hand; ask the vendor to publish the range in vers "
        "syntax (vers:generic/<1.2.3).",
    ),
    Code(
        "advisory.csaf_provider_unavailable",
        S.HIGH,
        "CSAF provider sync refused: a file of the provider (metadata, changes.csv/index.txt, ROLIE feed, "
        "document, hash, signature, key) could not be fetched within the bounds; nothing stored",
        "Check the provider URL and the network; the accepted advisories stay in force and the next sync retries.",
    ),
    Code(
        "advisory.csaf_hash_mismatch",
        S.HIGH,
        "CSAF provider sync refused: a document differs from its .sha256/.sha512 file, or has neither "
        "(CSAF 2.0 §7.1.18); nothing stored",
        "The document was altered in transit or on the server; report it to the provider.",
    ),
    Code(
        "advisory.csaf_signature_missing",
        S.HIGH,
        "CSAF provider sync refused: a document has no OpenPGP signature (.asc, CSAF 2.0 §7.1.19); nothing stored",
        "Report it to the provider: a trusted provider signs every document.",
    ),
    Code(
        "advisory.csaf_wrong_key",
        S.HIGH,
        "CSAF provider sync refused: a document is signed by an OpenPGP key other than the ones pinned for the "
        "subscription; nothing stored",
        "If the provider rotated its key, confirm the new fingerprint out of band and subscribe again "
        "(shipgate advisories subscribe --vendor NAME URL --fingerprint HEX).",
    ),
    Code(
        "advisory.csaf_bad_signature",
        S.HIGH,
        "CSAF provider sync refused: a document's OpenPGP signature does not verify with the pinned key (the "
        "document was altered); nothing stored",
        "Report it to the provider; the accepted advisories stay in force.",
    ),
    Code(
        "advisory.csaf_rollback",
        S.HIGH,
        "CSAF provider sync refused: changes.csv or a ROLIE feed shows an older newest change than already "
        "accepted, or a document is an older revision than the one stored; nothing stored",
        "A stale mirror or a rollback: the accepted advisories stay in force; check the provider.",
    ),
    Code(
        "advisory.vex_not_affected",
        S.INFO,
        "a CSAF document of the vendor released later than the affected statement says known_not_affected "
        "(VEX) for the same vulnerability and product: the csaf_known_affected finding is silenced, the "
        "justification (flags, impact statement) is shown",
        "Nothing to do; keep the vendor's statement with the deployment record.",
    ),
    Code(
        "advisory.feed_stale",
        S.MEDIUM,
        "the vendor's accepted advisory feed is past its `expires`: withdrawals and revocations since may be missing",
        "Sync the vendor's feed (shipgate advisories sync --vendor NAME SOURCE).",
    ),
    Code(
        "advisory.feed_unavailable",
        S.HIGH,
        "feed rejected: a feed file could not be fetched (missing, HTTP error, timeout, deadline, reset or "
        "truncated response)",
        "Check the feed source (path or URL) and the network; the stored feed stays in force.",
    ),
    Code(
        "advisory.feed_too_large",
        S.HIGH,
        "feed rejected: a feed file is larger than its bound (feed.json 16 MiB, signature 64 KiB, chain 1 MiB)",
        "A feed file is larger than the configured bound; check the source is the vendor's feed.",
    ),
    Code(
        "advisory.feed_malformed",
        S.HIGH,
        "feed rejected: feed.json is not UTF-8 JSON or violates docs/formats.md §2 (the field is named)",
        "The feed does not follow docs/formats.md §2; report it to the vendor (the field is named).",
    ),
    Code(
        "advisory.feed_bad_signature",
        S.HIGH,
        "feed rejected: feed.json.sig does not verify over the exact bytes of feed.json (altered, truncated)",
        "feed.json.sig does not match feed.json: the feed was altered or is incomplete.",
    ),
    Code(
        "advisory.feed_signer_untrusted",
        S.HIGH,
        "feed rejected: the feed signer does not chain to a root currently trusted for the vendor, lacks code"
        " signing, is revoked or fails the `[feed_signer]` rule (trust code in evidence)",
        "The feed signer does not chain to a root currently trusted for the vendor or does not match its "
        "[feed_signer] rule; confirm the feed's origin with the vendor.",
    ),
    Code(
        "advisory.feed_identity_mismatch",
        S.HIGH,
        "feed rejected: the feed is signed by an identity other than the vendor's pinned feed identity "
        "(`trust pin --feed-identity`), even if it chains to the vendor's root",
        "Confirm the signer with the vendor; only then re-pin it with "
        "shipgate trust pin --vendor NAME --feed-identity PATTERN.",
    ),
    Code(
        "advisory.feed_vendor_mismatch",
        S.HIGH,
        "feed rejected: feed.json names another vendor than the one whose trust verified it",
        "The feed names another vendor; sync it with --vendor set to the vendor it names.",
    ),
    Code(
        "advisory.feed_rollback",
        S.HIGH,
        "feed rejected: `feed_version` is not greater than the accepted version (replay or rollback)",
        "The feed is not newer than the accepted one (a replay or a rollback); wait for the vendor's next version.",
    ),
    Code(
        "advisory.feed_expired",
        S.HIGH,
        "feed rejected: the feed is past its `expires` (freeze)",
        "The feed is past its expiry (a freeze attack or a stale mirror); fetch a current one.",
    ),
    Code(
        "advisory.feed_inapplicable",
        S.HIGH,
        "feed rejected: an advisory in it cannot be applied (e.g. a rotation root that is not a CA); nothing "
        "of the feed is stored",
        "An advisory in the feed cannot be applied (named in the message); report it to the vendor.",
    ),
    Code(
        "advisory.csaf_invalid",
        S.HIGH,
        "a CSAF document was refused on import: not JSON, not valid against the CSAF 2.0 schema, or its "
        "`.sha256`/`.sha512` differs",
        "The document is not valid CSAF 2.0 (the failing field is named); ask the publisher for a fix.",
    ),
)
