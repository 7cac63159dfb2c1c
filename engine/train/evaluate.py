"""Classifier evaluation: accuracy, per-class precision/recall/F1, confusion matrix, mistakes."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn


@dataclass
class Evaluation:
    """Results on one split. `confusion[t, p]` counts images of true class t predicted as p."""

    accuracy: float
    loss: float
    confusion: list[list[int]]
    precision: list[float]
    recall: list[float]
    f1: list[float]
    support: list[int]
    misclassified: list[int]  # positions in the evaluated split, most confident mistakes first
    predictions: list[int]
    confidences: list[float]

    def to_dict(self) -> dict:
        return asdict(self)


@torch.no_grad()
def predict_logits(model: nn.Module, images: torch.Tensor, batch_size: int = 1024) -> torch.Tensor:
    """Logits for every image, computed in eval mode in batches (float32)."""
    was_training = model.training
    model.eval()
    try:
        chunks = [model(images[i : i + batch_size]).float() for i in range(0, images.shape[0], batch_size)]
    finally:
        model.train(was_training)
    return torch.cat(chunks)


def per_class_scores(confusion: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, F1) per class from a confusion matrix; 0 where undefined."""
    tp = np.diag(confusion).astype(np.float64)
    predicted = confusion.sum(axis=0)
    actual = confusion.sum(axis=1)
    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    recall = np.divide(tp, actual, out=np.zeros_like(tp), where=actual > 0)
    denom = precision + recall
    f1 = np.divide(2 * precision * recall, denom, out=np.zeros_like(tp), where=denom > 0)
    return precision, recall, f1


def evaluate_classifier(model: nn.Module, images: torch.Tensor, labels: torch.Tensor, num_classes: int) -> Evaluation:
    """Evaluate `model` on one split of normalised images and labels."""
    logits = predict_logits(model, images)
    loss = float(nn.functional.cross_entropy(logits, labels).item()) if len(labels) else 0.0
    probs = logits.softmax(dim=1)
    confidence, predicted = probs.max(dim=1)
    y = labels.cpu().numpy()
    p = predicted.cpu().numpy()
    conf = confidence.cpu().numpy()
    confusion = np.bincount(y * num_classes + p, minlength=num_classes * num_classes).reshape(num_classes, num_classes)
    precision, recall, f1 = per_class_scores(confusion)
    wrong = np.flatnonzero(p != y)
    wrong = wrong[np.argsort(-conf[wrong], kind="stable")]
    return Evaluation(
        accuracy=float((p == y).mean()) if len(y) else 0.0,
        loss=loss,
        confusion=confusion.tolist(),
        precision=precision.tolist(),
        recall=recall.tolist(),
        f1=f1.tolist(),
        support=confusion.sum(axis=1).tolist(),
        misclassified=wrong.tolist(),
        predictions=p.tolist(),
        confidences=conf.tolist(),
    )
