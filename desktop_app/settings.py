"""Remembered choices and window layout, kept in an INI file in the user data folder.

The file is the user's to edit, break or copy between machines, so every value read back
goes through `int_setting`/`bool_setting` (or an equally careful reader): a damaged value
means the default, never a window that will not open.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from engine.paths import data_dir


def app_settings() -> QSettings:
    """The settings store (a fresh handle each call; Qt shares the file between them)."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def int_setting(settings: QSettings, key: str, default: int) -> int:
    """The whole number stored under `key`, or `default` when it is missing or not a number."""
    try:
        return int(settings.value(key, default))
    except (TypeError, ValueError):
        return default


def bool_setting(settings: QSettings, key: str, default: bool) -> bool:
    """The yes/no stored under `key` ("true"/"false", as Qt writes it), or `default` otherwise."""
    text = str(settings.value(key, default)).strip().lower()
    return {"true": True, "1": True, "false": False, "0": False}.get(text, default)


def choice_setting(settings: QSettings, key: str, choices, default: str) -> str:
    """The text stored under `key` when it is one of `choices`, or `default` otherwise."""
    text = str(settings.value(key, default) or "").strip().lower()
    return text if text in choices else default
