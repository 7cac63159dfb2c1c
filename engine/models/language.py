"""Character-level language models: an LSTM that reads characters and predicts the next one.

A model maps token ids (N, T) and an optional state (h, c), each (layers, N, hidden), to
logits (N, T, vocab) for the character after each position, and the new state. Reading a
prompt at once or one character at a time with the state carried over gives the same logits,
which generation and the ONNX step export rely on. Without a state the model starts from zeros.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from engine.models.registry import register_model

State = tuple[torch.Tensor, torch.Tensor]


@dataclass(frozen=True)
class TextShape:
    """What a text generator is built for: the vocabulary size (characters and the special tokens)."""

    vocab_size: int


@dataclass(frozen=True)
class LstmSize:
    embedding: int = 64  # width of each character's vector
    hidden: int = 256  # width of the LSTM state
    layers: int = 1
    dropout: float = 0.1  # on the embeddings and the LSTM output (and between layers)


class CharLSTM(nn.Module):
    """Embedding -> LSTM -> linear head over the vocabulary."""

    def __init__(self, shape: TextShape, size: LstmSize) -> None:
        super().__init__()
        self.size = size
        self.vocab_size = shape.vocab_size
        self.embed = nn.Embedding(shape.vocab_size, size.embedding)
        self.lstm = nn.LSTM(size.embedding, size.hidden, num_layers=size.layers, batch_first=True,
                            dropout=size.dropout if size.layers > 1 else 0.0)
        self.dropout = nn.Dropout(size.dropout)
        self.head = nn.Linear(size.hidden, shape.vocab_size)

    @property
    def layers(self) -> int:
        return self.size.layers

    @property
    def hidden_size(self) -> int:
        return self.size.hidden

    def initial_state(self, batch: int, device: torch.device | str = "cpu") -> State:
        """Zeros (h, c), each (layers, batch, hidden): the state before the first character."""
        zeros = torch.zeros(self.size.layers, batch, self.size.hidden, device=device)
        return zeros, zeros.clone()

    def forward(self, ids: torch.Tensor, state: State | None = None) -> tuple[torch.Tensor, State]:
        # ids (N, T) int64 -> logits (N, T, V), state (h, c) each (layers, N, hidden)
        x = self.dropout(self.embed(ids))  # (N, T, E)
        y, state = self.lstm(x, state)  # (N, T, H)
        return self.head(self.dropout(y)), state


LSTM_SIZES = {
    "lstm-small": LstmSize(embedding=64, hidden=256, layers=1, dropout=0.1),
    "lstm-medium": LstmSize(embedding=128, hidden=512, layers=2, dropout=0.2),
}


@register_model("lstm-small", "A one-layer LSTM reading characters: learns the fables in half a minute on a laptop CPU.",
                speed="fast", task="textgen")
def lstm_small(shape: TextShape) -> nn.Module:
    return CharLSTM(shape, LSTM_SIZES["lstm-small"])


@register_model("lstm-medium", "A two-layer LSTM, wider: writes better on a few MB of text; best with a GPU.",
                speed="slow", task="textgen")
def lstm_medium(shape: TextShape) -> nn.Module:
    return CharLSTM(shape, LSTM_SIZES["lstm-medium"])
