"""The Playground page in Simplified Chinese: empty, with a classifier open (ready, with picture
cards, with a folder's table) and with a foreign classifier's settings box, it shows no English
apart from names that stay as they are (file and label names, tensor types, layouts)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from onnx_factories import BRIGHT, DARK, foreign_minus_one_model, modeldesk_model, write_image  # noqa: E402
from qt_drop import drop  # noqa: E402
from test_i18n import chinese, english_words, identifiers, shown_texts  # noqa: E402, F401

from desktop_app.state import AppState  # noqa: E402
from desktop_app.workers import BackgroundTask  # noqa: E402

WAIT = 15_000
# Shown as they are in any language: the file and label names made below, the default label
# names of a foreign model ("class 0"), tensor types and layouts on the model card, the CSV file
# format, and the producer and dataset the test models name.
NAMES = {"onnx", "png", "dark", "bright", "class", "float", "NCHW", "NHWC", "ImageNet", "PyTorch", "TensorFlow",
         "factories", "tiny", "and", "CSV"}


def english_left(texts: list[str]) -> dict[str, list[str]]:
    keep = identifiers() | NAMES
    return {text: words for text in texts if (words := [w for w in english_words(text) if w not in keep])}


def page_texts(page, folder) -> list[str]:
    """What shown_texts reads, plus the tab titles, the table's column titles and their tips, its
    error column, and the status line; paths below `folder` (tooltips of pictures) and the warnings about a
    foreign model (the engine's sentences, translated apart) are left out."""
    texts = shown_texts(page)
    tabs = page.results_tabs
    texts += [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]
    table = page.folder_table
    if table.isVisibleTo(page):
        for column in range(table.columnCount()):
            header = table.horizontalHeaderItem(column)
            texts += [header.text(), header.toolTip()]
        error_column = table.columnCount() - 1  # why a picture has no answer: the engine's sentence, said
        texts += [table.item(row, error_column).text().replace("broken.png", "") for row in range(table.rowCount())]
    texts.append(page.status_label.text())
    engine_made = page.warnings_label.text()
    return [text.replace(str(folder), "") for text in texts if text and text != engine_made]


def test_in_chinese_the_playground_shows_no_english(qtbot, chinese, tmp_path):
    from desktop_app.pages.playground_page import PlaygroundPage

    page = PlaygroundPage(AppState())
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.show()
    try:
        assert not english_left(page_texts(page, tmp_path)), "empty"
        assert page.open_button.text() == "打开模型(&O)…"

        model = modeldesk_model(tmp_path / "模型.onnx")
        with qtbot.waitSignal(page.model_opened, timeout=WAIT):
            drop(page, [model])
        assert page.model_box.isVisible() and "运行于" in page.model_card.text()
        assert not english_left(page_texts(page, tmp_path)), "a classifier open"

        pictures = [write_image(tmp_path / "dark.png", DARK), write_image(tmp_path / "bright.png", BRIGHT)]
        with qtbot.waitSignal(page.results_ready, timeout=WAIT):
            drop(page, pictures)
        assert len(page.cards()) == 2
        assert not english_left(page_texts(page, tmp_path)), "picture cards"

        root = tmp_path / "照片"
        for i in range(2):
            write_image(root / "dark" / f"{i}.png", DARK)
            write_image(root / "bright" / f"{i}.png", BRIGHT)
        (root / "dark" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
        with qtbot.waitSignal(page.results_ready, timeout=WAIT):
            drop(page, [root])
        assert page.results_tabs.currentIndex() == 1 and page.accuracy_label.isVisible()
        assert page.folder_table.horizontalHeaderItem(0).text() == "图片"
        assert not english_left(page_texts(page, tmp_path)), "a folder"

        foreign = foreign_minus_one_model(tmp_path / "外来.onnx")
        with qtbot.waitSignal(page.model_opened, timeout=WAIT):
            drop(page, [foreign])
        qtbot.waitUntil(lambda: page.preprocess_box.isVisible(), timeout=WAIT)
        assert not english_left(page_texts(page, tmp_path)), "a foreign classifier"
    finally:
        page.cancel_work(wait=True)
        qtbot.waitUntil(lambda: not BackgroundTask._live, timeout=WAIT)
