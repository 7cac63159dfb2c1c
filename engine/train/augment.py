"""Batch augmentation on tensors: random crop with padding and horizontal flip."""

from __future__ import annotations

import torch


def random_crop(x: torch.Tensor, pad: int, generator: torch.Generator) -> torch.Tensor:
    """Shift each image in (N, C, H, W) by up to `pad` pixels, filling with the edge value 0
    of the normalised scale's padding (zeros)."""
    n, _, h, w = x.shape
    padded = torch.nn.functional.pad(x, (pad, pad, pad, pad))
    dy = torch.randint(0, 2 * pad + 1, (n,), generator=generator).to(x.device)
    dx = torch.randint(0, 2 * pad + 1, (n,), generator=generator).to(x.device)
    rows = (torch.arange(h, device=x.device)[None, :] + dy[:, None])  # (N, H)
    cols = (torch.arange(w, device=x.device)[None, :] + dx[:, None])  # (N, W)
    batch = torch.arange(n, device=x.device)[:, None, None]
    out = padded.permute(0, 2, 3, 1)[batch, rows[:, :, None], cols[:, None, :]]  # (N, H, W, C)
    return out.permute(0, 3, 1, 2).contiguous()


def random_flip(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Mirror a random half of the images left-right."""
    flip = (torch.rand(x.shape[0], generator=generator) < 0.5).to(x.device)
    return torch.where(flip[:, None, None, None], x.flip(3), x)


def augment_batch(x: torch.Tensor, mode: str, generator: torch.Generator) -> torch.Tensor:
    """Apply augmentation `mode` ("none", "crop", "crop+flip") to a training batch."""
    if mode == "none":
        return x
    pad = max(1, min(x.shape[2], x.shape[3]) // 8)
    x = random_crop(x, pad, generator)
    if mode == "crop+flip":
        x = random_flip(x, generator)
    return x
