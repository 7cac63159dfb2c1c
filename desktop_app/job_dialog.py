"""The dialog that shows the command reproducing a training job headless, ready to copy."""

from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.theme import set_tone


class JobCommandDialog(QDialog):
    """Says where the job file went and shows `command` in a read-only field with a Copy button."""

    def __init__(self, path: str, command: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobCommandDialog")
        self.setWindowTitle(self.tr("Training job saved"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The run's settings were saved to <b>{path}</b>.<br>To train it again without the "
                               "window (on this computer, a server or a cluster with ModelDesk installed), "
                               "run:").format(path=html.escape(path)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.command_field = QLineEdit(command)
        self.command_field.setObjectName("jobCommand")
        self.command_field.setReadOnly(True)
        self.command_field.setMinimumWidth(440)
        self.command_field.setCursorPosition(0)
        row.addWidget(self.command_field, 1)
        self.copy_button = QPushButton(self.tr("Co&py"))
        self.copy_button.setToolTip(self.tr("Copy the command to the clipboard."))
        self.copy_button.clicked.connect(self.copy_command)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        hint = QLabel(self.tr("On several GPUs, start it with torchrun: {command}").format(
            command="<code>torchrun --nproc_per_node 4 -m engine train --config FILE</code>"))
        hint.setWordWrap(True)
        set_tone(hint, "muted")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def command(self) -> str:
        """The command shown."""
        return self.command_field.text()

    def copy_command(self) -> None:
        """Put the command on the clipboard and say so on the button."""
        QGuiApplication.clipboard().setText(self.command())
        self.copy_button.setText(self.tr("Copied"))

