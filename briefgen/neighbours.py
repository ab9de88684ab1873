"""Pairs of rows whose cosine reaches a threshold, without comparing all pairs.

Prefix filtering (Bayardo et al., "Scaling up all pairs similarity search"):
a row's entries are taken from its most common word to its rarest, and the
common head whose norm stays under the threshold t is set aside; the rare tail
is indexed. Two rows with cosine >= t share a word in both their tails: a
shared word outside them stands before the later of the two rows' tails, in
that row's head, and the head alone adds less than t. So joining tails on
tails finds every such pair, while common words, which pair nearly everything,
are never joined on. The result is exact; only the number of pairs it looks at
shrinks.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

PROBE_BUDGET = 250_000  # candidate pairs looked at per chunk: bounds its transient memory


class _Tails:
    """Each row split by prefix filtering, and what bounds its dot product with another.

    `tail`: each row's indexed tail; `head_norm`: the norm of the head left out of it;
    `boundary`: the place (in the order from the most common word to the rarest) of the
    row's first tail word, before which all its head words stand; `places` and `squares`:
    the tails' entries row by row in that order, each row's from `starts[row]` on.
    """

    def __init__(self, matrix: sparse.csr_matrix, threshold: float):
        n, columns = matrix.shape
        per_row = np.diff(matrix.indptr)
        df = np.bincount(matrix.indices, minlength=columns)
        place = np.empty(columns, dtype=np.int64)  # most common word first, ties by column
        place[np.lexsort((np.arange(columns), -df))] = np.arange(columns)
        rows = np.repeat(np.arange(n, dtype=np.int64), per_row)
        keys = rows * columns
        keys += place[matrix.indices]
        # sorting moves entries within their rows only: `rows` stays right for them
        order = np.argsort(keys, kind="stable")
        del keys
        squares = matrix.data[order]
        squares **= 2
        # a row's squared norm up to and including each entry
        running = np.zeros(len(squares) + 1)
        np.cumsum(squares, out=running[1:])
        head_sq = running[1:] - np.repeat(running[matrix.indptr[:-1]], per_row)
        del running
        in_tail = head_sq >= threshold ** 2 * (1 - 1e-9)
        del head_sq
        out = ~in_tail
        self.head_norm = np.sqrt(np.bincount(rows[out], weights=squares[out], minlength=n))
        del out
        keep = order[in_tail]
        del order
        tail_rows = rows[in_tail]
        del rows
        self.tail = sparse.csr_matrix((matrix.data[keep], (tail_rows, matrix.indices[keep])),
                                      shape=matrix.shape)
        self.squares = squares[in_tail]
        # one more place past the last tail, where no search goes on
        self.places = np.append(place[matrix.indices[keep]], columns)
        self.starts = np.searchsorted(tail_rows, np.arange(n + 1))
        self.boundary = np.where(self.starts[:-1] < self.starts[1:],
                                 self.places[self.starts[:-1]], columns)

    def norm_before(self, rows: np.ndarray, boundary: np.ndarray) -> np.ndarray:
        """Per (row, place) with the place at or past the row's own boundary: the norm of
        the row's entries placed before it (its head and its tail's first words; a little
        over, never under)."""
        total = self.head_norm[rows] ** 2
        which = np.arange(len(rows))
        at, end, limit = self.starts[rows], self.starts[rows + 1], boundary
        while len(which):  # a tail word at a time, while any row has one before its place
            more = (at < end) & (self.places[at] < limit)
            which, at, end, limit = which[more], at[more], end[more], limit[more]
            total[which] += self.squares[at]
            at += 1
        return np.sqrt(total + 1e-9)


def _chunks(matrix: sparse.csr_matrix, tail: sparse.csr_matrix) -> list[tuple[int, int]]:
    """Row ranges whose probes of the tail index touch about PROBE_BUDGET entries each:
    a day of many near-identical records makes every probe long, a day of news few."""
    postings = np.bincount(tail.indices, minlength=matrix.shape[1])
    cost = np.add.reduceat(postings[matrix.indices], matrix.indptr[:-1]) \
        if matrix.nnz else np.zeros(matrix.shape[0])
    cost[np.diff(matrix.indptr) == 0] = 0  # reduceat repeats a value for an empty row
    bounds, start, spent = [], 0, 0
    for row, c in enumerate(cost):
        if spent and spent + c > PROBE_BUDGET:
            bounds.append((start, row))
            start, spent = row, 0
        spent += c
    bounds.append((start, matrix.shape[0]))
    return bounds


def _most_similar(i: np.ndarray, j: np.ndarray, cosine: np.ndarray, limit: int
                  ) -> np.ndarray:
    """Which pairs to keep so that each row i keeps its `limit` most similar partners (the
    first rows j among equals, whatever order the pairs were found in)."""
    order = np.lexsort((j, -cosine, i))
    first = np.searchsorted(i[order], i[order], side="left")
    keep = np.zeros(len(i), dtype=bool)
    keep[order[np.arange(len(i)) - first < limit]] = True
    return keep


def similar_pairs(matrix: sparse.csr_matrix, threshold: float, limit: int | None = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) for every pair i < j of L2-normalized rows with cosine >= threshold;
    with `limit`, only each later row j's `limit` most similar earlier rows i (memory stays
    linear when thousands of records are near-copies of each other)."""
    n = matrix.shape[0]
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if n < 2 or matrix.nnz == 0:
        return empty
    matrix = matrix.tocsr()
    tails = _Tails(matrix, threshold)
    tail, head_norm, least = tails.tail, tails.head_norm, threshold * (1 - 1e-9)
    found_i, found_j, found_s = [], [], []
    tail_t = tail.T.tocsr()
    for start, end in _chunks(tail, tail):
        partial = (tail[start:end] @ tail_t).tocoo()  # tail on tail
        later = partial.row.astype(np.int64) + start
        earlier = partial.col.astype(np.int64)
        keep = earlier < later
        earlier, later, dot = earlier[keep], later[keep], partial.data[keep]
        # the rest of the dot product stands before the later boundary of the two, where
        # that row is its head: at most the head's norm times the norm of the other row's
        # words placed there (Cauchy-Schwarz); most pairs of distinct sentences go here
        first = tails.boundary[earlier] >= tails.boundary[later]
        headed = np.where(first, earlier, later)
        other = np.where(first, later, earlier)
        reach = tails.norm_before(other, tails.boundary[headed])
        maybe = dot + head_norm[headed] * reach >= least
        later, earlier = later[maybe], earlier[maybe]
        if not len(later):
            continue
        cosine = np.asarray(matrix[later].multiply(matrix[earlier]).sum(axis=1)).ravel()
        near = cosine >= threshold
        later, earlier, cosine = later[near], earlier[near], cosine[near]
        if limit is not None:
            keep = _most_similar(later, earlier, cosine, limit)
            later, earlier, cosine = later[keep], earlier[keep], cosine[keep]
        found_i.append(earlier)
        found_j.append(later)
        found_s.append(cosine)
    if not found_i:
        return empty
    return np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_s)
