"""One GAN training run from start to finish: data, reference classifier, run folder, loop,
export of the generator.

Like `train_classifier`, it takes plain arguments, reports through `emit(event)`, obeys
`control`, and returns a result; the run's status in the index always ends as finished, stopped
or failed.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch

from engine import __version__
from engine.atomic import copy_atomic, write_text_atomic
from engine.data.base import ImageData
from engine.data.registry import LoadOptions, load_dataset
from engine.errors import ConfigError, DataError
from engine.export.metadata import GeneratorMetadata
from engine.export.onnx_export import ExportReport, export_generator
from engine.models.registry import InputShape, build_model, count_parameters, get_model_info
from engine.paths import cache_dir as default_cache_dir
from engine.paths import runs_dir as default_runs_dir
from engine.runs.store import RunStore, write_metrics_csv
from engine.sentences import Sentence
from engine.train.checkpoint import load_checkpoint
from engine.train.config import TrainConfig, resolve_defaults
from engine.train.control import TrainingControl
from engine.train.device import choose_device, describe_device, describe_devices
from engine.train.distributed import Ranks, device_for, main_first, ranks_from_environment, train_share
from engine.train.distributed import finish as finish_processes
from engine.train.distributed import start as start_processes
from engine.train.events import GanEpochEnd, Status, TrainingFinished, TrainingStarted
from engine.train.outcome import failure_reason, run_trainer
from engine.train.gan_loop import GanTrainer
from engine.train.gan_quality import reference_classifier
from engine.train.run import open_run

log = logging.getLogger(__name__)

GENERATOR_FILE = "generator.onnx"


@dataclass
class GanResult:
    """The outcome of a GAN run; the quality figures are those of the best epoch."""

    status: str
    reason: str
    run_id: str
    run_dir: Path
    epochs_done: int
    best_epoch: int
    recognised: float  # share of samples recognised with confidence >= 0.9
    coverage: int  # classes present among them
    num_classes: int
    agreement: float | None  # conditional models: share drawn as the class asked for
    reference_accuracy: float | None
    seconds: float
    device: str
    config: TrainConfig
    classes: list[str]
    history: list[dict[str, Any]]
    export: ExportReport | None
    grid: np.ndarray | None = field(default=None, repr=False)  # the best epoch's sample grid
    task: str = "gan"


def images_for_gan(data: ImageData, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    """All pictures (train and test) as float (N, C, H, W) in [-1, 1] plus labels, on `device`.
    A GAN has nothing to validate, so it learns from every picture there is."""
    images, labels = data.train_images, data.train_labels
    if data.test_images is not None and data.test_labels is not None and len(data.test_labels):
        images = np.concatenate([images, data.test_images])
        labels = np.concatenate([labels, data.test_labels])
    if len(images) < 2:
        raise DataError(Sentence("A GAN needs at least a few dozen pictures to learn from; this dataset has too few."))
    x = torch.from_numpy(np.ascontiguousarray(images)).to(device).permute(0, 3, 1, 2).float().div_(127.5).sub_(1.0)
    return x.contiguous(), torch.from_numpy(labels.astype(np.int64)).to(device)


def generator_metadata(config: TrainConfig, data: ImageData, pair, metrics: dict[str, float]) -> GeneratorMetadata:
    """The ONNX metadata describing a generator trained with `config` on `data`."""
    return GeneratorMetadata(
        latent_size=pair.latent_size, image_size=data.image_size, channels=data.channels, value_range=(-1.0, 1.0),
        classes=list(data.classes), conditional=bool(pair.conditional), model_name=config.model,
        dataset=config.dataset, metrics=metrics, app_version=__version__,
    )


def train_gan(
    config: TrainConfig,
    *,
    runs_dir: str | Path | None = None,
    emit: Callable[[Any], None] | None = None,
    control: TrainingControl | None = None,
    resume_from: str | Path | None = None,
    export_to: str | Path | None = None,
    export: bool = True,
    data: ImageData | None = None,
    load_options: LoadOptions | None = None,
    cache_dir: str | Path | None = None,
    judge: bool = True,
) -> GanResult:
    """Train a GAN as `config` says and return what happened.

    Each epoch a reference classifier (trained once per dataset and cached in `cache_dir`)
    scores the samples unless `judge` is false. The best epoch's generator is written to the
    run folder as `generator.onnx` when `export` is true (and copied to `export_to`).
    Raises ModelDeskError subclasses with a plain sentence for problems the user can fix.
    """
    emit = emit or (lambda event: None)
    control = control or TrainingControl()
    checkpoint = None
    if resume_from is not None:
        resume_from = Path(resume_from)
        checkpoint = load_checkpoint(resume_from)
        saved = TrainConfig.from_dict(checkpoint["config"])
        explicit = {k: v for k, v in config.to_dict().items() if v is not None and k in ("epochs", "device")}
        config = replace(saved, **explicit)
    config = resolve_defaults(config)
    info = get_model_info(config.model)
    if info.task != "gan":
        raise ConfigError(Sentence("'{name}' is not a GAN. Choose dcgan or dcgan-conditional for this task.",
                                   name=config.model))
    ranks = ranks_from_environment()
    device = device_for(ranks, choose_device(config.device))
    start_processes(ranks, device)
    try:
        return _train(config, checkpoint, ranks, device, runs_dir, emit if ranks.is_main else (lambda event: None),
                      control, resume_from, export_to, export, data, load_options, cache_dir, judge)
    finally:
        finish_processes(ranks)


def _train(config: TrainConfig, checkpoint: dict | None, ranks: Ranks, device: torch.device, runs_dir, emit, control,
           resume_from: Path | None, export_to, export: bool, data: ImageData | None, load_options: LoadOptions | None,
           cache_dir, judge: bool) -> GanResult:
    options = load_options or LoadOptions()
    if config.data_dir and options.data_dir is None:
        options = replace(options, data_dir=Path(config.data_dir))
    if config.image_size and options.image_size is None:
        options = replace(options, image_size=config.image_size)
    if data is None:
        data = main_first(ranks, lambda: load_dataset(config.dataset, options))
    if checkpoint is not None and list(checkpoint.get("labels", data.classes)) != list(data.classes):
        raise ConfigError(Sentence("This checkpoint was trained on different classes than the chosen dataset, so it "
                                   "cannot be resumed here."))
    images, labels = images_for_gan(data, device)
    shape = InputShape(data.channels, *data.image_size, len(data.classes))
    torch.manual_seed(config.seed)
    pair = build_model(config.model, shape)
    if not ranks.is_main:
        return _train_helper_rank(pair, images, labels, data, config, device, checkpoint, control, ranks)
    reference = None
    if judge:
        reference = reference_classifier(data, device, Path(cache_dir or default_cache_dir()),
                                         status=lambda message: emit(Status(message)), control=control, seed=config.seed)
    store = RunStore(runs_dir or default_runs_dir())
    record = open_run(store, config, resume_from)
    run_dir = record.folder
    trainer = GanTrainer(pair, images, labels, list(data.classes), config, device, run_dir,
                         checkpoint_extra=dict(labels=list(data.classes), shape=vars(shape), task="gan",
                                               app_version=__version__),
                         reference=reference, emit=lambda event: _on_event(event, trainer, store, record.id, run_dir, emit),
                         control=control, ranks=ranks)
    if checkpoint is not None:
        trainer.load_state(checkpoint)
    started = time.perf_counter()
    previous_seconds = record.seconds if resume_from is not None else 0.0
    emit(TrainingStarted(str(run_dir), describe_devices(device, ranks.world),
                         config.model, count_parameters(pair.generator),
                         len(images), 0, config.epochs, trainer.steps_per_epoch, trainer.state.epoch + 1,
                         earlier=trainer.replay_events()))
    try:
        status, reason = run_trainer(trainer, stopped_already=control.stop_requested)
        result = _finish(trainer, data, record.id, run_dir, status, reason, device, export, export_to,
                         time.perf_counter() - started + previous_seconds, store, reference)
    except BaseException as exc:
        failed_reason = failure_reason(exc)
        store.update(record.id, status="failed", seconds=time.perf_counter() - started + previous_seconds,
                     epochs_done=trainer.state.epoch)
        emit(TrainingFinished("failed", failed_reason, trainer.state.epoch, trainer.state.best_epoch, 0.0, 0.0,
                              time.perf_counter() - started, str(run_dir), extra={"task": "gan"}))
        raise
    emit(TrainingFinished(result.status, result.reason, result.epochs_done, result.best_epoch, result.recognised, 0.0,
                          result.seconds, str(run_dir),
                          extra={"task": "gan", "coverage": result.coverage, "num_classes": result.num_classes,
                                 "agreement": result.agreement,
                                 "onnx": str(result.export.path) if result.export else None}))
    return result


def _train_helper_rank(pair, images: torch.Tensor, labels: torch.Tensor, data: ImageData, config: TrainConfig,
                       device: torch.device, checkpoint: dict | None, control: TrainingControl, ranks: Ranks) -> GanResult:
    """What a process other than rank 0 does: train its share, write nothing, report nothing."""
    trainer, status, reason, seconds = train_share(
        lambda scratch: GanTrainer(pair, images, labels, list(data.classes), config, device, scratch, {}, reference=None,
                                   control=control, ranks=ranks), checkpoint)
    state = trainer.state
    return GanResult(status, reason, "", Path(), state.epoch, state.best_epoch, 0.0, 0, len(data.classes), None, None,
                     seconds, describe_device(device), config, list(data.classes),
                     list(state.history), None)


def _on_event(event, trainer: GanTrainer, store: RunStore, run_id: str, run_dir: Path, emit) -> None:
    if isinstance(event, GanEpochEnd):
        write_metrics_csv(run_dir / "metrics.csv", trainer.state.history)
        best = dict(best_val_accuracy=event.recognised) if event.is_best and event.recognised == event.recognised else {}
        store.update(run_id, epochs_done=trainer.state.epoch, best_epoch=trainer.state.best_epoch, **best)
    emit(event)


def _finish(trainer: GanTrainer, data: ImageData, run_id: str, run_dir: Path, status: str, reason: str,
            device: torch.device, export: bool, export_to, seconds: float, store: RunStore, reference) -> GanResult:
    """Load the best epoch's weights, write the summary, export the generator, update the index."""
    state = trainer.state
    best_path = run_dir / "checkpoints" / "best.pt"
    if best_path.exists():
        trainer.pair.load_state_dict(load_checkpoint(best_path)["model"])
    best = next((h for h in state.history if h["epoch"] == state.best_epoch), {})
    recognised = float(best.get("recognised", 0.0))
    coverage = int(best.get("coverage", 0))
    agreement = best.get("agreement")
    grid = trainer.sample_grid() if state.epoch > 0 else None
    report = None
    if export and state.epoch > 0:
        metrics = {"recognised": round(recognised, 6), "coverage": coverage, "epochs": state.epoch}
        if agreement is not None:
            metrics["agreement"] = round(float(agreement), 6)
        metadata = generator_metadata(trainer.config, data, trainer.pair, metrics)
        report = export_generator(trainer.generator, metadata, run_dir / GENERATOR_FILE, seed=trainer.config.seed)
        trainer.pair.to(device)
        if export_to is not None:
            copy_atomic(report.path, export_to)
            report = replace(report, path=Path(export_to))
    summary = dict(task="gan", status=status, reason=reason, epochs_done=state.epoch, best_epoch=state.best_epoch,
                   recognised=recognised, coverage=coverage, num_classes=len(data.classes), agreement=agreement,
                   reference_accuracy=reference.val_accuracy if reference else None, seconds=round(seconds, 3),
                   onnx=str(report.path) if report else None, parity_max_abs_diff=report.max_abs_diff if report else None)
    write_text_atomic(run_dir / "summary.json", json.dumps(summary, indent=2))
    store.update(run_id, status=status, seconds=seconds, epochs_done=state.epoch,
                 best_val_accuracy=recognised if reference is not None else None,  # nothing judged: no figure, not 0%
                 onnx=str(report.path) if report else None)
    return GanResult(status, reason, run_id, run_dir, state.epoch, state.best_epoch, recognised, coverage,
                     len(data.classes), agreement, reference.val_accuracy if reference else None, seconds,
                     describe_device(device), trainer.config, list(data.classes), list(state.history), report, grid)
