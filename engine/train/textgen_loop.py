"""The text-generation training loop: windows of characters cut from the training text, each
predicting the next character, checked every batch against a control object; every epoch the
validation text is scored (loss and perplexity) and the model writes a short paragraph.

An epoch is one pass over the training text in windows of `seq_length` characters, starting at
an offset drawn for the epoch, in shuffled order. Like the other loops, each epoch reseeds from
(seed, epoch), so a run resumed from an end-of-epoch checkpoint continues as the uninterrupted
one would have. These small recurrent models train in float32 on every device (no mixed
precision).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from engine.errors import TrainingError
from engine.sentences import Sentence
from engine.text.sampling import Step, write_text
from engine.text.tokenizers import UNK, CharTokenizer
from engine.train.checkpoint import save_checkpoint
from engine.train.config import TrainConfig
from engine.train.control import TrainingControl
from engine.train.distributed import Ranks, data_parallel, rank_seed, sum_over_ranks
from engine.train.events import BatchEnd, Paused, TextgenEpochEnd
from engine.train.loop import epoch_seed, fast_forward, make_optimizer, make_scheduler

Emit = Callable[[Any], None]

EVAL_BATCH = 256  # validation windows per forward pass
GRADIENT_CLIP = 1.0
SAMPLE_LENGTH = 300  # characters written at the end of every epoch
SAMPLE_TEMPERATURE = 0.8
MIN_ONECYCLE_STEPS = 10  # shorter runs (a tiny text, one or two epochs) keep the learning rate constant


def encode_text(tokenizer: CharTokenizer, text: str) -> np.ndarray:
    """The ids of every character of `text` (int64, unknown characters UNK), computed per
    distinct character rather than per character, so megabytes encode in a moment."""
    if not text:
        return np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    distinct, inverse = np.unique(codes, return_inverse=True)
    lookup = np.asarray(tokenizer.encode("".join(chr(int(c)) for c in distinct)), dtype=np.int64)
    return lookup[inverse]


def unigram_perplexity(train_ids: np.ndarray, val_ids: np.ndarray, vocab_size: int) -> float:
    """The perplexity of guessing each validation character from the training text's character
    frequencies alone (add-one smoothed): the baseline a model must beat. Characters the
    training text lacks (UNK) are not scored, as in `TextgenTrainer.evaluate`."""
    counts = np.bincount(train_ids, minlength=vocab_size).astype(np.float64) + 1.0
    counts[:UNK + 1] = 0.0  # specials never occur; UNK targets are not scored
    probabilities = counts / counts.sum()
    targets = val_ids[1:]
    targets = targets[targets != UNK]
    if targets.size == 0:
        return float("nan")
    return float(np.exp(-np.mean(np.log(probabilities[targets]))))


def torch_step(model: nn.Module, device: torch.device) -> Step:
    """The model as a `Step` for engine.text.sampling: numpy ids in, numpy logits of the last
    position out, the PyTorch state carried along."""

    def step(ids: np.ndarray, state):
        with torch.no_grad():
            logits, state = model(torch.from_numpy(np.ascontiguousarray(ids)).to(device), state)
        return logits[:, -1].float().cpu().numpy(), state

    return step


@dataclass
class TextgenLoopState:
    """What carries over between epochs and across a resume."""

    epoch: int = 0  # completed epochs
    history: list[dict[str, Any]] = field(default_factory=list)
    best_epoch: int = 0
    best_val_loss: float = math.inf
    epochs_without_improvement: int = 0
    samples: list[str] = field(default_factory=list)  # what the model wrote at the end of each epoch


@dataclass
class TextScores:
    """How well the validation text is predicted."""

    val_loss: float  # mean cross-entropy per character, in nats
    characters: int  # validation characters scored

    @property
    def perplexity(self) -> float:
        return float(math.exp(min(self.val_loss, 50.0)))


class TextgenTrainer:
    """Trains a character language model on id tensors. Hooks: `train_step`, `evaluate`, `write`."""

    def __init__(self, model: nn.Module, train_ids: torch.Tensor, val_ids: torch.Tensor, tokenizer: CharTokenizer,
                 config: TrainConfig, device: torch.device, run_dir: Path, checkpoint_extra: dict[str, Any],
                 prompt: str = "", baseline: float = float("nan"), emit: Emit | None = None,
                 control: TrainingControl | None = None, ranks: Ranks | None = None) -> None:
        self.model = model.to(device)
        self.ranks = ranks or Ranks()
        self.net = data_parallel(self.model, self.ranks)  # what training steps go through; see ClassifierTrainer
        self.train_ids, self.val_ids = train_ids.to(device), val_ids.to(device)
        self.tokenizer = tokenizer
        self.config, self.device, self.run_dir = config, device, run_dir
        self.checkpoint_extra = checkpoint_extra
        self.prompt, self.baseline = prompt, baseline
        self.emit = emit or (lambda event: None)
        self.control = control or TrainingControl()
        # windows of seq_length + 1 characters; every offset of an epoch must leave at least one
        self.seq_length = max(1, min(int(config.seq_length), (len(train_ids) - 1) // 2))
        self.windows_per_epoch = max(1, (len(train_ids) - self.seq_length) // self.seq_length)
        self.per_rank = max(1, len(self.ranks.shard(torch.arange(self.windows_per_epoch))))  # windows each process trains
        self.batch_size = min(config.batch_size, self.per_rank)
        self.steps_per_epoch = math.ceil(self.per_rank / self.batch_size)
        self.optimizer = make_optimizer(model, config)
        total_steps = config.epochs * self.steps_per_epoch
        # a one-cycle schedule needs room to rise and fall (torch's fails on some tiny step counts)
        steady = config.schedule == "onecycle" and total_steps < MIN_ONECYCLE_STEPS
        self.scheduler = make_scheduler(self.optimizer, replace(config, schedule="constant") if steady else config,
                                        total_steps)
        self.state = TextgenLoopState()
        self._span = torch.arange(self.seq_length + 1, device=device)

    # ----- resume -------------------------------------------------------------------------
    def load_state(self, checkpoint: dict[str, Any]) -> None:
        """Continue from a checkpoint: weights, optimizer, schedule position and history."""
        self.model.load_state_dict(checkpoint["model"])
        self.optimizer.load_state_dict(checkpoint["optimizer"])
        loop = checkpoint.get("loop", {})
        self.state = TextgenLoopState(int(checkpoint["epoch"]), list(checkpoint.get("history", [])),
                                      int(loop.get("best_epoch", 0)), float(loop.get("best_val_loss", math.inf)),
                                      int(loop.get("epochs_without_improvement", 0)),
                                      [str(s) for s in loop.get("samples", [])])
        if "scheduler" in checkpoint and checkpoint["config"].get("epochs") == self.config.epochs:
            self.scheduler.load_state_dict(checkpoint["scheduler"])
        else:  # more epochs than planned: a fresh schedule over the new length, advanced to here
            fast_forward(self.scheduler, self.state.epoch * self.steps_per_epoch)

    # ----- hooks --------------------------------------------------------------------------
    def epoch_windows(self, seed: int) -> torch.Tensor:
        """The start of every training window of an epoch, in the order they are trained (CPU)."""
        generator = torch.Generator().manual_seed(seed)
        offset = int(torch.randint(0, self.seq_length, (1,), generator=generator))
        available = (len(self.train_ids) - 1 - offset) // self.seq_length
        order = torch.randperm(available, generator=generator)[: self.windows_per_epoch]
        return offset + order * self.seq_length

    def train_step(self, starts: torch.Tensor) -> torch.Tensor:
        """One optimizer step on the windows starting at `starts`; returns the batch loss as a device tensor."""
        windows = self.train_ids[starts.to(self.device)[:, None] + self._span]  # (B, T + 1)
        logits, _ = self.net(windows[:, :-1])
        loss = F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), windows[:, 1:].reshape(-1))
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(self.model.parameters(), GRADIENT_CLIP)
        self.optimizer.step()
        self.scheduler.step()
        return loss.detach()

    @torch.no_grad()
    def evaluate(self) -> TextScores:
        """Mean loss per validation character: the text is read in windows of `seq_length`, each
        from the zero state; characters the training text lacks (UNK) are not scored."""
        was_training = self.model.training
        self.model.eval()
        ids, length = self.val_ids, self.seq_length
        total, counted = 0.0, 0
        try:
            targets = len(ids) - 1
            full = targets // length
            pieces = [(ids[: full * length].view(full, length), ids[1 : full * length + 1].view(full, length))]
            if targets > full * length:
                pieces.append((ids[full * length : targets][None, :], ids[full * length + 1 :][None, :]))
            for inputs, expected in pieces:
                for start in range(0, inputs.shape[0], EVAL_BATCH):
                    logits, _ = self.model(inputs[start : start + EVAL_BATCH])
                    wanted = expected[start : start + EVAL_BATCH].reshape(-1)
                    total += float(F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), wanted,
                                                   ignore_index=UNK, reduction="sum"))
                    counted += int((wanted != UNK).sum())
        finally:
            self.model.train(was_training)
        return TextScores(total / max(1, counted), counted)

    def write(self, prompt: str, length: int = SAMPLE_LENGTH, temperature: float = SAMPLE_TEMPERATURE,
              top_k: int = 0, seed: int | None = None) -> str:
        """What the model writes after `prompt` (see engine.text.sampling.stream_text)."""
        was_training = self.model.training
        self.model.eval()
        try:
            return write_text(torch_step(self.model, self.device), self.tokenizer, prompt, length, temperature, top_k,
                              self.config.seed if seed is None else seed)
        finally:
            self.model.train(was_training)

    def replay_events(self) -> tuple:
        """The epochs already trained (after a resume) as events that redraw them: for each, a
        batch report carrying the epoch's mean training loss, then its end-of-epoch report with
        the paragraph written then."""
        events: list = []
        steps, nan = self.steps_per_epoch, float("nan")
        for index, row in enumerate(self.state.history):
            epoch = int(row["epoch"])
            sample = self.state.samples[index] if index < len(self.state.samples) else ""
            events.append(BatchEnd(epoch, steps, steps, epoch * steps, float(row.get("train_loss", nan))))
            events.append(TextgenEpochEnd(
                epoch, self.config.epochs, float(row.get("train_loss", nan)), float(row.get("val_loss", nan)),
                float(row.get("val_perplexity", nan)), sample, float(row.get("learning_rate", nan)),
                float(row.get("samples_per_second", nan)), float(row.get("seconds", nan)), epoch == self.state.best_epoch,
                self.prompt, float(row.get("unigram_perplexity", nan))))
        return tuple(events)

    # ----- the loop -----------------------------------------------------------------------
    def run(self) -> tuple[str, str]:
        """Train until the configured epochs, early stopping or a stop request. Returns (status, reason)."""
        report_every = max(1, self.steps_per_epoch // 50)
        while self.state.epoch < self.config.epochs:
            epoch = self.state.epoch + 1
            seed = epoch_seed(self.config.seed, epoch)
            torch.manual_seed(rank_seed(seed, self.ranks))  # each process its own dropout
            starts = self.ranks.shard(self.epoch_windows(seed))
            self.model.train()
            started = time.perf_counter()
            total = torch.zeros((), device=self.device)
            window = torch.zeros((), device=self.device)
            window_steps = 0
            for step in range(1, self.steps_per_epoch + 1):
                if self.control.stop_requested:
                    return self._stopped_mid_epoch()
                self.control.wait_if_paused(lambda: self.emit(Paused(epoch, step)))
                if self.control.stop_requested:
                    return self._stopped_mid_epoch()
                loss = self.train_step(starts[(step - 1) * self.batch_size : step * self.batch_size])
                total += loss
                window += loss
                window_steps += 1
                if window_steps == report_every or step == self.steps_per_epoch:
                    mean = float(sum_over_ranks(window, self.ranks)) / (window_steps * self.ranks.world)
                    if not math.isfinite(mean):
                        raise TrainingError(Sentence("Training broke down: the loss became infinite or not a number. "
                                                     "Lower the learning rate (for example divide it by 10) and start "
                                                     "again."))
                    self.emit(BatchEnd(epoch, step, self.steps_per_epoch, (epoch - 1) * self.steps_per_epoch + step, mean))
                    window.zero_()
                    window_steps = 0
            characters = self.per_rank * self.ranks.world * self.seq_length
            train_loss = float(sum_over_ranks(total, self.ranks)) / (self.steps_per_epoch * self.ranks.world)
            self._end_epoch(epoch, train_loss, characters / max(time.perf_counter() - started, 1e-9), started)
            if self.control.stop_requested:
                return "stopped", Sentence("Stopped by the user.")
            if self.config.patience and self.state.epochs_without_improvement >= self.config.patience:
                return "stopped", Sentence("Stopped early: the validation loss did not improve for {count} epochs.",
                                            count=self.config.patience)
        return "finished", Sentence("Finished all {count} epochs.", count=self.config.epochs)

    def _end_epoch(self, epoch: int, train_loss: float, samples_per_second: float, started: float) -> None:
        state = self.state
        scores = self.evaluate()
        is_best = scores.val_loss < state.best_val_loss
        if is_best:
            state.best_epoch, state.best_val_loss, state.epochs_without_improvement = epoch, scores.val_loss, 0
        else:
            state.epochs_without_improvement += 1
        state.epoch = epoch
        # every process scores (early stopping must agree); rank 0 alone writes, saves and reports
        sample = self.write(self.prompt) if self.ranks.is_main else ""
        state.samples.append(sample)
        seconds = time.perf_counter() - started
        lr = float(self.optimizer.param_groups[0]["lr"])
        state.history.append(dict(epoch=epoch, train_loss=round(train_loss, 6), val_loss=round(scores.val_loss, 6),
                                  val_perplexity=round(scores.perplexity, 4),
                                  unigram_perplexity=round(self.baseline, 4), learning_rate=lr,
                                  samples_per_second=round(samples_per_second, 1), seconds=round(seconds, 3)))
        self.save("last.pt")
        if is_best:
            self.save("best.pt")
        self.emit(TextgenEpochEnd(epoch, self.config.epochs, train_loss, scores.val_loss, scores.perplexity, sample, lr,
                                  samples_per_second, seconds, is_best, self.prompt, self.baseline))

    def _stopped_mid_epoch(self) -> tuple[str, str]:
        if self.state.epoch == 0:
            self.save("last.pt")
        return "stopped", Sentence("Stopped by the user.")

    def save(self, name: str) -> None:
        """Write a checkpoint of the current state to `run_dir/checkpoints/name` (the main process only)."""
        if not self.ranks.is_main:
            return
        state = self.state
        save_checkpoint(self.run_dir / "checkpoints" / name, {
            **self.checkpoint_extra,
            "model": {k: v.detach().cpu() for k, v in self.model.state_dict().items()},
            "optimizer": self.optimizer.state_dict(),
            "scheduler": self.scheduler.state_dict(),
            "epoch": state.epoch,
            "history": state.history,
            "config": self.config.to_dict(),
            "loop": dict(best_epoch=state.best_epoch, best_val_loss=state.best_val_loss,
                         epochs_without_improvement=state.epochs_without_improvement, samples=state.samples),
        })
