"""The Playground's panels for picture generators, translators and text generators in Simplified
Chinese: each panel, built on its own, shows no English before a model is open, and the picture
generator none with a model either; the model-card rows of all three are in Chinese."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

pytest.importorskip("pytestqt")

from test_i18n import chinese, english_words, identifiers, shown_texts  # noqa: E402,F401

# Shown as they are in any language: the names of translation scores and the keys of shortcuts.
KEEP = {"BLEU", "chrF", "Return", "Esc"}


def _leftovers(texts: list[str]) -> dict[str, list[str]]:
    keep = identifiers() | KEEP
    return {text: words for text in texts if (words := [w for w in english_words(text) if w not in keep])}


def _show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1180, 780)
    widget.show()
    return widget


@pytest.mark.parametrize("name", ["generator", "translator", "writer"])
def test_in_chinese_the_panels_without_a_model_show_no_english(qtbot, chinese, name):
    from desktop_app.pages.generator_panel import GeneratorPanel
    from desktop_app.pages.translator_panel import TranslatorPanel
    from desktop_app.pages.writer_panel import WriterPanel

    panel = _show(qtbot, {"generator": GeneratorPanel, "translator": TranslatorPanel, "writer": WriterPanel}[name]())
    texts = shown_texts(panel)
    assert texts and not _leftovers(texts)
    if name == "translator":
        assert "翻译" in texts and "模型关注了哪里" in texts
    elif name == "writer":
        assert "你的开头" in texts and "停止(&S)" in texts
    else:
        assert "样例" in texts and "播放(&L)" in texts


def test_in_chinese_a_picture_generator_shows_no_english(qtbot, chinese, tmp_path):
    pytest.importorskip("torch")  # the test generator is exported from a PyTorch model
    from onnx_factories import generator_model

    from desktop_app.pages.generator_panel import GeneratorPanel, generator_rows
    from engine.infer.generator import ImageGenerator

    path = generator_model(tmp_path / "digits-cgan.onnx", conditional=True,
                           metrics={"recognised": 0.9, "coverage": 10, "agreement": 0.8, "epochs": 3})
    generator = ImageGenerator.open(path, "cpu")
    panel = _show(qtbot, GeneratorPanel())
    panel.set_generator(generator)
    qtbot.waitUntil(panel.is_ready, timeout=15_000)
    panel.set_class(3)
    qtbot.waitUntil(panel.is_ready, timeout=15_000)
    panel.play()
    texts = shown_texts(panel) + [panel.grid_info.toolTip()]
    panel.pause()
    texts += [text for row in generator_rows(generator) for text in row]
    assert not _leftovers(texts)
    assert "暂停(&U)" in texts and "所有类别" in texts and any(text.startswith("用时") for text in texts)


def test_in_chinese_the_cards_of_translators_and_text_generators_show_no_english(chinese):
    from desktop_app.pages.translator_panel import translator_rows
    from desktop_app.pages.writer_panel import text_generator_rows, unknown_note

    translator = SimpleNamespace(
        metadata=SimpleNamespace(source_language="en", target_language="fr", model_name="transformer-small",
                                 dataset="numbers:en-fr", metrics={"bleu": 61.2, "exact_match": 0.5,
                                                                   "test_exact_match": 0.4, "epochs": 8}),
        source_tokenizer=SimpleNamespace(vocab_size=120, kind="char"),
        target_tokenizer=SimpleNamespace(vocab_size=300, kind="subword"))
    writer = SimpleNamespace(
        metadata=SimpleNamespace(model_name="lstm-small", dataset="fables", layers=2, hidden_size=256,
                                 metrics={"val_perplexity": 4.2, "unigram_perplexity": 27.0, "epochs": 1}),
        characters=list("abc "))
    rows = translator_rows(translator) + text_generator_rows(writer)
    texts = [text for row in rows for text in row] + [unknown_note([" ", "\t", "é"] + list("0123456789ABCDEFGH"))]
    assert not _leftovers(texts)
    assert ("语言", "英语 → 法语") in rows and dict(rows)["困惑度"].startswith("在没训练过的文字上")


class _FakeTextGenerator:
    """Writes "ab" over and over, at once (enough to walk the panel; no model to train)."""

    provider = "CPUExecutionProvider"
    characters = list("ab ")
    metadata = SimpleNamespace(model_name="lstm-small", dataset="fables", temperature=0.8, examples=[])

    def unknown_characters(self, prompt: str) -> list[str]:
        return [c for c in dict.fromkeys(prompt) if c not in self.characters]

    def stream(self, prompt, length, temperature, top_k, seed):
        yield from ("ab" * length)[:length]


class _FakeTranslator:
    """Translates every line into "b a" and looked at each word once (no model to train)."""

    provider = "CPUExecutionProvider"
    metadata = SimpleNamespace(source_language="en", target_language="fr", model_name="transformer-small",
                               dataset="", examples=[], metrics={})  # no example sentences (English words)

    def translate(self, line: str, beam: int = 1):
        import numpy as np

        return SimpleNamespace(source=line, text="b a", source_pieces=["▁a", "▁b", "</s>"],
                               target_pieces=["▁b", "▁a", "</s>"], attention=np.eye(3), truncated=False,
                               milliseconds=1.5)


def test_in_chinese_a_text_generator_writing_shows_no_english(qtbot, chinese):
    from desktop_app.pages.writer_panel import WriterPanel

    panel = _show(qtbot, WriterPanel())
    panel.set_text_generator(_FakeTextGenerator())
    panel.set_top_k(2)
    texts = shown_texts(panel)
    panel.set_prompt("ab\u00e9")  # a character the model never saw
    with qtbot.waitSignal(panel.writing_finished, timeout=10_000):
        panel.write()
    texts += shown_texts(panel) + [panel.status_label.toolTip()]
    texts = [text for text in texts if text not in ("ab\u00e9", "ab")]
    assert not _leftovers(texts)
    assert any(text.startswith("写了") for text in texts) and any("将被跳过" in t or "已被跳过" in t for t in texts)


def test_in_chinese_a_translator_shows_no_english(qtbot, chinese):
    from desktop_app.pages.translator_panel import TranslatorPanel

    panel = _show(qtbot, TranslatorPanel())
    panel.set_translator(_FakeTranslator())
    panel.set_text("a b\nb a")
    panel.translate_now()
    qtbot.waitUntil(panel.is_ready, timeout=10_000)
    texts = shown_texts(panel) + [panel.time_label.toolTip(), panel.languages_label.text()]
    plot = panel.heat_plot.getPlotItem()
    texts += [plot.getAxis("bottom").labelText, plot.getAxis("left").labelText]
    assert not _leftovers(texts)
    assert "英语" in texts and "法语" in texts and any(text.startswith("已翻译 2 行") for text in texts)
