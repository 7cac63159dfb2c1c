"""Typed errors that carry one plain sentence for the person using the app.

The GUI shows `str(error)`; the command line prints it and exits 2. Anything that is not a
`ModelDeskError` is a bug in ModelDesk and is logged with its traceback.
"""

from __future__ import annotations


class ModelDeskError(Exception):
    """A problem the user can act on. `str()` is the whole message: what happened, what to do."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class DataError(ModelDeskError):
    """A dataset could not be found, read or understood."""


class DownloadError(DataError):
    """A download failed, was cancelled, or did not match its checksum."""


class LoadCancelled(DataError):
    """The user cancelled loading a dataset (a download or decoding a folder)."""


class DownloadCancelled(DownloadError, LoadCancelled):
    """The user cancelled a download; the partial file is kept for a later resume."""


class ImageError(DataError):
    """An image file could not be decoded (unreadable, truncated, too large, not an image)."""


class ModelFileError(ModelDeskError):
    """A model file (ONNX or checkpoint) could not be opened or is not what we expected."""


class ConfigError(ModelDeskError):
    """Settings that do not fit together (unknown model, bad value, wrong task)."""


class TrainingError(ModelDeskError):
    """Training could not continue (loss became NaN, out of memory, ...)."""


class ExportError(ModelDeskError):
    """Exporting to ONNX failed or the exported model disagrees with PyTorch."""


class WriteError(ModelDeskError, OSError):
    """A file could not be written (disk full, no permission, read-only disk). The previous
    version of the file is intact. Also an OSError, so code that handles OSError handles it."""
