"""The in-memory form every image dataset reader returns."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class ImageData:
    """Decoded images and labels, small enough to live in memory.

    Images are uint8 arrays shaped (N, H, W, C) with C = 1 (grayscale) or 3 (RGB); labels are
    int64 arrays shaped (N,) indexing `classes`. `test_*` is None when the source has no test
    split (a validation split is then drawn from train by the trainer).
    """

    name: str
    classes: list[str]
    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray | None = None
    test_labels: np.ndarray | None = None
    skipped_files: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def image_size(self) -> tuple[int, int]:
        """(height, width) of every image."""
        return int(self.train_images.shape[1]), int(self.train_images.shape[2])

    @property
    def channels(self) -> int:
        """1 for grayscale, 3 for RGB."""
        return int(self.train_images.shape[3])

    @property
    def num_classes(self) -> int:
        return len(self.classes)

    def class_counts(self, split: str = "train") -> np.ndarray:
        """Number of images per class in `split` ("train" or "test")."""
        labels = self.train_labels if split == "train" else self.test_labels
        if labels is None:
            return np.zeros(self.num_classes, dtype=np.int64)
        return np.bincount(labels, minlength=self.num_classes)
