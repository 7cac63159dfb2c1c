"""Sampling GAN generators through ONNX Runtime: grids of samples, seeds, classes, and smooth
interpolation between two seeds. No torch: the playground uses this.

Noise comes from NumPy's seeded generator, so a seed gives the same pictures every time, on
every machine, and the same noise can be fed to the PyTorch generator to compare.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

import numpy as np
import onnxruntime as ort

from engine.errors import ConfigError, ModelFileError
from engine.export.metadata import (MAX_GENERATED_SIDE, MAX_LATENT_SIZE, METADATA_KEY, GeneratorMetadata, read_task,
                                    task_words)
from engine.imaging import image_grid, to_uint8_images
from engine.infer.model_file import open_model, session_metadata
from engine.sentences import Sentence

log = logging.getLogger(__name__)

MAX_SAMPLES = 1024  # per request; a grid of more would not be readable anyway
_FLOAT_TYPES = ("tensor(float)", "tensor(float16)", "tensor(double)")


def noise(seed: int, count: int, latent_size: int) -> np.ndarray:
    """Standard-normal noise (count, latent_size) float32 that depends only on `seed`."""
    return np.random.default_rng(int(seed)).standard_normal((count, latent_size)).astype(np.float32)


def slerp(a: np.ndarray, b: np.ndarray, t: float) -> np.ndarray:
    """Spherical interpolation between noise vectors `a` and `b` (same shape, last axis the
    latent): t=0 gives a, t=1 gives b, and points in between stay as "typical" as the ends,
    which straight-line mixing does not (its midpoints are too short)."""
    a64, b64 = np.asarray(a, np.float64), np.asarray(b, np.float64)
    na = a64 / np.maximum(np.linalg.norm(a64, axis=-1, keepdims=True), 1e-12)
    nb = b64 / np.maximum(np.linalg.norm(b64, axis=-1, keepdims=True), 1e-12)
    omega = np.arccos(np.clip(np.sum(na * nb, axis=-1, keepdims=True), -1.0, 1.0))
    sin = np.sin(omega)
    near = sin < 1e-6  # (almost) parallel: straight-line mixing is exact enough
    safe = np.where(near, 1.0, sin)
    wa = np.where(near, 1.0 - t, np.sin((1.0 - t) * omega) / safe)
    wb = np.where(near, t, np.sin(t * omega) / safe)
    return (wa * a64 + wb * b64).astype(np.float32)


def parse_class(classes: Sequence[str], text: str | int) -> int:
    """The index of a class given by name ("7", "sneaker") or number; ConfigError otherwise."""
    names = [str(c) for c in classes]
    value = str(text).strip()
    if value in names:
        return names.index(value)
    lowered = [n.lower() for n in names]
    if value.lower() in lowered:
        return lowered.index(value.lower())
    if value.lstrip("-").isdigit() and 0 <= int(value) < len(names):
        return int(value)
    shown = ", ".join(names[:20]) + (", …" if len(names) > 20 else "")
    raise ConfigError(Sentence("This model cannot draw '{value}'. Choose one of its classes: {classes}.",
                               value=value, classes=shown))


def model_task(path: str | Path) -> str:
    """What a model file is for: the task in ModelDesk's metadata ("classify", "gan", "translate",
    "textgen"), or for foreign models "gan" or "classify" judged from its graph (flat noise in and
    pictures out means a generator). Reads the file, not the weights; raises ModelFileError when
    it is no model."""
    import onnx

    from engine.infer.model_file import check_model_file

    check_model_file(path)
    proto = onnx.load(str(path), load_external_data=False)
    task = read_task({p.key: p.value for p in proto.metadata_props})
    if task:
        return task
    initialisers = {t.name for t in proto.graph.initializer}
    inputs = [i for i in proto.graph.input if i.name not in initialisers]
    outputs = proto.graph.output
    if (len(inputs) == 1 and len(inputs[0].type.tensor_type.shape.dim) == 2 and len(outputs) >= 1
            and len(outputs[0].type.tensor_type.shape.dim) == 4):
        return "gan"  # noise in, pictures out
    return "classify"


class ImageGenerator:
    """An ONNX GAN generator ready to draw pictures; create it with `ImageGenerator.open`."""

    def __init__(self, session: ort.InferenceSession, provider: str, metadata: GeneratorMetadata,
                 warnings: list[str], path: Path, has_metadata: bool) -> None:
        self._session = session
        self.provider = provider
        self.metadata = metadata
        self.warnings = warnings  # plain sentences about what ModelDesk had to guess
        self.path = path
        self.has_metadata = has_metadata
        inputs = session.get_inputs()
        self._z_name = inputs[0].name
        self._z_dtype = np.float16 if inputs[0].type == "tensor(float16)" else np.float32
        self._label_name = inputs[1].name if len(inputs) > 1 else None

    @classmethod
    def open(cls, path: str | Path, device: str = "auto") -> "ImageGenerator":
        """Open a generator on `device` ("auto", "cpu", "cuda"). ModelDesk generators describe
        themselves; a foreign one must take one noise input (N, latent) and give images
        (N, C, H, W), assumed to lie in [-1, 1]. ModelFileError for anything else."""
        path = Path(path)
        session, provider = open_model(path, device)
        props = session_metadata(session, path)
        task = read_task(props)
        if task is not None and task != "gan":
            raise ModelFileError(Sentence("'{name}' is {what}, not a picture generator.",
                                          name=path.name, what=task_words(task)))
        inputs, outputs = session.get_inputs(), session.get_outputs()
        warnings: list[str] = []
        if task == "gan":
            try:
                metadata = GeneratorMetadata.from_json(props[METADATA_KEY])
            except (ValueError, KeyError, TypeError) as exc:
                raise ModelFileError(Sentence("The generator settings stored in '{name}' are damaged, so it cannot be used.",
                                              name=path.name), details=str(exc)) from None
            expected = 2 if metadata.conditional else 1
            if len(inputs) != expected:
                raise ModelFileError(Sentence("'{name}' does not match its own description (inputs); the file is damaged.",
                                              name=path.name))
            return cls(session, provider, metadata, warnings, path, True)
        shape_in = inputs[0].shape if inputs else []
        shape_out = outputs[0].shape if outputs else []
        if (len(inputs) != 1 or inputs[0].type not in _FLOAT_TYPES or len(shape_in) != 2 or not isinstance(shape_in[1], int)
                or len(shape_out) != 4 or not all(isinstance(d, int) for d in shape_out[1:]) or shape_out[1] not in (1, 3)):
            raise ModelFileError(Sentence("'{name}' is not a picture generator ModelDesk can use: it should take noise "
                                          "(N, size) and give pictures (N, channels, height, width).", name=path.name))
        if not (0 < shape_in[1] <= MAX_LATENT_SIZE and all(0 < d <= MAX_GENERATED_SIDE for d in shape_out[2:])):
            raise ModelFileError(Sentence("'{name}' declares sizes far larger than any picture generator "
                                          "(noise of {latent:,} numbers, pictures of {height:,} x {width:,}), "
                                          "so ModelDesk will not run it.",
                                          name=path.name, latent=shape_in[1], height=shape_out[2], width=shape_out[3]))
        metadata = GeneratorMetadata(latent_size=int(shape_in[1]), image_size=(int(shape_out[2]), int(shape_out[3])),
                                     channels=int(shape_out[1]))
        warnings.append(Sentence("This model does not say what range its pictures use; ModelDesk assumes -1 to 1 "
                                 "(the DCGAN convention)."))
        return cls(session, provider, metadata, warnings, path, False)

    # ----- what it draws -------------------------------------------------------------------
    @property
    def latent_size(self) -> int:
        return self.metadata.latent_size

    @property
    def conditional(self) -> bool:
        return self.metadata.conditional

    @property
    def classes(self) -> list[str]:
        return list(self.metadata.classes)

    def noise(self, seed: int, count: int) -> np.ndarray:
        """The noise batch (count, latent) for `seed`, as `sample` uses it."""
        return noise(seed, count, self.latent_size)

    def generate_raw(self, z: np.ndarray, labels: np.ndarray | Sequence[int] | None = None) -> np.ndarray:
        """The generator's output (N, C, H, W) float32 for noise `z` (and class indices)."""
        z = np.asarray(z, dtype=self._z_dtype)
        if z.ndim != 2 or z.shape[1] != self.latent_size:
            raise ConfigError(Sentence("The noise must have {count} numbers per picture.", count=self.latent_size))
        if len(z) > MAX_SAMPLES:
            raise ConfigError(Sentence("Ask for at most {limit} pictures at a time.", limit=MAX_SAMPLES))
        feeds = {self._z_name: z}
        if self._label_name is not None:
            if labels is None:
                raise ConfigError(Sentence("This model draws a chosen class: say which one."))
            labels = np.asarray(labels, dtype=np.int64).reshape(-1)
            if labels.shape[0] != z.shape[0] or labels.min() < 0 or labels.max() >= len(self.classes):
                raise ConfigError(Sentence("Choose classes between 0 and {last}.", last=len(self.classes) - 1))
            feeds[self._label_name] = labels
        return np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)

    def generate(self, z: np.ndarray, labels: np.ndarray | Sequence[int] | None = None) -> np.ndarray:
        """Pictures uint8 (N, H, W, C) for noise `z` (and class indices for conditional models)."""
        return to_uint8_images(self.generate_raw(z, labels), tuple(self.metadata.value_range))

    def sample(self, count: int, seed: int, class_index: int | None = None) -> np.ndarray:
        """`count` pictures uint8 (N, H, W, C) for `seed`. Conditional models draw `class_index`,
        or every class in turn when it is None."""
        if not 1 <= count <= MAX_SAMPLES:
            raise ConfigError(Sentence("Ask for between 1 and {limit} pictures.", limit=MAX_SAMPLES))
        return self.generate(self.noise(seed, count), self._labels(count, class_index))

    def interpolate(self, seed_a: int, seed_b: int, t: float, class_index: int | None = None) -> np.ndarray:
        """The picture uint8 (H, W, C) at `t` (0..1) on the spherical path from seed A's first
        sample to seed B's."""
        z = slerp(self.noise(seed_a, 1), self.noise(seed_b, 1), float(np.clip(t, 0.0, 1.0)))
        return self.generate(z, self._labels(1, class_index))[0]

    def _labels(self, count: int, class_index: int | None) -> np.ndarray | None:
        if not self.conditional:
            return None
        if class_index is None:
            return np.arange(count, dtype=np.int64) % len(self.classes)
        if not 0 <= class_index < len(self.classes):
            raise ConfigError(Sentence("Choose a class between 0 and {last}.", last=len(self.classes) - 1))
        return np.full(count, class_index, dtype=np.int64)


def sample_grid(generator: ImageGenerator, count: int, seed: int, class_index: int | None = None,
                columns: int | None = None) -> np.ndarray:
    """`count` samples tiled into one uint8 picture (H, W, C), about square unless `columns`
    is given (conditional models drawing every class get one column per class)."""
    images = generator.sample(count, seed, class_index)
    if columns is None:
        if generator.conditional and class_index is None and len(generator.classes) <= 16:
            columns = len(generator.classes)
        else:
            columns = int(np.ceil(np.sqrt(count)))
    return image_grid(images, columns)
