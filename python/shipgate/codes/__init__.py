"""The registry of finding codes: every code any layer reports, with its severity, meaning and remedy.

One module per layer (``codes/zip.py``, ``codes/trust.py``, …) lists that layer's codes; this package joins
them, and it ships inside the installed package, so ``shipgate policy explain`` and SARIF rule texts work
from a wheel as well as from a checkout. ``docs/findings.md`` is generated from it
(``python -m shipgate.codes > docs/findings.md``); a test fails when the file is stale, and another when a
layer emits a code that is not registered here.
"""

from __future__ import annotations

from shipgate.codes import advisory, config, manifest, package, plan, policy, preflight, trust, zip
from shipgate.codes._model import Code

__all__ = ["CODES", "LAYERS", "Code", "lookup", "markdown"]

# In the order docs/findings.md lists them: the path a package takes through the verifier.
LAYERS: tuple[tuple[str, str, tuple[Code, ...]], ...] = (
    ("zip", "ZIP structure and contents", zip.CODES),
    ("manifest", "The manifest, and the archive against it", manifest.CODES),
    ("package", "The package as a whole", package.CODES),
    ("trust", "Signatures, chains and the trust store", trust.CODES),
    ("advisory", "Vendor feeds and CSAF advisories", advisory.CODES),
    ("preflight", "Preflight: scripts, units, migrations against the target", preflight.CODES),
    ("config", "Configuration changes against the target", config.CODES),
    ("plan", "The upgrade plan: the diff with what runs, the path, the window, the rollback", plan.CODES),
    ("policy", "The policy's decision", policy.CODES),
)


def _join() -> dict[str, Code]:
    codes: dict[str, Code] = {}
    for layer, _, entries in LAYERS:
        for entry in entries:
            if entry.layer != layer:
                raise ValueError(f"{entry.code} is registered in the {layer!r} layer's module")
            if entry.code in codes:
                raise ValueError(f"{entry.code} is registered twice")
            codes[entry.code] = entry
    return codes


CODES: dict[str, Code] = _join()


def lookup(code: str) -> Code | None:
    """The registered code, or None."""
    return CODES.get(code)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown() -> str:
    """``docs/findings.md``: every code, layer by layer."""
    out = [
        "# Finding codes",
        "",
        "Every finding shipgate reports, by layer. Codes are stable: a code is never reused for another meaning.",
        "Generated from `python/shipgate/codes/` by `python -m shipgate.codes > docs/findings.md`;",
        "do not edit by hand.",
        "`shipgate policy explain CODE` prints the same text and what the policy does with the code.",
    ]
    for _, title, entries in LAYERS:
        out += ["", f"## {title}", "", "| code | severity | meaning | remedy |", "| --- | --- | --- | --- |"]
        out += [f"| `{e.code}` | {e.severity_text} | {_cell(e.meaning)} | {_cell(e.remedy)} |" for e in entries]
    return "\n".join(out) + "\n"
