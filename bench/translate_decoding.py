"""Translation decoding speed: the decoder cache against re-reading the source and the whole
prefix at every step (how files exported before the cache decode).

Trains a `transformer-small` (the real architecture: 128 wide, 2 + 2 layers) for 150 batches
on English-to-French sentences of one to four numbers (subword vocabularies, as a run makes
them; barely trained, but it writes translations as long as real ones), exports it
once with the cache, and opens that one file twice through `engine.infer.translator`: decoding
"cached" and decoding "step". The same sentences go through both, in interleaved rounds so
machine noise hits both alike:

  - short: single numbers written out in words (2 to 12 source tokens);
  - long: four numbers written out in one sentence (about 40 source tokens), where caching
    matters more: without it each step re-reads the source and every token written so far.

For greedy decoding and beam 4 it reports sentences/s of each, ms per sentence, and the ratio
cached / uncached speed (above 1: the cache is faster). It also times one decoding step at
growing target lengths: the cached step should stay flat, the uncached one grow. The two must
translate every sentence identically (checked, and said in the notes). Not a test.

Run: `.venv/bin/python bench/translate_decoding.py [--quick] [--json PATH]` (under 60 s on a
2-core CPU; --quick about 15 s).
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Measure, arguments, finish, interleaved, median, timed  # noqa: E402

from engine.data.text import number_words  # noqa: E402
from engine.export.metadata import TranslatorMetadata  # noqa: E402
from engine.export.onnx_export import export_translator  # noqa: E402
from engine.infer.decoding import DecoderSession  # noqa: E402
from engine.infer.translator import Translator  # noqa: E402
from engine.models.translators import TRANSFORMER_SIZES, SequenceShape, TransformerTranslator  # noqa: E402
from engine.text.tokenizers import BOS, PAD, train_tokenizer  # noqa: E402
from engine.train.sequences import encode_pairs, encode_source  # noqa: E402

BENCH = "inference"
MODEL = "transformer-small"


def train_and_export(path: Path, steps: int, seed: int = 0, batch: int = 32) -> float:
    """Train transformer-small on sentences of one to four numbers for `steps` batches and
    export it with the cache to `path`; the seconds it took."""
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    groups = [rng.integers(0, 10_000, rng.choice([1, 1, 2, 3, 4])) for _ in range(4_000)]  # 1 to 4 numbers
    pairs = [(", ".join(number_words(int(n), "en") for n in group), ", ".join(number_words(int(n), "fr") for n in group))
             for group in groups]
    source_tokenizer = train_tokenizer("subword", [s for s, _ in pairs])
    target_tokenizer = train_tokenizer("subword", [t for _, t in pairs])
    encoded = encode_pairs(pairs, source_tokenizer, target_tokenizer, torch.device("cpu"))
    torch.manual_seed(seed)
    model = TransformerTranslator(SequenceShape(source_tokenizer.vocab_size, target_tokenizer.vocab_size),
                                  TRANSFORMER_SIZES[MODEL])
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(seed)
    model.train()
    for _ in range(steps):
        source, target = encoded.batch(torch.randint(0, len(encoded), (batch,), generator=generator))
        logits = model(source, target[:, :-1])
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), target[:, 1:].reshape(-1),
                                                 ignore_index=PAD)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    metadata = TranslatorMetadata(source_tokenizer=source_tokenizer.to_dict(), target_tokenizer=target_tokenizer.to_dict(),
                                  source_language="en", target_language="fr", model_name=MODEL, dataset="numbers:en-fr")
    print(f"trained {MODEL} for {steps} batches in {time.perf_counter() - started:.1f} s "
          f"(last loss {loss.item():.2f})", flush=True)
    export_translator(model, metadata, path, [encode_pairs(pairs[:8], source_tokenizer, target_tokenizer,
                                                           torch.device("cpu")).source])
    return time.perf_counter() - started


def sentences(count: int, numbers_per_sentence: int, seed: int) -> list[str]:
    """`count` sentences of `numbers_per_sentence` numbers below 10,000 written out in English."""
    rng = np.random.default_rng(seed)
    return [", ".join(number_words(int(n), "en") for n in rng.integers(0, 10_000, numbers_per_sentence))
            for _ in range(count)]


def step_times(translator: Translator, text: str, lengths: list[int], repeats: int) -> dict[str, list[float]]:
    """Median ms of one decoding call after a target prefix of each length, through the cache
    and through the step interface (same session, same source)."""
    decoder_cached = DecoderSession(translator._session, True)
    decoder_step = DecoderSession(translator._session, False)
    source = np.asarray([encode_source(translator.source_tokenizer, text)], dtype=np.int64)
    out: dict[str, list[float]] = {"cached": [], "uncached": []}
    rng = np.random.default_rng(0)
    vocab = translator.target_tokenizer.vocab_size
    for length in lengths:
        prefix = np.concatenate([[BOS], rng.integers(4, vocab, length - 1)])[None, :].astype(np.int64)
        _, _, memory, state = decoder_cached.start(source, prefix[:, :-1])
        token = prefix[:, -1:]
        cached, uncached = interleaved(lambda: timed(lambda: decoder_cached.advance(source, token, memory, state)),
                                       lambda: timed(lambda: decoder_step.prefix(source, prefix)), repeats)
        out["cached"].append(median(cached) * 1000)
        out["uncached"].append(median(uncached) * 1000)
    return out


def main() -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    logging.basicConfig(level=logging.WARNING)
    began = time.perf_counter()
    steps, rounds, count = (40, 3, 6) if args.quick else (150, 5, 16)
    measures: list[Measure] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "translator.onnx"
        seconds = train_and_export(path, steps)
        print(f"model ready in {seconds:.1f} s", flush=True)
        cached = Translator.open(path, "cpu")
        uncached = Translator.open(path, "cpu", decoding="step")
        assert cached.decoding == "cached" and uncached.decoding == "step", "the export has no decoder cache"
        sets = {"short": sentences(count, 1, 1), "long": sentences(max(2, count // 4), 4, 2)}
        for label, texts in sets.items():
            for beam in (1, 4):
                first = [cached.translate(t, beam) for t in texts]  # also a warm-up for both
                same = [t.text for t in first] == [uncached.translate(t, beam).text for t in texts]
                tokens = sum(len(t.target_pieces) for t in first)
                sources = sum(len(t.source_pieces) for t in first)
                with_cache, without = interleaved(
                    lambda: timed(lambda: [cached.translate(t, beam) for t in texts]),
                    lambda: timed(lambda: [uncached.translate(t, beam) for t in texts]), rounds)
                rate, base = len(texts) / median(with_cache), len(texts) / median(without)
                search = "greedy" if beam == 1 else f"beam {beam}"
                measures.append(Measure(
                    BENCH, f"translation {search}, {label} sentences, cached vs uncached decoder, sentences/s",
                    rate, "sentences/s", base, "uncached decoder (source and whole prefix every step), same file",
                    rate / base, note=(f"{1000 / rate:.2f} vs {1000 / base:.2f} ms per sentence; {len(texts)} sentences, "
                                       f"{sources / len(texts):.0f} source and {tokens / len(texts):.0f} output tokens "
                                       f"each; same translations: {'yes' if same else 'NO'}")))
                print(measures[-1].line(), flush=True)
        lengths = [2, 20, 60] if args.quick else [2, 20, 60, 100]
        times = step_times(cached, sets["long"][0], lengths, 20 if args.quick else 60)
        for length, a, b in zip(lengths, times["cached"], times["uncached"]):
            print(f"one decoding step after {length} target tokens (long source): cached {a:.3f} ms, "
                  f"uncached {b:.3f} ms, {b / a:.1f}x", flush=True)
        measures.append(Measure(
            BENCH, f"translation, one decoding step after {lengths[-1]} target tokens (long source), ms", times["cached"][-1],
            "ms", times["uncached"][-1], "uncached decoder", times["uncached"][-1] / times["cached"][-1],
            note=(f"ratio uncached / cached time; after {lengths[0]} tokens {times['cached'][0]:.3f} vs "
                  f"{times['uncached'][0]:.3f} ms: the cached step stays flat as the translation grows")))
    print(f"whole benchmark {time.perf_counter() - began:.0f} s", flush=True)
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
