"""Run one slow function (decoding a picture) over many items, on the faster of one thread or
a small pool: whichever wins a short trial on the first items does the rest.

Threads, not processes: Pillow and zlib release the GIL while decoding, and forking a process
that runs Qt and torch threads is unsafe. On a one-core machine, or for a few items, the pool
is never tried.
"""

from __future__ import annotations

import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence, TypeVar

log = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

TRIAL = 48  # items timed on each side before choosing
MIN_ITEMS = 4 * TRIAL  # fewer items than this are not worth a pool
QUICK_ITEM_S = 0.0003  # items faster than this serially cost less than handing them to a thread


def worker_count() -> int:
    """Threads the pool would use: the CPU cores this process may run on, at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(8, cores))


def map_fastest(fn: Callable[[Item], Result], items: Sequence[Item], after_each: Callable[[int], None] | None = None,
                workers: int | None = None) -> tuple[list[Result], str]:
    """`[fn(item) for item in items]`, in order, and how it ran ("serial" or "N threads").

    `after_each(done)` is called on the calling thread after every item (progress and cancel
    checks go there; an exception it raises stops the work and propagates, as does one from
    `fn`). With more than one core and enough items, the first TRIAL items run serially and the
    next TRIAL on the pool; the faster way does the rest.
    """
    workers = worker_count() if workers is None else workers
    results: list[Result] = []

    def serial(chunk: Sequence[Item]) -> None:
        for item in chunk:
            results.append(fn(item))
            if after_each is not None:
                after_each(len(results))

    if workers < 2 or len(items) < MIN_ITEMS:
        serial(items)
        return results, "serial"
    started = time.perf_counter()
    serial(items[:TRIAL])
    serial_rate = TRIAL / max(time.perf_counter() - started, 1e-9)
    if serial_rate * QUICK_ITEM_S > 1:
        serial(items[TRIAL:])
        return results, "serial"
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="decode") as pool:

        def pooled(chunk: Sequence[Item]) -> None:
            pending = [pool.submit(fn, item) for item in chunk[: 4 * workers]]
            next_index = len(pending)
            for position in range(len(chunk)):
                try:
                    results.append(pending[position].result())
                except BaseException:
                    for future in pending[position:]:
                        future.cancel()
                    raise
                if next_index < len(chunk):  # keep a few items in flight, no more: cancelling stays quick
                    pending.append(pool.submit(fn, chunk[next_index]))
                    next_index += 1
                if after_each is not None:
                    try:
                        after_each(len(results))
                    except BaseException:
                        for future in pending[position + 1:]:
                            future.cancel()
                        raise

        list(pool.map(time.sleep, [0.0] * workers))  # start the threads before timing them
        started = time.perf_counter()
        pooled(items[TRIAL : 2 * TRIAL])
        pool_rate = TRIAL / max(time.perf_counter() - started, 1e-9)
        rest = items[2 * TRIAL:]
        if pool_rate > serial_rate * 1.1:
            log.info("decoding on %d threads (%.0f vs %.0f items/s)", workers, pool_rate, serial_rate)
            pooled(rest)
            return results, f"{workers} threads"
    log.info("decoding serially (%.0f vs %.0f items/s on %d threads)", serial_rate, pool_rate, workers)
    serial(rest)
    return results, "serial"
