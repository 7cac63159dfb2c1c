"""What the Data page shows for sentence pairs (translation): a sample of pairs in a table and
how long the sentences are on each side.

Plain helpers (language names, the split line, warnings) live here too, so `data_page.py` stays
about choosing and loading. Importing this module must not import torch: only numpy, Qt,
pyqtgraph and `engine.data.*`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

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
LANGUAGE_NAMES = {
    **NUMBER_LANGUAGES,
    "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "nb": "Norwegian", "fi": "Finnish", "pl": "Polish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian",
    "el": "Greek", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "he": "Hebrew",
    "fa": "Persian", "hi": "Hindi", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "vi": "Vietnamese",
    "id": "Indonesian", "th": "Thai", "eng": "English", "fra": "French", "deu": "German", "spa": "Spanish",
    "ita": "Italian", "por": "Portuguese", "nld": "Dutch", "rus": "Russian", "jpn": "Japanese", "cmn": "Chinese",
}


# ----- plain helpers (no widgets) ------------------------------------------------------------
def language_name(code: str, side: str = "source") -> str:
    """'French' for "fr"; "Sentence"/"Translation" for a file whose languages are unknown."""
    text = str(code or "").strip()
    if text.lower() in ("", "source", "target"):
        return "Sentence" if side == "source" else "Translation"
    return LANGUAGE_NAMES.get(text.lower(), text[:1].upper() + text[1:])


def languages_known(source: str) -> bool:
    """False for files whose languages ModelDesk could not tell ("source"/"target")."""
    return str(source or "").strip().lower() not in ("source", "target", "")


def direction_text(source: str, target: str) -> str:
    """'English → French'; 'sentence → translation' when the languages are unknown."""
    if not languages_known(source):
        return "sentence → translation"
    return f"{language_name(source, 'source')} → {language_name(target, 'target')}"


def validation_count(train: int) -> int:
    """How many pairs the trainer holds out from `train` for checking when the data has no
    validation split (as engine.train.translate_run.split_validation does)."""
    return max(1, min(MAX_VALIDATION, round(VALIDATION_SHARE * train))) if train >= MIN_PAIRS else 0


def _plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def pairs_summary(data: ParallelData) -> str:
    """'10,000 sentence pairs, English → French: 8,500 for training · 500 for checking during
    training · 1,000 held out for the final test.'"""
    head = _plural(data.size, "sentence pair", "sentence pairs")
    if languages_known(data.source_language):
        head += ", " + direction_text(data.source_language, data.target_language)
    head += ": "
    train, val, test = len(data.train), len(data.val), len(data.test)
    if not val:
        val = validation_count(train)
        train -= val
        parts = [f"{train:,} for training", f"{val:,} set aside at random for checking during training"]
    else:
        parts = [f"{train:,} for training", f"{val:,} for checking during training"]
    if test:
        parts.append(f"{test:,} held out for the final test")
    text = head + " · ".join(parts) + "."
    if not len(data.test):
        text += " There is no separate test set, so the final score is the one from checking."
    return text


def pair_warnings(data: ParallelData) -> list[str]:
    """What the user should know about the sentence pairs, in plain words."""
    lines = [str(line) for line in (data.warnings or [])]
    said = " ".join(lines)
    skipped = int(data.skipped or 0)
    if skipped and "left out" not in said and "skipped" not in said:
        lines.append(f"{_plural(skipped, 'line', 'lines')} could not be read as a sentence and its translation "
                     f"and {'was' if skipped == 1 else 'were'} skipped.")
    if data.size < MIN_PAIRS:
        lines.append(f"Only {_plural(data.size, 'sentence pair', 'sentence pairs')}: a translator needs at least "
                     f"{MIN_PAIRS} to start, and thousands to learn well.")
    elif data.size < FEW_PAIRS:
        lines.append(f"Only {data.size:,} sentence pairs: the translator will learn little from so few; "
                     f"thousands of pairs work much better.")
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
        self.setBackground("w")
        self.setMinimumHeight(170)
        self.setMouseEnabled(x=False, y=False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.showGrid(y=True, alpha=0.2)
        self.setLabel("left", "sentences")
        self.setLabel("bottom", "words per sentence")
        self.plotItem.layout.setContentsMargins(2, 4, 10, 2)
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

        self.pairs_box = QGroupBox("Examples")
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

        self.lengths_box = QGroupBox("Sentence lengths")
        self.lengths_box.setToolTip("How many words the sentences have. A translator learns short sentences "
                                    "fastest; very long ones make training slower and use more memory.")
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
        self.pairs_note.setText(f"{shown:,} of the {len(data.train):,} training pairs, picked at random."
                                if shown < len(data.train) else f"All {shown:,} training pairs.")
        known = languages_known(data.source_language)
        for side, title, chart, name in (("source", self.source_title, self.source_chart, source),
                                         ("target", self.target_title, self.target_chart, target)):
            title.setText(f"<b>{name}</b> sentences" if known else f"<b>{name}s</b>")
            chart.show_bars(*length_bars(data, side))

    def column_titles(self) -> list[str]:
        """The titles above the two columns of the table."""
        return [self.pairs_table.horizontalHeaderItem(c).text() for c in range(self.pairs_table.columnCount())]

    def shown_pairs(self) -> list[tuple[str, str]]:
        """The (source, target) rows of the table, top to bottom."""
        table = self.pairs_table
        return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
