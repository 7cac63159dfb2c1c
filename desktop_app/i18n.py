"""The language of the window: English (the strings in the source) or Simplified Chinese.

User-visible strings go through Qt's translation system: `self.tr(...)` in widgets,
`QCoreApplication.translate(context, ...)` elsewhere, and `QT_TRANSLATE_NOOP(context, ...)` for
tables of strings made when a module is imported (translated where they are shown). The
translations live in `resources/translations/modeldesk_<language>.ts` (the source, edited with
Qt Linguist or by hand; `make translations` refreshes it from the code with pyside6-lupdate) and
are compiled to `.qm` files by pyside6-lrelease (`make translations-qm`, run by `make run` and
`make test`).

The choice ("system", "en" or "zh_CN") is remembered under `appearance/language`; "system"
follows the computer's language. A new choice applies when ModelDesk starts next.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from engine.paths import resources_dir

log = logging.getLogger(__name__)

CHOICES = ("system", "en", "zh_CN")
# Each language names itself, so a person who cannot read the current one still finds theirs.
CHOICE_TITLES = {"system": QT_TRANSLATE_NOOP("PreferencesDialog", "Same as the system"), "en": "English",
                 "zh_CN": "简体中文"}
TRANSLATED = ("zh_CN",)  # languages with a translation file; English needs none
SETTINGS_KEY = "appearance/language"
_INSTALLED = "_modeldesk_translators"  # an attribute of the application: keeps its translators alive


def plural(count: int, one: str, many: str) -> str:
    """`one` or `many` (translated texts with a {count} placeholder) with `count` filled in as
    '1,797'. Two whole sentences rather than a glued ending, so each language words both."""
    return (one if count == 1 else many).format(count=f"{count:,}")


def translations_dir() -> Path:
    """Where the .ts sources and the compiled .qm files are."""
    return resources_dir() / "translations"


def saved_choice(settings: QSettings) -> str:
    """The remembered choice, "system" when there is none or it makes no sense."""
    value = settings.value(SETTINGS_KEY, "system")
    return value if isinstance(value, str) and value in CHOICES else "system"


def resolve(choice: str, system_locale: str | None = None) -> str:
    """The language to show for `choice`: "en" or a language in TRANSLATED. "system" gives
    Simplified Chinese for any Chinese locale (zh, zh_CN, zh_SG, zh_TW…), English otherwise."""
    if choice in TRANSLATED or choice == "en":
        return choice
    locale = system_locale if system_locale is not None else QLocale.system().name()
    return "zh_CN" if locale.lower().startswith("zh") else "en"


def install(app: QCoreApplication, choice: str) -> str:
    """Install the translation for `choice` into `app` (Qt's own dialogs and buttons too) and
    return the language now shown. A missing or unreadable translation file leaves English,
    with a line in the log."""
    language = resolve(choice)
    for translator in getattr(app, _INSTALLED, []):
        app.removeTranslator(translator)
    installed = []
    QLocale.setDefault(QLocale(language))
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f"modeldesk_{language}", str(translations_dir())):
            app.installTranslator(ours)
            installed.append(ours)
        else:
            log.warning("no translation file for %s in %s; the window stays in English", language, translations_dir())
            language = "en"
            QLocale.setDefault(QLocale("en"))
        qt_own = QTranslator(app)
        if language != "en" and qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_own)
            installed.append(qt_own)
    setattr(app, _INSTALLED, installed)
    return language
