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

(d) GAN sampling: an exported generator through ImageGenerator against the generator in
      PyTorch eager, 1 and 256 samples.

Run: `.venv/bin/python bench/inference.py [--quick] [--json PATH] [--work-dir DIR]`.
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

from report import Measure, arguments, finish, interleaved, median, timed  # noqa: E402
from train_throughput import synthetic_mnist  # noqa: E402

from engine.data.registry import load_dataset  # noqa: E402
from engine.imaging import load_image_array  # noqa: E402
from engine.infer.classifier import ImageClassifier  # noqa: E402
from engine.infer.collect import collect_images, folder_accuracy  # noqa: E402
from engine.models.registry import InputShape, build_model  # noqa: E402
from engine.train.checkpoint import load_checkpoint  # noqa: E402
from engine.train.config import TrainConfig  # noqa: E402
from engine.train.run import train_classifier  # noqa: E402

BENCH = "inference"
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


def gan_sampling(work: Path, rounds: int) -> list[Measure]:
    """ImageGenerator (ONNX Runtime) against the generator in PyTorch eager: 1 and 256 samples."""
    from engine.export.metadata import GeneratorMetadata
    from engine.export.onnx_export import export_generator
    from engine.infer.generator import ImageGenerator

    measures = []
    for name, size, channels in (("dcgan", 8, 1), ("dcgan-conditional", 32, 3)):
        torch.manual_seed(0)
        pair = build_model(name, InputShape(channels, size, size, 10))
        path = work / f"{name}-{size}.onnx"
        export_generator(pair.generator, GeneratorMetadata(pair.latent_size, (size, size), channels,
                                                           classes=[str(i) for i in range(10)],
                                                           conditional=pair.conditional, model_name=name), path)
        generator = ImageGenerator.open(path, "cpu")
        eager = pair.generator.eval()
        for count in (1, BATCH):
            z = generator.noise(0, count)
            labels = (np.arange(count) % 10).astype(np.int64) if pair.conditional else None
            tz = torch.from_numpy(z)
            tl = torch.from_numpy(labels) if labels is not None else None

            def with_ort() -> float:
                return timed(lambda: generator.generate(z, labels))

            def with_torch() -> float:
                def run():
                    with torch.no_grad():
                        return eager(tz, tl).numpy()
                return timed(run)

            with_ort(), with_torch()  # warm-up
            ort_s, torch_s = interleaved(with_ort, with_torch, rounds if count > 1 else 5 * rounds)
            ratio = median(t / o for o, t in zip(ort_s, torch_s))
            measures.append(Measure(BENCH, f"GAN {name} {size}x{size}x{channels}, {count} sample{'s' if count > 1 else ''}, "
                                    "samples/s", count / median(ort_s), "samples/s", count / median(torch_s),
                                    "PyTorch eager", ratio, note="ratio: ONNX Runtime speed / PyTorch speed"))
    return measures


def main() -> None:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--work-dir", type=Path, default=None, help="keep trained models here and reuse them")
    parser.add_argument("--profile", action="store_true", help="profile the folder test even when it meets the target")
    args = parser.parse_args()
    runs, rounds, files = (40, 10, 500) if args.quick else (200, 40, 2000)
    measures: list[Measure] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work_dir or Path(tmp) / "models"
        sets = {"digits 8x8": ("digits", load_dataset("digits")), "mnist-like 28x28": ("mnist", synthetic_mnist(6000))}
        all_models = {}
        for name, (dataset, data) in sets.items():
            onnx_path, checkpoint = train_or_reuse(name.split()[0], dataset, data, work)
            all_models[name] = load_models(name, onnx_path, checkpoint, data)

        for name, models in all_models.items():
            png = Path(tmp) / f"{models.name.split()[0]}-one.png"
            Image.fromarray(models.images[0][:, :, 0]).save(png)
            ort_ms, torch_ms, diff = single_image_latency(models, png, runs)
            measures.append(Measure(BENCH, f"classifier cnn-small {name}, 1 picture (PNG -> probabilities), latency",
                                    ort_ms, "ms", torch_ms, "PyTorch eager", torch_ms / ort_ms,
                                    note=f"ratio: PyTorch time / ONNX Runtime time; max |p diff| {diff:.1e}"))
            ort_rate, torch_rate, diff = batch_throughput(models, rounds)
            measures.append(Measure(BENCH, f"classifier cnn-small {name}, batch of {BATCH}, pictures/s", ort_rate,
                                    "pictures/s", torch_rate, "PyTorch eager", ort_rate / torch_rate,
                                    note=f"ratio: ONNX Runtime speed / PyTorch speed; max |p diff| {diff:.1e}"))

        mnist = all_models["mnist-like 28x28"]
        root = Path(tmp) / "folder"
        write_pngs(mnist, root, files)
        rate, decode_rate, accuracy = folder_throughput(mnist, root, rounds=3)
        measures.append(Measure(BENCH, f"classify a folder of {files:,} 28x28 PNGs (decode + classify), pictures/s", rate,
                                "pictures/s", decode_rate, "decoding alone", rate / decode_rate,
                                f">= {TARGET_FOLDER_RATE:,} pictures/s", rate >= TARGET_FOLDER_RATE))
        if rate < TARGET_FOLDER_RATE or args.profile:
            profile_folder(mnist, root)
        measures += gan_sampling(Path(tmp), rounds)
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
