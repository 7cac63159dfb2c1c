"""The main window: fast start without torch, menus, About, remembered choices, drops."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop_app.main_window import PAGE_NAMES, MainWindow
from desktop_app.workers import BackgroundTask

ROOT = Path(__file__).resolve().parent.parent


def test_window_is_shown_before_torch_is_imported(tmp_path):
    code = textwrap.dedent("""
        import os, sys
        os.environ['QT_QPA_PLATFORM'] = 'offscreen'
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop_app.main_window import MainWindow
        window = MainWindow()
        window.show()
        app.processEvents()
        assert window.isVisible()
        assert 'torch' not in sys.modules, 'torch must load after the window is shown'
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "MODELDESK_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def _wait_ready(qtbot, win):
    with qtbot.waitSignals([win.state.engine_ready, win.state.dataset_changed], timeout=60_000):
        win.start_engine_loading()
        win.data_page.load_initial()


def _close(qtbot, win):
    win.close()
    for task in list(BackgroundTask._live):
        task.wait(30_000)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=10_000)


def test_menus_status_bar_and_about(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    _wait_ready(qtbot, win)
    menus = [action.text().replace("&", "") for action in win.menuBar().actions()]
    assert menus == ["File", "Training", "View", "Help"]
    assert win.device_label.text().startswith("Device: CPU")
    about = win.about_text()
    assert "PyTorch" in about and "ONNX Runtime" in about and "PySide6" in about
    for index, name in enumerate(PAGE_NAMES):  # Ctrl+1..5 switch pages
        qtbot.keyClick(win, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert win.current_page_name() == name
    _close(qtbot, win)


def test_layout_and_last_choices_are_remembered(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    _wait_ready(qtbot, win)
    win.resize(1100, 700)
    win.model_page.select_model("lenet5")
    win.show_page("Model")
    _close(qtbot, win)

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    _wait_ready(qtbot, again)
    assert again.current_page_name() == "Model"
    assert again.model_page.selected_model() == "lenet5"
    assert (again.width(), again.height()) == (1100, 700)
    assert again.state.dataset_spec == "digits"
    _close(qtbot, again)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_a_folder_loads_it(qtbot, tmp_path):
    rng = np.random.default_rng(0)
    for name in ("cats", "dogs"):
        (tmp_path / "pets" / name).mkdir(parents=True)
        for i in range(6):
            Image.fromarray(rng.integers(0, 255, (16, 16, 3), dtype=np.uint8)).save(tmp_path / "pets" / name / f"{i}.png")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    _wait_ready(qtbot, win)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "pets"))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(win, enter) and enter.isAccepted()  # a folder is welcome
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(win.state.dataset_changed, timeout=30_000) as changed:
        QApplication.sendEvent(win, event)
    assert changed.args[0] == f"folder:{tmp_path / 'pets'}"
    assert changed.args[1].classes == ["cats", "dogs"]
    assert win.current_page_name() == "Data"
    _close(qtbot, win)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_a_model_anywhere_opens_the_playground(qtbot, tmp_path):
    from onnx_factories import modeldesk_model

    model = modeldesk_model(tmp_path / "tiny.onnx")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(model))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    assert QApplication.sendEvent(win, enter) and enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(win.playground_page.model_opened, timeout=30_000) as opened:
        QApplication.sendEvent(win, drop)
    assert opened.args[0] == str(model)
    assert win.current_page_name() == "Playground"
    _close(qtbot, win)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_a_text_file_makes_it_a_text_to_learn_from(qtbot, tmp_path):
    from qt_drop import drop

    from engine.data.corpus import TextCorpus

    story = tmp_path / "story.txt"
    story.write_text("Once upon a time a small fox lived by the river and sang to the moon.\n" * 30, encoding="utf-8")
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    _wait_ready(qtbot, win)
    with qtbot.waitSignal(win.state.dataset_changed, timeout=30_000) as changed:
        drop(win, [story])
    assert changed.args[0] == f"text:{story}" and isinstance(changed.args[1], TextCorpus)
    assert win.state.task == "textgen" and win.current_page_name() == "Data"  # the task follows the data
    assert win.data_page.heading_label.text().endswith("Your text: story.txt</h3>")
    _close(qtbot, win)
