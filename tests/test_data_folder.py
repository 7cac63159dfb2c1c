"""`folder:PATH` on tiny real image files: layouts, formats, modes, sizes, skipped files and errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from engine.data.registry import LoadOptions, load_dataset
from engine.errors import DataError


def save(path: Path, array: np.ndarray, mode: str | None = None, fmt: str | None = None, **kwargs) -> Path:
    """Write `array` as an image file (format from the suffix unless `fmt`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.fromarray(array)
    if mode is not None:
        image = image.convert(mode)
    image.save(path, format=fmt, **kwargs)
    return path


def rgb(value: tuple[int, int, int], size: tuple[int, int] = (8, 8)) -> np.ndarray:
    return np.broadcast_to(np.array(value, np.uint8), (*size, 3)).copy()


def gray(value: int, size: tuple[int, int] = (8, 8)) -> np.ndarray:
    return np.full(size, value, np.uint8)


def load(path: Path, **options) -> object:
    return load_dataset(f"folder:{path}", LoadOptions(**options))


def test_class_folders_become_sorted_classes_with_exact_pixels(tmp_path):
    root = tmp_path / "pets"
    for i in range(5):
        save(root / "dogs" / f"d{i}.png", rgb((10 * i, 100, 200)))
        save(root / "Cats" / f"c{i}.png", rgb((1, 2, 3 + i)))
    data = load(root)
    assert data.name == "pets" and data.classes == ["Cats", "dogs"]
    assert data.train_images.shape == (10, 8, 8, 3) and data.train_images.dtype == np.uint8
    assert data.train_labels.tolist() == [0] * 5 + [1] * 5 and data.train_labels.dtype == np.int64
    assert data.train_images[0, 0, 0].tolist() == [1, 2, 3]
    assert data.train_images[9, 7, 7].tolist() == [40, 100, 200]
    assert data.test_images is None and data.skipped_files == 0 and data.warnings == []


def test_every_supported_format_is_read(tmp_path):
    root = tmp_path / "formats"
    for fmt in ("png", "bmp", "gif", "tif", "tiff", "webp"):
        save(root / "a" / f"x.{fmt}", gray(50), "L", lossless=True) if fmt == "webp" else save(root / "a" / f"x.{fmt}", gray(50))
    save(root / "b" / "y.jpg", gray(200))
    save(root / "b" / "y2.JPEG", gray(200), fmt="JPEG")
    data = load(root)
    assert data.class_counts().tolist() == [6, 2]
    assert data.channels == 3 and data.skipped_files == 0  # WebP stores even gray pictures as RGB
    assert (data.train_images[data.train_labels == 0] == 50).all()
    (root / "a" / "x.webp").unlink()
    assert load(root).channels == 1
    assert np.abs(data.train_images[data.train_labels == 1].astype(int) - 200).max() <= 2  # JPEG is lossy


def test_grayish_modes_give_one_channel(tmp_path):
    root = tmp_path / "gray"
    save(root / "a" / "l.png", gray(90))
    save(root / "a" / "bw.png", gray(255), "1")
    save(root / "a" / "la.png", np.dstack([gray(90), gray(255)]), "LA")
    save(root / "b" / "wide.png", np.full((8, 8), 65535 // 2, np.uint16))  # 16-bit, mode I;16
    palette_gray = Image.fromarray(gray(60)).convert("P")
    palette_gray.save(root / "b" / "pal.png")
    data = load(root)
    assert data.channels == 1
    assert data.train_images[data.train_labels == 0][:, 0, 0, 0].tolist() == [255, 90, 90]  # bw, l, la
    assert data.train_images[data.train_labels == 1][:, 0, 0, 0].tolist() == [60, 127]  # pal, 16-bit scaled


def test_one_colour_image_makes_everything_rgb(tmp_path):
    root = tmp_path / "mixed"
    save(root / "a" / "g.png", gray(90))
    save(root / "b" / "c.png", rgb((255, 0, 0)))
    data = load(root)
    assert data.channels == 3
    assert data.train_images[0, 0, 0].tolist() == [90, 90, 90]
    assert data.train_images[1, 0, 0].tolist() == [255, 0, 0]


def test_colour_palette_and_rgba_are_rgb_on_white(tmp_path):
    root = tmp_path / "alpha"
    save(root / "a" / "pal.gif", rgb((0, 0, 255)), "P")
    transparent = np.zeros((8, 8, 4), np.uint8)
    transparent[..., 0] = 255
    transparent[:4, :, 3] = 255  # top half opaque red, bottom half fully transparent
    save(root / "b" / "rgba.png", transparent)
    data = load(root)
    assert data.channels == 3
    assert data.train_images[0, 0, 0].tolist() == [0, 0, 255]
    assert data.train_images[1, 0, 0].tolist() == [255, 0, 0]
    assert data.train_images[1, 7, 0].tolist() == [255, 255, 255]


def test_common_small_size_is_kept_even_when_not_square(tmp_path):
    root = tmp_path / "small"
    for c in "ab":
        save(root / c / "x.png", gray(10, (10, 20)))
    data = load(root)
    assert data.image_size == (10, 20)


def test_mixed_or_large_sizes_are_resized(tmp_path):
    root = tmp_path / "sizes"
    save(root / "a" / "x.png", gray(10, (8, 8)))
    save(root / "b" / "y.png", gray(20, (16, 32)))
    assert load(root).image_size == (64, 64)
    assert load(root, image_size=12).train_images.shape == (2, 12, 12, 1)
    big = tmp_path / "big"
    for c in "ab":
        save(big / c / "x.png", gray(30, (100, 100)))
    data = load(big)
    assert data.image_size == (64, 64) and (data.train_images == 30).all()


def test_train_and_test_folders_case_insensitive(tmp_path):
    root = tmp_path / "split"
    for c, value in (("cat", 1), ("dog", 2)):
        for i in range(5):
            save(root / "Train" / c / f"{i}.png", gray(value))
        save(root / "TEST" / c / "t.png", gray(value))
    save(root / "TEST" / "horse" / "h.png", gray(3))
    data = load(root)
    assert data.classes == ["cat", "dog"]
    assert data.train_images.shape == (10, 8, 8, 1) and data.test_images.shape == (2, 8, 8, 1)
    assert data.test_labels.tolist() == [0, 1] and data.test_images[:, 0, 0, 0].tolist() == [1, 2]
    assert any("'horse'" in w for w in data.warnings)


@pytest.mark.parametrize("name", ["val", "valid", "Validation"])
def test_validation_folder_is_the_test_split(tmp_path, name):
    root = tmp_path / "v"
    for c in "ab":
        save(root / "train" / c / "x.png", gray(5))
        save(root / name / c / "y.png", gray(6))
    data = load(root)
    assert data.test_labels.tolist() == [0, 1] and (data.test_images == 6).all()


def test_sub_folders_are_read_and_hidden_or_other_files_ignored(tmp_path):
    root = tmp_path / "deep"
    save(root / "a" / "2023" / "jan" / "x.png", gray(1))
    save(root / "a" / "y.png", gray(1))
    save(root / "a" / ".hidden.png", gray(1))
    save(root / "a" / ".cache" / "z.png", gray(1))
    (root / "a" / "notes.txt").write_text("not a picture")
    (root / "a" / "Thumbs.db").write_bytes(b"\x00" * 10)
    save(root / "b" / "x.png", gray(2))
    save(root / ".git" / "x.png", gray(3))
    data = load(root)
    assert data.classes == ["a", "b"] and data.class_counts().tolist() == [2, 1]
    assert data.skipped_files == 0


def test_unreadable_files_are_skipped_and_counted(tmp_path):
    root = tmp_path / "damaged"
    for c in "ab":
        for i in range(5):
            save(root / c / f"{i}.png", gray(10))
    full = save(tmp_path / "whole.jpg", rgb((9, 9, 9), (64, 64)), quality=95).read_bytes()
    (root / "a" / "cut.jpg").write_bytes(full[: len(full) // 2])
    (root / "b" / "fake.png").write_text("I am text, not a picture")
    (root / "b" / "empty.gif").write_bytes(b"")
    data = load(root)
    assert data.skipped_files == 3
    assert "3 files could not be read and were skipped." in data.warnings
    assert data.class_counts().tolist() == [5, 5] and data.channels == 1


def test_one_skipped_file_is_singular(tmp_path):
    root = tmp_path / "one"
    for c in "ab":
        for i in range(5):
            save(root / c / f"{i}.png", gray(10))
    (root / "a" / "bad.png").write_bytes(b"\x89PNG broken")
    assert load(root).warnings == ["1 file could not be read and was skipped."]


def test_class_without_readable_pictures_is_left_out_and_tiny_classes_warned(tmp_path):
    root = tmp_path / "classes"
    for i in range(5):
        save(root / "big" / f"{i}.png", gray(1))
    save(root / "small" / "0.png", gray(2))
    (root / "broken").mkdir()
    (root / "broken" / "x.png").write_text("nope")
    (root / "empty").mkdir()
    data = load(root)
    assert data.classes == ["big", "small"] and data.train_labels.tolist() == [0] * 5 + [1]
    assert any("'broken'" in w and "left out" in w for w in data.warnings)
    assert any("'empty'" in w for w in data.warnings)
    assert any("'small' has only 1 picture;" in w for w in data.warnings)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda root: None, "does not exist"),
        (lambda root: root.write_text("x"), "is a file, not a folder"),
        (lambda root: root.mkdir(), "no class folders"),
        (lambda root: save(root / "x.png", gray(1)), "not sorted into class folders"),
        (lambda root: [(root / c).mkdir(parents=True) for c in "ab"], "No pictures were found"),
        (lambda root: save(root / "only" / "x.png", gray(1)), "needs at least two classes"),
        (lambda root: [(root / c).mkdir(parents=True) or (root / c / "x.png").write_text("no") for c in "ab"], "could be read"),
    ],
    ids=["missing", "file", "empty", "flat", "no-images", "one-class", "all-unreadable"],
)
def test_errors_are_plain_sentences(tmp_path, make, message):
    root = tmp_path / "user"
    make(root)
    with pytest.raises(DataError) as info:
        load(root)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_progress_and_cancel(tmp_path):
    root = tmp_path / "p"
    for c in "ab":
        for i in range(3):
            save(root / c / f"{i}.png", gray(i))
    calls = []
    load(root, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (12, 12) and all(total == 12 for _, total in calls)
    polls = []
    with pytest.raises(DataError, match="Loading was cancelled."):
        load(root, should_cancel=lambda: polls.append(1) or len(polls) > 4)
