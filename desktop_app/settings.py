"""Remembered choices and window layout, kept in an INI file in the user data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from engine.paths import data_dir


def app_settings() -> QSettings:
    """The settings store (a fresh handle each call; Qt shares the file between them)."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
