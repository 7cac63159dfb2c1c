"""Start the ModelDesk window: `modeldesk` or `python -m desktop_app`."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from engine.logsetup import setup_logging


def collect_garbage_in_gui_thread():
    """Run Python's cycle collector only from the GUI thread (a QTimer), never in a worker.

    A collection triggered inside a worker thread can destroy Qt objects caught in reference
    cycles there, which crashes Qt. Returns the collector; keep a reference to it.
    """
    from pyqtgraph.util.garbage_collector import GarbageCollector

    return GarbageCollector(interval=1.0)


def main(argv: list[str] | None = None) -> int:
    """Open the window (torch loads in the background once it is shown) and run the event loop."""
    setup_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("ModelDesk")
    app.setOrganizationName("ModelDesk")
    from desktop_app.main_window import MainWindow

    collector = collect_garbage_in_gui_thread()  # noqa: F841 - must live as long as the app
    window = MainWindow()
    window.show()
    QTimer.singleShot(0, window.start_engine_loading)
    window.data_page.load_initial()
    return app.exec()
