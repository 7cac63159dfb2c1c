"""Loading the heavy part of the engine (torch, models) in the background after the window
is shown, so the window appears fast."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineInfo:
    """What the window needs to know once the engine is loaded."""

    device: str  # human name of the automatic choice, e.g. "CPU (2 threads)"
    gpus: list[str]
    torch_version: str
    onnxruntime_version: str


def load_engine(context=None) -> EngineInfo:
    """Import torch and everything training needs; report the devices found."""
    import onnxruntime
    import torch

    import engine.models.classifiers  # noqa: F401 - registers the models
    import engine.train.run  # noqa: F401
    from engine.train.device import choose_device, describe_device, list_gpus

    return EngineInfo(describe_device(choose_device("auto")), list_gpus(), torch.__version__, onnxruntime.__version__)
