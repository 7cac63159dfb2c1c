"""The Train page's view of a GAN run: loss curves of the generator and the judge (the
discriminator), how real the judge finds real and generated pictures, sample quality per
epoch, and the grid of pictures drawn from the same noise, with a slider back through epochs.

Like the classifier view, events are only appended to lists (`add_*`, called from the Train
page's slot in the GUI thread); `refresh()`, driven by the page's 5 Hz timer, pushes what
changed into curves created once and turns the newest grid into a pixmap.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QVBoxLayout, QWidget

from desktop_app import theme
from desktop_app.epoch_plots import BestEpochLine, epoch_plot, plot_legend, set_late_curve
from desktop_app.images import array_to_pixmap
from desktop_app.plotting import pg

SMOOTHING = 0.9  # exponential moving average of the reported steps
HISTORY_BYTES = 64 * 1024 * 1024  # grids kept for the slider; a 100-epoch 64x64 colour run would need ~85 MB

BLUE, ORANGE, GREEN, PURPLE = (31, 119, 180), (255, 127, 14), (44, 160, 44), (148, 103, 189)
LIGHT_BLUE, LIGHT_ORANGE = (31, 119, 180, 70), (255, 127, 14, 70)

LOSS_TIP = QT_TRANSLATE_NOOP(
    "GanTrainView",
    "The generator (which draws) and the judge (the discriminator, which tells drawn pictures from real ones) "
    "train against each other.\nUnlike other training, these losses do not keep going down: they should settle "
    "and stay roughly level. A judge loss near zero for a long time means the judge has won and the "
    "pictures stop improving.")  # translated where shown
JUDGE_TIP = QT_TRANSLATE_NOOP(
    "GanTrainView",
    "How real the judge finds real pictures, D(x), and generated pictures, D(G(z)): 1 means "
    "'surely real', 0 'surely drawn'.\nEarly on the judge tells them apart easily; as the generator "
    "improves, the two lines move towards each other.")
QUALITY_TIP = QT_TRANSLATE_NOOP(
    "GanTrainView",
    "Recognised: the share of generated pictures that a separately trained classifier recognises "
    "with at least 90% confidence.\nClasses present: how many of the dataset's classes appear among them "
    "(all of them means the generator does not draw just one kind of picture).\n"
    "Drawn as asked (conditional model only): the share recognised as the class the generator was "
    "asked to draw.\nThe best epoch by these figures is the one kept and exported.")
SAMPLES_TIP = QT_TRANSLATE_NOOP(
    "GanTrainView",
    "Pictures the generator draws from the same random numbers every time, so you can watch them "
    "change from noise into something like the dataset's pictures.")
SLIDER_TIP = QT_TRANSLATE_NOOP("GanTrainView", "Drag left to look at the pictures of earlier epochs; all the way right "
                               "always shows the newest.")


class SampleGridView(QWidget):
    """Shows one uint8 grid image as large as fits, keeping its aspect, with sharp pixels
    (a whole-number enlargement when it fits, so every pixel of a digit is the same size)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid: np.ndarray | None = None
        self._pixmap: QPixmap | None = None
        self.empty_text = self.tr("The first pictures appear after the first epoch.")
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(330, 330)

    def set_grid(self, grid: np.ndarray | None) -> None:
        """Show `grid` (H, W) or (H, W, 1|3) uint8; None shows the placeholder."""
        if grid is self._grid:
            return
        self._grid = grid
        self._pixmap = None if grid is None else array_to_pixmap(grid, max(grid.shape[:2]))  # 1:1, scaled when painted
        self.update()

    def grid(self) -> np.ndarray | None:
        """The array shown now."""
        return self._grid

    def pixmap(self) -> QPixmap | None:
        """The shown grid at its own size (one pixel per pixel)."""
        return self._pixmap

    def target_rect(self) -> QRect:
        """Where the grid is painted inside the widget."""
        if self._pixmap is None:
            return QRect()
        width, height = self._pixmap.width(), self._pixmap.height()
        scale = min(self.width() / width, self.height() / height)
        if scale >= 1:
            scale = math.floor(scale)
        w, h = max(1, int(width * scale)), max(1, int(height * scale))
        return QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        try:
            if self._pixmap is None:
                painter.setPen(self.palette().placeholderText().color())
                flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
                painter.drawText(self.rect().adjusted(8, 8, -8, -8), flags, self.empty_text)
                return
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # nearest neighbour
            painter.drawPixmap(self.target_rect(), self._pixmap)
        finally:
            painter.end()  # now, not whenever the last reference to the painter goes


class GanTrainView(QWidget):
    """Curves, quality and sample grids of one GAN run. The Train page owns the controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = epoch_plot(self.tr("Loss: generator against judge"), self.tr("loss"), self.tr(LOSS_TIP))
        self.judge_plot = epoch_plot(self.tr("How real the judge finds them"), self.tr("1 = surely real"),
                                     self.tr(JUDGE_TIP))
        self.quality_plot = epoch_plot(self.tr("Quality of the pictures"), "%", self.tr(QUALITY_TIP))
        self.judge_plot.setYRange(0, 1, padding=0.02)
        self.quality_plot.setYRange(0, 104, padding=0)  # a 100% line stays clear of the frame
        for plot in (self.loss_plot, self.judge_plot):
            plot.setDownsampling(auto=True, mode="peak")
            plot.setClipToView(True)

        plot_legend(self.loss_plot, (-10, 10))
        self.g_raw_curve = self.loss_plot.plot([], [], pen=pg.mkPen(LIGHT_BLUE, width=1))
        self.d_raw_curve = self.loss_plot.plot([], [], pen=pg.mkPen(LIGHT_ORANGE, width=1))
        self.g_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(BLUE, width=2), name=self.tr("generator"))
        self.d_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(ORANGE, width=2), name=self.tr("judge"))
        plot_legend(self.judge_plot, (-10, -10))  # bottom right: the lines start high and low on the left
        self.real_curve = self.judge_plot.plot([], [], pen=pg.mkPen(GREEN, width=2),
                                               name=self.tr("real pictures, D(x)"))
        self.fake_curve = self.judge_plot.plot([], [], pen=pg.mkPen(PURPLE, width=2),
                                               name=self.tr("generated, D(G(z))"))
        self.quality_legend = plot_legend(self.quality_plot, (-10, -10))  # bottom right: late epochs score high
        self.recognised_curve = self.quality_plot.plot([], [], pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=5,
                                                       symbolBrush=ORANGE, name=self.tr("recognised"))
        self.coverage_curve = self.quality_plot.plot([], [], pen=pg.mkPen(GREEN, width=2), symbol="s", symbolSize=5,
                                                     symbolBrush=GREEN, name=self.tr("classes present"))
        # conditional models only: joins the legend with its first point
        self.agreement_curve = self.quality_plot.plot([], [], pen=pg.mkPen(PURPLE, width=2), symbol="t", symbolSize=6,
                                                      symbolBrush=PURPLE)
        # named "best" in the legend, not on the plot, where a label lay over the legend
        self.best_marker = BestEpochLine(self.quality_plot, self.tr("best"), GREEN)
        self.best_line = self.best_marker.line

        self.samples_box = QGroupBox(self.tr("Generated pictures"))
        self.samples_box.setToolTip(self.tr(SAMPLES_TIP))
        self.grid_view = SampleGridView()
        self.grid_view.setObjectName("ganSampleGrid")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("ganEpochSlider")
        self.slider.setToolTip(self.tr(SLIDER_TIP))
        self.slider.setRange(0, 0)
        self.slider.setPageStep(1)
        self.slider.setEnabled(False)
        self.slider.valueChanged.connect(self._on_slider_changed)
        self.epoch_label = QLabel(self.tr("No pictures yet"))
        self.epoch_label.setObjectName("ganEpochLabel")
        self.epoch_label.setToolTip(self.tr(SLIDER_TIP))
        samples_layout = QVBoxLayout(self.samples_box)
        samples_layout.addWidget(self.grid_view, 1)
        slider_row = QHBoxLayout()
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.epoch_label)
        samples_layout.addLayout(slider_row)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.judge_plot, 0, 1)
        grid.addWidget(self.quality_plot, 1, 0, 1, 2)
        grid.addWidget(self.samples_box, 0, 2, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 4)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        self.reset()

    # ----- collecting (GUI thread, from the Train page's event slot; no widget work) -------------
    def reset(self) -> None:
        """Forget the previous run and empty every curve."""
        self.batch_x: list[float] = []
        self.d_loss: list[float] = []
        self.g_loss: list[float] = []
        self.d_loss_smooth: list[float] = []
        self.g_loss_smooth: list[float] = []
        self.d_real: list[float] = []
        self.d_fake: list[float] = []
        self.epoch_x: list[int] = []
        self.recognised: list[float] = []  # percent
        self.coverage: list[int] = []  # classes present
        self.coverage_share: list[float] = []  # percent of the classes
        self.agreement: list[float] = []  # percent; conditional models only
        self.num_classes = 0
        self.best_epoch = 0
        self.grid_history: list[tuple[int, np.ndarray]] = []  # (epoch, grid) at the end of kept epochs
        self._grid_ordinals: list[int] = []  # 1-based count of epoch-end grids, one per kept grid
        self._grids_seen = 0
        self._stride = 1
        self.latest_grid: np.ndarray | None = None
        self.latest_epoch = 0
        self.latest_is_epoch_end = True
        self.epochs = 1
        self.steps_per_epoch = 1
        self.follow_latest = True
        self._batch_dirty = self._epoch_dirty = self._grid_dirty = False
        if hasattr(self, "slider"):
            for curve in (self.g_raw_curve, self.d_raw_curve, self.g_loss_curve, self.d_loss_curve, self.real_curve,
                          self.fake_curve, self.recognised_curve, self.coverage_curve, self.agreement_curve):
                curve.setData([], [])
            self.best_marker.show_epoch(0)
            self.quality_legend.removeItem(self.agreement_curve)
            theme.plot_title(self.quality_plot, self.tr("Quality of the pictures"))
            self.slider.blockSignals(True)
            self.slider.setRange(0, 0)
            self.slider.blockSignals(False)
            self.slider.setEnabled(False)
            self.epoch_label.setText(self.tr("No pictures yet"))
            self.grid_view.set_grid(None)

    def start(self, event: Any) -> None:
        """A run began (TrainingStarted): fix the epoch axes so growing curves do not re-layout them."""
        self.epochs, self.steps_per_epoch = max(1, event.epochs), max(1, event.steps_per_epoch)
        for plot in (self.loss_plot, self.judge_plot):
            plot.setXRange(0, self.epochs, padding=0.02)
        self.quality_plot.setXRange(1, max(self.epochs, 2), padding=0.02)

    def add_batch(self, event: Any) -> None:
        """GanBatchEnd: one point on each loss and judge curve."""
        self.batch_x.append(event.global_step / event.steps_per_epoch)
        self.d_loss.append(event.d_loss)
        self.g_loss.append(event.g_loss)
        for raw, series in ((event.d_loss, self.d_loss_smooth), (event.g_loss, self.g_loss_smooth),
                            (event.d_real, self.d_real), (event.d_fake, self.d_fake)):
            series.append(SMOOTHING * series[-1] + (1 - SMOOTHING) * raw if series else raw)
        self._batch_dirty = True

    def add_epoch(self, event: Any) -> None:
        """GanEpochEnd: one point on the quality curves."""
        self.epoch_x.append(event.epoch)
        judged = event.recognised == event.recognised  # NaN when no reference classifier judged
        self.recognised.append(100 * event.recognised if judged else float("nan"))
        self.coverage.append(event.coverage)
        self.num_classes = event.num_classes
        self.coverage_share.append(100 * event.coverage / max(1, event.num_classes) if judged else float("nan"))
        if event.agreement is not None:
            self.agreement.append(100 * event.agreement)
        if event.is_best:
            self.best_epoch = event.epoch
        self._epoch_dirty = True

    def add_samples(self, event: Any) -> None:
        """SamplesReady: the newest grid; epoch-end grids are also kept for the slider."""
        self.latest_grid, self.latest_epoch, self.latest_is_epoch_end = event.grid, event.epoch, event.epoch_end
        if event.epoch_end:
            self.grid_history.append((event.epoch, event.grid))  # before thinning, which reads the slider
            self._thin_history()
        self._grid_dirty = True

    def _thin_history(self) -> None:
        """Keep the slider's grids under HISTORY_BYTES with an even spread: every `stride`-th
        finished epoch is kept (the stride doubles when the cap is reached) plus the newest."""
        pinned = None if self.follow_latest or not self.grid_history else self.grid_history[self.slider.value()][0]
        self._grids_seen += 1
        if self._grid_ordinals and (self._grid_ordinals[-1] - 1) % self._stride:
            del self.grid_history[-2], self._grid_ordinals[-1]  # the previous newest, off the stride
        self._grid_ordinals.append(self._grids_seen)
        while sum(grid.nbytes for _, grid in self.grid_history) > HISTORY_BYTES and len(self.grid_history) > 2:
            self._stride *= 2
            keep = [i for i, ordinal in enumerate(self._grid_ordinals)
                    if (ordinal - 1) % self._stride == 0 or i == len(self._grid_ordinals) - 1]
            self.grid_history = [self.grid_history[i] for i in keep]
            self._grid_ordinals = [self._grid_ordinals[i] for i in keep]
        if pinned is not None:  # keep the slider on the nearest epoch still kept
            index = min(range(len(self.grid_history)), key=lambda i: abs(self.grid_history[i][0] - pinned))
            self.slider.blockSignals(True)
            self.slider.setRange(0, len(self.grid_history) - 1)
            self.slider.setValue(index)
            self.slider.blockSignals(False)

    # ----- showing (timer) -------------------------------------------------------------------
    def refresh(self, part: int | None = None) -> None:
        """Push what changed since the last call into the widgets: all of it, or only `part`
        (0 the step curves, 1 the quality curves, 2 the sample grid; other numbers nothing), so
        the Train page's timer can spread the drawing over several ticks."""
        for index, refresh_part in enumerate((self._refresh_steps, self._refresh_epochs, self._refresh_grid)):
            if part is None or part == index:
                refresh_part()

    def _refresh_steps(self) -> None:
        if self._batch_dirty:
            self._batch_dirty = False
            x = np.asarray(self.batch_x)
            self.g_raw_curve.setData(x, np.asarray(self.g_loss))
            self.d_raw_curve.setData(x, np.asarray(self.d_loss))
            self.g_loss_curve.setData(x, np.asarray(self.g_loss_smooth))
            self.d_loss_curve.setData(x, np.asarray(self.d_loss_smooth))
            self.real_curve.setData(x, np.asarray(self.d_real))
            self.fake_curve.setData(x, np.asarray(self.d_fake))

    def _refresh_epochs(self) -> None:
        if self._epoch_dirty:
            self._epoch_dirty = False
            x = np.asarray(self.epoch_x)
            self.recognised_curve.setData(x, np.asarray(self.recognised))
            self.coverage_curve.setData(x, np.asarray(self.coverage_share))
            set_late_curve(self.quality_legend, self.agreement_curve, self.tr("drawn as asked"), x,
                           np.asarray(self.agreement))
            self.best_marker.show_epoch(self.best_epoch)
            theme.plot_title(self.quality_plot, self.quality_text())

    def _refresh_grid(self) -> None:
        if self._grid_dirty:
            self._grid_dirty = False
            self._update_slider()
            if self.follow_latest:
                self._show_latest()

    def quality_text(self) -> str:
        """'Quality: 82% recognised · 10 of 10 classes present' for the latest epoch."""
        if not self.epoch_x or self.recognised[-1] != self.recognised[-1]:
            return self.tr("Quality of the pictures")
        values = dict(epoch=self.epoch_x[-1], recognised=f"{self.recognised[-1]:.0f}", coverage=self.coverage[-1],
                      classes=self.num_classes)
        if self.agreement:
            return self.tr("Epoch {epoch}: {recognised}% recognised · {coverage} of {classes} classes · "
                           "{agreement}% as asked").format(agreement=f"{self.agreement[-1]:.0f}", **values)
        return self.tr("Epoch {epoch}: {recognised}% recognised · {coverage} of {classes} classes").format(**values)

    def _update_slider(self) -> None:
        count = len(self.grid_history)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, count - 1))
        if self.follow_latest:
            self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self.slider.setEnabled(count > 1)

    def _show_latest(self) -> None:
        if self.latest_grid is None:
            return
        self.grid_view.set_grid(self.latest_grid)
        text = self._epoch_text(self.latest_epoch)
        if not self.latest_is_epoch_end:
            text = self.tr("{epoch} (in progress)").format(epoch=text)
        self.epoch_label.setText(text)

    def _epoch_text(self, epoch: int) -> str:
        if epoch == self.best_epoch and self.best_epoch > 0:
            return self.tr("Epoch {epoch} of {epochs} · best").format(epoch=epoch, epochs=self.epochs)
        return self.tr("Epoch {epoch} of {epochs}").format(epoch=epoch, epochs=self.epochs)

    def _on_slider_changed(self, value: int) -> None:
        """The user moved the slider: pin that epoch, or follow the newest at the right end."""
        self.follow_latest = value >= self.slider.maximum()
        if self.follow_latest:
            self._show_latest()
        elif 0 <= value < len(self.grid_history):
            epoch, grid = self.grid_history[value]
            self.grid_view.set_grid(grid)
            self.epoch_label.setText(self._epoch_text(epoch))

    def show_epoch(self, index: int) -> None:
        """Move the slider to the `index`-th finished epoch's grid (as dragging it would)."""
        self.slider.setValue(index)

    def shown_grid(self) -> np.ndarray | None:
        """The grid array on screen now."""
        return self.grid_view.grid()
