"""CIFAR-10 from its binary distribution (fixed-size records; nothing is ever unpickled).

Each record is one label byte followed by 3,072 pixel bytes: the red, green and blue 32x32
planes in turn. The files come from a folder the user chose or from the official archive,
downloaded once and unpacked with `extract_tar_safely`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from engine import paths
from engine.data.base import ImageData
from engine.data.download import download, extract_tar_safely
from engine.data.registry import LoadOptions, register_dataset
from engine.errors import DataError
from engine.sentences import Sentence

log = logging.getLogger(__name__)

URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"
ARCHIVE_NAME = "cifar-10-binary.tar.gz"
SHA256 = "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd"  # MD5 c32a1d4ab5d03f1284b67883e8d87530
FOLDER = "cifar-10-batches-bin"
TRAIN_FILES = tuple(f"data_batch_{i}.bin" for i in range(1, 6))
TEST_FILE = "test_batch.bin"
META_FILE = "batches.meta.txt"
CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")

SIDE = 32
RECORD_BYTES = 1 + 3 * SIDE * SIDE  # 3,073


def read_cifar_batch(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Read one binary batch into uint8 images (N, 32, 32, 3) and int64 labels (N,).

    Raises DataError when the file is missing, unreadable or not a whole number of records.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size == 0 or size % RECORD_BYTES:
            raise DataError(Sentence("The file '{name}' is damaged or is not a CIFAR-10 binary batch (its size is not a whole "
                                      "number of 3,073-byte records); download it again.", name=path.name))
        records = np.fromfile(path, dtype=np.uint8).reshape(-1, RECORD_BYTES)
    except DataError:
        raise
    except FileNotFoundError:
        raise DataError(Sentence("The CIFAR-10 file '{path}' does not exist.", path=path)) from None
    except (OSError, ValueError, MemoryError) as exc:
        raise DataError(Sentence("The file '{name}' could not be read ({reason}); download it again.", name=path.name,
                                  reason=type(exc).__name__)) from exc
    labels = records[:, 0].astype(np.int64)
    images = records[:, 1:].reshape(-1, 3, SIDE, SIDE).transpose(0, 2, 3, 1)
    return np.ascontiguousarray(images), labels


def _read_classes(folder: Path) -> list[str]:
    """Class names from batches.meta.txt when it lists exactly ten, else the standard names."""
    try:
        lines = (folder / META_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return list(CLASSES)
    names = [line.strip() for line in lines if line.strip()]
    if len(names) != len(CLASSES):
        log.warning("%s lists %d names, not 10; using the standard class names", META_FILE, len(names))
        return list(CLASSES)
    return names


def _batch_folder(data_dir: Path) -> Path:
    """The folder holding the batches: `data_dir`, its cifar-10-batches-bin, or one level deeper."""
    if not data_dir.is_dir():
        raise DataError(Sentence("The folder '{folder}' does not exist; choose the folder that holds the CIFAR-10 .bin "
                                  "files.", folder=data_dir))
    candidates = [data_dir, data_dir / FOLDER]
    try:
        candidates += sorted(child / FOLDER for child in data_dir.iterdir() if child.is_dir() and not child.name.startswith("."))
    except OSError:
        pass
    for folder in candidates:
        if (folder / TRAIN_FILES[0]).is_file():
            return folder
    for folder in candidates:  # some batches but not the first one: name what is missing
        if folder.is_dir() and any((folder / name).is_file() for name in (*TRAIN_FILES, TEST_FILE)):
            return folder
    raise DataError(Sentence("The folder '{folder}' holds no CIFAR-10 binary files; it needs data_batch_1.bin to "
                              "data_batch_5.bin and test_batch.bin (from {archive}).", folder=data_dir, archive=ARCHIVE_NAME))


def _downloaded_folder(options: LoadOptions) -> Path:
    """The extracted batches in the cache, downloading and unpacking the archive when needed."""
    cache = Path(options.cache_dir or paths.cache_dir()) / "cifar10"
    folder = cache / FOLDER
    if all((folder / name).is_file() for name in (*TRAIN_FILES, TEST_FILE)):
        return folder
    archive = cache / ARCHIVE_NAME
    if not archive.exists():
        log.info("downloading CIFAR-10 from %s", URL)
        download(URL, archive, sha256=SHA256, progress=options.progress, should_cancel=options.should_cancel)
    wanted = {f"{FOLDER}/{name}" for name in (*TRAIN_FILES, TEST_FILE, META_FILE)}
    try:
        extract_tar_safely(archive, cache, members_filter=lambda member: member.name.lstrip("./") in wanted)
    except DataError:
        archive.unlink(missing_ok=True)  # a bad archive would fail again; fetch a fresh copy next time
        raise
    missing = [name for name in (*TRAIN_FILES, TEST_FILE) if not (folder / name).is_file()]
    if missing:
        archive.unlink(missing_ok=True)
        raise DataError(Sentence("The CIFAR-10 archive did not contain '{name}'; it was deleted, so try again to download a "
                                  "fresh copy.", name=missing[0]))
    archive.unlink(missing_ok=True)  # the extracted batches are all we read; save 170 MB
    return folder


@register_dataset("cifar10", "60,000 small colour photos in 10 classes such as cats, ships and trucks (32x32 pixels), downloaded once (about 170 MB).")
def load_cifar10(argument: str | None, options: LoadOptions) -> ImageData:
    """CIFAR-10: 50,000 training and 10,000 test images as uint8 (N, 32, 32, 3), 10 classes."""
    folder = _batch_folder(Path(options.data_dir).expanduser()) if options.data_dir is not None else _downloaded_folder(options)
    for name in (*TRAIN_FILES, TEST_FILE):
        if not (folder / name).is_file():
            raise DataError(Sentence("The CIFAR-10 file '{name}' is missing from '{folder}'; put all six .bin files there.",
                                      name=name, folder=folder))
    classes = _read_classes(folder)
    parts = [read_cifar_batch(folder / name) for name in TRAIN_FILES]
    train_images = np.concatenate([images for images, _ in parts])
    train_labels = np.concatenate([labels for _, labels in parts])
    test_images, test_labels = read_cifar_batch(folder / TEST_FILE)
    for files, labels in ((Sentence("The CIFAR-10 training files"), train_labels),
                          (Sentence("The CIFAR-10 test files"), test_labels)):
        if len(labels) and int(labels.max()) >= len(classes):
            raise DataError(Sentence("{files} contain the label {label}, but there are only {count} classes; they are not "
                                     "CIFAR-10 files (CIFAR-100 is not supported).", files=files,
                                     label=int(labels.max()), count=len(classes)))
    return ImageData("cifar10", classes, train_images, train_labels, test_images, test_labels)
