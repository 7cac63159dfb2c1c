"""The Evaluate page before any training and the Runs page with a few runs (written directly, no
training) in Simplified Chinese: what a person reads shows no English. Run folder names, dates,
model and dataset names are identifiers and stay as they are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtGui import QColor, QImage  # noqa: E402
from PySide6.QtWidgets import QTableWidget  # noqa: E402

from desktop_app.state import AppState  # noqa: E402
from engine.runs.store import RunStore, write_metrics_csv  # noqa: E402
from test_i18n import chinese, english_words, identifiers, shown_texts  # noqa: E402,F401

DAY = 86_400.0
BASE = 1_750_000_000.0


def make_run(store: RunStore, *, task="classify", dataset="digits", model="mlp", status="finished", created=0.0,
             best=0.9, seconds=10.0, epochs=3, done=3, history=None, best_loss=None, **params):
    """A run folder with config, metrics and summary (and a checkpoint), indexed with `status`
    (as tests/test_gui_runs_page.py makes them)."""
    config = dict(task=task, dataset=dataset, model=model, epochs=epochs, batch_size=32, lr=0.003, seed=0)
    config.update(params)
    record = store.create_run(task, dataset, model, config)
    if history is None:
        history = [dict(epoch=e, train_loss=1.0 / e, val_loss=1.2 / e, val_accuracy=best * e / done,
                        train_accuracy=best * e / done) for e in range(1, done + 1)]
    write_metrics_csv(record.folder / "metrics.csv", history)
    (record.folder / "summary.json").write_text(json.dumps(dict(status=status, reason="", epochs_done=done,
                                                                best_epoch=done, seconds=seconds)))
    (record.folder / "checkpoints" / "last.pt").write_bytes(b"checkpoint")
    store.update(record.id, status=status, epochs_done=done, best_epoch=done, best_val_accuracy=best, seconds=seconds,
                 best_val_loss=best_loss)
    store._connect().execute("UPDATE runs SET created = ? WHERE id = ?", (BASE + created * DAY, record.id))
    return store.get(record.id)


def leftovers(texts: list[str], keep: set[str]) -> dict[str, list[str]]:
    """The texts with English words that are not identifiers (CSV is a file format, like ONNX;
    a command stays as typed)."""
    texts = [text.replace("modeldesk-cli train --config FILE", "") for text in texts]
    return {text: words for text in texts if (words := [w for w in english_words(text) if w not in keep | {"CSV"}])}


def table_texts(table: QTableWidget) -> list[str]:
    """The headers and cells of `table` as shown."""
    texts = []
    for column in range(table.columnCount()):
        header = table.horizontalHeaderItem(column)
        if header is not None:
            texts += [header.text(), header.toolTip()]
    for row in range(table.rowCount()):
        header = table.verticalHeaderItem(row)
        if header is not None:
            texts.append(header.text())
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                texts += [item.text(), item.toolTip()]
    return [text for text in texts if text]


def test_in_chinese_the_evaluate_page_before_training_shows_no_english(qtbot, chinese):
    from desktop_app.pages.evaluate_page import EvaluatePage

    page = EvaluatePage(AppState())
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.show()
    assert page.stack.currentIndex() == 0
    assert not leftovers(shown_texts(page), identifiers())
    assert page.empty_label.text() == "训练一个模型，看看它表现如何。"
    # The results page's fixed words, and the class table's headers and their tips.
    assert not leftovers(table_texts(page.class_table), identifiers())
    assert not leftovers([page.export_button.text(), page.export_button.toolTip(), page.cell_caption.text()],
                         identifiers())


def test_in_chinese_the_runs_page_shows_no_english(qtbot, chinese, tmp_path):
    from desktop_app.pages.runs_page import RunsPage

    runs_dir = tmp_path / "runs"
    page = RunsPage(AppState(), runs_dir)
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.show()  # no runs yet: the empty state
    keep = identifiers()
    assert page.stack.currentIndex() == 0 and page.empty_label.text() == "你训练的运行记录会显示在这里。"
    assert not leftovers(shown_texts(page), keep)

    store = RunStore(runs_dir)
    try:
        first = make_run(store, created=0, best=0.75, done=2, epochs=5, status="stopped")
        (first.folder / "evaluation.json").write_text(json.dumps(dict(
            classes=["0", "1"], confusion=[[3, 1], [0, 4]], accuracy=0.875, f1=[0.86, 0.89])))
        second = make_run(store, created=1, best=0.9, lr=0.01, epochs=1, done=1)
        writer = make_run(store, created=2, task="textgen", dataset="fables", model="char-lstm", best=None,
                          best_loss=1.4, history=[dict(epoch=1, val_loss=1.4, train_loss=1.6, val_perplexity=4.05)])
        summary = json.loads((writer.folder / "summary.json").read_text())
        summary.update(val_perplexity=4.05, unigram_perplexity=27.3, sample="xx", prompt="yy")
        (writer.folder / "summary.json").write_text(json.dumps(summary))
        drawer = make_run(store, created=3, task="gan", model="dcgan", best=0.8,
                          history=[dict(epoch=1, d_loss=0.7, g_loss=1.5, recognised=0.8)])
        (drawer.folder / "samples").mkdir()
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor("red"))
        image.save(str(drawer.folder / "samples" / "epoch_0001.png"))
        summary = json.loads((drawer.folder / "summary.json").read_text())
        summary.update(coverage=9, num_classes=10, reference_accuracy=0.97)
        (drawer.folder / "summary.json").write_text(json.dumps(summary))
        translator = make_run(store, created=4, task="translate", dataset="numbers:en-fr", model="gru-attention",
                              best=0.5, history=[dict(epoch=1, val_loss=2.0, exact_match=0.5, bleu=40.0)])
        summary = json.loads((translator.folder / "summary.json").read_text())
        summary.update(bleu=41.5, chrf=70.25, exact_match=0.5, test_bleu=39.0, test_chrf=69.0, test_exact_match=0.45,
                       test_size=200)
        (translator.folder / "summary.json").write_text(json.dumps(summary))
    finally:
        store.close()
    runs = (first, second, writer, drawer, translator)
    keep |= {word for run in runs for word in re.findall(r"[A-Za-z]{3,}", Path(run.folder).name)}
    # Model names, task ids (in the settings that differ) and the translation scores' names.
    keep |= {"char", "lstm", "gru", "attention", "classify", "textgen", "gan", "translate", "BLEU", "chrF"}

    def table_texts_without_folders(table: QTableWidget) -> list[str]:  # a run's tooltip names its folder
        return [text.replace(str(runs_dir), "") for text in table_texts(table)]

    page.refresh()
    assert page.stack.currentIndex() == 1
    assert page.count_label.text() == "5 次运行"
    assert not leftovers(shown_texts(page) + table_texts_without_folders(page.table), keep)
    assert "准确率 75.0%" in [page.table.item(row, 6).text() for row in range(page.table.rowCount())]

    for chosen in ([first.id], [writer.id], [drawer.id], [translator.id], [first.id, second.id],
                   [first.id, writer.id], [drawer.id, translator.id]):
        page.select_runs(chosen)
        assert len(page.selected_runs()) == len(chosen)
        texts = shown_texts(page) + table_texts_without_folders(page.diff_table)
        texts += [page.details_view.summary_label.text(), page.details_view.caption.text(),
                  page.details_view.scores_label.text(), page.curves_view.note.text()]
        assert not leftovers([re.sub(r"<[^>]+>", " ", text) for text in texts], keep), chosen
    page.select_runs([first.id])  # stopped: it can be resumed
    assert page.resume_button.text() == "继续(&R)" and "准确率 75.0%" in page.details_view.summary_label.text()
    assert "已停止" in page.details_view.summary_label.text()


def test_in_chinese_the_evaluate_page_with_a_result_shows_no_english(qtbot, chinese, tmp_path):
    from desktop_app.pages.evaluate_page import EvaluatePage
    from engine.data.registry import load_dataset
    from engine.train.config import TrainConfig
    from engine.train.run import train_classifier

    result = train_classifier(TrainConfig(dataset="digits", epochs=2), runs_dir=tmp_path / "runs",
                              data=load_dataset("digits"), export=False)
    page = EvaluatePage(AppState())
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.show()
    page._state.set_result(result)
    assert page.stack.currentIndex() == 1
    keep = identifiers() | set(english_words(result.device))  # the device's name, made by the engine
    texts = shown_texts(page) + table_texts(page.class_table) + [page.confusion_plot.toolTip()]
    texts += [page.mistakes_gallery.item(i).toolTip() for i in range(min(3, page.mistakes_gallery.count()))]
    texts += [page.mistakes_gallery.item(i).text() for i in range(min(3, page.mistakes_gallery.count()))]
    for cell in ((0, 0), (3, 5)):
        page.show_cell(*cell)
        texts.append(page.cell_caption.text())
    assert not leftovers(texts, keep)
    assert "验证准确率" in page.summary_label.text()
