"""The Train page: Start, Pause/Resume, Stop, a progress bar with time left, live curves and a log.

Training runs through `desktop_app.workers`; engine events arrive as queued signals and are
only collected in lists. A timer pushes what changed into curves created once, each plot at
most 5 times a second, and one plot per tick (`REFRESH_STEPS`), so no repaint redraws every
plot at once. The curves
depend on the task: the classifier's are built here, a GAN's live in `gan_train_view`, a
translator's in `translate_train_view`; a stacked widget shows the one for the chosen task.
Runs that make something to try (a generator, a translator) are exported when they end and
offered to the Playground through one button and the `open_in_playground` signal.
"""

from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from desktop_app.dialogs import show_error
from desktop_app.engine_words import say
from desktop_app.epoch_plots import BestEpochLine, cache_axes
from desktop_app.pages.gan_train_view import GanTrainView
from desktop_app.pages.textgen_train_view import TextgenTrainView
from desktop_app.pages.translate_train_view import TranslateTrainView
from desktop_app.plotting import pg
from desktop_app.state import AppState, result_task
from desktop_app.workers import BackgroundTask, run_in_background

REFRESH_MS = 200  # each plot repaints at most 5 times a second
# A refresh is spread over this many timer ticks (REFRESH_MS / REFRESH_STEPS apart), one plot per
# tick: redrawing all four plots in one go held the GUI thread for about 100 ms while training at
# full speed on two cores, which a click or a keypress had to wait for.
REFRESH_STEPS = 4
CLASSIFIER_PLOTS = ("loss", "accuracy", "lr", "speed")  # the classifier's plots, in refresh order
SMOOTHING = 0.9  # exponential moving average of the batch loss

BLUE, ORANGE, GREEN, GREY = (31, 119, 180), (255, 127, 14), (44, 160, 44), (150, 150, 150)


def _plot(title: str, left: str, legend_offset: tuple[int, int] = (-10, 10)) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.setBackground("w")
    plot.setTitle(title, color="#333", size="11pt")
    plot.setLabel("bottom", QCoreApplication.translate("TrainPage", "epoch"))
    plot.setLabel("left", left)
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.addLegend(offset=legend_offset, labelTextColor="#333")
    plot.setMouseEnabled(x=False, y=False)
    plot.setMenuEnabled(False)
    cache_axes(plot)
    return plot


def format_seconds(seconds: float) -> str:
    """'45 s', '3 min 20 s', '1 h 05 min' for a time span."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return QCoreApplication.translate("TrainPage", "{seconds} s").format(seconds=seconds)
    if seconds < 3600:
        return QCoreApplication.translate("TrainPage", "{minutes} min {seconds} s").format(
            minutes=seconds // 60, seconds=f"{seconds % 60:02d}")
    return QCoreApplication.translate("TrainPage", "{hours} h {minutes} min").format(
        hours=seconds // 3600, minutes=f"{(seconds % 3600) // 60:02d}")


def _percent(share: float) -> str:
    """'98.8%', '100%', '0%' for a share between 0 and 1 ('100%' only when all of them)."""
    text = f"{100 * share:.1f}"
    if text == "100.0" and share < 1:
        text = "99.9"
    return text.rstrip("0").rstrip(".") + "%"


def gan_summary(result) -> str:
    """'Best epoch 180: 82% of samples recognised, 10 of 10 classes' for a GanResult."""
    if result.epochs_done <= 0:
        return QCoreApplication.translate("TrainPage", "No epoch finished, so there is no generator to try yet.")
    if isinstance(result.recognised, float) and math.isnan(result.recognised):
        return QCoreApplication.translate("TrainPage", "Best epoch {epoch}.").format(epoch=result.best_epoch)
    values = dict(epoch=result.best_epoch, recognised=f"{100 * result.recognised:.0f}", coverage=result.coverage,
                  classes=result.num_classes)
    if result.agreement is not None:
        return QCoreApplication.translate(
            "TrainPage", "Best epoch {epoch}: {recognised}% of samples recognised, {coverage} of {classes} classes, "
            "{agreement}% drawn as the class asked for.").format(agreement=f"{100 * result.agreement:.0f}", **values)
    return QCoreApplication.translate(
        "TrainPage", "Best epoch {epoch}: {recognised}% of samples recognised, {coverage} of {classes} classes."
    ).format(**values)


def translate_summary(result) -> str:
    """'Best epoch 3: BLEU 100.0 · 100% exactly right · held-out test 1,000 sentences: 100% exactly right'
    for a TranslateResult (chrF instead of "exactly right" when the data has many right answers)."""
    if result.epochs_done <= 0:
        return QCoreApplication.translate("TrainPage", "No epoch finished, so there is no translator to try yet.")
    text = QCoreApplication.translate("TrainPage", "Best epoch {epoch}: BLEU {bleu}").format(
        epoch=result.best_epoch, bleu=f"{result.bleu:.1f}")
    if result.exact_match is not None:
        text += " · " + QCoreApplication.translate("TrainPage", "{percent} exactly right").format(
            percent=_percent(result.exact_match))
    else:
        text += f" · chrF {result.chrf:.1f}"
    if result.test_size and result.test_bleu is not None:
        if result.test_exact_match is not None and result.exact_match is not None:
            score = QCoreApplication.translate("TrainPage", "{percent} exactly right").format(
                percent=_percent(result.test_exact_match))
        else:
            score = f"BLEU {result.test_bleu:.1f}"
        text += " · " + QCoreApplication.translate("TrainPage", "held-out test {count} sentences: {score}").format(
            count=f"{result.test_size:,}", score=score)
    return QCoreApplication.translate("TrainPage", "{summary}.").format(summary=text)


def textgen_summary(result) -> str:
    """'Best epoch 30: perplexity 4.21 (letter frequency alone: 27.9)' for a TextgenResult."""
    if result.epochs_done <= 0:
        return QCoreApplication.translate("TrainPage", "No epoch finished, so there is no text generator to try yet.")
    values = dict(epoch=result.best_epoch, perplexity=f"{result.val_perplexity:.2f}")
    if result.unigram_perplexity and math.isfinite(result.unigram_perplexity):
        return QCoreApplication.translate(
            "TrainPage", "Best epoch {epoch}: perplexity {perplexity} (letter frequency alone: {baseline})."
        ).format(baseline=f"{result.unigram_perplexity:.1f}", **values)
    return QCoreApplication.translate("TrainPage", "Best epoch {epoch}: perplexity {perplexity}.").format(**values)


# Tasks whose run ends with a model to try in the Playground: (what it is called, what to do
# with it, the button's tooltip, a summary of the result), translated where shown.
PLAYGROUND_MODELS = {
    "gan": (QT_TRANSLATE_NOOP("TrainPage", "generator"), QT_TRANSLATE_NOOP("TrainPage", "draw new pictures with it"),
            QT_TRANSLATE_NOOP("TrainPage", "Try the trained generator: draw new pictures in the Playground."),
            gan_summary),
    "translate": (QT_TRANSLATE_NOOP("TrainPage", "translator"),
                  QT_TRANSLATE_NOOP("TrainPage", "translate your own sentences with it"),
                  QT_TRANSLATE_NOOP("TrainPage", "Try the trained translator: type sentences and read its "
                                                 "translations in the Playground."),
                  translate_summary),
    "textgen": (QT_TRANSLATE_NOOP("TrainPage", "text generator"),
                QT_TRANSLATE_NOOP("TrainPage", "let it write from your own opening words"),
                QT_TRANSLATE_NOOP("TrainPage", "Try the trained text generator: give it a few words and watch it "
                                               "write in the Playground."),
                textgen_summary),
}


class TrainPage(QWidget):
    """Controls and live view of a training run."""

    open_in_playground = Signal(str)  # the path of a trained generator's or translator's ONNX file

    VIEW_INDEX = {"classify": 0, "gan": 1, "translate": 2, "textgen": 3}
    # Training runs below the GUI thread's priority (desktop_app.workers.lower_this_thread), so
    # the window answers at once; bench/gui_stall.py turns it off to measure what it costs.
    train_at_low_priority = True

    def __init__(self, state: AppState, model_page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model_page = model_page
        self._task: BackgroundTask | None = None
        self._control = None
        self._run_task = state.task  # the task of the run shown (or running)
        self.playground_path: str | None = None  # the last run's generator.onnx or translator.onnx
        self.playground_task: str | None = None  # the task that made it ("gan", "translate")
        self._reset_series()

        self.start_button = QPushButton(self.tr("&Start training"))
        self.start_button.setToolTip(self.tr("Train the chosen model on the chosen dataset."))
        self.pause_button = QPushButton(self.tr("&Pause"))
        self.pause_button.setToolTip(self.tr("Pause after the current step; press again to continue."))
        self.stop_button = QPushButton(self.tr("St&op"))
        self.stop_button.setToolTip(self.tr("End training now. The best model so far is kept and can be evaluated "
                                            "and exported."))
        self.start_button.clicked.connect(self.start_training)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop_training)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_label = QLabel(self.tr("Press Start training to begin."))
        self.progress_label.setWordWrap(True)  # a long summary wraps instead of widening the window
        self.speed_label = QLabel("")
        self.playground_button = QPushButton(self.tr("Open in Pla&yground"))
        self.playground_button.setToolTip(QCoreApplication.translate("TrainPage", PLAYGROUND_MODELS["gan"][2]))
        self.playground_button.clicked.connect(self._open_in_playground)
        self.playground_button.hide()
        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addWidget(self.progress_bar, 1)

        self.loss_plot = _plot(self.tr("Loss (lower is better)"), self.tr("loss"))
        self.accuracy_plot = _plot(self.tr("Accuracy (higher is better)"), self.tr("accuracy %"),
                                   legend_offset=(-10, -10))  # bottom right
        self.lr_plot = _plot(self.tr("Learning rate"), self.tr("learning rate"))
        self.speed_plot = _plot(self.tr("Speed"), self.tr("images / second"))
        self.batch_curve = self.loss_plot.plot([], [], pen=pg.mkPen(GREY, width=1), name=self.tr("each step"))
        self.smooth_curve = self.loss_plot.plot([], [], pen=pg.mkPen(BLUE, width=2),
                                                name=self.tr("training (smoothed)"))
        self.val_loss_curve = self.loss_plot.plot([], [], pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=6,
                                                  symbolBrush=ORANGE, name=self.tr("validation"))
        self.train_acc_curve = self.accuracy_plot.plot([], [], pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=5,
                                                       symbolBrush=BLUE, name=self.tr("training"))
        self.val_acc_curve = self.accuracy_plot.plot([], [], pen=pg.mkPen(ORANGE, width=2), symbol="o", symbolSize=6,
                                                     symbolBrush=ORANGE, name=self.tr("validation"))
        self.lr_curve = self.lr_plot.plot([], [], pen=pg.mkPen(GREEN, width=2), name=self.tr("per epoch"))
        self.speed_curve = self.speed_plot.plot([], [], pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=5,
                                                symbolBrush=BLUE, name=self.tr("training"))
        self.best_markers = [BestEpochLine(plot, self.tr("best"), GREEN)
                             for plot in (self.loss_plot, self.accuracy_plot)]

        self.classify_view = QWidget()
        grid = QGridLayout(self.classify_view)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.loss_plot, 0, 0)
        grid.addWidget(self.accuracy_plot, 0, 1)
        grid.addWidget(self.lr_plot, 1, 0)
        grid.addWidget(self.speed_plot, 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(2000)
        self.log_view.setFixedHeight(110)
        self.log_view.setPlaceholderText(self.tr("Training messages appear here."))

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        info = QHBoxLayout()
        info.addWidget(self.progress_label, 1)
        info.addWidget(self.speed_label)
        info.addWidget(self.playground_button)
        layout.addLayout(info)
        self.gan_view = GanTrainView()
        self.translate_view = TranslateTrainView()
        self.textgen_view = TextgenTrainView()
        self.views = QStackedWidget()
        self.views.addWidget(self.classify_view)
        self.views.addWidget(self.gan_view)
        self.views.addWidget(self.translate_view)
        self.views.addWidget(self.textgen_view)
        layout.addWidget(self.views, 1)
        layout.addWidget(self.log_view)
        self._show_view(state.task)
        state.task_changed.connect(self._on_task_changed)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS // REFRESH_STEPS)
        self._timer.timeout.connect(self.refresh_step)
        state.engine_ready.connect(lambda _: self._update_buttons())
        state.dataset_changed.connect(lambda *_: self._update_buttons())
        state.dataset_loading.connect(lambda _: self._update_buttons())
        self._dataset_loading = False
        state.dataset_loading.connect(self._on_dataset_loading)
        self._update_buttons()

    # ----- state ------------------------------------------------------------------------------
    def _reset_series(self) -> None:
        self.batch_x: list[float] = []
        self.batch_loss: list[float] = []
        self.smooth_loss: list[float] = []
        self.epoch_x: list[int] = []
        self.val_loss: list[float] = []
        self.train_acc: list[float] = []
        self.val_acc: list[float] = []
        self.learning_rates: list[float] = []
        self.speeds: list[float] = []
        self.best_epoch = 0
        self._stale: set[str] = set()  # the classifier plots (CLASSIFIER_PLOTS) with new points to show
        self._progress_dirty = False  # new steps to show in the progress bar and label
        self._refresh_tick = 0  # counts timer ticks: which step of the refresh comes next
        self._started_at = 0.0
        self._steps_done_at_start = 0
        self._steps_per_epoch = 1
        self._epochs = 1
        self._last_step = 0
        self._paused_at: tuple[int, int] | None = None

    def _show_view(self, task: str) -> None:
        self.views.setCurrentIndex(self.VIEW_INDEX.get(task, 0))

    @property
    def generator_path(self) -> str | None:
        """The last GAN run's generator.onnx (None after other tasks); see `playground_path`."""
        return self.playground_path if self.playground_task == "gan" else None

    def _on_task_changed(self, task: str) -> None:
        if not self.is_running():
            self._show_view(task)
            self.playground_button.setVisible(task == self.playground_task and self.playground_path is not None)

    def is_running(self) -> bool:
        """True while a training run is in progress (paused included)."""
        return self._task is not None

    def _on_dataset_loading(self, loading: bool) -> None:
        self._dataset_loading = loading
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.is_running()
        ready = self.state.engine is not None and self.state.dataset is not None and not self._dataset_loading
        self.start_button.setEnabled(ready and not running)
        if self.state.engine is None:
            self.start_button.setToolTip(self.tr("Loading the training engine… Start becomes available in a moment."))
        elif self.state.dataset is None:
            self.start_button.setToolTip(self.tr("Choose a dataset on the Data page first."))
        else:
            self.start_button.setToolTip(self.tr("Train the chosen model on the chosen dataset."))
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        paused = running and self._control is not None and self._control.paused
        self.pause_button.setText(self.tr("&Resume") if paused else self.tr("&Pause"))

    # ----- actions ----------------------------------------------------------------------------
    def start_training(self, config=None, resume_from: str | None = None) -> bool:
        """Start training with the Model page's settings, or continue the run whose checkpoint
        is `resume_from` with `config` (its own settings, epochs raised to train more; its own
        dataset is loaded again). Returns whether a run started (not while one runs)."""
        if self.is_running():
            return False
        if resume_from is None and not self.start_button.isEnabled():
            return False
        if resume_from is not None and self.state.engine is None:
            self.state.status_message.emit(self.tr("The training engine is still loading; try again in a moment."))
            return False
        from engine.train.control import TrainingControl
        from engine.train.tasks import train

        if resume_from is None:
            config, data = self.model_page.config(), self.state.dataset
        else:
            data = None  # the run's own dataset, whatever the Data page shows now
        control = TrainingControl()
        self._control = control
        self._run_task = config.task
        self._show_view(config.task)
        self._reset_series()
        self._clear_curves()
        self.gan_view.reset()
        self.translate_view.reset()
        self.textgen_view.reset()
        self.playground_path = self.playground_task = None
        self.playground_button.hide()
        self.speed_label.setText("")
        self.log_view.clear()
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Preparing the data…") if resume_from is None
                                    else self.tr("Loading the run's data and checkpoint…"))
        export = config.task in PLAYGROUND_MODELS  # a classifier is exported from the Evaluate page, the others right away

        def work(context):
            return train(config, emit=context.emit, control=control, data=data, export=export, resume_from=resume_from)

        self._task = run_in_background(work, name="training", on_event=self._on_event, on_success=self._on_finished,
                                       on_failure=self._on_failed, parent=self, low_priority=self.train_at_low_priority)
        self._task.finished.connect(self._on_task_ended)
        self.model_page.set_editable(False)
        self.state.set_training(True)
        self._timer.start()
        self._update_buttons()
        return True

    def paused_at(self) -> tuple[int, int] | None:
        """(epoch, step) where the running training stopped for a pause, once the worker has
        really paused; None while it trains (or is still finishing the step)."""
        return self._paused_at if self.is_running() else None

    def toggle_pause(self) -> None:
        """Pause a running training, or resume a paused one."""
        if self._control is None or not self.is_running():
            return
        if self._control.paused:
            self._control.resume()
            self._paused_at = None
            self._log(self.tr("Resumed."))
        else:
            self._control.pause()
            self.progress_label.setText(self.tr("Pausing after this step…"))
        self._update_buttons()

    def stop_training(self) -> None:
        """Ask the running training to end after the current step."""
        if self._control is not None and self.is_running():
            self._control.stop()
            self.progress_label.setText(self.tr("Stopping…"))
            self._log(self.tr("Stopping: the best model so far is kept."))

    def stop_and_wait(self, timeout_ms: int = 60_000) -> None:
        """Stop the training and block until its thread has ended (used when closing)."""
        task = self._task
        self.stop_training()
        if task is not None:
            task.wait(timeout_ms)

    # ----- events from the worker (GUI thread) ------------------------------------------------
    def _on_event(self, event) -> None:
        from engine.commands.progress import format_event
        from engine.train.events import (BatchEnd, EpochEnd, GanBatchEnd, GanEpochEnd, Paused, SamplesReady, Status,
                                         TextgenEpochEnd, TrainingFinished, TrainingStarted, TranslateEpochEnd)

        if isinstance(event, GanBatchEnd):
            self.gan_view.add_batch(event)
            self._last_step = event.global_step
            self._progress_dirty = True
        elif isinstance(event, BatchEnd) and self._run_task == "translate":
            self.translate_view.add_batch(event)
            self._last_step = event.global_step
            self._progress_dirty = True
        elif isinstance(event, BatchEnd) and self._run_task == "textgen":
            self.textgen_view.add_batch(event)
            self._last_step = event.global_step
            self._progress_dirty = True
        elif isinstance(event, TextgenEpochEnd):
            self.textgen_view.add_epoch(event)
            self.speed_label.setText(self.tr("{speed} characters/s · learning rate {rate}").format(
                speed=f"{event.samples_per_second:,.0f}", rate=f"{event.learning_rate:.2g}"))
            self._log(format_event(event))
        elif isinstance(event, TranslateEpochEnd):
            self.translate_view.add_epoch(event)
            self.speed_label.setText(self.tr("{speed} sentence pairs/s · learning rate {rate}").format(
                speed=f"{event.samples_per_second:,.0f}", rate=f"{event.learning_rate:.2g}"))
            self._log(format_event(event))
        elif isinstance(event, SamplesReady):
            self.gan_view.add_samples(event)
        elif isinstance(event, GanEpochEnd):
            self.gan_view.add_epoch(event)
            self.speed_label.setText(self.tr("{speed} images/s").format(speed=f"{event.samples_per_second:,.0f}"))
            self._log(format_event(event))
        elif isinstance(event, Status):
            self.progress_label.setText(say(event.message))
            self._log(format_event(event))
        elif isinstance(event, BatchEnd):
            x = event.global_step / event.steps_per_epoch
            self.batch_x.append(x)
            self.batch_loss.append(event.loss)
            previous = self.smooth_loss[-1] if self.smooth_loss else event.loss
            self.smooth_loss.append(SMOOTHING * previous + (1 - SMOOTHING) * event.loss)
            self._last_step = event.global_step
            self._stale.add("loss")
            self._progress_dirty = True
        elif isinstance(event, EpochEnd):
            self.epoch_x.append(event.epoch)
            self.val_loss.append(event.val_loss)
            self.train_acc.append(100 * event.train_accuracy)
            self.val_acc.append(100 * event.val_accuracy)
            self.learning_rates.append(event.learning_rate)
            self.speeds.append(event.samples_per_second)
            if event.is_best:
                self.best_epoch = event.epoch
            self.speed_label.setText(self.tr("{speed} images/s · learning rate {rate}").format(
                speed=f"{event.samples_per_second:,.0f}", rate=f"{event.learning_rate:.2g}"))
            self._stale.update(CLASSIFIER_PLOTS)
            self._log(format_event(event))
        elif isinstance(event, TrainingStarted):
            self._steps_per_epoch, self._epochs = event.steps_per_epoch, event.epochs
            self._steps_done_at_start = (event.start_epoch - 1) * event.steps_per_epoch
            self._started_at = time.monotonic()
            self.progress_bar.setMaximum(event.epochs * event.steps_per_epoch)
            self.progress_bar.setValue(self._steps_done_at_start)
            if self._run_task == "gan":
                self.gan_view.start(event)
            elif self._run_task == "translate":
                self.translate_view.start(event)
            elif self._run_task == "textgen":
                self.textgen_view.start(event)
            else:
                # A fixed epoch axis: growing curves then do not re-layout the axes on every repaint.
                self.loss_plot.setXRange(0, event.epochs, padding=0.02)
                for plot in (self.accuracy_plot, self.lr_plot, self.speed_plot):
                    plot.setXRange(1, max(event.epochs, 2), padding=0.02)
            self.progress_label.setText(self.tr("Epoch {epoch} of {epochs} · starting…").format(
                epoch=event.start_epoch, epochs=event.epochs))
            self._log(format_event(event))
            for earlier in event.earlier:  # a resumed run: its first epochs, so the curves show the whole run
                self._on_event(earlier)
        elif isinstance(event, Paused):
            self._paused_at = (event.epoch, event.step)
            self.progress_label.setText(self.tr("Paused at epoch {epoch}, step {step}. Press Resume to continue.")
                                        .format(epoch=event.epoch, step=event.step))
            self._log(self.tr("Paused."))
            self._update_buttons()
        elif isinstance(event, TrainingFinished):
            self._log(format_event(event))

    def _log(self, text: str | None) -> None:
        if text:
            self.log_view.appendPlainText(say(text))

    def refresh_plots(self) -> None:
        """Push every new point into the curves and the progress display at once (the end of a
        run; the timer spreads the same work over `refresh_step`)."""
        for step in range(REFRESH_STEPS):
            self._refresh(step)

    def refresh_step(self) -> None:
        """One timer tick: the next step of the refresh. Step 0 shows the progress and the first
        plot of each view, every later step one more plot, so each plot is refreshed every
        REFRESH_MS and a repaint never redraws all of them."""
        step = self._refresh_tick % REFRESH_STEPS
        self._refresh_tick += 1
        self._refresh(step)

    def _refresh(self, step: int) -> None:
        self.gan_view.refresh(step)
        self.translate_view.refresh(step)
        self.textgen_view.refresh(step)
        if step < len(CLASSIFIER_PLOTS) and CLASSIFIER_PLOTS[step] in self._stale:
            self._stale.discard(CLASSIFIER_PLOTS[step])
            if self._run_task not in PLAYGROUND_MODELS:  # the other views have their own curves
                self._refresh_classifier_plot(CLASSIFIER_PLOTS[step])
        if step == 0:
            self._refresh_progress()

    def _refresh_progress(self) -> None:
        """The progress bar and label. The label only changes with new steps, so messages after
        the last step (scoring the test sentences, exporting) stay readable."""
        if not self._progress_dirty:
            return
        self._progress_dirty = False
        total = self._epochs * self._steps_per_epoch
        self.progress_bar.setValue(self._last_step)
        if self._control is not None and self._control.paused:
            return
        epoch = min(self._epochs, self._last_step // self._steps_per_epoch + 1)
        step = self._last_step - (epoch - 1) * self._steps_per_epoch
        done_here = self._last_step - self._steps_done_at_start
        values = dict(epoch=epoch, epochs=self._epochs, step=step, steps=self._steps_per_epoch)
        if done_here > 0 and self._started_at:
            per_step = (time.monotonic() - self._started_at) / done_here
            left = format_seconds(per_step * (total - self._last_step))
            text = self.tr("Epoch {epoch} of {epochs} · step {step} of {steps} · about {left} left").format(
                left=left, **values)
        else:
            text = self.tr("Epoch {epoch} of {epochs} · step {step} of {steps}").format(**values)
        self.progress_label.setText(text)

    def _refresh_classifier_plot(self, plot: str) -> None:
        """New points into the curves of one classifier plot ("loss", "accuracy", "lr", "speed")."""
        if plot == "loss":
            self.batch_curve.setData(self.batch_x, self.batch_loss)
            self.smooth_curve.setData(self.batch_x, self.smooth_loss)
            self.val_loss_curve.setData(self.epoch_x, self.val_loss)
        elif plot == "accuracy":
            self.train_acc_curve.setData(self.epoch_x, self.train_acc)
            self.val_acc_curve.setData(self.epoch_x, self.val_acc)
        elif plot == "lr":
            self.lr_curve.setData(self.epoch_x, self.learning_rates)
        else:
            self.speed_curve.setData(self.epoch_x, self.speeds)
        if plot in ("loss", "accuracy"):  # the "best" line of the plot
            self.best_markers[CLASSIFIER_PLOTS.index(plot)].show_epoch(self.best_epoch)

    def _clear_curves(self) -> None:
        for curve in (self.batch_curve, self.smooth_curve, self.val_loss_curve, self.train_acc_curve,
                      self.val_acc_curve, self.lr_curve, self.speed_curve):
            curve.setData([], [])
        for marker in self.best_markers:
            marker.show_epoch(0)

    def _on_finished(self, result) -> None:
        self._stale.update(CLASSIFIER_PLOTS)
        self._progress_dirty = True
        self.refresh_plots()
        task = result_task(result)
        if task in PLAYGROUND_MODELS:
            self._on_playground_run_finished(task, result)
            return
        self.progress_label.setText(
            self.tr("{reason} Best validation accuracy {accuracy}% (epoch {epoch}). Run saved in {folder}").format(
                reason=say(result.reason), accuracy=f"{100 * result.val_accuracy:.2f}", epoch=result.best_epoch,
                folder=result.run_dir))
        if result.epochs_done > 0:
            self.state.set_result(result)
        self.state.status_message.emit(say(result.reason))

    def _on_playground_run_finished(self, task: str, result) -> None:
        """A GAN or translation run ended: its summary, and its exported model offered to the Playground."""
        name, use, tip, summary = PLAYGROUND_MODELS[task]
        self.progress_label.setText(f"{say(result.reason)} {summary(result)}")
        export = getattr(result, "export", None)
        path = getattr(export, "path", None)
        if path is not None and Path(path).exists():
            self.playground_path, self.playground_task = str(path), task
            self.playground_button.setToolTip(self.tr(tip))
            self.playground_button.show()
            self._log(self.tr("The {name} is saved as {path}. Press Open in Playground to {use}.").format(
                name=self.tr(name), path=path, use=self.tr(use)))
        if result.epochs_done > 0:
            self.state.set_result(result)
        self.state.status_message.emit(say(result.reason))

    def _open_in_playground(self) -> None:
        if self.playground_path is not None:
            self.open_in_playground.emit(self.playground_path)

    def _on_failed(self, error) -> None:
        self.progress_label.setText(self.tr("Training did not finish."))
        self._log(error.message)
        show_error(self, self.tr("Training stopped"), error.message, error.details)

    def _on_task_ended(self) -> None:
        self._timer.stop()
        self._task = None
        self._control = None
        self.model_page.set_editable(True)
        self.state.set_training(False)
        self._update_buttons()
