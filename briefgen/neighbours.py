"""Pairs of rows whose cosine reaches a threshold, without comparing all pairs.

Prefix filtering (Bayardo et al., "Scaling up all pairs similarity search"):
the rows are L2-normalized, and each row's entries are taken in one order,
from the most common word to the rarest. A row's head is its longest first
part whose norm stays under the threshold t; the rest, its tail, is indexed.
For rows x and y whose tails begin at b_x <= b_y, every word of y before b_y
is in y's head, so the words the two share there add at most
|head_y| |x| < t (Cauchy-Schwarz). A pair reaching t thus shares a word at or
after b_y, in both tails. So joining tails on tails finds every such pair,
while common words, which pair nearly everything, are never joined on. The
result is exact; the order only decides how few pairs it looks at. Where the tails are
nearly the whole rows (a low threshold), the whole rows are joined instead.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

PROBE_BUDGET = 250_000  # candidate pairs looked at per chunk: bounds its transient memory
# A low threshold leaves nearly every word in the tails (centrality's 0.1: joining the whole
# rows looks at a fifth more pairs than joining the tails): then the whole rows are joined,
# which gives each pair's whole dot product, and no bound on the rest is worked out.
WHOLE_ROWS_SHARE = 2.0
# The earlier rows' index is cut about this many times: each cut reads all of it, and a
# chunk's product reaches past its end by at most this share of the rows.
EARLIER_CUTS = 32


class _Tails:
    """Each row split by prefix filtering, and what bounds its dot product with another.

    `tail`: each row's indexed tail; `head_norm`: the norm of the head left out of it;
    `boundary`: the place (in the order from the most common word to the rarest) of the
    row's first tail word, before which all its head words stand (the number of columns
    for an empty row); `keys` and `after`: the tails' entries row by row in that order,
    each row's from `starts[row]` on, as row * `width` + place and as the row's squared
    norm up to each.
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
        head_sq = np.repeat(running[matrix.indptr[:-1]], per_row)
        np.subtract(running[1:], head_sq, out=head_sq)
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
        places = place[matrix.indices[keep]]
        self.starts = np.searchsorted(tail_rows, np.arange(n + 1))
        nonempty = self.starts[:-1] < self.starts[1:]
        self.boundary = np.full(n, columns, dtype=np.int64)
        self.boundary[nonempty] = places[self.starts[:-1][nonempty]]
        # each tail entry as one number, row * width + place, rising through the rows, and
        # a sentinel past the last: norm_before's walk stops at the next row's first
        self.width = columns + 1
        self.keys = np.empty(len(places) + 1, dtype=np.int64)
        np.multiply(tail_rows, self.width, out=self.keys[:-1])
        self.keys[:-1] += places
        self.keys[-1] = np.iinfo(np.int64).max
        del places, tail_rows
        squares = squares[in_tail]  # the tail's alone: the whole rows' are let go
        self.after = self._squared_norms_after(squares)

    def _squared_norms_after(self, squares: np.ndarray) -> np.ndarray:
        """Per tail entry, its row's squared norm up to and including it: the head's, then
        the tail's words added one by one. Added up once here, not anew for each of a
        large day's millions of pairs, in the order norm_before added them."""
        after = np.empty(len(squares))
        which = np.flatnonzero(self.starts[:-1] < self.starts[1:])
        total = self.head_norm[which] ** 2
        at, end = self.starts[which], self.starts[which + 1]
        while len(which):  # a tail word of every row at once: a sentence has a few dozen
            total += squares[at]
            after[at] = total
            more = at + 1 < end
            which, at, end, total = which[more], at[more] + 1, end[more], total[more]
        return after

    def norm_before(self, rows: np.ndarray, boundary: np.ndarray) -> np.ndarray:
        """Per (row, place): the norm of the row's entries placed before it (its head and
        its tail's first words; a little over, never under). A place before the row's own
        boundary gets the whole head's norm: too high, so still a safe bound.
        A row whose tail begins before the place walks its tail a word per round, ending
        at the next row's first word; only the rows still walking are read again (most
        stop after a word or two). On a large day these are millions of pairs a chunk
        of rows, each read at random places: every array not read saves time."""
        walking = self.boundary[rows] < boundary
        total = np.empty(len(rows))
        stay = ~walking
        total[stay] = self.head_norm[rows[stay]] ** 2
        rows, limit = rows[walking], boundary[walking]
        limit += rows * self.width
        at = self.starts[rows] + 1  # past the first tail word, which stands before
        which = np.flatnonzero(self.keys[at] < limit)
        while len(which):
            at[which] += 1
            which = which[self.keys[at[which]] < limit[which]]
        total[walking] = self.after[at - 1]
        return np.sqrt(total + 1e-9)


def _touched(index: sparse.csr_matrix) -> np.ndarray:
    """Per row, how many entries its probe of the index touches (as many as pairs it makes)."""
    postings = np.bincount(index.indices, minlength=index.shape[1])
    touched = np.concatenate(([0], np.cumsum(postings[index.indices])))
    return touched[index.indptr[1:]] - touched[index.indptr[:-1]]  # empty rows too


def _chunks(cost: np.ndarray) -> list[tuple[int, int]]:
    """Row ranges whose probes of the index touch about PROBE_BUDGET entries each (`cost`,
    per row): a day of many near-identical records makes every probe long, a day of news
    few."""
    bounds, start, spent = [], 0, 0
    for row, c in enumerate(cost):
        if spent and spent + c > PROBE_BUDGET:
            bounds.append((start, row))
            start, spent = row, 0
        spent += c
    bounds.append((start, len(cost)))
    return bounds


def _most_similar(later: np.ndarray, earlier: np.ndarray, cosine: np.ndarray, limit: int
                  ) -> np.ndarray:
    """Which pairs to keep so that each later row keeps its `limit` most similar earlier
    rows (the first ones among equals, whatever order the pairs were found in)."""
    order = np.lexsort((earlier, -cosine, later))
    first = np.searchsorted(later[order], later[order], side="left")
    keep = np.zeros(len(later), dtype=bool)
    keep[order[np.arange(len(later)) - first < limit]] = True
    return keep


def _earlier(index_t: sparse.csr_matrix, end: int) -> sparse.csr_matrix:
    """The transposed index's columns of the rows before `end`. A product with them sums
    each entry's terms in the order the full product does, and lists the entries it keeps
    in the same order (its left rows' words are taken in the same order either way)."""
    return index_t[:, :end]


def _only_rows(matrix: sparse.csr_matrix, kept: np.ndarray) -> sparse.csr_matrix:
    """The matrix with the rows not `kept` emptied, each row in its place."""
    per_row = np.diff(matrix.indptr)
    entries = np.repeat(kept, per_row)
    indptr = np.concatenate(([0], np.cumsum(np.where(kept, per_row, 0))))
    return sparse.csr_matrix((matrix.data[entries], matrix.indices[entries], indptr),
                             shape=matrix.shape)


def similar_pairs(matrix: sparse.csr_matrix, threshold: float, limit: int | None = None,
                  probe_cap: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) for every pair i < j of L2-normalized rows with cosine >= threshold;
    with `limit`, only each later row j's `limit` most similar earlier rows i (memory stays
    linear when thousands of records are near-copies of each other).

    With `probe_cap`, a row j whose probe would touch more entries of the index than that
    is not probed, and its pairs with earlier rows are left out (it is still found as the
    earlier row of a later one's pair). Such a row's rarest words each stand in thousands
    of rows: text of a tiny vocabulary, where every row is near every other and the exact
    search would take time squared in the rows. The work stays at most
    `probe_cap` per row."""
    n = matrix.shape[0]
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if n < 2 or matrix.nnz == 0:
        return empty
    matrix = matrix.tocsr()
    tails = _Tails(matrix, threshold)
    head_norm, least = tails.head_norm, threshold * (1 - 1e-9)
    cost, whole_cost = _touched(tails.tail), _touched(matrix)
    whole = whole_cost.sum() <= WHOLE_ROWS_SHARE * cost.sum()
    index, cost = (matrix, whole_cost) if whole else (tails.tail, cost)
    probe = index
    if probe_cap is not None and cost.max() > probe_cap:
        probed = cost <= probe_cap
        probe, cost = _only_rows(index, probed), np.where(probed, cost, 0)
    found_i, found_j, found_s = [], [], []
    index_t = index.T.tocsr()
    earlier_t, cut = index_t, 0
    for start, end in _chunks(cost):
        # tail on tail, or row on row: only on the rows before the chunk's end, as only
        # pairs with an earlier row are kept (half the products, the same sums). Each cut
        # reads the whole index, and a large day has thousands of chunks (time cubed in
        # the rows): it is cut anew only past a step of the rows, and the few pairs of
        # rows before the cut but after the chunk are left out below.
        if end > cut:
            cut = min(n, end + n // EARLIER_CUTS)
            earlier_t = _earlier(index_t, cut)
        partial = (probe[start:end] @ earlier_t).tocoo()
        keep = partial.col < partial.row + start
        later = partial.row[keep].astype(np.int64) + start
        earlier = partial.col[keep].astype(np.int64)
        dot = partial.data[keep]
        if whole:  # the whole dot product, to rounding: the cosine below is the exact one
            maybe = dot >= least
        else:
            # the rest of the dot product stands before the later boundary of the two,
            # where that row has only its head: at most the head's norm times the norm of
            # the other row's words placed there (Cauchy-Schwarz); most pairs of distinct
            # sentences go here
            bound_earlier, bound_later = tails.boundary[earlier], tails.boundary[later]
            first = bound_earlier >= bound_later
            headed = np.where(first, earlier, later)
            other = np.where(first, later, earlier)
            reach = tails.norm_before(other, np.maximum(bound_earlier, bound_later))
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
