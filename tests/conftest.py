"""Shared fixtures: every test gets its own ModelDesk home, so nothing touches the user's files."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def modeldesk_home(tmp_path, monkeypatch):
    """A private MODELDESK_HOME (runs, cache, logs) for each test."""
    home = tmp_path / "modeldesk-home"
    monkeypatch.setenv("MODELDESK_HOME", str(home))
    return home
