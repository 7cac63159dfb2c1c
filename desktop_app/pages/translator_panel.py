"""The Playground's translation section: type in one language, read the other.

`PlaygroundPage` opens the model (see `open_translator`) and hands the `Translator` to a
`TranslatorPanel`, shown instead of the classifier's results. Text is translated as it is typed:
REQUEST_DELAY_MS after the last key, in the background, each non-empty line on its own. One
job runs at a time and only the newest request waits behind it (`LatestJob`), so fast typing
costs at most two jobs, and a job whose text has been changed since stops between lines.
Below the translation a heat map shows the attention of the last line: for each word written
(rows), how much the model looked at each word it read (columns).

Like the rest of the Playground this never imports torch: `engine.infer.translator` runs the
model with ONNX Runtime and NumPy.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (QFrame, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
                               QSpinBox, QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.plotting import pg
from desktop_app.workers import LatestJob, TaskError

log = logging.getLogger(__name__)

REQUEST_DELAY_MS = 300  # translate this long after the last key (or search-width change)
BEAM_MAX = 8  # the widest search offered (the engine allows more, but it only gets slower)
MAX_LINES = 100  # lines translated at once; more are left out with a note
EXAMPLE_BUTTONS = 3
EXAMPLE_CHARS = 40  # longer examples are shortened on their button (the tooltip has all of it)
LABEL_MAX_PX = 120  # the longest heat-map label, in pixels (longer ones are shortened)
CACHE_LIMIT = 2_000  # translated lines kept per model, so editing one line leaves the others alone

DROP_PICTURES_TEXT = QT_TRANSLATE_NOOP(
    "TranslatorPanel", "This model is a translator: it translates text and does not classify pictures, so open an image "
    "classifier to try your pictures.")
HEAT_TEXT = QT_TRANSLATE_NOOP(
    "TranslatorPanel", "Brighter squares: the words the model looked at while writing each word.")
SOURCE_TIP = QT_TRANSLATE_NOOP(
    "TranslatorPanel", "Type or paste text here. It is translated as you type; each line is translated on its own.")
OUTPUT_TIP = QT_TRANSLATE_NOOP(
    "TranslatorPanel", "The model's translation, one line for each line you typed. Select text to copy part of it.")
BEAM_TIP = QT_TRANSLATE_NOOP(
    "TranslatorPanel", "How many possible translations the model keeps in mind while it writes. 1 is the fastest and takes "
    "the likeliest word each time; a wider search (up to 8) sometimes finds a better translation, but "
    "takes longer.")
COPY_TIP = QT_TRANSLATE_NOOP("TranslatorPanel", "Copy the whole translation to the clipboard.")
HEAT_TIP = QT_TRANSLATE_NOOP(
    "TranslatorPanel", "Each row is a word the model wrote, each column a word it read. The brighter a square, the more the "
    "model looked at that word while writing the word of its row.")
EXAMPLE_TIP = QT_TRANSLATE_NOOP("TranslatorPanel", "Put this sentence in the box to translate it.")

LANGUAGES = {
    "ar": QT_TRANSLATE_NOOP("TranslatorPanel", "Arabic"), "bg": QT_TRANSLATE_NOOP("TranslatorPanel", "Bulgarian"),
    "ca": QT_TRANSLATE_NOOP("TranslatorPanel", "Catalan"), "cs": QT_TRANSLATE_NOOP("TranslatorPanel", "Czech"),
    "cy": QT_TRANSLATE_NOOP("TranslatorPanel", "Welsh"), "da": QT_TRANSLATE_NOOP("TranslatorPanel", "Danish"),
    "de": QT_TRANSLATE_NOOP("TranslatorPanel", "German"), "el": QT_TRANSLATE_NOOP("TranslatorPanel", "Greek"),
    "en": QT_TRANSLATE_NOOP("TranslatorPanel", "English"), "eo": QT_TRANSLATE_NOOP("TranslatorPanel", "Esperanto"),
    "es": QT_TRANSLATE_NOOP("TranslatorPanel", "Spanish"), "et": QT_TRANSLATE_NOOP("TranslatorPanel", "Estonian"),
    "eu": QT_TRANSLATE_NOOP("TranslatorPanel", "Basque"), "fa": QT_TRANSLATE_NOOP("TranslatorPanel", "Persian"),
    "fi": QT_TRANSLATE_NOOP("TranslatorPanel", "Finnish"), "fr": QT_TRANSLATE_NOOP("TranslatorPanel", "French"),
    "ga": QT_TRANSLATE_NOOP("TranslatorPanel", "Irish"), "gl": QT_TRANSLATE_NOOP("TranslatorPanel", "Galician"),
    "he": QT_TRANSLATE_NOOP("TranslatorPanel", "Hebrew"), "hi": QT_TRANSLATE_NOOP("TranslatorPanel", "Hindi"),
    "hr": QT_TRANSLATE_NOOP("TranslatorPanel", "Croatian"), "hu": QT_TRANSLATE_NOOP("TranslatorPanel", "Hungarian"),
    "id": QT_TRANSLATE_NOOP("TranslatorPanel", "Indonesian"), "is": QT_TRANSLATE_NOOP("TranslatorPanel", "Icelandic"),
    "it": QT_TRANSLATE_NOOP("TranslatorPanel", "Italian"), "ja": QT_TRANSLATE_NOOP("TranslatorPanel", "Japanese"),
    "ko": QT_TRANSLATE_NOOP("TranslatorPanel", "Korean"), "la": QT_TRANSLATE_NOOP("TranslatorPanel", "Latin"),
    "lt": QT_TRANSLATE_NOOP("TranslatorPanel", "Lithuanian"), "lv": QT_TRANSLATE_NOOP("TranslatorPanel", "Latvian"),
    "ms": QT_TRANSLATE_NOOP("TranslatorPanel", "Malay"), "nb": QT_TRANSLATE_NOOP("TranslatorPanel", "Norwegian"),
    "nl": QT_TRANSLATE_NOOP("TranslatorPanel", "Dutch"), "no": QT_TRANSLATE_NOOP("TranslatorPanel", "Norwegian"),
    "pl": QT_TRANSLATE_NOOP("TranslatorPanel", "Polish"), "pt": QT_TRANSLATE_NOOP("TranslatorPanel", "Portuguese"),
    "ro": QT_TRANSLATE_NOOP("TranslatorPanel", "Romanian"), "ru": QT_TRANSLATE_NOOP("TranslatorPanel", "Russian"),
    "sk": QT_TRANSLATE_NOOP("TranslatorPanel", "Slovak"), "sl": QT_TRANSLATE_NOOP("TranslatorPanel", "Slovenian"),
    "sr": QT_TRANSLATE_NOOP("TranslatorPanel", "Serbian"), "sv": QT_TRANSLATE_NOOP("TranslatorPanel", "Swedish"),
    "sw": QT_TRANSLATE_NOOP("TranslatorPanel", "Swahili"), "th": QT_TRANSLATE_NOOP("TranslatorPanel", "Thai"),
    "tr": QT_TRANSLATE_NOOP("TranslatorPanel", "Turkish"), "uk": QT_TRANSLATE_NOOP("TranslatorPanel", "Ukrainian"),
    "ur": QT_TRANSLATE_NOOP("TranslatorPanel", "Urdu"), "vi": QT_TRANSLATE_NOOP("TranslatorPanel", "Vietnamese"),
    "zh": QT_TRANSLATE_NOOP("TranslatorPanel", "Chinese"), "eng": QT_TRANSLATE_NOOP("TranslatorPanel", "English"),
    "fra": QT_TRANSLATE_NOOP("TranslatorPanel", "French"), "deu": QT_TRANSLATE_NOOP("TranslatorPanel", "German"),
    "spa": QT_TRANSLATE_NOOP("TranslatorPanel", "Spanish"), "ita": QT_TRANSLATE_NOOP("TranslatorPanel", "Italian"),
    "por": QT_TRANSLATE_NOOP("TranslatorPanel", "Portuguese"), "nld": QT_TRANSLATE_NOOP("TranslatorPanel", "Dutch"),
    "rus": QT_TRANSLATE_NOOP("TranslatorPanel", "Russian"), "jpn": QT_TRANSLATE_NOOP("TranslatorPanel", "Japanese"),
    "cmn": QT_TRANSLATE_NOOP("TranslatorPanel", "Chinese"), "zho": QT_TRANSLATE_NOOP("TranslatorPanel", "Chinese"),
    "tur": QT_TRANSLATE_NOOP("TranslatorPanel", "Turkish"),
}
PROVIDERS = {"CPUExecutionProvider": QT_TRANSLATE_NOOP("TranslatorPanel", "the CPU"),
             "CUDAExecutionProvider": QT_TRANSLATE_NOOP("TranslatorPanel", "the NVIDIA GPU (CUDA)")}
SPECIAL_PIECES = {"</s>": QT_TRANSLATE_NOOP("TranslatorPanel", "(end)"),
                  "<unk>": QT_TRANSLATE_NOOP("TranslatorPanel", "(unknown)"),
                  "<s>": QT_TRANSLATE_NOOP("TranslatorPanel", "(start)"),
                  "<pad>": QT_TRANSLATE_NOOP("TranslatorPanel", "(pad)")}


# ----- plain helpers, no widgets (they run in workers too) ----------------------------------
def language_name(code: str) -> str:
    """"English" for "en" (also "en-GB", "eng"); anything else is returned as given."""
    text = str(code or "").strip()
    key = text.replace("_", "-").split("-")[0].lower()
    return QCoreApplication.translate("TranslatorPanel", LANGUAGES[key]) if key in LANGUAGES else text


def language_pair(metadata: Any) -> str:
    """"English → French" for a TranslatorMetadata."""
    return QCoreApplication.translate("TranslatorPanel", "{source} → {target}").format(
        source=language_name(metadata.source_language), target=language_name(metadata.target_language))


def piece_label(piece: str) -> str:
    """A token as the heat map names it: sentencepiece's word-start mark "▁" removed, special
    tokens in words ("(end)")."""
    if piece in SPECIAL_PIECES:
        return QCoreApplication.translate("TranslatorPanel", SPECIAL_PIECES[piece])
    text = piece.replace("▁", "")
    if text.strip():
        return text
    return QCoreApplication.translate("TranslatorPanel", "(space)") if piece else piece


def open_translator(path: Path, device: str) -> tuple[Any, float] | None:
    """Open `path` as a translator when ModelDesk's metadata says it is one (runs in a worker):
    the Translator and the time it took in ms. None for any other file (or one too broken to
    tell), so the caller can explain the problem it already had; a file described as a
    translator that cannot be opened raises ModelFileError."""
    from engine.infer.generator import model_task
    from engine.infer.translator import Translator

    try:
        task = model_task(path)
    except Exception:  # noqa: BLE001 - the caller words broken files for people
        log.debug("could not tell what %s is for", path, exc_info=True)
        return None
    if task != "translate":
        return None
    start = time.perf_counter()
    translator = Translator.open(path, device)
    return translator, (time.perf_counter() - start) * 1000


def _number(value: float) -> str:
    return f"{value:.1f}" if abs(value) < 1000 else f"{value:,.0f}"


def scores_text(metrics: dict) -> str:
    """A translator's training scores in words: BLEU, exact match, chrF, epochs."""
    parts = []
    value = metrics.get("bleu")
    if isinstance(value, (int, float)):
        parts.append(QCoreApplication.translate("TranslatorPanel", "BLEU {score} of 100").format(score=_number(value)))
    exact, test = metrics.get("exact_match"), metrics.get("test_exact_match")
    if isinstance(exact, (int, float)):
        parts.append(QCoreApplication.translate("TranslatorPanel", "{percent} exactly right").format(percent=f"{exact:.1%}"))
    if isinstance(test, (int, float)):
        parts.append(QCoreApplication.translate("TranslatorPanel", "{percent} exactly right on held-out test sentences").format(
            percent=f"{test:.1%}"))
    value = metrics.get("chrf")
    if isinstance(value, (int, float)):
        parts.append(f"chrF {_number(value)}")
    value = metrics.get("epochs")
    if isinstance(value, (int, float)):
        parts.append((QCoreApplication.translate("TranslatorPanel", "after {count} epoch") if int(value) == 1
                      else QCoreApplication.translate("TranslatorPanel", "after {count} epochs")).format(count=f"{int(value):,}"))
    return QCoreApplication.translate("TranslatorPanel", ", ").join(parts)


def translator_rows(translator: Any) -> list[tuple[str, str]]:
    """Model-card rows about what a translator does (the page adds file, provider and time)."""
    meta = translator.metadata
    rows = [(QCoreApplication.translate("TranslatorPanel", "Task"),
             QCoreApplication.translate("TranslatorPanel", "Translator, made with ModelDesk")),
            (QCoreApplication.translate("TranslatorPanel", "Languages"), language_pair(meta))]
    if meta.model_name or meta.dataset:
        model = (QCoreApplication.translate("TranslatorPanel", "{model} trained on {dataset}").format(
            model=meta.model_name, dataset=meta.dataset) if meta.model_name and meta.dataset
            else meta.model_name or meta.dataset)
        rows.append((QCoreApplication.translate("TranslatorPanel", "Model"), model))
    vocabularies = []
    for tokenizer, code in ((translator.source_tokenizer, meta.source_language),
                            (translator.target_tokenizer, meta.target_language)):
        size = getattr(tokenizer, "vocab_size", None)
        if isinstance(size, int):
            if getattr(tokenizer, "kind", "") == "char":
                text = QCoreApplication.translate("TranslatorPanel", "{count} {language} letters and signs")
            else:
                text = QCoreApplication.translate("TranslatorPanel", "{count} {language} word pieces")
            vocabularies.append(text.format(count=f"{size:,}", language=language_name(code)))
    if vocabularies:
        rows.append((QCoreApplication.translate("TranslatorPanel", "Vocabulary"),
                     QCoreApplication.translate("TranslatorPanel", " and ").join(vocabularies)))
    scores = scores_text(meta.metrics or {})
    if scores:
        rows.append((QCoreApplication.translate("TranslatorPanel", "Scores"), scores))
    return rows


def example_sentences(metadata: Any, limit: int = EXAMPLE_BUTTONS) -> list[str]:
    """Sentences to try: the metadata's examples, else (for the bundled numbers data) a few numbers
    written out in the source language."""
    found = []
    for pair in metadata.examples or []:
        if pair and str(pair[0]).strip() and str(pair[0]) not in found:
            found.append(str(pair[0]))
    if not found and str(metadata.dataset or "").startswith("numbers:"):
        try:
            from engine.data.text import number_words

            found = [number_words(n, metadata.source_language) for n in (42, 1984, 7305)]
        except Exception:  # noqa: BLE001 - examples are a convenience
            log.debug("no number examples for %s", metadata.source_language, exc_info=True)
    return found[:limit]


def format_ms(ms: float) -> str:
    return QCoreApplication.translate("TranslatorPanel", "{ms} ms").format(ms=f"{ms:.1f}" if ms < 10 else f"{ms:,.0f}")


@dataclass
class TextTranslation:
    """A whole text translated: one Translation per line (None for empty lines)."""

    text: str
    beam: int
    lines: list[Any]  # engine.infer.translator.Translation | None
    milliseconds: float = 0.0  # the model's time for every line (lines translated earlier count their own time)
    left_out: int = 0  # lines past MAX_LINES, not translated

    @property
    def output(self) -> str:
        return "\n".join(t.text if t is not None else "" for t in self.lines)

    @property
    def last(self) -> Any:
        """The Translation of the last non-empty line, or None."""
        return next((t for t in reversed(self.lines) if t is not None), None)


@dataclass
class _Request:
    """What the worker needs: a snapshot of the text, and a way to see it became stale."""

    translator: Any
    text: str
    beam: int
    number: int
    newest: list[int]  # [number of the newest request], shared with the panel
    cache: dict = field(default_factory=dict)

    def stale(self) -> bool:
        return self.newest[0] != self.number

    def run(self) -> TextTranslation | None:
        """Translate every line (worker thread); None when a newer request came meanwhile."""
        lines = self.text.split("\n")
        shown, left_out = lines[:MAX_LINES], max(0, len(lines) - MAX_LINES)
        out, total = [], 0.0
        for line in shown:
            if self.stale():
                return None
            line = line.strip()
            if not line:
                out.append(None)
                continue
            key = (line, self.beam)
            translation = self.cache.get(key)
            if translation is None:
                translation = self.translator.translate(line, self.beam)
                if len(self.cache) >= CACHE_LIMIT:
                    self.cache.clear()
                self.cache[key] = translation
            out.append(translation)
            total += translation.milliseconds
        return TextTranslation(self.text, self.beam, out, total, left_out)


# ----- the heat map --------------------------------------------------------------------------
class PieceAxis(pg.AxisItem):
    """An axis naming the cells of a heat map, `labels[i]` at i + 0.5. On the bottom the labels
    stand upright when they do not fit side by side; when cells are too small even for that,
    only every k-th label is written."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.labels: list[str] = []
        self.upright = False
        self.setStyle(autoExpandTextSpace=False, hideOverlappingLabels=False, tickTextOffset=4)
        colors = theme.current_colors()
        self.setPen(pg.mkPen(colors.plot_axis))
        self.setTextPen(pg.mkPen(colors.plot_text))

    def set_labels(self, labels: Sequence[str]) -> None:
        self.labels = [str(label) for label in labels]
        self.setTicks([[(i + 0.5, label) for i, label in enumerate(self.labels)], []])
        self.fit()

    def _metrics(self) -> QFontMetrics:
        return QFontMetrics(self.style.get("tickFont") or QFont())

    def _shown(self, label: str) -> str:
        return self._metrics().elidedText(label, Qt.TextElideMode.ElideRight, LABEL_MAX_PX)

    def _cell_pixels(self) -> float:
        low, high = self.range
        span = abs(high - low) or 1.0
        length = self.width() if self.orientation in ("top", "bottom") else self.height()
        return length / span

    def _widest(self) -> int:
        metrics = self._metrics()
        return max((metrics.horizontalAdvance(self._shown(label)) for label in self.labels), default=0)

    def _wants_upright(self) -> bool:
        return self.orientation == "bottom" and bool(self.labels) and self._widest() + 8 > self._cell_pixels()

    def fit(self) -> None:
        """Make room for the labels: upright ones need height, the left ones width."""
        metrics = self._metrics()
        widest = self._widest()
        base = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1] + 4
        label = self.label.boundingRect().height() * 0.8 if self.label.isVisible() else 0
        if self.orientation == "bottom":
            self.upright = self._wants_upright()
            self.setHeight(int(base + label + (widest if self.upright else metrics.height())))
        elif self.orientation == "left":
            self.setWidth(int(max(0, self.style["tickLength"]) + self.style["tickTextOffset"][0] + widest + 6 + label))
        self.picture = None
        self.update()

    def resizeEvent(self, event=None) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if hasattr(self, "upright") and self._wants_upright() != self.upright:  # not while pyqtgraph builds it
            self.fit()

    def generateDrawSpecs(self, p):  # noqa: N802 - pyqtgraph naming
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis_spec, tick_specs, _ = specs
        return axis_spec, tick_specs, self._text_specs()

    def _text_specs(self) -> list[tuple[QRectF, int, str]]:
        """Where each label goes (in this item's coordinates), as pyqtgraph's text specs."""
        if not self.labels:
            return []
        bounds = self.mapRectFromParent(self.geometry())
        low, high = self.range
        if high == low:
            return []
        metrics = self._metrics()
        height = metrics.height()
        offset = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][0 if self.orientation == "left" else 1]
        cell = abs(self._cell_pixels())
        needed = height if self.orientation == "left" or self.upright else self._widest() + 8
        stride = max(1, math.ceil(needed / max(cell, 1e-6)))
        specs = []
        for i in range(0, len(self.labels), stride):
            text = self._shown(self.labels[i])
            width = metrics.horizontalAdvance(text) + 2
            if self.orientation == "left":
                scale = -bounds.height() / (high - low)
                y = (i + 0.5) * scale - (low * scale - bounds.height())
                rect = QRectF(bounds.right() - offset - width, y - height / 2, width, height)
                flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            else:
                scale = bounds.width() / (high - low)
                x = (i + 0.5) * scale - low * scale
                if self.upright:  # the rect the rotated text covers
                    rect = QRectF(x - height / 2, bounds.top() + offset, height, width)
                else:
                    rect = QRectF(x - width / 2, bounds.top() + offset, width, height)
                flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            specs.append((rect, int(flags | Qt.TextFlag.TextDontClip), text))
        return specs

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):  # noqa: N802, N803 - pyqtgraph naming
        if not (self.orientation == "bottom" and self.upright):
            super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
            return
        super().drawPicture(p, axisSpec, tickSpecs, [])
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        p.setPen(self.textPen())
        p.setClipRect(self.boundingRect().toAlignedRect())
        for rect, _flags, text in textSpecs:  # read from bottom to top, ending at the axis
            p.save()
            p.translate(QPointF(rect.center().x(), rect.top()))
            p.rotate(-90)
            p.drawText(QRectF(-rect.height(), -rect.width() / 2, rect.height(), rect.width()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            p.restore()


class AttentionPlot(pg.PlotWidget):
    """The attention of one translated sentence: rows are the words written (top to bottom),
    columns the words read. The image item is created once; `show_translation` refreshes it."""

    def __init__(self, source_title: str | None = None, target_title: str | None = None) -> None:
        self.bottom_axis, self.left_axis = PieceAxis("bottom"), PieceAxis("left")
        super().__init__(axisItems={"bottom": self.bottom_axis, "left": self.left_axis})
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        view = plot.getViewBox()
        view.setMouseEnabled(x=False, y=False)
        view.invertY(True)
        view.setDefaultPadding(0)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        plot.addItem(self.image)
        self.set_titles(source_title or QCoreApplication.translate("TranslatorPanel", "words read"),
                        target_title or QCoreApplication.translate("TranslatorPanel", "words written"))
        theme.style_plot(self)
        self.matrix = np.zeros((0, 0))
        self.setToolTip(QCoreApplication.translate("TranslatorPanel", HEAT_TIP))

    def set_titles(self, source_title: str, target_title: str) -> None:
        plot = self.getPlotItem()
        color = theme.current_colors().plot_text
        plot.setLabel("bottom", source_title, color=color)
        plot.setLabel("left", target_title, color=color)
        self.bottom_axis.fit()
        self.left_axis.fit()

    def show_translation(self, translation: Any) -> None:
        """Show `translation`'s attention (len(target_pieces), len(source_pieces)); None clears."""
        if translation is None or translation.attention.size == 0:
            self.matrix = np.zeros((0, 0))
            self.image.clear()
            self.bottom_axis.set_labels([])
            self.left_axis.set_labels([])
            return
        matrix = np.asarray(translation.attention, dtype=np.float64)
        rows, columns = matrix.shape
        self.matrix = matrix
        highest = float(matrix.max()) if matrix.size else 1.0
        self.image.setImage(matrix, levels=(0.0, highest if highest > 0 else 1.0), autoLevels=False)
        self.image.setRect(QRectF(0, 0, columns, rows))
        self.bottom_axis.set_labels([piece_label(p) for p in translation.source_pieces])
        self.left_axis.set_labels([piece_label(p) for p in translation.target_pieces])
        self.getPlotItem().getViewBox().setRange(xRange=(0, columns), yRange=(0, rows), padding=0)
        self.bottom_axis.fit()


# ----- the panel -----------------------------------------------------------------------------
class ExampleButton(QPushButton):
    """A button that puts a sentence in the box; shortened with "…" when the row is narrow, so
    long examples never widen the window."""

    MIN_CHARS = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sentence = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_sentence(self, sentence: str) -> None:
        self.sentence = str(sentence)
        self.setToolTip(QCoreApplication.translate("TranslatorPanel", "{tip}\n{sentence}").format(
            tip=QCoreApplication.translate("TranslatorPanel", EXAMPLE_TIP), sentence=self.sentence) if self.sentence else "")
        self.updateGeometry()
        self._elide()

    PADDING = 24  # the button's frame and margins around the text

    def _width_for(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text) + self.PADDING + 4  # 4: elidedText measures finer

    def sizeHint(self):  # noqa: N802 - Qt naming
        hint = super().sizeHint()
        shown = self.sentence if len(self.sentence) <= EXAMPLE_CHARS else self.sentence[: EXAMPLE_CHARS - 1] + "…"
        hint.setWidth(self._width_for(shown))
        return hint

    def minimumSizeHint(self):  # noqa: N802 - Qt naming
        hint = super().minimumSizeHint()
        hint.setWidth(self._width_for(self.sentence[: self.MIN_CHARS] + "…"))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.width() - self.PADDING
        text = self.fontMetrics().elidedText(self.sentence, Qt.TextElideMode.ElideRight, max(20, room))
        if len(self.sentence) > EXAMPLE_CHARS and not text.endswith("…"):
            text = self.fontMetrics().elidedText(self.sentence[:EXAMPLE_CHARS] + "…", Qt.TextElideMode.ElideRight,
                                                 max(20, room))
        super().setText(text.replace("&", "&&"))


class TranslatorPanel(QWidget):
    """Translate text with a Translator as it is typed, and show where the model looked."""

    translated = Signal()  # a translation (or an empty text) is shown
    message = Signal(str)  # a sentence for the page's status line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._translator: Any = None
        self._shown: TextTranslation | None = None
        self._shown_key: tuple[str, int] | None = None
        self._newest = [0]
        self._cache: dict = {}
        self._job = LatestJob("translate", self._translation_done, self._translation_failed, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_texts(), 1)
        self.error_label = QLabel("")
        self.error_label.setObjectName("translationError")
        self.error_label.setWordWrap(True)
        theme.set_tone(self.error_label, "error")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addLayout(self._build_examples())
        layout.addWidget(self._build_heat(), 2)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REQUEST_DELAY_MS)
        self._timer.timeout.connect(self.translate_now)
        self._set_enabled(False)

    # ----- construction -----------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.languages_label = QLabel("")
        self.languages_label.setObjectName("translatorLanguages")
        font = self.languages_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.languages_label.setFont(font)
        row.addWidget(self.languages_label)
        row.addStretch(1)
        self.beam_label = QLabel(self.tr("Search width"))
        self.beam_label.setToolTip(self.tr(BEAM_TIP))
        row.addWidget(self.beam_label)
        self.beam_spin = QSpinBox()
        self.beam_spin.setObjectName("searchWidth")
        self.beam_spin.setRange(1, BEAM_MAX)
        self.beam_spin.setValue(1)
        self.beam_spin.setToolTip(self.tr(BEAM_TIP))
        self.beam_spin.valueChanged.connect(self._schedule)
        self.beam_label.setBuddy(self.beam_spin)
        row.addWidget(self.beam_spin)
        hint = QLabel(self.tr("1 = fastest, up to {count}").format(count=BEAM_MAX))
        theme.set_tone(hint, "muted")
        hint.setToolTip(self.tr(BEAM_TIP))
        row.addWidget(hint)
        return row

    def _build_texts(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.source_box = QGroupBox(self.tr("Text"))
        box_layout = QVBoxLayout(self.source_box)
        self.source_edit = QPlainTextEdit()
        self.source_edit.setObjectName("sourceText")
        self.source_edit.setToolTip(self.tr(SOURCE_TIP))
        self.source_edit.setTabChangesFocus(True)
        self.source_edit.textChanged.connect(self._schedule)
        box_layout.addWidget(self.source_edit, 1)
        bottom = QHBoxLayout()
        hint = QLabel(self.tr("Each line is translated on its own."))
        theme.set_tone(hint, "muted")
        bottom.addWidget(hint, 1)
        self.clear_text_button = QPushButton(self.tr("C&lear"))
        self.clear_text_button.setToolTip(self.tr("Empty the box to type something new."))
        self.clear_text_button.clicked.connect(lambda: self.set_text(""))
        bottom.addWidget(self.clear_text_button)
        box_layout.addLayout(bottom)
        row.addWidget(self.source_box, 1)

        self.output_box = QGroupBox(self.tr("Translation"))
        box_layout = QVBoxLayout(self.output_box)
        self.output_edit = QPlainTextEdit()
        self.output_edit.setObjectName("translationText")
        self.output_edit.setReadOnly(True)
        self.output_edit.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.output_edit.setToolTip(self.tr(OUTPUT_TIP))
        theme.set_tone(self.output_edit, "output")
        box_layout.addWidget(self.output_edit, 1)
        bottom = QHBoxLayout()
        self.time_label = QLabel("")
        self.time_label.setObjectName("translationTime")
        theme.set_tone(self.time_label, "muted")
        bottom.addWidget(self.time_label, 1)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr(COPY_TIP))
        self.copy_button.clicked.connect(self.copy_translation)
        bottom.addWidget(self.copy_button)
        box_layout.addLayout(bottom)
        row.addWidget(self.output_box, 1)

        font = self.source_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        for edit in (self.source_edit, self.output_edit):
            edit.setFont(font)
            edit.setMinimumHeight(QFontMetrics(font).lineSpacing() * 4 + 16)
            edit.setMaximumHeight(QFontMetrics(font).lineSpacing() * 7 + 16)  # the heat map needs the room more
        return row

    def _build_examples(self) -> QHBoxLayout:
        row = self.examples_row = QHBoxLayout()
        self.examples_label = QLabel(self.tr("Try an example:"))
        row.addWidget(self.examples_label)
        self.example_buttons: list[ExampleButton] = []
        for i in range(EXAMPLE_BUTTONS):
            button = ExampleButton()
            button.setObjectName(f"example{i}")
            button.clicked.connect(lambda _checked=False, b=button: self.set_text(b.sentence))
            button.hide()
            row.addWidget(button)
            self.example_buttons.append(button)
        row.addStretch(1)
        return row

    def _build_heat(self) -> QGroupBox:
        box = self.heat_box = QGroupBox(self.tr("Where the model looked"))
        box.setToolTip(self.tr(HEAT_TIP))
        layout = QVBoxLayout(box)
        self.heat_text = QLabel(self.tr(HEAT_TEXT))
        self.heat_text.setObjectName("heatExplanation")
        self.heat_text.setWordWrap(True)
        theme.set_tone(self.heat_text, "muted")
        layout.addWidget(self.heat_text)
        self.heat_line = QLabel("")  # which line the map shows, when there are several
        self.heat_line.setObjectName("heatLine")
        self.heat_line.setWordWrap(True)
        theme.set_tone(self.heat_line, "muted")
        self.heat_line.hide()
        layout.addWidget(self.heat_line)
        self.heat_plot = AttentionPlot()
        self.heat_plot.setObjectName("attentionHeatMap")
        self.heat_plot.setMinimumHeight(160)
        layout.addWidget(self.heat_plot, 1)
        self.heat_empty = QLabel(self.tr("Type something above to see where the model looks while it translates."))
        self.heat_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heat_empty.setWordWrap(True)
        theme.set_tone(self.heat_empty, "muted")
        self.heat_empty.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.heat_empty, 1)
        self.heat_plot.hide()
        return box

    # ----- public API ---------------------------------------------------------------------------
    @property
    def translator(self) -> Any:
        """The Translator in use, or None."""
        return self._translator

    @property
    def translation(self) -> Any:
        """The Translation of the last translated line shown (an engine Translation), or None."""
        return self._shown.last if self._shown is not None else None

    @property
    def translations(self) -> list[Any]:
        """One Translation per line shown (None for empty lines)."""
        return list(self._shown.lines) if self._shown is not None else []

    @property
    def beam(self) -> int:
        return self.beam_spin.value()

    def text(self) -> str:
        """The text in the source box."""
        return self.source_edit.toPlainText()

    def output_text(self) -> str:
        """The translation shown, one line per line of the text."""
        return self.output_edit.toPlainText()

    def jobs_started(self) -> int:
        """How many background translations were started for this panel."""
        return self._job.started

    def set_translator(self, translator: Any) -> None:
        """Use `translator` (None clears the panel); the text typed so far is translated again."""
        self._timer.stop()
        self._job.reset()
        self._newest[0] += 1
        self._translator = translator
        self._cache = {}
        self._shown, self._shown_key = None, None
        self.output_edit.clear()
        self.time_label.setText("")
        self._show_error("")
        self.heat_plot.show_translation(None)
        self._show_heat(False)
        self._set_enabled(translator is not None)
        if translator is None:
            self.languages_label.setText("")
            self._fill_examples([])
            return
        meta = translator.metadata
        source, target = language_name(meta.source_language), language_name(meta.target_language)
        self.languages_label.setText(language_pair(meta))
        self.languages_label.setToolTip(self.tr("This model translates from {source} into {target}.").format(
            source=source, target=target))
        self.source_box.setTitle(source)
        self.output_box.setTitle(target)
        self.source_edit.setPlaceholderText(self.tr("Type {language} here. Each line is translated on its own.").format(
            language=source))
        self.heat_plot.set_titles(self.tr("{language} words read").format(language=source),
                                  self.tr("{language} words written").format(language=target))
        self._fill_examples(example_sentences(meta))
        self.translate_now()

    def set_text(self, text: str) -> None:
        """Put `text` in the source box, as if typed (translated REQUEST_DELAY_MS later)."""
        self.source_edit.setPlainText(str(text))
        cursor = self.source_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.source_edit.setTextCursor(cursor)

    def paste_text(self, text: str) -> None:
        """Insert `text` where the cursor is in the source box (Ctrl+V elsewhere on the page)."""
        self.source_edit.setFocus()
        self.source_edit.insertPlainText(str(text))

    def set_beam(self, beam: int) -> None:
        """Set the search width (1 to BEAM_MAX); the text is translated again."""
        self.beam_spin.setValue(int(beam))

    def is_translating(self) -> bool:
        """True while a translation waits for the last key or runs."""
        return self._timer.isActive() or self._job.busy()

    def is_ready(self) -> bool:
        """True when a translator is open and the translation shown is that of the current text
        with the current search width."""
        return (self._translator is not None and not self._timer.isActive()
                and self._shown_key == (self.text(), self.beam))

    def translate_now(self) -> None:
        """Translate the current text at once (normally REQUEST_DELAY_MS after the last key)."""
        self._timer.stop()
        translator = self._translator
        if translator is None:
            return
        text, beam = self.text(), self.beam
        if self._shown_key == (text, beam) and not self._job.busy():
            return
        self._newest[0] += 1
        if not text.strip():
            self._job.reset()  # nothing to wait for
            self._show(TextTranslation(text, beam, [None] * len(text.split("\n"))))
            return
        request = _Request(translator, text, beam, self._newest[0], self._newest, self._cache)
        self._job.request(request.run)

    def copy_translation(self) -> None:
        """Copy the whole translation to the clipboard."""
        text = self.output_text()
        if not text.strip():
            self.message.emit(self.tr("There is no translation to copy yet; type some text first."))
            return
        QGuiApplication.clipboard().setText(text)
        self.message.emit(self.tr("Copied the translation."))

    def wait_for_work(self, ms: int = 30_000) -> None:
        """Block until background translation has ended (the window is closing)."""
        self._timer.stop()
        self._newest[0] += 1  # a running job stops at its next line
        self._job.wait(ms)

    # ----- translating --------------------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        for widget in (self.source_box, self.output_box, self.beam_spin, self.heat_box):
            widget.setEnabled(on)

    def _fill_examples(self, sentences: list[str]) -> None:
        for i, button in enumerate(self.example_buttons):
            button.set_sentence(sentences[i] if i < len(sentences) else "")
            button.setVisible(i < len(sentences))
        self.examples_label.setVisible(bool(sentences))

    def _schedule(self, *_args) -> None:
        if self._translator is not None:
            self._timer.start()

    def _translation_done(self, result: TextTranslation | None) -> None:
        if result is None:
            return  # the text changed while it ran; the newer request follows
        self._show(result)

    def _show(self, result: TextTranslation) -> None:
        self._shown, self._shown_key = result, (result.text, result.beam)
        self._show_error("")
        output = result.output
        if self.output_edit.toPlainText() != output:
            self.output_edit.setPlainText(output)
        translated = [t for t in result.lines if t is not None]
        if translated:
            if len(translated) > 1:
                text = self.tr("Translated {count} lines in {time}.").format(count=len(translated),
                                                                              time=format_ms(result.milliseconds))
            else:
                text = self.tr("Translated in {time}.").format(time=format_ms(result.milliseconds))
            if any(t.truncated for t in translated):
                text += self.tr(" A line was too long for the model, so only its beginning was translated.")
            if result.left_out:
                text += self.tr(" Only the first {count} lines are translated.").format(count=MAX_LINES)
            self.time_label.setText(text)
            provider = getattr(self._translator, "provider", "")
            where = self.tr(PROVIDERS[provider]) if provider in PROVIDERS else self.tr("this computer")
            self.time_label.setToolTip(self.tr("How long the model took to translate, on {where}, with search width "
                                               "{beam}.").format(where=where, beam=result.beam))
        else:
            self.time_label.setText("")
        last = result.last
        self.heat_plot.show_translation(last)
        self._show_heat(last is not None)
        several = len(translated) > 1
        if several:
            source = last.source if len(last.source) <= 80 else last.source[:79] + "…"
            self.heat_line.setText(self.tr("Shown for the last line: “{line}”.").format(line=source))
        self.heat_line.setVisible(several)
        self.heat_plot.setToolTip(self.tr("{tip}\nShown for: {line}").format(tip=self.tr(HEAT_TIP), line=last.source)
                                  if last is not None else self.tr(HEAT_TIP))
        self.translated.emit()

    def _show_heat(self, on: bool) -> None:
        self.heat_plot.setVisible(on)
        self.heat_empty.setVisible(not on)

    def _translation_failed(self, error: TaskError) -> None:
        self._shown, self._shown_key = None, None
        self.output_edit.clear()
        self.time_label.setText("")
        self.heat_plot.show_translation(None)
        self._show_heat(False)
        self.heat_line.hide()
        self._show_error(error.message)
        log.info("translation failed: %s", error.details)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
