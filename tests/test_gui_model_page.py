"""The Model page: model list from the registry with parameter counts, recommended settings,
config() reflecting every control, device choices, remembered model, torch-free import."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from desktop_app.engine_loader import EngineInfo  # noqa: E402
from desktop_app.pages.model_page import NAME_ROLE, NO_GPU_NOTE, PARAMS_ROLE, ModelPage  # noqa: E402
from desktop_app.settings import app_settings  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from engine.data.base import ImageData  # noqa: E402
from engine.models.registry import InputShape, build_model, count_parameters, list_models  # noqa: E402
from engine.train.config import TrainConfig, resolve_defaults  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CPU = EngineInfo("CPU (2 threads)", [], "x", "y")


def _digits() -> ImageData:
    try:
        from engine.data.registry import load_dataset

        return load_dataset("digits")
    except Exception:  # noqa: BLE001 - other dataset sources may be unfinished; digits alone is enough
        from engine.data.digits import load_digits
        from engine.data.registry import LoadOptions

        return load_digits(None, LoadOptions())


@pytest.fixture(scope="module")
def digits() -> ImageData:
    return _digits()


def _fake_rgb(classes: int = 10, size: int = 32) -> ImageData:
    rng = np.random.default_rng(0)
    images = rng.integers(0, 255, (20, size, size, 3), dtype=np.uint8)
    return ImageData("fake", [f"c{i}" for i in range(classes)], images, np.arange(20) % classes)


def _page(qtbot, state: AppState) -> ModelPage:
    page = ModelPage(state)
    qtbot.addWidget(page)
    return page


def _ready_page(qtbot, digits, info=CPU) -> tuple[ModelPage, AppState]:
    state = AppState()
    page = _page(qtbot, state)
    state.set_engine(info)
    state.set_dataset("digits", digits)
    return page, state


def _assert_recommended(page: ModelPage, dataset: str, model: str) -> None:
    expected = resolve_defaults(TrainConfig(dataset=dataset, model=model))
    config = page.config()
    assert (config.dataset, config.model) == (dataset, model)
    for key in ("epochs", "batch_size", "lr", "optimizer", "augment", "patience"):
        assert getattr(config, key) == pytest.approx(getattr(expected, key)), key


def test_module_import_and_page_before_engine_stay_torch_free():
    code = textwrap.dedent("""
        import os, sys, tempfile
        os.environ['QT_QPA_PLATFORM'] = 'offscreen'
        os.environ['MODELDESK_HOME'] = tempfile.mkdtemp()
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop_app.state import AppState
        from desktop_app.pages.model_page import ModelPage
        from desktop_app.pages.evaluate_page import EvaluatePage
        state = AppState()
        page, evaluate = ModelPage(state), EvaluatePage(state)
        assert not page.content.isEnabled()
        assert not page.loading_label.isHidden() and 'Loading the training engine' in page.loading_label.text()
        assert page.config().model == 'cnn-small'
        assert 'torch' not in sys.modules, 'the pages must not import torch before the engine is ready'
        print('ok')
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")


def test_lists_every_model_with_its_parameter_count(qtbot, digits):
    page, state = _ready_page(qtbot, digits)
    assert page.content.isEnabled() and page.loading_label.isHidden()
    models = list_models(task="classify")
    assert page.model_list.count() == len(models) == 4
    shape = InputShape(digits.channels, *digits.image_size, digits.num_classes)
    for row, info in enumerate(models):
        item = page.model_list.item(row)
        expected = count_parameters(build_model(info.name, shape))
        assert item.data(NAME_ROLE) == info.name
        assert item.data(PARAMS_ROLE) == expected
        assert f"{expected:,} parameters" in item.text()
        assert info.description in item.text()
    assert "slow on a laptop CPU; fine on a GPU" in page.model_list.item(3).text()
    assert page.selected_model() == "cnn-small"

    # A different image shape changes the counts.
    rgb = _fake_rgb(classes=5, size=32)
    state.set_dataset("folder:/somewhere", rgb)
    shape = InputShape(3, 32, 32, 5)
    for row, info in enumerate(models):
        assert page.model_list.item(row).data(PARAMS_ROLE) == count_parameters(build_model(info.name, shape))


def test_dataset_before_engine_is_handled(qtbot, digits):
    state = AppState()
    page = _page(qtbot, state)
    state.set_dataset("digits", digits)
    assert not page.content.isEnabled()
    state.set_engine(CPU)
    assert page.content.isEnabled()
    assert page.model_list.item(0).data(PARAMS_ROLE) is not None
    _assert_recommended(page, "digits", "cnn-small")


def test_recommended_settings_follow_model_and_dataset(qtbot, digits):
    page, state = _ready_page(qtbot, digits)
    _assert_recommended(page, "digits", "cnn-small")
    page.select_model("resnet18")
    _assert_recommended(page, "digits", "resnet18")
    state.set_dataset("cifar10", _fake_rgb())
    _assert_recommended(page, "cifar10", "resnet18")
    assert page.augment_combo.currentText() == "Shift and mirror pictures"
    page.model_list.setCurrentRow(0)  # as a click would
    _assert_recommended(page, "cifar10", "mlp")

    page.epochs_spin.setValue(99)
    page.augment_combo.setCurrentIndex(page.augment_combo.findData("none"))
    page.reset_button.click()
    _assert_recommended(page, "cifar10", "mlp")


def test_edits_are_reflected_in_config(qtbot, digits):
    page, _ = _ready_page(qtbot, digits)
    page.select_model("lenet5")
    page.epochs_spin.setValue(7)
    page.batch_spin.setValue(64)
    page.lr_spin.setValue(0.00123)
    page.optimizer_combo.setCurrentIndex(page.optimizer_combo.findData("sgd"))
    page.augment_combo.setCurrentIndex(page.augment_combo.findData("crop"))
    page.patience_spin.setValue(3)
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    config = page.config()
    assert (config.model, config.epochs, config.batch_size, config.optimizer, config.augment, config.patience,
            config.device) == ("lenet5", 7, 64, "sgd", "crop", 3, "cpu")
    assert config.lr == pytest.approx(0.00123)
    assert config.dataset == "digits"
    resolve_defaults(config)  # the engine accepts it
    page.patience_spin.setValue(0)
    assert page.patience_spin.text() == "Off" and page.config().patience == 0


def test_cpu_only_machine_offers_no_gpu(qtbot, digits):
    page, _ = _ready_page(qtbot, digits)
    data = [page.device_combo.itemData(i) for i in range(page.device_combo.count())]
    assert data == ["auto", "cpu"]
    assert page.device_combo.itemText(0) == "Automatic (best available)"
    assert not page.mixed_precision_check.isEnabled()
    assert page.device_note.text() == NO_GPU_NOTE and not page.device_note.isHidden()
    for widget in (page.epochs_spin, page.batch_spin, page.lr_spin, page.optimizer_combo, page.augment_combo,
                   page.patience_spin, page.device_combo, page.mixed_precision_check, page.reset_button):
        assert widget.toolTip(), widget
    assert page.lr_spin.decimals() == 5
    assert page.lr_spin.minimum() == pytest.approx(1e-5) and page.lr_spin.maximum() == pytest.approx(1.0)


def test_a_listed_gpu_can_be_chosen_with_mixed_precision(qtbot, digits):
    page, _ = _ready_page(qtbot, digits, EngineInfo("NVIDIA Test", ["NVIDIA Test"], "x", "y"))
    index = page.device_combo.findData("cuda")
    assert index == 2 and page.device_combo.itemText(index) == "GPU: NVIDIA Test"
    assert page.device_note.isHidden()
    assert page.mixed_precision_check.isEnabled() and page.config().mixed_precision
    page.device_combo.setCurrentIndex(index)
    assert page.config().device == "cuda"
    page.mixed_precision_check.setChecked(False)
    assert page.config().mixed_precision is False
    page.device_combo.setCurrentIndex(page.device_combo.findData("cpu"))
    assert not page.mixed_precision_check.isEnabled()


def test_editing_can_be_forbidden_while_training(qtbot, digits):
    page, _ = _ready_page(qtbot, digits)
    page.set_editable(False)
    assert not page.content.isEnabled()
    page.set_editable(True)
    assert page.content.isEnabled()


def test_the_chosen_model_is_remembered(qtbot, digits):
    page, _ = _ready_page(qtbot, digits)
    page.select_model("lenet5")
    settings = app_settings()
    page.save_settings(settings)
    settings.sync()
    assert settings.value("model/name") == "lenet5"

    state = AppState()
    again = _page(qtbot, state)
    assert again.selected_model() == "lenet5"  # known before the engine is ready
    state.set_engine(CPU)
    assert again.selected_model() == "lenet5"
    assert again.model_list.currentItem().data(NAME_ROLE) == "lenet5"


def test_unknown_remembered_model_falls_back_to_the_default(qtbot):
    settings = app_settings()
    settings.setValue("model/name", "no-such-model")
    settings.sync()
    state = AppState()
    page = _page(qtbot, state)
    state.set_engine(CPU)
    assert page.selected_model() == "cnn-small"


def test_a_page_closed_right_after_it_is_shown_leaves_no_late_callback(qtbot, digits):
    """Showing the page schedules a layout fix for the next event-loop turn; a page deleted
    before that turn must not be touched by it (it used to raise 'already deleted')."""
    import shiboken6

    state = AppState()
    page = ModelPage(state)
    state.set_engine(CPU)
    state.set_dataset("digits", digits)
    page.show()
    shiboken6.delete(page)
    qtbot.wait(50)  # pytest-qt fails the test on an exception raised in a Qt callback
