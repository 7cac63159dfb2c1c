"""Terminal progress for the command line: one line per epoch, a bar for downloads."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from engine.train.events import (EpochEnd, GanEpochEnd, Status, TextgenEpochEnd, TrainingFinished, TrainingStarted,
                                 TranslateEpochEnd)
from engine.sentences import Sentence


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


def _sizes(event) -> Sentence:
    """"1,437 training and 360 validation images", or "1,797 pictures" without a validation set."""
    train, val = event.train_size, event.val_size
    if not val:
        return Sentence("{count:,} pictures", count=train)
    if event.items == "images":
        return Sentence("{train:,} training and {val:,} validation images", train=train, val=val)
    if event.items == "sentence pairs":
        return Sentence("{train:,} training and {val:,} validation sentence pairs", train=train, val=val)
    if event.items == "characters":
        return Sentence("{train:,} training and {val:,} validation characters", train=train, val=val)
    return Sentence("{train:,} training and {val:,} validation {items}", train=train, val=val, items=event.items)


def _with_best(line: Sentence, event) -> Sentence:
    """`line` with "  *best" after it when the epoch is the best so far."""
    return line + Sentence("  *best") if event.is_best else line


def format_event(event) -> Sentence | None:
    """The stderr line for a training event (also the Train page's log line), or None for
    events that print nothing."""
    if isinstance(event, TrainingStarted):
        if event.start_epoch > 1:
            return Sentence("Training {model} ({parameters:,} parameters) on {device}: {sizes}, resuming at epoch "
                            "{epoch}.\nRun folder: {run_dir}", model=event.model_name, parameters=event.parameters,
                            device=event.device, sizes=_sizes(event), epoch=event.start_epoch, run_dir=event.run_dir)
        return Sentence("Training {model} ({parameters:,} parameters) on {device}: {sizes}.\nRun folder: {run_dir}",
                        model=event.model_name, parameters=event.parameters, device=event.device, sizes=_sizes(event),
                        run_dir=event.run_dir)
    if isinstance(event, Status):
        return event.message
    if isinstance(event, GanEpochEnd):
        quality = ""
        if event.recognised == event.recognised:  # not NaN: a reference classifier judged the samples
            quality = Sentence("  recognised {share:.1f}%  classes {coverage}/{classes}",
                               share=100 * event.recognised, coverage=event.coverage, classes=event.num_classes)
            if event.agreement is not None:
                quality += Sentence("  as asked {share:.1f}%", share=100 * event.agreement)
        return _with_best(Sentence(
            "Epoch {epoch}/{epochs}  D loss {d_loss:.3f}  G loss {g_loss:.3f}  D(x) {d_real:.2f}  D(G(z)) {d_fake:.2f}"
            "{quality}  {speed:,.0f} img/s  {seconds:.1f}s", epoch=event.epoch, epochs=event.epochs, d_loss=event.d_loss,
            g_loss=event.g_loss, d_real=event.d_real, d_fake=event.d_fake, quality=quality,
            speed=event.samples_per_second, seconds=event.seconds), event)
    if isinstance(event, EpochEnd):
        return _with_best(Sentence(
            "Epoch {epoch}/{epochs}  loss {loss:.4f}  acc {accuracy:.2f}%  val loss {val_loss:.4f}  val acc "
            "{val_accuracy:.2f}%  lr {lr:.2g}  {speed:,.0f} img/s  {seconds:.1f}s", epoch=event.epoch,
            epochs=event.epochs, loss=event.train_loss, accuracy=100 * event.train_accuracy, val_loss=event.val_loss,
            val_accuracy=100 * event.val_accuracy, lr=event.learning_rate, speed=event.samples_per_second,
            seconds=event.seconds), event)
    if isinstance(event, TranslateEpochEnd):
        exact = ("" if event.exact_match is None else
                 Sentence("  exact {share:.1f}%", share=100 * event.exact_match))
        line = _with_best(Sentence(
            "Epoch {epoch}/{epochs}  loss {loss:.3f}  val loss {val_loss:.3f}  tokens {tokens:.1f}%  BLEU {bleu:.1f}  "
            "chrF {chrf:.1f}{exact}  {speed:,.0f} pairs/s  {seconds:.1f}s", epoch=event.epoch, epochs=event.epochs,
            loss=event.train_loss, val_loss=event.val_loss, tokens=100 * event.token_accuracy, bleu=event.bleu,
            chrf=event.chrf, exact=exact, speed=event.samples_per_second, seconds=event.seconds), event)
        if event.samples:
            source, _, translation = event.samples[0]
            line += Sentence("\n    {source} -> {translation}", source=source, translation=translation)
        return line
    if isinstance(event, TextgenEpochEnd):
        line = _with_best(Sentence(
            "Epoch {epoch}/{epochs}  loss {loss:.3f}  val loss {val_loss:.3f}  perplexity {perplexity:.2f} (by letter "
            "frequency: {unigram:.1f})  {speed:,.0f} chars/s  {seconds:.1f}s", epoch=event.epoch, epochs=event.epochs,
            loss=event.train_loss, val_loss=event.val_loss, perplexity=event.val_perplexity,
            unigram=event.unigram_perplexity, speed=event.samples_per_second, seconds=event.seconds), event)
        if event.sample:
            first_line = next((row for row in event.sample.splitlines() if row.strip()), "")[:70]
            line += Sentence("\n    {prompt}{text}", prompt=event.prompt, text=first_line)
        return line
    if isinstance(event, TrainingFinished) and event.extra.get("task") == "textgen":
        if event.status == "failed" or not event.epochs_done:
            return event.reason
        return Sentence("{reason} Best epoch {epoch}: validation perplexity {perplexity:.2f} (by letter frequency "
                        "alone: {unigram:.1f}).", reason=event.reason, epoch=event.best_epoch,
                        perplexity=event.extra.get("val_perplexity", 0), unigram=event.extra.get("unigram_perplexity", 0))
    if isinstance(event, TrainingFinished) and event.extra.get("task") == "translate":
        if event.status == "failed" or not event.epochs_done:
            return event.reason
        exact = event.extra.get("exact_match")
        exact_text = "" if exact is None else Sentence(", {share:.1f}% exactly right", share=100 * exact)
        return Sentence("{reason} Best epoch {epoch}: BLEU {bleu:.1f}, chrF {chrf:.1f}{exact} on the validation "
                        "sentences.", reason=event.reason, epoch=event.best_epoch, bleu=event.extra.get("bleu", 0),
                        chrf=event.extra.get("chrf", 0), exact=exact_text)
    if isinstance(event, TrainingFinished) and event.extra.get("task") == "gan":
        if event.status == "failed" or not event.epochs_done:
            return event.reason
        return Sentence("{reason} Best epoch {epoch}: {share:.1f}% of samples recognised, {coverage} of {classes} "
                        "classes present.", reason=event.reason, epoch=event.best_epoch,
                        share=100 * event.best_val_accuracy, coverage=event.extra.get("coverage", 0),
                        classes=event.extra.get("num_classes", 0))
    if isinstance(event, TrainingFinished):
        return Sentence("{reason} Best validation accuracy {share:.2f}% at epoch {epoch}.", reason=event.reason,
                        share=100 * event.best_val_accuracy, epoch=event.best_epoch)
    return None
