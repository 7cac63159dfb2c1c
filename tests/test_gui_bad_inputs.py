"""Bad inputs fed through the real window's widgets: broken model files dropped on the window,
broken pictures dropped on the Playground, broken folders and sentence files on the Data page.
Each must give one plain sentence (an error dialog) and leave the app usable: a good input
right afterwards still works, and what was shown before stays shown."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from onnx_factories import (BRIGHT, DARK, TOP, lfs_pointer_model, modeldesk_model, text_file_model,  # noqa: E402
                            truncated_model, write_image, write_images)
from qt_drop import drop  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from desktop_app.main_window import MainWindow  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402

JARGON = ("Traceback", "Exception", "ONNXRuntimeError", "InvalidProtobuf", "DecodeError", "Error:", "Errno")
WAIT = 15_000


# ----- a dependency bug that aborted the app -----------------------------------------------
def test_signal_emit_keeps_the_refcount_of_true():
    """PySide6 6.12.0 on CPython 3.11 dropped a reference to True on every Python-side
    Signal.emit(True), so a few thousand emits aborted the app (Fatal Python error:
    bool_dealloc). pyproject.toml excludes that version; this guards the pin."""
    code = ("import sys\n"
            "from PySide6.QtCore import QCoreApplication, QObject, Signal\n"
            "app = QCoreApplication([])\n"
            "class Sender(QObject):\n"
            "    flag = Signal(bool)\n"
            "    said = Signal(object)\n"
            "sender = Sender()\n"
            "sender.flag.connect(lambda value: None)\n"
            "sender.said.connect(lambda value: None)\n"
            "before = sys.getrefcount(True)\n"
            "for i in range(100):\n"
            "    sender.flag.emit(True)\n"
            "    sender.said.emit(True)\n"
            "print(sys.getrefcount(True) - before)\n"
            "for i in range(20_000):\n"
            "    sender.flag.emit(True)\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == ["0", "ok"], result.stdout


# ----- helpers -------------------------------------------------------------------------------
def _error_dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]


def take_error(qtbot) -> str:
    """The text of the one visible error dialog, which is then closed."""
    qtbot.waitUntil(lambda: bool(_error_dialogs()), timeout=WAIT)
    qtbot.wait(30)  # a second dialog, if any, would show up now
    boxes = _error_dialogs()
    assert len(boxes) == 1, [b.text() for b in boxes]
    text = boxes[0].text()
    boxes[0].done(0)
    return text


def assert_no_error_dialog() -> None:
    assert [b.text() for b in _error_dialogs()] == []


def assert_plain(message: str, *words: str) -> None:
    """One plain sentence: no line breaks, no jargon, a full stop at the end and nowhere else."""
    assert message and "\n" not in message and message.endswith("."), message
    assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
    assert not any(j in message for j in JARGON), message
    for word in words:
        assert word.lower() in message.lower(), (word, message)


@pytest.fixture
def win(qtbot):
    """The real main window, shown; the engine is not loaded (nothing here needs torch)."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1180, 780)
    window.show()
    yield window
    for box in _error_dialogs():
        box.done(0)
    window.playground_page.cancel_work(wait=True)
    window.data_page.cancel_loading()
    window.close()
    for task in list(BackgroundTask._live):
        task.wait(30_000)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=10_000)


def open_model(qtbot, win: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(win.playground_page.model_opened, timeout=WAIT) as opened:
        drop(win, [path])
    assert opened.args == [str(path)]
    assert win.current_page_name() == "Playground"


def classify(qtbot, win: MainWindow, paths) -> None:
    with qtbot.waitSignal(win.playground_page.results_ready, timeout=WAIT):
        drop(win, paths)


# ----- (1) bad model files ---------------------------------------------------------------------
def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _random_bytes(path: Path) -> Path:
    path.write_bytes(np.random.default_rng(1).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    return path


def _truncated(path: Path) -> Path:
    return truncated_model(path, modeldesk_model(path.with_name("whole.onnx")))


def _png_renamed(path: Path) -> Path:
    picture = write_image(path.with_name("picture.png"), BRIGHT, size=16)
    picture.rename(path)
    return path


BAD_MODELS = {
    "empty": _empty,
    "random-bytes": _random_bytes,
    "text-file": text_file_model,
    "lfs-pointer": lfs_pointer_model,
    "truncated": _truncated,
    "png-renamed": _png_renamed,
}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("kind", list(BAD_MODELS))
def test_bad_model_file_gives_one_sentence_then_a_good_model_opens(qtbot, win, tmp_path, kind):
    page = win.playground_page
    bad = BAD_MODELS[kind](tmp_path / f"bad-{kind}.onnx")
    with qtbot.waitSignal(page.model_failed, timeout=WAIT):
        drop(win, [bad])
    assert win.current_page_name() == "Playground"
    message = take_error(qtbot)
    assert_plain(message, bad.name)
    assert f"{bad.name} was not opened" in page.status_label.text()
    assert page.model_path is None

    good = modeldesk_model(tmp_path / "good.onnx")
    open_model(qtbot, win, good)
    assert page.model_path == good and "good.onnx" in page.model_card.text()
    classify(qtbot, win, [write_image(tmp_path / "check.png", BRIGHT)])
    card = page.cards()[0]
    assert card.error == "" and card.bars.entries[0][0] == "bright"
    assert_no_error_dialog()


# ----- (2) bad and odd pictures ----------------------------------------------------------------
def _truncated_png(path: Path) -> Path:
    whole = write_image(path.with_name("whole.png"), BRIGHT, size=32).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _cmyk_jpeg(path: Path) -> Path:
    # no cyan, magenta or yellow ink and some black: a uniform grey of value DARK
    Image.new("CMYK", (8, 8), (0, 0, 0, 255 - DARK)).save(path, quality=95)
    return path


def _png_16_bit(path: Path) -> Path:
    # DARK on a 16-bit scale; a reader that clipped instead of scaling would see white
    Image.fromarray(np.full((8, 8), DARK * 257, np.uint16)).save(path)
    assert Image.open(path).mode.startswith("I;16")
    return path


BAD_PICTURES = {  # name -> (file maker, words the sentence names, or None: classifies as dark)
    "truncated.png": (_truncated_png, ("truncated.png",)),
    "random.jpg": (_random_bytes, ("random.jpg",)),
    "empty.png": (_empty, ("empty.png",)),
    "cmyk.jpg": (_cmyk_jpeg, None),
    "sixteen-bit.png": (_png_16_bit, None),
}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("name", list(BAD_PICTURES))
def test_dropped_picture_gets_a_card_sentence_or_a_result(qtbot, win, tmp_path, name):
    page = win.playground_page
    open_model(qtbot, win, modeldesk_model(tmp_path / "ours.onnx"))
    make, words = BAD_PICTURES[name]
    picture = make(tmp_path / name)
    classify(qtbot, win, [picture])
    card = page.cards()[0]
    assert card.name == name
    if words is None:  # odd but valid: an answer, no dialog
        assert card.error == "", card.error
        assert card.bars.entries[0][0] == "dark"
        assert card.bars.entries[0][1] == pytest.approx(TOP, abs=0.01)
        assert_no_error_dialog()
    else:
        message = take_error(qtbot)
        assert_plain(message, *words)
        assert card.error == message
        assert not card.explain_button.isEnabled()
    assert "ours.onnx" in page.model_card.text()

    classify(qtbot, win, [write_image(tmp_path / "check.png", BRIGHT)])  # still usable
    card = page.cards()[0]
    assert card.error == "" and card.bars.entries[0][0] == "bright"
    assert_no_error_dialog()


# ----- (3) bad datasets on the Data page -------------------------------------------------------
def _load(qtbot, win: MainWindow, spec: str) -> None:
    with qtbot.waitSignal(win.state.dataset_changed, timeout=WAIT):
        win.data_page.load_spec(spec)
    qtbot.waitUntil(lambda: not win.data_page.is_loading(), timeout=WAIT)


def _fail(qtbot, win: MainWindow, spec: str) -> str:
    changed = []
    win.state.dataset_changed.connect(lambda *args: changed.append(args))
    win.data_page.load_spec(spec)
    message = take_error(qtbot)
    qtbot.waitUntil(lambda: not win.data_page.is_loading(), timeout=WAIT)
    assert changed == []
    return message


def _flat_folder(root: Path) -> Path:
    for i in range(4):
        write_image(root / "flat" / f"{i}.png", BRIGHT)
    return root / "flat"


def _broken_folder(root: Path) -> Path:
    for name in ("cats", "dogs"):
        (root / "broken" / name).mkdir(parents=True)
        for i in range(3):
            (root / "broken" / name / f"{i}.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    return root / "broken"


def _missing_folder(root: Path) -> Path:
    return root / "does-not-exist"


BAD_FOLDERS = {  # name -> (maker, words the sentence must hold)
    "no-class-folders": (_flat_folder, ("class folders",)),
    "only-broken-pictures": (_broken_folder, ("could be read",)),
    "nonexistent": (_missing_folder, ("does not exist",)),
}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("kind", list(BAD_FOLDERS))
def test_bad_folder_keeps_the_shown_dataset(qtbot, win, tmp_path, kind):
    page, state = win.data_page, win.state
    win.show_page("Data")
    good = f"folder:{tmp_path / 'pets'}"
    write_images(tmp_path / "pets", {"dark": (DARK,) * 3, "bright": (BRIGHT,) * 3}, count=6)
    _load(qtbot, win, good)
    data, heading, summary = state.dataset, page.heading_label.text(), page.summary_label.text()

    make, words = BAD_FOLDERS[kind]
    folder = make(tmp_path)
    message = _fail(qtbot, win, f"folder:{folder}")
    assert_plain(message, folder.name, *words)
    assert state.dataset_spec == good and state.dataset is data
    assert page.heading_label.text() == heading and page.summary_label.text() == summary
    assert page.selected_spec() == "folder" and page.dataset_list.isEnabled()

    _load(qtbot, win, good)  # still usable
    assert state.dataset.classes == ["bright", "dark"] or state.dataset.classes == ["dark", "bright"]
    assert_no_error_dialog()


def _empty_tsv(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _utf16_tsv(path: Path) -> Path:
    path.write_bytes("".join(f"word {i}\tmot {i}\n" for i in range(40)).encode("utf-16"))
    return path


def _no_tabs_tsv(path: Path) -> Path:
    path.write_text("".join(f"word {i} mot {i}\n" for i in range(40)), encoding="utf-8")
    return path


BAD_SENTENCE_FILES = {  # name -> (maker, words the sentence must hold)
    "empty": (_empty_tsv, ("empty",)),
    "utf-16": (_utf16_tsv, ("UTF-16", "UTF-8")),
    "no-tabs": (_no_tabs_tsv, ("tab",)),
}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("kind", list(BAD_SENTENCE_FILES))
def test_bad_sentence_file_keeps_the_shown_dataset(qtbot, win, tmp_path, kind):
    page, state = win.data_page, win.state
    win.show_page("Data")
    page.select_task("translate")
    good_file = tmp_path / "good.tsv"
    good_file.write_text("".join(f"word number {i}\tmot numéro {i}\n" for i in range(60)), encoding="utf-8")
    good = f"tsv:{good_file}"
    _load(qtbot, win, good)
    assert state.task == "translate"
    data, heading, summary = state.dataset, page.heading_label.text(), page.summary_label.text()

    make, words = BAD_SENTENCE_FILES[kind]
    bad = make(tmp_path / f"bad-{kind}.tsv")
    message = _fail(qtbot, win, f"tsv:{bad}")
    assert_plain(message, bad.name, *words)
    assert state.dataset_spec == good and state.dataset is data and state.task == "translate"
    assert page.heading_label.text() == heading and page.summary_label.text() == summary
    assert page.dataset_list.isEnabled()

    _load(qtbot, win, good)  # still usable
    assert state.dataset_spec == good
    assert_no_error_dialog()


# ----- (5) a damaged settings file ---------------------------------------------------------------
JUNK_SETTINGS = {
    "window/geometry": "not a geometry", "window/size": "huge", "window/page": "the third one",
    "data/task": "juggling", "data/spec": "folder:/no/such/folder", "data/spec_translate": "tsv:",
    "data/last_folder": "\x00", "data/sentence_options/max_length": "many", "data/sentence_options/reverse": "perhaps",
    "model/name": "no-such-network", "model/name_gan": "", "evaluate/export_dir": "/no/such/folder",
    "playground/recent": "[1, 2, {\"a\": 3}", "playground/force_cpu": "maybe", "playground/models/x/overrides": "{oops",
}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("damage", ["random-bytes", "junk-values"])
def test_a_damaged_settings_file_gives_a_working_window(qtbot, tmp_path, damage):
    from desktop_app.settings import app_settings

    settings = app_settings()
    path = Path(settings.fileName())
    if damage == "random-bytes":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(np.random.default_rng(7).integers(0, 256, 3000, dtype=np.uint8).tobytes())
    else:
        for key, value in JUNK_SETTINGS.items():
            settings.setValue(key, value)
        settings.sync()
    del settings
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.wait(200)
        assert window.isVisible() and window.width() >= 600
        for name in ("Data", "Model", "Train", "Evaluate", "Playground"):
            window.show_page(name)
            assert window.current_page_name() == name
        assert window.playground_page.recent_models() == []
        open_model(qtbot, window, modeldesk_model(tmp_path / "good.onnx"))
        classify(qtbot, window, [write_image(tmp_path / "bright.png", BRIGHT)])
        assert window.playground_page.cards()[0].bars.entries[0][0] == "bright"
        for box in _error_dialogs():  # a remembered folder that is gone may be reported, in one sentence
            assert_plain(box.text())
            box.done(0)
    finally:
        window.playground_page.cancel_work(wait=True)
        window.data_page.cancel_loading()
        window.close()
        for task in list(BackgroundTask._live):
            task.wait(30_000)


# ----- (6) a download that arrives damaged -------------------------------------------------------
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_damaged_download_is_deleted_and_the_shown_dataset_stays(qtbot, win, tmp_path, monkeypatch):
    from local_server import serve_folder

    from engine import paths
    from engine.data import idx

    page, state = win.data_page, win.state
    win.show_page("Data")
    _load(qtbot, win, "digits")
    heading = page.heading_label.text()
    www = tmp_path / "www"
    www.mkdir()
    for stem in idx.IDX_FILES:  # what a broken proxy or a truncated mirror might hand out
        (www / f"{stem}.gz").write_bytes(b"<html>Service unavailable</html>" * 50)
    with serve_folder(www) as (base, server):
        monkeypatch.setitem(idx.MIRRORS, "mnist", base)
        message = _fail(qtbot, win, "mnist")
    assert server.requests, "the page did not try to download"
    assert_plain(message, "damaged", "try again")
    cache = paths.cache_dir() / "mnist"
    assert not cache.exists() or list(cache.iterdir()) == []  # nothing damaged is kept for next time
    assert state.dataset_spec == "digits" and page.heading_label.text() == heading
    assert page.dataset_list.isEnabled()
    _load(qtbot, win, "digits")  # still usable
    assert_no_error_dialog()
