"""The translation task clicked through the real window: choose it and the bundled numbers,
pick gru-attention on the Model page, train on the Train page (loss, BLEU/chrF/exactly-right
curves, the sample-translation table and its epoch slider), pause, resume, stop, close while
training, and open the trained translator in the Playground."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.pages import translate_train_view
from desktop_app.state import result_task

SPEC = "numbers:en-fr"


def _choose_translation(qtbot, win, monkeypatch, epochs: int):
    """Task "translate", the bundled numbers and gru-attention for `epochs` epochs, through the
    Data and Model pages where they offer them (the state and a TrainConfig where they do not yet)."""
    from engine.data.registry import load_dataset
    from engine.data.text import ParallelData
    from engine.train.config import TrainConfig

    win.show_page("Data")
    with qtbot.capture_exceptions() as problems:
        if win.data_page.task_combo.findData("translate") >= 0:
            win.data_page.select_task("translate")
        else:
            win.state.set_task("translate")
        with qtbot.waitSignal(win.state.dataset_changed, timeout=30_000, raising=False):
            win.data_page.load_spec(SPEC)
        qtbot.waitUntil(lambda: not win.data_page.is_loading(), timeout=30_000)
        if not isinstance(win.state.dataset, ParallelData) or win.state.dataset_spec != SPEC:
            win.state.set_dataset(SPEC, load_dataset(SPEC))
            win.state.dataset_loading.emit(False)
        win.show_page("Model")
        win.model_page.select_model("gru-attention")
        win.model_page.epochs_spin.setValue(epochs)
    if problems:  # the Data or Model page cannot show sentence pairs yet: not what this test is about
        warnings.warn(f"the Data/Model pages raised while choosing translation: {[str(p[1]) for p in problems]}")
    assert win.state.task == "translate" and isinstance(win.state.dataset, ParallelData)
    config = win.model_page.config()
    if (config.task, config.model, config.dataset, config.epochs) != ("translate", "gru-attention", SPEC, epochs):
        wanted = TrainConfig(dataset=SPEC, model="gru-attention", task="translate", epochs=epochs)
        monkeypatch.setattr(win.model_page, "config", lambda: wanted)
    win.show_page("Train")
    page = win.train_page
    assert page.views.currentWidget() is page.translate_view
    assert page.start_button.isEnabled()
    return page


def _record_errors(monkeypatch) -> list:
    """(message, details) of every error box the Train page shows."""
    from desktop_app.pages import train_page

    errors = []
    monkeypatch.setattr(train_page, "show_error", lambda parent, title, message, details="": errors.append(
        (message, details)))
    return errors


def _record_events(monkeypatch, page) -> list:
    """Every engine event the Train page receives, in order (the page still handles each)."""
    events = []
    original = page._on_event
    monkeypatch.setattr(page, "_on_event", lambda event: (events.append(event), original(event)))
    return events


def _cell_colour(table, row: int, column: int):
    """The colour painted just inside the left edge of a cell, as the user sees it."""
    rect = table.visualRect(table.model().index(row, column))
    image = table.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 2, rect.top() + 2)


def test_translate_two_epochs_curves_samples_slider_and_playground(qtbot, window, monkeypatch):
    from engine.train.events import BatchEnd, TranslateEpochEnd

    win = window
    page = _choose_translation(qtbot, win, monkeypatch, epochs=2)
    events = _record_events(monkeypatch, page)
    errors = _record_errors(monkeypatch)
    finished = []
    win.state.training_finished.connect(finished.append)
    view = page.translate_view
    with qtbot.waitSignal(win.state.training_running, timeout=120_000, check_params_cb=lambda running: not running):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert not errors and not page.is_running(), errors
    result = win.state.result
    assert result_task(result) == "translate" and finished == [result]
    assert result.status == "finished" and result.epochs_done == 2
    page.refresh_plots()

    # the loss: one point per reported step (raw and smoothed), one validation point per epoch
    steps = [e for e in events if isinstance(e, BatchEnd)]
    epochs = [e for e in events if isinstance(e, TranslateEpochEnd)]
    assert len(epochs) == 2 and len(steps) >= 2 * 10
    for curve in (view.loss_curve, view.raw_loss_curve):
        x, y = curve.getData()
        assert len(x) == len(steps)
        assert x[-1] == pytest.approx(2.0)
    assert view.raw_loss_curve.getData()[1] == pytest.approx([e.loss for e in steps])
    x, y = view.val_loss_curve.getData()
    assert list(x) == [1, 2] and list(y) == pytest.approx([h["val_loss"] for h in result.history], abs=1e-5)

    # the scores per epoch match the run's history; exact match is shown for the numbers
    assert list(view.bleu_curve.getData()[0]) == [1, 2]
    assert list(view.bleu_curve.getData()[1]) == pytest.approx([h["bleu"] for h in result.history], abs=1e-3)
    assert list(view.chrf_curve.getData()[1]) == pytest.approx([h["chrf"] for h in result.history], abs=1e-3)
    assert list(view.exact_curve.getData()[1]) == pytest.approx([100 * h["exact_match"] for h in result.history],
                                                                abs=1e-3)
    assert view.quality_legend.getLabel(view.exact_curve) is not None
    assert view.best_line.isVisible() and view.best_line.value() == result.best_epoch
    last = result.history[-1]
    assert view.quality_plot.plotItem.titleLabel.text == (
        f"Epoch 2: BLEU {last['bleu']:.1f} · chrF {last['chrf']:.1f} · {100 * last['exact_match']:.1f}% exactly right")
    assert "BLEU" in view.quality_plot.toolTip() and "chrF" in view.quality_plot.toolTip()

    # the table: the same 5 validation sentences, the newest epoch's translations, green where exactly right
    rows = view.shown_rows()
    assert len(rows) == 5 and view.table.rowCount() == 5
    assert [(s, r) for s, r, _, _ in rows] == [(s, r) for s, r, _ in result.samples]
    assert [t for _, _, t, _ in rows] == [t for _, _, t in epochs[-1].samples]
    assert [exact for *_, exact in rows] == [t.strip() == r.strip() for _, r, t, _ in rows]
    assert any(exact for *_, exact in rows), "after two epochs most numbers are translated exactly right"
    for row, (_, _, _, exact) in enumerate(rows):
        wanted = translate_train_view.RIGHT_BACKGROUND if exact else translate_train_view.WRONG_BACKGROUND
        assert _cell_colour(view.table, row, 2) == wanted
        assert _cell_colour(view.table, row, 0) not in (translate_train_view.RIGHT_BACKGROUND,
                                                        translate_train_view.WRONG_BACKGROUND)
    right = sum(exact for *_, exact in rows)
    best = " · best" if result.best_epoch == 2 else ""
    assert view.epoch_label.text() == f"Epoch 2 of 2{best} · {right} of 5 exactly right"

    # the slider goes back to epoch 1's translations, and the right end follows the newest again
    assert (view.slider.minimum(), view.slider.maximum(), view.slider.value()) == (0, 1, 1)
    assert view.slider.isEnabled()
    view.slider.setFocus()
    qtbot.keyClick(view.slider, Qt.Key.Key_Home)
    assert view.slider.value() == 0 and not view.follow_latest and view.shown_epoch() == 1
    first = epochs[0].samples
    assert [row[:3] for row in view.shown_rows()] == [tuple(sample) for sample in first]
    assert view.epoch_label.text().startswith("Epoch 1 of 2")
    source, _, translation = first[0]
    assert f"{source} -> {translation}" in page.log_view.toPlainText().split("Epoch 2/2")[0]  # as logged at epoch 1
    qtbot.keyClick(view.slider, Qt.Key.Key_End)
    assert view.follow_latest and view.shown_epoch() == 2
    assert [t for _, _, t, _ in view.shown_rows()] == [t for _, _, t in epochs[-1].samples]

    # the summary; a translation result stays on the Train page and the Evaluate page ignores it
    text = page.progress_label.text()
    assert text.startswith("Finished all 2 epochs. Best epoch")
    assert f"Best epoch {result.best_epoch}: BLEU {result.bleu:.1f} · " in text
    assert f"held-out test {result.test_size:,} sentences: " in text and text.count("exactly right") == 2
    assert result.test_size == 1_000 and "held-out test 1,000 sentences" in text
    assert "sentence pairs/s" in page.speed_label.text()
    assert win.current_page_name() == "Train"
    assert win.evaluate_page._result is None and win.evaluate_page.stack.currentIndex() == 0

    # Open in Playground hands translator.onnx to the Playground
    assert page.playground_button.isVisible() and "translator" in page.playground_button.toolTip()
    onnx = Path(page.playground_path)
    assert onnx.name == "translator.onnx" and onnx.exists() and onnx.parent == Path(result.run_dir)
    assert page.playground_task == "translate" and page.generator_path is None
    assert f"The translator is saved as {onnx}" in page.log_view.toPlainText()
    opened = []
    monkeypatch.setattr(win.playground_page, "open_model", lambda path: opened.append(path))
    qtbot.mouseClick(page.playground_button, Qt.MouseButton.LeftButton)
    assert win.current_page_name() == "Playground"
    assert opened == [str(onnx)]
    win.open_generator_in_playground(str(onnx))  # the older name still works
    assert opened == [str(onnx)] * 2

    # the button belongs to the translation task: hidden while another task is chosen
    with qtbot.capture_exceptions():  # how the Data and Model pages follow the task is tested elsewhere
        win.state.set_task("classify")
        assert not page.playground_button.isVisibleTo(page) and page.views.currentWidget() is page.classify_view
        win.state.set_task("translate")
        assert page.playground_button.isVisibleTo(page) and page.views.currentWidget() is view


def test_translate_pause_resume_and_stop(qtbot, window, monkeypatch):
    from engine.train.events import TranslateEpochEnd

    win = window
    page = _choose_translation(qtbot, win, monkeypatch, epochs=40)
    events = _record_events(monkeypatch, page)
    errors = _record_errors(monkeypatch)
    view = page.translate_view
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert not page.start_button.isEnabled() and not page.playground_button.isVisible()
    qtbot.waitUntil(lambda: len(view.batch_x) >= 5, timeout=60_000)
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pause_button.text() == "&Resume", timeout=10_000)
    qtbot.waitUntil(lambda: "Paused at epoch 1" in page.progress_label.text(), timeout=10_000)
    steps = len(view.batch_x)
    qtbot.wait(400)
    page.refresh_plots()
    assert len(view.batch_x) == steps and "Paused at epoch 1" in page.progress_label.text()  # nothing moves
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    assert page.pause_button.text() == "&Pause"
    qtbot.waitUntil(lambda: len(view.epoch_x) >= 1, timeout=60_000)  # one epoch, so there is a model to keep
    with qtbot.waitSignal(win.state.training_running, timeout=120_000, check_params_cb=lambda running: not running):
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)  # then the test sentences and the export
    assert not errors, errors
    result = win.state.result
    assert result.status == "stopped" and 1 <= result.epochs_done < 40
    qtbot.waitUntil(lambda: page.start_button.isEnabled(), timeout=10_000)
    page.refresh_plots()
    assert len([e for e in events if isinstance(e, TranslateEpochEnd)]) == result.epochs_done
    assert len(view.sample_history) == result.epochs_done == view.slider.maximum() + 1
    assert len(view.bleu_curve.getData()[0]) == result.epochs_done
    assert page.progress_label.text().startswith("Stopped by the user. Best epoch")
    assert page.playground_button.isVisible() and Path(page.playground_path).name == "translator.onnx"
    assert win.current_page_name() == "Train"
    assert np.all(np.diff(view.loss_curve.getData()[0]) > 0)


def test_closing_the_window_while_a_paused_translation_trains(qtbot, window, monkeypatch):
    from engine.runs.store import RunStore
    from engine.paths import runs_dir

    win = window
    page = _choose_translation(qtbot, win, monkeypatch, epochs=40)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.translate_view.batch_x) >= 2, timeout=60_000)
    qtbot.mouseClick(page.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.pause_button.text() == "&Resume", timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not win.close()
    assert win.isVisible() and page.is_running() and page.pause_button.text() == "&Resume"  # "No" keeps it paused
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: (asked.append(a[1]), QMessageBox.StandardButton.Yes)[1])
    with qtbot.waitSignal(win.state.training_running, timeout=30_000) as ended:
        assert win.close()  # stops the paused training and waits for its thread
    assert ended.args == [False] and asked == ["Training is running"] and not win.isVisible()
    assert not page.is_running()
    runs = RunStore(runs_dir()).list_runs()
    assert [run.status for run in runs] == ["stopped"]


def test_summary_lines_and_marked_words():
    """No training: the one-line summaries, and which words of a translation are marked wrong."""
    from types import SimpleNamespace

    from desktop_app.pages.train_page import translate_summary
    from desktop_app.pages.translate_train_view import marks_html, word_marks

    numbers = SimpleNamespace(epochs_done=3, best_epoch=3, bleu=100.0, chrf=100.0, exact_match=1.0, test_size=1000,
                              test_bleu=99.9, test_exact_match=0.999)
    assert translate_summary(numbers) == ("Best epoch 3: BLEU 100.0 · 100% exactly right · "
                                          "held-out test 1,000 sentences: 99.9% exactly right.")
    corpus = SimpleNamespace(epochs_done=5, best_epoch=4, bleu=31.25, chrf=55.5, exact_match=None, test_size=0,
                             test_bleu=None, test_exact_match=None)
    assert translate_summary(corpus) == "Best epoch 4: BLEU 31.2 · chrF 55.5."
    assert translate_summary(SimpleNamespace(epochs_done=0)).startswith("No epoch finished")

    assert word_marks("six mille cent dix-huit", "six mille cent cinquante-huit") == [
        ("six", True), ("mille", True), ("cent", True), ("cinquante-huit", False)]
    assert word_marks("trois mille", "mille trois mille") == [("mille", False), ("trois", True), ("mille", True)]
    assert [ok for _, ok in word_marks("我爱你", "我恨你")] == [True, False, True]  # no spaces: letter by letter
    rich = marks_html(word_marks("a <b>", "a <c>"), exact=False)
    assert "&lt;c&gt;" in rich and "<b style" in rich and "✓" not in rich
    assert marks_html(word_marks("a b", "a b"), exact=True).count("✓") == 1
    from desktop_app.pages.train_page import _percent

    assert [_percent(x) for x in (0.0, 0.5, 0.988, 0.9999, 1.0)] == ["0%", "50%", "98.8%", "99.9%", "100%"]
