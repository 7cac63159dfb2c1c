"""Provider choice: CUDA only when it really works, CPU otherwise, and never a word on stderr."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from engine.errors import ConfigError
from engine.infer import providers
from engine.infer.providers import CPU, CUDA, choose_providers, create_session, cuda_driver_available


@pytest.fixture
def model_path(tmp_path):
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "W"], ["y"])], "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
        [numpy_helper.from_array(np.ones((3, 2), np.float32), "W")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    path = tmp_path / "tiny.onnx"
    onnx.save(model, path)
    return path


@pytest.fixture
def no_driver():
    if cuda_driver_available():
        pytest.skip("this machine has a working NVIDIA driver")


@pytest.fixture
def pretend_cuda(monkeypatch):
    """Make ModelDesk believe the driver and libraries work, so ONNX Runtime really tries CUDA."""
    monkeypatch.setattr(providers, "cuda_driver_available", lambda: True)
    monkeypatch.setattr(providers, "_cuda_libraries_load", lambda: True)
    monkeypatch.setattr(providers, "_cuda_session_failed", False)
    if CUDA not in ort.get_available_providers():
        pytest.skip("this onnxruntime build has no CUDA provider")


def test_driver_answer_is_cached_and_boolean():
    first = cuda_driver_available()
    assert isinstance(first, bool) and cuda_driver_available() is first
    assert cuda_driver_available.cache_info().hits >= 1


def test_without_a_driver_auto_means_cpu_and_cuda_is_refused(no_driver):
    assert choose_providers("auto") == [CPU]
    assert choose_providers() == [CPU]
    with pytest.raises(ConfigError) as info:
        choose_providers("cuda")
    message = str(info.value)
    assert "graphics card" in message and message.endswith(".") and "Error" not in message


def test_cpu_and_unknown_devices():
    assert choose_providers("cpu") == [CPU]
    with pytest.raises(ConfigError, match="auto, cpu or cuda"):
        choose_providers("tpu")


def test_cuda_needs_the_provider_the_driver_and_the_libraries(monkeypatch):
    monkeypatch.setattr(providers, "_cuda_session_failed", False)
    monkeypatch.setattr(providers, "cuda_driver_available", lambda: True)
    monkeypatch.setattr(providers, "_cuda_libraries_load", lambda: True)
    monkeypatch.setattr(ort, "get_available_providers", lambda: [CUDA, CPU])
    assert choose_providers("auto") == [CUDA, CPU]
    monkeypatch.setattr(ort, "get_available_providers", lambda: [CPU])
    assert choose_providers("auto") == [CPU]
    monkeypatch.setattr(ort, "get_available_providers", lambda: [CUDA, CPU])
    monkeypatch.setattr(providers, "_cuda_libraries_load", lambda: False)
    assert choose_providers("auto") == [CPU]
    monkeypatch.setattr(providers, "_cuda_libraries_load", lambda: True)
    monkeypatch.setattr(providers, "cuda_driver_available", lambda: False)
    assert choose_providers("auto") == [CPU]


def test_preload_dlls_failures_and_chatter_stay_out_of_sight(monkeypatch, capfd):
    check = providers._cuda_libraries_load.__wrapped__

    def chatty():
        print("Microsoft Visual C++ Redistributable is not installed")

    def broken():
        raise RuntimeError("Invalid parameter of directory")

    monkeypatch.setattr(ort, "preload_dlls", chatty, raising=False)
    assert check() is True
    monkeypatch.setattr(ort, "preload_dlls", broken, raising=False)
    assert check() is False
    monkeypatch.delattr(ort, "preload_dlls", raising=False)
    assert check() is True
    assert capfd.readouterr() == ("", "")


def test_cpu_session_is_quiet_and_optimised(model_path, no_driver, capfd):
    session, provider = create_session(model_path)
    assert provider == CPU and session.get_providers()[0] == CPU
    options = session.get_session_options()
    assert options.graph_optimization_level == ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    assert options.log_severity_level == 3
    np.testing.assert_allclose(session.run(None, {"x": np.ones((1, 3), np.float32)})[0], [[3, 3]])
    assert capfd.readouterr() == ("", "")


def test_failed_cuda_session_falls_back_to_cpu_without_a_word(model_path, pretend_cuda, capfd):
    session, provider = create_session(model_path, "auto")
    assert provider == session.get_providers()[0]
    if provider == CPU:  # the normal case without a GPU: ONNX Runtime could not load CUDA
        assert providers._cuda_session_failed is True
        assert choose_providers("auto") == [CPU]  # not tried again in this process
    assert capfd.readouterr() == ("", "")


def test_cuda_session_that_raises_falls_back(model_path, pretend_cuda, monkeypatch, capfd):
    real = providers._new_session

    def fail_on_cuda(path, wanted):
        if CUDA in wanted:
            raise RuntimeError("CUDA failure 100: no CUDA-capable device is detected")
        return real(path, wanted)

    monkeypatch.setattr(providers, "_new_session", fail_on_cuda)
    session, provider = create_session(model_path, "auto")
    assert provider == CPU and session.get_providers() == [CPU]
    assert capfd.readouterr() == ("", "")


def test_explicit_cuda_that_does_not_work_is_a_config_error(model_path, pretend_cuda, monkeypatch):
    real = providers._new_session
    monkeypatch.setattr(providers, "_new_session", lambda path, wanted: real(path, [CPU]))
    with pytest.raises(ConfigError, match="choose the CPU"):
        create_session(model_path, "cuda")
