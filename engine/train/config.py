"""Training settings and the defaults a person gets when they change nothing."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from engine.errors import ConfigError
from engine.sentences import Sentence

OPTIMIZERS = ("adamw", "adam", "sgd")
SCHEDULES = ("onecycle", "cosine", "constant", "warmup")  # warmup: linear warm-up, then cosine decay
AUGMENTATIONS = ("none", "crop", "crop+flip")
DEVICES = ("auto", "cpu", "cuda", "mps")
TASKS = ("classify", "gan", "translate", "textgen")
DEFAULT_MODELS = {"classify": "cnn-small", "gan": "dcgan", "translate": "transformer-small", "textgen": "lstm-small"}
TOKENIZERS = ("subword", "char")
MAX_SEQ_LENGTH = 10_000  # characters per training sequence (text generation)
TEXT_OPTIONS = ("reverse", "lowercase", "max_length", "max_pairs")  # LoadOptions fields a translation run records  # what a person gets when they pick only a task


@dataclass
class TrainConfig:
    """Everything that defines a training run. `None` means "use the default for this dataset
    and model" (see `resolve_defaults`)."""

    dataset: str = "digits"
    model: str = "cnn-small"
    task: str = "classify"
    epochs: int | None = None
    batch_size: int | None = None
    lr: float | None = None  # peak learning rate
    optimizer: str | None = None  # adamw | adam | sgd
    weight_decay: float | None = None
    schedule: str | None = None  # onecycle | cosine | constant
    augment: str | None = None  # none | crop | crop+flip
    val_split: float = 0.2  # share of train held out when the dataset has no test split
    patience: int | None = None  # early stopping: epochs without a better val loss; 0 = off
    seed: int = 0
    device: str = "auto"
    mixed_precision: bool = True  # bf16/fp16 autocast on CUDA; ignored on CPU
    data_dir: str | None = None
    image_size: int | None = None  # for folder datasets
    tokenizer: str | None = None  # translation: "subword" (sentencepiece) or "char"
    label_smoothing: float | None = None  # translation: share of probability spread over other tokens
    text_options: dict | None = None  # tsv:PATH reading options (reverse, lowercase, max_length, max_pairs)
    seq_length: int | None = None  # text generation: characters per training sequence

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "TrainConfig":
        """Build from a dict (unknown keys ignored, so older/newer files still load)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _dataset_family(dataset: str) -> str:
    return dataset.split(":", 1)[0].strip().lower()


# Chosen so that a person who changes nothing gets a good model quickly (see bench/ and the
# README for measured figures). Keys: dataset family -> settings; model overrides below.
_DATASET_DEFAULTS = {
    "digits": dict(epochs=15, batch_size=32, lr=3e-3, augment="none", patience=0),
    "mnist": dict(epochs=4, batch_size=128, lr=3e-3, augment="none", patience=0),
    "fashion-mnist": dict(epochs=8, batch_size=128, lr=3e-3, augment="none", patience=0),
    "cifar10": dict(epochs=15, batch_size=128, lr=3e-3, augment="crop+flip", patience=0),
    "folder": dict(epochs=20, batch_size=32, lr=1e-3, augment="crop+flip", patience=5),
}
_MODEL_DEFAULTS = {
    "resnet18": dict(lr=1e-3),
    "mlp": dict(lr=2e-3),
}
_COMMON = dict(optimizer="adamw", weight_decay=5e-4, schedule="onecycle")

# GANs: Adam 2e-4 with beta1 0.5 (Radford et al.), a constant rate and no augmentation. Epoch
# counts give about 6,000 steps on digits (under two minutes on a 2-core CPU) and a few
# thousand on the larger sets.
_GAN_DATASET_DEFAULTS = {
    "digits": dict(epochs=200),
    "mnist": dict(epochs=5),
    "fashion-mnist": dict(epochs=10),
    "cifar10": dict(epochs=20),
    "folder": dict(epochs=100),
}
_GAN_COMMON = dict(batch_size=64, lr=2e-4, optimizer="adam", weight_decay=0.0, schedule="constant", augment="none",
                   patience=0)

# Translation: AdamW with a warm-up then cosine decay, label smoothing 0.1, subword tokens. On
# numbers:en-fr the Transformer reaches 100% exact match on the test numbers in 4 epochs (about
# 30 s on a 2-core CPU); 6 leave a margin.
_TRANSLATE_DATASET_DEFAULTS = {
    "numbers": dict(epochs=6),
    "tsv": dict(epochs=20),
}
_TRANSLATE_MODEL_DEFAULTS = {
    "gru-attention": dict(lr=2e-3),
    "transformer-base": dict(lr=5e-4),
    "transformer-large": dict(lr=3e-4),
}
_TRANSLATE_COMMON = dict(batch_size=64, lr=1e-3, optimizer="adamw", weight_decay=0.01, schedule="warmup",
                         augment="none", patience=0, tokenizer="subword", label_smoothing=0.1)


# Text generation: a character LSTM with AdamW, a one-cycle schedule peaking at 0.01, windows
# of 100 characters. An epoch is one pass over the training text. On the bundled fables
# lstm-small reaches a validation perplexity of about 4.7 (guessing by character frequency
# alone: 21.3) in 30 epochs, about 25 s on a 2-core CPU; more epochs start to overfit.
_TEXTGEN_DATASET_DEFAULTS = {
    "fables": dict(epochs=30),
    "text": dict(epochs=10),
}
_TEXTGEN_MODEL_DEFAULTS = {
    "lstm-medium": dict(lr=3e-3),
}
_TEXTGEN_COMMON = dict(batch_size=32, lr=1e-2, optimizer="adamw", weight_decay=0.01, schedule="onecycle",
                       augment="none", patience=0, seq_length=100)
_DATA_WORDS = {"translate": Sentence("sentence pairs"), "textgen": Sentence("plain text")}  # what a dataset for these tasks holds


def either(names) -> str:
    """`names` joined with "or" for people ("a or b or c"), the "or" translatable; the one name
    alone when there is one."""
    names = list(names)
    if not names:
        return ""
    said = names[0]
    for name in names[1:]:
        said = Sentence("{first} or {second}", first=said, second=name)
    return said


def dataset_tasks(dataset: str) -> tuple[str, ...] | None:
    """The tasks the dataset named in `dataset` can train; None for names the registry does not
    know (data handed over in memory), which loading reports if they matter."""
    from engine.data.registry import list_datasets

    family = _dataset_family(dataset or "")
    return next((info.tasks for info in list_datasets() if info.name == family), None)


def resolve_defaults(config: TrainConfig) -> TrainConfig:
    """A copy of `config` with every unset (`None`) setting filled in and all values checked."""
    if config.task not in TASKS:
        raise ConfigError(Sentence("Unknown task '{task}'. Choose one of: {choices}.", task=config.task,
                                   choices=", ".join(TASKS)))
    family = _dataset_family(config.dataset)
    tasks = dataset_tasks(config.dataset)
    if tasks is not None and config.task not in tasks:
        what = next((_DATA_WORDS[task] for task in tasks if task in _DATA_WORDS), Sentence("pictures"))
        raise ConfigError(Sentence("The dataset '{dataset}' holds {what}, which cannot train the task '{task}'. "
                                   "Choose a {tasks} task, or another dataset.",
                                   dataset=config.dataset, what=what, task=config.task, tasks=either(tasks)))
    if config.task == "textgen":
        defaults = dict(_TEXTGEN_COMMON)
        defaults.update(_TEXTGEN_DATASET_DEFAULTS.get(family, _TEXTGEN_DATASET_DEFAULTS["text"]))
        defaults.update(_TEXTGEN_MODEL_DEFAULTS.get(config.model, {}))
    elif config.task == "translate":
        defaults = dict(_TRANSLATE_COMMON)
        defaults.update(_TRANSLATE_DATASET_DEFAULTS.get(family, _TRANSLATE_DATASET_DEFAULTS["tsv"]))
        defaults.update(_TRANSLATE_MODEL_DEFAULTS.get(config.model, {}))
    elif config.task == "gan":
        defaults = dict(_GAN_COMMON)
        defaults.update(_GAN_DATASET_DEFAULTS.get(family, _GAN_DATASET_DEFAULTS["folder"]))
    else:
        defaults = dict(_COMMON)
        defaults.update(_DATASET_DEFAULTS.get(family, _DATASET_DEFAULTS["folder"]))
        defaults.update(_MODEL_DEFAULTS.get(config.model, {}))
    filled = replace(config, **{k: v for k, v in defaults.items() if getattr(config, k) is None})
    validate(filled)
    return filled


def validate(config: TrainConfig) -> None:
    """Raise ConfigError with a plain sentence for settings that cannot work."""
    if config.epochs is not None and not 1 <= config.epochs <= 10_000:
        raise ConfigError(Sentence("The number of epochs must be between 1 and 10,000."))
    if config.batch_size is not None and not 1 <= config.batch_size <= 65_536:
        raise ConfigError(Sentence("The batch size must be between 1 and 65,536."))
    if config.lr is not None and not 0 < config.lr < 10:
        raise ConfigError(Sentence("The learning rate must be a positive number below 10 (try 0.001)."))
    if config.optimizer is not None and config.optimizer not in OPTIMIZERS:
        raise ConfigError(Sentence("Unknown optimizer '{name}'. Choose one of: {choices}.", name=config.optimizer,
                                   choices=", ".join(OPTIMIZERS)))
    if config.schedule is not None and config.schedule not in SCHEDULES:
        raise ConfigError(Sentence("Unknown learning-rate schedule '{name}'. Choose one of: {choices}.",
                                   name=config.schedule, choices=", ".join(SCHEDULES)))
    if config.augment is not None and config.augment not in AUGMENTATIONS:
        raise ConfigError(Sentence("Unknown augmentation '{name}'. Choose one of: {choices}.", name=config.augment,
                                   choices=", ".join(AUGMENTATIONS)))
    if config.device not in DEVICES:
        raise ConfigError(Sentence("Unknown device '{name}'. Choose one of: {choices}.", name=config.device,
                                   choices=", ".join(DEVICES)))
    if not 0.0 < config.val_split < 0.9:
        raise ConfigError(Sentence("The validation share must be between 0 and 0.9 (0.2 keeps one image in five aside)."))
    if config.weight_decay is not None and config.weight_decay < 0:
        raise ConfigError(Sentence("Weight decay cannot be negative."))
    if config.tokenizer is not None and config.tokenizer not in TOKENIZERS:
        raise ConfigError(Sentence("Unknown tokeniser '{name}'. Choose one of: {choices}.", name=config.tokenizer,
                                   choices=", ".join(TOKENIZERS)))
    if config.label_smoothing is not None and not 0.0 <= config.label_smoothing < 1.0:
        raise ConfigError(Sentence("Label smoothing must be between 0 and 1 (0.1 is usual)."))
    unknown = set(config.text_options or {}) - set(TEXT_OPTIONS)
    if unknown:
        raise ConfigError(Sentence("Unknown reading option(s) {names}; known: {known}.", names=", ".join(sorted(unknown)),
                                   known=", ".join(TEXT_OPTIONS)))
    if config.seq_length is not None and not 2 <= config.seq_length <= MAX_SEQ_LENGTH:
        raise ConfigError(Sentence("The sequence length must be between 2 and {limit:,} characters (100 is usual).",
                                   limit=MAX_SEQ_LENGTH))
    if config.patience is not None and config.patience < 0:
        raise ConfigError(Sentence("Early-stopping patience cannot be negative (0 turns it off)."))
