"""One text-generation training run from start to finish: the text, its characters, run folder,
loop, and export of the step model.

Like `train_translator`, it takes plain arguments, reports through `emit(event)`, obeys
`control`, and returns a result; the run's status in the index always ends as finished,
stopped or failed.
"""

from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

import torch

from engine import __version__
from engine.atomic import copy_atomic, write_text_atomic
from engine.data.corpus import MIN_TEXT_CHARS, TextCorpus
from engine.data.registry import LoadOptions, load_dataset
from engine.errors import ConfigError, DataError
from engine.export.metadata import TextgenMetadata
from engine.export.onnx_export import ExportReport, export_text_generator
from engine.models.language import TextShape
from engine.models.registry import build_model, count_parameters, get_model_info, list_models
from engine.paths import runs_dir as default_runs_dir
from engine.runs.store import RunStore, write_metrics_csv
from engine.sentences import Sentence
from engine.text.sampling import prompt_ids
from engine.text.tokenizers import CharTokenizer, tokenizer_from_dict
from engine.train.checkpoint import load_checkpoint
from engine.train.config import TrainConfig, either, resolve_defaults
from engine.train.control import TrainingControl
from engine.train.device import choose_device, describe_device, describe_devices
from engine.train.distributed import Ranks, device_for, main_first, ranks_from_environment, train_share
from engine.train.distributed import finish as finish_processes
from engine.train.distributed import start as start_processes
from engine.train.events import Status, TextgenEpochEnd, TrainingFinished, TrainingStarted
from engine.train.run import open_run
from engine.train.outcome import failure_reason, run_trainer
from engine.train.textgen_loop import SAMPLE_TEMPERATURE, TextgenTrainer, encode_text, unigram_perplexity

log = logging.getLogger(__name__)

TEXTGEN_FILE = "textgen.onnx"
SAMPLES_FILE = "samples.json"  # the paragraph written at the end of every epoch
MAX_CUT_SEARCH = 2_000  # characters looked through for a line break to start the validation text at
MIN_VAL_CHARS = 100
PROMPT_CHARS = 40  # at most this much of the validation text's first line prompts the samples
PARITY_PROMPTS = 3
PARITY_LENGTH = 64


@dataclass
class TextgenResult:
    """The outcome of a text-generation run. Figures are the best epoch's (lowest validation
    loss); `sample` is what that model wrote after `prompt`."""

    status: str
    reason: str
    run_id: str
    run_dir: Path
    epochs_done: int
    best_epoch: int
    val_loss: float  # mean cross-entropy per validation character, in nats
    val_perplexity: float
    unigram_perplexity: float  # the baseline: guessing by the training text's character frequencies
    train_characters: int
    val_characters: int
    seconds: float
    device: str
    config: TrainConfig
    history: list[dict[str, Any]]
    export: ExportReport | None
    prompt: str
    sample: str
    task: str = "textgen"


def split_text(text: str, share: float) -> tuple[str, str]:
    """(train, val): the last `share` of the text held out for validation, starting at a line
    break when one is near, so validation begins with a whole line. DataError when either
    part would be too short to use."""
    if len(text) < MIN_TEXT_CHARS:
        raise DataError(Sentence("A text generator needs at least {limit:,} characters to learn from; "
                                  "this text has {count:,}.", limit=MIN_TEXT_CHARS, count=len(text)))
    cut = len(text) - max(MIN_VAL_CHARS, round(share * len(text)))
    line = text.find("\n", cut, cut + MAX_CUT_SEARCH)
    if line != -1 and len(text) - (line + 1) >= MIN_VAL_CHARS:
        cut = line + 1
    return text[:cut], text[cut:]


def sample_prompt(val_text: str) -> str:
    """The prompt every epoch's sample continues: the start of the validation text's first
    non-blank line, at most PROMPT_CHARS characters, cut after a whole word."""
    line = next((line.strip() for line in val_text.splitlines() if line.strip()), "")
    if len(line) <= PROMPT_CHARS:
        return line
    head = line[:PROMPT_CHARS]
    return head[: head.rfind(" ") + 1] if " " in head else head


def train_textgen(
    config: TrainConfig,
    *,
    runs_dir: str | Path | None = None,
    emit: Callable[[Any], None] | None = None,
    control: TrainingControl | None = None,
    resume_from: str | Path | None = None,
    export_to: str | Path | None = None,
    export: bool = True,
    data: TextCorpus | None = None,
    load_options: LoadOptions | None = None,
) -> TextgenResult:
    """Train a character-level text generator as `config` says and return what happened.

    The last `config.val_split` of the text is held out for validation. The best epoch (lowest
    validation loss) is, when `export` is true, written to the run folder as `textgen.onnx`
    (and copied to `export_to`). Raises ModelDeskError subclasses with a plain sentence for
    problems the user can fix.
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
    info = get_model_info(config.model)
    if info.task != "textgen":
        raise ConfigError(Sentence("'{name}' is not a text generator. Choose {names} for this task.", name=config.model,
                                   names=either(m.name for m in list_models("textgen"))))
    ranks = ranks_from_environment()
    device = device_for(ranks, choose_device(config.device))
    start_processes(ranks, device)
    try:
        return _train(config, checkpoint, ranks, device, runs_dir, emit if ranks.is_main else (lambda event: None),
                      control, resume_from, export_to, export, data, load_options)
    finally:
        finish_processes(ranks)


def _train(config: TrainConfig, checkpoint: dict | None, ranks: Ranks, device: torch.device, runs_dir, emit, control,
           resume_from: Path | None, export_to, export: bool, data: TextCorpus | None,
           load_options: LoadOptions | None) -> TextgenResult:
    if data is None:
        data = main_first(ranks, lambda: load_dataset(config.dataset, load_options or LoadOptions()))
    if not isinstance(data, TextCorpus):
        raise ConfigError(Sentence("The dataset '{dataset}' is not plain text; choose fables or text:PATH.",
                                   dataset=config.dataset))
    train_text, val_text = split_text(data.text, config.val_split)
    if checkpoint is not None:
        tokenizer = tokenizer_from_dict(checkpoint["tokenizer"])
    else:
        tokenizer = CharTokenizer.train([train_text])
    train_ids, val_ids = encode_text(tokenizer, train_text), encode_text(tokenizer, val_text)
    baseline = unigram_perplexity(train_ids, val_ids, tokenizer.vocab_size)
    prompt = sample_prompt(val_text)
    shape = TextShape(tokenizer.vocab_size)
    torch.manual_seed(config.seed)
    model = build_model(config.model, shape)
    if not ranks.is_main:
        return _train_helper_rank(model, train_ids, val_ids, tokenizer, config, device, checkpoint, control, ranks,
                                  len(train_text), len(val_text))
    store = RunStore(runs_dir or default_runs_dir())
    record = open_run(store, config, resume_from)
    run_dir = record.folder
    trainer = TextgenTrainer(
        model, torch.from_numpy(train_ids), torch.from_numpy(val_ids), tokenizer, config, device, run_dir,
        checkpoint_extra=dict(task="textgen", shape=vars(shape), tokenizer=tokenizer.to_dict(), app_version=__version__),
        prompt=prompt, baseline=baseline, emit=lambda event: _on_event(event, trainer, store, record.id, run_dir, emit),
        control=control, ranks=ranks)
    if checkpoint is not None:
        trainer.load_state(checkpoint)
    started = time.perf_counter()
    previous_seconds = record.seconds if resume_from is not None else 0.0
    emit(TrainingStarted(str(run_dir), describe_devices(device, ranks.world),
                         config.model, count_parameters(model), len(train_text),
                         len(val_text), config.epochs, trainer.steps_per_epoch, trainer.state.epoch + 1,
                         items=Sentence("characters"), earlier=trainer.replay_events()))
    try:
        status, reason = run_trainer(trainer, stopped_already=control.stop_requested)
        result = _finish(trainer, record.id, run_dir, status, reason, device, export, export_to,
                         time.perf_counter() - started + previous_seconds, store, emit, len(train_text), len(val_text))
    except BaseException as exc:
        failed_reason = failure_reason(exc)
        store.update(record.id, status="failed", seconds=time.perf_counter() - started + previous_seconds,
                     epochs_done=trainer.state.epoch)
        emit(TrainingFinished("failed", failed_reason, trainer.state.epoch, trainer.state.best_epoch, 0.0,
                              _finite(trainer.state.best_val_loss), time.perf_counter() - started, str(run_dir),
                              extra={"task": "textgen"}))
        raise
    emit(TrainingFinished(result.status, result.reason, result.epochs_done, result.best_epoch, 0.0, result.val_loss,
                          result.seconds, str(run_dir),
                          extra={"task": "textgen", "val_perplexity": result.val_perplexity,
                                 "unigram_perplexity": result.unigram_perplexity, "sample": result.sample,
                                 "prompt": result.prompt, "onnx": str(result.export.path) if result.export else None}))
    return result


def _train_helper_rank(model, train_ids, val_ids, tokenizer: CharTokenizer, config: TrainConfig, device: torch.device,
                       checkpoint: dict | None, control: TrainingControl, ranks: Ranks, train_chars: int,
                       val_chars: int) -> TextgenResult:
    """What a process other than rank 0 does: train its share, write nothing, report nothing."""
    trainer, status, reason, seconds = train_share(
        lambda scratch: TextgenTrainer(model, torch.from_numpy(train_ids), torch.from_numpy(val_ids), tokenizer, config,
                                       device, scratch, {}, control=control, ranks=ranks), checkpoint)
    state = trainer.state
    return TextgenResult(status, reason, "", Path(), state.epoch, state.best_epoch, _finite(state.best_val_loss),
                         math.nan, math.nan, train_chars, val_chars, seconds,
                         describe_device(device), config, list(state.history), None, "", "")


def _finite(value: float) -> float:
    return value if math.isfinite(value) else 0.0


def _on_event(event, trainer: TextgenTrainer, store: RunStore, run_id: str, run_dir: Path, emit) -> None:
    if isinstance(event, TextgenEpochEnd):
        state = trainer.state
        write_metrics_csv(run_dir / "metrics.csv", state.history)
        samples = [dict(epoch=row["epoch"], prompt=trainer.prompt, sample=sample)
                   for row, sample in zip(state.history, state.samples)]
        write_text_atomic(run_dir / SAMPLES_FILE, json.dumps(samples, indent=1, ensure_ascii=False))
        store.update(run_id, epochs_done=state.epoch, best_epoch=state.best_epoch, best_val_loss=_finite(state.best_val_loss))
    emit(event)


def _finish(trainer: TextgenTrainer, run_id: str, run_dir: Path, status: str, reason: str, device: torch.device,
            export: bool, export_to, seconds: float, store: RunStore, emit, train_chars: int,
            val_chars: int) -> TextgenResult:
    """Load the best epoch's weights, write a sample with them, export, write the summary, update the index."""
    state = trainer.state
    best_path = run_dir / "checkpoints" / "best.pt"
    if best_path.exists():
        trainer.model.load_state_dict(load_checkpoint(best_path)["model"])
    best = next((h for h in state.history if h["epoch"] == state.best_epoch), {})
    sample = trainer.write(trainer.prompt) if state.epoch > 0 else ""
    report = None
    if export and state.epoch > 0:
        emit(Status(Sentence("Exporting the text generator to ONNX and checking it against PyTorch…")))
        metrics = {"val_loss": best.get("val_loss", 0.0), "val_perplexity": best.get("val_perplexity", 0.0),
                   "unigram_perplexity": round(_finite(trainer.baseline), 4), "epochs": state.epoch}
        model = trainer.model
        metadata = TextgenMetadata(tokenizer=trainer.tokenizer.to_dict(), layers=model.layers,
                                   hidden_size=model.hidden_size, model_name=trainer.config.model,
                                   dataset=trainer.config.dataset, metrics=metrics, examples=[[trainer.prompt, sample]],
                                   temperature=SAMPLE_TEMPERATURE, app_version=__version__)
        starts = [trainer.prompt, "", trainer.tokenizer.decode(trainer.val_ids[:20].tolist())][:PARITY_PROMPTS]
        prompts = [prompt_ids(trainer.tokenizer, text) for text in starts]
        report = export_text_generator(model, metadata, run_dir / TEXTGEN_FILE, prompts, length=PARITY_LENGTH,
                                       seed=trainer.config.seed)
        trainer.model.to(device)
        if export_to is not None:
            copy_atomic(report.path, export_to)
            report = replace(report, path=Path(export_to))
    val_loss = float(best.get("val_loss", math.nan))
    perplexity = float(best.get("val_perplexity", math.nan))
    summary = dict(task="textgen", status=status, reason=reason, epochs_done=state.epoch, best_epoch=state.best_epoch,
                   val_loss=best.get("val_loss"), val_perplexity=best.get("val_perplexity"),
                   unigram_perplexity=round(_finite(trainer.baseline), 4), train_characters=train_chars,
                   val_characters=val_chars, seconds=round(seconds, 3), prompt=trainer.prompt, sample=sample,
                   onnx=str(report.path) if report else None, parity_max_abs_diff=report.max_abs_diff if report else None)
    write_text_atomic(run_dir / "summary.json", json.dumps(summary, indent=2, ensure_ascii=False))
    store.update(run_id, status=status, seconds=seconds, epochs_done=state.epoch, onnx=str(report.path) if report else None)
    return TextgenResult(status, reason, run_id, run_dir, state.epoch, state.best_epoch, val_loss, perplexity,
                         trainer.baseline, train_chars, val_chars, seconds, describe_device(device), trainer.config,
                         list(state.history), report, trainer.prompt, sample)
