"""Runs in words for people: task and status names, dates, durations, a short name per run.

Shared by the Runs page and its views; no torch. The tables hold English marked with
QT_TRANSLATE_NOOP("RunWords", ...) and are translated where they are shown (`task_name`, `status_name`…).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def _tr(text: str) -> str:
    """`text` in the window's language (context "RunWords")."""
    return QCoreApplication.translate("RunWords", text)


# The tasks' names for people, everywhere in the window (the Data page's task list too).
TASK_NAMES = {"classify": QT_TRANSLATE_NOOP("RunWords", "Image classification"),
              "gan": QT_TRANSLATE_NOOP("RunWords", "Image generation (GAN)"),
              "translate": QT_TRANSLATE_NOOP("RunWords", "Translation"),
              "textgen": QT_TRANSLATE_NOOP("RunWords", "Text generation")}

# Shorter, for a table column.
TASK_SHORT_NAMES = {"classify": QT_TRANSLATE_NOOP("RunWords", "Classification"),
                    "gan": QT_TRANSLATE_NOOP("RunWords", "Generation (GAN)"),
                    "translate": QT_TRANSLATE_NOOP("RunWords", "Translation"),
                    "textgen": QT_TRANSLATE_NOOP("RunWords", "Text generation")}

STATUS_NAMES = {
    "running": QT_TRANSLATE_NOOP("RunWords", "Training…"),
    "finished": QT_TRANSLATE_NOOP("RunWords", "Finished"),
    "stopped": QT_TRANSLATE_NOOP("RunWords", "Stopped"),
    "interrupted": QT_TRANSLATE_NOOP("RunWords", "Interrupted"),
    "failed": QT_TRANSLATE_NOOP("RunWords", "Failed"),
}
STATUS_TIPS = {
    "running": QT_TRANSLATE_NOOP("RunWords", "This run is being trained now."),
    "finished": QT_TRANSLATE_NOOP("RunWords", "Training ran to the end (or stopped early because the model stopped "
                                              "improving)."),
    "stopped": QT_TRANSLATE_NOOP("RunWords", "Training was stopped before the last epoch; you can resume it."),
    "interrupted": QT_TRANSLATE_NOOP("RunWords", "The app or computer closed while this run was training; you can "
                                                 "resume it from its last epoch."),
    "failed": QT_TRANSLATE_NOOP("RunWords", "Training stopped because of a problem; the run's details say which."),
}


def task_name(task: str) -> str:
    """'Image classification' for "classify"; unknown tasks keep their own name."""
    return _tr(TASK_NAMES[task]) if task in TASK_NAMES else task


def task_short_name(task: str) -> str:
    """'Classification' for "classify", for a table column; unknown tasks keep their own name."""
    return _tr(TASK_SHORT_NAMES[task]) if task in TASK_SHORT_NAMES else task


def status_name(status: str) -> str:
    """'Finished' for "finished", 'Training…' for "running"."""
    return _tr(STATUS_NAMES[status]) if status in STATUS_NAMES else status.capitalize()


def status_tip(status: str) -> str:
    """What the status means, in a sentence (empty for an unknown status)."""
    return _tr(STATUS_TIPS[status]) if status in STATUS_TIPS else ""


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
        return QCoreApplication.translate("RunWords", "{seconds} s").format(seconds=f"{seconds:.1f}")
    minutes, rest = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return QCoreApplication.translate("RunWords", "{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("RunWords", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)


def run_name(record: Any) -> str:
    """A short name that tells runs apart in a legend or a column: 'mlp on digits, 03-14 09:05'."""
    stamp = time.strftime("%m-%d %H:%M", time.localtime(record.created))
    return QCoreApplication.translate("RunWords", "{model} on {dataset}, {time}").format(
        model=record.model, dataset=dataset_name(record.dataset), time=stamp)


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


def headline_words(task: str, best_val_accuracy: float | None, dataset: str = "",
                   best_val_loss: float | None = None) -> str:
    """engine.runs.compare.headline in the window's language: '98.1% accuracy', 'perplexity 4.21'…"""
    from engine.runs.compare import headline

    text = headline(task, best_val_accuracy, dataset, best_val_loss)
    share, _, word = text.partition("% ")
    if word in HEADLINE_WORDS:
        return _tr(HEADLINE_WORDS[word]).format(share=share + "%")
    if text.startswith("perplexity "):
        value = text.removeprefix("perplexity ")
        return QCoreApplication.translate("RunWords", "perplexity {value}").format(value=value)
    return text  # 'BLEU 31.2', or words the window does not know


# engine.runs.compare.headline's words, translated by `headline_words`.
HEADLINE_WORDS = {"accuracy": QT_TRANSLATE_NOOP("RunWords", "{share} accuracy"),
                  "recognised": QT_TRANSLATE_NOOP("RunWords", "{share} recognised"),
                  "exact": QT_TRANSLATE_NOOP("RunWords", "{share} exact")}


def settings_words(config: dict[str, Any]) -> str:
    """engine.runs.compare.key_settings in the window's language: '15 epochs, batch 32, lr 0.003'."""
    parts = []
    if config.get("epochs") is not None:
        epochs = config["epochs"]
        parts.append((QCoreApplication.translate("RunWords", "{count} epoch") if epochs == 1 else
                      QCoreApplication.translate("RunWords", "{count} epochs")).format(count=epochs))
    if config.get("batch_size") is not None:
        parts.append(QCoreApplication.translate("RunWords", "batch {size}").format(size=config["batch_size"]))
    if config.get("lr") is not None:
        parts.append(QCoreApplication.translate("RunWords", "lr {rate}").format(rate=f"{config['lr']:g}"))
    if config.get("augment") not in (None, "none"):
        parts.append(str(config["augment"]))
    return QCoreApplication.translate("RunWords", ", ").join(parts)


def format_value(value: Any) -> str:
    """A setting's value in a table cell: numbers without noise, yes/no, '—' for unset."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("RunWords", "yes") if value else QCoreApplication.translate("RunWords", "no")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {format_value(v)}" for k, v in value.items()) or "—"
    return str(value)
