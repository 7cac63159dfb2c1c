"""Every training run owns a folder; a SQLite database indexes them.

Folder layout: `config.json`, `metrics.csv`, `checkpoints/{last,best}.pt`, `evaluation.json`,
`model.onnx`, `summary.json`. The index (`runs.db`, WAL mode, one connection per thread) holds
status, dataset, model, settings and best metrics so lists are instant.

Crashes: a running run holds an exclusive lock on `RUN/.lock` until it ends; the operating
system drops the lock when the process dies, however it dies. Opening the store marks runs
that say "running" but whose lock is free as "interrupted". A damaged index is put aside and
rebuilt from the run folders, as is a missing one.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.atomic import write_text_atomic
from engine.errors import ModelDeskError
from engine.sentences import Sentence

log = logging.getLogger(__name__)

LOCK_FILE = ".lock"
ENDED = ("finished", "stopped", "failed", "interrupted")
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
            raise ModelDeskError(Sentence("The runs folder '{path}' cannot be created ({reason}).", path=self.root,
                                          reason=exc.strerror)) from None
        self._local = threading.local()
        self._held: dict[str, RunLock] = {}
        self._open_index()
        self.mark_interrupted()

    # ----- the index ------------------------------------------------------------------------
    def _open_index(self) -> None:
        """Open (creating if needed) and check the index; rebuild it from the folders when it
        is damaged, or missing while run folders exist."""
        existed = (self.root / "runs.db").exists()
        try:
            conn = self._connect()
            conn.executescript(_SCHEMA)
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
        except sqlite3.DatabaseError as exc:
            log.warning("run index %s is damaged (%s); rebuilding it from the run folders", self.root / "runs.db", exc)
            self.close()
            stamp = time.strftime("%Y%m%d-%H%M%S")
            for suffix in ("", "-wal", "-shm"):
                damaged = self.root / f"runs.db{suffix}"
                if damaged.exists():
                    os.replace(damaged, self.root / f"runs.db{suffix}.damaged-{stamp}")
            self._connect().executescript(_SCHEMA)
            self.rebuild_index()
            return
        if not existed:
            self.rebuild_index()

    def rebuild_index(self) -> int:
        """Index every run folder under the root that the index lacks (from its config.json,
        summary.json and metrics.csv); returns how many were added."""
        known = {row[0] for row in self._connect().execute("SELECT folder FROM runs")}
        added = 0
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir() and (p / "config.json").is_file()):
            if str(folder) in known:
                continue
            try:
                self._index_folder(folder)
                added += 1
            except (OSError, ValueError, TypeError, sqlite3.Error):
                log.warning("run folder %s could not be indexed", folder, exc_info=True)
        return added

    def _index_folder(self, folder: Path) -> None:
        params = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if not isinstance(params, dict):
            raise ValueError("config.json is not an object")
        summary = {}
        if (folder / "summary.json").is_file():
            try:
                summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
            except ValueError:
                summary = {}
        epochs = 0
        if (folder / "metrics.csv").is_file():
            epochs = max(0, len((folder / "metrics.csv").read_text(encoding="utf-8").strip().splitlines()) - 1)
        status = summary.get("status") if summary.get("status") in ENDED else "interrupted"
        created = (folder / "config.json").stat().st_mtime
        best = summary.get("val_accuracy", summary.get("exact_match", summary.get("recognised")))
        self._connect().execute(
            "INSERT INTO runs (id, created, updated, task, dataset, model, status, params, epochs_done, best_epoch,"
            " best_val_accuracy, best_val_loss, seconds, folder, onnx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (folder.name, created, time.time(), str(params.get("task") or summary.get("task") or "classify"),
             str(params.get("dataset") or ""), str(params.get("model") or ""), status, json.dumps(params, sort_keys=True),
             int(summary.get("epochs_done", epochs)), summary.get("best_epoch"),
             best if isinstance(best, (int, float)) else None, summary.get("val_loss"),
             float(summary.get("seconds", 0.0)), str(folder), summary.get("onnx")))

    def mark_interrupted(self) -> list[str]:
        """Runs indexed as running whose process is gone (nobody holds their lock) become
        "interrupted"; returns their ids."""
        found = []
        for row in self._connect().execute("SELECT id, folder FROM runs WHERE status = 'running'").fetchall():
            if row["id"] in self._held:
                continue
            probe = RunLock(Path(row["folder"]) / LOCK_FILE)
            if not Path(row["folder"]).is_dir() or probe.acquire():
                probe.release()
                self.update(row["id"], status="interrupted")
                found.append(row["id"])
        return found

    def _hold(self, run_id: str, folder: Path) -> None:
        if run_id not in self._held:
            lock = RunLock(folder / LOCK_FILE)
            if not lock.acquire():
                raise ModelDeskError(Sentence("This run is being trained by another window or process; wait until it ends."))
            self._held[run_id] = lock

    def _let_go(self, run_id: str) -> None:
        lock = self._held.pop(run_id, None)
        if lock is not None:
            lock.release()

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
        self._hold(run_id, folder)  # before the row exists, so no reader sees it running unlocked
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
        if values.get("status") == "running":
            row = self._connect().execute("SELECT folder FROM runs WHERE id = ?", (run_id,)).fetchone()
            if row is not None:
                self._hold(run_id, Path(row["folder"]))
        if "params" in values:
            values["params"] = json.dumps(values["params"], sort_keys=True)
        values["updated"] = time.time()
        columns = ", ".join(f"{k} = ?" for k in values)
        self._connect().execute(f"UPDATE runs SET {columns} WHERE id = ?", (*values.values(), run_id))
        if values.get("status") in ENDED:
            self._let_go(run_id)

    def get(self, run_id: str) -> RunRecord:
        """The run `run_id`; ModelDeskError if it is not in the index."""
        row = self._connect().execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise ModelDeskError(Sentence("There is no run called '{name}'.", name=run_id))
        return _record(row)

    def find_by_folder(self, folder: Path) -> RunRecord | None:
        """The run whose folder is `folder`, or None."""
        row = self._connect().execute("SELECT * FROM runs WHERE folder = ?", (str(Path(folder)),)).fetchone()
        return _record(row) if row else None

    def delete_run(self, run_id: str) -> None:
        """Delete a run: its folder (checkpoints, exports, metrics) and its row in the index.

        ModelDeskError when the run is being trained (here or by another process); a folder
        already gone just leaves the row to remove."""
        record = self.get(run_id)
        probe = RunLock(record.folder / LOCK_FILE)
        if run_id in self._held or (record.folder.is_dir() and not probe.acquire()):
            raise ModelDeskError(Sentence("This run is still training; stop it before deleting it."))
        probe.release()
        if record.folder.is_dir():
            try:
                shutil.rmtree(record.folder)
            except OSError as exc:
                raise ModelDeskError(Sentence("The run folder '{name}' could not be deleted ({reason}); close any program "
                                              "using it and try again.", name=record.folder.name,
                                              reason=exc.strerror or exc)) from None
        self._connect().execute("DELETE FROM runs WHERE id = ?", (run_id,))

    def forget_missing(self) -> list[str]:
        """Remove index rows whose run folder no longer exists (deleted by hand); their ids."""
        gone = [row["id"] for row in self._connect().execute("SELECT id, folder FROM runs").fetchall()
                if not Path(row["folder"]).is_dir() and row["id"] not in self._held]
        for run_id in gone:
            self._connect().execute("DELETE FROM runs WHERE id = ?", (run_id,))
        return gone

    def list_runs(self) -> list[RunRecord]:
        """All runs, newest first."""
        rows = self._connect().execute("SELECT * FROM runs ORDER BY created DESC").fetchall()
        return [_record(r) for r in rows]


class RunLock:
    """An exclusive, non-blocking lock on a file that the operating system releases when the
    holding process ends, however it ends (flock on POSIX, msvcrt.locking on Windows)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock; False if another open handle (any process) holds it."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return False
        try:
            if os.name == "nt":  # pragma: no cover - exercised on Windows only
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        return True

    def release(self) -> None:
        """Let go of the lock (no-op when not held)."""
        if self._fd is not None:
            os.close(self._fd)  # closing drops flock and msvcrt locks alike
            self._fd = None


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
