"""``git fetch`` then ``git checkout BRANCH`` (``git switch BRANCH``): a branch the checkout does not have yet is
created from the remote's fetched one, and a tag or ``origin/BRANCH`` names fetched commits; either way the tree
now holds what the fetch brought, as after ``git pull`` (Moodle's ``git checkout "MOODLE_${next}_STABLE"`` on each
step of its upgrade path). Not a full commit id (pinned), nor a path (``git checkout -- conf/app.ini``, a name with
a file's extension), nor ``-b NAME`` alone (a new branch at HEAD). With ``--`` the paths after it are taken from a
remote-tracking ref before it (``git checkout origin/main -- lib/``): the fetched files, in the tree (holdout187)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.shell.model import Command

_COMMIT_ID = re.compile(r"^[0-9a-f]{40}$")
# A file's name by its extension (``app.ini``, ``composer.lock``), not a version tag (``v4.5.1``, ``1.2``).
_FILE_NAME = re.compile(r"\.[A-Za-z][A-Za-z0-9]*$")
# A remote-tracking ref (``origin/main``, ``upstream/release/2.x``) or FETCH_HEAD: what the last fetch brought
_REMOTE_REF = re.compile(r"[A-Za-z0-9_.-]+/[^\s/][^\s]*|FETCH_HEAD")


def checks_out_fetched(command: Command, args: list[str]) -> bool:
    """``git checkout REF`` / ``git switch REF`` (``args``: git's words without their options) of one branch, tag or
    remote ref, with no ``--`` (paths follow it); with ``-b``/``-B`` only when a start point is given."""
    if args[:1] not in (["checkout"], ["switch"]):
        return False
    # the subcommand's own words: git's ``-C DIR`` before it names the directory, not ``checkout -C`` (a new branch)
    own = command.args[command.args.index(args[0]) + 1 :] if args[0] in command.args else command.args
    if "--" in own:
        return _remote_files(own[: own.index("--")])
    refs = [a for a in args[1:] if not a.startswith("-")]
    if any(a in ("-b", "-B", "-c", "-C") for a in own):
        return len(refs) == 2 and _fetched_ref(refs[1])  # ``-B NAME START``: a new branch at START (HEAD without)
    return len(refs) == 1 and _fetched_ref(refs[0])


def _remote_files(before: Sequence[str]) -> bool:
    """``git checkout origin/main -- lib/ package.json`` (``before``: the words before ``--``): the fetched branch's
    version of those paths written into the tree (holdout187's circuit-agent updater, then ``npm install``). Only a
    remote-tracking ref or FETCH_HEAD: ``git checkout HEAD -- conf/app.ini`` or a local branch's file restores what
    the checkout had."""
    refs = [a for a in before if not a.startswith("-")]
    return len(refs) == 1 and bool(_REMOTE_REF.fullmatch(refs[0])) and not _COMMIT_ID.match(refs[0])


def _fetched_ref(ref: str) -> bool:
    return bool(ref) and not _COMMIT_ID.match(ref) and not _FILE_NAME.search(ref)
