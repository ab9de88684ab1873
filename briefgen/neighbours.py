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

CHUNK_ROWS = 1_024  # rows probed at once: bounds the memory of the partial products


def _tails(matrix: sparse.csr_matrix, threshold: float) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The indexed tail of every row, and the norm of the head left out of it."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    # within each row: most common word first
    order = np.lexsort((-df[matrix.indices], rows))
    squares = matrix.data[order] ** 2
    cumulative = np.cumsum(squares)
    starts = matrix.indptr[:-1]
    before_row = np.concatenate([[0.0], cumulative])[starts]
    head_sq = cumulative - np.repeat(before_row, np.diff(matrix.indptr))  # up to and incl.
    in_tail = head_sq >= threshold ** 2 * (1 - 1e-9)
    # the head is what stays out: its squared norm is the running sum just before the tail
    head_norm_sq = np.zeros(matrix.shape[0])
    np.add.at(head_norm_sq, rows[order][~in_tail], squares[~in_tail])
    keep = order[in_tail]
    tail = sparse.csr_matrix((matrix.data[keep], (rows[keep], matrix.indices[keep])),
                             shape=matrix.shape)
    return tail, np.sqrt(head_norm_sq)


def similar_pairs(matrix: sparse.csr_matrix, threshold: float
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) for every pair i < j of L2-normalized rows with cosine >= threshold."""
    n = matrix.shape[0]
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if n < 2 or matrix.nnz == 0:
        return empty
    matrix = matrix.tocsr()
    tail, head_norm = _tails(matrix, threshold)
    tail_t = tail.T.tocsr()
    found_i, found_j, found_s = [], [], []
    for start in range(0, n, CHUNK_ROWS):
        block = matrix[start:start + CHUNK_ROWS]
        partial = (block @ tail_t).tocoo()  # dot products over the other row's tail only
        i = partial.row.astype(np.int64) + start
        j = partial.col.astype(np.int64)
        # the other row's head adds at most its norm: pairs that cannot reach t go now
        maybe = (i < j) & (partial.data + head_norm[j] >= threshold * (1 - 1e-9))
        i, j = i[maybe], j[maybe]
        if not len(i):
            continue
        cosine = np.asarray(matrix[i].multiply(matrix[j]).sum(axis=1)).ravel()
        near = cosine >= threshold
        found_i.append(i[near])
        found_j.append(j[near])
        found_s.append(cosine[near])
    if not found_i:
        return empty
    return np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_s)
