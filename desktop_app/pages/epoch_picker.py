"""A slider back through the finished epochs of a run, with a label beside it, for the Train
page's views that keep something per epoch (sample translations, a written paragraph).

At its right end it follows the newest epoch as epochs arrive; dragged left it stays on the
epoch chosen. The view says what to show for an epoch (`show(index)`) and what the label reads;
the picker only keeps the slider, its range and whether it follows the newest.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider


class EpochPicker:
    """`slider` and `label` for picking one of `count` finished epochs; `show(index)` is called
    with the index to show whenever it changes (the newest while `follow_latest`). The texts
    are passed in already translated, in the view's own words."""

    def __init__(self, name: str, tip: str, empty_text: str, widest_text: str, show: Callable[[int], None]) -> None:
        self._show = show
        self._empty_text = empty_text
        self.follow_latest = True
        self.count = 0
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"{name}EpochSlider")
        self.slider.setToolTip(tip)
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self._moved)
        self.label = QLabel(empty_text)
        self.label.setObjectName(f"{name}EpochLabel")
        self.label.setToolTip(tip)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(widest_text) + 8)
        self.reset()

    def row(self, caption: str) -> QHBoxLayout:
        """The caption, the slider and the label in one row."""
        look_back = QLabel(caption)
        look_back.setToolTip(self.slider.toolTip())
        row = QHBoxLayout()
        row.addWidget(look_back)
        row.addWidget(self.slider, 1)
        row.addWidget(self.label)
        return row

    def reset(self) -> None:
        """No epochs yet: an empty, disabled slider that follows the newest."""
        self.follow_latest, self.count = True, 0
        self.slider.blockSignals(True)
        self.slider.setRange(0, 0)
        self.slider.blockSignals(False)
        self.slider.setEnabled(False)
        self.label.setText(self._empty_text)

    def set_count(self, count: int) -> None:
        """`count` epochs are finished: stretch the slider, and show the newest when following it."""
        self.count = count
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, count - 1))
        if self.follow_latest:
            self.slider.setValue(self.slider.maximum())
        self.slider.blockSignals(False)
        self.slider.setEnabled(count > 1)
        if self.follow_latest and count:
            self._show(count - 1)

    def _moved(self, value: int) -> None:
        """The user moved the slider: pin that epoch, or follow the newest at the right end."""
        self.follow_latest = value >= self.slider.maximum()
        self._show(self.count - 1 if self.follow_latest else value)
