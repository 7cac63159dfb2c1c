"""The translation task end to end: the numbers data, tokenisers, models, a short training run
that learns, export to ONNX with identical greedy output, beam search, and the command line."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
import torch

from engine.data.registry import LoadOptions, load_dataset
from engine.data.text import ParallelData, number_words, numbers_split
from engine.errors import ConfigError, ModelFileError
from engine.infer.translator import Translator, beam_search, length_normalised
from engine.models.registry import build_model, list_models
from engine.models.translators import SequenceShape
from engine.text.tokenizers import BOS, EOS, CharTokenizer, SubwordTokenizer, tokenizer_from_dict, train_tokenizer
from engine.train.checkpoint import load_checkpoint
from engine.train.config import TrainConfig, resolve_defaults
from engine.train.events import BatchEnd, TranslateEpochEnd
from engine.train.sequences import encode_pairs, greedy_translate
from engine.train.tasks import train


# ----- data and tokens ---------------------------------------------------------------------------
def test_numbers_hold_out_the_same_numbers_for_test_and_validation():
    data = load_dataset("numbers:en-fr")
    assert (len(data.train), len(data.val), len(data.test)) == (8_500, 500, 1_000)
    train, val, test = numbers_split()
    assert not set(train) & set(test) and not set(val) & set(test) and not set(train) & set(val)
    assert data.exact_match and (data.source_language, data.target_language) == ("en", "fr")
    pairs = dict(data.train + data.val + data.test)
    assert pairs["four thousand five hundred and eighty-nine"] == "quatre mille cinq cent quatre-vingt-neuf"
    assert pairs["seventy-one"] == "soixante et onze"
    assert load_dataset("numbers").name == "numbers:en-fr"  # the default direction
    reverse = load_dataset("numbers:de-en")
    assert reverse.test[0] == (number_words(int(test[0]), "de"), number_words(int(test[0]), "en"))
    with pytest.raises(ConfigError, match="en-fr"):
        load_dataset("numbers:en-xx")


def test_pictures_and_sentences_do_not_mix():
    with pytest.raises(ConfigError, match="sentence pairs"):
        resolve_defaults(TrainConfig(dataset="numbers:en-fr", model="cnn-small", task="classify"))
    with pytest.raises(ConfigError, match="pictures"):
        resolve_defaults(TrainConfig(dataset="digits", model="transformer-small", task="translate"))
    config = resolve_defaults(TrainConfig(dataset="numbers:en-fr", model="transformer-small", task="translate"))
    assert (config.tokenizer, config.schedule, config.label_smoothing, config.epochs) == ("subword", "warmup", 0.1, 6)
    assert [m.name for m in list_models("translate")] == ["transformer-small", "transformer-base", "transformer-large",
                                                          "gru-attention"]


@pytest.mark.parametrize("kind", ["char", "subword"])
def test_tokenisers_round_trip_and_survive_serialisation(kind):
    texts = ["quatre mille cinq cent", "vingt et un", "soixante-dix", "cent un"] * 20
    tokenizer = train_tokenizer(kind, texts)
    ids = tokenizer.encode("vingt et un")
    assert min(ids) > EOS and tokenizer.decode(ids) == "vingt et un"
    assert tokenizer.decode([BOS] + ids + [EOS] + ids) == "vingt et un"  # stops at EOS
    again = tokenizer_from_dict(json.loads(json.dumps(tokenizer.to_dict())))
    assert again.encode("vingt et un") == ids and again.vocab_size == tokenizer.vocab_size
    assert len(tokenizer.pieces(ids)) == len(ids)
    assert isinstance(tokenizer, CharTokenizer if kind == "char" else SubwordTokenizer)
    with pytest.raises(ModelFileError, match="damaged"):
        tokenizer_from_dict({"kind": "subword", "model": "not base64!"})


@pytest.mark.parametrize("name", ["transformer-small", "gru-attention"])
def test_padding_does_not_change_a_translation(name):
    """A sentence decodes the same alone and in a batch padded to a longer one."""
    torch.manual_seed(0)
    model = build_model(name, SequenceShape(40, 30)).eval()
    short = torch.tensor([[5, 6, 7, EOS]])
    batch = torch.tensor([[5, 6, 7, EOS, 0, 0], [8, 9, 10, 11, 12, EOS]])
    with torch.no_grad():
        alone = model(short, torch.tensor([[BOS, 4, 5]]))
        padded = model(batch, torch.tensor([[BOS, 4, 5], [BOS, 6, 7]]))[:1]
    assert torch.allclose(alone, padded, atol=1e-5)
    assert greedy_translate(model, short, 6)[0] == greedy_translate(model, batch, 6)[0]


# ----- beam search -------------------------------------------------------------------------------
def _toy_step(table: dict[tuple[int, ...], dict[int, float]], vocab: int = 6):
    """A step function from a table: prefix (after BOS) -> {token: probability}."""
    def step(prefixes: np.ndarray):
        rows = []
        for prefix in prefixes:
            probs = np.full(vocab, 1e-9)
            for token, p in table.get(tuple(int(t) for t in prefix[1:]), {EOS: 1.0}).items():
                probs[token] = p
            rows.append(np.log(probs / probs.sum()))
        return np.asarray(rows), np.full((len(prefixes), 3), 1 / 3)
    return step


def test_beam_search_finds_the_best_scoring_hypothesis_that_greedy_misses():
    # Greedy takes 4 (0.6) but everything after it is unlikely; 5 (0.4) leads to a sure end.
    table = {(): {4: 0.6, 5: 0.4}, (4,): {4: 0.3, 5: 0.4, EOS: 0.3}, (4, 4): {EOS: 1.0}, (4, 5): {EOS: 1.0},
             (5,): {EOS: 0.99, 4: 0.01}, (5, 4): {EOS: 1.0}}
    step = _toy_step(table)
    greedy = beam_search(step, 1, 5)
    best = beam_search(step, 3, 5)
    assert greedy.ids == [4, 5]  # 0.6 then 0.4: 0.24 in all
    assert best.ids == [5]
    # brute force over every hypothesis up to 3 tokens: beam search's answer scores highest
    scores = {}
    for length in range(0, 3):
        for ids in itertools.product([4, 5], repeat=length):
            p, prefix = 1.0, ()
            for token in (*ids, EOS):
                p *= table.get(prefix, {EOS: 1.0}).get(token, 1e-9)
                prefix = (*prefix, token)
            scores[ids] = length_normalised(float(np.log(p)), length + 1)
    assert max(scores, key=scores.get) == tuple(best.ids)
    assert best.score == pytest.approx(scores[(5,)], rel=1e-4)
    assert best.attention.shape == (2, 3)  # one row per output token, EOS included


def test_beam_search_stops_at_the_length_limit():
    step = _toy_step({(): {4: 1.0}, (4,): {4: 1.0}, (4, 4): {4: 1.0}, (4, 4, 4): {4: 1.0}})
    assert beam_search(step, 2, 3).ids == [4, 4, 4]


# ----- training, export, inference -----------------------------------------------------------------
@pytest.fixture(scope="module")
def numbers_run(tmp_path_factory):
    """Three epochs of the Transformer on 4,000 numbers (about 15 s), exported."""
    full = load_dataset("numbers:en-fr")
    data = ParallelData("numbers:en-fr", "en", "fr", full.train[:4000], full.val[:200], full.test[:300], exact_match=True)
    events = []
    runs = tmp_path_factory.mktemp("runs")
    config = TrainConfig(dataset="numbers:en-fr", model="transformer-small", task="translate", epochs=3, batch_size=32)
    result = train(config, runs_dir=runs, emit=events.append, data=data)
    return result, events, data


def test_a_short_run_on_numbers_learns(numbers_run):
    result, events, data = numbers_run
    epochs = [e for e in events if isinstance(e, TranslateEpochEnd)]
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert epochs[-1].train_loss < epochs[0].train_loss
    assert epochs[-1].val_loss < epochs[0].val_loss
    assert result.exact_match > 0.5 and result.test_exact_match > 0.5  # chance is zero
    assert result.bleu > 50 and 0 < result.chrf <= 100
    assert len(epochs[-1].samples) == 5 and epochs[-1].samples[0][:2] == data.val[0]
    assert any(isinstance(e, BatchEnd) for e in events)
    history = result.history[-1]
    assert {"bleu", "chrf", "exact_match", "token_accuracy", "val_loss"} <= set(history)
    summary = json.loads((result.run_dir / "summary.json").read_text())
    assert summary["test_exact_match"] == pytest.approx(result.test_exact_match)
    checkpoint = load_checkpoint(result.run_dir / "checkpoints" / "last.pt")
    assert checkpoint["task"] == "translate" and checkpoint["source_tokenizer"]["kind"] == "subword"


def test_onnx_greedy_translations_equal_pytorch(numbers_run):
    result, _, data = numbers_run
    assert result.export is not None and result.export.max_abs_diff < 1e-3
    translator = Translator.open(result.export.path, "cpu")
    assert translator.metadata.source_language == "en" and translator.metadata.metrics["epochs"] == 3
    checkpoint = load_checkpoint(result.run_dir / "checkpoints" / "best.pt")
    source_tok = tokenizer_from_dict(checkpoint["source_tokenizer"])
    target_tok = tokenizer_from_dict(checkpoint["target_tokenizer"])
    model = build_model("transformer-small", SequenceShape(**checkpoint["shape"]))
    model.load_state_dict(checkpoint["model"])
    pairs = data.test[:40] + [("seven hundred", ""), ("a sentence it never saw", "")]
    encoded = encode_pairs(pairs, source_tok, target_tok, torch.device("cpu"))
    expected = [target_tok.decode(ids) for ids in greedy_translate(model, encoded.source)]
    got = [translator.translate(source).text for source, _ in pairs]
    assert got == expected
    one = translator.translate(data.test[0][0], beam=4)
    assert one.attention.shape == (len(one.target_pieces), len(one.source_pieces))
    assert np.allclose(one.attention.sum(axis=1), 1.0, atol=1e-4)
    assert translator.translate("   ").text == ""
    with pytest.raises(ConfigError, match="beam"):
        translator.translate("one", beam=0)


def test_resume_continues_a_translation_run(numbers_run, tmp_path):
    result, _, data = numbers_run
    resumed = train(TrainConfig(task="translate", epochs=4), runs_dir=result.run_dir.parent,
                    resume_from=result.run_dir / "checkpoints" / "last.pt", data=data, export=False)
    assert resumed.epochs_done == 4 and [h["epoch"] for h in resumed.history] == [1, 2, 3, 4]


def test_cli_translate_prints_json_lines(numbers_run, tmp_path, capsys):
    from engine.cli import main

    result, _, _ = numbers_run
    lines = tmp_path / "in.txt"
    lines.write_text("\ufeffseven\n\ntwenty-one\n", encoding="utf-8")
    assert main(["translate", str(result.export.path), "one hundred", "--input", str(lines), "--json", "--beam", "2"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert [r["source"] for r in rows] == ["one hundred", "seven", "twenty-one"]
    assert all(isinstance(r["translation"], str) for r in rows)
    assert main(["translate", str(result.export.path)]) == 2
    assert "Give something to translate" in capsys.readouterr().err


def test_cli_translate_refuses_other_models(tmp_path, capsys):
    from engine.cli import main
    from onnx_factories import modeldesk_model

    path = tmp_path / "classifier.onnx"
    modeldesk_model(path)
    assert main(["translate", str(path), "hello"]) == 2
    assert "image classifier" in capsys.readouterr().err


def test_cli_trains_a_translator_and_reports_scores(tmp_path, capsys):
    from engine.cli import main

    code = main(["train", "--task", "translate", "--model", "gru-attention", "--epochs", "1", "--runs-dir",
                 str(tmp_path / "runs"), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    summary = json.loads(captured.out.strip().splitlines()[-1])
    assert summary["dataset"] == "numbers:en-fr" and summary["model"] == "gru-attention"
    assert {"bleu", "chrf", "exact_match", "test_exact_match"} <= set(summary)
    assert summary["exact_match"] > 0.05 and summary["onnx"].endswith("translator.onnx")
    assert "BLEU" in captured.err and "pairs/s" in captured.err


def test_reading_options_are_recorded_with_the_run_and_used_on_resume(tmp_path):
    """Swap/lowercase/limits chosen for a tsv file are part of the run's settings, so a resumed
    or repeated run reads the file the same way."""
    from engine.data.text import number_words

    path = tmp_path / "pairs.tsv"
    path.write_text("".join(f"{number_words(n, 'en')}\t{number_words(n, 'es').upper()}\tCC-BY\n" for n in range(300)),
                    encoding="utf-8")
    options = {"reverse": True, "lowercase": True, "max_pairs": 200}
    config = TrainConfig(dataset=f"tsv:{path}", model="gru-attention", task="translate", epochs=1, text_options=options)
    events = []
    result = train(config, runs_dir=tmp_path / "runs", export=False, emit=events.append)
    assert json.loads((result.run_dir / "config.json").read_text())["text_options"] == options
    started = next(e for e in events if type(e).__name__ == "TrainingStarted")
    assert started.train_size + started.val_size == 200
    spanish = {number_words(n, "es").lower() for n in range(300)}
    english = {number_words(n, "en") for n in range(300)}
    assert all(source in spanish and reference in english for source, reference, _ in result.samples)
    resumed = train(TrainConfig(task="translate", epochs=2), runs_dir=tmp_path / "runs",
                    resume_from=result.run_dir / "checkpoints" / "last.pt", export=False)
    assert resumed.config.text_options == options and resumed.epochs_done == 2
    with pytest.raises(ConfigError, match="Unknown reading option"):
        resolve_defaults(TrainConfig(dataset=f"tsv:{path}", task="translate", model="gru-attention",
                                     text_options={"shuffle": True}))


def test_export_parity_accepts_only_genuine_ties():
    """A barely trained model can score two words equally; ONNX Runtime and PyTorch may then pick
    either. The parity check accepts such a split, and only such a split."""
    from engine.export.onnx_export import _near_tie, _TranslatorStep

    torch.manual_seed(0)
    model = build_model("transformer-small", SequenceShape(20, 20)).eval()
    step = _TranslatorStep(model).eval()
    source = torch.tensor([5, 6, 7, EOS, 0])
    with torch.no_grad():
        logits = step(source[None, :4], torch.tensor([[BOS]]))[0][0]
    ranked = torch.argsort(logits, descending=True).tolist()
    assert not _near_tie(step, source, [ranked[1]], [ranked[0]])  # clearly different scores
    with torch.no_grad():
        model.head.weight.zero_()  # every word scores the same (the head is tied to the embedding)
    assert _near_tie(step, source, [ranked[1], 4], [ranked[0]])


def test_a_second_gru_export_in_one_process_keeps_lengths_free(tmp_path):
    """torch 2.14's dynamo exporter fixes a GRU's sequence lengths on its second export in a
    process; the exporter must notice and still write a model that takes any length."""
    from engine.export.metadata import TranslatorMetadata
    from engine.export.onnx_export import export_translator

    chars = train_tokenizer("char", ["abc def"]).to_dict()
    metadata = TranslatorMetadata(source_tokenizer=chars, target_tokenizer=chars)
    for attempt in range(2):
        torch.manual_seed(attempt)
        model = build_model("gru-attention", SequenceShape(12, 12))
        path = tmp_path / f"gru{attempt}.onnx"
        export_translator(model, metadata, path, [torch.tensor([[5, 6, 7, EOS], [8, 9, EOS, 0]])])
        translator = Translator.open(path, "cpu")
        shapes = {i.name: i.shape for i in translator._session.get_inputs()}
        assert all(isinstance(shapes[name][1], str) for name in ("source", "target")), shapes
        assert translator.translate("abc abc def").text is not None
