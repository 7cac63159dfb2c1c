"""`modeldesk --check`: what this computer has for ModelDesk, in plain lines.

The window (the pre-flight's findings, see desktop_app.preflight), then the optional pieces: the
camera's libraries, a GPU PyTorch can train on, and ONNX Runtime's CUDA provider for running
models. Exit code 0 when the window can open, 2 when it cannot. Qt's GUI libraries are not
loaded, so it answers on a computer where the window would abort.
"""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from desktop_app.preflight import (DISPLAY_WORDS, Computer, Verdict, display_of, install_command, missing_libraries,
                                   preflight, pyside_dir)

log = logging.getLogger(__name__)

OK, MISSING, NONE = "ok", "missing", "none"
CAMERA_LIBRARIES = ("Qt/lib/libQt6Multimedia.so.6", "Qt/plugins/multimedia/libffmpegmediaplugin.so")


@dataclass(frozen=True)
class Line:
    """One line of the report: a state word (ok / missing / none), what it is about, the detail,
    and a command that fixes it."""

    state: str
    what: str
    detail: str
    command: str = ""


def window_lines(verdict: Verdict, computer: Computer) -> list[Line]:
    """The window's lines, from the pre-flight's verdict."""
    if not verdict.platforms:
        where = computer.env.get("QT_QPA_PLATFORM") or {"darwin": "macOS", "win32": "Windows"}.get(computer.platform,
                                                                                                    computer.platform)
        return [Line(OK, "Window", f"nothing to check for {where}")]
    lines: list[Line] = []
    for name, findings in verdict.platforms:
        what = f"Window ({DISPLAY_WORDS[name]})"
        if findings:
            lines += [Line(MISSING, what, f.sentence, f.command) for f in findings]
        else:
            lines.append(Line(OK, what, f"ready, display '{display_of(name, computer.env)}'"))
    if verdict.platform_override:
        lines.append(Line(OK, "Window", f"ModelDesk will ask Qt for {verdict.platform_override}"))
    return lines


def camera_line(computer: Computer) -> Line:
    """Whether Qt's camera support loads (Linux: it needs PulseAudio's client library)."""
    if not computer.platform.startswith("linux"):
        return Line(OK, "Camera support", "nothing to check on this system")
    base = pyside_dir()
    files = [base / name for name in CAMERA_LIBRARIES] if base is not None else []
    files = [f for f in files if f.exists()]
    if not files:
        return Line(NONE, "Camera support", "Qt's multimedia libraries were not found")
    missing: list[str] = []
    for file in files:
        missing += [name for name in missing_libraries(file, computer) if name not in missing]
    named = [name for name in missing if name != "?"]
    if named:
        return Line(MISSING, "Camera support", f"needs {', '.join(named)}", install_command(named, computer))
    if missing:
        return Line(MISSING, "Camera support", "Qt's multimedia libraries do not load (the log file says why)")
    cameras = sorted(Path("/dev").glob("video*"))
    return Line(OK, "Camera support", f"libraries present; {len(cameras)} video device(s) in /dev")


def gpu_lines() -> list[Line]:
    """A GPU for training (PyTorch) and for running models (ONNX Runtime's CUDA provider)."""
    lines: list[Line] = []
    try:
        from engine.infer.providers import CUDA, cuda_driver_available, cuda_usable

        driver = cuda_driver_available()
        lines.append(Line(OK if driver else NONE, "NVIDIA driver",
                          "loads and reports a GPU" if driver else "not found (training and models run on the CPU)"))
    except Exception as exc:  # noqa: BLE001 - a report line, never a crash
        log.info("ONNX Runtime could not be checked", exc_info=True)
        lines.append(Line(MISSING, "ONNX Runtime", f"does not load: {exc}"))
        return lines
    try:
        from engine.train.device import choose_device, describe_device

        device = choose_device("auto")
        lines.append(Line(OK if device.type != "cpu" else NONE, "Training device",
                          f"{describe_device(device)} (PyTorch {_version('torch')})"))
    except Exception as exc:  # noqa: BLE001
        log.info("PyTorch could not be checked", exc_info=True)
        lines.append(Line(MISSING, "PyTorch", f"does not load: {exc}"))
    usable = cuda_usable()
    lines.append(Line(OK if usable else NONE, "ONNX Runtime on the GPU",
                      f"{CUDA} usable" if usable else "CPU only (the CUDA provider cannot be used here)"))
    return lines


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def render(lines: list[Line]) -> str:
    """The report's text: one aligned line per finding, commands indented below."""
    width = max(len(line.what) for line in lines)
    out: list[str] = []
    for line in lines:
        out.append(f"  [{line.state:^7}] {line.what:<{width}}  {line.detail}")
        if line.command:
            out.append(f"  {'':9} {'':<{width}}  fix: {line.command}")
    return "\n".join(out)


def run_check(computer: Computer | None = None, with_gpu: bool = True) -> int:
    """Print the report; 0 when the window can open, 2 when it cannot."""
    computer = computer or Computer()
    verdict = preflight(computer)
    window, can_start = window_lines(verdict, computer), verdict.can_start
    header = [Line(OK, "Python", f"{platform.python_version()} ({sys.executable})"),
              Line(OK, "PySide6 (Qt)", _version("PySide6"))]
    optional = [camera_line(computer)] + (gpu_lines() if with_gpu else [])
    print(f"ModelDesk check on {platform.system()} {platform.release()}\n")
    print(render(header + window))
    print("\nOptional\n" + render(optional))
    print("\nThe window can open." if can_start else "\n" + verdict.message())
    return 0 if can_start else 2

