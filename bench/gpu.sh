#!/usr/bin/env bash
# GPU figures for docs/performance.md: run once on a machine with a working CUDA GPU.
#
#   bench/gpu.sh [DATA_DIR]
#
# 1. MNIST to 99% test accuracy: cnn-small, the app's MNIST defaults, mixed precision (bf16).
# 2. A fast CIFAR-10 recipe in the spirit of the public CIFAR-10 speed runs (one-cycle
#    schedule, large batches, flips and crops, bf16), built only from what the app offers:
#    resnet18, batch 512, 15 epochs.
# 3. Training throughput with and without mixed precision, and ONNX Runtime's CUDA provider
#    against its CPU provider for the exported CIFAR-10 model.
#
# DATA_DIR (optional) holds MNIST's four .gz files in DATA_DIR/mnist and CIFAR-10's
# cifar-10-batches-bin in DATA_DIR/cifar10, for machines without internet; otherwise the
# datasets are downloaded into the user cache. Prints one JSON line per step and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DATA=${1:-}
OUT=${OUT:-out/gpu-bench}
mkdir -p "$OUT"

"$PY" - <<'EOF'
import sys, torch
if not torch.cuda.is_available():
    sys.exit("bench/gpu.sh needs a working CUDA GPU; this machine has none.")
print(f"GPU: {torch.cuda.get_device_name(0)}, torch {torch.__version__}, bf16 {torch.cuda.is_bf16_supported()}")
EOF

data_arg() { if [ -n "$DATA" ]; then echo "--data-dir $DATA/$1"; fi; }

echo "== MNIST to 99% (cnn-small, app defaults, bf16) =="
/usr/bin/time -f "%e s wall" "$PY" -m engine train --dataset mnist --model cnn-small --device cuda \
    $(data_arg mnist) --runs-dir "$OUT/runs" --export "$OUT/mnist.onnx" --json | tail -1 | tee "$OUT/mnist.json"

echo "== CIFAR-10 fast recipe (resnet18, batch 512, 15 epochs, one-cycle, crop+flip, bf16) =="
/usr/bin/time -f "%e s wall" "$PY" -m engine train --dataset cifar10 --model resnet18 --device cuda \
    --batch-size 512 --epochs 15 --lr 4e-3 --schedule onecycle --augment crop+flip \
    $(data_arg cifar10) --runs-dir "$OUT/runs" --export "$OUT/cifar10.onnx" --json | tail -1 | tee "$OUT/cifar10.json"

echo "== CIFAR-10 float32 for comparison (3 epochs) =="
"$PY" -m engine train --dataset cifar10 --model resnet18 --device cuda --no-mixed-precision \
    --batch-size 512 --epochs 3 --lr 4e-3 --augment crop+flip $(data_arg cifar10) --runs-dir "$OUT/runs" --json \
    | tail -1 | tee "$OUT/cifar10-fp32.json"

echo "== ONNX Runtime: CUDA provider against CPU provider, exported CIFAR-10 model, batch 256 =="
"$PY" - "$OUT/cifar10.onnx" <<'EOF'
import sys, time
import numpy as np
from engine.infer.classifier import ImageClassifier
path = sys.argv[1]
batch = np.random.default_rng(0).standard_normal((256, 3, 32, 32)).astype(np.float32)
for device in ("cuda", "cpu"):
    model = ImageClassifier.open(path, device)
    model.predict_batch(batch)
    started = time.perf_counter()
    for _ in range(20):
        model.predict_batch(batch)
    rate = 20 * 256 / (time.perf_counter() - started)
    print(f"{device}: provider {model.provider}, {rate:,.0f} pictures/s")
EOF
