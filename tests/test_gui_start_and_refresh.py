"""A fast start (the window first, the rest after its first paint, torch never on the way) and a
Train page that keeps the GUI thread free while training (plots refreshed one per timer tick,
axes kept as ready-drawn pictures, the big imports out of the collector's reach)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from desktop_app.app import EXIT_WHEN_SHOWN
from desktop_app.startup import after_first_paint, collect_garbage_in_gui_thread
from desktop_app.main_window import PAGE_NAMES, MainWindow
from desktop_app.pages.train_page import CLASSIFIER_PLOTS, REFRESH_STEPS
from engine.train.events import BatchEnd, EpochEnd, TrainingStarted

ROOT = Path(__file__).resolve().parent.parent


def _env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MODELDESK_HOME": str(home), **extra}


def test_the_real_start_paints_the_window_without_torch(tmp_path):
    """`python -m desktop_app` with the benchmark hook: one marker line after the first paint, torch not imported,
    nor pyqtgraph (the Data page's plots are made when a dataset is shown)."""
    done = subprocess.run([sys.executable, "-m", "desktop_app"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=_env(tmp_path, **{EXIT_WHEN_SHOWN: "1"}))
    assert done.returncode == 0, done.stderr
    markers = [line for line in done.stdout.splitlines() if line.startswith("MODELDESK_SHOWN ")]
    assert len(markers) == 1
    fields = dict(item.split("=", 1) for item in markers[0].split()[1:])
    assert float(fields["time"]) > 0
    assert fields["torch"] == "False"
    assert fields["pyqtgraph"] == "False"


def test_the_real_start_then_makes_every_page_and_loads_data_and_engine(tmp_path):
    code = textwrap.dedent("""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        import desktop_app.app as app_module
        app = QApplication([])
        def check():
            window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
            if window.state.engine is None or window.state.dataset is None:
                QTimer.singleShot(100, check)
                return
            print("pages", ",".join(window.pages_made()), "dataset", window.state.dataset_spec,
                  "start", window.train_page.start_button.isEnabled())
            window.close()
        QTimer.singleShot(100, check)
        app_module.main([])
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert "pages Data,Model,Train,Evaluate,Playground,Runs dataset digits start True" in done.stdout


def test_only_the_first_pages_are_made_with_the_window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    assert win.pages_made() == ["Data", "Model"]
    win.show()
    win.show_page("Train")  # choosing a page not made yet makes the rest
    assert win.pages_made() == list(PAGE_NAMES)
    assert win.current_page_name() == "Train"
    assert win.train_page.isVisible() and not win.data_page.isVisible()
    win.show_page("Playground")
    assert win.playground_page.isVisible() and not win.train_page.isVisible()


def test_asking_for_a_later_page_makes_it(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    page = win.evaluate_page
    assert win.pages_made() == list(PAGE_NAMES)
    assert win.evaluate_page is page  # made once


class _PaintCounter(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def event(self, event):
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return super().event(event)


def test_after_first_paint_runs_once_after_the_first_paint(qtbot):
    widget = _PaintCounter()
    qtbot.addWidget(widget)
    calls = []
    after_first_paint(widget, lambda: calls.append(widget.paints), fallback_ms=60_000)
    assert calls == []
    widget.show()
    qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
    assert calls[0] >= 1  # the widget had been painted
    widget.update()
    qtbot.wait(50)
    assert len(calls) == 1


def test_after_first_paint_falls_back_on_a_timer(qtbot):
    widget = QWidget()  # never shown, so never painted
    qtbot.addWidget(widget)
    calls = []
    after_first_paint(widget, lambda: calls.append(1), fallback_ms=10)
    qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
    qtbot.wait(30)
    assert calls == [1]


def test_the_gui_collector_freezes_what_an_import_made_before_it_collects(qtbot, tmp_path, monkeypatch):
    """The first ONNX export imports ~130,000 long-lived objects; left in the collector's reach they made every
    later full collection hold the GUI thread for ~80 ms mid-training."""
    (tmp_path / "imported_late.py").write_text("TABLE = [[i] for i in range(50_000)]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    collector = collect_garbage_in_gui_thread(interval_ms=60_000)  # checked by hand below
    try:
        collector.check()
        assert collector.freezes == 0 and gc.get_freeze_count() == 0
        import imported_late  # noqa: F401
        collector.check()
        assert collector.freezes == 1
        assert gc.get_freeze_count() >= 50_000  # the module's objects are out of the collector's reach
        collector.check()
        assert collector.freezes == 1  # nothing new was imported
    finally:
        gc.unfreeze()  # the other tests collect their garbage as usual
        sys.modules.pop("imported_late", None)


def _count_set_data(monkeypatch, curves: dict) -> dict:
    """Wrap each curve's setData to count calls per plot name."""
    calls = {name: 0 for name in curves}
    for name, items in curves.items():
        for curve in items:
            original = curve.setData

            def counted(*args, _original=original, _name=name, **kwargs):
                calls[_name] += 1
                return _original(*args, **kwargs)

            monkeypatch.setattr(curve, "setData", counted)
    return calls


def test_train_page_refreshes_one_plot_per_tick(qtbot, monkeypatch):
    win = MainWindow()
    qtbot.addWidget(win)
    page = win.train_page
    curves = {"loss": [page.batch_curve, page.smooth_curve, page.val_loss_curve],
              "accuracy": [page.train_acc_curve, page.val_acc_curve], "lr": [page.lr_curve],
              "speed": [page.speed_curve]}
    assert list(curves) == list(CLASSIFIER_PLOTS)
    for plot in (page.loss_plot, page.accuracy_plot, page.lr_plot, page.speed_plot):
        for axis in ("left", "bottom"):
            assert plot.getAxis(axis).cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    calls = _count_set_data(monkeypatch, curves)
    page._on_event(TrainingStarted("run", "cpu", "cnn-small", 1000, 1000, 200, 10, 45, 1))
    for epoch in range(1, 11):  # 450 batch events and 10 epochs arrive before the timer fires
        for step in range(1, 46):
            page._on_event(BatchEnd(epoch, step, 45, (epoch - 1) * 45 + step, 1.0 / epoch))
        page._on_event(EpochEnd(epoch, 10, 1.0, 0.5, 1.0, 0.5, 1e-3, 1000.0, 0.1, is_best=True))
    assert sum(calls.values()) == 0  # events are only collected

    for tick in range(REFRESH_STEPS):  # each tick redraws at most one plot
        before = dict(calls)
        page.refresh_step()
        changed = [name for name in calls if calls[name] != before[name]]
        assert changed == [CLASSIFIER_PLOTS[tick]]
    assert calls == {name: len(items) for name, items in curves.items()}  # 460 events: one redraw per curve
    assert len(page.batch_curve.getData()[0]) == 450 and len(page.val_acc_curve.getData()[0]) == 10
    assert page.progress_bar.value() == 450

    for _ in range(2 * REFRESH_STEPS):  # nothing new: nothing redrawn
        page.refresh_step()
    assert calls == {name: len(items) for name, items in curves.items()}

    page._on_event(BatchEnd(11, 1, 45, 451, 0.1))  # a new step only touches the loss plot
    for _ in range(REFRESH_STEPS):
        page.refresh_step()
    assert calls["loss"] == 2 * len(curves["loss"]) and calls["accuracy"] == len(curves["accuracy"])


def test_gan_and_translation_views_refresh_in_parts(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    for view in (win.train_page.gan_view, win.train_page.translate_view):
        view._batch_dirty = view._epoch_dirty = True
        view.refresh(REFRESH_STEPS + 1)  # a part the view does not have: nothing
        assert view._batch_dirty and view._epoch_dirty
        view.refresh(0)
        assert not view._batch_dirty and view._epoch_dirty
        view.refresh(1)
        assert not view._epoch_dirty
