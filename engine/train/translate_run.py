"""One translation training run from start to finish: sentence pairs, tokenisers, run folder,
loop, a final score on the held-out test pairs, and export of the translator.

Like `train_classifier`, it takes plain arguments, reports through `emit(event)`, obeys
`control`, and returns a result; the run's status in the index always ends as finished, stopped
or failed.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

import torch

from engine import __version__
from engine.atomic import copy_atomic, write_text_atomic
from engine.data.registry import LoadOptions, load_dataset
from engine.data.text import Pair, ParallelData
from engine.errors import ConfigError, DataError
from engine.export.metadata import TranslatorMetadata
from engine.export.onnx_export import ExportReport, export_translator
from engine.models.registry import build_model, count_parameters, get_model_info
from engine.models.translators import SequenceShape
from engine.paths import runs_dir as default_runs_dir
from engine.runs.store import RunStore, write_metrics_csv
from engine.sentences import Sentence
from engine.text.tokenizers import tokenizer_from_dict, train_tokenizer
from engine.train.checkpoint import load_checkpoint
from engine.train.config import TrainConfig, resolve_defaults
from engine.train.control import TrainingControl
from engine.train.device import choose_device, describe_device, describe_devices
from engine.train.distributed import Ranks, device_for, from_main, main_first, ranks_from_environment, train_share
from engine.train.distributed import finish as finish_processes
from engine.train.distributed import start as start_processes
from engine.train.events import Status, TrainingFinished, TrainingStarted, TranslateEpochEnd
from engine.train.run import open_run
from engine.train.outcome import failure_reason, run_trainer
from engine.train.sequences import encode_pairs
from engine.train.translate_loop import TranslateTrainer, corpus_scores

log = logging.getLogger(__name__)

TRANSLATOR_FILE = "translator.onnx"
MAX_VAL_PAIRS = 1_000  # translated every epoch, so kept small
PARITY_SENTENCES = 32


@dataclass
class TranslateResult:
    """The outcome of a translation run. Scores are the best epoch's on the validation pairs;
    `test_*` score it on the held-out test pairs (None when the data has none)."""

    status: str
    reason: str
    run_id: str
    run_dir: Path
    epochs_done: int
    best_epoch: int
    bleu: float
    chrf: float
    exact_match: float | None
    token_accuracy: float
    test_bleu: float | None
    test_chrf: float | None
    test_exact_match: float | None
    test_size: int
    seconds: float
    device: str
    config: TrainConfig
    history: list[dict[str, Any]]
    export: ExportReport | None
    samples: list[tuple[str, str, str]]  # (source, reference, translation) by the best model
    task: str = "translate"


def split_validation(data: ParallelData, share: float, seed: int) -> tuple[list[Pair], list[Pair]]:
    """(train, val): the data's own split, or `share` of train (at most MAX_VAL_PAIRS) held out."""
    if data.val:
        return list(data.train), list(data.val[:MAX_VAL_PAIRS])
    pairs = list(data.train)
    if len(pairs) < 10:
        raise DataError(Sentence("A translator needs at least 10 sentence pairs to learn from; '{name}' has {count}.",
                                  name=data.name, count=len(pairs)))
    order = torch.randperm(len(pairs), generator=torch.Generator().manual_seed(seed)).tolist()
    count = max(1, min(MAX_VAL_PAIRS, round(share * len(pairs))))
    return [pairs[i] for i in order[count:]], [pairs[i] for i in order[:count]]


def train_translator(
    config: TrainConfig,
    *,
    runs_dir: str | Path | None = None,
    emit: Callable[[Any], None] | None = None,
    control: TrainingControl | None = None,
    resume_from: str | Path | None = None,
    export_to: str | Path | None = None,
    export: bool = True,
    data: ParallelData | None = None,
    load_options: LoadOptions | None = None,
) -> TranslateResult:
    """Train a translator as `config` says and return what happened.

    The best epoch (by exact match where one right answer exists, else BLEU) is scored on the
    test pairs and, when `export` is true, written to the run folder as `translator.onnx` (and
    copied to `export_to`). Raises ModelDeskError subclasses with a plain sentence for problems
    the user can fix.
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
    if info.task != "translate":
        raise ConfigError(Sentence("'{name}' is not a translator. Choose transformer-small or gru-attention for this task.",
                                   name=config.model))
    ranks = ranks_from_environment()
    device = device_for(ranks, choose_device(config.device))
    start_processes(ranks, device)
    try:
        return _train(config, checkpoint, ranks, device, runs_dir, emit if ranks.is_main else (lambda event: None),
                      control, resume_from, export_to, export, data, load_options)
    finally:
        finish_processes(ranks)


def _train(config: TrainConfig, checkpoint: dict | None, ranks: Ranks, device: torch.device, runs_dir, emit, control,
           resume_from: Path | None, export_to, export: bool, data: ParallelData | None,
           load_options: LoadOptions | None) -> TranslateResult:
    if data is None:
        options = replace(load_options or LoadOptions(), **{k: v for k, v in (config.text_options or {}).items() if v})
        data = main_first(ranks, lambda: load_dataset(config.dataset, options))
    if not isinstance(data, ParallelData):
        raise ConfigError(Sentence("The dataset '{dataset}' holds pictures, not sentence pairs; choose numbers:en-fr or "
                                   "tsv:PATH.", dataset=config.dataset))
    train_pairs, val_pairs = split_validation(data, config.val_split, config.seed)
    if checkpoint is not None:
        source_tokenizer = tokenizer_from_dict(checkpoint["source_tokenizer"])
        target_tokenizer = tokenizer_from_dict(checkpoint["target_tokenizer"])
    else:
        emit(Status(Sentence("Learning the vocabularies ({tokenizer}) from {count:,} sentence pairs…",
                             tokenizer=config.tokenizer, count=len(train_pairs))))
        source_dict, target_dict = from_main(ranks, lambda: (  # every process must share one vocabulary
            train_tokenizer(config.tokenizer, [s for s, _ in train_pairs]).to_dict(),
            train_tokenizer(config.tokenizer, [t for _, t in train_pairs]).to_dict()))
        source_tokenizer, target_tokenizer = tokenizer_from_dict(source_dict), tokenizer_from_dict(target_dict)
    train_set = encode_pairs(train_pairs, source_tokenizer, target_tokenizer, device)
    val_set = encode_pairs(val_pairs, source_tokenizer, target_tokenizer, device)
    shape = SequenceShape(source_tokenizer.vocab_size, target_tokenizer.vocab_size)
    torch.manual_seed(config.seed)
    model = build_model(config.model, shape)
    if not ranks.is_main:
        return _train_helper_rank(model, train_set, val_set, val_pairs, target_tokenizer, config, device, checkpoint,
                                  control, ranks)
    store = RunStore(runs_dir or default_runs_dir())
    record = open_run(store, config, resume_from)
    run_dir = record.folder
    trainer = TranslateTrainer(
        model, train_set, val_set, val_pairs, target_tokenizer, config, device, run_dir,
        checkpoint_extra=dict(task="translate", shape=vars(shape), source_tokenizer=source_tokenizer.to_dict(),
                              target_tokenizer=target_tokenizer.to_dict(), source_language=data.source_language,
                              target_language=data.target_language, app_version=__version__),
        exact_match=data.exact_match, emit=lambda event: _on_event(event, trainer, store, record.id, run_dir, emit),
        control=control, ranks=ranks)
    if checkpoint is not None:
        trainer.load_state(checkpoint)
    started = time.perf_counter()
    previous_seconds = record.seconds if resume_from is not None else 0.0
    emit(TrainingStarted(str(run_dir), describe_devices(device, ranks.world),
                         config.model, count_parameters(model), len(train_set),
                         len(val_set), config.epochs, trainer.steps_per_epoch, trainer.state.epoch + 1,
                         items=Sentence("sentence pairs"), earlier=trainer.replay_events()))
    try:
        status, reason = run_trainer(trainer, stopped_already=control.stop_requested)
        result = _finish(trainer, data, source_tokenizer, target_tokenizer, record.id, run_dir, status, reason, device,
                         export, export_to, time.perf_counter() - started + previous_seconds, store, emit)
    except BaseException as exc:
        failed_reason = failure_reason(exc)
        store.update(record.id, status="failed", seconds=time.perf_counter() - started + previous_seconds,
                     epochs_done=trainer.state.epoch)
        emit(TrainingFinished("failed", failed_reason, trainer.state.epoch, trainer.state.best_epoch, 0.0, 0.0,
                              time.perf_counter() - started, str(run_dir), extra={"task": "translate"}))
        raise
    emit(TrainingFinished(result.status, result.reason, result.epochs_done, result.best_epoch,
                          result.exact_match if result.exact_match is not None else result.bleu / 100, 0.0,
                          result.seconds, str(run_dir),
                          extra={"task": "translate", "bleu": result.bleu, "chrf": result.chrf,
                                 "exact_match": result.exact_match, "test_bleu": result.test_bleu,
                                 "test_exact_match": result.test_exact_match, "test_size": result.test_size,
                                 "onnx": str(result.export.path) if result.export else None}))
    return result


def _train_helper_rank(model, train_set, val_set, val_pairs, target_tokenizer, config: TrainConfig, device: torch.device,
                       checkpoint: dict | None, control: TrainingControl, ranks: Ranks) -> TranslateResult:
    """What a process other than rank 0 does: train its share, write nothing, report nothing."""
    trainer, status, reason, seconds = train_share(
        lambda scratch: TranslateTrainer(model, train_set, val_set, val_pairs, target_tokenizer, config, device, scratch,
                                         {}, exact_match=False, control=control, ranks=ranks), checkpoint)
    state = trainer.state
    return TranslateResult(status, reason, "", Path(), state.epoch, state.best_epoch, 0.0, 0.0, None, 0.0, None, None,
                           None, 0, seconds, describe_device(device), config, list(state.history),
                           None, [])


def _on_event(event, trainer: TranslateTrainer, store: RunStore, run_id: str, run_dir: Path, emit) -> None:
    if isinstance(event, TranslateEpochEnd):
        write_metrics_csv(run_dir / "metrics.csv", trainer.state.history)
        best = next((h for h in trainer.state.history if h["epoch"] == trainer.state.best_epoch), {})
        store.update(run_id, epochs_done=trainer.state.epoch, best_epoch=trainer.state.best_epoch,
                     best_val_accuracy=best.get("exact_match", best.get("bleu", 0.0) / 100),
                     best_val_loss=best.get("val_loss"))
    emit(event)


def _finish(trainer: TranslateTrainer, data: ParallelData, source_tokenizer, target_tokenizer, run_id: str,
            run_dir: Path, status: str, reason: str, device: torch.device, export: bool, export_to, seconds: float,
            store: RunStore, emit) -> TranslateResult:
    """Load the best epoch's weights, score the test pairs, export, write the summary, update the index."""
    state = trainer.state
    best_path = run_dir / "checkpoints" / "best.pt"
    if best_path.exists():
        trainer.model.load_state_dict(load_checkpoint(best_path)["model"])
    best = next((h for h in state.history if h["epoch"] == state.best_epoch), {})
    test_bleu = test_chrf = test_exact = None
    if data.test and state.epoch > 0:
        emit(Status(Sentence("Translating the {count:,} held-out test sentences…", count=len(data.test))))
        test_set = encode_pairs(data.test, source_tokenizer, target_tokenizer, device)
        hypotheses = trainer.translate(test_set.source)
        test_bleu, test_chrf, test_exact = corpus_scores(hypotheses, [t for _, t in data.test])
    samples: list[tuple[str, str, str]] = []
    if state.epoch > 0:
        shown = trainer.val_pairs[:5]
        shown_set = encode_pairs(shown, source_tokenizer, target_tokenizer, device)
        samples = [(s, t, h) for (s, t), h in zip(shown, trainer.translate(shown_set.source))]
    exact = best.get("exact_match") if data.exact_match else None
    report = None
    if export and state.epoch > 0:
        emit(Status(Sentence("Exporting the translator to ONNX and checking it against PyTorch…")))
        metrics = {"bleu": best.get("bleu", 0.0), "chrf": best.get("chrf", 0.0), "epochs": state.epoch}
        if exact is not None:
            metrics["exact_match"] = exact
        if test_exact is not None:
            metrics["test_exact_match"] = round(test_exact, 6)
        metadata = TranslatorMetadata(
            source_tokenizer=source_tokenizer.to_dict(), target_tokenizer=target_tokenizer.to_dict(),
            source_language=data.source_language, target_language=data.target_language, model_name=trainer.config.model,
            dataset=trainer.config.dataset, metrics=metrics, examples=[[s, h] for s, _, h in samples[:3]],
            app_version=__version__)
        parity = encode_pairs(trainer.val_pairs[:PARITY_SENTENCES], source_tokenizer, target_tokenizer, torch.device("cpu"))
        report = export_translator(trainer.model, metadata, run_dir / TRANSLATOR_FILE, [parity.source])
        trainer.model.to(device)
        if export_to is not None:
            copy_atomic(report.path, export_to)
            report = replace(report, path=Path(export_to))
    summary = dict(task="translate", status=status, reason=reason, epochs_done=state.epoch, best_epoch=state.best_epoch,
                   bleu=best.get("bleu", 0.0), chrf=best.get("chrf", 0.0), exact_match=exact,
                   token_accuracy=best.get("token_accuracy", 0.0), test_bleu=test_bleu, test_chrf=test_chrf,
                   test_exact_match=test_exact, test_size=len(data.test), seconds=round(seconds, 3),
                   onnx=str(report.path) if report else None, parity_max_abs_diff=report.max_abs_diff if report else None)
    write_text_atomic(run_dir / "summary.json", json.dumps(summary, indent=2))
    store.update(run_id, status=status, seconds=seconds, epochs_done=state.epoch, onnx=str(report.path) if report else None)
    return TranslateResult(status, reason, run_id, run_dir, state.epoch, state.best_epoch, float(best.get("bleu", 0.0)),
                           float(best.get("chrf", 0.0)), exact, float(best.get("token_accuracy", 0.0)), test_bleu,
                           test_chrf, test_exact, len(data.test), seconds, describe_device(device), trainer.config,
                           list(state.history), report, samples)
