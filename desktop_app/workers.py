"""The one worker abstraction: run engine work in a thread, deliver what it reports as queued
Qt signals to the GUI thread.

The engine function never sees Qt. It receives a `TaskContext` with three plain callables
(`emit` for engine events, `progress` for (done, total), `should_cancel` to poll) and returns a
value. Signals live on a QObject owned by the GUI thread, so emitting them from the worker
thread queues them: slots always run in the GUI thread, where touching widgets is safe.

`LatestJob` builds on it for work where only the newest request matters (drawing while a
slider moves, translating while someone types): one job at a time, the newest request waiting.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QThread, Signal

from desktop_app.engine_words import say

log = logging.getLogger(__name__)

INTERNAL_ERROR = QT_TRANSLATE_NOOP("Workers", "Something went wrong inside ModelDesk. The details below can help us fix it; "
                                              "they are also in the log file.")


# How much lower than the GUI thread long background work runs (Linux nice levels, 0-19). At 10
# the kernel gives a busy GUI thread about nine times the CPU share of each training thread, so
# a click or a repaint gets a core at once even while training keeps both cores busy.
BACKGROUND_NICE = 10


def lower_this_thread() -> bool:
    """Give the calling thread, and the threads it starts from now on (PyTorch's intra-op
    threads among them), a lower scheduling priority than the GUI thread. True when it took.

    Linux keeps a nice level per thread, inherited by the threads it creates; elsewhere Qt's
    LowPriority is asked for. The priority cannot be raised again: call it only in a thread
    made for the work (each BackgroundTask has its own)."""
    if sys.platform.startswith("linux"):
        tid = threading.get_native_id()
        try:
            now = os.getpriority(os.PRIO_PROCESS, tid)
            os.setpriority(os.PRIO_PROCESS, tid, min(19, max(now, BACKGROUND_NICE)))
            return True
        except OSError as exc:
            log.info("could not lower the priority of thread %s: %s", tid, exc)
            return False
    QThread.currentThread().setPriority(QThread.Priority.LowPriority)
    return True


def internal_error() -> str:
    """The sentence shown for a bug in ModelDesk, in the window's language."""
    return QCoreApplication.translate("Workers", INTERNAL_ERROR)


@dataclass(frozen=True)
class TaskError:
    """What the user is told when a task fails: one sentence in the window's language, and
    details for the expander."""

    message: str
    details: str


class TaskContext:
    """Handed to the engine function: report events and progress, poll for cancellation."""

    def __init__(self, task: "BackgroundTask") -> None:
        self._task = task
        self._cancel = threading.Event()
        self._last_progress: tuple[int, int] | None = None
        self._last_progress_time = 0.0

    def emit(self, event: Any) -> None:
        """Forward an engine event to the GUI thread."""
        self._task.event.emit(event)

    def progress(self, done: int, total: int) -> None:
        """Report progress; only changes are sent, at most about 30 times a second."""
        now = time.monotonic()
        value = (int(done), int(total))
        if value == self._last_progress:
            return
        if now - self._last_progress_time < 0.033 and not (total and done >= total):
            return
        self._last_progress, self._last_progress_time = value, now
        self._task.progress.emit(*value)

    def should_cancel(self) -> bool:
        """True once `BackgroundTask.cancel()` was called."""
        return self._cancel.is_set()


class _Runner(QThread):
    def __init__(self, task: "BackgroundTask") -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:  # worker thread
        if self._task.low_priority:
            lower_this_thread()
        self._task._run_in_thread()


class BackgroundTask(QObject):
    """`fn(context) -> result` run in its own thread.

    Signals (always delivered in the GUI thread): `event(object)`, `progress(int, int)`,
    `succeeded(object)` with the result, `failed(TaskError)`, and `finished()` after either.
    With `low_priority`, the thread (and the threads it starts) yields the CPU to the GUI thread
    (see `lower_this_thread`): for long work such as training, so the window stays smooth.
    """

    event = Signal(object)
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _live: set["BackgroundTask"] = set()  # keeps running tasks alive until they finish

    def __init__(self, fn: Callable[[TaskContext], Any], name: str = "task", parent: QObject | None = None,
                 low_priority: bool = False) -> None:
        super().__init__(parent)
        self._fn = fn
        self.name = name
        self.low_priority = low_priority
        self.context = TaskContext(self)
        self._thread: _Runner | None = None

    def start(self) -> "BackgroundTask":
        """Start the work in a new thread and return self (for chaining)."""
        self._thread = _Runner(self)
        self._thread.setObjectName(self.name)
        self._thread.finished.connect(self._on_thread_finished)
        BackgroundTask._live.add(self)
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it ends at its next `should_cancel()` check."""
        self.context._cancel.set()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the thread has ended (used when the window closes); True if it has."""
        ended = True if self._thread is None else self._thread.wait(ms)
        if ended:
            # The owner may be deleted before the queued "thread finished" arrives.
            BackgroundTask._live.discard(self)
        return ended

    def _run_in_thread(self) -> None:
        from engine.errors import ModelDeskError

        try:
            result = self._fn(self.context)
        except ModelDeskError as exc:
            log.info("%s failed: %s", self.name, exc, exc_info=True)
            self.failed.emit(TaskError(say(exc.message), exc.details or traceback.format_exc()))
        except Exception:  # noqa: BLE001 - shown to the user as one sentence + details
            log.exception("%s failed", self.name)
            self.failed.emit(TaskError(internal_error(), traceback.format_exc()))
        else:
            self.succeeded.emit(result)

    def _on_thread_finished(self) -> None:  # GUI thread
        self.finished.emit()
        BackgroundTask._live.discard(self)


def run_in_background(fn: Callable[[TaskContext], Any], *, name: str, on_success=None, on_failure=None,
                      on_event=None, on_progress=None, parent: QObject | None = None,
                      low_priority: bool = False) -> BackgroundTask:
    """Create, connect and start a BackgroundTask in one call."""
    task = BackgroundTask(fn, name, parent, low_priority)
    # Queued explicitly: plain callables have no thread of their own, so they are called in
    # the thread of the sender object, which lives in the GUI thread.
    queued = Qt.ConnectionType.QueuedConnection
    for signal, slot in ((task.succeeded, on_success), (task.failed, on_failure), (task.event, on_event), (task.progress, on_progress)):
        if slot is not None:
            signal.connect(slot, queued)
    return task.start()


class LatestJob(QObject):
    """Background jobs of one kind, one at a time, where only the newest request matters: a
    request made while one runs waits, and a newer request replaces the waiting one, so a burst
    of requests (typing, dragging, playing) costs at most two jobs. Results arrive in order (a
    slightly old one still shows, so a slow model keeps moving); `reset()` drops everything
    requested so far (a new model), and `wait()` also waits for the running job (closing).

    `fn` is a plain callable without arguments, run in the worker thread; `on_done(result)` and
    `on_failed(TaskError)` are called in the GUI thread, only for requests made since the last
    `reset()`."""

    def __init__(self, name: str, on_done: Callable[[Any], None], on_failed: Callable[[TaskError], None],
                 parent: QObject) -> None:
        super().__init__(parent)
        self._name = name
        self._on_done, self._on_failed = on_done, on_failed
        self._task: BackgroundTask | None = None
        self._waiting: Callable[[], Any] | None = None
        self._generation = 0  # bumped by reset(): results of older requests are dropped
        self.started = 0  # how many jobs were started (tests count them)

    def request(self, fn: Callable[[], Any]) -> None:
        """Run `fn` now when nothing runs, else after the running job (replacing any waiting one)."""
        self._waiting = fn
        if self._task is None:
            self._start()

    def reset(self) -> None:
        """Forget the waiting request and ignore the result of the running one."""
        self._waiting = None
        self._generation += 1

    def busy(self) -> bool:
        """True while a job runs or waits."""
        return self._task is not None or self._waiting is not None

    def task(self) -> BackgroundTask | None:
        """The running job, or None."""
        return self._task

    def wait(self, ms: int = 30_000) -> bool:
        """`reset()`, then block until the running job has ended (the window is closing)."""
        self.reset()
        task = self._task
        return True if task is None else task.wait(ms)

    def _start(self) -> None:
        fn, self._waiting = self._waiting, None
        if fn is None:
            return
        generation = self._generation
        self.started += 1
        self._task = run_in_background(lambda context: fn(), name=self._name,
                                       on_success=lambda result, g=generation: self._done(g, result),
                                       on_failure=lambda error, g=generation: self._failed(g, error), parent=self)
        self._task.finished.connect(self._finished)

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _done(self, generation: int, result: Any) -> None:
        if self._current(generation):
            self._on_done(result)

    def _failed(self, generation: int, error: TaskError) -> None:
        if self._current(generation):
            self._on_failed(error)

    def _finished(self) -> None:
        self._task = None
        if self._waiting is not None:
            self._start()
