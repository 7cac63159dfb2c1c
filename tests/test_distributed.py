"""Training on several processes (torchrun, gloo on the CPU) and training job files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from engine.cli import main
from engine.errors import ConfigError
from engine.train.config import TrainConfig
from engine.train.distributed import Ranks, ranks_from_environment
from engine.train.job_file import job_command, read_job, write_job

ROOT = Path(__file__).resolve().parent.parent


def test_ranks_come_from_torchruns_environment():
    assert ranks_from_environment({}) == Ranks() and not Ranks().active and Ranks().is_main
    ranks = ranks_from_environment({"RANK": "1", "WORLD_SIZE": "2", "LOCAL_RANK": "1"})
    assert (ranks.rank, ranks.world, ranks.local_rank, ranks.is_main, ranks.active) == (1, 2, 1, False, True)
    for bad in ({"WORLD_SIZE": "two"}, {"RANK": "2", "WORLD_SIZE": "2"}, {"WORLD_SIZE": "0"}):
        with pytest.raises(ConfigError):
            ranks_from_environment(bad)


def test_each_process_gets_an_equal_share_of_the_epoch():
    order = torch.randperm(11, generator=torch.Generator().manual_seed(0))
    shares = [Ranks(r, 3).shard(order) for r in range(3)]
    assert [len(s) for s in shares] == [3, 3, 3]
    together = torch.cat(shares)
    assert len(set(together.tolist())) == 9 and set(together.tolist()) <= set(order.tolist())
    assert torch.equal(Ranks().shard(order), order)


def test_a_job_file_reproduces_the_run_and_options_change_it(tmp_path, capsys):
    job = tmp_path / "job.json"
    command = write_job(job, TrainConfig(dataset="digits", model="mlp", epochs=3, lr=0.004, seed=5, device="cpu"))
    assert command == job_command(job) and command.startswith("modeldesk-cli train --config ")
    saved = json.loads(job.read_text())
    assert saved["modeldesk_job"] == 1 and saved["config"]["device"] == "auto" and saved["command"] == command
    assert read_job(job) == TrainConfig(dataset="digits", model="mlp", epochs=3, lr=0.004, seed=5)

    code = main(["train", "--config", str(job), "--epochs", "2", "--runs-dir", str(tmp_path / "runs"), "--json"])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0 and out["epochs"] == 2 and out["model"] == "mlp"
    ran = json.loads((Path(out["run_dir"]) / "config.json").read_text())
    assert (ran["lr"], ran["seed"], ran["epochs"], ran["model"]) == (0.004, 5, 2, "mlp")
    assert read_job(Path(out["run_dir"]) / "config.json").lr == 0.004  # a run folder's config is a job too

    for content, words in (("not json", "not JSON"), ('{"lr": 1}', "no dataset"), ('{"modeldesk_job": 7}', "newer")):
        (tmp_path / "bad.json").write_text(content)
        with pytest.raises(ConfigError, match=words):
            read_job(tmp_path / "bad.json")
    assert main(["train", "--config", str(tmp_path / "missing.json")]) == 2
    assert "does not exist" in capsys.readouterr().err


def _one_process(tmp_path: Path) -> dict:
    from engine.train.run import train_classifier

    result = train_classifier(TrainConfig(dataset="digits", device="cpu"), runs_dir=tmp_path / "single", export=False)
    return {"val_accuracy": result.val_accuracy}


def test_two_processes_train_digits_like_one_and_write_one_run_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("RANK", "WORLD_SIZE", "LOCAL_RANK")}
    env["OMP_NUM_THREADS"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2", "-m", "engine", "train",
         "--dataset", "digits", "--device", "cpu", "--runs-dir", str(tmp_path / "runs"), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, result.stdout  # rank 0 reports for both
    together = json.loads(lines[0])
    alone = _one_process(tmp_path)
    assert together["val_accuracy"] >= 0.95 and alone["val_accuracy"] >= 0.95
    assert abs(together["val_accuracy"] - alone["val_accuracy"]) <= 0.03
    assert result.stderr.count("Epoch 15/15") == 1  # one progress report, from rank 0
    folders = [p for p in (tmp_path / "runs").iterdir() if p.is_dir()]
    assert len(folders) == 1 and Path(together["run_dir"]) == folders[0]
    assert {p.name for p in (folders[0] / "checkpoints").iterdir()} == {"best.pt", "last.pt"}
    assert (folders[0] / "model.onnx").exists() and (folders[0] / "summary.json").exists()
    with sqlite3.connect(tmp_path / "runs" / "runs.db") as db:
        assert db.execute("select count(*), max(status) from runs").fetchone() == (1, "finished")


def _torchrun(tmp_path: Path, *options: str) -> tuple[dict, str, Path]:
    """Train through `torchrun --nproc_per_node 2` on the CPU; (rank 0's JSON, stderr, runs folder)."""
    env = {k: v for k, v in os.environ.items() if k not in ("RANK", "WORLD_SIZE", "LOCAL_RANK")}
    env.update(OMP_NUM_THREADS="1", MODELDESK_HOME=str(tmp_path / "home"))
    runs = tmp_path / "runs"
    result = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2", "-m", "engine", "train",
         *options, "--device", "cpu", "--runs-dir", str(runs), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 1, result.stdout  # rank 0 reports for both
    return json.loads(lines[0]), result.stderr, runs


def _one_run_folder(runs: Path, onnx_name: str) -> Path:
    folders = [p for p in runs.iterdir() if p.is_dir()]
    assert len(folders) == 1
    assert {p.name for p in (folders[0] / "checkpoints").iterdir()} == {"best.pt", "last.pt"}
    assert (folders[0] / onnx_name).exists() and (folders[0] / "summary.json").exists()
    with sqlite3.connect(runs / "runs.db") as db:
        assert db.execute("select count(*), max(status) from runs").fetchone() == (1, "finished")
    return folders[0]


def test_two_processes_train_a_gan_with_one_run_folder(tmp_path):
    out, err, runs = _torchrun(tmp_path, "--task", "gan", "--dataset", "digits", "--epochs", "3", "--no-quality")
    assert out["status"] == "finished" and out["epochs"] == 3
    assert err.count("Epoch 3/3") == 1 and "x 2 processes" in err
    folder = _one_run_folder(runs, "generator.onnx")
    history = [line.split(",") for line in (folder / "metrics.csv").read_text().splitlines()]
    header, rows = history[0], history[1:]
    assert len(rows) == 3
    d_real = [float(row[header.index("d_real")]) for row in rows]
    assert all(0.2 < value < 0.95 for value in d_real)  # both players still in the game: neither side collapsed
    assert len(list((folder / "samples").glob("epoch_*.png"))) == 3


def test_two_processes_train_a_translator_with_one_run_folder(tmp_path):
    out, err, runs = _torchrun(tmp_path, "--task", "translate", "--dataset", "numbers:en-fr", "--epochs", "2",
                               "--model", "gru-attention")
    assert out["status"] == "finished" and out["epochs"] == 2
    assert err.count("Epoch 2/2") == 1 and "x 2 processes" in err
    assert out["bleu"] > 20  # learned the numbers: a model that learned nothing scores near 0
    _one_run_folder(runs, "translator.onnx")


def test_two_processes_train_a_text_generator_with_one_run_folder(tmp_path):
    story = tmp_path / "story.txt"
    lines = [f"The {animal} and the {thing} met by the {place}, and the {animal} said: good day." for animal, thing, place
             in zip(["fox", "crow", "lion", "mouse", "hare", "frog"] * 12, ["grapes", "cheese", "net", "well"] * 18,
                    ["river", "road", "tree"] * 24)]
    story.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err, runs = _torchrun(tmp_path, "--task", "textgen", "--dataset", f"text:{story}", "--epochs", "12")
    assert out["status"] == "finished" and out["epochs"] == 12
    assert err.count("Epoch 12/12") == 1 and "x 2 processes" in err
    assert out["val_perplexity"] < 0.5 * out["unigram_perplexity"]  # learned far more than letter frequencies
    _one_run_folder(runs, "textgen.onnx")
