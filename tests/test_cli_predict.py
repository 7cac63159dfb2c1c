"""`modeldesk-cli predict`: lines per image, accuracy, CSV, JSON, and plain errors."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from PIL import Image

from engine.commands import predict
from engine.errors import ConfigError, DataError, ModelFileError
from engine.export.metadata import METADATA_KEY, ClassifierMetadata

TOP = 100 / (1 + np.exp(-6.0))  # percent for the winning label of every image below


def _model(path: Path, *, metadata: bool) -> Path:
    """dark vs bright on [-1, 1] input: mean per channel -> MatMul -> scores differing by 6."""
    weights = np.array([[-5 / 3, 5 / 3]] * 3, np.float32)
    nodes = [helper.make_node("ReduceMean", ["x"], ["m"], axes=[2, 3], keepdims=0),
             helper.make_node("MatMul", ["m", "W"], ["y"])]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 4, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
                              [numpy_helper.from_array(weights, "W")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    if metadata:
        entry = model.metadata_props.add()
        entry.key = METADATA_KEY
        entry.value = ClassifierMetadata(["dark", "bright"], (4, 4), 3, [0.5] * 3, [0.5] * 3).to_json()
    onnx.save(model, path)
    return path


@pytest.fixture
def setup(tmp_path):
    photos = tmp_path / "photos"
    for name, value in (("dark", 51), ("bright", 204)):
        (photos / name).mkdir(parents=True)
        for i in range(2):
            Image.new("RGB", (8, 8), (value,) * 3).save(photos / name / f"{i}.png")
    return tmp_path, photos, _model(tmp_path / "ours.onnx", metadata=True), _model(tmp_path / "foreign.onnx", metadata=False)


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    predict.add_arguments(parser)
    return predict.run(parser.parse_args(argv))


def _last_json(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


def test_lines_accuracy_and_json(setup, capsys):
    _, photos, ours, _ = setup
    assert _run([str(ours), str(photos), "--top-k", "2", "--json"]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert lines[0] == f"{photos / 'bright' / '0.png'}: bright ({TOP:.1f}%), dark ({100 - TOP:.1f}%)"
    assert lines[2] == f"{photos / 'dark' / '0.png'}: dark ({TOP:.1f}%), bright ({100 - TOP:.1f}%)"
    assert lines[4] == "Accuracy: 100.00% on 4 images (their folder names are the labels)."
    summary = _last_json(out)
    assert summary["count"] == 4 and summary["skipped"] == 0 and summary["accuracy"] == 1.0
    assert summary["provider"] == "CPUExecutionProvider"
    first = summary["predictions"][0]
    assert first["path"] == str(photos / "bright" / "0.png") and first["error"] is None
    assert [t["label"] for t in first["top"]] == ["bright", "dark"]
    assert first["top"][0]["probability"] == pytest.approx(TOP / 100, abs=1e-6)
    assert "Note:" not in err and "Traceback" not in err


def test_csv_is_written_atomically(setup, capsys):
    tmp_path, photos, ours, _ = setup
    (photos / "dark" / "broken.png").write_bytes(b"not a png")
    out_csv = tmp_path / "results" / "out.csv"
    out_csv.parent.mkdir()
    assert _run([str(ours), str(photos), "--top-k", "1", "--csv", str(out_csv), "--json"]) == 0
    out, _ = capsys.readouterr()
    assert sorted(p.name for p in out_csv.parent.iterdir()) == ["out.csv"]  # no temp file left behind
    with open(out_csv, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["path", "label_1", "prob_1", "error"]
    assert rows[1][:2] == [str(photos / "bright" / "0.png"), "bright"] and float(rows[1][2]) == pytest.approx(TOP / 100, abs=1e-6)
    assert rows[-1][0].endswith("broken.png") and rows[-1][1:3] == ["", ""] and "broken.png" in rows[-1][3]
    summary = _last_json(out)
    assert summary["count"] == 4 and summary["skipped"] == 1 and summary["accuracy"] == 1.0
    assert f"{photos / 'dark' / 'broken.png'}: skipped (" in out


def test_foreign_model_with_labels_and_value_range(setup, capsys):
    tmp_path, photos, _, foreign = setup
    labels = tmp_path / "labels.txt"
    labels.write_text("dark\nbright\n")
    assert _run([str(foreign), str(photos), "--labels", str(labels), "--json"]) == 0
    out, err = capsys.readouterr()
    assert _last_json(out)["accuracy"] == 0.5 and "Note:" in err  # wrong range: the dark images fail
    for extra in (["--value-range", "[-1,1]"], ["--mean", "0.5", "--std", "0.5"]):
        assert _run([str(foreign), str(photos), "--labels", str(labels), "--size", "4", "4", "--layout", "nchw",
                     "--channels", "3", "--json", *extra]) == 0
        out, err = capsys.readouterr()
        assert _last_json(out)["accuracy"] == 1.0 and "Note:" not in err


def test_foreign_model_without_labels_has_no_accuracy(setup, capsys):
    _, photos, _, foreign = setup
    assert _run([str(foreign), str(photos / "dark" / "0.png"), "--json"]) == 0
    out, _ = capsys.readouterr()
    summary = _last_json(out)
    assert summary["accuracy"] is None and summary["count"] == 1
    assert summary["predictions"][0]["top"][0]["label"] in ("class 0", "class 1")


def test_user_errors_are_typed(setup, tmp_path):
    _, photos, ours, _ = setup
    with pytest.raises(ModelFileError, match="missing.onnx"):
        _run([str(tmp_path / "missing.onnx"), str(photos)])
    (tmp_path / "nothing").mkdir()
    with pytest.raises(DataError, match="No images found"):
        _run([str(ours), str(tmp_path / "nothing")])
    with pytest.raises(ConfigError):
        _run([str(ours), str(photos), "--size", "5", "5"])
    with pytest.raises(ConfigError, match="top-k"):
        _run([str(ours), str(photos), "--top-k", "0"])
    only_broken = tmp_path / "broken"
    only_broken.mkdir()
    (only_broken / "a.png").write_bytes(b"nope")
    with pytest.raises(DataError, match="None of the 1 images"):
        _run([str(ours), str(only_broken)])


def test_through_the_cli_core(setup, tmp_path, capsys):
    pytest.importorskip("engine.commands.train")
    pytest.importorskip("engine.commands.listing")
    from engine.cli import main
    from engine.infer.providers import cuda_driver_available

    _, photos, ours, _ = setup
    assert main(["predict", str(ours), str(photos), "--json"]) == 0
    assert _last_json(capsys.readouterr().out)["accuracy"] == 1.0
    text = tmp_path / "notes.onnx"
    text.write_text("this is not a model\n")
    cases = [([str(text), str(photos)], "notes.onnx"), ([str(tmp_path / "gone.onnx"), str(photos)], "gone.onnx")]
    if not cuda_driver_available():
        cases.append(([str(ours), str(photos), "--device", "cuda"], "graphics card"))
    for argv, word in cases:
        assert main(["predict", *argv]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and word in err, err
