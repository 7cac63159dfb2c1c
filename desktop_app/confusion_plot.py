"""A confusion-matrix heatmap widget shared by the Evaluate and Playground pages."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics

from desktop_app import theme
from desktop_app.colors import confusion_colormap

MAX_TICK_LABELS = 20
MAX_BOTTOM_LABELS = 15  # side by side under the columns: fewer fit


def short_label(label: str, limit: int = 12) -> str:
    """`label` cut to `limit` characters with an ellipsis."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


class ConfusionPlot(pg.PlotWidget):
    """Rows are true classes, columns the model's answers. The image item is created once and
    refreshed with `show_matrix`; counts are written in the cells up to `max_text_classes`."""

    def __init__(self, row_title: str, column_title: str, *, square: bool = True, max_text_classes: int = 20,
                 max_label_width: int = 170) -> None:
        super().__init__()
        self.max_text_classes = max_text_classes
        self.max_label_width = max_label_width
        self.cell_texts: list[pg.TextItem] = []
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMenuEnabled(False)
        view = plot.getViewBox()
        view.setMouseEnabled(x=False, y=False)
        view.invertY(True)
        view.setAspectLocked(square)
        for name, title in (("bottom", column_title), ("left", row_title)):
            plot.setLabel(name, title)
        theme.style_plot(self)  # background, axes and their titles
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(confusion_colormap())
        plot.addItem(self.image)

    def show_matrix(self, confusion: np.ndarray, classes: list[str]) -> None:
        """Draw `confusion` (n x n counts) with `classes` on the axes."""
        n = len(classes)
        highest = max(int(confusion.max()) if confusion.size else 0, 1)
        self.image.setImage(confusion.astype(np.float64), levels=(0, highest), autoLevels=False)
        self.image.setRect(QRectF(0, 0, n, n))
        plot = self.getPlotItem()
        needed = n * n if n <= self.max_text_classes else 0
        font = QFont()
        font.setPointSizeF(9 if n <= 10 else 7)
        while len(self.cell_texts) < needed:  # made once and reused: making 100 text items takes a visible moment
            text = pg.TextItem("", anchor=(0.5, 0.5))
            text.setZValue(10)
            plot.addItem(text)
            self.cell_texts.append(text)
        for index, text in enumerate(self.cell_texts):
            if index >= needed:
                text.hide()
                continue
            t, p = divmod(index, n)
            count = int(confusion[t, p])
            text.setText(str(count), color="w" if count / highest > 0.45 else ("#999" if count == 0 else "#111"))
            if text.textItem.font() != font:
                text.setFont(font)
            text.setPos(p + 0.5, t + 0.5)
            text.show()
        self._set_class_ticks(classes)
        plot.getViewBox().setRange(xRange=(0, n), yRange=(0, n), padding=0)

    def _set_class_ticks(self, classes: list[str]) -> None:
        """Class names on the axes. Names too long to sit side by side under the columns are
        numbered instead, and the rows say which number is which ("3  cat")."""
        plot = self.getPlotItem()
        n = len(classes)
        rows = range(0, n, max(1, math.ceil(n / MAX_TICK_LABELS)))
        columns = range(0, n, max(1, math.ceil(n / MAX_BOTTOM_LABELS)))
        if all(len(name) <= 3 for name in classes):
            bottom = [(i + 0.5, classes[i]) for i in columns]
            left = [(i + 0.5, classes[i]) for i in rows]
        else:
            bottom = [(i + 0.5, str(i)) for i in columns]
            left = [(i + 0.5, f"{i}  {short_label(classes[i], 16)}") for i in rows]
        plot.getAxis("bottom").setTicks([bottom, []])
        axis = plot.getAxis("left")
        axis.setTicks([left, []])
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        widest = max((metrics.horizontalAdvance(text) for _, text in left), default=0)
        axis.setWidth(min(self.max_label_width, widest + 30))
