"""Sentence pairs as padded id tensors, and batched greedy decoding in PyTorch.

Sources are ids + EOS; targets are BOS + ids + EOS, so the decoder reads target[:, :-1] and
learns to predict target[:, 1:]. PAD (0) fills the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import torch

from engine.models.translators import MAX_POSITIONS
from engine.text.tokenizers import BOS, EOS, PAD, Tokenizer


@dataclass
class EncodedPairs:
    """Padded id matrices on a device: source (N, S) and target (N, T) with BOS and EOS, and
    each row's length kept on the CPU, so cutting a batch to size never waits for a GPU."""

    source: torch.Tensor
    target: torch.Tensor
    source_lengths: torch.Tensor | None = None  # (N,) int64 on the CPU; worked out when not given
    target_lengths: torch.Tensor | None = None

    def __post_init__(self) -> None:
        if self.source_lengths is None:
            self.source_lengths = (self.source != PAD).sum(dim=1).cpu()
        if self.target_lengths is None:
            self.target_lengths = (self.target != PAD).sum(dim=1).cpu()

    def __len__(self) -> int:
        return int(self.source.shape[0])

    def batch(self, index: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """The rows `index`, trimmed to the longest sentence among them."""
        on_cpu = index.cpu()
        s = max(1, int(self.source_lengths[on_cpu].max()))
        t = max(1, int(self.target_lengths[on_cpu].max()))
        index = index.to(self.source.device, non_blocking=True)
        return self.source[index, :s], self.target[index, :t]


def encode_source(tokenizer: Tokenizer, text: str, max_tokens: int = MAX_POSITIONS) -> list[int]:
    """Source ids for `text`: its tokens (cut to fit) then EOS."""
    return tokenizer.encode(text)[: max_tokens - 1] + [EOS]


def encode_pairs(pairs: Sequence[tuple[str, str]], source_tokenizer: Tokenizer, target_tokenizer: Tokenizer,
                 device: torch.device, max_tokens: int = MAX_POSITIONS) -> EncodedPairs:
    """Every pair as padded tensors; sentences longer than `max_tokens` are cut."""
    sources = [encode_source(source_tokenizer, s, max_tokens) for s, _ in pairs]
    targets = [[BOS] + target_tokenizer.encode(t)[: max_tokens - 2] + [EOS] for _, t in pairs]
    source, target = _pad(sources), _pad(targets)
    return EncodedPairs(source.to(device), target.to(device), (source != PAD).sum(dim=1), (target != PAD).sum(dim=1))


def _pad(rows: list[list[int]]) -> torch.Tensor:
    width = max((len(r) for r in rows), default=1)
    out = np.full((len(rows), max(1, width)), PAD, dtype=np.int64)
    for i, row in enumerate(rows):
        out[i, : len(row)] = row
    return torch.from_numpy(out)


def max_target_tokens(source_length: int) -> int:
    """How many tokens a translation may have: generous for a sentence of `source_length`."""
    return min(MAX_POSITIONS - 1, 2 * source_length + 10)


@torch.no_grad()
def greedy_translate(model: torch.nn.Module, source: torch.Tensor, max_tokens: int | None = None) -> list[list[int]]:
    """Greedy translations (ids without BOS/EOS) of a padded source batch (N, S); the model is
    put in eval mode for the call."""
    was_training = model.training
    model.eval()
    try:
        n = source.shape[0]
        lengths = (source != PAD).sum(dim=1)
        if max_tokens:
            limits = torch.full_like(lengths, max_tokens)
        else:  # each sentence's own limit, as when it is translated alone
            limits = torch.clamp(2 * lengths + 10, max=MAX_POSITIONS - 1)
        limit = int(limits.max())
        tokens = torch.full((n, 1), BOS, dtype=torch.long, device=source.device)
        done = torch.zeros(n, dtype=torch.bool, device=source.device)
        if model.decoding == "recurrent":
            memory, hidden = model.encode(source)
        else:
            memory = model.encode(source)
        for written in range(1, limit + 1):
            if model.decoding == "recurrent":
                logits, hidden, _ = model.decode_step(memory, source, tokens[:, -1:], hidden)
            else:
                logits, _ = model.decode_step(memory, source, tokens)
            logits = logits.float()
            logits[:, PAD] = float("-inf")  # never chosen, as in every decoder of ModelDesk
            logits[:, BOS] = float("-inf")
            next_token = logits.argmax(dim=-1)
            next_token = torch.where(done, torch.full_like(next_token, PAD), next_token)
            tokens = torch.cat([tokens, next_token[:, None]], dim=1)
            done |= (next_token == EOS) | (written >= limits)
            if bool(done.all()):
                break
    finally:
        model.train(was_training)
    out = []
    for row in tokens[:, 1:].tolist():
        ids = []
        for i in row:
            if i in (EOS, PAD):
                break
            ids.append(i)
        out.append(ids)
    return out
