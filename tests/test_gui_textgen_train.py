"""Text generation clicked through the real window: choose the task and the bundled fables on the
Data page (the text and its character chart), the LSTM on the Model page, train on the Train page
(loss, perplexity against the letter-frequency baseline, the paragraph written after every epoch
and its slider), then open the trained model in the Playground."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.state import result_task
from engine.data.corpus import TextCorpus


def test_a_text_generator_trains_and_writes_every_epoch(qtbot, window):
    win = window
    data_page = win.data_page
    win.show_page("Data")
    with qtbot.waitSignal(win.state.dataset_changed, timeout=30_000):
        data_page.select_task("textgen")  # the digits cannot teach writing: the fables take their place
    assert win.state.task == "textgen" and win.state.dataset_spec == "fables"
    assert isinstance(win.state.dataset, TextCorpus)
    assert data_page.text_view.isVisible() and not data_page.chart_box.isVisible()
    assert "characters" in data_page.summary_label.text()
    assert data_page.text_view.preview.toPlainText().startswith(win.state.dataset.text[:40])
    assert data_page.text_view.shown_characters[0] == " "  # spaces are the commonest character of English

    win.show_page("Model")
    model_page = win.model_page
    assert model_page.selected_model() == "lstm-small" and model_page.task() == "textgen"
    assert not model_page.setting_visible("optimizer") and "parameters" in model_page.model_details.text()
    model_page.epochs_spin.setValue(3)

    win.show_page("Train")
    page = win.train_page
    view = page.textgen_view
    assert page.views.currentWidget() is view
    with qtbot.waitSignal(win.state.training_finished, timeout=180_000) as finished:
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    qtbot.waitUntil(lambda: page.start_button.isEnabled(), timeout=10_000)
    page.refresh_plots()
    assert result_task(result) == "textgen" and result.epochs_done == 3
    assert view.epoch_x == [1, 2, 3] and len(view.batch_x) >= 3
    assert list(view.perplexity_curve.getData()[1]) == pytest.approx([h["val_perplexity"] for h in result.history], rel=1e-4)
    assert view.baseline == pytest.approx(result.unigram_perplexity)
    assert result.val_perplexity < result.unigram_perplexity  # it learned more than letter frequencies
    assert view.shown_epoch() == 3 and view.shown_text().startswith(result.prompt)
    assert len(view.shown_text()) > len(result.prompt) + 50
    view.show_epoch(0)  # back to what it wrote after the first epoch
    assert view.shown_epoch() == 1 and "Epoch 1 of 3" in view.epoch_label.text()
    assert "perplexity" in page.progress_label.text()

    assert page.playground_button.isVisible() and Path(page.playground_path).name == "textgen.onnx"
    with qtbot.waitSignal(win.playground_page.model_opened, timeout=30_000):
        qtbot.mouseClick(page.playground_button, Qt.MouseButton.LeftButton)
    assert win.current_page_name() == "Playground"
