"""What every benchmark reports, and how `make bench` collects it into docs/performance.md.

Each benchmark script measures ModelDesk against a baseline in the same run (these machines
are noisy, so ratios matter, not absolute times) and hands back a list of `Measure`s:

    from report import Measure, finish
    ...
    finish("cold start", measures, args)     # prints them; writes --json PATH when given

`bench/run_all.py` runs every script in its own process with `--json`, then writes the table.
Benchmarks are not tests: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable


@dataclass
class Measure:
    """One measured figure, next to the baseline it is compared with."""

    bench: str  # which benchmark: "cold start", "training throughput", ...
    what: str  # what was measured: "main window shown", "classify cnn-small, samples/s"
    value: float
    unit: str  # "s", "ms", "samples/s", "GFLOP/s", "%", ...
    baseline: float | None = None  # the same quantity for the baseline, measured in the same run
    baseline_what: str = ""  # "bare PySide6 window", "bare PyTorch loop"
    ratio: float | None = None  # how the pair compares (say which way round in `target`/`note`)
    target: str = ""  # the target in words: "ratio >= 0.97", "within 0.5 s"
    met: bool | None = None  # None when there is no target
    note: str = ""  # one line: why a target is missed, what was chosen

    def line(self) -> str:
        """One printed line: value, baseline, ratio, target and whether it is met."""
        text = f"[{self.bench}] {self.what}: {_number(self.value)} {self.unit}"
        if self.baseline is not None:
            text += f" vs {_number(self.baseline)} {self.unit} ({self.baseline_what})"
        if self.ratio is not None:
            text += f", ratio {self.ratio:.3f}"
        if self.target:
            text += f"; target {self.target}: " + {True: "met", False: "MISSED", None: "-"}[self.met]
        if self.note:
            text += f" ({self.note})"
        return text


def _number(value: float) -> str:
    if value == 0 or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}"
    return f"{value:.3g}"


def arguments(description: str) -> argparse.ArgumentParser:
    """The flags every benchmark takes: --quick (smaller, for a smoke run) and --json PATH."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="a smaller run that only checks the script works")
    parser.add_argument("--json", type=Path, help="also write the measures to this JSON file")
    return parser


def finish(bench: str, measures: list[Measure], args: argparse.Namespace) -> None:
    """Print every measure (one line each) and write them to `args.json` when given."""
    print(f"== {bench} ==", flush=True)
    for measure in measures:
        print(measure.line(), flush=True)
    if getattr(args, "json", None):
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(m) for m in measures], indent=1), encoding="utf-8")


def load(path: Path) -> list[Measure]:
    """The measures a benchmark wrote with --json."""
    return [Measure(**item) for item in json.loads(Path(path).read_text(encoding="utf-8"))]


def interleaved(first: Callable[[], float], second: Callable[[], float], rounds: int) -> tuple[list[float], list[float]]:
    """Call `first` and `second` alternately `rounds` times each (starting with the one that
    went second last round), so drifting machine load hits both alike; their results in order."""
    a, b = [], []
    for round_ in range(rounds):
        if round_ % 2 == 0:
            a.append(first())
            b.append(second())
        else:
            b.append(second())
            a.append(first())
    return a, b


def median(values: Iterable[float]) -> float:
    """The median (benchmarks report medians of rounds: robust to one disturbed round)."""
    return statistics.median(list(values))


def timed(fn: Callable[[], object]) -> float:
    """Seconds `fn()` took."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def machine() -> dict[str, str]:
    """The machine and the versions the figures were measured with."""
    info = {"python": platform.python_version(), "system": f"{platform.system()} {platform.release()}",
            "cores": str(os.cpu_count())}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            names = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
        if names:
            info["cpu"] = names[0]
    except OSError:
        info["cpu"] = platform.processor() or platform.machine()
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            kb = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
        info["memory"] = f"{kb / 1024 ** 2:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    for module in ("torch", "onnxruntime", "PySide6", "numpy"):
        try:
            info[module] = __import__(module).__version__
        except Exception:  # noqa: BLE001 - a missing package is just not listed
            pass
    try:
        import torch

        info["gpu"] = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "none"
    except Exception:  # noqa: BLE001
        info["gpu"] = "unknown"
    return info
