"""The metadata ModelDesk writes into every exported ONNX model, and reads back.

It is stored as one JSON object under the metadata key `modeldesk`, so any ONNX tool can read
it. This module imports neither torch nor onnxruntime: the playground uses it to open models
quickly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from engine.sentences import Sentence

METADATA_KEY = "modeldesk"


@dataclass
class ClassifierMetadata:
    """What an image classifier needs to be used without its training code.

    Preprocessing contract: decode the image, convert to grayscale (channels=1) or RGB
    (channels=3), resize to `input_size` (height, width), scale to [0, 1], subtract `mean` and
    divide by `std` per channel, and lay the batch out as `layout` ("nchw" or "nhwc").
    The model outputs one logit per label.
    """

    labels: list[str]
    input_size: tuple[int, int]
    channels: int
    mean: list[float]
    std: list[float]
    layout: str = "nchw"
    task: str = "classify"
    model_name: str = ""
    dataset: str = ""
    metrics: dict[str, float] = field(default_factory=dict)
    app_version: str = ""

    def to_json(self) -> str:
        """The JSON text stored under `METADATA_KEY`."""
        data = asdict(self)
        data["input_size"] = list(self.input_size)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ClassifierMetadata":
        """Parse what `to_json` wrote; raises ValueError/KeyError/TypeError on bad text."""
        data = json.loads(text)
        if data.get("task", "classify") != "classify":
            raise ValueError(f"not a classifier: task={data.get('task')!r}")
        known = set(cls.__dataclass_fields__)
        data = {k: v for k, v in data.items() if k in known}
        data["input_size"] = tuple(int(v) for v in data["input_size"])
        data["channels"] = int(data["channels"])
        return cls(**data)


MAX_LATENT_SIZE = 1_000_000  # numbers of noise per picture; real generators use 64..1024
MAX_GENERATED_SIDE = 8_192  # pixels


@dataclass
class GeneratorMetadata:
    """What a GAN generator needs to be sampled without its training code.

    Sampling contract: draw noise `z` of shape (N, latent_size) from a standard normal
    distribution (float32); conditional models also take `labels` (N,) int64 indexing `classes`.
    The output `image` (N, channels, height, width) lies in `value_range`.
    """

    latent_size: int
    image_size: tuple[int, int]
    channels: int
    value_range: tuple[float, float] = (-1.0, 1.0)
    classes: list[str] = field(default_factory=list)  # the dataset's classes (what a conditional model can draw)
    conditional: bool = False
    task: str = "gan"
    model_name: str = ""
    dataset: str = ""
    metrics: dict[str, float] = field(default_factory=dict)
    app_version: str = ""

    def to_json(self) -> str:
        """The JSON text stored under `METADATA_KEY`."""
        data = asdict(self)
        data["image_size"] = list(self.image_size)
        data["value_range"] = list(self.value_range)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "GeneratorMetadata":
        """Parse what `to_json` wrote; raises ValueError/KeyError/TypeError on bad text."""
        data = json.loads(text)
        if data.get("task") != "gan":
            raise ValueError(f"not a generator: task={data.get('task')!r}")
        known = set(cls.__dataclass_fields__)
        data = {k: v for k, v in data.items() if k in known}
        data["image_size"] = tuple(int(v) for v in data["image_size"])
        data["value_range"] = tuple(float(v) for v in data.get("value_range", (-1.0, 1.0)))
        data["latent_size"] = int(data["latent_size"])
        data["channels"] = int(data["channels"])
        data["conditional"] = bool(data.get("conditional", False))
        data["classes"] = [str(c) for c in data.get("classes", [])]
        if (not 1 <= data["latent_size"] <= MAX_LATENT_SIZE or data["channels"] not in (1, 3)
                or data["value_range"][1] <= data["value_range"][0]
                or not all(1 <= v <= MAX_GENERATED_SIDE for v in data["image_size"])):
            raise ValueError("implausible generator metadata")
        if data["conditional"] and not data["classes"]:
            raise ValueError("a conditional generator needs its classes")
        return cls(**data)


@dataclass
class TranslatorMetadata:
    """What a translator needs to be used without its training code.

    Decoding contract: the source text is tokenised with `source_tokenizer` and ends with EOS
    (id 2); ids are int64, PAD is 0. Each call of the model takes `source` (N, S) and `target`
    (N, T), the translation so far starting with BOS (id 1), and returns `logits` (N, target
    vocab) for the next token and `attention` (N, S), how much each source token was used.
    Decoding stops at EOS or after `max_target_tokens(S)` = min(255, 2 * S + 10) tokens.

    `decoding` lists the interfaces the file offers. "step" is the call above. "cached" (files
    exported since version 2 of this contract) means the graph also returns `new_memory` and
    `new_state`, and takes them back as the optional inputs `memory` and `state`: given them,
    `target` holds only the newest token (N, 1) and the model reads nothing else again. Axis 0
    of both is the batch (a beam search keeps the rows it continues by indexing them); in the
    cached call `new_memory` comes back empty: the memory does not change. Files without the
    field offer "step" only.
    """

    source_tokenizer: dict
    target_tokenizer: dict
    source_language: str = "source"
    target_language: str = "target"
    task: str = "translate"
    model_name: str = ""
    dataset: str = ""
    metrics: dict[str, float] = field(default_factory=dict)
    examples: list[list[str]] = field(default_factory=list)  # a few (source, translation) pairs to try
    app_version: str = ""
    decoding: list[str] = field(default_factory=lambda: ["step"])  # interfaces offered: "step", "cached"

    def to_json(self) -> str:
        """The JSON text stored under `METADATA_KEY`."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "TranslatorMetadata":
        """Parse what `to_json` wrote; raises ValueError/KeyError/TypeError on bad text."""
        data = json.loads(text)
        if data.get("task") != "translate":
            raise ValueError(f"not a translator: task={data.get('task')!r}")
        known = set(cls.__dataclass_fields__)
        data = {k: v for k, v in data.items() if k in known}
        for key in ("source_tokenizer", "target_tokenizer"):
            if not isinstance(data[key], dict) or "kind" not in data[key]:
                raise ValueError(f"{key} is not a tokeniser description")
        data["examples"] = [[str(a), str(b)] for a, b in data.get("examples", [])]
        decoding = data.get("decoding", ["step"])
        if not isinstance(decoding, list) or not decoding:
            raise ValueError("decoding is not a list of interfaces")
        data["decoding"] = [str(d) for d in decoding]
        return cls(**data)


MAX_RECURRENT_LAYERS = 64
MAX_HIDDEN_SIZE = 65_536


@dataclass
class TextgenMetadata:
    """What a character-level text generator needs to be used without its training code.

    Generation contract: text is turned into ids with `tokenizer` (a character tokeniser, see
    engine.text.tokenizers: ids 0..3 are PAD/BOS/EOS/UNK, each character of `characters` is
    4 + its index). Each call of the model takes `ids` (N, T) int64, the characters to read
    next, and the state `h` and `c` (layers, N, hidden_size) float32, zeros at the start; it
    returns `logits` (N, vocab) for the character after the last of `ids`, and `new_h` and
    `new_c`, the state to pass with the next call. Read the prompt in one call, then feed each
    chosen character back alone. Special ids are never generated. `temperature` is what the
    samples made during training used (a good default).
    """

    tokenizer: dict
    layers: int
    hidden_size: int
    task: str = "textgen"
    model_name: str = ""
    dataset: str = ""
    metrics: dict[str, float] = field(default_factory=dict)
    examples: list[list[str]] = field(default_factory=list)  # a few (prompt, continuation) pairs written in training
    temperature: float = 0.8
    app_version: str = ""

    @property
    def characters(self) -> list[str]:
        """The vocabulary: every character the model knows, most frequent in its training text first."""
        return list(self.tokenizer.get("chars", ""))

    def to_json(self) -> str:
        """The JSON text stored under `METADATA_KEY`."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "TextgenMetadata":
        """Parse what `to_json` wrote; raises ValueError/KeyError/TypeError on bad text."""
        data = json.loads(text)
        if data.get("task") != "textgen":
            raise ValueError(f"not a text generator: task={data.get('task')!r}")
        known = set(cls.__dataclass_fields__)
        data = {k: v for k, v in data.items() if k in known}
        tokenizer = data["tokenizer"]
        if not isinstance(tokenizer, dict) or tokenizer.get("kind") != "char" or not isinstance(tokenizer.get("chars"), str) \
                or not tokenizer["chars"]:
            raise ValueError("tokenizer is not a character vocabulary")
        data["layers"], data["hidden_size"] = int(data["layers"]), int(data["hidden_size"])
        if not 1 <= data["layers"] <= MAX_RECURRENT_LAYERS or not 1 <= data["hidden_size"] <= MAX_HIDDEN_SIZE:
            raise ValueError("implausible text generator size")
        data["examples"] = [[str(a), str(b)] for a, b in data.get("examples", [])]
        data["temperature"] = float(data.get("temperature", 0.8))
        return cls(**data)


def read_task(props: dict[str, str]) -> str | None:
    """The task named in an ONNX model's metadata props, or None for foreign models."""
    text = props.get(METADATA_KEY)
    if not text:
        return None
    try:
        return str(json.loads(text).get("task") or "") or None
    except (ValueError, AttributeError):
        return None


TASK_WORDS = {"classify": Sentence("an image classifier"), "gan": Sentence("a picture generator (GAN)"),
              "translate": Sentence("a translator"), "textgen": Sentence("a text generator")}


def task_words(task: str) -> Sentence:
    """"an image classifier", "a picture generator (GAN)", … for messages about a model's task."""
    return TASK_WORDS.get(task) or Sentence("a '{task}' model", task=task)
