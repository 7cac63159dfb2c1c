"""`modeldesk-cli datasets | models | runs`: what is available and what was trained."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list")


def list_datasets_command(args: argparse.Namespace) -> int:
    """Print every registered dataset with its description."""
    from engine.data.registry import list_datasets

    def shown(d) -> str:
        if d.default_argument:
            return f"{d.name}:{d.default_argument}"
        return d.name + (":PATH" if d.takes_argument else "")

    items = [dict(name=shown(d), tasks=list(d.tasks), description=d.description) for d in list_datasets()]
    _print(items, args.json, lambda d: f"{d['name']:<16} {d['description']}")
    return 0


def list_models_command(args: argparse.Namespace) -> int:
    """Print every registered model with its speed hint and description."""
    from engine.models.registry import list_models

    items = [dict(name=m.name, task=m.task, speed=m.speed, description=m.description) for m in list_models()]
    _print(items, args.json, lambda m: f"{m['name']:<18} {m['task']:<9} {m['speed']:<8} {m['description']}")
    return 0


def _add_runs_arguments(parser: argparse.ArgumentParser) -> None:
    _add_json(parser)
    parser.add_argument("--runs-dir", type=Path, help="where run folders are kept (default: the user data folder)")


def list_runs_command(args: argparse.Namespace) -> int:
    """Print the runs in the index, newest first."""
    from engine.paths import runs_dir
    from engine.runs.store import RunStore

    store = RunStore(args.runs_dir or runs_dir())
    items = []
    for r in store.list_runs():
        items.append(dict(id=r.id, status=r.status, task=r.task, dataset=r.dataset, model=r.model,
                          epochs=r.epochs_done, best_val_accuracy=r.best_val_accuracy, seconds=round(r.seconds, 1),
                          created=time.strftime("%Y-%m-%d %H:%M", time.localtime(r.created)), folder=str(r.folder), onnx=r.onnx))

    def line(r):
        acc = f"{100 * r['best_val_accuracy']:.2f}%" if r["best_val_accuracy"] is not None and r["best_val_accuracy"] >= 0 else "-"
        return f"{r['created']}  {r['status']:<11} {r['model']:<10} {r['dataset']:<14} {r['epochs']:>3} ep  {acc:>7}  {r['id']}"

    _print(items, args.json, line, empty="No runs yet. Train one with: modeldesk-cli train")
    return 0


def _print(items: list[dict], as_json: bool, line, empty: str = "") -> None:
    if as_json:
        print(json.dumps(items))
        return
    if not items and empty:
        print(empty)
    for item in items:
        print(line(item))


COMMANDS = [
    ("datasets", "List the datasets you can train on.", _add_json, list_datasets_command),
    ("models", "List the model architectures.", _add_json, list_models_command),
    ("runs", "List past training runs.", _add_runs_arguments, list_runs_command),
]
