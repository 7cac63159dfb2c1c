"""Start the ModelDesk window: `modeldesk` or `python -m desktop_app`."""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from engine.logsetup import setup_logging

# Set to 1 by the cold-start benchmark (bench/cold_start.py): print one line when the window has
# first been painted ("MODELDESK_SHOWN time=<time.time()> torch=<True|False>") and end the process.
EXIT_WHEN_SHOWN = "MODELDESK_EXIT_WHEN_SHOWN"
FIRST_PAINT_FALLBACK_MS = 3000  # a window that is never painted (started minimised) still loads the engine


def collect_garbage_in_gui_thread():
    """Run Python's cycle collector only from the GUI thread (a QTimer), never in a worker.

    A collection triggered inside a worker thread can destroy Qt objects caught in reference
    cycles there, which crashes Qt. Returns the collector; keep a reference to it.
    """
    from pyqtgraph.util.garbage_collector import GarbageCollector

    return GarbageCollector(interval=1.0)


def freeze_when_engine_ready(state) -> None:
    """Once the engine is loaded (`state.engine_ready`), move every object alive out of the cycle
    collector's reach with `gc.freeze()`. They are the modules, classes and functions of torch and
    the app (some 400,000 objects) and live as long as the app; a full collection would scan them
    all and hold the GUI thread for about 0.2 s in the middle of a training run, and then only
    scans what came later. Objects freed by reference counting are not affected."""
    state.engine_ready.connect(lambda _info: gc.freeze())


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)  # after this paint (children included) is done
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None], fallback_ms: int = FIRST_PAINT_FALLBACK_MS) -> QObject:
    """Call `then()` once, in the GUI thread, right after `widget` is painted for the first time
    (or after `fallback_ms` if it never is). Work that competes with the first frame for the
    CPU and the GIL (importing torch) starts here, so the window appears first. The returned
    helper is a child of `widget`."""
    return _AfterFirstPaint(widget, then, fallback_ms)


def report_shown_and_exit() -> None:
    """The benchmark hook behind MODELDESK_EXIT_WHEN_SHOWN: print the time the window was first
    painted and whether torch was imported by then, then end the process at once (no cleanup:
    nothing was changed yet)."""
    print(f"MODELDESK_SHOWN time={time.time():.6f} torch={'torch' in sys.modules}", flush=True)
    os._exit(0)


def finish_start(window) -> None:
    """What follows the window's first paint: the remaining pages, the last dataset (loaded in
    the background) and the engine (torch, loaded in the background)."""
    window.build_all_pages()
    window.data_page.load_initial()
    window.start_engine_loading()


def main(argv: list[str] | None = None) -> int:
    """Open the window (in the theme and language remembered, see desktop_app.theme and
    desktop_app.i18n), then after its first paint
    make the other pages and load the last dataset and the engine (torch) in the background; run
    the event loop. `--self-test`
    instead checks the installation offscreen (see desktop_app.self_test) and exits."""
    args = list(argv if argv is not None else sys.argv)
    if "--self-test" in args[1:]:
        from desktop_app.self_test import run_self_test

        return run_self_test()
    setup_logging()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("ModelDesk")
    app.setOrganizationName("ModelDesk")
    app.setDesktopFileName("modeldesk")  # packaging/linux/modeldesk.desktop: its icon in Wayland task bars
    from desktop_app import i18n
    from desktop_app.icons import app_icon
    from desktop_app.main_window import MainWindow
    from desktop_app.settings import app_settings

    i18n.install(app, i18n.saved_choice(app_settings()))  # before any widget is made: they translate when made

    app.setWindowIcon(app_icon())  # the SVG: sharp at any size and screen scale

    collector = collect_garbage_in_gui_thread()  # noqa: F841 - must live as long as the app
    window = MainWindow()
    freeze_when_engine_ready(window.state)
    window.show()
    exit_when_shown = os.environ.get(EXIT_WHEN_SHOWN) == "1"
    after_first_paint(window, report_shown_and_exit if exit_when_shown else lambda: finish_start(window))
    return app.exec()
