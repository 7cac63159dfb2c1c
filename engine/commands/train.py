"""`modeldesk-cli train`: train a model headless, with a progress line per epoch."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from dataclasses import replace
from pathlib import Path

from engine.commands.progress import ByteProgress, format_event
from engine.data.registry import LoadOptions
from engine.errors import ConfigError
from engine.sentences import Sentence
from engine.train.config import AUGMENTATIONS, DEFAULT_MODELS, DEVICES, OPTIMIZERS, SCHEDULES, TASKS, TOKENIZERS, TrainConfig

DEFAULT_DATASETS = {"translate": "numbers:en-fr", "textgen": "fables"}  # what --dataset means when not given; else digits
from engine.train.control import TrainingControl


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="a training job file (written by the app's Export training job, or a run folder's "
                             "config.json); other options given here change it")
    parser.add_argument("--task", choices=TASKS,
                        help="classify: recognise pictures; gan: learn to draw new ones; translate: learn to translate "
                             "sentences; textgen: learn to write text like a text file (default: classify)")
    parser.add_argument("--dataset", help="dataset name, folder:PATH, tsv:PATH or text:PATH (see `modeldesk-cli datasets`; "
                                          "default: digits, numbers:en-fr for --task translate, fables for --task textgen)")
    parser.add_argument("--model", help="model name (see `modeldesk-cli models`; default: cnn-small, dcgan for --task gan, "
                                        "transformer-small for --task translate, lstm-small for --task textgen)")
    parser.add_argument("--epochs", type=int, help="passes over the training data (default: chosen per dataset)")
    parser.add_argument("--batch-size", type=int, help="pictures, sentence pairs or text windows per step (default: chosen per dataset)")
    parser.add_argument("--lr", type=float, help="peak learning rate (default: chosen per dataset and model)")
    parser.add_argument("--optimizer", choices=OPTIMIZERS, help="default: adamw")
    parser.add_argument("--schedule", choices=SCHEDULES, help="learning-rate schedule (default: onecycle)")
    parser.add_argument("--weight-decay", type=float)
    parser.add_argument("--augment", choices=AUGMENTATIONS, help="image augmentation (default: chosen per dataset)")
    parser.add_argument("--patience", type=int, help="stop after this many epochs without improvement (0: never)")
    parser.add_argument("--val-split", type=float, help="share held out for validation when there is no test split (default: 0.2)")
    parser.add_argument("--seed", type=int, help="default: 0")
    parser.add_argument("--device", choices=DEVICES, help="default: auto (a working GPU, else the CPU)")
    parser.add_argument("--no-mixed-precision", action="store_true", help="train in float32 on GPUs too")
    parser.add_argument("--image-size", type=int, help="resize your own folder images to this square size")
    parser.add_argument("--data-dir", type=Path, help="folder that already holds the dataset files (no download)")
    parser.add_argument("--runs-dir", type=Path, help="where run folders are kept (default: the user data folder)")
    parser.add_argument("--resume", type=Path, metavar="CHECKPOINT", help="continue from a checkpoint (last.pt or best.pt)")
    parser.add_argument("--export", type=Path, metavar="OUT.onnx", help="also copy the exported ONNX model here")
    parser.add_argument("--no-quality", action="store_true",
                        help="GANs: skip the reference classifier that scores the samples each epoch")
    parser.add_argument("--tokenizer", choices=TOKENIZERS,
                        help="translation: subword (learned from the corpus; default) or char (one token per character)")
    parser.add_argument("--label-smoothing", type=float, help="translation: default 0.1")
    parser.add_argument("--reverse", action="store_true", help="tsv:PATH: translate from the second column to the first")
    parser.add_argument("--lowercase", action="store_true", help="tsv:PATH: lowercase both sides")
    parser.add_argument("--max-length", type=int, metavar="CHARS", help="tsv:PATH: leave out longer sentences")
    parser.add_argument("--max-pairs", type=int, metavar="N", help="tsv:PATH: read at most this many pairs")
    parser.add_argument("--seq-length", type=int, metavar="CHARS",
                        help="text generation: characters per training sequence (default: 100)")
    parser.add_argument("--json", action="store_true", help="print one JSON object with the results as the last line")


def _given(args: argparse.Namespace) -> dict:
    """The TrainConfig settings given on the command line (None means not given)."""
    text_options = {k: v for k, v in dict(reverse=args.reverse, lowercase=args.lowercase, max_length=args.max_length,
                                          max_pairs=args.max_pairs).items() if v}
    given = dict(dataset=args.dataset, model=args.model, task=args.task, epochs=args.epochs, batch_size=args.batch_size,
                 lr=args.lr, optimizer=args.optimizer, weight_decay=args.weight_decay, schedule=args.schedule,
                 augment=args.augment, val_split=args.val_split, patience=args.patience, seed=args.seed,
                 device=args.device, mixed_precision=False if args.no_mixed_precision else None,
                 data_dir=str(args.data_dir) if args.data_dir else None, image_size=args.image_size,
                 tokenizer=args.tokenizer, label_smoothing=args.label_smoothing, text_options=text_options or None,
                 seq_length=args.seq_length)
    return {k: v for k, v in given.items() if v is not None}


def _config_from_args(args: argparse.Namespace) -> TrainConfig:
    """The job file's settings (with --config) or the defaults, changed by the options given."""
    given = _given(args)
    if args.config is not None:
        from engine.train.job_file import read_job

        base = read_job(args.config)
        if "task" in given and given["task"] != base.task and not {"dataset", "model"} <= set(given):
            raise ConfigError(Sentence("The job file trains the task '{task}'; to change the task give --dataset and "
                                       "--model too.", task=base.task))
        return replace(base, **given)
    task = given.get("task", "classify")
    given.setdefault("dataset", DEFAULT_DATASETS.get(task, "digits"))
    given.setdefault("model", DEFAULT_MODELS[task])
    return TrainConfig(**given)


def run(args: argparse.Namespace) -> int:
    """Train as the arguments say; print progress on stderr and (with --json) results on stdout."""
    from engine.train.tasks import train  # torch loads here, not for `--help`

    if args.export is not None and args.export.suffix.lower() != ".onnx":
        raise ConfigError(Sentence("The export file name must end in .onnx."))
    if args.export is not None and not args.export.parent.exists():
        raise ConfigError(Sentence("The folder '{path}' for the exported model does not exist.", path=args.export.parent))
    config = _config_from_args(args)
    if args.resume is not None:
        config.dataset = None  # taken from the checkpoint
        config.model = None
    control = TrainingControl()

    def on_interrupt(signum, frame):  # first Ctrl+C stops cleanly, a second one aborts
        signal.signal(signal.SIGINT, signal.default_int_handler)
        print("\nStopping after this batch (press Ctrl+C again to abort)...", file=sys.stderr)
        control.stop()

    previous = signal.signal(signal.SIGINT, on_interrupt)

    def emit(event) -> None:
        line = format_event(event)
        if line:
            print(line, file=sys.stderr, flush=True)

    try:
        options = LoadOptions(progress=ByteProgress("Loading dataset"))  # text options travel in the config
        result = train(config, runs_dir=args.runs_dir, emit=emit, control=control, resume_from=args.resume,
                       export_to=args.export, load_options=options, judge=not args.no_quality)
    finally:
        signal.signal(signal.SIGINT, previous)
    from engine.train.distributed import ranks_from_environment

    if not ranks_from_environment().is_main:
        return 0  # under torchrun, rank 0 reports for everyone
    onnx_path = str(result.export.path) if result.export else None
    if onnx_path:
        print(f"Exported to {onnx_path} (ONNX Runtime matches PyTorch within {result.export.max_abs_diff:.1e}).", file=sys.stderr)
    if getattr(result, "task", "classify") == "gan":
        return _report_gan(result, onnx_path, args.json)
    if getattr(result, "task", "classify") == "translate":
        return _report_translation(result, onnx_path, args.json)
    if getattr(result, "task", "classify") == "textgen":
        return _report_textgen(result, onnx_path, args.json)
    summary = dict(status=result.status, val_accuracy=result.val_accuracy, val_loss=result.val_loss,
                   epochs=result.epochs_done, best_epoch=result.best_epoch, seconds=round(result.seconds, 3),
                   run_dir=str(result.run_dir), onnx=onnx_path, device=result.device, model=result.config.model,
                   dataset=result.config.dataset)
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"Validation accuracy {100 * result.val_accuracy:.2f}% after {result.epochs_done} epochs "
              f"({result.seconds:.1f}s). Run folder: {result.run_dir}")
    return 0


def _report_gan(result, onnx_path: str | None, as_json: bool) -> int:
    summary = dict(task="gan", status=result.status, recognised=result.recognised, coverage=result.coverage,
                   num_classes=result.num_classes, agreement=result.agreement, epochs=result.epochs_done,
                   best_epoch=result.best_epoch, seconds=round(result.seconds, 3), run_dir=str(result.run_dir),
                   onnx=onnx_path, device=result.device, model=result.config.model, dataset=result.config.dataset)
    if as_json:
        print(json.dumps(summary))
    else:
        # The Finished line above already gave the best epoch's quality; this adds what it lacks.
        asked = ("" if result.agreement is None else
                 f"; the best epoch draws the class asked for {100 * result.agreement:.1f}% of the time")
        print(f"Done in {result.seconds:.1f}s{asked}. Run folder: {result.run_dir}")
    return 0


def _report_translation(result, onnx_path: str | None, as_json: bool) -> int:
    summary = dict(task="translate", status=result.status, bleu=result.bleu, chrf=result.chrf,
                   token_accuracy=result.token_accuracy, epochs=result.epochs_done, best_epoch=result.best_epoch,
                   test_bleu=result.test_bleu, test_chrf=result.test_chrf, test_size=result.test_size,
                   seconds=round(result.seconds, 3), run_dir=str(result.run_dir), onnx=onnx_path, device=result.device,
                   model=result.config.model, dataset=result.config.dataset)
    if result.exact_match is not None:
        summary.update(exact_match=result.exact_match, test_exact_match=result.test_exact_match)
    if as_json:
        print(json.dumps(summary))
        return 0
    for source, _, translation in result.samples[:3]:
        print(f"  {source} -> {translation}")
    test = ""
    if result.test_size and result.test_bleu is not None:
        test = f" Held-out test ({result.test_size:,} sentences): BLEU {result.test_bleu:.1f}"
        if result.test_exact_match is not None:
            test += f", {100 * result.test_exact_match:.1f}% exactly right"
        test += "."
    print(f"Done in {result.seconds:.1f}s.{test} Run folder: {result.run_dir}")
    return 0


def _report_textgen(result, onnx_path: str | None, as_json: bool) -> int:
    summary = dict(task="textgen", status=result.status, val_loss=result.val_loss, val_perplexity=result.val_perplexity,
                   unigram_perplexity=result.unigram_perplexity, epochs=result.epochs_done, best_epoch=result.best_epoch,
                   train_characters=result.train_characters, val_characters=result.val_characters,
                   seconds=round(result.seconds, 3), run_dir=str(result.run_dir), onnx=onnx_path, device=result.device,
                   model=result.config.model, dataset=result.config.dataset, prompt=result.prompt, sample=result.sample)
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    if result.sample:
        print(f"{result.prompt}{result.sample}")
    print(f"Done in {result.seconds:.1f}s. Run folder: {result.run_dir}")
    return 0


COMMANDS = [("train", "Train a model on a dataset.", add_arguments, run)]
