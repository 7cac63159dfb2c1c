"""The look every per-epoch training plot shares: in the theme's colours, titled, gridded, not draggable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGraphicsItem

from desktop_app import theme
from desktop_app.plotting import pg


def cache_axes(plot: pg.PlotWidget) -> None:
    """Keep each axis of `plot` (its ticks, labels and grid lines) as a ready-drawn picture that
    is only redrawn when its range changes. Without it every refresh of a curve replays all axes
    and grids of the plot (a few ms each), which made one repaint of the Train page's four plots
    hold the GUI thread for 50 ms and more while training; what is shown is pixel for pixel the same."""
    for name in ("left", "bottom", "right", "top"):
        plot.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def epoch_plot(title: str, left: str, tip: str) -> pg.PlotWidget:
    """A plot with epochs along the bottom, `left` as the value axis label and `tip` as tooltip
    (`title`, `left` and `tip` already translated)."""
    plot = pg.PlotWidget()
    theme.plot_title(plot, title)
    plot.setLabel("bottom", QCoreApplication.translate("EpochPlots", "epoch"))
    plot.setLabel("left", left)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setToolTip(tip)
    cache_axes(plot)
    theme.style_plot(plot)
    return plot


def plot_legend(plot: pg.PlotWidget, offset: tuple[int, int]) -> pg.LegendItem:
    """A legend on a half-transparent box of the plot's background colour at `offset`."""
    colors = theme.current_colors()
    return plot.addLegend(offset=offset, labelTextColor=colors.plot_text, brush=pg.mkBrush(*colors.legend_background))


def set_late_curve(legend: pg.LegendItem, curve: pg.PlotDataItem, label: str, x, values) -> None:
    """Show a curve that only some runs have (its values cover the last epochs of `x`), listing
    it in the legend the first time it has points; nothing while `values` is empty."""
    if not len(values):
        return
    if legend.getLabel(curve) is None:
        legend.addItem(curve, label)
    curve.setData(x[-len(values):], values)


class BestEpochLine:
    """A dashed vertical line at the best epoch of a plot, named in the plot's legend rather than
    labelled on the plot: a label beside the line lay over the legend or the curves whenever the
    best epoch was a late one (the usual case). Clicking the legend entry hides and shows it,
    as for the curves."""

    def __init__(self, plot: pg.PlotWidget, name: str, color) -> None:
        pen = pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine)
        self.line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        self.line.setVisible(False)
        plot.addItem(self.line)
        self._legend = plot.getPlotItem().legend
        self._name = name
        self._sample = pg.PlotDataItem([], [], pen=pen)  # stands for the line in the legend; never drawn
        self._sample.visibleChanged.connect(self._follow_sample)
        self._epoch = 0

    def show_epoch(self, epoch: int) -> None:
        """The line at `epoch` and its legend entry; neither while `epoch` is 0 (no best epoch yet)."""
        self._epoch = epoch
        listed = self._legend.getLabel(self._sample) is not None
        if epoch > 0 and not listed:
            self._legend.addItem(self._sample, self._name)
        elif epoch <= 0 and listed:
            self._legend.removeItem(self._sample)
        if epoch > 0:
            self.line.setValue(epoch)
        self._follow_sample()

    def _follow_sample(self) -> None:
        """Show the line while there is a best epoch, unless its legend entry was clicked off."""
        self.line.setVisible(self._epoch > 0 and self._sample.isVisible())
