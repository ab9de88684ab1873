"""Per-article work on every core, results in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400  # below this, starting workers costs more than it saves
CHUNK = 64  # items sent to a worker at once: fewer round trips, still balanced


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_ordered(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """function over items, split across processes when there are enough of them to pay
    for it; the same results in the same order either way. `function` must be a
    module-level function (it is pickled to the workers)."""
    workers = min(cores(), len(items) // MIN_ITEMS)
    if workers < 2:
        return [function(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items, chunksize=CHUNK))
