"""Work on every core: per-article work split across processes, results in input order,
and one stage run in a child process beside the next."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from itertools import chain
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


def map_ordered(function: Callable[..., R], items: Sequence[T], first: tuple = ()) -> list[R]:
    """function(*first, item) over items, split across processes when there are enough of
    them to pay for it; the same results in the same order either way. `function` must be
    a module-level function. It and `first` reach each worker once, as it starts (forked
    workers find them in the memory they share with the parent), not with every chunk of
    items: rules of some hundred patterns are not pickled and compiled again per chunk.
    Forked workers find the items there too: only a chunk's bounds cross to a worker, and
    the parent does not pickle the items (a day's raw articles) for them."""
    workers = min(cores(), len(items) // MIN_ITEMS)
    if workers < 2:
        return [function(*first, item) for item in items]
    context = multiprocessing.get_context()
    if context.get_start_method() != "fork":  # spawned workers are sent the items
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_take,
                                 initargs=(function, first)) as pool:
            return list(pool.map(_call, items, chunksize=CHUNK))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_take,
                             initargs=(function, first, items)) as pool:
        return list(chain.from_iterable(pool.map(_call_chunk, range(0, len(items), CHUNK))))


# in a worker: what map_ordered runs, and the items when they came with the fork
_TAKEN: tuple[Callable[..., Any], tuple, Sequence[Any]] | None = None


def _take(function: Callable[..., Any], first: tuple, items: Sequence[Any] = ()) -> None:
    global _TAKEN
    _keep_inherited()
    _TAKEN = (function, first, items)


def _call(item: Any) -> Any:
    assert _TAKEN is not None  # set by the worker's initializer
    function, first, _ = _TAKEN
    return function(*first, item)


def _call_chunk(start: int) -> list[Any]:
    """The results of the CHUNK items from `start` on, of the items the worker inherited."""
    assert _TAKEN is not None  # set by the worker's initializer
    function, first, items = _TAKEN
    return [function(*first, item) for item in items[start:start + CHUNK]]


def _forking(worth_it: bool) -> bool:
    """Whether a stage goes to a forked child: worth it, a second core, no other thread
    (forking those is unsafe), not a daemonic process (which may not have children), and
    fork at all."""
    return worth_it and cores() >= 2 and threading.active_count() <= 1 \
        and not multiprocessing.current_process().daemon \
        and "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def beside(function: Callable[..., R], *args: Any, worth_it: bool = True,
           yielding: bool = False) -> Iterator[Callable[[], R]]:
    """Start function(*args) in a forked child and give a call that waits for its result,
    so the caller's next stage runs on the other core meanwhile. The child reads the
    arguments from the memory it shares with the parent (nothing is pickled but the
    result). Without fork, a second core or `worth_it`, with other threads running
    (forking those is unsafe) or in a daemonic process (which may not have children), it
    runs here when its result is asked for.
    A `yielding` child (and its own children) runs at a lower priority: when the caller
    has the longer way to go before it asks, its work comes first on a busy machine.
    A child that dies without a result has its stage run here instead; one not asked for
    its result is stopped on leaving the block."""
    if not _forking(worth_it):
        yield lambda: function(*args)
        return
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    target = _yield_then_send if yielding else _send_result
    child = context.Process(target=target, args=(send, function, args))
    child.start()
    send.close()

    def result() -> R:
        try:
            ok, value = receive.recv()
        except EOFError:
            return _run_here(child, function, *args)
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


@contextmanager
def waiting_beside(prepare: Callable[[], Any], function: Callable[[T], R],
                   worth_it: bool = True) -> Iterator[Callable[[T], R]]:
    """Start a forked child that runs prepare() at once (loading a heavy module, say) and
    then waits; give a call that hands it an argument and waits for function(argument).
    The preparing happens on the other core while the caller does its work. Run here
    instead under the conditions `beside` names, when the child dies without a result,
    or when the call is made more than once."""
    if not _forking(worth_it):
        yield function
        return
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe(duplex=True)
    child = context.Process(target=_wait_and_send, args=(child_end, prepare, function))
    child.start()
    child_end.close()
    used = False

    def call(argument: T) -> R:
        nonlocal used
        if used:
            return function(argument)
        used = True
        try:
            parent_end.send(argument)
            ok, value = parent_end.recv()
        except (EOFError, OSError):
            return _run_here(child, function, argument)
        if not ok:
            raise value
        return value

    try:
        yield call
    finally:
        if not used:  # nothing to wait for
            child.terminate()
        parent_end.close()
        child.join()


def _keep_inherited() -> None:
    """In a forked child: the objects it inherits are left out of its cycle collections,
    which look only at what it makes. Looking at them would write to each (and so copy every
    page of the parent's memory it holds: a child forked beside a large day's articles spent
    0.08 s CPU on one collection); the child ends before their cycles, if any, matter."""
    gc.freeze()


def _run_here(child: Any, function: Callable[..., R], *args: Any) -> R:
    """The stage of a child killed before its result (out of memory, a signal), run here."""
    child.join()
    log.warning("%s stopped without a result (exit code %s); running it here",
                _name(function), child.exitcode)
    return function(*args)


def _name(function: Callable) -> str:
    return getattr(function, "__name__", None) or repr(function)  # a partial has none


def _wait_and_send(pipe: Any, prepare: Callable[[], Any], function: Callable[[Any], Any]
                   ) -> None:
    _keep_inherited()
    with suppress(Exception):  # the call itself meets the same error and reports it
        prepare()
    try:
        argument = pipe.recv()
    except EOFError:  # the parent left without asking
        pipe.close()
        return
    _send_result(pipe, function, (argument,))


YIELDING_NICENESS = 5  # a yielding child gets about a third of a core the caller wants


def _yield_then_send(send: Any, function: Callable[..., Any], args: tuple) -> None:
    with suppress(OSError):  # not allowed here: it just runs at the same priority
        os.nice(YIELDING_NICENESS)
    _send_result(send, function, args)


def _send_result(send: Any, function: Callable[..., Any], args: tuple) -> None:
    _keep_inherited()
    try:
        outcome = (True, function(*args))
    except Exception as e:  # handed to the parent, which raises it
        outcome = (False, e)
    try:
        send.send(outcome)
    except Exception as e:  # an unpicklable result or error
        send.send((False, RuntimeError(f"{_name(function)}: {e}")))
    finally:
        send.close()
