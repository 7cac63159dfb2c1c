"""The image classifiers: MLP, LeNet-5, the classic small CNN and a residual network.

Every builder adapts to the input's channels and size, so the same name works on 8x8 digits,
28x28 MNIST and 32x32 CIFAR-10 (and larger folders).
"""

from __future__ import annotations

import torch
from torch import nn
from torchvision.models import resnet18

from engine.models.registry import InputShape, register_model


def _pooled(size: int, pools: int) -> int:
    """Side length after `pools` 2x2 max-pools (floor), never below 1."""
    for _ in range(pools):
        size = max(1, size // 2)
    return size


@register_model("mlp", "A plain network of fully connected layers: the simplest baseline.", speed="fastest")
def build_mlp(shape: InputShape) -> nn.Module:
    features = shape.channels * shape.height * shape.width
    hidden = 256 if features <= 1024 else 512
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(features, hidden),  # (N, hidden)
        nn.ReLU(inplace=True),
        nn.Dropout(0.2),
        nn.Linear(hidden, hidden // 2),
        nn.ReLU(inplace=True),
        nn.Linear(hidden // 2, shape.num_classes),
    )


@register_model("lenet5", "LeNet-5 (LeCun, 1998): two small convolution layers, made for handwritten digits.", speed="fast")
def build_lenet5(shape: InputShape) -> nn.Module:
    # Small inputs skip a pooling step so the feature map never shrinks to nothing.
    pools = 2 if min(shape.height, shape.width) >= 16 else 1
    h, w = _pooled(shape.height, pools), _pooled(shape.width, pools)
    layers: list[nn.Module] = [nn.Conv2d(shape.channels, 6, 5, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(2)]
    layers += [nn.Conv2d(6, 16, 5, padding=2), nn.ReLU(inplace=True)]
    if pools == 2:
        layers.append(nn.MaxPool2d(2))
    layers += [
        nn.Flatten(),
        nn.Linear(16 * h * w, 120),
        nn.ReLU(inplace=True),
        nn.Linear(120, 84),
        nn.ReLU(inplace=True),
        nn.Linear(84, shape.num_classes),
    ]
    return nn.Sequential(*layers)


@register_model(
    "cnn-small",
    "Three convolution layers (32-64-64) and a dense layer: the classic tutorial network, a good default.",
    speed="fast",
)
def build_cnn_small(shape: InputShape) -> nn.Module:
    pools = 2 if min(shape.height, shape.width) >= 4 else 0
    h, w = _pooled(shape.height, pools), _pooled(shape.width, pools)
    layers: list[nn.Module] = []
    channels = shape.channels
    for index, out in enumerate((32, 64, 64)):
        layers += [nn.Conv2d(channels, out, 3, padding=1), nn.ReLU(inplace=True)]
        if index < pools:
            layers.append(nn.MaxPool2d(2))  # (N, out, H/2, W/2)
        channels = out
    # Large inputs (user folders) are pooled to at most 8x8 so the dense layer stays small.
    if h > 8 or w > 8:
        layers.append(nn.AdaptiveAvgPool2d((min(h, 8), min(w, 8))))
        h, w = min(h, 8), min(w, 8)
    layers += [nn.Flatten(), nn.Linear(64 * h * w, 64), nn.ReLU(inplace=True), nn.Linear(64, shape.num_classes)]
    return nn.Sequential(*layers)


class _SmallInputResNet(nn.Module):
    """torchvision's ResNet-18 with a 3x3 stem and no max-pool, for images of 8 to 64 pixels."""

    def __init__(self, shape: InputShape) -> None:
        super().__init__()
        net = resnet18(weights=None, num_classes=shape.num_classes)
        net.conv1 = nn.Conv2d(shape.channels, 64, 3, stride=1, padding=1, bias=False)
        net.maxpool = nn.Identity()
        self.net = net

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)  # (N, num_classes)


@register_model(
    "resnet18",
    "ResNet-18 adapted to small images (no pretrained weights): the most accurate on photos, much slower on a CPU.",
    speed="slow",
)
def build_resnet18(shape: InputShape) -> nn.Module:
    return _SmallInputResNet(shape)
