"""Decode image files into the arrays every reader and the inference path share.

One place decides how odd images become model input: palette and RGBA images are composited
onto white, 16-bit and float images are scaled into 0..255, CMYK becomes RGB, and images
larger than `MAX_PIXELS` are refused before they are decoded (decompression bombs).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, UnidentifiedImageError

from engine.errors import ImageError, WriteError
from engine.sentences import Sentence

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")
MAX_PIXELS = 64_000_000  # about 8000 x 8000; larger files are refused unread

ImageFile.LOAD_TRUNCATED_IMAGES = False


def is_image_file(path: Path) -> bool:
    """True when the file name has one of the image extensions we read."""
    return path.suffix.lower() in IMAGE_EXTENSIONS


def _to_8bit(image: Image.Image) -> Image.Image:
    """Scale 16-bit/32-bit integer and float images into 8-bit grayscale."""
    array = np.asarray(image, dtype=np.float64)
    low, high = float(array.min()), float(array.max())
    if image.mode.startswith("I;16") or image.mode == "I" and high <= 65535 and low >= 0:
        scale = 65535.0 if high > 255 else 255.0
        array = array / scale * 255.0
    elif high > low:
        array = (array - low) / (high - low) * 255.0
    return Image.fromarray(np.clip(np.round(array), 0, 255).astype(np.uint8), mode="L")


def _flatten_alpha(image: Image.Image) -> Image.Image:
    """Composite an image with transparency onto a white background, returning RGB."""
    rgba = image.convert("RGBA")
    background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, rgba).convert("RGB")


def open_image(path: str | Path, channels: int) -> Image.Image:
    """Decode `path` into a PIL image in mode "L" (channels=1) or "RGB" (channels=3).

    Raises ImageError with a plain sentence when the file is not a readable image.
    """
    path = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ImageError(Sentence("'{name}' is {width}x{height} pixels, too large to open safely.",
                                              name=path.name, width=width, height=height))
                image.seek(0)  # first frame of animations
                image.load()
                return normalise_mode(image, channels)
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(Sentence("'{name}' is too large to open safely.", name=path.name)) from None
    except FileNotFoundError:
        raise ImageError(Sentence("'{path}' does not exist.", path=path)) from None
    except UnidentifiedImageError:
        raise ImageError(Sentence("'{name}' is not an image ModelDesk can read.", name=path.name)) from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise ImageError(Sentence("'{name}' could not be read; the file may be damaged ({reason}).",
                                  name=path.name, reason=str(exc))) from None


def normalise_mode(image: Image.Image, channels: int) -> Image.Image:
    """Convert a decoded image of any mode to "L" (channels=1) or "RGB" (channels=3)."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        image = _to_8bit(image)
    elif mode == "P":
        image = _flatten_alpha(image) if "transparency" in image.info else image.convert("RGB")
    elif mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        image = _flatten_alpha(image)
    elif mode not in ("L", "RGB"):
        image = image.convert("RGB")  # CMYK, YCbCr, LAB, HSV, 1
    return image.convert("L" if channels == 1 else "RGB")


def resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Resize to (height, width): box filter when shrinking (exact for whole-number factors),
    bilinear when enlarging."""
    height, width = size
    if image.size == (width, height):
        return image
    shrinking = width <= image.width and height <= image.height
    method = Image.Resampling.BOX if shrinking else Image.Resampling.BILINEAR
    return image.resize((width, height), method)


def load_image_array(path: str | Path, channels: int, size: tuple[int, int] | None = None) -> np.ndarray:
    """Decode, convert and (optionally) resize an image file into a uint8 (H, W, C) array."""
    image = open_image(path, channels)
    if size is not None:
        image = resize(image, size)
    array = np.asarray(image, dtype=np.uint8)
    return array[:, :, None] if array.ndim == 2 else array


def to_uint8_images(images: np.ndarray, value_range: tuple[float, float] = (-1.0, 1.0)) -> np.ndarray:
    """Float images (N, C, H, W) in `value_range` -> uint8 (N, H, W, C), clipped and rounded."""
    low, high = value_range
    scaled = (np.asarray(images, dtype=np.float32) - low) * (255.0 / (high - low))
    return np.clip(np.rint(scaled), 0, 255).astype(np.uint8).transpose(0, 2, 3, 1)


def image_grid(images: np.ndarray, columns: int, padding: int = 1, background: int = 255) -> np.ndarray:
    """Tile uint8 images (N, H, W, C) into one uint8 picture (rows x columns), row by row, with
    `padding` pixels of `background` between and around the tiles.

    (torchvision's make_grid does this for tensors; the playground must not load torch.)"""
    images = np.asarray(images)
    n, h, w, c = images.shape
    columns = max(1, min(columns, n))
    rows = (n + columns - 1) // columns
    grid = np.full((rows * (h + padding) + padding, columns * (w + padding) + padding, c), background, dtype=np.uint8)
    for i in range(n):
        r, col = divmod(i, columns)
        top, left = padding + r * (h + padding), padding + col * (w + padding)
        grid[top : top + h, left : left + w] = images[i]
    return grid


def save_png(image: np.ndarray, path: Path | str) -> Path:
    """Write a uint8 (H, W, C) or (H, W) picture to `path` as PNG, atomically; returns the path.

    ImageError with a plain sentence when the file cannot be written."""
    from engine.atomic import atomic_path

    path = Path(path)
    array = np.asarray(image, dtype=np.uint8)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[..., 0]
    try:
        with atomic_path(path) as tmp:
            Image.fromarray(array).save(tmp, format="PNG")
    except WriteError:
        raise
    except OSError as exc:
        raise ImageError(Sentence("The picture could not be saved to '{path}' ({reason}).",
                                  path=path, reason=exc.strerror or str(exc))) from None
    return path
