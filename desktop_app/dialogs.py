"""Dialogs that speak to people: one plain sentence, technical details behind an expander."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.engine_words import say


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """Show a non-blocking error box with `message` (in the window's language, also when the
    engine made it) and optional `details` (collapsed)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, say(message), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.setModal(True)
    box.open()
    return box
