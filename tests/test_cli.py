"""The command line end to end: train, export, predict, list; bad input gives exit 2 and one sentence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from engine.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples" / "digits"


def _last_json(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """One CLI training run shared by the tests below: digits, cnn-small, exported."""
    folder = tmp_path_factory.mktemp("cli")
    onnx_path = folder / "digits.onnx"
    result = subprocess.run(
        [sys.executable, "-m", "engine", "train", "--dataset", "digits", "--model", "cnn-small", "--epochs", "6",
         "--runs-dir", str(folder / "runs"), "--export", str(onnx_path), "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**__import__("os").environ, "MODELDESK_HOME": str(folder / "home")})
    assert result.returncode == 0, result.stderr
    return folder, onnx_path, result


def test_train_prints_epochs_on_stderr_and_json_on_stdout(trained):
    folder, onnx_path, result = trained
    summary = _last_json(result.stdout)
    assert {"val_accuracy", "val_loss", "epochs", "seconds", "run_dir", "onnx"} <= set(summary)
    assert summary["epochs"] == 6 and summary["val_accuracy"] >= 0.9
    assert summary["onnx"] == str(onnx_path) and onnx_path.exists()
    assert Path(summary["run_dir"], "model.onnx").exists()
    assert result.stderr.count("Epoch ") == 6 and "Traceback" not in result.stderr


def test_predict_classifies_bundled_samples_with_accuracy(trained, capsys):
    _, onnx_path, _ = trained
    code = main(["predict", str(onnx_path), str(SAMPLES), "--top-k", "3", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    summary = _last_json(out)
    assert summary["count"] == 20 and summary["accuracy"] >= 0.8
    assert "digit_" in out


def test_runs_lists_the_training(trained, capsys):
    folder, _, _ = trained
    assert main(["runs", "--runs-dir", str(folder / "runs"), "--json"]) == 0
    runs = json.loads(capsys.readouterr().out)
    assert len(runs) == 1 and runs[0]["status"] == "finished" and runs[0]["epochs"] == 6


def test_lists_of_datasets_and_models(capsys):
    assert main(["datasets"]) == 0
    out = capsys.readouterr().out
    for name in ("digits", "mnist", "fashion-mnist", "cifar10", "folder:PATH"):
        assert name in out
    assert main(["models", "--json"]) == 0
    assert {m["name"] for m in json.loads(capsys.readouterr().out)} >= {"mlp", "lenet5", "cnn-small", "resnet18"}


def _expect_user_error(capsys, argv: list[str], *words: str) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    lines = [line for line in err.strip().splitlines() if line.strip() and "Loading dataset" not in line]  # progress bar
    assert "Traceback" not in err and len(lines) == 1 and lines[0].startswith("Error: "), err
    for word in words:
        assert word.lower() in err.lower(), err
    return err


def test_bad_input_gives_exit_2_and_one_sentence(tmp_path, capsys):
    _expect_user_error(capsys, ["predict", str(tmp_path / "missing.onnx"), str(SAMPLES)], "missing.onnx")
    text_model = tmp_path / "notes.onnx"
    text_model.write_text("these are my notes, not a model\n")
    _expect_user_error(capsys, ["predict", str(text_model), str(SAMPLES)], "notes.onnx")
    empty = tmp_path / "empty"
    empty.mkdir()
    _expect_user_error(capsys, ["train", "--dataset", f"folder:{empty}", "--runs-dir", str(tmp_path / "runs")], "empty")
    one_class = tmp_path / "one"
    (one_class / "cats").mkdir(parents=True)
    for i in range(3):
        Image.fromarray(np.full((8, 8), 40 * i, np.uint8)).save(one_class / "cats" / f"{i}.png")
    _expect_user_error(capsys, ["train", "--dataset", f"folder:{one_class}", "--runs-dir", str(tmp_path / "runs")], "two classes")
    _expect_user_error(capsys, ["train", "--dataset", "imagenet22k"], "no dataset called")
    _expect_user_error(capsys, ["train", "--model", "gpt5"], "no model called")
    _expect_user_error(capsys, ["train", "--lr", "-3"], "learning rate")
    _expect_user_error(capsys, ["train", "--resume", str(tmp_path / "nothing.pt")], "nothing.pt")


def test_predict_on_an_empty_folder(trained, tmp_path, capsys):
    _, onnx_path, _ = trained
    (tmp_path / "nothing").mkdir()
    _expect_user_error(capsys, ["predict", str(onnx_path), str(tmp_path / "nothing")], "no images")
