"""Image classifiers registered by name, in the manner of torchvision's `register_model`.

A builder takes the dataset's shape and returns an `nn.Module` mapping a float batch
(N, C, H, W) to logits (N, num_classes). The GUI and command line list `list_models()`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from engine.errors import ConfigError
from engine.sentences import Sentence

_MODEL_MODULES = ("engine.models.classifiers", "engine.models.gan", "engine.models.translators",
                  "engine.models.language")


@dataclass(frozen=True)
class InputShape:
    """What a classifier is built for: channels, (height, width) and class count."""

    channels: int
    height: int
    width: int
    num_classes: int


@dataclass(frozen=True)
class ModelInfo:
    """A registered model: its name, a sentence for people, a speed hint, and its builder."""

    name: str
    description: str
    speed: str  # "fastest", "fast", "medium", "slow" on a laptop CPU
    task: str
    builder: Callable[[InputShape], "object"]


_MODELS: dict[str, ModelInfo] = {}
_loaded = False


def register_model(name: str, description: str, *, speed: str, task: str = "classify"):
    """Decorator: register `builder(shape: InputShape) -> nn.Module` under `name`."""

    def wrap(builder):
        _MODELS[name] = ModelInfo(name, description, speed, task, builder)
        return builder

    return wrap


def _ensure_models() -> None:
    global _loaded
    if not _loaded:
        for module in _MODEL_MODULES:
            importlib.import_module(module)
        _loaded = True


def list_models(task: str | None = None) -> list[ModelInfo]:
    """Every registered model (optionally for one task) in registration order."""
    _ensure_models()
    return [m for m in _MODELS.values() if task is None or m.task == task]


def get_model_info(name: str) -> ModelInfo:
    """The registered model called `name`; ConfigError naming the choices otherwise."""
    _ensure_models()
    info = _MODELS.get(name.strip().lower())
    if info is None:
        raise ConfigError(Sentence("There is no model called '{name}'. Choose one of: {choices}.", name=name,
                                   choices=", ".join(_MODELS)))
    return info


def build_model(name: str, shape: InputShape):
    """A freshly initialised model `name` sized for `shape`."""
    return get_model_info(name).builder(shape)


def count_parameters(model) -> int:
    """The number of trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
