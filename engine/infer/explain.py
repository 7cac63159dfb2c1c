"""Which parts of an image a classifier looked at: occlusion maps, computed through ONNX Runtime.

Cover one square of the image with a neutral value, classify it again, and note how much the
probability of the class in question fell; a region whose covering makes the probability fall
most is a region the model relied on. Only `ImageClassifier.preprocess` and `predict_batch`
are used, so this works for every classifier ModelDesk can open, ours or foreign, and never
needs torch.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from PIL import Image

from engine.errors import ConfigError, ImageError
from engine.infer.classifier import ImageClassifier
from engine.sentences import Sentence

GRAY = 128  # the neutral pixel for models that do not centre their input (mean 0)
NOTHING_MATTERS = 1e-6  # a largest probability drop at or below this gives an all-zero map


def default_patch(input_size: tuple[int, int]) -> int:
    """The occluding square's side for a model input of (height, width): a quarter of the
    shorter side, at least 2 pixels."""
    return max(2, round(min(input_size) / 4))


def default_stride(patch: int) -> int:
    """How far the square moves between positions: half its side, at least 1 pixel."""
    return max(1, round(patch / 2))


def _starts(length: int, patch: int, stride: int) -> list[int]:
    """Where squares of side `patch` start along an axis of `length`, every `stride` pixels,
    plus one flush with the far edge so that every pixel is covered."""
    last = length - patch
    starts = list(range(0, last + 1, stride))
    if starts[-1] != last:
        starts.append(last)
    return starts


def _neutral(classifier: ImageClassifier) -> np.ndarray:
    """The normalised value that covers a patch, one per channel: 0 (the mean) for models that
    subtract a mean, else gray 128 normalised the same way as every other pixel."""
    settings = classifier.settings
    channels = settings.channels
    mean = np.broadcast_to(np.asarray(settings.mean, dtype=np.float32), (channels,))
    std = np.broadcast_to(np.asarray(settings.std, dtype=np.float32), (channels,))
    if np.any(mean != 0):
        return np.zeros(channels, dtype=np.float32)
    return ((np.float32(GRAY / 255.0) - mean) / std).astype(np.float32)


def _original_size(image: np.ndarray | Image.Image) -> tuple[int, int]:
    """(height, width) of the picture as the caller gave it."""
    if isinstance(image, Image.Image):
        return image.height, image.width
    if isinstance(image, np.ndarray) and image.ndim in (2, 3):
        return int(image.shape[0]), int(image.shape[1])
    raise ImageError(Sentence("ModelDesk can only explain pictures given as pixel arrays or images."))


def occlusion_map(classifier: ImageClassifier, image: np.ndarray | Image.Image, target: int | None = None,
                  patch: int | None = None, stride: int | None = None, batch_size: int = 64,
                  should_cancel: Callable[[], bool] | None = None) -> np.ndarray | None:
    """How much each pixel of `image` matters to `classifier`'s belief in class `target`.

    The image is preprocessed as for classification (model channels and input size). A square
    of side `patch` (default: a quarter of the input's shorter side, at least 2) slides over it
    every `stride` pixels (default: half the patch, at least 1; the last square sits flush with
    the far edge) and is covered with a neutral value: the per-channel mean (which normalises
    to 0), or gray 128 for models whose mean is 0 (foreign models scaled to 0..1). Each covered
    variant is classified through ONNX Runtime (`predict_batch`, `batch_size` variants at a
    time), and the fall in the probability of `target` (default: the top-1 class of the
    uncovered image) is averaged over all the squares covering each pixel.

    Returns a float32 (H, W) array at the resolution of the image as given (not the model's),
    resized with bilinear filtering, with values in [0, 1]: falls below 0 (covering helped)
    become 0 and the rest are divided by the largest, so 1 marks what mattered most. When no
    covering lowers the probability by more than NOTHING_MATTERS the map is all zeros. Every
    value is finite.

    `should_cancel()` is asked before each batch; when it returns True the work stops and None
    is returned. Raises ConfigError for a target, patch, stride or batch size that cannot work,
    and ImageError for a picture ModelDesk cannot read (see `ImageClassifier.preprocess`).
    """
    if batch_size < 1:
        raise ConfigError(Sentence("The batch size must be at least 1."))
    settings = classifier.settings
    height, width = settings.input_size
    patch = default_patch((height, width)) if patch is None else int(patch)
    if patch < 1:
        raise ConfigError(Sentence("The covering square must be at least 1 pixel wide, not {patch}.", patch=patch))
    stride = default_stride(patch) if stride is None else int(stride)
    if stride < 1:
        raise ConfigError(Sentence("The covering square must move by at least 1 pixel, not {stride}.", stride=stride))
    out_height, out_width = _original_size(image)

    base = classifier.preprocess([image])  # (1, C, H, W) or (1, H, W, C), normalised float32
    if settings.layout == "nchw":
        base = base.transpose(0, 2, 3, 1)  # work channels-last; transposed back per batch
    base = np.ascontiguousarray(base[0])  # (H, W, C)
    probabilities = classifier.predict_batch(_layout(base[None], settings.layout))[0]
    classes = len(probabilities)
    if target is None:
        scores = np.nan_to_num(probabilities, nan=-np.inf)
        target = int(np.argmax(scores))
    elif not 0 <= int(target) < classes:
        raise ConfigError(Sentence("The model knows {count} classes (0 to {last}); class {target} is not one of them.",
                                   count=classes, last=classes - 1, target=target))
    target = int(target)
    reference = float(probabilities[target])

    patch_h, patch_w = min(patch, height), min(patch, width)
    squares = [(top, left) for top in _starts(height, patch_h, stride) for left in _starts(width, patch_w, stride)]
    neutral = _neutral(classifier)
    drop_sum = np.zeros((height, width), dtype=np.float64)
    cover_count = np.zeros((height, width), dtype=np.float64)
    for first in range(0, len(squares), batch_size):
        if should_cancel is not None and should_cancel():
            return None
        chunk = squares[first:first + batch_size]
        variants = np.repeat(base[None], len(chunk), axis=0)
        for variant, (top, left) in zip(variants, chunk):
            variant[top:top + patch_h, left:left + patch_w] = neutral
        covered = classifier.predict_batch(_layout(variants, settings.layout))[:, target]
        drops = np.nan_to_num(reference - covered.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
        for drop, (top, left) in zip(drops, chunk):
            drop_sum[top:top + patch_h, left:left + patch_w] += drop
            cover_count[top:top + patch_h, left:left + patch_w] += 1.0

    heat = np.clip(drop_sum / np.maximum(cover_count, 1.0), 0.0, None)
    peak = float(heat.max()) if heat.size else 0.0
    if not np.isfinite(peak) or peak <= NOTHING_MATTERS:
        return np.zeros((out_height, out_width), dtype=np.float32)
    heat = (heat / peak).astype(np.float32)
    if (out_height, out_width) != (height, width):
        resized = Image.fromarray(heat).resize((out_width, out_height), Image.Resampling.BILINEAR)
        heat = np.asarray(resized, dtype=np.float32)
    return np.clip(np.nan_to_num(heat, nan=0.0), 0.0, 1.0).astype(np.float32, copy=False)


def _layout(batch: np.ndarray, layout: str) -> np.ndarray:
    """A channels-last batch in the model's layout, contiguous."""
    if layout == "nchw":
        batch = batch.transpose(0, 3, 1, 2)
    return np.ascontiguousarray(batch, dtype=np.float32)
