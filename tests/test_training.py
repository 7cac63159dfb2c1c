"""The training loop on the bundled digits: it learns, obeys pause/stop, resumes exactly."""

import threading

import numpy as np
import onnx
import pytest
import torch

from engine.data.registry import load_dataset
from engine.errors import TrainingError
from engine.export.metadata import METADATA_KEY, ClassifierMetadata
from engine.runs.store import RunStore
from engine.train.checkpoint import load_checkpoint
from engine.train.config import TrainConfig
from engine.train.control import TrainingControl
from engine.train.events import BatchEnd, EpochEnd, Paused, TrainingFinished, TrainingStarted
from engine.train.loop import ClassifierTrainer
from engine.train.run import train_classifier


@pytest.fixture(scope="module")
def digits():
    return load_dataset("digits")


def test_bundled_digits_are_the_real_uci_set(digits):
    assert digits.train_images.shape == (1797, 8, 8, 1) and digits.train_images.dtype == np.uint8
    assert np.bincount(digits.train_labels).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert digits.test_images is None


def test_default_settings_train_digits_to_95_percent_and_export(digits, tmp_path):
    events = []
    result = train_classifier(TrainConfig(dataset="digits", model="cnn-small"), runs_dir=tmp_path, data=digits,
                              emit=events.append)
    assert result.status == "finished"
    assert result.val_accuracy >= 0.95, result.history
    # events arrive in order with the right counts
    assert isinstance(events[0], TrainingStarted) and isinstance(events[-1], TrainingFinished)
    epochs = [e for e in events if isinstance(e, EpochEnd)]
    assert [e.epoch for e in epochs] == list(range(1, result.config.epochs + 1))
    assert sum(e.is_best for e in epochs) >= 1
    batches = [e for e in events if isinstance(e, BatchEnd)]
    assert len(batches) == result.config.epochs * events[0].steps_per_epoch  # 45 steps: reported every step
    assert batches[-1].loss < batches[0].loss
    # the evaluation is consistent with itself
    evaluation = result.evaluation
    confusion = np.array(evaluation.confusion)
    assert confusion.sum() == events[0].val_size == 359  # about 20% of each class
    assert np.trace(confusion) / confusion.sum() == pytest.approx(result.val_accuracy)
    assert len(evaluation.misclassified) == confusion.sum() - np.trace(confusion)
    # run folder and index
    for name in ("config.json", "metrics.csv", "evaluation.json", "summary.json", "model.onnx", "checkpoints/best.pt", "checkpoints/last.pt"):
        assert (result.run_dir / name).exists(), name
    assert len((result.run_dir / "metrics.csv").read_text().strip().splitlines()) == result.config.epochs + 1
    record = RunStore(tmp_path).get(result.run_id)
    assert record.status == "finished" and record.best_val_accuracy == pytest.approx(result.val_accuracy)
    # the exported model describes itself and matches PyTorch
    assert result.export.max_abs_diff < 1e-3
    props = {p.key: p.value for p in onnx.load(str(result.export.path)).metadata_props}
    meta = ClassifierMetadata.from_json(props[METADATA_KEY])
    assert meta.labels == [str(i) for i in range(10)] and meta.input_size == (8, 8) and meta.channels == 1
    assert meta.metrics["val_accuracy"] == pytest.approx(result.val_accuracy, abs=1e-6)


def test_pause_blocks_training_and_resume_continues(digits, tmp_path):
    control = TrainingControl()
    paused = threading.Event()
    seen = []

    def emit(event):
        seen.append(event)
        if isinstance(event, BatchEnd) and event.global_step == 5 and not paused.is_set():
            control.pause()
        if isinstance(event, Paused):
            paused.set()

    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(r=train_classifier(
        TrainConfig(dataset="digits", epochs=2), runs_dir=tmp_path, data=digits, emit=emit, control=control, export=False)))
    worker.start()
    assert paused.wait(60)
    steps_at_pause = sum(isinstance(e, BatchEnd) for e in seen)
    worker.join(0.5)
    assert worker.is_alive() and control.paused
    assert sum(isinstance(e, BatchEnd) for e in seen) == steps_at_pause  # nothing happens while paused
    control.resume()
    worker.join(60)
    assert outcome["r"].status == "finished" and outcome["r"].epochs_done == 2


def test_stop_mid_epoch_keeps_the_last_checkpoint(digits, tmp_path):
    control = TrainingControl()

    def emit(event):
        if isinstance(event, BatchEnd) and event.epoch == 2 and event.step == 10:
            control.stop()

    result = train_classifier(TrainConfig(dataset="digits", epochs=5), runs_dir=tmp_path, data=digits, emit=emit,
                              control=control, export=False)
    assert result.status == "stopped" and result.epochs_done == 1
    checkpoint = load_checkpoint(result.run_dir / "checkpoints" / "last.pt")
    assert checkpoint["epoch"] == 1 and len(checkpoint["history"]) == 1
    assert RunStore(tmp_path).get(result.run_id).status == "stopped"


def test_stop_before_any_epoch_still_saves_weights(digits, tmp_path):
    control = TrainingControl()
    control.stop()
    result = train_classifier(TrainConfig(dataset="digits", epochs=3), runs_dir=tmp_path, data=digits, control=control, export=False)
    assert result.status == "stopped" and result.epochs_done == 0
    assert load_checkpoint(result.run_dir / "checkpoints" / "last.pt")["epoch"] == 0


def test_resume_from_checkpoint_matches_an_uninterrupted_run(digits, tmp_path):
    config = TrainConfig(dataset="digits", model="lenet5", epochs=4, seed=7)
    straight = train_classifier(config, runs_dir=tmp_path / "a", data=digits, export=False)
    control = TrainingControl()
    first = train_classifier(config, runs_dir=tmp_path / "b", data=digits, export=False, control=control,
                             emit=lambda e: control.stop() if isinstance(e, EpochEnd) and e.epoch == 2 else None)
    assert first.epochs_done == 2
    resumed = train_classifier(TrainConfig(dataset=None, model=None), runs_dir=tmp_path / "b", data=digits, export=False,
                               resume_from=first.run_dir / "checkpoints" / "last.pt")
    assert resumed.run_id == first.run_id  # the same run continues
    assert resumed.epochs_done == 4
    assert [h["val_loss"] for h in resumed.history] == [h["val_loss"] for h in straight.history]
    a = load_checkpoint(straight.run_dir / "checkpoints" / "last.pt")["model"]
    b = load_checkpoint(resumed.run_dir / "checkpoints" / "last.pt")["model"]
    assert all(torch.equal(a[k], b[k]) for k in a)
    assert RunStore(tmp_path / "b").get(first.run_id).status == "finished"


def test_resume_can_extend_a_finished_run(digits, tmp_path):
    first = train_classifier(TrainConfig(dataset="digits", epochs=2), runs_dir=tmp_path, data=digits, export=False)
    more = train_classifier(TrainConfig(dataset=None, model=None, epochs=3), runs_dir=tmp_path, data=digits, export=False,
                            resume_from=first.run_dir / "checkpoints" / "last.pt")
    assert [h["epoch"] for h in more.history] == [1, 2, 3]


def test_exploding_loss_stops_with_advice(digits, tmp_path, monkeypatch):
    def nan_step(self, x, y):
        return torch.tensor(float("nan")), torch.tensor(0)

    monkeypatch.setattr(ClassifierTrainer, "train_step", nan_step)
    with pytest.raises(TrainingError, match="Lower the learning rate"):
        train_classifier(TrainConfig(dataset="digits", epochs=1), runs_dir=tmp_path, data=digits, export=False)
    assert RunStore(tmp_path).list_runs()[0].status == "failed"


def test_early_stopping_ends_when_validation_stops_improving(digits, tmp_path):
    result = train_classifier(TrainConfig(dataset="digits", epochs=60, patience=2, schedule="constant", lr=3e-3),
                              runs_dir=tmp_path, data=digits, export=False)
    assert result.status == "stopped" and "Stopped early" in result.reason
    assert result.epochs_done < 60
    losses = [h["val_loss"] for h in result.history]
    best = min(range(len(losses)), key=losses.__getitem__)
    assert len(losses) - 1 - best == 2  # exactly `patience` epochs after the best validation loss
    assert result.val_accuracy >= 0.9


def test_sgd_and_cosine_schedule_also_learn(digits, tmp_path):
    result = train_classifier(TrainConfig(dataset="digits", model="mlp", epochs=8, optimizer="sgd", schedule="cosine", lr=0.05),
                              runs_dir=tmp_path, data=digits, export=False)
    assert result.val_accuracy >= 0.9
    assert result.history[-1]["learning_rate"] < result.history[0]["learning_rate"]
