"""Tokenisers for small corpora: characters, or subwords learned from the corpus (sentencepiece).

Both share the special ids PAD=0, BOS=1, EOS=2, UNK=3, serialise to a JSON-able dict (stored
in checkpoints and in ONNX metadata), and need no torch.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from typing import Iterable, Protocol, Sequence

from engine.errors import ConfigError, ModelFileError
from engine.sentences import Sentence

PAD, BOS, EOS, UNK = 0, 1, 2, 3
SPECIALS = ("<pad>", "<s>", "</s>", "<unk>")
TOKENIZER_KINDS = ("subword", "char")
SUBWORD_VOCAB = 1000  # an upper bound: small corpora get fewer pieces (hard_vocab_limit off)


class Tokenizer(Protocol):
    kind: str

    @property
    def vocab_size(self) -> int: ...

    def encode(self, text: str) -> list[int]: ...

    def decode(self, ids: Sequence[int]) -> str: ...

    def pieces(self, ids: Sequence[int]) -> list[str]: ...

    def to_dict(self) -> dict: ...


def _strip_specials(ids: Sequence[int]) -> list[int]:
    out = []
    for i in ids:
        i = int(i)
        if i == EOS:
            break
        if i not in (PAD, BOS):
            out.append(i)
    return out


class CharTokenizer:
    """One token per character seen in the corpus (most frequent first); others become <unk>."""

    kind = "char"

    def __init__(self, chars: Sequence[str]) -> None:
        self.chars = list(chars)
        self._ids = {c: i + len(SPECIALS) for i, c in enumerate(self.chars)}

    @classmethod
    def train(cls, texts: Iterable[str]) -> "CharTokenizer":
        """Learn the character set of `texts`."""
        counts = Counter(c for text in texts for c in text)
        return cls([c for c, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))])

    @property
    def vocab_size(self) -> int:
        return len(SPECIALS) + len(self.chars)

    def encode(self, text: str) -> list[int]:
        """Token ids of `text`, without BOS/EOS."""
        return [self._ids.get(c, UNK) for c in text]

    def decode(self, ids: Sequence[int]) -> str:
        """The text of `ids`, stopping at EOS and skipping PAD/BOS."""
        return "".join(self._piece(i) for i in _strip_specials(ids))

    def pieces(self, ids: Sequence[int]) -> list[str]:
        """One readable label per id (for attention heat maps)."""
        return [self._piece(int(i)) for i in ids]

    def _piece(self, i: int) -> str:
        if i < len(SPECIALS):
            return SPECIALS[i]
        return self.chars[i - len(SPECIALS)] if i - len(SPECIALS) < len(self.chars) else SPECIALS[UNK]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "chars": "".join(self.chars)}


class SubwordTokenizer:
    """Subwords learned from the corpus with sentencepiece (BPE)."""

    kind = "subword"

    def __init__(self, model_proto: bytes) -> None:
        import sentencepiece as spm

        self.model_proto = bytes(model_proto)
        try:
            self._sp = spm.SentencePieceProcessor(model_proto=self.model_proto)
            self._sp.encode("a")  # a processor built from damaged bytes fails only when used
            if self._sp.get_piece_size() <= UNK:
                raise ValueError("too few pieces")
        except (RuntimeError, TypeError, ValueError, OSError) as exc:
            raise ModelFileError(Sentence("The stored vocabulary is damaged, so this model cannot be used."),
                                 details=str(exc)) from None

    @classmethod
    def train(cls, texts: Iterable[str], vocab_size: int = SUBWORD_VOCAB) -> "SubwordTokenizer":
        """Learn up to `vocab_size` subwords from `texts` (deterministic for the same texts)."""
        import sentencepiece as spm

        texts = [t for t in texts if t.strip()]
        if not texts:
            raise ConfigError(Sentence("There is no text to learn a vocabulary from."))
        out = io.BytesIO()
        try:
            spm.SentencePieceTrainer.train(
                sentence_iterator=iter(texts), model_writer=out, vocab_size=max(len(SPECIALS) + 8, vocab_size),
                model_type="bpe", pad_id=PAD, bos_id=BOS, eos_id=EOS, unk_id=UNK, hard_vocab_limit=False,
                character_coverage=1.0, num_threads=1, minloglevel=2, input_sentence_size=200_000,
                shuffle_input_sentence=False, max_sentence_length=100_000)
        except RuntimeError as exc:
            raise ConfigError(Sentence("A vocabulary could not be learned from this text; try the character "
                                       "tokeniser."), details=str(exc)) from None
        return cls(out.getvalue())

    @property
    def vocab_size(self) -> int:
        return int(self._sp.get_piece_size())

    def encode(self, text: str) -> list[int]:
        """Token ids of `text`, without BOS/EOS."""
        return list(self._sp.encode(text))

    def decode(self, ids: Sequence[int]) -> str:
        """The text of `ids`, stopping at EOS and skipping PAD/BOS."""
        return str(self._sp.decode(_strip_specials(ids)))

    def pieces(self, ids: Sequence[int]) -> list[str]:
        """One readable label per id (for attention heat maps); '▁' marks a word start."""
        return [SPECIALS[int(i)] if int(i) < len(SPECIALS) else str(self._sp.id_to_piece(int(i))) for i in ids]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "model": base64.b64encode(self.model_proto).decode("ascii")}


def train_tokenizer(kind: str, texts: Iterable[str]) -> CharTokenizer | SubwordTokenizer:
    """A tokeniser of `kind` ("subword" or "char") learned from `texts`."""
    if kind == "char":
        return CharTokenizer.train(texts)
    if kind == "subword":
        return SubwordTokenizer.train(texts)
    raise ConfigError(Sentence("Unknown tokeniser '{name}'. Choose one of: {names}.", name=kind,
                                names=", ".join(TOKENIZER_KINDS)))


def tokenizer_from_dict(data: dict) -> CharTokenizer | SubwordTokenizer:
    """Rebuild a tokeniser saved with `to_dict` (ModelFileError when the data is damaged)."""
    try:
        if data["kind"] == "char":
            return CharTokenizer(list(data["chars"]))
        if data["kind"] == "subword":
            return SubwordTokenizer(base64.b64decode(data["model"], validate=True))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(Sentence("The stored vocabulary is damaged, so this model cannot be used."),
                             details=str(exc)) from None
    raise ModelFileError(Sentence("The stored vocabulary is of an unknown kind ('{kind}'); a newer ModelDesk may be "
                                  "needed.", kind=data.get("kind")))
