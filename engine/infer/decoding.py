"""Calling an exported translator in ONNX Runtime, with or without its decoder cache. No torch.

Two interfaces exist (TranslatorMetadata.decoding names those a file offers):

- "step" (every file): (source, target so far) -> (logits, attention). Each call re-reads the
  source and the whole prefix.
- "cached" (files exported since the cache was added): the same call also returns `new_memory`
  and `new_state`; fed back as `memory` and `state` with only the newest token as `target`,
  the model reads one token per step instead of the source and the whole prefix.

`DecoderSession` wraps a session with either; `prefix_step` and `cached_step` turn one source
sentence into the `Step` beam search calls; `onnx_greedy` decodes a padded batch greedily.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from engine.text.tokenizers import BOS, EOS, PAD

log = logging.getLogger(__name__)

STEP, CACHED = "step", "cached"
CACHE_INPUTS = ("memory", "state")
CACHE_OUTPUTS = ("logits", "attention", "new_memory", "new_state")

MAX_POSITIONS = 256  # the models' longest sequence (engine.models.translators.MAX_POSITIONS)

Step = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]  # prefixes (K, T) -> (log-probs (K, V), attention (K, S))


def max_target_tokens(source_length: int) -> int:
    """How many tokens a translation may have (the same rule as training's greedy decoding)."""
    return min(MAX_POSITIONS - 1, 2 * source_length + 10)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise log-softmax in float64 (stable)."""
    x = np.asarray(logits, dtype=np.float64)
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


def has_cache_interface(session: Any) -> bool:
    """True when the session's graph takes `memory` and `state` (optional inputs) and returns
    the four outputs of the cached interface."""
    optional = {i.name for i in session.get_overridable_initializers()} | {i.name for i in session.get_inputs()}
    outputs = [o.name for o in session.get_outputs()]
    return set(CACHE_INPUTS) <= optional and outputs == list(CACHE_OUTPUTS)


class DecoderSession:
    """A translator graph in ONNX Runtime. `cached` says whether to use its cache."""

    def __init__(self, session: Any, cached: bool) -> None:
        self.session = session
        self.cached = bool(cached)

    def prefix(self, source: np.ndarray, prefixes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Logits (N, V) and attention (N, S) for the token after each prefix (N, T): the step
        interface, re-reading the source and the whole prefix."""
        logits, attention = self.session.run(["logits", "attention"], {"source": source, "target": prefixes})
        return logits, attention

    def start(self, source: np.ndarray, prefixes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """As `prefix`, also returning the memory and the state `advance` continues from."""
        logits, attention, memory, state = self.session.run(list(CACHE_OUTPUTS), {"source": source, "target": prefixes})
        return logits, attention, memory, state

    def advance(self, source: np.ndarray, tokens: np.ndarray, memory: np.ndarray,
                state: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Logits, attention and the new state after feeding one more token (N, 1) per row."""
        logits, attention, _, state = self.session.run(
            list(CACHE_OUTPUTS), {"source": source, "target": tokens, "memory": memory, "state": state})
        return logits, attention, state


def prefix_step(decoder: DecoderSession, source: np.ndarray) -> Step:
    """The Step for one source sentence (S,) through the step interface."""
    sources: dict[int, np.ndarray] = {}

    def step(prefixes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        src = sources.get(len(prefixes))
        if src is None:
            src = sources[len(prefixes)] = np.repeat(source[None, :], len(prefixes), axis=0)
        logits, attention = decoder.prefix(src, prefixes)
        return log_softmax(logits), np.asarray(attention, dtype=np.float64)

    return step


class _CachedStep:
    """The Step for one source sentence through the cache: it remembers the state of each
    prefix it was last given, so a call with those prefixes one token longer (in any order,
    any number of times each, as beam search makes them) feeds the model only the new tokens.
    A prefix it has not seen is decoded from the start."""

    def __init__(self, decoder: DecoderSession, source: np.ndarray) -> None:
        self.decoder = decoder
        self.source = source
        self.memory: np.ndarray | None = None  # one row: every row of one sentence has the same
        self.state: np.ndarray | None = None
        self.rows: dict[bytes, int] = {}
        self._repeated: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def _inputs(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(source, memory) with `k` rows, made once per beam width."""
        if k not in self._repeated:
            self._repeated[k] = (np.repeat(self.source[None, :], k, axis=0), np.repeat(self.memory, k, axis=0))
        return self._repeated[k]

    def __call__(self, prefixes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        prefixes = np.ascontiguousarray(prefixes, dtype=np.int64)
        parents = [self.rows.get(p[:-1].tobytes()) for p in prefixes] if self.state is not None else [None]
        if any(p is None for p in parents):
            src = np.repeat(self.source[None, :], len(prefixes), axis=0)
            logits, attention, memory, state = self.decoder.start(src, prefixes)
            self.memory, self._repeated = memory[:1], {}
        else:
            src, memory = self._inputs(len(prefixes))
            logits, attention, state = self.decoder.advance(src, prefixes[:, -1:], memory, self.state[parents])
        self.state = state
        self.rows = {p.tobytes(): i for i, p in enumerate(prefixes)}
        return log_softmax(logits), np.asarray(attention, dtype=np.float64)


def cached_step(decoder: DecoderSession, source: np.ndarray) -> Step:
    """The Step for one source sentence (S,) through the cache (see `_CachedStep`)."""
    return _CachedStep(decoder, source)


def sentence_step(decoder: DecoderSession, source: np.ndarray) -> Step:
    """The fastest Step the decoder offers for one source sentence (S,)."""
    return cached_step(decoder, source) if decoder.cached else prefix_step(decoder, source)


@dataclass
class GreedyRun:
    """Greedy translations of a batch: ids (without BOS/EOS) per sentence, and the raw logits
    (before masking) of every step each sentence took, (steps, V): len(ids) + 1 rows when it
    ended with EOS, len(ids) when it reached the length limit. Step j read BOS + ids[:j]."""

    ids: list[list[int]]
    logits: list[np.ndarray]


def onnx_greedy(session: Any, source: np.ndarray, cached: bool = False) -> GreedyRun:
    """Greedy translations of a padded source batch (N, S) through an ONNX Runtime session,
    batching sentences of equal length (so no padding reaches the model), through the
    decoder cache when `cached` (the step interface otherwise)."""
    decoder = DecoderSession(session, cached)
    source = np.asarray(source, dtype=np.int64)
    lengths = (source != PAD).sum(axis=1)
    out = GreedyRun([[] for _ in range(len(source))], [np.zeros((0, 0), np.float32) for _ in range(len(source))])
    for length in sorted(set(int(n) for n in lengths)):
        rows = np.flatnonzero(lengths == length)
        src = source[rows, :length]
        tokens = np.full((len(rows), 1), BOS, dtype=np.int64)
        done = np.zeros(len(rows), dtype=bool)
        memory = state = None
        steps: list[np.ndarray] = []
        for _ in range(max_target_tokens(length)):
            if not cached:
                logits, _ = decoder.prefix(src, tokens)
            elif state is None:
                logits, _, memory, state = decoder.start(src, tokens)
            else:
                logits, _, state = decoder.advance(src, tokens[:, -1:], memory, state)
            steps.append(np.array(logits, dtype=np.float32))
            logits = steps[-1].copy()
            logits[:, PAD] = -np.inf
            logits[:, BOS] = -np.inf
            next_token = np.where(done, PAD, logits.argmax(axis=-1))
            tokens = np.concatenate([tokens, next_token[:, None]], axis=1)
            done |= next_token == EOS
            if done.all():
                break
        every = np.stack(steps, axis=1)  # (rows, steps, V)
        for i, row in enumerate(rows):
            ids = []
            for t in tokens[i, 1:].tolist():
                if t in (EOS, PAD):
                    break
                ids.append(int(t))
            taken = min(len(ids) + 1, every.shape[1])
            out.ids[int(row)], out.logits[int(row)] = ids, every[i, :taken]
    return out
