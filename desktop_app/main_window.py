"""The main window: a sidebar of pages, menus, a status bar naming the device, drag and drop.

Only the pages the window opens on are made before it is first shown; the others (and their
plots) are made by `build_all_pages()`, which `app.main` calls right after the first paint, or
as soon as anything asks for one of them, so the window appears sooner.
"""

from __future__ import annotations

import platform
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QStackedWidget, QVBoxLayout, QWidget)

from desktop_app import theme
from desktop_app.dialogs import show_error
from desktop_app.engine_loader import load_engine
from desktop_app.engine_words import say
from desktop_app.icons import app_icon
from desktop_app.pages.data_page import DataPage
from desktop_app.pages.model_page import ModelPage
from desktop_app.settings import app_settings, int_setting
from desktop_app.state import AppState, result_task
from desktop_app.workers import run_in_background
from engine import __version__

TEXT_SUFFIXES = (".txt", ".text", ".md", ".tsv", ".tab")  # dropped outside the Playground: a dataset
PAIR_SUFFIXES = (".tsv", ".tab")  # always sentence pairs
PAGE_NAMES = ("Data", "Model", "Train", "Evaluate", "Playground", "Runs")  # identifiers; shown through page_title
# The pages' names as shown, marked for translation (lupdate reads these; `page_title` translates).
PAGE_TITLES = {"Data": QT_TRANSLATE_NOOP("MainWindow", "Data"), "Model": QT_TRANSLATE_NOOP("MainWindow", "Model"),
               "Train": QT_TRANSLATE_NOOP("MainWindow", "Train"), "Evaluate": QT_TRANSLATE_NOOP("MainWindow", "Evaluate"),
               "Playground": QT_TRANSLATE_NOOP("MainWindow", "Playground"), "Runs": QT_TRANSLATE_NOOP("MainWindow", "Runs")}
PREFERENCES_FALLBACK = "Ctrl+,"  # where the platform has no standard Preferences key (Linux, Windows)
HELP_FALLBACK = "F1"
DEFERRED_PAGES = ("Train", "Evaluate", "Playground", "Runs")  # made after the first paint (see build_all_pages)


def _train_page(window: "MainWindow") -> QWidget:
    from desktop_app.pages.train_page import TrainPage

    page = TrainPage(window.state, window.model_page)
    page.open_in_playground.connect(window.open_model_in_playground)
    return page


def _evaluate_page(window: "MainWindow") -> QWidget:
    from desktop_app.pages.evaluate_page import EvaluatePage

    return EvaluatePage(window.state)


def _playground_page(window: "MainWindow") -> QWidget:
    from desktop_app.pages.playground_page import PlaygroundPage

    return PlaygroundPage(window.state)


def _runs_page(window: "MainWindow") -> QWidget:
    from desktop_app.pages.runs_page import RunsPage

    page = RunsPage(window.state)
    page.open_in_playground_requested.connect(window.open_model_in_playground)
    page.resume_requested.connect(window.resume_run)
    page.duplicate_requested.connect(window.duplicate_run_settings)
    return page


_PAGE_FACTORIES = {"Train": _train_page, "Evaluate": _evaluate_page, "Playground": _playground_page, "Runs": _runs_page}


def page_title(name: str) -> str:
    """The name of the page `name` (one of PAGE_NAMES) in the window's language."""
    return QCoreApplication.translate("MainWindow", PAGE_TITLES.get(name, name))


class MainWindow(QMainWindow):
    """The ModelDesk window. `start_engine_loading()` begins loading torch in the background."""

    def __init__(self, open_url: Callable[[QUrl], bool] | None = None) -> None:
        super().__init__()
        theme.apply_saved_theme()  # before any page: their plots take the theme's colours when made
        self.setWindowTitle("ModelDesk")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.open_url = open_url or QDesktopServices.openUrl  # replaced in tests
        self._user_guide = None
        self.state = AppState()
        self.data_page = DataPage(self.state)
        self.model_page = ModelPage(self.state)
        self._made: dict[str, QWidget] = {"Data": self.data_page, "Model": self.model_page}

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(130)
        self.pages = QStackedWidget()
        self._slots: dict[str, QVBoxLayout] = {}  # each page sits in a slot of the stack, filled when it is made
        for name in PAGE_NAMES:
            self.sidebar.addItem(QListWidgetItem(page_title(name)))
            slot = QWidget()
            self._slots[name] = QVBoxLayout(slot)
            self._slots[name].setContentsMargins(0, 0, 0, 0)
            self.pages.addWidget(slot)
            if name in self._made:
                self._slots[name].addWidget(self._made[name])
        self.sidebar.currentRowChanged.connect(self._on_row_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.engine_failed = False  # set when torch could not be loaded (training is then unavailable)
        self.device_label = QLabel(self.tr("Loading the training engine…"))
        self.statusBar().addPermanentWidget(self.device_label)
        self.state.status_message.connect(lambda text: self.statusBar().showMessage(say(text), 8000))
        self._build_menus()
        self._restore_settings()
        theme.restyle_plots(self)  # the first pages' plots, before the first paint

    # ----- pages ------------------------------------------------------------------------------
    def build_all_pages(self) -> None:
        """Make the pages not made yet (Train, Evaluate, Playground). All are made together, before
        anything they listen to can happen (a training needs the Train page), so none misses a signal."""
        if all(name in self._made for name in DEFERRED_PAGES):
            return
        for name in DEFERRED_PAGES:
            page = self._made[name] = _PAGE_FACTORIES[name](self)
            self._slots[name].addWidget(page)
        # after the Evaluate page's own slot, as before: it shows the result, then the window turns to it
        self.state.training_finished.connect(self._on_training_finished)
        theme.restyle_plots(self)  # plots whose page set fixed colours take the theme's

    def pages_made(self) -> list[str]:
        """The names of the pages made so far."""
        return [name for name in PAGE_NAMES if name in self._made]

    @property
    def train_page(self):
        """The Train page (made, with the other deferred pages, when first asked for)."""
        self.build_all_pages()
        return self._made["Train"]

    @property
    def evaluate_page(self):
        """The Evaluate page (made, with the other deferred pages, when first asked for)."""
        self.build_all_pages()
        return self._made["Evaluate"]

    @property
    def runs_page(self):
        """The Runs page (made, with the other deferred pages, when first asked for)."""
        self.build_all_pages()
        return self._made["Runs"]

    @property
    def playground_page(self):
        """The Playground page (made, with the other deferred pages, when first asked for)."""
        self.build_all_pages()
        return self._made["Playground"]

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_NAMES) and PAGE_NAMES[row] not in self._made:
            self.build_all_pages()
        self.pages.setCurrentIndex(row)

    def show_page(self, name: str) -> None:
        """Switch to the page called `name` (one of PAGE_NAMES)."""
        self.sidebar.setCurrentRow(PAGE_NAMES.index(name))

    def current_page_name(self) -> str:
        return PAGE_NAMES[self.pages.currentIndex()]

    def _on_training_finished(self, result) -> None:
        """A classifier is evaluated next; a GAN's pictures and a translator's sample translations
        stay in view on the Train page (its Open in Playground button leads on)."""
        if result_task(result) == "classify":
            self.show_page("Evaluate")

    def open_model_in_playground(self, path: str) -> None:
        """Show the Playground with the ONNX model at `path` (a trained generator or translator:
        the Train page's Open in Playground)."""
        self.show_page("Playground")
        self.playground_page.open_model(str(path))

    open_generator_in_playground = open_model_in_playground  # the name used before translators existed

    # ----- runs -------------------------------------------------------------------------------
    def resume_run(self, checkpoint: str, total_epochs: int) -> bool:
        """Continue the run that `checkpoint` (RUN/checkpoints/last.pt) belongs to until it has
        `total_epochs` epochs, on the Train page: same optimizer state, its own dataset."""
        import json

        from engine.train.config import TrainConfig

        try:
            saved = json.loads((Path(checkpoint).parent.parent / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        config = TrainConfig(task=str(saved.get("task") or "classify"), epochs=int(total_epochs), dataset=None, model=None)
        if self.train_page.start_training(config, resume_from=str(checkpoint)):
            self.show_page("Train")
            return True
        return False

    def duplicate_run_settings(self, config: dict) -> None:
        """Put a run's dataset, model and settings on the Data and Model pages for a new run."""
        task, dataset = str(config.get("task") or "classify"), str(config.get("dataset") or "")
        if self.state.is_training:
            self.state.status_message.emit(self.tr("Stop the training before copying another run's settings."))
            return
        self.state.set_task(task)
        self.model_page.apply_settings(config)
        if dataset and dataset != self.state.dataset_spec:
            self.data_page.load_spec(dataset)
        self.show_page("Model")
        self.state.status_message.emit(self.tr("The settings of that run are on the Model page ({model} on {dataset}); "
                                               "press Start on the Train page to train again.").format(
                                                   model=config.get("model"), dataset=dataset))

    # ----- engine -----------------------------------------------------------------------------
    def start_engine_loading(self) -> None:
        """Load torch and the models in the background; training is enabled when ready. Makes
        every page first, so all of them hear that the engine is ready."""
        self.build_all_pages()
        self._engine_task = run_in_background(load_engine, name="load-engine", on_success=self._engine_loaded,
                                              on_failure=self._engine_failed, parent=self)

    def _engine_loaded(self, info) -> None:
        self.device_label.setText(self.tr("Device: {device}").format(device=say(info.device)))
        self.state.set_engine(info)

    def _engine_failed(self, error) -> None:
        self.engine_failed = True
        self.device_label.setText(self.tr("Training engine unavailable"))
        show_error(self, "ModelDesk", self.tr("The training engine could not be loaded, so training is unavailable."),
                   error.details)

    # ----- menus ------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut=None, fallback: str | None = None) -> QAction:
        """A menu item; `shortcut` a key sequence or standard key, `fallback` the keys used when the
        platform has no binding for that standard key."""
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys = QKeySequence.keyBindings(shortcut)
            action.setShortcuts(keys or ([QKeySequence(fallback)] if fallback else []))
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("Open image &folder…"), self.data_page.choose_folder, QKeySequence.StandardKey.Open)
        self._action(file_menu, self.tr("Open ONNX &model…"), self._choose_model_for_playground, "Ctrl+M")
        self._action(file_menu, self.tr("Open &pictures in the Playground…"), self._choose_pictures_for_playground, "Ctrl+Shift+O")
        self.export_action = self._action(file_menu, self.tr("&Export model to ONNX…"), lambda: self.evaluate_page.export_model(), "Ctrl+E")
        file_menu.addSeparator()
        self.preferences_action = self._action(file_menu, self.tr("P&references…"), self.show_preferences,
                                               QKeySequence.StandardKey.Preferences, PREFERENCES_FALLBACK)
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)  # the application menu on macOS
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        train_menu = bar.addMenu(self.tr("&Training"))
        self._action(train_menu, self.tr("&Start"), lambda: self.train_page.start_training(), "Ctrl+R")
        self._action(train_menu, self.tr("&Pause / Resume"), lambda: self.train_page.toggle_pause(), "Ctrl+P")
        self._action(train_menu, self.tr("S&top"), lambda: self.train_page.stop_training(), "Ctrl+.")
        view_menu = bar.addMenu(self.tr("&View"))
        for index, name in enumerate(PAGE_NAMES):
            self._action(view_menu, f"&{index + 1} {page_title(name)}", lambda checked=False, n=name: self.show_page(n), f"Ctrl+{index + 1}")
        help_menu = bar.addMenu(self.tr("&Help"))
        self.user_guide_action = self._action(help_menu, self.tr("&User guide"), self.show_user_guide,
                                              QKeySequence.StandardKey.HelpContents, HELP_FALLBACK)
        self.log_file_action = self._action(help_menu, self.tr("Show &log file"), self.show_log_file)
        help_menu.addSeparator()
        about = self._action(help_menu, self.tr("&About ModelDesk"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def about_text(self) -> str:
        """The About box text, with the versions of everything that matters."""
        import PySide6

        from desktop_app.plotting import pg as pyqtgraph

        info = self.state.engine
        lines = [f"<b>ModelDesk {__version__}</b>", self.tr("Train, watch, export and run neural networks without writing code."), "",
                 f"Python {platform.python_version()}", f"Qt (PySide6) {PySide6.__version__}", f"pyqtgraph {pyqtgraph.__version__}"]
        if info is not None:
            lines += [f"PyTorch {info.torch_version}", f"ONNX Runtime {info.onnxruntime_version}", self.tr("Device: {device}").format(device=say(info.device))]
        return "<br>".join(lines)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About ModelDesk"), self.about_text(), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()

    def _choose_model_for_playground(self) -> None:
        self.show_page("Playground")
        self.playground_page.choose_model()

    def _choose_pictures_for_playground(self) -> None:
        """The keyboard's way to what dropping pictures onto the Playground does."""
        self.show_page("Playground")
        self.playground_page.choose_pictures()

    # ----- preferences and help ---------------------------------------------------------------
    def show_preferences(self):
        """Open the Preferences dialog (its choices apply at once); returns it."""
        from desktop_app.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_user_guide(self):
        """Show the user guide beside the window (one, brought to the front if already open); returns it."""
        from desktop_app.user_guide import UserGuideDialog

        if self._user_guide is None:
            self._user_guide = UserGuideDialog(self)
        self._user_guide.show()
        self._user_guide.raise_()
        self._user_guide.activateWindow()
        return self._user_guide

    def show_log_file(self) -> bool:
        """Open the log file in the system's viewer (through `open_url`); returns whether it was."""
        from desktop_app.user_guide import show_log_file

        return show_log_file(self, self.open_url)

    # ----- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() and Path(url.toLocalFile()).exists() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """A model (or pictures while the playground is shown) goes to the playground; a
        folder elsewhere becomes the training dataset, and so does a text file: sentence pairs
        while the task is translation, else a text to learn to write like."""
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        paths = [path for path in paths if path.exists()]
        if not paths:
            return
        event.acceptProposedAction()
        has_model = any(path.suffix.lower() == ".onnx" for path in paths)
        text = next((path for path in paths if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES), None)
        if text is not None and not has_model and self.current_page_name() != "Playground":
            self.show_page("Data")
            pairs = self.state.task == "translate" or text.suffix.lower() in PAIR_SUFFIXES
            self.data_page.load_spec(f"{'tsv' if pairs else 'text'}:{text}")
            return
        if has_model or self.current_page_name() == "Playground" or not any(path.is_dir() for path in paths):
            self.show_page("Playground")
            self.playground_page.add_paths([str(path) for path in paths])
            return
        folder = next(path for path in paths if path.is_dir())
        self.show_page("Data")
        self.data_page.load_spec(f"folder:{folder}")

    # ----- settings and closing ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = app_settings()
        geometry = settings.value("window/geometry")
        size = settings.value("window/size")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # position, screen, maximised
            if isinstance(size, QSize) and not self.isMaximized():
                self.resize(size)  # restoreGeometry shrinks windows larger than the screen it assumes
        else:
            self.resize(1180, 780)
        page = int_setting(settings, "window/page", 0)
        self.sidebar.setCurrentRow(page if 0 <= page < self.sidebar.count() else 0)

    def save_settings(self) -> None:
        settings = app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/size", self.size())
        settings.setValue("window/page", self.pages.currentIndex())
        self.data_page.save_settings(settings)
        self.model_page.save_settings(settings)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        train = self._made.get("Train")
        if train is not None and train.is_running():
            answer = QMessageBox.question(
                self, self.tr("Training is running"),
                self.tr("Training is still running. Stop it and close? The last finished epoch is kept and can be "
                        "resumed later."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            train.stop_and_wait()
        self.data_page.cancel_loading()
        if "Playground" in self._made:
            self.playground_page.cancel_work(wait=True)
        self.save_settings()
        event.accept()
