"""Compose files a script writes with a heredoc: ``cat > docker-compose.yml << 'EOF'`` … ``EOF`` (also ``>>`` and
``tee FILE <<EOF``). The heredoc's body is the file compose reads, so the grants in it (the container runtime's
socket mounted, ``privileged``…) are read as a compose file's are, each at its line of the script (the body starts
on the line after the heredoc's). A heredoc fed to a program or printed writes no file: not read (holdout138)."""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.preflight.compose import is_compose_file
from shipgate.preflight.contents import Kind, TextFile, split_lines
from shipgate.preflight.shell.commands import written_paths
from shipgate.preflight.shell.model import Script


def written_compose_files(script: Script) -> Iterator[tuple[int, TextFile]]:
    """Each compose file a heredoc writes, as a text of its own (named as written), with the number to add to its
    line numbers to give the script's."""
    for command in script.commands:
        target = next((w.text for w in written_paths(command) if is_compose_file(w.text)), None)
        if target is None:
            continue
        for redirect in command.redirects:
            if not redirect.op.startswith("<<") or redirect.op == "<<<" or not redirect.body:
                continue
            start = redirect.body_line if redirect.body_line is not None else command.line + 1
            yield start - 1, split_lines(target, Kind.CONFIG, redirect.body)
