"""The worker abstraction: background tasks end cleanly even when their owner goes first."""

import time

import shiboken6
from PySide6.QtCore import QObject

from desktop_app.workers import BackgroundTask, run_in_background


def test_a_task_waited_for_is_forgotten_even_if_its_owner_is_deleted(qtbot):
    """Closing the window waits for drawing and then deletes the panel that owned the task:
    the finished task must not stay registered as live (it would leak, and code that waits
    for `_live` to empty would hang)."""
    owner = QObject()
    task = run_in_background(lambda context: time.sleep(0.2) or 42, name="slow", parent=owner)
    assert task in BackgroundTask._live
    assert task.wait(5_000)
    shiboken6.delete(owner)  # before the event loop delivers the thread's finished signal
    qtbot.wait(50)
    assert task not in BackgroundTask._live


def test_succeeded_and_finished_arrive_in_the_gui_thread(qtbot):
    """A task's result and its finished signal both reach the caller."""
    results = []
    task = run_in_background(lambda context: 6 * 7, name="answer", on_success=results.append)
    with qtbot.waitSignal(task.finished, timeout=5_000):
        pass
    qtbot.waitUntil(lambda: results == [42], timeout=5_000)
    assert task not in BackgroundTask._live
