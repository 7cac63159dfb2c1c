"""Check that a file really is a usable ONNX model before ONNX Runtime sees it, and open it.

ONNX Runtime's own errors are written for programmers; the checks here catch the usual
mistakes (wrong file, unfinished download, Git LFS pointer, missing external data) and say
what happened in one plain sentence.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterator

import onnx
import onnx.checker
import onnxruntime as ort

from engine.errors import ModelDeskError, ModelFileError
from engine.infer.providers import create_session
from engine.sentences import Sentence

log = logging.getLogger(__name__)

CHECKER_MAX_BYTES = 64 * 1024 * 1024  # larger single-file models skip onnx.checker (it copies the model)
_HEAD_BYTES = 512
_LFS_PREFIX = b"version https://git-lfs"
_ZIP_PREFIX = b"PK\x03\x04"


def _looks_like_text(head: bytes) -> bool:
    """True when the first bytes are printable text; ONNX files start with a binary field tag."""
    if b"\x00" in head:
        return False
    text = head.decode("utf-8", errors="ignore")
    return bool(text) and all(ch.isprintable() or ch in "\t\r\n" for ch in text)


def _read_head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(_HEAD_BYTES)
    except PermissionError:
        raise ModelFileError(Sentence("ModelDesk is not allowed to read '{name}'; check the file's permissions.",
                                      name=path.name)) from None
    except OSError as exc:
        raise ModelFileError(Sentence("'{name}' could not be read ({reason}).",
                                      name=path.name, reason=exc.strerror or str(exc))) from None


def _graph_tensors(graph: onnx.GraphProto) -> Iterator[onnx.TensorProto]:
    """Every tensor stored in `graph` and its subgraphs (initializers and constant attributes)."""
    yield from graph.initializer
    for sparse in graph.sparse_initializer:
        yield sparse.values
        yield sparse.indices
    for node in graph.node:
        for attribute in node.attribute:
            if attribute.HasField("t"):
                yield attribute.t
            yield from attribute.tensors
            if attribute.HasField("g"):
                yield from _graph_tensors(attribute.g)
            for subgraph in attribute.graphs:
                yield from _graph_tensors(subgraph)


def _check_external_data(path: Path, model: onnx.ModelProto) -> bool:
    """Raise ModelFileError when an external data file is missing, too short or outside the
    model's folder. Returns True when the model uses external data at all."""
    folder = os.path.normpath(os.path.abspath(path.parent))
    sizes: dict[str, int] = {}
    for tensor in _graph_tensors(model.graph):
        if tensor.data_location != onnx.TensorProto.EXTERNAL:
            continue
        info = {entry.key: entry.value for entry in tensor.external_data}
        location = info.get("location", "")
        if not location:
            raise ModelFileError(Sentence("'{name}' refers to a separate data file without naming it; the model file is "
                                          "damaged.", name=path.name))
        target = os.path.normpath(os.path.join(folder, location))
        if os.path.isabs(location) or os.path.commonpath([folder, target]) != folder:
            raise ModelFileError(Sentence(
                "'{name}' refers to a data file outside its own folder ('{location}'); "
                "ModelDesk only reads data files kept next to the model.", name=path.name, location=location))
        if target not in sizes:
            if not os.path.isfile(target):
                raise ModelFileError(Sentence(
                    "The data file '{location}' that belongs to '{name}' is missing; keep it in the same folder as the model.",
                    location=location, name=path.name))
            sizes[target] = os.path.getsize(target)
        try:
            end = int(info.get("offset") or 0) + int(info.get("length") or 0)
        except ValueError:
            raise ModelFileError(Sentence("'{name}' describes its data file '{location}' wrongly; the model file is damaged.",
                                          name=path.name, location=location)) from None
        if end > sizes[target]:
            raise ModelFileError(Sentence(
                "The data file '{location}' that belongs to '{name}' is incomplete; copy or download it again.",
                location=location, name=path.name))
    return bool(sizes)


def check_model_file(path: str | Path) -> None:
    """Return quietly when `path` looks like a complete ONNX model; else raise ModelFileError.

    Catches: a missing file, a folder, an empty file, a Git LFS pointer, a text file, an
    archive, a damaged or truncated model, and external data that is missing, incomplete or
    outside the model's folder. onnx.checker runs on small single-file models; what it finds
    is only logged, because ONNX Runtime (which has the last word) accepts some models it
    rejects.
    """
    path = Path(path)
    if not path.exists():
        raise ModelFileError(Sentence("The model file '{path}' does not exist; check the name and the folder.", path=path))
    if path.is_dir():
        raise ModelFileError(Sentence("'{name}' is a folder, not a model file; choose the .onnx file inside it.",
                                      name=path.name))
    size = path.stat().st_size
    if size == 0:
        raise ModelFileError(Sentence("'{name}' is empty; it may not have finished downloading or copying.", name=path.name))
    head = _read_head(path)
    if head.startswith(_LFS_PREFIX):
        raise ModelFileError(Sentence(
            "'{name}' is only a Git LFS pointer, not the model itself; "
            "download the real file (for example with 'git lfs pull') and try again.", name=path.name))
    if head.startswith(_ZIP_PREFIX):
        raise ModelFileError(Sentence(
            "'{name}' is an archive (such as a PyTorch checkpoint), not an ONNX model; export the model to ONNX first.",
            name=path.name))
    if _looks_like_text(head):
        raise ModelFileError(Sentence("'{name}' is a text file, not an ONNX model; choose a model file exported to ONNX.",
                                      name=path.name))
    try:
        model = onnx.load(str(path), load_external_data=False)
    except MemoryError:
        raise ModelFileError(Sentence("There is not enough memory to open '{name}'.", name=path.name)) from None
    except Exception as exc:  # noqa: BLE001 - protobuf DecodeError and friends
        log.info("onnx.load(%s) failed: %s", path, exc)
        raise ModelFileError(Sentence(
            "'{name}' is damaged or incomplete and cannot be read as an ONNX model; copy or download it again.",
            name=path.name)) from None
    if not model.HasField("graph") or not model.graph.output:
        raise ModelFileError(Sentence("'{name}' contains no model graph, so it is not an ONNX model ModelDesk can run.",
                                      name=path.name))
    external = _check_external_data(path, model)
    if not external and size <= CHECKER_MAX_BYTES:
        try:
            onnx.checker.check_model(model)
        except Exception as exc:  # noqa: BLE001 - advisory only
            log.warning("onnx.checker has doubts about %s: %s", path, exc)


def _ort_reason(exc: Exception) -> Sentence:
    """A plain reason for an ONNX Runtime exception, chosen by its kind."""
    kind = type(exc).__name__
    if isinstance(exc, MemoryError):
        return Sentence("there is not enough memory to load it")
    if kind == "InvalidProtobuf":
        return Sentence("the file is damaged or is not an ONNX model")
    if kind in ("InvalidGraph", "NotImplemented"):
        return Sentence("it uses an operation or an ONNX version that this version of ONNX Runtime cannot run")
    if kind == "NoSuchFile":
        return Sentence("a file it needs is missing")
    return Sentence("ONNX Runtime reported a problem with it (the details are in the log file)")


def open_model(path: str | Path, device: str = "auto") -> tuple[ort.InferenceSession, str]:
    """Check `path`, then open it with ONNX Runtime on `device` ("auto", "cpu" or "cuda").

    Returns the session and the provider in use. Every failure is a ModelDeskError with a
    plain sentence: ModelFileError for the file, ConfigError for the device.
    """
    path = Path(path)
    check_model_file(path)
    try:
        return create_session(path, device)
    except ModelDeskError:
        raise
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises several unrelated types
        log.warning("ONNX Runtime could not open %s: %s", path, exc, exc_info=True)
        raise ModelFileError(Sentence("ModelDesk could not open the model '{name}': {reason}.",
                                      name=path.name, reason=_ort_reason(exc)), details=str(exc)) from None


def session_metadata(session: ort.InferenceSession, path: str | Path) -> dict[str, str]:
    """The model's metadata props as a dict; ModelFileError when they are not readable text
    (a damaged file can carry bytes that are not UTF-8)."""
    try:
        return dict(session.get_modelmeta().custom_metadata_map)
    except (UnicodeDecodeError, RuntimeError, ValueError) as exc:
        raise ModelFileError(Sentence("The description stored in '{name}' is damaged, so the model cannot be used.",
                                      name=Path(path).name), details=str(exc)) from None
