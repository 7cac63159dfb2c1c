"""Logging to a file in the user log dir; nothing is printed at the user."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from engine.paths import log_dir

LOG_FILE_NAME = "modeldesk.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file in the user log dir; return that file's path.

    Safe to call more than once. If the log folder cannot be created, logging is dropped
    quietly rather than stopping the app.
    """
    path = log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        root.addHandler(logging.NullHandler())
        return path
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
