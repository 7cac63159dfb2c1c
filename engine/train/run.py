"""One training run from start to finish: data, model, run folder, loop, evaluation, export.

This is what the command line and the desktop worker call. It takes plain arguments, reports
through `emit(event)`, obeys `control`, and returns a `TrainResult`. The run's status in the
index always ends as finished, stopped or failed, whatever happens.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import torch

from engine import __version__
from engine.atomic import copy_atomic, write_text_atomic
from engine.data.base import ImageData
from engine.data.registry import LoadOptions, load_dataset
from engine.errors import ConfigError
from engine.export.metadata import ClassifierMetadata
from engine.export.onnx_export import ExportReport, export_classifier
from engine.models.registry import InputShape, build_model, count_parameters, get_model_info
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
from engine.train.evaluate import Evaluation
from engine.train.events import EpochEnd, TrainingFinished, TrainingStarted
from engine.train.loop import ClassifierTrainer
from engine.train.outcome import failure_reason, run_trainer
from engine.train.tensors import PreparedData, prepare

log = logging.getLogger(__name__)


@dataclass
class TrainResult:
    """The outcome of a run; `evaluation` is the best model on the validation split."""

    status: str
    reason: str
    run_id: str
    run_dir: Path
    epochs_done: int
    best_epoch: int
    val_accuracy: float
    val_loss: float
    seconds: float
    device: str
    config: TrainConfig
    classes: list[str]
    history: list[dict[str, Any]]
    evaluation: Evaluation | None
    export: ExportReport | None
    prepared: PreparedData | None = field(default=None, repr=False)
    model: torch.nn.Module | None = field(default=None, repr=False)


def classifier_metadata(config: TrainConfig, prepared: PreparedData, shape: InputShape, metrics: dict[str, float]) -> ClassifierMetadata:
    """The ONNX metadata describing a model trained with `config` on `prepared` data."""
    return ClassifierMetadata(
        labels=list(prepared.classes), input_size=(shape.height, shape.width), channels=shape.channels,
        mean=list(prepared.mean), std=list(prepared.std), layout="nchw", model_name=config.model,
        dataset=config.dataset, metrics=metrics, app_version=__version__,
    )


def open_run(store: RunStore, config: TrainConfig, resume_from: Path | None):
    """Continue the run a checkpoint belongs to when it is in this store, else start a new one."""
    if resume_from is not None:
        record = store.find_by_folder(resume_from.resolve().parent.parent)
        if record is not None:
            store.update(record.id, status="running", params=config.to_dict())
            write_text_atomic(record.folder / "config.json", json.dumps(config.to_dict(), indent=2, sort_keys=True))
            return record
    return store.create_run(config.task, config.dataset, config.model, config.to_dict())


def train_classifier(
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
) -> TrainResult:
    """Train a classifier as `config` says and return what happened.

    `resume_from` continues from a checkpoint (settings left unset in `config` come from the
    checkpoint). The best model is evaluated and, when `export` is true, written to the run
    folder as `model.onnx` (and copied to `export_to`). `data` skips loading (already decoded).
    Raises ModelDeskError subclasses with a plain sentence for problems the user can fix.
    """
    emit = emit or (lambda event: None)
    control = control or TrainingControl()
    checkpoint = None
    if resume_from is not None:
        resume_from = Path(resume_from)
        checkpoint = load_checkpoint(resume_from)
        saved = TrainConfig.from_dict(checkpoint["config"])
        explicit = {k: v for k, v in config.to_dict().items() if v is not None and k in ("epochs", "device", "patience")}
        config = replace(saved, **explicit)
    config = resolve_defaults(config)
    if config.task != "classify":
        raise ConfigError(Sentence("The task '{task}' is not available for this command; use --task classify.",
                                   task=config.task))
    get_model_info(config.model)
    ranks = ranks_from_environment()
    device = device_for(ranks, choose_device(config.device))
    start_processes(ranks, device)
    try:
        return _train(config, ranks, device, checkpoint, runs_dir, emit if ranks.is_main else (lambda event: None),
                      control, resume_from, export_to, export, data, load_options)
    finally:
        finish_processes(ranks)


def _train(config: TrainConfig, ranks: Ranks, device: torch.device, checkpoint: dict | None, runs_dir, emit, control,
           resume_from: Path | None, export_to, export: bool, data: ImageData | None,
           load_options: LoadOptions | None) -> TrainResult:
    options = load_options or LoadOptions()
    if config.data_dir and options.data_dir is None:
        options = replace(options, data_dir=Path(config.data_dir))
    if config.image_size and options.image_size is None:
        options = replace(options, image_size=config.image_size)
    if data is None:
        data = main_first(ranks, lambda: load_dataset(config.dataset, options))
    prepared = prepare(data, config.val_split, config.seed, device)
    if checkpoint is not None and list(checkpoint.get("labels", prepared.classes)) != prepared.classes:
        raise ConfigError(Sentence("This checkpoint was trained on different classes than the chosen dataset, so it "
                                   "cannot be resumed here."))
    shape = InputShape(data.channels, *data.image_size, len(prepared.classes))
    torch.manual_seed(config.seed)
    model = build_model(config.model, shape)
    if not ranks.is_main:
        return _train_helper_rank(model, prepared, config, device, checkpoint, control, ranks)
    store = RunStore(runs_dir or default_runs_dir())
    record = open_run(store, config, resume_from)
    run_dir = record.folder
    trainer = ClassifierTrainer(
        model, prepared, config, device, run_dir / "checkpoints",
        checkpoint_extra=dict(labels=prepared.classes, shape=vars(shape), mean=prepared.mean, std=prepared.std,
                              app_version=__version__, processes=ranks.world),
        emit=lambda event: _on_event(event, trainer, store, record.id, run_dir, emit), control=control, ranks=ranks,
    )
    if checkpoint is not None:
        trainer.load_state(checkpoint)
    started = time.perf_counter()
    previous_seconds = record.seconds if resume_from is not None else 0.0
    emit(TrainingStarted(str(run_dir), describe_devices(device, ranks.world),
                         config.model, count_parameters(model), len(prepared.train), len(prepared.val), config.epochs,
                         trainer.steps_per_epoch, trainer.state.epoch + 1, earlier=trainer.replay_events()))
    try:
        status, reason = run_trainer(trainer)
        result = _finish(trainer, record.id, run_dir, status, reason, device, export, export_to, shape,
                         time.perf_counter() - started + previous_seconds, store)
    except BaseException as exc:
        failed_reason = failure_reason(exc)
        store.update(record.id, status="failed", seconds=time.perf_counter() - started + previous_seconds,
                     epochs_done=trainer.state.epoch)
        emit(TrainingFinished("failed", failed_reason, trainer.state.epoch, trainer.state.best_epoch,
                              max(trainer.state.best_val_accuracy, 0.0), trainer.state.best_val_loss,
                              time.perf_counter() - started, str(run_dir)))
        raise
    emit(TrainingFinished(result.status, result.reason, result.epochs_done, result.best_epoch, result.val_accuracy,
                          result.val_loss, result.seconds, str(run_dir),
                          extra={"onnx": str(result.export.path) if result.export else None}))
    return result


def _train_helper_rank(model, prepared: PreparedData, config: TrainConfig, device: torch.device, checkpoint: dict | None,
                       control: TrainingControl, ranks: Ranks) -> TrainResult:
    """What a process other than rank 0 does: train its share, write nothing, report nothing."""
    trainer, status, reason, seconds = train_share(
        lambda scratch: ClassifierTrainer(model, prepared, config, device, scratch, {}, control=control, ranks=ranks), checkpoint)
    state = trainer.state
    return TrainResult(status, reason, "", Path(), state.epoch, state.best_epoch, max(state.best_val_accuracy, 0.0),
                       state.best_val_loss, seconds, describe_device(device), config,
                       prepared.classes, state.history, None, None)


def _on_event(event, trainer: ClassifierTrainer, store: RunStore, run_id: str, run_dir: Path, emit) -> None:
    if isinstance(event, EpochEnd):
        write_metrics_csv(run_dir / "metrics.csv", trainer.state.history)
        state = trainer.state
        store.update(run_id, epochs_done=state.epoch, best_epoch=state.best_epoch,
                     best_val_accuracy=state.best_val_accuracy, best_val_loss=state.best_val_loss)
    emit(event)


def _finish(trainer: ClassifierTrainer, run_id: str, run_dir: Path, status: str, reason: str, device: torch.device,
            export: bool, export_to, shape: InputShape, seconds: float, store: RunStore) -> TrainResult:
    """Evaluate the best model, write the evaluation and summary, export, update the index."""
    best_path = run_dir / "checkpoints" / "best.pt"
    if best_path.exists():
        trainer.model.load_state_dict(load_checkpoint(best_path)["model"])
    evaluation = trainer.validate()
    state = trainer.state
    classes = trainer.data.classes
    write_text_atomic(run_dir / "evaluation.json", json.dumps(
        {"classes": classes, "val_source": trainer.data.val_source, **evaluation.to_dict()}))
    report = None
    if export and state.epoch > 0:
        metrics = {"val_accuracy": round(evaluation.accuracy, 6), "val_loss": round(evaluation.loss, 6), "epochs": state.epoch}
        metadata = classifier_metadata(trainer.config, trainer.data, shape, metrics)
        report = export_classifier(trainer.model, metadata, run_dir / "model.onnx", seed=trainer.config.seed)
        trainer.model.to(device)
        if export_to is not None:
            copy_atomic(report.path, export_to)
            report = replace(report, path=Path(export_to))
    best_accuracy = evaluation.accuracy if state.epoch > 0 else 0.0
    summary = dict(status=status, reason=reason, epochs_done=state.epoch, best_epoch=state.best_epoch,
                   val_accuracy=best_accuracy, val_loss=evaluation.loss, seconds=round(seconds, 3),
                   onnx=str(report.path) if report else None, parity_max_abs_diff=report.max_abs_diff if report else None)
    write_text_atomic(run_dir / "summary.json", json.dumps(summary, indent=2))
    store.update(run_id, status=status, seconds=seconds, epochs_done=state.epoch,
                 onnx=str(report.path) if report else None)
    return TrainResult(status, reason, run_id, run_dir, state.epoch, state.best_epoch, best_accuracy, evaluation.loss,
                       seconds, describe_device(device), trainer.config, list(classes), list(state.history),
                       evaluation, report, trainer.data, trainer.model)
