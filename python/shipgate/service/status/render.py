"""The status page as HTML, rendered on the server: the page (:func:`page`), and each of its sections alone
(:func:`sections`), which the event stream sends as they change. Every value is escaped (package names,
file names and messages come from uploads); the page links only to itself, its two assets and the stored
verdicts; it has no form and no button: nothing on it changes anything."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

from shipgate.advisories.poller import PollStatus
from shipgate.service.activity import UploadView
from shipgate.service.status.snapshot import StoreView, age
from shipgate.store.records import VerdictRecord, format_time

# The sections, in page order: (element id, heading).
SECTIONS = (
    ("health", "Health"),
    ("uploads", "Uploads in progress"),
    ("ended", "Ended on this server lately"),
    ("verdicts", "Last verdicts"),
    ("superseded", "Superseded verdicts"),
    ("vendors", "Vendors: trust and advisory feeds"),
    ("pollers", "Feed pollers"),
    ("trust", "Recent trust changes"),
)
# Without JavaScript the page reloads itself this often (with it, the event stream keeps it current).
NOSCRIPT_REFRESH_SECONDS = 15


@dataclass(frozen=True, kw_only=True)
class Health:
    serving: bool
    uploads: int
    max_uploads: int
    spool_reserved: int
    spool_quota: int
    version: str


@dataclass(frozen=True, kw_only=True)
class PageData:
    health: Health
    live: Sequence[UploadView]
    ended: Sequence[UploadView]
    store: StoreView
    now: datetime
    pollers: Sequence[PollStatus] = ()
    """This server's advisory-feed pollers (none when ``poll = false`` or no trust file names a feed)."""


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], empty: str) -> str:
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    if not body:
        return f'<p class="none">{escape(empty)}</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _when(moment: datetime, now: datetime) -> str:
    return f'<time datetime="{format_time(moment)}">{escape(age(moment, now))}</time>'


def _epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _size(size: int) -> str:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}"
    return f"{size} bytes"


def _verdict(verdict: str, sha256: str = "") -> str:
    badge = f'<span class="verdict {escape(verdict)}">{escape(verdict.upper())}</span>'
    return f'<a href="/verdicts/{escape(sha256)}">{badge}</a>' if sha256 else badge


def _health(data: PageData) -> str:
    health, store = data.health, data.store
    state = '<span class="ok">serving</span>' if health.serving else '<span class="bad">draining</span>'
    seq, digest = store.audit_head
    rows = [
        ("state", state),
        ("uploads in flight", f"{health.uploads} of {health.max_uploads}"),
        ("spool", f"{_size(health.spool_reserved)} of {_size(health.spool_quota)} held"),
        ("state store", f'<span class="bad">{escape(store.error)}</span>' if store.error else escape(store.backend)),
        ("audit head", f"entry {seq}, <code>{escape(digest[:16])}</code>" if digest else "no entries"),
        ("shipgate", escape(health.version)),
    ]
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _uploads(data: PageData) -> str:
    rows = []
    for u in data.live:
        done = f'<progress value="{u.received}" max="{max(u.declared, 1)}"></progress>' if u.declared else ""
        rows.append(
            (
                escape(u.file_name or "upload"),
                f"<code>{escape(u.upload_id)}</code>",
                escape(f"{u.transport}:{u.caller}"),
                f'<span class="stage">{escape(u.stage)}</span>',
                f"{done} {_size(u.received)} of {_size(u.declared)}",
                _when(_epoch(u.started), data.now),
            )
        )
    return _table(("file", "upload", "caller", "stage", "bytes", "started"), rows, "No upload in progress.")


def _ended(data: PageData) -> str:
    rows = [
        (
            _when(_epoch(u.ended or u.started), data.now),
            escape(u.file_name or "upload"),
            escape(f"{u.transport}:{u.caller}"),
            _verdict(u.verdict, u.sha256) if u.verdict else "—",
            escape(u.outcome),
        )
        for u in data.ended
    ]
    return _table(("ended", "file", "caller", "verdict", "outcome"), rows, "No upload has ended since the start.")


def _verdict_rows(records: Iterable[VerdictRecord], now: datetime) -> list[tuple[str, ...]]:
    return [
        (
            _when(r.created, now),
            escape(f"{r.package_name} {r.package_version}"),
            escape(r.vendor),
            _verdict(str(r.verdict), r.sha256),
            f"<code>{escape(r.sha256[:16])}</code>",
            str(len(r.findings)),
            "superseded" if getattr(r, "superseded", None) else "",
        )
        for r in records
    ]


def _verdicts(data: PageData) -> str:
    head = ("when", "package", "vendor", "verdict", "sha256", "findings", "")
    return _table(head, _verdict_rows(data.store.verdicts, data.now), "No verdict is stored yet.")


def _superseded(data: PageData) -> str:
    if data.store.superseded is None:
        return '<p class="none">This state store does not record superseded verdicts.</p>'
    rows = [
        (*row[:5], escape(str(getattr(r, "superseded_by", ""))))
        for row, r in zip(_verdict_rows(data.store.superseded, data.now), data.store.superseded, strict=True)
    ]
    return _table(("when", "package", "vendor", "verdict", "sha256", "why"), rows, "No verdict has been superseded.")


def _vendors(data: PageData) -> str:
    rows = []
    for v in data.store.vendors:
        feed = v.feed
        if feed is None:
            rows.append((escape(v.name), str(v.trust_version), "—", "—", "—", '<span class="none">no feed</span>'))
            continue
        fresh = '<span class="bad">stale</span>' if feed.is_stale(data.now) else '<span class="ok">fresh</span>'
        rows.append(
            (
                escape(v.name),
                str(v.trust_version),
                str(feed.feed_version),
                _when(feed.fetched, data.now),
                _when(feed.expires, data.now),
                fresh,
            )
        )
    head = ("vendor", "trust version", "feed version", "feed fetched", "feed expires", "feed")
    return _table(head, rows, "No vendor is configured or pinned.")


def _outcome(status: PollStatus) -> str:
    if status.last_status is None:
        return '<span class="none">not polled yet</span>'
    css = "bad" if status.last_error else "ok"
    code = f" <code>{escape(status.last_code)}</code>" if status.last_code else ""
    return f'<span class="{css}">{escape(status.last_status)}</span>{code}'


def _pollers(data: PageData) -> str:
    rows = [
        (
            escape(p.vendor),
            f"<code>{escape(p.source)}</code>",
            _when(p.last_attempt, data.now) if p.last_attempt else "—",
            _outcome(p),
            _when(p.last_success, data.now) if p.last_success else "—",
            _when(p.next_poll, data.now) if p.next_poll else "—",
            f'<span class="bad">{p.failures}</span>' if p.failures else "0",
            f'<span class="bad">{escape(p.last_error)}</span>' if p.last_error else "",
        )
        for p in data.pollers
    ]
    head = ("vendor", "source", "last attempt", "outcome", "last success", "next poll", "failures", "last error")
    return _table(head, rows, "No feed is polled by this server.")


def _trust(data: PageData) -> str:
    rows = [
        (
            _when(c.created, data.now),
            escape(c.vendor),
            str(c.version),
            escape(c.kind),
            escape(c.actor),
            escape(c.reason),
        )
        for c in data.store.trust_changes
    ]
    return _table(("when", "vendor", "version", "change", "by", "reason"), rows, "No trust change is recorded.")


_RENDER = {
    "health": _health,
    "uploads": _uploads,
    "ended": _ended,
    "verdicts": _verdicts,
    "superseded": _superseded,
    "vendors": _vendors,
    "pollers": _pollers,
    "trust": _trust,
}


def sections(data: PageData) -> dict[str, str]:
    """Each section's inner HTML by element id."""
    return {name: _RENDER[name](data) for name, _ in SECTIONS}


def page(data: PageData) -> str:
    """The whole page: the sections as they are now, the stylesheet and the script that keeps them current."""
    parts = sections(data)
    body = "".join(
        f'<section aria-labelledby="{name}-h"><h2 id="{name}-h">{escape(title)}</h2>'
        f'<div id="{name}">{parts[name]}</div></section>'
        for name, title in SECTIONS
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8"><title>shipgate status</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<noscript><meta http-equiv="refresh" content="{NOSCRIPT_REFRESH_SECONDS}"></noscript>'
        '<link rel="stylesheet" href="/status/page.css"><script src="/status/page.js" defer></script></head>'
        '<body><header><h1>shipgate status</h1><span id="live" class="live">'
        f"as of {escape(format_time(data.now))}</span></header>{body}</body></html>\n"
    )


def verdict_page(record: VerdictRecord, now: datetime) -> str:
    """One stored verdict, as the status page links to it: what was decided, when, and every finding."""
    title = f"{record.package_name} {record.package_version} ({record.vendor})"
    meta = [
        ("sha256", f"<code>{escape(record.sha256)}</code>"),
        ("blake3", f"<code>{escape(record.blake3 or '—')}</code>"),
        ("verified", _when(record.created, now)),
        ("policy", escape(record.policy_id or "—")),
        ("verifier", escape(record.verifier_version or "—")),
    ]
    superseded = getattr(record, "superseded", None)  # where the store records supersession
    if superseded:
        meta.append(("superseded", escape(f"{superseded} ({getattr(record, 'superseded_by', '')})")))
    rows = [
        (
            f'<span class="sev {escape(f.severity.label)}">{escape(f.severity.label)}</span>',
            f"<code>{escape(f.code)}</code>",
            f"<code>{escape(f.path)}</code>",
            escape(f.message) + (f'<div class="remedy">Remedy: {escape(f.remedy)}</div>' if f.remedy else ""),
        )
        for f in record.findings
    ]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>shipgate: {escape(str(record.verdict).upper())} '
        f'{escape(title)}</title><link rel="stylesheet" href="/status/page.css"></head><body>'
        f'<header><h1>{_verdict(str(record.verdict))} {escape(title)}</h1><a href="/">status</a></header>'
        "<dl>"
        + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in meta)
        + "</dl>"
        + _table(("severity", "code", "where", "what and what to do"), rows, "No findings.")
        + "</body></html>\n"
    )
