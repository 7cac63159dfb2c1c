"""What the pages share: the chosen dataset, the engine's readiness, the running training and
its result. Pages talk through this object's signals, not to each other."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class AppState(QObject):
    """Shared state of the window. Setters emit the matching signal."""

    engine_ready = Signal(object)  # EngineInfo, once torch and the models are loaded
    dataset_changed = Signal(str, object)  # spec, ImageData
    dataset_loading = Signal(bool)
    training_running = Signal(bool)
    training_finished = Signal(object)  # engine.train.run.TrainResult
    status_message = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.engine: Any = None  # EngineInfo when ready
        self.dataset_spec: str | None = None
        self.dataset: Any = None  # engine.data.base.ImageData
        self.result: Any = None  # the last TrainResult
        self.is_training = False

    def set_engine(self, info: Any) -> None:
        self.engine = info
        self.engine_ready.emit(info)

    def set_dataset(self, spec: str, data: Any) -> None:
        self.dataset_spec, self.dataset = spec, data
        self.dataset_changed.emit(spec, data)

    def set_training(self, running: bool) -> None:
        self.is_training = running
        self.training_running.emit(running)

    def set_result(self, result: Any) -> None:
        self.result = result
        self.training_finished.emit(result)
