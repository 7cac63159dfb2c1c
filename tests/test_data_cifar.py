"""CIFAR-10 binary batches: record layout, folder search, checks, and the download + extract path."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import numpy as np
import pytest
from test_download import serve_folder

from engine.data import cifar
from engine.data.cifar import read_cifar_batch
from engine.data.registry import LoadOptions, load_dataset
from engine.errors import DataError, DownloadError


def batch_bytes(images: np.ndarray, labels: np.ndarray) -> bytes:
    """(N, 32, 32, 3) images + labels as CIFAR binary records: label, then R, G, B planes."""
    planes = images.transpose(0, 3, 1, 2).reshape(len(images), -1)
    return np.concatenate([labels.astype(np.uint8)[:, None], planes], axis=1).tobytes()


def fake_cifar(folder: Path, *, per_batch: int = 3, n_test: int = 4, seed: int = 0, meta: str | None = None) -> dict:
    """Write data_batch_1..5.bin and test_batch.bin with random content; return what was written."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, count in [(f"data_batch_{i}.bin", per_batch) for i in range(1, 6)] + [("test_batch.bin", n_test)]:
        images = rng.integers(0, 256, (count, 32, 32, 3), dtype=np.uint8)
        labels = rng.integers(0, 10, count, dtype=np.uint8)
        (folder / name).write_bytes(batch_bytes(images, labels))
        written[name] = (images, labels)
    if meta is not None:
        (folder / "batches.meta.txt").write_text(meta)
    return written


def test_record_layout_is_label_then_rgb_planes(tmp_path):
    record = bytearray([7]) + bytes([10] * 1024) + bytes([20] * 1024) + bytes([30] * 1024)
    record[1 + 0 * 1024 + 1 * 32 + 2] = 200  # red plane, row 1, column 2
    record[1 + 2 * 1024 + 31 * 32 + 31] = 99  # blue plane, last pixel
    (tmp_path / "one.bin").write_bytes(bytes(record))
    images, labels = read_cifar_batch(tmp_path / "one.bin")
    assert images.shape == (1, 32, 32, 3) and images.dtype == np.uint8 and images.flags.c_contiguous
    assert labels.tolist() == [7] and labels.dtype == np.int64
    assert images[0, 0, 0].tolist() == [10, 20, 30]
    assert images[0, 1, 2].tolist() == [200, 20, 30]
    assert images[0, 31, 31].tolist() == [10, 20, 99]


def test_cifar_from_data_dir_end_to_end(tmp_path):
    written = fake_cifar(tmp_path / "cifar-10-batches-bin")
    data = load_dataset("cifar10", LoadOptions(data_dir=tmp_path))
    assert data.name == "cifar10" and data.classes[:3] == ["airplane", "automobile", "bird"] and len(data.classes) == 10
    assert data.train_images.shape == (15, 32, 32, 3) and data.test_images.shape == (4, 32, 32, 3)
    expected = np.concatenate([written[f"data_batch_{i}.bin"][0] for i in range(1, 6)])
    assert np.array_equal(data.train_images, expected)
    assert np.array_equal(data.test_labels, written["test_batch.bin"][1].astype(np.int64))


def test_class_names_come_from_batches_meta(tmp_path):
    names = [f"kind {i}" for i in range(10)]
    fake_cifar(tmp_path, meta="\n".join(names) + "\n\n")
    assert load_dataset("cifar10", LoadOptions(data_dir=tmp_path)).classes == names
    (tmp_path / "batches.meta.txt").write_text("only\nthree\nnames\n")
    assert load_dataset("cifar10", LoadOptions(data_dir=tmp_path)).classes == list(cifar.CLASSES)


def test_size_not_a_multiple_of_a_record_is_refused(tmp_path):
    fake_cifar(tmp_path)
    with open(tmp_path / "data_batch_3.bin", "ab") as stream:
        stream.write(b"\x00" * 10)
    with pytest.raises(DataError) as info:
        load_dataset("cifar10", LoadOptions(data_dir=tmp_path))
    assert "data_batch_3.bin" in str(info.value) and "3,073-byte records" in str(info.value)
    (tmp_path / "data_batch_3.bin").write_bytes(b"")
    with pytest.raises(DataError, match="data_batch_3.bin"):
        load_dataset("cifar10", LoadOptions(data_dir=tmp_path))


def test_missing_batch_is_named_and_cifar100_labels_are_refused(tmp_path):
    fake_cifar(tmp_path / "a")
    (tmp_path / "a" / "test_batch.bin").unlink()
    with pytest.raises(DataError, match="'test_batch.bin' is missing"):
        load_dataset("cifar10", LoadOptions(data_dir=tmp_path / "a"))
    fake_cifar(tmp_path / "b")
    images = np.zeros((2, 32, 32, 3), np.uint8)
    (tmp_path / "b" / "data_batch_1.bin").write_bytes(batch_bytes(images, np.array([3, 57])))
    with pytest.raises(DataError, match="label 57"):
        load_dataset("cifar10", LoadOptions(data_dir=tmp_path / "b"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match="holds no CIFAR-10"):
        load_dataset("cifar10", LoadOptions(data_dir=tmp_path / "empty"))


def _archive(folder: Path, written_from: Path) -> Path:
    """A cifar-10-binary.tar.gz like the official one (plus a readme we do not extract)."""
    archive = folder / cifar.ARCHIVE_NAME
    folder.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(written_from, arcname=cifar.FOLDER)
        readme = tarfile.TarInfo(f"{cifar.FOLDER}/readme.html")
        readme.size = 5
        tar.addfile(readme, io.BytesIO(b"hello"))
    return archive


def test_cifar_downloads_extracts_and_then_reads_the_cache(monkeypatch, tmp_path, modeldesk_home):
    written = fake_cifar(tmp_path / "src" / "batches", meta="\n".join(cifar.CLASSES))
    archive = _archive(tmp_path / "www", tmp_path / "src" / "batches")
    monkeypatch.setattr(cifar, "SHA256", hashlib.sha256(archive.read_bytes()).hexdigest())
    with serve_folder(tmp_path / "www") as (base, server):
        monkeypatch.setattr(cifar, "URL", base + cifar.ARCHIVE_NAME)
        data = load_dataset("cifar10")
        again = load_dataset("cifar10")
        assert len(server.requests) == 1
    folder = modeldesk_home / "cache" / "cifar10" / cifar.FOLDER
    assert sorted(p.name for p in folder.iterdir()) == sorted([*cifar.TRAIN_FILES, cifar.TEST_FILE, cifar.META_FILE])
    assert not (modeldesk_home / "cache" / "cifar10" / cifar.ARCHIVE_NAME).exists()
    assert np.array_equal(data.test_images, written["test_batch.bin"][0])
    assert np.array_equal(again.train_labels, data.train_labels)


def test_cifar_download_with_wrong_checksum(monkeypatch, tmp_path):
    fake_cifar(tmp_path / "src")
    _archive(tmp_path / "www", tmp_path / "src")
    monkeypatch.setattr(cifar, "SHA256", "0" * 64)
    with serve_folder(tmp_path / "www") as (base, _server):
        monkeypatch.setattr(cifar, "URL", base + cifar.ARCHIVE_NAME)
        with pytest.raises(DownloadError, match="damaged"):
            load_dataset("cifar10", LoadOptions(cache_dir=tmp_path / "cache"))
    assert list((tmp_path / "cache" / "cifar10").iterdir()) == []


def test_cifar_unsafe_archive_is_refused_and_deleted(monkeypatch, tmp_path):
    archive = tmp_path / "www" / cifar.ARCHIVE_NAME
    archive.parent.mkdir()
    with tarfile.open(archive, "w:gz") as tar:
        evil = tarfile.TarInfo("../../evil.bin")
        evil.size = 3
        tar.addfile(evil, io.BytesIO(b"bad"))
    monkeypatch.setattr(cifar, "URL", archive.as_uri())
    monkeypatch.setattr(cifar, "SHA256", hashlib.sha256(archive.read_bytes()).hexdigest())
    cache = tmp_path / "deep" / "cache"
    with pytest.raises(DataError, match="unsafe"):
        load_dataset("cifar10", LoadOptions(cache_dir=cache))
    assert not (cache / "cifar10" / cifar.ARCHIVE_NAME).exists()
    assert not (tmp_path / "deep" / "evil.bin").exists() and not (cache / "evil.bin").exists()
