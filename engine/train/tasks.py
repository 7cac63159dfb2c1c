"""Training by task: the one entry point the command line and the desktop call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from engine.train.config import TrainConfig


def checkpoint_task(path: str | Path) -> str:
    """The task a checkpoint was trained for ("classify" for checkpoints that do not say)."""
    from engine.train.checkpoint import load_checkpoint

    return str(load_checkpoint(path).get("config", {}).get("task") or "classify")


def train(config: TrainConfig, **kwargs: Any):
    """Train as `config.task` says (a resumed checkpoint's own task wins) and return its
    result: a TrainResult for classification, a GanResult for GANs, a TranslateResult for
    translation, a TextgenResult for text generation. Keyword arguments are
    those of `train_classifier` / `train_gan` (`judge` applies to GANs only)."""
    task = config.task
    if kwargs.get("resume_from") is not None:
        task = checkpoint_task(kwargs["resume_from"])
    if task == "gan":
        from engine.train.gan_run import train_gan

        return train_gan(config, **kwargs)
    if task == "translate":
        from engine.train.translate_run import train_translator

        kwargs.pop("judge", None)
        return train_translator(config, **kwargs)
    if task == "textgen":
        from engine.train.textgen_run import train_textgen

        kwargs.pop("judge", None)
        return train_textgen(config, **kwargs)
    from engine.train.run import train_classifier

    kwargs.pop("judge", None)
    return train_classifier(config, **kwargs)
