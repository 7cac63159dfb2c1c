"""map_fastest: the decoding of picture folders on the faster of one thread or a pool."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from engine.data import parallel
from engine.data.parallel import MIN_ITEMS, TRIAL, map_fastest
from engine.errors import LoadCancelled


def test_results_keep_their_order_and_progress_counts_every_item():
    seen = []
    results, how = map_fastest(lambda i: i * i, range(MIN_ITEMS + 37), seen.append, workers=2)
    assert results == [i * i for i in range(MIN_ITEMS + 37)]
    assert seen == list(range(1, MIN_ITEMS + 38)) and how in ("serial", "2 threads")


def test_few_items_or_one_core_never_start_a_pool():
    names = set()

    def record(i):
        names.add(threading.current_thread().name)
        return i

    assert map_fastest(record, range(MIN_ITEMS - 1), workers=8) == (list(range(MIN_ITEMS - 1)), "serial")
    assert map_fastest(record, range(MIN_ITEMS * 2), workers=1)[1] == "serial"
    assert names == {threading.current_thread().name}


def test_work_that_waits_goes_to_the_pool():
    def slow(i):  # sleeping releases the GIL, as Pillow's decoders do
        time.sleep(0.004)
        return -i

    results, how = map_fastest(slow, range(MIN_ITEMS), workers=6)
    assert results == [-i for i in range(MIN_ITEMS)] and how == "6 threads"


@pytest.mark.parametrize("where", [TRIAL // 2, TRIAL + 5, 3 * TRIAL])
def test_a_cancel_or_a_failure_stops_the_work(where):
    done = []

    def cancel_at(count):
        if count == where:
            raise LoadCancelled("Loading was cancelled.")

    def work(i):
        done.append(i)
        time.sleep(0.001)
        return i

    with pytest.raises(LoadCancelled):
        map_fastest(work, range(10 * TRIAL), cancel_at, workers=2)
    time.sleep(0.05)
    assert len(done) < where + 20  # a few in flight at most, not the whole list

    def broken(i):
        if i == where:
            raise ValueError("bad item")
        return i

    with pytest.raises(ValueError, match="bad item"):
        map_fastest(broken, range(10 * TRIAL), workers=2)


def test_a_folder_decodes_the_same_on_a_pool(tmp_path, monkeypatch):
    from PIL import Image

    from engine.data.folder import load_folder
    from engine.data.registry import LoadOptions

    rng = np.random.default_rng(0)
    for c in ("a", "b"):
        (tmp_path / c).mkdir()
        for i in range(MIN_ITEMS // 2 + 3):
            Image.fromarray(rng.integers(0, 256, (12, 12, 3), dtype=np.uint8)).save(tmp_path / c / f"{i}.png")
    monkeypatch.setattr(parallel, "worker_count", lambda: 1)
    serial = load_folder(str(tmp_path), LoadOptions())
    monkeypatch.setattr(parallel, "worker_count", lambda: 3)
    monkeypatch.setattr(parallel, "TRIAL", 4)  # the pool runs at least the trial, whichever way is chosen
    monkeypatch.setattr(parallel, "QUICK_ITEM_S", 0.0)
    pooled = load_folder(str(tmp_path), LoadOptions())
    assert len(serial.train_images) == 2 * (MIN_ITEMS // 2 + 3)
    np.testing.assert_array_equal(serial.train_images, pooled.train_images)
    np.testing.assert_array_equal(serial.train_labels, pooled.train_labels)


def test_the_dataset_list_order_does_not_depend_on_import_order():
    import subprocess
    import sys

    code = ("import engine.data.folder, engine.data.tsv\n"  # imported early, as a test or a command might
            "from engine.data.registry import list_datasets\n"
            "print(' '.join(info.name for info in list_datasets()))")
    early = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    plain = subprocess.run([sys.executable, "-c", code.split("\n", 1)[1]], capture_output=True, text=True, timeout=60)
    assert early.returncode == 0, early.stderr
    assert early.stdout.split() == plain.stdout.split() and early.stdout.split()[0] == "digits"
