"""Pairs of rows whose cosine reaches a threshold, without comparing all pairs.

Prefix filtering (Bayardo et al., "Scaling up all pairs similarity search"):
a row's entries are taken from its most common word to its rarest, and only
the rare tail whose norm reaches the threshold is indexed. Two rows with
cosine >= t share a word in that tail (otherwise their dot product is at most
the head's norm, under t), so probing the index finds every such pair while
common words, which pair nearly everything, are never joined on. The result is
exact; only the number of pairs it looks at shrinks.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

PROBE_BUDGET = 250_000  # candidate pairs looked at per chunk: bounds its transient memory


class _Tails:
    """Each row split by prefix filtering, and what bounds its dot product with a probe.

    `tail`: each row's indexed tail; `head_norm`: the norm of the head left out of it;
    `boundary`: the place (in the order from the most common word to the rarest) of the
    row's first tail word, before which all its head words stand; `keys` and `running`:
    per entry, its row and place (row x columns + place, sorted) and the squared norms
    summed over the matrix up to it in that order, so the norm of a row's part before a
    place is one search away.
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
        self.keys, self.columns = keys[order], columns
        del keys
        squares = matrix.data[order]
        squares **= 2
        self.running = np.zeros(len(squares) + 1)
        np.cumsum(squares, out=self.running[1:])
        # a row's squared norm up to and including each entry
        head_sq = np.repeat(self.running[matrix.indptr[:-1]], per_row)
        np.subtract(self.running[1:], head_sq, out=head_sq)
        in_tail = head_sq >= threshold ** 2 * (1 - 1e-9)
        del head_sq
        # the head is what stays out: its squared norm is the running sum just before the tail
        out = ~in_tail
        self.head_norm = np.sqrt(np.bincount(rows[out], weights=squares[out], minlength=n))
        del squares, out
        keep = order[in_tail]
        del order
        tail_rows = rows[in_tail]
        del rows
        self.tail = sparse.csr_matrix((matrix.data[keep], (tail_rows, matrix.indices[keep])),
                                      shape=matrix.shape)
        self.boundary = np.full(n, columns, dtype=np.int64)
        np.minimum.at(self.boundary, tail_rows, place[matrix.indices[keep]])

    def norm_before(self, rows: np.ndarray, boundary: np.ndarray) -> np.ndarray:
        """Per (row, place): the norm of the row's entries placed before it (a little over,
        never under)."""
        start = np.searchsorted(self.keys, rows * self.columns)
        end = np.searchsorted(self.keys, rows * self.columns + boundary)
        return np.sqrt(np.maximum(self.running[end] - self.running[start], 0) + 1e-9)


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
    """Which pairs to keep so that each row i keeps its `limit` most similar partners."""
    order = np.lexsort((-cosine, i))
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
    head_norm, least = tails.head_norm, threshold * (1 - 1e-9)
    tail_t = tails.tail.T.tocsr()
    found_i, found_j, found_s = [], [], []
    for start, end in _chunks(matrix, tails.tail):
        partial = (matrix[start:end] @ tail_t).tocoo()  # over the other row's tail only
        later = partial.row.astype(np.int64) + start
        earlier = partial.col.astype(np.int64)
        # the other row's head adds at most its norm: pairs that cannot reach t go now
        maybe = (earlier < later) & (partial.data + head_norm[earlier] >= least)
        later, earlier, dot = later[maybe], earlier[maybe], partial.data[maybe]
        # and at most its norm times the norm of this row's words placed where that head
        # stands (Cauchy-Schwarz): most pairs of a day of distinct sentences go here
        reach = tails.norm_before(later, tails.boundary[earlier])
        maybe = dot + head_norm[earlier] * reach >= least
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
