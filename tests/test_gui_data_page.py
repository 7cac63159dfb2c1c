"""The Data page with real widgets: loading in the background, the overview (summary, samples,
class chart, warnings), errors that keep the previous dataset, Cancel, folders, settings, and a
torch-free import."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox  # noqa: E402

from desktop_app.pages import data_page as data_page_module  # noqa: E402
from desktop_app.pages.data_page import (FOLDER_KEY, SETTINGS_KEY, DataPage, pick_samples, summary_text,  # noqa: E402
                                         warning_lines)
from desktop_app.settings import app_settings  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402
from engine.data import registry  # noqa: E402
from engine.data.base import ImageData  # noqa: E402
from engine.errors import DataError, DownloadCancelled  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REAL_LOAD = registry.load_dataset


def _fake(name: str = "fake", classes: int = 10, train: int = 200, test: int | None = 50, size: int = 28,
          channels: int = 1) -> ImageData:
    rng = np.random.default_rng(0)
    labels = np.arange(train) % classes
    images = rng.integers(0, 256, (train, size, size, channels), dtype=np.uint8)
    test_images = test_labels = None
    if test:
        test_labels = np.arange(test) % classes
        test_images = rng.integers(0, 256, (test, size, size, channels), dtype=np.uint8)
    return ImageData(name, [f"class {i}" for i in range(classes)], images, labels.astype(np.int64),
                     test_images, None if test_labels is None else test_labels.astype(np.int64))


@pytest.fixture
def state():
    return AppState()


@pytest.fixture
def page(qtbot, state):
    """A shown page; at the end any load still running is cancelled and its thread waited for."""
    widget = DataPage(state)
    qtbot.addWidget(widget)
    widget.resize(1180, 780)
    widget.show()
    yield widget
    widget.cancel_loading()
    for task in list(BackgroundTask._live):
        task.wait(10_000)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=5_000)
    for box in _error_dialogs():
        box.done(0)
    widget.close()
    widget.deleteLater()
    del widget
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # Qt wrappers caught in reference cycles (pyqtgraph makes some) must be collected here, in
    # the GUI thread: collected later by the next test's worker thread, they crash Python.
    gc.collect()


def _load(qtbot, page, spec: str = "digits"):
    with qtbot.waitSignal(page._state.dataset_changed, timeout=10_000):
        page.load_spec(spec)


def _error_dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]


def _wait_for_error(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: len(_error_dialogs()) == 1, timeout=10_000)
    return _error_dialogs()[0]


def _button(page, spec: str):
    return next(b for b in page.dataset_buttons.buttons() if b.property("spec") == spec)


# ----- loading and the overview ---------------------------------------------------------------
def test_digits_overview(qtbot, page, state):
    loading = []
    state.dataset_loading.connect(loading.append)
    assert "No dataset" in page.heading_label.text()
    _load(qtbot, page)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5_000)
    data = state.dataset
    assert state.dataset_spec == "digits" and page.selected_spec() == "digits"
    assert loading == [True, False]
    assert "Handwritten digits" in page.heading_label.text()
    assert "1,797" in page.summary_label.text() and "10 classes" in page.summary_label.text()
    assert "8x8 pixels" in page.summary_label.text() and "20%" in page.summary_label.text()
    assert page.warnings_label.isHidden()
    assert page.progress_bar.isHidden() and page.cancel_button.isHidden() and page.dataset_list.isEnabled()
    # the sample grid: a few labelled images of every class, crisp pixmaps
    captions = page.sample_captions()
    pixmaps = page.sample_pixmaps()
    assert len(captions) == len(pixmaps) == len(pick_samples(data.train_labels, 10)) == 20
    assert set(captions) == {str(i) for i in range(10)}
    assert all(not p.isNull() and p.width() == data_page_module.SAMPLE_PIXELS for p in pixmaps)
    _load(qtbot, page)  # loading again replaces the samples rather than adding to them
    assert page.sample_captions() == captions
    # the chart: one bar per class, heights are the class counts, class names as ticks
    heights = np.asarray(page.class_bars.opts["height"])
    np.testing.assert_array_equal(heights, np.bincount(data.train_labels))
    assert page.class_chart.getAxis("left").labelText == "images"
    assert [text for _, text in page.class_axis._tickLevels[0]] == [str(i) for i in range(10)]
    assert page.class_axis.angle == 0


def test_sources_come_from_the_registry(page):
    titles = [b.text() for b in page.dataset_buttons.buttons()]
    plain = [info for info in registry.list_datasets("classify") if not info.takes_argument]
    assert titles[:len(plain)] == [data_page_module.dataset_title(info.name) for info in plain]
    assert titles[-1] == "Your own images…"
    assert page.task_combo.count() >= 1 and page.task_combo.currentData() == "classify"
    assert page.task_combo.currentText() == "Image classification"
    descriptions = [label.text() for label in page.dataset_list.findChildren(QLabel)]
    assert plain[0].description in descriptions


def test_clicking_a_dataset_loads_it(qtbot, page, state, monkeypatch):
    _load(qtbot, page)
    calls = []

    def fake_load(spec, options=None):
        calls.append(spec)
        return _fake("mnist")

    monkeypatch.setattr(registry, "load_dataset", fake_load)
    with qtbot.waitSignal(state.dataset_changed, timeout=10_000):
        qtbot.mouseClick(_button(page, "mnist"), Qt.MouseButton.LeftButton)
    assert calls == ["mnist"] and state.dataset_spec == "mnist" and page.selected_spec() == "mnist"
    assert "200 training and 50 test images" in page.summary_label.text()
    # clicking the dataset already shown does not load it again
    qtbot.mouseClick(_button(page, "mnist"), Qt.MouseButton.LeftButton)
    assert not page.is_loading() and calls == ["mnist"]


# ----- failures and cancelling ------------------------------------------------------------------
def test_missing_folder_shows_the_plain_sentence_and_keeps_digits(qtbot, page, state):
    _load(qtbot, page)
    missing = "folder:/nonexistent/path"
    with pytest.raises(DataError) as expected:
        REAL_LOAD(missing)
    statuses = []
    state.status_message.connect(statuses.append)
    page.load_spec(missing)
    box = _wait_for_error(qtbot)
    assert box.text() == str(expected.value)
    assert box.windowTitle() == "Could not load the dataset"
    box.done(0)
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5_000)
    assert state.dataset_spec == "digits" and page.selected_spec() == "digits"
    assert "1,797" in page.summary_label.text() and page.dataset_list.isEnabled()


def test_data_error_keeps_previous_dataset(qtbot, page, state, monkeypatch):
    _load(qtbot, page)

    def broken(spec, options=None):
        raise DataError("The MNIST files are damaged; delete the download folder and try again.", details="trace")

    monkeypatch.setattr(registry, "load_dataset", broken)
    qtbot.mouseClick(_button(page, "mnist"), Qt.MouseButton.LeftButton)
    box = _wait_for_error(qtbot)
    assert box.text() == "The MNIST files are damaged; delete the download folder and try again."
    assert box.detailedText() == "trace"
    box.done(0)
    assert state.dataset_spec == "digits" and page.selected_spec() == "digits"
    assert _button(page, "digits").isChecked() and not _button(page, "mnist").isChecked()


@pytest.mark.parametrize("on_cancel", ["raise", "return"])
def test_cancel_stops_a_slow_load(qtbot, page, state, monkeypatch, on_cancel):
    _load(qtbot, page)
    sizes_known = threading.Event()

    def slow(spec, options=None):
        deadline = time.monotonic() + 10
        step = 0
        while time.monotonic() < deadline:
            step += 1
            options.progress(step, 1000 if sizes_known.is_set() else 0)
            if options.should_cancel():
                if on_cancel == "raise":
                    raise DownloadCancelled("The download was cancelled.")
                return None
            time.sleep(0.005)
        return _fake("never")

    monkeypatch.setattr(registry, "load_dataset", slow)
    statuses, loading = [], []
    state.status_message.connect(statuses.append)
    state.dataset_loading.connect(loading.append)
    qtbot.mouseClick(_button(page, "cifar10"), Qt.MouseButton.LeftButton)
    assert page.is_loading() and page.progress_bar.isVisible() and page.cancel_button.isVisible()
    assert not page.dataset_list.isEnabled() and not page.folder_button.isEnabled()
    assert page.selected_spec() == "cifar10"
    qtbot.waitUntil(lambda: page.progress_bar.maximum() == 0)  # busy: total unknown
    sizes_known.set()
    qtbot.waitUntil(lambda: page.progress_bar.maximum() > 0 and page.progress_bar.value() > 0, timeout=5_000)
    with qtbot.waitSignal(state.dataset_loading, timeout=10_000):
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert loading == [True, False]
    assert not _error_dialogs()
    assert any("cancelled" in s.lower() for s in statuses)
    assert state.dataset_spec == "digits" and page.selected_spec() == "digits"
    assert page.progress_bar.isHidden() and page.cancel_button.isHidden() and page.dataset_list.isEnabled()
    assert "1,797" in page.summary_label.text()


def test_a_new_load_replaces_one_in_progress(qtbot, page, state, monkeypatch):
    def slow_then_fast(spec, options=None):
        while spec == "cifar10" and not options.should_cancel():
            time.sleep(0.005)
        return REAL_LOAD("digits") if spec == "digits" else _fake(spec)

    monkeypatch.setattr(registry, "load_dataset", slow_then_fast)
    loading = []
    state.dataset_loading.connect(loading.append)
    page.load_spec("cifar10")
    with qtbot.waitSignal(state.dataset_changed, timeout=10_000):
        page.load_spec("digits")
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=5_000)
    assert state.dataset_spec == "digits" and loading == [True, False]


def test_no_dataset_change_while_training(qtbot, page, state):
    _load(qtbot, page)
    statuses = []
    state.status_message.connect(statuses.append)
    state.set_training(True)
    assert not page.dataset_list.isEnabled() and not page.folder_button.isEnabled()
    page.load_spec("mnist")
    assert not page.is_loading() and statuses and page.selected_spec() == "digits"
    state.set_training(False)
    assert page.dataset_list.isEnabled()


# ----- your own folder ----------------------------------------------------------------------------
def _write_folder(root: Path) -> Path:
    from PIL import Image

    rng = np.random.default_rng(0)
    for name, count in (("cat", 12), ("dog", 3), ("owl", 7)):
        (root / name).mkdir(parents=True)
        for i in range(count):
            pixels = rng.integers(0, 256, (10, 12, 3), dtype=np.uint8)
            Image.fromarray(pixels).save(root / name / f"{i}.png")
    (root / "cat" / "broken.png").write_bytes(b"not a picture")
    return root


def test_own_folder(qtbot, page, state, monkeypatch, tmp_path):
    pytest.importorskip("engine.data.folder")
    folder = _write_folder(tmp_path / "pets")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    with qtbot.waitSignal(state.dataset_changed, timeout=10_000):
        qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    assert state.dataset_spec == f"folder:{folder}" and page.selected_spec() == "folder"
    assert page.heading_label.text() == "<h3>Your images: pets</h3>"
    assert "3 classes" in page.summary_label.text()
    assert set(page.sample_captions()) == {"cat", "dog", "owl"}
    assert page.folder_description.text().startswith("Folder: ") and page.folder_description.toolTip() == str(folder)
    warnings = page.warnings_label.text()
    assert page.warnings_label.isVisible()
    assert "1 file could not be read and was skipped." in warnings
    assert warnings.count("&#x27;dog&#x27;") == 1  # said once, by the loader or by the page
    assert "The class &#x27;owl&#x27; has only 7 images; the model will struggle to learn it." in warnings
    assert app_settings().value(FOLDER_KEY) == str(folder)


def test_folder_dialog_cancelled_keeps_selection(qtbot, page, state, monkeypatch):
    _load(qtbot, page)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: "")
    qtbot.mouseClick(_button(page, "folder"), Qt.MouseButton.LeftButton)
    assert not page.is_loading() and page.selected_spec() == "digits"


# ----- settings -----------------------------------------------------------------------------------
def test_settings_round_trip_and_fallback(qtbot, page, state):
    settings = app_settings()
    settings.setValue(SETTINGS_KEY, "folder:/nonexistent/remembered")
    settings.sync()
    with qtbot.waitSignal(state.dataset_changed, timeout=10_000):
        page.load_initial()  # the remembered folder is gone: say so, then show the digits
    assert _wait_for_error(qtbot).text()
    assert state.dataset_spec == "digits" and page.selected_spec() == "digits"
    page.save_settings(settings)
    assert settings.value(SETTINGS_KEY) == "digits"


def test_load_initial_defaults_to_digits(qtbot, page, state):
    with qtbot.waitSignal(state.dataset_changed, timeout=10_000):
        page.load_initial()
    assert state.dataset_spec == "digits" and not _error_dialogs()


# ----- plain helpers ------------------------------------------------------------------------------
def test_summary_and_warnings_in_plain_words():
    data = _fake(classes=3, train=60, test=30, size=32, channels=3)
    assert summary_text(data).startswith("60 training and 30 test images, 3 classes, 32x32 pixels, colour.")
    data = _fake(classes=12, train=60, test=None)
    data.skipped_files = 2
    lines = warning_lines(data)
    assert lines[0] == "2 files could not be read and were skipped."
    assert lines[1] == "The class 'class 0' has only 5 images; the model will struggle to learn it."
    assert lines[-1] == "7 more classes have fewer than 10 images; the model will struggle to learn them."
    data.warnings = ["The class 'class 0' has only 5 pictures; add more.", "3 files could not be read."]
    lines = warning_lines(data)
    assert lines[:2] == data.warnings and not any("'class 0' has only 5 images" in line for line in lines)
    assert not any("were skipped" in line for line in lines)


def test_pick_samples_is_deterministic_and_spread():
    labels = np.arange(1000) % 10
    first = pick_samples(labels, 10)
    np.testing.assert_array_equal(first, pick_samples(labels, 10))
    assert np.all(np.diff(labels[first]) >= 0) and np.bincount(labels[first]).tolist() == [2] * 10
    many = pick_samples(np.arange(1000) % 100, 100)
    assert len(many) == 24 and len(set((np.arange(1000) % 100)[many])) == 24
    assert np.bincount(pick_samples(np.array([0, 0, 1]), 2), minlength=3).sum() == 3


def test_many_classes_get_slanted_names(qtbot, page, state):
    data = _fake(classes=40, train=400, test=None)
    state.set_dataset("fake", data)
    np.testing.assert_array_equal(page.class_bars.opts["height"], np.bincount(data.train_labels))
    page.resize(900, 600)
    qtbot.waitUntil(lambda: page.class_axis.angle == 45)
    assert len(page.sample_captions()) == 24


# ----- start-up cost ----------------------------------------------------------------------------------
def test_page_does_not_import_torch(tmp_path):
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "from desktop_app.pages.data_page import DataPage\n"
            "from desktop_app.state import AppState\n"
            "app = QApplication([])\n"
            "page = DataPage(AppState())\n"
            "assert 'torch' not in sys.modules, 'torch was imported'\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MODELDESK_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
