"""What the pages share: the task, the chosen dataset, the engine's readiness, the running
training and its result. Pages talk through this object's signals, not to each other."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

DEFAULT_TASK = "classify"


def result_task(result: Any) -> str:
    """The task a training result belongs to: "gan" for a GanResult, "translate" for a
    TranslateResult, "classify" otherwise (a classifier's TrainResult has no `task` attribute)."""
    return str(getattr(result, "task", DEFAULT_TASK) or DEFAULT_TASK)


class AppState(QObject):
    """Shared state of the window. Setters emit the matching signal."""

    engine_ready = Signal(object)  # EngineInfo, once torch and the models are loaded
    task_changed = Signal(str)  # "classify", "gan" or "translate" (engine.train.config.TASKS)
    dataset_changed = Signal(str, object)  # spec, ImageData (or ParallelData for translation)
    dataset_loading = Signal(bool)
    training_running = Signal(bool)
    training_finished = Signal(object)  # a TrainResult, GanResult or TranslateResult (see `result_task`)
    status_message = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.engine: Any = None  # EngineInfo when ready
        self.task = DEFAULT_TASK
        self.dataset_spec: str | None = None
        self.dataset_options: dict = {}  # how the dataset was read (see set_dataset)
        self.dataset: Any = None  # engine.data.base.ImageData, or engine.data.text.ParallelData
        self.result: Any = None  # the last TrainResult, GanResult or TranslateResult (see `result_task`)
        self.is_training = False

    def set_engine(self, info: Any) -> None:
        self.engine = info
        self.engine_ready.emit(info)

    def set_task(self, task: str) -> None:
        """Choose what to train ("classify", "gan", "translate"); emits task_changed only on a change."""
        if task == self.task:
            return
        self.task = task
        self.task_changed.emit(task)

    def set_dataset(self, spec: str, data: Any, options: dict | None = None) -> None:
        """Show `data` loaded from `spec`; `options` are the reading options it was loaded with
        (tsv files: reverse, lowercase, max_length, max_pairs), recorded with the runs trained on it."""
        self.dataset_spec, self.dataset = spec, data
        self.dataset_options = {k: v for k, v in (options or {}).items() if v}
        self.dataset_changed.emit(spec, data)

    def set_training(self, running: bool) -> None:
        self.is_training = running
        self.training_running.emit(running)

    def set_result(self, result: Any) -> None:
        self.result = result
        self.training_finished.emit(result)
