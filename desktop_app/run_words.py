"""Runs in words for people: task and status names, dates, durations, a short name per run.

Shared by the Runs page and its views; no Qt, no torch.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

# The tasks' names for people, everywhere in the window (the Data page's task list too).
TASK_NAMES = {"classify": "Image classification", "gan": "Image generation (GAN)", "translate": "Translation",
              "textgen": "Text generation"}

# Shorter, for a table column.
TASK_SHORT_NAMES = {"classify": "Classification", "gan": "Generation (GAN)", "translate": "Translation",
                    "textgen": "Text generation"}

STATUS_NAMES = {
    "running": "Training…",
    "finished": "Finished",
    "stopped": "Stopped",
    "interrupted": "Interrupted",
    "failed": "Failed",
}
STATUS_TIPS = {
    "running": "This run is being trained now.",
    "finished": "Training ran to the end (or stopped early because the model stopped improving).",
    "stopped": "Training was stopped before the last epoch; you can resume it.",
    "interrupted": "The app or computer closed while this run was training; you can resume it from its last epoch.",
    "failed": "Training stopped because of a problem; the run's details say which.",
}


def task_name(task: str) -> str:
    """'Image classification' for "classify"; unknown tasks keep their own name."""
    return TASK_NAMES.get(task, task)


def status_name(status: str) -> str:
    """'Finished' for "finished", 'Training…' for "running"."""
    return STATUS_NAMES.get(status, status.capitalize())


def dataset_name(dataset: str) -> str:
    """The dataset as people call it: 'digits', 'numbers:en-fr', or a folder's own name
    instead of its whole path ('folder:/home/ann/cats' -> 'cats')."""
    family, _, argument = dataset.partition(":")
    if argument and ("/" in argument or "\\" in argument):
        return Path(argument.rstrip("/\\")).name or dataset
    return dataset


def format_date(created: float) -> str:
    """'2025-03-14 09:05' in local time (sorts the same as the timestamp)."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(created))


def format_duration(seconds: float) -> str:
    """'42.0 s', '3 min 5 s' or '2 h 10 min'; an empty string for no time at all."""
    if not seconds or seconds <= 0:
        return ""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {rest} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def run_name(record: Any) -> str:
    """A short name that tells runs apart in a legend or a column: 'mlp on digits, 03-14 09:05'."""
    stamp = time.strftime("%m-%d %H:%M", time.localtime(record.created))
    return f"{record.model} on {dataset_name(record.dataset)}, {stamp}"


def run_names(records: list[Any]) -> list[str]:
    """A `run_name` for each of `records` that tells it apart from the others: the seconds are
    added where two runs started in the same minute, then a number where that is not enough."""
    plain = [run_name(r) for r in records]
    names = [name + time.strftime(":%S", time.localtime(r.created)) if plain.count(name) > 1 else name
             for name, r in zip(plain, records)]
    seen: dict[str, int] = {}
    timed = list(names)
    for index, name in enumerate(timed):
        if timed.count(name) > 1:
            seen[name] = seen.get(name, 0) + 1
            names[index] = f"{name} ({seen[name]})"
    return names


def format_value(value: Any) -> str:
    """A setting's value in a table cell: numbers without noise, yes/no, '—' for unset."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {format_value(v)}" for k, v in value.items()) or "—"
    return str(value)
