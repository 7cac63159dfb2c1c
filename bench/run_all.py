"""`make bench`: every benchmark, each in its own process, then the table in docs/performance.md.

Each script prints its own ratios as it goes; at the end the measured table replaces the part
of docs/performance.md between the `bench:start` and `bench:end` markers (the text around it
is kept), with the machine it ran on. A script that fails is reported and the others still run.

Run: `.venv/bin/python bench/run_all.py [--quick] [--only NAME ...] [--no-write]`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from report import Measure, load, machine  # noqa: E402

SCRIPTS = ("cold_start", "train_throughput", "data_path", "gui_stall", "inference", "translate_decoding", "time_to_good")
DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def run(name: str, quick: bool, out: Path) -> tuple[list[Measure], str | None, float]:
    """Run bench/<name>.py; its measures, an error line when it failed, and its seconds."""
    script = HERE / f"{name}.py"
    if not script.exists():
        return [], "script missing", 0.0
    command = [sys.executable, str(script), "--json", str(out)] + (["--quick"] if quick else [])
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=_env())
    seconds = time.perf_counter() - started
    if result.returncode != 0 or not out.exists():
        return [], f"exit code {result.returncode}", seconds
    return load(out), None, seconds


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _cell(value: float | None, unit: str = "") -> str:
    if value is None or value != value:  # None or NaN
        return "–"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}" if abs(value) >= 1 else f"{value:.3g}"
    return f"{text} {unit}".strip()


def table(measures: list[Measure], failures: dict[str, str], seconds: dict[str, float], quick: bool) -> str:
    """The Markdown that goes between the markers."""
    info = machine()
    lines = [START, "", f"Measured {date.today().isoformat()} with `make bench`{' --quick' if quick else ''} "
             f"in {sum(seconds.values()) / 60:.1f} minutes.", "",
             "| machine | |", "| --- | --- |"]
    for key in ("cpu", "cores", "memory", "gpu", "system", "python", "torch", "onnxruntime", "PySide6", "numpy"):
        if key in info:
            lines.append(f"| {key} | {info[key]} |")
    lines += ["", "| benchmark | what | ModelDesk | baseline (same run) | ratio | target | met | note |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for m in measures:
        m = Measure(**{k: (v.replace("|", "\\|") if isinstance(v, str) else v) for k, v in vars(m).items()})
        baseline = f"{_cell(m.baseline, m.unit)} ({m.baseline_what})" if m.baseline is not None else "–"
        met = {True: "yes", False: "**no**", None: ""}[m.met]
        ratio = "–" if m.ratio is None else f"{m.ratio:.3f}"
        lines.append(f"| {m.bench} | {m.what} | {_cell(m.value, m.unit)} | {baseline} | {ratio} | {m.target} | {met} | "
                     f"{m.note} |")
    for name, error in failures.items():
        lines.append(f"| {name} | did not run: {error} | | | | | | |")
    lines += ["", "Seconds per script: " + ", ".join(f"{n} {s:.0f}" for n, s in seconds.items()) + ".", "", END]
    return "\n".join(lines)


def write(doc: Path, block: str) -> None:
    """Replace the block between the markers in `doc` (appending it when there are none)."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n\n"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller runs that only check every script works")
    parser.add_argument("--only", nargs="*", choices=SCRIPTS, help="run just these")
    parser.add_argument("--no-write", action="store_true", help="leave docs/performance.md alone")
    args = parser.parse_args()
    measures: list[Measure] = []
    failures: dict[str, str] = {}
    seconds: dict[str, float] = {}
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or SCRIPTS:
            print(f"\n--- {name} ---", flush=True)
            found, error, took = run(name, args.quick, Path(tmp) / f"{name}.json")
            measures += found
            seconds[name] = took
            if error:
                failures[name] = error
                print(f"{name}: did not run ({error})", flush=True)
    print(f"\n=== every ratio ({(time.perf_counter() - began) / 60:.1f} minutes) ===")
    for m in measures:
        print(m.line())
    for name, error in failures.items():
        print(f"[{name}] did not run: {error}")
    if not args.no_write:
        write(DOC, table(measures, failures, seconds, args.quick))
        print(f"wrote {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
