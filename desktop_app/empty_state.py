"""The page a view shows before it has anything to show: a large sentence and a hint below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def empty_state_page(text: str, hint: str) -> tuple[QWidget, QLabel, QLabel]:
    """(page, sentence label, hint label): the sentence centred and 1.5x larger, the hint
    wrapped below it in a readable width."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    label = QLabel(text)
    label.setObjectName("emptyState")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    label.setFont(font)
    layout.addWidget(label)
    hint_label = QLabel(hint)
    hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint_label.setWordWrap(True)
    hint_label.setMinimumWidth(420)
    hint_label.setMaximumWidth(620)
    centred = QHBoxLayout()  # a word-wrapped label given an alignment in the layout instead gets too little height
    centred.addStretch(1)
    centred.addWidget(hint_label, 4)
    centred.addStretch(1)
    layout.addLayout(centred)
    layout.addStretch(2)
    return page, label, hint_label
