"""A full disk or a refused write never loses the previous file and is reported in one plain
sentence, for every kind of file ModelDesk writes."""

from __future__ import annotations

import errno
import json
import os

import numpy as np
import pytest
import torch

from engine.atomic import write_text_atomic
from engine.errors import ExportError, ModelDeskError, WriteError
from engine.train.checkpoint import load_checkpoint, save_checkpoint


def _failing_replace(code: int):
    def replace(src, dst):
        raise OSError(code, os.strerror(code))
    return replace


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "permission was denied"),
                                         (errno.EROFS, "the disk is read-only")])
def test_a_failed_write_keeps_the_previous_file_and_says_why(tmp_path, monkeypatch, code, words):
    path = tmp_path / "summary.json"
    write_text_atomic(path, "old")
    monkeypatch.setattr(os, "replace", _failing_replace(code))
    with pytest.raises(WriteError) as info:
        write_text_atomic(path, "new")
    assert words in str(info.value) and "'summary.json' could not be saved" in str(info.value)
    assert isinstance(info.value, OSError) and info.value.errno == code  # old handlers still catch it
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]  # no temp file left behind


def test_a_folder_that_cannot_be_written_is_a_plain_sentence(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match="permission was denied"):
        write_text_atomic(tmp_path / "x.txt", "data")


def test_checkpoint_write_failure_keeps_the_last_good_checkpoint(tmp_path, monkeypatch):
    path = tmp_path / "last.pt"
    save_checkpoint(path, {"model": {"w": torch.ones(2)}, "epoch": 1})
    monkeypatch.setattr(torch, "save", lambda obj, f: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    with pytest.raises(WriteError, match="disk is full"):
        save_checkpoint(path, {"model": {"w": torch.zeros(2)}, "epoch": 2})
    assert load_checkpoint(path)["epoch"] == 1


def test_training_on_a_full_disk_stops_with_a_sentence_and_keeps_the_run(tmp_path, monkeypatch):
    """The disk fills up during epoch 3: training stops with the reason, the run is marked
    failed, and the checkpoint of epoch 2 can be resumed once there is space again."""
    import engine.train.checkpoint as checkpoint_module
    from engine.runs.store import RunStore
    from engine.train.config import TrainConfig
    from engine.train.tasks import train

    real_save = torch.save
    calls = {"n": 0}

    def filling_disk(obj, f):
        calls["n"] += 1
        if isinstance(obj, dict) and obj.get("epoch") == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_save(obj, f)

    monkeypatch.setattr(checkpoint_module.torch, "save", filling_disk)
    with pytest.raises(ModelDeskError, match="disk is full") as info:
        train(TrainConfig(dataset="digits", model="mlp", epochs=5), runs_dir=tmp_path / "runs")
    assert isinstance(info.value, WriteError)
    (record,) = RunStore(tmp_path / "runs").list_runs()
    assert record.status == "failed"
    assert load_checkpoint(record.folder / "checkpoints" / "last.pt")["epoch"] == 2
    monkeypatch.setattr(checkpoint_module.torch, "save", real_save)
    resumed = train(TrainConfig(epochs=5), runs_dir=tmp_path / "runs",
                    resume_from=record.folder / "checkpoints" / "last.pt", export=False)
    assert resumed.epochs_done == 5 and resumed.status == "finished"


def test_export_to_a_full_disk_says_so_and_leaves_no_file(tmp_path, monkeypatch):
    from engine.export.metadata import ClassifierMetadata
    from engine.export.onnx_export import export_classifier

    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(4, 2))
    metadata = ClassifierMetadata(labels=["a", "b"], input_size=(2, 2), channels=1, mean=[0.0], std=[1.0])
    monkeypatch.setattr(os, "replace", _failing_replace(errno.ENOSPC))
    with pytest.raises(ModelDeskError, match="disk is full") as info:
        export_classifier(model, metadata, tmp_path / "model.onnx")
    assert not isinstance(info.value, ExportError) or "disk is full" in str(info.value)
    assert not (tmp_path / "model.onnx").exists()


def test_predict_csv_on_a_full_disk_is_exit_code_2(tmp_path, monkeypatch, capsys):
    from engine.cli import main
    from onnx_factories import modeldesk_model
    from PIL import Image

    model = modeldesk_model(tmp_path / "m.onnx")
    Image.fromarray(np.zeros((8, 8), np.uint8)).save(tmp_path / "p.png")
    monkeypatch.setattr(os, "replace", _failing_replace(errno.ENOSPC))
    assert main(["predict", str(model), str(tmp_path / "p.png"), "--csv", str(tmp_path / "out.csv")]) == 2
    assert "disk is full" in capsys.readouterr().err and not (tmp_path / "out.csv").exists()


def test_export_copy_to_an_unwritable_place_is_a_sentence_not_a_crash(tmp_path, capsys):
    """`train --export` to a place that cannot be written (here: "inside" a file): the run folder
    keeps its own model.onnx and the command says which copy failed (exit code 2)."""
    from engine.cli import main
    from engine.runs.store import RunStore

    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    code = main(["train", "--dataset", "digits", "--model", "mlp", "--epochs", "1", "--runs-dir", str(tmp_path / "runs"),
                 "--export", str(blocker / "out.onnx")])
    assert code == 2
    err = capsys.readouterr().err
    assert "'out.onnx' could not be saved" in err and "Traceback" not in err
    (record,) = RunStore(tmp_path / "runs").list_runs()
    assert (record.folder / "model.onnx").exists()


@pytest.mark.parametrize("task, model, trainer", [
    ("classify", "mlp", "engine.train.loop.ClassifierTrainer"),
    ("gan", "dcgan", "engine.train.gan_loop.GanTrainer"),
    ("translate", "gru-attention", "engine.train.translate_loop.TranslateTrainer"),
])
def test_gpu_out_of_memory_stops_with_batch_size_advice(tmp_path, monkeypatch, task, model, trainer):
    """The GPU running out of memory (injected: there is no GPU here) ends training with a
    sentence suggesting a smaller batch, frees the cache, and marks the run failed."""
    import importlib

    from engine.errors import TrainingError
    from engine.runs.store import RunStore
    from engine.train.config import TrainConfig
    from engine.train.tasks import train

    module_name, class_name = trainer.rsplit(".", 1)
    cls = getattr(importlib.import_module(module_name), class_name)

    def out_of_memory(self, *args, **kwargs):
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    freed = []
    monkeypatch.setattr(cls, "train_step", out_of_memory)
    monkeypatch.setattr(torch.cuda, "empty_cache", lambda: freed.append(True))
    dataset = "numbers:en-fr" if task == "translate" else "digits"
    with pytest.raises(TrainingError, match="smaller batch size") as info:
        train(TrainConfig(dataset=dataset, model=model, task=task, epochs=1), runs_dir=tmp_path / "runs", judge=False)
    assert "Traceback" not in str(info.value) and freed
    (record,) = RunStore(tmp_path / "runs").list_runs()
    assert record.status == "failed"
