"""Join a translator's two exported graphs into one ONNX model that decodes with or without a
cache, so a translator stays a single file.

The two graphs, as torch.onnx writes them:

- start:  (source, target)                -> (logits, attention, memory, state)
- cached: (source, target, memory, state) -> (logits, attention, state)

The joined model has the inputs `source` and `target` (required) and `memory` and `state`
(optional: ONNX initializers listed as graph inputs, empty by default), and the outputs
`logits`, `attention`, `new_memory` and `new_state`. An `If` node runs the start graph when
`memory` is empty (the old step interface: the encoder and the whole prefix) and the cached
graph otherwise (only the newest token; `new_memory` is then empty: the caller keeps the
memory it has). Weights the two graphs share are stored once. No torch here.
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Iterator

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

INPUTS = ("source", "target", "memory", "state")
OUTPUTS = ("logits", "attention", "new_memory", "new_state")


def join_decoders(start: onnx.ModelProto, cached: onnx.ModelProto) -> onnx.ModelProto:
    """One model with the interface described in this module's docstring, made from `start`
    and `cached` (their inputs and outputs named and ordered as above). Raises ValueError when
    either graph does not have that interface."""
    _expect(start.graph, INPUTS[:2], 4)
    _expect(cached.graph, INPUTS, 3)
    inputs = {i.name: i for i in cached.graph.input}
    memory_type, state_type = inputs["memory"].type.tensor_type, inputs["state"].type.tensor_type
    start_graph, start_weights = _branch(start.graph, "start/")
    cached_graph, cached_weights = _branch(cached.graph, "cached/")
    # the cached branch returns an empty memory: the caller keeps the one it has (no copy per step)
    no_memory = "cached/no_memory"
    cached_graph.node.append(helper.make_node("Constant", [], [no_memory], value=_empty_like(memory_type, no_memory)))
    logits, attention, new_state = list(cached_graph.output)
    del cached_graph.output[:]
    cached_graph.output.extend([logits, attention, helper.make_tensor_value_info(
        no_memory, memory_type.elem_type, [None] * len(memory_type.shape.dim)), new_state])

    initializers = _shared_initializers([start_graph, cached_graph], [start_weights, cached_weights], set(INPUTS) |
                                        set(OUTPUTS) | {"memory_size", "zero", "no_memory_given"})
    initializers += [_empty_like(memory_type, "memory"), _empty_like(state_type, "state")]
    nodes = [
        helper.make_node("Size", ["memory"], ["memory_size"]),
        helper.make_node("Constant", [], ["zero"], value=numpy_helper.from_array(np.array(0, np.int64))),
        helper.make_node("Equal", ["memory_size", "zero"], ["no_memory_given"]),
        helper.make_node("If", ["no_memory_given"], list(OUTPUTS), then_branch=start_graph, else_branch=cached_graph,
                         name="start_or_cached"),
    ]
    graph_inputs = [_copy_value_info(i) for i in start.graph.input] + [inputs["memory"], inputs["state"]]
    graph_outputs = [_renamed(o, name) for o, name in zip(start.graph.output, OUTPUTS)]
    graph = helper.make_graph(nodes, "translator", graph_inputs, graph_outputs, initializers)
    opsets: dict[str, int] = {}
    for entry in (*start.opset_import, *cached.opset_import):
        opsets[entry.domain] = max(opsets.get(entry.domain, 0), entry.version)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid(d, v) for d, v in sorted(opsets.items())])
    model.ir_version = max(start.ir_version, cached.ir_version)
    model.functions.extend(_functions(start, cached))
    return model


def _expect(graph: onnx.GraphProto, inputs: tuple[str, ...], outputs: int) -> None:
    names = [i.name for i in graph.input]
    if names != list(inputs) or len(graph.output) != outputs:
        raise ValueError(f"unexpected decoder graph interface: inputs {names}, {len(graph.output)} outputs")


def _copy_value_info(info: onnx.ValueInfoProto) -> onnx.ValueInfoProto:
    copy = onnx.ValueInfoProto()
    copy.CopyFrom(info)
    return copy


def _renamed(info: onnx.ValueInfoProto, name: str) -> onnx.ValueInfoProto:
    copy = _copy_value_info(info)
    copy.name = name
    return copy


def _empty_like(tensor_type: onnx.TypeProto.Tensor, name: str) -> TensorProto:
    """An empty tensor of the type's element type and rank: fixed dims kept, symbolic ones 0."""
    dims = [d.dim_value if d.HasField("dim_value") else 0 for d in tensor_type.shape.dim]
    dtype = helper.tensor_dtype_to_np_dtype(tensor_type.elem_type)
    return numpy_helper.from_array(np.zeros(dims, dtype), name)


def _subgraphs(node: onnx.NodeProto) -> Iterator[onnx.GraphProto]:
    for attribute in node.attribute:
        if attribute.HasField("g"):
            yield attribute.g
        yield from attribute.graphs


def _all_nodes(graph: onnx.GraphProto) -> Iterator[tuple[onnx.GraphProto, onnx.NodeProto]]:
    for node in graph.node:
        yield graph, node
        for sub in _subgraphs(node):
            yield from _all_nodes(sub)


def _all_graphs(graph: onnx.GraphProto) -> Iterator[onnx.GraphProto]:
    yield graph
    for node in graph.node:
        for sub in _subgraphs(node):
            yield from _all_graphs(sub)


def _branch(source: onnx.GraphProto, prefix: str) -> tuple[onnx.GraphProto, list[TensorProto]]:
    """`source` as an If branch: no inputs (they become the outer graph's inputs of the same
    name), every name it defines prefixed, and its initializers taken out (returned, renamed)."""
    graph = onnx.GraphProto()
    graph.CopyFrom(source)
    outer = {i.name for i in graph.input}
    defined: set[str] = set()
    for sub in _all_graphs(graph):
        defined.update(t.name for t in sub.initializer)
        defined.update(i.name for i in sub.input if sub is not graph)
        for node in sub.node:
            defined.update(o for o in node.output if o)
    rename = {name: prefix + name for name in defined - outer}
    _apply(graph, rename)
    weights = list(graph.initializer)
    del graph.initializer[:]
    del graph.input[:]
    del graph.value_info[:]
    graph.name = prefix.rstrip("/")
    return graph, weights


def _apply(graph: onnx.GraphProto, rename: dict[str, str]) -> None:
    """Rename every use and definition of a name in `graph` and its subgraphs."""
    for sub in _all_graphs(graph):
        for tensor in sub.initializer:
            tensor.name = rename.get(tensor.name, tensor.name)
        for info in (*sub.value_info, *sub.input, *sub.output):
            info.name = rename.get(info.name, info.name)
        for node in sub.node:
            for i, name in enumerate(node.input):
                node.input[i] = rename.get(name, name)
            for i, name in enumerate(node.output):
                node.output[i] = rename.get(name, name)


def _digest(tensor: TensorProto) -> str:
    array = numpy_helper.to_array(tensor)
    return hashlib.sha1(f"{array.dtype}{array.shape}".encode() + np.ascontiguousarray(array).tobytes()).hexdigest()


def _shared_initializers(branches: list[onnx.GraphProto], weights: list[list[TensorProto]],
                         taken: set[str]) -> list[TensorProto]:
    """The branches' weights for the outer graph, each distinct tensor once, under its original
    name where that is free; references in the branches are updated."""
    out: list[TensorProto] = []
    by_digest: dict[str, str] = {}
    used = set(taken)
    for branch, tensors in zip(branches, weights):
        rename: dict[str, str] = {}
        prefix = branch.name + "/"
        for tensor in tensors:
            old, digest = tensor.name, _digest(tensor)
            if digest not in by_digest:
                plain = old[len(prefix):] if old.startswith(prefix) else old
                by_digest[digest] = plain if plain not in used else old
                used.add(by_digest[digest])
                tensor.name = by_digest[digest]
                out.append(tensor)
            rename[old] = by_digest[digest]
        _apply(branch, rename)
    return out


def _functions(*models: onnx.ModelProto) -> Iterable[onnx.FunctionProto]:
    seen: dict[tuple[str, str, str], onnx.FunctionProto] = {}
    for model in models:
        for function in model.functions:
            key = (function.domain, function.name, getattr(function, "overload", ""))
            if key in seen and seen[key].SerializeToString() != function.SerializeToString():
                raise ValueError(f"two different ONNX functions named {function.name}")
            seen[key] = function
    return seen.values()
