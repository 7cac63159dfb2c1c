"""The Model page: choose an architecture and the training settings.

Importing this module must not import torch (it is on the window's start path). The model
registry and anything that builds models are imported inside methods that run only after
`AppState.engine_ready`; `engine.train.config` is plain Python and may be used earlier.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from desktop_app.engine_words import say
from desktop_app.settings import app_settings
from desktop_app.state import AppState
from engine.train.config import DEFAULT_MODELS

DEFAULT_MODEL = DEFAULT_MODELS["classify"]
SETTINGS_KEY = "model/name"  # the classifier; other tasks remember theirs under "model/name_<task>"
NAME_ROLE = Qt.ItemDataRole.UserRole
PARAMS_ROLE = Qt.ItemDataRole.UserRole + 1

# What the registry's speed words mean for someone deciding on a laptop.
SPEED_HINTS = {
    "fastest": QT_TRANSLATE_NOOP("ModelPage", "fastest"),
    "fast": QT_TRANSLATE_NOOP("ModelPage", "fast"),
    "medium": QT_TRANSLATE_NOOP("ModelPage", "takes a while on a laptop CPU"),
    "slow": QT_TRANSLATE_NOOP("ModelPage", "slow on a laptop CPU; fine on a GPU"),
}

# The registry's descriptions (engine/models/*.py, `info.description`, the same English text),
# marked for translation; a model missing here shows the engine's own text.
MODEL_DESCRIPTIONS = {
    "mlp": QT_TRANSLATE_NOOP("ModelPage", "A plain network of fully connected layers: the simplest baseline."),
    "lenet5": QT_TRANSLATE_NOOP("ModelPage", "LeNet-5 (LeCun, 1998): two small convolution layers, made for "
                                             "handwritten digits."),
    "cnn-small": QT_TRANSLATE_NOOP("ModelPage", "Three convolution layers (32-64-64) and a dense layer: the classic "
                                                "tutorial network, a good default."),
    "resnet18": QT_TRANSLATE_NOOP("ModelPage", "ResNet-18 adapted to small images (no pretrained weights): the most "
                                               "accurate on photos, much slower on a CPU."),
    "dcgan": QT_TRANSLATE_NOOP("ModelPage", "Deep convolutional GAN (Radford et al., 2015): learns to draw new "
                                            "pictures like the dataset's."),
    "dcgan-conditional": QT_TRANSLATE_NOOP("ModelPage", 'DCGAN that also learns the classes, so you can ask it for a '
                                                        'particular one ("draw a 7").'),
    "transformer-small": QT_TRANSLATE_NOOP("ModelPage", "Transformer sized for a laptop CPU: learns the numbers in a "
                                                        "minute or two."),
    "transformer-base": QT_TRANSLATE_NOOP("ModelPage", "A bigger Transformer for real sentence corpora; best with a "
                                                       "GPU."),
    "transformer-large": QT_TRANSLATE_NOOP("ModelPage", "The original paper's base size (6+6 layers, 512 wide): for "
                                                        "a GPU."),
    "gru-attention": QT_TRANSLATE_NOOP("ModelPage", "A recurrent network with attention: lighter and quick to train, "
                                                    "a little less accurate."),
    "lstm-small": QT_TRANSLATE_NOOP("ModelPage", "A one-layer LSTM reading characters: learns the fables in half a "
                                                 "minute on a laptop CPU."),
    "lstm-medium": QT_TRANSLATE_NOOP("ModelPage", "A two-layer LSTM, wider: writes better on a few MB of text; best "
                                                  "with a GPU."),
}

OPTIMIZER_CHOICES = (
    ("adamw", QT_TRANSLATE_NOOP("ModelPage", "AdamW (recommended)")),
    ("adam", "Adam"),
    ("sgd", QT_TRANSLATE_NOOP("ModelPage", "SGD with momentum (classic, needs a larger learning rate)")),
)
AUGMENT_CHOICES = (
    ("none", QT_TRANSLATE_NOOP("ModelPage", "None: use the pictures as they are")),
    ("crop", QT_TRANSLATE_NOOP("ModelPage", "Shift pictures a little")),
    ("crop+flip", QT_TRANSLATE_NOOP("ModelPage", "Shift and mirror pictures")),
)
TOKENIZER_CHOICES = (
    ("subword", QT_TRANSLATE_NOOP("ModelPage", "Word pieces learned from your sentences (recommended)")),
    ("char", QT_TRANSLATE_NOOP("ModelPage", "Single characters")),
)
# The choices as named inside a sentence (the model details): "AdamW", "shift pictures a little".
OPTIMIZER_NAMES = {"adamw": "AdamW", "adam": "Adam", "sgd": QT_TRANSLATE_NOOP("ModelPage", "SGD with momentum")}
AUGMENT_NAMES = {"none": QT_TRANSLATE_NOOP("ModelPage", "none"),
                 "crop": QT_TRANSLATE_NOOP("ModelPage", "shift pictures a little"),
                 "crop+flip": QT_TRANSLATE_NOOP("ModelPage", "shift and mirror pictures")}
TOKENIZER_NAMES = {"subword": QT_TRANSLATE_NOOP("ModelPage", "word pieces learned from your sentences"),
                   "char": QT_TRANSLATE_NOOP("ModelPage", "single characters")}
DEVICE_AUTO_TEXT = QT_TRANSLATE_NOOP("ModelPage", "Automatic (best available)")
NO_GPU_NOTE = QT_TRANSLATE_NOOP("ModelPage", "No NVIDIA GPU found: training uses the CPU.")

TIPS = {
    "epochs": QT_TRANSLATE_NOOP(
        "ModelPage", "How many times training goes through all the training pictures.\n"
        "More epochs usually give a better model but take longer. If the validation accuracy "
        "stops improving during training, more epochs will not help."),
    "batch": QT_TRANSLATE_NOOP(
        "ModelPage", "How many pictures the model looks at before each small correction.\n"
        "Larger batches are faster on a GPU but use more memory; if you see an out-of-memory "
        "message, halve this number. The recommended value is fine for most people."),
    "lr": QT_TRANSLATE_NOOP(
        "ModelPage", "How big each correction is (the learning rate).\n"
        "Too high and training becomes unstable (the loss jumps or grows); too low and it learns "
        "slowly. Change it only if the loss curve misbehaves: try half or double."),
    "optimizer": QT_TRANSLATE_NOOP(
        "ModelPage", "The method that turns mistakes into corrections.\n"
        "AdamW works well almost everywhere; keep it unless you are comparing methods."),
    "augment": QT_TRANSLATE_NOOP(
        "ModelPage", "Shows the model slightly changed copies of the training pictures so it learns the "
        "object rather than the exact pixels.\nHelps with photos and small datasets. "
        "Do not mirror pictures whose meaning changes when flipped (digits, letters)."),
    "patience": QT_TRANSLATE_NOOP(
        "ModelPage", "Stops training early when the validation loss has not improved for this many epochs, "
        "and keeps the best model.\nSaves time when you set many epochs. Off trains for all epochs."),
    "device": QT_TRANSLATE_NOOP(
        "ModelPage", "Where the computation runs. Automatic picks a working NVIDIA GPU when there is one, "
        "otherwise the CPU.\nChoose CPU only to leave the GPU free for something else."),
    "mixed": QT_TRANSLATE_NOOP(
        "ModelPage", "Computes with 16-bit numbers on the GPU: often almost twice as fast with the same "
        "accuracy.\nTurn it off only if training on the GPU gives strange results."),
    "reset": QT_TRANSLATE_NOOP(
        "ModelPage", "Put every setting back to the value recommended for this dataset and model."),
}
# The same settings explained for image generation (GAN): a generator learns to draw pictures
# while a judge (the discriminator) learns to tell them from real ones.
GAN_TIPS = {
    "epochs": QT_TRANSLATE_NOOP(
        "ModelPage", "How many times training goes through all the pictures.\n"
        "Drawing takes much longer to learn than recognising: the sample pictures on the Train page "
        "show when they look good enough, and you can stop there. The best epoch so far is kept."),
    "batch": QT_TRANSLATE_NOOP(
        "ModelPage", "How many pictures the generator draws (and the judge looks at) before each small correction.\n"
        "The recommended value is fine for most people; if you see an out-of-memory message, halve it."),
    "lr": QT_TRANSLATE_NOOP(
        "ModelPage", "How big each correction is (the learning rate).\n"
        "GANs are sensitive to it: if the pictures turn to noise or all look the same, try half. "
        "The recommended value works for most datasets."),
    "mixed": TIPS["mixed"],
    "device": TIPS["device"],
    "reset": TIPS["reset"],
}
# The same settings explained for translation: sentence pairs instead of pictures.
TRANSLATE_TIPS = {
    "epochs": QT_TRANSLATE_NOOP(
        "ModelPage", "How many times training goes through all the sentence pairs.\n"
        "The Train page shows sample translations and the score after every epoch; the best epoch is kept. "
        "Real sentence corpora need more epochs than the bundled numbers."),
    "batch": QT_TRANSLATE_NOOP(
        "ModelPage", "How many sentence pairs the model reads before each small correction.\n"
        "Larger batches are faster on a GPU but use more memory; if you see an out-of-memory message, "
        "halve this number. The recommended value is fine for most people."),
    "lr": QT_TRANSLATE_NOOP(
        "ModelPage", "How big each correction is (the learning rate).\n"
        "It starts small, rises during the first steps and then slowly falls again. If the loss jumps around "
        "or the translations turn to nonsense, try half."),
    "tokenizer": QT_TRANSLATE_NOOP(
        "ModelPage", "How sentences are cut into the pieces the model reads and writes.\n"
        "Word pieces (recommended): common words stay whole and rare words are split into parts "
        "learned from your sentences; short sequences, fast training.\n"
        "Single characters: letter by letter; needs no learning, copes with any spelling, but sentences "
        "become long, so training is slower."),
    "mixed": TIPS["mixed"],
    "device": TIPS["device"],
    "reset": TIPS["reset"],
}
# The same settings explained for text generation: characters of one text instead of pictures.
TEXTGEN_TIPS = {
    "epochs": QT_TRANSLATE_NOOP(
        "ModelPage", "How many times training reads the whole text.\n"
        "The Train page shows a paragraph written by the model after every epoch; the epoch with the lowest "
        "perplexity is kept. A longer text needs fewer epochs."),
    "batch": QT_TRANSLATE_NOOP(
        "ModelPage", "How many pieces of the text (100 characters each) the model reads before each small correction.\n"
        "The recommended value is fine for most people; if you see an out-of-memory message, halve it."),
    "lr": QT_TRANSLATE_NOOP(
        "ModelPage", "How big each correction is (the learning rate).\n"
        "If the loss jumps around or the writing turns to nonsense, try half."),
    "mixed": TIPS["mixed"],
    "device": TIPS["device"],
    "reset": TIPS["reset"],
}
TASK_TIPS = {"gan": GAN_TIPS, "translate": TRANSLATE_TIPS, "textgen": TEXTGEN_TIPS}
CLASSIFIER_ONLY = ("optimizer", "augment", "patience")  # rows hidden for tasks other than classification
TASK_ONLY = {"tokenizer": "translate"}  # rows offered for one task only
SUBWORD_PIECES = 1_000  # engine.text.tokenizers.SUBWORD_VOCAB: the most word pieces per language
CHAR_SAMPLE = 20_000  # sentence pairs read to count the characters of a dataset


def _settings_key(task: str) -> str:
    return SETTINGS_KEY if task == "classify" else f"{SETTINGS_KEY}_{task}"


def _rounded(count: int) -> str:
    """'2.3 million' or '480,000': parameter counts of translators depend on the vocabulary, so
    they are shown rounded."""
    if count >= 1_000_000:
        return QCoreApplication.translate("ModelPage", "{millions} million").format(millions=f"{count / 1e6:.1f}")
    return f"{round(count, -3):,}"


def _translated(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("ModelPage", ...) in the language of the window."""
    return QCoreApplication.translate("ModelPage", text) if text else text


def _description(info) -> str:
    """The model's description for people: the translated registry text, the engine's own text
    for a model the GUI does not know."""
    text = MODEL_DESCRIPTIONS.get(info.name)
    return _translated(text) if text == info.description else info.description


def _megabytes(count: int, decimals: int) -> str:
    """The size of `count` float32 parameters as a file, in MB: '1.2'."""
    return f"{count * 4 / 1e6:.{decimals}f}"


def _fallback_dataset(task: str) -> str:
    """A dataset family the engine has defaults for, used while no suitable dataset is shown."""
    return {"translate": "numbers", "textgen": "fables"}.get(task, "digits")


class ModelPage(QWidget):
    """Model chooser and training settings. `config()` is what the Train page trains."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._ready = False
        self._editable = True
        self._populating = False
        self._param_cache: dict[tuple[str, Any], int | None] = {}  # (model name, input shape) -> parameters
        self._char_counts: tuple[Any, tuple[int, int]] | None = None  # (dataset, its source/target characters)
        self._task = state.task
        self._pending_settings: dict | None = None  # a run's settings waiting for its dataset and model (apply_settings)
        settings = app_settings()
        self._wanted_models: dict[str, str] = {}  # per task: the model to select once the list exists
        for task, default in DEFAULT_MODELS.items():
            saved = settings.value(_settings_key(task), default)
            self._wanted_models[task] = str(saved) if saved else default

        layout = QVBoxLayout(self)
        title = QLabel("<h2>" + self.tr("Model and training settings") + "</h2>")
        layout.addWidget(title)
        self.loading_label = QLabel(self.tr("Loading the training engine…"))
        self.loading_label.setObjectName("loadingLabel")
        self.loading_label.setStyleSheet("font-weight: bold; padding: 6px;")
        layout.addWidget(self.loading_label)

        self.content = QWidget()
        content_layout = QHBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self._build_model_box(), 3)
        content_layout.addWidget(self._build_settings_box(), 2)
        layout.addWidget(self.content, 1)

        state.engine_ready.connect(self._on_engine_ready)
        state.dataset_changed.connect(self._on_dataset_changed)
        state.task_changed.connect(self._on_task_changed)
        self._show_task_settings()
        self.reset_to_recommended()
        self._update_enabled()
        if state.engine is not None:
            self._on_engine_ready(state.engine)

    # ----- construction -----------------------------------------------------------------------
    def _build_model_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Model"))
        layout = QVBoxLayout(box)
        self.dataset_hint = QLabel(self.tr("Choose a dataset on the Data page to see the size of each model."))
        self.dataset_hint.setWordWrap(True)
        layout.addWidget(self.dataset_hint)
        self.model_list = QListWidget()
        self.model_list.setObjectName("modelList")
        self.model_list.setWordWrap(True)
        self.model_list.setSpacing(3)
        self.model_list.setAlternatingRowColors(True)
        self.model_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.model_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.model_list.setToolTip(self.tr("The network that learns from your pictures. Bigger is not always "
                                           "better: start with the recommended one and compare."))
        self.model_list.currentRowChanged.connect(self._on_model_row_changed)
        loading_item = QListWidgetItem(self.tr("The list of models appears once the training engine has loaded."))
        loading_item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.model_list.addItem(loading_item)
        layout.addWidget(self.model_list, 1)
        self.model_details = QLabel("")
        self.model_details.setObjectName("modelDetails")
        self.model_details.setWordWrap(True)
        self.model_details.setTextFormat(Qt.TextFormat.RichText)
        self.model_details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.model_details.setMargin(4)
        layout.addWidget(self.model_details)
        layout.addStretch(1)
        return box

    def _fit_list_height(self) -> None:
        """Let the list be as tall as its entries (not more), so no empty frame is left below."""
        rows = self.model_list.count()
        if rows == 0:
            return
        self.model_list.doItemsLayout()
        last = self.model_list.visualItemRect(self.model_list.item(rows - 1))
        height = last.bottom() + self.model_list.verticalOffset() + self.model_list.spacing() + 1
        self.model_list.setMaximumHeight(max(60, height + 2 * self.model_list.frameWidth() + 2))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override; wrapped rows change height
        super().resizeEvent(event)
        self._fit_list_height()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override; the list may have been refilled while hidden
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_list_height)  # after layout; `self` as context: never fires on a deleted page

    def _build_settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Training settings"))
        outer = QVBoxLayout(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 10_000)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 65_536)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(1e-5, 1.0)
        self.lr_spin.setSingleStep(0.0005)
        self.optimizer_combo = QComboBox()
        for key, text in OPTIMIZER_CHOICES:
            self.optimizer_combo.addItem(_translated(text), key)
        self.augment_combo = QComboBox()
        for key, text in AUGMENT_CHOICES:
            self.augment_combo.addItem(_translated(text), key)
        self.patience_spin = QSpinBox()
        self.patience_spin.setRange(0, 1_000)
        self.patience_spin.setSpecialValueText(self.tr("Off"))
        self.patience_spin.setSuffix(self.tr(" epochs without progress"))
        self.tokenizer_combo = QComboBox()
        for key, text in TOKENIZER_CHOICES:
            self.tokenizer_combo.addItem(_translated(text), key)
        self.tokenizer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tokenizer_combo.setMinimumContentsLength(16)
        self.tokenizer_combo.currentIndexChanged.connect(self._on_tokenizer_changed)
        self.device_combo = QComboBox()
        self.device_combo.addItem(_translated(DEVICE_AUTO_TEXT), "auto")
        self.device_combo.addItem("CPU", "cpu")
        self.device_combo.currentIndexChanged.connect(self._update_mixed_precision)
        self.device_note = QLabel("")
        self.device_note.setWordWrap(True)
        self.device_note.hide()
        self.mixed_precision_check = QCheckBox(self.tr("Mixed precision (faster on a GPU)"))
        self._mixed_wanted = True  # the user's choice, kept while the box is disabled (no GPU)
        self.mixed_precision_check.toggled.connect(self._on_mixed_toggled)

        rows = (
            (self.tr("Epochs"), self.epochs_spin, "epochs"),
            (self.tr("Batch size"), self.batch_spin, "batch"),
            (self.tr("Learning rate"), self.lr_spin, "lr"),
            (self.tr("Optimizer"), self.optimizer_combo, "optimizer"),
            (self.tr("Augmentation"), self.augment_combo, "augment"),
            (self.tr("Early stopping"), self.patience_spin, "patience"),
            (self.tr("Cut sentences into"), self.tokenizer_combo, "tokenizer"),
            (self.tr("Device"), self.device_combo, "device"),
        )
        self.settings_form = form
        self._setting_rows: dict[str, tuple[QLabel, QWidget]] = {}
        for text, widget, tip in rows:
            label = QLabel(text)
            if tip == "tokenizer":  # long choices: the label above, the list as wide as the form
                form.addRow(label)
                form.addRow(widget)
            else:
                form.addRow(label, widget)
            self._setting_rows[tip] = (label, widget)
        form.addRow("", self.device_note)
        self._setting_rows["mixed"] = (self.mixed_precision_check, self.mixed_precision_check)
        form.addRow("", self.mixed_precision_check)
        outer.addLayout(form)

        self.settings_hint = QLabel("")
        self.settings_hint.setWordWrap(True)
        outer.addWidget(self.settings_hint)
        self.reset_button = QPushButton(self.tr("&Reset to recommended"))
        self.reset_button.setToolTip(_translated(TIPS["reset"]))
        self.reset_button.clicked.connect(self.reset_to_recommended)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        outer.addStretch(1)
        return box

    @property
    def _wanted_model(self) -> str:
        return self._wanted_models.get(self._task) or DEFAULT_MODELS.get(self._task, DEFAULT_MODEL)

    @_wanted_model.setter
    def _wanted_model(self, name: str) -> None:
        self._wanted_models[self._task] = name

    # ----- public API -------------------------------------------------------------------------
    def selected_model(self) -> str:
        """The registry name of the chosen model."""
        item = self.model_list.currentItem()
        name = item.data(NAME_ROLE) if item is not None else None
        return str(name) if name else self._wanted_model

    def task(self) -> str:
        """The task whose models and settings the page shows ("classify", "gan", "translate")."""
        return self._task

    def setting_visible(self, key: str) -> bool:
        """Whether the setting `key` ("epochs", "optimizer", "augment", "patience", "tokenizer",
        ...) is offered for the current task."""
        if key in TASK_ONLY:
            return TASK_ONLY[key] == self._task
        return self._task == "classify" or key not in CLASSIFIER_ONLY

    def select_tokenizer(self, kind: str) -> None:
        """Choose how sentences are cut up for translation: "subword" or "char"."""
        index = self.tokenizer_combo.findData(kind)
        if index >= 0:
            self.tokenizer_combo.setCurrentIndex(index)

    def select_model(self, name: str) -> None:
        """Choose the model called `name` (remembered until the list exists)."""
        self._wanted_model = name
        for row in range(self.model_list.count()):
            if self.model_list.item(row).data(NAME_ROLE) == name:
                self.model_list.setCurrentRow(row)
                return

    def apply_settings(self, config: dict) -> None:
        """Take a run's settings (its config.json): applied as soon as its dataset and model are
        the ones shown (at once when they already are), over the recommended values."""
        self._pending_settings = dict(config)
        if config.get("model"):
            self.select_model(str(config["model"]))
        self._apply_pending_settings()

    def _apply_pending_settings(self) -> None:
        wanted = self._pending_settings
        if not wanted or wanted.get("dataset") != self._state.dataset_spec or wanted.get("model") != self.selected_model():
            return
        self._pending_settings = None
        for key, spin in (("epochs", self.epochs_spin), ("batch_size", self.batch_spin), ("lr", self.lr_spin),
                          ("patience", self.patience_spin)):
            if wanted.get(key) is not None:
                spin.setValue(wanted[key])
        for key, combo in (("optimizer", self.optimizer_combo), ("augment", self.augment_combo),
                           ("tokenizer", self.tokenizer_combo)):
            index = combo.findData(wanted.get(key))
            if wanted.get(key) is not None and index >= 0:
                combo.setCurrentIndex(index)
        if wanted.get("mixed_precision") is not None and self.mixed_precision_check.isEnabled():
            self.mixed_precision_check.setChecked(bool(wanted["mixed_precision"]))

    def config(self):
        """A TrainConfig with the dataset, the chosen model and every setting on the page."""
        from engine.train.config import TrainConfig

        classify = self._task == "classify"  # settings hidden for other tasks stay None: the engine's defaults
        return TrainConfig(
            dataset=self._state.dataset_spec or TrainConfig.dataset,
            model=self.selected_model(),
            task=self._task,
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            lr=round(self.lr_spin.value(), 5),
            optimizer=self.optimizer_combo.currentData() if classify else None,
            augment=self.augment_combo.currentData() if classify else None,
            patience=self.patience_spin.value() if classify else None,
            tokenizer=self.tokenizer_combo.currentData() if self._task == "translate" else None,
            text_options=dict(self._state.dataset_options) if self._task == "translate" and self._state.dataset_options else None,
            device=self.device_combo.currentData(),
            mixed_precision=self.mixed_precision_check.isChecked(),
        )

    def save_settings(self, settings: QSettings) -> None:
        self._wanted_model = self.selected_model()
        for task, name in self._wanted_models.items():
            settings.setValue(_settings_key(task), name)

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid changes (the Train page forbids them while training runs)."""
        self._editable = editable
        self._update_enabled()

    def reset_to_recommended(self) -> None:
        """Every setting back to the recommended value for this dataset and model."""
        self._apply_defaults()
        self.device_combo.setCurrentIndex(0)
        self._mixed_wanted = True
        self._update_mixed_precision()

    # ----- reacting to the state --------------------------------------------------------------
    def _update_enabled(self) -> None:
        self.content.setEnabled(self._ready and self._editable)

    def _on_engine_ready(self, info: Any) -> None:
        self._ready = True
        self.loading_label.hide()
        self._fill_devices(list(getattr(info, "gpus", []) or []), getattr(info, "device", ""))
        self._populate_models()
        self._update_enabled()

    def _on_dataset_changed(self, spec: str, data: Any) -> None:
        if self._ready:
            self._refresh_counts()
        self._update_dataset_hint()
        self._apply_defaults()

    def _on_task_changed(self, task: str) -> None:
        if task == self._task:
            return
        self._wanted_model = self.selected_model()  # remembered for when this task comes back
        self._task = task
        self._show_task_settings()
        if self._ready:
            self._populate_models()
        else:
            self._apply_defaults()

    def _show_task_settings(self) -> None:
        """Offer only the settings that apply to the task, explained for it."""
        gan = self._task == "gan"
        tips = TASK_TIPS.get(self._task, TIPS)
        for key, (label, widget) in self._setting_rows.items():
            self.settings_form.setRowVisible(widget, self.setting_visible(key))
            self.settings_form.setRowVisible(label, self.setting_visible(key))
            tip = _translated(tips.get(key, TIPS.get(key, "")))
            label.setToolTip(tip)
            widget.setToolTip(tip)
        if self._task == "textgen":
            self.model_list.setToolTip(self.tr("The network that learns to write: it reads the text one character "
                                               "at a time and learns to guess the next one. Start with the "
                                               "recommended one."))
            self.settings_hint.setText(self.tr("Hover over a setting to see what it does. The recommended values suit "
                                               "the chosen text and model; most people never need to change them."))
        elif self._task == "translate":
            self.model_list.setToolTip(self.tr("The network that learns to translate: it reads a whole sentence, then "
                                               "writes its translation one piece at a time. Start with the "
                                               "recommended one."))
            self.settings_hint.setText(self.tr("Hover over a setting to see what it does. The recommended values suit "
                                               "the chosen sentences and model; most people never need to change "
                                               "them."))
        elif gan:
            self.model_list.setToolTip(self.tr("The pair of networks that learns to draw: a generator that makes "
                                               "pictures from random numbers, and a judge that learns to tell them "
                                               "from real ones."))
            self.settings_hint.setText(self.tr("Hover over a setting to see what it does. The recommended values suit "
                                               "the chosen dataset; most people never need to change them. The rest "
                                               "of the way a GAN learns is set by ModelDesk, so only these settings "
                                               "are offered."))
        else:
            self.model_list.setToolTip(self.tr("The network that learns from your pictures. Bigger is not always "
                                               "better: start with the recommended one and compare."))
            self.settings_hint.setText(self.tr("Hover over a setting to see what it does. The recommended values suit "
                                               "the chosen dataset and model; most people never need to change "
                                               "them."))

    def _on_model_row_changed(self, row: int) -> None:
        if self._populating or row < 0:
            return
        self._wanted_model = self.selected_model()
        self._apply_defaults()

    def _apply_defaults(self) -> None:
        recommended = self._recommended()
        self.epochs_spin.setValue(recommended.epochs)
        self.batch_spin.setValue(recommended.batch_size)
        self.lr_spin.setValue(recommended.lr)
        self.optimizer_combo.setCurrentIndex(max(0, self.optimizer_combo.findData(recommended.optimizer)))
        self.augment_combo.setCurrentIndex(max(0, self.augment_combo.findData(recommended.augment)))
        self.patience_spin.setValue(recommended.patience)
        if recommended.tokenizer:
            self.tokenizer_combo.blockSignals(True)
            self.tokenizer_combo.setCurrentIndex(max(0, self.tokenizer_combo.findData(recommended.tokenizer)))
            self.tokenizer_combo.blockSignals(False)
            if self._ready and self._task == "translate":
                self._refresh_counts()
        self._update_details(recommended)
        self._apply_pending_settings()

    def _on_tokenizer_changed(self, _index: int) -> None:
        """Character vocabularies are far smaller than word pieces: the sizes change."""
        if self._ready and self._task == "translate" and not self._populating:
            self._refresh_counts()
            self._update_dataset_hint()
            self._update_details(self._recommended())

    def _recommended(self):
        """The engine's defaults for the dataset shown and the chosen model (the task's generic
        defaults for an odd dataset spec, or one of another task while it is being replaced)."""
        from engine.errors import ModelDeskError
        from engine.train.config import TrainConfig, resolve_defaults

        try:
            return resolve_defaults(TrainConfig(dataset=self._state.dataset_spec or _fallback_dataset(self._task),
                                                model=self.selected_model(), task=self._task))
        except ModelDeskError:
            return resolve_defaults(TrainConfig(dataset=_fallback_dataset(self._task), model=self.selected_model(),
                                                task=self._task))

    # ----- devices ----------------------------------------------------------------------------
    def _fill_devices(self, gpus: list[str], automatic: str) -> None:
        current = self.device_combo.currentData()
        self.device_combo.blockSignals(True)
        while self.device_combo.count() > 2:
            self.device_combo.removeItem(2)
        if gpus:
            self.device_combo.addItem(self.tr("GPU: {name}").format(name=gpus[0]), "cuda")
        index = self.device_combo.findData(current)
        self.device_combo.setCurrentIndex(max(0, index))
        self.device_combo.blockSignals(False)
        if automatic:
            tip = self.tr("ModelDesk will use: {device}").format(device=say(automatic))
        else:
            tip = _translated(TIPS["device"])
        self.device_combo.setItemData(0, tip, Qt.ItemDataRole.ToolTipRole)
        self._has_gpu = bool(gpus)
        self.device_note.setText("" if gpus else _translated(NO_GPU_NOTE))
        self.device_note.setVisible(not gpus)
        self._update_mixed_precision()

    def _update_mixed_precision(self) -> None:
        """Mixed precision only means something on a GPU: off and disabled otherwise."""
        usable = getattr(self, "_has_gpu", False) and self.device_combo.currentData() != "cpu"
        self.mixed_precision_check.blockSignals(True)
        self.mixed_precision_check.setEnabled(usable)
        self.mixed_precision_check.setChecked(usable and self._mixed_wanted)
        self.mixed_precision_check.blockSignals(False)

    def _on_mixed_toggled(self, checked: bool) -> None:
        self._mixed_wanted = checked

    # ----- the model list ---------------------------------------------------------------------
    def _sentences(self):
        """The shown dataset when it holds sentence pairs, else None."""
        data = self._state.dataset
        return data if data is not None and hasattr(data, "source_language") else None

    def _text(self):
        """The shown dataset when it is a text for a text generator, else None."""
        data = self._state.dataset
        return data if data is not None and hasattr(data, "character_counts") else None

    def _pictures(self):
        """The shown dataset when it holds pictures, else None."""
        data = self._state.dataset
        return data if data is not None and hasattr(data, "image_size") else None

    def _input_shape(self):
        if self._task == "textgen":
            data = self._text()
            if data is None:
                return None
            from engine.models.language import TextShape

            return TextShape(len(set(data.text)) + 4)  # the characters and the four special tokens
        if self._task == "translate":
            data = self._sentences()
            if data is None:
                return None
            from engine.models.translators import SequenceShape

            source, target = self._vocabulary_sizes(data)
            return SequenceShape(source, target)
        data = self._pictures()
        if data is None:
            return None
        from engine.models.registry import InputShape

        return InputShape(data.channels, *data.image_size, data.num_classes)

    def _vocabulary_sizes(self, data) -> tuple[int, int]:
        """About how many tokens each language gets: the word-piece limit, or the characters
        seen in (a sample of) the sentences plus the four special tokens."""
        if self.tokenizer_combo.currentData() != "char":
            return SUBWORD_PIECES, SUBWORD_PIECES
        if self._char_counts is None or self._char_counts[0] is not data:
            pairs = data.train[:CHAR_SAMPLE]
            sizes = (len({c for s, _ in pairs for c in s}) + 4, len({c for _, t in pairs for c in t}) + 4)
            self._char_counts = (data, sizes)
        return self._char_counts[1]

    def _parameter_count(self, name: str, shape) -> int | None:
        from engine.models.registry import build_model, count_parameters

        key = (name, shape)  # shapes are frozen dataclasses
        if key not in self._param_cache:
            try:
                if self._task == "translate":  # built without memory: the largest takes 1.6 s otherwise
                    import torch

                    with torch.device("meta"):
                        model = build_model(name, shape)
                else:
                    model = build_model(name, shape)
                # a GAN's size is its generator's: the part that is exported and used afterwards
                self._param_cache[key] = count_parameters(getattr(model, "generator", model))
            except Exception:  # noqa: BLE001 - a model that cannot be built for this shape
                self._param_cache[key] = None
        return self._param_cache[key]

    def _speed(self, info) -> str:
        """The registry's speed word explained: 'slow on a laptop CPU; fine on a GPU'."""
        return _translated(SPEED_HINTS[info.speed]) if info.speed in SPEED_HINTS else info.speed

    def _item_text(self, info, count: int | None) -> str:
        details = [self._speed(info)]
        if count is not None and info.task == "translate":
            details.insert(0, self.tr("about {count} parameters").format(count=_rounded(count)))
        elif count is not None and info.task == "gan":
            details.insert(0, self.tr("{count} parameters in the generator").format(count=f"{count:,}"))
        elif count is not None:
            details.insert(0, self.tr("{count} parameters").format(count=f"{count:,}"))
        return f"{info.name}   ·   {'   ·   '.join(details)}\n{_description(info)}"

    def _populate_models(self) -> None:
        from engine.models.registry import list_models

        self._populating = True
        try:
            self.model_list.clear()
            for info in list_models(task=self._task):
                item = QListWidgetItem()
                item.setData(NAME_ROLE, info.name)
                item.setToolTip(_description(info))
                self.model_list.addItem(item)
            self._refresh_counts()
            names = [self.model_list.item(r).data(NAME_ROLE) for r in range(self.model_list.count())]
            default = DEFAULT_MODELS.get(self._task, DEFAULT_MODEL)
            wanted = self._wanted_model if self._wanted_model in names else default
            row = names.index(wanted) if wanted in names else 0
            self.model_list.setCurrentRow(row)
        finally:
            self._populating = False
        self._wanted_model = self.selected_model()
        self._fit_list_height()
        self._update_dataset_hint()
        self._apply_defaults()

    def _refresh_counts(self) -> None:
        from engine.models.registry import get_model_info

        shape = self._input_shape()
        for row in range(self.model_list.count()):
            item = self.model_list.item(row)
            info = get_model_info(item.data(NAME_ROLE))
            count = self._parameter_count(info.name, shape) if shape is not None else None
            item.setData(PARAMS_ROLE, count)
            item.setText(self._item_text(info, count))

    def _update_details(self, recommended) -> None:
        """Describe the chosen model and the settings recommended for it."""
        item = self.model_list.currentItem()
        if not self._ready or item is None or item.data(NAME_ROLE) is None:
            self.model_details.setText("")
            self.model_details.hide()
            return
        from engine.models.registry import get_model_info

        info = get_model_info(item.data(NAME_ROLE))
        count = item.data(PARAMS_ROLE)
        dataset = html.escape(str(self._state.dataset_spec or recommended.dataset))
        numbers = dict(dataset=dataset, epochs=recommended.epochs, batch_size=recommended.batch_size,
                       lr=f"{recommended.lr:g}")
        if info.task == "translate":
            size = self.tr("about {count} parameters ({megabytes} MB as a file)").format(
                count=_rounded(count), megabytes=_megabytes(count, 0)) if count else ""
            pieces = _translated(TOKENIZER_NAMES[recommended.tokenizer])
            advice = [self.tr("<b>Recommended for {dataset}:</b> {epochs} epochs, batch size {batch_size}, learning "
                              "rate {lr}, {pieces}.").format(pieces=pieces, **numbers),
                      self.tr("The Train page shows sample translations and the score after every epoch; the finished "
                              "translator opens in the Playground.")]
        elif info.task == "textgen":
            size = self.tr("{count} parameters ({megabytes} MB as a file)").format(
                count=f"{count:,}", megabytes=_megabytes(count, 1)) if count else ""
            advice = [self.tr("<b>Recommended for {dataset}:</b> {epochs} epochs, batch size {batch_size}, learning "
                              "rate {lr}.").format(**numbers),
                      self.tr("The Train page shows a paragraph the model wrote after every epoch; the finished model "
                              "writes for you in the Playground.")]
        elif info.task == "gan":
            size = self.tr("generator: {count} parameters ({megabytes} MB as a file)").format(
                count=f"{count:,}", megabytes=_megabytes(count, 1)) if count else ""
            advice = [self.tr("<b>Recommended for {dataset}:</b> {epochs} epochs, batch size {batch_size}, learning "
                              "rate {lr}.").format(**numbers),
                      self.tr("The Train page shows new pictures after every epoch; the finished generator opens in "
                              "the Playground.")]
        else:
            size = self.tr("{count} parameters ({megabytes} MB as a file)").format(
                count=f"{count:,}", megabytes=_megabytes(count, 1)) if count else ""
            optimizer = _translated(OPTIMIZER_NAMES[recommended.optimizer])
            augment = _translated(AUGMENT_NAMES[recommended.augment])
            patience = (self.tr("stop after {count} epochs without progress").format(count=recommended.patience)
                        if recommended.patience else self.tr("no early stopping"))
            advice = [self.tr("<b>Recommended for {dataset}:</b> {epochs} epochs, batch size {batch_size}, learning "
                              "rate {lr}, {optimizer}, augmentation: {augment}, {patience}.").format(
                optimizer=optimizer, augment=augment, patience=patience, **numbers)]
        speed = self.tr("speed: {speed}").format(speed=self._speed(info))
        self.model_details.setText(
            f"<b>{html.escape(info.name)}</b><br>{html.escape(_description(info))}<br>"
            f"{size + ' · ' if size else ''}{speed}<br><br>" + "<br>".join(advice))
        self.model_details.show()

    def _update_dataset_hint(self) -> None:
        spec = html.escape(str(self._state.dataset_spec))
        if self._task == "textgen":
            data = self._text()
            if data is None:
                self.dataset_hint.setText(self.tr("Choose a text on the Data page to see the size of each model."))
                return
            self.dataset_hint.setText(
                self.tr("Sizes are for <b>{dataset}</b>: {characters} characters, {different} of them different. "
                        "Bigger models can learn longer patterns but train slower.").format(
                    dataset=spec, characters=f"{data.size:,}", different=f"{len(set(data.text)):,}"))
            return
        if self._task == "translate":
            data = self._sentences()
            if data is None:
                self.dataset_hint.setText(self.tr("Choose sentence pairs on the Data page to see the size of each "
                                                  "model."))
                return
            from desktop_app.pages.sentence_pairs_view import direction_text, languages_known

            if self.tokenizer_combo.currentData() == "char":
                vocabulary = self.tr("one token per character")
            else:
                vocabulary = self.tr("up to {count} word pieces per language").format(count=f"{SUBWORD_PIECES:,}")
            if languages_known(data.source_language):
                hint = self.tr("Sizes are for <b>{dataset}</b>: {pairs} sentence pairs, {direction}, with "
                               "{vocabulary}. Bigger models can learn harder sentences but train slower.")
            else:
                hint = self.tr("Sizes are for <b>{dataset}</b>: {pairs} sentence pairs, with {vocabulary}. Bigger "
                               "models can learn harder sentences but train slower.")
            direction = html.escape(direction_text(data.source_language, data.target_language))
            self.dataset_hint.setText(hint.format(dataset=spec, pairs=f"{data.size:,}", direction=direction,
                                                  vocabulary=vocabulary))
            return
        data = self._pictures()
        if data is None:
            self.dataset_hint.setText(self.tr("Choose a dataset on the Data page to see the size of each model."))
            return
        height, width = data.image_size
        colour = self.tr("grayscale") if data.channels == 1 else self.tr("colour")
        if self._task == "gan":
            self.dataset_hint.setText(
                self.tr("The generator learns to draw {width}×{height} {colour} pictures like those in "
                        "<b>{dataset}</b> ({classes} classes). The conditional model also lets you ask for a "
                        "class.").format(width=width, height=height, colour=colour, dataset=spec,
                                         classes=data.num_classes))
            return
        self.dataset_hint.setText(
            self.tr("Sizes are for <b>{dataset}</b>: {width}×{height} {colour} pictures, {classes} classes. More "
                    "parameters can learn more but train slower.").format(
                dataset=spec, width=width, height=height, colour=colour, classes=data.num_classes))
