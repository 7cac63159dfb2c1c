"""The whole window, clicked through with real widgets: data, model, train, evaluate, export."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from engine.train.checkpoint import load_checkpoint


def _train(qtbot, win, epochs: int):
    win.model_page.epochs_spin.setValue(epochs)
    with qtbot.waitSignal(win.state.training_finished, timeout=120_000) as finished:
        qtbot.mouseClick(win.train_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.train_page.is_running(), timeout=10_000)
    return finished.args[0]


def test_train_two_epochs_then_evaluate_and_export(qtbot, window, tmp_path):
    win = window
    assert win.state.dataset_spec == "digits" and win.model_page.selected_model() == "cnn-small"
    result = _train(qtbot, win, 2)
    page = win.train_page
    page.refresh_plots()
    # the curves hold one point per epoch, and one per reported batch
    assert len(page.val_loss_curve.getData()[0]) == 2
    assert len(page.train_acc_curve.getData()[0]) == 2 and len(page.val_acc_curve.getData()[0]) == 2
    assert len(page.batch_curve.getData()[0]) == 2 * 45
    assert page.val_acc_curve.getData()[1][-1] == pytest.approx(100 * result.history[-1]["val_accuracy"])
    assert "Epoch 2/2" in page.log_view.toPlainText()
    # evaluation: the window moved to the Evaluate page, the matrix sums to the validation size
    assert win.current_page_name() == "Evaluate"
    confusion = np.array(result.evaluation.confusion)
    assert confusion.sum() == len(result.prepared.val)
    t, p = max(((t, p) for t in range(10) for p in range(10)), key=lambda c: confusion[c] if c[0] != c[1] else -1)
    if confusion[t, p] == 0:
        t, p = 3, 3
    win.evaluate_page.show_cell(t, p)
    assert win.evaluate_page.cell_gallery.count() == confusion[t, p]
    # export through the page: the parity check result is shown
    target = tmp_path / "digits.onnx"
    win.evaluate_page.export_model(str(target))
    qtbot.waitUntil(lambda: target.exists() and "difference" in win.evaluate_page.export_status.text(), timeout=60_000)


def test_pause_resume_and_stop_keep_a_checkpoint(qtbot, window):
    win = window
    page = win.train_page
    win.model_page.epochs_spin.setValue(200)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert not page.start_button.isEnabled()  # no second training from the UI
    qtbot.waitUntil(lambda: len(page.epoch_x) >= 2, timeout=60_000)
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pause_button.text() == "&Resume", timeout=10_000)
    qtbot.waitUntil(lambda: "Paused at epoch" in page.progress_label.text(), timeout=10_000)  # the worker confirmed
    assert page.paused_at() is not None and page.paused_at()[0] >= 1  # the language-free way to ask
    steps = len(page.batch_x)
    qtbot.wait(400)
    assert len(page.batch_x) == steps  # nothing moves while paused
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.batch_x) > steps + 5, timeout=10_000)
    with qtbot.waitSignal(win.state.training_finished, timeout=60_000) as finished:
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert result.status == "stopped" and 2 <= result.epochs_done < 200
    checkpoint = load_checkpoint(result.run_dir / "checkpoints" / "last.pt")
    assert checkpoint["epoch"] == result.epochs_done
    qtbot.waitUntil(lambda: page.start_button.isEnabled(), timeout=10_000)


class _StallProbe(QObject):
    """Measures the longest gap between ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.longest = 0.0
        self._last = None
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last)
        self._last = now


def test_gui_thread_never_stalls_during_training(qtbot, window, record_property):
    win = window
    win.model_page.epochs_spin.setValue(25)
    probe = _StallProbe()
    probe.timer.start()
    with qtbot.waitSignal(win.state.training_finished, timeout=120_000):
        qtbot.mouseClick(win.train_page.start_button, Qt.MouseButton.LeftButton)
        # a person switching pages and resizing while it trains
        for name in ("Data", "Model", "Train", "Data", "Train"):
            qtbot.wait(60)
            win.show_page(name)
        win.resize(1000, 700)
    probe.timer.stop()
    record_property("longest_gui_stall_ms", round(1000 * probe.longest, 1))
    print(f"longest GUI-thread stall during training: {1000 * probe.longest:.1f} ms")
    assert probe.longest < 0.25


def test_closing_during_training_asks_then_stops_cleanly(qtbot, window, monkeypatch):
    win = window
    win.model_page.epochs_spin.setValue(200)
    qtbot.mouseClick(win.train_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(win.train_page.epoch_x) >= 1, timeout=60_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    win.close()
    assert win.isVisible() and win.train_page.is_running()  # "No" keeps training
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(win.state.training_finished, timeout=60_000) as finished:
        win.close()
    assert not win.isVisible()
    result = finished.args[0]
    assert result.status == "stopped"
    assert load_checkpoint(result.run_dir / "checkpoints" / "last.pt")["epoch"] >= 1


def test_runs_page_resumes_a_run_and_copies_its_settings(qtbot, window):
    win = window
    win.model_page.select_model("mlp")
    first = _train(qtbot, win, 2)
    runs = win.runs_page
    win.show_page("Runs")
    runs.refresh()
    run_id = first.run_id
    assert run_id in runs.run_ids_shown()

    # more epochs for the same run: it continues from its checkpoint, in the same folder
    runs.select_runs([run_id])
    with qtbot.waitSignal(win.state.training_finished, timeout=120_000) as finished:
        runs.resume_selected(4)
    qtbot.waitUntil(lambda: not win.train_page.is_running(), timeout=10_000)
    resumed = finished.args[0]
    assert resumed.run_dir == first.run_dir and resumed.epochs_done == 4
    assert [h["epoch"] for h in resumed.history] == [1, 2, 3, 4]
    assert resumed.history[:2] == first.history[:2]  # the first two epochs are the ones trained before
    page = win.train_page
    page.refresh_plots()
    assert page.epoch_x == [1, 2, 3, 4]  # the curves show the whole run, not only the epochs added
    assert list(page.val_acc_curve.getData()[1]) == pytest.approx([100 * h["val_accuracy"] for h in resumed.history])
    assert min(page.batch_x) <= 2
    runs.refresh()
    assert runs.run_ids_shown().count(run_id) == 1

    # its settings, copied onto the Model page for a new run
    win.model_page.select_model("cnn-small")
    win.model_page.epochs_spin.setValue(9)
    runs.select_runs([run_id])
    runs.duplicate_selected()
    assert win.current_page_name() == "Model"
    assert win.model_page.selected_model() == "mlp" and win.model_page.epochs_spin.value() == 4
    assert win.model_page.config().lr == pytest.approx(first.config.lr)
