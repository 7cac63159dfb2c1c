"""Which ONNX Runtime execution provider to use, and sessions that never talk at the user.

CUDA is asked for only when it can really work: onnxruntime lists the CUDA provider, the
NVIDIA driver loads and reports a device, and `onnxruntime.preload_dlls()` (when present)
finds the CUDA libraries. Otherwise, and whenever creating a CUDA session fails, we run on
the CPU and say so only in the log.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import io
import logging
import sys
from pathlib import Path

import onnxruntime as ort

from engine.errors import ConfigError
from engine.sentences import Sentence

log = logging.getLogger(__name__)

CPU = "CPUExecutionProvider"
CUDA = "CUDAExecutionProvider"
DEVICES = ("auto", "cpu", "cuda")
ERROR_SEVERITY = 3  # ORT: 0 verbose, 1 info, 2 warning, 3 error, 4 fatal
QUIET_SEVERITY = 4  # while probing CUDA: its library-load failures are logged as errors

_cuda_session_failed = False  # set once a CUDA session silently came up on the CPU


def _driver_library_names() -> tuple[str, ...]:
    if sys.platform.startswith("win"):
        return ("nvcuda.dll",)
    if sys.platform.startswith("linux"):
        return ("libcuda.so.1", "libcuda.so")
    return ()  # macOS has no CUDA driver


@functools.lru_cache(maxsize=1)
def cuda_driver_available() -> bool:
    """True when the NVIDIA driver library loads, initialises and reports at least one GPU.

    Never raises; the answer is computed once per process.
    """
    for name in _driver_library_names():
        try:
            driver = ctypes.CDLL(name)
        except OSError:
            continue
        try:
            if driver.cuInit(0) != 0:
                log.info("CUDA driver %s loaded but cuInit failed", name)
                return False
            count = ctypes.c_int(0)
            if driver.cuDeviceGetCount(ctypes.byref(count)) != 0:
                log.info("CUDA driver %s loaded but cuDeviceGetCount failed", name)
                return False
            log.info("CUDA driver %s reports %d device(s)", name, count.value)
            return count.value > 0
        except (AttributeError, OSError, ValueError) as exc:
            log.info("CUDA driver %s is not usable: %s", name, exc)
            return False
    log.info("no CUDA driver library found")
    return False


@functools.lru_cache(maxsize=1)
def _cuda_libraries_load() -> bool:
    """True when `ort.preload_dlls()` is absent or runs without raising; its prints go to the log."""
    preload = getattr(ort, "preload_dlls", None)
    if preload is None:
        return True
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
            preload()
    except Exception as exc:  # noqa: BLE001 - any failure means "no CUDA", never an error for the user
        log.info("onnxruntime.preload_dlls failed: %s", exc)
        return False
    finally:
        if captured.getvalue().strip():
            log.info("onnxruntime.preload_dlls said: %s", captured.getvalue().strip())
    return True


def cuda_usable() -> bool:
    """True when ONNX Runtime can be expected to run on an NVIDIA GPU in this process."""
    if _cuda_session_failed or CUDA not in ort.get_available_providers():
        return False
    return cuda_driver_available() and _cuda_libraries_load()


def choose_providers(device: str = "auto") -> list[str]:
    """The execution providers to ask ONNX Runtime for, best first, always ending with the CPU.

    "auto" adds CUDA only when it is usable, "cpu" never does, and "cuda" raises ConfigError
    when CUDA is not usable on this computer.
    """
    if device not in DEVICES:
        raise ConfigError(Sentence("'{device}' is not a device ModelDesk knows; choose auto, cpu or cuda.", device=device))
    if device == "cpu":
        return [CPU]
    if cuda_usable():
        return [CUDA, CPU]
    if device == "cuda":
        raise ConfigError(Sentence("This computer has no NVIDIA graphics card that ModelDesk can use; choose the CPU instead."))
    return [CPU]


def _session_options() -> ort.SessionOptions:
    options = ort.SessionOptions()
    options.log_severity_level = ERROR_SEVERITY
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return options


def _new_session(path: Path, providers: list[str]) -> ort.InferenceSession:
    return ort.InferenceSession(str(path), _session_options(), providers=providers)


def create_session(path: str | Path, device: str = "auto") -> tuple[ort.InferenceSession, str]:
    """Open `path` in ONNX Runtime; return the session and the provider it actually runs on.

    With "auto", a CUDA session that fails (or silently comes up on the CPU) is replaced by a
    CPU session and only logged. With "cuda" that raises ConfigError instead. Errors from ONNX
    Runtime about the model itself propagate unchanged (see `engine.infer.model_file.open_model`).
    """
    global _cuda_session_failed
    path = Path(path)
    providers = choose_providers(device)
    ort.set_default_logger_severity(ERROR_SEVERITY)
    if CUDA in providers:
        ort.set_default_logger_severity(QUIET_SEVERITY)
        try:
            session = _new_session(path, providers)
        except Exception as exc:  # noqa: BLE001 - retried on the CPU below
            log.info("CUDA session for %s failed, retrying on the CPU: %s", path, exc)
            session = None
        finally:
            ort.set_default_logger_severity(ERROR_SEVERITY)
        if session is not None and session.get_providers()[0] == CUDA:
            log.info("opened %s on %s", path, CUDA)
            return session, CUDA
        _cuda_session_failed = True
        log.info("CUDA could not be used for %s; running on the CPU", path)
        cpu_session = _new_session(path, [CPU])  # raises if the model itself is the problem
        if device == "cuda":
            raise ConfigError(Sentence("The graphics card could not be used to run this model; choose the CPU instead."))
        return cpu_session, CPU
    session = _new_session(path, providers)
    provider = session.get_providers()[0]
    log.info("opened %s on %s", path, provider)
    return session, provider
