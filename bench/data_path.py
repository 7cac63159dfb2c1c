"""Data path: how batches and pictures reach the training loop.

(a) Small datasets live in memory as one tensor; ModelDesk's loops take a batch by indexing it
    with a slice of a shuffled permutation. Baseline: torch's DataLoader over a TensorDataset
    (shuffle, same batch size, no workers), one epoch of batches each, interleaved rounds.
(b) Picture folders are decoded once, when loaded. Baselines in the same run: one thread (what
    ModelDesk did before) and torch's DataLoader with 0 and with 2 worker processes; ModelDesk
    picks one thread or a thread pool after a short trial on the first pictures
    (`engine.data.parallel.map_fastest`). Two folders: small PNGs (MNIST-like, where a pool
    barely pays) and larger JPEG photos resized to 64x64 (where it does).

Run: `.venv/bin/python bench/data_path.py [--quick] [--json PATH]`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset, TensorDataset

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Measure, arguments, finish, interleaved, median, timed  # noqa: E402

from engine.data import parallel  # noqa: E402
from engine.data.folder import load_folder  # noqa: E402
from engine.data.registry import LoadOptions  # noqa: E402
from engine.imaging import load_image_array  # noqa: E402
from engine.train.loop import epoch_seed  # noqa: E402

BENCH = "data path"
BATCH = 128


def in_memory(samples: int, rounds: int) -> list[Measure]:
    """One epoch of batches from a (N, 1, 28, 28) float tensor: indexing against DataLoader."""
    images = torch.rand(samples, 1, 28, 28)
    labels = torch.randint(0, 10, (samples,))

    def ours() -> float:
        order = torch.randperm(samples, generator=torch.Generator().manual_seed(epoch_seed(0, 1)))
        started = time.perf_counter()
        for start in range(0, samples, BATCH):
            index = order[start : start + BATCH]
            x, y = images[index], labels[index]
        return samples / (time.perf_counter() - started)

    loader = DataLoader(TensorDataset(images, labels), batch_size=BATCH, shuffle=True,
                        generator=torch.Generator().manual_seed(0))

    def baseline() -> float:
        started = time.perf_counter()
        for x, y in loader:
            pass
        return samples / (time.perf_counter() - started)

    ours_rates, loader_rates = interleaved(ours, baseline, rounds)
    ratio = median(o / b for o, b in zip(ours_rates, loader_rates))
    return [Measure(BENCH, f"in-memory batches ({samples:,} MNIST-sized images, batch {BATCH}), samples/s",
                    median(ours_rates), "samples/s", median(loader_rates), "DataLoader over a TensorDataset", ratio,
                    "faster than DataLoader (ratio > 1)", ratio > 1, note="ModelDesk indexes the tensor")]


def write_folder(root: Path, count: int, kind: str) -> Path:
    """`count` pictures in 10 class folders: 'png' small 28x28 gray, 'jpeg' 320x240 colour photos."""
    rng = np.random.default_rng(0)
    smooth = np.linspace(0, 255, 320, dtype=np.float32)
    for i in range(count):
        folder = root / kind / f"class{i % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        if kind == "png":
            pixels = rng.integers(0, 256, (28, 28), dtype=np.uint8)
            Image.fromarray(pixels).save(folder / f"{i}.png")
        else:  # photo-like: gradients plus noise, so JPEG has real work to do
            base = (smooth[None, :, None] * 0.6 + rng.integers(0, 100, (240, 1, 3))).astype(np.float32)
            pixels = np.clip(base + rng.normal(0, 12, (240, 320, 3)), 0, 255).astype(np.uint8)
            Image.fromarray(pixels).save(folder / f"{i}.jpg", quality=90)
    return root / kind


class _Files(Dataset):
    def __init__(self, paths: list[Path], channels: int, size: tuple[int, int] | None) -> None:
        self.paths, self.channels, self.size = paths, channels, size

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, index: int) -> np.ndarray:
        return load_image_array(self.paths[index], self.channels, self.size)


def decode_with_loader(folder: Path, workers: int, channels: int, size: tuple[int, int] | None) -> float:
    """Pictures/s decoding every file in `folder` through a DataLoader with `workers` processes."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    loader = DataLoader(_Files(paths, channels, size), batch_size=64, num_workers=workers,
                        collate_fn=lambda items: np.stack(items))
    seconds = timed(lambda: [None for _ in loader])
    return len(paths) / seconds


def folders(count: int, rounds: int, root: Path) -> list[Measure]:
    measures = []
    for kind, channels, size in (("png", 1, None), ("jpeg", 3, (64, 64))):
        folder = write_folder(root, count, kind)
        options = LoadOptions(image_size=size[0] if size else None)
        chosen: list[str] = []

        def auto() -> float:
            seconds = timed(lambda: load_folder(str(folder), options))
            return count / seconds

        def one_thread() -> float:
            real = parallel.worker_count
            parallel.worker_count = lambda: 1
            try:
                return count / timed(lambda: load_folder(str(folder), options))
            finally:
                parallel.worker_count = real

        real_map = parallel.map_fastest

        def spy(*args, **kwargs):
            results, how = real_map(*args, **kwargs)
            if parallel.worker_count() > 1:  # an automatic round, not a one-thread one
                chosen.append(how)
            return results, how

        parallel.map_fastest = spy
        import engine.data.folder as folder_module
        folder_module.map_fastest = spy
        try:
            auto_rates, serial_rates = interleaved(auto, one_thread, rounds)
        finally:
            parallel.map_fastest = real_map
            folder_module.map_fastest = real_map
        loader0 = median(decode_with_loader(folder, 0, channels, size) for _ in range(rounds))
        loader2 = median(decode_with_loader(folder, 2, channels, size) for _ in range(rounds))
        picked = ", ".join(sorted(set(chosen)))
        label = f"{count:,} {'28x28 PNGs' if kind == 'png' else '320x240 JPEGs resized to 64x64'}"
        ratio = median(a / s for a, s in zip(auto_rates, serial_rates))
        measures.append(Measure(BENCH, f"folder of {label}: load, pictures/s", median(auto_rates), "pictures/s",
                                median(serial_rates), "one thread", ratio, "picks the faster (ratio >= 0.95)",
                                ratio >= 0.95, note=f"picked: {picked}"))
        measures.append(Measure(BENCH, f"folder of {label}: DataLoader 2 workers, pictures/s", loader2, "pictures/s",
                                loader0, "DataLoader, no workers", loader2 / loader0,
                                note="decode only; for comparison with the pick above"))
    return measures


def main() -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    rounds = 3 if args.quick else 5
    measures = in_memory(10_000 if args.quick else 30_000, rounds)
    with tempfile.TemporaryDirectory() as tmp:
        measures += folders(600 if args.quick else 2_000, 2 if args.quick else 3, Path(tmp))
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
