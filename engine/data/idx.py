"""MNIST and Fashion-MNIST from IDX files: read from a folder the user chose, or downloaded once.

`read_idx` trusts nothing in a file header: it checks the magic number, the element type, the
number of dimensions and the declared size against the real file before it allocates anything.
"""

from __future__ import annotations

import gzip
import logging
import math
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine import paths
from engine.data.base import ImageData
from engine.data.download import download
from engine.data.registry import LoadOptions, register_dataset
from engine.errors import DataError
from engine.sentences import Sentence

log = logging.getLogger(__name__)

# IDX element type codes -> big-endian numpy dtypes.
_IDX_DTYPES = {
    0x08: np.dtype(">u1"),
    0x09: np.dtype(">i1"),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}
_MAX_DIMS = 8
_GZIP_MAX_RATIO = 1100  # deflate cannot expand more than ~1032:1; larger declared sizes are lies
_READ_BLOCK = 1 << 20

IDX_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")

# Download locations and checksums (read at load time, so tests can point them elsewhere).
MIRRORS = {
    "mnist": "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "fashion-mnist": "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
}
# SHA-256 of the distributed .gz files (identical on every mirror of each set).
SHA256 = {
    "mnist": {
        "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
    },
    "fashion-mnist": {
        "train-images-idx3-ubyte.gz": "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
        "train-labels-idx1-ubyte.gz": "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
        "t10k-images-idx3-ubyte.gz": "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
        "t10k-labels-idx1-ubyte.gz": "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
    },
}
# Sizes in bytes of the .gz files, used only to show overall download progress.
SIZES = {
    "mnist": {"train-images-idx3-ubyte.gz": 9_912_422, "train-labels-idx1-ubyte.gz": 28_881,
              "t10k-images-idx3-ubyte.gz": 1_648_877, "t10k-labels-idx1-ubyte.gz": 4_542},
    "fashion-mnist": {"train-images-idx3-ubyte.gz": 26_421_880, "train-labels-idx1-ubyte.gz": 29_515,
                      "t10k-images-idx3-ubyte.gz": 4_422_102, "t10k-labels-idx1-ubyte.gz": 5_148},
}


def _damaged(path: Path, why: str) -> DataError:
    """`why`: a Sentence saying what is wrong, or the name of the exception that reading raised."""
    return DataError(Sentence("The file '{name}' is damaged or is not an IDX file ({why}); download it again.",
                              name=path.name, why=why))


def _read_exact(stream, count: int, path: Path, too_short: Sentence) -> bytearray:
    """Read exactly `count` bytes in blocks (memory grows only with real data); `too_short`
    says what is wrong when the file ends before."""
    data = bytearray()
    while len(data) < count:
        block = stream.read(min(_READ_BLOCK, count - len(data)))
        if not block:
            raise _damaged(path, too_short)
        data += block
    return data


def read_idx(path: str | Path) -> np.ndarray:
    """Read an IDX file (raw or gzip-compressed) into an array in native byte order.

    Promises: the shape is the one the header declares; any malformed, truncated or oversized
    file raises DataError with a plain sentence (never another exception type), and the data is
    allocated only after its declared size has been checked against the file's real size.
    """
    path = Path(path)
    try:
        file_size = path.stat().st_size
        with open(path, "rb") as raw:
            compressed = raw.read(2) == b"\x1f\x8b"
        with (gzip.open(path, "rb") if compressed else open(path, "rb")) as stream:
            return _read_idx_stream(stream, path, file_size, compressed)
    except DataError:
        raise
    except FileNotFoundError:
        raise DataError(Sentence("The file '{path}' does not exist.", path=path)) from None
    except IsADirectoryError:
        raise DataError(Sentence("'{path}' is a folder, not an IDX file.", path=path)) from None
    except (OSError, EOFError, zlib.error, ValueError, MemoryError) as exc:  # gzip.BadGzipFile is an OSError
        raise _damaged(path, type(exc).__name__) from exc


def _read_idx_stream(stream, path: Path, file_size: int, compressed: bool) -> np.ndarray:
    header = stream.read(4)
    if len(header) < 4 or header[0] != 0 or header[1] != 0:
        raise _damaged(path, Sentence("its first bytes are not an IDX header"))
    dtype = _IDX_DTYPES.get(header[2])
    ndims = header[3]
    if dtype is None:
        raise _damaged(path, Sentence("unknown element type 0x{code:02x}", code=header[2]))
    if not 1 <= ndims <= _MAX_DIMS:
        raise _damaged(path, Sentence("it declares {count} dimensions", count=ndims))
    header_short = Sentence("it ends before the header is complete")
    dims = struct.unpack(f">{ndims}I", _read_exact(stream, 4 * ndims, path, header_short))
    data_bytes = math.prod(dims) * dtype.itemsize
    header_bytes = 4 + 4 * ndims
    if not compressed:
        if file_size != header_bytes + data_bytes:
            raise _damaged(path, Sentence("the header promises {promised:,} bytes of data but the file holds {held:,}",
                                          promised=data_bytes, held=max(file_size - header_bytes, 0)))
    elif data_bytes > file_size * _GZIP_MAX_RATIO:
        raise _damaged(path, Sentence("the header promises {promised:,} bytes, more than the file can hold",
                                      promised=data_bytes))
    data = _read_exact(stream, data_bytes, path, Sentence("it ends before the data is complete"))
    if compressed and stream.read(1):
        raise _damaged(path, Sentence("it holds more data than its header declares"))
    array = np.frombuffer(data, dtype=dtype).reshape(dims)
    return array.astype(dtype.newbyteorder("="), copy=dtype.itemsize > 1 or not array.flags.writeable)


# ---------------------------------------------------------------- the MNIST-style datasets


@dataclass(frozen=True)
class _IdxSet:
    name: str  # registry name, key of MIRRORS / SHA256 / SIZES
    title: str  # for sentences: "MNIST"
    classes: tuple[str, ...]
    folder_hint: str  # a folder whose name contains this is preferred in --data-dir searches
    folder_avoid: tuple[str, ...]  # ... and one containing these is a different set


_MNIST = _IdxSet("mnist", "MNIST", tuple(str(i) for i in range(10)), "mnist", ("fashion", "kmnist", "emnist", "qmnist"))
_FASHION = _IdxSet(
    "fashion-mnist",
    "Fashion-MNIST",
    ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
    "fashion",
    (),
)


def _candidates(stem: str) -> tuple[str, ...]:
    """File names a stem may carry: raw, gzipped, and the 'train-images.idx3-ubyte' spelling."""
    dotted = stem.replace("-idx", ".idx")
    return (stem, stem + ".gz", dotted, dotted + ".gz")


def _folders(root: Path, max_depth: int = 3, max_folders: int = 2000):
    """`root` and its non-hidden sub-folders, breadth first, up to `max_depth` levels down."""
    level, seen = [root], 0
    for _depth in range(max_depth + 1):
        following = []
        for folder in level:
            yield folder
            seen += 1
            if seen >= max_folders:
                return
            try:
                children = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
            except OSError:
                continue
            following.extend(children)
        level = following


def _find_in_folder(folder: Path) -> dict[str, Path]:
    found = {}
    for stem in IDX_FILES:
        for candidate in _candidates(stem):
            if (folder / candidate).is_file():
                found[stem] = folder / candidate
                break
    return found


def _files_from_data_dir(dataset: _IdxSet, data_dir: Path) -> dict[str, Path]:
    """The four IDX files in `data_dir` or the best-matching sub-folder (such as MNIST/raw)."""
    if not data_dir.is_dir():
        raise DataError(Sentence("The folder '{folder}' does not exist; choose the folder that holds the {dataset} files.",
                                  folder=data_dir, dataset=dataset.title))
    best: tuple | None = None
    for depth_order, folder in enumerate(_folders(data_dir)):
        found = _find_in_folder(folder)
        if not found:
            continue
        relative = str(folder.relative_to(data_dir)).lower()
        clash = any(word in relative for word in dataset.folder_avoid)
        fits = dataset.folder_hint in relative and not clash
        key = (-len(found), folder != data_dir and not fits, clash, depth_order)
        if best is None or key < best[0]:
            best = (key, folder, found)
    if best is None:
        names = ", ".join(IDX_FILES)
        raise DataError(Sentence("The folder '{folder}' holds no {dataset} files; it needs {names} (each may end in .gz).",
                                  folder=data_dir, dataset=dataset.title, names=names))
    _key, folder, found = best
    for stem in IDX_FILES:
        if stem not in found:
            raise DataError(Sentence("The {dataset} file '{stem}' (or '{stem}.gz') is missing from '{folder}'; put all four "
                                      "{dataset} files there.", dataset=dataset.title, stem=stem, folder=folder))
    return found


def _download_files(dataset: _IdxSet, options: LoadOptions) -> dict[str, Path]:
    """Download any of the four .gz files missing from the cache; return their paths."""
    cache = Path(options.cache_dir or paths.cache_dir()) / dataset.name
    base = MIRRORS[dataset.name]
    checksums = SHA256[dataset.name]
    sizes = SIZES.get(dataset.name, {})
    files = {stem: cache / f"{stem}.gz" for stem in IDX_FILES}
    missing = [stem for stem, path in files.items() if not path.exists()]
    finished = 0
    for index, stem in enumerate(missing):
        file_name = f"{stem}.gz"
        still_to_come = sum(sizes.get(f"{s}.gz", 0) for s in missing[index + 1:])

        def report(done: int, total: int, _before=finished, _after=still_to_come) -> None:
            if options.progress is not None:
                options.progress(_before + done, _before + total + _after if total else 0)

        log.info("downloading %s %s", dataset.title, file_name)
        download(base + file_name, files[stem], sha256=checksums.get(file_name), progress=report, should_cancel=options.should_cancel)
        finished += files[stem].stat().st_size
    return files


def _read_split(dataset: _IdxSet, images_path: Path, labels_path: Path) -> tuple[np.ndarray, np.ndarray]:
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    if images.ndim != 3 or images.dtype != np.uint8:
        raise DataError(Sentence("The file '{name}' does not hold {dataset} images (it should be a list of 8-bit pictures); "
                                  "use the original {dataset} files.", name=images_path.name, dataset=dataset.title))
    if labels.ndim != 1 or labels.dtype != np.uint8:
        raise DataError(Sentence("The file '{name}' does not hold {dataset} labels; use the original {dataset} files.",
                                  name=labels_path.name, dataset=dataset.title))
    if len(labels) != len(images):
        raise DataError(Sentence("'{images_file}' has {images:,} images but '{labels_file}' has {labels:,} labels; use files "
                                  "from the same {dataset} download.", images_file=images_path.name, images=len(images),
                                  labels_file=labels_path.name, labels=len(labels), dataset=dataset.title))
    if len(labels) and int(labels.max()) >= len(dataset.classes):
        raise DataError(Sentence("'{name}' contains the label {label}, but {dataset} has only {count} classes; use the "
                                  "original {dataset} files.", name=labels_path.name, label=int(labels.max()),
                                  dataset=dataset.title, count=len(dataset.classes)))
    return np.ascontiguousarray(images)[..., None], labels.astype(np.int64)


def _load(dataset: _IdxSet, options: LoadOptions) -> ImageData:
    if options.data_dir is not None:
        files = _files_from_data_dir(dataset, Path(options.data_dir).expanduser())
        from_cache = False
    else:
        files = _download_files(dataset, options)
        from_cache = True
    try:
        train = _read_split(dataset, files[IDX_FILES[0]], files[IDX_FILES[1]])
        test = _read_split(dataset, files[IDX_FILES[2]], files[IDX_FILES[3]])
    except DataError:
        if from_cache:  # a damaged cache copy is deleted so that the next attempt downloads it again
            for path in files.values():
                path.unlink(missing_ok=True)
            log.warning("deleted the cached %s files after a read error", dataset.title)
        raise
    if train[0].shape[1:] != test[0].shape[1:]:
        raise DataError(Sentence("The {dataset} training and test images have different sizes; use files from the same "
                                  "{dataset} download.", dataset=dataset.title))
    return ImageData(dataset.name, list(dataset.classes), train[0], train[1], test[0], test[1])


@register_dataset("mnist", "70,000 handwritten digits (28x28 pixels, 10 classes), downloaded once (about 11 MB).")
def load_mnist(argument: str | None, options: LoadOptions) -> ImageData:
    """MNIST: 60,000 training and 10,000 test digits as uint8 (N, 28, 28, 1), labels 0..9."""
    return _load(_MNIST, options)


@register_dataset("fashion-mnist", "70,000 small photos of clothing in 10 kinds (28x28 pixels), downloaded once (about 30 MB).")
def load_fashion_mnist(argument: str | None, options: LoadOptions) -> ImageData:
    """Fashion-MNIST: 60,000 training and 10,000 test pictures as uint8 (N, 28, 28, 1), 10 classes."""
    return _load(_FASHION, options)


__all__ = ["read_idx", "load_mnist", "load_fashion_mnist", "MIRRORS", "SHA256", "IDX_FILES"]
