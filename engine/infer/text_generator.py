"""Writing text with an exported character-level text generator through ONNX Runtime. No torch:
the playground and `modeldesk-cli generate` use this.

The model is a step model carrying its LSTM state (see TextgenMetadata): the prompt is read in
one call, then each chosen character is fed back alone. The choosing (greedy, temperature,
top-k, seeded draws) is engine.text.sampling's, the same code the training samples use.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from engine.errors import ModelFileError
from engine.export.metadata import METADATA_KEY, TextgenMetadata, read_task, task_words
from engine.sentences import Sentence
from engine.text.sampling import stream_text, unknown_characters
from engine.text.tokenizers import CharTokenizer, tokenizer_from_dict

log = logging.getLogger(__name__)

INPUTS = ["ids", "h", "c"]
OUTPUTS = ["logits", "new_h", "new_c"]


class TextGenerator:
    """An exported text generator opened with ONNX Runtime; create it with `TextGenerator.open`."""

    def __init__(self, session: Any, provider: str, metadata: TextgenMetadata, path: Path) -> None:
        self._session = session
        self.provider = provider
        self.metadata = metadata
        self.path = path
        tokenizer = tokenizer_from_dict(metadata.tokenizer)
        if not isinstance(tokenizer, CharTokenizer):
            raise ModelFileError(Sentence("The vocabulary stored in '{name}' is not a list of characters; the file is damaged.",
                                          name=path.name))
        self.tokenizer = tokenizer
        if [i.name for i in session.get_inputs()] != INPUTS or [o.name for o in session.get_outputs()] != OUTPUTS:
            raise ModelFileError(Sentence("'{name}' does not match its own description (inputs and outputs); "
                                          "the file is damaged.", name=path.name))

    @classmethod
    def open(cls, path: str | Path, device: str = "auto") -> "TextGenerator":
        """Open a ModelDesk text generator on `device` ("auto", "cpu", "cuda"); ModelFileError
        with a plain sentence for any other file, ConfigError for an unusable device."""
        from engine.infer.model_file import open_model, session_metadata

        path = Path(path)
        session, provider = open_model(path, device)
        props = session_metadata(session, path)
        task = read_task(props)
        if not task:
            raise ModelFileError(Sentence("'{name}' is not a ModelDesk text generator; only text generators made with "
                                          "ModelDesk can write text (they carry their characters).", name=path.name))
        if task != "textgen":
            raise ModelFileError(Sentence("'{name}' is {what}; only text generators made with ModelDesk can write text "
                                          "(they carry their characters).", name=path.name, what=task_words(task)))
        try:
            metadata = TextgenMetadata.from_json(props[METADATA_KEY])
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelFileError(Sentence("The text generator settings stored in '{name}' are damaged, so it cannot be "
                                          "used.", name=path.name), details=str(exc)) from None
        return cls(session, provider, metadata, path)

    @property
    def characters(self) -> list[str]:
        """Every character the model can read and write."""
        return list(self.tokenizer.chars)

    def step(self, ids: np.ndarray, state: tuple[np.ndarray, np.ndarray] | None):
        """One call of the model: ids (N, T) int64 and the state (None: zeros) ->
        (logits (N, V) for the next character, the new state (h, c))."""
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if state is None:
            zeros = np.zeros((self.metadata.layers, ids.shape[0], self.metadata.hidden_size), dtype=np.float32)
            state = (zeros, zeros)
        logits, h, c = self._session.run(None, {"ids": ids, "h": state[0], "c": state[1]})
        return logits, (h, c)

    def unknown_characters(self, prompt: str) -> list[str]:
        """The characters of `prompt` this model never saw; generation skips them."""
        return unknown_characters(self.tokenizer, prompt)

    def stream(self, prompt: str = "", length: int = 300, temperature: float = 0.8, top_k: int = 0,
               seed: int = 0) -> Iterator[str]:
        """Yield what the model writes after `prompt`, one character at a time as it is chosen
        (the prompt is not repeated), `length` characters in all.

        Temperature 0 always takes the likeliest character; higher values take more chances
        (0.8 is a good start). `top_k` > 0 draws only among the k likeliest characters. The same
        seed gives the same text. Characters of the prompt that the model never saw are skipped
        (`unknown_characters` tells which); an empty prompt starts a new paragraph. Settings it
        cannot use raise ConfigError when this is called, before the first character."""
        return stream_text(self.step, self.tokenizer, prompt, length, temperature, top_k, seed)

    def generate(self, prompt: str = "", length: int = 300, temperature: float = 0.8, top_k: int = 0,
                 seed: int = 0) -> str:
        """The whole text `stream` yields, as one string."""
        return "".join(self.stream(prompt, length, temperature, top_k, seed))
