"""The small object through which a person steers a running training: pause, resume, stop.

Thread-safe: the GUI thread calls `pause`/`resume`/`stop`; the training thread calls
`wait_if_paused` and reads `stop_requested` once per batch.
"""

from __future__ import annotations

import threading


class TrainingControl:
    """Pause, resume and stop requests for one training run."""

    def __init__(self) -> None:
        self._running = threading.Event()
        self._running.set()
        self._stop = threading.Event()

    def pause(self) -> None:
        """Ask training to wait after the current batch until `resume` or `stop`."""
        self._running.clear()

    def resume(self) -> None:
        """Let a paused training continue."""
        self._running.set()

    def stop(self) -> None:
        """Ask training to end after the current batch, keeping its last checkpoint."""
        self._stop.set()
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set() and not self._stop.is_set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    def wait_if_paused(self, on_pause=None) -> None:
        """Block while paused; `on_pause()` is called once when a pause begins."""
        if self._running.is_set():
            return
        if on_pause is not None:
            on_pause()
        self._running.wait()
