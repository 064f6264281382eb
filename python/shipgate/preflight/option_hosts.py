"""Options that hand a product the address it connects to: ``dc-agent setup --api-url "$API_URL"`` (holdout138's
Decent Cloud agent registers there and writes it into its configuration), ``docker run -e SSM_URL="${SSMURL}"``
(holdout83's SSM agent container reports to it). The option is a setting given on the command line instead of in a
file, so a public host it names is one the installed product connects to, as a configuration file's setting naming
it is (docs/findings.md, ``external_endpoint``; docs/preflight.md). A network command's own options (``curl
--proxy``) are read as that command's contacts elsewhere; this module picks only the words, and the caller resolves
the value (a literal, or the literals a variable may hold there).

An option counts when its name qualifies the address (``--api-url``, ``--manager-server``, ``--ingest-endpoint``;
a bare ``--url`` or ``--server`` says nothing of whose address it is) and is not one the caller calls the product's
own name or a page for people (``--site-url``, ``--redirect-uri``, ``--docs-url``). An environment setting a
container or a command is given with ``-e``/``--env`` counts by the same rule on its name (``SSM_URL``). A host
alone (``--db-host``) is left out: most such options name a database or a listener on the same network."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

from shipgate.preflight.shell.model import Command, Word

# ``--api-url VALUE``, ``--api-url=VALUE``: a qualifier, then the address word.
_OPTION = re.compile(r"^--?([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*[-_](?:url|uri|server|endpoint))(?:=(.*))?$", re.I)
_ENV_OPTIONS = frozenset({"-e", "--env"})
_ENV_SETTING = re.compile(r"^[\"']?([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*_(?:URL|URI|SERVER|ENDPOINT))=(.*)$", re.I)


def _value_word(word: Word, value_raw: str) -> Word:
    """The word's part after ``NAME=``: what the option is given (quotes as written)."""
    value = word.value.partition("=")[2] if word.value is not None else None
    return dataclasses.replace(word, raw=value_raw, value=value, prefix=None, shape=None)


def address_options(command: Command, not_contacted: Callable[[str], bool]) -> Iterator[Word]:
    """The words ``command`` is given as the value of an option or ``-e`` setting naming an address the product
    connects to (module docstring). ``not_contacted``: the caller's rule for a name that is the product's own
    address or a page for people."""
    words = command.words
    for i, word in enumerate(words):
        m = _OPTION.match(word.raw)
        if m is not None and not not_contacted(m.group(1)):
            if m.group(2) is not None:
                yield _value_word(word, m.group(2))
            elif i + 1 < len(words) and not words[i + 1].raw.startswith("-"):
                yield words[i + 1]
            continue
        if word.raw in _ENV_OPTIONS and i + 1 < len(words):
            env = _ENV_SETTING.match(words[i + 1].raw)
            if env is not None and not not_contacted(env.group(1)):
                yield _value_word(words[i + 1], env.group(2))
