"""Writing text one character after another with a character-level language model: greedy, or
sampled with a temperature and top-k, the same for the same seed. No torch and no ONNX Runtime:
the model is a `step` callable, so training (PyTorch) and the playground (ONNX Runtime) share
every choice made here.

`step(ids, state) -> (logits, new_state)`: ids (1, T) int64, state None for the start (the
model's zero state) or what the previous call returned; logits (1, V) for the character after
the last of `ids`.
"""

from __future__ import annotations

from typing import Any, Callable, Iterator

import numpy as np

from engine.errors import ConfigError
from engine.sentences import Sentence
from engine.text.tokenizers import SPECIALS, CharTokenizer

Step = Callable[[np.ndarray, Any], tuple[np.ndarray, Any]]

MAX_LENGTH = 100_000  # characters one call may write
MAX_PROMPT = 10_000  # only the last this many characters of a longer prompt are read
MAX_TEMPERATURE = 10.0
START_CHARACTER = "\n"  # what an empty prompt starts from (a new paragraph), when the vocabulary has it


def check_settings(length: int, temperature: float, top_k: int) -> None:
    """Raise ConfigError with a plain sentence for settings generation cannot use."""
    if not 0 <= int(length) <= MAX_LENGTH:
        raise ConfigError(Sentence("The length must be between 0 and {limit:,} characters.", limit=MAX_LENGTH))
    if not 0.0 <= float(temperature) <= MAX_TEMPERATURE:
        raise ConfigError(Sentence("The temperature must be between 0 (always the likeliest character) and {limit:g} "
                                   "(0.8 is a good start).", limit=MAX_TEMPERATURE))
    if int(top_k) < 0:
        raise ConfigError(Sentence("Top-k must be 0 (no limit) or a positive number of characters to choose from."))


def unknown_characters(tokenizer: CharTokenizer, prompt: str) -> list[str]:
    """The distinct characters of `prompt` that the model never saw, in order of appearance
    (generation leaves them out of what the model reads)."""
    known = set(tokenizer.chars)
    return list(dict.fromkeys(c for c in prompt if c not in known))


def prompt_ids(tokenizer: CharTokenizer, prompt: str) -> list[int]:
    """The ids the model reads for `prompt`: its last MAX_PROMPT characters, leaving out those
    the model never saw; for an empty result, one START_CHARACTER (or the most frequent
    character when the text had no line breaks)."""
    known = set(tokenizer.chars)
    ids = tokenizer.encode("".join(c for c in prompt[-MAX_PROMPT:] if c in known))
    if ids:
        return ids
    start = START_CHARACTER if START_CHARACTER in known else tokenizer.chars[0]
    return tokenizer.encode(start)


def choose(logits: np.ndarray, temperature: float, top_k: int, rng: np.random.Generator) -> int:
    """The next token id from one row of logits (V,): the likeliest at temperature 0, else drawn
    from softmax(logits / temperature) over the `top_k` likeliest (all when 0). Special tokens
    (padding, start, end, unknown) are never chosen."""
    scores = np.array(logits, dtype=np.float64).reshape(-1)
    scores[: len(SPECIALS)] = -np.inf
    if temperature <= 0:
        return int(np.argmax(scores))
    if 0 < top_k < scores.size:
        cut = np.partition(scores, -top_k)[-top_k]
        scores[scores < cut] = -np.inf
    scores = (scores - scores.max()) / temperature
    weights = np.exp(scores)
    cumulative = np.cumsum(weights)
    index = int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))
    return min(index, scores.size - 1)


def stream_text(step: Step, tokenizer: CharTokenizer, prompt: str = "", length: int = 300, temperature: float = 0.8,
                top_k: int = 0, seed: int = 0) -> Iterator[str]:
    """Yield the continuation of `prompt`, one character at a time as it is chosen (the prompt
    itself is not repeated), `length` characters in all.

    Deterministic for a seed: the draws come from `numpy.random.default_rng(seed)`. Temperature
    0 is greedy (the seed then does not matter). Characters of the prompt the model never saw
    are skipped (see `unknown_characters`). Unusable settings raise ConfigError here, before
    the first character is asked for."""
    check_settings(length, temperature, top_k)
    return _stream(step, tokenizer, prompt, int(length), float(temperature), int(top_k), int(seed))


def _stream(step: Step, tokenizer: CharTokenizer, prompt: str, length: int, temperature: float, top_k: int,
            seed: int) -> Iterator[str]:
    rng = np.random.default_rng(seed)
    if length == 0:
        return
    logits, state = step(np.asarray([prompt_ids(tokenizer, prompt)], dtype=np.int64), None)
    for written in range(length):
        token = choose(logits[0], temperature, top_k, rng)
        yield tokenizer.decode([token])
        if written + 1 < length:
            logits, state = step(np.asarray([[token]], dtype=np.int64), state)


def write_text(step: Step, tokenizer: CharTokenizer, prompt: str = "", length: int = 300, temperature: float = 0.8,
               top_k: int = 0, seed: int = 0) -> str:
    """The whole continuation `stream_text` yields, as one string."""
    return "".join(stream_text(step, tokenizer, prompt, length, temperature, top_k, seed))
