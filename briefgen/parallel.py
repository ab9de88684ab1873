"""Work on every core: per-article work split across processes, results in input order,
and one stage run in a child process beside the next."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

log = logging.getLogger("briefgen")
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


@contextmanager
def beside(function: Callable[..., R], *args: Any, worth_it: bool = True
           ) -> Iterator[Callable[[], R]]:
    """Start function(*args) in a forked child and give a call that waits for its result,
    so the caller's next stage runs on the other core meanwhile. The child reads the
    arguments from the memory it shares with the parent (nothing is pickled but the
    result). Without fork, a second core or `worth_it`, with other threads running
    (forking those is unsafe) or in a daemonic process (which may not have children), it
    runs here when its result is asked for.
    A child that dies without a result has its stage run here instead; one not asked for
    its result is stopped on leaving the block."""
    if not worth_it or cores() < 2 or threading.active_count() > 1 \
            or multiprocessing.current_process().daemon \
            or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda: function(*args)
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(send, function, args))
    child.start()
    send.close()

    def result() -> R:
        try:
            ok, value = receive.recv()
        except EOFError:  # killed (out of memory, a signal): the stage is done here instead
            child.join()
            log.warning("%s stopped without a result (exit code %s); running it here",
                        function.__name__, child.exitcode)
            return function(*args)
        finally:
            receive.close()
            child.join()
        if not ok:
            raise value
        return value

    try:
        yield result
    finally:
        if child.is_alive():
            child.terminate()
        child.join()
        receive.close()


def _send_result(send: Any, function: Callable[..., Any], args: tuple) -> None:
    try:
        outcome = (True, function(*args))
    except Exception as e:  # handed to the parent, which raises it
        outcome = (False, e)
    try:
        send.send(outcome)
    except Exception as e:  # an unpicklable result or error
        send.send((False, RuntimeError(f"{function.__name__}: {e}")))
    finally:
        send.close()
