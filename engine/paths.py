"""Where ModelDesk keeps its files: runs, downloaded datasets, logs.

`MODELDESK_HOME`, when set, puts everything under one folder (tests and portable installs use
it); otherwise the platform's user directories are used (platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ModelDesk"


def _home_override() -> Path | None:
    home = os.environ.get("MODELDESK_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """The folder holding the runs folder and the run index."""
    home = _home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The folder downloads are kept in (safe to delete; they are fetched again)."""
    home = _home_override()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The folder the log file is written to."""
    home = _home_override()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def runs_dir() -> Path:
    """The default folder that holds one sub-folder per training run."""
    return data_dir() / "runs"


def resources_dir() -> Path:
    """The bundled `resources/` folder (sample data, icons)."""
    return Path(__file__).resolve().parent.parent / "resources"
