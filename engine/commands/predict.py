"""`modeldesk-cli predict`: classify images with an ONNX model, ours or a foreign one."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from engine.errors import ConfigError, DataError, WriteError
from engine.sentences import Sentence

DEVICES = ("auto", "cpu", "cuda")
PROVIDER_NAMES = {"CPUExecutionProvider": "the CPU", "CUDAExecutionProvider": "the NVIDIA GPU"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the predict arguments on `parser`."""
    parser.add_argument("model", type=Path, metavar="MODEL.onnx", help="the ONNX image classifier")
    parser.add_argument("paths", type=Path, nargs="+", metavar="PATH", help="image files or folders (searched recursively)")
    parser.add_argument("--top-k", type=int, default=5, help="labels to show per image (default: 5)")
    parser.add_argument("--csv", type=Path, metavar="OUT.csv", help="also write the results to this CSV file")
    parser.add_argument("--size", type=int, nargs=2, metavar=("H", "W"), help="input height and width (models without ModelDesk settings)")
    parser.add_argument("--channels", type=int, choices=(1, 3), help="1 for grayscale, 3 for colour input")
    parser.add_argument("--value-range", choices=("[0,1]", "[-1,1]", "imagenet"), help="pixel value range the model expects")
    parser.add_argument("--mean", type=float, nargs="+", metavar="M", help="per-channel mean subtracted after scaling to 0..1")
    parser.add_argument("--std", type=float, nargs="+", metavar="S", help="per-channel std divided by after the mean")
    parser.add_argument("--layout", choices=("nchw", "nhwc"), help="channels first (nchw) or last (nhwc)")
    parser.add_argument("--labels", type=Path, metavar="FILE", help="text file with one label per line")
    parser.add_argument("--batch-size", type=int, default=256, help="images per model call (default: 256)")
    parser.add_argument("--device", default="auto", choices=DEVICES)
    parser.add_argument("--json", action="store_true", help="print one JSON object with the results as the last line")


def _overrides(args: argparse.Namespace) -> dict:
    return {"size": tuple(args.size) if args.size else None, "channels": args.channels, "value_range": args.value_range,
            "mean": args.mean, "std": args.std, "layout": args.layout, "labels": args.labels}


def format_prediction(shown: str, prediction) -> str:
    """One output line: `path: label (98.1%), label (1.2%)` or `path: skipped (reason)`."""
    if prediction.error:
        return f"{shown}: skipped ({prediction.error})"
    return f"{shown}: " + ", ".join(f"{label} ({100 * p:.1f}%)" for label, p in prediction.top)


def write_csv(dest: Path, predictions: list, top_k: int) -> None:
    """Write the predictions to `dest` atomically: path, label_1, prob_1, ..., error."""
    from engine.atomic import atomic_path

    header = ["path"] + [name for i in range(1, top_k + 1) for name in (f"label_{i}", f"prob_{i}")] + ["error"]
    try:
        with atomic_path(dest) as tmp, open(tmp, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for p in predictions:
                cells: list = [str(p.path)]
                for i in range(top_k):
                    cells += [p.top[i][0], f"{p.top[i][1]:.6f}"] if i < len(p.top) else ["", ""]
                writer.writerow(cells + [p.error or ""])
    except WriteError:
        raise
    except OSError as exc:
        raise DataError(Sentence("The CSV file '{path}' could not be written ({reason}).", path=dest,
                                 reason=exc.strerror or exc)) from None


def run(args: argparse.Namespace) -> int:
    """Classify the images; print one line per image (and the accuracy when folders are named
    after labels) on stdout, notes on stderr, and with --json a summary object last."""
    from engine.commands.progress import ByteProgress
    from engine.infer.classifier import ImageClassifier
    from engine.infer.collect import collect_images, folder_accuracy

    if args.top_k < 1:
        raise ConfigError(Sentence("--top-k must be at least 1."))
    if args.csv is not None and args.csv.is_dir():
        raise ConfigError(Sentence("'{path}' is a folder; give a file name for the CSV results.", path=args.csv))
    classifier = ImageClassifier.open(args.model, args.device, _overrides(args))
    for note in classifier.warnings:
        print(f"Note: {note}", file=sys.stderr)
    images = collect_images(args.paths)
    progress = ByteProgress("Classifying", sys.stderr) if sys.stderr.isatty() else None
    predictions = classifier.classify_files(images, top_k=args.top_k, batch_size=args.batch_size, progress=progress)
    skipped = [p for p in predictions if p.error]
    if len(skipped) == len(predictions):
        raise DataError(Sentence("None of the {count} images could be read; the first problem was: {reason}",
                                  count=len(predictions), reason=skipped[0].error))
    for p in predictions:
        print(format_prediction(str(p.path), p))
    accuracy = folder_accuracy(predictions, classifier.settings.labels)
    if accuracy is not None:
        print(f"Accuracy: {100 * accuracy[0]:.2f}% on {accuracy[1]} images (their folder names are the labels).")
    classified = len(predictions) - len(skipped)
    where = PROVIDER_NAMES.get(classifier.provider, classifier.provider)
    print(f"Classified {classified} images on {where}" + (f"; skipped {len(skipped)} unreadable." if skipped else "."), file=sys.stderr)
    if args.csv is not None:
        write_csv(args.csv, predictions, args.top_k)
        print(f"Results written to {args.csv}", file=sys.stderr)
    if args.json:
        print(json.dumps({
            "model": str(args.model), "provider": classifier.provider, "count": classified, "skipped": len(skipped),
            "accuracy": accuracy[0] if accuracy else None, "accuracy_count": accuracy[1] if accuracy else 0,
            "csv": str(args.csv) if args.csv else None, "warnings": classifier.warnings,
            "predictions": [{"path": str(p.path), "top": [{"label": label, "probability": prob} for label, prob in p.top],
                             "error": p.error} for p in predictions],
        }))
    return 0


COMMANDS = [("predict", "Classify images with an ONNX model.", add_arguments, run)]
