"""Shared fixtures: every test gets its own ModelDesk home, so nothing touches the user's files."""

from __future__ import annotations

import gc
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def modeldesk_home(tmp_path, monkeypatch):
    """A private MODELDESK_HOME (runs, cache, logs) for each test."""
    home = tmp_path / "modeldesk-home"
    monkeypatch.setenv("MODELDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True, scope="session")
def collect_garbage_only_between_tests():
    """Python's cycle collector may otherwise run in a worker thread and destroy Qt objects
    there, which crashes Qt (the app runs the collector from a GUI-thread timer for the same reason)."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_test():
    yield
    gc.collect()
