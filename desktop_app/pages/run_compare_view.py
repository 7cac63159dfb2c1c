"""Comparing runs: their per-epoch curves overlaid on one plot, and the settings that differ.

Reads each run's metrics.csv through engine.runs.compare (no torch)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.epoch_plots import epoch_plot, plot_legend
from desktop_app.plotting import pg
from desktop_app.run_words import format_value
from engine.runs.compare import curve, differing_settings, read_history, shared_curves

MAX_CURVES = 10  # runs overlaid at once; more would be unreadable
# Tableau 10: distinct on white, and the order the other plots of the app use.
COLORS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75),
          (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]
PERCENT_KEYS = {"val_accuracy", "train_accuracy", "recognised", "exact_match"}  # shares 0..1 shown as %
PLOT_TIP = QT_TRANSLATE_NOOP("RunCurvesView", "Each line is one of the chosen runs, epoch by epoch. Choose what to "
                                              "compare above the plot.\nSelect several runs in the table (Ctrl or "
                                              "Shift + click) to overlay them.")
# engine.runs.compare's curve names (its English label -> the same, marked for translation), shown
# translated; a label not listed here is shown as the engine wrote it.
CURVE_LABELS = {label: label for label in (
    QT_TRANSLATE_NOOP("RunCurvesView", "validation accuracy"),
    QT_TRANSLATE_NOOP("RunCurvesView", "validation loss"),
    QT_TRANSLATE_NOOP("RunCurvesView", "training loss"),
    QT_TRANSLATE_NOOP("RunCurvesView", "training accuracy"),
    QT_TRANSLATE_NOOP("RunCurvesView", "recognised samples"),
    QT_TRANSLATE_NOOP("RunCurvesView", "discriminator loss"),
    QT_TRANSLATE_NOOP("RunCurvesView", "generator loss"),
    QT_TRANSLATE_NOOP("RunCurvesView", "exact match"),
    QT_TRANSLATE_NOOP("RunCurvesView", "validation perplexity"),
)}
# engine.runs.compare's setting names, the same way (rows of the settings table).
SETTING_LABELS = {label: label for label in (
    QT_TRANSLATE_NOOP("SettingsDiffTable", "task"), QT_TRANSLATE_NOOP("SettingsDiffTable", "dataset"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "model"), QT_TRANSLATE_NOOP("SettingsDiffTable", "epochs"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "batch size"), QT_TRANSLATE_NOOP("SettingsDiffTable", "learning rate"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "optimizer"), QT_TRANSLATE_NOOP("SettingsDiffTable", "schedule"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "weight decay"), QT_TRANSLATE_NOOP("SettingsDiffTable", "augmentation"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "patience"), QT_TRANSLATE_NOOP("SettingsDiffTable", "validation share"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "seed"), QT_TRANSLATE_NOOP("SettingsDiffTable", "picture size"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "tokeniser"), QT_TRANSLATE_NOOP("SettingsDiffTable", "label smoothing"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "sentence options"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "sequence length"), QT_TRANSLATE_NOOP("SettingsDiffTable", "device"),
    QT_TRANSLATE_NOOP("SettingsDiffTable", "mixed precision"), QT_TRANSLATE_NOOP("SettingsDiffTable", "data folder"),
)}


def curve_label(label: str) -> str:
    """An engine curve name in the window's language (unknown ones as they are)."""
    return QCoreApplication.translate("RunCurvesView", CURVE_LABELS[label]) if label in CURVE_LABELS else label


def setting_label(label: str) -> str:
    """An engine setting name in the window's language (unknown ones as they are)."""
    return QCoreApplication.translate("SettingsDiffTable", SETTING_LABELS[label]) if label in SETTING_LABELS else label


@dataclass(frozen=True)
class ComparedRun:
    """What the comparison needs of a run: its name, task, folder and settings."""

    name: str
    task: str
    folder: Path
    params: dict[str, Any]


class RunCurvesView(QWidget):
    """One plot with a curve per run for the chosen metric. The curves are made once (up to
    MAX_CURVES) and refreshed with setData."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[ComparedRun] = []
        self._histories: list[list[dict[str, float]]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare:")))
        self.metric_combo = QComboBox()
        self.metric_combo.setObjectName("metricChoice")
        self.metric_combo.setToolTip(self.tr("The figure to draw for each chosen run. Only figures every chosen run "
                                             "has are offered."))
        self.metric_combo.setMinimumContentsLength(18)
        self.metric_combo.currentIndexChanged.connect(self._draw)
        row.addWidget(self.metric_combo)
        row.addStretch(1)
        self.note = QLabel("")
        self.note.setObjectName("curvesNote")
        self.note.setWordWrap(True)
        row.addWidget(self.note, 2)
        layout.addLayout(row)
        self.plot = epoch_plot("", "", self.tr(PLOT_TIP))
        self.plot.setObjectName("runCurves")
        self.plot.setMinimumSize(280, 200)
        self.legend = plot_legend(self.plot, (-10, -10))
        self.curves = [self.plot.plot([], [], pen=pg.mkPen(color, width=2), symbol="o", symbolSize=5,
                                      symbolPen=pg.mkPen(color), symbolBrush=pg.mkBrush(color))
                       for color in COLORS[:MAX_CURVES]]
        for item in self.curves:
            item.hide()
        layout.addWidget(self.plot, 1)

    def show_runs(self, runs: Sequence[ComparedRun]) -> None:
        """Overlay the curves of `runs` (the first MAX_CURVES), keeping the chosen metric when
        every run has it."""
        self._runs = list(runs)[:MAX_CURVES]
        self._histories = [read_history(run.folder) for run in self._runs]
        choices = shared_curves([run.task for run in self._runs])
        previous = self.metric_combo.currentData()
        self.metric_combo.blockSignals(True)
        self.metric_combo.clear()
        for key, label in choices.items():
            self.metric_combo.addItem(curve_label(label), key)
        with_data = [key for key in choices if any(curve(history, key)[0] for history in self._histories)]
        if previous not in with_data:
            previous = with_data[0] if with_data else None  # the most useful figure the runs have
        index = self.metric_combo.findData(previous)
        self.metric_combo.setCurrentIndex(index if index >= 0 else 0)
        self.metric_combo.blockSignals(False)
        self.metric_combo.setEnabled(bool(choices))
        notes = []
        if len(runs) > MAX_CURVES:
            notes.append(self.tr("Showing the first {shown} of the {count} chosen runs.").format(shown=MAX_CURVES,
                                                                                                 count=len(runs)))
        if self._runs and not choices:
            notes.append(self.tr("These runs have no figure in common to compare; choose runs of the same task."))
        self.note.setText(" ".join(notes))
        self._draw()

    def metric(self) -> str | None:
        """The metrics.csv column drawn now (None when there is none)."""
        return self.metric_combo.currentData()

    def set_metric(self, key: str) -> bool:
        """Draw the metric `key` when it is offered; False when it is not."""
        index = self.metric_combo.findData(key)
        if index >= 0:
            self.metric_combo.setCurrentIndex(index)
        return index >= 0

    def shown_curves(self) -> list[pg.PlotDataItem]:
        """The curves on the plot now, one per shown run, in the order of the runs."""
        return [item for item in self.curves if item.isVisible()]

    def _draw(self) -> None:
        key = self.metric()
        label = self.metric_combo.currentText()
        percent = key in PERCENT_KEYS
        self.legend.clear()
        for index, item in enumerate(self.curves):
            if key is None or index >= len(self._runs):
                item.setData([], [])
                item.hide()
                continue
            epochs, values = curve(self._histories[index], key)
            if percent:
                values = [100 * v for v in values]
            item.setData(epochs, values)
            item.show()
            name = self._runs[index].name + ("" if epochs else self.tr(" (no figures yet)"))
            self.legend.addItem(item, name)
        self.legend.setVisible(key is not None and bool(self._runs))
        last = max((max(item.xData) for item in self.shown_curves() if item.xData is not None and len(item.xData)),
                   default=0)
        # Whole epochs only: a few epochs would otherwise get ticks at 1.5, 2.5…
        self.plot.getAxis("bottom").setTicks([[(e, str(e)) for e in range(1, int(last) + 1)]] if 0 < last <= 12 else None)
        title = f"{label[:1].upper()}{label[1:]}" if key else ""
        theme.plot_title(self.plot, title)
        self.plot.setLabel("left", "%" if percent else label)
        # Losses fall towards the bottom right, scores climb towards the top right: keep the legend clear of them.
        self.legend.setOffset((-10, 10) if key and "loss" in key else (-10, -10))


def _header_text(name: str) -> str:
    """'mlp on digits, 03-14 09:05' on three lines, so that several runs fit side by side."""
    what, _, when = name.rpartition(", ")
    if not what:
        return name
    model, found, dataset = what.partition(" on ")
    on = QCoreApplication.translate("SettingsDiffTable", "on {dataset}").format(dataset=dataset)
    return "\n".join([model, on, when] if found else [what, when])


def _swatch(color: tuple[int, int, int]) -> QIcon:
    """A small square of `color`, to tie a table column to its curve."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(*color))
    return QIcon(pixmap)


class SettingsDiffTable(QTableWidget):
    """Rows are the settings that differ between the runs, columns the runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self._shown: list[tuple[str, list[str]]] = []
        self.setObjectName("settingsDiff")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setDefaultSectionSize(130)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(self.tr("Only the settings that are not the same in every chosen run are listed."))

    def show_runs(self, runs: Sequence[ComparedRun]) -> None:
        """List the settings whose values differ between `runs` (none: one row saying so)."""
        differences = differing_settings([run.params for run in runs])
        self._shown = [(name, [format_value(v) for v in values]) for name, values in differences]
        self.clear()
        self.clearSpans()
        self.setColumnCount(len(runs))
        for column, run in enumerate(runs):
            item = QTableWidgetItem(_header_text(run.name))
            item.setToolTip(f"{run.name}\n{run.folder}")
            if column < MAX_CURVES:
                item.setIcon(_swatch(COLORS[column]))  # the colour of its curve
            self.setHorizontalHeaderItem(column, item)
        self.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch if len(runs) <= 3 else QHeaderView.ResizeMode.ResizeToContents)
        if not differences:
            self.setRowCount(1)
            self.setVerticalHeaderLabels([""])
            item = QTableWidgetItem(self.tr("These runs used the same settings."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(0, 0, item)
            if len(runs) > 1:
                self.setSpan(0, 0, 1, len(runs))
            return
        self.setRowCount(len(differences))
        self.setVerticalHeaderLabels([setting_label(name) for name, _ in differences])
        for row, (_, values) in enumerate(differences):
            for column, value in enumerate(values):
                item = QTableWidgetItem(format_value(value))
                item.setToolTip(format_value(value))
                self.setItem(row, column, item)

    def differences(self) -> list[tuple[str, list[str]]]:
        """What the table shows: (setting, values as shown) per row; empty when none differ."""
        return list(self._shown)
