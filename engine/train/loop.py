"""The classification training loop: epochs of batches with named steps, checked every batch
against a control object, reporting events, checkpointing every epoch.

Reproducible on CPU: each epoch reseeds from (seed, epoch), so a run resumed from an
end-of-epoch checkpoint continues exactly as the uninterrupted run would have.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import torch
from torch import nn

from engine.errors import TrainingError
from engine.sentences import Sentence
from engine.train.augment import augment_batch
from engine.train.checkpoint import save_checkpoint
from engine.train.config import TrainConfig
from engine.train.control import TrainingControl
from engine.train.device import memory_format_for
from engine.train.distributed import Ranks, data_parallel, sum_over_ranks
from engine.train.evaluate import evaluate_classifier
from engine.train.events import BatchEnd, EpochEnd, Paused
from engine.train.tensors import PreparedData

log = logging.getLogger(__name__)

Emit = Callable[[Any], None]

WARMUP_STEPS = 400  # the "warmup" schedule's linear ramp (at most a tenth of the run)


@dataclass
class LoopState:
    """What carries over between epochs and across a resume."""

    epoch: int = 0  # completed epochs
    history: list[dict[str, Any]] = field(default_factory=list)
    best_epoch: int = 0
    best_val_accuracy: float = -1.0
    best_val_loss: float = math.inf
    epochs_without_improvement: int = 0


def epoch_seed(seed: int, epoch: int) -> int:
    """The seed used for shuffling, augmentation and dropout in `epoch`."""
    return seed * 100_003 + epoch


def make_optimizer(model: nn.Module, config: TrainConfig) -> torch.optim.Optimizer:
    """The optimizer named in `config` (adamw, adam, sgd with Nesterov momentum)."""
    params = model.parameters()
    if config.optimizer == "sgd":
        return torch.optim.SGD(params, lr=config.lr, momentum=0.9, nesterov=True, weight_decay=config.weight_decay)
    if config.optimizer == "adam":
        return torch.optim.Adam(params, lr=config.lr, weight_decay=config.weight_decay)
    return torch.optim.AdamW(params, lr=config.lr, weight_decay=config.weight_decay)


def make_scheduler(optimizer: torch.optim.Optimizer, config: TrainConfig, total_steps: int):
    """A per-step learning-rate schedule: one-cycle, cosine decay, warm-up then cosine decay,
    or constant."""
    if config.schedule == "warmup":
        total = max(total_steps, 1)
        warm = max(1, min(WARMUP_STEPS, total // 10))

        def factor(step: int) -> float:
            if step < warm:
                return (step + 1) / warm
            return 0.5 * (1.0 + math.cos(math.pi * min(1.0, (step - warm) / max(1, total - warm))))

        return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)
    if config.schedule == "onecycle":
        return torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=config.lr, total_steps=max(total_steps, 1), pct_start=0.25)
    if config.schedule == "cosine":
        return torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=max(total_steps, 1))
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda _: 1.0)


def fast_forward(scheduler, steps: int) -> None:
    """Advance a freshly built scheduler by `steps` (used when a resume changes the epoch count)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(steps):
            scheduler.step()


class ClassifierTrainer:
    """Trains one model on prepared tensors. Hooks: `train_step`, `validate`, `end_epoch`."""

    def __init__(self, model: nn.Module, data: PreparedData, config: TrainConfig, device: torch.device,
                 checkpoint_dir: Path, checkpoint_extra: dict[str, Any], emit: Emit | None = None,
                 control: TrainingControl | None = None, ranks: Ranks | None = None) -> None:
        self.memory_format = memory_format_for(model, device)
        self.model = model.to(device, memory_format=self.memory_format)
        self.ranks = ranks or Ranks()
        # Gradients are averaged over the processes by the wrapper; `self.model` stays the plain
        # network that checkpoints, evaluation and export see.
        self.net = data_parallel(self.model, self.ranks)
        self.data = data
        self.config = config
        self.device = device
        self.checkpoint_dir = checkpoint_dir
        self.checkpoint_extra = checkpoint_extra
        self.emit = emit or (lambda event: None)
        self.control = control or TrainingControl()
        self.per_rank = len(self.ranks.shard(torch.arange(len(data.train))))  # samples each process trains on an epoch
        self.steps_per_epoch = math.ceil(self.per_rank / config.batch_size)
        self.optimizer = make_optimizer(self.model, config)
        self.scheduler = make_scheduler(self.optimizer, config, config.epochs * self.steps_per_epoch)
        self.state = LoopState()
        self.loss_fn = nn.CrossEntropyLoss()
        self.amp_dtype = None
        self.scaler = None
        if device.type == "cuda" and config.mixed_precision:
            self.amp_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
            if self.amp_dtype == torch.float16:
                self.scaler = torch.amp.GradScaler("cuda")

    # ----- resume -------------------------------------------------------------------------
    def load_state(self, checkpoint: dict[str, Any]) -> None:
        """Continue from a checkpoint: weights, optimizer, schedule position and history."""
        self.model.load_state_dict(checkpoint["model"])
        self.optimizer.load_state_dict(checkpoint["optimizer"])
        saved_epochs = checkpoint.get("config", {}).get("epochs")
        done_steps = int(checkpoint["epoch"]) * self.steps_per_epoch
        if saved_epochs == self.config.epochs and "scheduler" in checkpoint:
            self.scheduler.load_state_dict(checkpoint["scheduler"])
        else:
            fast_forward(self.scheduler, done_steps)
        loop = checkpoint.get("loop", {})
        self.state = LoopState(
            epoch=int(checkpoint["epoch"]),
            history=list(checkpoint.get("history", [])),
            best_epoch=int(loop.get("best_epoch", 0)),
            best_val_accuracy=float(loop.get("best_val_accuracy", -1.0)),
            best_val_loss=float(loop.get("best_val_loss", math.inf)),
            epochs_without_improvement=int(loop.get("epochs_without_improvement", 0)),
        )

    # ----- hooks --------------------------------------------------------------------------
    def _autocast(self):
        if self.amp_dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=self.amp_dtype)

    def train_step(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """One optimisation step; returns (loss, number correct) as device tensors."""
        with self._autocast():
            logits = self.net(x)
            loss = self.loss_fn(logits.float(), y)
        self.optimizer.zero_grad(set_to_none=True)
        if self.scaler is not None:
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
        else:
            loss.backward()
            self.optimizer.step()
        self.scheduler.step()
        return loss.detach(), (logits.detach().argmax(dim=1) == y).sum()

    def validate(self):
        """Evaluate on the validation split (eval mode, no gradients)."""
        with self._autocast():
            return evaluate_classifier(self.model, self.data.val.images, self.data.val.labels, len(self.data.classes))

    def replay_events(self) -> tuple:
        """The epochs already trained (after a resume) as events that redraw them: for each, a
        batch report carrying the epoch's mean training loss, then its end-of-epoch report."""
        events: list = []
        steps = self.steps_per_epoch
        for row in self.state.history:
            epoch, nan = int(row["epoch"]), float("nan")
            events.append(BatchEnd(epoch, steps, steps, epoch * steps, float(row.get("train_loss", nan))))
            events.append(EpochEnd(epoch, self.config.epochs, float(row.get("train_loss", nan)),
                                   float(row.get("train_accuracy", nan)), float(row.get("val_loss", nan)),
                                   float(row.get("val_accuracy", nan)), float(row.get("learning_rate", nan)),
                                   float(row.get("samples_per_second", nan)), float(row.get("seconds", nan)),
                                   epoch == self.state.best_epoch))
        return tuple(events)

    # ----- the loop -----------------------------------------------------------------------
    def run(self) -> tuple[str, str]:
        """Train until the configured epochs, early stopping or a stop request.

        Returns (status, reason): status is "finished" or "stopped"; reason is a sentence.
        """
        train = self.data.train
        report_every = max(1, self.steps_per_epoch // 50)
        while self.state.epoch < self.config.epochs:
            epoch = self.state.epoch + 1
            seed = epoch_seed(self.config.seed, epoch)
            torch.manual_seed(seed)
            generator = torch.Generator().manual_seed(seed)
            order = self.ranks.shard(torch.randperm(len(train), generator=generator)).to(self.device)
            self.model.train()
            started = time.perf_counter()
            total_loss = torch.zeros((), device=self.device)
            total_correct = torch.zeros((), device=self.device, dtype=torch.long)
            window_loss = torch.zeros((), device=self.device)
            window = 0
            for step in range(1, self.steps_per_epoch + 1):
                if self.control.stop_requested:
                    return self._stopped_mid_epoch()
                self.control.wait_if_paused(lambda: self.emit(Paused(epoch, step)))
                if self.control.stop_requested:
                    return self._stopped_mid_epoch()
                index = order[(step - 1) * self.config.batch_size : step * self.config.batch_size]
                x = augment_batch(train.images[index], self.config.augment, generator).contiguous(memory_format=self.memory_format)
                loss, correct = self.train_step(x, train.labels[index])
                total_loss += loss * index.shape[0]
                total_correct += correct
                window_loss += loss
                window += 1
                if window == report_every or step == self.steps_per_epoch:
                    mean_loss = float(sum_over_ranks(window_loss, self.ranks).item()) / (window * self.ranks.world)
                    if not math.isfinite(mean_loss):
                        raise TrainingError(Sentence(
                            "Training broke down: the loss became infinite or not a number. "
                            "Lower the learning rate (for example divide it by 10) and start again."
                        ))
                    self.emit(BatchEnd(epoch, step, self.steps_per_epoch, (epoch - 1) * self.steps_per_epoch + step, mean_loss))
                    window_loss.zero_()
                    window = 0
            train_seconds = time.perf_counter() - started
            trained = self.per_rank * self.ranks.world
            sum_over_ranks(total_loss, self.ranks)
            sum_over_ranks(total_correct, self.ranks)
            evaluation = self.validate()
            seconds = time.perf_counter() - started
            self._end_epoch(epoch, float(total_loss.item()) / trained, float(total_correct.item()) / trained,
                            evaluation, trained / max(train_seconds, 1e-9), seconds)
            if self.config.patience and self.state.epochs_without_improvement >= self.config.patience:
                return "stopped", Sentence("Stopped early: the validation loss did not improve for {count} epochs.",
                                            count=self.config.patience)
            if self.control.stop_requested:
                return "stopped", Sentence("Stopped by the user.")
        return "finished", Sentence("Finished all {count} epochs.", count=self.config.epochs)

    def _end_epoch(self, epoch: int, train_loss: float, train_acc: float, evaluation, samples_per_second: float, seconds: float) -> None:
        state = self.state
        is_best = evaluation.accuracy > state.best_val_accuracy or (
            evaluation.accuracy == state.best_val_accuracy and evaluation.loss < state.best_val_loss
        )
        if evaluation.loss < state.best_val_loss - 1e-6:
            state.epochs_without_improvement = 0
        else:
            state.epochs_without_improvement += 1
        if is_best:
            state.best_epoch, state.best_val_accuracy = epoch, evaluation.accuracy
        state.best_val_loss = min(state.best_val_loss, evaluation.loss)
        lr = float(self.optimizer.param_groups[0]["lr"])
        state.epoch = epoch
        state.history.append(dict(
            epoch=epoch, train_loss=round(train_loss, 6), train_accuracy=round(train_acc, 6),
            val_loss=round(evaluation.loss, 6), val_accuracy=round(evaluation.accuracy, 6),
            learning_rate=lr, samples_per_second=round(samples_per_second, 1), seconds=round(seconds, 3),
        ))
        self.save("last.pt")
        if is_best:
            self.save("best.pt")
        self.emit(EpochEnd(epoch, self.config.epochs, train_loss, train_acc, evaluation.loss, evaluation.accuracy,
                           lr, samples_per_second, seconds, is_best))

    def _stopped_mid_epoch(self) -> tuple[str, str]:
        # Partial epochs are dropped so a resume repeats them exactly; with no finished epoch
        # the current weights are kept so nothing is lost.
        if self.state.epoch == 0:
            self.save("last.pt")
        return "stopped", Sentence("Stopped by the user.")

    def save(self, name: str) -> None:
        """Write a checkpoint of the current state to `checkpoint_dir/name` (the main process only)."""
        if not self.ranks.is_main:
            return
        state = self.state
        save_checkpoint(self.checkpoint_dir / name, {
            **self.checkpoint_extra,
            "model": {k: v.detach().cpu() for k, v in self.model.state_dict().items()},
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "epoch": state.epoch,
            "history": state.history,
            "config": self.config.to_dict(),
            "loop": dict(best_epoch=state.best_epoch, best_val_accuracy=state.best_val_accuracy,
                         best_val_loss=state.best_val_loss, epochs_without_improvement=state.epochs_without_improvement),
        })
