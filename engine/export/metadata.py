"""The metadata ModelDesk writes into every exported ONNX model, and reads back.

It is stored as one JSON object under the metadata key `modeldesk`, so any ONNX tool can read
it. This module imports neither torch nor onnxruntime: the playground uses it to open models
quickly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

METADATA_KEY = "modeldesk"


@dataclass
class ClassifierMetadata:
    """What an image classifier needs to be used without its training code.

    Preprocessing contract: decode the image, convert to grayscale (channels=1) or RGB
    (channels=3), resize to `input_size` (height, width), scale to [0, 1], subtract `mean` and
    divide by `std` per channel, and lay the batch out as `layout` ("nchw" or "nhwc").
    The model outputs one logit per label.
    """

    labels: list[str]
    input_size: tuple[int, int]
    channels: int
    mean: list[float]
    std: list[float]
    layout: str = "nchw"
    task: str = "classify"
    model_name: str = ""
    dataset: str = ""
    metrics: dict[str, float] = field(default_factory=dict)
    app_version: str = ""

    def to_json(self) -> str:
        """The JSON text stored under `METADATA_KEY`."""
        data = asdict(self)
        data["input_size"] = list(self.input_size)
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "ClassifierMetadata":
        """Parse what `to_json` wrote; raises ValueError/KeyError/TypeError on bad text."""
        data = json.loads(text)
        if data.get("task", "classify") != "classify":
            raise ValueError(f"not a classifier: task={data.get('task')!r}")
        known = set(cls.__dataclass_fields__)
        data = {k: v for k, v in data.items() if k in known}
        data["input_size"] = tuple(int(v) for v in data["input_size"])
        data["channels"] = int(data["channels"])
        return cls(**data)


def read_task(props: dict[str, str]) -> str | None:
    """The task named in an ONNX model's metadata props, or None for foreign models."""
    text = props.get(METADATA_KEY)
    if not text:
        return None
    try:
        return str(json.loads(text).get("task") or "") or None
    except (ValueError, AttributeError):
        return None
