"""The bundled digits: 1,797 real 8x8 handwritten digits (UCI optical recognition set)."""

from __future__ import annotations

import numpy as np

from engine.data.base import ImageData
from engine.data.registry import LoadOptions, register_dataset
from engine.errors import DataError
from engine.paths import resources_dir
from engine.sentences import Sentence


@register_dataset("digits", "1,797 small handwritten digits (8x8 pixels), bundled: trains in seconds, works offline.")
def load_digits(argument: str | None, options: LoadOptions) -> ImageData:
    """The bundled digits with no test split (the trainer draws a validation split)."""
    path = resources_dir() / "datasets" / "digits.npz"
    try:
        with np.load(path) as archive:
            images = archive["images"].astype(np.uint8)[..., None]
            labels = archive["labels"].astype(np.int64)
    except (OSError, KeyError, ValueError) as exc:
        raise DataError(Sentence("The bundled digits file is missing or damaged ({path}); reinstall ModelDesk.",
                                  path=path)) from exc
    return ImageData("digits", [str(i) for i in range(10)], images, labels)
