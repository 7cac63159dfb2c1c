"""The Data page's view of a text for a text generator: the beginning of the text as it will be
read, and how often its most common characters occur (what the model learns first)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QVBoxLayout, QWidget

from desktop_app.plotting import pg

PREVIEW_CHARS = 3_000  # enough to fill the box; the whole text may be megabytes
CHART_CHARS = 30  # the most common characters shown in the chart
BAR_COLOR = (31, 119, 180)


def shown_character(character: str) -> str:
    """A visible mark for a character on the chart's axis: ␣ for a space, ⏎ for a line break, ⇥ for a tab."""
    return {" ": "␣", "\n": "⏎", "\t": "⇥"}.get(character, character)


def corpus_summary(data: Any) -> str:
    """One line for people: how many characters, words and lines, and how many different
    characters the model will know."""
    text = data.text
    distinct = len(set(text))
    words = len(text.split())
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    return QCoreApplication.translate(
        "DataPage", "{characters} characters ({distinct} different), {words} words on {lines} lines. The model "
        "learns to guess each next character from the ones before; the last part of the text is held out "
        "to measure how well it guesses text it has not read.").format(
        characters=f"{len(text):,}", distinct=f"{distinct:,}", words=f"{words:,}", lines=f"{lines:,}")


class TextCorpusView(QWidget):
    """The start of the text and a chart of its most common characters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview_box = QGroupBox(self.tr("The beginning of the text"))
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("textPreview")
        self.preview.setReadOnly(True)
        self.preview.setToolTip(self.tr("The first few thousand characters, exactly as the model will read them."))
        self.preview.setFixedHeight(12 * self.preview.fontMetrics().lineSpacing() + 12)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.addWidget(self.preview)

        self.chart_box = QGroupBox(self.tr("Most common characters"))
        self.chart_box.setToolTip(self.tr("How often each of the most common characters occurs. A model first learns "
                                          "these frequencies, then which characters follow which.\n"
                                          "␣ is a space, ⏎ a line break, ⇥ a tab."))
        self.chart = pg.PlotWidget()
        self.chart.setObjectName("characterChart")
        self.chart.setBackground("w")
        self.chart.setFixedHeight(260)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.setMenuEnabled(False)
        self.chart.hideButtons()
        self.chart.showGrid(y=True, alpha=0.2)
        self.chart.setLabel("left", self.tr("share of the text %"))
        self.bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.7, brush=pg.mkBrush(*BAR_COLOR),
                                    pen=pg.mkPen(None))
        self.chart.addItem(self.bars)
        chart_layout = QVBoxLayout(self.chart_box)
        chart_layout.addWidget(self.chart)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview_box)
        layout.addWidget(self.chart_box)
        layout.addStretch(1)
        self.shown_characters: list[str] = []

    def show_data(self, data: Any) -> None:
        """Show `data` (a TextCorpus): its beginning and its character chart."""
        self.preview.setPlainText(data.text[:PREVIEW_CHARS])
        counts = data.character_counts()[:CHART_CHARS]
        total = max(1, data.size)
        self.shown_characters = [character for character, _ in counts]
        x = np.arange(len(counts))
        heights = np.array([100.0 * count / total for _, count in counts])
        self.bars.setOpts(x=x, height=heights)
        axis = self.chart.getAxis("bottom")
        axis.setTicks([[(i, shown_character(character)) for i, character in enumerate(self.shown_characters)]])
        self.chart.setXRange(-0.6, max(len(counts), 1) - 0.4, padding=0)
        self.chart.setYRange(0, max(float(heights.max()) if len(heights) else 1.0, 1.0) * 1.08, padding=0)
