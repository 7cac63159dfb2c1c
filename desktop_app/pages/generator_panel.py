"""The Playground's picture-generator section: draw grids of GAN samples and morph between seeds.

`PlaygroundPage` opens the model (see `open_generator`) and hands the `ImageGenerator` to a
`GeneratorPanel`, shown instead of the classifier's results. The panel draws a grid of samples
for a seed (and a class, for conditional models), saves it as PNG, and morphs one drawing into
another along the spherical path between two seeds: a slider, a Play button and a strip of
frames along the way.

Like the rest of the Playground this never imports torch; engine modules are imported lazily.
Grids are drawn in the background (a large model can take a second for 256 pictures); one job
of each kind runs at a time and a request made meanwhile replaces the waiting one, so only the
newest settings are drawn. A single morph frame is drawn in the GUI thread while the model
draws one in under FRAME_SYNC_MS, otherwise in the background too.
"""

from __future__ import annotations

import logging
import math
import random
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFrame, QGridLayout, QScrollArea, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSizePolicy, QSlider, QSpinBox, QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.dialogs import show_error
from desktop_app.engine_words import say, say_all
from desktop_app.images import array_to_qimage
from desktop_app.settings import app_settings
from desktop_app.workers import LatestJob, TaskError

log = logging.getLogger(__name__)

SAMPLES_DEFAULT = 64
SAMPLES_MAX = 256
SEED_MAX = 2**31 - 1
STRIP_FRAMES = 8  # pictures in the strip along the morph
SLIDER_MAX = 100  # the morph slider runs 0..100 (t = value / 100)
PLAY_INTERVAL_MS = 40  # 25 frames a second
PLAY_STEP = 2  # slider steps per frame: A to B in two seconds
PLAY_HOLD_FRAMES = 12  # half a second on A and on B before turning back
FRAME_SYNC_MS = 10.0  # morph frames that take longer than this are drawn in the background
REDRAW_DELAY_MS = 150  # typing in a spin box waits this long for the next key before drawing
SAVE_MIN_SIDE = 512  # saved grids are enlarged (sharp pixels) to at least this many pixels
EVERY_CLASS = -1
GRID_DIR_KEY = "playground/grid_dir"

DROP_PICTURES_TEXT = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "This model is a picture generator: it draws new pictures and does not classify them, so open an "
    "image classifier to try your pictures.")
SEED_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "The seed picks the random starting points the model turns into pictures. The same seed always gives "
    "the same pictures, so you can show them again later.")
COUNT_TIP = QT_TRANSLATE_NOOP("GeneratorPanel", "How many pictures to draw at once.")
NEW_TIP = QT_TRANSLATE_NOOP("GeneratorPanel", "Pick a new random seed and draw new pictures.")
CLASS_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "Which class the model should draw. 'Every class' draws each class in turn, one column per class.")
SAVE_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "Save the grid of pictures as a PNG file, enlarged with sharp pixels so it stays crisp on a slide.")
MORPH_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "Morphs smoothly from one drawing to another: the first picture of seed A slowly turns into the "
    "first picture of seed B, through drawings the model makes along the way.")
SEED_A_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "The seed of the drawing the morph starts from. The same seed always gives the same pictures, so you "
    "can show them again later.")
SEED_B_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "The seed of the drawing the morph ends at. The same seed always gives the same pictures, so you can "
    "show them again later.")
SLIDER_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "Slide to move between the drawing of seed A (left end) and the drawing of seed B (right end).")
PLAY_TIP = QT_TRANSLATE_NOOP("GeneratorPanel", "Play the morph as an animation, back and forth between A and B.")
PAIR_TIP = QT_TRANSLATE_NOOP("GeneratorPanel", "Pick two new random seeds to morph between.")
STRIP_TIP = QT_TRANSLATE_NOOP("GeneratorPanel", "Drawings along the way from A to B. Click one to show it above.")
GRID_TIP = QT_TRANSLATE_NOOP(
    "GeneratorPanel", "Pictures the model drew. The same seed always gives the same pictures, so you can show them again "
    "later.")


# ----- plain helpers, no widgets (they run in workers too) ----------------------------------
def open_generator(path: Path, device: str) -> tuple[Any, float] | None:
    """Open `path` as a picture generator when it is one (runs in a worker): the ImageGenerator
    and the time it took in ms. None when the file is something else (or too broken to tell),
    so the classifier path opens it and explains any problem in its own words. A file that
    ModelDesk made as a generator but cannot open raises ModelFileError."""
    from engine.errors import ModelFileError
    from engine.infer.generator import ImageGenerator, model_task

    try:
        task = model_task(path)
    except Exception:  # noqa: BLE001 - the classifier path words broken files for people
        log.debug("could not tell what %s is for", path, exc_info=True)
        return None
    if task != "gan":
        return None
    start = time.perf_counter()
    try:
        generator = ImageGenerator.open(path, device)
    except ModelFileError:
        if _described_as_generator(path):
            raise
        log.info("%s takes a flat input but is no picture generator; trying it as a classifier", path)
        return None
    return generator, (time.perf_counter() - start) * 1000


def _described_as_generator(path: Path) -> bool:
    try:
        import onnx

        from engine.export.metadata import read_task

        proto = onnx.load(str(path), load_external_data=False)
        return read_task({p.key: p.value for p in proto.metadata_props}) == "gan"
    except Exception:  # noqa: BLE001 - unreadable metadata: not ours
        return False


def _percent(value: float) -> str:
    return f"{value:.0%}" if 0 <= value <= 1 else f"{value:.3g}"


def quality_text(metrics: dict, classes: Sequence[str]) -> str:
    """The training-quality metrics of a generator in plain words."""
    parts = []
    known = ("recognised", "coverage", "agreement", "epochs")
    ordered = [k for k in known if k in metrics] + [k for k in metrics if k not in known]
    for key, value in ((k, metrics[k]) for k in ordered):
        if not isinstance(value, (int, float)):
            continue
        if key == "recognised":
            parts.append(QCoreApplication.translate("GeneratorPanel", "{percent} of its pictures recognisable").format(
                percent=_percent(value)))
        elif key == "coverage":
            parts.append(QCoreApplication.translate("GeneratorPanel", "{drawn} of {total} classes drawn").format(
                drawn=int(value), total=len(classes)) if classes else
                QCoreApplication.translate("GeneratorPanel", "{drawn} classes drawn").format(drawn=int(value)))
        elif key == "agreement":
            parts.append(QCoreApplication.translate("GeneratorPanel", "draws the chosen class {percent} of the time").format(
                percent=_percent(value)))
        elif key == "epochs":
            parts.append(QCoreApplication.translate("GeneratorPanel", "after {epochs} epochs of training").format(
                epochs=f"{int(value):,}"))
        else:
            parts.append(f"{key.replace('_', ' ')} {value:.3g}" if isinstance(value, float) else f"{key.replace('_', ' ')} {value}")
    return QCoreApplication.translate("GeneratorPanel", ", ").join(parts)


def generator_rows(generator: Any) -> list[tuple[str, str]]:
    """Model-card rows about what a generator draws (the page adds file, provider and time)."""
    meta = generator.metadata
    rows = [(QCoreApplication.translate("GeneratorPanel", "Task"),
             QCoreApplication.translate("GeneratorPanel", "Picture generator (GAN), made with ModelDesk") if generator.has_metadata
             else QCoreApplication.translate("GeneratorPanel", "Picture generator (GAN)"))]
    if meta.model_name or meta.dataset:
        model = (QCoreApplication.translate("GeneratorPanel", "{model} trained on {dataset}").format(
            model=meta.model_name, dataset=meta.dataset) if meta.model_name and meta.dataset
            else meta.model_name or meta.dataset)
        rows.append((QCoreApplication.translate("GeneratorPanel", "Model"), model))
    height, width = meta.image_size
    colour = (QCoreApplication.translate("GeneratorPanel", "grayscale") if meta.channels == 1
              else QCoreApplication.translate("GeneratorPanel", "colour") if meta.channels == 3
              else QCoreApplication.translate("GeneratorPanel", "{count} channels").format(count=meta.channels))
    rows.append((QCoreApplication.translate("GeneratorPanel", "Pictures"),
                 QCoreApplication.translate("GeneratorPanel", "{width} x {height} pixels, {colour}").format(
                     width=width, height=height, colour=colour)))
    rows.append((QCoreApplication.translate("GeneratorPanel", "Noise"),
                 QCoreApplication.translate("GeneratorPanel", "{count} random numbers per picture (latent size)").format(
                     count=f"{meta.latent_size:,}")))
    if meta.conditional:
        first = ", ".join(meta.classes[:8]) + (", …" if len(meta.classes) > 8 else "")
        rows.append((QCoreApplication.translate("GeneratorPanel", "Classes"),
                     QCoreApplication.translate("GeneratorPanel", "{count} you can choose from: {first}").format(
                         count=f"{len(meta.classes):,}", first=first)))
    if meta.metrics:
        rows.append((QCoreApplication.translate("GeneratorPanel", "Quality"), quality_text(meta.metrics, meta.classes)))
    return rows


def enlarge(image: np.ndarray, scale: int) -> np.ndarray:
    """`image` (H, W, C) with every pixel repeated `scale` x `scale` times (sharp, no blur)."""
    return image if scale <= 1 else np.repeat(np.repeat(image, scale, axis=0), scale, axis=1)


def save_scale(shape: Sequence[int], min_side: int = SAVE_MIN_SIDE) -> int:
    """The whole-number enlargement that makes a picture of `shape` at least `min_side` pixels
    on its longer side (1 for pictures already that large)."""
    return max(1, math.ceil(min_side / max(1, max(shape[0], shape[1]))))


# ----- small widgets -------------------------------------------------------------------------
class PixelView(QWidget):
    """Shows a uint8 picture as large as fits, enlarged by a whole number with sharp pixels (so
    8 x 8 drawings stay crisp) and shrunk smoothly when too large."""

    clicked = Signal()

    def __init__(self, minimum: int = 48, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: np.ndarray | None = None
        self._qimage: QImage | None = None
        self._placeholder = placeholder
        self._minimum = minimum
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self._minimum * 2, self._minimum * 2)

    def set_image(self, image: np.ndarray | None) -> None:
        self._image = None if image is None else np.array(image, dtype=np.uint8, copy=True)
        self._qimage = None if image is None else array_to_qimage(self._image)
        self.update()

    def image(self) -> np.ndarray | None:
        """The picture shown (uint8, as given), or None."""
        return self._image

    def target_rect(self) -> QRect:
        """Where the picture is drawn inside the widget."""
        if self._qimage is None:
            return QRect()
        width, height = self._qimage.width(), self._qimage.height()
        scale = min(self.width() / width, self.height() / height)
        if scale >= 1:
            scale = math.floor(scale)
        shown_w, shown_h = max(1, int(width * scale)), max(1, int(height * scale))
        return QRect((self.width() - shown_w) // 2, (self.height() - shown_h) // 2, shown_w, shown_h)

    def pixel_scale(self) -> float:
        """Screen pixels per picture pixel (a whole number when enlarged)."""
        return 0.0 if self._qimage is None else self.target_rect().width() / self._qimage.width()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        if self._qimage is None:
            if self._placeholder:
                painter.setPen(QColor(theme.current_colors().muted))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._placeholder)
            return
        target = self.target_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, target.width() < self._qimage.width())
        painter.drawImage(target, self._qimage)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(target.adjusted(-1, -1, 0, 0))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


def _seed_spin(tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, SEED_MAX)
    spin.setToolTip(tip)
    spin.setKeyboardTracking(False)  # draw when typing is done (Enter or leaving the box), not per key
    spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("2147483647") + 34)
    return spin


def _random_seed(avoid: Sequence[int] = ()) -> int:
    while True:
        seed = random.randint(0, SEED_MAX)
        if seed not in avoid:
            return seed


# ----- the panel -----------------------------------------------------------------------------
class GeneratorPanel(QWidget):
    """Draw pictures with an ImageGenerator: a grid of samples and a morph between two seeds."""

    grid_ready = Signal()  # the grid shown changed
    frame_ready = Signal()  # the morph picture shown changed
    strip_ready = Signal()  # the strip of frames along the morph changed
    message = Signal(str)  # a sentence for the page's status line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._generator: Any = None
        self._grid: np.ndarray | None = None
        self._grid_params: tuple[int, int, int | None] | None = None
        self._frame_ms = 0.0  # how long the last morph frame took
        self._play_direction = 1
        self._play_hold = 0
        self._grid_job = LatestJob("draw-samples", self._grid_drawn, self._draw_failed, self)
        self._frame_job = LatestJob("draw-morph-frame", self._frame_drawn, self._draw_failed, self)
        self._strip_job = LatestJob("draw-morph-strip", self._strip_drawn, self._draw_failed, self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # a narrow window scrolls instead of squeezing the controls
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = QWidget()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        self.warnings_label = QLabel("")
        self.warnings_label.setObjectName("generatorWarnings")
        self.warnings_label.setWordWrap(True)
        theme.set_tone(self.warnings_label, "warning")
        self.warnings_label.hide()
        layout.addWidget(self.warnings_label)
        top = QHBoxLayout()
        top.addWidget(self._build_samples(), 5)
        top.addWidget(self._build_morph(), 3)
        layout.addLayout(top, 1)
        layout.addWidget(self._build_strip())

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_DELAY_MS)
        self._redraw_timer.timeout.connect(self.draw)
        self._play_timer = QTimer(self)
        self._play_timer.setInterval(PLAY_INTERVAL_MS)
        self._play_timer.timeout.connect(self._play_tick)
        self._set_enabled(False)

    # ----- construction -----------------------------------------------------------------------
    def _build_samples(self) -> QGroupBox:
        box = self.samples_box = QGroupBox(self.tr("Samples"))
        box.setToolTip(self.tr("New pictures drawn by the model from random starting points."))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Seed")))
        self.seed_spin = _seed_spin(self.tr(SEED_TIP))
        self.seed_spin.valueChanged.connect(self._schedule_draw)
        row.addWidget(self.seed_spin)
        self.new_button = QPushButton(self.tr("&New samples"))
        self.new_button.setToolTip(self.tr(NEW_TIP))
        self.new_button.clicked.connect(self.new_samples)
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)

        row = QHBoxLayout()  # conditional models only
        self.class_label = QLabel(self.tr("Class"))
        row.addWidget(self.class_label)
        self.class_combo = QComboBox()
        self.class_combo.setToolTip(self.tr(CLASS_TIP))
        self.class_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.class_combo.currentIndexChanged.connect(self._class_changed)
        row.addWidget(self.class_combo)
        row.addStretch(1)
        layout.addLayout(row)

        self.grid_view = PixelView(96, self.tr("Drawing…"))
        self.grid_view.setObjectName("sampleGrid")
        self.grid_view.setToolTip(self.tr(GRID_TIP))
        layout.addWidget(self.grid_view, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Pictures")))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, SAMPLES_MAX)
        self.count_spin.setValue(SAMPLES_DEFAULT)
        self.count_spin.setToolTip(self.tr(COUNT_TIP))
        self.count_spin.setKeyboardTracking(False)
        self.count_spin.valueChanged.connect(self._schedule_draw)
        row.addWidget(self.count_spin)
        self.grid_info = QLabel("")
        self.grid_info.setObjectName("gridInfo")
        self.grid_info.setWordWrap(True)
        theme.set_tone(self.grid_info, "muted")
        self.grid_info.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.grid_info, 1)
        self.save_button = QPushButton(self.tr("Save grid as &PNG…"))
        self.save_button.setToolTip(self.tr(SAVE_TIP))
        self.save_button.clicked.connect(lambda: self.save_grid())
        row.addWidget(self.save_button)
        layout.addLayout(row)
        return box

    def _build_morph(self) -> QGroupBox:
        box = self.morph_box = QGroupBox(self.tr("Morph between two seeds"))
        box.setToolTip(self.tr(MORPH_TIP))
        layout = QVBoxLayout(box)
        seeds = QGridLayout()
        seeds.addWidget(QLabel(self.tr("Seed A")), 0, 0)
        self.seed_a_spin = _seed_spin(self.tr(SEED_A_TIP))
        seeds.addWidget(self.seed_a_spin, 0, 1)
        seeds.addWidget(QLabel(self.tr("Seed B")), 1, 0)
        self.seed_b_spin = _seed_spin(self.tr(SEED_B_TIP))
        self.seed_b_spin.setValue(1)
        seeds.addWidget(self.seed_b_spin, 1, 1)
        self.pair_button = QPushButton(self.tr("New p&air"))
        self.pair_button.setToolTip(self.tr(PAIR_TIP))
        self.pair_button.clicked.connect(self.new_pair)
        seeds.addWidget(self.pair_button, 2, 1, Qt.AlignmentFlag.AlignLeft)
        seeds.setColumnStretch(2, 1)
        for spin in (self.seed_a_spin, self.seed_b_spin):
            spin.valueChanged.connect(self._morph_changed)
        layout.addLayout(seeds)

        self.frame_view = PixelView(96)
        self.frame_view.setObjectName("morphFrame")
        self.frame_view.setToolTip(self.tr(MORPH_TIP))
        layout.addWidget(self.frame_view, 1)

        row = QHBoxLayout()
        self.a_label = QLabel("A")
        row.addWidget(self.a_label)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_MAX)
        self.slider.setPageStep(10)
        self.slider.setToolTip(self.tr(SLIDER_TIP))
        self.slider.valueChanged.connect(self._slider_moved)
        row.addWidget(self.slider, 1)
        row.addWidget(QLabel("B"))
        self.play_button = QPushButton(self.tr("P&lay"))
        self.play_button.setToolTip(self.tr(PLAY_TIP))
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._play_toggled)
        # wide enough for "Pause" too, so the row does not jump when it toggles
        width = max(self.play_button.sizeHint().width(),
                    self.play_button.fontMetrics().horizontalAdvance(self.tr("Pause")) + 32)
        self.play_button.setMinimumWidth(width)
        row.addWidget(self.play_button)
        layout.addLayout(row)
        self.morph_class_hint = QLabel("")
        self.morph_class_hint.setWordWrap(True)
        theme.set_tone(self.morph_class_hint, "muted")
        self.morph_class_hint.hide()
        layout.addWidget(self.morph_class_hint)
        return box

    def _build_strip(self) -> QGroupBox:
        box = self.strip_box = QGroupBox(self.tr("Along the way from A to B"))
        box.setToolTip(self.tr(STRIP_TIP))
        layout = QHBoxLayout(box)
        self.strip_views: list[PixelView] = []
        for i in range(STRIP_FRAMES):
            view = PixelView(36)
            view.setObjectName(f"morphStrip{i}")
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            view.setFixedHeight(76)
            view.setCursor(Qt.CursorShape.PointingHandCursor)
            t = i / (STRIP_FRAMES - 1)
            where = ("A" if i == 0 else "B" if i == STRIP_FRAMES - 1
                     else self.tr("{percent} of the way").format(percent=f"{t:.0%}"))
            view.setToolTip(self.tr("{tip} ({where})").format(tip=self.tr(STRIP_TIP), where=where))
            view.clicked.connect(lambda t=t: self.set_position(t))
            layout.addWidget(view)
            self.strip_views.append(view)
        return box

    # ----- public API ---------------------------------------------------------------------------
    @property
    def generator(self) -> Any:
        """The ImageGenerator shown, or None."""
        return self._generator

    @property
    def grid(self) -> np.ndarray | None:
        """The grid of samples shown (uint8 (H, W, C), one-pixel white lines between), or None."""
        return self._grid

    @property
    def frame(self) -> np.ndarray | None:
        """The morph picture shown (uint8 (H, W, C)), or None."""
        return self.frame_view.image()

    @property
    def strip(self) -> list[np.ndarray | None]:
        """The pictures along the morph, from A (t=0) to B (t=1)."""
        return [view.image() for view in self.strip_views]

    @property
    def seed(self) -> int:
        return self.seed_spin.value()

    @property
    def count(self) -> int:
        return self.count_spin.value()

    @property
    def class_index(self) -> int | None:
        """The class drawn (None: every class in turn, or an unconditional model)."""
        value = self.class_combo.currentData()
        return None if value is None or int(value) == EVERY_CLASS else int(value)

    @property
    def position(self) -> float:
        """Where the morph is, from 0 (seed A) to 1 (seed B)."""
        return self.slider.value() / SLIDER_MAX

    def set_generator(self, generator: Any) -> None:
        """Show `generator` (None clears the panel) and draw its first pictures."""
        self.pause()
        for job in (self._grid_job, self._frame_job, self._strip_job):
            job.reset()
        self._redraw_timer.stop()
        self._generator = generator
        self._grid, self._grid_params, self._frame_ms = None, None, 0.0
        self.grid_view.set_image(None)
        self.frame_view.set_image(None)
        for view in self.strip_views:
            view.set_image(None)
        self.grid_info.setText("")
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        conditional = generator is not None and generator.conditional
        if conditional:
            self.class_combo.addItem(self.tr("Every class"), EVERY_CLASS)
            for index, name in enumerate(generator.classes):
                self.class_combo.addItem(str(name), index)
        self.class_combo.blockSignals(False)
        self.class_label.setVisible(conditional)
        self.class_combo.setVisible(conditional)
        warnings = say_all(generator.warnings) if generator is not None else []
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))
        self._set_enabled(generator is not None)
        self._update_class_hint()
        if generator is not None:
            self.draw()
            self._morph_changed()

    def set_seed(self, seed: int) -> None:
        """Draw the grid for `seed` (shown in the seed box)."""
        self.seed_spin.setValue(int(seed))

    def set_count(self, count: int) -> None:
        self.count_spin.setValue(int(count))

    def set_class(self, class_index: int | None) -> None:
        """Draw only `class_index` (None: every class in turn); conditional models only."""
        target = EVERY_CLASS if class_index is None else int(class_index)
        index = self.class_combo.findData(target)
        if index >= 0:
            self.class_combo.setCurrentIndex(index)

    def set_morph_seeds(self, seed_a: int, seed_b: int) -> None:
        """Morph between the first pictures of `seed_a` and `seed_b`."""
        for spin, value in ((self.seed_a_spin, seed_a), (self.seed_b_spin, seed_b)):
            spin.blockSignals(True)
            spin.setValue(int(value))
            spin.blockSignals(False)
        self._morph_changed()

    def set_position(self, t: float) -> None:
        """Move the morph to `t` (0: seed A, 1: seed B)."""
        self.slider.setValue(int(round(float(np.clip(t, 0.0, 1.0)) * SLIDER_MAX)))

    def new_samples(self) -> None:
        """Pick a new random seed, show it and draw."""
        self.seed_spin.blockSignals(True)
        self.seed_spin.setValue(_random_seed([self.seed_spin.value()]))
        self.seed_spin.blockSignals(False)
        self.draw()

    def new_pair(self) -> None:
        """Pick two new random seeds to morph between."""
        seed_a = _random_seed()
        self.set_morph_seeds(seed_a, _random_seed([seed_a]))

    def draw(self) -> None:
        """Draw the grid for the current settings in the background (grid_ready when shown)."""
        self._redraw_timer.stop()
        generator = self._generator
        if generator is None:
            return
        count, seed, class_index = self.count, self.seed, self.class_index
        self.grid_info.setText(self.tr("Drawing…"))

        def work() -> tuple[np.ndarray, float, tuple[int, int, int | None]]:
            from engine.infer.generator import sample_grid

            start = time.perf_counter()
            grid = sample_grid(generator, count, seed, class_index)
            return grid, (time.perf_counter() - start) * 1000, (count, seed, class_index)

        self._grid_job.request(work)

    def is_drawing(self) -> bool:
        """True while any picture is waiting to be drawn."""
        return (self._redraw_timer.isActive() or self._grid_job.busy() or self._frame_job.busy()
                or self._strip_job.busy())

    def is_ready(self) -> bool:
        """True when a generator is shown and everything it should show is drawn."""
        return self._generator is not None and self._grid is not None and self.frame is not None and not self.is_drawing()

    def play(self) -> None:
        """Animate the morph back and forth between A and B."""
        self.play_button.setChecked(True)

    def pause(self) -> None:
        self.play_button.setChecked(False)

    def is_playing(self) -> bool:
        return self._play_timer.isActive()

    def save_grid(self, path: str | Path | None = None, scale: int | None = None) -> str | None:
        """Save the grid as PNG (asks where when `path` is None), each pixel enlarged `scale`
        times (default: enough for SAVE_MIN_SIDE pixels, see `save_scale`). Returns the path,
        or None when nothing was saved (problems are shown as one sentence)."""
        grid = self._grid
        if grid is None:
            self.message.emit(self.tr("There are no pictures to save yet; wait until they are drawn."))
            return None
        if not isinstance(path, (str, Path)) or not str(path):
            folder = str(app_settings().value(GRID_DIR_KEY, "") or Path.home())
            stem = self._generator.path.stem if self._generator is not None and getattr(self._generator, "path", None) else self.tr("pictures")
            suggested = Path(folder) / f"{stem}-seed{self.seed}.png"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the pictures as PNG"), str(suggested),
                                                  self.tr("PNG pictures (*.png)"))
            if not path:
                return None
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        from engine.errors import ModelDeskError
        from engine.imaging import save_png

        factor = save_scale(grid.shape) if scale is None else max(1, int(scale))
        try:
            save_png(enlarge(grid, factor), path)
        except ModelDeskError as exc:
            show_error(self, self.tr("Could not save the pictures"), str(exc), getattr(exc, "details", "") or "")
            return None
        app_settings().setValue(GRID_DIR_KEY, str(path.parent))
        self.message.emit(self.tr("Saved the pictures to {path}.").format(path=path))
        return str(path)

    def wait_for_work(self, ms: int = 30_000) -> None:
        """Block until background drawing has ended (the window is closing)."""
        self.pause()
        self._redraw_timer.stop()
        for job in (self._grid_job, self._frame_job, self._strip_job):
            job.reset()
            task = job.task()
            if task is not None:
                task.wait(ms)

    # ----- drawing ------------------------------------------------------------------------------
    def _set_enabled(self, on: bool) -> None:
        for widget in (self.samples_box, self.morph_box, self.strip_box):
            widget.setEnabled(on)

    def _schedule_draw(self, *_args) -> None:
        if self._generator is not None:
            self._redraw_timer.start()

    def _class_changed(self, *_args) -> None:
        self._update_class_hint()
        if self._generator is not None:
            self.draw()
            self._morph_changed()

    def _update_class_hint(self) -> None:
        generator = self._generator
        if generator is None or not generator.conditional:
            self.morph_class_hint.hide()
            return
        chosen = self.class_index
        name = generator.classes[chosen if chosen is not None else 0]
        self.morph_class_hint.setText(self.tr("The morph draws class “{name}”.").format(name=name) if chosen is not None else
                                      self.tr("The morph draws class “{name}”; choose a class on the left to change it.").format(
                                          name=name))
        self.morph_class_hint.show()

    def _grid_drawn(self, result) -> None:
        grid, ms, (count, seed, class_index) = result
        self._grid, self._grid_params = grid, (count, seed, class_index)
        self.grid_view.set_image(grid)
        self.grid_info.setText(self.tr("Drawn in {ms} ms").format(ms=f"{ms:.1f}" if ms < 10 else f"{ms:,.0f}"))
        what = (self.tr("{count} picture from seed {seed}") if count == 1
                else self.tr("{count} pictures from seed {seed}")).format(count=f"{count:,}", seed=seed)
        if class_index is not None and self._generator is not None:
            what = self.tr("{pictures}, class “{name}”").format(pictures=what, name=self._generator.classes[class_index])
        self.grid_info.setToolTip(self.tr("{what}.").format(what=what))
        self.grid_ready.emit()

    def _draw_failed(self, error: TaskError) -> None:
        self.pause()
        self.grid_info.setText("")
        show_error(self, self.tr("Could not draw pictures"), error.message, error.details)

    def _morph_changed(self, *_args) -> None:
        if self._generator is None:
            return
        self._update_frame()
        generator, seed_a, seed_b, class_index = self._generator, self.seed_a_spin.value(), self.seed_b_spin.value(), self.class_index

        def work() -> list[np.ndarray]:
            return [generator.interpolate(seed_a, seed_b, i / (STRIP_FRAMES - 1), class_index) for i in range(STRIP_FRAMES)]

        self._strip_job.request(work)

    def _strip_drawn(self, frames: list[np.ndarray]) -> None:
        for view, frame in zip(self.strip_views, frames):
            view.set_image(frame)
        self.strip_ready.emit()

    def _slider_moved(self, *_args) -> None:
        self._update_frame()

    def _update_frame(self) -> None:
        generator = self._generator
        if generator is None:
            return
        seed_a, seed_b, t, class_index = self.seed_a_spin.value(), self.seed_b_spin.value(), self.position, self.class_index

        def work() -> tuple[np.ndarray, float]:
            start = time.perf_counter()
            picture = generator.interpolate(seed_a, seed_b, t, class_index)
            return picture, (time.perf_counter() - start) * 1000

        if self._frame_ms > FRAME_SYNC_MS or self._frame_job.busy():
            self._frame_job.request(work)  # a slow model: keep the window responsive
            return
        from engine.errors import ModelDeskError

        try:
            result = work()
        except ModelDeskError as exc:
            self._draw_failed(TaskError(say(exc.message), exc.details))
            return
        except Exception:  # noqa: BLE001 - one sentence for the user, the traceback to the log
            log.exception("drawing a morph frame failed")
            from desktop_app.workers import internal_error

            self._draw_failed(TaskError(internal_error(), ""))
            return
        self._frame_drawn(result)

    def _frame_drawn(self, result) -> None:
        picture, ms = result
        self._frame_ms = ms
        self.frame_view.set_image(picture)
        self.frame_ready.emit()

    # ----- playing ------------------------------------------------------------------------------
    def _play_toggled(self, on: bool) -> None:
        self.play_button.setText(self.tr("Pa&use") if on else self.tr("P&lay"))
        if on and self._generator is not None:
            if self.slider.value() >= SLIDER_MAX:
                self._play_direction = -1
            elif self.slider.value() <= 0:
                self._play_direction = 1
            self._play_hold = 0
            self._play_timer.start()
        else:
            self._play_timer.stop()
            if on:
                self.play_button.setChecked(False)

    def _play_tick(self) -> None:
        if self._play_hold > 0:
            self._play_hold -= 1
            return
        value = self.slider.value() + self._play_direction * PLAY_STEP
        if value >= SLIDER_MAX or value <= 0:
            value = min(max(value, 0), SLIDER_MAX)
            self._play_direction = -1 if value >= SLIDER_MAX else 1
            self._play_hold = PLAY_HOLD_FRAMES
        self.slider.setValue(value)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.pause()  # no animation behind another page
        super().hideEvent(event)
