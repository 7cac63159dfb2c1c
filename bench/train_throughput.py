"""Training throughput: ModelDesk's training loops against bare PyTorch loops, for each task.

For classification (cnn-small on MNIST-shaped data), GANs (dcgan on the bundled digits) and
translation (transformer-small on `numbers:en-fr`), both loops train the same model (same
initial weights) on the same data with the same batches, optimizer and schedule, in this one
process, interleaved over rounds so machine noise hits both alike. The ratio is ModelDesk's
samples/s over the bare loop's (target >= 0.97).

It also reports what the CPU achieves: the training step's floating-point work (counted with
torch's FlopCounterMode, forward + backward) times steps/s, against the machine's float32
matrix-multiply peak measured in the same run.

Run: `.venv/bin/python bench/train_throughput.py [--quick] [--json PATH]`.
"""

from __future__ import annotations

import copy
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.flop_counter import FlopCounterMode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Measure, arguments, finish, interleaved, median  # noqa: E402

from engine.data.base import ImageData  # noqa: E402
from engine.data.registry import LoadOptions, load_dataset  # noqa: E402
from engine.models.registry import InputShape, build_model  # noqa: E402
from engine.models.translators import SequenceShape  # noqa: E402
from engine.text.tokenizers import PAD, train_tokenizer  # noqa: E402
from engine.train.config import TrainConfig, resolve_defaults  # noqa: E402
from engine.train.events import EpochEnd, GanEpochEnd, TranslateEpochEnd  # noqa: E402
from engine.train.gan_loop import BETAS, REAL_TARGET, GanTrainer  # noqa: E402
from engine.train.gan_run import images_for_gan  # noqa: E402
from engine.train.loop import ClassifierTrainer, epoch_seed, make_optimizer, make_scheduler  # noqa: E402
from engine.train.sequences import encode_pairs  # noqa: E402
from engine.train.tensors import prepare  # noqa: E402
from engine.train.translate_loop import GRADIENT_CLIP, TranslateTrainer  # noqa: E402
from engine.train.translate_run import split_validation  # noqa: E402

BENCH = "training throughput"
TARGET = 0.97
CPU = torch.device("cpu")


def synthetic_mnist(n: int, seed: int = 0) -> ImageData:
    """MNIST-shaped data (28x28 grayscale, 10 classes) with a learnable signal."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, n)
    images = rng.integers(0, 60, (n, 28, 28, 1)).astype(np.uint8)
    for c in range(10):  # a bright bar whose position encodes the class
        images[labels == c, 2 + 2 * c : 4 + 2 * c, 4:24, 0] = 250
    return ImageData("synthetic", [str(i) for i in range(10)], images, labels)


def matmul_peak(seconds: float = 1.0) -> float:
    """float32 matrix-multiply FLOP/s of this CPU with torch's threads: the best of repeated
    1024- and 2048-wide products."""
    best = 0.0
    for size in (1024, 2048):
        a, b = torch.randn(size, size), torch.randn(size, size)
        torch.mm(a, b)
        deadline = time.perf_counter() + seconds / 2
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            for _ in range(2):
                torch.mm(a, b)
            best = max(best, 2 * 2 * size ** 3 / (time.perf_counter() - started))
    return best


def step_flops(step: Callable[[], object]) -> float:
    """Floating-point operations one call of `step` performs (matmuls and convolutions)."""
    with FlopCounterMode(display=False) as counter:
        step()
    return float(counter.get_total_flops())


def _epoch_orders(length: int, seed: int, epochs: int) -> list[torch.Tensor]:
    """The shuffles every loop here uses: the same as ModelDesk's (seeded per epoch)."""
    orders = []
    for epoch in range(1, epochs + 1):
        torch.manual_seed(epoch_seed(seed, epoch))
        orders.append(torch.randperm(length, generator=torch.Generator().manual_seed(epoch_seed(seed, epoch))))
    return orders


# ----- classification --------------------------------------------------------------------------
def classify_case(quick: bool):
    data = synthetic_mnist(2_000 if quick else 6_000)
    config = resolve_defaults(TrainConfig(dataset="mnist", model="cnn-small", epochs=1, augment="none"))
    prepared = prepare(data, 0.2, 0, CPU)
    torch.manual_seed(0)
    initial = build_model("cnn-small", InputShape(1, 28, 28, 10))
    train = prepared.train

    def bare() -> float:
        model = copy.deepcopy(initial)
        optimizer = make_optimizer(model, config)
        steps = -(-len(train) // config.batch_size)
        scheduler = make_scheduler(optimizer, config, config.epochs * steps)
        model.train()
        seconds = 0.0
        for order in _epoch_orders(len(train), config.seed, config.epochs):
            started = time.perf_counter()
            for step in range(steps):
                index = order[step * config.batch_size : (step + 1) * config.batch_size]
                loss = F.cross_entropy(model(train.images[index]), train.labels[index])
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
                scheduler.step()
            seconds += time.perf_counter() - started
        return config.epochs * len(train) / seconds

    def ours() -> float:
        rates = []
        with tempfile.TemporaryDirectory() as tmp:
            trainer = ClassifierTrainer(copy.deepcopy(initial), prepared, config, CPU, Path(tmp), {},
                                        emit=lambda e: rates.append(e.samples_per_second) if isinstance(e, EpochEnd) else None)
            trainer.run()
        return len(rates) / sum(1.0 / r for r in rates)

    model = copy.deepcopy(initial)
    batch = train.images[: config.batch_size]

    def one_step() -> None:
        F.cross_entropy(model(batch), train.labels[: config.batch_size]).backward()

    return "classify cnn-small (28x28, batch %d)" % config.batch_size, bare, ours, step_flops(one_step) / config.batch_size


# ----- GANs --------------------------------------------------------------------------------------
def gan_case(quick: bool):
    data = load_dataset("digits")
    config = resolve_defaults(TrainConfig(task="gan", dataset="digits", model="dcgan", epochs=1 if quick else 2))
    images, labels = images_for_gan(data, CPU)
    shape = InputShape(data.channels, *data.image_size, len(data.classes))
    torch.manual_seed(0)
    initial = build_model("dcgan", shape)
    batch_size = min(config.batch_size, len(images))
    steps = max(1, len(images) // batch_size)

    def bare() -> float:
        pair = copy.deepcopy(initial)
        generator, discriminator = pair.generator, pair.discriminator
        g_opt = torch.optim.Adam(generator.parameters(), lr=config.lr, betas=BETAS)
        d_opt = torch.optim.Adam(discriminator.parameters(), lr=config.lr, betas=BETAS)
        pair.train()
        seconds = 0.0
        for order in _epoch_orders(len(images), config.seed, config.epochs):
            started = time.perf_counter()
            for step in range(steps):
                real = images[order[step * batch_size : (step + 1) * batch_size]]
                z = torch.randn(real.shape[0], pair.latent_size)
                fake = generator(z, None)
                real_logits, fake_logits = discriminator(real, None), discriminator(fake.detach(), None)
                d_loss = (F.binary_cross_entropy_with_logits(real_logits, torch.full_like(real_logits, REAL_TARGET))
                          + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))
                d_opt.zero_grad(set_to_none=True)
                d_loss.backward()
                d_opt.step()
                judged = discriminator(fake, None)
                g_loss = F.binary_cross_entropy_with_logits(judged, torch.ones_like(judged))
                g_opt.zero_grad(set_to_none=True)
                g_loss.backward()
                g_opt.step()
            seconds += time.perf_counter() - started
        return config.epochs * steps * batch_size / seconds

    def ours() -> float:
        rates = []
        with tempfile.TemporaryDirectory() as tmp:
            trainer = GanTrainer(copy.deepcopy(initial), images, labels, list(data.classes), config, CPU, Path(tmp), {},
                                 reference=None,
                                 emit=lambda e: rates.append(e.samples_per_second) if isinstance(e, GanEpochEnd) else None)
            trainer.run()
        return len(rates) / sum(1.0 / r for r in rates)

    pair = copy.deepcopy(initial)
    real = images[:batch_size]

    def one_step() -> None:  # D on real and fake, G through D: what each step computes
        fake = pair.generator(torch.randn(batch_size, pair.latent_size), None)
        (pair.discriminator(real, None).mean() + pair.discriminator(fake.detach(), None).mean()).backward()
        pair.discriminator(fake, None).mean().backward()

    return f"gan dcgan (digits {data.image_size[0]}x{data.image_size[1]}, batch {batch_size})", bare, ours, \
        step_flops(one_step) / batch_size


# ----- translation -------------------------------------------------------------------------------
def translate_case(quick: bool):
    data = load_dataset("numbers:en-fr", LoadOptions())
    config = resolve_defaults(TrainConfig(task="translate", dataset="numbers:en-fr", model="transformer-small", epochs=1))
    train_pairs, val_pairs = split_validation(data, config.val_split, config.seed)
    train_pairs = train_pairs[: 1_000 if quick else 3_000]
    source_tok = train_tokenizer(config.tokenizer, [s for s, _ in train_pairs])
    target_tok = train_tokenizer(config.tokenizer, [t for _, t in train_pairs])
    train_set = encode_pairs(train_pairs, source_tok, target_tok, CPU)
    val_set = encode_pairs(val_pairs[:16], source_tok, target_tok, CPU)
    shape = SequenceShape(source_tok.vocab_size, target_tok.vocab_size)
    torch.manual_seed(0)
    initial = build_model("transformer-small", shape)
    batch_size = min(config.batch_size, len(train_set))
    steps = -(-len(train_set) // batch_size)

    def bare() -> float:
        model = copy.deepcopy(initial)
        optimizer = make_optimizer(model, config)
        scheduler = make_scheduler(optimizer, config, config.epochs * steps)
        model.train()
        seconds = 0.0
        for order in _epoch_orders(len(train_set), config.seed, config.epochs):
            started = time.perf_counter()
            for step in range(steps):
                source, target = train_set.batch(order[step * batch_size : (step + 1) * batch_size])
                logits = model(source, target[:, :-1])
                loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target[:, 1:].reshape(-1), ignore_index=PAD,
                                       label_smoothing=float(config.label_smoothing or 0.0))
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), GRADIENT_CLIP)
                optimizer.step()
                scheduler.step()
            seconds += time.perf_counter() - started
        return config.epochs * len(train_set) / seconds

    def ours() -> float:
        rates = []
        with tempfile.TemporaryDirectory() as tmp:
            trainer = TranslateTrainer(copy.deepcopy(initial), train_set, val_set, val_pairs[:16], target_tok, config, CPU,
                                       Path(tmp), {}, exact_match=True,
                                       emit=lambda e: rates.append(e.samples_per_second) if isinstance(e, TranslateEpochEnd) else None)
            trainer.run()
        return len(rates) / sum(1.0 / r for r in rates)

    model = copy.deepcopy(initial)
    source, target = train_set.batch(torch.arange(batch_size))

    def one_step() -> None:
        logits = model(source, target[:, :-1])
        F.cross_entropy(logits.reshape(-1, logits.shape[-1]), target[:, 1:].reshape(-1)).backward()

    return f"translate transformer-small (numbers:en-fr, batch {batch_size})", bare, ours, step_flops(one_step) / batch_size


def main() -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    rounds = 2 if args.quick else 6  # per-round ratios, median: these shared machines change speed from minute to minute
    torch.manual_seed(0)
    peak = matmul_peak(seconds=0.5 if args.quick else 1.5)
    measures = [Measure(BENCH, "float32 matrix-multiply peak (best of 1024- and 2048-wide, %d threads)" % torch.get_num_threads(),
                        peak / 1e9, "GFLOP/s")]
    for make in (classify_case, gan_case, translate_case):
        name, bare, ours, flops_per_sample = make(args.quick)
        bare()  # warm-up: first-call allocations and thread pools
        ours_rates, bare_rates = interleaved(ours, bare, rounds)
        ratio = median(o / b for o, b in zip(ours_rates, bare_rates))
        rate = median(ours_rates)
        measures.append(Measure(BENCH, f"{name}, samples/s", rate, "samples/s", median(bare_rates), "bare PyTorch loop",
                                ratio, f"ratio >= {TARGET}", ratio >= TARGET))
        achieved = rate * flops_per_sample
        measures.append(Measure(BENCH, f"{name}, achieved FLOP/s", achieved / 1e9, "GFLOP/s", peak / 1e9,
                                "matrix-multiply peak", achieved / peak,
                                note=f"{flops_per_sample / 1e6:,.1f} MFLOP per sample, forward + backward"))
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
