"""What the Data page shows for sentence pairs (translation): a sample of pairs in a table and
how long the sentences are on each side.

Plain helpers (language names, the split line, warnings) live here too, so `data_page.py` stays
about choosing and loading. Importing this module must not import torch: only numpy, Qt,
pyqtgraph and `engine.data.*`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.engine_words import say_all
from desktop_app.pages.translate_data_sources import NUMBER_LANGUAGE_NAMES
from desktop_app.plotting import pg
from engine.data.text import NUMBER_LANGUAGES, ParallelData

PAIR_SAMPLE = 100  # rows in the table of examples
VALIDATION_SHARE = 0.2  # TrainConfig.val_split: drawn from train when the data has no validation split
MAX_VALIDATION = 1_000  # engine.train.translate_run.MAX_VAL_PAIRS (that module imports torch)
FEW_PAIRS = 1_000  # fewer pairs than this earn a warning
MIN_PAIRS = 10  # the trainer refuses fewer
MAX_BARS = 40  # at most this many bars in a length histogram
LENGTH_SAMPLE = 100_000  # larger corpora are measured on an even sample (the GUI must not freeze)
SOURCE_COLOR = (31, 119, 180)
TARGET_COLOR = (44, 160, 44)

# Language codes people may meet in file names (train.en|train.fr) beyond the bundled ones.
# English names, marked for translation (context "DataPage") and translated by `language_name`.
_NAMES = {
    "it": QT_TRANSLATE_NOOP("DataPage", "Italian"), "pt": QT_TRANSLATE_NOOP("DataPage", "Portuguese"),
    "nl": QT_TRANSLATE_NOOP("DataPage", "Dutch"), "sv": QT_TRANSLATE_NOOP("DataPage", "Swedish"),
    "da": QT_TRANSLATE_NOOP("DataPage", "Danish"), "no": QT_TRANSLATE_NOOP("DataPage", "Norwegian"),
    "nb": QT_TRANSLATE_NOOP("DataPage", "Norwegian"), "fi": QT_TRANSLATE_NOOP("DataPage", "Finnish"),
    "pl": QT_TRANSLATE_NOOP("DataPage", "Polish"), "cs": QT_TRANSLATE_NOOP("DataPage", "Czech"),
    "ro": QT_TRANSLATE_NOOP("DataPage", "Romanian"), "hu": QT_TRANSLATE_NOOP("DataPage", "Hungarian"),
    "el": QT_TRANSLATE_NOOP("DataPage", "Greek"), "tr": QT_TRANSLATE_NOOP("DataPage", "Turkish"),
    "ru": QT_TRANSLATE_NOOP("DataPage", "Russian"), "uk": QT_TRANSLATE_NOOP("DataPage", "Ukrainian"),
    "ar": QT_TRANSLATE_NOOP("DataPage", "Arabic"), "he": QT_TRANSLATE_NOOP("DataPage", "Hebrew"),
    "fa": QT_TRANSLATE_NOOP("DataPage", "Persian"), "hi": QT_TRANSLATE_NOOP("DataPage", "Hindi"),
    "zh": QT_TRANSLATE_NOOP("DataPage", "Chinese"), "ja": QT_TRANSLATE_NOOP("DataPage", "Japanese"),
    "ko": QT_TRANSLATE_NOOP("DataPage", "Korean"), "vi": QT_TRANSLATE_NOOP("DataPage", "Vietnamese"),
    "id": QT_TRANSLATE_NOOP("DataPage", "Indonesian"), "th": QT_TRANSLATE_NOOP("DataPage", "Thai"),
}
LANGUAGE_NAMES = {
    **NUMBER_LANGUAGES,
    **NUMBER_LANGUAGE_NAMES,
    **_NAMES,
    "eng": NUMBER_LANGUAGE_NAMES["en"], "fra": NUMBER_LANGUAGE_NAMES["fr"], "deu": NUMBER_LANGUAGE_NAMES["de"],
    "spa": NUMBER_LANGUAGE_NAMES["es"], "ita": _NAMES["it"], "por": _NAMES["pt"], "nld": _NAMES["nl"],
    "rus": _NAMES["ru"], "jpn": _NAMES["ja"], "cmn": _NAMES["zh"],
}


# ----- plain helpers (no widgets) ------------------------------------------------------------
def language_name(code: str, side: str = "source") -> str:
    """'French' for "fr"; "Sentence"/"Translation" for a file whose languages are unknown."""
    text = str(code or "").strip()
    if text.lower() in ("", "source", "target"):
        return (QCoreApplication.translate("DataPage", "Sentence") if side == "source"
                else QCoreApplication.translate("DataPage", "Translation"))
    name = LANGUAGE_NAMES.get(text.lower())
    return QCoreApplication.translate("DataPage", name) if name else text[:1].upper() + text[1:]


def languages_known(source: str) -> bool:
    """False for files whose languages ModelDesk could not tell ("source"/"target")."""
    return str(source or "").strip().lower() not in ("source", "target", "")


def direction_text(source: str, target: str) -> str:
    """'English → French'; 'sentence → translation' when the languages are unknown."""
    if not languages_known(source):
        return QCoreApplication.translate("DataPage", "sentence → translation")
    return QCoreApplication.translate("DataPage", "{source} → {target}").format(
        source=language_name(source, "source"), target=language_name(target, "target"))


def validation_count(train: int) -> int:
    """How many pairs the trainer holds out from `train` for checking when the data has no
    validation split (as engine.train.translate_run.split_validation does)."""
    return max(1, min(MAX_VALIDATION, round(VALIDATION_SHARE * train))) if train >= MIN_PAIRS else 0


def pairs_summary(data: ParallelData) -> str:
    """'10,000 sentence pairs, English → French: 8,500 for training · 500 for checking during
    training · 1,000 held out for the final test.'"""
    if languages_known(data.source_language):
        if data.size == 1:
            head = QCoreApplication.translate("DataPage", "{count} sentence pair, {direction}: ")
        else:
            head = QCoreApplication.translate("DataPage", "{count} sentence pairs, {direction}: ")
    elif data.size == 1:
        head = QCoreApplication.translate("DataPage", "{count} sentence pair: ")
    else:
        head = QCoreApplication.translate("DataPage", "{count} sentence pairs: ")
    head = head.format(count=f"{data.size:,}", direction=direction_text(data.source_language, data.target_language))
    train, val, test = len(data.train), len(data.val), len(data.test)
    if not val:
        val = validation_count(train)
        train -= val
        checking = QCoreApplication.translate("DataPage", "{count} set aside at random for checking during training")
    else:
        checking = QCoreApplication.translate("DataPage", "{count} for checking during training")
    parts = [QCoreApplication.translate("DataPage", "{count} for training").format(count=f"{train:,}"),
             checking.format(count=f"{val:,}")]
    if test:
        held_out = QCoreApplication.translate("DataPage", "{count} held out for the final test")
        parts.append(held_out.format(count=f"{test:,}"))
    text = QCoreApplication.translate("DataPage", "{head}{parts}.").format(head=head, parts=" · ".join(parts))
    if not len(data.test):
        text += QCoreApplication.translate("DataPage", " There is no separate test set, so the final score is the one "
                                                       "from checking.")
    return text


def pair_warnings(data: ParallelData) -> list[str]:
    """What the user should know about the sentence pairs, in plain words."""
    said = " ".join(data.warnings or [])  # the engine's English, whatever the window's language
    lines = say_all(data.warnings or [])
    skipped = int(data.skipped or 0)
    if skipped and "left out" not in said and "skipped" not in said:
        if skipped == 1:
            text = QCoreApplication.translate("DataPage", "{count} line could not be read as a sentence and its "
                                                          "translation and was skipped.")
        else:
            text = QCoreApplication.translate("DataPage", "{count} lines could not be read as a sentence and its "
                                                          "translation and were skipped.")
        lines.append(text.format(count=f"{skipped:,}"))
    if data.size < MIN_PAIRS:
        if data.size == 1:
            text = QCoreApplication.translate("DataPage", "Only {count} sentence pair: a translator needs at least "
                                                          "{minimum} to start, and thousands to learn well.")
        else:
            text = QCoreApplication.translate("DataPage", "Only {count} sentence pairs: a translator needs at least "
                                                          "{minimum} to start, and thousands to learn well.")
        lines.append(text.format(count=f"{data.size:,}", minimum=MIN_PAIRS))
    elif data.size < FEW_PAIRS:
        text = QCoreApplication.translate("DataPage", "Only {count} sentence pairs: the translator will learn little "
                                                      "from so few; thousands of pairs work much better.")
        lines.append(text.format(count=f"{data.size:,}"))
    return lines


def sample_indices(count: int, size: int = PAIR_SAMPLE) -> np.ndarray:
    """Indices of about `size` training pairs, the same every time, in file order."""
    if count <= size:
        return np.arange(count)
    return np.sort(np.random.default_rng(0).choice(count, size=size, replace=False))


def length_bars(data: ParallelData, side: str, max_bars: int = MAX_BARS) -> tuple[np.ndarray, np.ndarray, float]:
    """(bar centres, heights, bar width) of the words per sentence on `side`, one bar per length
    when there are few lengths, else bars a whole number of words wide. A corpus larger than
    LENGTH_SAMPLE pairs is measured on an even sample, scaled to the whole."""
    scale = 1.0
    if data.size > LENGTH_SAMPLE:
        pairs = data.train + data.val + data.test
        step = data.size / LENGTH_SAMPLE
        data = ParallelData(data.name, data.source_language, data.target_language,
                            [pairs[int(i * step)] for i in range(LENGTH_SAMPLE)])
        scale = step
    _, span = data.length_histogram(side, bins=1)  # the shortest and the longest sentence
    low, high = int(np.floor(span[0])), int(np.ceil(span[-1]))
    width = max(1, int(np.ceil((high - low + 1) / max_bars)))
    edges = np.arange(low, high + width + 1, width) - 0.5
    counts, _ = data.length_histogram(side, bins=edges)
    return edges[:-1] + width / 2, counts.astype(float) * scale, 0.8 * width


# ----- widgets ----------------------------------------------------------------------------------
class LengthChart(pg.PlotWidget):
    """A small bar chart of sentence lengths; the bars are created once and updated after."""

    def __init__(self, color: tuple[int, int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(170)
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.showGrid(y=True, alpha=0.2)
        self.setLabel("left", self.tr("sentences"))
        self.setLabel("bottom", self.tr("words per sentence"))
        self.plotItem.layout.setContentsMargins(2, 4, 10, 2)
        theme.style_plot(self)
        self.bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.8, brush=pg.mkBrush(*color),
                                    pen=pg.mkPen(None))
        self.addItem(self.bars)

    def sizeHint(self) -> QSize:
        return QSize(300, 190)

    def show_bars(self, x: np.ndarray, heights: np.ndarray, width: float) -> None:
        self.bars.setOpts(x=x, height=heights, width=width)
        if len(x):
            self.setXRange(float(x[0]) - width, float(x[-1]) + width, padding=0)
        self.setYRange(0, max(1.0, float(heights.max(initial=0))) * 1.08, padding=0)


class SentencePairsView(QWidget):
    """Examples of sentence pairs (a table with a column per language) and a histogram of the
    words per sentence on each side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sentencePairsView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.pairs_box = QGroupBox(self.tr("Examples"))
        pairs_layout = QVBoxLayout(self.pairs_box)
        self.pairs_note = QLabel("")
        self.pairs_note.setObjectName("pairsNote")
        self.pairs_note.setStyleSheet("color: palette(dark);")
        self.pairs_table = QTableWidget(0, 2)
        self.pairs_table.setObjectName("pairsTable")
        self.pairs_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pairs_table.setAlternatingRowColors(True)
        self.pairs_table.setWordWrap(True)
        self.pairs_table.verticalHeader().hide()
        self.pairs_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.pairs_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.pairs_table.setMinimumHeight(220)
        pairs_layout.addWidget(self.pairs_note)
        pairs_layout.addWidget(self.pairs_table, 1)
        layout.addWidget(self.pairs_box, 3)

        self.lengths_box = QGroupBox(self.tr("Sentence lengths"))
        self.lengths_box.setToolTip(self.tr("How many words the sentences have. A translator learns short sentences "
                                            "fastest; very long ones make training slower and use more memory."))
        charts = QHBoxLayout(self.lengths_box)
        self.source_title = QLabel("")
        self.target_title = QLabel("")
        self.source_chart = LengthChart(SOURCE_COLOR)
        self.source_chart.setObjectName("sourceLengthChart")
        self.target_chart = LengthChart(TARGET_COLOR)
        self.target_chart.setObjectName("targetLengthChart")
        for title, chart in ((self.source_title, self.source_chart), (self.target_title, self.target_chart)):
            column = QVBoxLayout()
            title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(title)
            column.addWidget(chart, 1)
            charts.addLayout(column, 1)
        layout.addWidget(self.lengths_box, 2)

    # ----- public API -------------------------------------------------------------------------
    def show_data(self, data: ParallelData) -> None:
        """Fill the table and the charts for `data`."""
        source = language_name(data.source_language, "source")
        target = language_name(data.target_language, "target")
        self.pairs_table.setHorizontalHeaderLabels([source, target])
        indices = sample_indices(len(data.train))
        self.pairs_table.setRowCount(0)
        self.pairs_table.setRowCount(len(indices))
        for row, index in enumerate(indices):
            for column, text in enumerate(data.train[int(index)]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.pairs_table.setItem(row, column, item)
        self.pairs_table.resizeRowsToContents()
        self.pairs_table.scrollToTop()
        shown = len(indices)
        if shown < len(data.train):
            note = self.tr("{shown} of the {total} training pairs, picked at random.").format(
                shown=f"{shown:,}", total=f"{len(data.train):,}")
        else:
            note = self.tr("All {count} training pairs.").format(count=f"{shown:,}")
        self.pairs_note.setText(note)
        known = languages_known(data.source_language)
        for side, title, chart, name, code in (
                ("source", self.source_title, self.source_chart, source, data.source_language),
                ("target", self.target_title, self.target_chart, target, data.target_language)):
            if known:
                text = self.tr("<b>{name}</b> sentences").format(name=name)
            elif not languages_known(code):  # "Sentences" and "Translations"
                text = self.tr("<b>Sentences</b>") if side == "source" else self.tr("<b>Translations</b>")
            else:
                text = self.tr("<b>{name}s</b>").format(name=name)
            title.setText(text)
            chart.show_bars(*length_bars(data, side))

    def column_titles(self) -> list[str]:
        """The titles above the two columns of the table."""
        return [self.pairs_table.horizontalHeaderItem(c).text() for c in range(self.pairs_table.columnCount())]

    def shown_pairs(self) -> list[tuple[str, str]]:
        """The (source, target) rows of the table, top to bottom."""
        table = self.pairs_table
        return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
