import pytest
import torch

from engine.errors import ConfigError
from engine.models.registry import InputShape, build_model, count_parameters, get_model_info, list_models

SHAPES = [InputShape(1, 8, 8, 10), InputShape(1, 28, 28, 10), InputShape(3, 32, 32, 10), InputShape(3, 64, 48, 4)]


def test_registry_has_the_required_models_with_descriptions():
    names = [m.name for m in list_models()]
    assert {"mlp", "lenet5", "cnn-small", "resnet18"} <= set(names)
    for info in list_models():
        assert len(info.description) > 20 and info.speed in ("fastest", "fast", "medium", "slow")


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s.channels}x{s.height}x{s.width}")
@pytest.mark.parametrize("name", ["mlp", "lenet5", "cnn-small", "resnet18"])
def test_every_model_adapts_to_input_shape_and_classes(name, shape):
    torch.manual_seed(0)
    model = build_model(name, shape)
    out = model(torch.randn(3, shape.channels, shape.height, shape.width))
    assert out.shape == (3, shape.num_classes)
    assert count_parameters(model) > 1000


def test_cnn_small_is_the_classic_32_64_64_network():
    model = build_model("cnn-small", InputShape(1, 28, 28, 10))
    convs = [m.out_channels for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    dense = [m.out_features for m in model.modules() if isinstance(m, torch.nn.Linear)]
    assert convs == [32, 64, 64] and dense == [64, 10]
    # 28x28 -> two pools -> 7x7x64 = 3136 features into the dense layer
    assert count_parameters(model) == 320 + 18496 + 36928 + (3136 * 64 + 64) + 650


def test_unknown_model_gives_a_plain_sentence():
    with pytest.raises(ConfigError, match="no model called 'vgg99'.*cnn-small"):
        get_model_info("vgg99")
