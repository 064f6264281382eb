"""``[admission]`` of the service configuration (and the same knobs on ``shipgate admit``)::

    [admission]
    annotation = "shipgate.dev/package-sha256"   # the vendor package digest on a pod (or its template)
    vsa_annotation = "shipgate.dev/vsa"          # a DSSE verification summary presented with it
    fail_open = false                # true: allow when the store cannot be read (not advised)
    policy = "default"               # the [policies] entry whose verdicts count ("": "default" if configured,
                                     # else the built-in default policy)
    environment = ""                 # the [environments] entry whose verdicts count ("": verdicts made
                                     # without an inventory)
    any_policy = false               # true: accept verdicts made under any policy and environment
    max_verdict_age = "30d"          # seconds, or "30d" / "12h" / "90m"
    stale_feed = "deny"              # "allow": a vendor whose advisory feed expired is not failed closed
    vsa_key = "attest.pub.pem"       # the public key a presented VSA must verify with (none: VSAs ignored)
    unchecked_images = []            # globs of images a pod may run without a verdict (sidecars)
    verdict_history = 10             # older verdicts kept per (archive, policy, environment)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from shipgate.errors import MalformedInput
from shipgate.service.config_table import ConfigTable

DEFAULT_ANNOTATION = "shipgate.dev/package-sha256"
DEFAULT_VSA_ANNOTATION = "shipgate.dev/vsa"
DAY = 86_400.0
DEFAULT_MAX_AGE = 30 * DAY
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": DAY}


def parse_duration(value: object, *, what: str) -> float:
    """Seconds from a number or ``"30d"``, ``"12h"``, ``"90m"``, ``"45s"``; ``MalformedInput`` otherwise."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None or float(match.group(1)) <= 0:
        raise MalformedInput(f"{what} must be a positive number of seconds or like 30d, 12h, 90m; not {value!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


@dataclass(frozen=True, kw_only=True)
class AdmissionSettings:
    annotation: str = DEFAULT_ANNOTATION
    vsa_annotation: str = DEFAULT_VSA_ANNOTATION
    fail_open: bool = False
    policy: str = ""
    environment: str = ""
    any_policy: bool = False
    max_verdict_age: float = DEFAULT_MAX_AGE
    stale_feed_allowed: bool = False
    vsa_key: Path | None = None
    unchecked_images: tuple[str, ...] = ()
    verdict_history: int = 10

    @classmethod
    def read(cls, table: ConfigTable) -> AdmissionSettings:
        age = table.data.pop("max_verdict_age", DEFAULT_MAX_AGE)
        try:
            max_age = parse_duration(age, what=f"{table.where}: max_verdict_age")
        except MalformedInput as exc:
            from shipgate.service.config import ServiceConfigError

            raise ServiceConfigError(exc.diagnostics()) from None
        stale = table.string("stale_feed", "deny")
        if stale not in ("deny", "allow"):
            from shipgate.service.config import ServiceConfigError

            raise ServiceConfigError(f"{table.where}: stale_feed must be deny or allow, not {stale!r}")
        key = table.string("vsa_key", "")
        settings = cls(
            annotation=table.string("annotation", DEFAULT_ANNOTATION),
            vsa_annotation=table.string("vsa_annotation", DEFAULT_VSA_ANNOTATION),
            fail_open=table.boolean("fail_open", False),
            policy=table.string("policy", ""),
            environment=table.string("environment", ""),
            any_policy=table.boolean("any_policy", False),
            max_verdict_age=max_age,
            stale_feed_allowed=stale == "allow",
            vsa_key=table.path_of(key, "vsa_key") if key else None,
            unchecked_images=tuple(table.strings("unchecked_images")),
            verdict_history=table.integer("verdict_history", 10),
        )
        table.done()
        return settings
