"""The Evaluate page: how well the last trained model does, what it confuses, and ONNX export.

Importing this module must not import torch: the export imports it lazily, in the worker.
"""

from __future__ import annotations

import copy
import html
import logging
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPen
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QGraphicsRectItem, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QListView, QListWidget, QListWidgetItem, QPushButton, QSplitter,
                               QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.confusion_plot import ConfusionPlot
from desktop_app.dialogs import show_error
from desktop_app.empty_state import empty_state_page
from desktop_app.engine_words import say
from desktop_app.images import array_to_pixmap
from desktop_app.settings import app_settings
from desktop_app.state import AppState, result_task
from desktop_app.workers import TaskError, run_in_background

log = logging.getLogger(__name__)

# Translated where shown, with self.tr(text) (context "EvaluatePage").
EMPTY_TEXT = QT_TRANSLATE_NOOP("EvaluatePage", "Train a model to see how well it does.")
EMPTY_HINT = QT_TRANSLATE_NOOP("EvaluatePage", "After training, this page shows the share of validation pictures the "
                                               "model gets right, which classes it mixes up, the pictures it got "
                                               "wrong, and lets you export the model to ONNX.")
MAX_TEXT_CLASSES = 20  # counts are written in the cells up to this many classes
MAX_CELL_IMAGES = 1000  # a gallery shows at most this many images
MAX_MISTAKES = 200
EXPORT_DIR_KEY = "evaluate/export_dir"
VALUE_ROLE = Qt.ItemDataRole.UserRole

# White for zero, then blues; the low end is stretched so that a single mistake is visible next
# to a diagonal of hundreds.

COLUMN_TITLES = (QT_TRANSLATE_NOOP("EvaluatePage", "Class"), QT_TRANSLATE_NOOP("EvaluatePage", "Precision"),
                 QT_TRANSLATE_NOOP("EvaluatePage", "Recall"), QT_TRANSLATE_NOOP("EvaluatePage", "F1"),
                 QT_TRANSLATE_NOOP("EvaluatePage", "Images"))
COLUMN_TIPS = (
    QT_TRANSLATE_NOOP("EvaluatePage", "The class (the kind of picture)."),
    QT_TRANSLATE_NOOP("EvaluatePage", "Precision: of the pictures the model called this class, the share that really "
                                      "were this class.\nLow precision means the model says this class too often."),
    QT_TRANSLATE_NOOP("EvaluatePage", "Recall: of the pictures that really are this class, the share the model "
                                      "found.\nLow recall means the model often misses this class."),
    QT_TRANSLATE_NOOP("EvaluatePage", "F1: one number combining precision and recall (100% is perfect). Sort by it "
                                      "to find the weakest classes."),
    QT_TRANSLATE_NOOP("EvaluatePage", "How many validation pictures of this class there are. Scores on few pictures "
                                      "are less reliable."),
)


# Where the engine took the validation pictures from (its English words -> the same, marked for
# translation); other words are shown as the engine wrote them.
VAL_SOURCES = {source: source for source in (QT_TRANSLATE_NOOP("EvaluatePage", "test split"),
                                             QT_TRANSLATE_NOOP("EvaluatePage", "held out from train"))}


class _SortItem(QTableWidgetItem):
    """A table cell that sorts by the number stored under VALUE_ROLE, not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(VALUE_ROLE), other.data(VALUE_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


def _format_seconds(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("RunWords", "{seconds} s").format(seconds=f"{seconds:.1f}")
    minutes, rest = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return QCoreApplication.translate("RunWords", "{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("RunWords", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)


def _remember_export(result: Any, path: Any) -> None:
    """Note the exported file in the run index, so the Runs page can open it in the Playground.
    A run index that cannot be written only costs that link (logged)."""
    from engine.errors import ModelDeskError
    from engine.runs.store import RunStore

    run_dir = getattr(result, "run_dir", None)
    if not getattr(result, "run_id", "") or run_dir is None:
        return
    try:
        store = RunStore(Path(run_dir).parent)
        try:
            store.update(result.run_id, onnx=str(path))
        finally:
            store.close()
    except (ModelDeskError, OSError, sqlite3.Error):
        log.warning("could not note the export of %s in the run index", result.run_id, exc_info=True)


class EvaluatePage(QWidget):
    """Results of the last training run: summary, confusion heatmap, per-class scores, galleries."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._result: Any = None
        self._labels = np.zeros(0, dtype=np.int64)
        self._predictions = np.zeros(0, dtype=np.int64)
        self._confidences = np.zeros(0, dtype=np.float64)
        self._confusion = np.zeros((0, 0), dtype=np.int64)
        self._training = False
        self._export_task = None
        self.selected_cell: tuple[int, int] | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>{}</h2>".format(self.tr("How well does the model do?"))))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty_page())
        self.stack.addWidget(self._build_results_page())
        layout.addWidget(self.stack, 1)

        state.training_finished.connect(self.show_result)
        state.training_running.connect(self._on_training_running)
        self._update_export_button()
        if state.result is not None:
            self.show_result(state.result)

    # ----- construction -----------------------------------------------------------------------
    def _build_empty_page(self) -> QWidget:
        page, self.empty_label, self.empty_hint = empty_state_page(self.tr(EMPTY_TEXT), self.tr(EMPTY_HINT))
        return page

    def _build_results_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)

        header = QHBoxLayout()
        self.summary_label = QLabel("")
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header.addWidget(self.summary_label, 1)
        self.export_button = QPushButton(self.tr("&Export to ONNX…"))
        self.export_button.setToolTip(self.tr("Save the trained model as an .onnx file that the Playground and many "
                                              "other tools can run, with its labels and preprocessing inside."))
        self.export_button.clicked.connect(lambda: self.export_model())
        header.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.export_status = QLabel("")
        self.export_status.setObjectName("exportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_status.hide()
        layout.addWidget(self.export_status)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_confusion_box())
        splitter.addWidget(self._build_class_box())
        splitter.addWidget(self._build_cell_box())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([400, 380, 270])
        layout.addWidget(splitter, 1)
        layout.addWidget(self._build_mistakes_box())
        return page

    def _build_confusion_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What the model confuses"))
        layout = QVBoxLayout(box)
        hint = QLabel(self.tr("Each row is the true class, each column what the model answered; the diagonal is "
                              "right. Click a square to see its pictures."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.confusion_plot = ConfusionPlot(self.tr("true"), self.tr("predicted"), max_text_classes=MAX_TEXT_CLASSES)
        self.confusion_plot.setObjectName("confusionPlot")
        self.confusion_plot.setMinimumSize(260, 260)
        self._heatmap = self.confusion_plot.image
        plot = self.confusion_plot.getPlotItem()
        self._selection_box = QGraphicsRectItem(QRectF(0, 0, 1, 1))
        pen = QPen(QColor("#e6550d"))
        pen.setWidth(3)
        pen.setCosmetic(True)
        self._selection_box.setPen(pen)
        self._selection_box.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self._selection_box.setZValue(20)
        self._selection_box.hide()
        plot.addItem(self._selection_box)
        scene = self.confusion_plot.scene()
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        scene.sigMouseMoved.connect(self._on_scene_moved)
        layout.addWidget(self.confusion_plot, 1)
        return box

    def _build_class_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Scores per class"))
        layout = QVBoxLayout(box)
        self.class_table = QTableWidget(0, 5)
        self.class_table.setObjectName("classTable")
        for column, (title, tip) in enumerate(zip(COLUMN_TITLES, COLUMN_TIPS)):
            item = QTableWidgetItem(self.tr(title))
            item.setToolTip(self.tr(tip))
            self.class_table.setHorizontalHeaderItem(column, item)
        self.class_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.class_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.class_table.verticalHeader().hide()
        self.class_table.verticalHeader().setDefaultSectionSize(24)
        header = self.class_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(54)
        self.class_table.setAlternatingRowColors(True)
        layout.addWidget(self.class_table, 1)
        box.setMinimumWidth(300)  # every header readable without scrolling
        return box

    def _build_cell_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pictures in the chosen square"))
        layout = QVBoxLayout(box)
        self.cell_caption = QLabel(self.tr("Click a square of the matrix to see its pictures here."))
        self.cell_caption.setWordWrap(True)
        layout.addWidget(self.cell_caption)
        self.cell_gallery = self._make_gallery(icon=48, grid=QSize(64, 72), wrapping=True)
        self.cell_gallery.setObjectName("cellGallery")
        layout.addWidget(self.cell_gallery, 1)
        return box

    def _build_mistakes_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Most confident mistakes"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 4)
        self.mistakes_note = QLabel("")
        self.mistakes_note.setWordWrap(True)
        layout.addWidget(self.mistakes_note)
        self.mistakes_gallery = self._make_gallery(icon=56, grid=QSize(150, 100), wrapping=False)
        self.mistakes_gallery.setObjectName("mistakesGallery")
        self.mistakes_gallery.setFixedHeight(116)
        layout.addWidget(self.mistakes_gallery)
        return box

    @staticmethod
    def _make_gallery(icon: int, grid: QSize, wrapping: bool) -> QListWidget:
        gallery = QListWidget()
        gallery.setViewMode(QListView.ViewMode.IconMode)
        gallery.setIconSize(QSize(icon, icon))
        gallery.setGridSize(grid)
        gallery.setMovement(QListView.Movement.Static)
        gallery.setResizeMode(QListView.ResizeMode.Adjust)
        gallery.setFlow(QListView.Flow.LeftToRight)
        gallery.setWrapping(wrapping)
        gallery.setWordWrap(True)
        gallery.setUniformItemSizes(True)
        gallery.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        if not wrapping:
            gallery.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return gallery

    # ----- showing a result -------------------------------------------------------------------
    def show_result(self, result: Any) -> None:
        """Fill the page from a TrainResult (connected to AppState.training_finished). Results of
        other tasks (a GAN's, a translator's) have nothing to evaluate here: the page keeps what it shows."""
        if result is not None and result_task(result) != "classify":
            return
        self._result = result
        self.export_status.hide()
        evaluation = getattr(result, "evaluation", None)
        prepared = getattr(result, "prepared", None)
        if result is None or evaluation is None or prepared is None or not len(evaluation.predictions):
            self._result = None
            reason = getattr(result, "reason", "") if result is not None else ""
            self.empty_label.setText(self.tr("Training ended before the first epoch finished, so there is nothing to "
                                             "evaluate yet.") if result is not None else self.tr(EMPTY_TEXT))
            self.empty_hint.setText(say(reason) or self.tr(EMPTY_HINT))
            self.stack.setCurrentIndex(0)
            self._update_export_button()
            return
        self._labels = prepared.val.labels.cpu().numpy().astype(np.int64)
        self._predictions = np.asarray(evaluation.predictions, dtype=np.int64)
        self._confidences = np.asarray(evaluation.confidences, dtype=np.float64)
        self._confusion = np.asarray(evaluation.confusion, dtype=np.int64)
        self._fill_summary(result)
        self._fill_confusion()
        self._fill_class_table()
        self._fill_mistakes()
        self.stack.setCurrentIndex(1)
        self._update_export_button()
        self._select_first_cell()

    def _classes(self) -> list[str]:
        return list(self._result.prepared.classes)

    def _fill_summary(self, result: Any) -> None:
        evaluation = result.evaluation
        n_val = len(self._labels)
        config = result.config
        headline = self.tr("The model gets <b>{share}</b> of the {count} validation pictures right (pictures it "
                           "never trained on).").format(share=f"{evaluation.accuracy:.1%}", count=f"{n_val:,}")
        details = self.tr("Validation accuracy {share} · loss {loss} · {epochs} epochs (best: epoch {best}) · "
                          "validation pictures: {source} · {model} on {dataset} · trained for {duration} on "
                          "{device}").format(share=f"{evaluation.accuracy:.1%}", loss=f"{evaluation.loss:.3f}",
                                             epochs=result.epochs_done, best=result.best_epoch,
                                             source=html.escape(self._val_source(result.prepared.val_source)),
                                             model=html.escape(config.model), dataset=html.escape(config.dataset),
                                             duration=_format_seconds(result.seconds),
                                             device=html.escape(say(result.device)))
        lines = [headline, details]
        if result.status != "finished" and result.reason:
            lines.append(f"<i>{html.escape(say(result.reason))}</i>")
        self.summary_label.setText("<br>".join(lines))

    def _val_source(self, source: str) -> str:
        return self.tr(VAL_SOURCES[source]) if source in VAL_SOURCES else source

    def _fill_confusion(self) -> None:
        self.confusion_plot.show_matrix(self._confusion, self._classes())
        self._selection_box.hide()

    def _fill_class_table(self) -> None:
        evaluation = self._result.evaluation
        classes = self._classes()
        table = self.class_table
        table.setSortingEnabled(False)
        table.setRowCount(len(classes))
        for row, name in enumerate(classes):
            values = (evaluation.precision[row], evaluation.recall[row], evaluation.f1[row])
            cells = [(name, row)] + [(f"{v:.1%}", float(v)) for v in values] + [(f"{evaluation.support[row]:,}", int(evaluation.support[row]))]
            for column, (text, value) in enumerate(cells):
                item = _SortItem(text)
                item.setData(VALUE_ROLE, value)
                if column == 0:
                    item.setToolTip(name)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _image_item(self, index: int, text: str, tooltip: str, icon_size: int) -> QListWidgetItem:
        images = self._result.prepared.val_images_uint8
        item = QListWidgetItem(QIcon(array_to_pixmap(images[index], icon_size)), text)
        item.setToolTip(tooltip)
        item.setData(VALUE_ROLE, int(index))
        return item

    def _describe(self, index: int) -> str:
        classes = self._classes()
        return self.tr("Validation picture {index}: really '{true}', the model said '{said}' ({sure} sure)").format(
            index=index, true=classes[self._labels[index]], said=classes[self._predictions[index]],
            sure=f"{self._confidences[index]:.0%}")

    def _fill_mistakes(self) -> None:
        evaluation = self._result.evaluation
        classes = self._classes()
        wrong = list(evaluation.misclassified)
        self.mistakes_gallery.setUpdatesEnabled(False)
        self.mistakes_gallery.clear()
        for index in wrong[:MAX_MISTAKES]:
            text = self.tr("true {true} → {said}").format(true=classes[self._labels[index]],
                                                          said=classes[self._predictions[index]])
            text += f"\n{self._confidences[index]:.0%}"
            self.mistakes_gallery.addItem(self._image_item(index, text, self._describe(index), 56))
        self.mistakes_gallery.setUpdatesEnabled(True)
        if not wrong:
            self.mistakes_note.setText(self.tr("No mistakes: every validation picture was classified correctly."))
        elif len(wrong) > MAX_MISTAKES:
            self.mistakes_note.setText(self.tr("{count} pictures were classified wrongly; here are the {shown} the "
                                               "model was most sure about.").format(count=f"{len(wrong):,}",
                                                                                    shown=MAX_MISTAKES))
        else:
            self.mistakes_note.setText(self.tr("{count} pictures were classified wrongly, the ones the model was most "
                                               "sure about first. Sure-but-wrong pictures are often mislabelled or "
                                               "odd.").format(count=f"{len(wrong):,}"))
        self.mistakes_gallery.setVisible(bool(wrong))

    def _select_first_cell(self) -> None:
        """Show the biggest confusion right away (or the first class when there is none)."""
        off = self._confusion.copy()
        np.fill_diagonal(off, 0)
        if off.max() > 0:
            t, p = np.unravel_index(int(np.argmax(off)), off.shape)
        else:
            t = p = 0
        self.show_cell(int(t), int(p))

    # ----- the heatmap's cells ----------------------------------------------------------------
    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The (true, predicted) cell under view coordinates (x, y), or None outside the matrix."""
        n = self._confusion.shape[0]
        if self._result is None or not (0 <= x < n and 0 <= y < n):
            return None
        return int(y), int(x)

    def handle_heatmap_click(self, x: float, y: float) -> tuple[int, int] | None:
        """Show the cell under view coordinates (x, y); returns it (None when outside)."""
        cell = self.cell_at(x, y)
        if cell is not None:
            self.show_cell(*cell)
        return cell

    def _on_scene_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.confusion_plot.getPlotItem().getViewBox().mapSceneToView(event.scenePos())
        if self.handle_heatmap_click(point.x(), point.y()) is not None:
            event.accept()

    def _on_scene_moved(self, scene_pos: QPointF) -> None:
        point = self.confusion_plot.getPlotItem().getViewBox().mapSceneToView(scene_pos)
        cell = self.cell_at(point.x(), point.y())
        if cell is None:
            self.confusion_plot.setToolTip("")
            return
        t, p = cell
        classes = self._classes()
        self.confusion_plot.setToolTip(self.tr("{count} pictures of '{true}' answered as '{said}'. Click to see "
                                               "them.").format(count=f"{self._confusion[t, p]:,}", true=classes[t],
                                                               said=classes[p]))

    def show_cell(self, true_index: int, predicted_index: int) -> None:
        """Fill the cell gallery with the validation pictures of class `true_index` that the
        model predicted as `predicted_index`."""
        if self._result is None:
            return
        classes = self._classes()
        t, p = int(true_index), int(predicted_index)
        self.selected_cell = (t, p)
        self._selection_box.setRect(QRectF(p, t, 1, 1))
        self._selection_box.show()
        indices = np.flatnonzero((self._labels == t) & (self._predictions == p))
        # Mistakes: most confident first. Correct answers: least confident first (the interesting ones).
        order = np.argsort(-self._confidences[indices] if t != p else self._confidences[indices], kind="stable")
        indices = indices[order]
        shown = indices[:MAX_CELL_IMAGES]
        self.cell_gallery.setUpdatesEnabled(False)
        self.cell_gallery.clear()
        for index in shown:
            self.cell_gallery.addItem(self._image_item(int(index), f"{self._confidences[index]:.0%}",
                                                       self._describe(int(index)), 48))
        self.cell_gallery.setUpdatesEnabled(True)
        caption = (self.tr("{count} image of '{true}' predicted as '{said}'") if len(indices) == 1 else
                   self.tr("{count} images of '{true}' predicted as '{said}'")).format(
            count=f"{len(indices):,}", true=classes[t], said=classes[p])
        if t == p:
            caption += self.tr(" (right answers, least sure first)")
        elif len(indices):
            caption += self.tr(" (most sure first)")
        if len(indices) > len(shown):
            caption += self.tr("; showing the first {count}").format(count=f"{len(shown):,}")
        self.cell_caption.setText(caption + self.tr(". The percentage is how sure the model was."))

    # ----- export -----------------------------------------------------------------------------
    def _on_training_running(self, running: bool) -> None:
        self._training = running
        self._update_export_button()

    def _can_export(self) -> bool:
        result = self._result
        return (result is not None and getattr(result, "model", None) is not None and result.epochs_done > 0
                and not self._training and not (self._export_task is not None and self._export_task.is_running()))

    def _update_export_button(self) -> None:
        self.export_button.setEnabled(self._can_export())

    def _default_export_path(self) -> str:
        config = self._result.config
        name, _, argument = config.dataset.partition(":")
        dataset = Path(argument).name if argument else name
        stem = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{config.model}-{dataset}").strip("-") or "model"
        folder = app_settings().value(EXPORT_DIR_KEY, "") or str(Path.home())
        return str(Path(str(folder)) / f"{stem}.onnx")

    def is_exporting(self) -> bool:
        """True while an export to ONNX (with its parity check) is running."""
        return self._export_task is not None and self._export_task.is_running()

    def export_model(self, path: str | os.PathLike | None = None) -> None:
        """Export the last trained model to ONNX at `path` (asks where when None)."""
        if not isinstance(path, (str, os.PathLike)) or not str(path):
            path = None  # a QAction's `triggered(bool)` lands here too
        if not self._can_export():
            if self._training:
                message = self.tr("Wait until training has finished, then export the model.")
            elif self._export_task is not None and self._export_task.is_running():
                message = self.tr("The model is being exported already.")
            else:
                message = self.tr("Train a model first; then you can export it to ONNX.")
            self._state.status_message.emit(message)
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the model to ONNX"),
                                                  self._default_export_path(),
                                                  self.tr("ONNX models (*.onnx)"))
            if not path:
                return
        path = str(path)
        if not path.lower().endswith(".onnx"):
            path += ".onnx"
        app_settings().setValue(EXPORT_DIR_KEY, str(Path(path).parent))
        result = self._result

        def work(context) -> Any:
            from engine.export.onnx_export import export_classifier
            from engine.models.registry import InputShape
            from engine.train.run import classifier_metadata

            prepared = result.prepared
            channels, height, width = (int(v) for v in prepared.val.images.shape[1:])
            shape = InputShape(channels, height, width, len(prepared.classes))
            metrics = {"val_accuracy": round(result.evaluation.accuracy, 6), "val_loss": round(result.evaluation.loss, 6),
                       "epochs": result.epochs_done}
            model = copy.deepcopy(result.model).cpu()
            metadata = classifier_metadata(result.config, prepared, shape, metrics)
            report = export_classifier(model, metadata, path, seed=result.config.seed)
            _remember_export(result, report.path)
            return report

        self.export_status.setText(self.tr("Exporting to {path}…").format(path=path))
        self.export_status.show()
        self._export_task = run_in_background(work, name="export-onnx", on_success=self._export_done,
                                              on_failure=self._export_failed, parent=self)
        self._export_task.finished.connect(self._update_export_button)
        self._update_export_button()

    def _export_done(self, report: Any) -> None:
        self.export_status.setText(self.tr("Saved to {path}. ONNX Runtime gives the same answers as PyTorch (largest "
                                           "difference {difference}).").format(path=report.path,
                                                                               difference=f"{report.max_abs_diff:.2g}"))
        self._state.status_message.emit(self.tr("Model exported to {path}").format(path=report.path))
        self._update_export_button()

    def _export_failed(self, error: TaskError) -> None:
        self.export_status.setText(self.tr("The model was not exported."))
        show_error(self, self.tr("Export failed"), error.message, error.details)
        self._update_export_button()
