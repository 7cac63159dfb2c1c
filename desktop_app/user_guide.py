"""The Help menu's pieces: the user guide dialog and opening the log file.

The guide's text lives in `resources/help/user_guide.html` (so it can be translated without
touching code: a `user_guide.<language>.html` beside it is preferred for that language); the
placeholders {{RUNS}}, {{CACHE}}, {{SETTINGS}} and {{LOG}} become this computer's folders.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from engine.logsetup import LOG_FILE_NAME
from engine.paths import cache_dir, log_dir, resources_dir, runs_dir

GUIDE_NAME = "user_guide"
MISSING_GUIDE = QT_TRANSLATE_NOOP("UserGuide", "<p>The user guide is missing from this installation. The README on "
                                                "the ModelDesk project page explains the same things.</p>")


def log_file_path() -> Path:
    """Where ModelDesk writes its log (engine.logsetup)."""
    return log_dir() / LOG_FILE_NAME


def guide_path(language: str | None = None) -> Path:
    """The guide for `language` ("zh_CN", or just "zh"; the window's language when None) when
    there is one, else the English guide."""
    folder = resources_dir() / "help"
    language = language if language is not None else QLocale().name()  # set by desktop_app.i18n.install
    for name in (language, language.split("_")[0]):
        translated = folder / f"{GUIDE_NAME}.{name}.html"
        if name and not name.startswith("en") and translated.is_file():
            return translated
    return folder / f"{GUIDE_NAME}.html"


def guide_html(language: str | None = None) -> str:
    """The guide as HTML, with this computer's folders filled in."""
    from desktop_app.settings import app_settings

    try:
        text = guide_path(language).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return QCoreApplication.translate("UserGuide", MISSING_GUIDE)
    places = {"RUNS": runs_dir(), "CACHE": cache_dir(), "SETTINGS": app_settings().fileName(), "LOG": log_file_path()}
    for key, value in places.items():
        text = text.replace("{{" + key + "}}", html.escape(str(value)))
    return text


class UserGuideDialog(QDialog):
    """The user guide in a window of its own, left open beside the main window while you work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("ModelDesk user guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("userGuide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(720, 680)

    def text(self) -> str:
        """The guide as plain text (for tests)."""
        return self.browser.toPlainText()


def show_log_file(parent: QWidget | None, open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl) -> bool:
    """Open the log file in the system's text viewer through `open_url`; say so in one sentence
    when there is no log file yet, or when nothing could open it. Returns whether it was opened."""
    path = log_file_path()
    if not path.is_file():
        message = QCoreApplication.translate(
            "UserGuide", "There is no log file yet; ModelDesk starts one at {path} when it has something to note.")
    elif open_url(QUrl.fromLocalFile(str(path))):
        return True
    else:
        message = QCoreApplication.translate("UserGuide", "No program could open the log file; you can find it at {path}.")
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("UserGuide", "Log file"),
                      message.format(path=path), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("logFileMessage")
    box.open()
    return False
