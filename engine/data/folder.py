"""The user's own pictures: `folder:PATH`, one sub-folder per class.

Two layouts are understood: `PATH/<class>/...` (no test split), or `PATH/train/<class>/...`
with `PATH/test/<class>/...` (or `val`, `valid`, `validation`). Class folders may contain
sub-folders; hidden files and non-image files are ignored. A first cheap pass reads only the
image headers to choose the channel count and size; a second pass decodes.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from engine.data.base import ImageData
from engine.data.parallel import map_fastest
from engine.data.registry import LoadOptions, register_dataset
from engine.errors import DataError, ImageError, LoadCancelled
from engine.imaging import is_image_file, load_image_array
from engine.sentences import Sentence

log = logging.getLogger(__name__)

TRAIN_NAMES = ("train",)
TEST_NAMES = ("test", "val", "valid", "validation")
KEEP_SIZE_UP_TO = 96  # images all this size or smaller, and all alike, keep their size
DEFAULT_SIZE = 64  # otherwise they are resized to this square (unless options.image_size)
TINY_CLASS = 5
_GRAY_MODES = {"1", "L", "LA", "La", "I", "I;16", "I;16B", "I;16L", "I;16N", "F"}
_PROGRESS_INTERVAL_S = 0.05


@dataclass
class _File:
    path: Path
    label: int
    split: str  # "train" or "test"
    size: tuple[int, int] = (0, 0)  # (width, height) from the header
    gray: bool = False
    readable: bool = True


def _visible_dirs(folder: Path) -> list[Path]:
    try:
        return [child for child in folder.iterdir() if child.is_dir() and not child.name.startswith(".")]
    except OSError as exc:
        raise DataError(Sentence("The folder '{folder}' could not be opened ({reason}); check that you may read it.",
                                  folder=folder, reason=exc.strerror)) from exc


def _image_files(folder: Path) -> list[Path]:
    """Image files under `folder` (recursively), skipping hidden files and folders, sorted."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in sorted(files) if not name.startswith(".") and is_image_file(Path(name)))
    return found


def _split_roots(path: Path) -> tuple[Path, Path | None]:
    """(train root, test root or None): `PATH/train` + `PATH/test|val|...` when present."""
    children = {child.name.lower(): child for child in _visible_dirs(path)}
    train = next((children[name] for name in TRAIN_NAMES if name in children), None)
    if train is None:
        return path, None
    test = next((children[name] for name in TEST_NAMES if name in children), None)
    return train, test


def _sort_key(name: str) -> tuple[str, str]:
    return name.casefold(), name


def _is_grayish(image: Image.Image) -> bool:
    """True for grayscale modes and for palettes whose colours are all gray."""
    if image.mode in _GRAY_MODES:
        return True
    if image.mode in ("P", "PA"):
        palette = image.getpalette() or []
        return all(palette[i] == palette[i + 1] == palette[i + 2] for i in range(0, len(palette) - 2, 3))
    return False


def _probe(item: _File) -> None:
    """Fill in size and grayness from the header; mark the file unreadable when it is no image."""
    try:
        with Image.open(item.path) as image:
            item.size = image.size
            item.gray = _is_grayish(image)
    except Exception as exc:  # noqa: BLE001 - PIL raises many types for bad files; all mean "skip it"
        log.debug("cannot read the header of %s: %s", item.path, exc)
        item.readable = False


class _Progress:
    """Calls `progress(done, total)` at most ~20 times a second, plus once at the end."""

    def __init__(self, callback: Callable[[int, int], None] | None, total: int) -> None:
        self.callback, self.total, self.last = callback, total, 0.0

    def __call__(self, done: int) -> None:
        if self.callback is None:
            return
        now = time.monotonic()
        if done >= self.total or now - self.last >= _PROGRESS_INTERVAL_S:
            self.last = now
            self.callback(done, self.total)


def _check_cancel(options: LoadOptions) -> None:
    if options.should_cancel is not None and options.should_cancel():
        raise LoadCancelled(Sentence("Loading was cancelled."))


def _class_names(root: Path, path: Path) -> list[str]:
    classes = sorted((d.name for d in _visible_dirs(root)), key=_sort_key)
    if classes:
        return classes
    if _image_files(root):
        raise DataError(Sentence("The pictures in '{path}' are not sorted into class folders; put each class's pictures in "
                                  "its own sub-folder (for example {name}/cats and {name}/dogs).", path=path, name=path.name))
    raise DataError(Sentence("The folder '{path}' has no class folders and no pictures; put each class's pictures in its "
                              "own sub-folder.", path=path))


def _collect(root: Path, split: str, classes: list[str], warnings: list[Sentence]) -> list[_File]:
    """Every image file under `root/<class>` for the known classes."""
    index = {name: i for i, name in enumerate(classes)}
    folded = {name.casefold(): i for i, name in enumerate(classes)}
    items = []
    for folder in sorted(_visible_dirs(root), key=lambda d: _sort_key(d.name)):
        label = index.get(folder.name, folded.get(folder.name.casefold()))
        if label is None:
            warnings.append(
                Sentence("The train folder '{name}' is not one of the training classes and was ignored.", name=folder.name)
                if split == "train" else
                Sentence("The test folder '{name}' is not one of the training classes and was ignored.", name=folder.name))
            continue
        items.extend(_File(path, label, split) for path in _image_files(folder))
    return items


def _choose_size(items: list[_File], options: LoadOptions) -> tuple[int, int] | None:
    """(height, width) to resize to, or None to keep every image's own (common) size."""
    if options.image_size:
        return options.image_size, options.image_size
    sizes = {item.size for item in items}
    if len(sizes) == 1:
        width, height = next(iter(sizes))
        if width <= KEEP_SIZE_UP_TO and height <= KEEP_SIZE_UP_TO:
            return None
    return DEFAULT_SIZE, DEFAULT_SIZE


@register_dataset("folder", "Your own pictures: a folder with one sub-folder per class (cats/, dogs/, ...), optionally split into train/ and test/.", takes_argument=True)
def load_folder(argument: str | None, options: LoadOptions) -> ImageData:
    """Read `PATH/<class>/*` (or `PATH/train|test/<class>/*`) into an ImageData.

    Promises: classes sorted by name; grayscale (C=1) only when every readable image is gray;
    images kept at their size when all share one size of at most 96x96, otherwise resized to
    `options.image_size` (or 64) square; unreadable files skipped and counted; DataError with a
    plain sentence when there is nothing sensible to train on.
    """
    if not argument:
        raise DataError(Sentence("No folder was given; choose the folder that holds your class folders."))
    path = Path(argument).expanduser()
    if not path.exists():
        raise DataError(Sentence("The folder '{path}' does not exist; check the path.", path=path))
    if not path.is_dir():
        raise DataError(Sentence("'{path}' is a file, not a folder; choose the folder that holds your class folders.",
                                  path=path))
    path = path.resolve()
    warnings: list[Sentence] = []
    train_root, test_root = _split_roots(path)
    classes = _class_names(train_root, path)
    items = _collect(train_root, "train", classes, warnings)
    if test_root is not None:
        items += _collect(test_root, "test", classes, warnings)
    if not items:
        raise DataError(Sentence("No pictures were found in '{path}'; ModelDesk reads PNG, JPEG, BMP, GIF, WebP and TIFF "
                                  "files.", path=path))

    report = _Progress(options.progress, 2 * len(items))
    for done, item in enumerate(items, 1):  # pass 1: headers only
        _check_cancel(options)
        _probe(item)
        report(done)
    readable = [item for item in items if item.readable]
    if not readable:
        raise DataError(Sentence("None of the {count} pictures in '{path}' could be read; they may be damaged or not really "
                                  "images.", count=len(items), path=path))
    channels = 1 if all(item.gray for item in readable) else 3
    size = _choose_size(readable, options)

    height, width = size if size is not None else (readable[0].size[1], readable[0].size[0])
    images = np.empty((len(readable), height, width, channels), dtype=np.uint8)

    def decode(position: int) -> bool:
        item = readable[position]
        try:
            images[position] = load_image_array(item.path, channels, size)
            return True
        except ImageError as exc:
            log.info("skipping %s: %s", item.path, exc)
        except ValueError as exc:  # a frame whose size differs from its header
            log.info("skipping %s: %s", item.path, exc)
        return False

    def after_each(done: int) -> None:  # pass 2: decode, on the faster of one thread or several
        _check_cancel(options)
        report(len(items) + done)

    _check_cancel(options)
    decoded, how = map_fastest(decode, range(len(readable)), after_each)
    log.info("decoded %d pictures from %s (%s)", len(readable), path, how)
    ok = np.array(decoded, dtype=bool)
    report(report.total)
    skipped = len(items) - int(ok.sum())
    if skipped:
        warnings.append(Sentence("1 file could not be read and was skipped.") if skipped == 1 else
                        Sentence("{count} files could not be read and were skipped.", count=skipped))
    labels = np.array([item.label for item in readable], dtype=np.int64)
    is_train = np.array([item.split == "train" for item in readable], dtype=bool)
    return _assemble(path.name or str(path), classes, images, labels, ok & is_train, ok & ~is_train, test_root is not None, skipped, warnings)


def _assemble(name: str, classes: list[str], images: np.ndarray, labels: np.ndarray, train_mask: np.ndarray,
              test_mask: np.ndarray, has_test: bool, skipped: int, warnings: list[Sentence]) -> ImageData:
    """Drop classes without readable training images, renumber labels, add size warnings."""
    counts = np.bincount(labels[train_mask], minlength=len(classes))
    kept = [i for i in range(len(classes)) if counts[i] > 0]
    for i in range(len(classes)):
        if counts[i] == 0:
            warnings.append(Sentence("The class '{name}' has no readable pictures and was left out.", name=classes[i]))
    if len(kept) < 2:
        raise DataError(Sentence("'{name}' needs at least two classes with pictures to learn from (found {count}); add a "
                                  "sub-folder of pictures for each class.", name=name, count=len(kept)))
    for i in kept:
        if counts[i] < TINY_CLASS:
            warnings.append(
                Sentence("The class '{name}' has only 1 picture; the model will learn it poorly, so add more if you can.",
                         name=classes[i]) if counts[i] == 1 else
                Sentence("The class '{name}' has only {count} pictures; the model will learn it poorly, so add more if you "
                         "can.", name=classes[i], count=int(counts[i])))
    remap = np.full(len(classes), -1, dtype=np.int64)
    remap[kept] = np.arange(len(kept))
    test_mask = test_mask & (remap[labels] >= 0)
    test_images = test_labels = None
    if has_test:
        if test_mask.any():
            test_images, test_labels = images[test_mask], remap[labels[test_mask]]
        else:
            warnings.append(Sentence("The test folder has no readable pictures, so part of the training pictures will be "
                                     "used for testing."))
    for message in warnings:
        log.warning("%s: %s", name, message)
    return ImageData(
        name=name,
        classes=[classes[i] for i in kept],
        train_images=images[train_mask],
        train_labels=remap[labels[train_mask]],
        test_images=test_images,
        test_labels=test_labels,
        skipped_files=skipped,
        warnings=warnings,
    )
