"""Sequence-to-sequence translators: a Transformer encoder-decoder in three sizes, and a GRU
with attention as a light alternative.

Every translator maps source ids (N, S) and target ids so far (N, T) (BOS first) to logits
(N, T, target vocab), PAD = 0 being ignored in the source. For step-by-step decoding (and the
ONNX export) each also offers `encode(src)` and `decode_step(...)`, returning the cross-attention
weights of the newest position so the app can show which source words a translation used, and
cached decoding with one interface for both kinds: `start(src, tgt)` encodes and decodes a
prefix, returning a fixed `memory` and a `state`; `decode_cached(memory, src, token, state)`
reads only the newest token. Axis 0 of memory and state is the batch, so a beam search keeps
the rows it continues by indexing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
from torch import nn
from torch.nn import functional as F

from engine.models.registry import register_model
from engine.text.tokenizers import PAD

MAX_POSITIONS = 256  # longest sentence in tokens, source or target (BOS/EOS included)


@dataclass(frozen=True)
class SequenceShape:
    """What a translator is built for: the two vocabulary sizes."""

    source_vocab: int
    target_vocab: int


# ----- Transformer ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TransformerSize:
    d_model: int = 128  # width of every token vector
    heads: int = 4
    encoder_layers: int = 2
    decoder_layers: int = 2
    ff: int = 512  # hidden width of the feed-forward blocks
    dropout: float = 0.1


class Attention(nn.Module):
    """Multi-head attention that also returns its weights averaged over heads (N, T, S)."""

    def __init__(self, d: int, heads: int, dropout: float) -> None:
        super().__init__()
        self.heads, self.head_size = heads, d // heads
        self.query, self.key, self.value, self.out = (nn.Linear(d, d) for _ in range(4))
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, memory: torch.Tensor, keep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        # x (N, T, D) attends to memory (N, S, D); keep (N, T|1, S) is True where allowed
        return self.attend(x, *self.project(memory), keep)

    def project(self, memory: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Keys and values (N, H, S, h) of memory (N, S, D): what a decoder can keep between steps."""
        n, s, _ = memory.shape
        k = self.key(memory).view(n, s, self.heads, self.head_size).transpose(1, 2)
        v = self.value(memory).view(n, s, self.heads, self.head_size).transpose(1, 2)
        return k, v

    def attend(self, x: torch.Tensor, k: torch.Tensor, v: torch.Tensor,
               keep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """x (N, T, D) attends to keys and values (N, H, S, h); keep (N|1, T|1, S) is True where allowed."""
        n, t, d = x.shape
        q = self.query(x).view(n, t, self.heads, self.head_size).transpose(1, 2)  # (N, H, T, h)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(self.head_size)  # (N, H, T, S)
        scores = scores.masked_fill(~keep.unsqueeze(1), float("-inf"))
        weights = scores.float().softmax(dim=-1).to(v.dtype)
        y = (self.dropout(weights) @ v).transpose(1, 2).reshape(n, t, d)
        return self.out(y), weights.mean(dim=1)


class FeedForward(nn.Sequential):
    def __init__(self, d: int, hidden: int, dropout: float) -> None:
        super().__init__(nn.Linear(d, hidden), nn.GELU(), nn.Dropout(dropout), nn.Linear(hidden, d))


class EncoderLayer(nn.Module):
    """Pre-norm self-attention and feed-forward blocks."""

    def __init__(self, size: TransformerSize) -> None:
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(size.d_model), nn.LayerNorm(size.d_model)
        self.attention = Attention(size.d_model, size.heads, size.dropout)
        self.ff = FeedForward(size.d_model, size.ff, size.dropout)
        self.dropout = nn.Dropout(size.dropout)

    def forward(self, x: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
        h = self.norm1(x)
        x = x + self.dropout(self.attention(h, h, keep)[0])
        return x + self.dropout(self.ff(self.norm2(x)))


class DecoderLayer(nn.Module):
    """Pre-norm causal self-attention, cross-attention to the source, feed-forward."""

    def __init__(self, size: TransformerSize) -> None:
        super().__init__()
        self.norm1, self.norm2, self.norm3 = (nn.LayerNorm(size.d_model) for _ in range(3))
        self.self_attention = Attention(size.d_model, size.heads, size.dropout)
        self.cross_attention = Attention(size.d_model, size.heads, size.dropout)
        self.ff = FeedForward(size.d_model, size.ff, size.dropout)
        self.dropout = nn.Dropout(size.dropout)

    def forward(self, y: torch.Tensor, memory: torch.Tensor, causal: torch.Tensor,
                source_keep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.norm1(y)
        y = y + self.dropout(self.self_attention(h, h, causal)[0])
        attended, weights = self.cross_attention(self.norm2(y), memory, source_keep)
        y = y + self.dropout(attended)
        return y + self.dropout(self.ff(self.norm3(y))), weights

    def forward_cached(self, y: torch.Tensor, past: torch.Tensor | None, cross: torch.Tensor, self_keep: torch.Tensor,
                       source_keep: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """The same layer for new positions y (N, T, D) after `past` self-attention keys and values
        (N, 2, H, P, h) (None for none), with the cross-attention keys and values `cross`
        (N, 2, H, S, h) computed once. Returns y, the cross-attention (N, T, S) and the keys and
        values of all P + T positions (N, 2, H, P + T, h)."""
        h = self.norm1(y)
        k, v = self.self_attention.project(h)
        if past is not None:
            k, v = torch.cat([past[:, 0], k], dim=2), torch.cat([past[:, 1], v], dim=2)
        y = y + self.dropout(self.self_attention.attend(h, k, v, self_keep)[0])
        attended, weights = self.cross_attention.attend(self.norm2(y), cross[:, 0], cross[:, 1], source_keep)
        y = y + self.dropout(attended)
        return y + self.dropout(self.ff(self.norm3(y))), weights, torch.stack([k, v], dim=1)


class TransformerTranslator(nn.Module):
    """Encoder-decoder Transformer (Vaswani et al., 2017) with learned positions, pre-norm
    layers and the output layer tied to the target embedding."""

    decoding = "prefix"  # each step re-reads every target token so far

    def __init__(self, shape: SequenceShape, size: TransformerSize) -> None:
        super().__init__()
        self.shape, self.size = shape, size
        d = size.d_model
        self.source_embed = nn.Embedding(shape.source_vocab, d, padding_idx=PAD)
        self.target_embed = nn.Embedding(shape.target_vocab, d, padding_idx=PAD)
        self.source_positions = nn.Embedding(MAX_POSITIONS, d)
        self.target_positions = nn.Embedding(MAX_POSITIONS, d)
        self.encoder = nn.ModuleList(EncoderLayer(size) for _ in range(size.encoder_layers))
        self.decoder = nn.ModuleList(DecoderLayer(size) for _ in range(size.decoder_layers))
        self.encoder_norm, self.decoder_norm = nn.LayerNorm(d), nn.LayerNorm(d)
        self.dropout = nn.Dropout(size.dropout)
        self.head = nn.Linear(d, shape.target_vocab, bias=False)
        self.head.weight = self.target_embed.weight
        self.apply(self._init)

    @staticmethod
    def _init(module: nn.Module) -> None:
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=0.02)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.02)

    def encode(self, src: torch.Tensor) -> torch.Tensor:
        """Source ids (N, S) -> memory (N, S, D)."""
        positions = torch.arange(src.shape[1], device=src.device)
        x = self.dropout(self.source_embed(src) * math.sqrt(self.size.d_model) + self.source_positions(positions))
        keep = (src != PAD).unsqueeze(1)  # (N, 1, S)
        for layer in self.encoder:
            x = layer(x, keep)
        return self.encoder_norm(x)

    def decode(self, memory: torch.Tensor, src: torch.Tensor, tgt: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Logits (N, T, V) for every target position and the last layer's cross-attention (N, T, S)."""
        t = tgt.shape[1]
        positions = torch.arange(t, device=tgt.device)
        y = self.dropout(self.target_embed(tgt) * math.sqrt(self.size.d_model) + self.target_positions(positions))
        causal = torch.ones(t, t, dtype=torch.bool, device=tgt.device).tril().unsqueeze(0)  # (1, T, T)
        source_keep = (src != PAD).unsqueeze(1)
        weights = None
        for layer in self.decoder:
            y, weights = layer(y, memory, causal, source_keep)
        return self.head(self.decoder_norm(y)), weights

    def forward(self, src: torch.Tensor, tgt: torch.Tensor) -> torch.Tensor:
        """Teacher forcing: logits (N, T, V) for target ids (N, T) that start with BOS."""
        return self.decode(self.encode(src), src, tgt)[0]

    def decode_step(self, memory: torch.Tensor, src: torch.Tensor, tgt: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Logits (N, V) for the token after `tgt` (N, T), and its cross-attention (N, S)."""
        logits, weights = self.decode(memory, src, tgt)
        return logits[:, -1], weights[:, -1]

    # Cached decoding: what a step can keep so the next one reads only the newest token.
    def start(self, src: torch.Tensor, tgt: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """Encode `src` (N, S) and decode `tgt` (N, T): logits (N, V) for the next token, its
        cross-attention (N, S), the fixed `memory` (N, L, 2, H, S, h: every decoder layer's
        cross-attention keys and values) and the `state` (N, L, 2, H, T, h: every layer's
        self-attention keys and values) that `decode_cached` continues from."""
        encoded = self.encode(src)
        memory = torch.stack([torch.stack(layer.cross_attention.project(encoded), dim=1) for layer in self.decoder], dim=1)
        logits, weights, state = self._decode_cached(memory, src, tgt, None)
        return logits, weights, memory, state

    def decode_cached(self, memory: torch.Tensor, src: torch.Tensor, token: torch.Tensor,
                      state: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """One step from what `start` (or this) returned: `token` (N, 1) is the newest target
        token; logits (N, V) for the one after it, its cross-attention (N, S) and the state with
        one more position. Equals `decode_step` over the whole prefix, without re-reading it."""
        return self._decode_cached(memory, src, token, state)

    def _decode_cached(self, memory: torch.Tensor, src: torch.Tensor, tgt: torch.Tensor,
                       state: torch.Tensor | None) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        past = 0 if state is None else state.shape[4]
        t = tgt.shape[1]
        positions = torch.arange(past, past + t, device=tgt.device)
        y = self.dropout(self.target_embed(tgt) * math.sqrt(self.size.d_model) + self.target_positions(positions))
        # position i (of the new ones) sees every earlier position and itself: (1, T, P + T)
        self_keep = (torch.arange(past + t, device=tgt.device)[None, :] <= positions[:, None]).unsqueeze(0)
        source_keep = (src != PAD).unsqueeze(1)
        weights, layers = None, []
        for i, layer in enumerate(self.decoder):
            y, weights, kv = layer.forward_cached(y, None if state is None else state[:, i], memory[:, i], self_keep,
                                                  source_keep)
            layers.append(kv)
        logits = self.head(self.decoder_norm(y[:, -1]))
        return logits, weights[:, -1], torch.stack(layers, dim=1)


# ----- GRU with attention --------------------------------------------------------------------
class GruTranslator(nn.Module):
    """A bidirectional GRU encoder and a GRU decoder with dot-product attention (Luong et al.,
    2015): fewer parameters and faster on a CPU than the Transformer, a little less accurate."""

    decoding = "recurrent"  # each step takes one token and the hidden state

    def __init__(self, shape: SequenceShape, embed: int = 128, hidden: int = 256, dropout: float = 0.1) -> None:
        super().__init__()
        self.shape, self.hidden_size = shape, hidden
        self.source_embed = nn.Embedding(shape.source_vocab, embed, padding_idx=PAD)
        self.target_embed = nn.Embedding(shape.target_vocab, embed, padding_idx=PAD)
        self.encoder = nn.GRU(embed, hidden // 2, batch_first=True, bidirectional=True)
        self.bridge = nn.Linear(hidden, hidden)
        self.decoder = nn.GRU(embed, hidden, batch_first=True)
        self.combine = nn.Linear(2 * hidden, hidden)
        self.head = nn.Linear(hidden, shape.target_vocab)
        self.dropout = nn.Dropout(dropout)

    def encode(self, src: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Source ids (N, S) -> memory (N, S, H) and the decoder's first hidden state (N, H).
        Padded batches are packed so padding never reaches the backward direction."""
        x = self.dropout(self.source_embed(src))
        lengths = (src != PAD).sum(dim=1)
        if torch.jit.is_tracing() or torch.onnx.is_in_onnx_export() or bool((lengths == src.shape[1]).all()):
            memory, final = self.encoder(x)
        else:
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths.clamp(min=1).cpu(), batch_first=True, enforce_sorted=False)
            memory, final = self.encoder(packed)
            memory = nn.utils.rnn.pad_packed_sequence(memory, batch_first=True, total_length=src.shape[1])[0]
        hidden = torch.tanh(self.bridge(torch.cat([final[0], final[1]], dim=-1)))
        return memory, hidden

    def decode(self, memory: torch.Tensor, src: torch.Tensor, tgt: torch.Tensor,
               hidden: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Logits (N, T, V), the new hidden state (N, H) and attention (N, T, S)."""
        output, final = self.decoder(self.dropout(self.target_embed(tgt)), hidden.unsqueeze(0).contiguous())
        scores = output @ memory.transpose(1, 2)  # (N, T, S)
        scores = scores.masked_fill((src == PAD).unsqueeze(1), float("-inf"))
        weights = scores.float().softmax(dim=-1).to(memory.dtype)
        context = weights @ memory
        combined = torch.tanh(self.combine(torch.cat([output, context], dim=-1)))
        return self.head(self.dropout(combined)), final[0], weights

    def forward(self, src: torch.Tensor, tgt: torch.Tensor) -> torch.Tensor:
        """Teacher forcing: logits (N, T, V) for target ids (N, T) that start with BOS."""
        memory, hidden = self.encode(src)
        return self.decode(memory, src, tgt, hidden)[0]

    def decode_step(self, memory: torch.Tensor, src: torch.Tensor, token: torch.Tensor,
                    hidden: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """Logits (N, V) for the token after `token` (N, 1), the new hidden state, attention (N, S)."""
        logits, hidden, weights = self.decode(memory, src, token, hidden)
        return logits[:, -1], hidden, weights[:, -1]

    # Cached decoding, with the same interface as the Transformer's.
    def start(self, src: torch.Tensor, tgt: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """Encode `src` (N, S) and decode `tgt` (N, T): logits (N, V) for the next token, its
        attention (N, S), the fixed `memory` (N, S, H: the encoder's outputs) and the `state`
        (N, H: the decoder's hidden state) that `decode_cached` continues from."""
        memory, hidden = self.encode(src)
        logits, hidden, weights = self.decode(memory, src, tgt, hidden)
        return logits[:, -1], weights[:, -1], memory, hidden

    def decode_cached(self, memory: torch.Tensor, src: torch.Tensor, token: torch.Tensor,
                      state: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """One step from what `start` (or this) returned: `token` (N, 1) is the newest target
        token; logits (N, V) for the one after it, its attention (N, S) and the new hidden state.
        The GRU cell is written out (same gates as nn.GRU) so it exports as a few matrix products."""
        gru = self.decoder
        x = self.dropout(self.target_embed(token[:, 0]))
        gi = F.linear(x, gru.weight_ih_l0, gru.bias_ih_l0).chunk(3, dim=-1)
        gh = F.linear(state, gru.weight_hh_l0, gru.bias_hh_l0).chunk(3, dim=-1)
        reset = torch.sigmoid(gi[0] + gh[0])
        update = torch.sigmoid(gi[1] + gh[1])
        candidate = torch.tanh(gi[2] + reset * gh[2])
        hidden = (1 - update) * candidate + update * state
        scores = (memory @ hidden.unsqueeze(-1)).squeeze(-1)  # (N, S)
        scores = scores.masked_fill(src == PAD, float("-inf"))
        weights = scores.float().softmax(dim=-1).to(memory.dtype)
        context = (weights.unsqueeze(1) @ memory).squeeze(1)
        combined = torch.tanh(self.combine(torch.cat([hidden, context], dim=-1)))
        return self.head(self.dropout(combined)), weights, hidden


# ----- registry ------------------------------------------------------------------------------
TRANSFORMER_SIZES = {
    "transformer-small": TransformerSize(d_model=128, heads=4, encoder_layers=2, decoder_layers=2, ff=512),
    "transformer-base": TransformerSize(d_model=256, heads=4, encoder_layers=3, decoder_layers=3, ff=1024),
    "transformer-large": TransformerSize(d_model=512, heads=8, encoder_layers=6, decoder_layers=6, ff=2048),
}


@register_model("transformer-small", "Transformer sized for a laptop CPU: learns the numbers in a minute or two.",
                speed="fast", task="translate")
def transformer_small(shape: SequenceShape) -> nn.Module:
    return TransformerTranslator(shape, TRANSFORMER_SIZES["transformer-small"])


@register_model("transformer-base", "A bigger Transformer for real sentence corpora; best with a GPU.",
                speed="slow", task="translate")
def transformer_base(shape: SequenceShape) -> nn.Module:
    return TransformerTranslator(shape, TRANSFORMER_SIZES["transformer-base"])


@register_model("transformer-large", "The original paper's base size (6+6 layers, 512 wide): for a GPU.",
                speed="slow", task="translate")
def transformer_large(shape: SequenceShape) -> nn.Module:
    return TransformerTranslator(shape, TRANSFORMER_SIZES["transformer-large"])


@register_model("gru-attention", "A recurrent network with attention: lighter and quick to train, a little less accurate.",
                speed="fastest", task="translate")
def gru_attention(shape: SequenceShape) -> nn.Module:
    return GruTranslator(shape)
