"""What a training run reports while it works. The GUI turns these into Qt signals; the
command line into progress lines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TrainingStarted:
    run_dir: str
    device: str
    model_name: str
    parameters: int
    train_size: int
    val_size: int
    epochs: int
    steps_per_epoch: int
    start_epoch: int  # 1 unless resumed


@dataclass(frozen=True)
class BatchEnd:
    epoch: int
    step: int  # 1-based within the epoch
    steps_per_epoch: int
    global_step: int
    loss: float  # mean training loss over the batches since the previous BatchEnd


@dataclass(frozen=True)
class EpochEnd:
    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    val_loss: float
    val_accuracy: float
    learning_rate: float
    samples_per_second: float
    seconds: float  # wall time of this epoch
    is_best: bool


@dataclass(frozen=True)
class Paused:
    epoch: int
    step: int


@dataclass(frozen=True)
class TrainingFinished:
    status: str  # "finished", "stopped" (by the user or early stopping), "failed"
    reason: str  # a plain sentence: why it ended
    epochs_done: int
    best_epoch: int
    best_val_accuracy: float
    best_val_loss: float
    seconds: float
    run_dir: str
    extra: dict = field(default_factory=dict)


Event = TrainingStarted | BatchEnd | EpochEnd | Paused | TrainingFinished
