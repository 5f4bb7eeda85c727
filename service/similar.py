"""Near copies: reports whose words are mostly the same (a re-scan read again by OCR, an
edited version, the same press release in two outlets), found without comparing every pair.

Exact copies (the same folded words) are `same_text_as` in the store. A re-scan differs in a
few misread words, so here a text is a set of word trigrams ("shingles") and two texts are
compared by the Jaccard similarity of those sets. To find the candidates among 100k reports
without reading them, each text gets a MinHash signature (for each of 32 hash functions, the
smallest hash of its shingles: two texts agree on one value with probability equal to their
Jaccard similarity), cut into 8 bands of 4 values; a band is stored as one integer key.
Texts sharing any key are candidates: a pair at similarity 0.8 shares one with probability
0.98, at 0.5 with 0.40, at 0.3 with 0.06. The candidates' similarity is then computed
exactly from their texts, and only pairs at or above `THRESHOLD` are reported: nothing is
hidden or merged on that basis, the researcher sees the figure and decides.
"""

from __future__ import annotations

import hashlib

import numpy as np

SHINGLE = 3  # words per shingle: one misread word breaks 3 shingles
HASHES, BANDS = 32, 8
ROWS = HASHES // BANDS
THRESHOLD = 0.5  # Jaccard similarity of the shingle sets at which a report is listed
MIN_SHINGLES = 20  # shorter texts (a caption, an empty scan) share too little to say
# Hash family: x -> (a*x + b) mod 2**64 with odd a, a permutation of the 64-bit hashes, in
# numpy's wrapping uint64 arithmetic (one vectorised pass for all 32 functions).
_rng = np.random.default_rng(20261128)  # fixed: keys must be the same in every process
_A = (_rng.integers(0, 2**63, size=(HASHES, 1), dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=(HASHES, 1), dtype=np.uint64)


def shingles(words: list[str]) -> set[str]:
    """The word trigrams of a text's folded words."""
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _hashes(items: set[str]) -> np.ndarray:
    """A stable 64-bit hash per shingle (Python's own hash() changes between processes)."""
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in items)
    return np.frombuffer(digests, dtype="<u8")


def band_keys(words: list[str]) -> list[int]:
    """The text's LSH keys (one per band, as signed 64-bit integers for SQLite); none for a
    text with fewer than MIN_SHINGLES shingles."""
    items = shingles(words)
    if len(items) < MIN_SHINGLES:
        return []
    signature = (_A * _hashes(items) + _B).min(axis=1).tolist()
    keys = []
    for band in range(BANDS):
        part = signature[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr((band, part)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
