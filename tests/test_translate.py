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
from engine.train.events import BatchEnd, TrainingStarted, TranslateEpochEnd
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
    assert translator.decoding == "cached"
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
    uncached = Translator.open(result.export.path, "cpu", decoding="step")
    assert [translator.translate(source, 4).text for source, _ in pairs[:8]] == \
        [uncached.translate(source, 4).text for source, _ in pairs[:8]]
    one = translator.translate(data.test[0][0], beam=4)
    assert one.attention.shape == (len(one.target_pieces), len(one.source_pieces))
    assert np.allclose(one.attention.sum(axis=1), 1.0, atol=1e-4)
    assert translator.translate("   ").text == ""
    with pytest.raises(ConfigError, match="beam"):
        translator.translate("one", beam=0)


def test_resume_continues_a_translation_run(numbers_run, tmp_path):
    result, _, data = numbers_run
    seen = []
    resumed = train(TrainConfig(task="translate", epochs=4), runs_dir=result.run_dir.parent,
                    resume_from=result.run_dir / "checkpoints" / "last.pt", data=data, export=False, emit=seen.append)
    assert resumed.epochs_done == 4 and [h["epoch"] for h in resumed.history] == [1, 2, 3, 4]
    started = next(e for e in seen if isinstance(e, TrainingStarted))  # redraws the epochs trained before
    redrawn = [e for e in started.earlier if isinstance(e, TranslateEpochEnd)]
    assert [e.epoch for e in redrawn] == [h["epoch"] for h in result.history]
    assert [e.bleu for e in redrawn] == pytest.approx([h["bleu"] for h in result.history])
    assert sum(e.is_best for e in redrawn) == 1 and redrawn[result.best_epoch - 1].is_best


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


# ----- the decoder cache ---------------------------------------------------------------------------
SENTENCES = ["abc", "abc def", "dab cafe bed", "abc abc def def fed cab bad"]


@pytest.fixture(scope="module", params=["transformer-small", "gru-attention"])
def cached_export(request, tmp_path_factory):
    """An untrained model of each kind (it writes long translations: many steps to compare)
    exported with its decoder cache, on the character vocabulary of "abc def"."""
    from engine.export.metadata import TranslatorMetadata
    from engine.export.onnx_export import export_translator

    chars = train_tokenizer("char", ["abc def"])
    metadata = TranslatorMetadata(source_tokenizer=chars.to_dict(), target_tokenizer=chars.to_dict())
    torch.manual_seed(3)
    model = build_model(request.param, SequenceShape(chars.vocab_size, chars.vocab_size)).eval()
    path = tmp_path_factory.mktemp("cached") / f"{request.param}.onnx"
    batch = torch.tensor([[5, 6, 7, EOS, 0, 0], [8, 9, 10, 5, 6, EOS], [6, 5, EOS, 0, 0, 0]])
    export_translator(model, metadata, path, [batch])
    return model, path, chars


def _rewrite_metadata(source, dest, **changes):
    """A copy of the ONNX file `source` at `dest` with its ModelDesk metadata changed
    (a value None removes the key), as files of older versions have it."""
    import onnx

    from engine.export.metadata import METADATA_KEY

    proto = onnx.load(str(source))
    entry = next(p for p in proto.metadata_props if p.key == METADATA_KEY)
    data = json.loads(entry.value)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    entry.value = json.dumps(data)
    onnx.save(proto, str(dest))
    return dest


def test_new_exports_offer_the_cache_and_translate_as_without_it(cached_export):
    _, path, _ = cached_export
    cached = Translator.open(path, "cpu")
    uncached = Translator.open(path, "cpu", decoding="step")
    assert cached.metadata.decoding == ["step", "cached"]
    assert (cached.decoding, uncached.decoding) == ("cached", "step")
    assert [i.name for i in cached._session.get_inputs()] == ["source", "target"]  # the old call still works
    for beam in (1, 4):
        for text in SENTENCES:
            a, b = cached.translate(text, beam), uncached.translate(text, beam)
            assert (a.text, a.target_pieces) == (b.text, b.target_pieces)
            assert a.score == pytest.approx(b.score, abs=1e-4)
            assert np.allclose(a.attention, b.attention, atol=1e-4)
    assert sum(len(cached.translate(text).target_pieces) for text in SENTENCES) > 12  # many cached steps


def test_cached_and_uncached_greedy_batches_agree_with_pytorch(cached_export):
    """A padded batch of different lengths (two of the same length decode together): the cache
    gives PyTorch's tokens, and the step interface's logits within 1e-4 at every step."""
    from engine.export.onnx_export import _near_tie, _TranslatorStep
    from engine.infer.decoding import onnx_greedy

    model, path, chars = cached_export
    session = Translator.open(path, "cpu")._session
    texts = ["abc def", "fed cab", "a", "bad bed cafe dab"]
    source = encode_pairs([(t, "") for t in texts], chars, chars, torch.device("cpu")).source
    with_cache, without = onnx_greedy(session, source.numpy(), cached=True), onnx_greedy(session, source.numpy())
    expected = greedy_translate(model, source)
    step = _TranslatorStep(model).eval()
    for row, ids, plain, want, logits, plain_logits in zip(source, with_cache.ids, without.ids, expected,
                                                            with_cache.logits, without.logits):
        assert ids == plain
        assert ids == want or _near_tie(step, row, ids, want)
        assert logits.shape == plain_logits.shape and np.max(np.abs(logits - plain_logits)) < 1e-4
    assert sum(len(ids) for ids in with_cache.ids) > 8


def test_a_cached_step_reads_the_memory_and_one_token_not_the_source_or_the_prefix(cached_export):
    """The cached call gets only the newest token, and with the memory of another sentence of
    the same length it follows that memory: the encoder did not run again."""
    from engine.infer.decoding import DecoderSession

    _, path, _ = cached_export
    decoder = DecoderSession(Translator.open(path, "cpu")._session, cached=True)
    first, second = np.array([[5, 6, 7, EOS]]), np.array([[8, 9, 10, EOS]])
    prefix = np.array([[BOS, 6, 7, 5]])
    _, _, memory_1, state_1 = decoder.start(first, prefix[:, :3])
    _, _, memory_2, state_2 = decoder.start(second, prefix[:, :3])
    logits_2, attention_2, _ = decoder.advance(second, prefix[:, 3:], memory_2, state_2)
    expected, expected_attention = decoder.prefix(second, prefix)
    assert np.allclose(logits_2, expected, atol=1e-4) and np.allclose(attention_2, expected_attention, atol=1e-5)
    crossed, _, _ = decoder.advance(first, prefix[:, 3:], memory_2, state_2)
    assert np.allclose(crossed, logits_2, atol=1e-5)
    assert not np.allclose(decoder.advance(first, prefix[:, 3:], memory_1, state_1)[0], logits_2, atol=1e-3)
    logits, _, new_memory, state = decoder.session.run(None, {"source": second, "target": prefix[:, 3:],
                                                              "memory": memory_2, "state": state_2})
    assert new_memory.size == 0 and state.shape[0] == 1  # the memory is kept by the caller


def test_the_cached_step_decodes_unknown_prefixes_from_the_start(cached_export):
    from engine.infer.decoding import DecoderSession, cached_step, prefix_step

    _, path, _ = cached_export
    session = Translator.open(path, "cpu")._session
    source = np.array([5, 6, 7, EOS])
    step, reference = cached_step(DecoderSession(session, True), source), prefix_step(DecoderSession(session, False), source)
    for prefixes in ([[BOS]], [[BOS, 5], [BOS, 6]], [[BOS, 6, 4], [BOS, 6, 5], [BOS, 5, 5]],  # beam-style growth
                     [[BOS, 7, 7]], [[BOS, 7, 7, 8]]):  # a prefix it never saw, then its continuation
        prefixes = np.asarray(prefixes, dtype=np.int64)
        got, want = step(prefixes), reference(prefixes)
        assert np.allclose(got[0], want[0], atol=1e-4) and np.allclose(got[1], want[1], atol=1e-5)


def test_files_exported_before_the_cache_still_translate(cached_export, tmp_path, caplog):
    """Files in users' hands have the step interface only and no `decoding` in their metadata."""
    from engine.export.metadata import TranslatorMetadata
    from engine.export.onnx_export import export_translator

    model, path, chars = cached_export
    if model.decoding == "recurrent":
        pytest.skip("choosing the interface does not depend on the kind of model; one export is enough")
    metadata = TranslatorMetadata(source_tokenizer=chars.to_dict(), target_tokenizer=chars.to_dict())
    step_only = tmp_path / "step-only.onnx"
    export_translator(model, metadata, step_only, [torch.tensor([[5, 6, 7, EOS]])], cached=False)
    old = _rewrite_metadata(step_only, tmp_path / "old.onnx", decoding=None)
    new = Translator.open(path, "cpu")
    for file in (step_only, old):
        translator = Translator.open(file, "cpu")
        assert translator.decoding == "step" and translator.metadata.decoding == ["step"]
        assert [o.name for o in translator._session.get_outputs()] == ["logits", "attention"]
        for beam in (1, 3):
            assert [translator.translate(t, beam).text for t in SENTENCES] == [new.translate(t, beam).text for t in SENTENCES]
        with pytest.raises(ModelFileError, match="without a decoder cache"):
            Translator.open(file, "cpu", decoding="cached")
    # metadata that promises a cache the graph lacks: decoded step by step, and the log says so
    promised = _rewrite_metadata(step_only, tmp_path / "promised.onnx", decoding=["step", "cached"])
    assert Translator.open(promised, "cpu").decoding == "step"
    assert "lacks it" in caplog.text
    with pytest.raises(ModelFileError, match="newer version"):
        Translator.open(_rewrite_metadata(step_only, tmp_path / "future.onnx", decoding=["cached-v9"]), "cpu")
    with pytest.raises(ConfigError, match="way of decoding"):
        Translator.open(path, "cpu", decoding="fast")


def test_translator_metadata_reads_decoding_interfaces():
    from engine.export.metadata import TranslatorMetadata

    chars = train_tokenizer("char", ["ab"]).to_dict()
    text = TranslatorMetadata(source_tokenizer=chars, target_tokenizer=chars, decoding=["step", "cached"]).to_json()
    assert TranslatorMetadata.from_json(text).decoding == ["step", "cached"]
    data = json.loads(text)
    del data["decoding"]
    assert TranslatorMetadata.from_json(json.dumps(data)).decoding == ["step"]  # files from before the cache
    data["decoding"] = "cached"
    with pytest.raises(ValueError):
        TranslatorMetadata.from_json(json.dumps(data))
