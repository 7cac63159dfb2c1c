"""Export a trained classifier to a self-describing ONNX file and prove it matches PyTorch."""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from engine.atomic import atomic_path
from engine.errors import ExportError, WriteError
from engine.export.metadata import METADATA_KEY, ClassifierMetadata, GeneratorMetadata, TranslatorMetadata

log = logging.getLogger(__name__)

OPSET = 18
PARITY_TOLERANCE = 1e-3  # largest absolute logit difference accepted


@dataclass
class ExportReport:
    """Where the model went and how closely ONNX Runtime reproduces PyTorch."""

    path: Path
    max_abs_diff: float
    opset: int
    size_bytes: int


def _export_graph(model: nn.Module, example: tuple[torch.Tensor, ...], dest: Path,
                  input_names: tuple[str, ...] = ("image",), output_names: tuple[str, ...] = ("logits",),
                  dynamic: dict[str, dict[int, str]] | None = None) -> None:
    """torch.onnx.export with a dynamic batch dimension on every input and output (and the
    named axes in `dynamic`, input or output name -> {axis: name}); the TorchScript exporter is
    the fallback."""
    axes = {name: {0: "batch"} for name in (*input_names, *output_names)}
    for name, extra in (dynamic or {}).items():
        axes[name] = {**axes.get(name, {}), **extra}
    common = dict(input_names=list(input_names), output_names=list(output_names), opset_version=OPSET)
    sink = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
        warnings.simplefilter("ignore")
        try:
            dims: dict[str, object] = {}

            def dim(label: str):
                if label not in dims:
                    dims[label] = torch.export.Dim(label, min=1, max=1 << 20)
                return dims[label]

            shapes = tuple({axis: dim(label) for axis, label in axes[name].items()} for name in input_names)
            torch.onnx.export(model, example, str(dest), dynamo=True, external_data=False,
                              dynamic_shapes=shapes, verbose=False, **common)
            if _axes_are_dynamic(dest, axes, input_names):
                return
            # Seen with torch 2.14: a second dynamo export of an nn.GRU in one process fixes
            # the sequence lengths. The TorchScript exporter keeps them free.
            log.info("dynamo ONNX export fixed a dynamic axis; using the TorchScript exporter")
        except Exception:  # noqa: BLE001 - fall back to the TorchScript exporter below
            log.info("dynamo ONNX export failed; using the TorchScript exporter", exc_info=True)
        torch.onnx.export(model, example, str(dest), dynamo=False, dynamic_axes=axes, **common)


def _axes_are_dynamic(path: Path, axes: dict[str, dict[int, str]], input_names: tuple[str, ...]) -> bool:
    """True when every input axis meant to be dynamic is symbolic in the exported file."""
    graph = onnx.load(str(path), load_external_data=False).graph
    shapes = {i.name: i.type.tensor_type.shape.dim for i in graph.input}
    for name in input_names:
        dims = shapes.get(name)
        if dims is None:
            return False
        for axis in axes.get(name, {}):
            if axis >= len(dims) or not dims[axis].dim_param:
                return False
    return True


def _save_with_metadata(tmp: Path, metadata_json: str, app_version: str) -> None:
    """Add our metadata and producer to the ONNX file at `tmp`, check it, and save it back."""
    proto = onnx.load(str(tmp))
    entry = proto.metadata_props.add()
    entry.key, entry.value = METADATA_KEY, metadata_json
    proto.producer_name = "ModelDesk"
    proto.producer_version = app_version
    onnx.checker.check_model(proto)
    onnx.save(proto, str(tmp))


def _cpu_session(onnx_path: Path):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    return ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])


def parity_check(model: nn.Module, onnx_path: Path, example: torch.Tensor) -> float:
    """Largest absolute difference between PyTorch and ONNX Runtime (CPU) logits on `example`."""
    session = _cpu_session(onnx_path)
    with torch.no_grad():
        expected = model(example).float().numpy()
    got = session.run(None, {session.get_inputs()[0].name: example.numpy()})[0]
    if got.shape != expected.shape:
        return float("inf")
    return float(np.max(np.abs(got - expected)))


def export_classifier(model: nn.Module, metadata: ClassifierMetadata, dest: str | Path, *, seed: int = 0) -> ExportReport:
    """Write `model` to `dest` as ONNX (dynamic batch, opset 18) with `metadata`, check it with
    onnx's checker, and compare ONNX Runtime against PyTorch on a fresh random batch.

    Raises ExportError (and leaves no file at `dest`) if export fails or the two disagree by
    more than PARITY_TOLERANCE.
    """
    dest = Path(dest)
    model = model.to("cpu").eval()
    h, w = metadata.input_size
    generator = torch.Generator().manual_seed(seed)
    example = torch.randn(2, metadata.channels, h, w, generator=generator)
    fresh = torch.randn(3, metadata.channels, h, w, generator=generator)
    try:
        with atomic_path(dest) as tmp:
            _export_graph(model, (example,), tmp)
            _save_with_metadata(tmp, metadata.to_json(), metadata.app_version)
            diff = parity_check(model, tmp, fresh)
            if not diff <= PARITY_TOLERANCE:
                raise ExportError(
                    f"The exported model does not reproduce the trained one (largest difference {diff:.3g}); "
                    "the file was not saved. Please report this problem."
                )
    except (ExportError, WriteError):
        raise
    except OSError as exc:
        raise ExportError(f"The model could not be saved to '{dest}' ({exc.strerror or exc}).") from None
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        log.exception("ONNX export failed")
        raise ExportError("This model could not be exported to ONNX; details are in the log file.", details=str(exc)) from None
    return ExportReport(dest, diff, OPSET, dest.stat().st_size)


class _GeneratorGraph(nn.Module):
    """The generator with the ONNX interface: (z) or (z, labels) -> image."""

    def __init__(self, generator: nn.Module) -> None:
        super().__init__()
        self.generator = generator

    def forward(self, z: torch.Tensor, labels: torch.Tensor | None = None) -> torch.Tensor:
        return self.generator(z, labels)


def export_generator(generator: nn.Module, metadata: GeneratorMetadata, dest: str | Path, *, seed: int = 0) -> ExportReport:
    """Write a GAN generator to `dest` as ONNX: input `z` (N, latent) float32 (and `labels` (N,)
    int64 when conditional), output `image` (N, C, H, W); dynamic batch, opset 18, `metadata`
    attached, checked, and compared against PyTorch on fresh noise.

    Raises ExportError (and leaves no file at `dest`) if export fails or the two disagree by
    more than PARITY_TOLERANCE.
    """
    dest = Path(dest)
    graph = _GeneratorGraph(generator.to("cpu").eval()).eval()
    generator_ = torch.Generator().manual_seed(seed)
    classes = max(1, len(metadata.classes))

    def inputs(n: int) -> tuple[torch.Tensor, ...]:
        z = torch.randn(n, metadata.latent_size, generator=generator_)
        if metadata.conditional:
            return z, torch.randint(0, classes, (n,), generator=generator_)
        return (z,)

    example, fresh = inputs(2), inputs(3)
    names = ("z", "labels") if metadata.conditional else ("z",)
    try:
        with atomic_path(dest) as tmp:
            _export_graph(graph, example, tmp, input_names=names, output_names=("image",))
            _save_with_metadata(tmp, metadata.to_json(), metadata.app_version)
            session = _cpu_session(tmp)
            with torch.no_grad():
                expected = graph(*fresh).float().numpy()
            got = session.run(None, {name: value.numpy() for name, value in zip(names, fresh)})[0]
            diff = float(np.max(np.abs(got - expected))) if got.shape == expected.shape else float("inf")
            if not diff <= PARITY_TOLERANCE:
                raise ExportError(
                    f"The exported generator does not reproduce the trained one (largest difference {diff:.3g}); "
                    "the file was not saved. Please report this problem."
                )
    except (ExportError, WriteError):
        raise
    except OSError as exc:
        raise ExportError(f"The generator could not be saved to '{dest}' ({exc.strerror or exc}).") from None
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        log.exception("ONNX export of a generator failed")
        raise ExportError("This generator could not be exported to ONNX; details are in the log file.", details=str(exc)) from None
    return ExportReport(dest, diff, OPSET, dest.stat().st_size)


def _near_tie(step: nn.Module, source: torch.Tensor, got: list[int], expected: list[int]) -> bool:
    """True when two greedy translations part only where PyTorch itself scores both choices
    within PARITY_TOLERANCE: float rounding may then pick either (a barely trained model has such ties)."""
    from engine.text.tokenizers import BOS, PAD

    at = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
    source = source[source != PAD][None, :]
    prefix = torch.tensor([[BOS, *expected[:at]]], dtype=torch.long)
    with torch.no_grad():
        logits = step(source, prefix)[0][0]
    from engine.text.tokenizers import EOS

    choice_got = got[at] if at < len(got) else EOS
    choice_expected = expected[at] if at < len(expected) else EOS
    return abs(float(logits[choice_got] - logits[choice_expected])) <= PARITY_TOLERANCE


class _TranslatorStep(nn.Module):
    """A translator with the ONNX interface: (source, target so far) -> (next-token logits, attention)."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, source: torch.Tensor, target: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        if self.model.decoding == "recurrent":
            memory, hidden = self.model.encode(source)
            logits, _, weights = self.model.decode(memory, source, target, hidden)
        else:
            logits, weights = self.model.decode(self.model.encode(source), source, target)
        return logits[:, -1].float(), weights[:, -1].float()


def export_translator(model: nn.Module, metadata: TranslatorMetadata, dest: str | Path,
                      examples: list[torch.Tensor]) -> ExportReport:
    """Write a translator to `dest` as one ONNX model that decodes step by step: inputs `source`
    (N, S) and `target` (N, T) int64, outputs `logits` (N, V) and `attention` (N, S); batch and
    both lengths dynamic, `metadata` attached and checked.

    Parity: ONNX Runtime must give the same greedy translation as PyTorch for every padded
    source batch in `examples`, and logits within PARITY_TOLERANCE. Raises ExportError (and
    leaves no file at `dest`) otherwise."""
    from engine.infer.translator import onnx_greedy
    from engine.train.sequences import greedy_translate

    dest = Path(dest)
    model = model.to("cpu").eval()
    step = _TranslatorStep(model).eval()
    source = examples[0][:2]
    target = torch.tensor([[1, 5, 6], [1, 7, 8]], dtype=torch.long)[: source.shape[0]]
    names = ("source", "target")
    dynamic = {"source": {1: "source_length"}, "target": {1: "target_length"}, "attention": {1: "source_length"}}
    try:
        with atomic_path(dest) as tmp:
            _export_graph(step, (source, target), tmp, input_names=names, output_names=("logits", "attention"),
                          dynamic=dynamic)
            _save_with_metadata(tmp, metadata.to_json(), metadata.app_version)
            session = _cpu_session(tmp)
            diff = 0.0
            for batch in examples:
                expected = greedy_translate(model, batch)
                got, logit_diff = onnx_greedy(session, batch.numpy(), reference=step)
                diff = max(diff, logit_diff)
                ties_only = all(a == b or _near_tie(step, row, a, b) for row, a, b in zip(batch, got, expected))
                if not ties_only or not diff <= PARITY_TOLERANCE:
                    raise ExportError("The exported translator does not reproduce the trained one "
                                      f"(largest logit difference {diff:.3g}); the file was not saved. Please report this problem.")
    except (ExportError, WriteError):
        raise
    except OSError as exc:
        raise ExportError(f"The translator could not be saved to '{dest}' ({exc.strerror or exc}).") from None
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        log.exception("ONNX export of a translator failed")
        raise ExportError("This translator could not be exported to ONNX; details are in the log file.", details=str(exc)) from None
    return ExportReport(dest, diff, OPSET, dest.stat().st_size)
