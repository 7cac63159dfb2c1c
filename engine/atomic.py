"""Atomic file writes: a file is either its old version or its complete new one, never half."""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from engine.errors import WriteError
from engine.sentences import Sentence

_REASONS = {  # worded to follow "'NAME' could not be saved because ..."
    errno.ENOSPC: Sentence("the disk is full"),
    errno.EDQUOT: Sentence("your disk quota is used up"),
    errno.EACCES: Sentence("permission was denied"),
    errno.EPERM: Sentence("permission was denied"),
    errno.EROFS: Sentence("the disk is read-only"),
}


def write_failure(dest: Path, exc: OSError, folder: bool = False) -> WriteError:
    """The one-sentence error for a failed write of `dest` (`folder`: its folder could not be made)."""
    reason = _REASONS.get(exc.errno or -1)
    if reason is None and folder:
        reason = Sentence("its folder '{folder}' cannot be made there", folder=dest.parent)
    if reason is None:
        system = exc.strerror or str(exc)  # the operating system's own words, shown as they are
        reason = system.rstrip(".").lower() if system else Sentence("the system refused")
    error = WriteError(Sentence("'{name}' could not be saved because {reason}; the previous version, if there was one, "
                                "is unchanged.", name=dest.name, reason=reason), details=f"{dest}: {exc}")
    error.errno = exc.errno
    return error


@contextmanager
def atomic_path(dest: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `dest`; on success it replaces `dest` in one step.

    On any exception the temporary file is removed and `dest` is left as it was; operating
    system errors (disk full, permission, read-only) become a WriteError with a plain sentence.
    """
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
        os.close(fd)
    except WriteError:
        raise
    except OSError as exc:
        raise write_failure(dest, exc, folder=not dest.parent.is_dir()) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, dest)
    except WriteError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise write_failure(dest, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(dest: str | Path, text: str) -> None:
    """Write `text` (UTF-8) to `dest` atomically."""
    with atomic_path(dest) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes_atomic(dest: str | Path, data: bytes) -> None:
    """Write `data` to `dest` atomically."""
    with atomic_path(dest) as tmp:
        tmp.write_bytes(data)


def copy_atomic(source: str | Path, dest: str | Path) -> Path:
    """Copy `source` to `dest` atomically (WriteError in one sentence when it cannot be written)."""
    import shutil

    with atomic_path(dest) as tmp:
        shutil.copyfile(source, tmp)
    return Path(dest)
