"""Training-loop overhead: ModelDesk's loop against a bare PyTorch loop.

Both train the same model (same initial weights) on the same data with the same batches,
optimizer and schedule, in this one process, interleaved over several rounds so machine noise
hits both alike. Prints samples/s for each and the ratio (target >= 0.95).

Run: `make bench` or `.venv/bin/python bench/train_overhead.py [--rounds 3] [--epochs 2]`.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine.data.base import ImageData  # noqa: E402
from engine.models.registry import InputShape, build_model  # noqa: E402
from engine.train.config import TrainConfig, resolve_defaults  # noqa: E402
from engine.train.events import EpochEnd  # noqa: E402
from engine.train.loop import ClassifierTrainer, epoch_seed, make_optimizer, make_scheduler  # noqa: E402
from engine.train.tensors import prepare  # noqa: E402


def synthetic_mnist(n: int, seed: int = 0) -> ImageData:
    """MNIST-shaped data (28x28 grayscale, 10 classes) with a learnable signal."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, n)
    images = rng.integers(0, 60, (n, 28, 28, 1)).astype(np.uint8)
    for c in range(10):  # a bright bar whose position encodes the class
        images[labels == c, 2 + 2 * c : 4 + 2 * c, 4:24, 0] = 250
    return ImageData("synthetic", [str(i) for i in range(10)], images, labels)


def bare_loop(model, prepared, config: TrainConfig) -> float:
    """The textbook loop; returns training samples per second (validation excluded)."""
    train = prepared.train
    optimizer = make_optimizer(model, config)
    steps = -(-len(train) // config.batch_size)
    scheduler = make_scheduler(optimizer, config, config.epochs * steps)
    loss_fn = torch.nn.CrossEntropyLoss()
    model.train()
    seconds = 0.0
    for epoch in range(1, config.epochs + 1):
        seed = epoch_seed(config.seed, epoch)
        torch.manual_seed(seed)
        order = torch.randperm(len(train), generator=torch.Generator().manual_seed(seed))
        started = time.perf_counter()
        for step in range(steps):
            index = order[step * config.batch_size : (step + 1) * config.batch_size]
            loss = loss_fn(model(train.images[index]), train.labels[index])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()
        seconds += time.perf_counter() - started
    return config.epochs * len(train) / seconds


def project_loop(model, prepared, config: TrainConfig, folder: Path) -> float:
    """ModelDesk's loop (events, control checks, metrics, checkpoints); training samples/s."""
    rates = []
    trainer = ClassifierTrainer(model, prepared, config, torch.device("cpu"), folder, {},
                                emit=lambda e: rates.append(e.samples_per_second) if isinstance(e, EpochEnd) else None)
    trainer.run()
    return len(rates) / sum(1.0 / r for r in rates)  # harmonic mean = total samples / total seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--samples", type=int, default=6000)
    parser.add_argument("--model", default="cnn-small")
    args = parser.parse_args()
    data = synthetic_mnist(args.samples)
    config = resolve_defaults(TrainConfig(dataset="mnist", model=args.model, epochs=args.epochs, augment="none"))
    prepared = prepare(data, 0.2, 0, torch.device("cpu"))
    torch.manual_seed(0)
    initial = build_model(args.model, InputShape(1, 28, 28, 10))
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            bare.append(bare_loop(copy.deepcopy(initial), prepared, config))
            ours.append(project_loop(copy.deepcopy(initial), prepared, config, Path(tmp)))
            print(f"round {round_ + 1}: bare {bare[-1]:,.0f} img/s, ModelDesk {ours[-1]:,.0f} img/s", flush=True)
    ratio = statistics.median(o / b for o, b in zip(ours, bare))
    print(f"model {args.model}, batch {config.batch_size}, {len(prepared.train):,} images x {args.epochs} epochs, "
          f"{torch.get_num_threads()} threads")
    print(f"median throughput: bare {statistics.median(bare):,.0f} img/s, ModelDesk {statistics.median(ours):,.0f} img/s")
    print(f"ratio ModelDesk / bare = {ratio:.3f} (target >= 0.95)")


if __name__ == "__main__":
    main()
