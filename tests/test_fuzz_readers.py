"""Fuzzing every reader of user files: whatever bytes arrive, the result is a valid value or
our typed error with a plain sentence, never another exception, and each case ends in bounded
time. Inputs are random bytes and mutations (truncation, flipped bytes, inserted junk) of a
valid file of each format."""

from __future__ import annotations

import gzip
import io
import struct
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from engine.errors import DataError, ImageError, ModelDeskError, ModelFileError
from engine.text.tokenizers import tokenizer_from_dict, train_tokenizer

FUZZ = settings(max_examples=60, deadline=timedelta(seconds=20), derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def mutated(valid: bytes) -> st.SearchStrategy[bytes]:
    """Random bytes, or `valid` truncated, with bytes overwritten, or with junk inserted."""
    n = len(valid)
    truncated = st.integers(0, max(0, n - 1)).map(lambda cut: valid[:cut])
    flipped = st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, 255)), min_size=1, max_size=8).map(
        lambda edits: _apply(valid, edits))
    inserted = st.tuples(st.integers(0, n), st.binary(min_size=1, max_size=64)).map(
        lambda cut: valid[: cut[0]] + cut[1] + valid[cut[0]:])
    return st.one_of(st.binary(max_size=512), truncated, flipped, inserted)


def _apply(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for index, value in edits:
        out[index] = value
    return bytes(out)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ----- IDX (MNIST) -----------------------------------------------------------------------------
def _idx_bytes() -> bytes:
    images = np.arange(3 * 4 * 4, dtype=np.uint8).reshape(3, 4, 4)
    return struct.pack(">BBBB3I", 0, 0, 0x08, 3, 3, 4, 4) + images.tobytes()


@FUZZ
@given(data=mutated(_idx_bytes()), compress=st.booleans())
def test_idx_reader(tmp_path, data, compress):
    from engine.data.idx import read_idx

    path = _write(tmp_path, "x-idx3-ubyte" + (".gz" if compress else ""), gzip.compress(data) if compress else data)
    try:
        array = read_idx(path)
    except DataError as exc:
        assert str(exc)
    else:
        assert isinstance(array, np.ndarray)


# ----- CIFAR-10 binary ------------------------------------------------------------------------------
def _cifar_bytes() -> bytes:
    rng = np.random.default_rng(0)
    records = rng.integers(0, 256, (2, 3073), dtype=np.uint8)
    records[:, 0] = [3, 7]
    return records.tobytes()


@FUZZ
@given(data=mutated(_cifar_bytes()))
def test_cifar_reader(tmp_path, data):
    from engine.data.cifar import read_cifar_batch

    path = _write(tmp_path, "data_batch_1.bin", data)
    try:
        images, labels = read_cifar_batch(path)
    except DataError as exc:
        assert str(exc)
    else:
        assert images.shape[1:] == (32, 32, 3) and len(labels) == len(images)  # the loader checks the label range


# ----- images (any format a folder may hold) ----------------------------------------------------------
def _image_bytes(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.arange(48 * 3, dtype=np.uint8).reshape(12, 4, 3)).save(buffer, format=fmt)
    return buffer.getvalue()


@FUZZ
@given(data=st.one_of(mutated(_image_bytes("PNG")), mutated(_image_bytes("JPEG")), mutated(_image_bytes("BMP")),
                      mutated(_image_bytes("GIF"))), channels=st.sampled_from([1, 3]))
def test_image_reader(tmp_path, data, channels):
    from engine.imaging import load_image_array

    path = _write(tmp_path, "picture.png", data)
    try:
        array = load_image_array(path, channels, (8, 8))
    except ImageError as exc:
        assert str(exc)
    else:
        assert array.shape == (8, 8, channels) and array.dtype == np.uint8


@settings(max_examples=20, deadline=timedelta(seconds=30), derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=mutated(_image_bytes("PNG")))
def test_folder_reader_skips_a_damaged_picture(tmp_path_factory, data):
    from engine.data.registry import LoadOptions, load_dataset

    root = tmp_path_factory.mktemp("pics")
    good = _image_bytes("PNG")
    for label in ("a", "b"):
        (root / label).mkdir()
        for i in range(3):
            (root / label / f"{i}.png").write_bytes(good)
    (root / "a" / "odd.png").write_bytes(data)
    try:
        result = load_dataset(f"folder:{root}", LoadOptions())
    except DataError as exc:
        assert str(exc)
    else:
        assert result.classes == ["a", "b"] and len(result.train_labels) + result.skipped_files >= 6


# ----- ONNX models -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def onnx_bytes(tmp_path_factory) -> bytes:
    from onnx_factories import modeldesk_model

    return modeldesk_model(tmp_path_factory.mktemp("onnx") / "m.onnx").read_bytes()


@settings(max_examples=60, deadline=timedelta(seconds=20), derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_onnx_open(tmp_path, onnx_bytes, data):
    """Opening a model for the Playground: classifier, generator or translator, or a plain sentence."""
    from engine.infer.classifier import ImageClassifier
    from engine.infer.generator import ImageGenerator, model_task
    from engine.infer.translator import Translator

    path = _write(tmp_path, "model.onnx", data.draw(mutated(onnx_bytes)))
    for open_ in (model_task, lambda p: ImageClassifier.open(p, "cpu"), lambda p: ImageGenerator.open(p, "cpu"),
                  lambda p: Translator.open(p, "cpu")):
        try:
            open_(path)
        except ModelDeskError as exc:
            assert str(exc)


# ----- checkpoints ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def checkpoint_bytes(tmp_path_factory) -> bytes:
    from engine.train.checkpoint import save_checkpoint

    path = tmp_path_factory.mktemp("ckpt") / "last.pt"
    save_checkpoint(path, {"model": {"w": torch.ones(3, 3)}, "epoch": 2, "config": {"task": "classify"}, "history": []})
    return path.read_bytes()


@settings(max_examples=60, deadline=timedelta(seconds=20), derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_checkpoint_load(tmp_path, checkpoint_bytes, data):
    from engine.train.checkpoint import load_checkpoint

    path = _write(tmp_path, "last.pt", data.draw(mutated(checkpoint_bytes)))
    try:
        state = load_checkpoint(path)
    except ModelFileError as exc:
        assert str(exc)
    else:
        assert isinstance(state, dict) and "model" in state


# ----- vocabularies stored in models ------------------------------------------------------------------
_SUBWORD = train_tokenizer("subword", ["vingt et un", "quatre mille cinq cent", "soixante-dix"] * 30).to_dict()


@FUZZ
@given(stored=st.one_of(
    st.fixed_dictionaries({"kind": st.sampled_from(["char", "subword", "bpe"]),
                           "chars": st.one_of(st.text(max_size=20), st.integers()),
                           "model": st.one_of(st.text(max_size=40), st.just(_SUBWORD["model"][:200]))}),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
    mutated(_SUBWORD["model"].encode()).map(lambda b: {"kind": "subword", "model": b.decode("latin-1")})))
def test_vocabulary_load(stored):
    try:
        tokenizer = tokenizer_from_dict(stored)
    except ModelFileError as exc:
        assert str(exc)
    else:
        assert tokenizer.decode(tokenizer.encode("vingt")) is not None
