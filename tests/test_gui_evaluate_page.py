"""The Evaluate page with a real (2-epoch) training result: summary, confusion heatmap and its
clickable cells, per-class table, mistakes gallery and ONNX export in the background."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop_app.pages.evaluate_page import EMPTY_TEXT, VALUE_ROLE, EvaluatePage  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from engine.train.config import TrainConfig  # noqa: E402


def _digits():
    try:
        from engine.data.registry import load_dataset

        return load_dataset("digits")
    except Exception:  # noqa: BLE001 - other dataset sources may be unfinished; digits alone is enough
        from engine.data.digits import load_digits
        from engine.data.registry import LoadOptions

        return load_digits(None, LoadOptions())


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    from engine.train.run import train_classifier

    return train_classifier(TrainConfig(dataset="digits", epochs=2), runs_dir=tmp_path_factory.mktemp("runs"),
                            data=_digits(), export=False)


@pytest.fixture
def page(qtbot):
    state = AppState()
    page = EvaluatePage(state)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def shown(page, result):
    page._state.set_result(result)
    return page


def _confusion(result) -> np.ndarray:
    return np.asarray(result.evaluation.confusion)


def _cells(result) -> list[tuple[int, int]]:
    """A right-answer cell, a mistake cell and an empty cell."""
    confusion = _confusion(result)
    off = confusion.copy()
    np.fill_diagonal(off, 0)
    mistake = tuple(int(v) for v in np.argwhere(off > 0)[-1])
    empty = tuple(int(v) for v in np.argwhere(confusion == 0)[0])
    return [(3, 3), mistake, empty]


def test_empty_state_before_any_result(page):
    assert page.stack.currentIndex() == 0
    assert page.empty_label.text() == EMPTY_TEXT
    assert not page.export_button.isEnabled()


def test_summary_and_heatmap(shown, result):
    page = shown
    assert page.stack.currentIndex() == 1
    n_val = len(result.prepared.val)
    text = page.summary_label.text()
    assert f"{result.evaluation.accuracy:.1%}" in text and f"{result.evaluation.loss:.3f}" in text
    assert "2 epochs" in text and result.prepared.val_source in text
    image = page._heatmap.image
    assert image.shape == (10, 10)
    assert image.sum() == n_val
    np.testing.assert_array_equal(image, _confusion(result))
    assert len(page.confusion_plot.cell_texts()) == 100
    assert page.confusion_plot.cell_texts()[:3] == [str(v) for v in _confusion(result)[0, :3]]
    plot = page.confusion_plot.getPlotItem()
    assert plot.getAxis("bottom").labelText == "predicted" and plot.getAxis("left").labelText == "true"
    assert [label for _, label in plot.getAxis("bottom")._tickLevels[0]] == [str(i) for i in range(10)]
    # Something is shown in the cell gallery straight away (the biggest confusion).
    assert page.selected_cell is not None and page.cell_gallery.count() > 0


def test_clicking_cells_through_the_handler(shown, result):
    page = shown
    confusion = _confusion(result)
    for t, p in _cells(result):
        assert page.handle_heatmap_click(p + 0.5, t + 0.5) == (t, p)
        assert page.selected_cell == (t, p)
        assert page.cell_gallery.count() == confusion[t, p]
        noun = "image" if confusion[t, p] == 1 else "images"
        assert page.cell_caption.text().startswith(f"{confusion[t, p]} {noun} of '{t}' predicted as '{p}'")
        labels = result.prepared.val.labels.cpu().numpy()
        predictions = np.asarray(result.evaluation.predictions)
        for row in range(page.cell_gallery.count()):
            index = page.cell_gallery.item(row).data(VALUE_ROLE)
            assert (labels[index], predictions[index]) == (t, p)
    assert page.handle_heatmap_click(10.5, 2.0) is None  # outside the matrix: nothing changes
    assert page.selected_cell == _cells(result)[-1]


def test_clicking_a_cell_with_the_mouse(qtbot, shown, result):
    page = shown
    page.resize(1180, 780)
    page.show()
    qtbot.waitExposed(page)
    plot = page.confusion_plot
    confusion = _confusion(result)
    for t, p in ((5, 5), _cells(result)[1]):
        page.cell_gallery.clear()
        page.selected_cell = None
        scene_point = plot.plotItem.vb.mapViewToScene(QPointF(p + 0.5, t + 0.5))
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene_point))
        qtbot.waitUntil(lambda: page.selected_cell == (t, p), timeout=2000)
        assert page.cell_gallery.count() == confusion[t, p]


def test_class_table_matches_the_evaluation(shown, result):
    table = shown.class_table
    evaluation = result.evaluation
    assert table.rowCount() == 10
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Class", "Precision", "Recall", "F1", "Images"]
    for row in range(10):
        assert table.item(row, 0).text() == str(row)
        assert table.item(row, 1).data(VALUE_ROLE) == pytest.approx(evaluation.precision[row])
        assert table.item(row, 2).data(VALUE_ROLE) == pytest.approx(evaluation.recall[row])
        assert table.item(row, 3).data(VALUE_ROLE) == pytest.approx(evaluation.f1[row])
        assert table.item(row, 4).data(VALUE_ROLE) == evaluation.support[row]
        assert table.item(row, 2).text() == f"{evaluation.recall[row]:.1%}"
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # by F1, weakest first
    assert table.item(0, 3).data(VALUE_ROLE) == pytest.approx(min(evaluation.f1))


def test_mistakes_gallery_most_confident_first(shown, result):
    gallery = shown.mistakes_gallery
    evaluation = result.evaluation
    assert gallery.count() == min(len(evaluation.misclassified), 200) > 0
    first = evaluation.misclassified[0]
    true = int(result.prepared.val.labels[first])
    predicted = evaluation.predictions[first]
    assert gallery.item(0).text() == f"true {true} → {predicted}\n{evaluation.confidences[first]:.0%}"
    assert gallery.item(0).data(VALUE_ROLE) == first


def test_export_writes_an_onnx_file_with_parity(qtbot, shown, tmp_path):
    page = shown
    assert page.export_button.isEnabled()
    target = tmp_path / "m.onnx"
    page.export_model(str(target))
    assert not page.export_button.isEnabled()  # while exporting
    qtbot.waitUntil(lambda: page.export_status.text().startswith("Saved to"), timeout=60_000)
    assert target.exists() and target.stat().st_size > 0
    assert str(target) in page.export_status.text()
    assert "ONNX Runtime gives the same answers as PyTorch (largest difference" in page.export_status.text()
    qtbot.waitUntil(page.export_button.isEnabled, timeout=5000)
    import onnx

    keys = {entry.key for entry in onnx.load(str(target)).metadata_props}
    assert "modeldesk" in keys
    from engine.runs.store import RunStore

    result = page._state.result  # the run index now knows the file: the Runs page opens it in the Playground
    assert RunStore(result.run_dir.parent).get(result.run_id).onnx == str(target)


def test_export_from_the_menu_asks_for_a_file(qtbot, shown, tmp_path, monkeypatch):
    """A QAction passes `checked=False`; the page must ask for a path, and add the suffix."""
    chosen = tmp_path / "from-menu"
    monkeypatch.setattr("desktop_app.pages.evaluate_page.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(chosen), "ONNX models (*.onnx)"))
    shown.export_model(False)
    qtbot.waitUntil(lambda: shown.export_status.text().startswith("Saved to"), timeout=60_000)
    assert chosen.with_suffix(".onnx").exists()


def test_export_failure_is_shown_to_the_user(qtbot, shown, tmp_path):
    page = shown
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    page.export_model(str(blocker / "m.onnx"))  # the folder cannot be made: a file is in the way
    qtbot.waitUntil(lambda: page.export_status.text() == "The model was not exported.", timeout=20_000)
    boxes = [w for w in page.findChildren(QMessageBox) if w.objectName() == "errorDialog"]
    assert boxes and boxes[-1].isVisible()
    assert "could not be saved" in boxes[-1].text()
    boxes[-1].close()


def test_export_onto_a_full_disk_keeps_the_previous_file_and_says_so(qtbot, shown, tmp_path, monkeypatch):
    import errno
    import os

    page = shown
    out = tmp_path / "out"
    target = out / "digits.onnx"
    page.export_model(str(target))
    qtbot.waitUntil(lambda: page.export_status.text().startswith("Saved to"), timeout=60_000)
    before = target.read_bytes()
    real_replace = os.replace

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    page.export_model(str(target))
    qtbot.waitUntil(lambda: page.export_status.text() == "The model was not exported.", timeout=60_000)
    boxes = [w for w in page.findChildren(QMessageBox) if w.objectName() == "errorDialog" and w.isVisible()]
    assert len(boxes) == 1
    message = boxes[0].text()
    assert "disk is full" in message and "digits.onnx" in message and "\n" not in message and "Errno" not in message
    boxes[0].close()
    assert target.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["digits.onnx"]  # no temporary file left behind

    monkeypatch.setattr(os, "replace", real_replace)  # space freed: the same button works again
    page.export_model(str(out / "again.onnx"))
    qtbot.waitUntil(lambda: page.export_status.text().startswith("Saved to"), timeout=60_000)
    assert (out / "again.onnx").stat().st_size > 0


def test_export_button_follows_training(shown):
    page = shown
    assert page.export_button.isEnabled()
    page._state.set_training(True)
    assert not page.export_button.isEnabled()
    page.export_model("/tmp/never-written.onnx")  # refused while training
    assert page._export_task is None
    page._state.set_training(False)
    assert page.export_button.isEnabled()


def test_a_run_stopped_before_any_epoch_shows_the_empty_state(page, result):
    page._state.set_result(dataclasses.replace(result, evaluation=None, epochs_done=0, reason="Stopped by you."))
    assert page.stack.currentIndex() == 0
    assert "nothing to evaluate" in page.empty_label.text()
    assert not page.export_button.isEnabled()


def test_the_confusion_plot_writes_its_counts_with_one_item(qtbot):
    """The numbers in the cells are painted by one item (100 text items took ~0.1 s to make at the end of a run)."""
    from PySide6.QtGui import QColor

    from desktop_app.confusion_plot import ConfusionPlot

    plot = ConfusionPlot("true", "predicted")
    qtbot.addWidget(plot)
    plot.resize(400, 400)
    plot.show()
    items = len(plot.getPlotItem().items)
    plot.show_matrix(np.arange(100).reshape(10, 10), [str(i) for i in range(10)])
    assert plot.cell_texts() == [str(i) for i in range(100)]
    plot.show_matrix(np.array([[5, 1, 0], [0, 7, 2], [1, 0, 9]]), ["a", "b", "c"])
    assert len(plot.getPlotItem().items) == items  # no item was added for the numbers
    assert plot.cell_texts() == ["5", "1", "0", "0", "7", "2", "1", "0", "9"]
    # the numbers are really drawn, centred in their cells: the 9 in the bottom-right cell is white on dark blue
    picture = plot.grab().toImage()
    view = plot.getPlotItem().getViewBox()
    corner = plot.mapFromScene(view.mapViewToScene(QPointF(2.5, 2.5)))
    colours = {QColor(picture.pixel(corner.x() + dx, corner.y() + dy)).name() for dx in range(-6, 7) for dy in range(-8, 9)}
    assert "#ffffff" in colours
    plot.show_matrix(np.ones((30, 30), dtype=int), [str(i) for i in range(30)])  # too many classes for numbers
    assert plot.cell_texts() == []
