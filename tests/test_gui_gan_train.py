"""The GAN task clicked through the real window: choose it on the Data page, see the GAN models
on the Model page, train on the Train page (curves, sample grids, the epoch slider), pause,
resume, stop, and open the trained generator in the Playground."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt, QTimer

from desktop_app.workers import BackgroundTask


def _choose_gan_task(qtbot, win) -> None:
    """Pick "Image generation (GAN)" in the Data page's task list with the keyboard."""
    win.show_page("Data")
    combo = win.data_page.task_combo
    assert combo.currentData() == "classify"
    combo.setFocus()
    while combo.currentData() != "gan":
        index = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != index, "the task list has no GAN entry"
    assert combo.currentText() == "Image generation (GAN)"
    assert win.state.task == "gan"


def _image_bytes(pixmap) -> bytes:
    image = pixmap.toImage()
    return bytes(image.constBits())


def test_gan_task_model_page_train_slider_and_playground(qtbot, window, monkeypatch):
    win = window
    _choose_gan_task(qtbot, win)

    # the Model page offers the GAN models and only the settings that apply
    model_page = win.model_page
    win.show_page("Model")
    names = [model_page.model_list.item(row).data(Qt.ItemDataRole.UserRole)
             for row in range(model_page.model_list.count())]
    assert names == ["dcgan", "dcgan-conditional"]
    assert model_page.selected_model() == "dcgan"
    for widget in (model_page.optimizer_combo, model_page.augment_combo, model_page.patience_spin):
        assert not widget.isVisible()
    for widget in (model_page.epochs_spin, model_page.batch_spin, model_page.lr_spin, model_page.device_combo):
        assert widget.isVisible()
    assert "judge" in model_page.epochs_spin.toolTip() or "pictures" in model_page.epochs_spin.toolTip()
    config = model_page.config()
    assert (config.task, config.model, config.batch_size, config.lr) == ("gan", "dcgan", 64, pytest.approx(2e-4))
    assert config.optimizer is None and config.augment is None and config.patience is None

    # train three epochs by clicking Start
    page = win.train_page
    win.show_page("Train")
    assert page.views.currentWidget() is page.gan_view
    model_page.epochs_spin.setValue(3)
    with qtbot.waitSignal(win.state.training_finished, timeout=120_000) as finished:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_running(), timeout=10_000)
    result = finished.args[0]
    assert result.task == "gan" and result.status == "finished" and result.epochs_done == 3
    page.refresh_plots()
    view = page.gan_view

    # curves: one point per reported step (every step on digits) and one per epoch
    steps = 3 * view.steps_per_epoch
    for curve in (view.g_loss_curve, view.d_loss_curve, view.g_raw_curve, view.d_raw_curve, view.real_curve,
                  view.fake_curve):
        assert len(curve.getData()[0]) == steps
    assert view.g_loss_curve.getData()[0][-1] == pytest.approx(3.0)
    assert 0.0 <= min(view.real_curve.getData()[1]) and max(view.fake_curve.getData()[1]) <= 1.0
    assert list(view.recognised_curve.getData()[0]) == [1, 2, 3]
    assert view.recognised_curve.getData()[1][-1] == pytest.approx(100 * result.history[-1]["recognised"])
    assert len(view.coverage_curve.getData()[0]) == 3
    assert "Epoch 3/3" in page.log_view.toPlainText()
    assert "reference classifier" in page.log_view.toPlainText()  # the Status messages reach the log

    # the newest grid is shown; the slider has one position per finished epoch
    assert len(view.grid_history) == 3
    assert view.shown_grid() is view.grid_history[-1][1]
    assert view.grid_view.pixmap() is not None and not view.grid_view.pixmap().isNull()
    target = view.grid_view.target_rect()
    assert target.width() >= 3 * view.grid_history[-1][1].shape[1]  # enlarged so 8x8 digits are readable
    assert (view.slider.minimum(), view.slider.maximum(), view.slider.value()) == (0, 2, 2)
    assert view.epoch_label.text().startswith("Epoch 3 of 3")
    newest = _image_bytes(view.grid_view.pixmap())
    view.slider.setFocus()
    qtbot.keyClick(view.slider, Qt.Key.Key_Home)  # back to the first epoch
    assert view.slider.value() == 0 and not view.follow_latest
    assert view.shown_grid() is view.grid_history[0][1]
    assert view.epoch_label.text().startswith("Epoch 1 of 3")
    assert not np.array_equal(view.grid_history[0][1], view.grid_history[-1][1])
    assert _image_bytes(view.grid_view.pixmap()) != newest
    qtbot.keyClick(view.slider, Qt.Key.Key_End)  # the right end follows the newest again
    assert view.follow_latest and view.shown_grid() is view.grid_history[-1][1]

    # a GAN result stays on the Train page; the Evaluate page keeps its empty state
    assert win.current_page_name() == "Train"
    assert win.evaluate_page._result is None and win.evaluate_page.stack.currentIndex() == 0
    assert "Best epoch" in page.progress_label.text() and "of 10 classes" in page.progress_label.text()

    # Open in Playground opens the generator there
    assert page.playground_button.isVisible()
    onnx = Path(page.generator_path)
    assert onnx.name == "generator.onnx" and onnx.exists() and onnx.parent == Path(result.run_dir)
    opened = []
    original = win.playground_page.open_model
    monkeypatch.setattr(win.playground_page, "open_model", lambda path: (opened.append(path), original(path)))
    qtbot.mouseClick(page.playground_button, Qt.MouseButton.LeftButton)
    assert win.current_page_name() == "Playground"
    assert opened == [str(onnx)]
    # let the Playground finish opening (and drawing) before the window closes
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=30_000)


class _StallProbe(QObject):
    """The longest gap between ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.longest, self._last = 0.0, None
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest = max(self.longest, now - self._last)
        self._last = now


def test_gan_pause_resume_and_stop(qtbot, window, record_property):
    win = window
    _choose_gan_task(qtbot, win)
    page, view = win.train_page, win.train_page.gan_view
    win.show_page("Train")
    win.model_page.epochs_spin.setValue(200)
    probe = _StallProbe()
    probe.timer.start()
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert not page.start_button.isEnabled() and not page.playground_button.isVisible()
    assert not win.data_page.task_combo.isEnabled()  # the task cannot change under a running training
    qtbot.waitUntil(lambda: len(view.epoch_x) >= 2, timeout=60_000)
    probe.timer.stop()
    record_property("longest_gui_stall_ms", round(1000 * probe.longest, 1))
    assert probe.longest < 0.25  # curves, grids and the reference classifier never freeze the window
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pause_button.text() == "&Resume", timeout=10_000)
    qtbot.waitUntil(lambda: "Paused at epoch" in page.progress_label.text(), timeout=10_000)
    steps = len(view.batch_x)
    qtbot.wait(400)
    assert len(view.batch_x) == steps  # nothing moves while paused
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(view.batch_x) > steps + 5, timeout=10_000)
    with qtbot.waitSignal(win.state.training_finished, timeout=60_000) as finished:
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert result.status == "stopped" and 2 <= result.epochs_done < 200
    qtbot.waitUntil(lambda: page.start_button.isEnabled(), timeout=10_000)
    page.refresh_plots()
    assert len(view.grid_history) == result.epochs_done
    assert view.slider.maximum() == result.epochs_done - 1
    assert win.current_page_name() == "Train"
    assert page.playground_button.isVisible() and Path(page.generator_path).exists()
    assert page.progress_label.text().startswith("Stopped by the user. Best epoch")


def test_task_and_each_tasks_model_are_remembered(qtbot):
    """Pages alone (no training): the task follows the Data page's list, the Model page keeps a
    model per task, and both come back from the settings."""
    from desktop_app.engine_loader import EngineInfo
    from desktop_app.pages.data_page import DataPage
    from desktop_app.pages.model_page import ModelPage
    from desktop_app.settings import app_settings
    from desktop_app.state import AppState
    from engine.data.registry import load_dataset

    cpu = EngineInfo("CPU", [], "x", "y")
    state = AppState()
    data_page, model_page = DataPage(state), ModelPage(state)
    qtbot.addWidget(data_page)
    qtbot.addWidget(model_page)
    state.set_engine(cpu)
    state.set_dataset("digits", load_dataset("digits"))
    model_page.select_model("lenet5")
    with qtbot.waitSignal(state.task_changed):
        data_page.select_task("gan")
    assert model_page.task() == "gan" and model_page.selected_model() == "dcgan"
    assert data_page.summary_label.text() == ("1,797 images, 10 classes, 8x8 pixels, grayscale. "
                                              "The generator learns to draw from all of them.")
    item_text = model_page.model_list.currentItem().text()
    assert item_text.startswith("dcgan") and "parameters in the generator" in item_text
    model_page.select_model("dcgan-conditional")
    assert model_page.epochs_spin.value() == 200 and model_page.batch_spin.value() == 64
    data_page.select_task("classify")
    assert model_page.selected_model() == "lenet5" and model_page.optimizer_combo.isVisibleTo(model_page)
    assert "held out for validation" in data_page.summary_label.text()
    data_page.select_task("gan")
    assert model_page.selected_model() == "dcgan-conditional" and not model_page.optimizer_combo.isVisibleTo(model_page)
    settings = app_settings()
    data_page.save_settings(settings)
    model_page.save_settings(settings)
    settings.sync()

    again = AppState()
    data_again, model_again = DataPage(again), ModelPage(again)
    qtbot.addWidget(data_again)
    qtbot.addWidget(model_again)
    assert again.task == "gan" and data_again.task_combo.currentData() == "gan"
    assert model_again.task() == "gan" and model_again.selected_model() == "dcgan-conditional"
    again.set_engine(cpu)
    assert model_again.model_list.currentItem().data(Qt.ItemDataRole.UserRole) == "dcgan-conditional"
    again.set_task("classify")  # set elsewhere: the Data page's list follows
    assert data_again.task_combo.currentData() == "classify" and model_again.selected_model() == "lenet5"


def test_a_long_run_keeps_an_even_sample_of_grids_under_the_memory_cap(qtbot, monkeypatch):
    """Hundreds of epochs of big colour grids must not grow memory without bound: the slider
    keeps the first epoch, the newest and an even spread between, under the cap."""
    from desktop_app.pages import gan_train_view
    from engine.train.events import SamplesReady

    grid_bytes = 530 * 530 * 3  # 64 samples of 64x64 colour with padding
    monkeypatch.setattr(gan_train_view, "HISTORY_BYTES", 20 * grid_bytes)
    view = gan_train_view.GanTrainView()
    qtbot.addWidget(view)
    for epoch in range(1, 201):
        grid = np.full((530, 530, 3), epoch % 256, dtype=np.uint8)
        view.add_samples(SamplesReady(epoch=epoch, global_step=epoch * 10, grid=grid, epoch_end=True))
    view.refresh()
    epochs = [epoch for epoch, _ in view.grid_history]
    assert sum(grid.nbytes for _, grid in view.grid_history) <= 20 * grid_bytes
    assert len(epochs) >= 10 and epochs[0] == 1 and epochs[-1] == 200
    gaps = np.diff(epochs[:-1])
    assert gaps.max() == gaps.min(), "the kept epochs are evenly spread"
    view.show_epoch(0)
    assert view.shown_grid()[0, 0, 0] == 1 and view.epoch_label.text().startswith("Epoch 1 of")
