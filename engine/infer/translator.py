"""Translating with an exported translator through ONNX Runtime: greedy and beam search in
NumPy, with the attention of every output token for a heat map. No torch: the playground uses
this.

The model decodes step by step (see TranslatorMetadata and `engine.infer.decoding`): through
its decoder cache when the file has one, reading only the newest token per step, else (files
exported before the cache existed) taking the source and the whole translation so far at every
step. Sentences are batched only with others of the same length, so no padding ever reaches
the model (recurrent encoders read it).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from engine.errors import ConfigError, ModelFileError
from engine.export.metadata import METADATA_KEY, TranslatorMetadata, read_task, task_words
from engine.infer.decoding import (CACHED, MAX_POSITIONS, STEP, DecoderSession, Step, has_cache_interface,
                                   log_softmax, max_target_tokens, onnx_greedy, sentence_step)
from engine.sentences import Sentence
from engine.text.tokenizers import BOS, EOS, PAD, tokenizer_from_dict

log = logging.getLogger(__name__)

__all__ = ["Hypothesis", "Step", "Translation", "Translator", "beam_search", "greedy_search", "length_normalised",
           "log_softmax", "max_target_tokens", "onnx_greedy"]

MAX_BEAM = 16
MAX_TEXT = 2_000  # characters per sentence
LENGTH_PENALTY = 0.6  # beam scores are divided by ((5 + length) / 6) ** LENGTH_PENALTY (Wu et al., 2016)
DECODINGS = ("auto", CACHED, STEP)


@dataclass
class Hypothesis:
    """One finished (or cut-off) translation: ids without BOS/EOS, its score and attention rows."""

    ids: list[int]
    log_prob: float  # sum of the chosen tokens' log-probabilities (EOS included when reached)
    score: float  # log_prob with the length penalty applied: what beam search ranks by
    attention: np.ndarray  # (len(ids) + 1 if it ended with EOS else len(ids), S)


def length_normalised(log_prob: float, length: int, penalty: float = LENGTH_PENALTY) -> float:
    """The beam-search score of a hypothesis with `length` tokens (EOS counted)."""
    return log_prob / (((5.0 + length) / 6.0) ** penalty)


def greedy_search(step: Step, max_tokens: int) -> Hypothesis:
    """The translation made by taking the likeliest token at every step."""
    return beam_search(step, 1, max_tokens)


def beam_search(step: Step, beam: int, max_tokens: int, penalty: float = LENGTH_PENALTY) -> Hypothesis:
    """The best-scoring hypothesis found keeping the `beam` best prefixes at every step
    (scores: summed log-probabilities, length-normalised). With beam 1 this is greedy decoding."""
    beam = max(1, int(beam))
    prefixes = np.full((1, 1), BOS, dtype=np.int64)
    sums = np.zeros(1)
    attention_rows: list[np.ndarray] = [np.zeros((1, 0, 0))]
    history = np.zeros((1, 0, 0))
    finished: list[Hypothesis] = []
    for length in range(1, max_tokens + 1):
        log_probs, attention = step(prefixes)
        if history.shape[2] == 0:
            history = np.zeros((prefixes.shape[0], 0, attention.shape[1]))
        history_next = np.concatenate([history, attention[:, None, :]], axis=1)
        log_probs = np.asarray(log_probs, dtype=np.float64)
        log_probs[:, PAD] = -np.inf
        log_probs[:, BOS] = -np.inf
        candidates = sums[:, None] + log_probs  # (K, V)
        flat = candidates.reshape(-1)
        order = np.argsort(-flat, kind="stable")[: 2 * beam]
        keep_rows, keep_tokens, keep_sums = [], [], []
        for index in order:
            row, token = divmod(int(index), log_probs.shape[1])
            total = float(flat[index])
            if not np.isfinite(total):
                continue
            if token == EOS:
                ids = prefixes[row, 1:].tolist()
                finished.append(Hypothesis(ids, total, length_normalised(total, length, penalty), history_next[row]))
            else:
                keep_rows.append(row)
                keep_tokens.append(token)
                keep_sums.append(total)
            if len(keep_rows) == beam:
                break
        best_finished = max((h.score for h in finished), default=-np.inf)
        # Stop when no open prefix can beat the best finished one (scores only fall as they grow).
        if not keep_rows or (finished and len(finished) >= beam and
                             max(length_normalised(s, max_tokens, penalty) if s < 0 else s for s in keep_sums) <= best_finished):
            break
        if beam == 1 and finished:
            break
        rows = np.asarray(keep_rows)
        prefixes = np.concatenate([prefixes[rows], np.asarray(keep_tokens, dtype=np.int64)[:, None]], axis=1)
        sums = np.asarray(keep_sums)
        history = history_next[rows]
    else:  # cut off at max_tokens: the open prefixes compete as they are
        finished += [Hypothesis(prefixes[i, 1:].tolist(), float(sums[i]),
                                length_normalised(float(sums[i]), prefixes.shape[1] - 1, penalty), history[i])
                     for i in range(len(prefixes))]
    return max(finished, key=lambda h: h.score)


@dataclass
class Translation:
    """A translated sentence, with what a heat map of the attention needs."""

    source: str
    text: str
    source_pieces: list[str]  # one label per source token (EOS last)
    target_pieces: list[str]  # one label per output token (EOS last when reached)
    attention: np.ndarray  # (len(target_pieces), len(source_pieces)): rows sum to 1
    score: float  # length-normalised log-probability
    beam: int
    milliseconds: float = 0.0
    truncated: bool = False  # the source was longer than the model can read and was cut


class Translator:
    """An exported translator opened with ONNX Runtime.

    `decoding` is "auto" (the decoder cache when the file has one, else the step interface),
    "cached" (ModelFileError when the file has no cache) or "step" (re-read the source and the
    whole prefix at every step, as files made before the cache; for comparisons). The choice
    made is in `self.decoding`."""

    def __init__(self, session: Any, provider: str, metadata: TranslatorMetadata, path: Path,
                 decoding: str = "auto") -> None:
        self._session = session
        self.provider = provider
        self.metadata = metadata
        self.path = path
        self.source_tokenizer = tokenizer_from_dict(metadata.source_tokenizer)
        self.target_tokenizer = tokenizer_from_dict(metadata.target_tokenizer)
        names = [i.name for i in session.get_inputs()]
        if names != ["source", "target"]:
            raise ModelFileError(Sentence("'{name}' does not match its own description (inputs); the file is damaged.",
                                          name=path.name))
        self.decoding = self._choose(decoding)
        self._decoder = DecoderSession(session, self.decoding == CACHED)

    def _choose(self, wanted: str) -> str:
        """The decoding interface to use: `wanted`, or the best the file offers for "auto"."""
        if wanted not in DECODINGS:
            raise ConfigError(Sentence("'{wanted}' is not a way of decoding; choose one of {choices}.",
                                       wanted=wanted, choices=", ".join(DECODINGS)))
        offered = set(self.metadata.decoding)
        if CACHED in offered and not has_cache_interface(self._session):
            log.warning("%s: its metadata offers cached decoding but the graph lacks it; decoding step by step",
                        self.path.name)
            offered.discard(CACHED)
        if wanted == "auto":
            wanted = CACHED if CACHED in offered else STEP
        if wanted == CACHED and CACHED not in offered:
            raise ModelFileError(Sentence("'{name}' was exported without a decoder cache; "
                                          "export it again with this version of ModelDesk to translate faster.",
                                          name=self.path.name))
        if wanted == STEP and STEP not in offered:
            raise ModelFileError(Sentence("'{name}' was made by a newer version of ModelDesk; update ModelDesk to use it.",
                                          name=self.path.name))
        return wanted

    @classmethod
    def open(cls, path: str | Path, device: str = "auto", decoding: str = "auto") -> "Translator":
        """Open a ModelDesk translator on `device`, decoding as `decoding` says (see the class);
        ModelFileError for anything else."""
        from engine.infer.model_file import open_model, session_metadata

        path = Path(path)
        session, provider = open_model(path, device)
        props = session_metadata(session, path)
        task = read_task(props)
        if not task:
            raise ModelFileError(Sentence("'{name}' is not a ModelDesk translator; only translators made with ModelDesk "
                                          "can translate (they carry their vocabularies).", name=path.name))
        if task != "translate":
            raise ModelFileError(Sentence("'{name}' is {what}; only translators made with ModelDesk can translate "
                                          "(they carry their vocabularies).", name=path.name, what=task_words(task)))
        try:
            metadata = TranslatorMetadata.from_json(props[METADATA_KEY])
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelFileError(Sentence("The translator settings stored in '{name}' are damaged, so it cannot be used.",
                                          name=path.name), details=str(exc)) from None
        return cls(session, provider, metadata, path, decoding)

    def _source_ids(self, text: str) -> tuple[list[int], bool]:
        ids = self.source_tokenizer.encode(text)
        cut = len(ids) > MAX_POSITIONS - 1
        return ids[: MAX_POSITIONS - 1] + [EOS], cut

    def translate(self, text: str, beam: int = 1) -> Translation:
        """Translate one sentence; `beam` 1 is greedy decoding, up to MAX_BEAM searches wider."""
        if not 1 <= int(beam) <= MAX_BEAM:
            raise ConfigError(Sentence("The beam size must be between 1 and {limit}.", limit=MAX_BEAM))
        text = str(text)
        if len(text) > MAX_TEXT:
            raise ConfigError(Sentence("That is too long to translate at once ({count:,} characters); "
                                       "give at most {limit:,} characters per sentence.", count=len(text), limit=MAX_TEXT))
        started = time.perf_counter()
        if not text.strip():
            return Translation(text, "", [], [], np.zeros((0, 0)), 0.0, beam)
        ids, cut = self._source_ids(text)
        source = np.asarray(ids, dtype=np.int64)
        best = beam_search(sentence_step(self._decoder, source), int(beam), max_target_tokens(len(ids)))
        ended = best.attention.shape[0] > len(best.ids)
        target_ids = best.ids + ([EOS] if ended else [])
        return Translation(text, self.target_tokenizer.decode(best.ids), self.source_tokenizer.pieces(ids),
                           self.target_tokenizer.pieces(target_ids), best.attention[: len(target_ids)], best.score,
                           int(beam), (time.perf_counter() - started) * 1000, cut)

    def translate_many(self, texts: Sequence[str], beam: int = 1) -> list[Translation]:
        """Translate each text on its own (same result as `translate`)."""
        return [self.translate(text, beam) for text in texts]
