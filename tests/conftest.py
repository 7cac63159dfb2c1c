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


@pytest.fixture
def window(qtbot, monkeypatch):
    """The real main window at its default size, ready (engine loaded, the bundled digits shown);
    closed after the test, a running training stopped and every background thread ended."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.main_window import MainWindow
    from desktop_app.workers import BackgroundTask

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1180, 780)
    win.show()
    with qtbot.waitSignals([win.state.engine_ready, win.state.dataset_changed], timeout=60_000):
        win.start_engine_loading()
        win.data_page.load_spec("digits")
    yield win
    if win.train_page.is_running():
        win.train_page.stop_and_wait()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win.close()
    for task in list(BackgroundTask._live):
        task.wait(30_000)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=10_000)
