"""Export a trained classifier, GAN generator, translator or text generator to a
self-describing ONNX file and prove it matches PyTorch."""

from __future__ import annotations

import contextlib
import io
import logging
import tempfile
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import onnx
import torch
from torch import nn

from engine.atomic import atomic_path
from engine.errors import ExportError, WriteError
from engine.export.metadata import METADATA_KEY, ClassifierMetadata, GeneratorMetadata, TextgenMetadata, TranslatorMetadata
from engine.sentences import Sentence

log = logging.getLogger(__name__)

OPSET = 18
PARITY_TOLERANCE = 1e-3  # largest absolute logit difference accepted
CACHE_TOLERANCE = 1e-4  # largest logit difference between a translator's cached and uncached decoding


@dataclass
class ExportReport:
    """Where the model went and how closely ONNX Runtime reproduces PyTorch."""

    path: Path
    max_abs_diff: float
    opset: int
    size_bytes: int


def _export_graph(model: nn.Module, example: tuple[torch.Tensor, ...], dest: Path,
                  input_names: tuple[str, ...] = ("image",), output_names: tuple[str, ...] = ("logits",),
                  dynamic: dict[str, dict[int, str]] | None = None, batch_axes: dict[str, int] | None = None) -> None:
    """torch.onnx.export with a dynamic batch dimension on every input and output (axis 0, or
    the axis `batch_axes` names for an input or output), and the named axes in `dynamic`
    (input or output name -> {axis: name}); the TorchScript exporter is the fallback."""
    axes = {name: {(batch_axes or {}).get(name, 0): "batch"} for name in (*input_names, *output_names)}
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
                raise ExportError(Sentence(
                    "The exported model does not reproduce the trained one (largest difference {diff:.3g}); "
                    "the file was not saved. Please report this problem.", diff=diff))
    except (ExportError, WriteError):
        raise
    except OSError as exc:
        raise ExportError(Sentence("The model could not be saved to '{path}' ({reason}).", path=dest,
                                   reason=exc.strerror or exc)) from None
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        log.exception("ONNX export failed")
        raise ExportError(Sentence("This model could not be exported to ONNX; details are in the log file."),
                          details=str(exc)) from None
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
                raise ExportError(Sentence(
                    "The exported generator does not reproduce the trained one (largest difference {diff:.3g}); "
                    "the file was not saved. Please report this problem.", diff=diff))
    except (ExportError, WriteError):
        raise
    except OSError as exc:
        raise ExportError(Sentence("The generator could not be saved to '{path}' ({reason}).", path=dest,
                                   reason=exc.strerror or exc)) from None
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        log.exception("ONNX export of a generator failed")
        raise ExportError(Sentence("This generator could not be exported to ONNX; details are in the log file."),
                          details=str(exc)) from None
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
    """A translator with the step interface: (source, target so far) -> (next-token logits, attention)."""

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


class _TranslatorStart(nn.Module):
    """(source, target so far) -> (logits, attention, memory, state): the step interface that
    also returns what cached decoding continues from."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, source: torch.Tensor, target: torch.Tensor) -> tuple[torch.Tensor, ...]:
        return tuple(t.float() for t in self.model.start(source, target))


class _TranslatorCached(nn.Module):
    """(source, newest token, memory, state) -> (logits, attention, new state)."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, source: torch.Tensor, target: torch.Tensor, memory: torch.Tensor,
                state: torch.Tensor) -> tuple[torch.Tensor, ...]:
        return tuple(t.float() for t in self.model.decode_cached(memory, source, target, state))


def _export_step(model: nn.Module, source: torch.Tensor, target: torch.Tensor, dest: Path) -> None:
    """The step interface alone (what files had before the decoder cache), to `dest`."""
    dynamic = {"source": {1: "source_length"}, "target": {1: "target_length"}, "attention": {1: "source_length"}}
    _export_graph(_TranslatorStep(model).eval(), (source, target), dest, input_names=("source", "target"),
                  output_names=("logits", "attention"), dynamic=dynamic)


def _export_cached(model: nn.Module, source: torch.Tensor, target: torch.Tensor, dest: Path) -> None:
    """The step interface with the decoder cache (see engine.export.decoder_graph), to `dest`."""
    from engine.export.decoder_graph import join_decoders

    with torch.no_grad():
        _, _, memory, state = model.start(source, target)
    # which axes of memory and state follow the source and target lengths: those that change with them
    with torch.no_grad():
        _, _, longer_memory, longer_state = model.start(torch.cat([source, source[:, -1:]], dim=1),
                                                        torch.cat([target, target[:, -1:]], dim=1))
    memory_axes = {a: "source_length" for a in range(1, memory.dim()) if memory.shape[a] != longer_memory.shape[a]}
    state_axes = {a: "target_length" for a in range(1, state.dim()) if state.shape[a] != longer_state.shape[a]}
    with tempfile.TemporaryDirectory() as folder:
        start_path, cached_path = Path(folder) / "start.onnx", Path(folder) / "cached.onnx"
        _export_graph(_TranslatorStart(model).eval(), (source, target), start_path, input_names=("source", "target"),
                      output_names=("logits", "attention", "new_memory", "new_state"),
                      dynamic={"source": {1: "source_length"}, "target": {1: "target_length"},
                               "attention": {1: "source_length"}, "new_memory": memory_axes, "new_state": state_axes})
        token = target[:, -1:]
        _export_graph(_TranslatorCached(model).eval(), (source, token, memory, state), cached_path,
                      input_names=("source", "target", "memory", "state"),
                      output_names=("logits", "attention", "new_state"),
                      dynamic={"source": {1: "source_length"}, "attention": {1: "source_length"}, "memory": memory_axes,
                               "state": state_axes, "new_state": {a: "new_target_length" for a in state_axes}})
        joined = join_decoders(onnx.load(str(start_path)), onnx.load(str(cached_path)))
    onnx.save(joined, str(dest))


def _teacher_forced_diff(model: nn.Module, source: torch.Tensor, ids: list[int], logits: np.ndarray) -> float:
    """Largest difference between `logits` (steps, V), what ONNX Runtime gave at each greedy
    step of one sentence, and PyTorch's logits for the same prefixes in one teacher-forced pass."""
    from engine.text.tokenizers import BOS, PAD

    prefix = torch.tensor([[BOS, *ids[: len(logits) - 1]]], dtype=torch.long)
    with torch.no_grad():
        expected = model(source[source != PAD][None, :], prefix)[0].float().numpy()
    return float(np.max(np.abs(expected - logits))) if expected.shape == logits.shape else float("inf")


def _agreeing_steps(a: list[int], b: list[int]) -> int:
    """How many greedy steps read the same prefix in two decodings: up to the first token they differ at."""
    same = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return same + 1


def _check_translator(model: nn.Module, step: nn.Module, session, examples: list[torch.Tensor], cached: bool) -> float:
    """The parity check of a translator file (see `export_translator`); the largest logit
    difference to PyTorch. Raises ExportError when the step interface fails it, _CacheMismatch
    when only the cache does."""
    from engine.infer.decoding import onnx_greedy
    from engine.train.sequences import greedy_translate

    diff = 0.0
    for batch in examples:
        expected = greedy_translate(model, batch)
        uncached = onnx_greedy(session, batch.numpy())
        for row, ids, logits, want in zip(batch, uncached.ids, uncached.logits, expected):
            diff = max(diff, _teacher_forced_diff(model, row, ids, logits))
            if not diff <= PARITY_TOLERANCE or not (ids == want or _near_tie(step, row, ids, want)):
                raise ExportError(Sentence("The exported translator does not reproduce the trained one "
                                           "(largest logit difference {diff:.3g}); the file was not saved. "
                                           "Please report this problem.", diff=diff))
        if not cached:
            continue
        with_cache = onnx_greedy(session, batch.numpy(), cached=True)
        for row, ids, logits, want, plain, plain_logits in zip(batch, with_cache.ids, with_cache.logits, expected,
                                                                uncached.ids, uncached.logits):
            to_torch = _teacher_forced_diff(model, row, ids, logits)
            common = min(_agreeing_steps(ids, plain), len(logits), len(plain_logits))
            to_step = float(np.max(np.abs(logits[:common] - plain_logits[:common])))
            diff = max(diff, to_torch)
            if (not to_torch <= PARITY_TOLERANCE or not to_step <= CACHE_TOLERANCE
                    or not (ids == want or _near_tie(step, row, ids, want))):
                raise _CacheMismatch(f"cached decoding differs: logits {to_torch:.3g} from PyTorch, {to_step:.3g} "
                                     f"from the step interface; tokens {ids} instead of {want}")
    return diff


class _CacheMismatch(Exception):
    """The cached decoder of an exported translator disagrees with its step interface."""


def export_translator(model: nn.Module, metadata: TranslatorMetadata, dest: str | Path,
                      examples: list[torch.Tensor], *, cached: bool = True) -> ExportReport:
    """Write a translator to `dest` as one ONNX model that decodes step by step: inputs `source`
    (N, S) and `target` (N, T) int64, outputs `logits` (N, V) and `attention` (N, S); batch and
    both lengths dynamic, `metadata` attached and checked. With `cached` (the default) the same
    file also offers the decoder cache (TranslatorMetadata.decoding lists "cached"; the interface
    is in engine.export.decoder_graph); `cached=False` writes a file as made before the cache.

    Parity: ONNX Runtime must give the same greedy translation as PyTorch for every padded
    source batch in `examples`, and logits within PARITY_TOLERANCE, through the step interface
    and through the cache; the cache's logits must also be within CACHE_TOLERANCE of the step
    interface's. Raises ExportError (and leaves no file at `dest`) when the step interface
    fails; when the cached file fails to export or to match, the file is written without the
    cache (the log says why)."""
    dest = Path(dest)
    model = model.to("cpu").eval()
    step = _TranslatorStep(model).eval()
    source = examples[0][:2]
    target = torch.tensor([[1, 5, 6], [1, 7, 8]], dtype=torch.long)[: source.shape[0]]
    try:
        with atomic_path(dest) as tmp:
            if cached:
                try:
                    _export_cached(model, source, target, tmp)
                    _save_with_metadata(tmp, replace(metadata, decoding=["step", "cached"]).to_json(),
                                        metadata.app_version)
                    diff = _check_translator(model, step, _cpu_session(tmp), examples, cached=True)
                except Exception:  # noqa: BLE001 - a file without the cache still translates
                    log.warning("translator exported without its decoder cache", exc_info=True)
                    cached = False
            if not cached:
                _export_step(model, source, target, tmp)
                _save_with_metadata(tmp, replace(metadata, decoding=["step"]).to_json(), metadata.app_version)
                diff = _check_translator(model, step, _cpu_session(tmp), examples, cached=False)
    except (ExportError, WriteError):
        raise
    except OSError as exc:
        raise ExportError(Sentence("The translator could not be saved to '{path}' ({reason}).", path=dest,
                                   reason=exc.strerror or exc)) from None
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        log.exception("ONNX export of a translator failed")
        raise ExportError(Sentence("This translator could not be exported to ONNX; details are in the log file."),
                          details=str(exc)) from None
    return ExportReport(dest, diff, OPSET, dest.stat().st_size)


class _TextgenStep(nn.Module):
    """A character language model with the step interface: (ids, h, c) -> (logits of the last
    position, new h, new c)."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, ids: torch.Tensor, h: torch.Tensor, c: torch.Tensor) -> tuple[torch.Tensor, ...]:
        logits, (new_h, new_c) = self.model(ids, (h, c))
        return logits[:, -1].float(), new_h.float(), new_c.float()


def _greedy_run(step, prompt: list[int], length: int) -> tuple[list[int], np.ndarray]:
    """The ids a step function writes greedily after `prompt`, and the logits (length, V) it chose from."""
    from engine.text.sampling import choose

    ids, rows = [], []
    logits, state = step(np.asarray([prompt], dtype=np.int64), None)
    for _ in range(length):
        rows.append(np.asarray(logits[0], dtype=np.float64))
        ids.append(choose(logits[0], 0.0, 0, np.random.default_rng(0)))
        logits, state = step(np.asarray([[ids[-1]]], dtype=np.int64), state)
    return ids, np.stack(rows)


def _check_text_generator(model: nn.Module, session, prompts: list[list[int]], length: int) -> float:
    """Greedy writing through ONNX Runtime must choose PyTorch's characters, from logits within
    PARITY_TOLERANCE, up to a genuine tie; returns the largest logit difference."""
    from engine.train.textgen_loop import torch_step

    def onnx_step(ids: np.ndarray, state):
        if state is None:
            zeros = np.zeros((model.layers, ids.shape[0], model.hidden_size), dtype=np.float32)
            state = (zeros, zeros)
        logits, h, c = session.run(None, {"ids": ids, "h": state[0], "c": state[1]})
        return logits, (h, c)

    diff = 0.0
    for prompt in prompts:
        want, want_logits = _greedy_run(torch_step(model, torch.device("cpu")), prompt, length)
        got, got_logits = _greedy_run(onnx_step, prompt, length)
        same = _agreeing_steps(got, want)  # the steps that read the same text, the first differing one included
        diff = max(diff, float(np.max(np.abs(got_logits[:same] - want_logits[:same]))))
        if not diff <= PARITY_TOLERANCE:
            break
        if got != want:
            at = same - 1
            if abs(want_logits[at][got[at]] - want_logits[at][want[at]]) > PARITY_TOLERANCE:
                diff = max(diff, float(abs(want_logits[at][got[at]] - want_logits[at][want[at]])))
                break
    return diff


def export_text_generator(model: nn.Module, metadata: TextgenMetadata, dest: str | Path, prompts: list[list[int]],
                          *, length: int = 64, seed: int = 0) -> ExportReport:
    """Write a character language model to `dest` as one ONNX step model: inputs `ids` (N, T)
    int64, `h` and `c` (layers, N, hidden) float32; outputs `logits` (N, V) for the character
    after the last id, `new_h` and `new_c`; batch and T dynamic, opset 18, `metadata` attached
    and checked with onnx's checker.

    Parity: on fresh random ids and states every output must match PyTorch within
    PARITY_TOLERANCE, and for each prompt (ids) in `prompts` greedy writing of `length`
    characters through ONNX Runtime must give PyTorch's text (a split where PyTorch scores both
    characters within the tolerance is a tie either may take). Raises ExportError (and leaves
    no file at `dest`) when export fails or the two disagree."""
    dest = Path(dest)
    model = model.to("cpu").eval()
    step = _TextgenStep(model).eval()
    generator = torch.Generator().manual_seed(seed)
    vocab = int(model.vocab_size)

    def inputs(n: int, steps: int) -> tuple[torch.Tensor, ...]:
        ids = torch.randint(4, max(5, vocab), (n, steps), generator=generator).clamp(max=vocab - 1)
        shape = (model.layers, n, model.hidden_size)
        return ids, 0.5 * torch.randn(*shape, generator=generator), 0.5 * torch.randn(*shape, generator=generator)

    example, fresh = inputs(2, 5), inputs(3, 7)
    names, outputs = ("ids", "h", "c"), ("logits", "new_h", "new_c")
    try:
        with atomic_path(dest) as tmp:
            _export_graph(step, example, tmp, input_names=names, output_names=outputs, dynamic={"ids": {1: "steps"}},
                          batch_axes={"h": 1, "c": 1, "new_h": 1, "new_c": 1})
            _save_with_metadata(tmp, metadata.to_json(), metadata.app_version)
            session = _cpu_session(tmp)
            with torch.no_grad():
                expected = [t.numpy() for t in step(*fresh)]
            got = session.run(None, {name: value.numpy() for name, value in zip(names, fresh)})
            diff = max((float(np.max(np.abs(a - b))) if a.shape == b.shape else float("inf"))
                       for a, b in zip(got, expected))
            if diff <= PARITY_TOLERANCE:
                diff = max(diff, _check_text_generator(model, session, prompts, length))
            if not diff <= PARITY_TOLERANCE:
                raise ExportError(Sentence(
                    "The exported text generator does not reproduce the trained one (largest difference {diff:.3g}); "
                    "the file was not saved. Please report this problem.", diff=diff))
    except (ExportError, WriteError):
        raise
    except OSError as exc:
        raise ExportError(Sentence("The text generator could not be saved to '{path}' ({reason}).", path=dest,
                                   reason=exc.strerror or exc)) from None
    except Exception as exc:  # noqa: BLE001 - exporter failures come in many types
        log.exception("ONNX export of a text generator failed")
        raise ExportError(Sentence("This text generator could not be exported to ONNX; details are in the log file."),
                          details=str(exc)) from None
    return ExportReport(dest, diff, OPSET, dest.stat().st_size)
