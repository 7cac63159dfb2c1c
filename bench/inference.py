"""Inference speed: ModelDesk's ONNX Runtime path (ImageClassifier) against PyTorch eager.

Trains (or reuses, with --work-dir) two cnn-small models for one epoch each: one on the bundled
8x8 digits and one on synthetic MNIST-shaped 28x28 data, exported to ONNX as a run would.
Then, in this one process, with the same decoded images and the same preprocessing, measures:

  (a) one image, PNG on disk -> decode -> preprocess -> probabilities: median latency (ms) of
      ImageClassifier (ONNX Runtime) and of the run's best checkpoint in PyTorch eager;
  (b) a batch of 256 preprocessed images: images/s of each;
  (c) a folder of 2,000 PNGs in class folders, `ImageClassifier.classify_files(batch_size=256)`:
      images/s including decoding (target >= 2,000 images/s). When it misses the target,
      cProfile shows where the time went.

ONNX Runtime and PyTorch runs are interleaved so machine noise hits both alike. Ratios are
PyTorch time / ONNX Runtime time, so above 1 means ONNX Runtime is faster. Not a test.

Run: `.venv/bin/python bench/inference.py [--runs 200] [--files 2000] [--work-dir DIR]`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_overhead import synthetic_mnist  # noqa: E402

from engine.data.registry import load_dataset  # noqa: E402
from engine.imaging import load_image_array  # noqa: E402
from engine.infer.classifier import ImageClassifier  # noqa: E402
from engine.infer.collect import collect_images, folder_accuracy  # noqa: E402
from engine.models.registry import InputShape, build_model  # noqa: E402
from engine.train.checkpoint import load_checkpoint  # noqa: E402
from engine.train.config import TrainConfig  # noqa: E402
from engine.train.run import train_classifier  # noqa: E402

TARGET_FOLDER_RATE = 2_000  # images/s for (c)
BATCH = 256


@dataclass
class Models:
    """One trained model in both forms, with what preprocessing needs."""

    name: str
    onnx_path: Path
    classifier: ImageClassifier
    torch_model: torch.nn.Module
    images: np.ndarray  # uint8 (N, H, W, C) sample pictures at the model's size
    labels: np.ndarray


def train_or_reuse(name: str, dataset: str, data, work: Path) -> tuple[Path, Path]:
    """(model.onnx, best.pt) for `name` under `work`, training one epoch when they are missing."""
    folder = work / name
    onnx_path, checkpoint = folder / "model.onnx", folder / "best.pt"
    if onnx_path.exists() and checkpoint.exists():
        print(f"reusing {name} from {folder}", flush=True)
        return onnx_path, checkpoint
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    config = TrainConfig(dataset=dataset, model="cnn-small", epochs=1, device="cpu", augment="none")
    result = train_classifier(config, runs_dir=work / "runs", data=data, export=True, export_to=onnx_path)
    (result.run_dir / "checkpoints" / "best.pt").replace(checkpoint)
    print(f"trained {name}: 1 epoch in {time.perf_counter() - started:.1f} s, "
          f"val accuracy {result.val_accuracy:.3f}, ONNX parity {result.export.max_abs_diff:.1e}", flush=True)
    return onnx_path, checkpoint


def load_models(name: str, onnx_path: Path, checkpoint_path: Path, data) -> Models:
    classifier = ImageClassifier.open(onnx_path, "cpu")
    checkpoint = load_checkpoint(checkpoint_path)
    model = build_model("cnn-small", InputShape(**checkpoint["shape"]))
    model.load_state_dict(checkpoint["model"])
    model.eval()
    return Models(name, onnx_path, classifier, model, data.train_images, data.train_labels)


def numpy_preprocess(arrays: list[np.ndarray], mean: np.ndarray, std: np.ndarray) -> np.ndarray:
    """The ClassifierMetadata contract in plain numpy: [0, 1], minus mean, over std, NCHW."""
    batch = np.stack(arrays).astype(np.float32) / np.float32(255.0)
    batch -= mean
    batch /= std
    return np.ascontiguousarray(batch.transpose(0, 3, 1, 2))


def single_image_latency(models: Models, png: Path, runs: int) -> tuple[float, float, float]:
    """Median ms per image for ORT and torch (decode + preprocess + infer), and max |p diff|."""
    classifier, model = models.classifier, models.torch_model
    settings = classifier.settings
    mean = np.asarray(settings.mean, np.float32)
    std = np.asarray(settings.std, np.float32)

    def with_ort() -> np.ndarray:
        array = load_image_array(png, settings.channels, settings.input_size)
        return classifier.predict_batch(classifier.preprocess([array]))[0]

    def with_torch() -> np.ndarray:
        array = load_image_array(png, settings.channels, settings.input_size)
        with torch.no_grad():
            logits = model(torch.from_numpy(numpy_preprocess([array], mean, std)))
            return torch.softmax(logits, dim=1)[0].numpy()

    for _ in range(10):  # warm-up: first runs allocate and pick kernels
        p_ort, p_torch = with_ort(), with_torch()
    ort_ms, torch_ms = [], []
    for _ in range(runs):
        started = time.perf_counter()
        with_ort()
        ort_ms.append((time.perf_counter() - started) * 1e3)
        started = time.perf_counter()
        with_torch()
        torch_ms.append((time.perf_counter() - started) * 1e3)
    return statistics.median(ort_ms), statistics.median(torch_ms), float(np.max(np.abs(p_ort - p_torch)))


def batch_throughput(models: Models, rounds: int) -> tuple[float, float, float]:
    """Images/s for a batch of 256 preprocessed images (probabilities out) with ORT and torch."""
    classifier, model = models.classifier, models.torch_model
    batch = classifier.preprocess(list(models.images[:BATCH]))
    tensor = torch.from_numpy(batch)

    def with_torch() -> np.ndarray:
        with torch.no_grad():
            return torch.softmax(model(tensor), dim=1).numpy()

    p_ort, p_torch = classifier.predict_batch(batch), with_torch()
    ort_s, torch_s = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        classifier.predict_batch(batch)
        ort_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        with_torch()
        torch_s.append(time.perf_counter() - started)
    return BATCH / statistics.median(ort_s), BATCH / statistics.median(torch_s), float(np.max(np.abs(p_ort - p_torch)))


def write_pngs(models: Models, root: Path, count: int) -> list[Path]:
    """`count` PNGs of the model's sample pictures in one folder per class label."""
    labels = models.classifier.settings.labels
    paths = []
    for i in range(count):
        index = i % len(models.images)
        folder = root / labels[int(models.labels[index])]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{i:05d}.png"
        Image.fromarray(models.images[index][:, :, 0]).save(path)
        paths.append(path)
    return paths


def folder_throughput(models: Models, root: Path, rounds: int) -> tuple[float, float, float | None]:
    """Median images/s of classify_files over a folder, decode-only images/s, and accuracy."""
    classifier = models.classifier
    settings = classifier.settings
    paths = collect_images([root])
    rates, predictions = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        predictions = classifier.classify_files(paths, top_k=5, batch_size=BATCH)
        rates.append(len(paths) / (time.perf_counter() - started))
    started = time.perf_counter()
    for path in paths:
        load_image_array(path, settings.channels, settings.input_size)
    decode_rate = len(paths) / (time.perf_counter() - started)
    accuracy = folder_accuracy(predictions, settings.labels)
    return statistics.median(rates), decode_rate, accuracy[0] if accuracy else None


def profile_folder(models: Models, root: Path, lines: int = 18) -> None:
    """Print where classify_files spends its time (cumulative and own time)."""
    paths = collect_images([root])
    profiler = cProfile.Profile()
    profiler.enable()
    models.classifier.classify_files(paths, top_k=5, batch_size=BATCH)
    profiler.disable()
    for sort in ("cumulative", "tottime"):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats(sort).print_stats(lines)
        body = text.getvalue()
        print(f"--- cProfile of classify_files, {len(paths)} files, sorted by {sort} ---")
        print(body[body.find("   ncalls"):].rstrip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="single-image runs per engine")
    parser.add_argument("--rounds", type=int, default=50, help="batch-of-256 rounds per engine")
    parser.add_argument("--files", type=int, default=2000, help="PNGs in the folder test")
    parser.add_argument("--work-dir", type=Path, default=None, help="keep trained models here and reuse them")
    parser.add_argument("--profile", action="store_true", help="profile the folder test even when it meets the target")
    args = parser.parse_args()
    began = time.perf_counter()
    print(f"CPU: {os.cpu_count()} logical cores; torch threads {torch.get_num_threads()}; "
          f"onnxruntime {ort.__version__} (default intra-op threads), torch {torch.__version__}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = args.work_dir or Path(tmp) / "models"
        sets = {"digits 8x8": ("digits", load_dataset("digits")), "mnist-like 28x28": ("mnist", synthetic_mnist(6000))}
        all_models = {}
        for name, (dataset, data) in sets.items():
            onnx_path, checkpoint = train_or_reuse(name.split()[0], dataset, data, work)
            all_models[name] = load_models(name, onnx_path, checkpoint, data)

        rows = []
        for name, models in all_models.items():
            png = Path(tmp) / f"{models.name.split()[0]}-one.png"
            Image.fromarray(models.images[0][:, :, 0]).save(png)
            ort_ms, torch_ms, diff = single_image_latency(models, png, args.runs)
            print(f"(a) {name}, one PNG -> probabilities: ORT {ort_ms:.3f} ms, torch eager {torch_ms:.3f} ms, "
                  f"torch/ORT {torch_ms / ort_ms:.2f}x (max |p diff| {diff:.1e})", flush=True)
            ort_rate, torch_rate, diff = batch_throughput(models, args.rounds)
            print(f"(b) {name}, batch of {BATCH} preprocessed: ORT {ort_rate:,.0f} img/s, torch eager {torch_rate:,.0f} img/s, "
                  f"ORT/torch {ort_rate / torch_rate:.2f}x (max |p diff| {diff:.1e})", flush=True)
            rows.append((name, ort_ms, torch_ms, ort_rate, torch_rate))

        mnist = all_models["mnist-like 28x28"]
        root = Path(tmp) / "folder"
        started = time.perf_counter()
        write_pngs(mnist, root, args.files)
        print(f"wrote {args.files:,} 28x28 PNGs in 10 class folders in {time.perf_counter() - started:.1f} s", flush=True)
        rate, decode_rate, accuracy = folder_throughput(mnist, root, rounds=3)
        verdict = "meets" if rate >= TARGET_FOLDER_RATE else "MISSES"
        print(f"(c) mnist-like 28x28, classify_files over {args.files:,} PNGs (batch {BATCH}): {rate:,.0f} img/s "
              f"incl. decoding ({verdict} the {TARGET_FOLDER_RATE:,} img/s target); decoding alone {decode_rate:,.0f} img/s; "
              f"folder accuracy {accuracy if accuracy is None else f'{accuracy:.3f}'}", flush=True)
        if rate < TARGET_FOLDER_RATE or args.profile:
            profile_folder(mnist, root)

    print()
    print(f"{'model':<18} {'1 img ORT ms':>12} {'1 img torch ms':>14} {'torch/ORT':>9} "
          f"{'b256 ORT img/s':>14} {'b256 torch img/s':>16} {'ORT/torch':>9}")
    for name, ort_ms, torch_ms, ort_rate, torch_rate in rows:
        print(f"{name:<18} {ort_ms:>12.3f} {torch_ms:>14.3f} {torch_ms / ort_ms:>8.2f}x "
              f"{ort_rate:>14,.0f} {torch_rate:>16,.0f} {ort_rate / torch_rate:>8.2f}x")
    print(f"folder of {args.files:,} 28x28 PNGs, classify_files: {rate:,.0f} img/s (target >= {TARGET_FOLDER_RATE:,}: "
          f"{verdict.lower()}), decoding alone {decode_rate:,.0f} img/s")
    print(f"threads: {os.cpu_count()} logical cores, torch {torch.get_num_threads()}; whole benchmark "
          f"{time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
