"""Datasets registered by name, each with a one-line description for people.

A dataset spec is either a plain name (`digits`, `mnist`) or `name:argument`
(`folder:/home/me/pets`). Source modules register a loader with `register_dataset`; the GUI and
the command line build their lists from `list_datasets()`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Protocol

from engine.data.base import ImageData

if TYPE_CHECKING:
    from engine.data.corpus import TextCorpus
    from engine.data.text import ParallelData
from engine.errors import ConfigError
from engine.sentences import Sentence

# Modules that register datasets when imported; imported on first use of the registry.
_SOURCE_MODULES = (
    "engine.data.digits",
    "engine.data.idx",
    "engine.data.cifar",
    "engine.data.folder",
    "engine.data.text",
    "engine.data.tsv",
    "engine.data.corpus",
)


@dataclass
class LoadOptions:
    """How and where to load a dataset; every field is optional."""

    data_dir: Path | None = None  # a folder already holding the files; skips any download
    cache_dir: Path | None = None  # where downloads are kept; default: the user cache dir
    progress: Callable[[int, int], None] | None = None  # (done, total) bytes or files; total 0 if unknown
    should_cancel: Callable[[], bool] | None = None  # polled during long work
    image_size: int | None = None  # resize user folders to this square size (default: automatic)
    # parallel text (tsv:PATH): see engine.data.tsv
    reverse: bool = False  # translate from the second column to the first
    lowercase: bool = False
    max_length: int | None = None  # leave out pairs with a side longer than this many characters
    max_pairs: int | None = None  # read at most this many pairs


class DatasetLoader(Protocol):
    def __call__(self, argument: str | None, options: LoadOptions) -> "ImageData | ParallelData | TextCorpus": ...


@dataclass(frozen=True)
class DatasetInfo:
    """A registered dataset: its name, a sentence for people, and how to load it."""

    name: str
    description: str
    tasks: tuple[str, ...]  # what the data can train: "classify", "gan", ...
    takes_argument: bool  # True for `folder:PATH` style specs
    loader: DatasetLoader
    default_argument: str | None = None  # used when the spec gives none (`numbers` means `numbers:en-fr`)


_DATASETS: dict[str, DatasetInfo] = {}
_loaded = False


IMAGE_TASKS = ("classify", "gan")  # labelled pictures can train a classifier or a GAN


def register_dataset(name: str, description: str, *, tasks: tuple[str, ...] = IMAGE_TASKS, takes_argument: bool = False,
                     default_argument: str | None = None):
    """Decorator: register `loader(argument, options) -> ImageData | ParallelData | TextCorpus` under `name`."""

    def wrap(loader: DatasetLoader) -> DatasetLoader:
        _DATASETS[name] = DatasetInfo(name, description, tuple(tasks), takes_argument, loader, default_argument)
        return loader

    return wrap


def _ensure_sources() -> None:
    global _loaded
    if not _loaded:
        for module in _SOURCE_MODULES:
            importlib.import_module(module)
        _loaded = True


def _source_rank(info: DatasetInfo) -> int:
    module = getattr(info.loader, "__module__", "")
    return _SOURCE_MODULES.index(module) if module in _SOURCE_MODULES else len(_SOURCE_MODULES)


def list_datasets(task: str | None = None) -> list[DatasetInfo]:
    """Every registered dataset (optionally only those for `task`), in the order of the source
    modules (bundled first, your own files last), then of registration within a module,
    whichever module happened to be imported first."""
    _ensure_sources()
    infos = [info for info in _DATASETS.values() if task is None or task in info.tasks]
    return sorted(infos, key=_source_rank)  # stable: registration order within a module


def parse_spec(spec: str) -> tuple[DatasetInfo, str | None]:
    """Split `name[:argument]` and look the name up; raises ConfigError for unknown names."""
    _ensure_sources()
    name, sep, argument = spec.partition(":")
    info = _DATASETS.get(name.strip().lower())
    if info is None:
        known = ", ".join(sorted(_DATASETS))
        raise ConfigError(Sentence("There is no dataset called '{spec}'. Choose one of: {known} (or folder:PATH for your own "
                                    "images).", spec=spec, known=known))
    if info.takes_argument and not argument and info.default_argument:
        argument = info.default_argument
    if info.takes_argument and not argument:
        if set(info.tasks) & set(IMAGE_TASKS):
            raise ConfigError(Sentence("The dataset '{name}' needs a path, for example {name}:/path/to/images.",
                                       name=info.name))
        raise ConfigError(Sentence("The dataset '{name}' needs a path, for example {name}:/path/to/file.txt.",
                                   name=info.name))
    if not info.takes_argument and sep:
        raise ConfigError(Sentence("The dataset '{name}' takes no argument; write just '{name}'.", name=info.name))
    return info, (argument or None)


def load_dataset(spec: str, options: LoadOptions | None = None) -> "ImageData | ParallelData | TextCorpus":
    """Load the dataset named by `spec` (pictures, sentence pairs for translation, or plain text
    for a text generator); raises
    DataError/ConfigError with a plain sentence."""
    info, argument = parse_spec(spec)
    return info.loader(argument, options or LoadOptions())
