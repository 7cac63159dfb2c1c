"""Training jobs as files: a run's whole configuration, to reproduce it headless or on a
cluster with `modeldesk-cli train --config FILE` (under `torchrun` too).

A job file is JSON: {"modeldesk_job": 1, "config": {...TrainConfig...}, "command": "..."}. A
run folder's own `config.json` (the bare config) is accepted as well.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from engine.atomic import write_text_atomic
from engine.errors import ConfigError
from engine.sentences import Sentence
from engine.train.config import TrainConfig

JOB_FORMAT = 1


def job_command(path: str | Path, processes: int = 1) -> str:
    """The shell command that runs the job in `path` (with torchrun for several processes)."""
    quoted = shlex.quote(str(path))
    if processes > 1:
        return f"torchrun --nproc_per_node {processes} -m engine train --config {quoted}"
    return f"modeldesk-cli train --config {quoted}"


def write_job(path: str | Path, config: TrainConfig) -> str:
    """Write `config` as a job file at `path` (atomically) and return the command that runs it.

    Machine-specific settings stay out: the device is left to choose itself ("auto")."""
    data = config.to_dict()
    data["device"] = "auto"
    command = job_command(path)
    write_text_atomic(Path(path), json.dumps({"modeldesk_job": JOB_FORMAT, "command": command, "config": data},
                                             indent=2, sort_keys=True) + "\n")
    return command


def read_job(path: str | Path) -> TrainConfig:
    """The configuration in a job file (or a run folder's config.json); ConfigError with a
    plain sentence when the file is missing, not JSON, or not a training job."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(Sentence("The job file '{path}' does not exist.", path=path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(Sentence("The job file '{name}' could not be read ({reason}).", name=path.name,
                                   reason=getattr(exc, "strerror", None) or Sentence("not text"))) from None
    try:
        data = json.loads(text)
    except ValueError:
        raise ConfigError(Sentence("'{name}' is not a training job file: it is not JSON.", name=path.name)) from None
    if isinstance(data, dict) and "modeldesk_job" in data:
        if data["modeldesk_job"] != JOB_FORMAT:
            raise ConfigError(Sentence("'{name}' was written by a newer ModelDesk; update ModelDesk to run it.", name=path.name))
        data = data.get("config")
    if not isinstance(data, dict) or not {"dataset", "model"} <= set(data):
        raise ConfigError(Sentence("'{name}' is not a training job file: it names no dataset and model.", name=path.name))
    try:
        return TrainConfig.from_dict(data)
    except TypeError:
        raise ConfigError(Sentence("'{name}' is not a training job file ModelDesk can read.", name=path.name)) from None
