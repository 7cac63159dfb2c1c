"""The Runs page on run folders written directly (no training): listing, sorting, filtering,
curves overlaid, settings that differ, one run's evaluation again, and the actions (resume,
duplicate, training job, metrics CSV, open folder, delete) with real clicks."""

from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop_app.pages.run_details_view import CONFUSION, NOTHING, SAMPLES, SCORES  # noqa: E402
from desktop_app.pages.runs_page import EMPTY_TEXT, RunsPage  # noqa: E402
from desktop_app.state import AppState  # noqa: E402
from engine.runs.store import RunStore, write_metrics_csv  # noqa: E402

DAY = 86_400.0
BASE = 1_750_000_000.0  # a fixed date, so the order of the rows is known


def make_run(store: RunStore, *, task="classify", dataset="digits", model="mlp", status="finished", created=0.0,
             best=0.9, seconds=10.0, epochs=3, done=3, history=None, checkpoint=True, reason="", **params):
    """A run folder with config, metrics, summary (and a checkpoint), indexed with `status`."""
    config = dict(task=task, dataset=dataset, model=model, epochs=epochs, batch_size=32, lr=0.003, seed=0)
    config.update(params)
    record = store.create_run(task, dataset, model, config)
    if history is None:
        history = [dict(epoch=e, train_loss=1.0 / e, val_loss=1.2 / e, val_accuracy=best * e / done,
                        train_accuracy=best * e / done) for e in range(1, done + 1)]
    write_metrics_csv(record.folder / "metrics.csv", history)
    (record.folder / "summary.json").write_text(json.dumps(dict(status=status, reason=reason, epochs_done=done,
                                                                best_epoch=done, seconds=seconds)))
    if checkpoint:
        (record.folder / "checkpoints" / "last.pt").write_bytes(b"checkpoint")
    store.update(record.id, status=status, epochs_done=done, best_epoch=done, best_val_accuracy=best, seconds=seconds)
    store._connect().execute("UPDATE runs SET created = ? WHERE id = ?", (BASE + created * DAY, record.id))
    return store.get(record.id)


@pytest.fixture
def runs_dir(tmp_path):
    return tmp_path / "runs"


@pytest.fixture
def store(runs_dir):
    store = RunStore(runs_dir)
    yield store
    store.close()


@pytest.fixture
def state():
    return AppState()


@pytest.fixture
def opened():
    return []


@pytest.fixture
def make_page(qtbot, state, runs_dir, opened):
    def make() -> RunsPage:
        page = RunsPage(state, runs_dir, open_url=lambda url: opened.append(url) or True)
        qtbot.addWidget(page)
        page.resize(1180, 780)
        page.show()  # showing refreshes
        qtbot.waitExposed(page)
        return page

    return make


def click_row(qtbot, page: RunsPage, run_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    row = next(r for r in range(page.table.rowCount()) if page._row_id(r) == run_id)
    rect = page.table.visualRect(page.table.model().index(row, 2))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def click_header(qtbot, page: RunsPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def error_texts(page: RunsPage) -> list[str]:
    return [box.text() for box in page.findChildren(QMessageBox) if box.objectName() == "errorDialog"]


def column_texts(page: RunsPage, column: int) -> list[str]:
    return [page.table.item(r, column).text() for r in range(page.table.rowCount()) if not page.table.isRowHidden(r)]


# ----- listing, sorting, filtering ------------------------------------------------------------------
def test_no_runs_shows_a_friendly_sentence(make_page):
    page = make_page()
    assert page.stack.currentIndex() == 0 and page.empty_label.text() == EMPTY_TEXT
    assert not page.delete_button.isEnabled() and "Choose" in page.delete_button.toolTip()


def test_runs_are_listed_newest_first_and_sort_by_number(qtbot, make_page, store):
    small = make_run(store, created=0, best=0.095, seconds=5, model="mlp")
    large = make_run(store, created=1, best=0.85, seconds=65, model="cnn-small")
    gan = make_run(store, created=2, best=0.5, seconds=3700, task="gan", model="dcgan")
    page = make_page()
    assert page.stack.currentIndex() == 1 and page.count_label.text() == "3 runs"
    assert page.run_ids_shown() == [gan.id, large.id, small.id]
    assert column_texts(page, 1) == ["Generation (GAN)", "Classification", "Classification"]
    assert column_texts(page, 6) == ["50.0% recognised", "85.0% accuracy", "9.5% accuracy"]
    assert column_texts(page, 8) == ["1 h 1 min", "1 min 5 s", "5.0 s"]
    assert column_texts(page, 4)[0] == "3 epochs, batch 32, lr 0.003"

    click_header(qtbot, page, 6)  # Best: 9.5% < 50% < 85% (as text, "9.5" would come last)
    order = page.run_ids_shown()
    assert order in ([small.id, gan.id, large.id], [large.id, gan.id, small.id])
    if order[0] != small.id:
        click_header(qtbot, page, 6)
    assert page.run_ids_shown() == [small.id, gan.id, large.id]
    click_header(qtbot, page, 8)  # Time: 5 s < 1 min 5 s < 1 h 1 min
    if page.run_ids_shown()[0] != small.id:
        click_header(qtbot, page, 8)
    assert page.run_ids_shown() == [small.id, large.id, gan.id]

    page.select_runs([large.id])
    page.refresh()  # keeps the sort order and the selection
    assert page.run_ids_shown() == [small.id, large.id, gan.id]
    assert [r.id for r in page.selected_runs()] == [large.id]


def test_filters_by_text_task_and_status(qtbot, make_page, store):
    mlp = make_run(store, created=0, model="mlp")
    cnn = make_run(store, created=1, model="cnn-small", status="stopped")
    gan = make_run(store, created=2, task="gan", model="dcgan")
    page = make_page()
    qtbot.keyClicks(page.filter_edit, "cnn")
    assert page.run_ids_shown() == [cnn.id] and page.count_label.text() == "1 of 3 runs shown"
    page.filter_edit.clear()
    page.task_filter.setCurrentIndex(page.task_filter.findData("gan"))
    assert page.run_ids_shown() == [gan.id]
    page.task_filter.setCurrentIndex(page.task_filter.findData("classify"))
    page.status_filter.setCurrentIndex(page.status_filter.findData("finished"))
    assert page.run_ids_shown() == [mlp.id]
    qtbot.keyClicks(page.filter_edit, "no such thing")
    assert page.run_ids_shown() == [] and page.count_label.text().startswith("No run matches")
    assert page.selected_runs() == []


# ----- comparing ----------------------------------------------------------------------------------
def test_several_runs_overlay_their_curves_and_list_the_settings_that_differ(qtbot, make_page, store):
    a = make_run(store, created=0, best=0.9, done=3, model="mlp", lr=0.003)
    b = make_run(store, created=1, best=0.6, done=2, epochs=2, model="cnn-small", lr=0.01)
    make_run(store, created=2, task="gan", model="dcgan",
             history=[dict(epoch=1, d_loss=0.7, g_loss=1.5)])
    page = make_page()
    click_row(qtbot, page, a.id)
    click_row(qtbot, page, b.id, Qt.KeyboardModifier.ControlModifier)
    assert {r.id for r in page.selected_runs()} == {a.id, b.id}
    view = page.curves_view
    assert view.metric() == "val_accuracy"
    curves = view.shown_curves()
    assert len(curves) == 2 and len(view.legend.items) == 2
    by_length = sorted(curves, key=lambda c: len(c.xData))
    assert list(by_length[0].xData) == [1, 2] and list(by_length[0].yData) == pytest.approx([30.0, 60.0])
    assert list(by_length[1].xData) == [1, 2, 3] and list(by_length[1].yData) == pytest.approx([30.0, 60.0, 90.0])
    assert view.set_metric("val_loss")
    assert sorted(list(c.yData) for c in view.shown_curves())[0] == pytest.approx([1.2, 0.6])

    assert page.side.currentWidget() is page.diff_box
    assert page.diff_table.differences() == [("model", ["cnn-small", "mlp"]), ("epochs", ["2", "3"]),
                                             ("learning rate", ["0.01", "0.003"])]
    assert not page.resume_button.isEnabled() and page.delete_button.isEnabled()

    gan = page.run_ids_shown()[0]
    click_row(qtbot, page, gan, Qt.KeyboardModifier.ControlModifier)  # a GAN has no curve in common with them
    assert view.metric() is None and "no figure in common" in view.note.text()
    assert view.shown_curves() == []


def test_runs_with_the_same_settings_say_so(qtbot, make_page, store):
    a, b = make_run(store, created=0), make_run(store, created=1)
    page = make_page()
    page.select_runs([a.id, b.id])
    assert page.diff_table.differences() == []
    assert page.diff_table.item(0, 0).text() == "These runs used the same settings."


# ----- one run again --------------------------------------------------------------------------------
def test_one_classifier_run_shows_its_summary_and_confusion(qtbot, make_page, store):
    run = make_run(store, status="stopped", reason="Stopped by you after epoch 2.", done=2, epochs=5, best=0.75)
    (run.folder / "evaluation.json").write_text(json.dumps(dict(
        classes=["cat", "dog"], confusion=[[3, 1], [0, 4]], accuracy=0.875, f1=[0.86, 0.89])))
    page = make_page()
    received = []
    page.open_in_playground_requested.connect(received.append)
    click_row(qtbot, page, run.id)
    details = page.details_view
    assert page.side.currentWidget() is page.details_box
    text = details.summary_label.text()
    assert "75.0% accuracy" in text and "Stopped after 2 of 5 epochs" in text and "Stopped by you" in text
    assert details.evaluation_shown() == CONFUSION
    assert details.confusion_plot.image.image.tolist() == [[3, 1], [0, 4]]
    assert "87.5%" in details.caption.text() and "'cat'" in details.caption.text()
    assert not details.playground_button.isEnabled() and "no exported" in details.playground_button.toolTip()

    (run.folder / "model.onnx").write_bytes(b"onnx")
    page.refresh()
    assert details.playground_button.isEnabled()
    qtbot.mouseClick(details.playground_button, Qt.MouseButton.LeftButton)
    assert received == [str(run.folder / "model.onnx")]


def test_gan_and_translation_runs_show_their_pictures_and_scores(qtbot, make_page, store):
    gan = make_run(store, created=0, task="gan", model="dcgan", history=[dict(epoch=1, d_loss=0.7, g_loss=1.5)])
    (gan.folder / "samples").mkdir()
    for epoch, colour in ((1, "black"), (2, "red")):
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        image.save(str(gan.folder / "samples" / f"epoch_{epoch:04d}.png"))
    translation = make_run(store, created=1, task="translate", dataset="numbers:en-fr", model="gru-attention",
                           best=0.5, history=[dict(epoch=1, val_loss=2.0, exact_match=0.5, bleu=40.0)])
    summary = json.loads((translation.folder / "summary.json").read_text())
    summary.update(bleu=41.5, chrf=70.25, exact_match=0.5, test_bleu=39.0, test_chrf=69.0, test_exact_match=0.45,
                   test_size=200)
    (translation.folder / "summary.json").write_text(json.dumps(summary))
    empty = make_run(store, created=2, history=[], done=0, checkpoint=False)
    page = make_page()

    click_row(qtbot, page, gan.id)
    assert page.details_view.evaluation_shown() == SAMPLES
    pixmap = page.details_view.samples_view.pixmap()
    assert (pixmap.width(), pixmap.height()) == (40, 30) and pixmap.toImage().pixelColor(0, 0) == QColor("red")
    assert "epoch 2" in page.details_view.caption.text()

    click_row(qtbot, page, translation.id)
    assert page.details_view.evaluation_shown() == SCORES
    scores = page.details_view.scores_label.text()
    assert "41.5" in scores and "70.2" in scores and "45.0%" in scores and "200 pairs" in scores
    assert "50.0% exact" in page.details_view.summary_label.text()

    click_row(qtbot, page, empty.id)  # ended before the first epoch: says so, offers nothing it cannot do
    assert page.details_view.evaluation_shown() == NOTHING
    assert "before its first epoch" in page.details_view.caption.text()
    assert not page.resume_button.isEnabled() and "no checkpoint" in page.resume_button.toolTip()
    assert not page.csv_button.isEnabled() and "no metrics" in page.csv_button.toolTip()


# ----- actions --------------------------------------------------------------------------------------
def test_resume_and_duplicate_emit_what_the_window_needs(qtbot, make_page, store, state):
    stopped = make_run(store, created=0, status="stopped", done=2, epochs=10)
    finished = make_run(store, created=1, done=4, epochs=4, lr=0.01)
    failed = make_run(store, created=2, status="failed", done=1)
    page = make_page()

    click_row(qtbot, page, stopped.id)
    assert page.resume_button.text() == "&Resume" and page.epochs_spin.value() == 10
    assert page.epochs_spin.minimum() == 3
    with qtbot.waitSignal(page.resume_requested) as signal:
        qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(stopped.folder / "checkpoints" / "last.pt"), 10]

    click_row(qtbot, page, finished.id)
    assert page.resume_button.text() == "&Add epochs" and page.epochs_spin.value() == 6
    page.epochs_spin.setValue(9)
    with qtbot.waitSignal(page.resume_requested) as signal:
        qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    assert signal.args == [str(finished.folder / "checkpoints" / "last.pt"), 9]
    with qtbot.waitSignal(page.duplicate_requested) as signal:
        qtbot.mouseClick(page.duplicate_button, Qt.MouseButton.LeftButton)
    assert signal.args == [finished.params] and signal.args[0]["lr"] == 0.01

    state.set_training(True)
    assert not page.resume_button.isEnabled() and "Wait" in page.resume_button.toolTip()
    state.set_training(False)
    click_row(qtbot, page, failed.id)
    assert not page.resume_button.isEnabled() and "failed" in page.resume_button.toolTip()
    assert page.duplicate_button.isEnabled()


def test_export_training_job_writes_the_file_and_shows_the_command(qtbot, make_page, store, tmp_path):
    run = make_run(store, model="cnn-small", lr=0.01, device="cuda")
    page = make_page()
    click_row(qtbot, page, run.id)
    target = tmp_path / "out" / "my job"
    command = page.export_job(target)
    written = tmp_path / "out" / "my job.json"
    data = json.loads(written.read_text())
    assert data["config"]["model"] == "cnn-small" and data["config"]["lr"] == 0.01
    assert data["config"]["device"] == "auto"  # machine-specific settings stay out
    assert command == f"modeldesk-cli train --config '{written}'" == data["command"]
    dialog = page.job_dialog
    assert dialog.isVisible() and dialog.command_field.isReadOnly() and dialog.command() == command
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == command
    dialog.close()


def test_metrics_csv_is_saved_and_a_failure_is_one_sentence(qtbot, make_page, store, tmp_path):
    run = make_run(store)
    page = make_page()
    click_row(qtbot, page, run.id)
    saved = page.save_metrics_csv(tmp_path / "metrics")
    assert saved == tmp_path / "metrics.csv"
    assert saved.read_bytes() == (run.folder / "metrics.csv").read_bytes()

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    assert page.save_metrics_csv(blocker / "metrics.csv") is None
    [message] = error_texts(page)
    assert message.startswith("'metrics.csv' could not be saved because") and message.count(". ") == 0
    assert "Traceback" not in message


def test_open_folder_goes_through_the_injected_opener(qtbot, make_page, store, opened):
    run = make_run(store)
    page = make_page()
    assert not page.folder_button.isEnabled()
    click_row(qtbot, page, run.id)
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(run.folder)]


def test_delete_asks_naming_the_runs_then_removes_folders_and_rows(qtbot, make_page, store):
    keep = make_run(store, created=0, model="mlp")
    drop_a = make_run(store, created=1, model="cnn-small")
    drop_b = make_run(store, created=2, model="resnet18")
    page = make_page()
    page.select_runs([drop_a.id, drop_b.id])

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert box.isVisible() and "cnn-small on digits" in box.text() and "resnet18 on digits" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert drop_a.folder.is_dir() and len(page.run_ids_shown()) == 3

    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    box = page.confirm_box
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Delete"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert not drop_a.folder.exists() and not drop_b.folder.exists() and keep.folder.is_dir()
    assert page.run_ids_shown() == [keep.id] and [r.id for r in store.list_runs()] == [keep.id]
    assert error_texts(page) == []


def test_a_run_that_cannot_be_deleted_says_why_in_one_sentence(qtbot, make_page, store, monkeypatch):
    run = make_run(store)
    running = store.create_run("classify", "digits", "mlp", dict(dataset="digits", model="mlp"))
    page = make_page()
    page.select_runs([running.id])
    assert not page.delete_button.isEnabled() and "training now" in page.delete_button.toolTip()

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("engine.runs.store.shutil.rmtree", refuse)
    page.select_runs([run.id])
    box = page.delete_selected()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    [message] = error_texts(page)
    assert "could not be deleted (Permission denied)" in message and run.folder.is_dir()
    assert run.id in page.run_ids_shown()


def test_a_run_folder_deleted_while_shown_breaks_nothing(qtbot, make_page, store, tmp_path):
    gone = make_run(store, created=0)
    other = make_run(store, created=1, lr=0.01)
    page = make_page()
    click_row(qtbot, page, gone.id)
    click_row(qtbot, page, other.id, Qt.KeyboardModifier.ControlModifier)
    shutil.rmtree(gone.folder)

    click_row(qtbot, page, gone.id)  # looking at it again: says it is gone
    assert page.details_view.evaluation_shown() == NOTHING and "deleted" in page.details_view.caption.text()
    assert not page.csv_button.isEnabled() and not page.folder_button.isEnabled()
    assert page.save_metrics_csv(tmp_path / "m.csv") is None  # (through the method, past the disabled button)
    assert error_texts(page) and "was deleted" in error_texts(page)[0]
    assert page.run_ids_shown() == [other.id]  # and the page refreshed itself
    assert [r.id for r in store.list_runs()] == [other.id]

    shutil.rmtree(other.folder)
    page.refresh()
    assert page.stack.currentIndex() == 0 and page.run_ids_shown() == []


def test_the_list_refreshes_when_training_finishes(qtbot, make_page, store, state):
    first = make_run(store, created=0)
    page = make_page()
    assert page.run_ids_shown() == [first.id]
    second = make_run(store, created=1)
    state.set_result(None)
    assert page.run_ids_shown() == [second.id, first.id]


def test_run_names_tell_runs_of_the_same_minute_apart():
    from types import SimpleNamespace

    from desktop_app.run_words import run_names

    def run(created, dataset="digits"):
        return SimpleNamespace(model="mlp", dataset=dataset, created=BASE + created)

    names = run_names([run(0), run(1), run(1.5), run(0, "folder:/home/ann/cats")])
    assert names[0].endswith(":40") and names[1].endswith(":41 (1)") and names[2].endswith(":41 (2)")
    assert names[3].startswith("mlp on cats, ") and len(set(names)) == 4


def test_the_page_imports_without_torch():
    import os
    import subprocess
    import sys

    code = "import sys, desktop_app.pages.runs_page; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "False", out.stderr


def test_the_list_follows_a_run_while_it_trains(qtbot, make_page, store, state):
    """The engine writes the index after every epoch; the page shows it without Refresh, and the
    chosen run's curves grow."""
    running = make_run(store, status="running", epochs=5, done=1, best=0.4)
    page = make_page()
    page.live_timer.setInterval(50)
    click_row(qtbot, page, running.id)
    assert column_texts(page, 7)[0].startswith("1") and len(page.curves_view.shown_curves()[0].getData()[0]) == 1
    state.training_running.emit(True)
    history = [dict(epoch=e, train_loss=1.0 / e, val_loss=1.2 / e, val_accuracy=0.2 * e, train_accuracy=0.2 * e)
               for e in (1, 2, 3)]
    write_metrics_csv(running.folder / "metrics.csv", history)
    store.update(running.id, epochs_done=3, best_epoch=3, best_val_accuracy=0.6)
    qtbot.waitUntil(lambda: column_texts(page, 6)[0] == "60.0% accuracy", timeout=5_000)
    assert column_texts(page, 7)[0].startswith("3")
    assert len(page.curves_view.shown_curves()[0].getData()[0]) == 3 and page.selected_runs()[0].id == running.id
    state.training_running.emit(False)
    assert not page.live_timer.isActive()


def test_a_text_generator_run_shows_its_perplexity_and_writing(qtbot, make_page, store):
    history = [dict(epoch=e, train_loss=2.0 / e, val_loss=1.8 / e, val_perplexity=6.0 / e) for e in (1, 2)]
    run = make_run(store, task="textgen", dataset="fables", model="lstm-small", history=history, done=2)
    store.update(run.id, best_val_loss=1.4, best_val_accuracy=None)
    summary = json.loads((run.folder / "summary.json").read_text())
    summary.update(val_perplexity=4.06, unigram_perplexity=27.5, prompt="The Fox ", sample="and the Grapes were sour.")
    (run.folder / "summary.json").write_text(json.dumps(summary))
    page = make_page()
    assert column_texts(page, 1) == ["Text generation"] and column_texts(page, 6) == ["perplexity 4.06"]
    click_row(qtbot, page, run.id)
    details = page.details_view
    assert details.evaluation_shown() == SCORES
    shown = details.scores_label.text()
    assert "4.06" in shown and "27.5" in shown and "The Fox" in shown and "Grapes were sour" in shown
    assert page.curves_view.metric_combo.currentText() == "validation perplexity"
