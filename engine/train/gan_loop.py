"""The GAN training loop: a discriminator step and a generator step per batch, checked every
batch against a control object, scored and checkpointed every epoch.

Losses are the standard non-saturating ones with one-sided label smoothing (real pictures are
labelled 0.9, generated ones 0). A fixed noise batch makes the sample grids of different epochs
comparable; each epoch is reseeded from (seed, epoch) like the classifier loop, so a resumed run
continues as the uninterrupted one would have.
"""

from __future__ import annotations

import contextlib
import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from engine.errors import ModelDeskError, TrainingError
from engine.imaging import image_grid, load_image_array, save_png, to_uint8_images
from engine.sentences import Sentence
from engine.train.checkpoint import save_checkpoint
from engine.train.config import TrainConfig
from engine.train.control import TrainingControl
from engine.train.distributed import Ranks, data_parallel, rank_seed, sum_over_ranks
from engine.train.events import GanBatchEnd, GanEpochEnd, Paused, SamplesReady
from engine.train.gan_quality import ReferenceClassifier, SampleQuality
from engine.train.loop import epoch_seed

Emit = Callable[[Any], None]

REAL_TARGET = 0.9  # one-sided label smoothing
BETAS = (0.5, 0.999)  # Adam's beta1 = 0.5, as in DCGAN
GRID_EVERY_STEPS = 200  # a mid-epoch sample grid at least this often
SCORE_SAMPLES = 1000  # samples the reference classifier judges each epoch
FIXED_NOISE_SEED_OFFSET = 7_919  # the fixed grid noise depends on the run's seed only


def grid_layout(conditional: bool, num_classes: int) -> tuple[int, int]:
    """(number of samples, columns) of the progress grid: 8x8 for unconditional models; for
    conditional ones one column per class (up to 16) and 8 rows."""
    if conditional:
        columns = max(1, min(num_classes, 16))
        return columns * 8, columns
    return 64, 8


@dataclass
class GanLoopState:
    """What carries over between epochs and across a resume."""

    epoch: int = 0  # completed epochs
    history: list[dict[str, Any]] = field(default_factory=list)
    best_epoch: int = 0
    best_score: float = -1.0


def quality_score(quality: SampleQuality) -> float:
    """One number to pick the best epoch by: recognised (or, for conditional models, agreeing)
    share times the share of classes covered."""
    share = quality.agreement if quality.agreement is not None else quality.recognised
    return share * quality.coverage / max(1, quality.num_classes)


class _BothSides(nn.Module):
    """The discriminator's verdicts on real and generated pictures in one call, so that the
    distributed wrapper sees one forward pass per backward pass."""

    def __init__(self, discriminator: nn.Module) -> None:
        super().__init__()
        self.discriminator = discriminator

    def forward(self, real, real_labels, fake, fake_labels):
        return self.discriminator(real, real_labels), self.discriminator(fake, fake_labels)


class GanTrainer:
    """Trains a `GanPair` on images (N, C, H, W) scaled to [-1, 1]. Hooks: `train_step`,
    `score`, `sample_grid`."""

    def __init__(self, pair: nn.Module, images: torch.Tensor, labels: torch.Tensor, classes: list[str],
                 config: TrainConfig, device: torch.device, run_dir: Path, checkpoint_extra: dict[str, Any],
                 reference: ReferenceClassifier | None, emit: Emit | None = None,
                 control: TrainingControl | None = None, ranks: Ranks | None = None) -> None:
        self.pair = pair.to(device)
        self.generator, self.discriminator = pair.generator, pair.discriminator
        self.ranks = ranks or Ranks()
        # Under torchrun the wrappers average gradients over the processes; the generator's
        # own step runs through the plain discriminator, whose gradients are thrown away.
        self.generator_net = data_parallel(self.generator, self.ranks)
        self.discriminator_net = data_parallel(_BothSides(self.discriminator), self.ranks)
        self.images, self.labels, self.classes = images, labels, classes
        self.config, self.device, self.run_dir = config, device, run_dir
        self.checkpoint_extra = checkpoint_extra
        self.reference = reference
        self.emit = emit or (lambda event: None)
        self.control = control or TrainingControl()
        self.conditional = bool(pair.conditional)
        self.per_rank = len(self.ranks.shard(torch.arange(len(images))))  # pictures each process sees an epoch
        self.batch_size = min(config.batch_size, self.per_rank)
        self.steps_per_epoch = max(1, self.per_rank // self.batch_size)  # the last partial batch is dropped
        self.g_optimizer = torch.optim.Adam(self.generator.parameters(), lr=config.lr, betas=BETAS)
        self.d_optimizer = torch.optim.Adam(self.discriminator.parameters(), lr=config.lr, betas=BETAS)
        self.state = GanLoopState()
        fixed = torch.Generator().manual_seed(config.seed + FIXED_NOISE_SEED_OFFSET)
        count, self.grid_columns = grid_layout(self.conditional, len(classes))
        self.fixed_z = torch.randn(count, pair.latent_size, generator=fixed).to(device)
        self.fixed_labels = (torch.arange(count) % len(classes)).to(device)
        self.score_z = torch.randn(SCORE_SAMPLES, pair.latent_size, generator=fixed).to(device)
        self.score_labels = (torch.arange(SCORE_SAMPLES) % len(classes)).to(device)
        self.amp_dtype = None
        if device.type == "cuda" and config.mixed_precision and torch.cuda.is_bf16_supported():
            self.amp_dtype = torch.bfloat16  # bf16 needs no loss scaling, which two optimizers would complicate

    # ----- resume -------------------------------------------------------------------------
    def load_state(self, checkpoint: dict[str, Any]) -> None:
        """Continue from a checkpoint: both networks, both optimizers, and the history."""
        self.pair.load_state_dict(checkpoint["model"])
        self.g_optimizer.load_state_dict(checkpoint["g_optimizer"])
        self.d_optimizer.load_state_dict(checkpoint["d_optimizer"])
        loop = checkpoint.get("loop", {})
        self.state = GanLoopState(int(checkpoint["epoch"]), list(checkpoint.get("history", [])),
                                  int(loop.get("best_epoch", 0)), float(loop.get("best_score", -1.0)))

    # ----- hooks --------------------------------------------------------------------------
    def _autocast(self):
        if self.amp_dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.device.type, dtype=self.amp_dtype)

    def train_step(self, real: torch.Tensor, labels: torch.Tensor | None) -> torch.Tensor:
        """One discriminator step then one generator step; returns device tensor
        [d_loss, g_loss, D(x), D(G(z))]."""
        n = real.shape[0]
        z = torch.randn(n, self.pair.latent_size, device=self.device)
        fake_labels = torch.randint(0, len(self.classes), (n,), device=self.device) if self.conditional else None
        with self._autocast():
            fake = self.generator_net(z, fake_labels)
            real_logits, fake_logits = (logits.float() for logits in
                                        self.discriminator_net(real, labels, fake.detach(), fake_labels))
            d_loss = (F.binary_cross_entropy_with_logits(real_logits, torch.full_like(real_logits, REAL_TARGET))
                      + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))
        self.d_optimizer.zero_grad(set_to_none=True)
        d_loss.backward()
        self.d_optimizer.step()
        with self._autocast():
            judged = self.discriminator(fake, fake_labels).float()
            g_loss = F.binary_cross_entropy_with_logits(judged, torch.ones_like(judged))  # non-saturating
        self.g_optimizer.zero_grad(set_to_none=True)
        g_loss.backward()
        self.g_optimizer.step()
        return torch.stack([d_loss.detach(), g_loss.detach(), torch.sigmoid(real_logits.detach()).mean(),
                            torch.sigmoid(fake_logits.detach()).mean()])

    @torch.no_grad()
    def sample(self, z: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        """Generated images (N, C, H, W) in [-1, 1] from the generator in eval mode, float32."""
        was_training = self.generator.training
        self.generator.eval()
        try:
            chunks = [self.generator(z[i : i + 512], None if labels is None else labels[i : i + 512]).float()
                      for i in range(0, z.shape[0], 512)]
        finally:
            self.generator.train(was_training)
        return torch.cat(chunks)

    def sample_grid(self) -> np.ndarray:
        """The fixed noise batch as one uint8 picture (H, W, C)."""
        images = self.sample(self.fixed_z, self.fixed_labels if self.conditional else None)
        return image_grid(to_uint8_images(images.cpu().numpy()), self.grid_columns)

    def score(self) -> SampleQuality | None:
        """The reference classifier's verdict on SCORE_SAMPLES samples (None without one)."""
        if self.reference is None:
            return None
        labels = self.score_labels if self.conditional else None
        return self.reference.score(self.sample(self.score_z, labels), labels)

    def replay_events(self) -> tuple:
        """The epochs already trained (after a resume) as events that redraw them: for each, a
        batch report carrying the epoch's mean losses, its end-of-epoch report, and its sample
        grid when the picture saved then is still in the run folder."""
        events: list = []
        steps = self.steps_per_epoch
        for row in self.state.history:
            epoch, nan = int(row["epoch"]), float("nan")
            losses = [float(row.get(key, nan)) for key in ("d_loss", "g_loss", "d_real", "d_fake")]
            events.append(GanBatchEnd(epoch, steps, steps, epoch * steps, *losses))
            agreement = row.get("agreement")
            events.append(GanEpochEnd(epoch, self.config.epochs, *losses, float(row.get("recognised", nan)),
                                      int(row.get("coverage", 0)), len(self.classes),
                                      None if agreement is None else float(agreement),
                                      float(row.get("samples_per_second", nan)), float(row.get("seconds", nan)),
                                      epoch == self.state.best_epoch))
            picture = self.run_dir / "samples" / f"epoch_{epoch:04d}.png"
            if picture.exists():
                try:
                    grid = load_image_array(picture, self.images.shape[1])
                except ModelDeskError:
                    continue  # a damaged picture: the curves are still worth showing
                events.append(SamplesReady(epoch, epoch * steps, grid, epoch_end=True))
        return tuple(events)

    # ----- the loop -----------------------------------------------------------------------
    def run(self) -> tuple[str, str]:
        """Train until the configured epochs or a stop request. Returns (status, reason)."""
        report_every = max(1, self.steps_per_epoch // 50)
        while self.state.epoch < self.config.epochs:
            epoch = self.state.epoch + 1
            seed = epoch_seed(self.config.seed, epoch)
            torch.manual_seed(rank_seed(seed, self.ranks))  # each process draws its own noise
            order = self.ranks.shard(torch.randperm(len(self.images), generator=torch.Generator().manual_seed(seed)))
            order = order.to(self.device)
            self.pair.train()
            started = time.perf_counter()
            totals = torch.zeros(4, device=self.device)
            window = torch.zeros(4, device=self.device)
            window_steps = 0
            for step in range(1, self.steps_per_epoch + 1):
                if self.control.stop_requested:
                    return self._stopped_mid_epoch()
                self.control.wait_if_paused(lambda: self.emit(Paused(epoch, step)))
                if self.control.stop_requested:
                    return self._stopped_mid_epoch()
                index = order[(step - 1) * self.batch_size : step * self.batch_size]
                stats = self.train_step(self.images[index], self.labels[index] if self.conditional else None)
                totals += stats
                window += stats
                window_steps += 1
                global_step = (epoch - 1) * self.steps_per_epoch + step
                if window_steps == report_every or step == self.steps_per_epoch:
                    sum_over_ranks(window, self.ranks)
                    d_loss, g_loss, d_real, d_fake = (float(v) / (window_steps * self.ranks.world) for v in window.tolist())
                    if not (math.isfinite(d_loss) and math.isfinite(g_loss)):
                        raise TrainingError(Sentence("Training broke down: a loss became infinite or not a number. "
                                                     "Lower the learning rate (for example divide it by 10) and start "
                                                     "again."))
                    self.emit(GanBatchEnd(epoch, step, self.steps_per_epoch, global_step, d_loss, g_loss, d_real, d_fake))
                    window.zero_()
                    window_steps = 0
                if global_step % GRID_EVERY_STEPS == 0 and step < self.steps_per_epoch and self.ranks.is_main:
                    self.emit(SamplesReady(epoch, global_step, self.sample_grid(), epoch_end=False))
            train_seconds = time.perf_counter() - started
            means = [float(v) / (self.steps_per_epoch * self.ranks.world) for v in sum_over_ranks(totals, self.ranks).tolist()]
            pictures = self.steps_per_epoch * self.batch_size * self.ranks.world
            self._end_epoch(epoch, means, pictures / max(train_seconds, 1e-9), started)
            if self.control.stop_requested:
                return "stopped", Sentence("Stopped by the user.")
        return "finished", Sentence("Finished all {count} epochs.", count=self.config.epochs)

    def _end_epoch(self, epoch: int, means: list[float], samples_per_second: float, started: float) -> None:
        state = self.state
        if not self.ranks.is_main:  # rank 0 scores, saves and reports for everyone
            state.epoch = epoch
            return
        quality = self.score()
        grid = self.sample_grid()
        save_png(grid, self.run_dir / "samples" / f"epoch_{epoch:04d}.png")
        score = quality_score(quality) if quality is not None else float(epoch)  # without a judge: the latest
        is_best = score > state.best_score
        if is_best:
            state.best_epoch, state.best_score = epoch, score
        state.epoch = epoch
        seconds = time.perf_counter() - started
        d_loss, g_loss, d_real, d_fake = means
        record = dict(epoch=epoch, d_loss=round(d_loss, 6), g_loss=round(g_loss, 6), d_real=round(d_real, 6),
                      d_fake=round(d_fake, 6), samples_per_second=round(samples_per_second, 1), seconds=round(seconds, 3))
        if quality is not None:
            record.update(recognised=round(quality.recognised, 6), coverage=quality.coverage)
            if quality.agreement is not None:
                record["agreement"] = round(quality.agreement, 6)
        state.history.append(record)
        self.save("last.pt")
        if is_best:
            self.save("best.pt")
        self.emit(GanEpochEnd(epoch, self.config.epochs, d_loss, g_loss, d_real, d_fake,
                              quality.recognised if quality else float("nan"), quality.coverage if quality else 0,
                              len(self.classes), quality.agreement if quality else None, samples_per_second, seconds,
                              is_best))
        self.emit(SamplesReady(epoch, epoch * self.steps_per_epoch, grid, epoch_end=True))

    def _stopped_mid_epoch(self) -> tuple[str, str]:
        # As in the classifier loop: a partial epoch is dropped, unless it is all there is.
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
            "model": {k: v.detach().cpu() for k, v in self.pair.state_dict().items()},
            "g_optimizer": self.g_optimizer.state_dict(),
            "d_optimizer": self.d_optimizer.state_dict(),
            "epoch": state.epoch,
            "history": state.history,
            "config": self.config.to_dict(),
            "loop": dict(best_epoch=state.best_epoch, best_score=state.best_score),
        })
