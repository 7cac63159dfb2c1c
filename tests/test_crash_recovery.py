"""Nothing is lost when training is killed hard: the run shows as interrupted, its last
checkpoint is intact, and resuming gives what the uninterrupted run gives; the run index
survives damage and loss."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from engine.runs.store import RunStore
from engine.train.checkpoint import load_checkpoint

TRAIN = ["--dataset", "digits", "--model", "cnn-small", "--schedule", "constant", "--seed", "3"]


def _cli(*args: str, runs: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "engine", "train", *TRAIN, "--runs-dir", str(runs), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONHASHSEED": "0"})


def _epochs_written(runs: Path) -> int:
    rows = [len(p.read_text().strip().splitlines()) - 1 for p in runs.glob("*/metrics.csv")]
    return max(rows, default=0)


def _history(run_dir: Path) -> list[dict]:
    return load_checkpoint(run_dir / "checkpoints" / "last.pt")["history"]


EPOCHS = 10  # the length of the run every killed one is resumed to


@pytest.fixture(scope="module")
def straight_history(tmp_path_factory) -> list[dict]:
    """The uninterrupted run the resumed ones must reproduce."""
    runs = tmp_path_factory.mktemp("straight")
    process = _cli("--epochs", str(EPOCHS), runs=runs)
    assert process.wait(180) == 0, process.stderr.read().decode()
    (record,) = RunStore(runs).list_runs()
    return _history(record.folder)


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(2))
def test_a_run_killed_at_a_random_moment_resumes_as_if_nothing_happened(tmp_path, attempt, straight_history):
    rng = random.Random(attempt)
    runs = tmp_path / "runs"
    victim = _cli("--epochs", "500", runs=runs)
    deadline = time.monotonic() + 180
    target = 2 + 2 * attempt
    while _epochs_written(runs) < target:
        assert victim.poll() is None, victim.stderr.read().decode()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(rng.uniform(0.0, 0.3))  # anywhere in the next epoch or two: mid-batch or mid-checkpoint
    victim.send_signal(signal.SIGKILL)
    victim.wait(30)

    store = RunStore(runs)  # a fresh start of the app
    (record,) = store.list_runs()
    assert record.status == "interrupted"
    checkpoint = load_checkpoint(record.folder / "checkpoints" / "last.pt")  # intact despite the kill
    done = int(checkpoint["epoch"])
    assert target <= done < EPOCHS and [h["epoch"] for h in checkpoint["history"]] == list(range(1, done + 1))

    resumed = _cli("--resume", str(record.folder / "checkpoints" / "last.pt"), "--epochs", str(EPOCHS), runs=runs)
    assert resumed.wait(180) == 0, resumed.stderr.read().decode()
    got = _history(record.folder)
    assert [h["epoch"] for h in got] == list(range(1, EPOCHS + 1))
    for mine, theirs in zip(got, straight_history):
        assert mine["train_loss"] == pytest.approx(theirs["train_loss"], abs=1e-6)
        assert mine["val_accuracy"] == pytest.approx(theirs["val_accuracy"], abs=1e-9)
    after = RunStore(runs).get(record.id)
    assert after.status == "finished" and after.epochs_done == EPOCHS


def test_a_live_run_is_not_called_interrupted(tmp_path):
    """Another process (or window) opening the store while a run trains leaves it running."""
    runs = tmp_path / "runs"
    trainer = RunStore(runs)
    record = trainer.create_run("classify", "digits", "mlp", {"epochs": 1})
    assert RunStore(runs).get(record.id).status == "running"
    trainer.update(record.id, status="finished")
    assert RunStore(runs).get(record.id).status == "finished"


def test_a_damaged_index_is_rebuilt_from_the_run_folders(tmp_path):
    runs = tmp_path / "runs"
    store = RunStore(runs)
    done = store.create_run("classify", "digits", "cnn-small", {"task": "classify", "dataset": "digits", "model": "cnn-small"})
    (done.folder / "summary.json").write_text(json.dumps({"status": "finished", "epochs_done": 4, "best_epoch": 3,
                                                           "val_accuracy": 0.97, "seconds": 2.5}))
    store.update(done.id, status="finished")
    crashed = store.create_run("gan", "digits", "dcgan", {"task": "gan", "dataset": "digits", "model": "dcgan"})
    store.close()
    store._let_go(crashed.id)  # as if its process had died
    (runs / "runs.db").write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        (runs / f"runs.db{suffix}").unlink(missing_ok=True)

    again = RunStore(runs)
    rows = {r.id: r for r in again.list_runs()}
    assert set(rows) == {done.id, crashed.id}
    assert rows[done.id].status == "finished" and rows[done.id].best_val_accuracy == pytest.approx(0.97)
    assert rows[done.id].epochs_done == 4 and rows[done.id].task == "classify"
    assert rows[crashed.id].status == "interrupted" and rows[crashed.id].task == "gan"
    assert list(runs.glob("runs.db.damaged-*")), "the damaged file is kept aside, not deleted"


def test_a_missing_index_is_rebuilt(tmp_path):
    runs = tmp_path / "runs"
    store = RunStore(runs)
    record = store.create_run("translate", "numbers:en-fr", "gru-attention",
                              {"task": "translate", "dataset": "numbers:en-fr", "model": "gru-attention"})
    store.update(record.id, status="stopped")
    store.close()
    for path in runs.glob("runs.db*"):
        path.unlink()
    (row,) = RunStore(runs).list_runs()
    assert (row.id, row.task, row.dataset) == (record.id, "translate", "numbers:en-fr")
    assert row.status == "interrupted"  # no summary.json: it never finished


def test_readers_and_a_writer_share_the_index(tmp_path):
    """The GUI reads while a worker writes; WAL keeps both going."""
    runs = tmp_path / "runs"
    writer = RunStore(runs)
    record = writer.create_run("classify", "digits", "mlp", {})
    reader = sqlite3.connect(runs / "runs.db", timeout=5)
    for epoch in range(1, 51):
        writer.update(record.id, epochs_done=epoch)
        assert reader.execute("SELECT epochs_done FROM runs WHERE id = ?", (record.id,)).fetchone()[0] == epoch
    reader.close()
