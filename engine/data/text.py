"""The in-memory form of a parallel corpus, and the bundled numbers generator.

`numbers:en-fr` (also en-de, en-es and the reverse directions) pairs English number words with
the same number written out in the other language, made with num2words: a real grammar that
trains in a minute, works offline, and holds fixed numbers out for validation and test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine.data.registry import LoadOptions, register_dataset
from engine.errors import ConfigError, DataError
from engine.sentences import Sentence

Pair = tuple[str, str]

NUMBER_LANGUAGES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish"}
NUMBER_PAIRS = ("en-fr", "en-de", "en-es", "fr-en", "de-en", "es-en")
NUMBERS_RANGE = 10_000  # 0 .. 9,999
NUMBERS_TEST = 1_000
NUMBERS_VAL = 500
NUMBERS_SPLIT_SEED = 2024  # fixed, so the held-out numbers are the same for everybody


@dataclass
class ParallelData:
    """Sentence pairs (source, target) split into train, validation and test.

    `val` and `test` are empty when the source has no such split (the trainer then draws a
    validation split from train). `skipped` counts malformed lines left out while reading."""

    name: str
    source_language: str  # a code ("en") or a name people recognise
    target_language: str
    train: list[Pair]
    val: list[Pair] = field(default_factory=list)
    test: list[Pair] = field(default_factory=list)
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)
    exact_match: bool = False  # True where one right answer exists (numbers): report exact match

    @property
    def size(self) -> int:
        return len(self.train) + len(self.val) + len(self.test)

    def length_histogram(self, side: str = "source", bins: int = 20) -> tuple[np.ndarray, np.ndarray]:
        """(counts, edges) of sentence lengths in words over every split; `side` is "source" or "target"."""
        index = 0 if side == "source" else 1
        lengths = [len(pair[index].split()) for split in (self.train, self.val, self.test) for pair in split]
        return np.histogram(np.asarray(lengths or [0]), bins=bins)


def number_words(number: int, language: str) -> str:
    """`number` written out in `language` ("en", "fr", "de", "es"), without commas."""
    from num2words import num2words

    return num2words(number, lang=language).replace(",", "")


def _parse_direction(argument: str | None) -> tuple[str, str]:
    direction = (argument or "en-fr").strip().lower()
    if direction not in NUMBER_PAIRS:
        raise ConfigError(Sentence("The numbers dataset has no direction '{direction}'. Choose one of: {known} (for "
                                   "example numbers:en-fr).", direction=direction, known=", ".join(NUMBER_PAIRS)))
    source, target = direction.split("-")
    return source, target


def numbers_split() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The numbers (train, val, test) used by every `numbers:` dataset: a fixed shuffle."""
    order = np.random.default_rng(NUMBERS_SPLIT_SEED).permutation(NUMBERS_RANGE)
    test, val = order[:NUMBERS_TEST], order[NUMBERS_TEST:NUMBERS_TEST + NUMBERS_VAL]
    return order[NUMBERS_TEST + NUMBERS_VAL:], val, test


@register_dataset("numbers", "Numbers written out in words, English to French, German or Spanish (numbers:en-fr): "
                  "bundled, trains a translator in a minute, works offline.", tasks=("translate",), takes_argument=True,
                  default_argument="en-fr")
def load_numbers(argument: str | None, options: LoadOptions) -> ParallelData:
    """Pairs for 0..9,999: 1,000 numbers held out for test and 500 for validation, always the same."""
    source, target = _parse_direction(argument)
    try:
        splits = [[(number_words(int(n), source), number_words(int(n), target)) for n in part] for part in numbers_split()]
    except (ImportError, NotImplementedError) as exc:
        raise DataError(Sentence("The numbers dataset needs the num2words package; reinstall ModelDesk.")) from exc
    train, val, test = splits
    return ParallelData(f"numbers:{source}-{target}", source, target, train, val, test, exact_match=True)
