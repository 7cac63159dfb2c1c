"""Downloads against a local HTTP server (Range and no-Range), file:// URLs and safe tar extraction."""

from __future__ import annotations

import hashlib
import io
import socket
import tarfile
from pathlib import Path

import numpy as np
import pytest

from local_server import serve_folder

from engine.data.download import CHUNK_SIZE, download, extract_tar_safely
from engine.errors import DataError, DownloadCancelled, DownloadError


def _payload(size: int = 5 * CHUNK_SIZE + 123, seed: int = 0) -> bytes:
    return np.random.default_rng(seed).integers(0, 256, size, dtype=np.uint8).tobytes()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    data = _payload()
    (root / "blob.bin").write_bytes(data)
    return root, data


def test_download_writes_file_atomically_and_reports_progress(served, tmp_path):
    root, data = served
    calls = []
    with serve_folder(root) as (base, _server):
        dest = download(base + "blob.bin", tmp_path / "out" / "blob.bin", sha256=_sha(data), progress=lambda d, t: calls.append((d, t)))
    assert dest.read_bytes() == data
    assert not dest.with_suffix(".bin.part").exists()
    assert calls[-1] == (len(data), len(data))
    assert all(total == len(data) for _done, total in calls)
    assert len(calls) <= 3  # rate limited: a quick local download reports only a few times


def test_progress_is_rate_limited(monkeypatch, tmp_path):
    import engine.data.download as module

    clock = iter(np.arange(0.0, 100.0, 0.01))  # each chunk seems to take 10 ms
    monkeypatch.setattr(module, "time", type("FakeTime", (), {"monotonic": staticmethod(lambda: float(next(clock)))}))
    data = _payload(40 * CHUNK_SIZE)
    (tmp_path / "big.bin").write_bytes(data)
    calls = []
    download((tmp_path / "big.bin").as_uri(), tmp_path / "out.bin", sha256=None, progress=lambda d, t: calls.append((d, t)))
    assert 8 <= len(calls) <= 10  # 40 chunks in 0.4 s at <= 20 calls per second, plus the final call
    assert calls[-1] == (len(data), len(data))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_download_resumes_a_part_file_with_a_range_request(served, tmp_path):
    root, data = served
    dest = tmp_path / "blob.bin"
    dest.with_suffix(".bin.part").write_bytes(data[:100_000])
    with serve_folder(root) as (base, server):
        download(base + "blob.bin", dest, sha256=_sha(data))
    assert server.requests == [("/blob.bin", "bytes=100000-")]
    assert dest.read_bytes() == data


def test_download_restarts_when_the_server_ignores_range(served, tmp_path):
    root, data = served
    dest = tmp_path / "blob.bin"
    dest.with_suffix(".bin.part").write_bytes(b"garbage that is not the start of the file")
    with serve_folder(root, ranges=False) as (base, server):
        download(base + "blob.bin", dest, sha256=_sha(data))
    assert server.requests[0][1] is not None  # it asked to resume, got 200 and started over
    assert dest.read_bytes() == data


def test_download_restarts_when_the_part_file_is_too_long(served, tmp_path):
    root, data = served
    dest = tmp_path / "blob.bin"
    dest.with_suffix(".bin.part").write_bytes(data + b"extra")
    with serve_folder(root) as (base, server):
        download(base + "blob.bin", dest, sha256=_sha(data))
    assert [r[1] for r in server.requests] == [f"bytes={len(data) + 5}-", None]
    assert dest.read_bytes() == data


def test_checksum_mismatch_deletes_the_file(served, tmp_path):
    root, _data = served
    dest = tmp_path / "blob.bin"
    with serve_folder(root) as (base, _server), pytest.raises(DownloadError) as info:
        download(base + "blob.bin", dest, sha256="0" * 64)
    assert "damaged" in str(info.value) and "try again" in str(info.value)
    assert not dest.exists() and not dest.with_suffix(".bin.part").exists()


def test_cancel_keeps_the_part_file_for_a_later_resume(served, tmp_path):
    root, data = served
    dest = tmp_path / "blob.bin"
    polls = []

    def cancel_after_two_chunks() -> bool:
        polls.append(1)
        return len(polls) > 2

    with serve_folder(root) as (base, _server):
        with pytest.raises(DownloadCancelled) as info:
            download(base + "blob.bin", dest, sha256=_sha(data), should_cancel=cancel_after_two_chunks)
        part = dest.with_suffix(".bin.part")
        assert part.stat().st_size == 2 * CHUNK_SIZE and not dest.exists()
        assert "cancelled" in str(info.value)
        download(base + "blob.bin", dest, sha256=_sha(data))
    assert dest.read_bytes() == data and not part.exists()


def test_unreachable_server_gives_a_plain_sentence(tmp_path):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(DownloadError) as info:
        download(f"http://127.0.0.1:{port}/train-images-idx3-ubyte.gz", tmp_path / "x.gz", sha256=None, timeout=5)
    message = str(info.value)
    assert message.startswith("Could not download x.gz: no internet connection")
    assert "--data-dir" in message and "\n" not in message and "Errno" not in message


def test_http_error_is_reported_plainly(served, tmp_path):
    root, _data = served
    with serve_folder(root) as (base, _server), pytest.raises(DownloadError, match="error 404"):
        download(base + "missing.bin", tmp_path / "missing.bin", sha256=None)


def test_file_url_works_and_missing_file_is_a_download_error(served, tmp_path):
    root, data = served
    dest = download((root / "blob.bin").as_uri(), tmp_path / "copy.bin", sha256=_sha(data))
    assert dest.read_bytes() == data
    with pytest.raises(DownloadError):
        download((root / "nope.bin").as_uri(), tmp_path / "nope.bin", sha256=None)


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def _file(name: str, data: bytes = b"hello") -> tuple[tarfile.TarInfo, bytes]:
    return tarfile.TarInfo(name), data


def _link(name: str, target: str, kind=tarfile.SYMTYPE) -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info, None


def test_extract_tar_safely_extracts_chosen_members(tmp_path):
    archive = _tar(tmp_path / "a.tar.gz", [_file("top/keep.bin", b"k"), _file("top/skip.txt", b"s"), _link("top/alias", "keep.bin")])
    dest = tmp_path / "out"
    files = extract_tar_safely(archive, dest, members_filter=lambda m: m.name.endswith(".bin"))
    assert files == [dest / "top" / "keep.bin"]
    assert (dest / "top" / "keep.bin").read_bytes() == b"k"
    assert not (dest / "top" / "skip.txt").exists()
    assert [p.name for p in dest.iterdir()] == ["top"]  # no staging folder left behind


def _device() -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo("dev/null")
    info.type = tarfile.CHRTYPE
    return info, None


@pytest.mark.parametrize(
    "bad",
    [
        _file("../evil"),
        _file("/abs"),
        _file("ok/../../evil"),
        _link("ok/link", "../../outside"),
        _link("ok/link", "/etc/passwd"),
        _link("ok/hard", "../evil", tarfile.LNKTYPE),
        _device(),
    ],
    ids=["dotdot", "absolute", "nested-dotdot", "symlink-out", "symlink-abs", "hardlink-out", "device"],
)
def test_extract_tar_safely_refuses_escaping_members(tmp_path, bad):
    archive = _tar(tmp_path / "bad.tar.gz", [_file("ok/fine.bin"), bad])
    dest = tmp_path / "deep" / "out"
    with pytest.raises(DataError) as info:
        extract_tar_safely(archive, dest)
    assert "unsafe" in str(info.value)
    assert not dest.exists()  # refused before anything was written
    assert not (tmp_path / "deep" / "evil").exists() and not (tmp_path / "evil").exists()


def test_extract_tar_safely_reports_a_damaged_archive(tmp_path):
    archive = _tar(tmp_path / "a.tar.gz", [_file("x/y.bin", _payload(50_000))])
    archive.write_bytes(archive.read_bytes()[:2000])
    with pytest.raises(DataError, match="damaged or incomplete"):
        extract_tar_safely(archive, tmp_path / "out")
