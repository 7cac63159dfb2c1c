"""Saving and loading training checkpoints safely.

A checkpoint carries everything needed to rebuild and continue a run on its own: model,
optimizer and scheduler state, epoch, config, labels, input shape, normalisation and the
metric history. Loading uses `torch.load(weights_only=True)`, so a file that would run code is
refused.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import torch

from engine.atomic import atomic_path
from engine.errors import ModelFileError
from engine.sentences import Sentence

CHECKPOINT_FORMAT = 1


def save_checkpoint(path: Path, state: dict[str, Any]) -> None:
    """Write `state` to `path` atomically (the previous file survives a crash mid-write)."""
    with atomic_path(path) as tmp:
        torch.save({"format": CHECKPOINT_FORMAT, **state}, tmp)


def load_checkpoint(path: str | Path) -> dict[str, Any]:
    """Read a ModelDesk checkpoint onto the CPU; ModelFileError with a plain sentence if the
    file is missing, damaged, not a checkpoint, or contains code."""
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(Sentence("The checkpoint '{path}' does not exist.", path=path))
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        raise ModelFileError(
            Sentence("'{name}' was refused: it contains program code, not just model weights, and could be unsafe to "
                     "open.", name=path.name),
            details=str(exc),
        ) from None
    except Exception as exc:  # noqa: BLE001 - a damaged pickle fails in many ways (IndexError, struct.error, …)
        raise ModelFileError(Sentence("'{name}' is not a readable checkpoint; the file may be damaged.", name=path.name),
                             details=str(exc)) from None
    if not isinstance(state, dict) or state.get("format") != CHECKPOINT_FORMAT or "model" not in state:
        raise ModelFileError(Sentence("'{name}' is not a ModelDesk checkpoint.", name=path.name))
    return state
