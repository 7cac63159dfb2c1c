"""How a run's training ends, in the words every task uses: the trainer's own (status, reason),
a stop asked for before the first step, a GPU out of memory, or a failure."""

from __future__ import annotations

from typing import Any

import torch

from engine.errors import ModelDeskError, TrainingError
from engine.sentences import Sentence


def run_trainer(trainer: Any, *, stopped_already: bool = False) -> tuple[str, Sentence]:
    """The trainer's (status, reason) after `trainer.run()`; ("stopped", "Stopped by the user.")
    without training when `stopped_already`. A GPU running out of memory frees the cache and
    raises TrainingError with the advice to choose a smaller batch."""
    if stopped_already:
        return "stopped", Sentence("Stopped by the user.")
    try:
        return trainer.run()
    except torch.cuda.OutOfMemoryError:
        torch.cuda.empty_cache()
        raise TrainingError(Sentence("The GPU ran out of memory. Choose a smaller batch size (for example half) and "
                                     "start again.")) from None


def failure_reason(exc: BaseException) -> Sentence:
    """The reason a failed run gives: the error's own sentence, or that ModelDesk failed inside."""
    return exc.message if isinstance(exc, ModelDeskError) else Sentence("Training failed because of an internal error.")
