"""`pip install .` must resolve on every system: pyproject.toml asks for onnxruntime-gpu only
where it publishes wheels (Linux x86_64, Windows x64) and for onnxruntime everywhere else, never
both and never neither. The markers are evaluated here for each system, as pip would there."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
ONNX_RUNTIMES = {"onnxruntime", "onnxruntime-gpu"}


def environment(sys_platform: str, system: str, machine: str, python: str = "3.11") -> dict[str, str]:
    """A complete marker environment, as `packaging.markers.default_environment()` gives on that system."""
    return {
        "implementation_name": "cpython",
        "implementation_version": f"{python}.0",
        "os_name": "nt" if sys_platform == "win32" else "posix",
        "platform_machine": machine,
        "platform_python_implementation": "CPython",
        "platform_release": "",
        "platform_system": system,
        "platform_version": "",
        "python_full_version": f"{python}.0",
        "python_version": python,
        "sys_platform": sys_platform,
        "extra": "",
    }


# (system, the ONNX Runtime it must get)
SYSTEMS = {
    "macOS arm64": (environment("darwin", "Darwin", "arm64"), "onnxruntime"),
    "macOS arm64, Python 3.12": (environment("darwin", "Darwin", "arm64", "3.12"), "onnxruntime"),
    "macOS x86_64": (environment("darwin", "Darwin", "x86_64"), "onnxruntime"),
    "Windows x64": (environment("win32", "Windows", "AMD64"), "onnxruntime-gpu"),
    "Windows x64, Python 3.13": (environment("win32", "Windows", "AMD64", "3.13"), "onnxruntime-gpu"),
    "Windows on Arm": (environment("win32", "Windows", "ARM64"), "onnxruntime"),
    "Linux x86_64": (environment("linux", "Linux", "x86_64"), "onnxruntime-gpu"),
    "Linux x86_64, Python 3.12": (environment("linux", "Linux", "x86_64", "3.12"), "onnxruntime-gpu"),
    "Linux aarch64": (environment("linux", "Linux", "aarch64"), "onnxruntime"),
    "FreeBSD": (environment("freebsd14", "FreeBSD", "amd64"), "onnxruntime"),
}


def requirements() -> list[Requirement]:
    with PYPROJECT.open("rb") as file:
        return [Requirement(line) for line in tomllib.load(file)["project"]["dependencies"]]


def chosen(env: dict[str, str]) -> list[Requirement]:
    return [req for req in requirements() if req.marker is None or req.marker.evaluate(env)]


@pytest.mark.parametrize("name", SYSTEMS)
def test_exactly_one_onnx_runtime_on_each_system(name):
    env, expected = SYSTEMS[name]
    runtimes = [req.name for req in chosen(env) if req.name in ONNX_RUNTIMES]
    assert runtimes == [expected], f"{name}: {runtimes}"


def test_only_onnx_runtime_depends_on_the_system():
    # the other dependencies are the same everywhere: one system's set is another's
    everywhere = {req.name for req in requirements() if req.marker is None}
    for name, (env, _) in SYSTEMS.items():
        assert {req.name for req in chosen(env)} - ONNX_RUNTIMES == everywhere, name


def test_both_runtimes_ask_for_the_same_versions():
    specifiers = {str(req.specifier) for req in requirements() if req.name in ONNX_RUNTIMES}
    assert len(specifiers) == 1, specifiers
