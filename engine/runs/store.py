"""Every training run owns a folder; a SQLite database indexes them.

Folder layout: `config.json`, `metrics.csv`, `checkpoints/{last,best}.pt`, `evaluation.json`,
`model.onnx`, `summary.json`. The index (`runs.db`, WAL mode, one connection per thread) holds
status, dataset, model, settings and best metrics so lists are instant.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.atomic import write_text_atomic
from engine.errors import ModelDeskError

STATUSES = ("running", "finished", "stopped", "failed", "interrupted")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    task TEXT NOT NULL,
    dataset TEXT NOT NULL,
    model TEXT NOT NULL,
    status TEXT NOT NULL,
    params TEXT NOT NULL,
    epochs_done INTEGER NOT NULL DEFAULT 0,
    best_epoch INTEGER,
    best_val_accuracy REAL,
    best_val_loss REAL,
    seconds REAL NOT NULL DEFAULT 0,
    folder TEXT NOT NULL,
    onnx TEXT
)
"""


@dataclass
class RunRecord:
    """One row of the run index."""

    id: str
    created: float
    updated: float
    task: str
    dataset: str
    model: str
    status: str
    params: dict[str, Any]
    epochs_done: int
    best_epoch: int | None
    best_val_accuracy: float | None
    best_val_loss: float | None
    seconds: float
    folder: Path
    onnx: str | None


class RunStore:
    """Run folders under `root` and their index `root/runs.db`; safe to share across threads."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ModelDeskError(f"The runs folder '{self.root}' cannot be created ({exc.strerror}).") from None
        self._local = threading.local()
        self._connect().executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.root / "runs.db", timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def create_run(self, task: str, dataset: str, model: str, params: dict[str, Any]) -> RunRecord:
        """Make a new run folder with its config.json and index it as running."""
        now = time.time()
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
        safe_dataset = "".join(c if c.isalnum() or c in "-_" else "-" for c in Path(dataset.split(":", 1)[-1]).name or dataset)[:40]
        run_id = f"{stamp}-{model}-{safe_dataset}-{uuid.uuid4().hex[:6]}"
        folder = self.root / run_id
        (folder / "checkpoints").mkdir(parents=True)
        write_text_atomic(folder / "config.json", json.dumps(params, indent=2, sort_keys=True))
        self._connect().execute(
            "INSERT INTO runs (id, created, updated, task, dataset, model, status, params, folder)"
            " VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)",
            (run_id, now, now, task, dataset, model, json.dumps(params, sort_keys=True), str(folder)),
        )
        return self.get(run_id)

    def update(self, run_id: str, **values: Any) -> None:
        """Set columns of a run (status, epochs_done, best_*, seconds, onnx, params)."""
        allowed = {"status", "epochs_done", "best_epoch", "best_val_accuracy", "best_val_loss", "seconds", "onnx", "params"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"unknown run columns: {unknown}")
        if "status" in values and values["status"] not in STATUSES:
            raise ValueError(f"bad status {values['status']!r}")
        if "params" in values:
            values["params"] = json.dumps(values["params"], sort_keys=True)
        values["updated"] = time.time()
        columns = ", ".join(f"{k} = ?" for k in values)
        self._connect().execute(f"UPDATE runs SET {columns} WHERE id = ?", (*values.values(), run_id))

    def get(self, run_id: str) -> RunRecord:
        """The run `run_id`; ModelDeskError if it is not in the index."""
        row = self._connect().execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise ModelDeskError(f"There is no run called '{run_id}'.")
        return _record(row)

    def find_by_folder(self, folder: Path) -> RunRecord | None:
        """The run whose folder is `folder`, or None."""
        row = self._connect().execute("SELECT * FROM runs WHERE folder = ?", (str(Path(folder)),)).fetchone()
        return _record(row) if row else None

    def list_runs(self) -> list[RunRecord]:
        """All runs, newest first."""
        rows = self._connect().execute("SELECT * FROM runs ORDER BY created DESC").fetchall()
        return [_record(r) for r in rows]


def _record(row: sqlite3.Row) -> RunRecord:
    data = dict(row)
    data["params"] = json.loads(data["params"])
    data["folder"] = Path(data["folder"])
    return RunRecord(**data)


def write_metrics_csv(path: Path, history: list[dict[str, Any]]) -> None:
    """Write the per-epoch metric history as CSV, atomically (the whole file each time)."""
    if not history:
        return
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(history[0].keys()))
    writer.writeheader()
    writer.writerows(history)
    write_text_atomic(path, buffer.getvalue())
