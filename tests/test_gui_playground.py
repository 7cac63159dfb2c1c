"""The Playground page with real widgets, real drops and tiny hand-built ONNX models whose right
answers are known (see tests/onnx_factories.py): ModelDesk and foreign models, settings that are
remembered, folders with accuracy and CSV, every kind of bad input, the CPU switch, explanations."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from onnx_factories import (BLUE, BRIGHT, DARK, RED, TOP, build_model, foreign_colour_model,  # noqa: E402
                            foreign_minus_one_model, lfs_pointer_model, minus_one_to_one_weights,
                            missing_external_data_model, modeldesk_model, our_metadata, rank_two_model,
                            text_file_model, truncated_model, write_image, write_labels)
from layout_check import overflows  # noqa: E402
from qt_drop import drop  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QLabel, QMessageBox,  # noqa: E402
                               QWidget)

from desktop_app.pages import playground_page  # noqa: E402
from desktop_app.pages.playground_page import (EMPTY_TEXT, NO_GPU_TIP, RECENT_KEY, READY_TEXT,  # noqa: E402
                                               SELF_DESCRIBED, PlaygroundPage)
from desktop_app.settings import app_settings  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
JARGON = ("Traceback", "Exception", "ONNXRuntimeError", "InvalidProtobuf", "DecodeError", "Error:")
WAIT = 15_000


# ----- helpers -------------------------------------------------------------------------------
def _close_error_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == "errorDialog" and widget.isVisible():
            widget.close()


@pytest.fixture
def make_page(qtbot):
    pages = []

    def make() -> PlaygroundPage:
        page = PlaygroundPage(AppState())
        qtbot.addWidget(page)
        page.resize(1180, 780)
        page.show()
        pages.append(page)
        return page

    yield make
    _close_error_dialogs()
    for page in pages:
        page.cancel_work(wait=True)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=WAIT)


@pytest.fixture
def page(make_page) -> PlaygroundPage:
    return make_page()


def open_by_drop(qtbot, page: PlaygroundPage, path: Path) -> None:
    with qtbot.waitSignal(page.model_opened, timeout=WAIT) as opened:
        drop(page, [path])
    assert opened.args == [str(path)]


def classify_by_drop(qtbot, page: PlaygroundPage, paths) -> None:
    with qtbot.waitSignal(page.results_ready, timeout=WAIT):
        drop(page, paths)


def take_error(qtbot) -> str:
    """The text of the one visible error dialog, which is then closed."""
    boxes: list[QMessageBox] = []

    def shown() -> bool:
        boxes[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]
        return bool(boxes)

    qtbot.waitUntil(shown, timeout=WAIT)
    assert len(boxes) == 1, [b.text() for b in boxes]
    text = boxes[0].text()
    boxes[0].close()
    return text


def assert_plain(message: str, *words: str) -> None:
    """One plain sentence: no line breaks, no jargon, a full stop at the end and nowhere else."""
    assert message and "\n" not in message and message.endswith("."), message
    assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
    assert not any(j in message for j in JARGON), message
    for word in words:
        assert word.lower() in message.lower(), (word, message)


def top_labels(page: PlaygroundPage) -> list[str | None]:
    return [card.bars.entries[0][0] if not card.error else None for card in page.cards()]


def assert_still_works(qtbot, page: PlaygroundPage, tmp_path: Path, name: str = "good") -> None:
    picture = write_image(tmp_path / f"{name}-check.png", BRIGHT)
    classify_by_drop(qtbot, page, [picture])
    card = page.cards()[0]
    assert card.error == "" and card.bars.entries[0][0] == "bright"
    assert card.bars.entries[0][1] == pytest.approx(TOP, abs=1e-5)


# ----- tests ---------------------------------------------------------------------------------
def test_playground_does_not_import_torch(tmp_path):
    code = textwrap.dedent(f"""
        import os, sys
        os.environ['QT_QPA_PLATFORM'] = 'offscreen'
        sys.path.insert(0, {str(ROOT / 'tests')!r})
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop_app.state import AppState
        from desktop_app.pages import playground_page
        page = playground_page.PlaygroundPage(AppState())
        from onnx_factories import modeldesk_model, write_image
        model = modeldesk_model(Path({str(tmp_path)!r}) / 'm.onnx')
        opened = playground_page.open_classifier(model, 'cpu', {{}}, True)
        result = playground_page.classify_picture(opened.classifier, write_image(Path({str(tmp_path)!r}) / 'p.png', 204))
        assert result.top[0][0] == 'bright', result
        assert 'torch' not in sys.modules, 'the playground must not import torch'
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "MODELDESK_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_empty_state_and_recent_models(qtbot, make_page, tmp_path):
    page = make_page()
    assert page.view_stack.currentIndex() == 0 and page.drop_label.text() == EMPTY_TEXT
    assert page.open_button.isVisible() and page.open_button.text() == "&Open model…"
    assert page.model_box.isHidden() and page.preprocess_box.isHidden()
    assert page.recent_list.count() == 0 and page.recent_hint.isVisible()
    assert page.accepts_drop([str(tmp_path)]) and not page.accepts_drop([]) and not page.accepts_drop([tmp_path / "nope"])

    models = [modeldesk_model(tmp_path / f"model{i}.onnx") for i in range(9)]
    for model in models:
        open_by_drop(qtbot, page, model)
    assert page.drop_label.text() == READY_TEXT and page.model_box.isVisible()
    shown = [page.recent_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.recent_list.count())]
    assert shown == [str(m) for m in reversed(models[1:])]  # newest first, the last 8
    assert json.loads(app_settings().value(RECENT_KEY)) == shown

    again = make_page()  # a new session shows the same list; a click opens the model
    assert again.recent_list.count() == 8 and again.recent_list.isVisible()
    item = again.recent_list.item(3)
    with qtbot.waitSignal(again.model_opened, timeout=WAIT) as opened:
        qtbot.mouseClick(again.recent_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=again.recent_list.visualItemRect(item).center())
    assert opened.args == [str(models[5])]
    assert again.recent_list.item(0).data(Qt.ItemDataRole.UserRole) == str(models[5])


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_modeldesk_model_cards_paste_and_csv(qtbot, page, tmp_path):
    model = modeldesk_model(tmp_path / "ours.onnx")
    open_by_drop(qtbot, page, model)
    card_text = page.model_card.text()
    for words in ("ours.onnx", "512 bytes", "onnx-factories", "ONNX opset 17", "x: float [N, 3, 4, 4]", "y: float [N, 2]",
                  "made with ModelDesk", "tiny trained on dark-and-bright", "2: dark, bright", "4 x 4 pixels, colour",
                  "[-1, 1]", "validation accuracy 97.5%", "Runs on", "CPU", "Opened in"):
        assert words in card_text, words
    assert page.preprocess_box.isHidden() and page.self_described_label.isVisible()
    assert page.self_described_label.text() == SELF_DESCRIBED

    dark, bright = write_image(tmp_path / "dark.png", DARK), write_image(tmp_path / "bright.png", BRIGHT, size=20)
    classify_by_drop(qtbot, page, [dark, bright])
    assert [card.name for card in page.cards()] == ["dark.png", "bright.png"]
    assert top_labels(page) == ["dark", "bright"]
    for card in page.cards():
        assert [p for _, p in card.bars.entries] == pytest.approx([TOP, 1 - TOP], abs=1e-5)
        assert re.fullmatch(r"\d+(\.\d)? ms", card.time_label.text()), card.time_label.text()
        assert not card.thumbnail.pixmap().isNull() and card.explain_button.isEnabled()
    assert page.results_tabs.currentIndex() == 0 and page.results_list.count() == 2

    pasted = QImage(10, 10, QImage.Format.Format_RGB32)
    pasted.fill(QColor(BRIGHT, BRIGHT, BRIGHT))
    with qtbot.waitSignal(page.results_ready, timeout=WAIT):
        page.paste_image(pasted)
    assert page.cards()[0].name == "Pasted picture 1" and top_labels(page)[0] == "bright"

    clipboard = QGuiApplication.clipboard()
    pasted.fill(QColor(DARK, DARK, DARK))
    clipboard.setImage(pasted)
    if clipboard.mimeData() is not None and clipboard.mimeData().hasImage():  # the platform has a clipboard
        with qtbot.waitSignal(page.results_ready, timeout=WAIT):
            qtbot.keyClick(page, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert page.cards()[0].name == "Pasted picture 2" and top_labels(page)[0] == "dark"

    saved = page.save_csv(str(tmp_path / "cards.csv"))
    with open(saved, newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(Path(r["path"]).name, r["label_1"], r["label_2"], r["label_3"], r["error"]) for r in rows[:3]] == [
        ("dark.png", "dark", "bright", "", ""), ("bright.png", "bright", "dark", "", ""), ("Pasted picture 1", "bright", "dark", "", "")]
    assert float(rows[0]["prob_1"]) == pytest.approx(TOP, abs=1e-5)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_csv_onto_a_read_only_disk_keeps_the_old_file_and_the_page_works(qtbot, page, tmp_path, monkeypatch):
    import errno

    open_by_drop(qtbot, page, modeldesk_model(tmp_path / "ours.onnx"))
    classify_by_drop(qtbot, page, [write_image(tmp_path / "dark.png", DARK)])
    out = tmp_path / "out"
    saved = Path(page.save_csv(str(out / "answers.csv")))
    before = saved.read_bytes()
    classify_by_drop(qtbot, page, [write_image(tmp_path / "bright.png", BRIGHT)])

    def read_only(src, dst):
        raise OSError(errno.EROFS, "Read-only file system")

    real_replace = os.replace
    monkeypatch.setattr(os, "replace", read_only)
    assert page.save_csv(str(saved)) is None
    assert_plain(take_error(qtbot), "answers.csv", "read-only")
    assert saved.read_bytes() == before and sorted(p.name for p in out.iterdir()) == ["answers.csv"]

    monkeypatch.setattr(os, "replace", real_replace)  # saved somewhere writable, the same answers are all there
    assert_still_works(qtbot, page, tmp_path)
    with open(page.save_csv(str(out / "elsewhere.csv")), newline="") as handle:
        assert [Path(row["path"]).name for row in csv.DictReader(handle)] == ["dark.png", "bright.png", "good-check.png"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_foreign_model_settings_change_the_answer_and_are_remembered(qtbot, make_page, tmp_path):
    page = make_page()
    model = foreign_minus_one_model(tmp_path / "minus.onnx")
    labels = write_labels(tmp_path / "labels.txt", ["dark", "bright"])
    open_by_drop(qtbot, page, model)
    assert page.preprocess_box.isVisible() and page.self_described_label.isHidden()
    assert "pixel values" in page.warnings_label.text() and page.warnings_label.isVisible()
    assert (page.height_spin.value(), page.width_spin.value()) == (4, 4)
    assert not page.height_spin.isEnabled() and not page.channels_combo.isEnabled()  # fixed by the graph
    assert page.channels_combo.currentData() == 3 and page.layout_combo.currentData() == "nchw"
    assert page.value_range_combo.currentData() == "[0,1]"

    with qtbot.waitSignal(page.model_opened, timeout=WAIT):
        page.choose_labels_file(str(labels))
    dark = write_image(tmp_path / "dark.png", DARK)
    classify_by_drop(qtbot, page, [dark])
    assert top_labels(page) == ["bright"]  # wrong: this model wants values in [-1, 1]

    with qtbot.waitSignal(page.results_ready, timeout=WAIT):
        page.value_range_combo.setCurrentIndex(page.value_range_combo.findData("[-1,1]"))
    assert top_labels(page) == ["dark"]
    assert page.cards()[0].bars.entries[0][1] == pytest.approx(TOP, abs=1e-5)
    assert "pixel values" not in page.warnings_label.text()

    again = make_page()  # opening the model again restores its settings
    open_by_drop(qtbot, again, model)
    assert again.value_range_combo.currentData() == "[-1,1]" and again.labels_edit.text() == str(labels)
    classify_by_drop(qtbot, again, [dark])
    assert top_labels(again) == ["dark"]

    with qtbot.waitSignal(again.model_failed, timeout=WAIT):  # settings that cannot fit: one sentence, old ones back
        again.choose_labels_file(str(write_labels(tmp_path / "three.txt", ["a", "b", "c"])))
    assert_plain(take_error(qtbot), "3 labels", "2 scores")
    assert again.labels_edit.text() == str(labels)
    assert_still_works(qtbot, again, tmp_path)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_foreign_nhwc_model(qtbot, page, tmp_path):
    open_by_drop(qtbot, page, foreign_colour_model(tmp_path / "colours.onnx", layout="nhwc"))
    assert page.layout_combo.currentData() == "nhwc" and page.channels_combo.currentData() == 3
    classify_by_drop(qtbot, page, [write_image(tmp_path / "red.png", RED), write_image(tmp_path / "blue.png", BLUE)])
    assert top_labels(page) == ["class 0", "class 1"]
    assert page.cards()[1].bars.entries[0][1] == pytest.approx(TOP, abs=1e-5)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_model_with_external_data(qtbot, page, tmp_path):
    model = build_model(tmp_path / "model.onnx", minus_one_to_one_weights(), metadata=our_metadata(), external_data=True)
    assert (tmp_path / "model.onnx.data").is_file()
    open_by_drop(qtbot, page, model)
    assert "in a separate data file" in page.model_card.text()
    assert_still_works(qtbot, page, tmp_path)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_folder_accuracy_confusion_table_and_csv(qtbot, page, tmp_path):
    open_by_drop(qtbot, page, modeldesk_model(tmp_path / "ours.onnx"))
    root = tmp_path / "photos"
    for i in range(3):
        write_image(root / "dark" / f"d{i}.png", DARK)
        write_image(root / "bright" / f"b{i}.png", BRIGHT)
    write_image(root / "dark" / "mislabelled.png", BRIGHT)  # the one wrong answer
    write_image(root / "bright" / "grey.png", 128)  # right, but only just (p = sigmoid(0.039))
    (root / "dark" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    classify_by_drop(qtbot, page, [root])

    assert page.results_tabs.currentIndex() == 1 and page.results_tabs.isTabVisible(1)
    assert page.accuracy_label.text() == "Accuracy 87.5% on 8 pictures in folders named after the labels"
    np.testing.assert_array_equal(page.folder_confusion.image, [[3, 1], [0, 4]])  # rows: dark, bright
    table = page.folder_table
    assert table.rowCount() == 9 and not table.isColumnHidden(5)
    assert "could not be read" in page.folder_title.text()
    table.sortItems(2, Qt.SortOrder.AscendingOrder)  # least sure first (an unreadable picture has no answer)
    assert [table.item(r, 0).text() for r in range(2)] == ["dark/broken.png", "bright/grey.png"]
    assert table.item(1, 1).text() == "bright" and table.item(1, 2).text() == "51.0%"
    assert_plain(table.item(0, 5).text(), "broken.png")

    saved = page.save_csv(str(tmp_path / "out" / "answers"))
    assert saved == str(tmp_path / "out" / "answers.csv")
    with open(saved, newline="") as handle:
        reader = csv.reader(handle)
        header, rows = next(reader), list(reader)
    assert header == ["path", "label_1", "prob_1", "label_2", "prob_2", "label_3", "prob_3", "label_4", "prob_4",
                      "label_5", "prob_5", "error"]
    by_name = {Path(row[0]).relative_to(root).as_posix(): row for row in rows}
    assert sorted(by_name) == sorted(["dark/d0.png", "dark/d1.png", "dark/d2.png", "dark/mislabelled.png", "dark/broken.png",
                                      "bright/b0.png", "bright/b1.png", "bright/b2.png", "bright/grey.png"])
    assert by_name["dark/d0.png"][1:3] == ["dark", f"{TOP:.6f}"] and by_name["dark/mislabelled.png"][1] == "bright"
    assert by_name["bright/grey.png"][1] == "bright" and by_name["dark/d0.png"][5:] == ["", "", "", "", "", "", ""]
    assert by_name["dark/broken.png"][1:11] == [""] * 10 and "broken.png" in by_name["dark/broken.png"][11]
    assert not list((tmp_path / "out").glob(".*tmp"))  # written atomically, no leftovers

    many = [write_image(tmp_path / "loose" / "bright" / f"{i}.png", BRIGHT) for i in range(13)]
    classify_by_drop(qtbot, page, many)  # more than 12 pictures go to the table too
    assert table.rowCount() == 13 and table.isColumnHidden(5)
    assert page.accuracy_label.text() == "Accuracy 100.0% on 13 pictures in folders named after the labels"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_bad_model_files_keep_the_open_model(qtbot, page, tmp_path):
    good = modeldesk_model(tmp_path / "good.onnx")
    open_by_drop(qtbot, page, good)
    bad = [(text_file_model(tmp_path / "notes.onnx"), "text file"),
           (lfs_pointer_model(tmp_path / "pointer.onnx"), "Git LFS pointer"),
           (truncated_model(tmp_path / "half.onnx", good), "damaged or incomplete"),
           (missing_external_data_model(tmp_path / "split.onnx"), "split.onnx.data"),
           (rank_two_model(tmp_path / "table.onnx"), "not an image classifier")]
    for path, words in bad:
        with qtbot.waitSignal(page.model_failed, timeout=WAIT):
            drop(page, [path])
        assert_plain(take_error(qtbot), path.name, words)
        assert page.model_path == good and "good.onnx" in page.model_card.text()
        assert "is still open" in page.status_label.text()
    assert_still_works(qtbot, page, tmp_path)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_bad_pictures_give_a_card_and_one_sentence(qtbot, page, tmp_path, monkeypatch):
    open_by_drop(qtbot, page, modeldesk_model(tmp_path / "good.onnx"))
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list")
    huge = write_image(tmp_path / "huge.png", BRIGHT, size=16)
    monkeypatch.setattr("engine.imaging.MAX_PIXELS", 100)
    for path, words in ((broken, ("broken.png",)), (notes, ("notes.txt", "not an image")), (huge, ("huge.png", "too large"))):
        classify_by_drop(qtbot, page, [path])
        message = take_error(qtbot)
        assert_plain(message, *words)
        assert page.cards()[0].name == path.name and page.cards()[0].error == message
        assert not page.cards()[0].explain_button.isEnabled()
    enormous = QImage(20, 20, QImage.Format.Format_RGB32)
    enormous.fill(QColor(0, 0, 0))
    page.paste_image(enormous)
    assert_plain(take_error(qtbot), "too large")
    assert "too large" in page.cards()[0].error
    assert_still_works(qtbot, page, tmp_path)  # 8 x 8 pixels is still allowed


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_force_cpu_checkbox(qtbot, make_page, tmp_path, monkeypatch):
    model = modeldesk_model(tmp_path / "ours.onnx")
    page = make_page()
    monkeypatch.setattr(playground_page, "gpu_available", lambda: False)
    open_by_drop(qtbot, page, model)
    check = page.force_cpu_check
    assert check.isChecked() and not check.isEnabled() and check.toolTip() == NO_GPU_TIP
    assert check.text() == "Always use the CPU" and page.device == "auto" and "Runs on</td><td>CPU" in page.model_card.text()

    monkeypatch.setattr(playground_page, "gpu_available", lambda: True)
    open_by_drop(qtbot, page, model)
    assert check.isEnabled() and not check.isChecked()
    with qtbot.waitSignal(page.model_opened, timeout=WAIT):
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert check.isChecked() and page.device == "cpu"
    assert str(app_settings().value(playground_page.FORCE_CPU_KEY)) == "true"
    again = make_page()
    open_by_drop(qtbot, again, model)
    assert again.device == "cpu" and again.force_cpu_check.isChecked() and again.force_cpu_check.isEnabled()
    with qtbot.waitSignal(again.model_opened, timeout=WAIT):
        again.set_force_cpu(False)
    assert again.device == "auto" and not again.force_cpu_check.isChecked()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_explain_overlays_a_heat_map(qtbot, page, tmp_path):
    pytest.importorskip("engine.infer.explain")
    from PIL import Image

    open_by_drop(qtbot, page, modeldesk_model(tmp_path / "ours.onnx"))
    pixels = np.full((16, 16, 3), DARK, np.uint8)
    pixels[:, 8:] = BRIGHT
    Image.fromarray(pixels).save(tmp_path / "half.png")
    classify_by_drop(qtbot, page, [tmp_path / "half.png"])
    card = page.cards()[0]
    before = card.thumbnail.pixmap().toImage()
    with qtbot.waitSignal(page.explain_ready, timeout=60_000):
        qtbot.mouseClick(card.explain_button, Qt.MouseButton.LeftButton)
    heat = page._items[0].heat
    assert heat.shape == (16, 16) and 0 <= heat.min() and heat.max() <= 1
    assert card.thumbnail.pixmap().toImage() != before  # red laid over the picture
    card.explain_button.click()
    assert card.thumbnail.pixmap().toImage() == before


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_layout_is_readable_at_1180_by_780(qtbot, page, tmp_path):
    open_by_drop(qtbot, page, foreign_minus_one_model(tmp_path / "minus.onnx"))
    classify_by_drop(qtbot, page, [write_image(tmp_path / f"{i}.png", DARK if i % 2 else BRIGHT) for i in range(4)])
    qtbot.wait(50)
    clipped = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and widget.pixmap().isNull():
            if widget.width() < widget.minimumSizeHint().width():
                clipped.append(widget.text())
        elif isinstance(widget, (QAbstractButton, QComboBox)) and widget.width() < widget.minimumSizeHint().width():
            clipped.append(getattr(widget, "text", lambda: widget.objectName())())
    assert clipped == []
    assert page.preprocess_box.isVisible() and page.results_list.isVisible()
    # the settings of a foreign model fit their column: nothing runs under the splitter
    problems = overflows(page)
    assert not problems, "\n".join(problems)
