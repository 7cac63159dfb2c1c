"""The GAN task end to end: models sized from the data, training with quality scores, resume,
export of the generator, and sampling through ONNX Runtime."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image

from engine.data.registry import load_dataset
from engine.errors import ConfigError, ModelFileError
from engine.export.metadata import GeneratorMetadata
from engine.imaging import image_grid
from engine.infer.generator import ImageGenerator, model_task, noise, parse_class, sample_grid, slerp
from engine.models.registry import InputShape, build_model, list_models
from engine.train.checkpoint import load_checkpoint
from engine.train.config import TrainConfig, resolve_defaults
from engine.train.control import TrainingControl
from engine.train.events import GanBatchEnd, GanEpochEnd, SamplesReady, Status, TrainingStarted
from engine.train.gan_quality import reference_classifier
from engine.train.tasks import train


@pytest.mark.parametrize("shape", [(1, 8, 8), (1, 28, 28), (3, 32, 32), (3, 64, 64), (3, 48, 40), (1, 9, 9)])
@pytest.mark.parametrize("name", ["dcgan", "dcgan-conditional"])
def test_gan_models_fit_every_image_size(name, shape):
    torch.manual_seed(0)
    pair = build_model(name, InputShape(*shape, num_classes=4)).eval()
    z = torch.randn(3, pair.latent_size)
    labels = torch.tensor([0, 1, 3]) if pair.conditional else None
    images = pair.generator(z, labels)
    assert images.shape == (3, *shape)
    assert images.min() >= -1 and images.max() <= 1
    assert pair.discriminator(images, labels).shape == (3,)


def test_gan_models_are_listed_for_their_task_only():
    assert [m.name for m in list_models(task="gan")] == ["dcgan", "dcgan-conditional"]
    assert "dcgan" not in [m.name for m in list_models(task="classify")]


def test_gan_defaults_follow_the_dcgan_recipe():
    config = resolve_defaults(TrainConfig(dataset="digits", model="dcgan", task="gan"))
    assert (config.lr, config.optimizer, config.batch_size, config.schedule) == (2e-4, "adam", 64, "constant")
    assert config.epochs == 200
    with pytest.raises(ConfigError, match="Unknown task"):
        resolve_defaults(TrainConfig(task="paint"))


def test_a_classifier_name_is_refused_for_the_gan_task(tmp_path):
    with pytest.raises(ConfigError, match="not a GAN"):
        train(TrainConfig(dataset="digits", model="cnn-small", task="gan", epochs=1), runs_dir=tmp_path)


def test_slerp_keeps_the_ends_and_the_length():
    a, b = noise(1, 1, 64), noise(2, 1, 64)
    assert np.allclose(slerp(a, b, 0.0), a, atol=1e-6) and np.allclose(slerp(a, b, 1.0), b, atol=1e-6)
    middle = slerp(a, b, 0.5)
    # the midpoint of a straight line is much shorter than either end; the spherical one is not
    assert np.linalg.norm(middle) > 0.95 * min(np.linalg.norm(a), np.linalg.norm(b))
    assert np.linalg.norm((a + b) / 2) < 0.8 * np.linalg.norm(middle)
    assert np.allclose(slerp(a, a, 0.3), a, atol=1e-6)  # identical ends do not divide by zero


def test_parse_class_takes_names_and_numbers():
    classes = ["T-shirt", "Trouser", "Sneaker"]
    assert parse_class(classes, "sneaker") == 2 and parse_class(classes, "1") == 1
    with pytest.raises(ConfigError, match="cannot draw 'cat'"):
        parse_class(classes, "cat")
    with pytest.raises(ConfigError):
        parse_class(classes, "7")


def test_image_grid_layout():
    tiles = np.zeros((10, 8, 8, 1), np.uint8)
    grid = image_grid(tiles, columns=4, padding=1)
    assert grid.shape == (3 * 9 + 1, 4 * 9 + 1, 1)


@pytest.fixture(scope="module")
def conditional_run(tmp_path_factory):
    """A conditional DCGAN trained for 12 epochs (336 steps) on the bundled digits."""
    root = tmp_path_factory.mktemp("gan")
    events = []
    result = train(TrainConfig(dataset="digits", model="dcgan-conditional", task="gan", epochs=12, seed=0),
                   runs_dir=root / "runs", cache_dir=root / "cache", emit=events.append)
    return result, events, root


def test_conditional_gan_learns_to_draw_the_class_asked_for(conditional_run):
    result, events, _ = conditional_run
    assert result.status == "finished" and result.epochs_done == 12
    assert result.reference_accuracy > 0.95
    # the reference classifier recognises the requested digit far above chance (10%)
    assert result.agreement > 0.6
    assert result.coverage == 10
    epochs = [e for e in events if isinstance(e, GanEpochEnd)]
    assert [e.epoch for e in epochs] == list(range(1, 13))
    assert epochs[-1].agreement > epochs[0].agreement
    assert any(isinstance(e, Status) and "reference classifier" in e.message for e in events)
    batches = [e for e in events if isinstance(e, GanBatchEnd)]
    assert batches and all(0 <= e.d_real <= 1 and 0 <= e.d_fake <= 1 for e in batches)
    grids = [e for e in events if isinstance(e, SamplesReady) and e.epoch_end]
    assert len(grids) == 12 and grids[0].grid.shape == (8 * 9 + 1, 10 * 9 + 1, 1)
    assert not np.array_equal(grids[0].grid, grids[-1].grid)
    # the run folder: one grid per epoch, metrics, summary, checkpoints, the generator
    folder = result.run_dir
    assert len(list((folder / "samples").glob("epoch_*.png"))) == 12
    assert (folder / "metrics.csv").read_text().count("\n") == 13
    summary = json.loads((folder / "summary.json").read_text())
    assert summary["task"] == "gan" and summary["coverage"] == 10
    assert load_checkpoint(folder / "checkpoints" / "best.pt")["epoch"] == result.best_epoch


def test_exported_generator_is_deterministic_and_matches_pytorch(conditional_run):
    result, _, _ = conditional_run
    path = result.export.path
    assert path.name == "generator.onnx" and result.export.max_abs_diff < 1e-4
    assert model_task(path) == "gan"
    generator = ImageGenerator.open(path, "cpu")
    meta = generator.metadata
    assert (meta.latent_size, meta.image_size, meta.channels, meta.conditional) == (64, (8, 8), 1, True)
    assert meta.classes == [str(i) for i in range(10)] and meta.value_range == (-1.0, 1.0)
    assert meta.metrics["coverage"] == 10
    first, again = generator.sample(16, seed=5, class_index=7), generator.sample(16, seed=5, class_index=7)
    assert first.shape == (16, 8, 8, 1) and np.array_equal(first, again)
    assert not np.array_equal(first, generator.sample(16, seed=6, class_index=7))
    # the same noise through the PyTorch generator (best checkpoint) gives the same pictures
    checkpoint = load_checkpoint(result.run_dir / "checkpoints" / "best.pt")
    pair = build_model("dcgan-conditional", InputShape(1, 8, 8, 10))
    pair.load_state_dict(checkpoint["model"])
    z = generator.noise(5, 16)
    labels = np.full(16, 7)
    with torch.no_grad():
        expected = pair.generator.eval()(torch.from_numpy(z), torch.from_numpy(labels)).numpy()
    assert np.max(np.abs(generator.generate_raw(z, labels) - expected)) < 1e-4


def test_conditional_samples_are_recognised_as_the_requested_class(conditional_run):
    result, _, root = conditional_run
    generator = ImageGenerator.open(result.export.path, "cpu")
    reference = reference_classifier(load_dataset("digits"), torch.device("cpu"), root / "cache")  # cached: no retraining
    agree = []
    for digit in range(10):
        images = torch.from_numpy(generator.sample(50, seed=digit, class_index=digit)).permute(0, 3, 1, 2).float()
        quality = reference.score(images / 127.5 - 1, torch.full((50,), digit))
        agree.append(quality.agreement)
    assert np.mean(agree) > 0.6  # chance is 0.1


def test_cli_sample_writes_a_grid_of_the_right_size(conditional_run, tmp_path, capsys):
    from engine.cli import main

    result, _, _ = conditional_run
    out = tmp_path / "sevens.png"
    assert main(["sample", str(result.export.path), "--n", "12", "--seed", "3", "--class", "7", "--out", str(out),
                 "--json"]) == 0
    reported = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert reported["class_name"] == "7"
    with Image.open(out) as image:  # 8x8 digits are enlarged 4x by default so they can be seen
        assert image.size == (4 * (4 * 9 + 1), 4 * (3 * 9 + 1))  # 12 samples: 4 columns x 3 rows of 8x8, 1px gaps
        pixels = np.asarray(image)
    assert reported["scale"] == 4 and (reported["width"], reported["height"]) == image.size
    generator = ImageGenerator.open(result.export.path, "cpu")
    assert np.array_equal(pixels[::4, ::4], sample_grid(generator, 12, 3, 7)[..., 0])
    assert main(["sample", str(result.export.path), "--n", "12", "--seed", "3", "--class", "7", "--scale", "1",
                 "--out", str(out)]) == 0
    with Image.open(out) as image:
        assert image.size == (4 * 9 + 1, 3 * 9 + 1)
        assert np.array_equal(np.asarray(image), sample_grid(generator, 12, 3, 7)[..., 0])
    capsys.readouterr()
    assert main(["sample", str(result.export.path), "--class", "cat", "--out", str(tmp_path / "x.png")]) == 2
    assert "cannot draw 'cat'" in capsys.readouterr().err
    assert main(["sample", str(result.export.path), "--out", str(tmp_path / "x.jpg")]) == 2


def test_sampling_a_classifier_says_what_it_is(tmp_path, capsys):
    from engine.cli import main
    from onnx_factories import modeldesk_model

    path = tmp_path / "classifier.onnx"
    modeldesk_model(path)
    assert main(["sample", str(path), "--out", str(tmp_path / "g.png")]) == 2
    assert "not a picture generator" in capsys.readouterr().err


def _short_run(tmp_path, name: str, epochs: int, **kwargs):
    return train(TrainConfig(dataset="digits", model="dcgan", task="gan", epochs=epochs, seed=3),
                 runs_dir=tmp_path / "runs", judge=False, export=False, **kwargs)


def test_resumed_gan_run_equals_an_uninterrupted_one(tmp_path):
    straight = _short_run(tmp_path, "straight", 2)
    first = _short_run(tmp_path, "first", 1)
    seen = []
    resumed = train(TrainConfig(task="gan", epochs=2), runs_dir=tmp_path / "runs", judge=False, export=False,
                    resume_from=first.run_dir / "checkpoints" / "last.pt", emit=seen.append)
    assert resumed.run_dir == first.run_dir and resumed.epochs_done == 2
    # the start of the resumed run redraws epoch 1: its mean losses, its scores and its saved grid
    started = next(e for e in seen if isinstance(e, TrainingStarted))
    batch, epoch_end, grid = started.earlier
    assert (batch.epoch, epoch_end.epoch, grid.epoch, epoch_end.is_best, grid.epoch_end) == (1, 1, 1, True, True)
    assert epoch_end.d_loss == pytest.approx(first.history[0]["d_loss"]) and batch.g_loss == epoch_end.g_loss
    assert grid.grid.shape == first.grid.shape and grid.grid.dtype == np.uint8
    a = load_checkpoint(straight.run_dir / "checkpoints" / "last.pt")["model"]
    b = load_checkpoint(resumed.run_dir / "checkpoints" / "last.pt")["model"]
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_stop_keeps_a_checkpoint_and_reports_stopped(tmp_path):
    control = TrainingControl()
    seen = []

    def emit(event):
        seen.append(event)
        if isinstance(event, GanBatchEnd) and event.global_step >= 40:
            control.stop()

    result = _short_run(tmp_path, "stop", 50, emit=emit, control=control)
    assert result.status == "stopped" and 1 <= result.epochs_done < 3
    assert (result.run_dir / "checkpoints" / "last.pt").exists()


def test_damaged_generator_metadata_is_a_plain_error(tmp_path):
    import onnx

    from engine.export.metadata import METADATA_KEY
    from engine.export.onnx_export import export_generator

    pair = build_model("dcgan", InputShape(1, 8, 8, 10))
    path = tmp_path / "g.onnx"
    export_generator(pair.generator, GeneratorMetadata(pair.latent_size, (8, 8), 1, classes=list("0123456789")), path)
    proto = onnx.load(str(path))
    for prop in proto.metadata_props:
        if prop.key == METADATA_KEY:
            prop.value = json.dumps({"task": "gan", "latent_size": "many"})
    onnx.save(proto, str(path))
    with pytest.raises(ModelFileError, match="damaged"):
        ImageGenerator.open(path, "cpu")


def test_cli_trains_a_gan_and_exports_the_generator(tmp_path, capsys):
    from engine.cli import main

    out = tmp_path / "digits-gan.onnx"
    code = main(["train", "--task", "gan", "--epochs", "2", "--no-quality", "--runs-dir", str(tmp_path / "runs"),
                 "--export", str(out), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    summary = json.loads(captured.out.strip().splitlines()[-1])
    assert summary["task"] == "gan" and summary["model"] == "dcgan" and summary["epochs"] == 2
    assert out.exists() and model_task(out) == "gan"
    assert "Epoch 2/200" not in captured.err and "Epoch 2/2" in captured.err and "D(G(z))" in captured.err
    assert main(["train", "--task", "gan", "--model", "cnn-small", "--epochs", "1", "--runs-dir", str(tmp_path)]) == 2
    assert "not a GAN" in capsys.readouterr().err


def test_sampling_code_does_not_load_torch():
    import subprocess
    import sys

    code = "import sys, engine.infer.generator; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_gan_trains_on_a_folder_of_colour_pictures(tmp_path):
    from onnx_factories import write_images

    write_images(tmp_path / "pics", {"red": (220, 30, 30), "blue": (30, 30, 220)}, count=24, size=16)
    result = train(TrainConfig(dataset=f"folder:{tmp_path / 'pics'}", model="dcgan-conditional", task="gan", epochs=2,
                               batch_size=16), runs_dir=tmp_path / "runs", cache_dir=tmp_path / "cache")
    assert result.status == "finished" and result.num_classes == 2
    generator = ImageGenerator.open(result.export.path, "cpu")
    assert generator.metadata.channels == 3 and generator.metadata.image_size == (16, 16)
    assert generator.metadata.classes == ["blue", "red"]
    assert generator.sample(4, seed=1, class_index=1).shape == (4, 16, 16, 3)


def test_cli_gan_summary_says_time_agreement_and_run_folder(capsys, tmp_path):
    """The last line adds what the Finished line lacks: time, how often the asked class is drawn, the folder."""
    from types import SimpleNamespace

    from engine.commands.train import _report_gan

    result = SimpleNamespace(status="finished", recognised=0.999, coverage=10, num_classes=10, agreement=0.987,
                             epochs_done=200, best_epoch=16, seconds=127.66, run_dir=tmp_path, device="cpu",
                             config=SimpleNamespace(model="dcgan-conditional", dataset="digits"))
    assert _report_gan(result, None, as_json=False) == 0
    assert capsys.readouterr().out.strip() == (f"Done in 127.7s; the best epoch draws the class asked for 98.7% "
                                               f"of the time. Run folder: {tmp_path}")
    assert _report_gan(SimpleNamespace(**{**vars(result), "agreement": None}), None, as_json=False) == 0
    assert capsys.readouterr().out.strip() == f"Done in 127.7s. Run folder: {tmp_path}"


def test_generators_declaring_huge_sizes_are_refused(tmp_path):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    def declared(name: str, latent: int, side: int):
        graph = helper.make_graph(
            [helper.make_node("Reshape", ["z", "shape"], ["image"])], "generator",
            [helper.make_tensor_value_info("z", TensorProto.FLOAT, ["N", latent])],
            [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["N", 1, side, side])],
            [numpy_helper.from_array(np.array([-1, 1, side, side], np.int64), "shape")])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        model.ir_version = 8
        onnx.save(model, str(tmp_path / name))
        return tmp_path / name

    for path in (declared("wide.onnx", 4_000_000, 2_000), declared("big.onnx", 400_000_000, 20_000)):
        with pytest.raises(ModelFileError, match="far larger"):
            ImageGenerator.open(path, "cpu")
    with pytest.raises(ValueError, match="implausible"):
        GeneratorMetadata.from_json(json.dumps({"task": "gan", "latent_size": 10 ** 12, "image_size": [8, 8], "channels": 1}))


def test_an_unjudged_gan_run_has_no_figure_in_the_run_list(tmp_path):
    from engine.runs.store import RunStore

    result = _short_run(tmp_path, "unjudged", 1)
    record = RunStore(tmp_path / "runs").get(result.run_id)
    assert record.status == "finished" and record.best_val_accuracy is None  # not "0.0% recognised"
