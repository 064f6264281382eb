"""Install scripts of update packages whose runner is an appliance's update system, known by the interface that
runner gives them (their names are generic: ``update.sh``, ``hook``):

- IPFire's pakfire unpacks a core update or add-on and runs its ``install.sh``/``update.sh``/``uninstall.sh`` as
  root; each sources pakfire's own library, ``/opt/pakfire/lib/functions.sh`` (``extract_files``, ``stop_service``).
- RAUC runs a bundle's hooks and slot handlers as root with the slot and image in its environment
  (``RAUC_SLOT_CLASS``, ``RAUC_IMAGE_NAME``, ``RAUC_SLOT_DEVICE``, ``RAUC_MOUNT_PREFIX`` …): a script that reads
  them, and sets none of them itself, is one RAUC runs.

Like a dpkg maintainer script, such a file requires root by what runs it."""

from __future__ import annotations

from shipgate.preflight.shell.model import Script

_PAKFIRE_LIBRARY = "/opt/pakfire/lib/functions.sh"
# The variables RAUC exports to hooks and handlers (docs: "Custom Handlers"/"Hooks" environment).
_RAUC_ENV = frozenset(
    {
        "RAUC_SLOT_CLASS",
        "RAUC_SLOT_DEVICE",
        "RAUC_SLOT_NAME",
        "RAUC_SLOT_TYPE",
        "RAUC_SLOT_BOOTNAME",
        "RAUC_SLOT_PARENT",
        "RAUC_SLOT_MOUNT_POINT",
        "RAUC_IMAGE_NAME",
        "RAUC_IMAGE_DIGEST",
        "RAUC_IMAGE_CLASS",
        "RAUC_MOUNT_PREFIX",
        "RAUC_BUNDLE_MOUNT_POINT",
        "RAUC_UPDATE_SOURCE",
        "RAUC_TARGET_SLOTS",
        "RAUC_SYSTEM_COMPATIBLE",
    }
)


def _sources_pakfire(script: Script) -> bool:
    return any(
        c.name in (".", "source") and c.words and c.words[0].text == _PAKFIRE_LIBRARY for c in script.commands
    )


def _reads_rauc_environment(script: Script) -> bool:
    read = {n for c in script.commands for w in (*c.words, *((c.program,) if c.program else ())) for n in w.expands}
    read.update(n for t in script.tests for n in t.expands)
    assigned = {a.name for a in script.assignments}
    return bool(read & _RAUC_ENV) and not assigned & _RAUC_ENV


def run_by_updater(script: Script) -> str | None:
    """Which appliance update system runs ``script`` as root (``pakfire``, ``RAUC``), or None."""
    if _sources_pakfire(script):
        return "pakfire"
    if _reads_rauc_environment(script):
        return "RAUC"
    return None
