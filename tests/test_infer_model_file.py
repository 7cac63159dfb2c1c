"""Model-file checks: every usual wrong file gives ModelFileError with one plain sentence."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from engine.errors import ModelFileError
from engine.infer.model_file import check_model_file, open_model

JARGON = ("Traceback", "InvalidProtobuf", "InvalidGraph", "DecodeError", "ONNXRuntimeError", "onnxruntime", "protobuf", "Exception")


def _tiny_model(opset: int = 17, op: str = "ReduceMean") -> onnx.ModelProto:
    """float [N,3,4,4] -> mean over H,W -> MatMul [3,2] + bias -> [N,2]."""
    nodes = [helper.make_node(op, ["x"], ["m"], axes=[2, 3], keepdims=0),
             helper.make_node("MatMul", ["m", "W"], ["s"]), helper.make_node("Add", ["s", "b"], ["y"])]
    graph = helper.make_graph(
        nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 4, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
        [numpy_helper.from_array(np.arange(6, dtype=np.float32).reshape(3, 2), "W"),
         numpy_helper.from_array(np.zeros(2, np.float32), "b")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    return model


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.onnx"
    onnx.save(_tiny_model(), path)
    return path


@pytest.fixture
def external(tmp_path) -> Path:
    folder = tmp_path / "ext"
    folder.mkdir()
    path = folder / "model.onnx"
    onnx.save_model(_tiny_model(), path, save_as_external_data=True, all_tensors_to_one_file=True,
                    location="model.onnx.data", size_threshold=0)
    assert (folder / "model.onnx.data").exists()
    return path


def _expect(path: Path, *words: str) -> str:
    with pytest.raises(ModelFileError) as info:
        check_model_file(path)
    return _plain(str(info.value), *words)


def _plain(message: str, *words: str) -> str:
    assert "\n" not in message and message.endswith("."), message
    for jargon in JARGON:
        assert jargon not in message, message
    for word in words:
        assert word.lower() in message.lower(), message
    return message


def test_good_models_pass_and_open_on_cpu(good, external, capfd):
    check_model_file(good)
    check_model_file(external)
    for path in (good, external):
        session, provider = open_model(path, "cpu")
        out = session.run(None, {"x": np.ones((2, 3, 4, 4), np.float32)})[0]
        np.testing.assert_allclose(out, [[6, 9], [6, 9]])
        assert provider == "CPUExecutionProvider"
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_missing_folder_and_empty_file(tmp_path):
    _expect(tmp_path / "missing.onnx", "missing.onnx", "does not exist")
    folder = tmp_path / "folder.onnx"
    folder.mkdir()
    _expect(folder, "folder.onnx", "folder")
    empty = tmp_path / "empty.onnx"
    empty.write_bytes(b"")
    _expect(empty, "empty.onnx", "empty")


def test_text_file_lfs_pointer_and_archive(tmp_path):
    text = tmp_path / "notes.onnx"
    text.write_text("this is not a model\n")
    _expect(text, "notes.onnx", "text file")
    lfs = tmp_path / "lfs.onnx"
    lfs.write_text("version https://git-lfs.github.com/spec/v1\noid sha256:" + "ab" * 32 + "\nsize 123456\n")
    _expect(lfs, "lfs.onnx", "Git LFS")
    archive = tmp_path / "model.pt.onnx"
    archive.write_bytes(b"PK\x03\x04" + bytes(100))
    _expect(archive, "archive", "export")


def test_truncated_and_binary_garbage(good, tmp_path):
    data = good.read_bytes()
    truncated = tmp_path / "truncated.onnx"
    truncated.write_bytes(data[: len(data) // 2])
    _expect(truncated, "truncated.onnx", "damaged or incomplete")
    garbage = tmp_path / "garbage.onnx"
    garbage.write_bytes(bytes(range(256)) * 4)
    _expect(garbage, "garbage.onnx")


def test_external_data_missing_short_or_outside(external, tmp_path):
    data = external.parent / "model.onnx.data"
    saved = data.read_bytes()
    data.unlink()
    _expect(external, "model.onnx.data", "missing")
    data.write_bytes(saved[:5])
    _expect(external, "model.onnx.data", "incomplete")
    data.write_bytes(saved)

    (tmp_path / "outside.bin").write_bytes(saved)
    proto = onnx.load(str(external), load_external_data=False)
    for tensor in proto.graph.initializer:
        for entry in tensor.external_data:
            if entry.key == "location":
                entry.value = "../outside.bin"
    sneaky = external.parent / "sneaky.onnx"
    sneaky.write_bytes(proto.SerializeToString())
    _expect(sneaky, "sneaky.onnx", "outside its own folder")
    for tensor in proto.graph.initializer:
        for entry in tensor.external_data:
            if entry.key == "location":
                entry.value = str(tmp_path / "outside.bin")
    absolute = external.parent / "absolute.onnx"
    absolute.write_bytes(proto.SerializeToString())
    _expect(absolute, "absolute.onnx", "outside its own folder")


def test_moved_without_its_data_file(external, tmp_path):
    moved = tmp_path / "moved.onnx"
    shutil.copy(external, moved)
    _expect(moved, "model.onnx.data", "missing")


def test_onnxruntime_failure_becomes_a_plain_sentence(tmp_path, capfd):
    odd = tmp_path / "odd.onnx"
    model = _tiny_model()
    model.graph.node[0].op_type = "NoSuchOperation"
    onnx.save(model, odd)
    check_model_file(odd)  # the file itself is fine; the checker's doubts are only logged
    with pytest.raises(ModelFileError) as info:
        open_model(odd, "cpu")
    _plain(str(info.value), "could not open", "odd.onnx", "operation")
    assert "NoSuchOperation" in info.value.details
    assert capfd.readouterr().err == ""
