"""Where shipgate keeps its state and configuration: ``--home DIR``, else ``$SHIPGATE_HOME``, else the
user's data directory (``platformdirs``)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def home_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The home directory, created (mode 0700) if missing."""
    chosen = explicit or os.environ.get("SHIPGATE_HOME") or platformdirs.user_data_dir("shipgate")
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_state_url(home: Path) -> str:
    """The embedded SQLite default, one file under the home directory."""
    return f"sqlite:///{home / 'state.db'}"
