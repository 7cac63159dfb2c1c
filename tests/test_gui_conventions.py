"""Desktop conventions: light and dark themes (chosen, remembered, following the system), the
Preferences dialog, the Help menu (user guide, log file), the icon, and keyboard access to
every page, button and menu item."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSize, Qt, QUrl  # noqa: E402
from PySide6.QtGui import QPalette  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QFormLayout, QLabel, QMessageBox,  # noqa: E402
                               QPushButton)

from desktop_app import theme  # noqa: E402
from desktop_app.main_window import PAGE_NAMES, MainWindow  # noqa: E402
from desktop_app.preferences_dialog import PreferencesDialog  # noqa: E402
from desktop_app.settings import app_settings  # noqa: E402
from desktop_app.user_guide import guide_path, log_file_path  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402
from engine.paths import resources_dir  # noqa: E402


@pytest.fixture(autouse=True)
def light_afterwards():
    """Leave the application light and following the (light) system for the tests that follow."""
    yield
    manager = theme.manager()
    manager.on_system_scheme_changed(Qt.ColorScheme.Light)
    manager.set_choice(theme.SYSTEM)


def _window(qtbot, **kwargs) -> MainWindow:
    win = MainWindow(**kwargs)
    qtbot.addWidget(win)
    win.show()
    win.build_all_pages()
    win.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5_000)
    return win


def _close(qtbot, win: MainWindow) -> None:
    win.close()
    for task in list(BackgroundTask._live):
        task.wait(30_000)
    qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=10_000)


def _window_is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 100


def _background_is_dark(plot) -> bool:
    return plot.backgroundBrush().color().lightness() < 100


def _preferences(qtbot, win):
    win.preferences_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(PreferencesDialog)), timeout=5_000)
    return next(d for d in win.findChildren(PreferencesDialog) if d.isVisible())


def test_dark_theme_is_applied_at_once_to_palette_and_plots_and_remembered(qtbot):
    win = _window(qtbot)
    assert not _window_is_dark()
    plots = [win.train_page.loss_plot, win.data_page.class_chart]  # both made white by their pages
    assert not any(_background_is_dark(plot) for plot in plots)

    dialog = _preferences(qtbot, win)
    combo = dialog.theme_combo
    assert combo.currentData() == theme.SYSTEM
    assert [combo.itemData(i) for i in range(combo.count())] == [theme.SYSTEM, theme.LIGHT, theme.DARK]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Light
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Dark
    assert combo.currentData() == theme.DARK
    assert _window_is_dark() and theme.is_dark()
    assert all(_background_is_dark(plot) for plot in plots)
    axis = win.train_page.loss_plot.getAxis("left")
    assert axis.textPen().color().lightness() > 150  # light tick labels on the dark plot
    label = QLabel("hint")
    theme.set_tone(label, "muted")
    assert theme.tone_of(label) == "muted" and f"{theme.DARK_COLORS.muted};" in QApplication.instance().styleSheet()
    assert str(app_settings().value(theme.SETTINGS_KEY)) == theme.DARK
    qtbot.mouseClick(dialog.findChild(QAbstractButton), Qt.MouseButton.LeftButton)  # Close
    _close(qtbot, win)

    theme.manager().set_choice(theme.LIGHT)  # as in a fresh start: nothing applied from before
    again = _window(qtbot)
    assert _window_is_dark() and _background_is_dark(again.train_page.loss_plot)  # restored
    dialog = _preferences(qtbot, again)
    assert dialog.theme_combo.currentData() == theme.DARK
    qtbot.keyClick(dialog.theme_combo, Qt.Key.Key_Up)  # Light
    assert not _window_is_dark() and not _background_is_dark(again.train_page.loss_plot)
    assert str(app_settings().value(theme.SETTINGS_KEY)) == theme.LIGHT
    dialog.close()
    _close(qtbot, again)


def test_system_theme_follows_the_operating_system_while_it_runs(qtbot):
    win = _window(qtbot)
    manager = theme.manager()
    assert manager.choice() == theme.SYSTEM and not _window_is_dark()
    switched = []
    manager.changed.connect(switched.append)
    manager.on_system_scheme_changed(Qt.ColorScheme.Dark)  # what QStyleHints.colorSchemeChanged calls
    assert _window_is_dark() and _background_is_dark(win.evaluate_page.confusion_plot)
    manager.on_system_scheme_changed(Qt.ColorScheme.Light)
    assert not _window_is_dark() and not _background_is_dark(win.evaluate_page.confusion_plot)
    assert switched == [True, False]
    theme.choose_theme(theme.LIGHT)  # a fixed choice no longer follows the system
    manager.on_system_scheme_changed(Qt.ColorScheme.Dark)
    assert not _window_is_dark()
    manager.changed.disconnect(switched.append)
    app_settings().setValue(theme.SETTINGS_KEY, "purple")  # a damaged value means "system"
    assert theme.saved_choice(app_settings()) == theme.SYSTEM
    _close(qtbot, win)


def _model_page_settings(model_page) -> list[str]:
    """The names of every setting the Model page can show (all tasks), as written on it."""
    form = model_page.settings_form
    names = []
    for row in range(form.rowCount()):
        for role in (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole, QFormLayout.ItemRole.SpanningRole):
            item = form.itemAt(row, role)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QCheckBox) or (isinstance(widget, QLabel) and role == QFormLayout.ItemRole.LabelRole):
                names.append(widget.text().split(" (")[0].strip())
    return [name for name in names if name]


def test_f1_opens_the_user_guide_which_explains_every_setting_and_the_folders(qtbot):
    win = _window(qtbot)
    qtbot.keyClick(win, Qt.Key.Key_F1)
    guide = win._user_guide
    assert guide is not None and guide.isVisible()
    text = guide.text()
    for step in ("Data", "Model", "Train", "Evaluate", "Playground"):
        assert step in text
    settings = _model_page_settings(win.model_page)
    assert {"Epochs", "Batch size", "Learning rate", "Device", "Mixed precision"} <= set(settings)
    missing = [name for name in settings if name.lower() not in text.lower()]
    assert not missing, f"the user guide does not explain {missing}"
    assert str(log_file_path()) in text and "{{" not in text  # this computer's folders are filled in
    assert "sub-folder" in text and "tab" in text and "UTF-8" in text
    assert guide_path("en").is_relative_to(resources_dir())  # packaging/modeldesk.spec ships resources/ whole
    spec = (Path(__file__).parent.parent / "packaging" / "modeldesk.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "resources"), "resources")' in spec
    guide.close()
    qtbot.keyClick(win, Qt.Key.Key_F1)
    assert win._user_guide is guide and guide.isVisible()  # one guide, brought back
    guide.close()
    _close(qtbot, win)


def test_show_log_file_opens_the_log_or_says_there_is_none(qtbot):
    opened: list[QUrl] = []
    win = _window(qtbot, open_url=lambda url: opened.append(url) or True)
    help_menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "&Help")
    titles = [a.text().replace("&", "") for a in help_menu.actions() if not a.isSeparator()]
    assert titles == ["User guide", "Show log file", "About ModelDesk"]

    assert not log_file_path().exists()
    win.log_file_action.trigger()
    box = win.findChild(QMessageBox, "logFileMessage")
    assert box is not None and box.isVisible() and "no log file yet" in box.text() and not opened
    box.close()

    log_file_path().parent.mkdir(parents=True, exist_ok=True)
    log_file_path().write_text("2026-01-01 INFO started\n", encoding="utf-8")
    win.log_file_action.trigger()
    assert opened == [QUrl.fromLocalFile(str(log_file_path()))]
    _close(qtbot, win)


MNEMONIC = re.compile(r"&([^&\s])")


def _mnemonic(text: str) -> str | None:
    match = MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _menu_actions(menu):
    for action in menu.actions():
        yield action
        if action.menu() is not None:
            yield from _menu_actions(action.menu())


def test_every_page_button_and_menu_item_can_be_reached_from_the_keyboard(qtbot):
    win = _window(qtbot)
    assert not win.windowIcon().isNull() and not win.windowIcon().pixmap(QSize(256, 256)).isNull()

    menu_letters = {_mnemonic(a.text()) for a in win.menuBar().actions()}
    checked = 0
    for index, name in enumerate(PAGE_NAMES):  # every page has a shortcut
        qtbot.keyClick(win, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert win.current_page_name() == name
        page = win.pages.currentWidget()
        # disabled buttons too: they are enabled later (the Model page's once the engine has loaded)
        buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisible()]
        checked += len(buttons)
        unreachable = [b.text() or b.objectName() for b in buttons if not b.focusPolicy() & Qt.FocusPolicy.TabFocus]
        assert not unreachable, f"{name}: Tab cannot reach {unreachable}"
        letters = Counter(m for m in (_mnemonic(b.text()) for b in buttons) if m)
        assert not [k for k, n in letters.items() if n > 1], f"{name}: mnemonics used twice: {letters}"
        assert not set(letters) & menu_letters, f"{name}: Alt+{set(letters) & menu_letters} also opens a menu"
        # every labelled push button has an underlined letter (Alt+letter), but for the drop zone's
        # (the same action as the button above it, which has one)
        without = [b.text() for b in buttons if isinstance(b, QPushButton) and b.text() and not _mnemonic(b.text())
                   and b.objectName() != "zoneButton"]
        assert not without, f"{name}: no Alt+letter for {without}"
    for panel in (win.playground_page.generator_panel, win.playground_page.translator_panel,
                  win.playground_page.writer_panel):  # the Playground's panels, shown one at a time
        letters = Counter(m for m in (_mnemonic(b.text()) for b in panel.findChildren(QPushButton)) if m)
        assert not [k for k, n in letters.items() if n > 1] and not set(letters) & menu_letters, (panel, letters)

    assert checked >= 15

    actions = list(_menu_actions(win.menuBar()))
    keys = Counter(k.toString() for a in actions for k in a.shortcuts() if not k.isEmpty())
    assert not [k for k, n in keys.items() if n > 1], keys
    for menu_action in [*win.menuBar().actions(), *(a for a in actions if a.menu() is not None)]:
        menu = menu_action.menu() if menu_action.menu() is not None else None
        items = menu.actions() if menu is not None else []
        letters = Counter(_mnemonic(a.text()) for a in items if not a.isSeparator())
        assert all(letters[k] == 1 for k in letters if k), (menu_action.text(), letters)
    assert len({_mnemonic(a.text()) for a in win.menuBar().actions()}) == len(win.menuBar().actions())
    assert {"Ctrl+O", "Ctrl+M", "Ctrl+Shift+O", "Ctrl+E", "F1"} <= set(keys)  # what dropping does, by keyboard
    assert win.preferences_action.shortcuts() and not win.preferences_action.shortcut().isEmpty()
    _close(qtbot, win)
