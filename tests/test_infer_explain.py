"""Occlusion maps on tiny hand-built ONNX classifiers that only look at a known region.

The model takes an 8x8 grayscale image and scores class 1 by 10 x the mean of its top-left
3x3 pixels (class 0 always scores 0), so covering anything else cannot change its answer.
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

from engine.errors import ConfigError
from engine.export.metadata import METADATA_KEY, ClassifierMetadata
from engine.infer.classifier import ImageClassifier
from engine.infer.explain import _neutral, default_patch, default_stride, occlusion_map

ROOT = Path(__file__).resolve().parent.parent
SIDE = 8


def top_left_model(path: Path, *, metadata: bool = True, layout: str = "nchw", batch="N") -> Path:
    """x [N, 1, 8, 8] (or [N, 8, 8, 1]) -> Flatten -> MatMul W [64, 2] -> logits [N, 2]."""
    weights = np.zeros((SIDE, SIDE, 2), np.float32)
    weights[:3, :3, 1] = 10.0 / 9.0  # logit 1 = 10 * mean of the top-left 3x3; logit 0 = 0
    shape = [batch, 1, SIDE, SIDE] if layout == "nchw" else [batch, SIDE, SIDE, 1]
    graph = helper.make_graph(
        [helper.make_node("Flatten", ["x"], ["f"], axis=1), helper.make_node("MatMul", ["f", "W"], ["y"])],
        "top_left", [helper.make_tensor_value_info("x", TensorProto.FLOAT, shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [batch, 2])],
        [numpy_helper.from_array(weights.reshape(SIDE * SIDE, 2), "W")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    if metadata:
        entry = model.metadata_props.add()
        entry.key = METADATA_KEY
        entry.value = ClassifierMetadata(labels=["other", "corner"], input_size=(SIDE, SIDE), channels=1,
                                         mean=[0.5], std=[0.5], layout=layout, model_name="top-left").to_json()
    onnx.save(model, path)
    return path


def corner_image(side: int = 32) -> np.ndarray:
    """A dark (side x side) picture whose top-left 3/8 is bright: the model's region at 8x8."""
    image = np.zeros((side, side), np.uint8)
    image[: side * 3 // 8, : side * 3 // 8] = 255
    return image


@pytest.fixture
def ours(tmp_path) -> ImageClassifier:
    return ImageClassifier.open(top_left_model(tmp_path / "ours.onnx"), "cpu")


def _finite_unit(heat: np.ndarray) -> None:
    assert heat.dtype == np.float32 and np.all(np.isfinite(heat))
    assert heat.min() >= 0.0 and heat.max() <= 1.0


def test_map_points_at_the_region_the_model_uses(ours):
    heat = occlusion_map(ours, corner_image(32))
    assert heat.shape == (32, 32)  # the original picture's size, not the model's 8x8
    _finite_unit(heat)
    row, col = np.unravel_index(np.argmax(heat), heat.shape)
    assert row < 16 and col < 16 and heat.max() == pytest.approx(1.0)
    assert heat[-8:, -8:].max() == pytest.approx(0.0, abs=1e-6)  # covering the far corner changes nothing
    assert heat[:12, :12].mean() > 5 * heat[16:, 16:].mean() + 0.1


def test_map_follows_the_original_size_and_accepts_pil_and_colour(ours):
    picture = np.zeros((20, 44, 3), np.uint8)
    picture[:8, :16] = 255
    heat = occlusion_map(ours, picture)
    assert heat.shape == (20, 44)
    _finite_unit(heat)
    heat_pil = occlusion_map(ours, Image.fromarray(picture))
    np.testing.assert_allclose(heat_pil, heat, atol=1e-6)
    native = occlusion_map(ours, corner_image(SIDE))
    assert native.shape == (SIDE, SIDE) and native[-2:, -2:].max() == 0.0


def test_blank_image_gives_a_finite_map_in_unit_range(ours):
    for value in (0, 128, 255):
        heat = occlusion_map(ours, np.full((16, 16), value, np.uint8))
        assert heat.shape == (16, 16)
        _finite_unit(heat)


def test_all_zeros_when_covering_never_lowers_the_target(ours):
    # covering the bright corner only makes "other" (class 0) more likely
    heat = occlusion_map(ours, corner_image(16), target=0)
    assert heat.shape == (16, 16) and heat.dtype == np.float32 and not heat.any()


def test_one_patch_over_everything_marks_every_pixel_equally(ours):
    heat = occlusion_map(ours, corner_image(SIDE), patch=100, stride=3)
    np.testing.assert_array_equal(heat, np.ones((SIDE, SIDE), np.float32))


def test_batch_size_does_not_change_the_map(ours):
    image = corner_image(24)
    reference = occlusion_map(ours, image, patch=3, stride=2, batch_size=64)
    for batch_size in (1, 5):
        np.testing.assert_allclose(occlusion_map(ours, image, patch=3, stride=2, batch_size=batch_size), reference, atol=1e-6)


def test_cancel_returns_none_between_batches(ours):
    assert occlusion_map(ours, corner_image(), should_cancel=lambda: True) is None
    asked = []

    def cancel_on_third() -> bool:
        asked.append(1)
        return len(asked) >= 3

    assert occlusion_map(ours, corner_image(), batch_size=4, should_cancel=cancel_on_third) is None
    assert len(asked) == 3
    assert occlusion_map(ours, corner_image(), should_cancel=lambda: False) is not None


def test_foreign_models_work_and_are_covered_with_gray(tmp_path):
    nchw = ImageClassifier.open(top_left_model(tmp_path / "foreign.onnx", metadata=False), "cpu")
    assert not nchw.has_metadata and nchw.settings.mean == [0.0]
    np.testing.assert_allclose(_neutral(nchw), [128 / 255], atol=1e-7)
    nhwc = ImageClassifier.open(top_left_model(tmp_path / "nhwc.onnx", metadata=False, layout="nhwc", batch=1), "cpu")
    assert nhwc.settings.layout == "nhwc"
    for classifier in (nchw, nhwc):
        heat = occlusion_map(classifier, corner_image(32), batch_size=7)
        assert heat.shape == (32, 32)
        _finite_unit(heat)
        row, col = np.unravel_index(np.argmax(heat), heat.shape)
        assert row < 16 and col < 16
        assert heat[-8:, -8:].max() == pytest.approx(0.0, abs=1e-6)


def test_defaults_and_bad_settings(ours):
    assert default_patch((8, 8)) == 2 and default_patch((224, 224)) == 56 and default_patch((3, 5)) == 2
    assert default_stride(2) == 1 and default_stride(56) == 28 and default_stride(1) == 1
    assert _neutral(ours).tolist() == [0.0]  # ours subtract a mean: covered pixels normalise to 0
    for kwargs in (dict(target=2), dict(target=-1), dict(patch=0), dict(stride=0), dict(batch_size=0)):
        with pytest.raises(ConfigError):
            occlusion_map(ours, corner_image(), **kwargs)


def test_explain_does_not_import_torch():
    code = "import engine.infer.explain, sys; assert 'torch' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
