"""Turn decoded images into normalised tensors once, and batch them by indexing.

Small datasets live entirely in tensors (on the GPU when training there), so a batch costs one
index operation instead of per-sample Python.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from engine.data.base import ImageData
from engine.errors import DataError
from engine.sentences import Sentence


@dataclass
class TensorSplit:
    """Normalised images (N, C, H, W) float32 and labels (N,) int64, on one device."""

    images: torch.Tensor
    labels: torch.Tensor

    def __len__(self) -> int:
        return int(self.labels.shape[0])


@dataclass
class PreparedData:
    """Train and validation tensors plus what is needed to reproduce the preprocessing."""

    train: TensorSplit
    val: TensorSplit
    mean: list[float]  # per channel, on the [0, 1] scale
    std: list[float]
    classes: list[str]
    val_source: str  # "test split" or "held out from train"
    val_indices: np.ndarray  # indices into the source array the validation images came from
    val_images_uint8: np.ndarray  # the validation images as decoded, for galleries


def stratified_split(labels: np.ndarray, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Seeded (train_indices, val_indices) with about `fraction` of each class in val.

    Every class with at least two images keeps at least one image on each side.
    """
    rng = np.random.default_rng(seed)
    train_parts, val_parts = [], []
    for cls in np.unique(labels):
        idx = np.flatnonzero(labels == cls)
        idx = idx[rng.permutation(len(idx))]
        n_val = int(round(len(idx) * fraction))
        if len(idx) >= 2:
            n_val = min(max(n_val, 1), len(idx) - 1)
        else:
            n_val = 0
        val_parts.append(idx[:n_val])
        train_parts.append(idx[n_val:])
    return np.sort(np.concatenate(train_parts)), np.sort(np.concatenate(val_parts))


def channel_stats(images: np.ndarray) -> tuple[list[float], list[float]]:
    """Per-channel mean and std of uint8 (N, H, W, C) images on the [0, 1] scale."""
    flat = images.reshape(-1, images.shape[-1]).astype(np.float64) / 255.0
    mean = flat.mean(axis=0)
    std = np.maximum(flat.std(axis=0), 1e-3)
    return [float(m) for m in mean], [float(s) for s in std]


def to_tensor(images: np.ndarray, mean: list[float], std: list[float], device: torch.device) -> torch.Tensor:
    """uint8 (N, H, W, C) -> normalised float32 (N, C, H, W) on `device`."""
    x = torch.from_numpy(np.ascontiguousarray(images)).to(device)
    x = x.permute(0, 3, 1, 2).float().div_(255.0)  # (N, C, H, W)
    m = torch.tensor(mean, device=device).view(1, -1, 1, 1)
    s = torch.tensor(std, device=device).view(1, -1, 1, 1)
    return ((x - m) / s).contiguous()


def prepare(data: ImageData, val_split: float, seed: int, device: torch.device) -> PreparedData:
    """Split (when the dataset has no test split), compute normalisation on train, and move
    everything to `device` as tensors. DataError when there is too little data to train."""
    if data.test_images is not None and data.test_labels is not None and len(data.test_labels) > 0:
        train_x, train_y = data.train_images, data.train_labels
        val_x, val_y = data.test_images, data.test_labels
        val_idx = np.arange(len(val_y))
        source = "test split"
    else:
        train_idx, val_idx = stratified_split(data.train_labels, val_split, seed)
        train_x, train_y = data.train_images[train_idx], data.train_labels[train_idx]
        val_x, val_y = data.train_images[val_idx], data.train_labels[val_idx]
        source = "held out from train"
    if len(train_y) == 0 or len(val_y) == 0:
        raise DataError(Sentence("There are too few images to train and validate; add more images to each class."))
    if len(np.unique(train_y)) < 2:
        raise DataError(Sentence("Training needs images of at least two classes."))
    mean, std = channel_stats(train_x)
    return PreparedData(
        train=TensorSplit(to_tensor(train_x, mean, std, device), torch.from_numpy(train_y.astype(np.int64)).to(device)),
        val=TensorSplit(to_tensor(val_x, mean, std, device), torch.from_numpy(val_y.astype(np.int64)).to(device)),
        mean=mean,
        std=std,
        classes=list(data.classes),
        val_source=source,
        val_indices=val_idx,
        val_images_uint8=val_x,
    )
