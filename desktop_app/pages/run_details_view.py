"""One run looked at again: how it ended and how good it was, read from its folder.

Classifiers show their confusion matrix (evaluation.json), GANs their last sample pictures
(samples/epoch_NNNN.png), translators their scores (summary.json). No torch."""

from __future__ import annotations

import html
import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.confusion_plot import ConfusionPlot
from desktop_app.engine_words import say
from desktop_app.run_words import (dataset_name, format_date, format_duration, headline_words, settings_words,
                                   status_name)

log = logging.getLogger(__name__)

NOTHING, CONFUSION, SAMPLES, SCORES = range(4)  # pages of the evaluation stack
MAX_TEXT_CLASSES = 12  # counts are written in the cells up to this many classes (the panel is small)


def read_json(path: Path) -> dict[str, Any]:
    """The JSON object in `path`; an empty dict when the file is missing, unreadable or not an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_samples(folder: Path) -> Path | None:
    """The newest samples/epoch_NNNN.png of a GAN run, or None."""
    try:
        pictures = sorted((folder / "samples").glob("epoch_*.png"))
    except OSError:
        return None
    return pictures[-1] if pictures else None


class PixmapView(QWidget):
    """A picture shown as large as fits, keeping its aspect, with sharp pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap: QPixmap | None = None
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        """Show `pixmap` (None: nothing)."""
        self._pixmap = pixmap if pixmap is not None and not pixmap.isNull() else None
        self.update()

    def pixmap(self) -> QPixmap | None:
        """The picture shown, at its own size."""
        return self._pixmap

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._pixmap is None:
            return
        painter = QPainter(self)
        try:
            width, height = self._pixmap.width(), self._pixmap.height()
            scale = min(self.width() / width, self.height() / height)
            if scale >= 1:
                scale = int(scale)  # whole-number enlargement: every pixel the same size
            w, h = max(1, int(width * scale)), max(1, int(height * scale))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale < 1)
            painter.drawPixmap(QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h), self._pixmap)
        finally:
            painter.end()


class RunDetailsView(QWidget):
    """The summary and evaluation of one run, and a way to try its exported model."""

    open_in_playground = Signal(str)  # path of the run's ONNX model

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._onnx: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.summary_label = QLabel("")
        self.summary_label.setObjectName("runSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.summary_label, 1)
        self.playground_button = QPushButton(self.tr("Open in Pla&yground"))
        self.playground_button.setObjectName("openInPlayground")
        self.playground_button.clicked.connect(self._open_in_playground)
        top.addWidget(self.playground_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.caption = QLabel("")
        self.caption.setObjectName("evaluationCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.stack = QStackedWidget()
        self.stack.addWidget(QWidget())
        self.confusion_plot = ConfusionPlot(self.tr("true"), self.tr("predicted"), square=False, max_text_classes=MAX_TEXT_CLASSES,
                                            max_label_width=120)
        self.confusion_plot.setObjectName("runConfusion")
        self.confusion_plot.setToolTip(self.tr("Each row is the true class, each column what the model answered; "
                                               "the diagonal is right. The Evaluate page shows the pictures behind "
                                               "each square for the model trained last."))
        self.stack.addWidget(self.confusion_plot)
        self.samples_view = PixmapView()
        self.samples_view.setObjectName("runSamples")
        self.samples_view.setToolTip(self.tr("Pictures the generator drew from its fixed random numbers."))
        self.stack.addWidget(self.samples_view)
        self.scores_label = QLabel("")
        self.scores_label.setObjectName("runScores")
        self.scores_label.setTextFormat(Qt.TextFormat.RichText)
        self.scores_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scores_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scores_label.setWordWrap(True)  # a text generator's paragraph
        self.stack.addWidget(self.scores_label)
        layout.addWidget(self.stack, 1)
        self._set_onnx(None)

    # ----- showing a run ------------------------------------------------------------------------
    def show_run(self, record: Any, onnx: str | None) -> None:
        """Show the run `record` (an engine.runs.store.RunRecord); `onnx` is its exported model,
        if it has one that exists."""
        folder = Path(record.folder)
        summary = read_json(folder / "summary.json")
        self.summary_label.setText(self._summary_html(record, summary, folder.is_dir()))
        self._set_onnx(onnx)
        if not folder.is_dir():
            self._show_nothing(self.tr("The run's folder was deleted, so there is nothing more to show."))
        elif record.task == "classify":
            self._show_confusion(folder)
        elif record.task == "gan":
            self._show_samples(folder, summary)
        elif record.task == "translate":
            self._show_scores(summary, record.dataset)
        elif record.task == "textgen":
            self._show_writing(summary)
        else:
            self._show_nothing("")

    def evaluation_shown(self) -> int:
        """Which evaluation is shown: NOTHING, CONFUSION, SAMPLES or SCORES."""
        return self.stack.currentIndex()

    def _summary_html(self, record: Any, summary: dict[str, Any], exists: bool) -> str:
        figure = headline_words(record.task, record.best_val_accuracy, record.dataset, record.best_val_loss)
        planned = record.params.get("epochs")
        epochs = (self.tr("{done} of {planned} epochs").format(done=record.epochs_done, planned=planned) if planned
                  else self.tr("{done} epochs").format(done=record.epochs_done))
        first = f"<b>{html.escape(figure)}</b> · " if figure else ""
        first += self.tr("{status} after {epochs}").format(status=html.escape(status_name(record.status)), epochs=epochs)
        if record.best_epoch:
            first += self.tr(" (best: epoch {epoch})").format(epoch=record.best_epoch)
        duration = format_duration(record.seconds)
        if duration:
            first += self.tr(", in {duration}").format(duration=duration)
        lines = [first]
        reason = summary.get("reason")
        if reason and record.status != "finished":
            lines.append(f"<i>{html.escape(say(reason))}</i>")
        settings = settings_words(record.params)
        lines.append(html.escape(self.tr("{model} on {dataset}").format(model=record.model,
                                                                       dataset=dataset_name(record.dataset))
                                 + (f" · {settings}" if settings else "")
                                 + " · " + self.tr("started {date}").format(date=format_date(record.created))))
        folder = html.escape(Path(record.folder).name)
        where = (self.tr("Folder: {folder}") if exists else self.tr("Folder: {folder} (deleted)")).format(folder=folder)
        lines.append(f"<span style='color:{theme.current_colors().muted}'>{where}</span>")
        return "<br>".join(lines)

    def _show_nothing(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setVisible(bool(text))
        self.stack.setCurrentIndex(NOTHING)

    def _show_confusion(self, folder: Path) -> None:
        evaluation = read_json(folder / "evaluation.json")
        classes = evaluation.get("classes")
        try:
            confusion = np.asarray(evaluation.get("confusion"), dtype=np.int64)
        except (TypeError, ValueError):
            confusion = np.zeros((0, 0), dtype=np.int64)
        if not isinstance(classes, list) or not classes or confusion.shape != (len(classes), len(classes)):
            self._show_nothing(self.tr("This run saved no evaluation: it ended before its first epoch finished."))
            return
        self.confusion_plot.show_matrix(confusion, [str(c) for c in classes])
        total = int(confusion.sum())
        parts = []
        accuracy = evaluation.get("accuracy")
        if isinstance(accuracy, (int, float)) and total:
            parts.append(self.tr("The best model gets {share} of the {total} validation pictures right.").format(
                share=f"{accuracy:.1%}", total=f"{total:,}"))
        f1 = evaluation.get("f1")
        if isinstance(f1, list) and len(f1) == len(classes) and all(isinstance(v, (int, float)) for v in f1):
            weakest = int(np.argmin(f1))
            parts.append(self.tr("Weakest class: '{name}' (F1 {f1}).").format(name=classes[weakest],
                                                                              f1=f"{f1[weakest]:.1%}"))
        self.caption.setText(" ".join(parts) or self.tr("What the best model confuses."))
        self.caption.show()
        self.stack.setCurrentIndex(CONFUSION)

    def _show_samples(self, folder: Path, summary: dict[str, Any]) -> None:
        path = last_samples(folder)
        pixmap = QPixmap(str(path)) if path is not None else None
        if pixmap is None or pixmap.isNull():
            self._show_nothing(self.tr("This run saved no sample pictures: it ended before its first epoch finished."))
            return
        self.samples_view.set_pixmap(pixmap)
        epoch = path.stem.split("_")[-1].lstrip("0") or "0"
        text = self.tr("What the generator drew after epoch {epoch}.").format(epoch=epoch)
        coverage, classes = summary.get("coverage"), summary.get("num_classes")
        judged = summary.get("reference_accuracy") is not None  # else no classifier scored the pictures
        if judged and isinstance(coverage, int) and isinstance(classes, int) and classes:
            text += self.tr(" Its best epoch drew {coverage} of the {classes} classes.").format(coverage=coverage,
                                                                                                classes=classes)
        self.caption.setText(text)
        self.caption.show()
        self.stack.setCurrentIndex(SAMPLES)

    def _show_scores(self, summary: dict[str, Any], dataset: str) -> None:
        def cell(value: Any, share: bool) -> str:
            if not isinstance(value, (int, float)):
                return "—"
            return f"{value:.1%}" if share else f"{value:.1f}"

        rows = [("BLEU", "bleu", "test_bleu", False), ("chrF", "chrf", "test_chrf", False)]
        if summary.get("exact_match") is not None or summary.get("test_exact_match") is not None:
            rows.insert(0, (self.tr("exact match"), "exact_match", "test_exact_match", True))
        if not any(isinstance(summary.get(key), (int, float)) for _, key, _, _ in rows):
            self._show_nothing(self.tr("This run saved no scores: it ended before its first epoch finished."))
            return
        test_size = summary.get("test_size")
        test_title = (self.tr("held-out test ({count} pairs)").format(count=f"{test_size:,}")
                      if isinstance(test_size, int) and test_size else self.tr("held-out test"))
        body = "".join(f"<tr><td>{name}</td><td align='right'>{cell(summary.get(v), share)}</td>"
                       f"<td align='right'>{cell(summary.get(t), share)}</td></tr>" for name, v, t, share in rows)
        validation_title = self.tr("validation (best epoch)")
        self.scores_label.setText(
            "<table cellspacing='0' cellpadding='6' style='font-size:11pt'>"
            f"<tr><th></th><th align='right'>{validation_title}</th>"
            f"<th align='right'>{test_title}</th></tr>"
            f"{body}</table>")
        self.caption.setText(self.tr("BLEU and chrF compare the translations with the reference ones (100 is "
                                     "perfect); exact match counts translations that are exactly right."))
        self.caption.show()
        self.stack.setCurrentIndex(SCORES)

    def _show_writing(self, summary: dict[str, Any]) -> None:
        perplexity, baseline = summary.get("val_perplexity"), summary.get("unigram_perplexity")
        sample, prompt = summary.get("sample"), summary.get("prompt") or ""
        if not isinstance(perplexity, (int, float)) or not isinstance(sample, str):
            self._show_nothing(self.tr("This run saved no writing: it ended before its first epoch finished."))
            return
        figures = self.tr("Validation perplexity <b>{value}</b>").format(value=f"{perplexity:.2f}")
        if isinstance(baseline, (int, float)) and baseline > 0:
            figures += self.tr(" (guessing by letter frequency alone: {value})").format(value=f"{baseline:.1f}")
        muted = theme.current_colors().muted
        self.scores_label.setText(
            f"<p style='font-size:11pt'>{figures}</p><p style='white-space: pre-wrap'>"
            f"<b style='color:{muted}'>{html.escape(str(prompt))}</b>{html.escape(sample)}</p>")
        self.caption.setText(self.tr("What the best model wrote after the opening words in bold. Perplexity is "
                                     "roughly how many letters the model still hesitates between: lower is better."))
        self.caption.show()
        self.stack.setCurrentIndex(SCORES)

    # ----- the exported model -----------------------------------------------------------------
    def _set_onnx(self, onnx: str | None) -> None:
        self._onnx = onnx
        self.playground_button.setEnabled(onnx is not None)
        self.playground_button.setToolTip(
            self.tr("Try the exported model ({name}) in the Playground.").format(name=Path(onnx).name) if onnx else
            self.tr("This run has no exported ONNX model. Export one on the Evaluate page after training, or train "
                    "with export switched on."))

    def _open_in_playground(self) -> None:
        if self._onnx is not None:
            self.open_in_playground.emit(self._onnx)
