"""Run history: deleting runs, curves from metrics.csv, and the settings that differ."""

from __future__ import annotations

import pytest

from engine.errors import ModelDeskError
from engine.runs.compare import curve, differing_settings, headline, key_settings, read_history, shared_curves
from engine.runs.store import RunStore, write_metrics_csv


def _run(store: RunStore, **params):
    config = dict(task="classify", dataset="digits", model="cnn-small", epochs=3, batch_size=32, lr=0.003, seed=0)
    config.update(params)
    record = store.create_run(config["task"], config["dataset"], config["model"], config)
    write_metrics_csv(record.folder / "metrics.csv", [dict(epoch=e, val_accuracy=0.5 + 0.1 * e, val_loss=1.0 / e)
                                                      for e in (1, 2, 3)])
    store.update(record.id, status="finished", epochs_done=3, best_val_accuracy=0.8)
    return record


def test_deleting_a_run_removes_its_folder_and_row(tmp_path):
    store = RunStore(tmp_path)
    keep, drop = _run(store), _run(store, lr=0.01)
    store.delete_run(drop.id)
    assert not drop.folder.exists() and [r.id for r in store.list_runs()] == [keep.id]
    running = store.create_run("classify", "digits", "mlp", {"dataset": "digits", "model": "mlp"})
    with pytest.raises(ModelDeskError, match="still training"):
        store.delete_run(running.id)
    assert running.folder.exists()
    with pytest.raises(ModelDeskError, match="no run"):
        store.delete_run("nope")


def test_a_run_folder_deleted_by_hand_is_forgotten(tmp_path):
    import shutil

    store = RunStore(tmp_path)
    gone, kept = _run(store), _run(store, seed=1)
    shutil.rmtree(gone.folder)
    assert store.forget_missing() == [gone.id]
    assert [r.id for r in store.list_runs()] == [kept.id]
    store.delete_run(kept.id)  # and deleting one whose folder is missing still works
    assert store.list_runs() == []


def test_curves_and_differences(tmp_path):
    store = RunStore(tmp_path)
    a, b = _run(store), _run(store, lr=0.01, model="mlp")
    history = read_history(a.folder)
    assert curve(history, "val_accuracy") == ([1.0, 2.0, 3.0], pytest.approx([0.6, 0.7, 0.8]))
    assert read_history(tmp_path / "missing") == []
    (a.folder / "metrics.csv").write_bytes(b"\xff\xfe garbage")
    assert read_history(a.folder) == []
    assert differing_settings([a.params, b.params]) == [("model", ["cnn-small", "mlp"]), ("learning rate", [0.003, 0.01])]
    assert differing_settings([a.params, a.params]) == []
    assert key_settings(a.params) == "3 epochs, batch 32, lr 0.003"
    assert key_settings({"epochs": 1, "augment": "crop+flip"}) == "1 epoch, crop+flip"
    assert list(shared_curves(["classify", "classify"]))[:2] == ["val_accuracy", "val_loss"]
    assert list(shared_curves(["classify", "translate"])) == ["val_loss", "train_loss"]
    assert headline("classify", 0.981) == "98.1% accuracy" and headline("gan", 0.82) == "82.0% recognised"
    assert headline("translate", 1.0, "numbers:en-fr") == "100.0% exact" and headline("translate", 0.312, "tsv:x") == "BLEU 31.2"
    assert headline("classify", None) == ""
