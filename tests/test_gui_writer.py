"""The Playground with text generators: real typing, clicks and keys on a page that opens a tiny
character LSTM trained here for one epoch on made-up English. It writes nonsense, so what
matters is that the page shows exactly what `engine.infer.text_generator` writes, as it writes,
and stops when asked."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("torch")  # the test model is trained and exported with PyTorch

from onnx_factories import BRIGHT, modeldesk_model, write_image  # noqa: E402
from layout_check import overflows  # noqa: E402
from qt_drop import drop  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor, QTextFormat  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget  # noqa: E402

from desktop_app import theme  # noqa: E402
from desktop_app.pages import writer_panel  # noqa: E402
from desktop_app.pages.playground_page import PlaygroundPage  # noqa: E402
from desktop_app.pages.writer_panel import WriterPanel, unknown_note  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402
from engine.errors import ConfigError  # noqa: E402
from engine.infer.text_generator import TextGenerator  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent with a QPoint

ROOT = Path(__file__).resolve().parent.parent
WAIT = 15_000
JARGON = ("Traceback", "Exception", "ONNXRuntimeError", "Error:")
WORDS = ("the cat and crow sat in a tall tree while an old lion walked by the river and said hello to the mouse "
         "who was afraid of the wind but the farmer laughed at them all because his dog had eaten the bread").split()


# ----- fixtures and helpers ------------------------------------------------------------------
def fable_text(characters: int = 3_000, seed: int = 0) -> str:
    """English-like lines without the letters z, q, x and j (so a test can type unknown ones)."""
    rng = random.Random(seed)
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < characters:
        words = [rng.choice(WORDS) for _ in range(rng.randint(5, 11))]
        lines.append(" ".join(words).capitalize() + rng.choice((".", ".", "!", ",")))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def textgen_file(tmp_path_factory) -> Path:
    """A text generator trained for one epoch (a few seconds on a CPU) and exported by the engine."""
    import torch

    from engine.train.config import TrainConfig
    from engine.train.tasks import train

    root = tmp_path_factory.mktemp("textgen")
    text = root / "fables.txt"
    text.write_text(fable_text(), encoding="utf-8")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # faster for so small a model on a busy 2-core machine
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("MODELDESK_HOME", str(root / "home"))
            result = train(TrainConfig(task="textgen", dataset=f"text:{text}", model="lstm-small", epochs=1,
                                       device="cpu"), runs_dir=root / "runs")
    finally:
        torch.set_num_threads(threads)
    assert result.status == "finished" and result.export is not None
    return Path(result.export.path)


@pytest.fixture(scope="module")
def reference(textgen_file) -> TextGenerator:
    """The same model opened by the engine directly: what the page must show."""
    return TextGenerator.open(textgen_file, "cpu")


def _error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]


@pytest.fixture
def page(qtbot) -> PlaygroundPage:
    page = PlaygroundPage(AppState())
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.show()
    page.activateWindow()
    yield page
    for box in _error_boxes():
        box.close()
    page.cancel_work(wait=True)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=WAIT)


class SlowTextGenerator:
    """A TextGenerator that takes `delay` seconds per character (a large model on a slow computer)."""

    def __init__(self, inner: TextGenerator, delay: float) -> None:
        self._inner, self.delay = inner, delay
        self.produced = 0
        self.threads: set[str] = set()

    def __getattr__(self, name: str):
        return getattr(self._inner, name)

    def stream(self, *args, **kwargs):
        inner = self._inner.stream(*args, **kwargs)

        def slow():
            self.threads.add(threading.current_thread().name)
            for character in inner:
                time.sleep(self.delay)
                self.produced += 1
                yield character

        return slow()


class BrokenTextGenerator(SlowTextGenerator):
    def stream(self, *args, **kwargs):
        raise ConfigError("The temperature must be between 0 (always the likeliest character) and 10 "
                          "(0.8 is a good start).")


def open_writer(qtbot, page: PlaygroundPage, path: Path, by_drop: bool = False) -> WriterPanel:
    with qtbot.waitSignal(page.model_opened, timeout=WAIT) as opened:
        drop(page, [path]) if by_drop else page.open_model(path)
    assert opened.args == [str(path)]
    return page.writer_panel


def type_prompt(qtbot, panel: WriterPanel, text: str) -> None:
    """Click into the prompt box, empty it and type `text` key by key."""
    qtbot.mouseClick(panel.prompt_edit.viewport(), Qt.MouseButton.LeftButton)
    panel.prompt_edit.selectAll()
    qtbot.keyClick(panel.prompt_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(panel.prompt_edit, text)


def type_seed(qtbot, panel: WriterPanel, seed: int) -> None:
    spin = panel.seed_spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(seed))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)


def click_write(qtbot, panel: WriterPanel) -> None:
    with qtbot.waitSignal(panel.writing_finished, timeout=WAIT):
        qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    assert not panel.is_writing()


def assert_plain(message: str, *words: str) -> None:
    assert message and "\n" not in message and message.endswith("."), message
    assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
    assert not any(j in message for j in JARGON), message
    for word in words:
        assert word.lower() in message.lower(), (word, message)


def colour_at(panel: WriterPanel, position: int) -> str | None:
    """The colour given to the character at `position` of the output (None: the theme's text colour)."""
    cursor = QTextCursor(panel.output_edit.document())
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    style = cursor.charFormat()
    return style.foreground().color().name() if style.hasProperty(QTextFormat.Property.ForegroundBrush) else None


# ----- tests ---------------------------------------------------------------------------------
def test_writing_shows_exactly_what_the_engine_writes(qtbot, page, textgen_file, reference):
    panel = open_writer(qtbot, page, textgen_file, by_drop=True)
    assert page.text_generator is not None and panel.text_generator is page.text_generator and page.classifier is None
    assert page.view_stack.currentWidget() is panel and panel.isVisible()
    assert not page.add_button.isEnabled() and not page.paste_button.isEnabled() and page.preprocess_box.isHidden()
    card = page.model_card.text()
    for words in ("fables.txt", "Text generator", "lstm-small trained on fables.txt", "1 layer of 256 memory cells",
                  f"{len(reference.characters)} characters it can read and write", "Perplexity", "lower is better",
                  "1 epoch", "Runs on", "CPU", "Opened in"):
        assert words in card, words
    assert panel.length == 300 and panel.temperature == 0.8 and panel.top_k == 0 and panel.seed == 0
    assert panel.top_k_slider.maximum() == len(reference.characters)
    assert panel.temperature_value.text() == "0.80 balanced" and panel.top_k_value.text() == "off"
    assert panel.output_text() == "" and not panel.stop_button.isEnabled()
    openings = [b.sentence for b in panel.example_buttons if b.isVisible()]
    assert openings and openings[0] == reference.metadata.examples[0][0].strip()

    type_prompt(qtbot, panel, "The cat ")
    panel.set_length(120)
    type_seed(qtbot, panel, 7)
    click_write(qtbot, panel)
    expected = reference.generate("The cat ", 120, 0.8, 0, 7)
    assert len(expected) == 120
    assert panel.written_text() == expected and panel.output_text() == "The cat " + expected
    assert panel.output_edit.toPlainText() == "The cat " + expected
    assert colour_at(panel, 0) == QColor(theme.LIGHT_COLORS.muted).name()  # the prompt is muted
    assert colour_at(panel, len("The cat ") + 2) is None  # what the model wrote has the normal text colour
    theme.manager().set_choice(theme.DARK)  # and a theme switch recolours the prompt
    try:
        assert colour_at(panel, 0) == QColor(theme.DARK_COLORS.muted).name()
        assert colour_at(panel, len("The cat ") + 2) is None
    finally:
        theme.manager().set_choice(theme.SYSTEM)  # as the other tests expect it
    assert re.fullmatch(r"Wrote 120 characters in [\d.]+ s \([\d,]+ characters/s\) on the CPU\.",
                        panel.status_label.text()), panel.status_label.text()
    assert not panel.unknown_label.isVisible() and not panel.error_label.isVisible()

    # another seed writes something else, Ctrl+Return writes too, and the first seed writes the first text again
    type_seed(qtbot, panel, 8)
    with qtbot.waitSignal(panel.writing_finished, timeout=WAIT):
        qtbot.keyClick(panel.prompt_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.prompt() == "The cat "  # the shortcut wrote; it typed no line break
    assert panel.written_text() == reference.generate("The cat ", 120, 0.8, 0, 8) != expected
    type_seed(qtbot, panel, 7)
    click_write(qtbot, panel)
    assert panel.written_text() == expected

    # an opening button fills the box; an empty box starts a paragraph of the model's own
    qtbot.mouseClick(panel.example_buttons[0], Qt.MouseButton.LeftButton)
    assert panel.prompt() == openings[0]
    type_prompt(qtbot, panel, "")
    click_write(qtbot, panel)
    assert panel.output_text() == reference.generate("", 120, 0.8, 0, 7)

    # Copy puts the prompt and the text on the clipboard; New seed writes again with another seed
    type_prompt(qtbot, panel, "A lion")
    click_write(qtbot, panel)
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "A lion" + reference.generate("A lion", 120, 0.8, 0, 7)
    assert page.status_label.text() == "Copied the text."
    with qtbot.waitSignal(panel.writing_finished, timeout=WAIT):
        qtbot.mouseClick(panel.new_seed_button, Qt.MouseButton.LeftButton)
    assert panel.seed != 7 and panel.written_text() == reference.generate("A lion", 120, 0.8, 0, panel.seed)
    assert panel.jobs_started() == 6


def test_temperature_zero_and_top_k_one_always_take_the_likeliest_character(qtbot, page, textgen_file, reference):
    panel = open_writer(qtbot, page, textgen_file)
    type_prompt(qtbot, panel, "The old lion ")
    panel.set_length(80)
    panel.temperature_slider.setFocus()
    qtbot.keyClick(panel.temperature_slider, Qt.Key.Key_Home)  # all the way to "careful"
    assert panel.temperature == 0.0 and panel.temperature_value.text() == "0.00 likeliest only"
    greedy = reference.generate("The old lion ", 80, 0.0, 0, 0)
    for seed in (1, 2):
        type_seed(qtbot, panel, seed)
        click_write(qtbot, panel)
        assert panel.written_text() == greedy  # the seed does not matter without chances to take
    panel.set_temperature(2.0)
    assert panel.temperature_value.text() == "2.00 wild"
    panel.set_temperature(1.2)
    assert panel.temperature_value.text() == "1.20 adventurous"
    panel.top_k_slider.setFocus()
    qtbot.keyClick(panel.top_k_slider, Qt.Key.Key_Right)
    assert panel.top_k == 1 and panel.top_k_value.text() == "1 likeliest"
    click_write(qtbot, panel)
    assert panel.written_text() == greedy  # only the likeliest character to choose from
    panel.set_top_k(5)
    click_write(qtbot, panel)
    assert panel.written_text() == reference.generate("The old lion ", 80, 1.2, 5, 2)


def test_text_streams_while_it_is_written_and_stop_halts_it(qtbot, page, textgen_file, reference):
    panel = open_writer(qtbot, page, textgen_file)
    slow = SlowTextGenerator(page.text_generator, 0.002)
    panel.set_text_generator(slow)
    type_prompt(qtbot, panel, "The dog ")
    panel.set_length(2000)
    full = reference.generate("The dog ", 2000, 0.8, 0, 0)
    seen: list[tuple[int, bool, str]] = []  # (characters so far, still writing, text shown) per update
    panel.text_streamed.connect(lambda count: seen.append((count, panel.is_writing(), panel.output_edit.toPlainText())))

    started = time.monotonic()
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    assert panel.is_writing() and panel.stop_button.isEnabled()
    qtbot.waitUntil(lambda: len(seen) >= 4, timeout=WAIT)
    assert all(writing for _, writing, _ in seen)  # the text arrived while the model was still writing
    assert all(text == "The dog " + full[:count] for count, _, text in seen)
    assert [count for count, _, _ in seen] == sorted({count for count, _, _ in seen})  # it grows every time
    assert "Writing…" in panel.status_label.text()
    with qtbot.waitSignal(panel.writing_finished, timeout=WAIT):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    seconds = time.monotonic() - started
    written = panel.written_text()
    assert 0 < len(written) < 2000 and slow.produced < 2000 and written == full[: len(written)]
    assert panel.status_label.text() == f"Stopped after {len(written):,} characters."
    assert not panel.is_writing() and not panel.stop_button.isEnabled()
    assert panel.updates() <= seconds * writer_panel.CHUNKS_PER_SECOND + 3  # coalesced, not one update per character
    assert panel.updates() < len(written) / 2
    assert slow.threads and threading.main_thread().name not in slow.threads  # written in a worker thread
    produced = slow.produced
    qtbot.wait(100)
    assert slow.produced == produced  # really stopped

    # a new Write while writing stops the old one first and shows only the new text
    panel.set_length(300)
    type_seed(qtbot, panel, 3)
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.updates() >= 2, timeout=WAIT)
    type_seed(qtbot, panel, 4)
    finished: list[int] = []
    panel.writing_finished.connect(lambda: finished.append(1))
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.is_writing(), timeout=WAIT)
    assert panel.written_text() == reference.generate("The dog ", 300, 0.8, 0, 4)
    assert panel.status_label.text().startswith("Wrote 300 characters in") and finished == [1]

    # Esc stops too, and closing the page stops a writing without waiting for its end
    panel.set_length(2000)
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.updates() >= 2, timeout=WAIT)
    with qtbot.waitSignal(panel.writing_finished, timeout=WAIT):
        qtbot.keyClick(panel.prompt_edit, Qt.Key.Key_Escape)
    assert panel.status_label.text().startswith("Stopped after")
    slow.delay = 0.01  # 20 s for the whole text
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.updates() >= 2, timeout=WAIT)
    started = time.monotonic()
    page.cancel_work(wait=True)
    assert time.monotonic() - started < 2.0 and not panel.is_writing()


def test_characters_the_model_never_saw_are_named_and_skipped(qtbot, page, textgen_file, reference):
    panel = open_writer(qtbot, page, textgen_file)
    assert "z" not in reference.characters and "é" not in reference.characters
    type_prompt(qtbot, panel, "The zebra caf")
    panel.prompt_edit.insertPlainText("é")  # as a keyboard layout with é types it (QTest types only ASCII)
    assert panel.unknown_label.isVisible()
    assert panel.unknown_label.text() == unknown_note(["z", "é"], written=False)
    panel.set_length(60)
    click_write(qtbot, panel)
    text = panel.unknown_label.text()
    assert text == "These characters are not in the model's vocabulary and were skipped: “z”, “é”."
    assert_plain(text, "skipped")
    assert panel.output_text() == "The zebra café" + reference.generate("The zebra café", 60, 0.8, 0, 0)
    assert panel.written_text() == reference.generate("The ebra caf", 60, 0.8, 0, 0)  # as if they were not there
    type_prompt(qtbot, panel, "The crow")
    assert not panel.unknown_label.isVisible()


def test_errors_are_one_plain_sentence_and_pictures_get_one_too(qtbot, page, textgen_file, reference, tmp_path):
    panel = open_writer(qtbot, page, textgen_file)
    panel.set_text_generator(BrokenTextGenerator(page.text_generator, 0.0))
    type_prompt(qtbot, panel, "The cat")
    click_write(qtbot, panel)
    assert panel.error_label.isVisible() and panel.output_text() == "" and not _error_boxes()
    assert_plain(panel.error_label.text(), "temperature")
    panel.set_text_generator(page.text_generator)
    assert not panel.error_label.isVisible()

    drop(page, [write_image(tmp_path / "bright.png", BRIGHT)])  # pictures are not for text generators
    assert page.status_label.text() == writer_panel.DROP_PICTURES_TEXT
    assert_plain(page.status_label.text(), "writes text", "classifier")
    assert page.cards() == [] and page.text_generator is not None
    QGuiApplication.clipboard().setText("The crow said")
    type_prompt(qtbot, panel, "Then ")
    page.paste_from_clipboard()  # pasted text goes into the prompt
    assert panel.prompt() == "Then The crow said"


def test_another_kind_of_model_clears_the_writer(qtbot, page, textgen_file, reference, tmp_path):
    panel = open_writer(qtbot, page, textgen_file)
    type_prompt(qtbot, panel, "The cat")
    click_write(qtbot, panel)
    classifier = modeldesk_model(tmp_path / "dark-bright.onnx")
    with qtbot.waitSignal(page.model_opened, timeout=WAIT):
        drop(page, [classifier])
    assert page.text_generator is None and panel.text_generator is None and page.classifier is not None
    assert panel.output_text() == "" and panel.output_edit.toPlainText() == "" and panel.status_label.text() == ""
    assert page.view_stack.currentWidget() is page.drop_zone
    assert page.add_button.isEnabled() and page.paste_button.isEnabled()
    assert "Text generator" not in page.model_card.text() and "image classification" in page.model_card.text()
    with qtbot.waitSignal(page.results_ready, timeout=WAIT):
        drop(page, [write_image(tmp_path / "bright.png", BRIGHT)])
    assert page.cards()[0].bars.entries[0][0] == "bright"

    panel = open_writer(qtbot, page, textgen_file)  # and back again: the prompt typed is still there
    assert page.view_stack.currentWidget() is panel and page.classifier is None and panel.prompt() == "The cat"
    click_write(qtbot, panel)
    assert panel.written_text() == reference.generate("The cat", 300, 0.8, 0, 0)


def test_writer_layout_is_readable_at_1180_by_780(qtbot, page, textgen_file, tmp_path):
    panel = open_writer(qtbot, page, textgen_file)
    type_prompt(qtbot, panel, "The cat and the crow")
    click_write(qtbot, panel)
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
    assert page.width() <= 1180 and panel.output_edit.height() >= 250 and panel.prompt_edit.height() >= 60
    for widget in (panel.length_slider, panel.temperature_slider, panel.top_k_slider):
        assert widget.isVisible() and widget.width() >= 150 and len(widget.toolTip()) > 60, widget.objectName()
    for widget in (panel.prompt_edit, panel.output_edit, panel.seed_spin, panel.new_seed_button, panel.write_button,
                   panel.stop_button, panel.copy_button, panel.length_value, panel.temperature_value, panel.top_k_value,
                   *[b for b in panel.example_buttons if b.isVisible()]):
        assert widget.toolTip(), widget
    assert "careful" in panel.temperature_slider.toolTip() and "adventurous" in panel.temperature_slider.toolTip()
    assert page.grab().save(str(tmp_path / "writer.png"))


def test_writing_in_the_playground_does_not_import_torch(tmp_path, textgen_file):
    code = textwrap.dedent(f"""
        import os, sys
        os.environ['QT_QPA_PLATFORM'] = 'offscreen'
        from pathlib import Path
        from desktop_app.pages import playground_page
        opened = playground_page.open_any_model(Path({str(textgen_file)!r}), 'cpu', {{}}, True)
        assert opened.classifier is None and opened.translator is None and opened.text_generator is not None
        assert len(opened.text_generator.generate('The fox', 20)) == 20
        assert 'Text generator' in playground_page.describe_model(opened)
        assert 'torch' not in sys.modules, 'the playground must not import torch'
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "MODELDESK_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
