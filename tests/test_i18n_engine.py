"""The engine's sentences in a Chinese window: errors, dataset and model warnings, the device's
name and reasons read back from a run folder are said in Chinese, while the engine itself (and
the command line) keeps English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

pytest.importorskip("pytestqt")

from onnx_factories import foreign_colour_model, foreign_generator_model  # noqa: E402
from qt_drop import drop  # noqa: E402
from test_gui_bad_inputs import WAIT, _fail, _load, take_error, win  # noqa: E402,F401
from test_i18n import TS, chinese, english_words  # noqa: E402,F401

from desktop_app import engine_words  # noqa: E402
from desktop_app.engine_words import say  # noqa: E402
from engine.sentences import Sentence, joined  # noqa: E402

# Words that stay as they are inside a translated sentence: names of things and the ids people
# type (devices, a dataset, a task, image layouts). Code-like text is taken out first (`code_free`).
TECHNICAL = {"ModelDesk", "ONNX", "PyTorch", "Runtime", "chrF", "Apple", "WebP", "Git", "auto", "cpu", "cuda",
             "fables", "classify", "nchw", "nhwc", "torchrun", "dcgan", "logit"}
CODE = re.compile(r"'[^']*'"                  # a command in quotes: 'git lfs pull'
                  r"|--?[A-Za-z][\w-]*"        # a command-line flag: --top-k
                  r"|\S*\w[_.:/|\-]\S*"        # a file name, spec or model name: data_batch_1.bin, text:PATH
                  r"|\w*\d\w*|\.[A-Za-z]\w*"    # a name with digits, a file extension: num2words, .png
                  r"|\([^()]*\)|（[A-Za-z ]+）"  # a shape (N, size) or a term in brackets after its Chinese
                  r"|\b[A-Z]{2,}\b")            # an acronym: UTF, CSV, PNG, IDX


def code_free(text: str) -> str:
    """`text` without its {fields} and code-like parts."""
    return CODE.sub(" ", re.sub(r"\{[^{}]*\}", "0", text))


def foreign_words(text: str) -> list[str]:
    """The English words left in `text` once code and names are taken out."""
    return [word for word in english_words(code_free(text)) if word not in TECHNICAL]


def chinese_translation(template: str) -> str:
    return next(message.findtext("translation") for context in ET.parse(TS).iter("context")
                if context.findtext("name") == engine_words.CONTEXT for message in context.iter("message")
                if message.findtext("source") == template)


def test_every_engine_sentence_reads_as_chinese():
    """No English words in the translations of the engine's templates, beyond names and formats."""
    left = {}
    for context in ET.parse(TS).iter("context"):
        if context.findtext("name") != engine_words.CONTEXT:
            continue
        for message in context.iter("message"):
            if words := foreign_words(message.findtext("translation") or ""):
                left[message.findtext("source")] = words
    assert not left, left


def test_say_uses_the_translation_with_the_same_values(qapp, chinese):
    where = Sentence("The file '{path}'", path="/tmp/a.txt")
    error = Sentence("{where} holds only {count:,} characters; a text generator needs at least {least:,} (a page "
                     "or two) to learn from, and learns well from 50,000 or more.", where=where, count=1234, least=1000)
    said = say(error)
    assert "/tmp/a.txt" in said and "1,234" in said and "1,000" in said
    assert not foreign_words(said), said
    assert error.startswith("The file '/tmp/a.txt' holds only 1,234 characters")  # the engine's English is unchanged
    both = joined([Sentence("Loading was cancelled."), where])
    assert say(both) == f"{say(Sentence('Loading was cancelled.'))} {say(where)}"
    # Plain text reading exactly like an engine sentence (read back from a file) is recognised ...
    assert say(str(error)) == said
    # ... and anything else is left as it is.
    assert say("just a file name.txt") == "just a file name.txt" and say(None) == ""


def test_say_leaves_translated_text_and_names_that_read_like_engine_words_alone(qapp, chinese):
    """Review finds: text already in Chinese said again (an error shown in a dialog after the worker
    said it) kept its path's " or " intact, and a folder called 'images' stays 'images'."""
    said = say(Sentence("The file '{path}' does not exist; check the path.", path="/data/rock or pop.txt"))
    assert "/data/rock or pop.txt" in said and say(said) == said
    assert say("no such file or directory") == "no such file or directory"
    reason = str(Sentence("'{name}' needs at least two classes with pictures to learn from (found {count}); add a "
                          "sub-folder of pictures for each class.", name="images", count=1))
    assert "“images”" in say(reason) and not foreign_words(say(reason).replace("images", ""))


def test_say_keeps_english_in_an_english_window_and_survives_a_bad_translation(qapp, monkeypatch):
    error = Sentence("The file '{path}' does not exist; check the path.", path="x.txt")
    assert say(error) == error == "The file 'x.txt' does not exist; check the path."
    assert say(str(error)) == str(error)
    monkeypatch.setattr(engine_words.QCoreApplication, "translate", lambda context, text: "文件 {missing}")
    assert say(error) == error  # a translation that does not fit its values: English rather than a crash


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_in_chinese_a_bad_text_file_gives_a_chinese_sentence_and_warning(qtbot, chinese, win, tmp_path):
    page = win.data_page
    win.show_page("Data")
    page.select_task("textgen")
    utf16 = tmp_path / "story-utf16.txt"
    utf16.write_bytes(("Once upon a time. " * 100).encode("utf-16"))
    message = _fail(qtbot, win, f"text:{utf16}")
    assert str(utf16) in message and "UTF-16" in message
    assert not foreign_words(message), message

    damaged = tmp_path / "story.txt"
    damaged.write_bytes(("Once upon a time there was a fox. " * 60).encode() + b"\xff" + b" The end.\n")
    _load(qtbot, win, f"text:{damaged}")
    warning = page.warnings_label.text()
    assert page.warnings_label.isVisibleTo(win) and "1" in warning
    assert not foreign_words(re.sub(r"<[^>]+>", " ", warning)), warning


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_in_chinese_a_bad_model_file_and_a_foreign_models_warnings_are_chinese(qtbot, chinese, win, tmp_path):
    page = win.playground_page
    empty = tmp_path / "empty.onnx"
    empty.write_bytes(b"")
    with qtbot.waitSignal(page.model_failed, timeout=WAIT):
        drop(win, [empty])
    message = take_error(qtbot)
    assert "empty.onnx" in message
    assert not foreign_words(message), message

    for path in (foreign_colour_model(tmp_path / "foreign.onnx"), foreign_generator_model(tmp_path / "gan.onnx")):
        with qtbot.waitSignal(page.model_opened, timeout=WAIT):
            drop(win, [path])
        labels = [label for label in (page.warnings_label, page.generator_panel.warnings_label)
                  if label.isVisibleTo(win)]
        assert labels, path.name
        for label in labels:
            assert not foreign_words(label.text()), label.text()
