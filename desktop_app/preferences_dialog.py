"""File > Preferences: choices that apply to the whole application, applied as soon as they are
made and remembered in the settings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app import i18n, theme
from desktop_app.settings import app_settings


# Shown in the language just chosen (the window itself changes when ModelDesk starts next).
LANGUAGE_NOTES = {
    "en": "The window will be in English the next time ModelDesk starts.",
    "zh_CN": "下次启动 ModelDesk 时，窗口将显示为简体中文。",
}


class PreferencesDialog(QDialog):
    """One row per preference in a form: label on the left, choice on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("themeChoice")
        for choice in theme.CHOICES:
            self.theme_combo.addItem(self.tr(theme.CHOICE_TITLES[choice]), choice)
        self.theme_combo.setToolTip(self.tr("Light or dark windows. \"Same as the system\" follows your computer's "
                                            "setting, also when you change it while ModelDesk is open."))
        index = self.theme_combo.findData(theme.saved_choice(app_settings()))
        self.theme_combo.setCurrentIndex(max(0, index))
        self.theme_combo.currentIndexChanged.connect(self._on_theme_chosen)
        self.form.addRow(self.tr("&Theme:"), self.theme_combo)  # "&Theme:" gets the combo as its buddy: Alt+T

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageChoice")
        for choice in i18n.CHOICES:
            title = i18n.CHOICE_TITLES[choice]
            self.language_combo.addItem(self.tr(title) if choice == "system" else title, choice)
        self.language_combo.setToolTip(self.tr("The language of the window. \"Same as the system\" follows your "
                                               "computer's language. The new language shows when ModelDesk starts next."))
        self._language_at_start = i18n.saved_choice(app_settings())
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self._language_at_start)))
        self.language_combo.currentIndexChanged.connect(self._on_language_chosen)
        self.form.addRow(self.tr("&Language:"), self.language_combo)
        self.language_note = QLabel("")
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        theme.set_tone(self.language_note, "warning")
        self.language_note.hide()
        self.form.addRow("", self.language_note)

        layout.addLayout(self.form)
        note = QLabel(self.tr("Changes apply at once and are remembered."))
        note.setWordWrap(True)
        theme.set_tone(note, "muted")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def choose_theme(self, choice: str) -> None:
        """Pick `choice` ("system", "light", "dark") as if chosen in the list."""
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(choice)))

    def choose_language(self, choice: str) -> None:
        """Pick `choice` ("system", "en", "zh_CN") as if chosen in the list."""
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(choice)))

    def _on_language_chosen(self, _index: int) -> None:
        choice = str(self.language_combo.currentData())
        app_settings().setValue(i18n.SETTINGS_KEY, choice)
        changed = i18n.resolve(choice) != i18n.resolve(self._language_at_start)
        # said in the language chosen too, so whoever chose it can read it
        self.language_note.setText(LANGUAGE_NOTES.get(i18n.resolve(choice), LANGUAGE_NOTES["en"]))
        self.language_note.setVisible(changed)

    def _on_theme_chosen(self, _index: int) -> None:
        theme.choose_theme(str(self.theme_combo.currentData()))
