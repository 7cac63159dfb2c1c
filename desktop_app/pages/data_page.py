"""The Data page: choose a task and a dataset, see what is in it.

Lists come from `engine.data.registry`, so a new dataset source appears here without a GUI
edit. Loading runs through `desktop_app.workers`; this module only touches widgets in the GUI
thread. Importing it must not import torch (it is on the window's start path): only numpy,
Qt, pyqtgraph and `engine.data.*`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, QRect,
                            QSettings, QSize, Qt)
from PySide6.QtGui import QFontMetrics, QPixmap
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFrame, QGroupBox, QHBoxLayout, QLabel, QLayout,
                               QLayoutItem, QProgressBar, QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from desktop_app.dialogs import show_error
from desktop_app.images import array_to_pixmap
from desktop_app.engine_words import say_all
from desktop_app.pages.translate_data_sources import (NUMBERS_SOURCE, SENTENCES_SOURCE, NumbersDirection,
                                                      SentenceFileChooser, direction_title, file_caption)
from desktop_app.i18n import plural
from desktop_app.run_words import task_name
from desktop_app.settings import app_settings
from desktop_app.theme import set_tone
from desktop_app.state import AppState
from desktop_app.workers import TaskError, run_in_background
from engine.data import registry  # called as `registry.load_dataset` so tests can replace it
from engine.data.corpus import TextCorpus
from engine.data.text import ParallelData
from engine.train.config import TASKS

SETTINGS_KEY = "data/spec"  # the pictures' dataset; other kinds of task remember theirs under "data/spec_<task>"
TASK_KEY = "data/task"
FOLDER_KEY = "data/last_folder"
SENTENCE_FILE_KEY = "data/last_sentence_file"
TEXT_FILE_KEY = "data/last_text_file"
DEFAULT_SPEC = "digits"
FOLDER_SOURCE = "folder"  # the registry name behind "Your own images…"
TEXT_SOURCE = "text"  # the registry name behind "Your own text…"

SAMPLE_COUNT = 24  # images in the sample grid
SAMPLE_PIXELS = 56  # each sample is shown this many pixels wide
SLANTED_MAX = 110  # slanted class names on the chart are shortened to this many pixels
LEVEL_MIN = 70  # class names stay level (shortened if needed) when each bar has this many pixels
GROUP_MAX = 6  # at most this many samples of one class side by side
SMALL_CLASS = 10  # fewer training images than this earns a warning
VALIDATION_SHARE = 0.2  # TrainConfig.val_split: held out when a dataset has no test split

# The texts in these tables are English, marked for translation (context "DataPage"); they are
# translated where they are shown, with QCoreApplication.translate("DataPage", text).
DATASET_TITLES = {
    "digits": QT_TRANSLATE_NOOP("DataPage", "Handwritten digits (bundled)"),
    "mnist": QT_TRANSLATE_NOOP("DataPage", "MNIST handwritten digits"),
    "fashion-mnist": QT_TRANSLATE_NOOP("DataPage", "Fashion-MNIST clothing"),
    "cifar10": QT_TRANSLATE_NOOP("DataPage", "CIFAR-10 small photos"),
    NUMBERS_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Numbers in words (bundled)"),
    SENTENCES_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own sentence pairs"),
    "fables": QT_TRANSLATE_NOOP("DataPage", "Aesop's Fables (bundled)"),
    TEXT_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own text"),
}
# Entries in the dataset list whose title or text differ from the registry's.
SOURCE_TITLES = {
    FOLDER_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own images…"),
    SENTENCES_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own sentence pairs…"),
    TEXT_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own text…"),
}
SOURCE_TEXTS = {
    FOLDER_SOURCE: QT_TRANSLATE_NOOP("DataPage", "A folder with one sub-folder of pictures per class (cats, dogs, "
                                                 "…), optionally split into train and test. You can also drop a "
                                                 "folder onto the window."),
    NUMBERS_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Numbers written out in words ('forty-two' → 'quarante-deux'). "
                                                  "Bundled and offline; a translator learns them in a minute or two."),
    SENTENCES_SOURCE: QT_TRANSLATE_NOOP("DataPage", "A TSV or Anki file: a sentence, a tab and its translation on "
                                                    "each line (like the Tatoeba downloads). Or two files with one "
                                                    "sentence a line."),
    "fables": QT_TRANSLATE_NOOP("DataPage", "About 100 short fables in old-fashioned English, bundled and offline; a "
                                            "model learns to write fable-like sentences in about a minute."),
    TEXT_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Any text saved as UTF-8 (.txt): a book, poems, recipes, song lyrics. "
                                               "The model learns to write in its style; a few hundred KB works best. "
                                               "You can also drop a .txt file onto the window."),
}
# The registry's descriptions, copied so that they can be translated: the tooltips in the dataset
# list, and the texts of the entries not in SOURCE_TEXTS. A copy is used only while it is still
# the registry's English word for word (else the registry's own text is shown).
REGISTRY_TEXTS = {
    "digits": QT_TRANSLATE_NOOP("DataPage", "1,797 small handwritten digits (8x8 pixels), bundled: trains in seconds, "
                                            "works offline."),
    "mnist": QT_TRANSLATE_NOOP("DataPage", "70,000 handwritten digits (28x28 pixels, 10 classes), downloaded once "
                                           "(about 11 MB)."),
    "fashion-mnist": QT_TRANSLATE_NOOP("DataPage", "70,000 small photos of clothing in 10 kinds (28x28 pixels), "
                                                   "downloaded once (about 30 MB)."),
    "cifar10": QT_TRANSLATE_NOOP("DataPage", "60,000 small colour photos in 10 classes such as cats, ships and trucks "
                                             "(32x32 pixels), downloaded once (about 170 MB)."),
    FOLDER_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own pictures: a folder with one sub-folder per class (cats/, "
                                                 "dogs/, ...), optionally split into train/ and test/."),
    NUMBERS_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Numbers written out in words, English to French, German or Spanish "
                                                  "(numbers:en-fr): bundled, trains a translator in a minute, works "
                                                  "offline."),
    SENTENCES_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own sentence pairs for translation: a text file with a "
                                                    "sentence, a tab and its translation on each line (like the "
                                                    "Tatoeba/Anki downloads), or two files with one sentence a line "
                                                    "(tsv:train.en|train.fr)."),
    "fables": QT_TRANSLATE_NOOP("DataPage", "Aesop's Fables (G. F. Townsend's 1867 translation, public domain), about "
                                            "60 KB of English prose, bundled: trains a text generator in half a "
                                            "minute, works offline."),
    TEXT_SOURCE: QT_TRANSLATE_NOOP("DataPage", "Your own text for a text generator: any UTF-8 text file (text:PATH), "
                                               "such as a book from Project Gutenberg; a few hundred KB in one style "
                                               "works best."),
}
TEXT_FILTER = QT_TRANSLATE_NOOP("DataPage", "Text files (*.txt *.md *.text);;All files (*)")
SENTENCE_FILTER = QT_TRANSLATE_NOOP("DataPage", "Sentence pairs (*.txt *.tsv *.tab *.csv);;All files (*)")


# ----- plain helpers (no widgets) ------------------------------------------------------------
def _tr(text: str) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP in a table above) in the window's language."""
    return QCoreApplication.translate("DataPage", text)


def dataset_title(spec: str | None) -> str:
    """A friendly title for a dataset spec ('MNIST handwritten digits', 'Your images: pets')."""
    if not spec:
        return QCoreApplication.translate("DataPage", "No dataset")
    name, _, argument = spec.partition(":")
    if name == FOLDER_SOURCE and argument:
        title = QCoreApplication.translate("DataPage", "Your images: {name}")
        return title.format(name=Path(argument).name or argument)
    if name == NUMBERS_SOURCE and argument:
        title = QCoreApplication.translate("DataPage", "Numbers in words: {direction}")
        return title.format(direction=direction_title(argument))
    if name == SENTENCES_SOURCE and argument:
        title = QCoreApplication.translate("DataPage", "Your sentence pairs: {names}")
        return title.format(names=" + ".join(Path(part).name or part for part in argument.split("|")))
    if name == TEXT_SOURCE and argument:
        title = QCoreApplication.translate("DataPage", "Your text: {name}")
        return title.format(name=Path(argument).name or argument)
    return _tr(DATASET_TITLES[name]) if name in DATASET_TITLES else name


def registry_text(info: registry.DatasetInfo) -> str:
    """The registry's description of a dataset in the window's language (its English when the
    page has no translation of that very text)."""
    copy = REGISTRY_TEXTS.get(info.name)
    return _tr(copy) if copy is not None and copy == info.description else info.description


def _source_name(spec: str | None) -> str:
    return (spec or "").partition(":")[0].strip().lower()


def spec_key(task: str) -> str:
    """Where the settings remember the dataset of `task`: picture tasks share one."""
    return SETTINGS_KEY if task in registry.IMAGE_TASKS else f"{SETTINGS_KEY}_{task}"


def default_spec(task: str) -> str:
    """The dataset a task starts with: the digits for pictures, else the task's first dataset
    that needs no file (`numbers:en-fr` for translation)."""
    if task in registry.IMAGE_TASKS:
        return DEFAULT_SPEC
    for info in registry.list_datasets(task):
        if not info.takes_argument:
            return info.name
        if info.default_argument:
            return f"{info.name}:{info.default_argument}"
    return DEFAULT_SPEC


def spec_tasks(spec: str | None, data: Any = None) -> tuple[str, ...]:
    """What a dataset can train: the registry's word for its name, else judged by the data."""
    name = _source_name(spec)
    info = next((info for info in registry.list_datasets() if info.name == name), None)
    if info is not None:
        return tuple(info.tasks)
    if data is None:
        return ()
    if isinstance(data, TextCorpus):
        return ("textgen",)
    return ("translate",) if isinstance(data, ParallelData) else tuple(registry.IMAGE_TASKS)


def _images(count: int) -> str:
    """'1,797 images' in the window's language."""
    return plural(count, QCoreApplication.translate("DataPage", "{count} image"),
                   QCoreApplication.translate("DataPage", "{count} images"))


def summary_text(data: Any, task: str = "classify") -> str:
    """One line for people: how many images, classes, their size and colour, and the splits
    (a GAN has nothing to validate: it learns from every picture). For sentence pairs: how many,
    which languages, and how they are split."""
    if isinstance(data, ParallelData):
        from desktop_app.pages.sentence_pairs_view import pairs_summary

        return pairs_summary(data)
    if isinstance(data, TextCorpus):
        from desktop_app.pages.text_corpus_view import corpus_summary

        return corpus_summary(data)
    height, width = data.image_size
    if data.channels == 1:
        colour = QCoreApplication.translate("DataPage", "grayscale")
    else:
        colour = QCoreApplication.translate("DataPage", "colour")
    classes = plural(data.num_classes, QCoreApplication.translate("DataPage", "{count} class"),
                      QCoreApplication.translate("DataPage", "{count} classes"))
    shape = QCoreApplication.translate("DataPage", "{classes}, {width}x{height} pixels, {colour}.").format(
        classes=classes, width=width, height=height, colour=colour)
    train = len(data.train_labels)
    if task == "gan":
        total = train + (0 if data.test_labels is None else len(data.test_labels))
        text = QCoreApplication.translate("DataPage", "{images}, {shape} The generator learns to draw from all of "
                                                      "them.")
        return text.format(images=_images(total), shape=shape)
    if data.test_labels is None or len(data.test_labels) == 0:
        text = QCoreApplication.translate("DataPage", "{images}, {shape} No test split: {share} of the images are "
                                                      "held out for validation.")
        return text.format(images=_images(train), shape=shape, share=f"{VALIDATION_SHARE:.0%}")
    test = plural(len(data.test_labels), QCoreApplication.translate("DataPage", "{count} test image"),
                   QCoreApplication.translate("DataPage", "{count} test images"))
    text = QCoreApplication.translate("DataPage", "{train} training and {test}, {shape} The test images measure how "
                                                  "well the model does on pictures it has not seen.")
    return text.format(train=f"{train:,}", test=test, shape=shape)


def warning_lines(data: Any) -> list[str]:
    """What the user should know about the data, in plain words (duplicates removed)."""
    if isinstance(data, ParallelData):
        from desktop_app.pages.sentence_pairs_view import pair_warnings

        return pair_warnings(data)
    if isinstance(data, TextCorpus):
        return say_all(data.warnings)
    said = " ".join(data.warnings or [])  # the engine's English, whatever the window's language
    lines = say_all(data.warnings or [])
    skipped = int(data.skipped_files or 0)
    if skipped and "could not be read" not in said:
        lines.append(plural(skipped, QCoreApplication.translate("DataPage", "{count} file could not be read and was "
                                                                             "skipped."),
                             QCoreApplication.translate("DataPage", "{count} files could not be read and were "
                                                                    "skipped.")))
    counts = data.class_counts("train")
    small = [i for i in range(data.num_classes) if counts[i] < SMALL_CLASS and f"'{data.classes[i]}'" not in said]
    for i in small[:5]:
        count = int(counts[i])
        if count == 0:
            text = QCoreApplication.translate("DataPage", "The class '{name}' has no images; the model will struggle "
                                                          "to learn it.")
        elif count == 1:
            text = QCoreApplication.translate("DataPage", "The class '{name}' has only {count} image; the model will "
                                                          "struggle to learn it.")
        else:
            text = QCoreApplication.translate("DataPage", "The class '{name}' has only {count} images; the model will "
                                                          "struggle to learn it.")
        lines.append(text.format(name=data.classes[i], count=f"{count:,}"))
    if len(small) > 5:
        more = len(small) - 5
        if more == 1:
            text = QCoreApplication.translate("DataPage", "{count} more class has fewer than {minimum} images; the "
                                                          "model will struggle to learn it.")
        else:
            text = QCoreApplication.translate("DataPage", "{count} more classes have fewer than {minimum} images; the "
                                                          "model will struggle to learn them.")
        lines.append(text.format(count=f"{more:,}", minimum=SMALL_CLASS))
    return lines


def pick_samples(labels: np.ndarray, num_classes: int, count: int = SAMPLE_COUNT) -> np.ndarray:
    """Indices of about `count` images: the same number from each class (one each from classes
    spread evenly over the list when there are more classes than `count`), chosen the same way
    every time, ordered by class."""
    labels = np.asarray(labels)
    if num_classes > count:
        classes = np.unique(np.linspace(0, num_classes - 1, count).round().astype(int))
    else:
        classes = np.arange(num_classes)
    per_class = max(1, round(count / max(1, num_classes)))
    rng = np.random.default_rng(0)
    picked = [rng.permutation(np.flatnonzero(labels == c))[:per_class] for c in classes]
    return np.concatenate(picked).astype(np.int64) if picked else np.zeros(0, dtype=np.int64)


# ----- a layout that wraps its items like words in a line -------------------------------------
class FlowLayout(QLayout):
    """Places fixed-size widgets left to right, starting a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height, gap = area.x(), area.y(), 0, self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and row_height > 0:
                x, y, row_height = area.x(), y + row_height + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


# ----- the page ---------------------------------------------------------------------------------
class DataPage(QWidget):
    """Task and dataset chooser, background loading with progress and Cancel, and an overview
    of the loaded data: summary, warnings, sample images and images per class (pictures), or
    sample sentence pairs and sentence lengths (translation)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._task = None
        self._token: object | None = None  # identifies the load in progress; None when idle
        self._cancelled = False
        self._fallback_on_failure = False  # load digits if the remembered dataset fails at start
        self._sources: list[registry.DatasetInfo] = []
        self._loading_spec: str | None = None
        self._classes: list[str] = []
        self.folder_description: QLabel | None = None
        self._folder_text = ""
        self.sentence_description: QLabel | None = None
        self._sentence_text = ""
        self.text_description: QLabel | None = None
        self._text_description_text = ""
        self._task_specs: dict[str, str] = {}  # per task: the last dataset shown for it

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel(self.tr("<h2>Data</h2>")))
        columns = QHBoxLayout()
        columns.addWidget(self._build_chooser(), 1)  # a quarter of the width, 250 to 310 pixels
        columns.addWidget(self._build_overview(), 3)
        layout.addLayout(columns, 1)

        state.dataset_changed.connect(self._show_dataset)
        state.training_running.connect(lambda _running: self._update_enabled())
        state.task_changed.connect(self._show_task)
        self._fill_tasks()
        self._show_dataset(state.dataset_spec, state.dataset)

    # ----- construction -----------------------------------------------------------------------
    def _build_chooser(self) -> QWidget:
        panel = QWidget()
        panel.setMinimumWidth(250)
        panel.setMaximumWidth(310)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)

        task_row = QHBoxLayout()
        task_label = QLabel(self.tr("Task:"))
        self.task_combo = QComboBox()
        self.task_combo.setToolTip(self.tr("What the model should learn to do.\n"
                                           "Image classification: tell which class a picture shows.\n"
                                           "Image generation (GAN): draw new pictures that look like the dataset's.\n"
                                           "Translation: turn sentences in one language into another.\n"
                                           "Text generation: learn to write text in the style of a text you give it."))
        self.task_combo.currentIndexChanged.connect(self._fill_sources)
        self.task_combo.currentIndexChanged.connect(self._on_task_chosen)
        task_label.setBuddy(self.task_combo)
        task_row.addWidget(task_label)
        task_row.addWidget(self.task_combo, 1)
        layout.addLayout(task_row)

        box = QGroupBox(self.tr("Dataset"))
        box_layout = QVBoxLayout(box)
        self.dataset_list = QWidget()
        self.dataset_list.setObjectName("datasetList")
        self._list_layout = QVBoxLayout(self.dataset_list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(2)
        self.dataset_buttons = QButtonGroup(self)
        self.dataset_buttons.buttonClicked.connect(self._on_source_clicked)
        # placed under their entries by _fill_sources, kept (with what they hold) between tasks
        self.numbers_direction = NumbersDirection(self.dataset_list)
        self.numbers_direction.direction_chosen.connect(self.choose_direction)
        self.sentence_chooser = SentenceFileChooser(self.dataset_list)
        self.sentence_chooser.restore_settings(app_settings())
        self.sentence_chooser.file_requested.connect(self.choose_sentence_file)
        self.sentence_chooser.files_requested.connect(self.choose_sentence_files)
        self.sentence_chooser.options_changed.connect(self._on_sentence_options_changed)
        self._source_extras = {NUMBERS_SOURCE: self.numbers_direction, SENTENCES_SOURCE: self.sentence_chooser}
        for widget in self._source_extras.values():
            widget.hide()
        box_layout.addWidget(self.dataset_list)
        self.folder_button = QPushButton(self.tr("Choose a f&older…"))
        self.folder_button.setToolTip(self.tr("Pick a folder with one sub-folder of pictures per class. "
                                              "You can also drop a folder onto the window."))
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(22, 0, 0, 0)
        folder_row.addWidget(self.folder_button)
        folder_row.addStretch(1)
        box_layout.addLayout(folder_row)
        layout.addWidget(box)

        self.loading_box = QWidget()
        loading_layout = QVBoxLayout(self.loading_box)
        loading_layout.setContentsMargins(0, 4, 0, 0)
        self.loading_label = QLabel("")
        self.loading_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setFormat("%p%")
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop loading; the dataset you had stays selected. "
                                              "A partly downloaded file is kept and resumed next time."))
        self.cancel_button.clicked.connect(self.cancel_loading)
        row = QHBoxLayout()
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.cancel_button)
        loading_layout.addWidget(self.loading_label)
        loading_layout.addLayout(row)
        self.loading_box.hide()
        self.progress_bar.hide()
        self.cancel_button.hide()
        layout.addWidget(self.loading_box)
        layout.addStretch(1)
        return panel

    def _build_overview(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 0, 0, 0)
        self.heading_label = QLabel("")
        self.heading_label.setObjectName("datasetHeading")
        self.heading_label.setTextFormat(Qt.TextFormat.RichText)
        self.heading_label.setWordWrap(True)
        self.summary_label = QLabel("")
        self.summary_label.setObjectName("datasetSummary")
        self.summary_label.setWordWrap(True)
        self.warnings_label = QLabel("")
        self.warnings_label.setObjectName("datasetWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.RichText)
        set_tone(self.warnings_label, "warning")  # a yellow box, dark or light with the theme
        self.warnings_label.hide()
        layout.addWidget(self.heading_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.warnings_label)

        self.samples_box = QGroupBox(self.tr("Examples"))
        samples_layout = QVBoxLayout(self.samples_box)
        self.sample_grid = QWidget()
        self.sample_grid.setObjectName("sampleGrid")
        self._flow = FlowLayout(self.sample_grid, spacing=14)
        self._flow.setContentsMargins(0, 0, 0, 0)
        samples_layout.addWidget(self.sample_grid)
        layout.addWidget(self.samples_box)

        self.chart_box = QGroupBox(self.tr("Training images per class"))
        chart_layout = QVBoxLayout(self.chart_box)
        self._chart_layout = chart_layout
        self._chart: tuple | None = None  # (chart, axis, bars), made with the first dataset shown
        layout.addWidget(self.chart_box, 1)

        self._overview_layout = layout
        self._pairs_view: QWidget | None = None  # the text views are made when first needed
        self._text_view: QWidget | None = None
        return panel

    # ----- parts made when first needed (each holds pyqtgraph plots: not on the start path) -------
    @property
    def class_chart(self):
        """The bar chart of training images per class."""
        return self._class_chart_parts()[0]

    @property
    def class_axis(self):
        """The chart's bottom axis (class names)."""
        return self._class_chart_parts()[1]

    @property
    def class_bars(self):
        """The chart's bars."""
        return self._class_chart_parts()[2]

    def _class_chart_parts(self) -> tuple:
        if self._chart is None:
            from desktop_app.pages.class_chart import make_class_chart

            self._chart = make_class_chart(self.tr("images"))
            self._chart[0].installEventFilter(self)
            self._chart_layout.addWidget(self._chart[0])
        return self._chart

    @property
    def pairs_view(self):
        """Sample sentence pairs and their lengths (translation datasets): a SentencePairsView."""
        if self._pairs_view is None:
            from desktop_app.pages.sentence_pairs_view import SentencePairsView

            self._pairs_view = self._add_view(SentencePairsView())
        return self._pairs_view

    @property
    def text_view(self):
        """A text's preview and character counts (text-generation datasets): a TextCorpusView."""
        if self._text_view is None:
            from desktop_app.pages.text_corpus_view import TextCorpusView

            self._text_view = self._add_view(TextCorpusView())
        return self._text_view

    def _add_view(self, view: QWidget) -> QWidget:
        view.hide()
        self._overview_layout.addWidget(view, 1)
        return view

    def _hide_text_views(self) -> None:
        for view in (self._pairs_view, self._text_view):
            if view is not None:
                view.hide()

    # ----- public API -------------------------------------------------------------------------
    def load_initial(self) -> None:
        """Load the last dataset that loaded successfully for the task (the bundled digits, or
        the numbers for translation, the first time)."""
        task = self._state.task
        spec = self._remembered_spec(task)
        self.load_spec(spec)
        self._fallback_on_failure = spec != default_spec(task)

    def load_spec(self, spec: str) -> None:
        """Load `spec` ('digits', 'mnist', 'folder:/path', ...) in the background; a load
        already running is cancelled and replaced."""
        spec = spec.strip()
        self._fallback_on_failure = False
        if self._state.is_training:
            self._state.status_message.emit(self.tr("Stop the training before choosing another dataset."))
            self._select_spec(self._state.dataset_spec)
            return
        if self._task is not None:
            self._task.cancel()
        token = self._token = object()
        self._cancelled = False
        self._loading_spec = spec
        self._select_spec(spec)
        self.loading_label.setText(self.tr("Loading {dataset}…").format(dataset=dataset_title(spec)))
        self.progress_bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button.setEnabled(True)
        for widget in (self.loading_box, self.progress_bar, self.cancel_button):
            widget.show()
        self._update_enabled()
        if self._task is None:
            self._state.dataset_loading.emit(True)

        extra = self.sentence_chooser.load_options() if _source_name(spec) == SENTENCES_SOURCE else {}

        def work(ctx):
            options = registry.LoadOptions(progress=ctx.progress, should_cancel=ctx.should_cancel, **extra)
            return registry.load_dataset(spec, options)

        self._task = run_in_background(
            work, name="load-dataset",
            on_success=lambda data: self._on_loaded(token, spec, data, extra),
            on_failure=lambda error: self._on_failed(token, spec, error),
            on_progress=lambda done, total: self._on_progress(token, done, total),
            parent=self)

    def choose_folder(self) -> None:
        """Ask for a folder of images (one sub-folder per class) and load it."""
        settings = app_settings()
        start = str(settings.value(FOLDER_KEY, "") or Path.home())
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder with one sub-folder of pictures per class"), start)
        if not path:
            self._select_spec(self._loading_spec or self._state.dataset_spec)
            return
        settings.setValue(FOLDER_KEY, path)
        self.load_spec(f"{FOLDER_SOURCE}:{path}")

    def choose_sentence_file(self) -> None:
        """Ask for a file of sentence pairs (sentence, tab, translation) and load it."""
        settings = app_settings()
        start = str(settings.value(SENTENCE_FILE_KEY, "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file with a sentence and its translation on each line"), start,
            _tr(SENTENCE_FILTER))
        if not path:
            self._select_spec(self._loading_spec or self._state.dataset_spec)
            return
        settings.setValue(SENTENCE_FILE_KEY, path)
        self.load_spec(f"{SENTENCES_SOURCE}:{path}")

    def choose_text_file(self) -> None:
        """Ask for a text file (UTF-8) for a text generator to learn from, and load it."""
        settings = app_settings()
        start = str(settings.value(TEXT_FILE_KEY, "") or Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a text file (saved as UTF-8) to learn to write like"), start, _tr(TEXT_FILTER))
        if not path:
            self._select_spec(self._loading_spec or self._state.dataset_spec)
            return
        settings.setValue(TEXT_FILE_KEY, path)
        self.load_spec(f"{TEXT_SOURCE}:{path}")

    def choose_sentence_files(self) -> None:
        """Ask for two aligned files (one sentence a line; line i of the second translates line
        i of the first) and load them as one dataset."""
        settings = app_settings()
        start = str(settings.value(SENTENCE_FILE_KEY, "") or Path.home())
        first, _ = QFileDialog.getOpenFileName(
            self, self.tr("Step 1 of 2: choose the file with the sentences to translate (one a line)"), start,
            _tr(SENTENCE_FILTER))
        second = ""
        if first:
            second, _ = QFileDialog.getOpenFileName(
                self, self.tr("Step 2 of 2: choose the file with their translations, in the same order"),
                str(Path(first).parent), _tr(SENTENCE_FILTER))
        if not first or not second:
            self._select_spec(self._loading_spec or self._state.dataset_spec)
            return
        settings.setValue(SENTENCE_FILE_KEY, second)
        self.load_spec(f"{SENTENCES_SOURCE}:{first}|{second}")

    def choose_direction(self, direction: str) -> None:
        """Show the bundled numbers in `direction` ("en-de"; see engine.data.text.NUMBER_PAIRS),
        loading them unless they are shown (or loading) already."""
        self.numbers_direction.set_direction(direction)
        spec = f"{NUMBERS_SOURCE}:{direction}"
        if spec != (self._loading_spec or self._state.dataset_spec):
            self.load_spec(spec)

    def save_settings(self, settings: QSettings) -> None:
        """Remember the task, each task's dataset that loaded (not one still loading) and how
        to read the user's sentence file."""
        settings.setValue(TASK_KEY, self._state.task)
        for task, spec in self._task_specs.items():
            settings.setValue(spec_key(task), spec)
        self.sentence_chooser.save_settings(settings)

    def select_task(self, task: str) -> None:
        """Choose the task ("classify", "gan", "translate") as if picked in the Task list; a
        dataset the task cannot learn from is replaced by the task's last one."""
        index = self.task_combo.findData(task)
        if index >= 0:
            self.task_combo.setCurrentIndex(index)

    def is_loading(self) -> bool:
        return self._token is not None

    def cancel_loading(self) -> None:
        """Stop the load in progress; the previous dataset stays."""
        if self._task is None or self._token is None:
            return
        self._cancelled = True
        self._task.cancel()
        self.cancel_button.setEnabled(False)
        self.loading_label.setText(self.tr("Cancelling…"))

    def selected_spec(self) -> str | None:
        """The spec whose entry is checked in the dataset list (None when none is)."""
        button = self.dataset_buttons.checkedButton()
        return None if button is None else button.property("spec")

    # ----- the lists --------------------------------------------------------------------------
    def _fill_tasks(self) -> None:
        tasks = list(dict.fromkeys(task for info in registry.list_datasets() for task in info.tasks))
        # the engine's order (pictures first), not the order in which the source modules were imported
        tasks.sort(key=lambda task: TASKS.index(task) if task in TASKS else len(TASKS))
        saved = str(app_settings().value(TASK_KEY, self._state.task) or self._state.task)
        self.task_combo.blockSignals(True)
        for task in tasks:
            self.task_combo.addItem(task_name(task), task)
        self.task_combo.setCurrentIndex(max(0, self.task_combo.findData(saved if saved in tasks else self._state.task)))
        self.task_combo.blockSignals(False)
        self._fill_sources()
        self._on_task_chosen()

    def _on_task_chosen(self, *_args) -> None:
        task = self.task_combo.currentData()
        if task:
            self._state.set_task(str(task))

    def _show_task(self, task: str) -> None:
        """Follow a task chosen elsewhere (the combo signals are kept: the list must change too)."""
        index = self.task_combo.findData(task)
        if index >= 0 and index != self.task_combo.currentIndex():
            self.task_combo.setCurrentIndex(index)
        if self._state.dataset is not None:
            self.summary_label.setText(summary_text(self._state.dataset, task))
        self._follow_task(task)

    def _remembered_spec(self, task: str) -> str:
        """The dataset last shown for `task` (this session, else the settings), else its default."""
        spec = self._task_specs.get(task) or str(app_settings().value(spec_key(task), "") or "")
        return spec if spec and task in spec_tasks(spec) else default_spec(task)

    def _follow_task(self, task: str) -> None:
        """Data the task cannot learn from (pictures for translation) makes way for the task's
        own last dataset. Nothing happens before the first dataset is chosen."""
        current = self._loading_spec or self._state.dataset_spec
        if current is None or self._state.is_training:
            return
        if task in spec_tasks(current, None if self._loading_spec else self._state.dataset):
            return
        spec = self._remembered_spec(task)
        self.load_spec(spec)
        self._fallback_on_failure = spec != default_spec(task)

    def _fill_sources(self) -> None:
        """One radio button per dataset of the chosen task, its description beneath."""
        task = self.task_combo.currentData()
        for button in self.dataset_buttons.buttons():
            self.dataset_buttons.removeButton(button)
        kept = list(self._source_extras.values())
        while self._list_layout.count():
            widget = self._list_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                if not any(widget is extra for extra in kept):
                    widget.deleteLater()
        self._sources = registry.list_datasets(task)
        self.folder_description = self.sentence_description = self.text_description = None
        self._folder_text = self._sentence_text = self._text_description_text = ""
        for info in self._sources:
            asks = info.name in (FOLDER_SOURCE, SENTENCES_SOURCE, TEXT_SOURCE)  # the page asks for the folder or file
            if info.takes_argument and not asks and not info.default_argument:
                continue  # needs an argument the page cannot ask for
            folder = info.name == FOLDER_SOURCE
            title = _tr(SOURCE_TITLES[info.name]) if info.name in SOURCE_TITLES else dataset_title(info.name)
            text = _tr(SOURCE_TEXTS[info.name]) if info.name in SOURCE_TEXTS else registry_text(info)
            button = QRadioButton(title)
            button.setProperty("spec", info.name)
            button.setStyleSheet("font-weight: bold;")
            button.setToolTip(registry_text(info))
            description = QLabel(text)
            description.setWordWrap(True)
            description.setContentsMargins(22, 0, 0, 6)
            description.setStyleSheet("color: palette(dark);")
            self.dataset_buttons.addButton(button)
            self._list_layout.addWidget(button)
            self._list_layout.addWidget(description)
            extra = self._source_extras.get(info.name)
            if extra is not None:
                self._list_layout.addWidget(extra)
                extra.show()
            if folder:
                self.folder_description = description
                self._folder_text = text
            elif info.name == SENTENCES_SOURCE:
                self.sentence_description = description
                self._sentence_text = text
            elif info.name == TEXT_SOURCE:
                self.text_description = description
                self._text_description_text = text
        self.folder_button.setVisible(self.folder_description is not None)
        self._select_spec(self._loading_spec or self._state.dataset_spec)

    def _select_spec(self, spec: str | None) -> None:
        """Check the entry for `spec` without loading anything."""
        name, _, argument = (spec or "").partition(":")
        match = next((b for b in self.dataset_buttons.buttons() if b.property("spec") == name), None)
        if match is None:
            self.dataset_buttons.setExclusive(False)
            for button in self.dataset_buttons.buttons():
                button.setChecked(False)
            self.dataset_buttons.setExclusive(True)
        else:
            match.setChecked(True)
        if self.folder_description is not None:
            if name == FOLDER_SOURCE and argument:
                metrics = self.folder_description.fontMetrics()
                caption = self.tr("Folder: {path}")
                width = max(120, self.folder_description.width() - 30
                            - metrics.horizontalAdvance(caption.replace("{path}", "")))
                shown = metrics.elidedText(argument, Qt.TextElideMode.ElideMiddle, width)
                self.folder_description.setText(caption.format(path=shown))
                self.folder_description.setToolTip(argument)
            else:
                self.folder_description.setText(self._folder_text)
                self.folder_description.setToolTip("")
        if name == NUMBERS_SOURCE:
            self.numbers_direction.set_direction(argument or registry.parse_spec(NUMBERS_SOURCE)[1] or "")
        if self.sentence_description is not None:
            if name == SENTENCES_SOURCE and argument:
                paths = argument.split("|")
                caption = file_caption(paths)
                metrics = self.sentence_description.fontMetrics()
                width = max(120, self.sentence_description.width() - 30)
                self.sentence_description.setText(metrics.elidedText(caption, Qt.TextElideMode.ElideMiddle, width))
                self.sentence_description.setToolTip("\n".join(paths))
            else:
                self.sentence_description.setText(self._sentence_text)
                self.sentence_description.setToolTip("")
        if self.text_description is not None:
            if name == TEXT_SOURCE and argument:
                metrics = self.text_description.fontMetrics()
                caption = self.tr("File: {name}")
                width = max(120, self.text_description.width() - 30
                            - metrics.horizontalAdvance(caption.replace("{name}", "")))
                shown = metrics.elidedText(argument, Qt.TextElideMode.ElideMiddle, width)
                self.text_description.setText(caption.format(name=shown))
                self.text_description.setToolTip(argument)
            else:
                self.text_description.setText(self._text_description_text)
                self.text_description.setToolTip("")

    def _on_source_clicked(self, button: QRadioButton) -> None:
        name = button.property("spec")
        if name == FOLDER_SOURCE:
            self.choose_folder()
        elif name == SENTENCES_SOURCE:
            self.choose_sentence_file()
        elif name == TEXT_SOURCE:
            self.choose_text_file()
        elif name == NUMBERS_SOURCE:
            self.choose_direction(self.numbers_direction.direction())
        elif name != (self._loading_spec or self._state.dataset_spec):
            self.load_spec(name)

    def _on_sentence_options_changed(self) -> None:
        """A changed reading option reads the user's sentence file again (other data ignore them)."""
        spec = self._loading_spec or self._state.dataset_spec
        if _source_name(spec) == SENTENCES_SOURCE and not self._state.is_training:
            self.load_spec(spec)

    def _update_enabled(self) -> None:
        free = self._token is None and not self._state.is_training
        self.dataset_list.setEnabled(free)
        self.folder_button.setEnabled(free)
        # a task chosen during a load replaces the load when the data does not suit it (_follow_task)
        self.task_combo.setEnabled(not self._state.is_training)

    # ----- loading (slots run in the GUI thread) ----------------------------------------------
    def _on_progress(self, token: object, done: int, total: int) -> None:
        if token is not self._token or self._cancelled:
            return
        if total <= 0:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * min(done, total) / total))

    def _finish_loading(self) -> None:
        self._token = None
        self._task = None
        self._loading_spec = None
        for widget in (self.loading_box, self.progress_bar, self.cancel_button):
            widget.hide()
        self._update_enabled()
        self._state.dataset_loading.emit(False)

    def _on_loaded(self, token: object, spec: str, data: Any, options: dict | None = None) -> None:
        if token is not self._token:
            return  # replaced by a newer load
        cancelled = self._cancelled
        self._finish_loading()
        if cancelled or data is None:
            self._report_cancelled()
            return
        self._state.set_dataset(spec, data, options)
        tasks = spec_tasks(spec, data)
        if tasks and self._state.task not in tasks:  # pictures dropped during translation, say
            self.select_task(next((t for t in tasks if self.task_combo.findData(t) >= 0), tasks[0]))
        self._state.status_message.emit(self.tr("Loaded {dataset}: {summary}").format(
            dataset=dataset_title(spec), summary=summary_text(data, self._state.task)))

    def _on_failed(self, token: object, spec: str, error: TaskError) -> None:
        if token is not self._token:
            return
        cancelled, fallback = self._cancelled, self._fallback_on_failure
        self._finish_loading()
        if cancelled:
            self._report_cancelled()
            return
        self._select_spec(self._state.dataset_spec)
        show_error(self, self.tr("Could not load the dataset"), error.message, error.details)
        task = self._state.task
        if fallback and (self._state.dataset is None or task not in spec_tasks(self._state.dataset_spec,
                                                                               self._state.dataset)):
            self.load_spec(default_spec(task))

    def _report_cancelled(self) -> None:
        self._select_spec(self._state.dataset_spec)
        if self._state.dataset_spec:
            message = self.tr("Loading cancelled; {dataset} is still selected.").format(
                dataset=dataset_title(self._state.dataset_spec))
        else:
            message = self.tr("Loading cancelled.")
        self._state.status_message.emit(message)

    # ----- showing a dataset ------------------------------------------------------------------
    def _show_dataset(self, spec: str | None, data: Any) -> None:
        if self._token is None:
            self._select_spec(spec)
        if data is None:
            self.heading_label.setText(self.tr("<h3>No dataset yet</h3>"))
            self.summary_label.setText(self.tr("Choose a dataset on the left to see what is in it."))
            self.warnings_label.hide()
            self.samples_box.hide()
            self.chart_box.hide()
            self._hide_text_views()
            return
        for task in spec_tasks(spec, data):
            self._task_specs[task] = spec
        self.heading_label.setText(f"<h3>{html.escape(dataset_title(spec))}</h3>")
        self.summary_label.setText(summary_text(data, self._state.task))
        warnings = warning_lines(data)
        self.warnings_label.setText("<br>".join("⚠ " + html.escape(line) for line in warnings))
        self.warnings_label.setVisible(bool(warnings))
        if isinstance(data, (ParallelData, TextCorpus)):
            self.samples_box.hide()
            self.chart_box.hide()
            view, other = (self.pairs_view, self.text_view) if isinstance(data, ParallelData) else (self.text_view,
                                                                                                    self.pairs_view)
            other.hide()
            view.show_data(data)
            view.show()
            return
        self._hide_text_views()
        self._fill_samples(data)
        self._fill_chart(data)
        self.samples_box.show()
        self.chart_box.show()

    def _fill_samples(self, data: Any) -> None:
        """Sample images in groups of one class each (a group never splits over two rows)."""
        while self._flow.count():
            widget = self._flow.takeAt(0).widget()
            if widget is not None:  # deleted by Qt in the GUI thread, never by Python's garbage collector
                widget.hide()
                widget.deleteLater()
        indices = pick_samples(data.train_labels, data.num_classes)
        labels = data.train_labels[indices]
        for label in dict.fromkeys(labels.tolist()):
            members = indices[labels == label]
            for start in range(0, len(members), GROUP_MAX):
                group = QWidget(self.sample_grid)
                group.setObjectName("sampleGroup")
                row = QHBoxLayout(group)
                row.setContentsMargins(0, 0, 0, 0)
                row.setSpacing(3)
                for index in members[start:start + GROUP_MAX]:
                    row.addWidget(self._sample_cell(data.train_images[index], data.classes[int(label)], group))
                group.setFixedSize(group.sizeHint())
                self._flow.addWidget(group)
        self._flow.invalidate()

    def _sample_cell(self, image: np.ndarray, name: str, parent: QWidget) -> QWidget:
        width = SAMPLE_PIXELS + 8
        cell = QWidget(parent)
        cell.setObjectName("sampleCell")
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        picture = QLabel()
        picture.setObjectName("sampleImage")
        picture.setPixmap(array_to_pixmap(image, SAMPLE_PIXELS))
        picture.setFixedSize(width, SAMPLE_PIXELS)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = QLabel(QFontMetrics(self.font()).elidedText(name, Qt.TextElideMode.ElideRight, width))
        caption.setObjectName("sampleCaption")
        caption.setProperty("className", name)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setFixedWidth(width)
        cell.setToolTip(name)
        layout.addWidget(picture)
        layout.addWidget(caption)
        return cell

    def sample_captions(self) -> list[str]:
        """The class name under each sample image, in grid order."""
        return [label.property("className") for label in self._sample_labels("sampleCaption")]

    def sample_pixmaps(self) -> list[QPixmap]:
        """The pixmap of each sample image, in grid order."""
        return [label.pixmap() for label in self._sample_labels("sampleImage")]

    def _sample_labels(self, name: str) -> list[QLabel]:
        groups = (self._flow.itemAt(i).widget() for i in range(self._flow.count()))
        return [label for group in groups for label in group.findChildren(QLabel, name)]

    def _fill_chart(self, data: Any) -> None:
        counts = data.class_counts("train")
        self.class_bars.setOpts(x=np.arange(len(counts)), height=counts, width=0.7)
        self.class_chart.setXRange(-0.6, len(counts) - 0.4, padding=0)
        self.class_chart.setYRange(0, max(1, int(counts.max(initial=0))) * 1.08, padding=0)
        self._classes = list(data.classes)
        self._update_ticks()

    def _update_ticks(self) -> None:
        """Class names under the bars: level when they fit, else slanted (shortened to
        SLANTED_MAX pixels), and only every k-th name when even slanted ones would overlap."""
        classes, axis = self._classes, self.class_axis
        if not classes:
            return
        metrics = QFontMetrics(axis.style.get("tickFont") or self.class_chart.font())
        per_class = max(50, self.class_chart.width() - 70) / len(classes)
        widths = [metrics.horizontalAdvance(name) for name in classes]
        left = 0.0
        if max(widths) + 10 <= per_class or per_class >= LEVEL_MIN:
            axis.angle = 0
            axis.setHeight(None)
            ticks = [(i, metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(per_class) - 10))
                     for i, name in enumerate(classes)]
        else:
            axis.angle = 45
            step = max(1, int(np.ceil(1.6 * metrics.height() / per_class)))
            ticks = [(i, metrics.elidedText(classes[i], Qt.TextElideMode.ElideRight, SLANTED_MAX))
                     for i in range(0, len(classes), step)]
            longest = max(metrics.horizontalAdvance(text) for _, text in ticks)
            axis.setHeight(int(0.71 * (longest + metrics.height()) + 12))
            # the first name slants left, past the y axis: leave room for it
            first = metrics.horizontalAdvance(ticks[0][1]) + metrics.height()
            left = max(0.0, 0.71 * first - self.class_chart.getAxis("left").width()) + 4
        self.class_chart.plotItem.layout.setContentsMargins(left + 2, 6, 12, 2)
        axis.setTicks([ticks, []])
        axis.picture = None
        axis.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._chart is not None and watched is self._chart[0] and event.type() == QEvent.Type.Resize:
            self._update_ticks()
        return super().eventFilter(watched, event)
