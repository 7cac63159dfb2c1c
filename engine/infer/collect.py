"""Which image files to classify, and how well the model did when folders name the classes."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Sequence

from engine.errors import DataError
from engine.imaging import IMAGE_EXTENSIONS, is_image_file
from engine.sentences import Sentence

log = logging.getLogger(__name__)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _images_in_folder(folder: Path) -> list[Path]:
    """Image files below `folder`, sorted, skipping hidden files and hidden folders."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        found.extend(Path(root, name) for name in sorted(files) if not _is_hidden(name) and is_image_file(Path(name)))
    return found


def collect_images(paths: Sequence[str | Path]) -> list[Path]:
    """The image files to classify: image files as given, folders searched recursively (sorted,
    hidden files skipped), each file once, in the order given.

    Raises DataError when a path does not exist or when no image is found at all. Files given
    directly that do not have an image extension are skipped (and logged).
    """
    images: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if not path.exists():
            raise DataError(Sentence("'{path}' does not exist; check the name and the folder.", path=path))
        if path.is_dir():
            found = _images_in_folder(path)
        elif is_image_file(path):
            found = [path]
        else:
            log.info("skipping %s: not an image file name", path)
            found = []
        for image in found:
            key = image.resolve()
            if key not in seen:
                seen.add(key)
                images.append(image)
    if not images:
        names = ", ".join(f"'{p}'" for p in paths) or Sentence("the given paths")
        raise DataError(Sentence("No images found in {names}; ModelDesk reads {formats} files.",
                                 names=names, formats=", ".join(_extensions())))
    return images


def _extensions() -> list[str]:
    return [ext.lstrip(".").upper() for ext in IMAGE_EXTENSIONS if ext not in (".jpeg", ".tiff")]


def folder_accuracy(predictions: Sequence, labels: Sequence[str]) -> tuple[float, int] | None:
    """(share of top-1 answers equal to the image's folder name, number of images scored)
    when every classified image sits in a folder named after one of `labels` (compared
    ignoring case); else None. Skipped images are not scored.
    """
    known = {label.casefold() for label in labels}
    scored = [p for p in predictions if not p.error and p.top]
    if not scored or not known:
        return None
    folders = [Path(p.path).parent.name.casefold() for p in scored]
    if not all(folder in known for folder in folders):
        return None
    correct = sum(folder == p.top[0][0].casefold() for folder, p in zip(folders, scored))
    return correct / len(scored), len(scored)
