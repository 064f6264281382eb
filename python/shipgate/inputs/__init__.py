"""Reading what operators, vendors and callers hand shipgate: bounded, strict, and refused in words a person
can act on. One reader per kind of input, each raising :class:`InputRefused` with a ``kind`` its caller maps
to its own error (a finding code, a configuration error):

- :mod:`~shipgate.inputs.bounded`: a file read up to a limit, decoded as UTF-8, parsed as TOML;
- :mod:`~shipgate.inputs.strict_json`: JSON with no duplicate keys, no NaN, bounded size and depth;
- :mod:`~shipgate.inputs.times`: RFC 3339 times as aware UTC datetimes.
"""

from __future__ import annotations

from shipgate.inputs.bounded import InputRefused, load_toml, parse_toml, read_bounded
from shipgate.inputs.strict_json import parse_json
from shipgate.inputs.times import parse_time

__all__ = ["InputRefused", "load_toml", "parse_json", "parse_time", "parse_toml", "read_bounded"]
