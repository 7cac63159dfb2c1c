"""The Train page's view of a translation run: the loss, the translation scores per epoch
(BLEU, chrF and, where there is one right answer, the share translated exactly right), and a
table of the same five validation sentences translated after every epoch, with a slider back
through the epochs so the translations can be watched growing better.

Like the other views, events are only appended to lists (`start`, `add_batch`, `add_epoch`,
called from the Train page's slot in the GUI thread); `refresh()`, driven by the page's 5 Hz
timer, pushes what changed into curves created once and into the table.
"""

from __future__ import annotations

import difflib
import html
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QTextDocument
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QGroupBox, QHeaderView, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from desktop_app import theme
from desktop_app.epoch_plots import BestEpochLine, epoch_plot, plot_legend, set_late_curve
from desktop_app.pages.epoch_picker import EpochPicker
from desktop_app.plotting import pg

SMOOTHING = 0.7  # exponential moving average of the reported steps (each already a mean of a few steps)
SAMPLE_ROWS = 5  # the engine translates the same 5 validation sentences every epoch

BLUE, ORANGE, GREEN, PURPLE = (31, 119, 180), (255, 127, 14), (44, 160, 44), (148, 103, 189)
LIGHT_BLUE = (31, 119, 180, 70)
# In the light theme (the dark theme's are in desktop_app.theme; `_cell_background` picks):
RIGHT_BACKGROUND = QColor(theme.LIGHT_COLORS.right_background)  # the model's translation is exactly the correct one
WRONG_BACKGROUND = QColor(theme.LIGHT_COLORS.wrong_background)  # it differs somewhere

LOSS_TIP = QT_TRANSLATE_NOOP(
    "TranslateTrainView",
    "How wrong the model's guesses of the next word still are: lower is better.\n"
    "The faint line is every reported step, the dark line its running average; the dots are the "
    "validation sentences, which the model never trains on, checked after each epoch.")
QUALITY_TIP = QT_TRANSLATE_NOOP(
    "TranslateTrainView",
    "Scores of the model's translations of the validation sentences after each epoch (higher is better).\n"
    "BLEU (0 to 100) counts how many words and short word sequences match the correct translation.\n"
    "chrF (0 to 100) does the same letter by letter, so a nearly right word still earns some credit.\n"
    "Exactly right: the share of sentences translated word for word as the correct answer (shown when "
    "the data has one right answer per sentence).\nThe best epoch by these scores is the one kept and exported.")
SAMPLES_TIP = QT_TRANSLATE_NOOP(
    "TranslateTrainView",
    "The same five validation sentences, translated by the model after each epoch.\n"
    "Green with a tick: exactly the correct translation. Orange: it differs; the words that are not in "
    "the correct translation are in bold red.")
SLIDER_TIP = QT_TRANSLATE_NOOP(
    "TranslateTrainView",
    "Drag left to see how the model translated these sentences after earlier epochs; "
    "all the way right always shows the newest.")
EMPTY_SLIDER_TEXT = QT_TRANSLATE_NOOP("TranslateTrainView", "The first translations appear after the first epoch")
HEADERS = (QT_TRANSLATE_NOOP("TranslateTrainView", "Sentence"),  # translated where shown, as are the tips
           QT_TRANSLATE_NOOP("TranslateTrainView", "Correct translation"),
           QT_TRANSLATE_NOOP("TranslateTrainView", "Model's translation"))
HEADER_TIPS = (QT_TRANSLATE_NOOP("TranslateTrainView", "A sentence from the validation set: the model never trains "
                                                       "on it."),
               QT_TRANSLATE_NOOP("TranslateTrainView", "The translation given in the dataset."),
               QT_TRANSLATE_NOOP("TranslateTrainView", "What the model writes after the chosen epoch. Green: exactly "
                                                       "right. Orange: it differs, and the words not in the correct "
                                                       "translation are in bold red."))

MARKS_ROLE = Qt.ItemDataRole.UserRole + 1  # list of (word, in the reference?) for the model's translation
EXACT_ROLE = Qt.ItemDataRole.UserRole + 2  # True when the translation equals the reference


def is_exact(reference: str, translation: str) -> bool:
    """Whether `translation` is exactly `reference` (as the engine's exact-match score counts it)."""
    return translation.strip() == reference.strip()


def is_spaced(reference: str, translation: str) -> bool:
    """Whether the text separates words with spaces (not so in Chinese or Japanese)."""
    return " " in reference.strip() or " " in translation.strip()


def word_marks(reference: str, translation: str) -> list[tuple[str, bool]]:
    """The translation's words, each with whether it lines up with a word of the reference.
    Text without spaces (Chinese, Japanese) is compared character by character."""
    if is_spaced(reference, translation):
        ref, hyp = reference.split(), translation.split()
    else:
        ref, hyp = list(reference.strip()), list(translation.strip())
    matched = [False] * len(hyp)
    for block in difflib.SequenceMatcher(a=ref, b=hyp, autojunk=False).get_matching_blocks():
        for j in range(block.b, block.b + block.size):
            matched[j] = True
    return list(zip(hyp, matched))


def marks_html(marks: list[tuple[str, bool]], exact: bool, spaced: bool = True) -> str:
    """Rich text for the model's translation: a green tick when exactly right, wrong words in bold red."""
    joiner = " " if spaced else ""
    colors = theme.current_colors()
    wrong, right = colors.error, colors.success
    words = joiner.join(html.escape(word) if ok else f'<b style="color:{wrong}">{html.escape(word)}</b>'
                        for word, ok in marks)
    if exact:
        return f'<span style="color:{right}"><b>✓</b></span>&nbsp;{words}'
    return words or '<i style="color:{wrong}">{nothing}</i>'.format(
        wrong=wrong, nothing=QCoreApplication.translate("TranslateTrainView", "(nothing)"))


def _cell_background(exact: bool) -> QColor:
    """The background of the model's translation in the current theme: green when exactly right."""
    colors = theme.current_colors()
    return QColor(colors.right_background if exact else colors.wrong_background)


class TranslationDelegate(QStyledItemDelegate):
    """Paints the model's translation as rich text (the background comes from the item)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        marks = index.data(MARKS_ROLE)
        if marks is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        spaced = is_spaced(str(index.siblingAtColumn(1).data() or ""), opt.text)
        rich = marks_html(marks, bool(index.data(EXACT_ROLE)), spaced)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)  # background
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(opt.font)
        document.setHtml(rich)
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - document.size().height()) / 2)
        painter.translate(rect.left() + 2, top)
        document.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.restore()


class TranslateTrainView(QWidget):
    """Curves, scores and sample translations of one translation run. The Train page owns the controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = epoch_plot(self.tr("Loss (lower is better)"), self.tr("loss"), self.tr(LOSS_TIP))
        self.quality_plot = epoch_plot(self.tr("Translation quality (higher is better)"), self.tr("score"),
                                       self.tr(QUALITY_TIP))
        self.quality_plot.setYRange(0, 104, padding=0)  # a 100 line stays clear of the frame
        self.loss_plot.setDownsampling(auto=True, mode="peak")
        self.loss_plot.setClipToView(True)

        plot_legend(self.loss_plot, (-10, 10))
        self.raw_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(LIGHT_BLUE, width=1), name=self.tr("each step"))
        self.loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(BLUE, width=2), name=self.tr("training (smoothed)"))
        self.val_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=6,
                                                  symbolBrush=ORANGE, name=self.tr("validation"))
        self.quality_legend = plot_legend(self.quality_plot, (-10, -10))  # bottom right: the scores climb
        self.bleu_curve = self.quality_plot.plot([], [], pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=5,
                                                 symbolBrush=BLUE, name="BLEU")
        self.chrf_curve = self.quality_plot.plot([], [], pen=pg.mkPen(GREEN, width=2), symbol="s", symbolSize=5,
                                                 symbolBrush=GREEN, name="chrF")
        # only when the data has one right answer per sentence: joins the legend with its first point
        self.exact_curve = self.quality_plot.plot([], [], pen=pg.mkPen(PURPLE, width=2), symbol="t", symbolSize=6,
                                                  symbolBrush=PURPLE)
        # named "best" in the legend, not on the plot, where a label lay over the curves
        self.best_marker = BestEpochLine(self.quality_plot, self.tr("best"), GREEN)
        self.best_line = self.best_marker.line

        self.samples_box = QGroupBox(self.tr("Sample translations"))
        self.samples_box.setToolTip(self.tr(SAMPLES_TIP))
        self.table = QTableWidget(SAMPLE_ROWS, len(HEADERS))
        self.table.setObjectName("translateSamples")
        for column, (title, tip) in enumerate(zip(HEADERS, HEADER_TIPS)):
            header = QTableWidgetItem(self.tr(title))
            header.setToolTip(self.tr(tip))
            self.table.setHorizontalHeaderItem(column, header)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setItemDelegateForColumn(2, TranslationDelegate(self.table))
        theme.manager().changed.connect(self._on_theme_changed)
        row_height = self.table.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + SAMPLE_ROWS * row_height
                                  + 2 * self.table.frameWidth())

        self.picker = EpochPicker("translate", self.tr(SLIDER_TIP), self.tr(EMPTY_SLIDER_TEXT),
                                  self.tr("{epoch} · {right} of {count} exactly right").format(
                                      epoch=self.tr("Epoch {epoch} of {epochs} · best").format(epoch=888, epochs=888),
                                      right=5, count=5), self._show_index)
        self.slider, self.epoch_label = self.picker.slider, self.picker.label
        samples_layout = QVBoxLayout(self.samples_box)
        samples_layout.setContentsMargins(8, 4, 8, 6)
        samples_layout.setSpacing(4)
        samples_layout.addWidget(self.table)
        samples_layout.addLayout(self.picker.row(self.tr("After epoch:")))

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.quality_plot, 0, 1)
        grid.addWidget(self.samples_box, 1, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 0)
        self.reset()

    def sizeHint(self) -> QSize:
        return QSize(900, 560)

    # ----- collecting (GUI thread, from the Train page's event slot; no widget work) -------------
    def reset(self) -> None:
        """Forget the previous run and empty every curve and the table."""
        self.batch_x: list[float] = []
        self.batch_loss: list[float] = []
        self.smooth_loss: list[float] = []
        self.epoch_x: list[int] = []
        self.train_loss: list[float] = []
        self.val_loss: list[float] = []
        self.token_accuracy: list[float] = []  # percent
        self.bleu: list[float] = []  # 0..100
        self.chrf: list[float] = []  # 0..100
        self.exact: list[float] = []  # percent; only when the data has one right answer
        self.best_epoch = 0
        self.sample_history: list[tuple[int, tuple]] = []  # (epoch, ((source, reference, translation), ...))
        self.epochs = 1
        self.steps_per_epoch = 1
        self._shown_index = -1
        self._batch_dirty = self._epoch_dirty = False
        if hasattr(self, "picker"):
            for curve in (self.raw_loss_curve, self.loss_curve, self.val_loss_curve, self.bleu_curve, self.chrf_curve,
                          self.exact_curve):
                curve.setData([], [])
            self.best_marker.show_epoch(0)
            self.quality_legend.removeItem(self.exact_curve)
            theme.plot_title(self.quality_plot, self.tr("Translation quality (higher is better)"))
            self.picker.reset()
            self._fill_table(())

    def start(self, event: Any) -> None:
        """A run began (TrainingStarted): fix the epoch axes so growing curves do not re-layout them."""
        self.epochs, self.steps_per_epoch = max(1, event.epochs), max(1, event.steps_per_epoch)
        self.loss_plot.setXRange(0, self.epochs, padding=0.02)
        self.quality_plot.setXRange(1, max(self.epochs, 2), padding=0.02)
        # whole epochs on the score axis (there is one point per epoch); automatic ticks for long runs
        spacing = [(1, 1)] if self.epochs <= 12 else None
        self.quality_plot.getAxis("bottom").setTickSpacing(levels=spacing)

    def add_batch(self, event: Any) -> None:
        """BatchEnd: one point on the training loss (raw and smoothed)."""
        self.batch_x.append(event.global_step / event.steps_per_epoch)
        self.batch_loss.append(event.loss)
        previous = self.smooth_loss[-1] if self.smooth_loss else event.loss
        self.smooth_loss.append(SMOOTHING * previous + (1 - SMOOTHING) * event.loss)
        self._batch_dirty = True

    def add_epoch(self, event: Any) -> None:
        """TranslateEpochEnd: a validation-loss point, the scores, and the epoch's sample translations."""
        self.epoch_x.append(event.epoch)
        self.train_loss.append(event.train_loss)
        self.val_loss.append(event.val_loss)
        self.token_accuracy.append(100 * event.token_accuracy)
        self.bleu.append(event.bleu)
        self.chrf.append(event.chrf)
        if event.exact_match is not None:
            self.exact.append(100 * event.exact_match)
        if event.is_best:
            self.best_epoch = event.epoch
        if event.samples:
            self.sample_history.append((event.epoch, tuple(tuple(sample) for sample in event.samples)))
        self._epoch_dirty = True

    # ----- showing (timer) -------------------------------------------------------------------
    def refresh(self, part: int | None = None) -> None:
        """Push what changed since the last call into the widgets: all of it, or only `part`
        (0 the training loss, 1 the epoch's scores and sample translations; other numbers
        nothing), so the Train page's timer can spread the drawing over several ticks."""
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
        if self._epoch_dirty:
            self._epoch_dirty = False
            x = np.asarray(self.epoch_x)
            self.val_loss_curve.setData(x, np.asarray(self.val_loss))
            self.bleu_curve.setData(x, np.asarray(self.bleu))
            self.chrf_curve.setData(x, np.asarray(self.chrf))
            set_late_curve(self.quality_legend, self.exact_curve, self.tr("exactly right %"), x, np.asarray(self.exact))
            self.best_marker.show_epoch(self.best_epoch)
            theme.plot_title(self.quality_plot, self.quality_text())
            self.picker.set_count(len(self.sample_history))

    @property
    def follow_latest(self) -> bool:
        """True while the table shows the newest epoch's translations as epochs arrive."""
        return self.picker.follow_latest

    def quality_text(self) -> str:
        """'Epoch 3: BLEU 99.2 · chrF 99.9 · 98.8% exactly right' for the latest epoch."""
        if not self.epoch_x:
            return self.tr("Translation quality (higher is better)")
        text = self.tr("Epoch {epoch}: BLEU {bleu} · chrF {chrf}").format(
            epoch=self.epoch_x[-1], bleu=f"{self.bleu[-1]:.1f}", chrf=f"{self.chrf[-1]:.1f}")
        if self.exact and len(self.exact) == len(self.epoch_x):
            text += " · " + self.tr("{percent}% exactly right").format(percent=f"{self.exact[-1]:.1f}")
        return text

    def _show_index(self, index: int) -> None:
        if not 0 <= index < len(self.sample_history):
            return
        epoch, samples = self.sample_history[index]
        self._shown_index = index
        self._fill_table(samples)
        right = sum(is_exact(reference, translation) for _, reference, translation in samples)
        self.epoch_label.setText(self.tr("{epoch} · {right} of {count} exactly right").format(
            epoch=self._epoch_text(epoch), right=right, count=len(samples)))

    def _on_theme_changed(self, _dark: bool) -> None:
        """The cells' backgrounds follow a switch between light and dark."""
        self._show_index(self._shown_index)

    def _epoch_text(self, epoch: int) -> str:
        if epoch == self.best_epoch and self.best_epoch > 0:
            return self.tr("Epoch {epoch} of {epochs} · best").format(epoch=epoch, epochs=self.epochs)
        return self.tr("Epoch {epoch} of {epochs}").format(epoch=epoch, epochs=self.epochs)

    def _fill_table(self, samples) -> None:
        self.table.setRowCount(max(SAMPLE_ROWS, len(samples)))
        for row in range(self.table.rowCount()):
            source, reference, translation = samples[row] if row < len(samples) else ("", "", "")
            exact = row < len(samples) and is_exact(reference, translation)
            for column, text in enumerate((source, reference, translation)):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setText(text)
                item.setToolTip(text)
            item = self.table.item(row, 2)
            if row < len(samples):
                item.setData(MARKS_ROLE, word_marks(reference, translation))
                item.setData(EXACT_ROLE, exact)
                item.setBackground(QBrush(_cell_background(exact)))
                item.setToolTip(translation + "\n" + (
                    self.tr("Exactly the correct translation.") if exact else
                    self.tr("Differs from the correct translation: the words in bold red are not in it.")))
            else:
                item.setData(MARKS_ROLE, None)
                item.setData(EXACT_ROLE, None)
                item.setBackground(QBrush())

    # ----- for tests and screenshots -----------------------------------------------------------
    def show_epoch(self, index: int) -> None:
        """Move the slider to the `index`-th finished epoch's translations (as dragging it would)."""
        self.slider.setValue(index)

    def shown_epoch(self) -> int:
        """The epoch whose translations the table shows (0 before the first)."""
        if not 0 <= self._shown_index < len(self.sample_history):
            return 0
        return self.sample_history[self._shown_index][0]

    def shown_rows(self) -> list[tuple[str, str, str, bool]]:
        """The table as the user sees it: (sentence, correct translation, model's translation, exactly right?)."""
        rows = []
        for row in range(self.table.rowCount()):
            texts = [self.table.item(row, column).text() if self.table.item(row, column) else "" for column in range(3)]
            if not any(texts):
                continue
            rows.append((*texts, bool(self.table.item(row, 2).data(EXACT_ROLE))))
        return rows
