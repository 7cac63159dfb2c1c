"""The Playground's text-generation section: type the start of a text, let the model go on.

`PlaygroundPage` opens the model (see `open_text_generator`) and hands the `TextGenerator` to a
`WriterPanel`, shown instead of the classifier's results. Write (Ctrl+Return) continues the
prompt with the chosen length, temperature, top-k and seed; the text appears as it is written.
The engine's `TextGenerator.stream` runs in a background task that hands its characters to the
GUI thread in chunks, at most CHUNKS_PER_SECOND of them, so a fast model never floods the window
and a slow one still shows every character soon after it is chosen. Stop (or a new Write) sets
the task's cancel flag, which the worker checks between characters. The same seed and settings
always give the same text: the panel passes them to the engine unchanged.

Like the rest of the Playground this never imports torch: `engine.infer.text_generator` runs
the model with ONNX Runtime and NumPy.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
                               QSlider, QSpinBox, QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.pages.translator_panel import ExampleButton
from desktop_app.workers import BackgroundTask, TaskError, run_in_background

log = logging.getLogger(__name__)

LENGTH_MIN, LENGTH_MAX, LENGTH_DEFAULT = 20, 2000, 300  # characters written by one click
TEMPERATURE_STEP = 0.05
TEMPERATURE_MAX = 2.0
TEMPERATURE_DEFAULT = 0.8
SEED_MAX = 2**31 - 1
CHUNKS_PER_SECOND = 30  # the most updates a writing sends to the window each second
EXAMPLE_BUTTONS = 3
UNKNOWN_SHOWN = 16  # characters named in the note about characters the model never saw
GENERIC_OPENINGS = ("Once upon a time", "The old man said", "It was a dark and stormy night")

DROP_PICTURES_TEXT = QT_TRANSLATE_NOOP(
    "WriterPanel", "This model writes text; open an image classifier to try pictures.")
UNKNOWN_TEXT = QT_TRANSLATE_NOOP(
    "WriterPanel", "These characters are not in the model's vocabulary and were skipped: {names}.")
UNKNOWN_TYPING_TEXT = QT_TRANSLATE_NOOP(
    "WriterPanel", "These characters are not in the model's vocabulary and will be skipped: {names}.")
PROMPT_TIP = QT_TRANSLATE_NOOP(
    "WriterPanel", "Type how the text should begin; the model carries on from there, one character at a time. Leave it "
    "empty to let the model start a new paragraph of its own.")
OUTPUT_TIP = QT_TRANSLATE_NOOP(
    "WriterPanel", "Your opening (in grey) and what the model wrote after it (in black), as it is written. Select text "
    "to copy part of it.")
LENGTH_TIP = QT_TRANSLATE_NOOP(
    "WriterPanel", "How many characters (letters, spaces and punctuation) the model writes after your opening.")
TEMPERATURE_TIP = QT_TRANSLATE_NOOP(
    "WriterPanel", "How much the model takes chances. Low values are careful: it picks the likeliest next letter, so "
    "the text is safe but can repeat itself; 0 always picks the likeliest. High values are adventurous: "
    "more surprising words, and more mistakes. 0.8 is a good start.")
TOP_K_TIP = QT_TRANSLATE_NOOP(
    "WriterPanel", "Lets the model choose only among the few likeliest next characters, which keeps it from rare slips. "
    "0 means off: any character can be chosen (how often depends on the temperature).")
SEED_TIP = QT_TRANSLATE_NOOP(
    "WriterPanel", "The seed decides the model's random choices. The same seed with the same settings always writes the "
    "same text, so you can show it again later; a new seed writes something different.")
NEW_SEED_TIP = QT_TRANSLATE_NOOP("WriterPanel", "Pick a new random seed and write again.")
WRITE_TIP = QT_TRANSLATE_NOOP(
    "WriterPanel", "Let the model continue your opening (Ctrl+Return). Clicking again while it writes starts over.")
STOP_TIP = QT_TRANSLATE_NOOP("WriterPanel", "Stop writing now (Esc); the text written so far stays.")
COPY_TIP = QT_TRANSLATE_NOOP("WriterPanel", "Copy your opening and what the model wrote to the clipboard.")
EXAMPLE_TIP = QT_TRANSLATE_NOOP("WriterPanel", "Put this opening in the box, to see how the model continues it.")
PROVIDERS = {"CPUExecutionProvider": QT_TRANSLATE_NOOP("WriterPanel", "the CPU"),
             "CUDAExecutionProvider": QT_TRANSLATE_NOOP("WriterPanel", "the NVIDIA GPU (CUDA)")}
SPECIAL_NAMES = {" ": QT_TRANSLATE_NOOP("WriterPanel", "space"), "\n": QT_TRANSLATE_NOOP("WriterPanel", "line break"),
                 "\t": QT_TRANSLATE_NOOP("WriterPanel", "tab"), "\r": QT_TRANSLATE_NOOP("WriterPanel", "carriage return"),
                 "\u00a0": QT_TRANSLATE_NOOP("WriterPanel", "non-breaking space")}


# ----- plain helpers, no widgets (they run in workers too) ----------------------------------
def open_text_generator(path: Path, device: str) -> tuple[Any, float] | None:
    """Open `path` as a text generator when ModelDesk's metadata says it is one (runs in a
    worker): the TextGenerator and the time it took in ms. None for any other file (or one too
    broken to tell), so the caller can explain the problem it already had; a file described as
    a text generator that cannot be opened raises ModelFileError."""
    from engine.infer.generator import model_task
    from engine.infer.text_generator import TextGenerator

    try:
        task = model_task(path)
    except Exception:  # noqa: BLE001 - the caller words broken files for people
        log.debug("could not tell what %s is for", path, exc_info=True)
        return None
    if task != "textgen":
        return None
    start = time.perf_counter()
    generator = TextGenerator.open(path, device)
    return generator, (time.perf_counter() - start) * 1000


def _number(value: float) -> str:
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}" if abs(value) < 1000 else f"{value:,.0f}"


def dataset_words(dataset: str) -> str:
    """What a text generator learned from, for people: the file name of `text:PATH`, else the name."""
    text = str(dataset or "")
    if text.startswith("text:"):
        return Path(text[len("text:"):]).name or text
    return text


def text_generator_rows(generator: Any) -> list[tuple[str, str]]:
    """Model-card rows about what a text generator does (the page adds file, provider and time)."""
    meta = generator.metadata
    rows = [(QCoreApplication.translate("WriterPanel", "Task"),
             QCoreApplication.translate("WriterPanel", "Text generator, made with ModelDesk"))]
    if meta.model_name or meta.dataset:
        learned = dataset_words(meta.dataset)
        model = (QCoreApplication.translate("WriterPanel", "{model} trained on {dataset}").format(
            model=meta.model_name, dataset=learned) if meta.model_name and learned else meta.model_name or learned)
        rows.append((QCoreApplication.translate("WriterPanel", "Model"), model))
    layers = int(meta.layers)
    size = (QCoreApplication.translate("WriterPanel", "{layers} layer of {cells} memory cells") if layers == 1
            else QCoreApplication.translate("WriterPanel", "{layers} layers of {cells} memory cells"))
    rows.append((QCoreApplication.translate("WriterPanel", "Size"),
                 size.format(layers=layers, cells=f"{int(meta.hidden_size):,}")))
    characters = list(generator.characters)
    rows.append((QCoreApplication.translate("WriterPanel", "Vocabulary"),
                 QCoreApplication.translate("WriterPanel", "{count} characters it can read and write").format(
                     count=f"{len(characters):,}")))
    metrics = meta.metrics or {}
    perplexity, baseline = metrics.get("val_perplexity"), metrics.get("unigram_perplexity")
    if isinstance(perplexity, (int, float)) and perplexity > 0:
        text = QCoreApplication.translate("WriterPanel", "{value} on text it never trained on (lower is better)").format(
            value=_number(perplexity))
        if isinstance(baseline, (int, float)) and baseline > 0:
            text += QCoreApplication.translate(
                "WriterPanel", "; knowing only how common each character is gives {value}").format(value=_number(baseline))
        rows.append((QCoreApplication.translate("WriterPanel", "Perplexity"), text))
    epochs = metrics.get("epochs")
    if isinstance(epochs, (int, float)) and epochs > 0:
        rows.append((QCoreApplication.translate("WriterPanel", "Training"),
                     (QCoreApplication.translate("WriterPanel", "{count} epoch") if int(epochs) == 1
                      else QCoreApplication.translate("WriterPanel", "{count} epochs")).format(count=f"{int(epochs):,}")))
    return rows


def character_name(character: str) -> str:
    """“é” for a letter, the word for invisible ones (space, tab, line break)."""
    if character in SPECIAL_NAMES:
        return QCoreApplication.translate("WriterPanel", SPECIAL_NAMES[character])
    if not character.isprintable():
        return f"U+{ord(character):04X}"
    return f"“{character}”"


def unknown_note(characters: Sequence[str], written: bool = True) -> str:
    """The one sentence naming the prompt's characters the model never saw ('' when none)."""
    if not characters:
        return ""
    names = [character_name(c) for c in characters[:UNKNOWN_SHOWN]]
    if len(characters) > UNKNOWN_SHOWN:
        names.append(QCoreApplication.translate("WriterPanel", "and {count} more").format(
            count=f"{len(characters) - UNKNOWN_SHOWN:,}"))
    return QCoreApplication.translate("WriterPanel", UNKNOWN_TEXT if written else UNKNOWN_TYPING_TEXT).format(
        names=QCoreApplication.translate("WriterPanel", ", ").join(names))


def example_openings(metadata: Any, characters: Sequence[str], limit: int = EXAMPLE_BUTTONS) -> list[str]:
    """Openings to try: the prompts the model continued in training, else generic ones it can
    read (lowercased for models that never saw capitals)."""
    known = set(characters)
    found: list[str] = []
    for pair in metadata.examples or []:
        text = str(pair[0]).strip() if pair else ""
        if text and text not in found:
            found.append(text)
    for opening in GENERIC_OPENINGS:
        if len(found) >= limit:
            break
        for candidate in (opening, opening.lower()):
            if set(candidate) <= known and candidate not in found:
                found.append(candidate)
                break
    return found[:limit]


def temperature_words(temperature: float) -> str:
    if temperature <= 0:
        return QCoreApplication.translate("WriterPanel", "likeliest only")
    if temperature < 0.5:
        return QCoreApplication.translate("WriterPanel", "careful")
    if temperature <= 1.0:
        return QCoreApplication.translate("WriterPanel", "balanced")
    if temperature <= 1.5:
        return QCoreApplication.translate("WriterPanel", "adventurous")
    return QCoreApplication.translate("WriterPanel", "wild")


def format_seconds(seconds: float) -> str:
    number = f"{seconds:.2f}" if seconds < 1 else f"{seconds:.1f}" if seconds < 10 else f"{seconds:,.0f}"
    return QCoreApplication.translate("WriterPanel", "{seconds} s").format(seconds=number)


def _characters(count: int) -> str:
    """'1 character', '2,000 characters'."""
    text = (QCoreApplication.translate("WriterPanel", "{count} character") if count == 1
            else QCoreApplication.translate("WriterPanel", "{count} characters"))
    return text.format(count=f"{count:,}")


@dataclass(frozen=True)
class WriteSettings:
    """What one writing was asked for (the engine's `stream` arguments)."""

    prompt: str
    length: int
    temperature: float
    top_k: int
    seed: int


@dataclass
class WriteResult:
    """How a writing ended (made in the worker)."""

    token: int
    settings: WriteSettings
    characters: int  # how many were written
    seconds: float
    stopped: bool  # Stop (or a newer Write) ended it early


def write_in_chunks(generator: Any, settings: WriteSettings, token: int, context: Any,
                    per_second: float = CHUNKS_PER_SECOND) -> WriteResult:
    """Stream the text (runs in a worker): `context.emit((token, chunk))` with what was written
    since the last chunk, at most `per_second` times a second (the first character at once);
    `context.should_cancel()` is asked before every further character."""
    interval = 1.0 / per_second
    start = time.perf_counter()
    stream = generator.stream(settings.prompt, settings.length, settings.temperature, settings.top_k, settings.seed)
    pending: list[str] = []
    count, stopped, last = 0, False, -interval
    try:
        for character in stream:
            pending.append(character)
            count += 1
            now = time.perf_counter()
            if now - last >= interval:
                context.emit((token, "".join(pending)))
                pending, last = [], now
            if count < settings.length and context.should_cancel():
                stopped = True
                break
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    if pending:
        context.emit((token, "".join(pending)))
    return WriteResult(token, settings, count, time.perf_counter() - start, stopped)


# ----- small widgets -------------------------------------------------------------------------
class OpeningButton(ExampleButton):
    """An opening to try: puts its text in the prompt box (shortened when the row is narrow)."""

    def set_sentence(self, sentence: str) -> None:
        super().set_sentence(str(sentence).replace("\n", " "))
        self.sentence = str(sentence)
        self.setToolTip(QCoreApplication.translate("WriterPanel", "{tip}\n{opening}").format(
            tip=QCoreApplication.translate("WriterPanel", EXAMPLE_TIP), opening=self.sentence) if self.sentence else "")


def _muted(label: QLabel, small: bool = False) -> QLabel:
    theme.set_tone(label, "muted")
    if small:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
    return label


# ----- the panel -----------------------------------------------------------------------------
class WriterPanel(QWidget):
    """Continue a prompt with a TextGenerator, showing the text as it is written."""

    writing_started = Signal()
    text_streamed = Signal(int)  # characters written so far, after each update of the text shown
    writing_finished = Signal()  # a writing ended: done, stopped or failed (not one replaced by a newer Write)
    message = Signal(str)  # a sentence for the page's status line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generator: Any = None
        self._task: BackgroundTask | None = None
        self._pending: WriteSettings | None = None  # a Write waiting for the stopped one to end
        self._writing = False  # the text shown is still being written (or waits to start)
        self._token = 0  # bumped by every Write (and by clearing): older chunks and results are ignored
        self._settings: WriteSettings | None = None  # of the text shown
        self._written: list[str] = []
        self._count = 0
        self._updates = 0  # text updates of the writing shown (tests count them)
        self._started = 0  # background writings started
        self.last_result: WriteResult | None = None
        self._written_format = QTextCharFormat()  # the theme's text colour

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_header())
        top = QHBoxLayout()
        top.addWidget(self._build_prompt(), 1)
        top.addWidget(self._build_settings(), 0)
        layout.addLayout(top)
        layout.addLayout(self._build_actions())
        self.unknown_label = QLabel("")
        self.unknown_label.setObjectName("unknownCharacters")
        self.unknown_label.setWordWrap(True)
        theme.set_tone(self.unknown_label, "warning")
        self.unknown_label.setToolTip(self.tr("The model only knows the characters of the text it learned from. The ones "
                                              "named here are left out of what it reads."))
        self.unknown_label.hide()
        layout.addWidget(self.unknown_label)
        self.error_label = QLabel("")
        self.error_label.setObjectName("writingError")
        self.error_label.setWordWrap(True)
        theme.set_tone(self.error_label, "error")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(self._build_output(), 1)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.write)
        stop = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        stop.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        stop.activated.connect(self.stop)
        self._set_enabled(False)
        self._update_buttons()
        theme.manager().changed.connect(self._recolour_prompt)

    # ----- construction -----------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title_label = QLabel("")
        self.title_label.setObjectName("writerTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        row.addWidget(self.title_label)
        self.learned_label = _muted(QLabel(""))
        self.learned_label.setObjectName("writerLearnedFrom")
        row.addWidget(self.learned_label, 1)
        return row

    def _build_prompt(self) -> QGroupBox:
        box = self.prompt_box = QGroupBox(self.tr("Your opening"))
        layout = QVBoxLayout(box)
        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setObjectName("promptText")
        self.prompt_edit.setToolTip(self.tr(PROMPT_TIP))
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.textChanged.connect(self._prompt_changed)
        font = self.prompt_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.prompt_edit.setFont(font)
        lines = QFontMetrics(font).lineSpacing()
        self.prompt_edit.setMinimumHeight(lines * 3 + 14)
        self.prompt_edit.setMaximumHeight(lines * 6 + 14)  # what the model writes needs the room more
        layout.addWidget(self.prompt_edit, 1)
        return box

    def _slider(self, name: str, low: int, high: int, tip: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setObjectName(name)
        slider.setRange(low, high)
        slider.setToolTip(self.tr(tip))
        slider.setMinimumWidth(150)
        return slider

    def _value_label(self, sample: str, tip: str) -> QLabel:
        label = QLabel("")
        label.setToolTip(self.tr(tip))
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(sample) + 6)
        return label

    def _build_settings(self) -> QGroupBox:
        box = self.settings_box = QGroupBox(self.tr("How to write"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)

        def name(text: str, tip: str, buddy: QWidget) -> QLabel:
            label = QLabel(text)
            label.setToolTip(tip)
            label.setBuddy(buddy)
            return label

        self.length_slider = self._slider("lengthSlider", LENGTH_MIN, LENGTH_MAX, LENGTH_TIP)
        self.length_slider.setSingleStep(10)
        self.length_slider.setPageStep(100)
        self.length_slider.setValue(LENGTH_DEFAULT)
        self.length_value = self._value_label(_characters(2000), LENGTH_TIP)
        grid.addWidget(name(self.tr("Length"), self.tr(LENGTH_TIP), self.length_slider), 0, 0)
        grid.addWidget(self.length_slider, 0, 1)
        grid.addWidget(self.length_value, 0, 2)

        self.temperature_slider = self._slider("temperatureSlider", 0, round(TEMPERATURE_MAX / TEMPERATURE_STEP),
                                               TEMPERATURE_TIP)
        self.temperature_slider.setPageStep(4)
        self.temperature_slider.setValue(round(TEMPERATURE_DEFAULT / TEMPERATURE_STEP))
        self.temperature_value = self._value_label(self.tr("0.00 likeliest only"), TEMPERATURE_TIP)
        grid.addWidget(name(self.tr("Temperature"), self.tr(TEMPERATURE_TIP), self.temperature_slider), 1, 0)
        grid.addWidget(self.temperature_slider, 1, 1)
        grid.addWidget(self.temperature_value, 1, 2)
        ends = QHBoxLayout()
        ends.setContentsMargins(0, 0, 0, 0)
        careful, adventurous = _muted(QLabel(self.tr("careful")), True), _muted(QLabel(self.tr("adventurous")), True)
        careful.setToolTip(self.tr(TEMPERATURE_TIP))
        adventurous.setToolTip(self.tr(TEMPERATURE_TIP))
        ends.addWidget(careful)
        ends.addStretch(1)
        ends.addWidget(adventurous)
        grid.addLayout(ends, 2, 1)

        self.top_k_slider = self._slider("topKSlider", 0, 1, TOP_K_TIP)
        self.top_k_value = self._value_label(self.tr("888 likeliest"), TOP_K_TIP)
        grid.addWidget(name(self.tr("Top-k"), self.tr(TOP_K_TIP), self.top_k_slider), 3, 0)
        grid.addWidget(self.top_k_slider, 3, 1)
        grid.addWidget(self.top_k_value, 3, 2)

        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setRange(0, SEED_MAX)
        self.seed_spin.setToolTip(self.tr(SEED_TIP))
        self.seed_spin.setMinimumWidth(self.seed_spin.fontMetrics().horizontalAdvance("2147483647") + 34)
        seed_row = QHBoxLayout()
        seed_row.setContentsMargins(0, 0, 0, 0)
        seed_row.addWidget(self.seed_spin)
        self.new_seed_button = QPushButton(self.tr("New s&eed"))
        self.new_seed_button.setToolTip(self.tr(NEW_SEED_TIP))
        self.new_seed_button.clicked.connect(self.new_seed)
        seed_row.addWidget(self.new_seed_button)
        seed_row.addStretch(1)
        grid.addWidget(name(self.tr("Seed"), self.tr(SEED_TIP), self.seed_spin), 4, 0)
        grid.addLayout(seed_row, 4, 1, 1, 2)
        grid.setRowStretch(5, 1)

        self.length_slider.valueChanged.connect(self._show_length)
        self.temperature_slider.valueChanged.connect(self._show_temperature)
        self.top_k_slider.valueChanged.connect(self._show_top_k)
        self._show_length()
        self._show_temperature()
        self._show_top_k()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        return box

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.write_button = QPushButton(self.tr("&Write"))
        self.write_button.setObjectName("writeButton")
        self.write_button.setToolTip(self.tr(WRITE_TIP))
        self.write_button.setDefault(True)
        font = self.write_button.font()
        font.setBold(True)
        self.write_button.setFont(font)
        self.write_button.setMinimumWidth(110)
        self.write_button.clicked.connect(self.write)
        row.addWidget(self.write_button)
        self.stop_button = QPushButton(self.tr("&Stop"))
        self.stop_button.setObjectName("stopWritingButton")
        self.stop_button.setToolTip(self.tr(STOP_TIP))
        self.stop_button.clicked.connect(self.stop)
        row.addWidget(self.stop_button)
        hint = _muted(QLabel(self.tr("or Ctrl+Return")), True)
        hint.setToolTip(self.tr(WRITE_TIP))
        row.addWidget(hint)
        row.addStretch(1)
        self.examples_label = _muted(QLabel(self.tr("Try an opening:")))
        row.addWidget(self.examples_label)
        self.example_buttons: list[OpeningButton] = []
        for i in range(EXAMPLE_BUTTONS):
            button = OpeningButton()
            button.setObjectName(f"opening{i}")
            button.clicked.connect(lambda _checked=False, b=button: self.set_prompt(b.sentence))
            button.hide()
            row.addWidget(button)
            self.example_buttons.append(button)
        return row

    def _build_output(self) -> QGroupBox:
        box = self.output_box = QGroupBox(self.tr("What the model wrote"))
        layout = QVBoxLayout(box)
        self.output_edit = QPlainTextEdit()
        self.output_edit.setObjectName("writtenText")
        self.output_edit.setReadOnly(True)
        self.output_edit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.output_edit.setToolTip(self.tr(OUTPUT_TIP))
        self.output_edit.setPlaceholderText(self.tr("Type an opening above (or leave it empty), then click Write: the model's "
                                                    "text appears here as it is written."))
        theme.set_tone(self.output_edit, "output")
        font = self.output_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.output_edit.setFont(font)
        self.output_edit.setMinimumHeight(QFontMetrics(font).lineSpacing() * 5 + 16)
        layout.addWidget(self.output_edit, 1)
        bottom = QHBoxLayout()
        self.status_label = _muted(QLabel(""))
        self.status_label.setObjectName("writingStatus")
        self.status_label.setWordWrap(True)
        bottom.addWidget(self.status_label, 1)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr(COPY_TIP))
        self.copy_button.clicked.connect(self.copy_text)
        bottom.addWidget(self.copy_button)
        layout.addLayout(bottom)
        return box

    # ----- public API ---------------------------------------------------------------------------
    @property
    def text_generator(self) -> Any:
        """The TextGenerator in use, or None."""
        return self._generator

    @property
    def length(self) -> int:
        return self.length_slider.value()

    @property
    def temperature(self) -> float:
        return round(self.temperature_slider.value() * TEMPERATURE_STEP, 2)

    @property
    def top_k(self) -> int:
        return self.top_k_slider.value()

    @property
    def seed(self) -> int:
        return self.seed_spin.value()

    def settings(self) -> WriteSettings:
        """What Write would ask the engine for now."""
        return WriteSettings(self.prompt(), self.length, self.temperature, self.top_k, self.seed)

    def prompt(self) -> str:
        """The text in the prompt box."""
        return self.prompt_edit.toPlainText()

    def output_text(self) -> str:
        """The prompt of the text shown followed by what the model wrote after it."""
        return (self._settings.prompt if self._settings is not None else "") + self.written_text()

    def written_text(self) -> str:
        """Only what the model wrote (so far)."""
        return "".join(self._written)

    def updates(self) -> int:
        """How many times the text shown grew during the latest writing."""
        return self._updates

    def jobs_started(self) -> int:
        """How many background writings were started for this panel."""
        return self._started

    def set_text_generator(self, generator: Any) -> None:
        """Use `generator` (None clears the panel). A writing under way stops; the opening typed
        so far stays, and the settings too (top-k is limited to the new vocabulary)."""
        self._abandon()
        self._generator = generator
        self._clear_output()
        self._show_error("")
        self._set_enabled(generator is not None)
        if generator is None:
            self.title_label.setText("")
            self.learned_label.setText("")
            self._fill_examples([])
            self.unknown_label.hide()
            self._update_buttons()
            return
        meta = generator.metadata
        characters = list(generator.characters)
        self.title_label.setText(self.tr("Text generator"))
        learned = dataset_words(meta.dataset)
        self.learned_label.setText(self.tr("learned from {dataset}").format(dataset=learned) if learned else "")
        self.learned_label.setToolTip(self.tr("This model writes text like the text it learned from ({dataset}), "
                                              "using the {count} characters it saw there.").format(
            dataset=meta.dataset, count=f"{len(characters):,}") if meta.dataset else "")
        self.top_k_slider.setMaximum(max(1, len(characters)))
        self.set_temperature(min(max(float(getattr(meta, "temperature", TEMPERATURE_DEFAULT)), 0.0), TEMPERATURE_MAX))
        openings = example_openings(meta, characters)
        self._fill_examples(openings)
        self.prompt_edit.setPlaceholderText(
            self.tr("Type the start of a text and the model carries on. For example: “{opening}”").format(opening=openings[0])
            if openings else self.tr("Type the start of a text and the model carries on."))
        self._prompt_changed()
        self._update_buttons()

    def set_prompt(self, text: str) -> None:
        """Put `text` in the prompt box (the cursor at its end)."""
        self.prompt_edit.setPlainText(str(text))
        cursor = self.prompt_edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.prompt_edit.setTextCursor(cursor)

    def paste_text(self, text: str) -> None:
        """Insert `text` where the cursor is in the prompt box (Ctrl+V elsewhere on the page)."""
        self.prompt_edit.setFocus()
        self.prompt_edit.insertPlainText(str(text))

    def set_length(self, length: int) -> None:
        self.length_slider.setValue(int(length))

    def set_temperature(self, temperature: float) -> None:
        """Set the temperature (0 to 2, rounded to steps of 0.05)."""
        self.temperature_slider.setValue(round(float(temperature) / TEMPERATURE_STEP))

    def set_top_k(self, top_k: int) -> None:
        """Choose among the `top_k` likeliest characters (0: off)."""
        self.top_k_slider.setValue(int(top_k))

    def set_seed(self, seed: int) -> None:
        self.seed_spin.setValue(int(seed))

    def new_seed(self) -> None:
        """Pick a new random seed and write again."""
        current = self.seed
        seed = current
        while seed == current:
            seed = random.randint(0, SEED_MAX)
        self.seed_spin.setValue(seed)
        self.write()

    def is_writing(self) -> bool:
        """True from Write until the text shown is complete, stopped or failed."""
        return self._writing

    def write(self) -> None:
        """Let the model continue the prompt with the current settings, in the background; a
        writing under way is stopped first. The text appears as it is written."""
        if self._generator is None:
            return
        settings = self.settings()
        self._token += 1
        self._show_error("")
        self._begin_output(settings)
        self._writing = True
        self._show_unknown(settings.prompt, written=True)
        if self._task is not None:
            self._task.cancel()  # its last chunks and result carry an old token and are dropped
            self._pending = settings
            self.status_label.setText(self.tr("Writing…"))
        else:
            self._start(settings)
        self._update_buttons()
        self.writing_started.emit()

    def stop(self) -> None:
        """Stop writing; the text written so far stays."""
        if self._pending is not None:  # the writing shown has not started yet: it ends here
            self._pending = None
            self._token += 1  # what the earlier writing still sends is dropped
            self._task.cancel()
            self._finish_stopped()
        elif self._writing and self._task is not None:  # it ends at its next character and says so (_written_done)
            self._task.cancel()
            self.status_label.setText(self.tr("Stopping…"))
        self._update_buttons()

    def copy_text(self) -> None:
        """Copy the prompt and the text written after it to the clipboard."""
        text = self.output_text()
        if not self.written_text():
            self.message.emit(self.tr("There is no text to copy yet; click Write first."))
            return
        QGuiApplication.clipboard().setText(text)
        self.message.emit(self.tr("Copied the text."))

    def wait_for_work(self, ms: int = 30_000) -> None:
        """Stop writing and block until the background task has ended (the window is closing)."""
        task = self._task
        self._abandon()
        if task is not None and task.wait(ms):
            self._task = None
        self._update_buttons()

    # ----- writing ------------------------------------------------------------------------------
    def _start(self, settings: WriteSettings) -> None:
        generator, token = self._generator, self._token
        self._started += 1
        self.status_label.setText(self.tr("Writing…"))

        def work(context) -> WriteResult:
            return write_in_chunks(generator, settings, token, context)

        task = run_in_background(work, name="write-text", on_event=self._chunk_arrived, on_success=self._written_done,
                                 on_failure=lambda error, t=token: self._write_failed(t, error), parent=self)
        self._task = task
        task.finished.connect(lambda t=task: self._task_finished(t))

    def _task_finished(self, task: BackgroundTask) -> None:
        if task is not self._task:
            return
        self._task = None
        pending, self._pending = self._pending, None
        if pending is not None and self._generator is not None:
            self._start(pending)
        self._update_buttons()

    def _abandon(self) -> None:
        """Forget the writing under way (its results are ignored) and ask it to stop."""
        self._token += 1
        self._pending = None
        self._writing = False
        if self._task is not None:
            self._task.cancel()

    def _chunk_arrived(self, event: tuple[int, str]) -> None:
        token, chunk = event
        if token != self._token or not chunk:
            return
        bar = self.output_edit.verticalScrollBar()
        follow = bar.value() >= bar.maximum() - 4
        cursor = QTextCursor(self.output_edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(chunk, self._written_format)
        if follow:
            bar.setValue(bar.maximum())
        self._written.append(chunk)
        self._count += len(chunk)
        self._updates += 1
        if self._settings is not None:
            self.status_label.setText(self.tr("Writing… {count} of {total}").format(
                count=f"{self._count:,}", total=_characters(self._settings.length)))
        self.text_streamed.emit(self._count)

    def _written_done(self, result: WriteResult) -> None:
        if result.token != self._token:
            return  # replaced by a newer Write, or the model changed
        self.last_result = result
        self._writing = False
        if result.stopped:
            self._finish_stopped()
            return
        rate = result.characters / result.seconds if result.seconds > 0 else 0.0
        provider = getattr(self._generator, "provider", "")
        where = self.tr(PROVIDERS[provider]) if provider in PROVIDERS else self.tr("this computer")
        self.status_label.setText(self.tr("Wrote {characters} in {time} ({rate} characters/s) on {where}.").format(
            characters=_characters(result.characters), time=format_seconds(result.seconds), rate=f"{rate:,.0f}",
            where=where))
        self.status_label.setToolTip(self.tr("Temperature {temperature}, top-k {top_k}, seed {seed}. The same "
                                             "settings and seed write the same text again.").format(
            temperature=f"{result.settings.temperature:.2f}", top_k=result.settings.top_k or self.tr("off"),
            seed=result.settings.seed))
        self._update_buttons()
        self.writing_finished.emit()

    def _finish_stopped(self) -> None:
        self._writing = False
        self.status_label.setText(self.tr("Stopped after {characters}.").format(characters=_characters(self._count)))
        self._update_buttons()
        self.writing_finished.emit()

    def _write_failed(self, token: int, error: TaskError) -> None:
        if token != self._token:
            return
        self._writing = False
        self._clear_output()
        self._show_error(error.message)
        log.info("writing failed: %s", error.details)
        self._update_buttons()
        self.writing_finished.emit()

    # ----- showing ------------------------------------------------------------------------------
    def _begin_output(self, settings: WriteSettings) -> None:
        self._settings, self._written, self._count, self._updates = settings, [], 0, 0
        self.output_edit.clear()
        if settings.prompt:
            cursor = QTextCursor(self.output_edit.document())
            cursor.insertText(settings.prompt, self._prompt_format())
        self.status_label.setToolTip("")

    def _prompt_format(self) -> QTextCharFormat:
        """The prompt's look in the output: the theme's muted colour."""
        muted = QTextCharFormat()
        muted.setForeground(QColor(theme.current_colors().muted))
        return muted

    def _recolour_prompt(self, *_args) -> None:
        """The theme changed: give the prompt shown the new muted colour."""
        if self._settings is None or not self._settings.prompt:
            return
        cursor = QTextCursor(self.output_edit.document())
        cursor.setPosition(0)
        cursor.setPosition(len(self._settings.prompt), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(self._prompt_format())

    def _clear_output(self) -> None:
        self._settings, self._written, self._count, self._updates = None, [], 0, 0
        self.output_edit.clear()
        self.status_label.setText("")
        self.status_label.setToolTip("")

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _show_unknown(self, prompt: str, written: bool) -> None:
        generator = self._generator
        note = unknown_note(generator.unknown_characters(prompt), written) if generator is not None else ""
        self.unknown_label.setText(note)
        self.unknown_label.setVisible(bool(note))

    def _prompt_changed(self) -> None:
        if self._generator is not None:
            self._show_unknown(self.prompt(), written=False)

    def _fill_examples(self, openings: list[str]) -> None:
        for i, button in enumerate(self.example_buttons):
            button.set_sentence(openings[i] if i < len(openings) else "")
            button.setVisible(i < len(openings))
        self.examples_label.setVisible(bool(openings))

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.prompt_box, self.settings_box, self.output_box):
            widget.setEnabled(on)

    def _update_buttons(self) -> None:
        has_model = self._generator is not None
        self.write_button.setEnabled(has_model)
        self.stop_button.setEnabled(has_model and self.is_writing())
        self.copy_button.setEnabled(has_model)

    def _show_length(self, *_args) -> None:
        self.length_value.setText(_characters(self.length))

    def _show_temperature(self, *_args) -> None:
        value = self.temperature
        self.temperature_value.setText(self.tr("{value} {words}").format(value=f"{value:.2f}", words=temperature_words(value)))

    def _show_top_k(self, *_args) -> None:
        k = self.top_k
        self.top_k_value.setText(self.tr("off") if k == 0 else self.tr("{count} likeliest").format(count=f"{k:,}"))
        self.top_k_value.setToolTip(self.tr(TOP_K_TIP) if k == 0 else
                                    self.tr("The model chooses each character among the {count} it finds likeliest. {tip}").format(
                                        count=f"{k:,}", tip=self.tr(TOP_K_TIP)))
