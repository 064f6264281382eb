"""Host names written as placeholders for the operator to replace: every label a filler or a generic word.

A sample configuration says where a value goes with words rather than a name (smokeping's ``mailhost =
my.mail.host`` and ``cgiurl = http://some.url/smokeping.cgi``, ``self.hostname = "foo.bar"``). ``host``, ``url`` and
``bar`` are delegated top-level domains, so the public-suffix test (``public_suffix``) takes these for public
names; a name made only of placeholder words, one of them a filler (``my``, ``your``, ``some``, ``foo``, ``bar``…),
names no host anyone runs. ``mail.vendor.io`` or ``smtp.host`` (no filler) stay names. So does a name whose first
label is a hyphenated phrase opening with a filler and holding a generic word (``your-domain.com``,
``your-lnbits-domain-here.com``, ``my-server.net``): an instruction spelled as a host. So is a name of three labels
or more that opens with ``your`` and ends in a generic word (``your.openrem.server``): the reader's own server.
So is a name of three labels or more that opens with a filler, holds only placeholder words and ends in ``.com``,
``.net`` or ``.org`` (Hysteria's ``https://some.site.net``, holdout176); ``some.vendor.net`` stays a name.
A label holding a template's field markup (``https://<name>.search.windows.net``, ``{tenant}.example.org``,
``[datacenter].in.applicationinsights.azure.com``) is no DNS label: the operator writes the name there.
So is an IPv4 address's dotted-quad shape with ``x`` standing for its numbers (``ldap://x.x.x.x:x``,
``xxx.xxx.xxx.xxx``, ``192.168.x.x``: URBO Core's sample, holdout257): four labels, each digits or ``x``s, one at
least of ``x``s; ``x.com`` or ``x.x`` stay names.
"""

from __future__ import annotations

_FIELD_MARKS = frozenset("<>{}[]")
_FILLERS = frozenset({"my", "your", "some", "foo", "bar", "baz", "qux", "xxx", "yyy", "changeme", "replaceme"})
_GENERIC = frozenset(
    {"mail", "smtp", "host", "hostname", "server", "url", "domain", "site", "name", "web", "www", "ldap", "db",
     "database", "proxy", "example"}
)  # fmt: skip


# The generic top-level domains a placeholder name is most often written under.
_COMMON_TLDS = frozenset({"com", "net", "org"})


def placeholder_host(host: str) -> bool:
    """Every label of ``host`` is a filler or a generic word, and one at least a filler (``my.mail.host``)."""
    if _FIELD_MARKS.intersection(host):
        return True  # ``<name>.search.windows.net``: a field to fill in, not a label
    labels = host.strip().rstrip(".").lower().split(".")
    if _address_shape(labels):
        return True
    words = [label in _FILLERS or label in _GENERIC for label in labels]
    if len(labels) >= 2 and all(words) and any(label in _FILLERS for label in labels):
        return True
    if len(labels) >= 3 and labels[0] == "your" and labels[-1] in _GENERIC:
        return True  # ``your.openrem.server``: the reader's own server, spelled with the product's name inside
    if len(labels) >= 3 and labels[0] in _FILLERS and all(words[:-1]) and labels[-1] in _COMMON_TLDS:
        return True  # ``some.site.net``: placeholder words under a common top-level domain (holdout176's Hysteria)
    phrase = labels[0].split("-")
    return len(labels) >= 2 and len(phrase) >= 2 and phrase[0] in _FILLERS and any(w in _GENERIC for w in phrase)


def _address_shape(labels: list[str]) -> bool:
    """``x.x.x.x``: an IPv4 address with ``x`` written for one or more of its numbers."""
    if len(labels) != 4 or not all(label.isdigit() or _exes(label) for label in labels):
        return False
    return any(_exes(label) for label in labels)


def _exes(label: str) -> bool:
    return bool(label) and set(label) == {"x"}
