"""The Data page's controls for translation sources: the direction of the bundled numbers, and
the file buttons and reading options for the user's own sentence pairs.

The widgets only report what the user chose (signals); `data_page.DataPage` turns that into a
dataset spec and `LoadOptions`. No torch here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from desktop_app.settings import bool_setting, int_setting
from engine.data.text import NUMBER_LANGUAGES, NUMBER_PAIRS

NUMBERS_SOURCE = "numbers"  # the registry name behind "Numbers in words (bundled)"
SENTENCES_SOURCE = "tsv"  # the registry name behind "Your own sentence pairs…"
OPTIONS_KEY = "data/sentence_options/"  # settings prefix for the reading options
OPTIONS_DELAY_MS = 700  # a changed option reloads the file after this pause (typing, arrow clicks)
INDENT = 22  # under the radio button's text
# The bundled numbers' languages (engine.data.text.NUMBER_LANGUAGES) in the window's language.
NUMBER_LANGUAGE_NAMES = {"en": QT_TRANSLATE_NOOP("DataPage", "English"), "fr": QT_TRANSLATE_NOOP("DataPage", "French"),
                         "de": QT_TRANSLATE_NOOP("DataPage", "German"), "es": QT_TRANSLATE_NOOP("DataPage", "Spanish")}


def number_language(code: str) -> str:
    """'French' for "fr" (translated); an unknown code stays as it is."""
    name = NUMBER_LANGUAGE_NAMES.get(code) or NUMBER_LANGUAGES.get(code)
    return QCoreApplication.translate("DataPage", name) if name else code


def direction_title(direction: str) -> str:
    """'English → French' for "en-fr"."""
    source, _, target = direction.partition("-")
    return QCoreApplication.translate("DataPage", "{source} → {target}").format(
        source=number_language(source), target=number_language(target))


class NumbersDirection(QWidget):
    """The language pair of the bundled numbers, under its entry in the dataset list."""

    direction_chosen = Signal(str)  # "en-de"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(INDENT, 0, 0, 6)
        label = QLabel(self.tr("Direction:"))
        self.combo = QComboBox()
        self.combo.setObjectName("numbersDirection")
        for direction in NUMBER_PAIRS:
            self.combo.addItem(direction_title(direction), direction)
        self.combo.setToolTip(self.tr("Which language the translator reads and which it writes.\n"
                                      "English → French: it learns to turn 'forty-two' into 'quarante-deux'."))
        label.setBuddy(self.combo)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        self.combo.activated.connect(lambda _index: self.direction_chosen.emit(self.direction()))

    def direction(self) -> str:
        return str(self.combo.currentData())

    def set_direction(self, direction: str) -> None:
        """Show `direction` without asking for a load."""
        index = self.combo.findData(direction)
        if index >= 0:
            self.combo.setCurrentIndex(index)


class SentenceFileChooser(QWidget):
    """'Choose a file…' and 'Two files…' buttons, the chosen file's name, and how to read it:
    swap the direction, lower-case, longest sentence, at most N pairs."""

    file_requested = Signal()  # one TSV / Anki file
    files_requested = Signal()  # two aligned text files
    options_changed = Signal()  # after a short pause, so typing a number reloads once

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(INDENT, 0, 0, 6)
        layout.setSpacing(4)

        buttons = QHBoxLayout()
        self.file_button = QPushButton(self.tr("Choose a fi&le…"))
        self.file_button.setObjectName("sentenceFileButton")
        self.file_button.setToolTip(self.tr("A text file with a sentence, a tab and its translation on each line: "
                                            "a Tatoeba or Anki download (like fra.txt from manythings.org) or a "
                                            "two-column TSV saved from a spreadsheet."))
        self.file_button.clicked.connect(self.file_requested)
        self.pair_button = QPushButton(self.tr("T&wo files…"))
        self.pair_button.setObjectName("sentenceFilesButton")
        self.pair_button.setToolTip(self.tr("Two text files with one sentence a line, where line 1 of the second file "
                                            "translates line 1 of the first, and so on (like train.en and train.fr)."))
        self.pair_button.clicked.connect(self.files_requested)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.pair_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.options_title = QLabel(self.tr("When reading your file:"))
        self.options_title.setToolTip(self.tr("These apply to your own file. Changing one reads the file again."))
        layout.addWidget(self.options_title)
        self.swap_check = QCheckBox(self.tr("Swap the direction"))
        self.swap_check.setObjectName("swapDirection")
        self.swap_check.setToolTip(self.tr("Translate from the second column (or file) to the first, "
                                           "instead of from the first to the second."))
        self.lowercase_check = QCheckBox(self.tr("Make everything lower-case"))
        self.lowercase_check.setObjectName("lowercase")
        self.lowercase_check.setToolTip(self.tr("'Hello' and 'hello' become the same word: a small corpus is easier to "
                                                "learn, but the translator will never write capital letters."))
        self.length_spin = QSpinBox()
        self.length_spin.setObjectName("maxLength")
        self.length_spin.setRange(0, 10_000)
        self.length_spin.setSingleStep(10)
        self.length_spin.setSpecialValueText(self.tr("No limit"))
        self.length_spin.setSuffix(self.tr(" characters"))
        self.length_spin.setToolTip(self.tr("Leave out pairs where either sentence is longer than this many "
                                            "characters.\nLong sentences slow training down and use more memory. "
                                            "0 = no limit."))
        self.pairs_spin = QSpinBox()
        self.pairs_spin.setObjectName("maxPairs")
        self.pairs_spin.setRange(0, 100_000_000)
        self.pairs_spin.setSingleStep(1_000)
        self.pairs_spin.setGroupSeparatorShown(True)
        self.pairs_spin.setSpecialValueText(self.tr("All"))
        self.pairs_spin.setSuffix(self.tr(" pairs"))
        self.pairs_spin.setToolTip(self.tr("Read only the first this-many pairs of the file: a quick first try on a "
                                           "big file. 0 = all pairs."))
        layout.addWidget(self.swap_check)
        layout.addWidget(self.lowercase_check)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        length_label, pairs_label = QLabel(self.tr("Max length:")), QLabel(self.tr("Use at most:"))
        length_label.setToolTip(self.length_spin.toolTip())
        pairs_label.setToolTip(self.pairs_spin.toolTip())
        form.addRow(length_label, self.length_spin)
        form.addRow(pairs_label, self.pairs_spin)
        layout.addLayout(form)
        for widget in (self.length_spin, self.pairs_spin):  # wrapped texts above must not squash them
            widget.setMinimumHeight(widget.sizeHint().height())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(OPTIONS_DELAY_MS)
        self._timer.timeout.connect(self.options_changed)
        self.swap_check.toggled.connect(self._changed)
        self.lowercase_check.toggled.connect(self._changed)
        self.length_spin.valueChanged.connect(self._changed)
        self.pairs_spin.valueChanged.connect(self._changed)
        self.length_spin.editingFinished.connect(self._flush)
        self.pairs_spin.editingFinished.connect(self._flush)
        self._restoring = False

    def _changed(self, *_args) -> None:
        if not self._restoring:
            self._timer.start()

    def _flush(self) -> None:
        """Enter (or leaving the box) applies a typed number at once."""
        if self._timer.isActive():
            self._timer.stop()
            self.options_changed.emit()

    def load_options(self) -> dict:
        """The LoadOptions fields these controls set (None: no limit)."""
        return dict(reverse=self.swap_check.isChecked(), lowercase=self.lowercase_check.isChecked(),
                    max_length=self.length_spin.value() or None, max_pairs=self.pairs_spin.value() or None)

    def pending(self) -> bool:
        """True while a change waits for its pause to end."""
        return self._timer.isActive()

    def save_settings(self, settings: QSettings) -> None:
        for key, value in self.load_options().items():
            settings.setValue(OPTIONS_KEY + key, 0 if value is None else value)

    def restore_settings(self, settings: QSettings) -> None:
        self._restoring = True
        try:
            self.swap_check.setChecked(bool_setting(settings, OPTIONS_KEY + "reverse", False))
            self.lowercase_check.setChecked(bool_setting(settings, OPTIONS_KEY + "lowercase", False))
            self.length_spin.setValue(max(0, int_setting(settings, OPTIONS_KEY + "max_length", 0)))
            self.pairs_spin.setValue(max(0, int_setting(settings, OPTIONS_KEY + "max_pairs", 0)))
        finally:
            self._restoring = False


def file_caption(paths: list[str]) -> str:
    """'File: fra.txt' or 'Files: train.en + train.fr'."""
    names = " + ".join(Path(path).name or path for path in paths)
    if len(paths) == 1:
        return QCoreApplication.translate("DataPage", "File: {name}").format(name=names)
    return QCoreApplication.translate("DataPage", "Files: {names}").format(names=names)

