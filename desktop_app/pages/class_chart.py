"""The Data page's bar chart of training images per class. It lives in its own module so that
the window's first paint needs no pyqtgraph plot: the chart is made when a dataset is first shown."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF

from desktop_app.plotting import pg

BAR_COLOR = (31, 119, 180)


class ClassAxis(pg.AxisItem):
    """A bottom axis whose tick labels can be drawn slanted, ending at their tick, so many or
    long class names stay readable."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self.angle = 0  # degrees; 0 draws labels as pyqtgraph does

    def generateDrawSpecs(self, p):
        specs = super().generateDrawSpecs(p)
        if specs is None or not self.angle or not self._tickLevels:
            return specs
        axis_spec, tick_specs, _ = specs
        bounds = self.mapRectFromParent(self.geometry())
        low, high = self.range
        scale = bounds.width() / ((high - low) or 1)
        top = bounds.top() + max(0, self.style["tickLength"]) + 3
        texts = [(QPointF(bounds.left() + (value - low) * scale, top), text)
                 for value, text in self._tickLevels[0] if low <= value <= high]
        return axis_spec, tick_specs, texts

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        if not self.angle:
            return super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
        super().drawPicture(p, axisSpec, tickSpecs, [])
        p.setClipping(False)  # the first label reaches left of the axis, under the y axis
        metrics = QFontMetricsF(p.font())
        height = metrics.height()
        for anchor, text in textSpecs:
            width = metrics.horizontalAdvance(text) + 2
            p.save()
            p.translate(anchor)
            p.rotate(-self.angle)
            p.drawText(QRectF(-width, -height / 2, width, height),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            p.restore()


class ClassChart(pg.PlotWidget):
    """A PlotWidget with a modest size hint, so the page fits without scrolling on a laptop."""

    def sizeHint(self) -> QSize:
        return QSize(400, 240)


def make_class_chart(y_label: str) -> tuple[ClassChart, ClassAxis, pg.BarGraphItem]:
    """A still (no mouse, no menu) bar chart with a grid, its bottom axis and its bars (empty)."""
    axis = ClassAxis()
    chart = ClassChart(axisItems={"bottom": axis})
    chart.setObjectName("classChart")
    chart.setBackground("w")
    chart.setMinimumHeight(220)
    chart.setMouseEnabled(x=False, y=False)
    chart.setMenuEnabled(False)
    chart.hideButtons()
    chart.showGrid(y=True, alpha=0.2)
    chart.setLabel("left", y_label)
    bars = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.7, brush=pg.mkBrush(*BAR_COLOR),
                           pen=pg.mkPen(None))
    chart.addItem(bars)
    return chart, axis, bars
