"""Opening the ModelDesk window once the pre-flight (desktop_app.preflight) found nothing in the
way: the application object, the window, and what follows its first paint."""

from __future__ import annotations

import gc
import os
import sys
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# EXIT_WHEN_SHOWN set to 1 (by bench/cold_start.py): print one line when the window has first been
# painted ("MODELDESK_SHOWN time=<time.time()> torch=<True|False> pyqtgraph=<True|False>") and end
# the process.
from desktop_app.app import EXIT_WHEN_SHOWN

FIRST_PAINT_FALLBACK_MS = 3000  # a window that is never painted (started minimised) still loads the engine
# How long a thread may keep Python's GIL while another waits for it (Python's default: 5 ms).
# While training, the GUI thread waits for the training thread at every repaint and every slot;
# 1 ms cut the GUI's stalls at the end of a GAN run from 104-291 ms to 44-113 ms (bench/gui_stall.py).
GIL_SWITCH_INTERVAL_S = 0.001


class _GuiThreadCollector(QObject):
    """Python's cycle collector, switched off and run by a timer in the GUI thread instead, with
    the collector's own thresholds (as pyqtgraph's GarbageCollector does; that one would import
    all of pyqtgraph before the window's first paint).

    Whatever was imported since the last check is moved out of the collector's reach first
    (`gc.freeze()`): modules, classes and functions live as long as the app. Torch and the app
    are some 400,000 of them, which a full collection would scan for about 0.2 s in the middle of
    a training run; the first ONNX export adds some 130,000 more (about 80 ms per collection).
    Objects freed by reference counting are not affected."""

    def __init__(self, interval_ms: int) -> None:
        super().__init__()
        self._thresholds = gc.get_threshold()
        self._modules = len(sys.modules)
        self.freezes = 0  # how often imports were frozen (tests read it)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Freeze what new imports made; collect each generation whose count passed its
        threshold, youngest first."""
        if len(sys.modules) > self._modules:
            gc.collect(1)  # the young garbage of the moment is not frozen with the imports
            gc.freeze()
            self._modules = len(sys.modules)
            self.freezes += 1
            return
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                return
            gc.collect(generation)


def collect_garbage_in_gui_thread(interval_ms: int = 1000) -> QObject:
    """Run Python's cycle collector only from the GUI thread (a QTimer), never in a worker.

    A collection triggered inside a worker thread can destroy Qt objects caught in reference
    cycles there, which crashes Qt. Returns the collector; keep a reference to it.
    """
    return _GuiThreadCollector(interval_ms)


def hand_over_the_gil_sooner() -> None:
    """Let a thread that waits for Python's GIL (the GUI thread, while training runs) get it
    after `GIL_SWITCH_INTERVAL_S` instead of Python's 5 ms. Costs nothing while no thread waits."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)


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
    painted and whether torch and pyqtgraph were imported by then, then end the process at once
    (no cleanup: nothing was changed yet)."""
    loaded = " ".join(f"{name}={name in sys.modules}" for name in ("torch", "pyqtgraph"))
    print(f"MODELDESK_SHOWN time={time.time():.6f} {loaded}", flush=True)
    os._exit(0)


def finish_start(window) -> None:
    """What follows the window's first paint: the remaining pages, the last dataset (loaded in
    the background) and the engine (torch, loaded in the background)."""
    window.build_all_pages()
    window.data_page.load_initial()
    window.start_engine_loading()


def open_window(argv: list[str]) -> int:
    """Open the window (in the theme and language remembered, see desktop_app.theme and
    desktop_app.i18n), then after its first paint make the other pages and load the last dataset
    and the engine (torch) in the background; run the event loop and return its exit code."""
    app = QApplication.instance() or QApplication(argv)
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
    hand_over_the_gil_sooner()
    window = MainWindow()
    window.show()
    exit_when_shown = os.environ.get(EXIT_WHEN_SHOWN) == "1"
    after_first_paint(window, report_shown_and_exit if exit_when_shown else lambda: finish_start(window))
    return app.exec()
