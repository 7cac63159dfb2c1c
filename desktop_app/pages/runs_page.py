"""The Runs page: every training run from the run index, to compare, look at again, continue,
copy, export or delete.

Reads the index (engine.runs.store) and run folders only; importing this module must not
import torch. The page asks the window to train (resume, duplicate) and to open models in the
Playground through its signals; it never trains itself.
"""

from __future__ import annotations

import logging
import math
import os
import sqlite3
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSpinBox, QSplitter, QStackedWidget, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app.dialogs import show_error
from desktop_app.empty_state import empty_state_page
from desktop_app.engine_words import say
from desktop_app.job_dialog import JobCommandDialog
from desktop_app.pages.run_compare_view import ComparedRun, RunCurvesView, SettingsDiffTable
from desktop_app.pages.run_details_view import RunDetailsView
from desktop_app.run_words import (TASK_NAMES, dataset_name, format_date, format_duration, headline_words, run_name,
                                   run_names, settings_words, status_name, status_tip, task_name, task_short_name)
from desktop_app.settings import app_settings
from desktop_app.state import AppState
from engine.errors import ModelDeskError
from engine.runs.store import RunRecord, RunStore

log = logging.getLogger(__name__)

# Translated where shown, with self.tr(text) (context "RunsPage").
EMPTY_TEXT = QT_TRANSLATE_NOOP("RunsPage", "Runs you train appear here.")
EMPTY_HINT = QT_TRANSLATE_NOOP("RunsPage", "Every training run keeps its settings, curves, checkpoints and exported "
                                           "model. Train a model on the Train page, then come back here to compare "
                                           "runs, continue one, start a new run from its settings, or try its model in "
                                           "the Playground.")
EXPORT_DIR_KEY = "runs/export_dir"
RUN_ID_ROLE = Qt.ItemDataRole.UserRole
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
RESUMABLE = ("stopped", "interrupted", "finished")
EXPORT_FILES = ("model.onnx", "generator.onnx", "translator.onnx", "textgen.onnx")
LIVE_REFRESH_MS = 2000  # how often the list follows a run being trained
MAX_COLUMN_WIDTH = 200  # pixels; longer names are cut with an ellipsis (the tooltip has them whole)

# (title, tooltip) per column.
COLUMNS = (
    (QT_TRANSLATE_NOOP("RunsPage", "Date"), QT_TRANSLATE_NOOP("RunsPage", "When the run started.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Task"), QT_TRANSLATE_NOOP("RunsPage", "What the model learns to do.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Dataset"), QT_TRANSLATE_NOOP("RunsPage", "The data the model trained on.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Model"), QT_TRANSLATE_NOOP("RunsPage", "The model's architecture.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Settings"),
     QT_TRANSLATE_NOOP("RunsPage", "The settings that matter most; the table under the plot lists all that differ "
                                   "between chosen runs.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Status"), QT_TRANSLATE_NOOP("RunsPage", "How the run ended.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Best"),
     QT_TRANSLATE_NOOP("RunsPage", "The best figure the run reached on data it did not train on.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Epochs"), QT_TRANSLATE_NOOP("RunsPage", "Epochs trained, of those planned.")),
    (QT_TRANSLATE_NOOP("RunsPage", "Time"), QT_TRANSLATE_NOOP("RunsPage", "How long the run trained.")),
)
DATE, TASK, DATASET, MODEL, SETTINGS, STATUS, BEST, EPOCHS, TIME = range(len(COLUMNS))


class _SortItem(QTableWidgetItem):
    """A table cell that sorts by the value stored under VALUE_ROLE (numbers, dates), not its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(VALUE_ROLE), other.data(VALUE_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


def exported_model(record: RunRecord) -> str | None:
    """The path of the run's exported ONNX model when one exists: the one the index names,
    else the one in its folder; None when there is none."""
    candidates = ([Path(record.onnx)] if record.onnx else []) + [Path(record.folder) / name for name in EXPORT_FILES]
    return next((str(path) for path in candidates if path.is_file()), None)


def last_checkpoint(record: RunRecord) -> Path:
    """Where the run's end-of-epoch checkpoint is (it may not exist)."""
    return Path(record.folder) / "checkpoints" / "last.pt"


class RunsPage(QWidget):
    """A sortable, filterable table of runs; below it their curves overlaid, and the chosen run's
    evaluation (one run) or the settings that differ (several)."""

    resume_requested = Signal(str, int)  # checkpoint path, total epochs
    duplicate_requested = Signal(dict)  # the run's TrainConfig as a dict
    open_in_playground_requested = Signal(str)  # path of an ONNX model

    def __init__(self, state: AppState, runs_dir: str | Path | None = None, parent: QWidget | None = None, *,
                 open_url: Callable[[QUrl], bool] | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._runs_dir = Path(runs_dir) if runs_dir is not None else None
        self._store: RunStore | None = None
        self._records: dict[str, RunRecord] = {}
        self.open_url = open_url or QDesktopServices.openUrl  # replaced in tests
        self.confirm_box: QMessageBox | None = None
        self.job_dialog: JobCommandDialog | None = None

        layout = QVBoxLayout(self)
        title = QHBoxLayout()
        title.addWidget(QLabel("<h2>{}</h2>".format(self.tr("Your training runs"))))
        title.addStretch(1)
        self.count_label = QLabel("")
        self.count_label.setObjectName("runCount")
        title.addWidget(self.count_label)
        layout.addLayout(title)
        layout.addLayout(self._build_filters())
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty_page())
        self.stack.addWidget(self._build_runs_page())
        layout.addWidget(self.stack, 1)

        # While a run trains, its row (epochs, best figure) and, when chosen, its curves follow it.
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(LIVE_REFRESH_MS)
        self.live_timer.timeout.connect(self._follow_training)
        state.training_finished.connect(self._refresh_if_shown)
        state.training_running.connect(self._on_training_running)
        self._update_actions()

    # ----- construction -------------------------------------------------------------------------
    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("runFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter: a dataset, model, setting, date…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip(self.tr("Show only the runs whose row contains every word typed here."))
        self.filter_edit.textChanged.connect(self._apply_filters)
        row.addWidget(self.filter_edit, 2)
        self.task_filter = QComboBox()
        self.task_filter.setObjectName("taskFilter")
        self.task_filter.addItem(self.tr("All tasks"), None)
        for task in TASK_NAMES:
            self.task_filter.addItem(task_name(task), task)
        self.task_filter.currentIndexChanged.connect(self._apply_filters)
        row.addWidget(self.task_filter)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(self.tr("Any status"), None)
        for status in ("finished", "stopped", "interrupted", "failed", "running"):
            self.status_filter.addItem(status_name(status), status)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        row.addWidget(self.status_filter)
        self.refresh_button = QPushButton(self.tr("R&efresh"))
        self.refresh_button.setToolTip(self.tr("Read the run list again (runs trained from the command line appear too)."))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        row.addWidget(self.refresh_button)
        return row

    def _build_empty_page(self) -> QWidget:
        page, self.empty_label, self.empty_hint = empty_state_page(self.tr(EMPTY_TEXT), self.tr(EMPTY_HINT))
        return page

    def _build_runs_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._build_table(), 1)
        top_layout.addLayout(self._build_actions())
        splitter.addWidget(top)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        curves_box = QGroupBox(self.tr("Curves"))
        curves_layout = QVBoxLayout(curves_box)
        self.curves_view = RunCurvesView()
        curves_layout.addWidget(self.curves_view)
        bottom.addWidget(curves_box)
        bottom.addWidget(self._build_side())
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 1)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([300, 380])
        layout.addWidget(splitter, 1)
        return page

    def _build_table(self) -> QTableWidget:
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("runsTable")
        for column, (title, tip) in enumerate(COLUMNS):
            item = QTableWidgetItem(self.tr(title))
            item.setToolTip(self.tr(tip))
            self.table.setHorizontalHeaderItem(column, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SETTINGS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(50)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.table.setToolTip(self.tr("Click a run to look at it again; Ctrl or Shift + click to compare several."))
        return self.table

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setObjectName("resumeRun")
        self.resume_button.clicked.connect(lambda: self.resume_selected())
        row.addWidget(self.resume_button)
        self.epochs_label = QLabel(self.tr("up to"))
        row.addWidget(self.epochs_label)
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("resumeEpochs")
        self.epochs_spin.setRange(1, 10_000)
        self.epochs_spin.setSuffix(self.tr(" epochs"))
        self.epochs_spin.setToolTip(self.tr("How many epochs the run should have in all when it ends. Training "
                                            "continues from its last finished epoch with the same optimizer state."))
        row.addWidget(self.epochs_spin)
        row.addSpacing(12)
        self.duplicate_button = QPushButton(self.tr("&New run with these settings"))
        self.duplicate_button.setObjectName("duplicateRun")
        self.duplicate_button.clicked.connect(lambda: self.duplicate_selected())
        row.addWidget(self.duplicate_button)
        self.job_button = QPushButton(self.tr("Export training &job…"))
        self.job_button.setObjectName("exportJob")
        self.job_button.clicked.connect(lambda: self.export_job())
        row.addWidget(self.job_button)
        self.csv_button = QPushButton(self.tr("Save metrics as &CSV…"))
        self.csv_button.setObjectName("saveMetrics")
        self.csv_button.clicked.connect(lambda: self.save_metrics_csv())
        row.addWidget(self.csv_button)
        self.folder_button = QPushButton(self.tr("Open f&older"))
        self.folder_button.setObjectName("openRunFolder")
        self.folder_button.clicked.connect(lambda: self.open_folder())
        row.addWidget(self.folder_button)
        row.addStretch(1)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.setObjectName("deleteRuns")
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        row.addWidget(self.delete_button)
        return row

    def _build_side(self) -> QStackedWidget:
        self.side = QStackedWidget()
        self.side_hint = QLabel(self.tr("Click a run in the table to see how it did. Select several (Ctrl or Shift + "
                                        "click) to compare their curves and the settings that differ."))
        self.side_hint.setWordWrap(True)
        self.side_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side_hint.setMargin(24)
        self.side.addWidget(self.side_hint)
        self.details_box = QGroupBox(self.tr("The chosen run"))
        details_layout = QVBoxLayout(self.details_box)
        self.details_view = RunDetailsView()
        self.details_view.open_in_playground.connect(self.open_in_playground_requested)
        details_layout.addWidget(self.details_view)
        self.side.addWidget(self.details_box)
        self.diff_box = QGroupBox(self.tr("Settings that differ"))
        diff_layout = QVBoxLayout(self.diff_box)
        self.diff_table = SettingsDiffTable()
        diff_layout.addWidget(self.diff_table)
        self.side.addWidget(self.diff_box)
        return self.side

    # ----- the run list ---------------------------------------------------------------------------
    def _get_store(self) -> RunStore:
        if self._store is None:
            if self._runs_dir is None:
                from engine.paths import runs_dir

                self._runs_dir = runs_dir()
            self._store = RunStore(self._runs_dir)
        return self._store

    def refresh(self) -> None:
        """Read the run index again (dropping rows whose folder was deleted by hand) and show it,
        keeping the selection, the sort order and the filters."""
        try:
            store = self._get_store()
            store.forget_missing()
            store.mark_interrupted()
            records = store.list_runs()
        except (ModelDeskError, sqlite3.Error, OSError) as exc:
            log.warning("the run list could not be read", exc_info=True)
            message = (say(exc.message) if isinstance(exc, ModelDeskError) else
                       self.tr("The run index could not be read ({error}).").format(error=exc))
            self._records = {}
            self._fill_table([])
            self.empty_label.setText(self.tr("The run history cannot be shown."))
            self.empty_hint.setText(message)
            self.stack.setCurrentIndex(0)
            self.count_label.setText("")
            return
        self._records = {record.id: record for record in records}
        self._fill_table(records)
        self.empty_label.setText(self.tr(EMPTY_TEXT))
        self.empty_hint.setText(self.tr(EMPTY_HINT))
        self.stack.setCurrentIndex(1 if records else 0)
        for widget in (self.filter_edit, self.task_filter, self.status_filter):
            widget.setEnabled(bool(records))

    def _fill_table(self, records: list[RunRecord]) -> None:
        selected = {record.id for record in self.selected_runs()}
        table = self.table
        with QSignalBlocker(table), QSignalBlocker(table.selectionModel()):
            table.setSortingEnabled(False)
            table.clearSelection()
            table.setRowCount(len(records))
            for row, record in enumerate(records):
                for column, (text, value, tip) in enumerate(self._cells(record)):
                    item = _SortItem(text)
                    item.setData(VALUE_ROLE, value)
                    if tip:
                        item.setToolTip(tip)
                    if column in (BEST, EPOCHS, TIME):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if column == DATE:
                        item.setData(RUN_ID_ROLE, record.id)
                    table.setItem(row, column, item)
            table.setSortingEnabled(True)  # sorts by the header's current column and order
            self._fit_columns()
            selection = table.selectionModel()
            for row in range(table.rowCount()):
                if self._row_id(row) in selected:
                    selection.select(table.model().index(row, 0),
                                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._apply_filters()

    def _fit_columns(self) -> None:
        """Every column as wide as its contents (long dataset or model names up to a limit);
        the settings take the rest."""
        for column in range(len(COLUMNS)):
            if column != SETTINGS:
                self.table.resizeColumnToContents(column)
                self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 6, MAX_COLUMN_WIDTH))

    def _cells(self, record: RunRecord) -> list[tuple[str, Any, str]]:
        """(text, sort value, tooltip) of each column for `record`."""
        planned = record.params.get("epochs")
        epochs = (self.tr("{done} of {planned}").format(done=record.epochs_done, planned=planned) if planned
                  else str(record.epochs_done))
        settings = settings_words(record.params)
        best = headline_words(record.task, record.best_val_accuracy, record.dataset, record.best_val_loss)
        if record.task == "textgen":  # lower perplexity is better: sorts with the shares, higher better
            value = math.exp(-record.best_val_loss) if best else -1.0
        else:
            value = record.best_val_accuracy if record.best_val_accuracy is not None else -1.0
        return [
            (format_date(record.created), record.created, f"{record.id}\n{record.folder}"),
            (task_short_name(record.task), task_name(record.task), task_name(record.task)),
            (dataset_name(record.dataset), dataset_name(record.dataset).lower(), record.dataset),
            (record.model, record.model.lower(), record.model),
            (settings, settings, settings),
            (status_name(record.status), status_name(record.status), status_tip(record.status)),
            (best, value, ""),
            (epochs, record.epochs_done, ""),
            (format_duration(record.seconds), float(record.seconds or 0.0), ""),
        ]

    def _row_id(self, row: int) -> str | None:
        item = self.table.item(row, DATE)
        return item.data(RUN_ID_ROLE) if item is not None else None

    def _apply_filters(self) -> None:
        words = self.filter_edit.text().lower().split()
        task, status = self.task_filter.currentData(), self.status_filter.currentData()
        shown = 0
        for row in range(self.table.rowCount()):
            record = self._records.get(self._row_id(row) or "")
            text = " ".join(self.table.item(row, c).text() for c in range(len(COLUMNS)) if self.table.item(row, c))
            text = f"{text} {record.id if record else ''} {record.dataset if record else ''}".lower()
            visible = (record is not None and all(word in text for word in words)
                       and task in (None, record.task) and status in (None, record.status))
            self.table.setRowHidden(row, not visible)
            shown += visible
        total = self.table.rowCount()
        one = total == 1
        if not total:
            self.count_label.setText("")
        elif shown == total:
            self.count_label.setText((self.tr("{total} run") if one else self.tr("{total} runs")).format(total=total))
        elif shown:
            self.count_label.setText((self.tr("{shown} of {total} run shown") if one else
                                      self.tr("{shown} of {total} runs shown")).format(shown=shown, total=total))
        else:
            self.count_label.setText((self.tr("No run matches the filter ({total} run in all)") if one else
                                      self.tr("No run matches the filter ({total} runs in all)")).format(total=total))
        self._on_selection_changed()

    def run_ids_shown(self) -> list[str]:
        """The ids of the rows shown (not filtered out), top to bottom as sorted now."""
        return [self._row_id(row) for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]

    def select_runs(self, run_ids: list[str]) -> None:
        """Select the rows of `run_ids` (those shown), as a click and Ctrl+clicks would."""
        wanted = set(run_ids)
        model, selection = self.table.model(), self.table.selectionModel()
        with QSignalBlocker(self.table), QSignalBlocker(selection):
            self.table.clearSelection()
            for row in range(self.table.rowCount()):
                if self._row_id(row) in wanted and not self.table.isRowHidden(row):
                    selection.select(model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._on_selection_changed()

    def selected_runs(self) -> list[RunRecord]:
        """The chosen runs that are shown, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [self._row_id(row) for row in rows if not self.table.isRowHidden(row)]
        return [self._records[run_id] for run_id in ids if run_id in self._records]

    # ----- what the selection shows ---------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        runs = self.selected_runs()
        compared = [ComparedRun(name, r.task, Path(r.folder), dict(r.params)) for name, r in zip(run_names(runs), runs)]
        self.curves_view.show_runs(compared)
        if len(runs) == 1:
            self.details_view.show_run(runs[0], exported_model(runs[0]))
            self.side.setCurrentWidget(self.details_box)
        elif len(runs) > 1:
            self.diff_table.show_runs(compared)
            self.side.setCurrentWidget(self.diff_box)
        else:
            self.side.setCurrentWidget(self.side_hint)
        self._update_epochs_spin(runs[0] if len(runs) == 1 else None)
        self._update_actions()

    def _update_epochs_spin(self, record: RunRecord | None) -> None:
        if record is None:
            return
        planned = int(record.params.get("epochs") or 0)
        done = int(record.epochs_done or 0)
        if record.status == "finished" or planned <= done:
            total = done + max(1, planned // 2 if planned else 5)  # extend by half the plan
        else:
            total = planned
        self.epochs_spin.setMinimum(done + 1)
        self.epochs_spin.setValue(total)
        finished = record.status == "finished"
        self.resume_button.setText(self.tr("&Add epochs") if finished else self.tr("&Resume"))

    def _update_actions(self) -> None:
        runs = self.selected_runs()
        one = runs[0] if len(runs) == 1 else None
        choose_one = self.tr("Choose one run in the table first.") if not runs else self.tr("Choose just one run for this.")
        gone = one is not None and not Path(one.folder).is_dir()
        gone_text = self.tr("This run's folder was deleted; press Refresh.")

        def resume_reason() -> str | None:
            if one is None:
                return choose_one
            if one.status not in RESUMABLE:
                return (self.tr("This run is training now.") if one.status == "running" else
                        self.tr("This run failed; start a new run with its settings instead."))
            if self._state.is_training:
                return self.tr("Wait until the current training has finished.")
            if not last_checkpoint(one).is_file():
                return self.tr("This run saved no checkpoint to continue from (it ended before its first epoch "
                               "finished).")
            return None

        def csv_reason() -> str | None:
            if one is None:
                return choose_one
            if gone:
                return gone_text
            if not (Path(one.folder) / "metrics.csv").is_file():
                return self.tr("This run has no metrics yet: it ended before its first epoch finished.")
            return None

        def delete_reason() -> str | None:
            if not runs:
                return self.tr("Choose the runs to delete in the table first.")
            if any(r.status == "running" for r in runs):
                return self.tr("A chosen run is training now; stop it before deleting it.")
            return None

        self._set_action(self.resume_button, resume_reason(),
                         self.tr("Continue training from the last finished epoch, with the same optimizer state, "
                                 "until the run has the number of epochs on the right."))
        self.epochs_spin.setEnabled(self.resume_button.isEnabled())
        self.epochs_label.setEnabled(self.resume_button.isEnabled())
        self._set_action(self.duplicate_button, choose_one if one is None else None,
                         self.tr("Put this run's settings on the Model page, to train a new run from them (change "
                                 "what you like first)."))
        self._set_action(self.job_button, choose_one if one is None else None,
                         self.tr("Save this run's settings as a training job file and show the command that trains "
                                 "it without the window ({command}).").format(
                             command="modeldesk-cli train --config FILE"))
        self._set_action(self.csv_button, csv_reason(), self.tr("Save the run's figures for every epoch as a CSV file "
                                                                "(opens in a spreadsheet)."))
        self._set_action(self.folder_button, (choose_one if one is None else gone_text if gone else None),
                         self.tr("Show the run's folder (settings, metrics, checkpoints, exported model) in your file "
                                 "manager."))
        self._set_action(self.delete_button, delete_reason(),
                         self.tr("Delete the chosen runs: their folders (checkpoints, metrics, exported models) and "
                                 "their place in this list. You are asked first."))

    @staticmethod
    def _set_action(button: QPushButton, reason: str | None, tip: str) -> None:
        """Enable `button` with `tip`, or disable it with `reason` (why not) as its tooltip."""
        button.setEnabled(reason is None)
        button.setToolTip(tip if reason is None else reason)

    # ----- actions ----------------------------------------------------------------------------------
    def _single(self, title: str) -> RunRecord | None:
        """The one chosen run, still on disk; otherwise say why (one sentence) and refresh."""
        runs = self.selected_runs()
        if len(runs) != 1:
            self._state.status_message.emit(self.tr("Choose one run in the table first."))
            return None
        record = runs[0]
        if not Path(record.folder).is_dir():
            show_error(self, title, self.tr("The folder of the run '{name}' was deleted, so it is no longer in the "
                                            "list.").format(name=run_name(record)))
            self.refresh()
            return None
        return record

    def resume_selected(self, total_epochs: int | None = None) -> bool:
        """Ask the window to continue the chosen run until `total_epochs` (default: the spin
        box) by emitting `resume_requested(last checkpoint, total epochs)`; False when it cannot."""
        record = self._single(self.tr("Cannot resume"))
        if record is None:
            return False
        checkpoint = last_checkpoint(record)
        if not checkpoint.is_file():
            show_error(self, self.tr("Cannot resume"), self.tr("This run saved no checkpoint to continue from, so it "
                                                               "cannot be resumed; start a new run with its settings "
                                                               "instead."))
            return False
        if self._state.is_training:
            show_error(self, self.tr("Cannot resume"), self.tr("Another run is training now; wait until it has finished."))
            return False
        total = int(total_epochs if total_epochs is not None else self.epochs_spin.value())
        self.resume_requested.emit(str(checkpoint), total)
        return True

    def duplicate_selected(self) -> dict | None:
        """Emit `duplicate_requested` with a copy of the chosen run's settings; returns them."""
        runs = self.selected_runs()
        if len(runs) != 1:
            self._state.status_message.emit(self.tr("Choose one run in the table first."))
            return None
        config = dict(runs[0].params)
        self.duplicate_requested.emit(config)
        return config

    def _remembered_path(self, name: str) -> str:
        folder = app_settings().value(EXPORT_DIR_KEY, "") or str(Path.home())
        return str(Path(str(folder)) / name)

    def export_job(self, path: str | os.PathLike | None = None) -> str | None:
        """Write the chosen run's whole configuration as a training job file at `path` (asks
        where when None) and show the command that runs it headless; returns that command."""
        record = self._single(self.tr("Training job not saved"))
        if record is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the training job"),
                                                  self._remembered_path(f"{record.id}-job.json"),
                                                  self.tr("Training jobs (*.json)"))
            if not path:
                return None
        path = str(path)
        if not path.lower().endswith(".json"):
            path += ".json"
        from engine.train.config import TrainConfig
        from engine.train.job_file import write_job

        try:
            command = write_job(path, TrainConfig.from_dict(record.params))
        except ModelDeskError as exc:
            show_error(self, self.tr("Training job not saved"), exc.message, exc.details)
            return None
        app_settings().setValue(EXPORT_DIR_KEY, str(Path(path).parent))
        self.job_dialog = JobCommandDialog(path, command, self)
        self.job_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.job_dialog.open()
        self._state.status_message.emit(self.tr("Training job saved to {path}").format(path=path))
        return command

    def save_metrics_csv(self, path: str | os.PathLike | None = None) -> Path | None:
        """Copy the chosen run's metrics.csv to `path` (asks where when None), atomically;
        returns where it went, or None (after saying why in one sentence)."""
        record = self._single(self.tr("Metrics not saved"))
        if record is None:
            return None
        source = Path(record.folder) / "metrics.csv"
        if not source.is_file():
            show_error(self, self.tr("Metrics not saved"), self.tr("This run has no metrics yet: it ended before its "
                                                                   "first epoch finished."))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the metrics as CSV"),
                                                  self._remembered_path(f"{record.id}-metrics.csv"),
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return None
        path = Path(path)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        from engine.atomic import copy_atomic

        try:
            copy_atomic(source, path)
        except ModelDeskError as exc:
            show_error(self, self.tr("Metrics not saved"), exc.message, exc.details)
            return None
        app_settings().setValue(EXPORT_DIR_KEY, str(path.parent))
        self._state.status_message.emit(self.tr("Metrics saved to {path}").format(path=path))
        return path

    def open_folder(self) -> bool:
        """Show the chosen run's folder in the file manager (through `open_url`)."""
        record = self._single(self.tr("Folder not opened"))
        if record is None:
            return False
        if not self.open_url(QUrl.fromLocalFile(str(record.folder))):
            show_error(self, self.tr("Folder not opened"),
                       self.tr("The file manager could not be opened; the run's folder is {folder}.").format(
                           folder=record.folder))
            return False
        return True

    def delete_selected(self) -> QMessageBox | None:
        """Ask whether to delete the chosen runs (naming them); on Delete, remove their folders
        and index rows. Returns the question box (already open), or None when nothing is chosen."""
        runs = self.selected_runs()
        if not runs:
            self._state.status_message.emit(self.tr("Choose the runs to delete in the table first."))
            return None
        names = [run_name(r) for r in runs]
        if len(runs) == 1:
            text = self.tr("Delete the run '{name}'?").format(name=names[0])
        else:
            listed = "\n".join(f"• {name}" for name in names[:8])
            more = "\n" + self.tr("… and {count} more").format(count=len(names) - 8) if len(names) > 8 else ""
            text = self.tr("Delete these {count} runs?").format(count=len(runs)) + f"\n{listed}{more}"
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete runs"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmDelete")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setInformativeText(self.tr("Their folders, with checkpoints, metrics, samples and exported models, are "
                                       "removed from the disk. This cannot be undone."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ids = [r.id for r in runs]
        box.buttonClicked.connect(lambda button: self._delete(ids) if button is box.button(QMessageBox.StandardButton.Yes) else None)
        self.confirm_box = box
        box.open()
        return box

    def _delete(self, run_ids: list[str]) -> None:
        store = self._get_store()
        failures: list[str] = []
        for run_id in run_ids:
            try:
                store.delete_run(run_id)
            except ModelDeskError as exc:
                failures.append(say(exc.message))
        self.refresh()
        deleted = len(run_ids) - len(failures)
        if deleted:
            self._state.status_message.emit((self.tr("Deleted {count} run.") if deleted == 1 else
                                             self.tr("Deleted {count} runs.")).format(count=deleted))
        if failures:
            show_error(self, self.tr("Not deleted"), failures[0], "\n".join(failures))

    # ----- refreshing -----------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def _refresh_if_shown(self, *_: Any) -> None:
        if self.isVisible():
            self.refresh()

    def _on_training_running(self, running: bool) -> None:
        if running:
            self.live_timer.start()
        else:
            self.live_timer.stop()
        self._refresh_if_shown()
        self._update_actions()

    def _follow_training(self) -> None:
        """Read the index again; redraw the chosen runs' curves and details when one of them moved."""
        if not self.isVisible():
            return
        before = {run_id: (r.status, r.epochs_done, r.best_val_accuracy) for run_id, r in self._records.items()}
        chosen = {record.id for record in self.selected_runs()}
        self.refresh()
        moved = {run_id for run_id, r in self._records.items()
                 if before.get(run_id) != (r.status, r.epochs_done, r.best_val_accuracy)}
        if moved & chosen:
            self._on_selection_changed()
