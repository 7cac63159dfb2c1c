"""A confusion-matrix heatmap widget shared by the Evaluate and Playground pages."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from desktop_app import theme
from desktop_app.colors import confusion_colormap
from desktop_app.plotting import pg

MAX_TICK_LABELS = 20
MAX_BOTTOM_LABELS = 15  # side by side under the columns: fewer fit


def short_label(label: str, limit: int = 12) -> str:
    """`label` cut to `limit` characters with an ellipsis."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


class CellCounts(pg.GraphicsObject):
    """The count in every cell of an n x n grid (cells one unit wide, centred on i + 0.5), drawn
    by one item in one paint at a fixed pixel size whatever the zoom. One item instead of n * n
    text items: making 100 of those took about 0.1 s of the GUI thread when a run ended."""

    def __init__(self) -> None:
        super().__init__()
        self._counts = np.zeros((0, 0), dtype=np.int64)
        self._colors: list[QColor] = []
        self._font = QFont()
        self.setZValue(10)

    def set_counts(self, counts: np.ndarray, font: QFont) -> None:
        """Show `counts` (n x n; an empty array shows nothing): white on dark cells, grey for 0."""
        self.prepareGeometryChange()
        self._counts = np.asarray(counts, dtype=np.int64)
        highest = max(int(self._counts.max()) if self._counts.size else 0, 1)
        self._colors = [QColor("white") if count / highest > 0.45 else QColor("#999" if count == 0 else "#111")
                        for count in self._counts.ravel().tolist()]
        self._font = QFont(font)
        self.update()

    def texts(self) -> list[str]:
        """The numbers shown, row by row (what a person reads in the cells)."""
        return [str(count) for count in self._counts.ravel().tolist()]

    def boundingRect(self) -> QRectF:
        n = self._counts.shape[0] if self._counts.ndim == 2 else 0
        return QRectF(0, 0, n, n)

    def paint(self, painter: QPainter, *args) -> None:
        n = self._counts.shape[0] if self._counts.ndim == 2 else 0
        if n == 0:
            return
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()  # draw in pixels, so the text does not scale with the cells
        painter.setFont(self._font)
        box = QRectF(-40, -12, 80, 24)
        flags = int(Qt.AlignmentFlag.AlignCenter)
        values = self._counts.ravel().tolist()
        for index, count in enumerate(values):
            t, p = divmod(index, n)
            centre = to_device.map(QPointF(p + 0.5, t + 0.5))
            painter.setPen(self._colors[index])
            painter.drawText(box.translated(centre), flags, str(count))
        painter.restore()


class ConfusionPlot(pg.PlotWidget):
    """Rows are true classes, columns the model's answers. The image item is created once and
    refreshed with `show_matrix`; counts are written in the cells up to `max_text_classes`."""

    def cell_texts(self) -> list[str]:
        """The counts written in the cells, row by row (none above `max_text_classes` classes)."""
        return self.counts.texts()

    def __init__(self, row_title: str, column_title: str, *, square: bool = True, max_text_classes: int = 20,
                 max_label_width: int = 170) -> None:
        super().__init__()
        self.max_text_classes = max_text_classes
        self.max_label_width = max_label_width
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
        self.counts = CellCounts()
        plot.addItem(self.counts)

    def show_matrix(self, confusion: np.ndarray, classes: list[str]) -> None:
        """Draw `confusion` (n x n counts) with `classes` on the axes."""
        n = len(classes)
        highest = max(int(confusion.max()) if confusion.size else 0, 1)
        self.image.setImage(confusion.astype(np.float64), levels=(0, highest), autoLevels=False)
        self.image.setRect(QRectF(0, 0, n, n))
        plot = self.getPlotItem()
        font = QFont()
        font.setPointSizeF(9 if n <= 10 else 7)
        self.counts.set_counts(confusion if n <= self.max_text_classes else np.zeros((0, 0)), font)
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
