"""A request made only to learn that a server answers: ``until curl -ksLo /dev/null "$URL"; do sleep 5; done``.

Its answer is thrown away (saved to ``/dev/null`` or redirected there, not piped on) and it sends the server nothing
of the script's (no data, upload, credentials, headers, cookies or client certificate, no user in the URL), so an
impostor on the path learns nothing and can only make the wait end early: certificate checks switched off on such a
request (``curl -k``) are not reported (docs/findings.md, ``tls_verification_disabled``). A probe that sends a
token, or whose answer is read (``-w``, a pipe, a file), stays reported."""

from __future__ import annotations

from shipgate.preflight.shell.commands import downloaded_files, has_flag, operands
from shipgate.preflight.shell.model import Command

# curl options that send the server something or read the answer (``-w`` prints parts of it).
_SENDS_OR_READS = (
    "-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--data-ascii", "--json", "-F", "--form",
    "--form-string", "-T", "--upload-file", "-u", "--user", "--oauth2-bearer", "-H", "--header", "-b", "--cookie",
    "-E", "--cert", "--key", "-K", "--config", "-w", "--write-out", "-D", "--dump-header", "-c", "--cookie-jar",
)  # fmt: skip


def _discarded(command: Command) -> bool:
    saved = [w.text for w in downloaded_files(command)]
    if saved:
        return all(s == "/dev/null" for s in saved)
    return any(
        r.op in (">", "&>", ">|") and r.target is not None and r.target.text == "/dev/null" for r in command.redirects
    )


def _userinfo(url: str) -> bool:
    authority = url.split("://", 1)[1].split("/", 1)[0]
    return "@" in authority


def discarded_probe(command: Command) -> bool:
    """``curl`` whose answer goes only to /dev/null and which sends nothing of the script's."""
    if command.name != "curl" or command.piped_to or has_flag(command, *_SENDS_OR_READS):
        return False
    urls = [w.text for w in command.words if "://" in w.text]
    return bool(operands(command)) and not any(_userinfo(u) for u in urls) and _discarded(command)
