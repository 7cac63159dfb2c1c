"""The look every per-epoch training plot shares: white, titled, gridded, not draggable."""

from __future__ import annotations

import pyqtgraph as pg


def epoch_plot(title: str, left: str, tip: str) -> pg.PlotWidget:
    """A plot with epochs along the bottom, `left` as the value axis label and `tip` as tooltip."""
    plot = pg.PlotWidget()
    plot.setBackground("w")
    plot.setTitle(title, color="#333", size="11pt")
    plot.setLabel("bottom", "epoch")
    plot.setLabel("left", left)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setToolTip(tip)
    return plot


def plot_legend(plot: pg.PlotWidget, offset: tuple[int, int]) -> pg.LegendItem:
    """A legend on a half-transparent white box at `offset`."""
    return plot.addLegend(offset=offset, labelTextColor="#333", brush=pg.mkBrush(255, 255, 255, 200))
