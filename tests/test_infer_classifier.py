"""Image classification with tiny hand-built ONNX classifiers whose right answers are known.

The models average each channel over the image, multiply by a fixed weight and add a bias,
so every probability below can be worked out by hand: the two scores differ by 6, and
the winning probability is sigmoid(6).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
from PIL import Image

from engine.errors import ConfigError, DataError, ModelFileError
from engine.export.metadata import METADATA_KEY, ClassifierMetadata
from engine.infer.classifier import ImageClassifier, PreprocessSettings, read_labels_file, to_probabilities, value_range_preset
from engine.infer.collect import collect_images, folder_accuracy

ROOT = Path(__file__).resolve().parent.parent
TOP = 1 / (1 + np.exp(-6.0))  # winning probability for every image below
DARK, BRIGHT = 51, 204  # 0.2 and 0.8 after scaling; -0.6 and 0.6 in the [-1, 1] range
JARGON = ("Traceback", "InvalidGraph", "ONNXRuntimeError", "Exception")


def build_model(path: Path, weights, bias=None, *, layout: str = "nchw", shape=None, softmax: bool = False,
                metadata: str | None = None, input_type=TensorProto.FLOAT) -> Path:
    """float x -> mean per channel -> MatMul weights [C, K] -> + bias -> (softmax) -> y [N, K]."""
    weights = np.asarray(weights, np.float32)
    channels, classes = weights.shape
    bias = np.zeros(classes, np.float32) if bias is None else np.asarray(bias, np.float32)
    shape = shape or (["N", channels, 4, 4] if layout == "nchw" else ["N", 4, 4, channels])
    source = "x"
    nodes = []
    if input_type != TensorProto.FLOAT:
        nodes.append(helper.make_node("Cast", ["x"], ["xf"], to=TensorProto.FLOAT))
        source = "xf"
    nodes += [helper.make_node("ReduceMean", [source], ["m"], axes=[2, 3] if layout == "nchw" else [1, 2], keepdims=0),
              helper.make_node("MatMul", ["m", "W"], ["s"]),
              helper.make_node("Add", ["s", "b"], ["z" if softmax else "y"])]
    if softmax:
        nodes.append(helper.make_node("Softmax", ["z"], ["y"], axis=1))
    graph = helper.make_graph(
        nodes, "classifier", [helper.make_tensor_value_info("x", input_type, shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [shape[0], classes])],
        [numpy_helper.from_array(weights, "W"), numpy_helper.from_array(bias, "b")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    if metadata is not None:
        entry = model.metadata_props.add()
        entry.key, entry.value = METADATA_KEY, metadata
    onnx.save(model, path)
    return path


def minus_one_to_one_weights(channels: int = 3, scale: float = 5.0):
    """dark vs bright for input in [-1, 1]: scores -+ scale * mean, a difference of 6 at 0.2 and 0.8."""
    return [[-scale / channels, scale / channels]] * channels


def zero_to_one_model(path: Path, **kwargs) -> Path:
    """dark vs bright for input in [0, 1]: scores 10 * (0.5 - m) and 10 * (m - 0.5)."""
    return build_model(path, [[-10 / 3, 10 / 3]] * 3, [5.0, -5.0], **kwargs)


def our_metadata(**changes) -> str:
    fields = dict(labels=["dark", "bright"], input_size=(4, 4), channels=3, mean=[0.5] * 3, std=[0.5] * 3, model_name="tiny")
    fields.update(changes)
    return ClassifierMetadata(**fields).to_json()


def write_images(root: Path, classes: dict[str, tuple], count: int = 2, size: int = 8) -> list[Path]:
    """`count` uniform size x size PNGs per class folder; returns the paths, sorted."""
    paths = []
    for name, colour in classes.items():
        (root / name).mkdir(parents=True, exist_ok=True)
        for i in range(count):
            path = root / name / f"{i}.png"
            Image.new("RGB", (size, size), colour).save(path)
            paths.append(path)
    return sorted(paths)


@pytest.fixture
def dark_bright(tmp_path) -> Path:
    root = tmp_path / "photos"
    write_images(root, {"dark": (DARK,) * 3, "bright": (BRIGHT,) * 3})
    return root


def _plain(message: str, *words: str) -> None:
    assert "\n" not in message and message.endswith("."), message
    assert not any(j in message for j in JARGON), message
    for word in words:
        assert word.lower() in message.lower(), message


def test_our_model_describes_itself(tmp_path, dark_bright):
    model = build_model(tmp_path / "ours.onnx", minus_one_to_one_weights(), metadata=our_metadata())
    classifier = ImageClassifier.open(model, "cpu")
    assert classifier.has_metadata and classifier.metadata.model_name == "tiny"
    assert classifier.warnings == [] and classifier.provider == "CPUExecutionProvider" and classifier.input_name == "x"
    assert classifier.settings == PreprocessSettings((4, 4), 3, [0.5] * 3, [0.5] * 3, "nchw", ["dark", "bright"])
    predictions = classifier.classify_files(collect_images([dark_bright]), top_k=5)
    assert [(p.path.parent.name, p.label, p.error) for p in predictions] == [
        ("bright", "bright", None), ("bright", "bright", None), ("dark", "dark", None), ("dark", "dark", None)]
    for p in predictions:
        assert len(p.top) == 2  # top_k is capped at the number of classes
        assert p.top[0][1] == pytest.approx(TOP, abs=1e-6)
        assert sum(prob for _, prob in p.top) == pytest.approx(1.0, abs=1e-9)
    assert folder_accuracy(predictions, classifier.settings.labels) == (1.0, 4)


def test_foreign_nchw_model_gets_settings_from_its_graph(tmp_path, dark_bright):
    classifier = ImageClassifier.open(zero_to_one_model(tmp_path / "foreign.onnx"), "cpu")
    settings = classifier.settings
    assert not classifier.has_metadata and classifier.metadata is None
    assert (settings.input_size, settings.channels, settings.layout) == ((4, 4), 3, "nchw")
    assert (settings.mean, settings.std, settings.labels) == ([0.0] * 3, [1.0] * 3, ["class 0", "class 1"])
    assert len(classifier.warnings) == 1 and "pixel values" in classifier.warnings[0]
    predictions = classifier.classify_files(collect_images([dark_bright]))
    assert [p.label for p in predictions] == ["class 1", "class 1", "class 0", "class 0"]
    assert predictions[0].top[0][1] == pytest.approx(TOP, abs=1e-6)
    assert folder_accuracy(predictions, classifier.settings.labels) is None  # folders are not named "class N"


def test_labels_file_names_the_classes(tmp_path, dark_bright):
    labels = tmp_path / "labels.txt"
    labels.write_text("dark\n\n  bright  \n\n")
    assert read_labels_file(labels) == ["dark", "bright"]
    classifier = ImageClassifier.open(zero_to_one_model(tmp_path / "foreign.onnx"), "cpu", {"labels": labels})
    predictions = classifier.classify_files(collect_images([dark_bright]))
    assert folder_accuracy(predictions, classifier.settings.labels) == (1.0, 4)
    with pytest.raises(DataError, match="does not exist"):
        read_labels_file(tmp_path / "nope.txt")
    labels.write_text("dark\nbright\ngrey\n")
    with pytest.raises(ConfigError) as info:
        ImageClassifier.open(tmp_path / "foreign.onnx", "cpu", {"labels": labels})
    _plain(str(info.value), "3 labels", "2 scores")


def test_foreign_nhwc_model_is_recognised(tmp_path):
    root = tmp_path / "colours"
    write_images(root, {"red": (255, 0, 0), "blue": (0, 0, 255)}, count=3)
    model = build_model(tmp_path / "nhwc.onnx", [[3, -3], [0, 0], [-3, 3]], layout="nhwc")
    classifier = ImageClassifier.open(model, "cpu", {"labels": ["red", "blue"]})
    assert (classifier.settings.layout, classifier.settings.channels, classifier.settings.input_size) == ("nhwc", 3, (4, 4))
    predictions = classifier.classify_files(collect_images([root]), top_k=1)
    assert [p.label for p in predictions] == ["blue"] * 3 + ["red"] * 3
    assert all(len(p.top) == 1 and p.top[0][1] == pytest.approx(TOP, abs=1e-6) for p in predictions)
    assert folder_accuracy(predictions, ["red", "blue"]) == (1.0, 6)


def test_value_range_decides_the_answer(tmp_path, dark_bright):
    """This model expects [-1, 1]; the [0, 1] default gets the dark images wrong."""
    model = build_model(tmp_path / "minus.onnx", minus_one_to_one_weights())
    labels = ["dark", "bright"]
    images = collect_images([dark_bright])
    default = ImageClassifier.open(model, "cpu", {"labels": labels}).classify_files(images)
    assert folder_accuracy(default, labels) == (0.5, 4)
    for overrides in ({"value_range": "[-1,1]"}, {"mean": [0.5], "std": [0.5]}, {"mean": [0.5] * 3, "std": [0.5] * 3}):
        classifier = ImageClassifier.open(model, "cpu", {"labels": labels, **overrides})
        assert classifier.warnings == []
        predictions = classifier.classify_files(images)
        assert folder_accuracy(predictions, labels) == (1.0, 4)
        assert predictions[0].top[0][1] == pytest.approx(TOP, abs=1e-6)


def test_any_size_model_needs_a_size_or_gets_224_with_a_warning(tmp_path):
    model = build_model(tmp_path / "any.onnx", minus_one_to_one_weights(), shape=["N", 3, "height", "width"])
    guessed = ImageClassifier.open(model, "cpu")
    assert guessed.settings.input_size == (224, 224)
    assert any("224 x 224" in w for w in guessed.warnings)
    sized = ImageClassifier.open(model, "cpu", {"size": (6, 5), "value_range": "[-1,1]"})
    assert sized.settings.input_size == (6, 5) and sized.warnings == []
    batch = sized.preprocess([np.full((10, 10, 3), BRIGHT, np.uint8)])
    assert batch.shape == (1, 3, 6, 5)
    assert sized.predict_batch(batch)[0, 1] == pytest.approx(TOP, abs=1e-6)


def test_fixed_batch_sizes_are_respected(tmp_path, dark_bright):
    images = collect_images([dark_bright])
    for batch in (1, 3):
        model = build_model(tmp_path / f"batch{batch}.onnx", minus_one_to_one_weights(), shape=[batch, 3, 4, 4],
                            metadata=our_metadata())
        classifier = ImageClassifier.open(model, "cpu")
        predictions = classifier.classify_files(images, batch_size=256)
        assert [p.label for p in predictions] == ["bright", "bright", "dark", "dark"]
        assert folder_accuracy(predictions, classifier.settings.labels) == (1.0, 4)


def test_probability_outputs_are_not_softmaxed_twice(tmp_path):
    model = build_model(tmp_path / "soft.onnx", minus_one_to_one_weights(), softmax=True, metadata=our_metadata())
    classifier = ImageClassifier.open(model, "cpu")
    probabilities = classifier.predict_batch(classifier.preprocess([np.full((4, 4, 3), DARK, np.uint8)]))
    np.testing.assert_allclose(probabilities, [[TOP, 1 - TOP]], atol=1e-6)


def test_to_probabilities():
    np.testing.assert_allclose(to_probabilities(np.array([[0.25, 0.75]])), [[0.25, 0.75]])
    np.testing.assert_allclose(to_probabilities(np.array([[0.0, np.log(3.0)]])), [[0.25, 0.75]])
    np.testing.assert_allclose(to_probabilities(np.array([[1000.0, 1000.0]])), [[0.5, 0.5]])
    np.testing.assert_allclose(to_probabilities(np.array([[0.2, 0.2]])), [[0.5, 0.5]])  # in [0,1] but not summing to 1


def test_preprocess_follows_the_contract(tmp_path):
    model = build_model(tmp_path / "ours.onnx", minus_one_to_one_weights(), metadata=our_metadata(mean=[0.5, 0.25, 0.0], std=[0.5, 0.25, 1.0]))
    classifier = ImageClassifier.open(model, "cpu")
    pixel = np.array([255, 0, 51], np.uint8)
    batch = classifier.preprocess([np.tile(pixel, (8, 8, 1))])
    assert batch.dtype == np.float32 and batch.shape == (1, 3, 4, 4)
    np.testing.assert_allclose(batch[0, :, 0, 0], [(1 - 0.5) / 0.5, (0 - 0.25) / 0.25, 0.2], atol=1e-6)
    pil = Image.new("RGBA", (4, 4), (255, 0, 51, 255))
    np.testing.assert_allclose(classifier.preprocess([pil]), batch, atol=1e-6)
    transparent = Image.new("RGBA", (4, 4), (0, 0, 0, 0))  # composited onto white
    np.testing.assert_allclose(classifier.preprocess([transparent])[0, :, 0, 0], [1.0, 3.0, 1.0], atol=1e-6)
    assert classifier.preprocess([]).shape == (0, 3, 4, 4)


def test_grayscale_model_and_presets(tmp_path):
    mean, std = value_range_preset("imagenet", 1)
    assert mean == pytest.approx([(0.485 + 0.456 + 0.406) / 3]) and std == pytest.approx([(0.229 + 0.224 + 0.225) / 3])
    assert value_range_preset("[0,1]", 3) == ([0.0] * 3, [1.0] * 3)
    assert value_range_preset("[-1, 1]", 1) == ([0.5], [0.5])
    with pytest.raises(ConfigError, match="value range"):
        value_range_preset("[0,255]", 3)
    model = build_model(tmp_path / "gray.onnx", [[-5.0, 5.0]], shape=["N", 1, 4, 4])
    classifier = ImageClassifier.open(model, "cpu", {"value_range": "imagenet"})
    assert classifier.settings.channels == 1 and classifier.settings.mean == pytest.approx(mean)
    batch = classifier.preprocess([np.full((4, 4, 3), 255, np.uint8)])
    np.testing.assert_allclose(batch, np.full((1, 1, 4, 4), (1 - mean[0]) / std[0]), rtol=1e-6)


def test_unreadable_images_are_skipped_not_fatal(tmp_path, dark_bright):
    broken = dark_bright / "dark" / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    model = build_model(tmp_path / "ours.onnx", minus_one_to_one_weights(), metadata=our_metadata())
    calls = []
    predictions = ImageClassifier.open(model, "cpu").classify_files(
        collect_images([dark_bright]), batch_size=2, progress=lambda done, total: calls.append((done, total)))
    assert [p.path.name for p in predictions] == ["0.png", "1.png", "0.png", "1.png", "broken.png"]
    assert predictions[-1].top == [] and predictions[-1].label is None
    _plain(predictions[-1].error, "broken.png")
    assert folder_accuracy(predictions, ["dark", "bright"]) == (1.0, 4)
    assert calls == [(2, 5), (4, 5), (5, 5)]


def test_settings_that_contradict_the_model_are_refused(tmp_path):
    model = build_model(tmp_path / "ours.onnx", minus_one_to_one_weights(), metadata=our_metadata())
    for overrides, words in (({"size": (5, 5)}, ("4 x 4",)), ({"channels": 1}, ("colour (3-channel)", "grayscale")),
                             ({"labels": ["a", "b", "c"]}, ("3 labels",)), ({"std": [0.0]}, ("std",)),
                             ({"layout": "nhwc"}, ("channel",)), ({"mean": [1, 2]}, ("mean",))):
        with pytest.raises(ConfigError) as info:
            ImageClassifier.open(model, "cpu", overrides)
        _plain(str(info.value), *words)


def test_models_that_are_not_image_classifiers(tmp_path):
    flat = tmp_path / "tabular.onnx"
    graph = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["y"])], "t",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 2])],
                              [numpy_helper.from_array(np.ones((4, 2), np.float32), "W")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, flat)
    image_out = tmp_path / "denoiser.onnx"
    graph = helper.make_graph([helper.make_node("Identity", ["x"], ["y"])], "d",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 4, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 3, 4, 4])])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, image_out)
    integer = build_model(tmp_path / "integer.onnx", minus_one_to_one_weights(), input_type=TensorProto.INT64)
    translator = build_model(tmp_path / "translator.onnx", minus_one_to_one_weights(), metadata='{"task": "translate"}')
    for path, words in ((flat, ("not an image classifier",)), (image_out, ("score per class",)),
                        (integer, ("not an image classifier",)), (translator, ("a translator", "not an image classifier"))):
        with pytest.raises(ModelFileError) as info:
            ImageClassifier.open(path, "cpu")
        _plain(str(info.value), path.name, *words)


def test_broken_metadata_falls_back_to_the_graph(tmp_path):
    model = build_model(tmp_path / "odd.onnx", minus_one_to_one_weights(), metadata='{"labels": ["a"]')
    classifier = ImageClassifier.open(model, "cpu")
    assert not classifier.has_metadata and any("could not be read" in w for w in classifier.warnings)


def test_collect_images(tmp_path):
    root = tmp_path / "pics"
    write_images(root, {"b": (0, 0, 0), "a": (9, 9, 9)}, count=2)
    (root / "a" / ".hidden.png").write_bytes(b"x")
    (root / ".thumbs").mkdir()
    Image.new("RGB", (2, 2)).save(root / ".thumbs" / "t.png")
    (root / "notes.txt").write_text("hi")
    single = root / "b" / "1.png"
    found = collect_images([root, single])
    assert [p.relative_to(root).as_posix() for p in found] == ["a/0.png", "a/1.png", "b/0.png", "b/1.png"]
    assert collect_images([single]) == [single]
    with pytest.raises(DataError) as info:
        collect_images([tmp_path / "missing"])
    _plain(str(info.value), "missing", "does not exist")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError) as info:
        collect_images([tmp_path / "empty"])
    _plain(str(info.value), "No images found", "empty")


def test_folder_accuracy_needs_every_folder_to_be_a_label(tmp_path):
    from engine.infer.classifier import Prediction

    good = [Prediction(Path("x/cat/1.png"), [("cat", 0.9)]), Prediction(Path("x/Dog/2.png"), [("cat", 0.6)])]
    assert folder_accuracy(good, ["cat", "dog"]) == (0.5, 2)
    assert folder_accuracy(good + [Prediction(Path("x/misc/3.png"), [("cat", 0.9)])], ["cat", "dog"]) is None
    assert folder_accuracy([Prediction(Path("x/cat/1.png"), [], "unreadable")], ["cat"]) is None


def test_inference_does_not_import_torch():
    code = "import engine.infer.classifier, engine.infer.collect, engine.commands.predict, sys; assert 'torch' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr


def test_huge_declared_shapes_are_refused_before_any_memory_is_taken(tmp_path):
    for shape, words in ((["N", 3, 200_000, 200_000], ("200,000 x 200,000", "64 million pixels")),
                         ([100_000, 3, 224, 224], ("100,000 pictures at a time", "56 GB"))):
        model = build_model(tmp_path / "huge.onnx", minus_one_to_one_weights(), shape=shape)
        with pytest.raises((ModelFileError, ConfigError)) as info:
            ImageClassifier.open(model, "cpu")
        _plain(str(info.value), *words)
    with pytest.raises(ConfigError, match="64 million pixels"):
        ImageClassifier.open(build_model(tmp_path / "any.onnx", minus_one_to_one_weights(), shape=["N", 3, "H", "W"]),
                             "cpu", {"size": 10_000})
