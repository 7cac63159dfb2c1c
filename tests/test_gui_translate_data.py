"""Translation on the Data and Model pages with real widgets: choosing the task with the keyboard,
the bundled numbers and their direction, the user's own sentence file (a fake `tsv` loader that
records its LoadOptions), warnings, the translate models and the tokeniser choice, and the
picture view coming back when the task switches back."""

from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from desktop_app.engine_loader import EngineInfo  # noqa: E402
from desktop_app.pages.data_page import SETTINGS_KEY, DataPage, dataset_title, spec_key, summary_text  # noqa: E402
from desktop_app.pages.model_page import NAME_ROLE, ModelPage  # noqa: E402
from desktop_app.pages.sentence_pairs_view import pair_warnings  # noqa: E402
from desktop_app.settings import app_settings  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402
from engine.data import registry  # noqa: E402
from engine.data.text import ParallelData  # noqa: E402

CPU = EngineInfo("CPU (2 threads)", [], "x", "y")
SKIPPED_WARNING = "3 lines were left out because they did not have a sentence and its translation separated by a tab."


def _close(widget) -> None:
    widget.close()
    widget.deleteLater()


@pytest.fixture
def pages(qtbot):
    """A shown Data page and Model page sharing one state, the engine ready; loads still
    running at the end are cancelled and their threads waited for."""
    state = AppState()
    data_page, model_page = DataPage(state), ModelPage(state)
    for widget in (data_page, model_page):
        qtbot.addWidget(widget)
        widget.resize(1180, 780)
        widget.show()
    state.set_engine(CPU)
    yield data_page, model_page, state
    data_page.cancel_loading()
    for task in list(BackgroundTask._live):
        task.wait(10_000)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=5_000)
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.done(0)
    _close(data_page)
    _close(model_page)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # pyqtgraph's cycles are collected here, in the GUI thread


@pytest.fixture
def fake_tsv():
    """A `tsv` dataset whose loader records (argument, LoadOptions) and honours the options on
    50 made-up pairs with 3 skipped lines; the real one (if registered) comes back afterwards."""
    registry.list_datasets()  # the real sources first, so the fake replaces rather than precedes them
    previous = registry._DATASETS.get("tsv")
    calls: list[tuple[str, registry.LoadOptions]] = []

    @registry.register_dataset("tsv", "Your own sentence pairs (fake for tests).", tasks=("translate",),
                               takes_argument=True)
    def load(argument, options):
        calls.append((argument, options))
        pairs = [(f"Sentence {i} is here", f"Phrase {i} est là") for i in range(50)]
        if options.reverse:
            pairs = [(t, s) for s, t in pairs]
        if options.lowercase:
            pairs = [(s.lower(), t.lower()) for s, t in pairs]
        return ParallelData(f"tsv:{argument}", "source", "target", pairs[:options.max_pairs or None], skipped=3,
                            warnings=[SKIPPED_WARNING])

    yield calls
    if previous is None:
        registry._DATASETS.pop("tsv", None)
    else:
        registry._DATASETS["tsv"] = previous


def _wait_loaded(qtbot, page: DataPage, spec: str) -> None:
    qtbot.waitUntil(lambda: page._state.dataset_spec == spec and not page.is_loading(), timeout=30_000)


def _choose_with_keys(qtbot, combo, data: str, key=Qt.Key.Key_Down) -> None:
    """Move through a closed combo box with the arrow keys until the entry `data` is chosen."""
    combo.setFocus()
    while combo.currentData() != data:
        index = combo.currentIndex()
        qtbot.keyClick(combo, key)
        assert combo.currentIndex() != index, f"no entry {data!r} in the list"


def _source_button(page: DataPage, name: str):
    return next(b for b in page.dataset_buttons.buttons() if b.property("spec") == name)


def _numbers(direction: str) -> dict[str, str]:
    data = registry.load_dataset(f"numbers:{direction}")
    return dict(data.train + data.val + data.test)


# ----- the bundled numbers ------------------------------------------------------------------------
def test_translation_numbers_direction_and_back_to_pictures(qtbot, pages):
    page, _, state = pages
    with qtbot.waitSignal(state.dataset_changed, timeout=10_000):
        page.load_spec("digits")

    _choose_with_keys(qtbot, page.task_combo, "translate")
    assert page.task_combo.currentText() == "Translation" and state.task == "translate"
    _wait_loaded(qtbot, page, "numbers:en-fr")  # pictures cannot train a translator: the numbers come in

    # the list: the bundled numbers (checked) with their direction, and the user's own file
    assert _source_button(page, "numbers").text() == "Numbers in words (bundled)"
    assert _source_button(page, "numbers").isChecked() and page.selected_spec() == "numbers"
    assert page.numbers_direction.isVisible() and page.numbers_direction.combo.currentText() == "English → French"
    assert [page.numbers_direction.combo.itemText(i) for i in range(page.numbers_direction.combo.count())] == [
        "English → French", "English → German", "English → Spanish", "French → English", "German → English",
        "Spanish → English"]

    # the overview: pairs, counts, lengths; no pictures
    view = page.pairs_view
    assert view.isVisible() and page.samples_box.isHidden() and page.chart_box.isHidden()
    assert page.heading_label.text() == "<h3>Numbers in words: English → French</h3>"
    assert page.summary_label.text() == ("10,000 sentence pairs, English → French: 8,500 for training · 500 for "
                                         "checking during training · 1,000 held out for the final test.")
    assert page.warnings_label.isHidden()
    assert view.column_titles() == ["English", "French"]
    rows = view.shown_pairs()
    french = _numbers("en-fr")
    assert len(rows) == 100 and all(french[english] == fr for english, fr in rows)
    four = [(en, fr) for en, fr in rows if en.startswith("four thousand")]
    assert four and all(fr.startswith("quatre mille") for _, fr in four)
    assert view.pairs_note.text() == "100 of the 8,500 training pairs, picked at random."
    for chart in (view.source_chart, view.target_chart):
        heights = np.asarray(chart.bars.opts["height"])
        assert heights.sum() == 10_000 and (heights > 0).sum() >= 3  # every sentence, several lengths
    assert "English" in view.source_title.text() and "French" in view.target_title.text()

    # another direction, chosen with the keyboard, loads German
    _choose_with_keys(qtbot, page.numbers_direction.combo, "en-de")
    _wait_loaded(qtbot, page, "numbers:en-de")
    assert view.column_titles() == ["English", "German"]
    german = _numbers("en-de")
    rows = view.shown_pairs()
    assert all(german[english] == de for english, de in rows) and any("tausend" in de for _, de in rows)
    assert page.heading_label.text() == "<h3>Numbers in words: English → German</h3>"

    # back to pictures: the digits come back, shown as before
    _choose_with_keys(qtbot, page.task_combo, "classify", Qt.Key.Key_Up)
    _wait_loaded(qtbot, page, "digits")
    assert state.task == "classify" and page.task_combo.currentText() == "Image classification"
    assert page.selected_spec() == "digits" and "1,797" in page.summary_label.text()
    assert view.isHidden() and page.samples_box.isVisible() and page.chart_box.isVisible()
    assert set(page.sample_captions()) == {str(i) for i in range(10)}
    assert not page.numbers_direction.isVisible()

    # and translation again: its last choice (German) is kept
    page.select_task("translate")
    _wait_loaded(qtbot, page, "numbers:en-de")
    assert page.numbers_direction.combo.currentText() == "English → German"


def test_pictures_loaded_while_translating_switch_the_task(qtbot, pages):
    page, model_page, state = pages
    page.select_task("translate")
    assert state.dataset is None and not page.is_loading()  # nothing was chosen yet: nothing loads
    page.load_initial()
    _wait_loaded(qtbot, page, "numbers:en-fr")
    page.load_spec("digits")  # a folder dropped onto the window, say
    _wait_loaded(qtbot, page, "digits")
    assert state.task == "classify" and page.task_combo.currentData() == "classify"
    assert model_page.task() == "classify"


def test_each_tasks_dataset_and_the_reading_options_are_remembered(qtbot, pages):
    page, _, state = pages
    page.select_task("translate")
    page.load_initial()
    _wait_loaded(qtbot, page, "numbers:en-fr")
    page.choose_direction("es-en")
    _wait_loaded(qtbot, page, "numbers:es-en")
    page.sentence_chooser.lowercase_check.setChecked(True)
    page.sentence_chooser.pairs_spin.setValue(2_000)
    settings = app_settings()
    page.save_settings(settings)
    settings.sync()
    assert settings.value(spec_key("translate")) == "numbers:es-en" and settings.value(SETTINGS_KEY) is None

    again = AppState()
    page_again = DataPage(again)
    qtbot.addWidget(page_again)
    assert again.task == "translate" and page_again.task_combo.currentText() == "Translation"
    assert page_again.sentence_chooser.load_options() == dict(reverse=False, lowercase=True, max_length=None,
                                                               max_pairs=2_000)
    page_again.load_initial()
    qtbot.waitUntil(lambda: again.dataset_spec == "numbers:es-en" and not page_again.is_loading(), timeout=30_000)
    assert page_again.numbers_direction.combo.currentText() == "Spanish → English"
    assert page_again.pairs_view.column_titles() == ["Spanish", "English"]
    page_again.cancel_loading()


# ----- the user's own sentence pairs ------------------------------------------------------------------
def _type_number(qtbot, spin, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_own_sentence_file_options_and_warnings(qtbot, pages, fake_tsv, monkeypatch, tmp_path):
    page, _, state = pages
    page.select_task("translate")
    page.load_initial()
    _wait_loaded(qtbot, page, "numbers:en-fr")
    entry = _source_button(page, "tsv")
    assert entry.text() == "Your own sentence pairs…"
    chooser = page.sentence_chooser
    assert chooser.isVisible() and chooser.file_button.isVisible() and chooser.pair_button.isVisible()

    # options set before the file is chosen do not reload the numbers
    qtbot.mouseClick(chooser.swap_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chooser.lowercase_check, Qt.MouseButton.LeftButton)
    _type_number(qtbot, chooser.length_spin, 80)
    _type_number(qtbot, chooser.pairs_spin, 40)
    qtbot.wait(900)
    assert not fake_tsv and not page.is_loading() and state.dataset_spec == "numbers:en-fr"

    path = tmp_path / "pairs.tsv"
    path.write_text("unused: the fake loader makes its own pairs\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    qtbot.mouseClick(chooser.file_button, Qt.MouseButton.LeftButton)
    _wait_loaded(qtbot, page, f"tsv:{path}")
    argument, options = fake_tsv[-1]
    assert argument == str(path)
    assert (options.reverse, options.lowercase, options.max_length, options.max_pairs) == (True, True, 80, 40)
    assert options.progress is not None and options.should_cancel is not None
    assert entry.isChecked() and page.sentence_description.text() == "File: pairs.tsv"
    assert page.heading_label.text() == "<h3>Your sentence pairs: pairs.tsv</h3>"
    assert page.pairs_view.column_titles() == ["Sentence", "Translation"]
    assert page.pairs_view.shown_pairs()[0] == ("phrase 0 est là", "sentence 0 is here")  # swapped, lower-case
    assert page.summary_label.text().startswith("40 sentence pairs: 32 for training · 8 set aside at random")
    warnings = page.warnings_label.text()
    assert page.warnings_label.isVisible() and SKIPPED_WARNING in warnings
    assert "Only 40 sentence pairs" in warnings
    # the run trained on it records how the file was read, so a resume reads it the same way
    model_page = pages[1]
    assert model_page.config().text_options == dict(reverse=True, lowercase=True, max_length=80, max_pairs=40)

    # with the file shown, a changed option reads it again
    calls = len(fake_tsv)
    with qtbot.waitSignal(state.dataset_changed, timeout=10_000):
        qtbot.mouseClick(chooser.swap_check, Qt.MouseButton.LeftButton)
    assert len(fake_tsv) == calls + 1 and fake_tsv[-1][1].reverse is False
    assert page.pairs_view.shown_pairs()[0] == ("sentence 0 is here", "phrase 0 est là")

    # two aligned files, picked one after the other
    first, second = tmp_path / "train.en", tmp_path / "train.fr"
    answers = iter([(str(first), ""), (str(second), "")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: next(answers))
    qtbot.mouseClick(chooser.pair_button, Qt.MouseButton.LeftButton)
    _wait_loaded(qtbot, page, f"tsv:{first}|{second}")
    assert fake_tsv[-1][0] == f"{first}|{second}"
    assert page.sentence_description.text() == "Files: train.en + train.fr"

    # a cancelled file dialog keeps what is shown
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    qtbot.mouseClick(_source_button(page, "numbers"), Qt.MouseButton.LeftButton)
    _wait_loaded(qtbot, page, "numbers:en-fr")
    assert model_page.config().text_options is None  # the numbers are read one way only
    qtbot.mouseClick(entry, Qt.MouseButton.LeftButton)
    assert not page.is_loading() and page.selected_spec() == "numbers" and state.dataset_spec == "numbers:en-fr"


def test_plain_words_for_sentence_pairs():
    data = ParallelData("tsv:x", "source", "target", [("a b", "c")] * 5, skipped=2)
    assert summary_text(data, "translate").startswith("5 sentence pairs: 5 for training")
    lines = pair_warnings(data)
    assert lines[0] == "2 lines could not be read as a sentence and its translation and were skipped."
    assert lines[1].startswith("Only 5 sentence pairs: a translator needs at least 10")
    data.warnings = ["2 lines were left out because they had an empty sentence or translation."]
    assert pair_warnings(data)[0] == data.warnings[0] and len(pair_warnings(data)) == 2
    assert dataset_title("numbers:de-en") == "Numbers in words: German → English"
    assert dataset_title("tsv:/home/me/fra.txt") == "Your sentence pairs: fra.txt"
    two = f"tsv:{Path('/a/train.en')}|{Path('/a/train.fr')}"
    assert dataset_title(two) == "Your sentence pairs: train.en + train.fr"


# ----- the Model page -----------------------------------------------------------------------------
def test_model_page_for_translation(qtbot, pages):
    data_page, page, state = pages
    data_page.select_task("translate")
    data_page.load_initial()
    _wait_loaded(qtbot, data_page, "numbers:en-fr")
    assert page.task() == "translate"
    names = [page.model_list.item(row).data(NAME_ROLE) for row in range(page.model_list.count())]
    assert names == ["transformer-small", "transformer-base", "transformer-large", "gru-attention"]
    assert page.selected_model() == "transformer-small"
    texts = [page.model_list.item(row).text() for row in range(page.model_list.count())]
    assert all("parameters" in text for text in texts)
    assert "Transformer sized for a laptop CPU" in texts[0]
    assert "numbers:en-fr" in page.dataset_hint.text() and "English → French" in page.dataset_hint.text()

    # only the settings that apply, with the engine's recommended values
    for widget in (page.optimizer_combo, page.augment_combo, page.patience_spin):
        assert not widget.isVisible()
    for widget in (page.epochs_spin, page.batch_spin, page.lr_spin, page.device_combo, page.tokenizer_combo):
        assert widget.isVisible()
    assert page.tokenizer_combo.currentText() == "Word pieces learned from your sentences (recommended)"
    assert "sentence" in page.epochs_spin.toolTip() and "Word pieces" in page.tokenizer_combo.toolTip()
    config = page.config()
    assert (config.task, config.model, config.dataset, config.tokenizer) == ("translate", "transformer-small",
                                                                             "numbers:en-fr", "subword")
    assert (config.epochs, config.batch_size, config.lr) == (6, 64, pytest.approx(1e-3))
    assert config.optimizer is None and config.augment is None and config.patience is None

    # single characters, chosen with the keyboard, reach the config and shrink the models
    small_before = page.model_list.item(0).text()
    _choose_with_keys(qtbot, page.tokenizer_combo, "char")
    assert page.tokenizer_combo.currentText() == "Single characters"
    assert page.config().tokenizer == "char"
    assert page.model_list.item(0).text() != small_before and "one token per character" in page.dataset_hint.text()

    # another model: its recommended learning rate
    page.model_list.setFocus()
    qtbot.keyClick(page.model_list, Qt.Key.Key_End)
    assert page.selected_model() == "gru-attention" and page.lr_spin.value() == pytest.approx(2e-3)

    # pictures again: the picture settings, no tokeniser; translation keeps its model
    data_page.select_task("classify")
    _wait_loaded(qtbot, data_page, "digits")
    assert page.task() == "classify" and page.optimizer_combo.isVisible() and not page.tokenizer_combo.isVisible()
    assert page.config().tokenizer is None and page.selected_model() == "cnn-small"
    data_page.select_task("translate")
    _wait_loaded(qtbot, data_page, "numbers:en-fr")
    assert page.selected_model() == "gru-attention"
    settings = app_settings()
    page.save_settings(settings)
    settings.sync()
    assert settings.value("model/name_translate") == "gru-attention"
