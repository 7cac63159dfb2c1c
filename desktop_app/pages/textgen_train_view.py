"""The Train page's view of a text-generation run: the loss, the validation perplexity per epoch
against the baseline of guessing letters by how common they are, and the paragraph the model
writes from the same opening after every epoch, with a slider back through the epochs so the
writing can be watched growing better.

Like the other views, events are only appended to lists (`start`, `add_batch`, `add_epoch`,
called from the Train page's slot in the GUI thread); `refresh()`, driven by the page's 5 Hz
timer, pushes what changed into curves created once and into the text box.
"""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app import theme
from desktop_app.epoch_plots import BestEpochLine, epoch_plot, plot_legend
from desktop_app.pages.epoch_picker import EpochPicker
from desktop_app.plotting import pg

SMOOTHING = 0.7  # exponential moving average of the reported steps (each already a mean of a few steps)
BLUE, ORANGE, GREEN, GREY = (31, 119, 180), (255, 127, 14), (44, 160, 44), (140, 140, 140)
LIGHT_BLUE = (31, 119, 180, 70)

LOSS_TIP = QT_TRANSLATE_NOOP(
    "TextgenTrainView",
    "How surprised the model still is by the next letter of the text: lower is better.\n"
    "The faint line is every reported step, the dark line its running average; the dots are the "
    "validation text, which the model never trains on, checked after each epoch.")
PERPLEXITY_TIP = QT_TRANSLATE_NOOP(
    "TextgenTrainView",
    "Perplexity: roughly how many letters the model is still hesitating between for the next one "
    "(lower is better; 1 would mean it always knows).\nThe dashed grey line is a model that only knows "
    "how common each letter is. The best epoch, the one kept and exported, has the lowest perplexity.")
SAMPLE_TIP = QT_TRANSLATE_NOOP(
    "TextgenTrainView",
    "What the model writes after each epoch, always from the same opening words (in bold grey).\n"
    "Early on it is a jumble of letters; words, spaces and punctuation appear as it learns.")
SLIDER_TIP = QT_TRANSLATE_NOOP(
    "TextgenTrainView",
    "Drag left to read what the model wrote after earlier epochs; all the "
    "way right always shows the newest.")
EMPTY_SLIDER_TEXT = QT_TRANSLATE_NOOP("TextgenTrainView", "The first paragraph appears after the first epoch")
PERPLEXITY_TITLE = QT_TRANSLATE_NOOP("TextgenTrainView", "Perplexity (lower is better)")  # translated where shown


class TextgenTrainView(QWidget):
    """Curves and the writing of one text-generation run. The Train page owns the controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = epoch_plot(self.tr("Loss (lower is better)"), self.tr("loss per letter"), self.tr(LOSS_TIP))
        self.perplexity_plot = epoch_plot(self.tr(PERPLEXITY_TITLE), self.tr("perplexity"), self.tr(PERPLEXITY_TIP))
        self.loss_plot.setDownsampling(auto=True, mode="peak")
        self.loss_plot.setClipToView(True)

        plot_legend(self.loss_plot, (-10, 10))
        self.raw_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(LIGHT_BLUE, width=1), name=self.tr("each step"))
        self.loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(BLUE, width=2), name=self.tr("training (smoothed)"))
        self.val_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=6,
                                                  symbolBrush=ORANGE, name=self.tr("validation"))
        plot_legend(self.perplexity_plot, (-10, 10))
        self.perplexity_curve = self.perplexity_plot.plot([], [], pen=pg.mkPen(ORANGE, width=2), symbol="o",
                                                          symbolSize=6, symbolBrush=ORANGE, name=self.tr("validation"))
        self.baseline_curve = self.perplexity_plot.plot([], [], pen=pg.mkPen(GREY, width=2, style=Qt.PenStyle.DashLine),
                                                        name=self.tr("letter frequency only"))
        # named "best" in the legend, not on the plot, where a label lay over the curves or the legend
        self.best_marker = BestEpochLine(self.perplexity_plot, self.tr("best"), GREEN)
        self.best_line = self.best_marker.line

        self.sample_box = QGroupBox(self.tr("What the model writes"))
        self.sample_box.setToolTip(self.tr(SAMPLE_TIP))
        self.sample_text = QTextBrowser()
        self.sample_text.setObjectName("textgenSample")
        self.sample_text.setOpenLinks(False)
        self.sample_text.setMinimumHeight(6 * self.sample_text.fontMetrics().height())
        self.sample_text.setPlaceholderText(self.tr("The first paragraph appears after the first epoch."))
        self.picker = EpochPicker("textgen", self.tr(SLIDER_TIP), self.tr(EMPTY_SLIDER_TEXT),
                                  self.tr("Epoch {epoch} of {epochs} · best · perplexity {perplexity}").format(
                                      epoch=888, epochs=888, perplexity="88.88"), self._show_index)
        self.slider, self.epoch_label = self.picker.slider, self.picker.label
        sample_layout = QVBoxLayout(self.sample_box)
        sample_layout.setContentsMargins(8, 4, 8, 6)
        sample_layout.setSpacing(4)
        sample_layout.addWidget(self.sample_text, 1)
        sample_layout.addLayout(self.picker.row(self.tr("After epoch:")))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.perplexity_plot, 0, 1)
        grid.addWidget(self.sample_box, 1, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        self.reset()

    def sizeHint(self) -> QSize:
        return QSize(900, 560)

    # ----- collecting (GUI thread, from the Train page's event slot; no widget work) -------------
    def reset(self) -> None:
        """Forget the previous run and empty every curve and the text."""
        self.batch_x: list[float] = []
        self.batch_loss: list[float] = []
        self.smooth_loss: list[float] = []
        self.epoch_x: list[int] = []
        self.train_loss: list[float] = []
        self.val_loss: list[float] = []
        self.perplexity: list[float] = []
        self.baseline = 0.0  # the unigram perplexity; 0 until the first epoch reports it
        self.best_epoch = 0
        self.sample_history: list[tuple[int, str, str, float]] = []  # (epoch, prompt, sample, perplexity)
        self.epochs = 1
        self.steps_per_epoch = 1
        self._shown_index = -1
        self._batch_dirty = self._epoch_dirty = False
        if hasattr(self, "picker"):
            for curve in (self.raw_loss_curve, self.loss_curve, self.val_loss_curve, self.perplexity_curve,
                          self.baseline_curve):
                curve.setData([], [])
            self.best_marker.show_epoch(0)
            theme.plot_title(self.perplexity_plot, self.tr(PERPLEXITY_TITLE))
            self.picker.reset()
            self.sample_text.clear()

    def start(self, event: Any) -> None:
        """A run began (TrainingStarted): fix the epoch axes so growing curves do not re-layout them."""
        self.epochs, self.steps_per_epoch = max(1, event.epochs), max(1, event.steps_per_epoch)
        self.loss_plot.setXRange(0, self.epochs, padding=0.02)
        self.perplexity_plot.setXRange(1, max(self.epochs, 2), padding=0.02)
        spacing = [(1, 1)] if self.epochs <= 12 else None  # whole epochs on a short run's axis
        self.perplexity_plot.getAxis("bottom").setTickSpacing(levels=spacing)

    def add_batch(self, event: Any) -> None:
        """BatchEnd: one point on the training loss (raw and smoothed)."""
        self.batch_x.append(event.global_step / event.steps_per_epoch)
        self.batch_loss.append(event.loss)
        previous = self.smooth_loss[-1] if self.smooth_loss else event.loss
        self.smooth_loss.append(SMOOTHING * previous + (1 - SMOOTHING) * event.loss)
        self._batch_dirty = True

    def add_epoch(self, event: Any) -> None:
        """TextgenEpochEnd: a validation point, the perplexity, and the epoch's paragraph."""
        self.epoch_x.append(event.epoch)
        self.train_loss.append(event.train_loss)
        self.val_loss.append(event.val_loss)
        self.perplexity.append(event.val_perplexity)
        if event.unigram_perplexity and math.isfinite(event.unigram_perplexity):
            self.baseline = float(event.unigram_perplexity)
        if event.is_best:
            self.best_epoch = event.epoch
        if event.sample:
            self.sample_history.append((event.epoch, event.prompt, event.sample, event.val_perplexity))
        self._epoch_dirty = True

    # ----- showing (timer) -------------------------------------------------------------------
    def refresh(self, part: int | None = None) -> None:
        """Push what changed since the last call into the widgets: all of it, or only `part`
        (0 the training loss, 1 the epoch's perplexity and paragraph; other numbers nothing), so
        the Train page's timer can spread the drawing over several ticks."""
        for index, refresh_part in enumerate((self._refresh_steps, self._refresh_epochs)):
            if part is None or part == index:
                refresh_part()

    def _refresh_steps(self) -> None:
        if self._batch_dirty:
            self._batch_dirty = False
            x = np.asarray(self.batch_x)
            self.raw_loss_curve.setData(x, np.asarray(self.batch_loss))
            self.loss_curve.setData(x, np.asarray(self.smooth_loss))

    def _refresh_epochs(self) -> None:
        if not self._epoch_dirty:
            return
        self._epoch_dirty = False
        x = np.asarray(self.epoch_x)
        self.val_loss_curve.setData(x, np.asarray(self.val_loss))
        self.perplexity_curve.setData(x, np.asarray(self.perplexity))
        if self.baseline > 0 and len(x):
            self.baseline_curve.setData([1, max(self.epochs, 2)], [self.baseline, self.baseline])
        self.best_marker.show_epoch(self.best_epoch)
        theme.plot_title(self.perplexity_plot, self.perplexity_text())
        self.picker.set_count(len(self.sample_history))

    @property
    def follow_latest(self) -> bool:
        """True while the text box shows the newest epoch's paragraph as epochs arrive."""
        return self.picker.follow_latest

    def perplexity_text(self) -> str:
        """'Epoch 3: perplexity 5.21 (letter frequency alone: 28.4)' for the latest epoch."""
        if not self.epoch_x:
            return self.tr(PERPLEXITY_TITLE)
        values = dict(epoch=self.epoch_x[-1], perplexity=f"{self.perplexity[-1]:.2f}")
        if self.baseline > 0:
            return self.tr("Epoch {epoch}: perplexity {perplexity} (letter frequency alone: {baseline})").format(
                baseline=f"{self.baseline:.1f}", **values)
        return self.tr("Epoch {epoch}: perplexity {perplexity}").format(**values)

    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(self.sample_history):
            return
        epoch, prompt, sample, perplexity = self.sample_history[index]
        self._shown_index = index
        muted = theme.current_colors().muted
        body = f'<b style="color:{muted}">{html.escape(prompt)}</b>{html.escape(sample)}'  # the opening: bold, grey
        self.sample_text.setHtml(f'<div style="white-space: pre-wrap">{body}</div>')
        values = dict(epoch=epoch, epochs=self.epochs, perplexity=f"{perplexity:.2f}")
        if epoch == self.best_epoch and self.best_epoch > 0:
            text = self.tr("Epoch {epoch} of {epochs} · best · perplexity {perplexity}").format(**values)
        else:
            text = self.tr("Epoch {epoch} of {epochs} · perplexity {perplexity}").format(**values)
        self.epoch_label.setText(text)

    # ----- for tests and screenshots -----------------------------------------------------------
    def show_epoch(self, index: int) -> None:
        """Move the slider to the `index`-th finished epoch's paragraph (as dragging it would)."""
        self.slider.setValue(index)

    def shown_epoch(self) -> int:
        """The epoch whose paragraph the box shows (0 before the first)."""
        if not 0 <= self._shown_index < len(self.sample_history):
            return 0
        return self.sample_history[self._shown_index][0]

    def shown_text(self) -> str:
        """The paragraph as the user reads it (the opening included)."""
        return self.sample_text.toPlainText()
