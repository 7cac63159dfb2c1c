"""Reading runs back for comparison: their per-epoch curves, the settings that tell them apart,
and the one figure that says how good each is."""

from __future__ import annotations

import csv
import math
import logging
from pathlib import Path
from typing import Any, Sequence

from engine.sentences import Sentence, joined

log = logging.getLogger(__name__)

# The settings worth showing in a run list, in this order, with their names for people.
SETTING_NAMES = {
    "task": Sentence("task"), "dataset": Sentence("dataset"), "model": Sentence("model"), "epochs": Sentence("epochs"),
    "batch_size": Sentence("batch size"), "lr": Sentence("learning rate"), "optimizer": Sentence("optimizer"),
    "schedule": Sentence("schedule"), "weight_decay": Sentence("weight decay"), "augment": Sentence("augmentation"),
    "patience": Sentence("patience"), "val_split": Sentence("validation share"), "seed": Sentence("seed"),
    "image_size": Sentence("picture size"), "tokenizer": Sentence("tokeniser"),
    "label_smoothing": Sentence("label smoothing"), "text_options": Sentence("sentence options"),
    "seq_length": Sentence("sequence length"), "device": Sentence("device"),
    "mixed_precision": Sentence("mixed precision"),
    "data_dir": Sentence("data folder"),
}

# Per task: the curves a comparison can overlay (metrics.csv column -> label), best first.
# BLEU and chrF are names of measures, the same in every language.
CURVES = {
    "classify": {"val_accuracy": Sentence("validation accuracy"), "val_loss": Sentence("validation loss"),
                 "train_loss": Sentence("training loss"), "train_accuracy": Sentence("training accuracy")},
    "gan": {"recognised": Sentence("recognised samples"), "d_loss": Sentence("discriminator loss"),
            "g_loss": Sentence("generator loss")},
    "translate": {"exact_match": Sentence("exact match"), "bleu": "BLEU", "chrf": "chrF",
                  "val_loss": Sentence("validation loss"), "train_loss": Sentence("training loss")},
    "textgen": {"val_perplexity": Sentence("validation perplexity"), "val_loss": Sentence("validation loss"),
                "train_loss": Sentence("training loss")},
}


def read_history(folder: str | Path) -> list[dict[str, float]]:
    """The per-epoch metrics of the run in `folder` (its metrics.csv), numbers as floats;
    an empty list when the file is missing or unreadable."""
    path = Path(folder) / "metrics.csv"
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        log.info("no readable metrics in %s", path)
        return []
    history = []
    for row in rows:
        values: dict[str, float] = {}
        for key, text in row.items():
            try:
                values[str(key)] = float(text)
            except (TypeError, ValueError):
                continue
        if "epoch" in values:
            history.append(values)
    return history


def curve(history: Sequence[dict[str, float]], key: str) -> tuple[list[float], list[float]]:
    """(epochs, values) of one metric, skipping epochs that lack it."""
    points = [(row["epoch"], row[key]) for row in history if key in row and "epoch" in row]
    return [p[0] for p in points], [p[1] for p in points]


def shared_curves(tasks: Sequence[str]) -> dict[str, str]:
    """The curves every one of `tasks` has (key -> label), in order of usefulness."""
    if not tasks:
        return {}
    first = CURVES.get(tasks[0], {})
    return {key: label for key, label in first.items() if all(key in CURVES.get(task, {}) for task in tasks)}


def differing_settings(configs: Sequence[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
    """The settings whose values are not the same in every config: (name for people, values
    in the order of `configs`). Unknown keys come last under their own name."""
    keys = list(SETTING_NAMES) + sorted({k for c in configs for k in c} - set(SETTING_NAMES))
    differing = []
    for key in keys:
        values = [c.get(key) for c in configs]
        if any(v != values[0] for v in values[1:]):
            differing.append((SETTING_NAMES.get(key, key), values))
    return differing


def key_settings(config: dict[str, Any]) -> Sentence:
    """A short line of what matters most: '15 epochs, batch 32, lr 0.003'."""
    parts: list[str] = []
    if config.get("epochs") is not None:
        parts.append(Sentence("{count} epoch", count=config["epochs"]) if config["epochs"] == 1 else
                     Sentence("{count} epochs", count=config["epochs"]))
    if config.get("batch_size") is not None:
        parts.append(Sentence("batch {size}", size=config["batch_size"]))
    if config.get("lr") is not None:
        parts.append(Sentence("lr {rate:g}", rate=config["lr"]))
    if config.get("augment") not in (None, "none"):
        parts.append(str(config["augment"]))
    return joined(parts, ", ")


def headline(task: str, best_val_accuracy: float | None, dataset: str = "", best_val_loss: float | None = None) -> str:
    """The run's best figure in words: '98.1% accuracy', '82.0% recognised', '100.0% exact'
    (numbers, where one answer is right), 'BLEU 31.2' (other sentence pairs) or 'perplexity 4.21'
    (text generators, from their best validation loss)."""
    if task == "textgen":
        if best_val_loss is None or not 0 < best_val_loss < 50:
            return ""
        return Sentence("perplexity {value:.2f}", value=math.exp(best_val_loss))
    if best_val_accuracy is None:
        return ""
    share = 100 * best_val_accuracy
    if task == "translate" and not dataset.startswith("numbers"):
        return Sentence("BLEU {score:.1f}", score=share)
    if task == "classify":
        return Sentence("{share:.1f}% accuracy", share=share)
    if task == "gan":
        return Sentence("{share:.1f}% recognised", share=share)
    if task == "translate":
        return Sentence("{share:.1f}% exact", share=share)
    return f"{share:.1f}%"
