"""The reading the checks of a product's own source for HTTPS requests made without verifying the server share
(program_tls: Python's ``verify=False``; php_tls: curl's ``CURLOPT_SSL_VERIFYPEER``/``VERIFYHOST`` off). Each file
of the language's source that is the product (not a test, an example in the documentation, a developer's tool or a
vendored web asset) and says the words at all (the cheap test on its lines) is handed to the language's reader,
whose every line found is ``preflight.tls_verification_disabled`` (high), with how the check is turned off and the
message the reader gives."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.markup import is_documentation, is_test_path
from shipgate.preflight.project_layout import is_vendored_web_asset

# (path, source) → line → (how the check is off, the finding's message)
Reader = Callable[[str, str], dict[int, tuple[str, str]]]


def unverified_requests(
    ctx: Context, *, is_source: Callable[[str], bool], may_say: Callable[[str], bool], reader: Reader, remedy: str
) -> Iterator[Finding]:
    """``tls_verification_disabled`` at each line ``reader`` finds in the product's files ``is_source`` takes whose
    lines ``may_say`` it."""
    for text in ctx.texts:
        if not is_source(text.path) or is_test_path(text.path) or is_documentation(text.path):
            continue
        if is_development_file(text.path) or is_vendored_web_asset(text.path):
            continue
        if not any(may_say(line.text) for line in text.lines):
            continue  # the cheap test: most files never say it
        source = "\n".join(line.text for line in text.lines)
        lines = {line.number: line.text for line in text.lines}
        for number, (how, message) in sorted(reader(text.path, source).items()):
            yield at_line(
                "preflight.tls_verification_disabled",
                Severity.HIGH,
                path=text.path,
                line=number,
                text=lines.get(number, ""),
                how=how,
                message=message,
                remedy=remedy,
            )
