"""Terminal progress for the command line: one line per epoch, a bar for downloads."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from engine.train.events import (EpochEnd, GanEpochEnd, Status, TextgenEpochEnd, TrainingFinished, TrainingStarted,
                                 TranslateEpochEnd)


class ByteProgress:
    """A single self-rewriting progress line for downloads and folder loading, throttled."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self._stream = stream
        self._last = 0.0
        self._shown = False
        self._last_done = -1

    @property
    def stream(self) -> TextIO:
        return self._stream or sys.stderr  # looked up late: sys.stderr may be replaced

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if total and done >= total and self._last_done >= total:
            return  # completion already shown
        self._last_done = done
        if now - self._last < 0.2 and (total == 0 or done < total):
            return
        self._last = now
        if total:
            width = 30
            filled = int(width * done / total)
            text = f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {100 * done / total:5.1f}%"
        else:
            text = f"\r{self.label} {done:,}"
        self.stream.write(text)
        self.stream.flush()
        self._shown = True
        if total and done >= total:
            self.stream.write("\n")
            self._shown = False


def format_event(event) -> str | None:
    """The stderr line for a training event, or None for events that print nothing."""
    if isinstance(event, TrainingStarted):
        start = f", resuming at epoch {event.start_epoch}" if event.start_epoch > 1 else ""
        images = (f"{event.train_size:,} training and {event.val_size:,} validation {event.items}" if event.val_size
                  else f"{event.train_size:,} pictures")
        return (f"Training {event.model_name} ({event.parameters:,} parameters) on {event.device}: "
                f"{images}{start}.\nRun folder: {event.run_dir}")
    if isinstance(event, Status):
        return event.message
    if isinstance(event, GanEpochEnd):
        best = "  *best" if event.is_best else ""
        quality = ""
        if event.recognised == event.recognised:  # not NaN: a reference classifier judged the samples
            quality = f"  recognised {100 * event.recognised:.1f}%  classes {event.coverage}/{event.num_classes}"
            if event.agreement is not None:
                quality += f"  as asked {100 * event.agreement:.1f}%"
        return (f"Epoch {event.epoch}/{event.epochs}  D loss {event.d_loss:.3f}  G loss {event.g_loss:.3f}"
                f"  D(x) {event.d_real:.2f}  D(G(z)) {event.d_fake:.2f}{quality}"
                f"  {event.samples_per_second:,.0f} img/s  {event.seconds:.1f}s{best}")
    if isinstance(event, EpochEnd):
        best = "  *best" if event.is_best else ""
        return (f"Epoch {event.epoch}/{event.epochs}  loss {event.train_loss:.4f}  acc {100 * event.train_accuracy:.2f}%"
                f"  val loss {event.val_loss:.4f}  val acc {100 * event.val_accuracy:.2f}%  lr {event.learning_rate:.2g}"
                f"  {event.samples_per_second:,.0f} img/s  {event.seconds:.1f}s{best}")
    if isinstance(event, TranslateEpochEnd):
        best = "  *best" if event.is_best else ""
        exact = f"  exact {100 * event.exact_match:.1f}%" if event.exact_match is not None else ""
        sample = ""
        if event.samples:
            source, _, translation = event.samples[0]
            sample = f"\n    {source} -> {translation}"
        return (f"Epoch {event.epoch}/{event.epochs}  loss {event.train_loss:.3f}  val loss {event.val_loss:.3f}"
                f"  tokens {100 * event.token_accuracy:.1f}%  BLEU {event.bleu:.1f}  chrF {event.chrf:.1f}{exact}"
                f"  {event.samples_per_second:,.0f} pairs/s  {event.seconds:.1f}s{best}{sample}")
    if isinstance(event, TextgenEpochEnd):
        best = "  *best" if event.is_best else ""
        first_line = next((line for line in event.sample.splitlines() if line.strip()), "")[:70]
        sample = f"\n    {event.prompt}{first_line}" if event.sample else ""
        return (f"Epoch {event.epoch}/{event.epochs}  loss {event.train_loss:.3f}  val loss {event.val_loss:.3f}"
                f"  perplexity {event.val_perplexity:.2f} (by letter frequency: {event.unigram_perplexity:.1f})"
                f"  {event.samples_per_second:,.0f} chars/s  {event.seconds:.1f}s{best}{sample}")
    if isinstance(event, TrainingFinished) and event.extra.get("task") == "textgen":
        if event.status == "failed" or not event.epochs_done:
            return event.reason
        return (f"{event.reason} Best epoch {event.best_epoch}: validation perplexity "
                f"{event.extra.get('val_perplexity', 0):.2f} (by letter frequency alone: "
                f"{event.extra.get('unigram_perplexity', 0):.1f}).")
    if isinstance(event, TrainingFinished) and event.extra.get("task") == "translate":
        if event.status == "failed" or not event.epochs_done:
            return event.reason
        exact = event.extra.get("exact_match")
        exact_text = f", {100 * exact:.1f}% exactly right" if exact is not None else ""
        return (f"{event.reason} Best epoch {event.best_epoch}: BLEU {event.extra.get('bleu', 0):.1f}, "
                f"chrF {event.extra.get('chrf', 0):.1f}{exact_text} on the validation sentences.")
    if isinstance(event, TrainingFinished) and event.extra.get("task") == "gan":
        if event.status == "failed" or not event.epochs_done:
            return event.reason
        coverage = event.extra.get("coverage", 0)
        return (f"{event.reason} Best epoch {event.best_epoch}: {100 * event.best_val_accuracy:.1f}% of samples recognised, "
                f"{coverage} of {event.extra.get('num_classes', 0)} classes present.")
    if isinstance(event, TrainingFinished):
        return f"{event.reason} Best validation accuracy {100 * event.best_val_accuracy:.2f}% at epoch {event.best_epoch}."
    return None
