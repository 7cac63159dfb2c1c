"""The worker abstraction: background tasks end cleanly even when their owner goes first."""

import os
import sys
import threading
import time

import pytest
import shiboken6
from PySide6.QtCore import QObject

from desktop_app.workers import BACKGROUND_NICE, BackgroundTask, run_in_background


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


def _nice_levels() -> dict[int, int]:
    """Every thread of this process and its nice level (Linux)."""
    levels = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            fields = open(f"/proc/self/task/{tid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        levels[int(tid)] = int(fields[16])
    return levels


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice levels are Linux's")
def test_low_priority_work_and_the_torch_threads_it_starts_yield_to_the_gui_thread(qtbot):
    """Training runs below the GUI thread's priority, and so do PyTorch's intra-op threads it starts, so a click or
    a repaint gets a core at once while training keeps every core busy."""
    import torch

    def work(context):
        before = set(_nice_levels())
        torch.set_num_threads(2)
        a = torch.randn(512, 512)
        for _ in range(5):
            a = torch.tanh(a @ a / 512)  # runs on PyTorch's thread pool
        levels = _nice_levels()
        return levels[threading.get_native_id()], [levels[t] for t in set(levels) - before]

    results = []
    normal = run_in_background(work, name="normal", on_success=results.append)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=30_000)
    normal.wait()
    low = run_in_background(work, name="low", on_success=results.append, low_priority=True)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=30_000)
    low.wait()
    gui = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    (normal_own, _), (low_own, started) = results
    assert normal_own == gui
    assert low_own == max(gui, BACKGROUND_NICE) > gui
    assert started, "PyTorch started no thread of its own for this worker"
    assert all(level == low_own for level in started)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == gui  # the GUI thread kept its priority
