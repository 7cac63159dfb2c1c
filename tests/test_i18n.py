"""The window in Simplified Chinese: the language follows the system or the Preferences, the
translation source is complete and compiles (the engine's sentences included), and the window's
frame and Preferences show no English. The pages are walked in the other test_i18n_* files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

from desktop_app import engine_words, i18n  # noqa: E402
from desktop_app.settings import app_settings  # noqa: E402

TS = Path(__file__).resolve().parent.parent / "resources" / "translations" / "modeldesk_zh_CN.ts"
# Names that stay as they are in any language: the product, file formats, hardware, key names.
KEEP = {"ModelDesk", "ONNX", "GPU", "CPU", "CUDA", "NVIDIA", "Ctrl", "Shift", "Alt"}


def english_words(text: str) -> list[str]:
    """The English-looking words in `text` (three letters or more, not in KEEP)."""
    return [word for word in re.findall(r"[A-Za-z]{3,}", text.replace("&", "")) if word not in KEEP]


@pytest.fixture
def chinese(tmp_path, monkeypatch):
    """The Chinese translation compiled from its source (as `make` does) and installed; English again after."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(tmp_path / "modeldesk_zh_CN.qm")], check=True)
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    app = QApplication.instance()
    assert i18n.install(app, "zh_CN") == "zh_CN"
    yield app
    i18n.install(app, "en")


def test_the_language_follows_the_system_unless_chosen():
    assert i18n.resolve("system", "zh_CN") == i18n.resolve("system", "zh_TW") == "zh_CN"
    assert i18n.resolve("system", "en_GB") == i18n.resolve("system", "de_DE") == "en"
    assert i18n.resolve("en", "zh_CN") == "en" and i18n.resolve("zh_CN", "en_US") == "zh_CN"
    settings = app_settings()
    for stored, expected in (("zh_CN", "zh_CN"), ("klingon", "system"), (3, "system")):
        settings.setValue(i18n.SETTINGS_KEY, stored)
        assert i18n.saved_choice(settings) == expected
    settings.remove(i18n.SETTINGS_KEY)


def test_the_translation_source_is_complete_and_keeps_placeholders_and_keys():
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) >= 40
    for message in messages:
        source, translation = message.find("source").text, message.find("translation")
        assert translation.get("type") != "unfinished" and (translation.text or "").strip(), source
        # the same {fields} (format specs included), in whatever order the language needs
        assert sorted(re.findall(r"\{[^{}]*\}", source)) == sorted(re.findall(r"\{[^{}]*\}", translation.text)), source
        if re.search(r"&\w", source):  # a keyboard letter in English, one in Chinese too: 文件(&F)
            assert re.search(r"&\w", translation.text), source


def test_every_sentence_the_engine_makes_is_in_the_translation_source():
    """`make translations` puts the engine's Sentence templates into the source; one added later
    without it fails here."""
    in_source = {message.findtext("source") for context in ET.parse(TS).iter("context")
                 if context.findtext("name") == engine_words.CONTEXT for message in context.iter("message")}
    made = engine_words.templates()
    assert len(made) > 300
    missing = [template for template in made if template not in in_source]
    assert not missing, f"run `make translations` and translate: {missing[:5]}"


def test_a_missing_translation_file_leaves_english(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    assert i18n.install(qapp, "zh_CN") == "en"


def test_in_chinese_the_window_frame_shows_no_english(qtbot, chinese, monkeypatch):
    from desktop_app.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1180, 780)
    win.show()
    texts = []
    for menu_action in win.menuBar().actions():
        texts.append(menu_action.text())
        texts += [action.text() for action in menu_action.menu().actions() if not action.isSeparator()]
    texts += [win.sidebar.item(row).text() for row in range(win.sidebar.count())]
    texts += [label.text() for label in win.statusBar().findChildren(QLabel)]
    leftovers = {text: english_words(text) for text in texts if english_words(text)}
    assert not leftovers
    assert "文件(&F)" in texts and "数据" in texts and "试用场" in texts
    win.show_page("Runs")  # the pages still work with their titles translated
    assert win.current_page_name() == "Runs"
    win.close()


def test_preferences_offer_the_language_and_say_when_it_applies(qtbot, chinese):
    from desktop_app.preferences_dialog import PreferencesDialog

    settings = app_settings()
    settings.setValue(i18n.SETTINGS_KEY, "en")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "偏好设置"
    assert [dialog.theme_combo.itemText(i) for i in range(dialog.theme_combo.count())] == ["跟随系统", "浅色", "深色"]
    assert not dialog.language_note.isVisible()
    dialog.choose_language("zh_CN")
    assert i18n.saved_choice(settings) == "zh_CN"
    assert dialog.language_note.isVisible() and "简体中文" in dialog.language_note.text()
    dialog.choose_language("en")  # back to the language it started with: nothing to say
    assert not dialog.language_note.isVisible()
    settings.remove(i18n.SETTINGS_KEY)


def shown_texts(root) -> list[str]:
    """Every text a person can read on `root` and its visible children: labels, buttons, group
    titles, list and combo items, placeholders and tooltips."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLineEdit, QListWidget, QPlainTextEdit, QWidget

    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
    return [re.sub(r"<[^>]+>", " ", text) for text in texts if text]


def identifiers() -> set[str]:
    """Names that stay as they are: models, datasets, and the names inside their descriptions."""
    from engine.data.registry import list_datasets
    from engine.models.registry import list_models

    names = {info.name for info in list_models()} | {info.name for info in list_datasets()}
    return {part for name in names for part in re.findall(r"[A-Za-z]{3,}", name)} | KEEP | {
        "AdamW", "Adam", "SGD", "LeNet", "LeCun", "ResNet", "GAN", "DCGAN", "LSTM", "GRU", "Transformer", "Vaswani",
        "Luong", "Radford", "MNIST", "Fashion", "CIFAR", "Aesop", "Townsend", "UTF", "TSV", "Anki", "Tatoeba", "PNG",
        "JPEG", "torchvision", "threads", "txt", "tsv", "csv", "tab"}


@pytest.mark.parametrize("task, spec", [("classify", "digits"), ("gan", "digits"), ("translate", "numbers:en-fr"),
                                        ("textgen", "fables")])
def test_in_chinese_the_data_and_model_pages_show_no_english(qtbot, chinese, task, spec):
    from desktop_app.engine_loader import EngineInfo
    from desktop_app.pages.data_page import DataPage
    from desktop_app.pages.model_page import ModelPage
    from desktop_app.state import AppState
    from engine.data.registry import load_dataset

    state = AppState()
    data_page, model_page = DataPage(state), ModelPage(state)
    for page in (data_page, model_page):
        qtbot.addWidget(page)
        page.resize(1180, 780)
        page.show()
    state.set_engine(EngineInfo("CPU", [], "2.14", "1.31"))
    data_page.select_task(task)
    state.set_dataset(spec, load_dataset(spec))
    keep = identifiers()
    for page in (data_page, model_page):
        leftovers = {text: words for text in shown_texts(page)
                     if (words := [w for w in english_words(text) if w not in keep])}
        assert not leftovers, (type(page).__name__, leftovers)


def clipped(root) -> list[str]:
    """Visible labels and buttons on `root` narrower than their text needs (word-wrapped labels
    take more lines instead, so they are not counted)."""
    from PySide6.QtWidgets import QAbstractButton, QWidget

    cut = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and widget.pixmap().isNull():
            text = re.sub(r"<[^>]+>", "", widget.text())
            needed = max(widget.fontMetrics().horizontalAdvance(line) for line in text.splitlines() or [""])
            if needed > widget.contentsRect().width() + 2:
                cut.append(f"{type(root).__name__}: label '{text}' needs {needed}px, has {widget.contentsRect().width()}")
        elif isinstance(widget, QAbstractButton) and widget.text() and widget.width() < widget.minimumSizeHint().width() - 2:
            cut.append(f"{type(root).__name__}: button '{widget.text()}' needs {widget.minimumSizeHint().width()}px, "
                       f"has {widget.width()}")
    return cut


def test_in_chinese_no_text_is_clipped_on_any_page(qtbot, chinese):
    """Every page at the window's usual size: Chinese labels and buttons fit (the window in
    the state of `make screenshots` is checked by eye; this catches fixed widths made for English)."""
    from desktop_app.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1180, 780)
    win.show()
    win.build_all_pages()
    problems = []
    for name in ("Data", "Model", "Train", "Evaluate", "Playground", "Runs"):
        win.show_page(name)
        qtbot.wait(20)
        problems += clipped(win.pages.currentWidget())
    assert not problems
    win.close()
