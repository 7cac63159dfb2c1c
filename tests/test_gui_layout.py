"""Every page of the window at its default size (1180 x 780), in English and in Chinese: no widget
runs past the visible area of its scroll area or its parent and no wrapped text is cut off (see
tests/layout_check.py), with a foreign classifier open in the Playground (its extra settings are
the widest column), and no text of a Train page plot lies over the plot's legend (for each task's
view: the classifier's, the GAN's, the translator's and the text generator's). First, the checker
itself on small hand-made layouts."""

from __future__ import annotations

import math

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget  # noqa: E402

from layout_check import overflows, texts_over_legends  # noqa: E402
from onnx_factories import foreign_minus_one_model  # noqa: E402
from test_i18n import chinese  # noqa: E402, F401

PAGES = ("Data", "Model", "Train", "Evaluate", "Playground", "Runs")
EPOCHS = 20


def column(qtbot, content_width: int, content_height: int, horizontal_bar: Qt.ScrollBarPolicy) -> QWidget:
    """A 200 x 150 scroll area (shown) holding content of at least the given size."""
    scroll = QScrollArea()
    qtbot.addWidget(scroll)
    scroll.setHorizontalScrollBarPolicy(horizontal_bar)
    scroll.setWidgetResizable(True)
    content = QWidget()
    content.setMinimumSize(content_width, content_height)
    QVBoxLayout(content).addWidget(QPushButton("Pixel values"))
    scroll.setWidget(content)
    scroll.resize(200, 150)
    scroll.show()
    qtbot.waitExposed(scroll)
    qtbot.wait(10)  # the scroll bars follow the content's size at the next layout pass
    return scroll


def test_the_checker_reports_what_is_cut_off_and_not_what_scrolls(qtbot):
    too_wide = overflows(column(qtbot, 260, 100, Qt.ScrollBarPolicy.ScrollBarAlwaysOff))
    assert too_wide and all("px on the right" in line for line in too_wide), too_wide
    assert any(line.startswith('QPushButton "Pixel values"') for line in too_wide), too_wide
    assert overflows(column(qtbot, 260, 100, Qt.ScrollBarPolicy.ScrollBarAsNeeded)) == []  # a scroll bar reaches it
    assert overflows(column(qtbot, 100, 600, Qt.ScrollBarPolicy.ScrollBarAlwaysOff)) == []  # tall: scrolls down

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(120, 60)
    outside = QLabel("Channel order", parent)
    outside.setGeometry(100, 10, 50, 20)
    hidden = QLabel("hidden", parent)
    hidden.setGeometry(500, 10, 50, 20)
    hidden.hide()
    cut = QLabel("a sentence long enough to wrap onto several lines at this width", parent)
    cut.setWordWrap(True)
    cut.setGeometry(0, 0, 60, 16)
    parent.show()
    qtbot.waitExposed(parent)
    problems = overflows(parent)
    assert len(problems) == 2, problems
    assert problems[0] == 'QLabel "Channel order" reaches past its parent QWidget (120x60 px): 30 px on the right'
    assert problems[1].startswith('QLabel "a sentence long enough') and "cut off" in problems[1]


@pytest.fixture(params=["en", "zh_CN"])
def language(request) -> str:
    """Each test in English and in Chinese (the Chinese translation installed for it)."""
    if request.param == "zh_CN":
        request.getfixturevalue("chinese")
    return request.param


@pytest.fixture
def all_pages(qtbot, language):
    """The main window at its default size, every page built (no engine: nothing here trains)."""
    from desktop_app.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1180, 780)
    win.show()
    win.build_all_pages()
    yield win
    win.close()


def feed_classifier_run(page, best: int) -> None:
    """A 20-epoch classifier run on the Train page, shown up to epoch `best`, each epoch better
    than the last (the best line at the newest epoch, where the curves and the legend are)."""
    from engine.train.events import BatchEnd, EpochEnd, TrainingStarted

    page._run_task = "classify"
    page._show_view("classify")
    page._on_event(TrainingStarted(run_dir="", device="CPU", model_name="", parameters=1000, train_size=100,
                                   val_size=10, epochs=EPOCHS, steps_per_epoch=4, start_epoch=1))
    for epoch in range(1, best + 1):
        for step in range(1, 5):
            global_step = (epoch - 1) * 4 + step
            page._on_event(BatchEnd(epoch, step, 4, global_step, 2.3 * math.exp(-global_step / 10)))
        fall = math.exp(-epoch / 3)
        page._on_event(EpochEnd(epoch, EPOCHS, 2.3 * fall, 1 - 0.8 * fall, 2.3 * fall + 0.1, 0.97 - 0.8 * fall,
                                1e-3, 900.0, 1.0, True))
    page.refresh_plots()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_every_page_fits_at_the_default_size(qtbot, all_pages, tmp_path):
    playground = all_pages.playground_page
    with qtbot.waitSignal(playground.model_opened, timeout=15_000):
        playground.open_model(str(foreign_minus_one_model(tmp_path / "foreign.onnx")))
    assert playground.preprocess_box.isVisibleTo(playground)  # the settings a foreign model needs
    problems = []
    for name in PAGES:
        all_pages.show_page(name)
        qtbot.wait(20)
        problems += [f"{name}: {line}" for line in overflows(all_pages)]
    assert not problems, "\n".join(problems)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("best", [3, 16, EPOCHS])
def test_the_best_epoch_never_covers_a_legend(qtbot, all_pages, best):
    train = all_pages.train_page
    feed_classifier_run(train, best)
    all_pages.show_page("Train")
    qtbot.wait(20)
    assert train.best_epoch == best
    lines = [marker.line for marker in train.best_markers]
    assert all(line.isVisible() and line.value() == best for line in lines)
    best_word = QCoreApplication.translate("TrainPage", "best")
    assert all(best_word in legend_names(plot) for plot in (train.loss_plot, train.accuracy_plot))
    problems = texts_over_legends(train)
    assert not problems, "\n".join(problems)
    assert not overflows(all_pages)

    train._clear_curves()  # as when the next run starts: no best epoch yet
    assert not any(line.isVisible() for line in lines)
    assert not any(best_word in legend_names(plot) for plot in (train.loss_plot, train.accuracy_plot))


def legend_names(plot) -> list[str]:
    """The names listed in a plot's legend, as shown."""
    return [label.text for _, label in plot.getPlotItem().legend.items]


def feed_other_run(page, task: str, best: int) -> None:
    """A 20-epoch run of `task` ("gan", "translate" or "textgen") on the Train page, shown up to
    epoch `best`, each epoch better than the last (the best line at the newest epoch, where the
    quality curves climb towards the legend in the bottom right corner)."""
    from engine.train.events import (BatchEnd, GanBatchEnd, GanEpochEnd, SamplesReady, TextgenEpochEnd,
                                     TrainingStarted, TranslateEpochEnd)

    page._run_task = task
    page._show_view(task)
    page._on_event(TrainingStarted(run_dir="", device="CPU", model_name="", parameters=1000, train_size=100,
                                   val_size=10, epochs=EPOCHS, steps_per_epoch=4, start_epoch=1))
    samples = (("three", "trois", "trois"), ("forty two", "quarante-deux", "quarante deux"))
    for epoch in range(1, best + 1):
        for step in range(1, 5):
            global_step = (epoch - 1) * 4 + step
            loss = 2.3 * math.exp(-global_step / 10)
            if task == "gan":
                page._on_event(GanBatchEnd(epoch, step, 4, global_step, 0.7 + loss / 10, 1.2 - loss / 10, 0.6, 0.4))
            else:
                page._on_event(BatchEnd(epoch, step, 4, global_step, loss))
        fall = math.exp(-epoch / 3)
        if task == "gan":  # a conditional model: all three quality curves in the legend
            grid = np.zeros((28, 28), dtype=np.uint8)
            page._on_event(SamplesReady(epoch=epoch, global_step=epoch * 4, grid=grid, epoch_end=True))
            page._on_event(GanEpochEnd(epoch, EPOCHS, 0.7, 1.2, 0.6, 0.4, 0.95 - 0.8 * fall, 10 - int(9 * fall), 10,
                                       0.9 - 0.8 * fall, 500.0, 1.0, True))
        elif task == "translate":
            page._on_event(TranslateEpochEnd(epoch, EPOCHS, 2.3 * fall, 2.3 * fall + 0.1, 1 - 0.8 * fall,
                                             95 - 80 * fall, 97 - 70 * fall, 0.9 - 0.8 * fall, samples, 1e-3, 300.0,
                                             1.0, True))
        else:
            page._on_event(TextgenEpochEnd(epoch, EPOCHS, 2.3 * fall + 1, 2.3 * fall + 1.1, math.exp(2.3 * fall + 1.1),
                                           "pa xe", 1e-3, 5000.0, 1.0, True, prompt="A ", unigram_perplexity=27.9))
    page.refresh_plots()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("best", [3, 16, EPOCHS])
@pytest.mark.parametrize("task, context, best_plot", [("gan", "GanTrainView", "quality_plot"),
                                                      ("translate", "TranslateTrainView", "quality_plot"),
                                                      ("textgen", "TextgenTrainView", "perplexity_plot")])
def test_the_best_epoch_never_covers_a_legend_of_the_other_tasks(qtbot, all_pages, task, context, best_plot, best):
    train = all_pages.train_page
    view = {"gan": train.gan_view, "translate": train.translate_view, "textgen": train.textgen_view}[task]
    feed_other_run(train, task, best)
    all_pages.show_page("Train")
    qtbot.wait(20)
    assert view.isVisible() and view.best_epoch == best
    assert view.best_line.isVisible() and view.best_line.value() == best
    problems = texts_over_legends(view)
    assert not problems, "\n".join(problems)
    best_word = QCoreApplication.translate(context, "best")
    plot = getattr(view, best_plot)
    assert best_word in legend_names(plot)
    assert not overflows(all_pages)

    view.reset()  # as when the next run starts: no best epoch yet
    assert not view.best_line.isVisible()
    assert best_word not in legend_names(plot)
