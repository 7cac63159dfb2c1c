"""Image classification with any ONNX classifier: ours (self-describing) or a foreign one.

Our models carry `ClassifierMetadata` under `METADATA_KEY` and need no settings. For foreign
models the settings are read from the graph's input and output shapes where possible and
guessed otherwise; every guess is recorded in `ImageClassifier.warnings` so the user can fill
it in. Preprocessing follows the contract in `engine.export.metadata.ClassifierMetadata`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
import onnxruntime as ort
from PIL import Image

from engine.errors import ConfigError, DataError, ImageError, ModelFileError
from engine.export.metadata import METADATA_KEY, ClassifierMetadata, read_task, task_words
from engine.imaging import MAX_PIXELS, normalise_mode, load_image_array, resize
from engine.infer.model_file import open_model, session_metadata
from engine.sentences import Sentence

log = logging.getLogger(__name__)

LAYOUTS = ("nchw", "nhwc")
DEFAULT_SIZE = 224
VALUE_RANGES: dict[str, tuple[list[float], list[float]]] = {
    "[0,1]": ([0.0, 0.0, 0.0], [1.0, 1.0, 1.0]),
    "[-1,1]": ([0.5, 0.5, 0.5], [0.5, 0.5, 0.5]),
    "imagenet": ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
}
_FLOAT_INPUTS = {"tensor(float)": np.float32, "tensor(float16)": np.float16, "tensor(double)": np.float64}
_PROBABILITY_TOLERANCE = 1e-3
MAX_BATCH_BYTES = 2 * 1024 ** 3  # one fixed-size batch larger than this is refused at open
OVERRIDE_KEYS = ("size", "channels", "mean", "std", "layout", "labels", "value_range")


def value_range_preset(name: str, channels: int) -> tuple[list[float], list[float]]:
    """(mean, std) with one value per channel for a named input range.

    "[0,1]" leaves pixels in 0..1, "[-1,1]" maps them to -1..1, "imagenet" uses the ImageNet
    statistics (their averages for grayscale). Raises ConfigError for any other name.
    """
    key = name.replace(" ", "").lower()
    if key not in VALUE_RANGES:
        raise ConfigError(Sentence("'{name}' is not a value range ModelDesk knows; choose one of {choices}.",
                                   name=name, choices=", ".join(VALUE_RANGES)))
    if channels not in (1, 3):
        raise ConfigError(Sentence("Images have 1 (grayscale) or 3 (colour) channels, not {channels}.", channels=channels))
    mean, std = VALUE_RANGES[key]
    if channels == 1:
        return [sum(mean) / 3], [sum(std) / 3]
    return list(mean), list(std)


def read_labels_file(path: str | Path) -> list[str]:
    """The labels in a text file, one per line; surrounding spaces and blank lines are ignored."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError(Sentence("The labels file '{path}' does not exist.", path=path)) from None
    except IsADirectoryError:
        raise DataError(Sentence("'{name}' is a folder; the labels file must be a text file with one label per line.",
                                 name=path.name)) from None
    except UnicodeDecodeError:
        raise DataError(Sentence("'{name}' is not a text file; the labels file must have one label per line.",
                                 name=path.name)) from None
    except OSError as exc:
        raise DataError(Sentence("The labels file '{name}' could not be read ({reason}).",
                                 name=path.name, reason=exc.strerror or str(exc))) from None
    labels = [line.strip() for line in text.splitlines() if line.strip()]
    if not labels:
        raise DataError(Sentence("The labels file '{name}' has no labels in it.", name=path.name))
    return labels


@dataclass
class PreprocessSettings:
    """How images become model input: see the contract in `ClassifierMetadata`."""

    input_size: tuple[int, int]  # (height, width) in pixels
    channels: int  # 1 grayscale, 3 RGB
    mean: list[float]  # subtracted after scaling to [0, 1]; one value per channel (or one for all)
    std: list[float]  # divided by after subtracting the mean
    layout: str = "nchw"  # "nchw" (channels first) or "nhwc" (channels last)
    labels: list[str] = field(default_factory=list)  # empty: "class 0", "class 1", ...

    def validate(self) -> None:
        """Raise ConfigError with a plain sentence when the settings cannot work."""
        height, width = self.input_size
        if height < 1 or width < 1:
            raise ConfigError(Sentence("The image size must be positive, not {height} x {width}.",
                                       height=height, width=width))
        if height * width > MAX_PIXELS:
            raise ConfigError(Sentence("Pictures of {height:,} x {width:,} pixels are more than ModelDesk can feed a model "
                                       "(at most {millions} million pixels).",
                                       height=height, width=width, millions=MAX_PIXELS // 1_000_000))
        if self.channels not in (1, 3):
            raise ConfigError(Sentence("Images have 1 (grayscale) or 3 (colour) channels, not {channels}.",
                                       channels=self.channels))
        if self.layout not in LAYOUTS:
            raise ConfigError(Sentence("The layout must be nchw or nhwc, not '{layout}'.", layout=self.layout))
        if len(self.mean) not in (1, self.channels):
            raise ConfigError(Sentence("Give one mean value or one per channel ({channels}), not {count}.",
                                       channels=self.channels, count=len(self.mean)))
        if len(self.std) not in (1, self.channels):
            raise ConfigError(Sentence("Give one std value or one per channel ({channels}), not {count}.",
                                       channels=self.channels, count=len(self.std)))
        if any(value <= 0 for value in self.std):
            raise ConfigError(Sentence("Every std value must be greater than zero."))


@dataclass
class Prediction:
    """The result for one image: the best labels with probabilities, or why it was skipped."""

    path: Path
    top: list[tuple[str, float]]
    error: str | None = None

    @property
    def label(self) -> str | None:
        """The most likely label, or None for a skipped image."""
        return self.top[0][0] if self.top else None


def _static(dim: Any) -> int | None:
    """A dimension as an int when it is fixed in the graph, else None (symbolic or unknown)."""
    return dim if isinstance(dim, int) and dim > 0 else None


def _graph_io(session: ort.InferenceSession, name: str):
    """The image input and score output of `session`, or ModelFileError when it is no image classifier."""
    inputs = session.get_inputs()
    if len(inputs) != 1:
        raise ModelFileError(Sentence("'{name}' needs {count} inputs, but an image classifier takes only images.",
                                      name=name, count=len(inputs)))
    image_input = inputs[0]
    if image_input.type not in _FLOAT_INPUTS or len(image_input.shape or []) != 4:
        raise ModelFileError(Sentence("'{name}' is not an image classifier: it does not take a batch of images as input.",
                                      name=name))
    output = session.get_outputs()[0]
    if output.shape is not None and len(output.shape) not in (0, 2) or output.type not in _FLOAT_INPUTS:
        raise ModelFileError(Sentence("'{name}' is not an image classifier: it does not give one score per class.",
                                      name=name))
    return image_input, output


def _read_metadata(props: dict[str, str], name: str, warnings: list[str]) -> ClassifierMetadata | None:
    task = read_task(props)
    if task is not None and task != "classify":
        raise ModelFileError(Sentence("'{name}' is {what}, not an image classifier.", name=name, what=task_words(task)))
    if METADATA_KEY not in props:
        return None
    try:
        return ClassifierMetadata.from_json(props[METADATA_KEY])
    except (ValueError, KeyError, TypeError) as exc:
        log.warning("unreadable ModelDesk metadata in %s: %s", name, exc)
        warnings.append(Sentence("The ModelDesk settings stored in this model could not be read, so they were guessed "
                                 "from the model."))
        return None


def _settings_from_graph(shape: list[Any], num_scores: int | None, overrides: dict, warnings: list[str]) -> PreprocessSettings:
    """Settings for a foreign model from its input shape, with overrides taking precedence."""
    layout = str(overrides["layout"]).lower() if "layout" in overrides else None
    if layout is None:
        if _static(shape[1]) in (1, 3):
            layout = "nchw"
        elif _static(shape[3]) in (1, 3):
            layout = "nhwc"
        else:
            layout = "nchw"
            warnings.append(Sentence("ModelDesk could not tell where this model expects the colour channels; it assumes "
                                     "channels first (nchw)."))
    channel_axis, height_axis, width_axis = (1, 2, 3) if layout == "nchw" else (3, 1, 2)
    channels = _static(shape[channel_axis])
    if channels is None and "channels" not in overrides:
        channels = 3
        warnings.append(Sentence("This model does not say whether it wants colour or grayscale images; ModelDesk uses colour."))
    height, width = _static(shape[height_axis]), _static(shape[width_axis])
    if (height is None or width is None) and "size" not in overrides:
        height, width = height or DEFAULT_SIZE, width or DEFAULT_SIZE
        warnings.append(Sentence("This model accepts any image size; ModelDesk uses {height} x {width} pixels. Set the size "
                                 "the model was trained on if results look wrong.", height=height, width=width))
    if not {"mean", "std", "value_range"} & set(overrides):
        warnings.append(Sentence("This model does not say how it expects pixel values; ModelDesk scales them to 0..1. Choose "
                                 "another value range if results look wrong."))
    labels = [f"class {i}" for i in range(num_scores)] if num_scores else []
    mean, std = value_range_preset("[0,1]", channels if channels in (1, 3) else 3)
    return PreprocessSettings((height or DEFAULT_SIZE, width or DEFAULT_SIZE), channels or 3, mean, std, layout, labels)


def _apply_overrides(settings: PreprocessSettings, overrides: dict) -> PreprocessSettings:
    unknown = set(overrides) - set(OVERRIDE_KEYS)
    if unknown:
        raise ValueError(f"unknown classifier settings: {sorted(unknown)}")
    if overrides.get("size") is not None:
        size = overrides["size"]
        settings.input_size = (int(size), int(size)) if isinstance(size, (int, float)) else (int(size[0]), int(size[1]))
    if overrides.get("channels") is not None:
        settings.channels = int(overrides["channels"])
    if overrides.get("layout") is not None:
        settings.layout = str(overrides["layout"]).lower()
    if overrides.get("value_range") is not None:
        settings.mean, settings.std = value_range_preset(overrides["value_range"], settings.channels)
    if overrides.get("mean") is not None:
        settings.mean = [float(v) for v in overrides["mean"]]
    elif len(settings.mean) == 3 and settings.channels == 1:
        settings.mean = [sum(settings.mean) / 3]  # a colour preset used for grayscale input
    if overrides.get("std") is not None:
        settings.std = [float(v) for v in overrides["std"]]
    elif len(settings.std) == 3 and settings.channels == 1:
        settings.std = [sum(settings.std) / 3]
    labels = overrides.get("labels")
    if labels is not None:
        settings.labels = read_labels_file(labels) if isinstance(labels, (str, Path)) else [str(v) for v in labels]
    return settings


_CHANNEL_WORDS = {1: Sentence("grayscale (1-channel)"), 3: Sentence("colour (3-channel)")}


def _channel_words(channels: int) -> Sentence:
    return _CHANNEL_WORDS.get(channels) or Sentence("{channels}-channel", channels=channels)


def _check_against_graph(settings: PreprocessSettings, shape: list[Any], num_scores: int | None) -> None:
    """ConfigError when the settings contradict the fixed sizes in the model's graph."""
    settings.validate()
    channel_axis, height_axis, width_axis = (1, 2, 3) if settings.layout == "nchw" else (3, 1, 2)
    fixed_channels = _static(shape[channel_axis])
    if fixed_channels is not None and fixed_channels != settings.channels:
        raise ConfigError(Sentence("This model takes {wanted} images, not {given} ones.",
                                   wanted=_channel_words(fixed_channels), given=_channel_words(settings.channels)))
    height, width = settings.input_size
    fixed_height, fixed_width = _static(shape[height_axis]), _static(shape[width_axis])
    if (fixed_height or height, fixed_width or width) != (height, width):
        raise ConfigError(Sentence("This model takes images of {fixed_height} x {fixed_width} pixels, not {height} x {width}.",
                                   fixed_height=fixed_height or height, fixed_width=fixed_width or width,
                                   height=height, width=width))
    if num_scores is not None and settings.labels and len(settings.labels) != num_scores:
        raise ConfigError(Sentence("There are {labels} labels but the model gives {scores} scores; give exactly one label "
                                   "per class.", labels=len(settings.labels), scores=num_scores))


def _check_fixed_batch(fixed_batch: int | None, settings: PreprocessSettings, name: str) -> None:
    """ModelFileError when the model insists on batches too large to hold in memory."""
    height, width = settings.input_size
    needed = (fixed_batch or 0) * height * width * settings.channels * 4
    if needed > MAX_BATCH_BYTES:
        raise ModelFileError(Sentence("'{name}' only takes {count:,} pictures at a time, which needs {size:,.0f} GB of "
                                      "memory for every batch, so ModelDesk cannot run it.",
                                      name=name, count=fixed_batch, size=needed / 1024 ** 3))


def to_probabilities(scores: np.ndarray) -> np.ndarray:
    """Rows of probabilities: `scores` unchanged when every row already is one (values in
    [0, 1] summing to 1 within 1e-3), else the softmax of each row."""
    scores = np.asarray(scores, dtype=np.float64)
    if scores.size and np.all((scores >= 0) & (scores <= 1)) and np.all(np.abs(scores.sum(axis=1) - 1) <= _PROBABILITY_TOLERANCE):
        return scores
    shifted = scores - scores.max(axis=1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=1, keepdims=True)


class ImageClassifier:
    """An ONNX image classifier ready to classify files; create it with `ImageClassifier.open`."""

    def __init__(self, session: ort.InferenceSession, provider: str, settings: PreprocessSettings,
                 metadata: ClassifierMetadata | None, warnings: list[str], path: Path) -> None:
        self._session = session
        self._provider = provider
        self._settings = settings
        self._metadata = metadata
        self.warnings = warnings  # plain sentences about settings ModelDesk had to guess
        self.path = path
        image_input = session.get_inputs()[0]
        self._input_name = image_input.name
        self._input_dtype = _FLOAT_INPUTS[image_input.type]
        self._fixed_batch = _static(image_input.shape[0])
        self._output_name = session.get_outputs()[0].name

    @classmethod
    def open(cls, path: str | Path, device: str = "auto", overrides: dict | None = None) -> "ImageClassifier":
        """Open an ONNX image classifier on `device` ("auto", "cpu", "cuda").

        Settings come from the model's ModelDesk metadata when present, else from its graph
        (guesses are listed in `warnings`); `overrides` (size, channels, mean, std, layout,
        labels as a list or a labels-file path, value_range) win over both. Raises
        ModelFileError when the file is not an image classifier and ConfigError when the
        settings cannot fit the model.
        """
        path = Path(path)
        overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        session, provider = open_model(path, device)
        image_input, output = _graph_io(session, path.name)
        shape = list(image_input.shape)
        num_scores = _static(output.shape[1]) if output.shape and len(output.shape) == 2 else None
        warnings: list[str] = []
        metadata = _read_metadata(session_metadata(session, path), path.name, warnings)
        if metadata is not None:
            settings = PreprocessSettings(tuple(metadata.input_size), metadata.channels, list(metadata.mean),
                                          list(metadata.std), metadata.layout, list(metadata.labels))
        else:
            settings = _settings_from_graph(shape, num_scores, overrides, warnings)
        settings = _apply_overrides(settings, overrides)
        _check_against_graph(settings, shape, num_scores)
        _check_fixed_batch(_static(shape[0]), settings, path.name)
        log.info("classifier %s on %s: %s", path, provider, settings)
        return cls(session, provider, settings, metadata, warnings, path)

    @property
    def settings(self) -> PreprocessSettings:
        """The preprocessing settings in use."""
        return self._settings

    @property
    def provider(self) -> str:
        """The ONNX Runtime execution provider the model runs on."""
        return self._provider

    @property
    def input_name(self) -> str:
        """The name of the model's image input."""
        return self._input_name

    @property
    def metadata(self) -> ClassifierMetadata | None:
        """The ModelDesk metadata stored in the model, or None for foreign models."""
        return self._metadata

    @property
    def has_metadata(self) -> bool:
        """True for models exported by ModelDesk (they describe themselves)."""
        return self._metadata is not None

    def label(self, index: int) -> str:
        """The name of class `index`; "class N" when the model has no name for it."""
        labels = self._settings.labels
        return labels[index] if 0 <= index < len(labels) else f"class {index}"

    def _as_array(self, image: np.ndarray | Image.Image) -> np.ndarray:
        """One image as uint8 (H, W, C) in the model's size and channels."""
        height, width = self._settings.input_size
        channels = self._settings.channels
        if isinstance(image, np.ndarray):
            if image.dtype != np.uint8:
                raise ImageError(Sentence("Images must have 8-bit pixel values (0 to 255)."))
            if image.ndim == 3 and image.shape == (height, width, channels):
                return image
            if image.ndim == 3 and image.shape[2] == 1:
                image = image[:, :, 0]
            if image.ndim not in (2, 3) or image.ndim == 3 and image.shape[2] not in (3, 4):
                raise ImageError(Sentence("An image must have 1, 3 or 4 colour channels."))
            image = Image.fromarray(image)
        if not isinstance(image, Image.Image):
            raise ImageError(Sentence("ModelDesk can only classify pictures given as pixel arrays or images."))
        array = np.asarray(resize(normalise_mode(image, channels), (height, width)), dtype=np.uint8)
        return array[:, :, None] if array.ndim == 2 else array

    def preprocess(self, images: Sequence[np.ndarray | Image.Image]) -> np.ndarray:
        """A float32 batch for the model from uint8 (H, W, C) arrays or PIL images.

        Each image is converted to the model's channels, resized to its input size, scaled to
        [0, 1], normalised with mean and std, and the batch laid out as the model's layout.
        """
        settings = self._settings
        height, width = settings.input_size
        if not images:
            batch = np.zeros((0, height, width, settings.channels), dtype=np.float32)
        else:
            batch = np.stack([self._as_array(image) for image in images]).astype(np.float32) / np.float32(255.0)
            batch -= np.asarray(settings.mean, dtype=np.float32)
            batch /= np.asarray(settings.std, dtype=np.float32)
        if settings.layout == "nchw":
            batch = batch.transpose(0, 3, 1, 2)
        return np.ascontiguousarray(batch, dtype=np.float32)

    def _run(self, batch: np.ndarray) -> np.ndarray:
        feed = np.ascontiguousarray(batch, dtype=self._input_dtype)
        return np.asarray(self._session.run([self._output_name], {self._input_name: feed})[0])

    def predict_batch(self, batch: np.ndarray) -> np.ndarray:
        """Class probabilities, one row per image of a batch made by `preprocess`.

        Models with a fixed batch size get the batch in pieces of that size. Raises
        ModelFileError when the model's output is not one row of scores per image.
        """
        count = len(batch)
        if count == 0:
            return np.zeros((0, len(self._settings.labels)), dtype=np.float64)
        step = self._fixed_batch
        if step is None:
            scores = self._run(batch)
        else:
            pieces = []
            for start in range(0, count, step):
                piece = batch[start:start + step]
                if len(piece) < step:
                    padding = np.zeros((step - len(piece),) + piece.shape[1:], dtype=piece.dtype)
                    piece = np.concatenate([piece, padding])
                pieces.append(self._run(piece)[:min(step, count - start)])
            scores = np.concatenate(pieces)
        if scores.ndim != 2 or len(scores) != count:
            raise ModelFileError(Sentence("'{name}' does not give one row of scores per image, so it is not an image "
                                          "classifier ModelDesk can run.", name=self.path.name))
        return to_probabilities(scores)

    def classify_files(self, paths: Sequence[str | Path], top_k: int = 5, batch_size: int = 256,
                       progress: Callable[[int, int], None] | None = None,
                       should_stop: Callable[[], bool] | None = None) -> list[Prediction]:
        """Classify image files in batches; one Prediction per path, in the same order.

        Unreadable images become Predictions with `error` set and do not stop the rest.
        `progress(done, total)` is called after each batch; when `should_stop()` turns true
        the images classified so far are returned.
        """
        if top_k < 1:
            raise ConfigError(Sentence("Ask for at least one label per image."))
        if batch_size < 1:
            raise ConfigError(Sentence("The batch size must be at least 1."))
        settings = self._settings
        paths = [Path(p) for p in paths]
        results: list[Prediction] = []
        for start in range(0, len(paths), batch_size):
            if should_stop is not None and should_stop():
                break
            chunk = paths[start:start + batch_size]
            slots: list[Prediction | None] = []
            arrays: list[np.ndarray] = []
            for path in chunk:
                try:
                    arrays.append(load_image_array(path, settings.channels, settings.input_size))
                    slots.append(None)
                except ImageError as exc:
                    slots.append(Prediction(path, [], str(exc)))
            probabilities = self.predict_batch(self.preprocess(arrays)) if arrays else np.zeros((0, 0))
            rows = iter(probabilities)
            for path, slot in zip(chunk, slots):
                results.append(slot if slot is not None else self._top(path, next(rows), top_k))
            if progress is not None:
                progress(len(results), len(paths))
        return results

    def _top(self, path: Path, row: np.ndarray, top_k: int) -> Prediction:
        if not np.all(np.isfinite(row)):
            return Prediction(path, [], Sentence("The model gave no usable scores for this image."))
        order = np.argsort(-row, kind="stable")[:top_k]
        return Prediction(path, [(self.label(int(i)), float(row[i])) for i in order])
