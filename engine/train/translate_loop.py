"""The translation training loop: teacher forcing with label smoothing, a warm-up schedule,
checked every batch against a control object; every epoch the validation set is translated
greedily and scored (BLEU, chrF, exact match) and a few fixed sentences are shown.

Like the classifier loop, each epoch reseeds from (seed, epoch), so a run resumed from an
end-of-epoch checkpoint continues as the uninterrupted one would have.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import torch
from torch import nn
from torch.nn import functional as F

from engine.errors import TrainingError
from engine.sentences import Sentence
from engine.text.tokenizers import PAD, Tokenizer
from engine.train.checkpoint import save_checkpoint
from engine.train.config import TrainConfig
from engine.train.control import TrainingControl
from engine.train.distributed import Ranks, data_parallel, rank_seed, sum_over_ranks
from engine.train.events import BatchEnd, Paused, TranslateEpochEnd
from engine.train.loop import epoch_seed, fast_forward, make_optimizer, make_scheduler
from engine.train.sequences import EncodedPairs, greedy_translate

Emit = Callable[[Any], None]

SAMPLE_SENTENCES = 5  # validation sentences translated for people to read each epoch
DECODE_BATCH = 256
GRADIENT_CLIP = 1.0


@dataclass
class TranslationScores:
    """How well the validation set is translated."""

    val_loss: float
    token_accuracy: float
    bleu: float
    chrf: float
    exact_match: float
    translations: list[str]


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[float, float, float]:
    """(BLEU, chrF, exact match): sacrebleu's corpus BLEU and chrF (0..100), and the share of
    hypotheses identical to their reference (0..1)."""
    import sacrebleu

    if not hypotheses:
        return 0.0, 0.0, 0.0
    bleu = sacrebleu.corpus_bleu(list(hypotheses), [list(references)]).score
    chrf = sacrebleu.corpus_chrf(list(hypotheses), [list(references)]).score
    exact = sum(h.strip() == r.strip() for h, r in zip(hypotheses, references)) / len(hypotheses)
    return float(bleu), float(chrf), float(exact)


@dataclass
class TranslateLoopState:
    """What carries over between epochs and across a resume."""

    epoch: int = 0  # completed epochs
    history: list[dict[str, Any]] = field(default_factory=list)
    best_epoch: int = 0
    best_score: float = -1.0


class TranslateTrainer:
    """Trains a translator on encoded pairs. Hooks: `train_step`, `evaluate`, `translate`."""

    def __init__(self, model: nn.Module, train: EncodedPairs, val: EncodedPairs, val_pairs: Sequence[tuple[str, str]],
                 target_tokenizer: Tokenizer, config: TrainConfig, device: torch.device, run_dir: Path,
                 checkpoint_extra: dict[str, Any], exact_match: bool, emit: Emit | None = None,
                 control: TrainingControl | None = None, ranks: Ranks | None = None) -> None:
        self.model = model.to(device)
        self.ranks = ranks or Ranks()
        self.net = data_parallel(self.model, self.ranks)  # what training steps go through; see ClassifierTrainer
        self.train_data, self.val_data, self.val_pairs = train, val, list(val_pairs)
        self.target_tokenizer = target_tokenizer
        self.config, self.device, self.run_dir = config, device, run_dir
        self.checkpoint_extra = checkpoint_extra
        self.exact_match = exact_match
        self.emit = emit or (lambda event: None)
        self.control = control or TrainingControl()
        self.per_rank = len(self.ranks.shard(torch.arange(len(train))))  # pairs each process trains on an epoch
        self.batch_size = min(config.batch_size, self.per_rank)
        self.steps_per_epoch = max(1, math.ceil(self.per_rank / self.batch_size))
        self.optimizer = make_optimizer(model, config)
        self.scheduler = make_scheduler(self.optimizer, config, config.epochs * self.steps_per_epoch)
        self.state = TranslateLoopState()
        self.amp_dtype = torch.bfloat16 if device.type == "cuda" and config.mixed_precision and torch.cuda.is_bf16_supported() else None

    # ----- resume -------------------------------------------------------------------------
    def load_state(self, checkpoint: dict[str, Any]) -> None:
        """Continue from a checkpoint: weights, optimizer, schedule position and history."""
        self.model.load_state_dict(checkpoint["model"])
        self.optimizer.load_state_dict(checkpoint["optimizer"])
        loop = checkpoint.get("loop", {})
        self.state = TranslateLoopState(int(checkpoint["epoch"]), list(checkpoint.get("history", [])),
                                        int(loop.get("best_epoch", 0)), float(loop.get("best_score", -1.0)))
        if "scheduler" in checkpoint and checkpoint["config"].get("epochs") == self.config.epochs:
            self.scheduler.load_state_dict(checkpoint["scheduler"])
        else:  # more epochs than planned: a fresh schedule over the new length, advanced to here
            fast_forward(self.scheduler, self.state.epoch * self.steps_per_epoch)

    # ----- hooks --------------------------------------------------------------------------
    def _autocast(self):
        if self.amp_dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=self.amp_dtype)

    def loss(self, source: torch.Tensor, target: torch.Tensor,
             net: nn.Module | None = None) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """(mean loss, right tokens, counted tokens) under teacher forcing, through `net`
        (the plain model unless given)."""
        with self._autocast():
            logits = (net or self.model)(source, target[:, :-1])
        expected = target[:, 1:]
        loss = F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), expected.reshape(-1), ignore_index=PAD,
                               label_smoothing=float(self.config.label_smoothing or 0.0))
        counted = expected != PAD
        right = ((logits.argmax(dim=-1) == expected) & counted).sum()
        return loss, right, counted.sum()

    def train_step(self, source: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        """One optimizer step; returns the batch loss as a device tensor."""
        loss, _, _ = self.loss(source, target, self.net)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(self.model.parameters(), GRADIENT_CLIP)
        self.optimizer.step()
        self.scheduler.step()
        return loss.detach()

    def translate(self, source: torch.Tensor) -> list[str]:
        """Greedy translations of a padded source batch, as text."""
        out: list[str] = []
        for start in range(0, source.shape[0], DECODE_BATCH):
            chunk = source[start : start + DECODE_BATCH]
            chunk = chunk[:, : max(1, int((chunk != PAD).sum(dim=1).max()))]
            with self._autocast():
                out.extend(self.target_tokenizer.decode(ids) for ids in greedy_translate(self.model, chunk))
        return out

    @torch.no_grad()
    def evaluate(self) -> TranslationScores:
        """Validation loss and token accuracy (teacher forcing), then BLEU, chrF and exact match
        of greedy translations."""
        was_training = self.model.training
        self.model.eval()
        total_loss, right, counted = 0.0, 0, 0
        try:
            for start in range(0, len(self.val_data), DECODE_BATCH):
                index = torch.arange(start, min(start + DECODE_BATCH, len(self.val_data)))
                source, target = self.val_data.batch(index)
                loss, r, c = self.loss(source, target)
                total_loss += float(loss) * int(c)
                right += int(r)
                counted += int(c)
        finally:
            self.model.train(was_training)
        translations = self.translate(self.val_data.source)
        bleu, chrf, exact = corpus_scores(translations, [t for _, t in self.val_pairs])
        return TranslationScores(total_loss / max(1, counted), right / max(1, counted), bleu, chrf, exact, translations)

    def replay_events(self) -> tuple:
        """The epochs already trained (after a resume) as events that redraw them: for each, a
        batch report carrying the epoch's mean training loss, then its end-of-epoch report
        (without sample translations, which are not kept)."""
        events: list = []
        steps = self.steps_per_epoch
        for row in self.state.history:
            epoch, nan = int(row["epoch"]), float("nan")
            events.append(BatchEnd(epoch, steps, steps, epoch * steps, float(row.get("train_loss", nan))))
            exact = row.get("exact_match")
            events.append(TranslateEpochEnd(
                epoch, self.config.epochs, float(row.get("train_loss", nan)), float(row.get("val_loss", nan)),
                float(row.get("token_accuracy", nan)), float(row.get("bleu", nan)), float(row.get("chrf", nan)),
                None if exact is None else float(exact), (), float(row.get("learning_rate", nan)),
                float(row.get("samples_per_second", nan)), float(row.get("seconds", nan)), epoch == self.state.best_epoch))
        return tuple(events)

    # ----- the loop -----------------------------------------------------------------------
    def run(self) -> tuple[str, str]:
        """Train until the configured epochs or a stop request. Returns (status, reason)."""
        report_every = max(1, self.steps_per_epoch // 50)
        while self.state.epoch < self.config.epochs:
            epoch = self.state.epoch + 1
            seed = epoch_seed(self.config.seed, epoch)
            torch.manual_seed(rank_seed(seed, self.ranks))
            order = self.ranks.shard(torch.randperm(len(self.train_data), generator=torch.Generator().manual_seed(seed)))  # stays on the CPU: see EncodedPairs.batch
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
                source, target = self.train_data.batch(order[(step - 1) * self.batch_size : step * self.batch_size])
                loss = self.train_step(source, target)
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
            train_seconds = time.perf_counter() - started
            train_loss = float(sum_over_ranks(total, self.ranks)) / (self.steps_per_epoch * self.ranks.world)
            self._end_epoch(epoch, train_loss, self.per_rank * self.ranks.world / max(train_seconds, 1e-9), started)
            if self.control.stop_requested:
                return "stopped", Sentence("Stopped by the user.")
        return "finished", Sentence("Finished all {count} epochs.", count=self.config.epochs)

    def _end_epoch(self, epoch: int, train_loss: float, samples_per_second: float, started: float) -> None:
        state = self.state
        if not self.ranks.is_main:  # rank 0 translates the validation set, saves and reports for everyone
            state.epoch = epoch
            return
        scores = self.evaluate()
        score = scores.exact_match if self.exact_match else scores.bleu / 100
        score += 1e-6 * scores.chrf  # ties (common at 100% exact match) go to the better chrF, then the earlier epoch
        is_best = score > state.best_score
        if is_best:
            state.best_epoch, state.best_score = epoch, score
        state.epoch = epoch
        seconds = time.perf_counter() - started
        lr = float(self.optimizer.param_groups[0]["lr"])
        record = dict(epoch=epoch, train_loss=round(train_loss, 6), val_loss=round(scores.val_loss, 6),
                      token_accuracy=round(scores.token_accuracy, 6), bleu=round(scores.bleu, 4),
                      chrf=round(scores.chrf, 4), learning_rate=lr, samples_per_second=round(samples_per_second, 1),
                      seconds=round(seconds, 3))
        if self.exact_match:
            record["exact_match"] = round(scores.exact_match, 6)
        state.history.append(record)
        self.save("last.pt")
        if is_best:
            self.save("best.pt")
        samples = tuple((s, t, h) for (s, t), h in zip(self.val_pairs[:SAMPLE_SENTENCES], scores.translations))
        self.emit(TranslateEpochEnd(epoch, self.config.epochs, train_loss, scores.val_loss, scores.token_accuracy,
                                    scores.bleu, scores.chrf, scores.exact_match if self.exact_match else None,
                                    samples, lr, samples_per_second, seconds, is_best))

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
            "loop": dict(best_epoch=state.best_epoch, best_score=state.best_score),
        })
