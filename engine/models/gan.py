"""Generative adversarial networks: a DCGAN and its class-conditional variant.

Both builders size the generator and the discriminator from the dataset's image size and
channels (8x8 digits through 64x64 folders). The generator maps noise z (N, latent) (and, when
conditional, class indices (N,)) to images (N, C, H, W) in [-1, 1]; the discriminator maps
images (and classes) to one logit per image: "real" when positive.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.parametrizations import spectral_norm

from engine.models.registry import InputShape, register_model

MIN_WIDTH = 32  # narrowest feature map, at full resolution
EMBED_SIZE = 32  # class embedding fed to the conditional generator


def upsampling_steps(height: int, width: int) -> int:
    """How many times the generator doubles its feature map: as often as both sides halve
    evenly while staying at least 4 pixels."""
    steps = 0
    while height % 2 == 0 and width % 2 == 0 and height // 2 >= 4 and width // 2 >= 4:
        height, width, steps = height // 2, width // 2, steps + 1
    return steps


def latent_size_for(height: int, width: int) -> int:
    """The noise size: 64 numbers for small pictures, 128 from 32x32 up."""
    return 64 if height * width < 32 * 32 else 128


def _widths(height: int, width: int, steps: int) -> list[int]:
    """Feature-map widths from the coarsest resolution to the finest (steps + 1 entries):
    128 at the top for small pictures (fast on a CPU), 256 from 32x32 up; halved per step."""
    top = 128 if height * width < 32 * 32 else 256
    return [max(MIN_WIDTH, top >> level) for level in range(steps + 1)]


class Generator(nn.Module):
    """Noise (N, latent) [+ class (N,)] -> images (N, C, H, W) in [-1, 1]."""

    def __init__(self, shape: InputShape, latent_size: int, conditional: bool) -> None:
        super().__init__()
        self.latent_size = latent_size
        self.conditional = conditional
        self.num_classes = shape.num_classes
        self.channels, self.height, self.width = shape.channels, shape.height, shape.width
        steps = upsampling_steps(shape.height, shape.width)
        widths = _widths(shape.height, shape.width, steps)
        self.base = (widths[0], shape.height >> steps, shape.width >> steps)
        extra = EMBED_SIZE if conditional else 0
        self.embed = nn.Embedding(shape.num_classes, EMBED_SIZE) if conditional else None
        self.project = nn.Sequential(
            nn.Linear(latent_size + extra, widths[0] * self.base[1] * self.base[2], bias=False),
            nn.BatchNorm1d(widths[0] * self.base[1] * self.base[2]),
            nn.ReLU(inplace=True),
        )
        layers: list[nn.Module] = []
        for wide, narrow in zip(widths, widths[1:]):
            layers += [nn.ConvTranspose2d(wide, narrow, 4, stride=2, padding=1, bias=False),  # doubles H and W
                       nn.BatchNorm2d(narrow), nn.ReLU(inplace=True)]
        layers += [nn.Conv2d(widths[-1], shape.channels, 3, padding=1), nn.Tanh()]
        self.body = nn.Sequential(*layers)

    def forward(self, z: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        if self.embed is not None:
            if labels is None:
                raise ValueError("a conditional generator needs class labels")
            z = torch.cat([z, self.embed(labels)], dim=1)
        x = self.project(z).view(-1, *self.base)  # (N, width, h, w) at the coarsest resolution
        return self.body(x)


class Discriminator(nn.Module):
    """Images (N, C, H, W) [+ class (N,)] -> one logit per image (N,). Spectral normalisation
    keeps it from overpowering the generator; the conditional variant adds a class projection."""

    def __init__(self, shape: InputShape, conditional: bool) -> None:
        super().__init__()
        steps = upsampling_steps(shape.height, shape.width)
        widths = list(reversed(_widths(shape.height, shape.width, steps)))  # finest -> coarsest
        layers: list[nn.Module] = [spectral_norm(nn.Conv2d(shape.channels, widths[0], 3, padding=1)), nn.LeakyReLU(0.2)]
        for narrow, wide in zip(widths, widths[1:]):
            layers += [spectral_norm(nn.Conv2d(narrow, wide, 4, stride=2, padding=1)), nn.LeakyReLU(0.2)]  # halves H, W
        self.body = nn.Sequential(*layers)
        top = widths[-1]
        cells = (shape.height >> steps) * (shape.width >> steps)
        self.head = spectral_norm(nn.Linear(top * cells, 1))
        self.embed = spectral_norm(nn.Embedding(shape.num_classes, top)) if conditional else None

    def forward(self, images: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        features = self.body(images)  # (N, top, h, w)
        logits = self.head(features.flatten(1)).squeeze(1)
        if self.embed is not None:
            if labels is None:
                raise ValueError("a conditional discriminator needs class labels")
            logits = logits + (self.embed(labels) * features.sum(dim=(2, 3))).sum(dim=1)
        return logits


class GanPair(nn.Module):
    """A generator and its discriminator, trained together and checkpointed as one module."""

    def __init__(self, shape: InputShape, conditional: bool) -> None:
        super().__init__()
        latent = latent_size_for(shape.height, shape.width)
        self.generator = Generator(shape, latent, conditional)
        self.discriminator = Discriminator(shape, conditional)

    @property
    def latent_size(self) -> int:
        return self.generator.latent_size

    @property
    def conditional(self) -> bool:
        return self.generator.conditional


@register_model("dcgan", "Deep convolutional GAN (Radford et al., 2015): learns to draw new pictures like the "
                "dataset's.", speed="fast", task="gan")
def build_dcgan(shape: InputShape) -> nn.Module:
    return GanPair(shape, conditional=False)


@register_model("dcgan-conditional", "DCGAN that also learns the classes, so you can ask it for a particular "
                "one (\"draw a 7\").", speed="fast", task="gan")
def build_conditional_dcgan(shape: InputShape) -> nn.Module:
    return GanPair(shape, conditional=True)
