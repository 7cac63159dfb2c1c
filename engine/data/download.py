"""Fetch dataset files once into the cache: resumable, checksummed, cancellable, atomic.

`download` writes to `<dest>.part`, resumes that file with an HTTP Range request, checks the
SHA-256 when one is given and only then renames the file into place, so `dest` either does not
exist or is complete. `extract_tar_safely` unpacks an archive without letting any member
escape the destination folder.
"""

from __future__ import annotations

import hashlib
import http.client
import logging
import os
import re
import shutil
import tarfile
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path, PurePosixPath
from typing import Callable

from engine.errors import DataError, DownloadCancelled, DownloadError
from engine.sentences import Sentence

log = logging.getLogger(__name__)

CHUNK_SIZE = 64 * 1024
PROGRESS_INTERVAL_S = 0.05  # at most ~20 progress calls per second
USER_AGENT = "ModelDesk (dataset download)"

ProgressCallback = Callable[[int, int], None]


def _offline_error(name: str) -> DownloadError:
    return DownloadError(Sentence(
        "Could not download {name}: no internet connection (or the server is unreachable). "
        "If you have the files, put them in a folder and choose it with --data-dir.", name=name
    ))


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of the file at `path`, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _total_from_headers(response, offset: int, partial: bool) -> int:
    """Full size of the remote file from Content-Range / Content-Length, or 0 when unknown."""
    content_range = response.headers.get("Content-Range", "")
    match = re.match(r"bytes\s+\d+-\d+/(\d+)", content_range)
    if partial and match:
        return int(match.group(1))
    length = response.headers.get("Content-Length")
    if length and length.isdigit():
        return int(length) + (offset if partial else 0)
    return 0


def _open(url: str, offset: int, timeout: float):
    """Open `url`, asking for bytes from `offset` on when resuming an http(s) download."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if offset > 0 and urllib.parse.urlsplit(url).scheme in ("http", "https"):
        request.add_header("Range", f"bytes={offset}-")
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - callers pass fixed dataset URLs


def _resumed_from(response, offset: int) -> bool:
    """True when the server sent exactly the missing tail (206 starting at `offset`)."""
    if offset == 0 or getattr(response, "status", None) != 206:
        return False
    match = re.match(r"bytes\s+(\d+)-", response.headers.get("Content-Range", ""))
    return bool(match) and int(match.group(1)) == offset


def download(
    url: str,
    dest: Path,
    *,
    sha256: str | None,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    timeout: float = 30,
) -> Path:
    """Download `url` to `dest` and return `dest`.

    Promises: `dest` appears only complete (atomic rename from `<dest>.part`) and, when `sha256`
    is given, only with that checksum; an existing `.part` is resumed (or restarted when the
    server ignores the Range request); `progress(done, total)` is called at most ~20 times a
    second (total 0 when unknown); `should_cancel()` is polled between chunks and a cancel raises
    DownloadCancelled, keeping the `.part` for a later resume. Every failure raises DownloadError
    with a plain sentence; a checksum mismatch deletes the damaged file.
    """
    dest = Path(dest)
    name = dest.name
    part = dest.with_suffix(dest.suffix + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DownloadError(Sentence("Could not create the folder {folder} ({reason}); choose another cache folder.",
                                     folder=dest.parent, reason=exc.strerror)) from exc

    offset = part.stat().st_size if part.exists() else 0
    try:
        response = _open(url, offset, timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and offset:  # the .part is no prefix of the file: start over
            log.info("server refused resuming %s at %d bytes; restarting", name, offset)
            part.unlink(missing_ok=True)
            return download(url, dest, sha256=sha256, progress=progress, should_cancel=should_cancel, timeout=timeout)
        raise DownloadError(Sentence("Could not download {name}: the server answered with error {code} ({reason}). Try again "
                                     "later.", name=name, code=exc.code, reason=exc.reason)) from exc
    except urllib.error.URLError as exc:
        if urllib.parse.urlsplit(url).scheme == "file":
            raise DownloadError(Sentence("Could not copy {name}: the file {url} could not be read.", name=name, url=url)) from exc
        raise _offline_error(name) from exc
    except (OSError, http.client.HTTPException) as exc:  # timeouts, refused or reset connections
        raise _offline_error(name) from exc

    with response:
        resumed = _resumed_from(response, offset)
        if offset and not resumed:
            log.info("server did not resume %s; downloading it from the start", name)
            offset = 0
        total = _total_from_headers(response, offset, resumed)
        done = offset
        _copy_body(response, part, name, resumed, done, total, progress, should_cancel)
    done = part.stat().st_size
    if total and done != total:
        raise DownloadError(Sentence("The download of {name} stopped before it was complete. Try again; it will continue where "
                                      "it stopped.", name=name))
    if progress is not None:
        progress(done, total or done)

    if sha256 is not None and file_sha256(part) != sha256.lower():
        part.unlink(missing_ok=True)
        raise DownloadError(Sentence("The downloaded file {name} was damaged (its checksum did not match); it was deleted, so "
                                      "try again.", name=name))
    os.replace(part, dest)
    log.info("downloaded %s (%d bytes)", dest, done)
    return dest


def _copy_body(response, part: Path, name: str, append: bool, done: int, total: int,
               progress: ProgressCallback | None, should_cancel: Callable[[], bool] | None) -> None:
    """Stream the response body into `part`, reporting progress and honouring cancel."""
    last_report = 0.0
    try:
        out = open(part, "ab" if append else "wb")
    except OSError as exc:
        raise _save_error(name, part, exc) from exc
    with out:
        while True:
            if should_cancel is not None and should_cancel():
                raise DownloadCancelled(Sentence("The download of {name} was cancelled; it will continue where it stopped next "
                                                 "time.", name=name))
            try:
                chunk = response.read(CHUNK_SIZE)
            except TimeoutError as exc:
                raise DownloadError(Sentence("The download of {name} stopped because the server stopped answering. Try again; it "
                                             "will continue where it stopped.", name=name)) from exc
            except (OSError, http.client.HTTPException) as exc:
                raise DownloadError(Sentence("The download of {name} was interrupted. Try again; it will continue where it "
                                             "stopped.", name=name)) from exc
            if not chunk:
                break
            try:
                out.write(chunk)
            except OSError as exc:
                raise _save_error(name, part, exc) from exc
            done += len(chunk)
            now = time.monotonic()
            if progress is not None and now - last_report >= PROGRESS_INTERVAL_S:
                last_report = now
                progress(done, total)


def _save_error(name: str, part: Path, exc: OSError) -> DownloadError:
    return DownloadError(Sentence("Could not save {name} in {folder} ({reason}); free some disk space or choose another "
                                  "cache folder.", name=name, folder=part.parent, reason=exc.strerror))


def _member_problem(member: tarfile.TarInfo) -> Sentence | None:
    """Why `member` must not be extracted (worded to follow "its entry 'NAME' ..."), or None
    when it is a plain file/folder inside."""
    name = member.name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return Sentence("has an absolute path")
    if ".." in PurePosixPath(name).parts:
        return Sentence("points outside the folder")
    if member.ischr() or member.isblk() or member.isfifo() or member.isdev():
        return Sentence("is a device file")
    if member.issym() or member.islnk():
        target = member.linkname.replace("\\", "/")
        if target.startswith("/") or re.match(r"^[A-Za-z]:", target):
            return Sentence("is a link to an absolute path")
        base = PurePosixPath(name).parent if member.issym() else PurePosixPath()
        depth = 0
        for part in (base / target).parts:
            depth += -1 if part == ".." else (0 if part == "." else 1)
            if depth < 0:
                return Sentence("is a link pointing outside the folder")
    return None


def extract_tar_safely(archive: Path, dest: Path, members_filter: Callable[[tarfile.TarInfo], bool] | None = None) -> list[Path]:
    """Extract `archive` (any tar compression) into `dest` and return the extracted file paths.

    Promises: nothing is written outside `dest`; members with absolute paths, `..` parts,
    links leading outside or device files make the whole extraction fail with DataError before
    anything is written; only members for which `members_filter(member)` is true are extracted
    (all when it is None); top-level entries appear in `dest` only once fully extracted.
    """
    archive, dest = Path(archive), Path(dest)
    try:
        with tarfile.open(archive) as tar:
            members = tar.getmembers()
            for member in members:
                problem = _member_problem(member)
                if problem:
                    raise DataError(Sentence("The archive {archive} is unsafe: its entry '{entry}' {problem}; nothing was "
                                              "extracted, so delete it and download it again.",
                                              archive=archive.name, entry=member.name, problem=problem))
            chosen = [m for m in members if members_filter is None or members_filter(m)]
            dest.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".extracting-", dir=dest))
            try:
                tar.extractall(staging, members=chosen, filter="data")
                extracted = [staging / m.name for m in chosen if m.isfile()]
                for entry in sorted(staging.iterdir()):
                    target = dest / entry.name
                    if target.is_dir() and not target.is_symlink():
                        shutil.rmtree(target)
                    os.replace(entry, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except DataError:
        raise
    except tarfile.FilterError as exc:
        raise DataError(Sentence("The archive {archive} is unsafe ({reason}); nothing was kept, so delete it and download it "
                                  "again.", archive=archive.name, reason=str(exc))) from exc
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise DataError(Sentence("The archive {archive} is damaged or incomplete; delete it and download it again.",
                                  archive=archive.name)) from exc
    return [dest / path.relative_to(staging) for path in extracted]
