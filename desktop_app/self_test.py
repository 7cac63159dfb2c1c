"""`modeldesk --self-test`: prove an installed (or packaged) ModelDesk works, without a person.

Opens the real window offscreen, lets it start as it always does (pages, the bundled digits,
the training engine in the background), trains the default network for one epoch through
the Train page, prints one line and exits 0; anything else prints a sentence and exits 1.
Runs in a throwaway data folder, so the user's runs and settings are not touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

DEADLINE_S = int(os.environ.get("MODELDESK_SELF_TEST_DEADLINE", "600"))  # a slow first start of torch on a cold disk still fits


def run_self_test() -> int:
    """Run the self-test; the process exit code (0 passed, 1 failed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.TemporaryDirectory(prefix="modeldesk-self-test-")
    os.environ["MODELDESK_HOME"] = home.name
    try:
        return _run()
    finally:
        home.cleanup()


def _run() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.startup import finish_start
    from desktop_app.main_window import MainWindow
    from engine.logsetup import setup_logging

    setup_logging()
    started = time.perf_counter()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = MainWindow()
    window.show()
    outcome: dict[str, object] = {}

    def leave() -> None:  # once the run has wound down; exit() rather than quit(): no close prompts
        if window.train_page.is_running():
            QTimer.singleShot(100, leave)
        else:
            app.exit(int(outcome.get("code", 1)))

    def fail(message: str) -> None:
        if "code" not in outcome:
            outcome.update(code=1, message=f"Self-test failed: {message}")
            window.train_page.stop_training()
            leave()

    def finished(result) -> None:
        accuracy = getattr(result, "val_accuracy", 0.0)
        if getattr(result, "status", "") != "finished" or accuracy < 0.3:
            fail(f"training ended as '{getattr(result, 'status', '?')}' with {accuracy:.0%} accuracy.")
            return
        outcome.update(code=0, message=f"Self-test passed: trained {result.config.model} on the bundled digits for "
                                       f"{result.epochs_done} epoch{'' if result.epochs_done == 1 else 's'}, {accuracy:.1%} validation accuracy, "
                                       f"{time.perf_counter() - started:.1f} s from start.")
        leave()

    def try_to_start() -> None:
        state = window.state
        if window.engine_failed:
            fail("the training engine (PyTorch) could not be loaded; the log file says why.")
            return
        if state.engine is None or state.dataset is None:
            return
        poll.stop()
        window.model_page.epochs_spin.setValue(1)
        window.train_page.start_training()
        if not window.train_page.is_running():
            fail("the Train page did not start training.")

    def running_changed(running: bool) -> None:
        if not running:  # a failed run ends without a result: its sentence went to the error dialog
            QTimer.singleShot(1000, lambda: fail("training stopped without finishing; see the log file."))

    window.state.training_finished.connect(finished)
    window.state.training_running.connect(running_changed)
    poll = QTimer()
    poll.timeout.connect(try_to_start)
    QTimer.singleShot(0, lambda: (finish_start(window), poll.start(100)))
    QTimer.singleShot(DEADLINE_S * 1000, lambda: fail(f"nothing finished within {DEADLINE_S} s."))
    app.exec()
    window.train_page.stop_and_wait()
    window.close()
    code = int(outcome.get("code", 1))
    print(outcome.get("message", "Self-test failed: the window closed early."), flush=True)
    return code
