"""The Train page in Simplified Chinese: before a run, while one runs (fed a few synthetic engine
events through the page's event slot, as the worker would) and after it ended, for each task,
its buttons, labels, tooltips, plot titles, axes, legends, summaries and the log's lines (the
engine's Sentences, said in Chinese) show no English."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("pytestqt")

from test_i18n import chinese, english_words, identifiers, shown_texts  # noqa: E402,F401

TASKS = [("classify", "digits"), ("gan", "digits"), ("translate", "numbers:en-fr"), ("textgen", "fables")]
METRICS = {"BLEU", "chrF"}  # the names of the translation scores stay as they are


def plot_texts(root) -> list[str]:
    """The titles, axis labels, legend entries and marker labels of the visible plots on `root`."""
    import pyqtgraph as pg

    texts = []
    for plot in root.findChildren(pg.PlotWidget):
        if not plot.isVisibleTo(root):
            continue
        item = plot.getPlotItem()
        texts.append(item.titleLabel.text)
        texts += [item.getAxis(name).labelText for name in ("left", "bottom")]
        if item.legend is not None:
            texts += [label.text for _, label in item.legend.items]
        texts += [line.label.format for line in item.items  # pyqtgraph makes `label` only for a labelled line
                  if isinstance(line, pg.InfiniteLine) and getattr(line, "label", None)]
    return [text for text in texts if text]


def table_texts(root) -> list[str]:
    """The column titles (and their tooltips) of the visible tables on `root`."""
    from PySide6.QtWidgets import QTableWidget

    texts = []
    for table in root.findChildren(QTableWidget):
        if table.isVisibleTo(root):
            for column in range(table.columnCount()):
                header = table.horizontalHeaderItem(column)
                texts += [header.text(), header.toolTip()]
    return texts


def leftovers(page, keep: set[str], drop: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """The English words left on the Train page (`drop` cut from the texts), the log's lines too."""
    texts = (shown_texts(page) + plot_texts(page) + table_texts(page) + [page.gan_view.grid_view.empty_text]
             + page.log_view.toPlainText().splitlines())
    found = {}
    for text in texts:
        for part in drop:
            text = text.replace(part, " ")
        if words := [w for w in english_words(text) if w not in keep]:
            found[text] = words
    return found


def feed(page, task: str) -> None:
    """Two epochs of a run of `task`, as the worker reports them, then the curves refreshed."""
    from engine.train.events import (BatchEnd, EpochEnd, GanBatchEnd, GanEpochEnd, SamplesReady, TextgenEpochEnd,
                                     TrainingFinished, TrainingStarted, TranslateEpochEnd)

    page._run_task = task
    page._show_view(task)
    from engine.sentences import Sentence
    from engine.train.events import Status

    items = {"translate": Sentence("sentence pairs"), "textgen": Sentence("characters")}.get(task, Sentence("images"))
    page._on_event(TrainingStarted(run_dir="", device=Sentence("CPU ({count} threads)", count=2), model_name="",
                                   parameters=1000, train_size=100, val_size=10, epochs=3, steps_per_epoch=4,
                                   start_epoch=1, items=items))
    page._on_event(Status(Sentence("Exporting the translator to ONNX and checking it against PyTorch…")))
    for epoch in (1, 2):
        for step in range(1, 5):
            global_step = (epoch - 1) * 4 + step
            if task == "gan":
                page._on_event(GanBatchEnd(epoch, step, 4, global_step, 0.7, 1.2, 0.6, 0.4))
            else:
                page._on_event(BatchEnd(epoch, step, 4, global_step, 2.0 / global_step))
        if task == "classify":
            page._on_event(EpochEnd(epoch, 3, 0.5, 0.8, 0.4, 0.85, 1e-3, 900.0, 1.0, True))
        elif task == "gan":
            grid = np.zeros((28, 28), dtype=np.uint8)
            page._on_event(SamplesReady(epoch=epoch, global_step=epoch * 4, grid=grid, epoch_end=True))
            page._on_event(GanEpochEnd(epoch, 3, 0.7, 1.2, 0.6, 0.4, 0.8, 9, 10, 0.7, 500.0, 1.0, True))
        elif task == "translate":
            samples = (("three", "trois", "trois"), ("forty two", "quarante-deux", "quarante deux"))
            page._on_event(TranslateEpochEnd(epoch, 3, 1.0, 1.1, 0.8, 60.0, 70.0, 0.5, samples, 1e-3, 300.0, 1.0,
                                             True))
        else:
            page._on_event(TextgenEpochEnd(epoch, 3, 1.5, 1.6, 4.2, "pa xe", 1e-3, 5000.0, 1.0, True, prompt="A ",
                                           unigram_perplexity=27.9))
    extra = {"gan": dict(task="gan", coverage=9, num_classes=10),
             "translate": dict(task="translate", bleu=60.0, chrf=70.0, exact_match=0.5),
             "textgen": dict(task="textgen", val_perplexity=4.2, unigram_perplexity=27.9)}.get(task, {})
    page._on_event(TrainingFinished("finished", Sentence("Finished all {count} epochs.", count=2), 2, 2, 0.85, 0.4,
                                    2.0, "", extra))
    page.refresh_plots()


def finished_result(task: str, tmp_path):
    """A synthetic result of a finished two-epoch run of `task`, with the engine's reason."""
    from engine.sentences import Sentence

    onnx = tmp_path / "model.onnx"
    onnx.write_bytes(b"")
    common = dict(task=task, status="finished", reason=Sentence("Finished all {count} epochs.", count=2), run_dir=tmp_path, epochs_done=2, best_epoch=2,
                  export=SimpleNamespace(path=onnx))
    if task == "gan":
        return SimpleNamespace(recognised=0.82, coverage=10, num_classes=10, agreement=0.7, **common)
    if task == "translate":
        return SimpleNamespace(bleu=99.2, chrf=99.9, exact_match=0.988, test_size=1000, test_bleu=98.0,
                               test_exact_match=0.97, **common)
    if task == "textgen":
        return SimpleNamespace(val_perplexity=4.21, unigram_perplexity=27.9, **common)
    return SimpleNamespace(val_accuracy=0.97, **{**common, "export": None})


@pytest.mark.parametrize("task, spec", TASKS)
def test_in_chinese_the_train_page_shows_no_english(qtbot, chinese, monkeypatch, tmp_path, task, spec):
    from desktop_app.engine_loader import EngineInfo
    from desktop_app.pages.model_page import ModelPage
    from desktop_app.pages.train_page import TrainPage
    from desktop_app.state import AppState
    from engine.data.registry import load_dataset
    from engine.train.events import Paused

    state = AppState()
    state.set_task(task)
    model_page = ModelPage(state)
    page = TrainPage(state, model_page)
    for widget in (model_page, page):
        qtbot.addWidget(widget)
    page.resize(1180, 780)
    page.show()
    keep = identifiers() | METRICS | {"PyTorch"}
    assert not leftovers(page, keep), "while the engine loads"

    state.set_engine(EngineInfo("CPU", [], "2.14", "1.31"))
    state.set_dataset(spec, load_dataset(spec))
    assert page.start_button.text() == "开始训练(&S)"
    assert not leftovers(page, keep), "before a run"

    feed(page, task)
    page._task, page._control = object(), SimpleNamespace(paused=True)  # as while a run is paused
    page._update_buttons()
    assert page.pause_button.text() == "继续(&R)"
    samples = ("three -> trois",)  # the log's sample translation: the data, not the window's words
    during = leftovers(page, keep, drop=samples)
    page._on_event(Paused(epoch=2, step=3))
    assert not leftovers(page, keep, drop=samples) and not during, ("during a run", during)

    page._task = page._control = None
    monkeypatch.setattr(state, "set_result", lambda result: None)  # the other pages are not here
    page._on_finished(finished_result(task, tmp_path))
    page._update_buttons()
    assert not leftovers(page, keep, drop=(str(tmp_path / "model.onnx"), str(tmp_path)) + samples), "after the run"
    assert page.playground_button.isVisible() == (task != "classify")


def test_time_left_and_summaries_in_chinese(chinese, tmp_path):
    from desktop_app.pages.train_page import format_seconds, gan_summary, textgen_summary, translate_summary

    assert format_seconds(45) == "45 秒" and format_seconds(200) == "3 分 20 秒"
    assert format_seconds(3900) == "1 小时 05 分"
    for summary, task in ((gan_summary, "gan"), (translate_summary, "translate"), (textgen_summary, "textgen")):
        for epochs_done in (0, 2):
            result = finished_result(task, tmp_path)
            result.epochs_done = epochs_done
            text = summary(result)
            assert not [w for w in english_words(text) if w not in METRICS], text
