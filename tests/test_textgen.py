"""The text-generation task end to end: plain text files and the bundled fables, the character
LSTM, sampling, a short run that beats the letter-frequency baseline, export to ONNX with the
same greedy text as PyTorch, seeded writing, resume, and the command line."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import torch

from engine.data.corpus import TextCorpus
from engine.data.registry import list_datasets, load_dataset
from engine.errors import ConfigError, DataError, ModelFileError
from engine.export.metadata import TextgenMetadata
from engine.infer.text_generator import TextGenerator
from engine.models.language import TextShape
from engine.models.registry import build_model, list_models
from engine.text.sampling import choose, prompt_ids, stream_text, write_text
from engine.text.tokenizers import BOS, CharTokenizer, tokenizer_from_dict
from engine.train.checkpoint import load_checkpoint
from engine.train.config import TrainConfig, resolve_defaults
from engine.train.control import TrainingControl
from engine.train.events import BatchEnd, TextgenEpochEnd, TrainingFinished, TrainingStarted
from engine.train.tasks import train
from engine.train.textgen_loop import torch_step
from engine.train.textgen_run import split_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module", autouse=True)
def one_torch_thread():
    """Train on one thread here: on the shared 2-core test machine, two threads contending with
    other processes run these small LSTMs 3-5 times slower. The numbers are the same."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _made_up_text(characters: int, seed: int = 0) -> str:
    """Sentences from a tiny grammar: a text with structure a model can learn in seconds."""
    rng = random.Random(seed)
    who = ["the fox", "a wolf", "the lamb", "an old crow", "the farmer"]
    did = ["saw", "chased", "fed", "met", "praised"]
    lines = []
    while sum(len(line) for line in lines) < characters:
        lines.append(f"{rng.choice(who).capitalize()} {rng.choice(did)} {rng.choice(who)}.\n")
    return "".join(lines)


# ----- data ----------------------------------------------------------------------------------------
def test_the_bundled_fables_are_registered_for_text_generation():
    data = load_dataset("fables")
    assert isinstance(data, TextCorpus) and 40_000 <= data.size <= 80_000
    assert data.text.startswith("The Wolf and the Lamb\n\nWOLF, meeting with a Lamb")
    assert "\r" not in data.text and data.character_counts()[0][0] == " "
    names = {info.name: info for info in list_datasets("textgen")}
    assert set(names) == {"fables", "text"} and names["text"].takes_argument
    assert "public domain" in names["fables"].description
    readme = (ROOT / "resources" / "README.md").read_text(encoding="utf-8")
    assert "fables.txt" in readme and "public domain" in readme


def test_a_text_file_is_read_whole_with_its_line_ends_made_plain(tmp_path):
    path = tmp_path / "story.txt"
    body = "Once upon a time, a ditty went round. " * 40
    path.write_bytes(b"\xef\xbb\xbf" + body.replace(". ", ".\r\n").encode("utf-8") + b"caf\xc3\xa9 \xff end")
    data = load_dataset(f"text:{path}")
    assert data.name == f"text:{path}" and data.title == "story.txt"
    assert data.text.startswith("Once upon") and "\r" not in data.text and data.text.endswith("café  end")
    assert data.warnings == ["1 damaged character that could not be read as UTF-8 was left out."]


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "does not exist"),
    ("folder", "folder", "is a folder, not a file"),
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"\n \n\t\n" * 400, "holds only blank lines"),
    ("short.txt", b"A fox saw a crow. " * 10, "holds only 180 characters; a text generator needs at least 1,000"),
    ("utf16.txt", "A fox saw a crow. ".encode("utf-16") * 100, "saved as UTF-16"),
    ("binary.bin", bytes(range(256)) * 10, "binary data, not text"),
    ("latin1.txt", "Le renard rusé a vu un corbeau perché. ".encode("latin-1") * 60, "is not UTF-8 text"),
])
def test_unusable_text_files_give_one_sentence(tmp_path, name, content, message):
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(DataError, match=message) as caught:
        load_dataset(f"text:{path}")
    text = str(caught.value)
    assert text.count(". ") == 0 and text.endswith(".") and "\n" not in text  # one sentence
    with pytest.raises(ConfigError, match="needs a path, for example text:/path/to/file.txt"):
        load_dataset("text")


def test_text_and_pictures_do_not_mix():
    with pytest.raises(ConfigError, match="holds plain text, which cannot train the task 'classify'"):
        resolve_defaults(TrainConfig(dataset="fables", model="cnn-small", task="classify"))
    with pytest.raises(ConfigError, match="holds pictures"):
        resolve_defaults(TrainConfig(dataset="digits", model="lstm-small", task="textgen"))
    config = resolve_defaults(TrainConfig(dataset="fables", model="lstm-small", task="textgen"))
    assert (config.epochs, config.lr, config.batch_size, config.seq_length, config.schedule) == (30, 0.01, 32, 100, "onecycle")
    assert resolve_defaults(TrainConfig(dataset="text:/x.txt", model="lstm-medium", task="textgen")).lr == 3e-3
    with pytest.raises(ConfigError, match="sequence length"):
        resolve_defaults(TrainConfig(dataset="fables", model="lstm-small", task="textgen", seq_length=1))
    with pytest.raises(ConfigError, match="'cnn-small' is not a text generator. Choose lstm-small or lstm-medium"):
        train(TrainConfig(dataset="fables", model="cnn-small", task="textgen"))


def test_the_validation_text_is_the_end_of_the_text_from_a_line_start():
    text = _made_up_text(5_000)
    train_text, val_text = split_text(text, 0.2)
    assert train_text + val_text == text and train_text.endswith("\n")
    assert 0.18 < len(val_text) / len(text) < 0.22
    with pytest.raises(DataError, match="at least 1,000 characters"):
        split_text("too short", 0.2)


# ----- model and sampling ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["lstm-small", "lstm-medium"])
def test_reading_at_once_or_one_character_at_a_time_gives_the_same_logits(name):
    assert name in [m.name for m in list_models("textgen")]
    torch.manual_seed(0)
    model = build_model(name, TextShape(30)).eval()
    ids = torch.randint(4, 30, (2, 9))
    with torch.no_grad():
        whole, (h, c) = model(ids)
        state, steps = None, []
        for t in range(ids.shape[1]):
            logits, state = model(ids[:, t : t + 1], state)
            steps.append(logits)
    assert torch.allclose(whole, torch.cat(steps, dim=1), atol=1e-5)
    assert torch.allclose(h, state[0], atol=1e-5) and h.shape == (model.layers, 2, model.hidden_size)


def _toy_step(vocab: int = 8):
    """A fixed random bigram model as a Step: the logits depend on the last id only."""
    table = np.random.default_rng(1).normal(size=(vocab, vocab)) * 2

    def step(ids, state):
        calls = (state or 0) + 1
        return table[ids[:, -1]], calls

    return step


def test_sampling_is_seeded_greedy_ignores_the_seed_and_specials_are_never_written():
    tokenizer = CharTokenizer(list("ab\ncd"))  # ids 4..8
    step = _toy_step(9)
    one = write_text(step, tokenizer, "ab", 200, 1.0, 0, seed=7)
    assert one == write_text(step, tokenizer, "ab", 200, 1.0, 0, seed=7) and len(one) == 200
    assert one != write_text(step, tokenizer, "ab", 200, 1.0, 0, seed=8)
    greedy = {write_text(step, tokenizer, "ab", 50, 0.0, 0, seed=s) for s in range(5)}
    assert len(greedy) == 1 and greedy == {write_text(step, tokenizer, "ab", 50, 1.0, 1, seed=3)}  # top-1 is greedy
    assert set(one) <= set("ab\ncd")  # nothing special (<unk> and friends) is ever written
    logits = np.zeros(9)
    logits[BOS] = 100.0
    assert choose(logits, 0.0, 0, np.random.default_rng(0)) >= 4
    assert prompt_ids(tokenizer, "a?b") == tokenizer.encode("ab")  # unknown characters are skipped
    assert prompt_ids(tokenizer, "??") == tokenizer.encode("\n")  # nothing known: a new paragraph
    with pytest.raises(ConfigError, match="temperature"):
        stream_text(step, tokenizer, "a", 10, -0.5)  # raised at the call, before any character
    with pytest.raises(ConfigError, match="Top-k"):
        stream_text(step, tokenizer, "a", 10, 1.0, -1)


# ----- training, export, inference ------------------------------------------------------------------
@pytest.fixture(scope="module")
def fables_run(tmp_path_factory):
    """Lstm-small on the first 20,000 characters of the fables for 8 epochs (about 5 s), exported."""
    data = TextCorpus("fables", load_dataset("fables").text[:20_000])
    events = []
    config = TrainConfig(dataset="fables", model="lstm-small", task="textgen", epochs=8, device="cpu")
    result = train(config, runs_dir=tmp_path_factory.mktemp("runs"), emit=events.append, data=data)
    return result, events, data


def test_a_short_run_beats_guessing_by_letter_frequency(fables_run):
    result, events, data = fables_run
    epochs = [e for e in events if isinstance(e, TextgenEpochEnd)]
    assert [e.epoch for e in epochs] == list(range(1, 9)) and any(isinstance(e, BatchEnd) for e in events)
    # the baseline, computed here from the characters alone
    train_text, val_text = split_text(data.text, 0.2)
    counts = Counter(train_text)
    scored = [c for c in val_text[1:] if c in counts]
    unigram = math.exp(-sum(math.log((counts[c] + 1) / (len(train_text) + len(counts))) for c in scored) / len(scored))
    assert result.unigram_perplexity == pytest.approx(unigram, rel=1e-6) and epochs[0].unigram_perplexity == pytest.approx(unigram)
    assert epochs[-1].val_perplexity < epochs[0].val_perplexity and epochs[-1].train_loss < epochs[0].train_loss
    assert result.val_perplexity < 0.6 * unigram, (result.val_perplexity, unigram)
    assert result.val_perplexity == pytest.approx(math.exp(result.val_loss), rel=1e-3)
    last = epochs[-1]
    assert last.prompt == result.prompt and len(last.sample) == 300 and last.samples_per_second > 0
    assert result.train_characters + result.val_characters == len(data.text)
    rows = (result.run_dir / "metrics.csv").read_text().splitlines()
    assert rows[0].split(",")[:5] == ["epoch", "train_loss", "val_loss", "val_perplexity", "unigram_perplexity"]
    assert len(rows) == 9
    samples = json.loads((result.run_dir / "samples.json").read_text(encoding="utf-8"))
    assert [s["epoch"] for s in samples] == list(range(1, 9)) and samples[-1]["sample"] == last.sample
    summary = json.loads((result.run_dir / "summary.json").read_text())
    assert summary["task"] == "textgen" and summary["val_perplexity"] == pytest.approx(result.val_perplexity)
    checkpoint = load_checkpoint(result.run_dir / "checkpoints" / "best.pt")
    assert checkpoint["task"] == "textgen" and checkpoint["tokenizer"]["kind"] == "char"
    finished = events[-1]
    assert isinstance(finished, TrainingFinished) and finished.status == "finished"
    assert finished.extra["task"] == "textgen" and finished.extra["val_perplexity"] == pytest.approx(result.val_perplexity)
    started = next(e for e in events if isinstance(e, TrainingStarted))
    assert started.items == "characters" and started.train_size == result.train_characters


def _pytorch_writer(run_dir: Path):
    """The best epoch rebuilt from its checkpoint alone, as a Step, with its tokeniser."""
    checkpoint = load_checkpoint(run_dir / "checkpoints" / "best.pt")
    model = build_model(checkpoint["config"]["model"], TextShape(**checkpoint["shape"])).eval()
    model.load_state_dict(checkpoint["model"])
    return torch_step(model, torch.device("cpu")), tokenizer_from_dict(checkpoint["tokenizer"])


def test_onnx_runtime_writes_the_same_greedy_text_as_pytorch(fables_run):
    result, _, data = fables_run
    assert result.export is not None and result.export.path.name == "textgen.onnx"
    assert result.export.max_abs_diff < 1e-3
    generator = TextGenerator.open(result.export.path, "cpu")
    meta = generator.metadata
    assert (meta.task, meta.model_name, meta.layers, meta.hidden_size) == ("textgen", "lstm-small", 1, 256)
    assert set(generator.characters) == set(split_text(data.text, 0.2)[0])  # the training text's characters
    assert meta.metrics["val_perplexity"] == pytest.approx(result.val_perplexity, rel=1e-3)
    assert meta.examples == [[result.prompt, result.sample]]
    step, tokenizer = _pytorch_writer(result.run_dir)
    for prompt in ("The Fox and the ", "", "A WOLF sa"):
        expected = write_text(step, tokenizer, prompt, 150, 0.0)
        assert generator.generate(prompt, 150, temperature=0.0) == expected
    inputs = [(i.name, i.shape) for i in generator._session.get_inputs()]
    assert [name for name, _ in inputs] == ["ids", "h", "c"] and isinstance(inputs[0][1][1], str)


def test_writing_is_the_same_for_a_seed_and_differs_between_seeds(fables_run):
    result, _, _ = fables_run
    generator = TextGenerator.open(result.export.path, "cpu")
    pieces = list(generator.stream("The Lion ", 120, temperature=1.0, seed=5))
    assert len(pieces) == 120 and all(len(p) == 1 for p in pieces)
    assert "".join(pieces) == generator.generate("The Lion ", 120, temperature=1.0, seed=5)
    others = {generator.generate("The Lion ", 120, temperature=1.0, seed=s) for s in range(6, 10)}
    assert "".join(pieces) not in others and len(others) == 4
    top = generator.generate("The Lion ", 120, temperature=1.0, top_k=3, seed=5)
    assert top != "".join(pieces)
    assert generator.unknown_characters("The Lion ☃ sat ☃") == ["☃"]
    assert generator.generate("The Lion ☃", 40, 0.0) == generator.generate("The Lion ", 40, 0.0)  # skipped
    with pytest.raises(ConfigError, match="length"):
        generator.stream("x", -1)


def test_a_resumed_run_continues_exactly_where_it_stopped(tmp_path):
    """Stopped after epoch 2 of 3 and resumed from last.pt, a run ends as the uninterrupted one
    (same optimizer and schedule state, each epoch reseeded)."""
    data = TextCorpus("text:story.txt", _made_up_text(4_000))
    config = TrainConfig(dataset="text:story.txt", model="lstm-small", task="textgen", epochs=3, device="cpu",
                         seq_length=50)
    whole = train(config, runs_dir=tmp_path / "a", data=data, export=False)
    control = TrainingControl()

    def stop_after_two(event):
        if isinstance(event, TextgenEpochEnd) and event.epoch == 2:
            control.stop()

    stopped = train(config, runs_dir=tmp_path / "b", data=data, export=False, emit=stop_after_two, control=control)
    assert (stopped.status, stopped.epochs_done) == ("stopped", 2)
    events = []
    resumed = train(TrainConfig(task="textgen"), runs_dir=tmp_path / "b", data=data, export=False, emit=events.append,
                    resume_from=stopped.run_dir / "checkpoints" / "last.pt")
    assert resumed.status == "finished" and resumed.run_dir == stopped.run_dir
    assert [h["epoch"] for h in resumed.history] == [1, 2, 3]
    assert resumed.history[-1]["val_loss"] == whole.history[-1]["val_loss"]
    assert resumed.sample == whole.sample
    started = next(e for e in events if isinstance(e, TrainingStarted))
    assert started.start_epoch == 3 and [e.epoch for e in started.earlier if isinstance(e, TextgenEpochEnd)] == [1, 2]
    from engine.runs.store import RunStore

    assert RunStore(tmp_path / "b").get(resumed.run_id).status == "finished"


def test_a_run_stopped_before_it_starts_ends_stopped(tmp_path):
    control = TrainingControl()
    control.stop()
    events = []
    result = train(TrainConfig(dataset="text:x", model="lstm-small", task="textgen", epochs=2, device="cpu"),
                   runs_dir=tmp_path, data=TextCorpus("text:x", _made_up_text(2_000)), control=control,
                   emit=events.append)
    assert (result.status, result.epochs_done, result.export) == ("stopped", 0, None)
    assert isinstance(events[-1], TrainingFinished) and events[-1].status == "stopped"
    with pytest.raises(DataError, match="at least 1,000 characters"):
        train(TrainConfig(dataset="text:x", model="lstm-small", task="textgen"), runs_dir=tmp_path,
              data=TextCorpus("text:x", "Too short."))


def test_metadata_refuses_what_is_not_a_text_generator():
    good = TextgenMetadata(tokenizer={"kind": "char", "chars": "ab"}, layers=1, hidden_size=8)
    again = TextgenMetadata.from_json(good.to_json())
    assert again == good and again.characters == ["a", "b"]
    for broken in (dict(task="translate"), dict(tokenizer={"kind": "subword", "model": ""}), dict(layers=0)):
        data = json.loads(good.to_json())
        data.update(broken)
        with pytest.raises((ValueError, KeyError, TypeError)):
            TextgenMetadata.from_json(json.dumps(data))


# ----- the command line ------------------------------------------------------------------------------
def test_cli_trains_on_a_text_file_and_generates_from_it(tmp_path, capsys):
    from engine.cli import main

    path = tmp_path / "story.txt"
    path.write_text(_made_up_text(3_000, seed=1), encoding="utf-8")
    code = main(["train", "--task", "textgen", "--dataset", f"text:{path}", "--epochs", "2", "--seq-length", "40",
                 "--runs-dir", str(tmp_path / "runs"), "--export", str(tmp_path / "story.onnx"), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    summary = json.loads(captured.out.strip().splitlines()[-1])
    assert summary["task"] == "textgen" and summary["model"] == "lstm-small" and summary["epochs"] == 2
    assert summary["onnx"] == str(tmp_path / "story.onnx") and summary["val_perplexity"] > 1
    assert "perplexity" in captured.err and "chars/s" in captured.err
    assert Path(summary["run_dir"], "textgen.onnx").exists()

    model = str(tmp_path / "story.onnx")
    assert main(["generate", model, "--prompt", "The fox ", "--length", "60", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The fox ") and len(out) == len("The fox ") + 60 + 1
    assert main(["generate", model, "--prompt", "The fox ", "--length", "60", "--seed", "3"]) == 0
    assert capsys.readouterr().out == out  # the same seed, the same text
    assert main(["generate", model, "--prompt", "The fox €", "--length", "5", "--temperature", "0", "--json"]) == 0
    captured = capsys.readouterr()
    row = json.loads(captured.out)
    assert row["prompt"] == "The fox €" and len(row["text"]) == 5 and "never saw '€'" in captured.err
    assert main(["generate", model, "--temperature", "-1"]) == 2
    assert "temperature must be between 0" in capsys.readouterr().err
    assert main(["generate", str(tmp_path / "none.onnx")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["models", "--json"]) == 0 and "lstm-small" in capsys.readouterr().out
    assert main(["datasets", "--json"]) == 0
    datasets = {d["name"]: d for d in json.loads(capsys.readouterr().out)}
    assert datasets["fables"]["tasks"] == ["textgen"] and "text:PATH" in datasets

    result = subprocess.run([sys.executable, "-m", "engine", "generate", model, "--prompt", "A wolf", "--length", "30",
                             "--temperature", "0"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("A wolf") and len(result.stdout) == len("A wolf") + 31


def test_cli_generate_refuses_other_models(tmp_path, capsys):
    from engine.cli import main
    from onnx_factories import modeldesk_model

    path = tmp_path / "classifier.onnx"
    modeldesk_model(path)
    assert main(["generate", str(path), "--prompt", "hello"]) == 2
    err = capsys.readouterr().err
    assert "image classifier" in err and "text generators made with ModelDesk" in err
    with pytest.raises(ModelFileError):
        TextGenerator.open(path, "cpu")
