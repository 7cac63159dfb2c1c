"""The Playground with translators: real drops, typing, clicks and keys on a page that opens a
small English-to-French numbers translator trained by the test factory. It is barely trained,
so what matters is that the page shows exactly what `engine.infer.translator` translates."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("torch")  # the test translator is trained and exported with PyTorch

from onnx_factories import (BRIGHT, TRANSLATOR_EXAMPLES, modeldesk_model, translator_model,  # noqa: E402
                            write_image)
from layout_check import overflows  # noqa: E402
from qt_drop import drop  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget  # noqa: E402

from desktop_app.pages import translator_panel  # noqa: E402
from desktop_app.pages.playground_page import PlaygroundPage  # noqa: E402
from desktop_app.pages.translator_panel import (HEAT_TEXT, TranslatorPanel, language_name,  # noqa: E402
                                                piece_label)
from desktop_app.state import AppState  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402
from engine.infer.translator import Translator  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent with a QPoint

ROOT = Path(__file__).resolve().parent.parent
WAIT = 15_000
JARGON = ("Traceback", "Exception", "ONNXRuntimeError", "Error:")


# ----- fixtures and helpers ------------------------------------------------------------------
@pytest.fixture(scope="session")
def translator_file(tmp_path_factory) -> Path:
    """The translator, made once per test session (training and export take about 10 s)."""
    return translator_model(tmp_path_factory.mktemp("translators") / "numbers-en-fr.onnx")


@pytest.fixture(scope="module")
def reference(translator_file) -> Translator:
    """The same model opened by the engine directly: what the page must show."""
    return Translator.open(translator_file, "cpu")


@pytest.fixture
def classifier_file(tmp_path) -> Path:
    return modeldesk_model(tmp_path / "dark-bright.onnx")


def _error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]


@pytest.fixture
def page(qtbot) -> PlaygroundPage:
    page = PlaygroundPage(AppState())
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.show()
    yield page
    for box in _error_boxes():
        box.close()
    page.cancel_work(wait=True)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=WAIT)


def open_translator(qtbot, page: PlaygroundPage, path: Path, by_drop: bool = True) -> TranslatorPanel:
    with qtbot.waitSignal(page.model_opened, timeout=WAIT) as opened:
        drop(page, [path]) if by_drop else page.open_model(path)
    assert opened.args == [str(path)]
    panel = page.translator_panel
    qtbot.waitUntil(panel.is_ready, timeout=WAIT)  # the empty box counts as translated
    return panel


def type_text(qtbot, panel: TranslatorPanel, text: str) -> None:
    """Click into the text box and type `text` key by key (Return for a new line)."""
    qtbot.mouseClick(panel.source_edit.viewport(), Qt.MouseButton.LeftButton)
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(panel.source_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.source_edit, line)


def wait_ready(qtbot, panel: TranslatorPanel) -> None:
    qtbot.waitUntil(panel.is_ready, timeout=WAIT)


def assert_plain(message: str, *words: str) -> None:
    assert message and "\n" not in message and message.endswith("."), message
    assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
    assert not any(j in message for j in JARGON), message
    for word in words:
        assert word.lower() in message.lower(), (word, message)


def assert_heat_map_shows(panel: TranslatorPanel, translation) -> None:
    """The heat map is `translation`'s attention, its axes named by its pieces without "▁"."""
    plot = panel.heat_plot
    assert plot.isVisible() and not panel.heat_empty.isVisible()
    image = plot.image.image
    assert image.shape == (len(translation.target_pieces), len(translation.source_pieces))
    assert np.allclose(image, translation.attention)
    assert np.allclose(image.sum(axis=1), 1.0, atol=1e-4)
    bottom, left = plot.bottom_axis.labels, plot.left_axis.labels
    assert bottom == [piece_label(p) for p in translation.source_pieces]
    assert left == [piece_label(p) for p in translation.target_pieces]
    assert not any("▁" in label for label in bottom + left) and bottom[-1] == left[-1] == "(end)"
    assert bottom[:-1] == translation.source.replace("-", " - ").split()  # the words typed, in order
    # what pyqtgraph's axes carry (tooltips, exports) is the same
    assert [text for _, text in plot.getPlotItem().getAxis("bottom")._tickLevels[0]] == bottom
    assert [text for _, text in plot.getPlotItem().getAxis("left")._tickLevels[0]] == left


class SlowTranslator:
    """Wraps a Translator: every sentence takes `seconds` longer, and the threads it ran in and
    the sentences it was given are recorded."""

    def __init__(self, translator: Translator, seconds: float) -> None:
        self._translator, self.seconds = translator, seconds
        self.threads: list[threading.Thread] = []
        self.sentences: list[str] = []

    def __getattr__(self, name):
        return getattr(self._translator, name)

    def translate(self, text: str, beam: int = 1):
        self.threads.append(threading.current_thread())
        self.sentences.append(text)
        time.sleep(self.seconds)
        return self._translator.translate(text, beam)


# ----- tests ---------------------------------------------------------------------------------
def test_typing_translates_in_the_background_what_the_engine_translates(qtbot, page, translator_file, reference):
    panel = open_translator(qtbot, page, translator_file)
    assert page.translator is not None and page.classifier is None and page.generator is None
    assert page.view_stack.currentWidget() is panel
    card = page.model_card.text()
    for words in ("Translator, made with ModelDesk", "English → French", "tiny-transformer trained on numbers:en-fr",
                  "BLEU 41.5 of 100", "12.5% exactly right", "11.8% exactly right on held-out test sentences"):
        assert words in card, (words, card)
    assert page.self_described_label.isVisible() and not page.preprocess_box.isVisible()
    assert not page.add_button.isEnabled() and not page.paste_button.isEnabled() and not page.clear_button.isEnabled()
    assert panel.languages_label.text() == "English → French"
    assert (panel.source_box.title(), panel.output_box.title()) == ("English", "French")
    assert "(English → French)" in page.status_label.text()
    assert panel.heat_empty.isVisible() and not panel.heat_plot.isVisible()

    spy = SlowTranslator(page.translator, 0.0)
    panel._translator = spy  # records which thread translates; answers as the real one
    type_text(qtbot, panel, "seven hundred")
    assert panel.text() == "seven hundred" and not panel.is_ready()  # waiting for the last key
    wait_ready(qtbot, panel)
    expected = reference.translate("seven hundred")
    assert panel.output_text() == expected.text and expected.text
    assert spy.sentences == ["seven hundred"]
    assert spy.threads and all(t is not threading.main_thread() for t in spy.threads)  # never in the GUI thread
    assert panel.translation.text == expected.text and panel.translation.target_pieces == expected.target_pieces
    assert re.fullmatch(r"Translated in [\d.,]+ ms\.", panel.time_label.text()), panel.time_label.text()
    assert_heat_map_shows(panel, panel.translation)
    assert panel.heat_text.text() == HEAT_TEXT and panel.heat_text.isVisible()
    assert not panel.heat_line.isVisible() and "seven hundred" in panel.heat_plot.toolTip()

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == expected.text
    assert page.status_label.text() == "Copied the translation."
    assert panel.output_edit.isReadOnly()


def test_typing_fast_starts_at_most_two_background_jobs(qtbot, page, translator_file, reference):
    panel = open_translator(qtbot, page, translator_file)
    before = panel.jobs_started()
    type_text(qtbot, panel, "four thousand and twelve")
    wait_ready(qtbot, panel)
    assert panel.jobs_started() - before <= 2
    assert panel.output_text() == reference.translate("four thousand and twelve").text

    # A slow model: keep typing while it works; only the newest text is translated next.
    slow = SlowTranslator(page.translator, 1.5)
    panel._translator = slow
    before = panel.jobs_started()
    for word in (" one", " two", " three"):
        qtbot.keyClicks(panel.source_edit, word)
        qtbot.wait(translator_panel.REQUEST_DELAY_MS + 100)  # long enough for a request each time
    wait_ready(qtbot, panel)
    text = "four thousand and twelve one two three"
    assert panel.text() == text and panel.output_text() == reference.translate(text).text
    assert panel.jobs_started() - before == 2 and slow.sentences[-1] == text
    assert "four thousand and twelve one two" not in slow.sentences  # replaced while it waited


def test_search_width_translates_again(qtbot, page, translator_file, reference):
    panel = open_translator(qtbot, page, translator_file)
    text = "three hundred and twelve"
    panel.set_text(text)
    wait_ready(qtbot, panel)
    assert panel.beam == 1 and panel.translation.beam == 1
    before = panel.jobs_started()
    panel.beam_spin.setFocus()
    for _ in range(3):
        qtbot.keyClick(panel.beam_spin, Qt.Key.Key_Up)
    assert panel.beam == 4 and not panel.is_ready()
    wait_ready(qtbot, panel)
    assert panel.jobs_started() > before
    assert panel.translation.beam == 4
    assert panel.output_text() == reference.translate(text, 4).text
    assert_heat_map_shows(panel, panel.translation)
    panel.set_beam(99)  # the box stops at the widest search offered
    assert panel.beam == translator_panel.BEAM_MAX
    wait_ready(qtbot, panel)
    assert panel.output_text() == reference.translate(text, translator_panel.BEAM_MAX).text
    assert panel.beam_spin.toolTip() and "fastest" in panel.beam_spin.toolTip()


def test_each_line_is_translated_on_its_own(qtbot, page, translator_file, reference):
    panel = open_translator(qtbot, page, translator_file)
    type_text(qtbot, panel, "forty-five\none thousand")
    wait_ready(qtbot, panel)
    lines = panel.output_text().split("\n")
    assert lines == [reference.translate("forty-five").text, reference.translate("one thousand").text]
    assert panel.time_label.text().startswith("Translated 2 lines in ")
    assert panel.translation.source == "one thousand"  # the heat map shows the last line, and says so
    assert panel.heat_line.isVisible() and panel.heat_line.text() == "Shown for the last line: “one thousand”."
    assert_heat_map_shows(panel, panel.translation)
    assert [t.source if t else None for t in panel.translations] == ["forty-five", "one thousand"]

    panel.set_text("eight\n\n  nine  ")  # an empty line stays empty; spaces around a line do not count
    wait_ready(qtbot, panel)
    assert panel.output_text().split("\n") == [reference.translate("eight").text, "",
                                               reference.translate("nine").text]
    qtbot.mouseClick(panel.clear_text_button, Qt.MouseButton.LeftButton)
    wait_ready(qtbot, panel)
    assert panel.text() == "" and panel.output_text() == "" and panel.translation is None
    assert panel.heat_empty.isVisible() and not panel.heat_plot.isVisible()


def test_example_buttons_and_pasting_fill_the_box(qtbot, page, translator_file, reference):
    panel = open_translator(qtbot, page, translator_file)
    shown = [b for b in panel.example_buttons if b.isVisible()]
    assert [b.sentence for b in shown] == [source for source, _ in TRANSLATOR_EXAMPLES]
    assert panel.examples_label.text() == "Try an example:"
    assert all(b.sentence in b.toolTip() for b in shown)
    qtbot.mouseClick(shown[1], Qt.MouseButton.LeftButton)
    assert panel.text() == TRANSLATOR_EXAMPLES[1][0]
    wait_ready(qtbot, panel)
    assert panel.output_text() == reference.translate(TRANSLATOR_EXAMPLES[1][0]).text

    QGuiApplication.clipboard().setText("twenty")
    panel.set_text("")
    panel.source_edit.setFocus()
    qtbot.keyClick(panel.source_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert panel.text() == "twenty"  # pasted once, by the box (the page's picture paste stays out of it)
    wait_ready(qtbot, panel)
    assert panel.output_text() == reference.translate("twenty").text


def test_errors_are_one_plain_sentence(qtbot, page, translator_file, reference, tmp_path):
    panel = open_translator(qtbot, page, translator_file)
    panel.set_text("seven")
    wait_ready(qtbot, panel)
    panel.set_text("one " * 600)  # longer than the engine translates at once
    qtbot.waitUntil(lambda: panel.error_label.isVisible(), timeout=WAIT)
    assert_plain(panel.error_label.text(), "too long", "2,000")
    assert panel.output_text() == "" and not panel.heat_plot.isVisible() and not _error_boxes()
    panel.set_text("seven")  # fixed: the sentence goes away
    wait_ready(qtbot, panel)
    assert not panel.error_label.isVisible() and panel.output_text() == reference.translate("seven").text

    drop(page, [write_image(tmp_path / "bright.png", BRIGHT)])  # pictures are not for translators
    assert page.status_label.text() == translator_panel.DROP_PICTURES_TEXT
    assert_plain(page.status_label.text(), "translator", "classif")
    assert page.cards() == [] and page.translator is not None


def test_a_classifier_opened_afterwards_brings_back_classification(qtbot, page, translator_file, classifier_file,
                                                                   tmp_path, reference):
    panel = open_translator(qtbot, page, translator_file)
    panel.set_text("six")
    wait_ready(qtbot, panel)
    with qtbot.waitSignal(page.model_opened, timeout=WAIT):
        drop(page, [classifier_file])
    assert page.translator is None and panel.translator is None and page.classifier is not None
    assert page.view_stack.currentWidget() is page.drop_zone
    assert page.add_button.isEnabled() and page.paste_button.isEnabled()
    assert "Translator" not in page.model_card.text() and "image classification" in page.model_card.text()
    with qtbot.waitSignal(page.results_ready, timeout=WAIT):
        drop(page, [write_image(tmp_path / "bright.png", BRIGHT)])
    assert page.cards()[0].bars.entries[0][0] == "bright"
    assert page.view_stack.currentWidget() is page.results_tabs

    panel = open_translator(qtbot, page, translator_file, by_drop=False)  # and back again, from the API
    assert page.view_stack.currentWidget() is panel and page.classifier is None
    panel.set_text("six")
    wait_ready(qtbot, panel)
    assert panel.output_text() == reference.translate("six").text


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_translator_layout_is_readable_at_1180_by_780(qtbot, page, translator_file):
    panel = open_translator(qtbot, page, translator_file)
    panel.set_text("seven thousand four hundred and twenty-one")
    wait_ready(qtbot, panel)
    qtbot.wait(50)
    clipped = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and widget.pixmap().isNull():
            if widget.width() < widget.minimumSizeHint().width():
                clipped.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.width() < widget.minimumSizeHint().width():
            clipped.append(widget.text())
    assert clipped == []
    problems = overflows(page)  # nothing runs past its scroll area or its parent
    assert not problems, "\n".join(problems)
    shown = [b for b in panel.example_buttons if b.isVisible()]
    assert shown and all(b.text() == b.sentence for b in shown)  # short examples are not shortened
    assert page.width() <= 1180 and panel.heat_plot.height() >= 200 and panel.source_edit.height() >= 60
    for widget in (panel.source_edit, panel.output_edit, panel.beam_spin, panel.copy_button, panel.heat_plot,
                   *[b for b in panel.example_buttons if b.isVisible()]):
        assert widget.toolTip(), widget


def test_language_names():
    assert [language_name(c) for c in ("en", "fr", "de", "es", "EN-gb", "eng", "xx", "Klingon")] == \
        ["English", "French", "German", "Spanish", "English", "English", "xx", "Klingon"]
    assert piece_label("▁hundred") == "hundred" and piece_label("two") == "two" and piece_label("</s>") == "(end)"


def test_the_window_closes_cleanly_mid_translation(qtbot, translator_file):
    from desktop_app.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1180, 780)
    window.show()
    page = window.playground_page
    window.show_page("Playground")
    panel = open_translator(qtbot, page, translator_file, by_drop=False)
    slow = SlowTranslator(page.translator, 1.0)
    panel._translator = slow
    panel.set_text("\n".join(["one", "two", "three", "four", "five", "six", "seven", "eight"]))
    panel.translate_now()
    qtbot.waitUntil(lambda: len(slow.sentences) >= 1, timeout=WAIT)
    assert panel.is_translating()
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 4.0  # the job stopped at the next line instead of translating all eight
    assert panel._job.task() is None or not panel._job.task().is_running()
    assert len(slow.sentences) < 8
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=WAIT)


def test_translating_in_the_playground_does_not_import_torch(tmp_path, translator_file):
    code = textwrap.dedent(f"""
        import os, sys
        os.environ['QT_QPA_PLATFORM'] = 'offscreen'
        from pathlib import Path
        from desktop_app.pages import playground_page
        opened = playground_page.open_any_model(Path({str(translator_file)!r}), 'cpu', {{}}, True)
        assert opened.classifier is None and opened.generator is None and opened.translator is not None
        assert opened.translator.translate('seven', 2).text
        assert 'Translator, made with ModelDesk' in playground_page.describe_model(opened)
        assert 'torch' not in sys.modules, 'the playground must not import torch'
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "MODELDESK_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
