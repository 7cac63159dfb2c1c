"""Time to a good model: wall seconds from "Train" to the first epoch whose validation score
reaches the target, with the settings ModelDesk uses by default, against other candidate
settings measured in the same run (the defaults should be the fastest that get there).

  - bundled digits, classifier, to 97% validation accuracy;
  - `numbers:en-fr`, translator, to 99% exact match on the validation numbers.

Each candidate is a whole run as the app starts it (data, model, its full learning-rate
schedule); the clock stops at the epoch end that reaches the target and the run is stopped
there. Wall time includes loading the data and building the model, not starting Python.

Run: `.venv/bin/python bench/time_to_good.py [--quick] [--json PATH]`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Measure, arguments, finish  # noqa: E402

from engine.train.config import DEFAULT_MODELS, TrainConfig, resolve_defaults  # noqa: E402
from engine.train.control import TrainingControl  # noqa: E402
from engine.train.events import EpochEnd, TranslateEpochEnd  # noqa: E402
from engine.train.run import train_classifier  # noqa: E402
from engine.train.translate_run import train_translator  # noqa: E402

BENCH = "time to a good model"


@dataclass
class Outcome:
    seconds: float | None  # None: the target was not reached
    epoch: int | None
    best: float  # the best score seen


def time_to(config: TrainConfig, target: float, runs_dir: Path) -> Outcome:
    """Train as the app would with `config`; seconds until an epoch's score reaches `target`."""
    control = TrainingControl()
    reached: list[tuple[float, int]] = []
    best = [0.0]
    started = time.perf_counter()

    def emit(event) -> None:
        score = None
        if isinstance(event, EpochEnd):
            score = event.val_accuracy
        elif isinstance(event, TranslateEpochEnd):
            score = event.exact_match if event.exact_match is not None else event.bleu / 100
        if score is None:
            return
        best[0] = max(best[0], score)
        if score >= target and not reached:
            reached.append((time.perf_counter() - started, event.epoch))
            control.stop()

    train = train_translator if config.task == "translate" else train_classifier
    train(config, runs_dir=runs_dir, emit=emit, control=control, export=False)
    if not reached:
        return Outcome(None, None, best[0])
    return Outcome(reached[0][0], reached[0][1], best[0])


def compare(title: str, target: float, default: TrainConfig, candidates: dict[str, TrainConfig], runs_dir: Path,
            unit_words: str) -> list[Measure]:
    """Measure the default and each candidate; one Measure per candidate against the default."""
    resolved = resolve_defaults(default)
    base = time_to(default, target, runs_dir)
    words = (f"{resolved.model}, {resolved.epochs} epochs, batch {resolved.batch_size}, lr {resolved.lr:g}, "
             f"{resolved.schedule}")
    if base.seconds is None:
        measures = [Measure(BENCH, f"{title}: app defaults ({words})", float("nan"), "s", target=f"reach {unit_words}",
                            met=False, note=f"not reached; best {base.best:.1%}")]
    else:
        measures = [Measure(BENCH, f"{title}: app defaults ({words})", base.seconds, "s", target=f"reach {unit_words}",
                            met=True, note=f"reached at epoch {base.epoch}")]
    for name, config in candidates.items():
        outcome = time_to(config, target, runs_dir)
        if outcome.seconds is None:
            measures.append(Measure(BENCH, f"{title}: {name}", float("nan"), "s", note=f"not reached; best {outcome.best:.1%}"))
            continue
        faster = base.seconds is None or outcome.seconds < base.seconds
        measures.append(Measure(BENCH, f"{title}: {name}", outcome.seconds, "s", base.seconds, "app defaults",
                                None if base.seconds is None else base.seconds / outcome.seconds,
                                note=f"epoch {outcome.epoch}; ratio: defaults' time / this one's"
                                     + ("; FASTER than the defaults" if faster else "")))
    return measures


def main() -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    torch.manual_seed(0)
    measures: list[Measure] = []
    with tempfile.TemporaryDirectory() as tmp:
        runs = Path(tmp) / "runs"
        # Warm-up runs, not measured: the first run in a process pays for loading libraries,
        # starting thread pools and reading the data from disk, which would count against the
        # defaults (measured first) only.
        time_to(TrainConfig(dataset="digits", epochs=1), 2.0, runs)
        time_to(TrainConfig(task="translate", dataset="numbers:en-fr", model="gru-attention", epochs=1), 2.0, runs)
        digits = TrainConfig(dataset="digits")
        digits_candidates = {} if args.quick else {
            "8 epochs": TrainConfig(dataset="digits", epochs=8),
            "batch 64, lr 0.005": TrainConfig(dataset="digits", batch_size=64, lr=5e-3),
            "mlp": TrainConfig(dataset="digits", model="mlp"),
        }
        measures += compare("digits to 97% validation accuracy", 0.97, digits, digits_candidates, runs, "97%")
        numbers = TrainConfig(task="translate", dataset="numbers:en-fr", model=DEFAULT_MODELS["translate"])
        numbers_candidates = {} if args.quick else {
            "gru-attention": TrainConfig(task="translate", dataset="numbers:en-fr", model="gru-attention"),
            "4 epochs": TrainConfig(task="translate", dataset="numbers:en-fr", model=DEFAULT_MODELS["translate"], epochs=4),
        }
        measures += compare("numbers:en-fr to 99% exact match", 0.99, numbers, numbers_candidates, runs, "99%")
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
