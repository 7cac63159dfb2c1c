"""How good a GAN's samples are, in terms a person can follow.

A reference classifier trained on the same dataset looks at the samples: the share it
recognises with confidence >= 0.9 ("recognised"), how many classes appear among those
("coverage"), and for conditional models the share recognised as the class that was asked for
("agreement"). The classifier is trained once per dataset and kept in the cache folder.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from engine.data.base import ImageData
from engine.errors import ModelFileError
from engine.models.registry import InputShape, build_model
from engine.sentences import Sentence
from engine.train.checkpoint import load_checkpoint, save_checkpoint
from engine.train.config import TrainConfig, resolve_defaults
from engine.train.control import TrainingControl
from engine.train.evaluate import predict_logits
from engine.train.loop import ClassifierTrainer
from engine.train.tensors import prepare

log = logging.getLogger(__name__)

CONFIDENCE = 0.9
REFERENCE_MODEL = "cnn-small"
REFERENCE_FORMAT = 1


@dataclass(frozen=True)
class SampleQuality:
    """What the reference classifier made of a batch of samples."""

    recognised: float  # share with confidence >= CONFIDENCE
    coverage: int  # distinct classes among the recognised samples
    num_classes: int
    agreement: float | None  # conditional: share recognised (confidently) as the requested class
    class_counts: list[int]  # recognised samples per class


@dataclass
class ReferenceClassifier:
    """A trained classifier plus the normalisation it expects (on the [0, 1] scale)."""

    model: torch.nn.Module
    mean: list[float]
    std: list[float]
    classes: list[str]
    val_accuracy: float

    def to(self, device: torch.device) -> "ReferenceClassifier":
        self.model.to(device).eval()
        return self

    @torch.no_grad()
    def score(self, images: torch.Tensor, requested: torch.Tensor | None = None,
              value_range: tuple[float, float] = (-1.0, 1.0)) -> SampleQuality:
        """Judge generated images (N, C, H, W) in `value_range`; `requested` are the classes a
        conditional generator was asked for."""
        device = next(self.model.parameters()).device
        low, high = value_range
        x = (images.to(device).float() - low) / (high - low)
        mean = torch.tensor(self.mean, device=device).view(1, -1, 1, 1)
        std = torch.tensor(self.std, device=device).view(1, -1, 1, 1)
        probs = predict_logits(self.model, (x - mean) / std).softmax(dim=1)
        confidence, predicted = probs.max(dim=1)
        sure = confidence >= CONFIDENCE
        counts = torch.bincount(predicted[sure], minlength=len(self.classes)).cpu().tolist()
        agreement = None
        if requested is not None:
            agreement = float((sure & (predicted == requested.to(device))).float().mean())
        return SampleQuality(float(sure.float().mean()), sum(1 for c in counts if c > 0), len(self.classes),
                             agreement, counts)


def data_fingerprint(data: ImageData) -> str:
    """A short hash of the images and labels, so a cached reference matches its data exactly."""
    digest = hashlib.sha256()
    digest.update(repr((data.train_images.shape, list(data.classes))).encode())
    digest.update(np.ascontiguousarray(data.train_images).tobytes())
    digest.update(np.ascontiguousarray(data.train_labels).tobytes())
    return digest.hexdigest()[:20]


def reference_classifier(data: ImageData, device: torch.device, cache_dir: Path,
                         status: Callable[[str], None] | None = None,
                         control: TrainingControl | None = None, seed: int = 0) -> ReferenceClassifier:
    """The reference classifier for `data`: loaded from `cache_dir` when one was trained on
    exactly these images, otherwise trained now (recommended settings) and cached."""
    status = status or (lambda message: None)
    path = Path(cache_dir) / "reference" / f"{data.name.replace('/', '_')}-{data_fingerprint(data)}.pt"
    shape = InputShape(data.channels, *data.image_size, len(data.classes))
    if path.is_file():
        try:
            saved = load_checkpoint(path)
            if saved.get("reference_format") == REFERENCE_FORMAT:
                model = build_model(REFERENCE_MODEL, shape)
                model.load_state_dict(saved["model"])
                return ReferenceClassifier(model, list(saved["mean"]), list(saved["std"]), list(data.classes),
                                           float(saved["val_accuracy"])).to(device)
        except (ModelFileError, KeyError, RuntimeError):
            log.warning("ignoring an unreadable reference classifier at %s", path, exc_info=True)
    status(Sentence("Training the reference classifier that scores the samples (once per dataset)…"))
    config = resolve_defaults(TrainConfig(dataset=data.name, model=REFERENCE_MODEL, seed=seed, patience=0))
    prepared = prepare(data, config.val_split, seed, device)
    torch.manual_seed(seed)
    model = build_model(REFERENCE_MODEL, shape)
    trainer = ClassifierTrainer(model, prepared, config, device, path.parent, checkpoint_extra={}, control=control)
    trainer.save = lambda name: None  # the reference needs no per-epoch checkpoints
    trainer.run()
    accuracy = trainer.validate().accuracy
    if control is not None and control.stop_requested:  # half-trained: use it for now, never cache it
        return ReferenceClassifier(model, prepared.mean, prepared.std, list(data.classes), accuracy).to(device)
    save_checkpoint(path, {"model": {k: v.detach().cpu() for k, v in model.state_dict().items()},
                           "mean": prepared.mean, "std": prepared.std, "val_accuracy": accuracy,
                           "reference_format": REFERENCE_FORMAT, "classes": list(data.classes)})
    status(Sentence("Reference classifier ready: {share:.1f}% accurate on held-out real pictures.", share=100 * accuracy))
    return ReferenceClassifier(model, prepared.mean, prepared.std, list(data.classes), accuracy).to(device)
