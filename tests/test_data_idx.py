"""IDX reading and the mnist / fashion-mnist loaders, on tiny fake files in the real format."""

from __future__ import annotations

import gzip
import hashlib
import struct
from pathlib import Path

import numpy as np
import pytest
from test_download import serve_folder

from engine.data import idx
from engine.data.idx import read_idx
from engine.data.registry import LoadOptions, load_dataset
from engine.errors import DataError, DownloadError

_CODES = {np.uint8: 0x08, np.int8: 0x09, np.int16: 0x0B, np.int32: 0x0C, np.float32: 0x0D, np.float64: 0x0E}


def idx_bytes(array: np.ndarray) -> bytes:
    """`array` encoded as an IDX file (big-endian header and data)."""
    code = _CODES[array.dtype.type]
    header = struct.pack(">BBBB", 0, 0, code, array.ndim) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(array.dtype.newbyteorder(">")).tobytes()


def write_idx(path: Path, array: np.ndarray, *, compress: bool | None = None) -> Path:
    data = idx_bytes(array)
    if compress if compress is not None else path.suffix == ".gz":
        data = gzip.compress(data, mtime=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def fake_mnist(folder: Path, *, n_train: int = 12, n_test: int = 5, gz: bool = True, seed: int = 0, num_classes: int = 10) -> dict:
    """Write the four MNIST files with random pixels; return the arrays written."""
    rng = np.random.default_rng(seed)
    arrays = {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte": rng.integers(0, num_classes, n_train, dtype=np.uint8),
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte": rng.integers(0, num_classes, n_test, dtype=np.uint8),
    }
    for stem, array in arrays.items():
        write_idx(folder / (stem + (".gz" if gz else "")), array)
    return arrays


# ---------------------------------------------------------------- read_idx


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
@pytest.mark.parametrize("compress", [False, True])
def test_read_idx_round_trips_every_type(tmp_path, dtype, compress):
    array = (np.arange(2 * 3 * 4).reshape(2, 3, 4) - 7).astype(dtype)
    path = write_idx(tmp_path / ("a.idx" + (".gz" if compress else "")), array)
    result = read_idx(path)
    assert result.dtype == np.dtype(dtype) and result.dtype.isnative
    assert result.shape == (2, 3, 4)
    assert np.array_equal(result, array)


def test_read_idx_detects_gzip_by_content_not_name(tmp_path):
    array = np.arange(10, dtype=np.uint8)
    path = write_idx(tmp_path / "labels-idx1-ubyte", array, compress=True)
    assert np.array_equal(read_idx(path), array)


def _expect_damaged(path: Path, fragment: str = "") -> str:
    with pytest.raises(DataError) as info:
        read_idx(path)
    assert type(info.value) is DataError
    message = str(info.value)
    assert path.name in message and fragment in message and "\n" not in message
    return message


def test_read_idx_rejects_bad_magic_type_and_dims(tmp_path):
    good = idx_bytes(np.zeros((2, 2), np.uint8))
    cases = {
        "magic": b"\x01\x02" + good[2:],
        "type": good[:2] + b"\x07" + good[3:],
        "zero-dims": good[:3] + b"\x00",
        "many-dims": good[:3] + b"\x40" + b"\x00" * 300,
        "empty": b"",
        "short-header": good[:6],
        "text": b"this is not an idx file at all\n",
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}.idx"
        path.write_bytes(data)
        _expect_damaged(path)


def test_read_idx_rejects_truncated_and_oversized_raw_files(tmp_path):
    good = idx_bytes(np.arange(100, dtype=np.uint8).reshape(10, 10))
    (tmp_path / "short.idx").write_bytes(good[:-1])
    (tmp_path / "long.idx").write_bytes(good + b"\x00")
    assert "holds 99" in _expect_damaged(tmp_path / "short.idx", "promises 100 bytes")
    _expect_damaged(tmp_path / "long.idx", "holds 101")


def test_read_idx_refuses_a_lying_header_without_allocating(tmp_path):
    huge = struct.pack(">BBBB", 0, 0, 0x0E, 3) + struct.pack(">3I", 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + b"\x00" * 64
    (tmp_path / "huge.idx").write_bytes(huge)
    (tmp_path / "huge.idx.gz").write_bytes(gzip.compress(huge))
    _expect_damaged(tmp_path / "huge.idx", "promises")
    _expect_damaged(tmp_path / "huge.idx.gz", "more than the file can hold")


def test_read_idx_rejects_damaged_gzip(tmp_path):
    data = gzip.compress(idx_bytes(np.random.default_rng(1).integers(0, 256, (50, 28, 28), dtype=np.uint8)))
    (tmp_path / "cut.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "flipped.gz").write_bytes(data[:40] + bytes(b ^ 0xFF for b in data[40:80]) + data[80:])
    (tmp_path / "extra.gz").write_bytes(gzip.compress(idx_bytes(np.zeros(4, np.uint8)) + b"more"))
    _expect_damaged(tmp_path / "cut.gz")
    _expect_damaged(tmp_path / "flipped.gz")
    _expect_damaged(tmp_path / "extra.gz", "more data")


def test_read_idx_missing_file_and_folder(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        read_idx(tmp_path / "nope.idx")
    with pytest.raises(DataError, match="is a folder"):
        read_idx(tmp_path)


def test_read_idx_never_raises_anything_but_data_error_on_random_bytes(tmp_path):
    rng = np.random.default_rng(7)
    good = idx_bytes(np.zeros((3, 4, 5), np.uint8))
    path = tmp_path / "fuzz.idx"
    for trial in range(200):
        data = bytearray(good if trial % 2 else gzip.compress(good))
        for _ in range(rng.integers(1, 4)):
            data[rng.integers(0, len(data))] = rng.integers(0, 256)
        path.write_bytes(bytes(data[: rng.integers(0, len(data) + 1)]))
        try:
            read_idx(path)
        except DataError:
            pass


# ---------------------------------------------------------------- loaders from a folder


def test_mnist_from_data_dir_end_to_end(tmp_path):
    written = fake_mnist(tmp_path / "files", gz=True)
    data = load_dataset("mnist", LoadOptions(data_dir=tmp_path / "files"))
    assert data.name == "mnist" and data.classes == [str(i) for i in range(10)]
    assert data.train_images.shape == (12, 28, 28, 1) and data.train_images.dtype == np.uint8
    assert data.test_images.shape == (5, 28, 28, 1)
    assert data.train_labels.dtype == np.int64 and data.test_labels.dtype == np.int64
    assert np.array_equal(data.train_images[..., 0], written["train-images-idx3-ubyte"])
    assert np.array_equal(data.test_labels, written["t10k-labels-idx1-ubyte"])


def test_fashion_mnist_reads_raw_files_in_a_torchvision_subfolder(tmp_path):
    fake_mnist(tmp_path / "MNIST" / "raw", gz=True, seed=1)
    written = fake_mnist(tmp_path / "FashionMNIST" / "raw", gz=False, seed=2)
    data = load_dataset("fashion-mnist", LoadOptions(data_dir=tmp_path))
    assert data.classes[0] == "T-shirt/top" and data.classes[-1] == "Ankle boot" and len(data.classes) == 10
    assert np.array_equal(data.train_labels, written["train-labels-idx1-ubyte"])
    mnist = load_dataset("mnist", LoadOptions(data_dir=tmp_path))  # the other folder, not the fashion one
    assert not np.array_equal(mnist.train_images[..., 0], written["train-images-idx3-ubyte"])


def test_kaggle_style_dotted_names_are_accepted(tmp_path):
    written = fake_mnist(tmp_path / "tmp", gz=False)
    for path in (tmp_path / "tmp").iterdir():
        path.rename(tmp_path / path.name.replace("-idx", ".idx"))
    data = load_dataset("mnist", LoadOptions(data_dir=tmp_path))
    assert np.array_equal(data.test_images[..., 0], written["t10k-images-idx3-ubyte"])


def test_missing_file_is_named(tmp_path):
    fake_mnist(tmp_path)
    (tmp_path / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(DataError) as info:
        load_dataset("mnist", LoadOptions(data_dir=tmp_path))
    assert "'t10k-labels-idx1-ubyte'" in str(info.value) and "missing" in str(info.value)


def test_empty_or_absent_data_dir(tmp_path):
    with pytest.raises(DataError, match="holds no MNIST files"):
        load_dataset("mnist", LoadOptions(data_dir=tmp_path))
    with pytest.raises(DataError, match="does not exist"):
        load_dataset("mnist", LoadOptions(data_dir=tmp_path / "nowhere"))


def test_label_count_and_range_are_checked(tmp_path):
    fake_mnist(tmp_path / "count")
    write_idx(tmp_path / "count" / "train-labels-idx1-ubyte.gz", np.zeros(11, np.uint8))
    with pytest.raises(DataError, match="12 images but .* 11 labels"):
        load_dataset("mnist", LoadOptions(data_dir=tmp_path / "count"))
    fake_mnist(tmp_path / "range")
    write_idx(tmp_path / "range" / "t10k-labels-idx1-ubyte.gz", np.array([0, 1, 2, 3, 10], np.uint8))
    with pytest.raises(DataError, match="label 10"):
        load_dataset("mnist", LoadOptions(data_dir=tmp_path / "range"))


def test_images_file_with_wrong_shape_or_type(tmp_path):
    fake_mnist(tmp_path)
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", np.zeros((12, 784), np.uint8))
    with pytest.raises(DataError, match="does not hold MNIST images"):
        load_dataset("mnist", LoadOptions(data_dir=tmp_path))
    write_idx(tmp_path / "train-images-idx3-ubyte.gz", np.zeros((12, 28, 28), np.float32))
    with pytest.raises(DataError, match="does not hold MNIST images"):
        load_dataset("mnist", LoadOptions(data_dir=tmp_path))


# ---------------------------------------------------------------- loaders that download


def _serve_fake(monkeypatch, tmp_path: Path, name: str, base_url: str, served: Path) -> None:
    checksums = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in served.iterdir()}
    monkeypatch.setitem(idx.MIRRORS, name, base_url)
    monkeypatch.setitem(idx.SHA256, name, checksums)


def test_mnist_downloads_once_into_the_cache(monkeypatch, tmp_path, modeldesk_home):
    written = fake_mnist(tmp_path / "www")
    progress = []
    with serve_folder(tmp_path / "www") as (base, server):
        _serve_fake(monkeypatch, tmp_path, "mnist", base, tmp_path / "www")
        data = load_dataset("mnist", LoadOptions(progress=lambda d, t: progress.append((d, t))))
        assert len(server.requests) == 4
        again = load_dataset("mnist")
        assert len(server.requests) == 4  # the second load reads the cache
    cache = modeldesk_home / "cache" / "mnist"
    assert sorted(p.name for p in cache.iterdir()) == sorted(f"{stem}.gz" for stem in idx.IDX_FILES)
    assert np.array_equal(data.train_images[..., 0], written["train-images-idx3-ubyte"])
    assert np.array_equal(again.test_labels, data.test_labels)
    total_bytes = sum(p.stat().st_size for p in cache.iterdir())
    assert progress and progress[-1][0] == total_bytes
    assert all(done <= total for done, total in progress if total)


def test_fashion_download_with_bad_checksum_keeps_nothing(monkeypatch, tmp_path):
    fake_mnist(tmp_path / "www")
    cache = tmp_path / "my-cache"
    with serve_folder(tmp_path / "www") as (base, _server):
        _serve_fake(monkeypatch, tmp_path, "fashion-mnist", base, tmp_path / "www")
        monkeypatch.setitem(idx.SHA256["fashion-mnist"], "train-labels-idx1-ubyte.gz", "f" * 64)
        with pytest.raises(DownloadError, match="damaged"):
            load_dataset("fashion-mnist", LoadOptions(cache_dir=cache))
    names = sorted(p.name for p in (cache / "fashion-mnist").iterdir())
    assert names == ["train-images-idx3-ubyte.gz"]  # the good file stays; the bad one is gone


def test_damaged_cache_file_is_deleted_so_the_next_load_downloads_again(monkeypatch, tmp_path):
    fake_mnist(tmp_path / "www")
    cache = tmp_path / "cache"
    with serve_folder(tmp_path / "www") as (base, server):
        _serve_fake(monkeypatch, tmp_path, "mnist", base, tmp_path / "www")
        load_dataset("mnist", LoadOptions(cache_dir=cache))
        (cache / "mnist" / "train-images-idx3-ubyte.gz").write_bytes(b"broken")
        with pytest.raises(DataError):
            load_dataset("mnist", LoadOptions(cache_dir=cache))
        data = load_dataset("mnist", LoadOptions(cache_dir=cache))
    assert data.train_images.shape == (12, 28, 28, 1)
    assert len(server.requests) == 8


def test_mnist_offline_gives_the_data_dir_hint(monkeypatch, tmp_path):
    monkeypatch.setitem(idx.MIRRORS, "mnist", "http://127.0.0.1:9/")
    with pytest.raises(DownloadError) as info:
        load_dataset("mnist")
    assert "no internet connection" in str(info.value) and "--data-dir" in str(info.value)
