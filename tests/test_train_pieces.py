"""Splitting, augmentation, evaluation, checkpoints and the run index."""

import json
import os
import pickle
import threading

import numpy as np
import pytest
import torch

from engine.errors import ConfigError, ModelFileError
from engine.runs.store import RunStore
from engine.train.augment import augment_batch, random_crop
from engine.train.checkpoint import load_checkpoint, save_checkpoint
from engine.train.config import TrainConfig, resolve_defaults
from engine.train.evaluate import per_class_scores
from engine.train.tensors import channel_stats, stratified_split


def test_stratified_split_is_seeded_and_keeps_class_shares():
    labels = np.repeat(np.arange(4), [50, 20, 10, 2])
    train, val = stratified_split(labels, 0.2, seed=3)
    again_train, again_val = stratified_split(labels, 0.2, seed=3)
    assert np.array_equal(val, again_val) and np.array_equal(train, again_train)
    assert not set(train) & set(val) and len(train) + len(val) == len(labels)
    assert np.bincount(labels[val], minlength=4).tolist() == [10, 4, 2, 1]
    other, _ = stratified_split(labels, 0.2, seed=4)
    assert not np.array_equal(other, train)


def test_channel_stats_on_known_values():
    images = np.zeros((2, 2, 2, 1), dtype=np.uint8)
    images[1] = 255
    mean, std = channel_stats(images)
    assert mean == pytest.approx([0.5]) and std == pytest.approx([0.5])


def test_random_crop_shifts_without_changing_content_values():
    x = torch.arange(2 * 1 * 6 * 6, dtype=torch.float32).view(2, 1, 6, 6) + 1
    out = random_crop(x, 1, torch.Generator().manual_seed(0))
    assert out.shape == x.shape
    for i in range(2):  # every non-padding value in the crop came from the same image
        kept = set(out[i].flatten().tolist()) - {0.0}
        assert kept <= set(x[i].flatten().tolist()) and len(kept) >= 25
    assert torch.equal(augment_batch(x, "none", torch.Generator()), x)


def test_per_class_scores_match_hand_computation():
    confusion = np.array([[3, 1], [2, 4]])
    precision, recall, f1 = per_class_scores(confusion)
    assert precision.tolist() == pytest.approx([3 / 5, 4 / 5])
    assert recall.tolist() == pytest.approx([3 / 4, 4 / 6])
    assert f1[0] == pytest.approx(2 * 0.6 * 0.75 / 1.35)


def test_defaults_fill_every_setting_and_bad_values_are_refused():
    config = resolve_defaults(TrainConfig(dataset="digits", model="cnn-small"))
    assert None not in (config.epochs, config.batch_size, config.lr, config.optimizer, config.schedule, config.augment)
    assert config.augment == "none"  # no flips for digits
    assert resolve_defaults(TrainConfig(dataset="cifar10")).augment == "crop+flip"
    with pytest.raises(ConfigError, match="learning rate"):
        resolve_defaults(TrainConfig(lr=-1))
    with pytest.raises(ConfigError, match="optimizer"):
        resolve_defaults(TrainConfig(optimizer="rmsprop"))


def test_checkpoint_round_trip(tmp_path):
    path = tmp_path / "c.pt"
    save_checkpoint(path, {"model": {"w": torch.ones(2)}, "epoch": 3})
    state = load_checkpoint(path)
    assert state["epoch"] == 3 and torch.equal(state["model"]["w"], torch.ones(2))


class _RunsCode:
    def __reduce__(self):
        return (os.system, ("echo pwned > /dev/null",))


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
def test_checkpoint_that_would_run_code_is_refused(tmp_path):
    path = tmp_path / "evil.pt"
    torch.save({"format": 1, "model": {}, "payload": _RunsCode()}, path)
    with pytest.raises(ModelFileError, match="program code"):
        load_checkpoint(path)
    raw = tmp_path / "raw.pt"
    raw.write_bytes(pickle.dumps(_RunsCode()))
    with pytest.raises(ModelFileError):
        load_checkpoint(raw)


@pytest.mark.parametrize("content", [b"", b"not a checkpoint at all", b"PK\x03\x04broken zip"])
def test_damaged_checkpoints_give_plain_errors(tmp_path, content):
    path = tmp_path / "bad.pt"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match="bad.pt"):
        load_checkpoint(path)


def test_foreign_weights_file_is_not_a_checkpoint(tmp_path):
    path = tmp_path / "weights.pt"
    torch.save({"w": torch.zeros(1)}, path)
    with pytest.raises(ModelFileError, match="not a ModelDesk checkpoint"):
        load_checkpoint(path)


def test_run_store_indexes_runs_across_threads(tmp_path):
    store = RunStore(tmp_path / "runs")
    record = store.create_run("classify", "digits", "mlp", {"epochs": 2})
    assert record.status == "running" and (record.folder / "config.json").exists()
    assert json.loads((record.folder / "config.json").read_text()) == {"epochs": 2}

    def writer(i):
        store.update(record.id, epochs_done=i)
        store.create_run("classify", f"folder:/tmp/set{i}", "mlp", {})

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    store.update(record.id, status="finished", best_val_accuracy=0.97)
    assert len(store.list_runs()) == 9
    got = store.get(record.id)
    assert got.status == "finished" and got.best_val_accuracy == pytest.approx(0.97)
    assert store.find_by_folder(record.folder).id == record.id
    with pytest.raises(ValueError):
        store.update(record.id, status="exploded")
