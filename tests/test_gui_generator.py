"""The Playground with picture generators (GANs): real drops, clicks and keys on a page that opens
small DCGAN generators exported by ModelDesk (untrained; what matters is that the page shows
exactly what the engine draws) and a foreign one without metadata."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("torch")  # the test generators are exported from PyTorch models

from onnx_factories import (BRIGHT, foreign_generator_model, generator_model, modeldesk_model,  # noqa: E402
                            write_image)
from layout_check import overflows  # noqa: E402
from qt_drop import drop  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QMessageBox, QWidget  # noqa: E402

from desktop_app.pages import generator_panel  # noqa: E402
from desktop_app.pages.generator_panel import DROP_PICTURES_TEXT, GeneratorPanel, save_scale  # noqa: E402
from desktop_app.pages.playground_page import PlaygroundPage  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402
from engine.imaging import image_grid  # noqa: E402
from engine.infer.generator import sample_grid  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WAIT = 15_000
JARGON = ("Traceback", "Exception", "ONNXRuntimeError", "Error:")


# ----- fixtures and helpers ------------------------------------------------------------------
@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict[str, Path]:
    """Generators made once for the module (exporting takes a second each)."""
    root = tmp_path_factory.mktemp("generators")
    return {"conditional": generator_model(root / "digits-cgan.onnx", conditional=True,
                                           metrics={"recognised": 0.9, "coverage": 10, "agreement": 0.8, "epochs": 3}),
            "plain": generator_model(root / "digits-gan.onnx", conditional=False),
            "foreign": foreign_generator_model(root / "foreign-gan.onnx")}


def _error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()]


@pytest.fixture
def page(qtbot) -> PlaygroundPage:
    page = PlaygroundPage(AppState())
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.show()
    yield page
    for box in _error_boxes():
        box.close()
    page.cancel_work(wait=True)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=WAIT)


def wait_ready(qtbot, panel: GeneratorPanel) -> None:
    qtbot.waitUntil(panel.is_ready, timeout=WAIT)


def press(qtbot, panel: GeneratorPanel, widget, key) -> None:
    """Press `key` on `widget`, then wait for what it asked to be drawn (on a slow machine morph
    frames are drawn in the background)."""
    qtbot.keyClick(widget, key)
    qtbot.waitUntil(lambda: not panel.is_drawing(), timeout=WAIT)


def open_generator(qtbot, page: PlaygroundPage, path: Path, by_drop: bool = False) -> GeneratorPanel:
    with qtbot.waitSignal(page.model_opened, timeout=WAIT) as opened:
        drop(page, [path]) if by_drop else page.open_model(path)
    assert opened.args == [str(path)]
    wait_ready(qtbot, page.generator_panel)
    return page.generator_panel


def type_number(qtbot, spin, value: int) -> None:
    """Select the spin box's text, type `value` and press Enter, as a person would."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def assert_plain(message: str, *words: str) -> None:
    assert message and "\n" not in message and message.endswith("."), message
    assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
    assert not any(j in message for j in JARGON), message
    for word in words:
        assert word.lower() in message.lower(), (word, message)


def grid_size(count: int, columns: int, side: int = 8) -> tuple[int, int]:
    """(height, width) of an image_grid of `count` side x side pictures with padding 1."""
    rows = -(-count // columns)
    return rows * (side + 1) + 1, columns * (side + 1) + 1


# ----- tests ---------------------------------------------------------------------------------
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_conditional_generator_draws_grids_classes_and_morphs(qtbot, page, models, tmp_path, monkeypatch):
    panel = open_generator(qtbot, page, models["conditional"], by_drop=True)
    generator = page.generator
    assert generator is not None and generator.conditional and page.classifier is None
    assert page.model_path == models["conditional"]

    # the generator section replaces the classifier's results and settings
    assert page.view_stack.currentWidget() is panel and panel.isVisible()
    assert not page.drop_zone.isVisible() and not page.results_tabs.isVisible() and page.preprocess_box.isHidden()
    assert not page.add_button.isEnabled() and not page.paste_button.isEnabled()
    card = page.model_card.text()
    for words in ("digits-cgan.onnx", "Picture generator (GAN)", "8 x 8 pixels, grayscale", "64 random numbers",
                  "10 you can choose from", "90% of its pictures recognisable", "10 of 10 classes",
                  "draws the chosen class 80%", "3 epochs", "Runs on", "CPU", "Opened in"):
        assert words in card, (words, card)
    assert page.self_described_label.isVisible()

    # a grid of 64: every class in turn, one column per class
    assert panel.class_combo.isVisible() and panel.class_combo.count() == 11
    assert panel.class_combo.currentText() == "Every class" and panel.count == 64
    first_seed = panel.seed
    first = panel.grid
    assert first.shape == (*grid_size(64, 10), 1)
    assert np.array_equal(first, sample_grid(generator, 64, first_seed))
    assert panel.grid_view.pixel_scale() >= 4  # 8 x 8 pictures are shown big, with whole pixels
    assert panel.grid_info.text().startswith("Drawn in ") and panel.grid_info.toolTip() == f"64 pictures from seed {first_seed}."

    # another seed, typed in, then the first one again: the same seed gives the same pictures
    type_number(qtbot, panel.seed_spin, 1234)
    qtbot.waitUntil(lambda: panel.grid is not first and not panel.is_drawing(), timeout=WAIT)
    assert panel.seed == 1234 and not np.array_equal(panel.grid, first)
    type_number(qtbot, panel.seed_spin, first_seed)
    qtbot.waitUntil(lambda: not panel.is_drawing() and panel.seed == first_seed, timeout=WAIT)
    assert np.array_equal(panel.grid, first)

    # New samples: a new seed, shown in the box, and new pictures
    with qtbot.waitSignal(panel.grid_ready, timeout=WAIT):
        qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    wait_ready(qtbot, panel)
    seed = panel.seed
    assert seed != first_seed and not np.array_equal(panel.grid, first)
    assert np.array_equal(panel.grid, sample_grid(generator, 64, seed))

    # fewer pictures
    type_number(qtbot, panel.count_spin, 20)
    qtbot.waitUntil(lambda: panel.grid.shape[:2] == grid_size(20, 10), timeout=WAIT)

    # one class only: the model is asked for that class for every picture
    panel.class_combo.setFocus()
    qtbot.keyClicks(panel.class_combo, "7")
    assert panel.class_combo.currentText() == "7" and panel.class_index == 7
    qtbot.waitUntil(lambda: not panel.is_drawing() and panel.grid.shape[:2] == grid_size(20, 5), timeout=WAIT)
    assert np.array_equal(panel.grid, image_grid(generator.sample(20, seed, 7), 5))
    assert "class “7”" in panel.grid_info.toolTip() and "“7”" in panel.morph_class_hint.text()

    # the morph: ends equal seed A's and seed B's drawings, in the chosen class
    panel.set_morph_seeds(11, 22)
    wait_ready(qtbot, panel)
    panel.slider.setFocus()
    press(qtbot, panel, panel.slider, Qt.Key.Key_Home)
    assert panel.position == 0 and np.array_equal(panel.frame, generator.interpolate(11, 22, 0.0, 7))
    start = panel.frame.copy()
    press(qtbot, panel, panel.slider, Qt.Key.Key_End)
    assert panel.position == 1 and np.array_equal(panel.frame, generator.interpolate(11, 22, 1.0, 7))
    assert np.array_equal(panel.frame, generator.sample(1, 22, 7)[0])
    for _ in range(5):
        press(qtbot, panel, panel.slider, Qt.Key.Key_PageDown)  # 10 steps each, back to the middle
    assert panel.slider.value() == 50
    assert np.array_equal(panel.frame, generator.interpolate(11, 22, 0.5, 7)) and not np.array_equal(panel.frame, start)
    wait_ready(qtbot, panel)
    strip = panel.strip
    assert len(strip) == 8 and all(frame is not None for frame in strip)
    assert np.array_equal(strip[0], start) and np.array_equal(strip[-1], generator.interpolate(11, 22, 1.0, 7))
    qtbot.mouseClick(panel.strip_views[0], Qt.MouseButton.LeftButton)  # a frame of the strip moves the slider
    wait_ready(qtbot, panel)
    assert panel.slider.value() == 0 and np.array_equal(panel.frame, start)

    # Play animates the slider; the button turns into Pause and back
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert panel.is_playing() and panel.play_button.text() == "Pa&use"
    qtbot.waitUntil(lambda: panel.slider.value() >= 10, timeout=WAIT)
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert not panel.is_playing() and panel.play_button.text() == "P&lay"
    stopped = panel.slider.value()
    qtbot.wait(100)
    assert panel.slider.value() == stopped

    # saving: the grid enlarged with sharp pixels, or as it is
    saved = panel.save_grid(tmp_path / "grid.png")
    height, width = panel.grid.shape[:2]
    scale = save_scale(panel.grid.shape)
    with Image.open(saved) as image:
        assert image.size == (width * scale, height * scale) and max(image.size) >= 512
        enlarged = np.asarray(image)
    assert np.array_equal(enlarged[::scale, ::scale], panel.grid[..., 0])
    with Image.open(panel.save_grid(tmp_path / "small", scale=1)) as image:  # .png is added
        assert image.size == (width, height) and np.array_equal(np.asarray(image), panel.grid[..., 0])
    assert page.status_label.text().startswith("Saved the pictures to ")

    shown: list[str] = []
    monkeypatch.setattr(generator_panel, "show_error", lambda parent, title, message, details="": shown.append(message))
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    assert panel.save_grid(blocker / "grid.png") is None
    assert len(shown) == 1
    assert_plain(shown[0], "could not be saved", "grid.png")

    # pictures dropped on a generator get one plain sentence, no error box and no cards
    picture = write_image(tmp_path / "bright.png", BRIGHT)
    drop(page, [picture])
    qtbot.wait(50)
    assert page.status_label.text() == DROP_PICTURES_TEXT
    assert_plain(DROP_PICTURES_TEXT, "generator", "classif")
    assert _error_boxes() == [] and page.cards() == [] and page.view_stack.currentWidget() is panel

    # opening a classifier brings the classifier's page back, and it works
    classifier = modeldesk_model(tmp_path / "classifier.onnx")
    with qtbot.waitSignal(page.model_opened, timeout=WAIT):
        page.open_model(classifier)
    assert page.generator is None and page.classifier is not None and panel.generator is None
    assert page.view_stack.currentWidget() is page.drop_zone and not panel.isVisible()
    assert page.add_button.isEnabled() and "Picture generator" not in page.model_card.text()
    with qtbot.waitSignal(page.results_ready, timeout=WAIT):
        drop(page, [picture])
    assert page.cards()[0].bars.entries[0][0] == "bright"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_unconditional_and_foreign_generators_and_recent_list(qtbot, page, models):
    panel = open_generator(qtbot, page, models["plain"])
    generator = page.generator
    assert not generator.conditional
    assert panel.class_combo.isHidden() and panel.class_label.isHidden() and panel.morph_class_hint.isHidden()
    assert panel.class_index is None
    assert panel.grid.shape == (*grid_size(64, 8), 1)
    assert np.array_equal(panel.grid, sample_grid(generator, 64, panel.seed))
    assert np.array_equal(panel.frame, generator.interpolate(panel.seed_a_spin.value(), panel.seed_b_spin.value(), 0.0))
    card = page.model_card.text()
    assert "Picture generator (GAN)" in card and "you can choose from" not in card
    assert panel.warnings_label.isHidden()

    # a generator without ModelDesk's metadata opens too, and says what was guessed
    foreign = open_generator(qtbot, page, models["foreign"])
    assert page.generator.path == models["foreign"] and not page.generator.has_metadata
    assert foreign.warnings_label.isVisible() and "-1 to 1" in foreign.warnings_label.text()
    assert "4 x 4 pixels" in page.model_card.text() and "made with ModelDesk" not in page.model_card.text()
    assert not page.self_described_label.isVisible()
    assert panel.grid.shape == (*grid_size(64, 8, side=4), 1)

    # both are in the recent list; a click opens the first again
    rows = {page.recent_list.item(i).data(Qt.ItemDataRole.UserRole): i for i in range(page.recent_list.count())}
    assert set(rows) == {str(models["plain"]), str(models["foreign"])}
    item = page.recent_list.item(rows[str(models["plain"])])
    with qtbot.waitSignal(page.model_opened, timeout=WAIT):
        qtbot.mouseClick(page.recent_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=page.recent_list.visualItemRect(item).center())
    wait_ready(qtbot, panel)
    assert page.generator.path == models["plain"] and panel.warnings_label.isHidden()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_generator_layout_is_readable_at_1180_by_780(qtbot, page, models):
    panel = open_generator(qtbot, page, models["conditional"])
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
    problems = overflows(page)  # nothing runs past its scroll area or its parent
    assert not problems, "\n".join(problems)
    for spin in (panel.seed_spin, panel.seed_a_spin, panel.seed_b_spin):  # the largest seed fits
        assert spin.width() >= spin.fontMetrics().horizontalAdvance("2147483647") + 20
    assert panel.grid_view.pixel_scale() >= 4 and panel.frame_view.pixel_scale() >= 16
    assert all(view.isVisible() and view.pixel_scale() >= 4 for view in panel.strip_views)
    for widget in (panel.seed_spin, panel.count_spin, panel.new_button, panel.class_combo, panel.save_button,
                   panel.slider, panel.play_button, panel.seed_a_spin, panel.seed_b_spin, panel.pair_button):
        assert widget.toolTip(), widget
    assert "same seed always gives the same pictures" in panel.seed_spin.toolTip()
    assert "morphs smoothly" in panel.morph_box.toolTip().lower()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_slow_models_draw_morph_frames_in_the_background(qtbot, page, models, monkeypatch):
    monkeypatch.setattr(generator_panel, "FRAME_SYNC_MS", -1.0)  # as if every frame took too long
    panel = open_generator(qtbot, page, models["plain"])
    generator = page.generator
    panel.set_morph_seeds(5, 6)
    panel.slider.setFocus()
    qtbot.keyClick(panel.slider, Qt.Key.Key_End)
    assert panel.is_drawing()  # asked for, not drawn in the GUI thread
    qtbot.waitUntil(lambda: not panel.is_drawing(), timeout=WAIT)
    assert np.array_equal(panel.frame, generator.interpolate(5, 6, 1.0))
    shown = []
    panel.frame_ready.connect(lambda: shown.append(panel.position))
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown) >= 3, timeout=WAIT)  # playing keeps showing frames
    panel.pause()
    qtbot.waitUntil(lambda: not panel.is_drawing(), timeout=WAIT)
    assert np.array_equal(panel.frame, generator.interpolate(5, 6, panel.position))


def test_drawing_with_a_generator_does_not_import_torch(tmp_path):
    code = textwrap.dedent(f"""
        import os, sys
        os.environ['QT_QPA_PLATFORM'] = 'offscreen'
        sys.path.insert(0, {str(ROOT / 'tests')!r})
        from pathlib import Path
        from desktop_app.pages import playground_page
        from onnx_factories import foreign_generator_model
        model = foreign_generator_model(Path({str(tmp_path)!r}) / 'g.onnx')
        opened = playground_page.open_any_model(model, 'cpu', {{}}, True)
        assert opened.classifier is None and opened.generator is not None
        from engine.infer.generator import sample_grid
        assert sample_grid(opened.generator, 16, 3).shape == (21, 21, 1)
        assert 'Picture generator (GAN)' in playground_page.describe_model(opened)
        assert 'torch' not in sys.modules, 'the playground must not import torch'
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "MODELDESK_HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
