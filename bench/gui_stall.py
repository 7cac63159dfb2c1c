"""GUI responsiveness: the longest and the 99th-percentile GUI-thread stall while training at
full speed (target: longest under 50 ms), against the same window idle in the same run.

The real window is opened (offscreen unless QT_QPA_PLATFORM says otherwise) with a private
MODELDESK_HOME, the bundled digits are loaded and the engine is started as the app does. A
heartbeat, a precise 5 ms QTimer on the GUI thread, records when it fires; a stall is a gap
between two firings minus the 5 ms asked for (what a click or a repaint would have waited).

1. idle: the Train page shown, nothing running;
2. training: the default classifier (cnn-small, 200 epochs) started with the Train page's Start
   button, as a user would, watched for about 20 s, then stopped with its Stop button. Stalls
   from the click until the result arrives count as "training" (the target); from then until
   0.5 s after the result was shown (the window turns to the Evaluate page) as "end of the run";
3. GAN (unless --no-gan): the same with the GAN task chosen on the Data page (dcgan on digits).

Figures depend on how busy the machine is: on two shared cores, other work takes the GUI
thread's core too; compare with the idle baseline measured in the same run.

Run: `.venv/bin/python bench/gui_stall.py [--seconds 20] [--quick] [--json PATH]`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MODELDESK_HOME", tempfile.mkdtemp(prefix="modeldesk-bench-"))

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from report import Measure, arguments, finish  # noqa: E402

BENCH = "GUI responsiveness"
TARGET_MS = 50.0
HEARTBEAT_MS = 5


class Heartbeat(QObject):
    """A precise timer on the GUI thread that notes when it fires; `stop()` gives the stalls:
    the gaps between firings minus the interval."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self._ticks: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(lambda: self._ticks.append(time.perf_counter()))

    def start(self) -> None:
        self._ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self, split_at: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Stop; the stalls (ms) of the gaps ending before `split_at` (a perf_counter time) and of
        those ending after it (all of them in the first array when it is None)."""
        self._timer.stop()
        ticks = np.array(self._ticks)
        stalls = np.maximum(np.diff(ticks) * 1000.0 - self.interval_ms, 0.0)
        before = ticks[1:] <= (np.inf if split_at is None else split_at)
        return stalls[before], stalls[~before]


def wait_until(predicate, timeout_s: float, poll_ms: int = 20) -> bool:
    """Run the event loop until `predicate()` is true or `timeout_s` passed; whether it became true."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    timer = QTimer()
    timer.setInterval(poll_ms)
    timer.timeout.connect(lambda: loop.quit() if predicate() or time.monotonic() > deadline else None)
    timer.start()
    if not predicate():
        loop.exec()
    timer.stop()
    return predicate()


def run_for(seconds: float) -> None:
    """Run the event loop for `seconds`."""
    wait_until(lambda: False, seconds)


def open_window():
    """The real main window, shown, with the engine loaded and the bundled digits on the Data page."""
    from desktop_app.app import collect_garbage_in_gui_thread, freeze_when_engine_ready
    from desktop_app.main_window import MainWindow

    collector = collect_garbage_in_gui_thread()  # as desktop_app.app.main does
    window = MainWindow()
    freeze_when_engine_ready(window.state)
    window.resize(1180, 780)
    window.show()
    window.build_all_pages()
    window.start_engine_loading()
    window.data_page.load_spec("digits")
    if not wait_until(lambda: window.state.engine is not None and window.state.dataset is not None, 120):
        raise RuntimeError("the engine or the digits did not load within 2 minutes")
    window._bench_collector = collector
    return window


def train_and_watch(window, heartbeat: Heartbeat, seconds: float) -> tuple[np.ndarray, np.ndarray, dict]:
    """Start training with the Train page's Start button, let it run `seconds`, press Stop and
    wait for the result to be shown. The stalls seen from the click until the result arrived
    (training), and from then until shortly after it was shown (the end of the run)."""
    page = window.train_page
    window.show_page("Train")
    run_for(0.3)
    finished = []
    arrived = []

    def on_finished(result) -> None:
        finished.append(result)
        arrived.append(time.perf_counter())

    def on_running(running: bool) -> None:  # a run stopped before its first epoch has no result
        if not running:
            arrived.append(time.perf_counter())

    heartbeat.start()
    started = time.perf_counter()
    page.start_button.click()
    # connected after the click: the window's own slots (the Evaluate page) run before this one,
    # so everything the result sets off falls into the end of the run
    window.state.training_finished.connect(on_finished)
    window.state.training_running.connect(on_running)
    wait_until(lambda: bool(finished) or not page.is_running(), seconds)
    if page.is_running():
        arrived.append(time.perf_counter())  # what follows Stop (final scoring, the export) is the end of the run
        page.stop_button.click()
    wait_until(lambda: not page.is_running(), 120)
    run_for(0.5)  # what follows the result: the Evaluate page, the GAN's last grid
    training, end = heartbeat.stop(split_at=min(arrived) if arrived else None)
    window.state.training_finished.disconnect(on_finished)
    window.state.training_running.disconnect(on_running)
    result = finished[0] if finished else None
    info = {"seconds": (min(arrived) if arrived else time.perf_counter()) - started,
            "epochs": getattr(result, "epochs_done", 0), "steps": page._last_step}
    return training, end, info


def choose_task(window, task: str) -> None:
    """Pick `task` in the Data page's task list and wait for its dataset."""
    window.show_page("Data")
    combo = window.data_page.task_combo
    combo.setCurrentIndex(combo.findData(task))
    wait_until(lambda: window.state.task == task and window.state.dataset is not None
               and not window.data_page._task, 60)


def summary(stalls: np.ndarray) -> tuple[float, float, int]:
    """(longest, 99th percentile, how many over the target) of the stalls, in ms."""
    if len(stalls) == 0:
        return 0.0, 0.0, 0
    return float(stalls.max()), float(np.percentile(stalls, 99)), int((stalls > TARGET_MS).sum())


def measures_for(what: str, stalls: np.ndarray, end: np.ndarray, idle: np.ndarray, info: dict) -> list[Measure]:
    longest, p99, over = summary(stalls)
    idle_longest, idle_p99, _ = summary(idle)
    end_longest = summary(end)[0]
    note = (f"{len(stalls)} heartbeats over {info['seconds']:.1f} s, {info['epochs']} epochs, {info['steps']} steps; "
            f"{over} stalls over {TARGET_MS:.0f} ms")
    return [
        Measure(BENCH, f"longest GUI-thread stall, {what}", longest, "ms", baseline=idle_longest,
                baseline_what="window idle", target=f"under {TARGET_MS:.0f} ms", met=longest < TARGET_MS, note=note),
        Measure(BENCH, f"99th-percentile GUI-thread stall, {what}", p99, "ms", baseline=idle_p99,
                baseline_what="window idle"),
        Measure(BENCH, f"longest GUI-thread stall, {what}, end of the run", end_longest, "ms", baseline=idle_longest,
                baseline_what="window idle",
                note="after Stop: the last scoring, the export (GANs and translators export at once; torch.onnx.export "
                     "holds the GIL for up to ~0.2 s at a time), showing the result and the 0.5 s after it"),
    ]


def main() -> None:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to train the classifier (default 20)")
    parser.add_argument("--gan-seconds", type=float, default=8.0, help="how long to train the GAN (default 8)")
    parser.add_argument("--no-gan", action="store_true", help="skip the GAN run")
    args = parser.parse_args()
    idle_s, train_s, gan_s = (1.0, 4.0, 3.0) if args.quick else (4.0, args.seconds, args.gan_seconds)

    app = QApplication.instance() or QApplication(sys.argv)
    window = open_window()
    heartbeat = Heartbeat()

    window.show_page("Train")
    run_for(0.5)
    heartbeat.start()
    run_for(idle_s)
    idle = heartbeat.stop()[0]
    longest, p99, _ = summary(idle)
    print(f"idle: longest {longest:.1f} ms, p99 {p99:.1f} ms", flush=True)

    window.model_page.epochs_spin.setValue(200)  # stopped after `train_s` seconds
    stalls, end, info = train_and_watch(window, heartbeat, train_s)
    longest, p99, over = summary(stalls)
    print(f"training cnn-small: longest {longest:.1f} ms, p99 {p99:.1f} ms, {over} over {TARGET_MS:.0f} ms; "
          f"end of run longest {summary(end)[0]:.1f} ms; {info}", flush=True)
    measures = measures_for("training the classifier", stalls, end, idle, info)

    if not args.no_gan:
        choose_task(window, "gan")
        window.model_page.epochs_spin.setValue(200)
        stalls, end, info = train_and_watch(window, heartbeat, gan_s)
        longest, p99, over = summary(stalls)
        print(f"training dcgan: longest {longest:.1f} ms, p99 {p99:.1f} ms, {over} over {TARGET_MS:.0f} ms; "
              f"end of run longest {summary(end)[0]:.1f} ms; {info}", flush=True)
        measures += measures_for("training a GAN", stalls, end, idle, info)

    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Yes  # noqa: E731 - no dialog on close
    window.close()
    from desktop_app.workers import BackgroundTask

    for task in list(BackgroundTask._live):
        task.wait(30_000)
    app.processEvents()
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
