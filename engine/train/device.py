"""Choosing where training runs: CUDA when it really works, then Apple MPS, then CPU."""

from __future__ import annotations

import logging

import torch

from engine.errors import ConfigError
from engine.sentences import Sentence

log = logging.getLogger(__name__)


def cuda_works() -> bool:
    """True when a CUDA device is present and a tiny computation on it succeeds."""
    try:
        if not torch.cuda.is_available():
            return False
        (torch.ones(2, device="cuda") * 2).sum().item()
        return True
    except Exception:  # noqa: BLE001 - a broken driver raises many kinds of errors
        log.info("CUDA is listed but does not work", exc_info=True)
        return False


def mps_works() -> bool:
    """True on Apple silicon with a working Metal backend."""
    try:
        return bool(torch.backends.mps.is_available())
    except Exception:  # noqa: BLE001
        return False


def choose_device(requested: str = "auto") -> torch.device:
    """The device to train on; ConfigError with a plain sentence if `requested` is unusable."""
    if requested == "auto":
        if cuda_works():
            return torch.device("cuda")
        if mps_works():
            return torch.device("mps")
        return torch.device("cpu")
    if requested == "cuda" and not cuda_works():
        raise ConfigError(Sentence("No working NVIDIA GPU was found; choose the CPU (--device cpu) or 'auto'."))
    if requested == "mps" and not mps_works():
        raise ConfigError(Sentence("Apple GPU (MPS) is not available on this computer; choose the CPU or 'auto'."))
    return torch.device(requested)


def memory_format_for(model: torch.nn.Module, device: torch.device) -> torch.memory_format:
    """The layout a convolutional model trains in: channels-last (NHWC) on CUDA GPUs, where
    mixed-precision convolutions run on tensor cores in that layout; the usual layout on CPUs,
    where bench/train_throughput.py measured no gain for the whole loop (0.99-1.09x for
    cnn-small on a 2-core CPU, within noise) and on other devices."""
    has_conv = any(isinstance(m, (torch.nn.Conv2d, torch.nn.ConvTranspose2d)) for m in model.modules())
    if has_conv and device.type == "cuda":
        return torch.channels_last
    return torch.contiguous_format


def describe_device(device: torch.device) -> str:
    """A short human name, e.g. 'CPU (2 threads)' or 'NVIDIA H200'."""
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    if device.type == "mps":
        return Sentence("Apple GPU (MPS)")
    return Sentence("CPU ({count} threads)", count=torch.get_num_threads())


def describe_devices(device: torch.device, processes: int = 1) -> str:
    """`describe_device`, followed by how many processes train together when there are
    several, e.g. 'NVIDIA H200 x 4 processes'."""
    if processes > 1:
        return Sentence("{device} x {count} processes", device=describe_device(device), count=processes)
    return describe_device(device)


def list_gpus() -> list[str]:
    """Names of the working CUDA GPUs (empty when none)."""
    if not cuda_works():
        return []
    return [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
