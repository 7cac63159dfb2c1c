"""GUI responsiveness: the longest and the 99th-percentile GUI-thread stall while training at
full speed (target: longest under 50 ms; under 100 ms at the end of a run), against the same
window idle in the same run; and what training below the GUI thread's priority costs.

The real window is opened (offscreen unless QT_QPA_PLATFORM says otherwise) with a private
MODELDESK_HOME, the bundled digits are loaded and the engine is started as the app does. A
heartbeat, a precise 5 ms QTimer on the GUI thread, records when it fires; a stall is a gap
between two firings minus the 5 ms asked for (what a click or a repaint would have waited).

1. idle: the Train page shown, nothing running;
2. classifier: the default cnn-small (200 epochs) started with the Train page's Start button, as
   a user would, watched for a few seconds, then stopped with its Stop button. Stalls from the
   click until the result arrives count as "training"; from then until 0.5 s after the result
   was shown (the window turns to the Evaluate page) as "end of the run". After one warm-up run
   (not counted), rounds alternate the app as shipped (training threads at a lower priority,
   desktop_app.workers.lower_this_thread; a 1 ms GIL switch interval,
   desktop_app.startup.hand_over_the_gil_sooner) with the app as it was before (training at the
   GUI thread's priority, Python's 5 ms switch interval), so both see the same machine; the
   training speed in the window (the engine's samples/s per epoch, median) is compared between
   them (target: at most 3% slower);
3. GAN (unless --no-gan): the same with the GAN task chosen on the Data page (dcgan on digits).

`--explain` also samples where the GUI thread is during each stall over 30 ms (a watchdog
thread reading its Python stack) and prints the commonest places: the first step when a
stall needs fixing.

Figures depend on how busy the machine is: on two shared cores, other work takes the GUI
thread's core too; compare with the idle baseline measured in the same run.

Run: `.venv/bin/python bench/gui_stall.py [--rounds 3] [--seconds 8] [--quick] [--explain] [--json PATH]`.
"""

from __future__ import annotations

import collections
import os
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field
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
END_TARGET_MS = 100.0
COST_TARGET = 0.03  # training in the window may be at most this much slower at the lower priority
PYTHON_SWITCH_INTERVAL_S = 0.005  # Python's default GIL switch interval, which the app shortens
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

    def ticks(self) -> list[float]:
        """When it fired so far (perf_counter times); empty while it is stopped."""
        return self._ticks if self._timer.isActive() else []

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
    from desktop_app.startup import collect_garbage_in_gui_thread, hand_over_the_gil_sooner
    from desktop_app.main_window import MainWindow

    collector = collect_garbage_in_gui_thread()  # as desktop_app.startup.open_window does
    hand_over_the_gil_sooner()
    window = MainWindow()
    window.resize(1180, 780)
    window.show()
    window.build_all_pages()
    window.start_engine_loading()
    window.data_page.load_spec("digits")
    if not wait_until(lambda: window.state.engine is not None and window.state.dataset is not None, 120):
        raise RuntimeError("the engine or the digits did not load within 2 minutes")
    window._bench_collector = collector
    return window


class StallSampler:
    """A watchdog thread that, whenever the GUI thread's heartbeat is late by more than
    `threshold_ms`, records the GUI thread's Python stack (innermost frames); `report()` gives the
    commonest places. Reading a stack needs the GIL, so a stall spent waiting for it shows where
    the GUI thread was when it got it back."""

    def __init__(self, heartbeat: "Heartbeat", threshold_ms: float = 30.0) -> None:
        self._heartbeat = heartbeat
        self._threshold = threshold_ms / 1000.0
        self._gui = threading.main_thread().ident
        self._places: collections.Counter = collections.Counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="stall-sampler", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.01):
            ticks = self._heartbeat.ticks()
            if not ticks or time.perf_counter() - ticks[-1] < self._threshold:
                continue
            frames = sys._current_frames()
            for ident, frame in frames.items():
                if ident == threading.get_ident():
                    continue
                who = "GUI" if ident == self._gui else "worker"
                stack = traceback.extract_stack(frame)[-4:]
                self._places[f"{who}: " + " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                                                      for f in reversed(stack))] += 1

    def report(self, top: int = 25) -> str:
        self._stop.set()
        self._thread.join(1.0)
        total = sum(self._places.values())
        lines = [f"Where the GUI thread and the workers were during stalls (10 ms samples, {total} in all):"]
        lines += [f"{count:5d}  {place}" for place, count in self._places.most_common(top)]
        return "\n".join(lines)


def train_and_watch(window, heartbeat: Heartbeat, seconds: float,
                    low_priority: bool = True) -> tuple[np.ndarray, np.ndarray, dict]:
    """Start training with the Train page's Start button (its threads at a lower priority than
    the GUI thread, or not), let it run `seconds`, press Stop and wait for the result to be
    shown. The stalls seen from the click until the result arrived (training), and from then
    until shortly after it was shown (the end of the run); info holds the engine's samples/s."""
    page = window.train_page
    page.train_at_low_priority = low_priority
    shipped_interval = sys.getswitchinterval()
    if not low_priority:
        sys.setswitchinterval(PYTHON_SWITCH_INTERVAL_S)  # as before: Python's default
    window.show_page("Train")
    run_for(0.3)
    finished = []
    arrived = []
    speeds: list[float] = []

    def on_finished(result) -> None:
        finished.append(result)
        arrived.append(time.perf_counter())

    def on_running(running: bool) -> None:  # a run stopped before its first epoch has no result
        if not running:
            arrived.append(time.perf_counter())

    def on_event(event) -> None:
        speed = getattr(event, "samples_per_second", None)
        if speed and not arrived:
            speeds.append(float(speed))

    heartbeat.start()
    started = time.perf_counter()
    page.start_button.click()
    # connected after the click: the window's own slots (the Evaluate page) run before this one,
    # so everything the result sets off falls into the end of the run
    window.state.training_finished.connect(on_finished)
    window.state.training_running.connect(on_running)
    page._task.event.connect(on_event)
    wait_until(lambda: bool(finished) or not page.is_running(), seconds)
    if page.is_running():
        arrived.append(time.perf_counter())  # what follows Stop (final scoring, the export) is the end of the run
        page.stop_button.click()
    wait_until(lambda: not page.is_running(), 120)
    run_for(0.5)  # what follows the result: the Evaluate page, the GAN's last grid
    training, end = heartbeat.stop(split_at=min(arrived) if arrived else None)
    window.state.training_finished.disconnect(on_finished)
    window.state.training_running.disconnect(on_running)
    page.train_at_low_priority = True
    sys.setswitchinterval(shipped_interval)
    result = finished[0] if finished else None
    info = {"seconds": (min(arrived) if arrived else time.perf_counter()) - started,
            "epochs": getattr(result, "epochs_done", 0), "steps": page._last_step,
            "samples_per_second": float(np.median(speeds[1:] or speeds)) if speeds else float("nan")}
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


@dataclass
class Rounds:
    """Interleaved runs of one task: as shipped (lower priority, 1 ms GIL switch interval) and as
    before (the GUI's priority, Python's 5 ms)."""

    low: list[tuple[np.ndarray, np.ndarray, dict]] = field(default_factory=list)
    normal: list[tuple[np.ndarray, np.ndarray, dict]] = field(default_factory=list)

    def run(self, window, heartbeat: Heartbeat, seconds: float, rounds: int, label: str) -> None:
        train_and_watch(window, heartbeat, min(seconds, 3.0))  # warm-up: the first run of a task is slower
        for index in range(rounds):
            order = (True, False) if index % 2 == 0 else (False, True)
            for low in order:
                stalls, end, info = train_and_watch(window, heartbeat, seconds, low_priority=low)
                (self.low if low else self.normal).append((stalls, end, info))
                longest, p99, over = summary(stalls)
                print(f"{label} round {index + 1}, {'as shipped' if low else 'as before'}: longest {longest:.1f} ms, "
                      f"p99 {p99:.1f} ms, {over} over {TARGET_MS:.0f} ms; end of run {summary(end)[0]:.1f} ms; "
                      f"{info['samples_per_second']:,.0f} samples/s; {info['epochs']} epochs", flush=True)


def _joined(runs, part: int) -> np.ndarray:
    return np.concatenate([run[part] for run in runs]) if runs else np.zeros(0)


def measures_for(what: str, rounds: Rounds, idle: np.ndarray) -> list[Measure]:
    stalls, end = _joined(rounds.low, 0), _joined(rounds.low, 1)
    plain_stalls, plain_end = _joined(rounds.normal, 0), _joined(rounds.normal, 1)
    longest, p99, over = summary(stalls)
    idle_longest, idle_p99, _ = summary(idle)
    end_longest = summary(end)[0]
    speeds = [run[2]["samples_per_second"] for run in rounds.low]
    plain_speeds = [run[2]["samples_per_second"] for run in rounds.normal]
    speed, plain_speed = float(np.nanmedian(speeds)), float(np.nanmedian(plain_speeds))
    # each round's two runs are minutes apart at most: their ratio is what the machine's drift spares
    ratio = float(np.nanmedian([a / b for a, b in zip(speeds, plain_speeds)]))
    seconds = sum(run[2]["seconds"] for run in rounds.low)
    epochs = sum(run[2]["epochs"] for run in rounds.low)
    note = (f"{len(rounds.low)} runs, {len(stalls)} heartbeats over {seconds:.1f} s, {epochs} epochs; "
            f"{over} stalls over {TARGET_MS:.0f} ms; as before: longest {summary(plain_stalls)[0]:.1f} ms, "
            f"p99 {summary(plain_stalls)[1]:.1f} ms")
    return [
        Measure(BENCH, f"longest GUI-thread stall, {what}", longest, "ms", baseline=idle_longest,
                baseline_what="window idle", target=f"under {TARGET_MS:.0f} ms", met=longest < TARGET_MS, note=note),
        Measure(BENCH, f"99th-percentile GUI-thread stall, {what}", p99, "ms", baseline=idle_p99,
                baseline_what="window idle"),
        Measure(BENCH, f"longest GUI-thread stall, {what}, end of the run", end_longest, "ms", baseline=idle_longest,
                baseline_what="window idle", target=f"under {END_TARGET_MS:.0f} ms", met=end_longest < END_TARGET_MS,
                note=f"after Stop: the last scoring, the export, showing the result and the 0.5 s after it; "
                     f"as before: {summary(plain_end)[0]:.1f} ms"),
        Measure(BENCH, f"training speed in the window, {what}, as shipped vs as before", speed, "samples/s",
                baseline=plain_speed, baseline_what="same window, training at the GUI's priority, 5 ms GIL switch",
                ratio=ratio, target=f"ratio >= {1 - COST_TARGET:.2f}", met=ratio >= 1 - COST_TARGET,
                note="the engine's per-epoch samples/s, median of each run; ratio: median of the rounds' ratios"),
    ]


def main() -> None:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved pairs of runs per task (default 3)")
    parser.add_argument("--seconds", type=float, default=8.0, help="how long each classifier run trains (default 8)")
    parser.add_argument("--gan-seconds", type=float, default=6.0, help="how long each GAN run trains (default 6)")
    parser.add_argument("--no-gan", action="store_true", help="skip the GAN runs")
    parser.add_argument("--explain", action="store_true", help="print where the GUI thread was during stalls")
    parser.add_argument("--nice", type=int, help="the lower priority's nice level (default: the app's)")
    parser.add_argument("--switch-ms", type=float, help="Python's GIL switch interval in ms (default: the app's)")
    args = parser.parse_args()
    if args.nice is not None:
        import desktop_app.workers

        desktop_app.workers.BACKGROUND_NICE = args.nice
    idle_s, train_s, gan_s, rounds = (1.0, 4.0, 3.0, 1) if args.quick else (4.0, args.seconds, args.gan_seconds,
                                                                             args.rounds)

    app = QApplication.instance() or QApplication(sys.argv)
    window = open_window()
    if args.switch_ms is not None:
        sys.setswitchinterval(args.switch_ms / 1000.0)
    print(f"GIL switch interval {sys.getswitchinterval() * 1000:.2f} ms", flush=True)
    heartbeat = Heartbeat()
    sampler = StallSampler(heartbeat) if args.explain else None

    window.show_page("Train")
    run_for(0.5)
    heartbeat.start()
    run_for(idle_s)
    idle = heartbeat.stop()[0]
    longest, p99, _ = summary(idle)
    print(f"idle: longest {longest:.1f} ms, p99 {p99:.1f} ms", flush=True)

    window.model_page.epochs_spin.setValue(200)  # stopped after `train_s` seconds
    classifier = Rounds()
    classifier.run(window, heartbeat, train_s, rounds, "cnn-small")
    measures = measures_for("training the classifier", classifier, idle)

    if not args.no_gan:
        choose_task(window, "gan")
        window.model_page.epochs_spin.setValue(200)
        gan = Rounds()
        gan.run(window, heartbeat, gan_s, rounds, "dcgan")
        measures += measures_for("training a GAN", gan, idle)

    if sampler is not None:
        print(sampler.report(), flush=True)
    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Yes  # noqa: E731 - no dialog on close
    window.close()
    from desktop_app.workers import BackgroundTask

    for task in list(BackgroundTask._live):
        task.wait(30_000)
    app.processEvents()
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
