"""Tiny hand-built ONNX image classifiers (and broken model files) whose answers are known.

The classifiers average each channel over the image, multiply by a fixed weight matrix and add
a bias, so every probability can be worked out by hand. With `minus_one_to_one_weights` and the
"[-1,1]" value range, uniform DARK and BRIGHT pictures get scores that differ by 6: the winning
probability is TOP = sigmoid(6). The same model fed with the "[0,1]" range calls everything
"bright", which is how a test can tell that a value range setting took effect.

Not a test module (no `test_` prefix): GUI and engine tests import it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from PIL import Image

from engine.export.metadata import METADATA_KEY, ClassifierMetadata

TOP = 1 / (1 + np.exp(-6.0))  # winning probability of the dark/bright models below
DARK, BRIGHT = 51, 204  # 0.2 and 0.8 after scaling; -0.6 and 0.6 in the [-1, 1] range
RED, BLUE = (255, 0, 0), (0, 0, 255)
OPSET = 17


def _finish(graph: onnx.GraphProto, metadata: str | None) -> onnx.ModelProto:
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="onnx-factories")
    model.ir_version = 8
    if metadata is not None:
        entry = model.metadata_props.add()
        entry.key, entry.value = METADATA_KEY, metadata
    return model


def build_model(path: Path, weights, bias=None, *, layout: str = "nchw", shape=None, softmax: bool = False,
                metadata: str | None = None, external_data: bool = False) -> Path:
    """float x -> mean per channel -> MatMul weights [C, K] -> + bias -> (softmax) -> y [N, K].

    `external_data` stores the weights in `<name>.data` next to the model, as large models do.
    """
    path = Path(path)
    weights = np.asarray(weights, np.float32)
    channels, classes = weights.shape
    bias = np.zeros(classes, np.float32) if bias is None else np.asarray(bias, np.float32)
    shape = shape or (["N", channels, 4, 4] if layout == "nchw" else ["N", 4, 4, channels])
    nodes = [helper.make_node("ReduceMean", ["x"], ["m"], axes=[2, 3] if layout == "nchw" else [1, 2], keepdims=0),
             helper.make_node("MatMul", ["m", "W"], ["s"]),
             helper.make_node("Add", ["s", "b"], ["z" if softmax else "y"])]
    if softmax:
        nodes.append(helper.make_node("Softmax", ["z"], ["y"], axis=1))
    graph = helper.make_graph(
        nodes, "classifier", [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [shape[0], classes])],
        [numpy_helper.from_array(weights, "W"), numpy_helper.from_array(bias, "b")])
    model = _finish(graph, metadata)
    if external_data:
        onnx.save(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                  location=path.name + ".data", size_threshold=0)
    else:
        onnx.save(model, str(path))
    return path


def minus_one_to_one_weights(channels: int = 3, scale: float = 5.0):
    """dark vs bright for input in [-1, 1]: scores -+ scale * mean, a difference of 6 at 0.2 and 0.8."""
    return [[-scale / channels, scale / channels]] * channels


def our_metadata(**changes) -> str:
    """ModelDesk metadata for the dark/bright models: labels dark and bright, 4 x 4 RGB, [-1, 1]."""
    fields = dict(labels=["dark", "bright"], input_size=(4, 4), channels=3, mean=[0.5] * 3, std=[0.5] * 3,
                  model_name="tiny", dataset="dark-and-bright", metrics={"val_accuracy": 0.975})
    fields.update(changes)
    return ClassifierMetadata(**fields).to_json()


def modeldesk_model(path: Path, **kwargs) -> Path:
    """A self-describing dark/bright classifier, as ModelDesk exports them."""
    return build_model(path, minus_one_to_one_weights(), metadata=our_metadata(), **kwargs)


def foreign_minus_one_model(path: Path, layout: str = "nchw") -> Path:
    """A dark/bright classifier without metadata that needs the [-1, 1] value range to be right."""
    return build_model(path, minus_one_to_one_weights(), layout=layout)


def foreign_colour_model(path: Path, layout: str = "nhwc") -> Path:
    """red (class 0) vs blue (class 1), without metadata; right in any value range."""
    return build_model(path, [[3, -3], [0, 0], [-3, 3]], layout=layout)


def rank_two_model(path: Path) -> Path:
    """A tabular model (input [N, 4]): a valid ONNX file that is not an image classifier."""
    graph = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["y"])], "tabular",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
                              [numpy_helper.from_array(np.ones((4, 2), np.float32), "W")])
    onnx.save(_finish(graph, None), str(path))
    return Path(path)


def text_file_model(path: Path) -> Path:
    Path(path).write_text("This is not a model, just some notes.\n")
    return Path(path)


def lfs_pointer_model(path: Path) -> Path:
    Path(path).write_text("version https://git-lfs.github.com/spec/v1\n"
                          "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n")
    return Path(path)


def truncated_model(path: Path, source: Path) -> Path:
    """The first half of a good model file, like an interrupted download."""
    data = Path(source).read_bytes()
    Path(path).write_bytes(data[: len(data) // 2])
    return Path(path)


def missing_external_data_model(path: Path) -> Path:
    """A model whose separate weights file is missing."""
    build_model(path, minus_one_to_one_weights(), metadata=our_metadata(), external_data=True)
    Path(str(path) + ".data").unlink()
    return Path(path)


def write_image(path: Path, colour, size: int = 8) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (size, size), tuple(colour) if not isinstance(colour, int) else (colour,) * 3).save(path)
    return path


def write_images(root: Path, classes: dict[str, tuple], count: int = 2, size: int = 8) -> list[Path]:
    """`count` uniform size x size PNGs per class folder; returns the paths, sorted."""
    paths = []
    for name, colour in classes.items():
        for i in range(count):
            paths.append(write_image(Path(root) / name / f"{i}.png", colour, size))
    return sorted(paths)


def write_labels(path: Path, labels: list[str]) -> Path:
    Path(path).write_text("\n".join(labels) + "\n")
    return Path(path)


# ----- picture generators (GANs) -------------------------------------------------------------
DIGIT_CLASSES = [str(i) for i in range(10)]


def generator_model(path: Path, conditional: bool = True, size: int = 8, channels: int = 1,
                    metrics: dict | None = None) -> Path:
    """A small untrained DCGAN generator exported by ModelDesk (needs torch): size x size pictures
    of the ten digit classes; conditional ones draw a chosen class."""
    from engine.export.metadata import GeneratorMetadata
    from engine.export.onnx_export import export_generator
    from engine.models.registry import InputShape
    from engine.models.registry import build_model as build_registered

    name = "dcgan-conditional" if conditional else "dcgan"
    pair = build_registered(name, InputShape(channels, size, size, len(DIGIT_CLASSES)))
    metadata = GeneratorMetadata(pair.latent_size, (size, size), channels, classes=list(DIGIT_CLASSES),
                                 conditional=pair.conditional, model_name=name, dataset="digits",
                                 metrics=dict(metrics if metrics is not None else
                                              {"recognised": 0.9, "coverage": 10, "epochs": 3}))
    export_generator(pair.generator, metadata, path)
    return Path(path)


def foreign_generator_model(path: Path, latent: int = 4, size: int = 4) -> Path:
    """A generator without metadata (no torch): z [N, latent] -> tanh(z @ W) reshaped to
    [N, 1, size, size], so it passes for a foreign GAN with a flat noise input."""
    rng = np.random.default_rng(0)
    weights = rng.standard_normal((latent, size * size)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["z", "W"], ["m"]), helper.make_node("Tanh", ["m"], ["t"]),
         helper.make_node("Reshape", ["t", "shape"], ["image"])], "generator",
        [helper.make_tensor_value_info("z", TensorProto.FLOAT, ["N", latent])],
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["N", 1, size, size])],
        [numpy_helper.from_array(weights, "W"), numpy_helper.from_array(np.array([-1, 1, size, size], np.int64), "shape")])
    onnx.save(_finish(graph, None), str(path))
    return Path(path)


# ----- translators ---------------------------------------------------------------------------
TRANSLATOR_METRICS = {"bleu": 41.5, "chrf": 63.2, "exact_match": 0.125, "test_exact_match": 0.118, "epochs": 1}
TRANSLATOR_EXAMPLES = [["three hundred and twelve", "trois cent douze"], ["forty-five", "quarante-cinq"]]


def translator_model(path: Path, pairs: int = 2_000, steps: int = 150, seed: int = 0, metrics: dict | None = None,
                     examples: list[list[str]] | None = None, cached: bool = True) -> Path:
    """A small English-to-French numbers translator exported by ModelDesk (needs torch; about
    10 s on a busy 2-core CPU, most of it the ONNX export): a one-layer, 64-wide version of the
    `transformer-small` architecture trained for `steps` batches on `pairs` random numbers
    written out in words, with subword vocabularies. Barely trained, so it makes mistakes: tests
    compare what the page shows with what `engine.infer.translator` translates, not with French.
    (A GRU exports four times slower: torch.onnx decomposes its recurrence.) `cached=False`
    writes the file as ModelDesk did before the decoder cache: the step interface only."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # a tiny model: one thread is several times faster on a busy machine
    try:
        return _train_translator(path, pairs, steps, seed, metrics, examples, cached)
    finally:
        torch.set_num_threads(threads)


def _train_translator(path: Path, pairs: int, steps: int, seed: int, metrics: dict | None,
                      examples: list[list[str]] | None, cached: bool) -> Path:
    import torch

    from engine.data.text import number_words
    from engine.export.metadata import TranslatorMetadata
    from engine.export.onnx_export import export_translator
    from engine.models.translators import SequenceShape, TransformerSize, TransformerTranslator
    from engine.text.tokenizers import PAD, train_tokenizer
    from engine.train.sequences import encode_pairs

    rng = np.random.default_rng(seed)
    numbers = rng.permutation(10_000)[:pairs]
    data = [(number_words(int(n), "en"), number_words(int(n), "fr")) for n in numbers]
    source_tokenizer = train_tokenizer("subword", [s for s, _ in data])
    target_tokenizer = train_tokenizer("subword", [t for _, t in data])
    encoded = encode_pairs(data, source_tokenizer, target_tokenizer, torch.device("cpu"))
    torch.manual_seed(seed)
    size = TransformerSize(d_model=64, heads=2, encoder_layers=1, decoder_layers=1, ff=128, dropout=0.0)
    model = TransformerTranslator(SequenceShape(source_tokenizer.vocab_size, target_tokenizer.vocab_size), size)
    optimiser = torch.optim.Adam(model.parameters(), lr=3e-3)
    generator = torch.Generator().manual_seed(seed)
    model.train()
    for _ in range(steps):
        source, target = encoded.batch(torch.randint(0, len(encoded), (64,), generator=generator))
        logits = model(source, target[:, :-1])
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), target[:, 1:].reshape(-1),
                                                 ignore_index=PAD)
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    metadata = TranslatorMetadata(source_tokenizer=source_tokenizer.to_dict(), target_tokenizer=target_tokenizer.to_dict(),
                                  source_language="en", target_language="fr", model_name="tiny-transformer",
                                  dataset="numbers:en-fr", metrics=dict(TRANSLATOR_METRICS if metrics is None else metrics),
                                  examples=[list(e) for e in (TRANSLATOR_EXAMPLES if examples is None else examples)],
                                  app_version="test")
    export_translator(model, metadata, path, [encode_pairs(data[:4], source_tokenizer, target_tokenizer,
                                                           torch.device("cpu")).source], cached=cached)
    return Path(path)
