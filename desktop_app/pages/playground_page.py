"""The Playground page: open any ONNX image classifier and try it on pictures, a picture
generator (GAN) and draw with it, a translator and type into it, or a text generator and let
it write.

Drop a model (ModelDesk's describe themselves; foreign ones get a small settings box), then drop
or paste pictures (one card each, with the five best answers) or a folder (a sortable table, a
CSV file, and the accuracy with a confusion matrix when the sub-folders are named after the
labels). A card can shade the parts of its picture that mattered most (occlusion heat map).
Generators, translators and text generators are recognised when they open and get their own
section (generator_panel.py, translator_panel.py, writer_panel.py) in place of the classifier's
results and settings.

Everything runs on ONNX Runtime: importing this module must not import torch, and the engine
modules it uses are imported lazily, in the workers, so the window opens fast. Widgets are only
touched in the GUI thread; workers get plain values and return plain values.
"""

from __future__ import annotations

import csv
import hashlib
import html
import importlib.util
import io
import itertools
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (QColor, QDragEnterEvent, QPalette, QDropEvent, QFontMetrics, QGuiApplication, QImage,
                           QKeySequence, QPainter, QShortcut)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QFormLayout, QFrame, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListView, QListWidget,
                               QListWidgetItem, QMenu, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSpinBox,
                               QSplitter, QStackedWidget, QStyle, QTableWidget, QTableWidgetItem, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.i18n import plural
from desktop_app.confusion_plot import ConfusionPlot
from desktop_app.engine_words import say, say_all
from desktop_app.dialogs import show_error
from desktop_app.images import array_to_pixmap
from desktop_app.pages.generator_panel import DROP_PICTURES_TEXT, GeneratorPanel, generator_rows, open_generator
from desktop_app.pages import translator_panel
from desktop_app.pages.translator_panel import TranslatorPanel, language_pair, open_translator, translator_rows
from desktop_app.pages import writer_panel
from desktop_app.pages.writer_panel import WriterPanel, open_text_generator, text_generator_rows
from desktop_app.settings import app_settings, bool_setting
from desktop_app.state import AppState
from desktop_app.workers import BackgroundTask, TaskError, run_in_background
from engine.errors import ConfigError, DataError, ImageError, ModelDeskError, ModelFileError

log = logging.getLogger(__name__)

EMPTY_TEXT = QT_TRANSLATE_NOOP("PlaygroundPage", "Drop an ONNX model here (or use Open model…)")
EMPTY_HINT = QT_TRANSLATE_NOOP("PlaygroundPage",
                               "Models exported by ModelDesk work right away. Other image classifiers work too: ModelDesk "
                               "guesses their settings, and you can correct them. Picture generators (GANs) open too, to draw "
                               "new pictures, and translators and text generators made with ModelDesk, to translate and "
                               "write text.")
READY_TEXT = QT_TRANSLATE_NOOP("PlaygroundPage", "Now drop pictures or a folder of pictures here")
READY_HINT = QT_TRANSLATE_NOOP("PlaygroundPage", "Or paste a picture with Ctrl+V, or use the Add pictures button. A folder "
                               "whose sub-folders are named after the labels also shows the accuracy.")
SELF_DESCRIBED = QT_TRANSLATE_NOOP("PlaygroundPage", "This model describes itself; no settings needed.")
NO_GPU_TIP = QT_TRANSLATE_NOOP("PlaygroundPage", "No usable NVIDIA graphics card (GPU) was found, so models run on the CPU.")
CPU_TIP = QT_TRANSLATE_NOOP("PlaygroundPage", "Run models on the processor even when a graphics card is available (slower, "
                            "but always works).")
EXPLAIN_TIP = QT_TRANSLATE_NOOP("ResultCard",
                                "Shade in red the parts of the picture that mattered most for the answer. It covers the picture "
                                "piece by piece and watches the answer change, so it takes a moment.")

RECENT_KEY = "playground/recent"
RECENT_MAX = 8
FORCE_CPU_KEY = "playground/force_cpu"
MODELS_GROUP = "playground/models"  # per model: <key>/path and <key>/overrides (JSON)
MODEL_DIR_KEY = "playground/model_dir"
PICTURES_DIR_KEY = "playground/pictures_dir"
CSV_DIR_KEY = "playground/csv_dir"

CARD_LIMIT = 12  # more pictures than this (or any folder) go to the table instead of cards
TOP_K = 5
THUMB = 100  # thumbnail size in pixels
KEEP_PIXELS = 320  # pictures are kept at most this large for thumbnails and explanations
CARD_MIN_WIDTH = 300  # cards share the width of the list, at least this wide each
CARD_MAX_WIDTH = 420
MAX_TEXT_CLASSES = 12  # the folder confusion matrix writes counts in its cells up to this many classes
SETTINGS_DELAY_MS = 350  # settings changes wait this long for the next one before reopening
VALUE_ROLE = Qt.ItemDataRole.UserRole
PROVIDER_NAMES = {"CPUExecutionProvider": "CPU", "CUDAExecutionProvider": "NVIDIA GPU (CUDA)"}


def _t(text: str) -> str:
    """`text` (a QT_TRANSLATE_NOOP("PlaygroundPage", ...) literal) in the language of the window."""
    return QCoreApplication.translate("PlaygroundPage", text)
VALUE_RANGE_CHOICES = (("[0,1]", "[0, 1]"), ("[-1,1]", "[-1, 1]"),
                       ("imagenet", QT_TRANSLATE_NOOP("PlaygroundPage", "ImageNet mean/std")))
LAYOUT_CHOICES = (("nchw", QT_TRANSLATE_NOOP("PlaygroundPage", "NCHW (channels first)")),
                  ("nhwc", QT_TRANSLATE_NOOP("PlaygroundPage", "NHWC (channels last)")))
CHANNEL_CHOICES = ((3, QT_TRANSLATE_NOOP("PlaygroundPage", "3 (colour)")),
                   (1, QT_TRANSLATE_NOOP("PlaygroundPage", "1 (grayscale)")))
TABLE_COLUMNS = (QT_TRANSLATE_NOOP("PlaygroundPage", "Picture"), QT_TRANSLATE_NOOP("PlaygroundPage", "Answer"),
                 QT_TRANSLATE_NOOP("PlaygroundPage", "Sure"), QT_TRANSLATE_NOOP("PlaygroundPage", "2nd answer"),
                 QT_TRANSLATE_NOOP("PlaygroundPage", "Sure"), QT_TRANSLATE_NOOP("PlaygroundPage", "Problem"))
TABLE_TIPS = (QT_TRANSLATE_NOOP("PlaygroundPage", "The picture's file, below the folder you chose."),
              QT_TRANSLATE_NOOP("PlaygroundPage", "The model's best answer."),
              QT_TRANSLATE_NOOP("PlaygroundPage", "How sure the model is of its best answer (its probability)."),
              QT_TRANSLATE_NOOP("PlaygroundPage", "The model's second-best answer."),
              QT_TRANSLATE_NOOP("PlaygroundPage", "How sure the model is of its second-best answer."),
              QT_TRANSLATE_NOOP("PlaygroundPage", "Why a picture could not be classified."))
_ids = itertools.count(1)


# ----- plain helpers, no widgets (they run in workers too) ----------------------------------
def gpu_available() -> bool:
    """True when ONNX Runtime can use an NVIDIA GPU here (a separate name so tests can replace it)."""
    from engine.infer.providers import cuda_usable

    return cuda_usable()


def provider_name(provider: str) -> str:
    return PROVIDER_NAMES.get(provider, provider.replace("ExecutionProvider", ""))


def format_bytes(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return (QCoreApplication.translate("PlaygroundPage", "{n} bytes").format(n=int(value)) if unit == "bytes"
                    else f"{value:.1f} {unit}")
        value /= 1024
    return QCoreApplication.translate("PlaygroundPage", "{n} bytes").format(n=size)


def format_ms(ms: float) -> str:
    return QCoreApplication.translate("PlaygroundPage", "{ms} ms").format(ms=f"{ms:.1f}" if ms < 10 else f"{ms:,.0f}")


def model_key(path: str | Path) -> str:
    """Settings key of a model file: its absolute path and size, so a changed file starts afresh."""
    path = Path(path).absolute()
    try:
        size = path.stat().st_size
    except OSError:
        size = -1
    return hashlib.sha1(f"{path}|{size}".encode("utf-8")).hexdigest()[:20]


@dataclass
class ModelInfo:
    """What the model card shows about the file itself."""

    path: Path
    file_bytes: int = 0
    data_bytes: int = 0
    opset: int | None = None
    producer: str = ""
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    input_shape: list[Any] = field(default_factory=list)  # of the image input: ints, names or None


def _describe_tensor(value) -> tuple[str, list[Any]]:
    """'name: type [dims]' of a graph input or output, and its dims (None where unknown).
    (Not nested in read_model_info: pyside6-lupdate loses the classes after a def nested in a try.)"""
    import onnx

    tensor = value.type.tensor_type
    dims = [d.dim_value if d.HasField("dim_value") else (d.dim_param or None) for d in tensor.shape.dim]
    kind = onnx.TensorProto.DataType.Name(tensor.elem_type).lower() if tensor.elem_type else "?"
    text = ", ".join("?" if d is None else str(d) for d in dims)
    return f"{value.name}: {kind} [{text}]", dims


def read_model_info(path: Path) -> ModelInfo:
    """File size, opset, producer and the inputs and outputs with their shapes (never raises)."""
    info = ModelInfo(path)
    try:
        import onnx

        info.file_bytes = path.stat().st_size
        model = onnx.load(str(path), load_external_data=False)
        info.producer = " ".join(v for v in (model.producer_name, model.producer_version) if v)
        info.opset = next((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), None)
        locations = set()
        for tensor in model.graph.initializer:
            if tensor.data_location == onnx.TensorProto.EXTERNAL:
                locations.update(e.value for e in tensor.external_data if e.key == "location")
        info.data_bytes = sum((path.parent / name).stat().st_size for name in locations if (path.parent / name).is_file())
        initialisers = {t.name for t in model.graph.initializer}
        inputs = [_describe_tensor(v) for v in model.graph.input if v.name not in initialisers]
        info.inputs = [text for text, _ in inputs]
        info.input_shape = inputs[0][1] if inputs else []
        info.outputs = [_describe_tensor(v)[0] for v in model.graph.output]
    except Exception:  # noqa: BLE001 - the card is informative only; the model itself opened fine
        log.warning("could not read details of %s", path, exc_info=True)
    return info


@dataclass
class Opened:
    """A model opened in a worker, with everything the page shows about it."""

    path: Path
    classifier: Any  # engine.infer.classifier.ImageClassifier
    info: ModelInfo
    load_ms: float
    gpu_ok: bool
    device: str
    overrides: dict
    note: str = ""  # a sentence when remembered settings had to be dropped
    generator: Any = None  # engine.infer.generator.ImageGenerator when the model draws pictures (classifier None)
    translator: Any = None  # engine.infer.translator.Translator when the model translates (classifier None)
    text_generator: Any = None  # engine.infer.text_generator.TextGenerator when the model writes (classifier None)


def open_classifier(path: Path, device: str, overrides: dict, remembered: bool) -> Opened:
    """Open `path` as an image classifier (runs in a worker). Remembered settings that no longer
    fit the model are dropped with a note instead of failing."""
    from engine.infer.classifier import ImageClassifier

    start = time.perf_counter()
    note = ""
    try:
        classifier = ImageClassifier.open(path, device, dict(overrides))
    except (ConfigError, DataError) as exc:
        if not (remembered and overrides):
            raise
        log.info("remembered settings for %s no longer fit: %s", path, exc)
        note = QCoreApplication.translate("PlaygroundPage", "The settings you chose for this model earlier no longer fit "
                                                            "it, so ModelDesk guessed them again.")
        overrides = {}
        classifier = ImageClassifier.open(path, device)
    load_ms = (time.perf_counter() - start) * 1000
    return Opened(path, classifier, read_model_info(path), load_ms, gpu_available(), device, dict(overrides), note)


def open_any_model(path: Path, device: str, overrides: dict, remembered: bool) -> Opened:
    """Open `path` (runs in a worker): a picture generator when it is one, a translator or a
    text generator when ModelDesk's metadata says so, else an image classifier as
    `open_classifier` does. The classifier refuses translators and text generators
    (ModelFileError), and only then is the file read again to look for one, so classifiers open
    as fast as before."""
    found = open_generator(path, device)
    if found is not None:
        generator, load_ms = found
        return Opened(path, None, read_model_info(path), load_ms, gpu_available(), device, {}, generator=generator)
    try:
        return open_classifier(path, device, overrides, remembered)
    except ModelFileError:
        found = open_translator(path, device)
        if found is None:
            written = open_text_generator(path, device)
            if written is None:
                raise
            text_generator, load_ms = written
            return Opened(path, None, read_model_info(path), load_ms, gpu_available(), device, {},
                          text_generator=text_generator)
    translator, load_ms = found
    return Opened(path, None, read_model_info(path), load_ms, gpu_available(), device, {}, translator=translator)


@dataclass
class CardResult:
    """One picture classified for a card: its best answers, or why it could not be."""

    top: list[tuple[str, float]]
    top_index: int | None
    error: str | None
    ms: float
    pixels: np.ndarray | None  # RGB uint8, at most KEEP_PIXELS a side (thumbnail, explanation)


def _decode(source: Path | np.ndarray):
    """A PIL RGB image from a file or from pasted RGBA pixels; ImageError when impossible."""
    from PIL import Image

    from engine import imaging

    if isinstance(source, np.ndarray):
        height, width = source.shape[:2]
        if height * width > imaging.MAX_PIXELS:
            raise ImageError(QCoreApplication.translate(
                "PlaygroundPage", "The pasted picture is {width}x{height} pixels, too large to open safely.").format(
                    width=width, height=height))
        return imaging.normalise_mode(Image.fromarray(source), 3)
    return imaging.open_image(source, 3)


def classify_picture(classifier: Any, source: Path | np.ndarray, top_k: int = TOP_K) -> CardResult:
    """Classify one picture for a card (runs in a worker); problems become the card's error."""
    try:
        image = _decode(source)
    except ModelDeskError as exc:
        return CardResult([], None, say(exc.message), 0.0, None)
    try:
        start = time.perf_counter()
        probabilities = classifier.predict_batch(classifier.preprocess([image]))[0]
        ms = (time.perf_counter() - start) * 1000
    except ModelDeskError as exc:
        return CardResult([], None, say(exc.message), 0.0, None)
    except Exception:  # noqa: BLE001 - one odd picture must not stop the others
        log.exception("classifying %s failed", source if isinstance(source, Path) else "a pasted picture")
        reason = QCoreApplication.translate("PlaygroundPage", "ModelDesk could not classify this picture; the details "
                                                              "are in the log file.")
        return CardResult([], None, reason, 0.0, None)
    display = image.copy()
    display.thumbnail((KEEP_PIXELS, KEEP_PIXELS))
    pixels = np.asarray(display.convert("RGB"), dtype=np.uint8)
    if not np.all(np.isfinite(probabilities)):
        reason = QCoreApplication.translate("PlaygroundPage", "The model gave no usable scores for this picture.")
        return CardResult([], None, reason, ms, pixels)
    order = np.argsort(-probabilities, kind="stable")[:top_k]
    top = [(classifier.label(int(i)), float(probabilities[i])) for i in order]
    return CardResult(top, int(order[0]), None, ms, pixels)


@dataclass
class FolderResult:
    """A folder (or many pictures) classified: one Prediction per picture, and the scores."""

    predictions: list[Any]  # engine.infer.classifier.Prediction
    seconds: float
    root: Path | None  # the common folder, for short names in the table
    accuracy: tuple[float, int] | None = None
    classes: list[str] = field(default_factory=list)  # rows and columns of the confusion matrix
    confusion: np.ndarray | None = None
    cancelled: bool = False


def confusion_by_folder(predictions: Sequence[Any], labels: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """Confusion counts (rows: folder, columns: answer) over the labels that occur, in label order."""
    index = {label.casefold(): i for i, label in enumerate(labels)}
    pairs = [(index[Path(p.path).parent.name.casefold()], index.get(p.top[0][0].casefold()))
             for p in predictions if not p.error and p.top]
    pairs = [(t, a) for t, a in pairs if a is not None]
    used = sorted({t for t, _ in pairs} | {a for _, a in pairs})
    position = {label_index: i for i, label_index in enumerate(used)}
    matrix = np.zeros((len(used), len(used)), dtype=np.int64)
    for t, a in pairs:
        matrix[position[t], position[a]] += 1
    return [labels[i] for i in used], matrix


def classify_folder(classifier: Any, sources: Sequence[Path], progress=None, should_stop=None) -> FolderResult:
    """Collect and classify the pictures in `sources` (runs in a worker)."""
    import os

    from engine.infer.collect import collect_images, folder_accuracy

    paths = collect_images(sources)
    start = time.perf_counter()
    predictions = classifier.classify_files(paths, top_k=TOP_K, progress=progress, should_stop=should_stop)
    seconds = time.perf_counter() - start
    try:
        root = Path(os.path.commonpath([str(p.parent) for p in paths]))
    except ValueError:
        root = None
    result = FolderResult(predictions, seconds, root, cancelled=len(predictions) < len(paths))
    labels = list(classifier.settings.labels)
    result.accuracy = folder_accuracy(predictions, labels)
    if result.accuracy is not None:
        result.classes, result.confusion = confusion_by_folder(predictions, labels)
    return result


def csv_text(rows: Sequence[tuple[str, Sequence[tuple[str, float]], str]], top_k: int = TOP_K) -> str:
    """CSV with columns path,label_1,prob_1,...,label_k,prob_k,error."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["path"] + [f"{kind}_{i}" for i in range(1, top_k + 1) for kind in ("label", "prob")] + ["error"])
    for path, top, error in rows:
        cells: list[str] = [path]
        for i in range(top_k):
            cells += [top[i][0], f"{top[i][1]:.6f}"] if i < len(top) else ["", ""]
        writer.writerow(cells + [error or ""])
    return buffer.getvalue()


def overlay_heat(pixels: np.ndarray, heat: np.ndarray, strength: float = 0.65) -> np.ndarray:
    """`pixels` (RGB uint8) with `heat` (H, W in [0, 1], resized if needed) laid over in red."""
    from PIL import Image

    height, width = pixels.shape[:2]
    heat = np.clip(np.nan_to_num(np.asarray(heat, dtype=np.float64)), 0.0, 1.0)
    if heat.shape != (height, width):
        image = Image.fromarray(np.round(heat * 255).astype(np.uint8)).resize((width, height), Image.Resampling.BILINEAR)
        heat = np.asarray(image, dtype=np.float64) / 255.0
    alpha = strength * heat[..., None]
    red = np.array([230.0, 20.0, 20.0])
    return np.clip(pixels.astype(np.float64) * (1 - alpha) + red * alpha, 0, 255).astype(np.uint8)


def qimage_to_rgba(image: QImage) -> np.ndarray:
    """The pixels of a QImage as an RGBA uint8 (H, W, 4) array (GUI thread)."""
    converted = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height, stride = converted.width(), converted.height(), converted.bytesPerLine()
    data = np.frombuffer(converted.constBits(), dtype=np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, : width * 4].reshape(height, width, 4).copy()


def _value_range_name(mean: Sequence[float], std: Sequence[float], channels: int) -> str | None:
    from engine.infer.classifier import value_range_preset

    for key, _ in VALUE_RANGE_CHOICES:
        preset_mean, preset_std = value_range_preset(key, channels)
        expand = (lambda v: list(v) * channels if len(v) == 1 else list(v))
        if np.allclose(expand(mean), expand(preset_mean), atol=1e-3) and np.allclose(expand(std), expand(preset_std), atol=1e-3):
            return key
    return None


METRIC_NAMES = {"val_accuracy": QT_TRANSLATE_NOOP("PlaygroundPage", "validation accuracy"),
                "accuracy": QT_TRANSLATE_NOOP("PlaygroundPage", "accuracy"),
                "val_loss": QT_TRANSLATE_NOOP("PlaygroundPage", "validation loss"),
                "loss": QT_TRANSLATE_NOOP("PlaygroundPage", "loss"),
                "train_loss": QT_TRANSLATE_NOOP("PlaygroundPage", "train loss"),
                "train_accuracy": QT_TRANSLATE_NOOP("PlaygroundPage", "train accuracy"),
                "epochs": QT_TRANSLATE_NOOP("PlaygroundPage", "epochs"),
                "epoch": QT_TRANSLATE_NOOP("PlaygroundPage", "epoch"),
                "test_accuracy": QT_TRANSLATE_NOOP("PlaygroundPage", "test accuracy")}


def _metric_text(name: str, value: Any) -> str:
    words = _t(METRIC_NAMES[name]) if name in METRIC_NAMES else name.replace("val_", "validation ").replace("_", " ")
    if isinstance(value, (int, float)) and "acc" in name and 0 <= value <= 1:
        return f"{words} {value:.1%}"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and "loss" not in name):
        return f"{words} {int(value)}"
    return f"{words} {value:.3g}" if isinstance(value, float) else f"{words} {value}"


def _file_rows(info: ModelInfo) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    size = format_bytes(info.file_bytes)
    if info.data_bytes:
        size += QCoreApplication.translate("PlaygroundPage", " + {size} in a separate data file").format(
            size=format_bytes(info.data_bytes))
    rows.append((QCoreApplication.translate("PlaygroundPage", "File"), size))
    made = [info.producer or QCoreApplication.translate("PlaygroundPage", "unknown tool")]
    if info.opset is not None:
        made.append(QCoreApplication.translate("PlaygroundPage", "ONNX opset {opset}").format(opset=info.opset))
    rows.append((QCoreApplication.translate("PlaygroundPage", "Made with"), ", ".join(made)))
    rows += [(QCoreApplication.translate("PlaygroundPage", "Input"), text) for text in info.inputs[:2]]
    rows += [(QCoreApplication.translate("PlaygroundPage", "Output"), text) for text in info.outputs[:2]]
    return rows


def _card_html(name: str, rows: list[tuple[str, str]]) -> str:
    muted = theme.current_colors().muted
    body = "".join(f"<tr><td style='color:{muted}; padding-right:8px'>{html.escape(k)}</td>"
                   f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f"<b>{html.escape(name)}</b><table cellspacing='1'>{body}</table>"


def RUNS_ON() -> str:  # noqa: N802 (a model card row name)
    return QCoreApplication.translate("PlaygroundPage", "Runs on")


def OPENED_IN() -> str:  # noqa: N802 (a model card row name)
    return QCoreApplication.translate("PlaygroundPage", "Opened in")


def describe_model(opened: Opened) -> str:
    """The model card: rich text rows about the file, what the model expects, and where it runs."""
    if opened.generator is not None:
        rows = _file_rows(opened.info) + generator_rows(opened.generator)
        rows.append((RUNS_ON(), provider_name(opened.generator.provider)))
        rows.append((OPENED_IN(), format_ms(opened.load_ms)))
        return _card_html(opened.path.name, rows)
    if opened.translator is not None:
        rows = translator_rows(opened.translator) + _file_rows(opened.info)
        rows.append((RUNS_ON(), provider_name(opened.translator.provider)))
        rows.append((OPENED_IN(), format_ms(opened.load_ms)))
        return _card_html(opened.path.name, rows)
    if opened.text_generator is not None:
        rows = text_generator_rows(opened.text_generator) + _file_rows(opened.info)
        rows.append((RUNS_ON(), provider_name(opened.text_generator.provider)))
        rows.append((OPENED_IN(), format_ms(opened.load_ms)))
        return _card_html(opened.path.name, rows)
    info, classifier = opened.info, opened.classifier
    settings = classifier.settings
    rows = _file_rows(info)
    metadata = classifier.metadata
    if metadata is not None:
        rows.append((QCoreApplication.translate("PlaygroundPage", "Task"),
                     QCoreApplication.translate("PlaygroundPage", "image classification (made with ModelDesk)")))
        if metadata.model_name and metadata.dataset:
            trained = QCoreApplication.translate("PlaygroundPage", "{model} trained on {dataset}")
            rows.append((QCoreApplication.translate("PlaygroundPage", "Model"),
                         trained.format(model=metadata.model_name, dataset=metadata.dataset)))
        elif metadata.model_name or metadata.dataset:
            rows.append((QCoreApplication.translate("PlaygroundPage", "Model"), metadata.model_name or metadata.dataset))
    labels = settings.labels
    if labels:
        first = ", ".join(labels[:6]) + (", …" if len(labels) > 6 else "")
        rows.append((QCoreApplication.translate("PlaygroundPage", "Labels"), f"{len(labels):,}: {first}"))
    height, width = settings.input_size
    if settings.channels == 1:
        pictures = QCoreApplication.translate("PlaygroundPage", "{width} x {height} pixels, grayscale, {layout}")
    else:
        pictures = QCoreApplication.translate("PlaygroundPage", "{width} x {height} pixels, colour, {layout}")
    rows.append((QCoreApplication.translate("PlaygroundPage", "Pictures"),
                 pictures.format(width=width, height=height, layout=settings.layout.upper())))
    preset = _value_range_name(settings.mean, settings.std, settings.channels)
    numbers = QCoreApplication.translate("PlaygroundPage", "mean {mean}; std {std}").format(
        mean=", ".join(f"{v:.3g}" for v in settings.mean), std=", ".join(f"{v:.3g}" for v in settings.std))
    if preset:
        numbers = QCoreApplication.translate("PlaygroundPage", "{preset} ({numbers})").format(
            preset=_t(dict(VALUE_RANGE_CHOICES)[preset]), numbers=numbers)
    rows.append((QCoreApplication.translate("PlaygroundPage", "Values"), numbers))
    if metadata is not None and metadata.metrics:
        scores = ", ".join(_metric_text(k, v) for k, v in list(metadata.metrics.items())[:4])
        rows.append((QCoreApplication.translate("PlaygroundPage", "Scores"), scores))
    rows.append((RUNS_ON(), provider_name(classifier.provider)))
    rows.append((OPENED_IN(), format_ms(opened.load_ms)))
    return _card_html(opened.path.name, rows)


# ----- small widgets -------------------------------------------------------------------------
class TopBars(QWidget):
    """The best answers as horizontal bars: label, bar, percentage (painted, always readable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def row_height(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(220, TOP_K * self.row_height())

    def set_entries(self, entries: Sequence[tuple[str, float]]) -> None:
        self.entries = [(str(label), float(p)) for label, p in entries]
        self.setToolTip("\n".join(f"{label}: {p:.2%}" for label, p in self.entries))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self.entries:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        width, row = self.width(), self.row_height()
        widest = max(metrics.horizontalAdvance(label) for label, _ in self.entries)
        label_width = min(int(width * 0.4), widest + 10)
        percent_width = metrics.horizontalAdvance("100.0%") + 8
        bar_width = max(10, width - label_width - percent_width)
        text_color = self.palette().color(self.foregroundRole())
        for i, (label, p) in enumerate(self.entries):
            top = i * row
            painter.setPen(text_color)
            painter.drawText(QRectF(0, top, label_width - 6, row), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 6))
            track = QRectF(label_width, top + 4, bar_width, row - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.palette().color(QPalette.ColorRole.Midlight))
            painter.drawRoundedRect(track, 3, 3)
            if p >= 0.0005:
                painter.setBrush(QColor("#2171b5" if i == 0 else "#8fb8de"))
                painter.drawRoundedRect(QRectF(track.x(), track.y(), max(2.0, bar_width * min(p, 1.0)), track.height()), 3, 3)
            painter.setPen(text_color)
            painter.drawText(QRectF(width - percent_width, top, percent_width, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, f"{p:.1%}")
        painter.end()


class ResultCard(QFrame):
    """One picture: thumbnail, name, the best answers as bars (or the problem), time, Explain."""

    def __init__(self, name: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#resultCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }")
        self.name = name
        layout = QGridLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(4)
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMB, THUMB)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("background: palette(alternate-base); border: none;")
        layout.addWidget(self.thumbnail, 0, 0, 3, 1, Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel()
        self.title_label.setToolTip(tooltip)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setMinimumWidth(40)
        self._elide_title(CARD_MIN_WIDTH - THUMB - 36)
        layout.addWidget(self.title_label, 0, 1)
        self.bars = TopBars()
        self.error_label = QLabel()
        self.error_label.setObjectName("cardError")
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error_label.setStyleSheet("border: none;")
        theme.set_tone(self.error_label, "error")
        self.error_label.setMinimumHeight(self.bars.sizeHint().height())
        self.body = QStackedWidget()
        self.body.addWidget(self.bars)
        self.body.addWidget(self.error_label)
        self.body.setFixedHeight(self.bars.sizeHint().height())
        layout.addWidget(self.body, 1, 1)
        bottom = QHBoxLayout()
        self.time_label = QLabel("")
        self.time_label.setStyleSheet("border: none;")
        theme.set_tone(self.time_label, "muted")
        bottom.addWidget(self.time_label, 1)
        self.explain_button = QPushButton(self.tr("Explain"))
        self.explain_button.setCheckable(True)
        self.explain_button.setToolTip(QCoreApplication.translate("ResultCard", EXPLAIN_TIP))
        self.explain_button.setEnabled(False)
        bottom.addWidget(self.explain_button)
        layout.addLayout(bottom, 2, 1)
        layout.setColumnStretch(1, 1)
        self.set_waiting(self.tr("Waiting for a model…"))

    def _elide_title(self, width: int) -> None:
        metrics = QFontMetrics(self.title_label.font())
        self.title_label.setText(metrics.elidedText(self.name, Qt.TextElideMode.ElideMiddle, max(20, width)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._elide_title(self.width() - THUMB - 36)

    def set_waiting(self, text: str) -> None:
        self.body.setCurrentWidget(self.error_label)
        self.error_label.setStyleSheet("border: none;")
        theme.set_tone(self.error_label, "muted")
        self.error_label.setText(text)
        self.time_label.setText("")
        self.explain_button.setEnabled(False)

    def set_result(self, result: CardResult) -> None:
        if result.pixels is not None:
            self.set_pixels(result.pixels)
        else:
            self.thumbnail.setText("?")
        if result.error:
            self.body.setCurrentWidget(self.error_label)
            self.error_label.setStyleSheet("border: none;" + (" font-size: small;" if len(result.error) > 90 else ""))
            theme.set_tone(self.error_label, "error")
            self.error_label.setText(result.error)
            self.error_label.setToolTip(result.error)
            self.time_label.setText("")
            self.explain_button.setEnabled(False)
            return
        self.bars.set_entries(result.top)
        self.body.setCurrentWidget(self.bars)
        self.time_label.setText(f"{format_ms(result.ms)}")
        self.time_label.setToolTip(self.tr("How long the model took for this picture, including preparing it."))
        self.explain_button.setEnabled(True)

    def set_pixels(self, pixels: np.ndarray) -> None:
        self.thumbnail.setPixmap(array_to_pixmap(pixels, THUMB))

    @property
    def error(self) -> str:
        """The problem shown on the card, or '' when it shows answers."""
        return self.error_label.text() if self.body.currentWidget() is self.error_label else ""


class _CardList(QListWidget):
    """The grid of cards; tells the page when its width changes so the cards can share it."""

    def __init__(self, on_resize: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_resize = on_resize

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._on_resize()


class _ColumnScroll(QScrollArea):
    """A column of boxes that scrolls up and down only and is never narrower than its boxes need:
    its minimum (and, where they need more, maximum) width follows its content's minimum width,
    room for the vertical scroll bar included, so the splitter that holds it cannot cut the boxes
    off at the right edge. A foreign model's settings box, shown later, widens it the same way."""

    def __init__(self, content: QWidget, least: int, most: int) -> None:
        super().__init__()
        self._least, self._most = least, most
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)
        self._fit_content()

    def _fit_content(self) -> None:
        """Width limits from what the content needs now (between `least` and `most` where it can)."""
        needed = self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() \
            + 2 * self.frameWidth()
        self.setMinimumWidth(max(self._least, needed))
        self.setMaximumWidth(max(self._most, needed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        # The content's layout posts LayoutRequest whenever a box is shown, hidden or changes text.
        if watched == self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.StyleChange):
            self._fit_content()
        return super().eventFilter(watched, event)


class _SortItem(QTableWidgetItem):
    """A table cell that sorts by the value stored under VALUE_ROLE, not by its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(VALUE_ROLE), other.data(VALUE_ROLE)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return mine < theirs


@dataclass
class _Item:
    """A picture on a card: a file or pasted pixels, and what the model said about it."""

    name: str
    path: Path | None
    pixels: np.ndarray | None  # pasted RGBA pixels (None for files)
    card: ResultCard
    id: int = field(default_factory=lambda: next(_ids))
    token: int = 0  # the classification whose result the card waits for
    result: CardResult | None = None
    seen: bool = False  # classified at least once (problems are announced only the first time)
    heat: np.ndarray | None = None
    explain_token: int = 0


@dataclass
class _Batch:
    """A folder or many pictures, shown in the table."""

    sources: list[Path]
    token: int = 0
    result: FolderResult | None = None
    seen: bool = False


# ----- the page ------------------------------------------------------------------------------
class PlaygroundPage(QWidget):
    """Try ONNX image classifiers on pictures: drop a model, then pictures or folders."""

    model_opened = Signal(str)  # the model's path, after the page shows it
    model_failed = Signal(str)  # the sentence shown to the user
    results_ready = Signal()  # after a batch of cards or a folder has been classified
    explain_ready = Signal()  # after a heat map arrived

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._classifier: Any = None
        self._generator: Any = None
        self._translator: Any = None
        self._text_generator: Any = None
        self._opened: Opened | None = None
        self._model_path: Path | None = None
        self._overrides: dict = {}
        self._gpu_ok: bool | None = None
        self._prefer_cpu = bool_setting(app_settings(), FORCE_CPU_KEY, False)
        self._open_token = 0
        self._tokens = itertools.count(1)
        self._items: list[_Item] = []  # newest first, as shown
        self._batch: _Batch | None = None
        self._tasks: set[BackgroundTask] = set()
        self._progress_task: BackgroundTask | None = None
        self._pasted = 0
        self._filling_box = False
        self.setAcceptDrops(True)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_side())
        splitter.addWidget(self._build_results())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([350, 830])
        layout.addWidget(splitter, 1)

        self._settings_timer = QTimer(self)
        self._settings_timer.setSingleShot(True)
        self._settings_timer.setInterval(SETTINGS_DELAY_MS)
        self._settings_timer.timeout.connect(self.apply_settings)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self.paste_from_clipboard)
        self._fill_recent()
        self._update_view()

    # ----- construction -----------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        title = QLabel("<h2>" + self.tr("Playground: try a model") + "</h2>")
        header.addWidget(title)
        header.addStretch(1)
        self.open_button = QPushButton(self.tr("&Open model…"))
        self.open_button.setToolTip(self.tr("Open an ONNX image classifier, picture generator, translator or text "
                                            "generator (.onnx file). You can also drop it onto this page."))
        self.open_button.clicked.connect(lambda: self.choose_model())
        header.addWidget(self.open_button)
        self.add_button = QPushButton(self.tr("&Add pictures…"))
        self.add_button.setToolTip(self.tr("Classify pictures or a whole folder. You can also drop them onto this page."))
        menu = QMenu(self.add_button)
        menu.addAction(self.tr("Pictures…"), lambda: self.choose_pictures())
        menu.addAction(self.tr("A folder of pictures…"), lambda: self.choose_folder())
        self.add_button.setMenu(menu)
        header.addWidget(self.add_button)
        self.paste_button = QPushButton(self.tr("&Paste picture"))
        self.paste_button.setToolTip(self.tr("Classify the picture on the clipboard (Ctrl+V)."))
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        header.addWidget(self.paste_button)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.setToolTip(self.tr("Remove all pictures and results from the page (the files stay where they are)."))
        self.clear_button.clicked.connect(self.clear_results)
        header.addWidget(self.clear_button)
        return header

    def _build_side(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 6, 0)

        self.model_box = QGroupBox(self.tr("Model"))
        box_layout = QVBoxLayout(self.model_box)
        self.model_card = QLabel("")
        self.model_card.setObjectName("modelCard")
        self.model_card.setWordWrap(True)
        self.model_card.setTextFormat(Qt.TextFormat.RichText)
        self.model_card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model_card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        box_layout.addWidget(self.model_card)
        self.force_cpu_check = QCheckBox(self.tr("Always use the CPU"))
        self.force_cpu_check.setToolTip(_t(CPU_TIP))
        self.force_cpu_check.setChecked(self._prefer_cpu)
        self.force_cpu_check.toggled.connect(self._on_force_cpu_toggled)
        box_layout.addWidget(self.force_cpu_check)
        self.self_described_label = QLabel(_t(SELF_DESCRIBED))
        self.self_described_label.setObjectName("selfDescribed")
        self.self_described_label.setWordWrap(True)
        theme.set_tone(self.self_described_label, "success")
        box_layout.addWidget(self.self_described_label)
        layout.addWidget(self.model_box)

        layout.addWidget(self._build_preprocess_box())

        self.recent_box = QGroupBox(self.tr("Recent models"))
        recent_layout = QVBoxLayout(self.recent_box)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentModels")
        self.recent_list.setToolTip(self.tr("Click a model to open it again."))
        self.recent_list.itemClicked.connect(self._open_recent)
        self.recent_list.itemActivated.connect(self._open_recent)
        recent_layout.addWidget(self.recent_list)
        self.recent_hint = QLabel(self.tr("Models you open appear here, so you can open them again with one click."))
        self.recent_hint.setWordWrap(True)
        theme.set_tone(self.recent_hint, "muted")
        recent_layout.addWidget(self.recent_hint)
        layout.addWidget(self.recent_box)
        layout.addStretch(1)
        scroll = _ColumnScroll(body, least=330, most=460)
        scroll.setObjectName("playgroundSide")
        return scroll

    def _build_preprocess_box(self) -> QGroupBox:
        self.preprocess_box = QGroupBox(self.tr("Settings for this model"))
        self.preprocess_box.setToolTip(self.tr("This model does not say how it wants its pictures; check these "
                                               "settings against the model's documentation."))
        form = QFormLayout(self.preprocess_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.warnings_label = QLabel("")
        self.warnings_label.setObjectName("modelWarnings")
        self.warnings_label.setWordWrap(True)
        theme.set_tone(self.warnings_label, "warning")
        form.addRow(self.warnings_label)
        size_row = QHBoxLayout()
        self.height_spin = QSpinBox()
        self.width_spin = QSpinBox()
        for spin, tip in ((self.height_spin, self.tr("Height of the pictures the model was trained on, in pixels.")),
                          (self.width_spin, self.tr("Width of the pictures the model was trained on, in pixels."))):
            spin.setRange(1, 4096)
            spin.setSuffix(self.tr(" px"))
            spin.setToolTip(tip)
            spin.valueChanged.connect(self._settings_changed)
        size_row.addWidget(self.width_spin)
        size_row.addWidget(QLabel(self.tr("wide ×")))
        size_row.addWidget(self.height_spin)
        size_row.addWidget(QLabel(self.tr("high")))
        size_row.addStretch(1)
        form.addRow(self.tr("Size"), size_row)
        self.channels_combo = QComboBox()
        for value, text in CHANNEL_CHOICES:
            self.channels_combo.addItem(_t(text), value)
        self.channels_combo.setToolTip(self.tr("Whether the model wants colour or grayscale pictures."))
        form.addRow(self.tr("Colours"), self.channels_combo)
        self.value_range_combo = QComboBox()
        for key, text in VALUE_RANGE_CHOICES:
            self.value_range_combo.addItem(_t(text), key)
        self.value_range_combo.setToolTip(self.tr("How pixel values are scaled before the model sees them: 0 to 1, "
                                                  "-1 to 1, or with the ImageNet mean and standard deviation (common "
                                                  "for photos)."))
        form.addRow(self.tr("Pixel values"), self.value_range_combo)
        self.layout_combo = QComboBox()
        for key, text in LAYOUT_CHOICES:
            self.layout_combo.addItem(_t(text), key)
        self.layout_combo.setToolTip(self.tr("Whether the model wants the colour channels before (NCHW, PyTorch "
                                             "style) or after (NHWC, TensorFlow style) the pixel rows and columns."))
        form.addRow(self.tr("Channel order"), self.layout_combo)
        for combo in (self.channels_combo, self.value_range_combo, self.layout_combo):
            combo.currentIndexChanged.connect(self._settings_changed)
        labels_row = QHBoxLayout()
        self.labels_edit = QLineEdit()
        self.labels_edit.setReadOnly(True)
        self.labels_edit.setPlaceholderText(self.tr("class 0, class 1, …"))
        self.labels_edit.setToolTip(self.tr("A text file with one label per line, in the model's class order."))
        labels_row.addWidget(self.labels_edit, 1)
        self.labels_button = QToolButton()
        self.labels_button.setText(self.tr("Choose…"))
        self.labels_button.setToolTip(self.tr("Choose a text file with one label per line."))
        self.labels_button.clicked.connect(lambda: self.choose_labels_file())
        labels_row.addWidget(self.labels_button)
        self.labels_clear_button = QToolButton()
        self.labels_clear_button.setText("×")
        self.labels_clear_button.setToolTip(self.tr("Use no labels file (classes are called class 0, class 1, …)."))
        self.labels_clear_button.clicked.connect(lambda: self.choose_labels_file(""))
        labels_row.addWidget(self.labels_clear_button)
        form.addRow(self.tr("Labels"), labels_row)
        return self.preprocess_box

    def _build_results(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        status_row = QHBoxLayout()
        self.status_label = QLabel("")
        self.status_label.setObjectName("playgroundStatus")
        self.status_label.setWordWrap(True)
        status_row.addWidget(self.status_label, 1)
        self.progress_bar = QProgressBar()
        self.progress_bar.setFixedWidth(220)
        self.progress_bar.setFormat(self.tr("%v of %m pictures"))
        self.progress_bar.hide()
        status_row.addWidget(self.progress_bar)
        self.cancel_button = QPushButton(self.tr("&Stop"))
        self.cancel_button.setToolTip(self.tr("Stop classifying; the pictures done so far are kept."))
        self.cancel_button.clicked.connect(lambda: self.cancel_work(wait=False))
        self.cancel_button.hide()
        status_row.addWidget(self.cancel_button)
        layout.addLayout(status_row)

        self.view_stack = QStackedWidget()
        self.drop_zone = QFrame()
        self.drop_zone.setObjectName("dropZone")
        self.drop_zone.setStyleSheet("#dropZone { border: 2px dashed palette(mid); border-radius: 10px; "
                                     "background: palette(alternate-base); }")
        zone = QVBoxLayout(self.drop_zone)
        zone.addStretch(1)
        self.drop_label = QLabel(_t(EMPTY_TEXT))
        self.drop_label.setObjectName("emptyState")
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setWordWrap(True)
        font = self.drop_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.drop_label.setFont(font)
        self.drop_label.setStyleSheet("border: none; background: transparent;")
        zone.addWidget(self.drop_label)
        self.drop_hint = QLabel(_t(EMPTY_HINT))
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setFixedWidth(480)
        self.drop_hint.setStyleSheet("border: none; background: transparent;")
        theme.set_tone(self.drop_hint, "muted")
        # Centred by stretches, not by alignment: the column then asks the label for its height at
        # its own 480 px, while an aligned item is asked at the column's width, where a Chinese hint
        # fits one line, and the second line it wraps to at 480 px was cut off.
        hint_row = QHBoxLayout()
        hint_row.addStretch(1)
        hint_row.addWidget(self.drop_hint)
        hint_row.addStretch(1)
        zone.addLayout(hint_row)
        self.zone_button = QPushButton(self.tr("Open model…"))
        self.zone_button.setObjectName("zoneButton")
        self.zone_button.setMinimumWidth(160)
        self.zone_button.clicked.connect(lambda: self.choose_pictures() if self._opened is not None else self.choose_model())
        zone.addSpacing(8)
        zone.addWidget(self.zone_button, 0, Qt.AlignmentFlag.AlignHCenter)
        zone.addStretch(2)
        self.view_stack.addWidget(self.drop_zone)

        self.results_tabs = QTabWidget()
        self.results_list = _CardList(self._layout_cards)
        self.results_list.setObjectName("resultsList")
        self.results_list.setViewMode(QListView.ViewMode.IconMode)
        self.results_list.setFlow(QListView.Flow.LeftToRight)
        self.results_list.setWrapping(True)
        self.results_list.setUniformItemSizes(True)
        self.results_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.results_list.setMovement(QListView.Movement.Static)
        self.results_list.setSpacing(4)
        self.results_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.results_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results_tabs.addTab(self.results_list, self.tr("Pictures"))
        self.results_tabs.addTab(self._build_folder_view(), self.tr("Folder"))
        self.view_stack.addWidget(self.results_tabs)
        self.generator_panel = GeneratorPanel()
        self.generator_panel.message.connect(self._say)
        self.view_stack.addWidget(self.generator_panel)
        self.translator_panel = TranslatorPanel()
        self.translator_panel.message.connect(self._say)
        self.view_stack.addWidget(self.translator_panel)
        self.writer_panel = WriterPanel()
        self.writer_panel.message.connect(self._say)
        self.view_stack.addWidget(self.writer_panel)
        layout.addWidget(self.view_stack, 1)
        return panel

    def _build_folder_view(self) -> QWidget:
        view = QWidget()
        layout = QVBoxLayout(view)
        top = QHBoxLayout()
        self.folder_title = QLabel("")
        self.folder_title.setObjectName("folderTitle")
        self.folder_title.setWordWrap(True)
        top.addWidget(self.folder_title, 1)
        self.save_csv_button = QPushButton(self.tr("Save &CSV…"))
        self.save_csv_button.setToolTip(self.tr("Save every picture's answers to a CSV file that spreadsheets open."))
        self.save_csv_button.clicked.connect(lambda: self.save_csv())
        top.addWidget(self.save_csv_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.accuracy_label = QLabel("")
        self.accuracy_label.setObjectName("accuracyLabel")
        self.accuracy_label.setWordWrap(True)
        font = self.accuracy_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.accuracy_label.setFont(font)
        self.accuracy_label.hide()
        layout.addWidget(self.accuracy_label)

        splitter = self.folder_splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        self.folder_table = QTableWidget(0, len(TABLE_COLUMNS))
        self.folder_table.setObjectName("folderTable")
        for column, (title, tip) in enumerate(zip(TABLE_COLUMNS, TABLE_TIPS)):
            header_item = QTableWidgetItem(_t(title))
            header_item.setToolTip(_t(tip))
            self.folder_table.setHorizontalHeaderItem(column, header_item)
        self.folder_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.folder_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.folder_table.setAlternatingRowColors(True)
        self.folder_table.verticalHeader().hide()
        self.folder_table.verticalHeader().setDefaultSectionSize(22)
        self.folder_table.setSortingEnabled(True)
        self.folder_table.setToolTip(self.tr("Click a column title to sort. Double-click a row to see that picture on a card."))
        header = self.folder_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # long paths are shortened in the middle
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.folder_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.folder_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.folder_table.itemDoubleClicked.connect(self._show_row_on_card)
        splitter.addWidget(self.folder_table)

        self.confusion_box = QGroupBox(self.tr("What the model confuses"))
        box_layout = QVBoxLayout(self.confusion_box)
        hint = QLabel(self.tr("Rows: the folder (the true label). Columns: the model's answer. The diagonal is right."))
        hint.setWordWrap(True)
        box_layout.addWidget(hint)
        # Cells need not be square here: the matrix fills its box.
        self.folder_confusion_plot = ConfusionPlot(self.tr("folder"), self.tr("answer"), square=False,
                                                   max_text_classes=MAX_TEXT_CLASSES, max_label_width=150)
        self.folder_confusion_plot.setMinimumSize(220, 220)
        self.folder_confusion = self.folder_confusion_plot.image  # created once; setImage afterwards
        box_layout.addWidget(self.folder_confusion_plot, 1)
        self.confusion_box.hide()
        splitter.addWidget(self.confusion_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        return view

    # ----- public API ---------------------------------------------------------------------------
    @property
    def classifier(self) -> Any:
        """The open ImageClassifier, or None."""
        return self._classifier

    @property
    def generator(self) -> Any:
        """The open ImageGenerator (a picture generator), or None."""
        return self._generator

    @property
    def translator(self) -> Any:
        """The open Translator, or None."""
        return self._translator

    @property
    def text_generator(self) -> Any:
        """The open TextGenerator, or None."""
        return self._text_generator

    @property
    def model_path(self) -> Path | None:
        """The open model file, or None."""
        return self._model_path

    @property
    def device(self) -> str | None:
        """The device the open model was asked for ("auto" or "cpu"), or None."""
        return self._opened.device if self._opened is not None else None

    def cards(self) -> list[ResultCard]:
        """The picture cards, as shown (newest first)."""
        return [item.card for item in self._items]

    def accepts_drop(self, paths: Sequence[str | Path]) -> bool:
        """True when `paths` hold something for this page: any existing local file or folder.
        Models open, pictures and folders are classified, and anything else gets one sentence
        saying why it cannot be used."""
        return any(str(p) and Path(p).exists() for p in paths)

    def open_model(self, path: str | Path) -> None:
        """Open an ONNX model in the background; remembered settings for it are restored.
        Failures show one sentence and keep the model that was open."""
        path = Path(path)
        overrides = self._remembered_overrides(path)
        self._start_open(path, overrides, remembered=True)

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        """Classify pictures and folders (a model file among them is opened first)."""
        paths = [Path(p) for p in paths if str(p)]
        models = [p for p in paths if p.suffix.lower() == ".onnx" and not p.is_dir()]
        pictures = [p for p in paths if p not in models]
        if models:
            self.open_model(models[0])
            if len(models) > 1:
                self._say(self.tr("Only one model can be open at a time; opening {name}.").format(name=models[0].name))
        if not pictures:
            return
        if self._generator is not None and not models:
            self._say(QCoreApplication.translate("GeneratorPanel", DROP_PICTURES_TEXT))
            return
        if self._translator is not None and not models:
            self._say(QCoreApplication.translate("TranslatorPanel", translator_panel.DROP_PICTURES_TEXT))
            return
        if self._text_generator is not None and not models:
            self._say(QCoreApplication.translate("WriterPanel", writer_panel.DROP_PICTURES_TEXT))
            return
        if any(p.is_dir() for p in pictures) or len(pictures) > CARD_LIMIT:
            self._batch = _Batch(pictures)
            self._classify_batch()
            self.results_tabs.setCurrentIndex(1)
        else:
            self._add_items([_Item(p.name, p, None, ResultCard(p.name, str(p))) for p in pictures])
        self._update_view()

    def paste_image(self, image: QImage) -> None:
        """Classify a picture from the clipboard."""
        if image is None or image.isNull():
            self._say(self.tr("The clipboard holds no picture; copy a picture first, then paste it here."))
            return
        if self._generator is not None:
            self._say(QCoreApplication.translate("GeneratorPanel", DROP_PICTURES_TEXT))
            return
        if self._translator is not None:
            self._say(QCoreApplication.translate("TranslatorPanel", translator_panel.DROP_PICTURES_TEXT))
            return
        if self._text_generator is not None:
            self._say(QCoreApplication.translate("WriterPanel", writer_panel.DROP_PICTURES_TEXT))
            return
        from engine import imaging

        self._pasted += 1
        name = self.tr("Pasted picture {number}").format(number=self._pasted)
        card = ResultCard(name, self.tr("{name} ({width}x{height} pixels)").format(name=name, width=image.width(),
                                                                                  height=image.height()))
        if image.width() * image.height() > imaging.MAX_PIXELS:
            item = _Item(name, None, np.zeros((0, 0, 4), dtype=np.uint8), card)  # too large to convert
            item.token = next(self._tokens)
            self._add_items([item], classify=False)
            error = self.tr("The pasted picture is {width}x{height} pixels, too large to open safely.").format(
                width=image.width(), height=image.height())
            self._apply_card_result(item.token, item.id, CardResult([], None, error, 0.0, None))
            show_error(self, self.tr("Nothing could be classified"), error)
            return
        self._add_items([_Item(name, None, qimage_to_rgba(image), card)])
        self._update_view()

    def paste_from_clipboard(self) -> None:
        """Ctrl+V: a picture on the clipboard, or copied picture files; text goes into the
        translator's box when a translator is open, into the opening when a text generator is."""
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if self._translator is not None and mime is not None and mime.hasText() and not mime.hasUrls():
            self.translator_panel.paste_text(mime.text())
        elif self._text_generator is not None and mime is not None and mime.hasText() and not mime.hasUrls():
            self.writer_panel.paste_text(mime.text())
        elif mime is not None and mime.hasImage():
            self.paste_image(clipboard.image())
        elif mime is not None and mime.hasUrls() and any(url.isLocalFile() for url in mime.urls()):
            self.add_paths([url.toLocalFile() for url in mime.urls() if url.isLocalFile()])
        else:
            self._say(self.tr("The clipboard holds no picture; copy a picture first, then paste it here."))

    def set_force_cpu(self, on: bool) -> None:
        """Always run on the CPU (remembered); reopens the open model on the new device."""
        on = bool(on)
        changed = on != self._prefer_cpu
        self._prefer_cpu = on
        app_settings().setValue(FORCE_CPU_KEY, "true" if on else "false")
        if self.force_cpu_check.isEnabled() and self.force_cpu_check.isChecked() != on:
            self.force_cpu_check.blockSignals(True)
            self.force_cpu_check.setChecked(on)
            self.force_cpu_check.blockSignals(False)
        if changed and self._model_path is not None and self._gpu_ok:
            self._start_open(self._model_path, self._overrides, remembered=False)

    def save_csv(self, path: str | Path | None = None) -> str | None:
        """Write every answer to a CSV file (asks where when `path` is None); returns the path."""
        rows = self._csv_rows()
        if not rows:
            self._say(self.tr("There are no answers to save yet; classify some pictures first."))
            return None
        if not isinstance(path, (str, Path)) or not str(path):
            folder = str(app_settings().value(CSV_DIR_KEY, "") or Path.home())
            stem = self._batch.sources[0].name if self._batch is not None and self._batch.sources else self.tr("pictures")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the answers as CSV"),
                                                  str(Path(folder) / self.tr("{stem}-answers.csv").format(stem=stem)),
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return None
        path = Path(path)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        from engine.atomic import write_text_atomic

        try:
            write_text_atomic(path, csv_text(rows))
        except OSError as exc:  # a WriteError (disk full, no permission) already says which file and why
            message = str(exc) if isinstance(exc, ModelDeskError) else self.tr(
                "The CSV file could not be saved to '{path}' ({reason}).").format(path=path, reason=exc.strerror or exc)
            show_error(self, self.tr("Could not save"), message, str(exc))
            return None
        app_settings().setValue(CSV_DIR_KEY, str(path.parent))
        self._say(self.tr("Saved {answers} to {path}.").format(
            answers=plural(len(rows), self.tr("{count} answer"), self.tr("{count} answers")), path=path))
        return str(path)

    def apply_settings(self) -> None:
        """Reopen a foreign model with the settings in the box and classify the pictures again."""
        self._settings_timer.stop()
        if self._opened is None or self._classifier is None or self._classifier.has_metadata:
            return
        overrides = self._box_overrides()
        if overrides == self._overrides:
            return
        self._start_open(self._opened.path, overrides, remembered=False, from_box=True)

    def choose_labels_file(self, path: str | None = None) -> None:
        """Use a labels file (one label per line) for a foreign model; '' clears it."""
        if path is None:
            start = str(self._model_path.parent) if self._model_path else str(Path.home())
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a labels file"), start,
                                                  self.tr("Text files (*.txt *.csv *.names);;All files (*)"))
            if not path:
                return
        self.labels_edit.setText(str(path))
        self.labels_edit.setToolTip(str(path) or self.tr("A text file with one label per line, in the model's class order."))
        self.apply_settings()

    def choose_model(self) -> None:
        folder = str(app_settings().value(MODEL_DIR_KEY, "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open an ONNX model"), folder,
                                              self.tr("ONNX models (*.onnx);;All files (*)"))
        if path:
            app_settings().setValue(MODEL_DIR_KEY, str(Path(path).parent))
            self.open_model(path)

    def choose_pictures(self) -> None:
        from engine.imaging import IMAGE_EXTENSIONS

        folder = str(app_settings().value(PICTURES_DIR_KEY, "") or Path.home())
        patterns = " ".join(f"*{ext}" for ext in IMAGE_EXTENSIONS)
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose pictures"), folder,
                                                self.tr("Pictures ({patterns});;All files (*)").format(patterns=patterns))
        if paths:
            app_settings().setValue(PICTURES_DIR_KEY, str(Path(paths[0]).parent))
            self.add_paths(paths)

    def choose_folder(self) -> None:
        folder = str(app_settings().value(PICTURES_DIR_KEY, "") or Path.home())
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of pictures"), folder)
        if path:
            app_settings().setValue(PICTURES_DIR_KEY, path)
            self.add_paths([path])

    def clear_results(self) -> None:
        """Remove every card and the folder results."""
        for task in list(self._tasks):
            if task is not self._open_task_ref():
                task.cancel()
        self._items.clear()
        self.results_list.clear()
        self._batch = None
        self.folder_table.setRowCount(0)
        self._say("")
        self._update_view()

    def cancel_work(self, wait: bool = True) -> None:
        """Stop classifying (and, with `wait`, wait for every background task to end)."""
        for task in list(self._tasks):
            task.cancel()
        if wait:
            for task in list(self._tasks):
                task.wait(30_000)
            self.generator_panel.wait_for_work()
            self.translator_panel.wait_for_work()
            self.writer_panel.wait_for_work()

    def is_busy(self) -> bool:
        return any(task.is_running() for task in self._tasks)

    # ----- drag and drop ------------------------------------------------------------------------
    @staticmethod
    def _dropped_paths(event) -> list[str]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt naming
        if self.accepts_drop(self._dropped_paths(event)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if self.accepts_drop(self._dropped_paths(event)):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt naming
        paths = self._dropped_paths(event)
        if not self.accepts_drop(paths):
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    # ----- opening models -----------------------------------------------------------------------
    def _open_task_ref(self) -> BackgroundTask | None:
        return getattr(self, "_open_task", None)

    def _start_open(self, path: Path, overrides: dict, *, remembered: bool, from_box: bool = False) -> None:
        self._open_token += 1
        token = self._open_token
        self._opening_path = path
        device = "cpu" if self._prefer_cpu else "auto"
        self._say(self.tr("Opening {name}…").format(name=path.name))

        def work(context) -> Opened:
            return open_any_model(path, device, overrides, remembered)

        task = run_in_background(work, name="open-model",
                                 on_success=lambda opened, t=token: self._on_opened(t, opened, from_box),
                                 on_failure=lambda error, t=token: self._on_open_failed(t, path, error, from_box),
                                 parent=self)
        self._open_task = task
        self._track(task)

    def _on_opened(self, token: int, opened: Opened, from_box: bool) -> None:
        if token != self._open_token:
            return  # a later open replaced this one
        if opened.generator is not None:
            self._show_generator(opened)
            return
        if opened.translator is not None:
            self._show_translator(opened)
            return
        if opened.text_generator is not None:
            self._show_text_generator(opened)
            return
        self._close_drawing_and_translating()
        self._opened, self._classifier = opened, opened.classifier
        self._model_path, self._overrides = opened.path, dict(opened.overrides)
        self._gpu_ok = opened.gpu_ok
        if from_box or opened.note:
            self._remember_overrides(opened.path, opened.overrides)
        self.model_card.setText(describe_model(opened))
        self._update_cpu_check()
        self._fill_box(opened)
        self._add_recent(opened.path)
        self._update_view()
        self._say(opened.note or self.tr("Opened {name} on the {device} in {time}.").format(
            name=opened.path.name, device=provider_name(opened.classifier.provider), time=format_ms(opened.load_ms)))
        self.model_opened.emit(str(opened.path))
        self._rerun()

    def _close_drawing_and_translating(self, keep: Any = None) -> None:
        """Clear the generator, translator and text generator sections, except the one showing `keep`."""
        if self._generator is not None and self._generator is not keep:
            self._generator = None
            self.generator_panel.set_generator(None)
        if self._translator is not None and self._translator is not keep:
            self._translator = None
            self.translator_panel.set_translator(None)
        if self._text_generator is not None and self._text_generator is not keep:
            self._text_generator = None
            self.writer_panel.set_text_generator(None)

    def _show_translator(self, opened: Opened) -> None:
        translator = opened.translator
        self._close_drawing_and_translating(keep=translator)
        self._opened, self._classifier, self._translator = opened, None, translator
        self._model_path, self._overrides = opened.path, {}
        self._gpu_ok = opened.gpu_ok
        self.model_card.setText(describe_model(opened))
        self._update_cpu_check()
        self.preprocess_box.hide()
        self.self_described_label.setVisible(True)
        self.translator_panel.set_translator(translator)
        self._add_recent(opened.path)
        self._update_view()
        self._say(self.tr("Opened the translator {name} ({languages}) on the {device} in {time}.").format(
            name=opened.path.name, languages=language_pair(translator.metadata), device=provider_name(translator.provider),
            time=format_ms(opened.load_ms)))
        self.model_opened.emit(str(opened.path))

    def _show_text_generator(self, opened: Opened) -> None:
        generator = opened.text_generator
        self._close_drawing_and_translating(keep=generator)
        self._opened, self._classifier, self._text_generator = opened, None, generator
        self._model_path, self._overrides = opened.path, {}
        self._gpu_ok = opened.gpu_ok
        self.model_card.setText(describe_model(opened))
        self._update_cpu_check()
        self.preprocess_box.hide()
        self.self_described_label.setVisible(True)
        self.writer_panel.set_text_generator(generator)
        self._add_recent(opened.path)
        self._update_view()
        self._say(self.tr("Opened the text generator {name} on the {device} in {time}.").format(
            name=opened.path.name, device=provider_name(generator.provider), time=format_ms(opened.load_ms)))
        self.model_opened.emit(str(opened.path))

    def _show_generator(self, opened: Opened) -> None:
        generator = opened.generator
        self._close_drawing_and_translating(keep=generator)
        self._opened, self._classifier, self._generator = opened, None, generator
        self._model_path, self._overrides = opened.path, {}
        self._gpu_ok = opened.gpu_ok
        self.model_card.setText(describe_model(opened))
        self._update_cpu_check()
        self.preprocess_box.hide()
        self.self_described_label.setVisible(bool(generator.has_metadata))
        self.generator_panel.set_generator(generator)
        self._add_recent(opened.path)
        self._update_view()
        self._say(self.tr("Opened the picture generator {name} on the {device} in {time}.").format(
            name=opened.path.name, device=provider_name(generator.provider), time=format_ms(opened.load_ms)))
        self.model_opened.emit(str(opened.path))

    def _on_open_failed(self, token: int, path: Path, error: TaskError, from_box: bool) -> None:
        if token != self._open_token:
            return
        self._say(self.tr("{name} was not opened.").format(name=path.name)
                  + (self.tr(" {name} is still open.").format(name=self._model_path.name) if self._model_path else ""))
        if from_box and self._opened is not None and self._opened.classifier is not None:
            self._fill_box(self._opened)  # back to the settings that work
        title = self.tr("These settings do not fit the model") if from_box else self.tr("Could not open the model")
        show_error(self, title, error.message, error.details)
        self.model_failed.emit(error.message)

    def _update_cpu_check(self) -> None:
        check = self.force_cpu_check
        check.blockSignals(True)
        if self._gpu_ok:
            check.setEnabled(True)
            check.setChecked(self._prefer_cpu)
            check.setToolTip(_t(CPU_TIP))
        else:
            check.setChecked(True)
            check.setEnabled(False)
            check.setToolTip(_t(NO_GPU_TIP))
        check.blockSignals(False)

    def _on_force_cpu_toggled(self, checked: bool) -> None:
        self.set_force_cpu(checked)

    # ----- the settings box ---------------------------------------------------------------------
    def _fill_box(self, opened: Opened) -> None:
        classifier = opened.classifier
        ours = classifier.has_metadata
        self.preprocess_box.setVisible(not ours)
        self.self_described_label.setVisible(ours)
        if ours:
            return
        settings = classifier.settings
        self._filling_box = True
        try:
            height, width = settings.input_size
            self.height_spin.setValue(height)
            self.width_spin.setValue(width)
            self.channels_combo.setCurrentIndex(max(0, self.channels_combo.findData(settings.channels)))
            preset = _value_range_name(settings.mean, settings.std, settings.channels) or "[0,1]"
            self.value_range_combo.setCurrentIndex(max(0, self.value_range_combo.findData(preset)))
            self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(settings.layout)))
            labels = opened.overrides.get("labels")
            self.labels_edit.setText(str(labels) if isinstance(labels, str) else "")
            self.labels_edit.setPlaceholderText(", ".join(settings.labels[:3]) + (", …" if len(settings.labels) > 3 else ""))
            shape = list(opened.info.input_shape)
            fixed = (lambda axis: len(shape) == 4 and isinstance(shape[axis], int) and shape[axis] > 0)
            channel_axis, height_axis, width_axis = (1, 2, 3) if settings.layout == "nchw" else (3, 1, 2)
            for widget, axis, tip in ((self.height_spin, height_axis, self.tr("The model itself fixes the height.")),
                                      (self.width_spin, width_axis, self.tr("The model itself fixes the width.")),
                                      (self.channels_combo, channel_axis,
                                       self.tr("The model itself fixes the number of colour channels."))):
                widget.setEnabled(not fixed(axis))
                if fixed(axis):
                    widget.setToolTip(tip)
        finally:
            self._filling_box = False
        warnings = say_all(classifier.warnings)
        self.warnings_label.setText("\n".join(warnings))
        self.warnings_label.setVisible(bool(warnings))

    def _settings_changed(self, *_args) -> None:
        if not self._filling_box:
            self._settings_timer.start()

    def _box_overrides(self) -> dict:
        overrides: dict[str, Any] = {
            "size": [self.height_spin.value(), self.width_spin.value()],
            "channels": int(self.channels_combo.currentData()),
            "value_range": str(self.value_range_combo.currentData()),
            "layout": str(self.layout_combo.currentData()),
        }
        if self.labels_edit.text():
            overrides["labels"] = self.labels_edit.text()
        return overrides

    def _remembered_overrides(self, path: Path) -> dict:
        text = app_settings().value(f"{MODELS_GROUP}/{model_key(path)}/overrides", "")
        try:
            value = json.loads(str(text)) if text else {}
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def _remember_overrides(self, path: Path, overrides: dict) -> None:
        settings = app_settings()
        key = f"{MODELS_GROUP}/{model_key(path)}"
        settings.setValue(f"{key}/path", str(Path(path).absolute()))
        settings.setValue(f"{key}/overrides", json.dumps(overrides))
        settings.sync()

    # ----- recent models ------------------------------------------------------------------------
    def recent_models(self) -> list[str]:
        text = app_settings().value(RECENT_KEY, "")
        try:
            value = json.loads(str(text)) if text else []
        except ValueError:
            return []
        return [str(v) for v in value if isinstance(v, str)][:RECENT_MAX] if isinstance(value, list) else []

    def _add_recent(self, path: Path) -> None:
        absolute = str(Path(path).absolute())
        recent = [absolute] + [p for p in self.recent_models() if p != absolute]
        settings = app_settings()
        settings.setValue(RECENT_KEY, json.dumps(recent[:RECENT_MAX]))
        settings.sync()
        self._fill_recent()

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = Path(str(item.data(VALUE_ROLE)))
        task = self._open_task_ref()
        if task is not None and task.is_running() and getattr(self, "_opening_path", None) == path:
            return  # a click and an activation of the same row
        self.open_model(path)

    def _fill_recent(self) -> None:
        self.recent_list.clear()
        recent = self.recent_models()
        for path in recent:
            exists = Path(path).exists()
            item = QListWidgetItem(Path(path).name + ("" if exists else self.tr(" (missing)")))
            item.setToolTip(path)
            item.setData(VALUE_ROLE, path)
            if not exists:
                item.setForeground(QColor(theme.current_colors().muted))
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(recent))
        self.recent_hint.setVisible(not recent)
        rows = max(1, min(len(recent), RECENT_MAX))
        self.recent_list.setFixedHeight(rows * (self.recent_list.fontMetrics().height() + 8) + 6)

    # ----- cards --------------------------------------------------------------------------------
    def _add_items(self, items: list[_Item], classify: bool = True) -> None:
        for item in reversed(items):
            self._items.insert(0, item)
            row = QListWidgetItem()
            row.setSizeHint(QSize(self._card_width(), item.card.sizeHint().height()))
            row.setData(VALUE_ROLE, item.id)
            self.results_list.insertItem(0, row)
            self.results_list.setItemWidget(row, item.card)
            item.card.explain_button.toggled.connect(lambda on, it=item: self._toggle_explain(it, on))
        self.results_tabs.setCurrentIndex(0)
        if classify:
            self._classify_items(items)

    def _card_width(self) -> int:
        """As many cards side by side as fit at CARD_MIN_WIDTH, sharing the list's width."""
        spacing = 2 * self.results_list.spacing() + 2
        scrollbar = self.results_list.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        available = self.results_list.viewport().width() - scrollbar - 4  # wrapping keeps room for a scroll bar
        columns = max(1, available // (CARD_MIN_WIDTH + spacing))
        return int(min(CARD_MAX_WIDTH, max(CARD_MIN_WIDTH, available // columns - spacing)))

    def _layout_cards(self) -> None:
        width = self._card_width()
        for row in range(self.results_list.count()):
            entry = self.results_list.item(row)
            if entry.sizeHint().width() != width:
                entry.setSizeHint(QSize(width, entry.sizeHint().height()))

    def _classify_items(self, items: list[_Item]) -> None:
        if not items:
            return
        if self._classifier is None:
            for item in items:
                item.card.set_waiting(self.tr("Waiting for a model: open one to classify this picture."))
            return
        token = next(self._tokens)
        jobs = []
        for item in items:
            item.token = token
            item.heat, item.explain_token = None, next(self._tokens)  # explanations of the old answer are void
            item.card.explain_button.blockSignals(True)
            item.card.explain_button.setChecked(False)
            item.card.explain_button.setText(self.tr("Explain"))
            item.card.explain_button.blockSignals(False)
            item.card.set_waiting(self.tr("Classifying…"))
            jobs.append((item.id, item.path if item.path is not None else item.pixels))
        new_ids = {item.id for item in items if not item.seen}
        classifier = self._classifier

        def work(context) -> int:
            for done, (item_id, source) in enumerate(jobs, start=1):
                if context.should_cancel():
                    break
                context.emit((token, item_id, classify_picture(classifier, source)))
                context.progress(done, len(jobs))
            return token

        task = run_in_background(work, name="classify-pictures",
                                 on_event=lambda event: self._apply_card_result(*event),
                                 on_success=lambda _t, t=token, ids=new_ids: self._cards_done(t, ids),
                                 on_failure=lambda error: self._work_failed(error),
                                 on_progress=lambda done, total, t=token: self._show_progress(done, total),
                                 parent=self)
        self._track(task, progress=len(jobs) > 1)

    def _item(self, item_id: int) -> _Item | None:
        return next((item for item in self._items if item.id == item_id), None)

    def _apply_card_result(self, token: int, item_id: int, result: CardResult) -> None:
        item = self._item(item_id)
        if item is None or item.token != token:
            return
        item.result = result
        item.card.set_result(result)

    def _cards_done(self, token: int, new_ids: set[int]) -> None:
        if not any(item.token == token for item in self._items):
            return  # replaced by a later classification (or cleared)
        fresh = [item for item in self._items if item.id in new_ids and item.token == token and item.result is not None]
        for item in fresh:
            item.seen = True
        if fresh and all(item.result.error for item in fresh):
            show_error(self, self.tr("Nothing could be classified"), fresh[0].result.error)
        done = [item for item in self._items if item.token == token and item.result is not None and not item.result.error]
        if done:
            average = sum(item.result.ms for item in done) / len(done)
            self._say(self.tr("Classified {pictures} on the {device}, {time} each on average.").format(
                pictures=plural(len(done), self.tr("{count} picture"), self.tr("{count} pictures")),
                device=provider_name(self._classifier.provider) if self._classifier else "CPU", time=format_ms(average)))
        self.results_ready.emit()

    def _rerun(self) -> None:
        """Classify everything on the page again (a new model or new settings)."""
        if self._items:
            self._classify_items(list(self._items))
        if self._batch is not None:
            self._classify_batch()

    # ----- explanations -------------------------------------------------------------------------
    def explain_available(self) -> bool:
        try:
            return importlib.util.find_spec("engine.infer.explain") is not None
        except (ImportError, ValueError):
            return False

    def explain_card(self, index: int, on: bool = True) -> None:
        """Switch the heat map of card `index` (0 = newest) on or off."""
        self._items[index].card.explain_button.setChecked(on)

    def _toggle_explain(self, item: _Item, on: bool) -> None:
        result = item.result
        if result is None or result.error or result.pixels is None:
            return
        if not on:
            item.card.set_pixels(result.pixels)
            return
        if item.heat is not None:
            item.card.set_pixels(overlay_heat(result.pixels, item.heat))
            return
        if not self.explain_available() or self._classifier is None:
            item.card.explain_button.setChecked(False)
            self._say(self.tr("Explanations are not available in this version of ModelDesk."))
            return
        item.explain_token = next(self._tokens)
        token, classifier, pixels, target = item.explain_token, self._classifier, result.pixels, result.top_index
        item.card.explain_button.setText(self.tr("Explaining…"))

        def work(context) -> np.ndarray | None:
            from engine.infer.explain import occlusion_map

            heat = occlusion_map(classifier, pixels, target)
            return None if heat is None else np.asarray(heat, dtype=np.float64)

        task = run_in_background(work, name="explain",
                                 on_success=lambda heat, it=item, t=token: self._explained(it, t, heat),
                                 on_failure=lambda error, it=item, t=token: self._explain_failed(it, t, error), parent=self)
        self._track(task)

    def _explained(self, item: _Item, token: int, heat: np.ndarray | None) -> None:
        if item.explain_token != token or item not in self._items or item.result is None or item.result.pixels is None:
            return  # classified again or removed meanwhile
        item.card.explain_button.setText(self.tr("Explain"))
        if heat is None:  # stopped
            item.card.explain_button.setChecked(False)
            return
        item.heat = heat
        if item.card.explain_button.isChecked():
            item.card.set_pixels(overlay_heat(item.result.pixels, heat))
            item.card.explain_button.setToolTip(self.tr("Red shows the parts of the picture that mattered most for the "
                                                        "answer '{label}'. Click again to hide it.").format(
                label=item.result.top[0][0]))
        self.explain_ready.emit()

    def _explain_failed(self, item: _Item, token: int, error: TaskError) -> None:
        if item.explain_token != token or item not in self._items:
            return  # the picture was classified again or removed meanwhile
        item.card.explain_button.setText(self.tr("Explain"))
        item.card.explain_button.setChecked(False)
        show_error(self, self.tr("Could not explain the answer"), error.message, error.details)

    # ----- folders ------------------------------------------------------------------------------
    def _classify_batch(self) -> None:
        batch = self._batch
        if batch is None:
            return
        names = ", ".join(f"'{p.name}'" for p in batch.sources[:3]) + (", …" if len(batch.sources) > 3 else "")
        if self._classifier is None:
            self.folder_title.setText(self.tr("{names}: waiting for a model. Open one to classify these pictures.").format(
                names=names))
            return
        batch.token = next(self._tokens)
        token, classifier, sources = batch.token, self._classifier, list(batch.sources)
        self.folder_title.setText(self.tr("Classifying the pictures in {names}…").format(names=names))

        def work(context) -> FolderResult:
            return classify_folder(classifier, sources, context.progress, context.should_cancel)

        task = run_in_background(work, name="classify-folder",
                                 on_success=lambda result, t=token: self._batch_done(t, result),
                                 on_failure=lambda error, t=token: self._batch_failed(t, error),
                                 on_progress=lambda done, total: self._show_progress(done, total), parent=self)
        self._track(task, progress=True)

    def _batch_done(self, token: int, result: FolderResult) -> None:
        batch = self._batch
        if batch is None or batch.token != token:
            return
        batch.result = result
        first_time, batch.seen = not batch.seen, True
        self._fill_folder(result)
        errors = [p.error for p in result.predictions if p.error]
        if first_time and result.predictions and len(errors) == len(result.predictions):
            show_error(self, self.tr("Nothing could be classified"), errors[0])
        self.results_ready.emit()

    def _batch_failed(self, token: int, error: TaskError) -> None:
        batch = self._batch
        if batch is None or batch.token != token:
            return
        if not batch.seen:
            self._batch = None
            self.folder_table.setRowCount(0)
            self._update_view()
        show_error(self, self.tr("Nothing could be classified"), error.message, error.details)

    def _short_name(self, path: Path, root: Path | None) -> str:
        if root is not None:
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                pass
        return path.name

    def _fill_folder(self, result: FolderResult) -> None:
        predictions = result.predictions
        labels = {label.casefold() for label in (self._classifier.settings.labels if self._classifier else [])}
        table = self.folder_table
        table.setSortingEnabled(False)
        table.setRowCount(len(predictions))
        wrong_brush = QColor(theme.current_colors().error_background)
        for row, p in enumerate(predictions):
            path = Path(p.path)
            folder = path.parent.name
            top = list(p.top)
            cells: list[tuple[str, Any]] = [(self._short_name(path, result.root), str(path))]
            for i in range(2):
                if i < len(top):
                    cells += [(top[i][0], top[i][0].casefold()), (f"{top[i][1]:.1%}", top[i][1])]
                else:
                    cells += [("", ""), ("", -1.0)]
            error = say(p.error) if p.error else ""
            cells.append((error, error))
            wrong = bool(top) and folder.casefold() in labels and folder.casefold() != top[0][0].casefold()
            for column, (text, value) in enumerate(cells):
                item = _SortItem(text)
                item.setData(VALUE_ROLE, value)
                if column == 0:
                    item.setToolTip(str(path) + ("\n" + self.tr("In the folder '{folder}', but the model said '{answer}'.").format(
                        folder=folder, answer=top[0][0]) if wrong else ""))
                elif column == len(cells) - 1 and text:
                    item.setToolTip(text)
                if column in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if wrong or p.error:
                    item.setBackground(wrong_brush)
                table.setItem(row, column, item)
        table.setSortingEnabled(True)
        count, errors = len(predictions), sum(1 for p in predictions if p.error)
        table.setColumnHidden(len(TABLE_COLUMNS) - 1, not errors)
        per = result.seconds * 1000 / max(1, count - errors)
        parts = [plural(count, self.tr("{count} picture classified"), self.tr("{count} pictures classified"))]
        if errors:
            parts.append(plural(errors, self.tr("{count} picture could not be read (red rows)"),
                                 self.tr("{count} pictures could not be read (red rows)")))
        parts.append(self.tr("{time} per picture").format(time=format_ms(per)))
        if result.cancelled:
            parts.append(self.tr("stopped before the end"))
        self.folder_title.setText(self.tr("; ").join(parts) + self.tr("."))
        if result.accuracy is not None:
            accuracy, scored = result.accuracy
            self.accuracy_label.setText(self.tr("Accuracy {accuracy} on {pictures} in folders named after the labels").format(
                accuracy=f"{accuracy:.1%}", pictures=plural(scored, self.tr("{count} picture"), self.tr("{count} pictures"))))
            self.accuracy_label.setToolTip(self.tr("The share of pictures whose best answer is the name of their folder. "
                                                   "Wrong answers are the red rows in the table."))
            self.accuracy_label.show()
            self._fill_confusion(result.classes, result.confusion)
            if not self.confusion_box.isVisible():
                width = max(400, self.folder_splitter.width())
                self.folder_splitter.setSizes([int(width * 0.58), width - int(width * 0.58)])
            self.confusion_box.show()
        else:
            self.accuracy_label.hide()
            self.confusion_box.hide()
        self._say("")
        self.results_tabs.setCurrentIndex(1)
        self._update_view()

    def _fill_confusion(self, classes: list[str], confusion: np.ndarray) -> None:
        self.folder_confusion_plot.show_matrix(confusion, classes)

    def _show_row_on_card(self, cell: QTableWidgetItem) -> None:
        first = self.folder_table.item(cell.row(), 0)
        path = first.data(VALUE_ROLE) if first is not None else None
        if path:
            self._add_items([_Item(Path(path).name, Path(path), None, ResultCard(Path(path).name, path))])
            self._update_view()

    def _csv_rows(self) -> list[tuple[str, list[tuple[str, float]], str]]:
        if self._batch is not None and self._batch.result is not None:
            return [(str(Path(p.path).absolute()), list(p.top), p.error or "") for p in self._batch.result.predictions]
        rows = []
        for item in sorted(self._items, key=lambda it: it.id):  # in the order they were added
            if item.result is not None:
                name = str(item.path.absolute()) if item.path is not None else item.name
                rows.append((name, list(item.result.top), item.result.error or ""))
        return rows

    # ----- progress, status, view ---------------------------------------------------------------
    def _track(self, task: BackgroundTask, progress: bool = False) -> None:
        self._tasks.add(task)
        if progress:
            self._progress_task = task
            self.progress_bar.setRange(0, 0)
            self.progress_bar.show()
            self.cancel_button.show()
        task.finished.connect(lambda t=task: self._task_finished(t))

    def _task_finished(self, task: BackgroundTask) -> None:
        self._tasks.discard(task)
        if task is self._progress_task:
            self._progress_task = None
            self.progress_bar.hide()
            self.cancel_button.hide()

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _work_failed(self, error: TaskError) -> None:
        show_error(self, self.tr("Something went wrong"), error.message, error.details)

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        if text:
            self._state.status_message.emit(text)

    def _update_view(self) -> None:
        has_model = self._opened is not None
        self.model_box.setVisible(has_model)
        if not has_model:
            self.preprocess_box.hide()
        has_cards, has_batch = bool(self._items), self._batch is not None
        self.results_tabs.setTabVisible(0, has_cards)
        self.results_tabs.setTabVisible(1, has_batch)
        if has_batch:
            self.results_tabs.setTabText(1, self.tr("Folder ({names})").format(
                names=", ".join(p.name for p in self._batch.sources[:2])))
        self.results_tabs.setTabText(0, self.tr("Pictures ({count})").format(count=len(self._items)))
        self.view_stack.setCurrentIndex(1 if has_cards or has_batch else 0)
        self.drop_label.setText(_t(READY_TEXT if has_model else EMPTY_TEXT))
        self.drop_hint.setText(_t(READY_HINT if has_model else EMPTY_HINT))
        self.zone_button.setText(self.tr("Choose pictures…") if has_model else self.tr("Open model…"))
        self.clear_button.setEnabled(has_cards or has_batch)
        drawing, translating, writing = (self._generator is not None, self._translator is not None,
                                         self._text_generator is not None)
        if drawing:
            self.view_stack.setCurrentWidget(self.generator_panel)
        elif translating:
            self.view_stack.setCurrentWidget(self.translator_panel)
        elif writing:
            self.view_stack.setCurrentWidget(self.writer_panel)
        if drawing or translating or writing:
            self.clear_button.setEnabled(False)
        for button in (self.add_button, self.paste_button):
            button.setEnabled(not (drawing or translating or writing))
